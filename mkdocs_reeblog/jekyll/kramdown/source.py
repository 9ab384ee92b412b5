"""What kramdown's block parsers share: its line patterns, and reading nested blocks.

kramdown reads a container (a list item, a quotation) by cutting its text out of the source,
removing the container's indentation or markers, and parsing that text as a document of its
own. The block rules here do the same with markdown-it: `parse_nested` parses a piece of text
into the current token stream, its tokens' line numbers moved to the piece's place in the post.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from markdown_it.rules_block import StateBlock

from mkdocs_reeblog.jekyll.kramdown.html_tags import SPAN_ELEMENTS, TAG_NAME

__all__ = [
    "BLOCKQUOTE_START",
    "EOB_MARKER",
    "FENCE_START",
    "HR_START",
    "HTML_LINE",
    "INDENTED",
    "LAZY_END",
    "LIST_START",
    "PARAGRAPH_END",
    "after_block_boundary",
    "before_block_boundary",
    "indented_end",
    "is_boundary_line",
    "line_at",
    "line_text",
    "parse_nested",
    "rest_is_blank",
    "start_line_at",
]

# kramdown's LAZY_END_HTML_SPAN_ELEMENTS: tags that do not end a paragraph.
_SPAN_TAGS = "|".join(sorted(SPAN_ELEMENTS | {"script"}))
IAL_BLOCK_START = r" {0,3}\{:(?!:|/)(?:\\\}|[^}])+\}[ \t]*$"
_IAL_BLOCK = re.compile(IAL_BLOCK_START)
EOB_MARKER = re.compile(r"\^[ \t]*$")
_HTML_START = rf" {{0,3}}<(?!(?:{_SPAN_TAGS})\b){TAG_NAME}"
_HTML_STOP = rf" {{0,3}}</(?!(?:{_SPAN_TAGS})\b){TAG_NAME}\s*>"
HTML_LINE = rf"{_HTML_STOP}|{_HTML_START}"
"""A line starting with a tag that ends a paragraph, a lazy line or indented code."""
LAZY_END = re.compile(rf"[ \t]*$|{IAL_BLOCK_START}|\^[ \t]*$|{HTML_LINE}")
"""Lines that end a paragraph, a quotation or a lazy line (kramdown's LAZY_END)."""
LIST_START = re.compile(r" {0,3}(?:[+*-]|\d+\.)[\t| ]")
BLOCKQUOTE_START = re.compile(r" {0,3}> ?")
FENCE_START = re.compile(r" {0,3}(?:~~~|```)")
_ATX_START = r"#{1,6}[\t ]+"
_DEFINITION_START = r" {0,3}:[\t| ]"
PARAGRAPH_END = re.compile(
    rf"{LAZY_END.pattern}|{LIST_START.pattern}|{_ATX_START}|{_DEFINITION_START}"
    rf"|{BLOCKQUOTE_START.pattern}|{FENCE_START.pattern}"
)
"""Lines that end a paragraph with GFM input (kramdown-parser-gfm's PARAGRAPH_END_GFM)."""
INDENTED = re.compile(r"(?:\t| {4})[ \t]*\S")
"""A line of indented code (kramdown's INDENT and text)."""
_NOT_LAZY = re.compile(rf"{IAL_BLOCK_START}|{EOB_MARKER.pattern}|{HTML_LINE}")
HR_START = re.compile(r" {0,3}([*\-_])[ \t]*\1[ \t]*\1(?:\1|[ \t])*$")


def line_text(state: StateBlock, line: int) -> str:
    """The whole line, indentation included, without its line break."""
    return state.src[state.bMarks[line] : state.eMarks[line]]


def after_block_boundary(state: StateBlock, line: int) -> bool:
    """Whether a block starting at `line` follows a blank line or starts its container."""
    if line == 0 or state.isEmpty(line - 1):
        return True
    last = state.tokens[-1] if state.tokens else None
    return last is None or last.nesting == 1 or bool(last.meta.get("reeblog_boundary"))


def before_block_boundary(state: StateBlock, line: int) -> bool:
    """Whether `line` (after a block) is blank, the end, an IAL or an end-of-block marker."""
    if line >= state.lineMax or state.isEmpty(line):
        return True
    return is_boundary_line(line_text(state, line))


def is_boundary_line(text: str) -> bool:
    """Whether `text` (a line, or what follows a block on its line) is an IAL or `^`."""
    return bool(EOB_MARKER.match(text) or _IAL_BLOCK.match(text))


def indented_end(state: StateBlock, line: int, end_line: int, *, lazy: bool) -> int:
    """Where indented lines from `line` on end (kramdown's CODEBLOCK_MATCH): indented lines,
    blank lines followed by indented lines, and lines not indented right after text (lazy
    lines: not an IAL, `^` or a block-level tag); `lazy`: whether the line before `line` is
    text a lazy line may follow."""
    end = line
    while line < end_line:
        text = line_text(state, line)
        if not text.strip():
            line += 1
            continue
        if not INDENTED.match(text) and (line != end or not lazy or _NOT_LAZY.match(text)):
            break
        line = end = line + 1
        lazy = True
    return end


def parse_nested(state: StateBlock, text: str, first_line: int) -> None:
    """Parse `text` (a container's content) as blocks into `state`'s tokens; `first_line` is
    where the text starts in `state`'s lines."""
    start = len(state.tokens)
    state.md.block.parse(text, state.md, state.env, state.tokens)
    for token in state.tokens[start:]:
        token.level += state.level
        if token.map is not None:
            token.map = [token.map[0] + first_line, token.map[1] + first_line]


def line_at(state: StateBlock, pos: int, start_line: int) -> int:
    """The line that source position `pos` is on."""
    return max(bisect_right(state.bMarks, pos, start_line, state.lineMax) - 1, start_line)


def rest_is_blank(state: StateBlock, line: int, pos: int) -> bool:
    """Whether only spaces and tabs follow source position `pos` on `line`."""
    return not state.src[pos : state.eMarks[line]].strip(" \t")


def start_line_at(state: StateBlock, line: int, pos: int) -> None:
    """Make `line` start at source position `pos`: the rest of it is read as a line."""
    rest = state.src[pos : state.eMarks[line]]
    indent = len(rest) - len(rest.lstrip(" \t"))
    state.bMarks[line] = pos
    state.tShift[line] = indent
    state.sCount[line] = indent
