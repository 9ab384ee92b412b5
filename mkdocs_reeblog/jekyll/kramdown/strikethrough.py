"""Strikethrough as kramdown-parser-gfm 1.1 reads it: `~~text~~` is `<del>text</del>`.

The span is found by kramdown-parser-gfm's pattern alone (`~~`, no white space or `~` after
it, the first `~~` after a character that is neither): a code span or a link does not hide
its closing `~~`. Its content is then read as spans by a scanner of its own, as if nothing
were open around it. `==mark==` is not kramdown's: it stays text.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from mkdocs_reeblog.jekyll.kramdown.spans import opened, parse_content, span_context

__all__ = ["strikethrough_plugin"]

_STRIKETHROUGH = re.compile(r"~~(?![\s~]).*?[^\s~]~~", re.DOTALL | re.ASCII)


def strikethrough_plugin(md: MarkdownIt) -> None:
    """Replace markdown-it's strikethrough (GFM's delimiter runs) with kramdown-parser-gfm's."""
    md.inline.ruler.at("strikethrough", _strikethrough)
    md.inline.ruler2.disable(["strikethrough"])


def _strikethrough(state: StateInline, silent: bool) -> bool:
    src = state.src
    pos = state.pos
    if not src.startswith("~~", pos):
        return False
    match = _STRIKETHROUGH.match(src, pos, state.posMax)
    if match is None:
        return False
    end = match.end() - 2
    if not silent:
        state.push("s_open", "del", 1).markup = "~~"
        with opened(span_context(state), "del", start=pos + 2):
            parse_content(state, pos + 2, end)
        state.push("s_close", "del", -1).markup = "~~"
    state.pos = match.end()
    return True
