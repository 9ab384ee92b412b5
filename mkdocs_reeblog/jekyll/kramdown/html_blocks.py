"""HTML blocks as kramdown reads them (`parse_block_html` off, as with Jekyll's settings).

A line starting (after at most three spaces) with the start tag of an element that is not a
span element (`<div>`, `<p>`, `<center>`, `<iframe>`, `<my-tag>`) starts an HTML block that
runs to the element's matching closing tag, nested elements counted, blank lines included: not
to the first blank line as in CommonMark. The content stays raw (written again by
`html_tags`), unless the element has `markdown="1"` (its content read as kramdown reads that
element: block Markdown in a `<div>`, span Markdown in a `<p>`, raw in a `<pre>`),
`markdown="block"` or `markdown="span"`; a block element's content ends at a line starting
with its closing tag. A comment at the very start of a line is a block of its own. An element
never closed runs to the end of the post.

kramdown reads on right after the closing tag: text after it on the same line starts a new
block. Ids of raw HTML elements are collected into `env["reeblog_ids"]`.
"""

from __future__ import annotations

import re
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from mkdocs_reeblog.jekyll.kramdown.html_tags import (
    BLOCK_ELEMENTS,
    CLOSE_TAG,
    COMMENT,
    SPAN_ELEMENTS,
    START_TAG,
    HtmlReader,
    StartTag,
    start_tag,
)
from mkdocs_reeblog.jekyll.kramdown.source import (
    line_at,
    line_text,
    rest_is_blank,
    start_line_at,
)

__all__ = ["html_blocks_plugin"]

_OPEN = "reeblog_html_open"
_CLOSED_AT = "reeblog_html_closed_at"
_ID = re.compile(r"""\bid=(?:"([^"]*)"|'([^']*)')""")


def html_blocks_plugin(md: MarkdownIt) -> None:
    """Replace markdown-it's HTML block reader with kramdown's; block-level tags in a
    paragraph's text are text, as in kramdown."""
    md.block.ruler.at("html_block", _html_block)
    md.core.ruler.after("inline", "reeblog_span_html", _span_html)


def _html_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    text = line_text(state, start_line)
    stripped = text.lstrip(" ")
    if not stripped.startswith("<") or len(text) - len(stripped) > 3:
        return False
    pos = state.bMarks[start_line] + len(text) - len(stripped)
    if stripped.startswith("<!--"):
        return _comment(state, start_line, end_line, silent)
    if stripped.startswith("</"):
        return _closing_tag(state, pos, end_line, silent)
    match = START_TAG.match(state.src, pos)
    if match is None or match.group(1).lower() in SPAN_ELEMENTS:
        return False
    if silent:
        return True
    tag = start_tag(match)
    reader = HtmlReader(state.src, state.env.setdefault("reeblog_ids", set()))
    model = tag.content_model
    if tag.closed or tag.name in ("script", "style") or model == "raw":
        body, end = reader.element(tag, match.end())
        token = _push_html(state, tag.write(body) + "\n", start_line)
        # kramdown keeps the line break after a closed element or a script: a blank line.
        keeps_break = tag.closed or tag.name in ("script", "style")
        _read_on(state, start_line, end, end_line, token, keeps_break=keeps_break)
    elif model == "span":
        _span_element(state, tag, match.end(), start_line, end_line)
    else:
        if "id" in tag.attributes:
            reader.ids.add(tag.attributes["id"])
        _block_element(state, tag, match.end(), start_line, end_line)
    return True


