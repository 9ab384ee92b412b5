"""A Jekyll `_config.yml` as `mkdocs.yml` settings, and the keys that have no MkDocs setting.

The site settings come from `jekyll/site.py` (the plugin fills the same ones in when
`mkdocs.yml` leaves them unset); what the plugin reads from the Jekyll config itself
(`jekyll_config`) needs no mapping. Every other key is reported with its line: a theme's
settings, analytics, comments, plugins the package does not know.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from mkdocs_reeblog.jekyll.site import MKDOCS_KEYS, THEME_KEYS

__all__ = ["KNOWN_PLUGINS", "ConfigNote", "key_lines", "unmapped"]

READ_BY_PLUGIN = frozenset(
    {"permalink", "timezone", "excerpt_separator", "future", "show_drafts", "unpublished",
     "paginate", "paginate_path", "jekyll-archives", "feed", "defaults", "data_dir",
     "includes_dir", "collections", "markdown", "kramdown", "exclude", "include", "plugins",
     "gems", "encoding", "source", "destination", "highlighter", "sass"}
)  # fmt: skip
"""Keys the plugin reads from `jekyll_config`, or that say how Jekyll builds (nothing to map)."""

ANALYTICS = frozenset(
    {"google_analytics", "googleanalytics", "google_analytics_id", "analytics", "enableDNT",
     "gtag", "disqus", "gitment", "utterances", "giscus", "comments", "staticman"}
)  # fmt: skip

KNOWN_PLUGINS = {
    "jekyll-feed": "the Atom feed (feed_path)",
    "jekyll-seo-tag": "social and SEO tags (seo)",
    "jekyll-sitemap": "MkDocs writes sitemap.xml",
    "jekyll-paginate": "the blog index's pages (paginate)",
    "jekyll-paginate-v2": "the blog index's pages (paginate)",
    "jekyll-archives": "tag, category and year pages",
    "jekyll-redirect-from": "redirect_from and redirect_to",
}
"""Jekyll plugins whose work the plugin or MkDocs does, and which option does it."""


@dataclass(frozen=True, order=True)
class ConfigNote:
    """A key of the `_config.yml` that is not mapped, with its line."""

    line: int
    key: str
    message: str


def key_lines(text: str) -> tuple[dict[str, int], dict[str, int]]:
    """The line of each top-level key of a YAML mapping, and of each item of its `plugins`
    (or `gems`) list; empty when the text is not a YAML mapping."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}, {}
    if not isinstance(node, yaml.MappingNode):
        return {}, {}
    keys: dict[str, int] = {}
    plugins: dict[str, int] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            continue
        keys[str(key.value)] = key.start_mark.line + 1
        if key.value in ("plugins", "gems") and isinstance(value, yaml.SequenceNode):
            for item in value.value:
                if isinstance(item, yaml.ScalarNode):
                    plugins[str(item.value)] = item.start_mark.line + 1
    return keys, plugins


def _hint(key: str, value: object) -> str:
    if key in ANALYTICS:
        if "analytics" in key.lower() and isinstance(value, str):
            return (
                "analytics are not mapped; with Material write extra: {analytics: {provider: "
                f"google, property: {value}}}}} in mkdocs.yml"
            )
        return "analytics and comments are not mapped; see Material's 'extra' settings"
    if key in ("theme", "remote_theme"):
        return "the Jekyll theme is replaced by Material (theme: in mkdocs.yml)"
    return "a theme setting with no MkDocs setting; kept for Liquid's site.* only"


def unmapped(jekyll: Mapping[str, Any], text: str) -> list[ConfigNote]:
    """The keys of the `_config.yml` (`jekyll`, read from `text`) the import does not map, and
    the plugins it does not know, each with its line, in the file's order."""
    lines, plugin_lines = key_lines(text)
    notes: list[ConfigNote] = []
    for key, value in jekyll.items():
        key = str(key)
        if key in MKDOCS_KEYS or key in THEME_KEYS or key in READ_BY_PLUGIN:
            continue
        notes.append(ConfigNote(lines.get(key, 1), key, _hint(key, value)))
    for name, line in plugin_lines.items():
        if name not in KNOWN_PLUGINS:
            message = "a Jekyll plugin reeblog does not know: look for an MkDocs plugin that does"
            notes.append(ConfigNote(line, name, message + " its work"))
    return sorted(notes)
