"""Definition lists as kramdown reads them (its `parse_definition_list`).

A line `: text` (a colon, then a space or a tab, after at most three spaces) right under a
paragraph, or under a paragraph and one empty line, makes that paragraph's lines the terms
(`<dt>`, one a line) and starts a definition (`<dd>`). A definition takes its lines as a list
item does: the lines indented as deep as its text, and lazy lines that follow text; another
`: ` line starts the next definition; `^` or a line that is none of these ends the list. Each
definition is read as a document of its own; its first paragraph is written without `<p>`
unless a blank line comes before the definition's `:` line.

Terms and definitions that come right after a definition list (a blank line between) join it.
An IAL at the start of a term or of a definition's first line applies to the `<dt>` or `<dd>`
(`attributes.py` reads it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from mkdocs_reeblog.jekyll.kramdown.lists import first_item_line, item_patterns
from mkdocs_reeblog.jekyll.kramdown.source import EOB_MARKER, line_text, parse_nested

__all__ = ["definition_lists_plugin"]

_START = re.compile(r"( {0,3}:)([\t| ].*)$")
_LEADING_TABS = re.compile(r"^\t+")
_BLANK = re.compile(r"[ \t]*$")
_OPENER = "reeblog_dl_open"
"""`meta` key of a `</dl>` token: its `<dl>` (a definition list read later may join it)."""


def definition_lists_plugin(md: MarkdownIt) -> None:
    """Read kramdown's definition lists, where kramdown tries them (after lists)."""
    md.block.ruler.after("list", "reeblog_definition_list", _definition_list)


@dataclass
class _Definition:
    line: int
    """The line of its `:`."""
    chunks: list[str]
    """Its lines, the indentation of its text removed."""
    as_paragraph: bool
    """Whether an empty line comes before it: its first paragraph keeps `<p>`."""


@lru_cache(maxsize=8)
def _next_marker(indentation: int) -> re.Pattern[str]:
    """Where later definitions' `:` may be, from the first definition's indentation."""
    return re.compile(rf"( {{0,{min(max(indentation - 1, 0), 3)}}}:)([\t| ].*)$")


def _definition_list(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    text = line_text(state, start_line)
    if ":" not in text[:4] or _START.match(text) is None:
        return False
    blank_before = _terms_end(state, start_line)
    if blank_before is None:
        return False
    if silent:
        return True
    definitions, line = _read_definitions(state, start_line, end_line, blank_before)
    paragraph = state.tokens[-3:]
    del state.tokens[-3:]
    opening = _joined_list(state)
    if opening is None:
        opening = state.push("dl_open", "dl", 1)
    first_term = _line_of(paragraph[0])
    opening.map = [first_term if opening.map is None else opening.map[0], line]
    for offset, term in enumerate(paragraph[1].content.split("\n")):
        _push_term(state, term.strip(), first_term + offset)
    for definition in definitions:
        state.push("dd_open", "dd", 1).map = [definition.line, definition.line + 1]
        start = len(state.tokens)
        parse_nested(state, "".join(definition.chunks), definition.line)
        children = state.tokens[start:]
        if children and children[0].type == "paragraph_open" and not definition.as_paragraph:
            children[0].hidden = True
            next(t for t in children if t.type == "paragraph_close").hidden = True
        state.push("dd_close", "dd", -1)
    state.push("dl_close", "dl", -1).meta[_OPENER] = opening
    state.line = line
    return True


def _terms_end(state: StateBlock, line: int) -> bool | None:
    """Whether a paragraph ends right above `line` (False) or above an empty line before it
    (True): its lines are the terms; None: no such paragraph, no definition list."""
    tokens = state.tokens
    if len(tokens) < 3 or tokens[-1].type != "paragraph_close" or tokens[-2].map is None:
        return None
    end = tokens[-2].map[1]
    if end == line:
        return False
    if end == line - 1 and not line_text(state, line - 1):
        return True
    return None


def _read_definitions(
    state: StateBlock, line: int, end_line: int, blank_before: bool
) -> tuple[list[_Definition], int]:
    """The definitions from `line` on, and the line after the list; `blank_before`: whether
    an empty line comes before the first."""
    definitions: list[_Definition] = []
    marker = _START
    content_re = lazy_re = indent_re = None
    last_blank = False
    while line < end_line:
        text = line_text(state, line)
        if (start := marker.match(text)) is not None:
            value, indentation = first_item_line(len(start.group(1)), start.group(2))
            content_re, lazy_re, indent_re = item_patterns(indentation)
            marker = _next_marker(indentation)
            definitions.append(_Definition(line, [value + "\n"], blank_before))
        elif EOB_MARKER.match(text):
            break
        elif (
            content_re is not None
            and lazy_re is not None
            and indent_re is not None
            and (content_re.match(text) or (not last_blank and lazy_re.match(text)))
        ):
            text = _LEADING_TABS.sub(lambda tabs: "    " * len(tabs.group()), text, 1)
            definitions[-1].chunks.append(indent_re.sub("", text, 1) + "\n")
        elif _BLANK.match(text):
            definitions[-1].chunks.append("\n")
        else:
            break
        blank_before = last_blank = start is None and not text.strip()
        line += 1
    return definitions, line


def _joined_list(state: StateBlock) -> Token | None:
    """The `<dl>` right before the terms (a blank line between), now continued: its `</dl>`
    removed."""
    tokens = state.tokens
    if tokens and tokens[-1].type == "dl_close":
        closing = tokens.pop()
        state.level = closing.level + 1
        opening: Token = closing.meta[_OPENER]
        return opening
    return None


def _push_term(state: StateBlock, term: str, line: int) -> None:
    state.push("dt_open", "dt", 1).map = [line, line + 1]
    inline = state.push("inline", "", 0)
    inline.content = term
    inline.map = [line, line + 1]
    inline.children = []
    state.push("dt_close", "dt", -1)


def _line_of(token: Token) -> int:
    assert token.map is not None
    return token.map[0]
