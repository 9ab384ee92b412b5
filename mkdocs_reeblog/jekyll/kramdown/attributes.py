"""kramdown's attribute lists: block and span IALs (`{: .class #id key="v"}`), ALDs
(`{:name: .class}` referenced as `{: name}`) and header ids (`## Title {#id}`).

Where a block IAL goes follows kramdown 2.4 (`parse_block_extensions`), checked with Jekyll:

- a line `{: ...}` right under a block (no blank line between) applies to that block: a
  paragraph, heading, list, table, quote, code block, raw HTML block; it ends a paragraph,
  a list or a quote, as a blank line would;
- otherwise it applies to the block that starts on the very next line, and to nothing when a
  blank line follows it;
- consecutive IAL lines add up; `{:name: ...}` lines define ALDs for the whole post;
- `* {: .class} text` (an IAL first on a list item's line) applies to the list item; so does
  one first on a definition's line (`: {: .class} text`) or a term's (`{: .class} Term`).

A span IAL applies to the span element right before it (emphasis, link, image, code, strike,
raw HTML element); after text it is text. The first list marked `{:toc}` (a reference to the
`toc` name) becomes the table of contents (see `toc.py`).

Everything an IAL says is read at the end of the block phase, when every ALD is known, and
written into the tokens' attributes (escaped by the renderer like every attribute).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from mkdocs_reeblog.jekyll.kramdown.attribute_lists import (
    ALD_LINE,
    HEADER_ID,
    IAL_LINE,
    LIST_ITEM_IAL,
    SPAN_EXTENSION,
    SPAN_IAL,
    AttributeList,
    apply_attributes,
    parse_attribute_list,
)
from mkdocs_reeblog.jekyll.kramdown.extensions import EOB_TOKEN
from mkdocs_reeblog.jekyll.kramdown.raw_html import add_tag_attributes, opening_tag_index

__all__ = ["TOC_MARK", "attributes_plugin"]

IAL_TOKEN = "reeblog_ial"
ALD_TOKEN = "reeblog_ald"
SPAN_IAL_TOKEN = "reeblog_span_ial"
TOC_MARK = "reeblog_toc"
"""`meta` key of the list that kramdown replaces by the table of contents."""
_USED = "reeblog_attribute_lists"
_SPAN_USED = "reeblog_span_ials"
_ALDS = "reeblog_alds"
_LISTS = ("bullet_list_open", "ordered_list_open")
_ITEMS = ("list_item_open", "dd_open")
_ATX_CLOSE = re.compile(r"[\t ]#+\Z")
# The end of a text that kramdown reads as a smart quote or typographic symbol: an element,
# to which a span IAL right after it applies (and nothing shows).
_SYMBOL_ENDS = ('"', "'", "...", "--", "<<", ">>")


def attributes_plugin(md: MarkdownIt) -> None:
    """Read attribute lists into the attributes of the tokens they apply to."""
    md.block.ruler.before(
        "table",
        "reeblog_attribute_lines",
        _attribute_line,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.core.ruler.after("block", "reeblog_block_attributes", _block_attributes)
    md.inline.ruler.push("reeblog_span_ial", _span_ial)
    md.inline.ruler2.before("fragments_join", "reeblog_span_ials", _span_ials)


# Block phase ------------------------------------------------------------------------------


def _attribute_line(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A line that is only an IAL or an ALD: a hidden token, resolved by `_block_attributes`."""
    pos = state.bMarks[start] + state.tShift[start]
    if not state.src.startswith("{:", pos) or state.sCount[start] - state.blkIndent > 3:
        return False
    line = state.src[pos : state.eMarks[start]]
    ald = ALD_LINE.match(line)
    ial = None if ald else IAL_LINE.match(line)
    if ald is None and ial is None:
        return False
    if silent:
        return True
    last = state.tokens[-1] if state.tokens else None
    token = state.push(ALD_TOKEN if ald else IAL_TOKEN, "", 0)
    token.map = [start, start + 1]
    token.hidden = True
    token.content = line
    token.meta = {"name": ald[1], "text": ald[2]} if ald else {"text": ial[1] if ial else ""}
    token.meta["after_blank"] = start == 0 or state.isEmpty(start - 1)
    if ial is not None and _for_next_block(token, last):
        token.meta["reeblog_boundary"] = True  # a table or math may start under it
    state.env[_USED] = True
    state.line = start + 1
    return True


def _for_next_block(ial: Token, last: Token | None) -> bool:
    """Whether an IAL line is for the block under it (kramdown's `@block_ial`, a block
    boundary): after a blank line, first in its container, under `^`, an ALD or such an IAL."""
    if ial.meta["after_blank"] or last is None or last.nesting == 1:
        return True
    return last.type in (EOB_TOKEN, ALD_TOKEN) or (
        last.type == IAL_TOKEN and bool(last.meta.get("reeblog_boundary"))
    )


