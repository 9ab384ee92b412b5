"""Footnotes as kramdown reads and writes them.

A definition is `[^name]: text` at the start of a line, with the indented lines after it
(blank lines between them, and lazy lines after indented text, as indented code); one level of
indentation is removed and the text is read as blocks. A reference `[^name]` whose definition
exists anywhere in the post becomes `<sup id="fnref:name" role="doc-noteref">` around
`<a href="#fn:name" class="footnote" rel="footnote">N</a>` (`fnref:name:1`, `:2`... when
repeated); without a definition it stays text. Footnotes are numbered in the order of their
first reference, those referenced only inside footnotes after the others; definitions never
referenced are dropped. The referenced ones end the post in `<div class="footnotes"
role="doc-endnotes">`, each `<li id="fn:name" role="doc-endnote">` with a link back to every
reference, in its last paragraph or in a paragraph of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from mkdocs_reeblog.jekyll.kramdown.source import indented_end, line_text

__all__ = ["footnotes_plugin"]

_DEFINITION = re.compile(r" {0,3}\[\^([A-Za-z0-9_][A-Za-z0-9_-]*)\]:")
_REFERENCE = re.compile(r"\[\^([A-Za-z0-9_][A-Za-z0-9_-]*)\]")
_INDENT = re.compile(r"^(?:\t| {4})", re.MULTILINE)
_DEFINITIONS = "reeblog_footnotes"
_BACKLINK = '<a href="#{}" class="reversefootnote" role="doc-backlink">&#8617;{}</a>'


def footnotes_plugin(md: MarkdownIt) -> None:
    """Read footnote definitions and references; write the footnotes at the post's end."""
    md.block.ruler.before("reference", "reeblog_footnote", _definition)
    md.inline.ruler.before("link", "reeblog_footnote_ref", _reference)
    md.core.ruler.after("inline", "reeblog_footnotes", _footnotes)
    md.add_render_rule("reeblog_footnote_ref", _write_reference)


@dataclass
class _Footnote:
    name: str
    tokens: list[Token]
    references: list[Token] = field(default_factory=list)
    number: int = 0


def _definition(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    text = line_text(state, start_line)
    if "[^" not in text:
        return False
    match = _DEFINITION.match(text)
    if match is None:
        return False
    if silent:
        return True
    end = indented_end(state, start_line + 1, end_line, lazy=False)
    rest = "".join(line_text(state, n) + "\n" for n in range(start_line + 1, end))
    content = _INDENT.sub("", text[match.end() :] + "\n" + rest)
    tokens: list[Token] = []
    state.md.block.parse(content, state.md, state.env, tokens)
    opening = state.push("reeblog_footnote_open", "", 1)
    opening.meta["name"] = match.group(1)
    opening.map = [start_line, end]
    state.tokens.extend(tokens)
    state.push("reeblog_footnote_close", "", -1)
    # A later definition of the same name replaces the earlier one.
    state.env.setdefault(_DEFINITIONS, set()).add(match.group(1))
    state.line = end
    return True


def _reference(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[^", state.pos):
        return False
    match = _REFERENCE.match(state.src, state.pos)
    if match is None or match.group(1) not in state.env.get(_DEFINITIONS, ()):
        return False
    if not silent:
        token = state.push("reeblog_footnote_ref", "", 0)
        token.meta["name"] = match.group(1)
    state.pos = match.end()
    return True


def _footnotes(state: StateCore) -> None:
    """Take the definitions out of the post; number the references; write the footnotes."""
    if _DEFINITIONS not in state.env:
        return
    footnotes: dict[str, _Footnote] = {}
    body: list[Token] = []
    tokens = state.tokens
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type != "reeblog_footnote_open":
            body.append(token)
            index += 1
            continue
        depth, end = 1, index + 1
        while depth:
            depth += tokens[end].nesting if tokens[end].type.startswith("reeblog_footnote") else 0
            end += 1
        footnotes[token.meta["name"]] = _Footnote(token.meta["name"], tokens[index + 1 : end - 1])
        index = end
    order: list[_Footnote] = []
    ids: set[str] = state.env.setdefault("reeblog_ids", set())
    _number(body, footnotes, order, ids)
    position = 0
    while position < len(order):
        _number(order[position].tokens, footnotes, order, ids)
        position += 1
    state.tokens = body + _write_footnotes(order, ids) if order else body


def _number(
    tokens: Sequence[Token], footnotes: dict[str, _Footnote], order: list[_Footnote], ids: set[str]
) -> None:
    """Give each reference in `tokens` its footnote's number and its own id."""
    for block in tokens:
        for token in block.children or ():
            if token.type != "reeblog_footnote_ref":
                continue
            footnote = footnotes.get(token.meta["name"])
            if footnote is None:  # defined inside another footnote: kramdown's text
                token.type, token.content = "text", f"[^{token.meta['name']}]"
                continue
            if not footnote.references:
                order.append(footnote)
                footnote.number = len(order)
            repeat = len(footnote.references)
            token.meta["number"] = footnote.number
            token.meta["id"] = f"fnref:{footnote.name}" + (f":{repeat}" if repeat else "")
            footnote.references.append(token)
            ids.add(token.meta["id"])


def _write_footnotes(order: list[_Footnote], ids: set[str]) -> list[Token]:
    out = [_html('<div class="footnotes" role="doc-endnotes">\n  <ol>\n')]
    for footnote in order:
        ids.add(f"fn:{footnote.name}")
        out.append(_html(f'    <li id="fn:{footnote.name}" role="doc-endnote">\n'))
        backlinks = "".join(
            "\xa0" * bool(n) + _BACKLINK.format(ref.meta["id"], f"<sup>{n + 1}</sup>" if n else "")
            for n, ref in enumerate(footnote.references)
        )
        content = footnote.tokens
        if len(content) >= 2 and content[-1].type == "paragraph_close":
            inline = content[-2]
            link = Token("html_inline", "", 0, content="\xa0" + backlinks)
            inline.children = [*(inline.children or ()), link]
            out.extend(content)
        else:
            out.extend(content)
            out.append(_html(f"<p>{backlinks}</p>\n"))
        out.append(_html("    </li>\n"))
    out.append(_html("  </ol>\n</div>\n"))
    return out


def _html(content: str) -> Token:
    return Token("html_block", "", 0, content=content)


def _write_reference(
    self: object, tokens: Sequence[Token], index: int, _options: OptionsDict, _env: EnvType
) -> str:
    meta = tokens[index].meta
    return (
        f'<sup id="{meta["id"]}" role="doc-noteref"><a href="#fn:{meta["name"]}" '
        f'class="footnote" rel="footnote">{meta["number"]}</a></sup>'
    )
