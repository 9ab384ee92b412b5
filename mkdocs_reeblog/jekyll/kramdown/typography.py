"""kramdown's typography: smart quotes (its RubyPants-derived rules) and the typographic symbols
`---` (—), `--` (–), `...` (…), `<<` (« ), `>>` (»); nothing else (no `(c)`, no `+-`).

kramdown decides each quote by looking at the character before it (when that character is
plain text not yet used by an earlier quote or symbol) and at the source after it, markup
included: the rules below are kramdown's `SQ_RULES`, tried in order, with Ruby's ASCII-only
`\\w`, `\\s` and `\\b`. Only text is changed: not code, raw HTML, escaped characters or an
image's alternative text.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

__all__ = ["typography_plugin"]

_PUNCT = r"""[!"#$%'()*+,\-./:;<=>?@\[\\\]^_`{|}~]"""
_CLOSE = r"[^ \\\t\r\n\[{(-]"
_A = re.ASCII

# (rule, what each group becomes): a number keeps that group as text; a name is a quote.
_RULES: tuple[tuple[re.Pattern[str], tuple[int | str, ...]], ...] = (
    (re.compile(r"""("|')(?=[_*]{1,2}\S)""", _A), ("lquote1",)),
    (re.compile(rf"""("|')(?={_PUNCT}(?!\.\.)\B)""", _A), ("rquote1",)),
    (re.compile(r"""(\s?)"'(?=\w)""", _A), (1, "ldquo", "lsquo")),
    (re.compile(r"""(\s?)'"(?=\w)""", _A), (1, "lsquo", "ldquo")),
    (re.compile(r"""(\s?)'(?=\d\ds)""", _A), (1, "rsquo")),
    (re.compile(r"""(\s)('|")(?=\w)""", _A), (1, "lquote2")),
    (re.compile(rf"""({_CLOSE})('|")""", _A), (1, "rquote2")),
    (re.compile(r"""("|')(?=\s|s\b|$|\n)""", _A), ("rquote1",)),
    (re.compile(r"(.?)'", _A | re.DOTALL), (1, "lsquo")),
    (re.compile(r'(.?)"', _A | re.DOTALL), (1, "ldquo")),
)
_QUOTES = {"lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”"}
_SIDE = {"lquote1": "l", "lquote2": "l", "rquote1": "r", "rquote2": "r"}

# kramdown's TYPOGRAPHIC_SYMS, in its order (the first that matches wins).
_SYMBOLS = re.compile(r"---|--|\.\.\.|<< | >>|<<|>>")
_SYMBOL_TEXT = {
    "---": "—",
    "--": "–",
    "...": "…",
    "<< ": "«\u00a0",
    " >>": "\u00a0»",
    "<<": "«",
    ">>": "»",
}
# Where kramdown's span parsers for quotes and symbols may start.
_START = re.compile(r"""[^\\]?["']|--|\.\.\.|<<| >>|>>""")
_TRIGGERS = ("'", '"', "--", "...", "<<", ">>")

# The source a token stands for, as far as a quote's look-ahead needs it.
_MARKUP_TYPES = {"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"}
_LINE_BREAKS = {"softbreak", "hardbreak"}


def typography_plugin(md: MarkdownIt) -> None:
    """Make quotes and symbols typographic in text, before escaped characters join it."""
    md.core.ruler.before("text_join", "reeblog_typography", _typography)


def _typography(state: StateCore) -> None:
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        if not any(trigger in block.content for trigger in _TRIGGERS):
            continue
        children = block.children
        autolink = False
        for index, token in enumerate(children):
            if token.type in ("link_open", "link_close"):
                autolink = token.type == "link_open" and token.markup == "autolink"
            if token.type != "text" or autolink or not any(t in token.content for t in _TRIGGERS):
                continue
            before = children[index - 1] if index else None
            start = "\n" if before is not None and before.type in _LINE_BREAKS else ""
            token.content = typographic(token.content, start, _source_after(children, index))


def _source_after(children: list[Token], index: int) -> str:
    """The markup after token `index` as kramdown sees it (enough for a quote's look-ahead)."""
    for at, token in enumerate(children[index + 1 :], index + 1):
        if token.type in _MARKUP_TYPES:
            return token.markup + "x"
        if token.type in _LINE_BREAKS:
            return "\n"
        if token.type == "text":
            return token.content
        if token.type == "code_inline":
            return "`"
        if token.type == "link_open":
            return "[" + _source_after(children, at)
        if token.type == "link_close":
            return "]"
        if token.type == "image":
            return "!"
        return token.content or "x"
    return ""


def typographic(text: str, before: str = "", after: str = "") -> str:
    """`text` with kramdown's smart quotes and symbols; `before` is the character kramdown
    sees before it (a line break) and `after` the source that follows it."""
    out: list[str] = []
    source = before + text + after
    offset = len(before)
    pos = 0 if before else offset
    end = offset + len(text)
    while pos < end:
        match = _START.search(source, pos, end)
        if match is None:
            break
        start = match.start()
        out.append(source[max(pos, offset) : start])
        if "'" in match.group() or '"' in match.group():
            pos = _quote(source, start, offset, out)
        else:
            symbol = _SYMBOLS.match(source, start)
            assert symbol is not None
            out.append(_SYMBOL_TEXT[symbol.group()])
            pos = symbol.end()
    out.append(source[max(pos, offset) : end])
    return "".join(out)


def _quote(source: str, start: int, offset: int, out: list[str]) -> int:
    """Apply the first quote rule that matches at `start`; return where scanning goes on.
    Text before `offset` is context, not output."""
    for rule, substitutions in _RULES:
        match = rule.match(source, start)
        if match is None:
            continue
        for substitution in substitutions:
            if isinstance(substitution, int):
                out.append(source[max(match.start(substitution), offset) : match.end(substitution)])
            elif substitution in _SIDE:
                double = match.group(int(substitution[-1])) == '"'
                out.append(_QUOTES[_SIDE[substitution] + ("dquo" if double else "squo")])
            else:
                out.append(_QUOTES[substitution])
        return match.end()
    raise AssertionError("the last rules match any quote")  # pragma: no cover