@dataclass
class _Container:
    """What kramdown knows, in one container of blocks, when it meets a block IAL."""

    opener: Token | None
    last: Token | None = None
    """The block an IAL right under it applies to (None: a blank line or nothing before)."""
    pending: AttributeList | None = None
    """IALs waiting for the block on `pending_line`."""
    pending_line: int = -1


@dataclass
class _Targets:
    """Each token given attribute lists, with everything they say (in order)."""

    lists: dict[int, tuple[Token, AttributeList]] = field(default_factory=dict)

    def of(self, token: Token) -> AttributeList:
        entry = self.lists.get(id(token))
        if entry is None:
            entry = self.lists[id(token)] = (token, AttributeList())
        return entry[1]


def _block_attributes(state: StateCore) -> None:
    """Header ids, list item IALs and block IALs applied; IAL and ALD tokens removed."""
    tokens = state.tokens
    env = state.env
    alds: dict[str, AttributeList] = env.setdefault(_ALDS, {})
    targets = _Targets()
    if env.get(_USED):
        tokens[:] = _block_ials(tokens, alds, targets)
    source_lines: list[str] = []
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "heading_open":
            if not source_lines and tokens[index + 1].content.endswith("}"):
                source_lines = state.src.split("\n")
            _header_id(token, tokens[index + 1], source_lines)
        elif kind in _ITEMS:
            _list_item_ial(token, tokens[index + 1], tokens[index + 2], targets)
        elif kind == "dt_open":
            _leading_ial(token, tokens[index + 1], targets)
        elif kind == "html_block" and "{:" in token.content:
            _trailing_ials(token, targets)
    for token, ial in targets.lists.values():
        _apply(token, ial, alds, env)


def _block_ials(
    tokens: list[Token], alds: dict[str, AttributeList], targets: _Targets
) -> list[Token]:
    """Each IAL line given to the block it applies to, each ALD read; the other tokens."""
    kept: list[Token] = []
    containers = [_Container(None)]
    last_end = -1
    for token in tokens:
        if token.type in (IAL_TOKEN, ALD_TOKEN):
            last_end = _attribute_token(token, containers[-1], last_end, alds, targets)
            continue
        kept.append(token)
        if token.nesting == -1:
            containers.pop()
            continue
        if token.type == "inline":
            continue
        here = containers[-1]
        if here.pending is not None:
            if token.map and token.map[0] == here.pending_line:
                targets.lists[id(token)] = (token, here.pending)
            here.pending = None
        # An IAL under `^` is for the block after it.
        here.last = None if token.type == EOB_TOKEN else token
        if token.map:
            last_end = token.map[1]
        if token.nesting == 1:
            containers.append(_Container(token))
    return kept


def _attribute_token(
    token: Token, here: _Container, last_end: int, alds: dict[str, AttributeList], targets: _Targets
) -> int:
    """Take an IAL or ALD line into account; returns the line the next block must start on to
    be 'right under' it."""
    line = token.map[0] if token.map else 0
    if token.type == ALD_TOKEN:
        parse_attribute_list(
            token.meta["text"], alds.setdefault(token.meta["name"], AttributeList())
        )
        here.last = here.pending = None
        return line + 1
    text = token.meta["text"]
    opener = here.opener
    first = here.last is None and opener is not None and _starts_on(opener, line)
    if here.last is not None and last_end == line:
        parse_attribute_list(text, targets.of(here.last))
    elif first and opener is not None and opener.type == "list_item_open":
        parse_attribute_list(text, targets.of(opener))  # `* {: .class}` alone on its line
    elif here.last is None and not first and not token.meta["after_blank"] and last_end != line:
        here.pending = None  # right under a link definition: kramdown applies it there
    else:
        here.pending = parse_attribute_list(text, here.pending)
        here.pending_line = line + 1
        here.last = None
    return line + 1


def _starts_on(token: Token, line: int) -> bool:
    return token.map is not None and token.map[0] == line


def _header_id(heading: Token, inline: Token, source_lines: list[str]) -> None:
    """`## Title {#id}`: the id set, the text cut (kramdown reads it on the source line)."""
    content = inline.content
    if not content.endswith("}"):
        return
    match = HEADER_ID.search(content)
    if match is None or heading.map is None:
        return
    if heading.markup.startswith("#"):
        line = source_lines[heading.map[0]].rstrip()
    else:
        line = source_lines[heading.map[1] - 2].rstrip()  # setext: the line above the rule
    if not line.endswith(match[0].lstrip()):
        return  # `## Title {#id} ##`: the id is not at the end, it stays text
    text = content[: match.start()].rstrip()
    if heading.markup.startswith("#"):
        text = _ATX_CLOSE.sub("", text).rstrip()
    inline.content = text
    heading.attrs["id"] = match[1]


