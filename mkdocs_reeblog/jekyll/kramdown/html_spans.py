"""HTML in text as kramdown 2.4 reads it (`parse_span_html`, Jekyll's `parse_span_html: true`).

kramdown reads an HTML element in a paragraph whole: its start tag, its content up to its end
tag, the end tag. So a `*` inside `<span>` never closes an emphasis opened before it.

- The content of `a`, `abbr`, `b`, `em`, `span`, `strong`, `sub`, `sup` and kramdown's other
  elements of span content is read as Markdown; that of `code`, `kbd`, `samp`, `var`,
  `script`, `style`, `math`, `mark`, `u`, custom elements and every other one is kept as
  written (no emphasis, no smart quotes); `markdown="1"`/`"span"` and `markdown="0"` change
  that, and the attribute is dropped.
- An element with no end tag ends with the paragraph; `<br>`, `<img>`, `<input>` and the
  other empty elements have no content.
- An end tag that ends nothing, a block element's tag (`<p>`, `<div>`...) and anything else
  that is not a tag or a comment are text: `a <p>b` shows `<p>`.

Tags are kept as written (kramdown rewrites their attributes in its own quoting; browsers
read both the same).
"""

from __future__ import annotations

import re
from html import unescape

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from mkdocs_reeblog.jekyll.kramdown.spans import (
    add_text,
    find_end,
    opened,
    parse_content,
    span_context,
)

__all__ = ["html_spans_plugin"]

_NAME = r"[^\W\d][\w.:\-]*"
_START_TAG = re.compile(
    rf"<({_NAME})\s*((?:\s+{_NAME}(?:\s*=\s*(?:\w+|(\"|').*?\3))?)*)\s*(/)?>", re.DOTALL
)
_END_TAG = re.compile(rf"</({_NAME})\s*>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_MARKDOWN = re.compile(r"""\s+markdown\s*=\s*(?:"([^"]*)"|'([^']*)'|(\w+))""")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[\w:][\w.:\-]*);")

