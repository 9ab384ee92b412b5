"""Code blocks as kramdown with GFM input reads them, written as Material for MkDocs styles them.

Fenced code (kramdown-parser-gfm): a line of three or more backticks or tildes, one optional
word (the language, up to a `?`), then the code up to the same fence; a fence with more words
after the language, or one never closed, is not code at all (the lines are a paragraph, as in
kramdown). Indented code: lines indented by a tab or four spaces, blank lines between them, and
lines that follow without a blank line even when not indented (kramdown joins such a line to
the one before with a space).

A fence's `?query` is ignored by kramdown; `mkdocs_reeblog.jekyll.liquid.engine` writes Jekyll's
`{% highlight python linenos %}` as the fence ```` ```python?linenums=1 ```` (`hl_lines=1+3`
for `mark_lines="1 3"`), which is how line numbers reach the highlighter.

With highlighting on, code goes through `pymdownx.highlight` (Pygments) configured as the
site's `pymdownx.highlight` extension, in the markup Material's copy button and line numbers
expect; off, it is `<pre><code class="language-x">` as kramdown writes it with no highlighter.
"""

from __future__ import annotations

import html
import inspect
import re
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from pymdownx.highlight import Highlight

from mkdocs_reeblog.jekyll.kramdown.model import RenderOptions
from mkdocs_reeblog.jekyll.kramdown.source import INDENTED, indented_end, line_text

__all__ = ["code_blocks_plugin", "fence_info"]

_OPENING = re.compile(r" {0,3}(([~`]){3,})[ \t]*(?:(\S+?)(?:\?(\S*))?)?[ \t]*$")
_LAZY_JOIN = re.compile(r"\n( {0,3}\S)")
_INDENT = re.compile(r"^(?:\t| {4})", re.MULTILINE)
_HL_LINES = re.compile(r"[\d+\-]+")


def code_blocks_plugin(md: MarkdownIt, options: RenderOptions) -> None:
    """Replace markdown-it's code readers with kramdown's and write code as the site wants."""
    md.block.ruler.at("code", _indented_code)
    md.block.ruler.at("fence", _fenced_code)
    writer = _CodeWriter(options)
    rules = md.renderer.rules  # type: ignore[attr-defined]
    rules["fence"] = rules["code_block"] = writer.render


def fence_info(language: str, linenums: int | None, hl_lines: Sequence[int | str] = ()) -> str:
    """The info string of a fence that asks for line numbers or marked lines."""
    query = [f"linenums={linenums}"] if linenums is not None else []
    if hl_lines:
        query.append("hl_lines=" + "+".join(str(line) for line in hl_lines))
    return f"{language}?{'&'.join(query)}" if query else language


def _fenced_code(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    opening = _OPENING.match(line_text(state, start_line))
    if opening is None:
        return False
    closing = re.compile(
        rf" {{0,3}}{re.escape(opening.group(1))}{re.escape(opening.group(2))}*\s*$"
    )
    line = start_line + 1
    while line < end_line and not closing.match(line_text(state, line)):
        line += 1
    if line >= end_line:
        return False
    if silent:
        return True
    token = state.push("fence", "code", 0)
    token.info = opening.group(3) or ""
    token.meta["reeblog_query"] = opening.group(4) or ""
    token.markup = opening.group(1)
    token.content = "".join(line_text(state, n) + "\n" for n in range(start_line + 1, line))
    token.map = [start_line, line + 1]
    state.line = line + 1
    return True


def _indented_code(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if not INDENTED.match(line_text(state, start_line)):
        return False
    if silent:
        return True
    last = indented_end(state, start_line + 1, end_line, lazy=True)
    data = "".join(line_text(state, n) + "\n" for n in range(start_line, last))
    token = state.push("code_block", "code", 0)
    token.content = _INDENT.sub("", _LAZY_JOIN.sub(r" \1", data))
    token.map = [start_line, last]
    state.line = last
    return True


class _CodeWriter:
    """Writes code blocks, with one `Highlight` for every post of the build."""

    def __init__(self, options: RenderOptions) -> None:
        self.options = options
        accepted = inspect.signature(Highlight.__init__).parameters
        settings = {key: value for key, value in options.extra.items() if key in accepted}
        if options.linenums:
            settings["linenums"] = True
        settings.pop("md", None)
        self.css_class = str(options.extra.get("css_class", options.css_class))
        self.highlighter = Highlight(None, **settings) if options.highlight else None

    def render(
        self, tokens: Sequence[Token], index: int, _options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[index]
        # An IAL's attributes (`{: .c #id}`) go on the block's outer element, as kramdown does.
        attrs = {name: str(value) for name, value in token.attrs.items()}
        if self.highlighter is None:
            code_class = f' class="language-{html.escape(token.info)}"' if token.info else ""
            code = html.escape(token.content.rstrip("\n"), quote=False)
            return f"<pre{_attributes(attrs)}><code{code_class}>{code}\n</code></pre>\n"
        count = env.get("reeblog_code_blocks", 0)
        env["reeblog_code_blocks"] = count + 1
        settings = _query(token.meta.get("reeblog_query", ""))
        # pymdownx.highlight writes them as given: escaped here.
        attrs = {name: html.escape(value) for name, value in attrs.items()}
        classes = attrs.pop("class", "").split()
        return (
            str(
                self.highlighter.highlight(
                    token.content,
                    token.info,
                    self.css_class,
                    hl_lines=settings.get("hl_lines"),
                    linestart=settings.get("linenums", -1),
                    classes=classes or None,
                    id_value=attrs.pop("id", ""),
                    attrs=attrs or None,
                    code_block_count=count,
                )
            )
            + "\n"
        )


def _attributes(attrs: dict[str, str]) -> str:
    """HTML attributes, escaped, in the order given."""
    return "".join(f' {name}="{html.escape(value)}"' for name, value in attrs.items())


def _query(query: str) -> dict[str, Any]:
    """The line numbers and marked lines a fence's `?query` asks for."""
    settings: dict[str, Any] = {}
    for pair in query.split("&") if query else ():
        key, _, value = pair.partition("=")
        if key == "linenums" and value.isdigit():
            settings["linenums"] = int(value)
        elif key == "hl_lines" and _HL_LINES.fullmatch(value):
            settings["hl_lines"] = [int(n) for part in value.split("+") for n in _expand(part)]
    return settings


def _expand(part: str) -> list[int]:
    """`3` or `3-5` as line numbers."""
    first, _, last = part.partition("-")
    if not first.isdigit():
        return []
    end = int(last) if last.isdigit() else int(first)
    return list(range(int(first), end + 1))
