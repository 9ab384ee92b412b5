"""Block quotations as kramdown reads them: from a `>` line up to a blank line (or a line
that ends lazy text: an IAL, `^`, a block-level HTML tag); every line's `>` is removed and the
rest is read as a document, so lines without `>` continue the quotation."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from mkdocs_reeblog.jekyll.kramdown.source import (
    BLOCKQUOTE_START,
    LAZY_END,
    line_text,
    parse_nested,
)

__all__ = ["quotations_plugin"]


def quotations_plugin(md: MarkdownIt) -> None:
    """Replace markdown-it's block quotation reader with kramdown's."""
    md.block.ruler.at("blockquote", _blockquote)


def _blockquote(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if BLOCKQUOTE_START.match(line_text(state, start_line)) is None:
        return False
    if silent:
        return True
    line = start_line + 1
    while line < end_line and not LAZY_END.match(line_text(state, line)):
        line += 1
    lines = (line_text(state, n) for n in range(start_line, line))
    text = "".join(BLOCKQUOTE_START.sub("", each, count=1) + "\n" for each in lines)
    opening = state.push("blockquote_open", "blockquote", 1)
    opening.map = [start_line, line]
    state.level += 1
    parse_nested(state, text, start_line)
    state.level -= 1
    state.push("blockquote_close", "blockquote", -1)
    state.line = line
    return True