_SPAN_CONTENT = frozenset(
    {
        *("a", "abbr", "acronym", "b", "bdo", "big", "button", "cite", "caption", "del", "dfn"),
        *("dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "i", "ins", "label", "legend"),
        *("optgroup", "p", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "select", "small"),
        *("span", "strong", "sub", "sup", "th", "tt"),
    }
)
_BLOCK_CONTENT = frozenset(
    {
        *("address", "applet", "article", "aside", "blockquote", "body", "dd", "details", "div"),
        *("dl", "fieldset", "figure", "figcaption", "footer", "form", "header", "hgroup"),
        *("iframe", "li", "main", "map", "menu", "nav", "noscript", "object", "section"),
        *("summary", "td"),
    }
)
_BLOCK_ELEMENTS = frozenset(
    {
        *("address", "article", "aside", "applet", "body", "blockquote", "caption", "col"),
        *("colgroup", "dd", "div", "dl", "dt", "fieldset", "figcaption", "footer", "form"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "head"),
        *("iframe", "legend", "menu", "li", "main", "map", "nav", "ol", "optgroup", "p", "pre"),
        *("section", "summary", "table", "tbody", "td", "th", "thead", "tfoot", "tr", "ul"),
    }
)
_WITHOUT_BODY = frozenset(
    {
        *("area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen"),
        *("link", "meta", "param", "source", "track", "wbr"),
    }
)
_SPAN_ELEMENTS = frozenset(
    {
        *("a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del"),
        *("dfn", "em", "i", "img", "input", "ins", "kbd", "label", "mark", "option", "q", "rb"),
        *("rbc", "rp", "rt", "rtc", "ruby", "samp", "select", "small", "span", "strong", "sub"),
        *("sup", "tt", "u", "var"),
    }
)
_RAW_CONTENT = frozenset(
    {"script", "style", "math", "option", "textarea", "pre", "code", "kbd", "samp", "var"}
)
_KNOWN = _SPAN_ELEMENTS | _BLOCK_ELEMENTS | _WITHOUT_BODY | _SPAN_CONTENT | _BLOCK_CONTENT
_KNOWN |= _RAW_CONTENT


def html_spans_plugin(md: MarkdownIt) -> None:
    """Replace markdown-it's inline HTML (tags kept as text) with kramdown's elements."""
    md.inline.ruler.at("html_inline", _html_span)


def _html_span(state: StateInline, silent: bool) -> bool:
    src = state.src
    pos = state.pos
    if src[pos] != "<" or pos + 1 >= state.posMax:
        return False
    if src.startswith("<!--", pos):
        comment = _COMMENT.match(src, pos, state.posMax)
        if comment is None:
            return add_text(state, "<", silent)
        if not silent:
            state.push("html_inline", "", 0).content = comment[0]
        state.pos = comment.end()
        return True
    end_tag = _END_TAG.match(src, pos, state.posMax)
    if end_tag is not None:
        return add_text(state, end_tag[0], silent)  # it ends no open element
    tag = _START_TAG.match(src, pos, state.posMax)
    if tag is None:
        return False
    name = tag[1].lower() if tag[1].lower() in _KNOWN else tag[1]
    if name in _BLOCK_ELEMENTS:
        return add_text(state, tag[0], silent)
    start_tag, markdown = _without_markdown_attribute(tag[0])
    if tag[4] or name in _WITHOUT_BODY:
        if not silent:
            state.push("html_inline", "", 0).content = start_tag
        state.pos = tag.end()
        return True
    stop = re.compile(rf"</{re.escape(name)}\s*>", re.IGNORECASE if name in _KNOWN else 0)
    if _parsed(name, markdown):
        _element(state, silent, tag.end(), start_tag, name, stop)
    else:
        _raw_element(state, silent, tag.end(), start_tag, name, stop)
    return True


def _without_markdown_attribute(start_tag: str) -> tuple[str, str | None]:
    """The start tag without its `markdown` attribute, and that attribute's value."""
    if "markdown" not in start_tag:
        return start_tag, None
    found = _MARKDOWN.search(start_tag)
    if found is None:
        return start_tag, None
    value = next(v for v in found.groups() if v is not None)
    return start_tag[: found.start()] + start_tag[found.end() :], value


def _parsed(name: str, markdown: str | None) -> bool:
    """Whether the element's content is read as Markdown."""
    markdown_content = name in _SPAN_CONTENT or name in _BLOCK_CONTENT
    if markdown == "1":
        return markdown_content
    if markdown == "span":
        return True
    if markdown == "0":
        return False
    return markdown_content


def _element(
    state: StateInline, silent: bool, start: int, start_tag: str, name: str, stop: re.Pattern[str]
) -> None:
    """An element whose content is Markdown, up to its end tag or the paragraph's end."""
    src = state.src
    end = find_end(
        state,
        start,
        "html",
        lambda pos: src.startswith("</", pos) and bool(stop.match(src, pos)),
        memo=("html", stop.pattern),
    )
    closing = stop.match(src, end) if end >= 0 else None
    content_end = end if closing is not None else state.posMax
    if not silent:
        state.push("html_inline", "", 0).content = start_tag
        with opened(span_context(state), "html"):
            parse_content(state, start, content_end)
        state.push("html_inline", "", 0).content = closing[0] if closing else f"</{name}>"
    state.pos = closing.end() if closing is not None else state.posMax


def _raw_element(
    state: StateInline, silent: bool, start: int, start_tag: str, name: str, stop: re.Pattern[str]
) -> None:
    """An element whose content is kept as written, up to its end tag or the paragraph's end."""
    src = state.src
    found = _raw_end(src, start, state.posMax, stop)
    content_end, after = found if found is not None else (state.posMax, state.posMax)
    if not silent:
        state.push("html_inline", "", 0).content = start_tag
        _push_raw(state, start, content_end)
        closing = src[content_end:after] if found is not None else f"</{name}>"
        state.push("html_inline", "", 0).content = closing
    state.pos = after


def _raw_end(src: str, pos: int, limit: int, stop: re.Pattern[str]) -> tuple[int, int] | None:
    """Where a raw element's content ends and its end tag ends (nested elements of the same
    content read whole), or None when it has no end tag."""
    while (at := src.find("<", pos, limit)) >= 0:
        if (closing := stop.match(src, at, limit)) is not None:
            return at, closing.end()
        pos = at + 1
        if (comment := _COMMENT.match(src, at, limit)) is not None:
            pos = comment.end()
        elif (tag := _START_TAG.match(src, at, limit)) is not None:
            name = tag[1].lower() if tag[1].lower() in _KNOWN else tag[1]
            pos = tag.end()
            if name not in _BLOCK_ELEMENTS and not tag[4] and name not in _WITHOUT_BODY:
                flags = re.IGNORECASE if name in _KNOWN else 0
                nested = _raw_end(src, pos, limit, re.compile(rf"</{re.escape(name)}\s*>", flags))
                if nested is None:
                    return None
                pos = nested[1]
    return None


_RAW_PIECE = re.compile(rf"<!--.*?-->|</{_NAME}\s*>|{_START_TAG.pattern}", re.DOTALL)


def _push_raw(state: StateInline, start: int, end: int) -> None:
    """A raw element's content: its tags as HTML, its text as text that no rule changes."""
    src = state.src
    pos = start
    for piece in _RAW_PIECE.finditer(src, start, end):
        _push_raw_text(state, src[pos : piece.start()])
        state.push("html_inline", "", 0).content = piece[0]
        pos = piece.end()
    _push_raw_text(state, src[pos:end])


def _push_raw_text(state: StateInline, text: str) -> None:
    if text:
        token = state.push("text_special", "", 0)
        token.content = _ENTITY.sub(lambda entity: unescape(entity[0]), text)
        token.info = "raw"
