"""Other MkDocs plugins in the same build, and the rules that keep each thing written once.

Where reeblog and another plugin would both write the same thing, one of them wins (README,
"Other plugins"), and the build says so in one info line:

- mkdocs-static-i18n makes every file of the site anew in its `on_files`: with it, reeblog reads
  the posts and adds its pages after it, so that its generated pages survive.
- mkdocs-macros renders no post (`render_macros: false` in their `page.meta`, the key it honours
  before anything else): posts are Jekyll's, and their Liquid is reeblog's. A post's own
  `render_macros: true` still asks for it.
- mkdocs-redirects: a redirect to a post is written by reeblog, at the post's Jekyll URL (the
  plugin would add a `/` to an `.html` URL); the others stay the plugin's.
- Material's social plugin makes the card and the Open Graph and Twitter tags of every page it
  can, and reeblog leaves those tags out there (it keeps `article:*`, `author` and JSON-LD).
  A page whose URL ends in a file name while `use_directory_urls` is on has no place for a card
  (the plugin would stop the build): it is skipped by the plugin and keeps reeblog's tags.
- Material's tags plugin shows no tag row on posts: the post header's chips, linked to the
  tag pages, are the posts' tags. The plugin still lists posts on its own tags pages.
- Material's blog plugin publishes its own blog folder beside the posts: its nav section is
  left out while that folder has no post (reeblog's section is the blog).
- Listing pages are `draft: true` for mkdocs-rss-plugin, which reads every page it is given as a
  written one: they are no articles to announce.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mkdocs.structure.nav import Navigation, Section

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.plugins import BasePlugin
    from mkdocs.structure.pages import Page

__all__ = ["Neighbours", "PostRedirect", "social_card_fits", "split_redirect_map"]

I18N = "i18n"
MACROS = "macros"
REDIRECTS = "redirects"
SOCIAL = "material/social"
TAGS = "material/tags"
BLOG = "material/blog"
META = "material/meta"


def _enabled(plugins: Mapping[str, BasePlugin[Any]], name: str) -> BasePlugin[Any] | None:
    """The plugin named `name` in the build, unless its `enabled` option is off."""
    plugin = plugins.get(name)
    if plugin is None or not plugin.config.get("enabled", True):
        return None
    return plugin


def social_card_fits(dest_uri: str, *, use_directory_urls: bool, is_index: bool) -> bool:
    """Whether Material's social plugin can place a page's card: it writes it where the page's
    `index.html` (with `use_directory_urls`) or `.html` ends, replaced by `.png`."""
    suffix = "/index.html" if use_directory_urls and not is_index else ".html"
    return dest_uri.endswith(suffix)


@dataclass(frozen=True)
class PostRedirect:
    """An entry of mkdocs-redirects' `redirect_maps` that points at a post."""

    old: str
    """The old page, as the map names it (`old/page.md`)."""
    src_uri: str
    """The post's source."""
    fragment: str
    """The target's `#anchor`, or empty."""


def split_redirect_map(
    redirect_maps: Mapping[str, Any], is_post: Callable[[str], bool]
) -> tuple[list[PostRedirect], dict[str, Any]]:
    """mkdocs-redirects' map split in the redirects to posts and the other entries."""
    to_posts: list[PostRedirect] = []
    others: dict[str, Any] = {}
    for old, new in redirect_maps.items():
        target, hash_sign, fragment = str(new).partition("#")
        if "://" not in target and is_post(target):
            to_posts.append(PostRedirect(str(old), target, hash_sign + fragment))
        else:
            others[old] = new
    return to_posts, others


@dataclass
class Neighbours:
    """The plugins of a build that reeblog makes room for."""

    names: frozenset[str] = frozenset()
    """The names of the enabled plugins (`config.plugins` keys)."""
    plugins: dict[str, BasePlugin[Any]] = field(default_factory=dict)

    @classmethod
    def of(cls, config: MkDocsConfig) -> Neighbours:
        found = {
            name: plugin
            for name in (I18N, MACROS, REDIRECTS, SOCIAL, TAGS, BLOG, META)
            if (plugin := _enabled(config.plugins, name)) is not None
        }
        return cls(frozenset(found), found)

    @property
    def files_late(self) -> bool:
        """Read the posts after mkdocs-static-i18n has made the site's files anew."""
        return I18N in self.names

    @property
    def tags_variable(self) -> str | None:
        """The template variable Material's tags plugin draws the tag row from."""
        plugin = self.plugins.get(TAGS)
        return None if plugin is None else str(plugin.config.get("tags_name_variable", "tags"))

    def social_card(self, page: Page, config: MkDocsConfig) -> bool:
        """Whether Material's social plugin writes the card and social tags of `page`."""
        plugin = self.plugins.get(SOCIAL)
        if plugin is None or not config.site_url:
            return False
        # Its own test of `cards`, `cards_include` and `cards_exclude` (page.meta and options).
        excluded: Callable[[Page], bool] | None = getattr(plugin, "_is_excluded", None)
        return excluded is None or not excluded(page)

    def redirect_maps(self) -> Mapping[str, Any]:
        """mkdocs-redirects' map for this build (its `on_files` reads it, before reeblog's)."""
        plugin = self.plugins.get(REDIRECTS)
        found = getattr(plugin, "redirects", None) if plugin is not None else None
        return found if isinstance(found, Mapping) else {}

    def keep_redirects(self, others: dict[str, Any]) -> None:
        """Leave mkdocs-redirects the redirects that do not point at posts."""
        plugin = self.plugins.get(REDIRECTS)
        if plugin is not None:
            plugin.redirects = others  # type: ignore[attr-defined]

    def empty_blog_section(self, nav: Navigation) -> Section | None:
        """The nav section of Material's blog plugin, when its blog has no post."""
        blog = getattr(self.plugins.get(BLOG), "blog", None)
        if blog is None or getattr(blog, "posts", None):
            return None
        parent = getattr(blog, "parent", None)
        return parent if isinstance(parent, Section) and parent in nav.items else None

    def notes(self) -> list[str]:
        """One info line per plugin whose work reeblog shares."""
        notes = {
            I18N: "mkdocs-static-i18n: posts are read, and reeblog's pages added, after it has "
            "sorted the site's files",
            MACROS: "mkdocs-macros: posts are not rendered by it (render_macros: false); "
            "reeblog renders their Liquid",
            REDIRECTS: "mkdocs-redirects: redirects to posts are written by reeblog, at the "
            "posts' URLs",
            SOCIAL: "Material's social plugin writes the social tags of the pages it makes a "
            "card for; posts at file URLs (.html) with use_directory_urls keep reeblog's",
            TAGS: "Material's tags plugin: posts show reeblog's tag chips, not its tag row",
            BLOG: "Material's blog plugin publishes its own blog folder, and reeblog the "
            "_posts/ folders: its nav section shows only when it has posts (nav_title names "
            "reeblog's)",
            META: "Material's meta plugin: its .meta.yml values reach page.meta, but posts' "
            "tags and categories are read from their front matter and the Jekyll config's "
            "defaults",
        }
        return [notes[name] for name in sorted(self.names)]