def _trailing_ials(block: Token, targets: _Targets) -> None:
    """IAL lines at the end of a raw HTML block (markdown-it ends one at a blank line,
    kramdown at its end tag, so an IAL right under it is read into it)."""
    lines = block.content.rstrip("\n").split("\n")
    found: list[str] = []
    while len(lines) > 1 and (match := IAL_LINE.match(lines[-1].lstrip(" "))) is not None:
        if len(lines[-1]) - len(lines[-1].lstrip(" ")) > 3:
            break
        found.insert(0, match[1])
        lines.pop()
    if found:
        block.content = "\n".join(lines) + "\n"
        for text in found:
            parse_attribute_list(text, targets.of(block))


def _list_item_ial(item: Token, paragraph: Token, inline: Token, targets: _Targets) -> None:
    """`* {: .class} text`, `: {: .class} text`: the IAL first on a list item's (or a
    definition's) line applies to the item."""
    if (
        paragraph.type == "paragraph_open"
        and item.map is not None
        and paragraph.map is not None
        and item.map[0] == paragraph.map[0]
    ):
        _leading_ial(item, inline, targets)


def _leading_ial(element: Token, inline: Token, targets: _Targets) -> None:
    """An IAL at the start of `inline` (the text of `element`'s first line) applies to
    `element` and is cut from the text (a definition term's: `{: .class} Term`)."""
    if not inline.content.startswith("{:"):
        return
    match = LIST_ITEM_IAL.match(inline.content)
    if match is not None:
        parse_attribute_list(match[1], targets.of(element))
        inline.content = inline.content[match.end() :]


def _apply(token: Token, ial: AttributeList, alds: dict[str, AttributeList], env: Any) -> None:
    """Write an attribute list into a token (a raw HTML block's first tag for HTML)."""
    if token.type in ("html_block", "html_inline"):
        token.content = add_tag_attributes(token.content, ial, alds)
        return
    apply_attributes(token.attrs, ial, alds)
    if "toc" in ial.refs and token.type in _LISTS and "reeblog_toc_list" not in env:
        env["reeblog_toc_list"] = token
        token.meta[TOC_MARK] = True
    if "id" in token.attrs:
        env.setdefault("reeblog_ids", set()).add(str(token.attrs["id"]))


# Inline phase -----------------------------------------------------------------------------


def _span_ial(state: StateInline, silent: bool) -> bool:
    """`{: ...}` in text: a token that `_span_ials` applies to the element before it."""
    src = state.src
    pos = state.pos
    if not src.startswith("{:", pos) or SPAN_EXTENSION.match(src, pos):
        return False
    match = SPAN_IAL.match(src, pos, state.posMax)
    if match is None:
        return False
    if not silent:
        token = state.push(SPAN_IAL_TOKEN, "", 0)
        token.content = match[0]
        token.meta = {"text": match[1]}
        state.env[_SPAN_USED] = True
    state.pos = match.end()
    return True


def _span_ials(state: StateInline) -> None:
    """Each span IAL applied to the element before it, or left as text after text."""
    if not state.env.get(_SPAN_USED):
        return
    tokens = state.tokens
    alds = state.env.get(_ALDS, {})
    dropped = False
    for index, token in enumerate(tokens):
        if token.type != SPAN_IAL_TOKEN:
            continue
        target = _span_target(tokens, index)
        if target is None:
            token.type = "text"
        elif target is token:
            token.type, token.content, dropped = "text", "", True
        else:
            _apply(target, parse_attribute_list(token.meta["text"]), alds, state.env)
            token.type, token.content, dropped = "text", "", True
    if dropped:
        tokens[:] = [t for t in tokens if t.type != "text" or t.content]


def _span_target(tokens: list[Token], index: int) -> Token | None:
    """The element a span IAL applies to; None: it is text; itself: an element that shows no
    attributes (entity, smart quote, line break, footnote marker...)."""
    at = index - 1
    while at >= 0 and tokens[at].type == "text" and not tokens[at].content:
        at -= 1
    if at < 0:
        return None
    before = tokens[at]
    kind = before.type
    if kind == "text":
        return tokens[index] if before.content.endswith(_SYMBOL_ENDS) else None
    if before.nesting == 1 or kind == "softbreak" or before.info == "escape":
        return None  # first in an element, after a line break or an escaped character: text
    if before.nesting == -1:
        depth = 0
        for opener in range(at, -1, -1):
            depth += tokens[opener].nesting
            if depth == 0:
                return tokens[opener]
        return None
    if kind == "html_inline":
        opener_index = opening_tag_index(tokens, at)
        return None if opener_index is None else tokens[opener_index]
    if kind in ("image", "code_inline"):
        return before
    return tokens[index]
