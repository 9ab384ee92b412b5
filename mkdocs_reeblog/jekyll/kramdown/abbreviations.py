"""kramdown's abbreviations: `*[REE]: Rare Earth Elements` defines, every `REE` becomes
`<abbr title="Rare Earth Elements">REE</abbr>`.

As kramdown 2.4 does (`parser/kramdown/abbreviation.rb`, checked with Jekyll): a definition is
a line of its own (inside a paragraph it is text); it applies to the whole post, before and
after it, the last one of a name wins; an empty title gives `<abbr>` with no title; an IAL
under the definition gives every use its attributes. A use is the name as a whole word
(no ASCII letter, digit or `_` on either side; longer names first) in any text: paragraphs,
headings (their ids are made from the text, not changed), link text, the table of contents;
not in code, URLs, image alt text, raw HTML blocks, or the content of `<code>`, `<kbd>`,
`<samp>`, `<var>`, `<pre>`, `<script>`, `<style>`, `<math>`, `<textarea>`, `<option>`.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

__all__ = ["abbreviations_plugin"]

DEFINITION_TOKEN = "reeblog_abbreviation"
_USED = "reeblog_abbreviations"
_DEFINITION = re.compile(r"\*\[(.+?)\]:(.*)")
_RAW_TAG = re.compile(r"<(/?)(script|style|math|option|textarea|pre|code|kbd|samp|var)\b", re.I)


def abbreviations_plugin(md: MarkdownIt) -> None:
    """Read abbreviation definitions and mark their uses."""
    md.block.ruler.before("paragraph", "reeblog_abbreviation", _definition)
    md.core.ruler.push("reeblog_abbreviations", _abbreviations)


def _definition(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A line `*[NAME]: title`: a hidden token (an IAL under it may give it attributes)."""
    pos = state.bMarks[start] + state.tShift[start]
    if not state.src.startswith("*[", pos) or state.sCount[start] - state.blkIndent > 3:
        return False
    match = _DEFINITION.match(state.src, pos, state.eMarks[start])
    if match is None:
        return False
    if not silent:
        token = state.push(DEFINITION_TOKEN, "", 0)
        token.map = [start, start + 1]
        token.hidden = True
        token.meta = {"name": match[1], "title": match[2].strip()}
        state.env[_USED] = True
        state.line = start + 1
    return True


def _abbreviations(state: StateCore) -> None:
    """Every use of a defined name wrapped in `abbr` tokens; definitions removed."""
    if not state.env.get(_USED):
        return
    definitions: dict[str, Token] = {}
    kept: list[Token] = []
    for token in state.tokens:
        if token.type == DEFINITION_TOKEN:
            definitions[token.meta["name"]] = token
        else:
            kept.append(token)
    state.tokens[:] = kept
    names = sorted(definitions, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)", re.ASCII)
    for token in kept:
        if token.type == "inline" and token.children:
            token.children = _marked(token.children, pattern, definitions)


def _marked(
    children: list[Token], pattern: re.Pattern[str], definitions: dict[str, Token]
) -> list[Token]:
    """Inline tokens with each use of an abbreviation in their text wrapped in `abbr`."""
    result: list[Token] = []
    raw = 0
    for child in children:
        if child.type == "html_inline" and "<" in child.content:
            tag = _RAW_TAG.match(child.content)
            if tag is not None and not child.content.endswith("/>"):
                raw = max(0, raw - 1) if tag[1] else raw + 1
        if child.type != "text" or raw or pattern.search(child.content) is None:
            result.append(child)
            continue
        text = child.content
        start = 0
        for match in pattern.finditer(text):
            if match.start() > start:
                result.append(child.copy(content=text[start : match.start()]))
            definition = definitions[match[0]]
            attrs = dict(definition.attrs)
            if definition.meta["title"]:
                attrs["title"] = definition.meta["title"]
            result.append(Token("abbr_open", "abbr", 1, attrs=attrs))
            result.append(child.copy(content=match[0]))
            result.append(Token("abbr_close", "abbr", -1))
            start = match.end()
        if start < len(text):
            result.append(child.copy(content=text[start:]))
    return result
