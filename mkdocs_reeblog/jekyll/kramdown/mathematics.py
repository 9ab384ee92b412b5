"""Math as kramdown reads it, written as `pymdownx.arithmatex` (generic mode) writes it.

`$$…$$` is math; a single `$` is text. It is a block (`<div class="arithmatex">\\[…\\]</div>`)
when its `$$` opens a line (after at most three spaces) after a block boundary (a blank line,
the start of a container, `^`) and its closing `$$` ends a line before one (a blank line, an
IAL, `^`, the end): it may span lines, blank ones too. Anywhere else in text it is inline
(`<span class="arithmatex">\\(…\\)</span>`), also across lines. kramdown's MathJax engine writes
the same `\\[…\\]` and `\\(…\\)`, the math escaped for HTML, so MathJax shows the same formulas.

An escaped `\\$$` opening a line whose math would be a block loses its backslash, as in
kramdown (the line is then a paragraph whose math is inline); elsewhere `\\$` is a dollar.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from mkdocs_reeblog.jekyll.kramdown.source import (
    after_block_boundary,
    before_block_boundary,
    is_boundary_line,
    line_at,
    line_text,
    rest_is_blank,
    start_line_at,
)

__all__ = ["mathematics_plugin"]

_BLOCK_START = re.compile(r" {0,3}(\\)?\$\$")
_RUBY_SPACE = " \t\n\v\f\r\0"
"""What Ruby's `strip` removes around the math."""


def mathematics_plugin(md: MarkdownIt) -> None:
    """Read `$$` math where kramdown does (blocks after setext headers, before tables)."""
    md.block.ruler.before("reeblog_table", "reeblog_math_block", _math_block)
    md.inline.ruler.push("reeblog_math_inline", _math_inline)
    md.add_render_rule("math_block", _write_block)
    md.add_render_rule("math_inline", _write_inline)


def _math_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    text = line_text(state, start_line)
    if "$$" not in text:
        return False
    start = _BLOCK_START.match(text)
    if start is None or not after_block_boundary(state, start_line):
        return False
    opening = state.bMarks[start_line] + start.end()
    closing = state.src.find("$$", opening, state.eMarks[end_line - 1])
    if closing < 0:
        return False
    line = line_at(state, closing + 2, start_line)
    if rest_is_blank(state, line, closing + 2):
        if start.group(1) is not None:
            # kramdown drops the backslash of `\$$` (the paragraph then has inline math).
            start_line_at(state, start_line, state.bMarks[start_line] + start.end(1))
            return False
        if not before_block_boundary(state, line + 1):
            return False
        end = line + 1
    elif start.group(1) is None and is_boundary_line(state.src[closing + 2 : state.eMarks[line]]):
        end = line  # the rest of the line (an IAL, `^`) is read as a line of its own
    else:
        return False
    if silent:
        return True
    token = state.push("math_block", "div", 0)
    token.content = state.src[opening:closing].strip(_RUBY_SPACE)
    token.map = [start_line, end]
    state.line = end
    if end == line:
        # The rest of the line (an IAL, `^`) is read as a line of its own.
        start_line_at(state, line, closing + 2)
        if line == start_line:
            state.md.block.tokenize(state, line, line + 1)
            state.line = line + 1
    return True


def _math_inline(state: StateInline, silent: bool) -> bool:
    src = state.src
    pos = state.pos
    if not src.startswith("$$", pos):
        return False
    closing = src.find("$$", pos + 2, state.posMax)
    if closing < 0:
        return False
    if not silent:
        state.push("math_inline", "", 0).content = src[pos + 2 : closing].strip(_RUBY_SPACE)
    state.pos = closing + 2
    return True


def _write_block(
    self: object, tokens: Sequence[Token], index: int, _options: OptionsDict, _env: EnvType
) -> str:
    token = tokens[index]
    return f"<div{_attributes(token)}>\\[{html.escape(token.content, quote=False)}\\]</div>\n"


def _write_inline(
    self: object, tokens: Sequence[Token], index: int, _options: OptionsDict, _env: EnvType
) -> str:
    token = tokens[index]
    return f"<span{_attributes(token)}>\\({html.escape(token.content, quote=False)}\\)</span>"


def _attributes(token: Token) -> str:
    """`class="arithmatex"` (an IAL's classes after it) and the IAL's other attributes."""
    attributes = {"class": "arithmatex", **{k: str(v) for k, v in token.attrs.items()}}
    if "class" in token.attrs:
        attributes["class"] = f"arithmatex {token.attrs['class']}"
    return "".join(f' {name}="{html.escape(value)}"' for name, value in attributes.items())
