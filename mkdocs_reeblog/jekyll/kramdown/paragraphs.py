"""Paragraphs, horizontal rules and headers as kramdown with GFM input reads them.

A paragraph runs until a blank line or a line that starts another block in kramdown-parser-gfm
(`PARAGRAPH_END_GFM`): a list item (any number, any bullet), an ATX header, a quotation, a
fence, a definition, a block-level HTML tag, an IAL or `^`. Other lines, `---` and table rows
included, are the paragraph's text. A setext header (`Title` over `===` or `---`) is one line
after a blank line; an ATX header needs a space after its `#`s (`#tag` is text).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from mkdocs_reeblog.jekyll.kramdown.source import (
    HR_START,
    PARAGRAPH_END,
    after_block_boundary,
    line_text,
)

__all__ = ["paragraphs_plugin"]

_ATX = re.compile(r"(#{1,6})[\t ]+(.*)$")
_CLOSING_HASHES = re.compile(r"[\t ]#+$")
_SETEXT_UNDERLINE = re.compile(r"([-=])[-=]*[ \t\r\f\v]*$")
_SETEXT_TEXT = re.compile(r" {0,3}[^ \t]")


def paragraphs_plugin(md: MarkdownIt) -> None:
    """Replace markdown-it's paragraph, heading and rule readers with kramdown's."""
    md.block.ruler.at("paragraph", _paragraph)
    md.block.ruler.at("heading", _atx_header)
    md.block.ruler.at("hr", _horizontal_rule)
    md.block.ruler.at("lheading", _setext_header)


def _paragraph(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    line = start_line + 1
    while line < end_line and not PARAGRAPH_END.match(line_text(state, line)):
        line += 1
    if silent:
        return True
    content = "\n".join(line_text(state, n) for n in range(start_line, line)).strip()
    tokens = state.tokens
    if len(tokens) > 1 and tokens[-1].type == "paragraph_close" and tokens[-2].map is not None:
        inline = tokens[-2]
        if inline.map is not None and inline.map[1] == start_line:
            # kramdown adds text right after a paragraph (a line no other block took) to it.
            inline.content += "\n" + content
            inline.map = [inline.map[0], line]
            state.line = line
            return True
    _push_block(state, "paragraph", "p", content, start_line, line)
    return True


def _atx_header(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    match = _ATX.match(line_text(state, start_line))
    if match is None:
        return False
    text = match.group(2).rstrip()
    if _CLOSING_HASHES.search(text):
        text = _CLOSING_HASHES.sub("", text).rstrip()
    if not text:
        return False
    if not silent:
        level = len(match.group(1))
        _push_block(state, "heading", f"h{level}", text, start_line, start_line + 1, "#" * level)
    return True


def _setext_header(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if start_line + 1 >= end_line:
        return False
    text = line_text(state, start_line)
    underline = _SETEXT_UNDERLINE.match(line_text(state, start_line + 1))
    if underline is None or not _SETEXT_TEXT.match(text) or not text.strip():
        return False
    if not after_block_boundary(state, start_line):
        return False
    if not silent:
        tag = "h1" if underline.group(1) == "=" else "h2"
        markup = underline.group(1)
        _push_block(state, "heading", tag, text.strip(), start_line, start_line + 2, markup)
    return True


def _horizontal_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if not HR_START.match(line_text(state, start_line)):
        return False
    if not silent:
        token = state.push("hr", "hr", 0)
        token.map = [start_line, start_line + 1]
        token.markup = line_text(state, start_line).strip()
    state.line = start_line + 1
    return True


def _push_block(
    state: StateBlock,
    kind: str,
    tag: str,
    content: str,
    start_line: int,
    end_line: int,
    markup: str = "",
) -> None:
    """Push `<tag>` holding `content` as inline text, and move past its lines. `markup` is
    what marks the block in the source (`##` for an ATX header, `=` or `-` for a setext one),
    as markdown-it's own readers record it."""
    opening = state.push(f"{kind}_open", tag, 1)
    opening.map = [start_line, end_line]
    opening.markup = markup
    inline = state.push("inline", "", 0)
    inline.content = content
    inline.map = [start_line, end_line]
    inline.children = []
    state.push(f"{kind}_close", tag, -1)
    state.line = end_line
