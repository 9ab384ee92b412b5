"""Links, images and link definitions as kramdown 2.4 reads them (`parser/kramdown/link.rb`).

- `[text]` runs to the `]` that balances its `[`s (brackets inside code spans, nested images
  and other elements do not count); a link inside a link is text, an image inside one is not.
- `(url "title")` follows: the URL runs to the `)` that balances its `(`s, or to white space
  before a quote, which starts the title; `(<url>)` may hold anything but `>`. The URL is
  kept as written: spaces, backslashes and non-ASCII characters are not encoded (`\\)` in
  `(a_(b\\))` stays in the URL).
- Otherwise `[text][id]`, `[text][]` or `[text]` (white space, even a line break, may come
  between the brackets) is a reference to a link definition anywhere in the post, by its id
  with white space runs made one space and letters made lower case; with no such definition
  the `[` is text and what follows is read as usual.
- An image's `alt` is its text as written, escapes removed (`![*a*](x)` has `alt="*a*"`).
- `[^` is a footnote, not a link.

A link definition is a line `[id]: url "title"` (up to three spaces before it; the title may
be on the next line, in double or single quotes); its URL may hold spaces, or be written
`<url>`. The last definition of an id wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from mkdocs_reeblog.jekyll.kramdown.spans import (
    add_text,
    find_end,
    opened,
    parse_content,
    skip_element,
    span_context,
)

__all__ = ["LinkDefinition", "link_id", "links_plugin"]

DEFINITIONS = "reeblog_link_definitions"
"""`env` key of the post's link definitions, by normalised id."""

_ESCAPED = re.compile(r"""\\([\\.*_+`<>()\[\]{}#!:|"'$=-])""")
_REFERENCE = re.compile(r"\s*?\[([^\]]+)?\]", re.ASCII)
_ANGLE_URL = re.compile(r"\(<(.*?)>")
_URL_STOP = re.compile(r"""(\()|(\))|\s(?=['"])""", re.ASCII)
_TITLE = re.compile(r"""\s*?(["'])(.+?)\1\s*?\)""", re.ASCII | re.DOTALL)
_WHITE_RUN = re.compile(r"\s+", re.ASCII)
_DEFINITION = re.compile(
    r" {0,3}\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))"
    r"(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?([\"'])(.+?)\4)?[ \t]*?(?:\n|\Z)"
)
_QUOTE_AFTER_SPACE = re.compile(r"[ \t]+[\"']")


@dataclass(frozen=True)
class LinkDefinition:
    url: str
    title: str | None


def link_id(text: str) -> str:
    """kramdown's id of a reference: white space runs made one space, lower case."""
    return _WHITE_RUN.sub(" ", text).lower()


def links_plugin(md: MarkdownIt) -> None:
    """Replace markdown-it's links, images and reference definitions with kramdown's."""
    md.inline.ruler.at("link", _link)
    md.inline.ruler.at("image", _link)
    md.block.ruler.at("reference", _definition)


# Link definitions -------------------------------------------------------------------------


def _definition(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    pos = state.bMarks[start]
    if state.src[pos + state.tShift[start]] != "[" or state.sCount[start] - state.blkIndent > 3:
        return False
    limit = state.eMarks[start + 1] if start + 1 < end else state.eMarks[start]
    match = _DEFINITION.match(state.src, pos, min(limit + 1, len(state.src)))
    if match is None or match[1].startswith("^") or _QUOTE_AFTER_SPACE.search(match[3] or ""):
        return False
    if silent:
        return True
    url = match[2] if match[2] is not None else match[3]
    definitions: dict[str, LinkDefinition] = state.env.setdefault(DEFINITIONS, {})
    definitions[link_id(match[1])] = LinkDefinition(url, match[5])
    state.line = start + match[0].count("\n") + (0 if match[0].endswith("\n") else 1)
    return True


# Links and images -------------------------------------------------------------------------


def _link(state: StateInline, silent: bool) -> bool:
    src = state.src
    pos = state.pos
    image = src.startswith("![", pos)
    opener = "![" if image else "["
    if not image and src[pos] != "[":
        return False
    start = pos + len(opener)
    if start >= len(src) or src[start] == "^":
        return False
    context = span_context(state)
    if not image and ("a" in context.open or "img" in context.open):
        return add_text(state, opener, silent)
    kind = "img" if image else "a"
    end = _text_end(state, start, kind)
    if end < 0:
        return add_text(state, opener, silent)
    text = _ESCAPED.sub(r"\1", src[start:end])
    target = _target(state, end + 1, text)
    if target is None:
        return add_text(state, opener, silent)
    url, title, after = target
    if after > state.posMax:
        return add_text(state, opener, silent)
    if not silent:
        if image:
            token = state.push("image", "img", 0)
            token.attrs["src"] = url
            token.attrs["alt"] = ""
            token.children = [Token("text", "", 0, content=text)]
            token.content = text
        else:
            state.push("link_open", "a", 1).attrs["href"] = url
        if title is not None:
            token = state.tokens[-1]
            token.attrs["title"] = title
        if not image:
            with opened(context, kind):
                parse_content(state, start, end)
            state.push("link_close", "a", -1)
    state.pos = after
    return True


def _text_end(state: StateInline, start: int, kind: str) -> int:
    """The `]` that ends a link's or image's text starting at `start`, or -1."""
    src = state.src
    depth = 1

    def closes(pos: int) -> bool:
        nonlocal depth
        char = src[pos]
        if char == "]":
            depth -= 1
            return depth == 0
        if char == "[" or (char == "!" and src.startswith("![", pos) and not _is_image(state, pos)):
            depth += 1
        return False

    return find_end(state, start, kind, closes)


def _is_image(state: StateInline, pos: int) -> bool:
    """Whether an image starts at `pos` (whose brackets its own reading takes)."""
    return skip_element(state, pos) > pos + 2


def _target(state: StateInline, pos: int, text: str) -> tuple[str, str | None, int] | None:
    """What follows a link's text at `pos`: its URL, title and end, or None (it is text)."""
    src = state.src
    reference = _REFERENCE.match(src, pos)
    if reference is not None or not src.startswith("(", pos):
        label = reference[1] if reference is not None and reference[1] else text
        definition = state.env.get(DEFINITIONS, {}).get(link_id(label))
        if definition is None:
            return None
        return definition.url, definition.title, reference.end() if reference else pos
    angle = _ANGLE_URL.match(src, pos)
    if angle is not None:
        url, after = angle[1], angle.end()
        if src.startswith(")", after):
            return url, None, after + 1
    else:
        depth = 0
        after = pos
        for stop in _URL_STOP.finditer(src, pos):
            after = stop.end()
            if stop[2]:
                depth -= 1
                if depth == 0:
                    break
            elif stop[1]:
                depth += 1
            else:
                break
        else:
            return None
        url = src[pos + 1 : after - 1].strip()
        if depth == 0:
            return url, None, after
    title = _TITLE.match(src, after)
    if title is None:
        return None
    return url, title[2], title.end()
