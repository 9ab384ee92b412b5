"""Lists as kramdown reads them (its `parse_list`), with kramdown-parser-gfm's task lists.

An item's content is every following line indented as deep as the item's text, and, when no
blank line came before, any other non-blank line (a lazy line). A blank line followed by a line
less indented that is not an item ends the list; after a blank line an item marker must be
within the first item's text indentation. Each item's text is then parsed as a document.

An item's first paragraph is written without `<p>` when it is not followed by a blank line in
the item, except in the last item of a list whose earlier items all have `<p>` (kramdown's
rule, which makes `- a\\n\\n- b\\n- c` give `<p>a</p>`, `b`, `c`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from mkdocs_reeblog.jekyll.kramdown.source import (
    EOB_MARKER,
    HR_START,
    LAZY_END,
    LIST_START,
    line_text,
    parse_nested,
)

__all__ = ["first_item_line", "item_patterns", "lists_plugin"]

_BULLET = re.compile(r"( {0,3}[+*-])([\t| ].*)$")
_NUMBER = re.compile(r"( {0,3}\d+\.)([\t| ].*)$")
_ITEM_IAL_ONLY = re.compile(r"\s*(?:\{:(?!(?:\w[\w-]*)?:|/)(?:\\\}|[^}])+\})?\s*$")
_LEADING_TABS = re.compile(r"^( *)(\t+)")
_BLANK = re.compile(r"[ \t]*$")
_CHECKBOX = re.compile(r"\s*\[([ xX])\]\s+")
_UNCHECKED = '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />'
_CHECKED = (
    '<input type="checkbox" class="task-list-item-checkbox" disabled="disabled" '
    'checked="checked" />'
)


def lists_plugin(md: MarkdownIt) -> None:
    """Replace markdown-it's list reader with kramdown's."""
    md.block.ruler.at("list", _list)


@dataclass
class _Item:
    first_line: int
    chunks: list[str] = field(default_factory=list)
    """The item's text, cut where a nested list starts (kramdown parses each on its own)."""


@lru_cache(maxsize=64)
def item_patterns(indentation: int) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """kramdown's content, lazy-line and indentation patterns for an item's indentation (a
    list item's or a definition's)."""
    content = re.compile(
        rf"(?:(?:\t| {{4}}){{{indentation // 4}}} {{{indentation % 4}}}"
        rf"|(?:\t| {{4}}){{{indentation // 4 + 1}}}).*\S"
    )
    lazy_end = LAZY_END.pattern.replace(" {0,3}", f" {{0,{min(indentation, 3)}}}")
    lazy = re.compile(rf"(?!{lazy_end}).*\S")
    return content, lazy, re.compile(rf" {{{indentation}}}")


@lru_cache(maxsize=16)
def _next_marker(numbered: bool, indentation: int) -> re.Pattern[str]:
    """Where later items' markers may be, from the first item's indentation."""
    spaces = min(max(indentation - 1, 0), 3)
    marker = r"\d+\." if numbered else r"[+*-]"
    return re.compile(rf"( {{0,{spaces}}}{marker})([\t| ].*)$")


def first_item_line(indentation: int, content: str) -> tuple[str, int]:
    """An item's first line without its marker (a list item's, a definition's), and the
    indentation of its text; `indentation` is the marker's width."""
    if _ITEM_IAL_ONLY.match(content):
        indentation = 4
    else:
        while (tabs := _LEADING_TABS.match(content)) is not None:
            column = len(tabs.group(1)) + indentation
            width = 4 - column % 4 + (len(tabs.group(2)) - 1) * 4
            content = tabs.group(1) + " " * width + content[tabs.end() :]
        indentation += len(content) - len(content.lstrip(" "))
    return content.lstrip(), indentation


