"""A post's `page.meta` as MkDocs, the themes and other plugins read it.

Every front-matter key is kept, but the keys that MkDocs and the themes interpret are made safe:
the text they print without escaping (`title`, `description`, Material's `author`...) is
escaped, and a key that MkDocs or Material read with another meaning than the Jekyll theme
the post was written for (`search: false`, `hide: true`, a `template` of the Jekyll theme) is
moved under `page.meta["jekyll"]`, with its value as written, where templates can still read
it. Jekyll builds such posts without a word, and so does the plugin: no warning, no crash.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any

from markupsafe import escape

from mkdocs_reeblog.jekyll.posts import Post, ruby_to_s

__all__ = ["JEKYLL_META", "page_meta", "safe_meta", "set_aside"]

JEKYLL_META = "jekyll"
"""The key of `page.meta` that holds the front-matter keys MkDocs or the theme cannot take."""

_PRINTED = ("title", "subtitle", "description", "author", "revision_date")
"""Text keys that themes print as they are (Material's `<title>` and header, its `author` meta,
the mkdocs theme's description)."""

_TYPED: dict[str, type] = {
    "hide": list,
    "search": dict,
    "status": str,
    "icon": str,
    "template": str,
}
"""Keys Material (or MkDocs) use, with the type they need."""


def _escaped(value: object) -> object:
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escape(item) if isinstance(item, str) else item for item in value]
    return value


def set_aside(meta: MutableMapping[str, Any], key: str) -> None:
    """Move `meta[key]` under `meta["jekyll"]`: MkDocs and the theme no longer see it."""
    aside = meta.get(JEKYLL_META)
    meta[JEKYLL_META] = {**(aside if isinstance(aside, Mapping) else {}), key: meta.pop(key)}


def page_meta(post: Post, defaults: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """`page.meta` for a post (with `defaults` for keys it does not set).

    Minimal Mistakes' `search: false` (the page is left out of the site's search) becomes
    Material's `search: {exclude: true}`; a printed key that is no text (`author: {name: ...}`)
    is printed as its text (`Post.author`, or the value as Ruby prints it), its value kept
    under `page.meta["jekyll"]`.
    """
    return safe_meta({**(defaults or {}), **post.meta}, post.author)


def safe_meta(meta: dict[str, Any], author: str | None = None) -> dict[str, Any]:
    """`meta` (a front matter) made safe for MkDocs and the theme, as `page_meta` says;
    `author` is the author's name when `meta["author"]` is a mapping."""
    for key, kind in _TYPED.items():
        if key in meta and not isinstance(meta[key], kind):
            set_aside(meta, key)
    if meta.get(JEKYLL_META, {}).get("search") is False:
        meta["search"] = {"exclude": True}
    for key in _PRINTED:
        value = meta.get(key)
        if value is not None and not isinstance(value, (str, list)):
            set_aside(meta, key)
            text = author if key == "author" else None
            if text is None and not isinstance(value, (Mapping, list)):
                text = ruby_to_s(value)
            if text:
                meta[key] = text
    for key in (*_PRINTED, "source"):
        if key in meta:
            meta[key] = _escaped(meta[key])
    return meta
