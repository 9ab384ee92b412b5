"""A post's `page.meta` as MkDocs, the themes and other plugins read it.

Every front-matter key is kept, but the keys that MkDocs and the themes interpret are made safe:
the text they print without escaping (`title`, `description`, Material's `author`...) is
escaped, and values of the wrong type for keys they use (`hide: true`, `search: yes`) are left
out with a warning rather than crashing the build.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import escape

from mkdocs_reeblog.posts import Post
from mkdocs_reeblog.problems import Problem

__all__ = ["page_meta"]

_PRINTED = ("title", "subtitle", "description", "author", "revision_date")
"""Text keys that themes print as they are (Material's `<title>` and header, its `author` meta,
the mkdocs theme's description)."""

_TYPED: dict[str, tuple[type, str]] = {
    "hide": (list, "a list such as [toc, navigation]"),
    "search": (dict, "a mapping such as {exclude: true}"),
    "status": (str, "a word such as new"),
    "icon": (str, "an icon name"),
    "template": (str, "a template file name"),
}
"""Keys Material (or MkDocs) use, with the type they need."""


def _escaped(value: object) -> object:
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escape(item) if isinstance(item, str) else item for item in value]
    return value


def page_meta(
    post: Post, defaults: Mapping[str, Any] | None = None
) -> tuple[dict[str, Any], list[Problem]]:
    """`page.meta` for a post (with `defaults` for keys it does not set), and the problems of
    keys that had to be left out."""
    meta: dict[str, Any] = {**(defaults or {}), **post.meta}
    problems: list[Problem] = []
    for key, (kind, hint) in _TYPED.items():
        if key in meta and not isinstance(meta[key], kind):
            problems.append(
                Problem(
                    post.path,
                    post.key_lines.get(key, 1),
                    f"'{key}' is read by MkDocs or the theme and must be {hint}; it is ignored",
                )
            )
            del meta[key]
    for key in (*_PRINTED, "source"):
        if key in meta:
            meta[key] = _escaped(meta[key])
    return meta, problems