def _list(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    text = line_text(state, start_line)
    numbered = _BULLET.match(text) is None
    marker = _NUMBER if numbered else _BULLET
    if marker.match(text) is None:
        return False
    if silent:
        return True
    items: list[_Item] = []
    content_re = lazy_re = indent_re = None
    eob_found = nested = last_blank = False
    indentation = 0
    line = start_line
    while line < end_line:
        text = line_text(state, line)
        if last_blank and HR_START.match(text):
            break
        if EOB_MARKER.match(text):
            eob_found = True
            line += 1
            break
        if (start := marker.match(text)) is not None:
            value, indentation = first_item_line(len(start.group(1)), start.group(2))
            content_re, lazy_re, indent_re = item_patterns(indentation)
            marker = _next_marker(numbered, indentation)
            nested = LIST_START.match(value) is not None
            last_blank = False
            items.append(_Item(line, [value + "\n"]))
        elif (
            content_re is not None
            and lazy_re is not None
            and indent_re is not None
            and (content_re.match(text) or (not last_blank and lazy_re.match(text)))
        ):
            text = _LEADING_TABS.sub(lambda m: m.group(1) + "    " * len(m.group(2)), text, 1)
            indented = indent_re.match(text) is not None
            if indented:
                text = text[indentation:]
            if not nested and indented and LIST_START.match(text):
                items[-1].chunks.append("")
                nested = True
            elif nested and not indented and LIST_START.match(text):
                text = " " * (indentation + 4) + text
            items[-1].chunks[-1] += text + "\n"
            last_blank = False
        elif _BLANK.match(text):
            nested = last_blank = True
            items[-1].chunks[-1] += "\n"
        else:
            break
        line += 1
    _write_list(state, items, numbered, eob_found)
    state.line = line
    return True


def _write_list(state: StateBlock, items: list[_Item], numbered: bool, eob_found: bool) -> None:
    kind, tag = ("ordered_list", "ol") if numbered else ("bullet_list", "ul")
    opening = state.push(f"{kind}_open", tag, 1)
    opening.map = [items[0].first_line, items[-1].first_line + 1]
    any_bare = False
    task_list = False
    for index, item in enumerate(items):
        item_open = state.push("list_item_open", "li", 1)
        item_open.map = [item.first_line, item.first_line + 1]
        start = len(state.tokens)
        state.level += 1
        line = item.first_line
        for chunk in item.chunks:
            parse_nested(state, chunk, line)
            line += chunk.count("\n")
        state.level -= 1
        # Hidden markers (an attribute list's line, `* {: .x}`) are not the item's first block.
        children = [t for t in state.tokens[start:] if not (t.hidden and t.nesting == 0)]
        text = "".join(item.chunks)
        last = index == len(items) - 1
        if children and children[0].type == "paragraph_open":
            paragraph_end = _line_after(children[0]) - item.first_line
            rest = text.splitlines()[paragraph_end:]
            followed_by_blank = bool(rest) and not rest[0].strip()
            only_blank_after = not "".join(rest).strip()
            tight_first = not followed_by_blank or (last and only_blank_after and not eob_found)
            if tight_first and (not last or len(items) == 1 or any_bare):
                children[0].hidden = True
                _closing_paragraph(children).hidden = True
                any_bare = True
            task_list = _check_box(children[1]) or task_list
        else:
            any_bare = True
        if task_list:
            item_open.attrSet("class", "task-list-item")
        state.push("list_item_close", "li", -1)
    if task_list:
        opening.attrSet("class", "task-list")
    state.push(f"{kind}_close", tag, -1)


def _line_after(token: Token) -> int:
    """The line after the block `token` opens."""
    assert token.map is not None
    return token.map[1]


def _closing_paragraph(children: list[Token]) -> Token:
    return next(token for token in children if token.type == "paragraph_close")


def _check_box(inline: Token) -> bool:
    """Turn a leading `[ ]` or `[x]` of the item's first paragraph into a checkbox (raw HTML,
    as kramdown-parser-gfm writes it into the paragraph's text)."""
    match = _CHECKBOX.match(inline.content)
    if match is None:
        return False
    box = _UNCHECKED if match.group(1) == " " else _CHECKED
    inline.content = box + inline.content[match.end() :]
    return True
