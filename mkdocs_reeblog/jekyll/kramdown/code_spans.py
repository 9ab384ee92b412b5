"""Code spans as kramdown 2.4 reads them (`parser/kramdown/codespan.rb`), with Jekyll's class.

A run of backticks opens a code span that ends at the next occurrence of the same run, even
inside a longer run (`` `a``b` `` is two code spans); with no such occurrence, the backticks
are text. A single backtick after white space (or first) and before white space is text. The
code of a span opened by two or more backticks loses one space at each end; nothing else is
trimmed or folded.

Jekyll highlights every code span with Rouge as plain text, which writes
`<code class="language-plaintext highlighter-rouge">`: the renderer writes the same class.
It changes nothing in Material's look (which styles `code` alone), and keeps working the CSS
that Jekyll themes and posts' own styles aim at `code.highlighter-rouge`.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererProtocol
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from mkdocs_reeblog.jekyll.kramdown.emphasis import is_white
from mkdocs_reeblog.jekyll.kramdown.spans import add_text, span_context

__all__ = ["code_spans_plugin"]

_LANGUAGE = "language-plaintext"
_HIGHLIGHTER = "highlighter-rouge"


def code_spans_plugin(md: MarkdownIt) -> None:
    """Replace markdown-it's code spans (CommonMark's) with kramdown's."""
    md.inline.ruler.at("backticks", _code_span)
    md.add_render_rule("code_inline", _render_code_span)


def _render_code_span(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """`<code>` with its classes in Jekyll's order: the language, an IAL's, the highlighter."""
    token = tokens[idx]
    classes = f"{token.attrs.get('class', _LANGUAGE)} {_HIGHLIGHTER}"
    attrs = "".join(
        f' {name}="{escapeHtml(str(value))}"'
        for name, value in {**token.attrs, "class": classes}.items()
    )
    return f"<code{attrs}>{escapeHtml(token.content)}</code>"


def _code_span(state: StateInline, silent: bool) -> bool:
    src = state.src
    pos = state.pos
    if src[pos] != "`":
        return False
    run_end = pos + 1
    while run_end < state.posMax and src[run_end] == "`":
        run_end += 1
    delimiter = src[pos:run_end]
    simple = len(delimiter) == 1
    if simple and run_end < len(src) and is_white(src[run_end]):
        before = span_context(state).before(pos)
        if not before or is_white(before):
            return add_text(state, delimiter, silent)
    end = src.find(delimiter, run_end, state.posMax)
    if end < 0:
        return add_text(state, delimiter, silent)
    if not silent:
        code = src[run_end:end]
        if not simple:
            code = code.removeprefix(" ").removesuffix(" ")
        token = state.push("code_inline", "code", 0)
        token.content = code
        token.markup = delimiter
        token.attrs["class"] = _LANGUAGE
    state.pos = end + len(delimiter)
    return True
