"""Backslash escapes and hard line breaks as kramdown-parser-gfm reads them.

A backslash escapes only ``\\ . * _ + ` < > ( ) [ ] { } # ! : | " ' $ = - ~`` (GFM's list in
kramdown-parser-gfm 1.1): the character is then plain text, never markup, a smart quote or
a typographic symbol. Before any other character the backslash stays (`\\&` is `\\&amp;`).

A line ends with a hard break (`<br />`) after two spaces, after two backslashes (kramdown's
own rule) or after one backslash (GFM's).
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from mkdocs_reeblog.jekyll.kramdown.spans import add_text

__all__ = ["escapes_plugin"]

_ESCAPABLE = frozenset("\\.*_+`<>()[]{}#!:|\"'$=-~")


def escapes_plugin(md: MarkdownIt) -> None:
    """Replace markdown-it's escapes (CommonMark's ASCII punctuation) with kramdown-GFM's."""
    md.inline.ruler.at("escape", _escape)


def _escape(state: StateInline, silent: bool) -> bool:
    src = state.src
    pos = state.pos
    if src[pos] != "\\" or pos + 1 >= state.posMax:
        return False
    char = src[pos + 1]
    if char == "\n" or (char == "\\" and src.startswith("\n", pos + 2)):
        if not silent:
            state.push("hardbreak", "br", 0)
        state.pos = pos + (2 if char == "\n" else 3)
        while state.pos < state.posMax and src[state.pos] in " \t":
            state.pos += 1
        return True
    if char not in _ESCAPABLE:
        return add_text(state, "\\", silent)
    if not silent:
        token = state.push("text_special", "", 0)
        token.content = char
        token.markup = src[pos : pos + 2]
        token.info = "escape"
    state.pos = pos + 2
    return True
