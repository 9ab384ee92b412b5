"""kramdown's table of contents: the first list marked `{:toc}` replaced by a list of links to
the post's headings, nested by level (kramdown's `generate_toc_tree`).

The list keeps its type (`ul` or `ol`) and its attributes, with `id="markdown-toc"` unless it
has an id; each entry is `<li><a href="#ID" id="LIST_ID-ID">heading</a></li>`, the heading's
content with links unwrapped and footnote markers left out; a heading of class `no_toc` is
not listed; a post with no heading loses the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from mkdocs_reeblog.jekyll.kramdown.attributes import TOC_MARK

__all__ = ["TOC_ENTRIES", "TocEntry", "table_of_contents"]

TOC_ENTRIES = "reeblog_toc_entries"
"""`env` key of the post's headings (`TocEntry`), in order."""


@dataclass(frozen=True)
class TocEntry:
    """A heading, for the table of contents."""

    level: int
    id: str
    children: Sequence[Token]
    """The heading's inline tokens."""
    in_toc: bool


@dataclass
class _Node:
    entry: TocEntry
    children: list[_Node] = field(default_factory=list)


def table_of_contents(state: StateCore) -> None:
    """Replace the list marked `{:toc}` (if any) by the table of contents."""
    tokens = state.tokens
    if "reeblog_toc_list" not in state.env:
        return
    start = next((i for i, t in enumerate(tokens) if t.meta.get(TOC_MARK)), None)
    if start is None:
        return
    marked = tokens[start]
    end = next(
        i
        for i in range(start + 1, len(tokens))
        if tokens[i].level == marked.level and tokens[i].nesting == -1
    )
    roots = _tree([e for e in state.env.get(TOC_ENTRIES, ()) if e.in_toc])
    attrs = dict(marked.attrs)
    list_id = str(attrs.setdefault("id", "markdown-toc"))
    ids: set[str] = state.env.setdefault("reeblog_ids", set())
    ids.add(list_id)
    replacement: list[Token] = []
    if roots:
        _list(roots, marked, attrs, list_id, marked.level, replacement, ids)
    tokens[start : end + 1] = replacement


def _tree(entries: list[TocEntry]) -> list[_Node]:
    """Entries nested under the closest earlier entry of a lower level."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    for entry in entries:
        node = _Node(entry)
        while stack and stack[-1].entry.level >= entry.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def _list(
    nodes: list[_Node],
    marked: Token,
    attrs: dict[str, str | int | float],
    list_id: str,
    level: int,
    out: list[Token],
    ids: set[str],
) -> None:
    """The tokens of one level of the table of contents, appended to `out`."""
    kind = marked.type.removesuffix("_open")
    out.append(_block(f"{kind}_open", marked.tag, 1, level, marked.markup, attrs))
    for node in nodes:
        out.append(_block("list_item_open", "li", 1, level + 1, marked.markup))
        out.append(_block("paragraph_open", "p", 1, level + 2, "", hidden=True))
        anchor_id = f"{list_id}-{node.entry.id}"
        ids.add(anchor_id)
        link = Token("link_open", "a", 1, attrs={"href": f"#{node.entry.id}", "id": anchor_id})
        inline = _block("inline", "", 0, level + 3, "")
        inline.children = [
            link,
            *_entry_children(node.entry.children),
            Token("link_close", "a", -1),
        ]
        out.append(inline)
        out.append(_block("paragraph_close", "p", -1, level + 2, "", hidden=True))
        if node.children:
            _list(node.children, marked, {}, list_id, level + 2, out, ids)
        out.append(_block("list_item_close", "li", -1, level + 1, marked.markup))
    out.append(_block(f"{kind}_close", marked.tag, -1, level, marked.markup))


def _block(
    kind: str,
    tag: str,
    nesting: Literal[-1, 0, 1],
    level: int,
    markup: str,
    attrs: dict[str, str | int | float] | None = None,
    *,
    hidden: bool = False,
) -> Token:
    token = Token(kind, tag, nesting, attrs=attrs or {}, level=level, markup=markup)
    token.block = True
    token.hidden = hidden
    return token


def _entry_children(children: Sequence[Token]) -> list[Token]:
    """A heading's inline tokens for its entry: copies, links unwrapped, no footnote markers."""
    return [
        child.copy(attrs=dict(child.attrs))
        for child in children
        if child.type not in ("link_open", "link_close") and not child.type.startswith("footnote")
    ]
