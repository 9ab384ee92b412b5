"""kramdown's extension tags and its end-of-block marker.

- `{::comment}…{:/comment}`: a comment, dropped (kramdown writes it as an HTML comment,
  which nobody sees);
- `{::nomarkdown}…{:/nomarkdown}`: its text written as it is, not read as Markdown (nothing
  when its `type` names formats other than `html`);
- `{::options … /}`: ignored (the site's kramdown settings are Jekyll's);
- `{:/}` closes any of them; another name, a stop tag alone or a tag never closed is text.

A tag alone on its line (after at most three spaces) starts a block extension, which runs to
a line that is only its stop tag; anywhere else in text, it is a span extension, up to its stop
tag. A line that is only `^` ends the block before it and shows nothing: text after it is a new
paragraph, a list or quotation after it a new one; it is a block boundary (tables and math
may follow).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from mkdocs_reeblog.jekyll.kramdown.attribute_lists import SPAN_EXTENSION, parse_attribute_list
from mkdocs_reeblog.jekyll.kramdown.source import EOB_MARKER, line_text

__all__ = ["EOB_TOKEN", "extensions_plugin"]

EOB_TOKEN = "reeblog_eob"
"""A hidden token where a block ends: `^`, `{::options /}`."""
_HIDDEN = "reeblog_extension"
_BLOCK_START = re.compile(SPAN_EXTENSION.pattern.join((" {0,3}(?:", r")[ \t]*$")), re.ASCII)
_BLOCK_STOP = re.compile(r" {0,3}\{:/(\w[\w-]*)?\}[ \t]*$", re.ASCII)
_NAMES = ("comment", "nomarkdown", "options")
_SPAN_STOP = {name: re.compile(rf"\{{:/(?:{name})?\}}") for name in _NAMES}


def extensions_plugin(md: MarkdownIt) -> None:
    """Read extension tags (blocks and spans) and the end-of-block marker."""
    md.block.ruler.before("paragraph", "reeblog_extension", _block_extension)
    md.block.ruler.before("paragraph", "reeblog_eob", _end_of_block)
    md.inline.ruler.push("reeblog_span_extension", _span_extension)


def _end_of_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if not EOB_MARKER.match(line_text(state, start_line)):
        return False
    if not silent:
        _push_hidden(state, EOB_TOKEN, start_line, start_line + 1).meta["reeblog_boundary"] = True
    state.line = start_line + 1
    return True


def _block_extension(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    text = line_text(state, start_line)
    if "{:" not in text[:5]:
        return False
    tag = _BLOCK_START.match(text)
    if tag is None or tag.group(1) is None:
        return False  # a stop tag, or no tag
    name, attributes, closed = tag.group(1, 2, 3)
    if name not in _NAMES:
        return False
    stop = start_line + 1
    if not closed:
        while stop < end_line and not _closes(_BLOCK_STOP.match(line_text(state, stop)), name):
            stop += 1
        if stop >= end_line:
            return False
        stop += 1
    if silent:
        return True
    if name == "nomarkdown" and _is_html(attributes):
        token = state.push("html_block", "", 0)
        token.content = "".join(line_text(state, n) + "\n" for n in range(start_line + 1, stop - 1))
        token.map = [start_line, stop]
    else:
        kind = EOB_TOKEN if name == "options" else _HIDDEN
        _push_hidden(state, kind, start_line, stop)
    state.line = stop
    return True


def _span_extension(state: StateInline, silent: bool) -> bool:
    src = state.src
    pos = state.pos
    if not src.startswith("{:", pos):
        return False
    tag = SPAN_EXTENSION.match(src, pos, state.posMax)
    if tag is None or tag.group(1) is None:
        return False
    name, attributes, closed = tag.group(1, 2, 3)
    if name not in _NAMES:
        return False
    end = tag.end()
    body = ""
    if not closed:
        stop = _SPAN_STOP[name].search(src, end, state.posMax)
        if stop is None:
            return False
        body, end = src[end : stop.start()], stop.end()
    if not silent and name == "nomarkdown" and _is_html(attributes):
        state.push("html_inline", "", 0).content = body
    state.pos = end
    return True


def _closes(stop: re.Match[str] | None, name: str) -> bool:
    return stop is not None and stop.group(1) in (None, name)


def _is_html(attributes: str | None) -> bool:
    """Whether a `nomarkdown` extension is written to HTML: no `type`, or `html` among them."""
    types = parse_attribute_list(attributes or "").attributes.get("type", "").split()
    return not types or "html" in types


def _push_hidden(state: StateBlock, kind: str, start: int, end: int) -> Token:
    token = state.push(kind, "", 0)
    token.hidden = True
    token.map = [start, end]
    return token