def _comment(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """An HTML comment at the start of a line (not indented) and whatever lines it spans."""
    match = COMMENT.match(state.src, state.bMarks[start_line])
    if match is None:
        return False
    if not silent:
        token = _push_html(state, match.group() + "\n", start_line)
        _read_on(state, start_line, match.end(), end_line, token)
    return True


def _closing_tag(state: StateBlock, pos: int, end_line: int, silent: bool) -> bool:
    """The closing tag of the element whose Markdown content is being read: the end of it."""
    match = CLOSE_TAG.match(state.src, pos)
    opened: list[tuple[StateBlock, StartTag]] = state.env.get(_OPEN, [])
    if match is None or not opened or opened[-1][0] is not state:
        return False
    if opened[-1][1].name != match.group(1).lower():
        return False
    if not silent:
        state.env[_CLOSED_AT] = match.end()
        state.line = end_line  # ends the reading of the element's content
    return True


def _span_element(
    state: StateBlock, tag: StartTag, pos: int, start_line: int, end_line: int
) -> None:
    """An element whose content is span Markdown, up to its first closing tag."""
    closing = re.compile(rf"</{re.escape(tag.name)}[ \t\r\n\f\v]*>", re.IGNORECASE)
    found = closing.search(state.src, pos)
    end = len(state.src) if found is None else found.start()
    _push_html(state, tag.opening() + ">", start_line)
    inline = state.push("inline", "", 0)
    inline.content = state.src[pos:end]
    inline.map = [start_line, start_line + 1]
    inline.children = []
    closing_tag = _push_html(state, f"</{tag.name}>\n", start_line)
    end = len(state.src) if found is None else found.end()
    _read_on(state, start_line, end, end_line, closing_tag)


def _block_element(
    state: StateBlock, tag: StartTag, pos: int, start_line: int, end_line: int
) -> None:
    """An element whose content is block Markdown, up to a line starting with its closing
    tag (or the end of the post)."""
    # Opening and closing tokens, as markdown-it's containers: the headings inside are known.
    _push_html(state, tag.opening() + ">\n", start_line, 1)
    first = line_at(state, pos, start_line)
    if rest_is_blank(state, first, pos):
        first += 1
    else:
        start_line_at(state, first, pos)
    opened: list[tuple[StateBlock, StartTag]] = state.env.setdefault(_OPEN, [])
    opened.append((state, tag))
    state.md.block.tokenize(state, first, end_line)
    opened.pop()
    closed_at: int | None = state.env.pop(_CLOSED_AT, None)
    closing = _push_html(state, f"</{tag.name}>\n", start_line, -1)
    if closed_at is None:
        state.line = end_line
    else:
        _read_on(state, start_line, closed_at, end_line, closing)


def _push_html(state: StateBlock, html: str, line: int, nesting: Literal[-1, 0, 1] = 0) -> Token:
    token = state.push("html_block", "", nesting)
    token.content = html
    token.map = [line, line + 1]
    return token


def _read_on(
    state: StateBlock,
    start_line: int,
    end: int,
    end_line: int,
    token: Token,
    *,
    keeps_break: bool = False,
) -> None:
    """Go on reading after the HTML block `token` that ends at source position `end`: at the
    next line when only spaces follow on its line, else with the rest of that line.
    `keeps_break`: kramdown leaves the block's line break (a blank line: a block boundary)."""
    line = line_at(state, end, start_line)
    if rest_is_blank(state, line, end):
        state.line = min(line + 1, max(end_line, start_line + 1))
        token.map = [start_line, state.line]
        if keeps_break:
            token.meta["reeblog_boundary"] = True
        return
    token.map = [start_line, max(line, start_line + 1)]
    start_line_at(state, line, end)
    if line > start_line:
        state.line = line
    else:
        state.md.block.tokenize(state, line, end_line)
        state.line = max(state.line, start_line + 1)


def _span_html(state: StateCore) -> None:
    """In paragraphs, a block-level element's tags are text (kramdown escapes them); ids of
    span-level elements are collected."""
    ids: set[str] | None = None
    for block in state.tokens:
        if block.type != "inline" or not block.children or "<" not in block.content:
            continue
        for token in block.children:
            if token.type != "html_inline":
                continue
            if _is_block_tag(token.content):
                token.type = "text_special"  # escaped when written, untouched by typography
            elif "id=" in token.content:
                ids = ids if ids is not None else state.env.setdefault("reeblog_ids", set())
                ids.update(m.group(1) or m.group(2) for m in _ID.finditer(token.content))


def _is_block_tag(html: str) -> bool:
    match = START_TAG.match(html) or CLOSE_TAG.match(html)
    return match is not None and match.group(1).lower() in BLOCK_ELEMENTS
