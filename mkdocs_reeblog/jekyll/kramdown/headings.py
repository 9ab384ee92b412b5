"""Heading ids as kramdown-parser-gfm makes them, and the headings a page's TOC lists."""

from __future__ import annotations

import re
import unicodedata

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from mkdocs_reeblog.jekyll.kramdown.model import Heading

__all__ = ["gfm_id", "headings_plugin"]

_NOT_ID = re.compile(r"[^\w\- ]", re.UNICODE)


def gfm_id(text: str) -> str:
    """GitHub's id for a heading's text: lower case, punctuation dropped, spaces to dashes."""
    text = unicodedata.normalize("NFC", text).lower()
    return _NOT_ID.sub("", text).replace(" ", "-")


def headings_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("reeblog_headings", _heading_ids)


def _heading_ids(state: StateCore) -> None:
    seen: dict[str, int] = {}
    headings: list[Heading] = []
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[i + 1]
        title = "".join(
            child.content
            for child in inline.children or ()
            if child.type in ("text", "code_inline")
        )
        slug = token.attrGet("id")
        if not isinstance(slug, str):
            slug = gfm_id(title) or "section"
            count = seen.get(slug)
            seen[slug] = 0 if count is None else count + 1
            if count is not None:
                slug = f"{slug}-{count + 1}"
            token.attrSet("id", slug)
        headings.append(Heading(int(token.tag[1]), slug, title))
    state.env["reeblog_headings"] = headings
