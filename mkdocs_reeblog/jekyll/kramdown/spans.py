"""What kramdown's span parsers share: reading an element's content up to its end.

kramdown reads spans by recursive descent (`parse_spans` with a `stop_re`): an element that
opens (emphasis, a link's text, an HTML element) reads the spans after it, each nested element
whole, until its closing mark appears *between* elements, where it may close. A `*` inside a
code span or a nested link never closes an emphasis; an element whose end is never found is
text. markdown-it's inline rules are one flat pass; `find_end` gives them kramdown's reading:
it skips over the nested elements with the rules themselves, in silent mode, and returns where
the closing mark is.

What kramdown's rules also look at lives in the `SpanContext` of the inline block being
parsed: the kinds of elements open around the current position (no emphasis inside the same
emphasis, no link inside a link) and where kramdown's scanner started (the text before a
position, as `pre_match` sees it: a strikethrough's content is read by a scanner of its own).
Skips are cached by position and context, so an element is read once however deeply the
elements around it are scanned.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from markdown_it.rules_inline import StateInline

__all__ = [
    "SpanContext",
    "add_text",
    "find_end",
    "opened",
    "parse_content",
    "skip_element",
    "span_context",
]

_CONTEXT = "reeblog_span_context"


@dataclass
class SpanContext:
    """The state of kramdown's span parser for one inline block."""

    state: StateInline
    open: tuple[str, ...] = ()
    """The kinds of the elements being read around the position (`em`, `strong`, `a`, ...),
    outermost first."""
    start: int = 0
    """Where the scanner started: the text before a position begins here."""
    key: Hashable = (frozenset(), "", 0)
    """What the rules see of the context: which kinds are open, the innermost, the start (a
    cache key: an image in an image in a link reads as one in a link)."""
    skips: dict[tuple[int, Hashable], int] = field(default_factory=dict)
    """Where the element read at a position ends, by position and context."""
    ends: dict[tuple[Hashable, Hashable, int], tuple[int, int]] = field(default_factory=dict)
    """`find_end`'s memo: the end found from a position, and the limit it was sought to."""

    def before(self, pos: int) -> str:
        """The character before `pos` in this scanner's text ('' at its start)."""
        return self.state.src[pos - 1] if pos > self.start else ""


def span_context(state: StateInline) -> SpanContext:
    """The context of the inline block `state` parses (made on first use)."""
    context: SpanContext | None = state.env.get(_CONTEXT)
    if context is None or context.state is not state:
        context = SpanContext(state)
        state.env[_CONTEXT] = context
    return context


@contextmanager
def opened(context: SpanContext, kind: str, *, start: int | None = None) -> Iterator[None]:
    """Within: an element of `kind` is open; with `start`, a new scanner starts there (and no
    element is open around it)."""
    saved = context.open, context.start, context.key
    if start is None:
        context.open = (*context.open, kind)
    else:
        context.open, context.start = (kind,), start
    context.key = (frozenset(context.open), context.open[-1], context.start)
    try:
        yield
    finally:
        context.open, context.start, context.key = saved


def find_end(
    state: StateInline,
    start: int,
    kind: str,
    closes: Callable[[int], bool],
    memo: Hashable | None = None,
) -> int:
    """Where the element of `kind` whose content starts at `start` ends: the first position,
    between the elements read from `start`, where `closes` is true; -1 when there is none.

    With `memo` (a key naming `closes`, for a `closes` that looks at nothing but the position
    after the start), the end found is kept for every position read: a later element of the
    same kind that reaches one of them ends there too (`*a *a *a ...` is read once, not once
    per `*`)."""
    if state.level >= state.md.options["maxNesting"]:
        return -1  # nested too deep: the element is text
    context = span_context(state)
    saved = state.pos
    end = state.posMax
    pos = start
    read: list[int] = []
    found = -1
    state.level += 1
    with opened(context, kind):
        key = context.key
        try:
            while pos < end:
                if memo is not None and pos != start:
                    known = context.ends.get((memo, key, pos))
                    if known is not None and (known[0] >= 0 or known[1] >= end):
                        found = known[0] if known[0] <= end else -1
                        break
                    read.append(pos)
                if closes(pos):
                    found = pos
                    break
                pos = skip_element(state, pos)
            for at in read:
                context.ends[(memo, key, at)] = (found, end)
            return found
        finally:
            state.pos = saved
            state.level -= 1


def skip_element(state: StateInline, pos: int) -> int:
    """Where the element (or text) read at `pos` ends, in the current context (cached)."""
    context = span_context(state)
    key = (pos, context.key)
    skipped = context.skips.get(key)
    if skipped is not None and skipped <= state.posMax:
        return skipped
    saved = state.pos
    state.pos = pos
    try:
        rules = state.md.inline.ruler.getRules("")
        skipped = state.pos if any(rule(state, True) for rule in rules) else pos + 1
    finally:
        state.pos = saved
    context.skips[key] = skipped
    return skipped


def parse_content(state: StateInline, start: int, end: int) -> None:
    """Tokenize the source from `start` to `end` (an element's content) into `state`, one
    level deeper (past markdown-it's `maxNesting`, the content is text)."""
    saved_max = state.posMax
    state.pos, state.posMax = start, end
    state.level += 1
    try:
        state.md.inline.tokenize(state)
    finally:
        state.posMax = saved_max
        state.level -= 1


def add_text(state: StateInline, text: str, silent: bool) -> bool:
    """Take `text` at the position as plain text (what kramdown's `add_text` does)."""
    if not silent:
        state.pending += text
    state.pos += len(text)
    return True
