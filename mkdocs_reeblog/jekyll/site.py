"""The site-wide settings of a Jekyll `_config.yml` that have a setting of the same meaning in
MkDocs or Material: one mapping, used by the importer (which writes them into `mkdocs.yml`) and
by the plugin (which fills in those `mkdocs.yml` leaves unset)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

__all__ = ["MKDOCS_KEYS", "THEME_KEYS", "jekyll_site_url", "mkdocs_settings", "theme_language"]

MKDOCS_KEYS = {
    "title": "site_name",
    "url": "site_url",
    "baseurl": "site_url",
    "description": "site_description",
    "author": "site_author",
}
"""Jekyll's keys and the `mkdocs.yml` setting each gives."""

THEME_KEYS = {"lang": "language", "locale": "language", "favicon": "favicon"}
"""Jekyll's keys (the themes': YAT's `lang` and `favicon`, Minimal Mistakes' `locale`) and the
Material `theme:` setting each gives."""


def _text(value: object) -> str | None:
    """A scalar as text (None for nothing, a mapping or a list)."""
    if value is None or isinstance(value, (Mapping, list)):
        return None
    text = " ".join(str(value).split())
    return text or None


def jekyll_site_url(jekyll: Mapping[str, Any]) -> str | None:
    """`url` + `baseurl` as MkDocs' `site_url` (ending in `/`), or None without `url`."""
    url = _text(jekyll.get("url"))
    if url is None or "://" not in url:
        return None
    baseurl = (_text(jekyll.get("baseurl")) or "").strip("/")
    return url.rstrip("/") + "/" + (baseurl + "/" if baseurl else "")


def _author(value: object) -> str | None:
    """`author: Name`, or a mapping's `name` (`author: {name: ..., email: ...}`)."""
    if isinstance(value, Mapping):
        return _text(value.get("name"))
    return _text(value)


def mkdocs_settings(jekyll: Mapping[str, Any]) -> dict[str, str]:
    """`site_name`, `site_url`, `site_description` and `site_author` from a Jekyll config (the
    settings it has)."""
    found = {
        "site_name": _text(jekyll.get("title")),
        "site_url": jekyll_site_url(jekyll),
        "site_description": _text(jekyll.get("description")),
        "site_author": _author(jekyll.get("author")),
    }
    return {key: value for key, value in found.items() if value is not None}


def theme_language(value: object, available: Collection[str]) -> str | None:
    """A Jekyll `lang` or `locale` (`en`, `en-US`, `pt_BR`) as one of the theme's `available`
    languages: the tag itself when the theme has it, else its language (`en`), else None."""
    text = _text(value)
    if text is None:
        return None
    tag = text.replace("_", "-")
    for candidate in (tag, tag.split("-")[0].lower()):
        match = next((name for name in available if name.lower() == candidate.lower()), None)
        if match is not None:
            return match
    return None


def theme_settings(jekyll: Mapping[str, Any], languages: Collection[str]) -> dict[str, str]:
    """Material's `language` (from `lang`, else `locale`) and `favicon` from a Jekyll config."""
    found = {
        "language": theme_language(jekyll.get("lang") or jekyll.get("locale"), languages),
        "favicon": _text(jekyll.get("favicon")),
    }
    if found["favicon"] is not None:
        found["favicon"] = found["favicon"].lstrip("/")
    return {key: value for key, value in found.items() if value is not None}
