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

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from markdown_it.rules_inline import StateInline

__all__ = ["SpanContext", "add_text", "find_end", "opened", "parse_content", "span_context"]

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
    skips: dict[tuple[int, tuple[str, ...], int], int] = field(default_factory=dict)

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
    saved = context.open, context.start
    if start is None:
        context.open = (*context.open, kind)
    else:
        context.open, context.start = (kind,), start
    try:
        yield
    finally:
        context.open, context.start = saved


def find_end(state: StateInline, start: int, kind: str, closes: Callable[[int], bool]) -> int:
    """Where the element of `kind` whose content starts at `start` ends: the first position,
    between the elements read from `start`, where `closes` is true; -1 when there is none."""
    context = span_context(state)
    rules = state.md.inline.ruler.getRules("")
    saved = state.pos
    end = state.posMax
    pos = start
    with opened(context, kind):
        key_open, key_start = context.open, context.start
        skips = context.skips
        try:
            while pos < end:
                if closes(pos):
                    return pos
                cached = skips.get((pos, key_open, key_start))
                if cached is not None and cached <= end:
                    pos = cached
                    continue
                state.pos = pos
                state.level += 1
                try:
                    matched = state.level < state.md.options["maxNesting"] and any(
                        rule(state, True) for rule in rules
                    )
                finally:
                    state.level -= 1
                skipped = state.pos if matched else pos + 1
                skips[(pos, key_open, key_start)] = skipped
                pos = skipped
            return -1
        finally:
            state.pos = saved


def parse_content(state: StateInline, start: int, end: int) -> None:
    """Tokenize the source from `start` to `end` (an element's content) into `state`."""
    saved_max = state.posMax
    state.pos, state.posMax = start, end
    try:
        state.md.inline.tokenize(state)
    finally:
        state.posMax = saved_max


def add_text(state: StateInline, text: str, silent: bool) -> bool:
    """Take `text` at the position as plain text (what kramdown's `add_text` does)."""
    if not silent:
        state.pending += text
    state.pos += len(text)
    return True
