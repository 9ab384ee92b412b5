"""Emphasis and strong emphasis as kramdown 2.4 reads them (`parser/kramdown/emphasis.rb`).

`*` or `_` opens emphasis, `**` or `__` strong emphasis, unless:

- it is followed by white space;
- it is `_` or `__` right after a letter (or a letter and `-`): `snake_case_name` is text;
- the same kind of emphasis is already open around it (`*a *b* c*`: the inner `*` are text).

Its content is read as spans up to the first closing mark, between elements, that is not
after white space, is not `**` closing an emphasis (`*a **b** c*`: that is a strong
emphasis inside), is not `_` followed by a letter or digit, and closes a non-empty content.
When a strong emphasis finds no end, its first character is dropped and the rest read as an
emphasis (`**a*` is `<em>*a</em>`); when that fails too, the marks are text. Unlike
CommonMark, punctuation does not matter: `**中文。**后面` is strong, and `***a***` is
`<strong><em>a</em></strong>`.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from mkdocs_reeblog.jekyll.kramdown.spans import (
    add_text,
    find_end,
    opened,
    parse_content,
    span_context,
)

__all__ = ["emphasis_plugin", "is_white"]

_WHITE = frozenset(" \t\n\r\f\v")


def is_white(char: str) -> bool:
    """Ruby's `\\s`: ASCII white space only."""
    return char in _WHITE


def emphasis_plugin(md: MarkdownIt) -> None:
    """Replace markdown-it's emphasis (delimiter runs paired afterwards) with kramdown's."""
    md.inline.ruler.at("emphasis", _emphasis)
    md.inline.ruler2.disable(["emphasis"])


def _emphasis(state: StateInline, silent: bool) -> bool:
    src = state.src
    pos = state.pos
    mark = src[pos]
    if mark not in "*_":
        return False
    delimiter = written = mark * 2 if src.startswith(mark * 2, pos) else mark
    kind = "strong" if len(delimiter) == 2 else "em"
    context = span_context(state)
    after = pos + len(delimiter)
    if (
        (mark == "_" and _after_letter(src, context.start, pos))
        or (after < len(src) and is_white(src[after]))
        or kind in context.open
    ):
        return add_text(state, written, silent)
    end = _find_close(state, after, delimiter, kind)
    if end < 0 and kind == "strong" and context.open[-1:] != ("em",):
        after = pos + 1  # kramdown drops the first mark and tries an emphasis
        delimiter, kind = mark, "em"
        end = _find_close(state, after, delimiter, kind)
    if end < 0:
        return add_text(state, written, silent)
    if not silent:
        tag = kind
        opening = state.push(f"{kind}_open", tag, 1)
        opening.markup = delimiter
        with opened(context, kind):
            parse_content(state, after, end)
        closing = state.push(f"{kind}_close", tag, -1)
        closing.markup = delimiter
    state.pos = end + len(delimiter)
    return True


def _after_letter(src: str, start: int, pos: int) -> bool:
    """Whether the text before `pos` ends with a letter, or a letter and `-` (kramdown's
    `pre_match =~ /[[:alpha:]]-?[[:alpha:]]*\\z/`)."""
    if pos <= start:
        return False
    before = src[pos - 1]
    if before == "-":
        return pos - 1 > start and src[pos - 2].isalpha()
    return before.isalpha()


def _find_close(state: StateInline, after: int, delimiter: str, kind: str) -> int:
    """Where the emphasis of `kind` whose content starts at `after` closes, or -1."""
    src = state.src
    mark = delimiter[0]
    context = span_context(state)
    double = mark * 2

    def closes(pos: int) -> bool:
        if not src.startswith(delimiter, pos) or pos == after:
            return False
        if is_white(context.before(pos)):
            return False
        if kind == "em" and src.startswith(double, pos) and not src.startswith(mark, pos + 2):
            return False
        end = pos + len(delimiter)
        return not (mark == "_" and end < len(src) and src[end].isalnum())

    return find_end(state, after, kind, closes, memo=delimiter)
