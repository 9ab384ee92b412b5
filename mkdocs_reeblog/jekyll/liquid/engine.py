"""The Liquid engine behind `mkdocs_reeblog.jekyll.liquid`: python-liquid 2 set up as Jekyll 4.

Jekyll runs Liquid on the raw Markdown of a post before converting it, everywhere in the body
(code spans and fences included), and only when the body contains `{{` or `{%`. This module does
the same with Jekyll's tags (`post_url`, `link`, `highlight`, Jekyll-style `include`) and filters
(`relative_url`, `absolute_url`, `date_to_xmlschema`, `markdownify`, `slugify`, ...).

Differences from Jekyll, all on purpose:

* Jekyll stops the build on an unknown tag, a missing post or include, or a syntax error. Here
  each is a `Problem` (`path:LINE: ...`, LINE being the line in the post's file) and the build
  goes on: an unknown tag or an output with an unknown filter is left as written, a missing
  `post_url`/`link`/`include` writes nothing, and a post that cannot be parsed or rendered is
  left entirely as written (no Liquid applied).
* Undefined variables render as the empty string, as in Jekyll, without a problem: a typo such
  as `{{ site.basurl }}` is silent, exactly as it is in Jekyll.
* `{% highlight lang %}` becomes a Markdown code fence that MkDocs highlights, not Rouge HTML.
* Includes are read only from the includes folder: a name that leads outside it (`..`, an
  absolute path, a symbolic link pointing out) is refused. `include_relative` is not supported.
* Work is bounded: loops, include depth and fan-out, output size and variable size have limits;
  reaching one is a problem, never a hang.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar, TextIO, cast

from liquid import BlockNode, Environment, Mode, Node, RenderContext, Tag, Token, TokenStream
from liquid.builtin.expressions import FilteredExpression, tokenize
from liquid.builtin.output import Output
from liquid.exceptions import (
    LiquidError,
    LiquidSyntaxError,
    ResourceLimitError,
    UnknownFilterError,
)
from liquid.expression import Expression
from liquid.parser import get_parser
from liquid.stringify import to_liquid_string
from liquid.template import BoundTemplate
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_ILLEGAL, TOKEN_TAG

from mkdocs_reeblog.jekyll.kramdown.code_blocks import fence_info
from mkdocs_reeblog.jekyll.liquid.filters import (
    PLAIN_FILTERS,
    Address,
    Dates,
    Markdownify,
    RubyTime,
)
from mkdocs_reeblog.jekyll.liquid.setup import LiquidResult, LiquidSetup
from mkdocs_reeblog.jekyll.problems import Problem

__all__ = ["LiquidEngine"]

LOOP_ITERATION_LIMIT = 100_000
OUTPUT_LIMIT_BYTES = 20 * 1024 * 1024
CONTEXT_DEPTH_LIMIT = 30
INCLUDE_LIMIT = 10_000
"""Include tags rendered for one post (stops `a` including `a` three times, recursively)."""

_AS_WRITTEN = "the post is left as written (no Liquid applied)"


# --- Problems: where they are, in the post's file -------------------------------------------

_Note = tuple[Token | None, str]


@dataclass(frozen=True)
class _Inclusion:
    """An include tag being rendered: its token (in the including text) and the file name."""

    token: Token
    name: str


def _line_in(token: Token) -> int:
    """1-based line of `token` in its own source text."""
    return token.source.count("\n", 0, max(token.start_index, 0)) + 1


@dataclass
class _Report:
    """Problems of one `render` call, with what is needed to turn tokens into file lines."""

    source: str
    path: str
    first_line: int
    problems: list[Problem] = field(default_factory=list)
    includes: list[_Inclusion] = field(default_factory=list)
    """Include tags being rendered, outermost (in the post) first."""
    failed_includes: tuple[_Inclusion, ...] | None = None
    """The include chain at the place where rendering failed, kept for the final problem."""
    include_count: int = 0
    _collectors: list[list[_Note]] = field(default_factory=list)

    def note(self, token: Token | None, message: str, chain: tuple[_Inclusion, ...] = ()) -> None:
        """Record a problem at `token`; a token inside an include is reported at its tag."""
        chain = chain or tuple(self.includes)
        in_post = token is not None and token.source is self.source and token.start_index >= 0
        if in_post or not chain:
            anchor = token if in_post else None
        else:
            anchor = chain[0].token
            where = (
                f" line {_line_in(token)}" if token is not None and token.start_index >= 0 else ""
            )
            message = f"in include '{chain[-1].name}'{where}: {message}"
        self.problems.append(Problem(self.path, self._file_line(anchor), message))

    def _file_line(self, token: Token | None) -> int:
        if token is None or token.source is not self.source or token.start_index < 0:
            return self.first_line
        return self.first_line + _line_in(token) - 1

    @contextmanager
    def collecting(self) -> Iterator[list[_Note]]:
        """Collect the notes made while parsing (includes are parsed once, noted each use)."""
        notes: list[_Note] = []
        self._collectors.append(notes)
        try:
            yield notes
        finally:
            self._collectors.pop()

    def parse_note(self, token: Token | None, message: str) -> None:
        """A problem found while parsing: collected when a collector is open, else recorded."""
        if self._collectors:
            self._collectors[-1].append((token, message))
        else:
            self.note(token, message)

    def keep_failed_chain(self, *, drop_last: bool) -> None:
        """Remember the include chain where an error was raised (the innermost one wins)."""
        if self.failed_includes is None:
            chain = self.includes[:-1] if drop_last else self.includes
            self.failed_includes = tuple(chain)


_REPORT: ContextVar[_Report | None] = ContextVar("reeblog_liquid_report", default=None)


def _report() -> _Report:
    """The report of the `render` call under way."""
    report = _REPORT.get()
    if report is None:  # pragma: no cover - nodes only render inside LiquidRenderer.render
        raise RuntimeError("Liquid rendered outside LiquidRenderer.render")
    return report


def _describe(error: Exception) -> str:
    """A one-line message for an error that stopped a post's Liquid."""
    if not isinstance(error, LiquidError):
        return f"Liquid failed ({type(error).__name__}: {error}); {_AS_WRITTEN}"
    message = str(error.message) if error.message is not None else type(error).__name__
    if isinstance(error, ResourceLimitError):
        return f"Liquid stopped: {message}; {_AS_WRITTEN}"
    if isinstance(error, UnknownFilterError):
        return f"{message.replace('unknown filter', 'unknown Liquid filter')}; {_AS_WRITTEN}"
    if isinstance(error, LiquidSyntaxError):
        return f"Liquid syntax error: {message}; {_AS_WRITTEN}"
    return f"Liquid error: {message}; {_AS_WRITTEN}"


# --- Tags -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hooks:
    """What Jekyll's tags need from the site."""

    address: Address
    post_url: Callable[[str], str | None]
    link_url: Callable[[str], str | None]
    includes: _Includes


def _hooks(context: RenderContext) -> _Hooks:
    return cast(_JekyllEnvironment, context.env).hooks


def _tag_markup(stream: TokenStream) -> tuple[Token, Token | None]:
    """The current tag token and its expression token, leaving the stream on the last one."""
    tag = stream.current
    if stream.peek.kind != TOKEN_EXPRESSION:
        return tag, None
    next(stream)
    return tag, stream.current


def _tag_text(tag: Token, markup: Token | None) -> str:
    """The tag exactly as written in its source, from `{%` to `%}`."""
    start = tag.source.rfind("{%", 0, tag.start_index)
    after = markup.start_index + len(markup.value) if markup else tag.start_index + len(tag.value)
    end = tag.source.find("%}", after)
    return tag.source[start : end + 2]


class _VerbatimNode(Node):
    """Writes a tag or output statement as written (an unknown tag or filter)."""

    __slots__ = ("text",)

    def __init__(self, token: Token, text: str) -> None:
        super().__init__(token)
        self.text = text
        self.blank = False

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        """Write the text as written."""
        return buffer.write(self.text)


_BLOCK_INNER = frozenset({"else", "elsif", "when", "endraw"})


class _UnknownTag(Tag):
    """Replaces python-liquid's handler of unregistered tags: a problem, the tag kept as written."""

    name = TOKEN_ILLEGAL
    block = False

    def parse(self, stream: TokenStream) -> Node:
        """Note the problem and keep the tag's text."""
        tag, markup = _tag_markup(stream)
        _report().parse_note(tag, self._message(tag.value))
        return _VerbatimNode(tag, _tag_text(tag, markup))

    def _message(self, name: str) -> str:
        if name == "include_relative":
            return ("Liquid tag 'include_relative' is not supported; the text is left as written "
                    "(move the file to the includes folder and use 'include')")  # fmt: skip
        if name in _BLOCK_INNER or (name.startswith("end") and name[3:] in self.env.tags):
            return f"Liquid tag '{name}' is outside its block; the text is left as written"
        return f"unknown Liquid tag '{name}'; the text is left as written"


def _filters_of(expression: Expression) -> Iterator[Any]:
    """The filters of an output expression (ternary forms included)."""
    yield from getattr(expression, "filters", None) or ()
    yield from getattr(expression, "tail_filters", None) or ()
    left = getattr(expression, "left", None)
    if isinstance(left, Expression):
        yield from _filters_of(left)


class _Output(Tag):
    """`{{ ... }}`; a statement with an unknown filter is kept as written, with a problem."""

    name = Output.name
    block = False

    def __init__(self, env: Environment) -> None:
        super().__init__(env)
        self._standard = Output(env)

    def parse(self, stream: TokenStream) -> Node:
        """Parse the statement, or keep it verbatim when a filter is unknown."""
        node = self._standard.parse(stream)
        filters = _filters_of(node.expression)
        unknown = next((f for f in filters if f.name not in self.env.filters), None)
        if unknown is None:
            return node
        message = f"unknown Liquid filter '{unknown.name}'; the text is left as written"
        _report().parse_note(unknown.token, message)
        return _VerbatimNode(node.token, node.token.value)


_OUTPUT_IN_MARKUP = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}", re.DOTALL)


class _Markup:
    """A tag argument whose `{{ ... }}` parts are evaluated (Jekyll's `link` and `include`)."""

    def __init__(self, env: Environment, text: str, start: int, source: str) -> None:
        self.parts: list[str | Expression] = []
        position = 0
        for match in _OUTPUT_IN_MARKUP.finditer(text):
            self.parts.append(text[position : match.start()])
            inner = Token(TOKEN_EXPRESSION, match[1], start + match.start(1), source)
            self.parts.append(FilteredExpression.parse(env, TokenStream(tokenize(match[1], inner))))
            position = match.end()
        self.parts.append(text[position:])

    def evaluate(self, context: RenderContext) -> str:
        """The argument's text, with its `{{ ... }}` parts rendered."""
        rendered = (
            part if isinstance(part, str) else to_liquid_string(part.evaluate(context), False)
            for part in self.parts
        )
        return "".join(rendered).strip()

    def expressions(self) -> Iterator[Expression]:
        """The expressions inside the argument."""
        yield from (part for part in self.parts if not isinstance(part, str))


class _UrlNode(Node):
    """`{% post_url name %}` or `{% link path %}`: the URL with `baseurl`, or a problem."""

    __slots__ = ("hint", "lookup", "markup")

    def __init__(self, token: Token, markup: _Markup, lookup: str, hint: str) -> None:
        super().__init__(token)
        self.markup = markup
        self.lookup = lookup
        self.hint = hint
        self.blank = False

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        """Write the URL of the named post or file."""
        hooks = _hooks(context)
        name = self.markup.evaluate(context)
        found = hooks.post_url(name) if self.lookup == "post_url" else hooks.link_url(name)
        if found is None:
            _report().note(self.token, f"{self.token.value} '{name}' {self.hint}")
            return 0
        return buffer.write(hooks.address.relative_url(found) or "")

    def expressions(self) -> Iterator[Expression]:
        """The expressions inside the argument."""
        return self.markup.expressions()


class _UrlTag(Tag):
    """Base of `post_url` and `link`: one argument, looked up through the renderer's callback."""

    block = False
    hint = ""

    def parse(self, stream: TokenStream) -> Node:
        """Read the argument (a name, or a path that may contain `{{ ... }}`)."""
        tag, markup = _tag_markup(stream)
        if markup is None:
            raise LiquidSyntaxError(f"'{self.name}' needs an argument", token=tag)
        argument = _Markup(self.env, markup.value, markup.start_index, markup.source)
        return _UrlNode(tag, argument, self.name, self.hint)


class _PostUrlTag(_UrlTag):
    name = "post_url"
    hint = ("names no post; nothing is written there (name the post by its file name without "
            "the extension, e.g. 2024-03-15-my-title or sub/2024-03-15-my-title)")  # fmt: skip


class _LinkTag(_UrlTag):
    name = "link"
    hint = ("names no file; nothing is written there (give the path from the site folder with "
            "the extension, e.g. _posts/2024-03-15-my-title.md)")  # fmt: skip


# Jekyll's `IncludeTag` syntax, regular expression for regular expression.
_INCLUDE_PARAM = (
    r"""([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))"""
)
_INCLUDE_PARAMS = re.compile(_INCLUDE_PARAM)
_INCLUDE_VALID = re.compile(rf"\A\s*(?:{_INCLUDE_PARAM}(?=\s|\Z)\s*)*\Z")
_INCLUDE_VARIABLE = re.compile(
    r"(?P<variable>[^{]*(\{\{\s*[\w\-.]+\s*(\|.*)?\}\}[^\s{}]*)+)(?P<params>.*)", re.DOTALL
)
_INCLUDE_NAME_CHARS = re.compile(r"^[\w/.\-()+~#@]+$")
_INCLUDE_BAD_SEQUENCES = re.compile(r"[./]{2,}")


def _include_params(env: Environment, text: str, token: Token) -> list[tuple[str, object]]:
    """`k=v k2="v" k3=var` → (name, text or expression) pairs; Jekyll's syntax, not Shopify's."""
    if not _INCLUDE_VALID.match(text):
        message = (
            f"invalid include parameters '{text}'; write them as key=\"value\" or key=variable"
        )
        raise LiquidSyntaxError(message, token=token)
    params: list[tuple[str, object]] = []
    for key, double, single, variable in _INCLUDE_PARAMS.findall(text):
        if variable:
            where = Token(TOKEN_EXPRESSION, variable, token.start_index, token.source)
            value: object = FilteredExpression.parse(env, TokenStream(tokenize(variable, where)))
        elif double or not single:
            value = double.replace('\\"', '"')
        else:
            value = single.replace("\\'", "'")
        params.append((key, value))
    return params


class _IncludeNode(Node):
    """Jekyll's `{% include file.ext k=v %}`: the file from the includes folder, `include.k` set."""

    __slots__ = ("name", "params")

    def __init__(
        self, token: Token, name: _Markup, params: list[tuple[str, object]] | None
    ) -> None:
        super().__init__(token)
        self.name = name
        self.params = params
        self.blank = False

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        """Render the included file in the current context."""
        report = _report()
        report.include_count += 1
        if report.include_count > INCLUDE_LIMIT:
            raise ResourceLimitError(f"more than {INCLUDE_LIMIT} includes", token=self.token)
        name = self.name.evaluate(context)
        partial = _hooks(context).includes.load(context.env, name)
        if isinstance(partial, str):
            report.note(self.token, partial)
            return 0
        report.includes.append(_Inclusion(self.token, name))
        try:
            return self._render_partial(context, buffer, partial, report)
        except LiquidError as exc:
            raised_here = exc.token is None  # by this tag itself: the context depth limit
            if raised_here:
                exc.token = self.token
            report.keep_failed_chain(drop_last=raised_here)
            raise
        finally:
            report.includes.pop()

    def _render_partial(
        self, context: RenderContext, buffer: TextIO, partial: _Partial, report: _Report
    ) -> int:
        for token, message in partial.notes:
            report.note(token, message)
        if partial.template is None:
            return 0
        namespace: dict[str, object] = {}
        if self.params is not None:
            namespace["include"] = {
                key: value.evaluate(context) if isinstance(value, Expression) else value
                for key, value in self.params
            }
        with context.extend(namespace, template=partial.template):
            partial.template.render_with_context(context, buffer, partial=True)
        return 1

    def expressions(self) -> Iterator[Expression]:
        """The expressions of the file name and of the parameters."""
        yield from self.name.expressions()
        yield from (value for _, value in self.params or () if isinstance(value, Expression))


class _IncludeTag(Tag):
    """Jekyll's `include` (replaces Shopify's, whose parameters are written differently)."""

    name = "include"
    block = False

    def parse(self, stream: TokenStream) -> Node:
        """Split the markup into a file name (maybe with `{{ ... }}`) and parameters."""
        tag, markup = _tag_markup(stream)
        if markup is None:
            raise LiquidSyntaxError("'include' needs a file name", token=tag)
        text = markup.value
        variable = _INCLUDE_VARIABLE.match(text)
        if variable:
            name, params = variable["variable"].strip(), variable["params"].strip()
        else:
            name, params = [*re.split(r"\s+", text, maxsplit=1), ""][:2]
        file_name = _Markup(self.env, name, markup.start_index, markup.source)
        parsed = _include_params(self.env, params, markup) if params else None
        return _IncludeNode(tag, file_name, parsed)


@dataclass(frozen=True)
class _Partial:
    """A parsed include file and the problems found while parsing it (noted at each use)."""

    template: BoundTemplate | None
    notes: tuple[_Note, ...]


class _Includes:
    """Include files, located safely inside one folder, each read and parsed once."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._root: Path | None = None
        self._cache: dict[str, _Partial | str] = {}

    def load(self, env: Environment, name: str) -> _Partial | str:
        """The parsed file `name`, or why it cannot be included."""
        cached = self._cache.get(name)
        if cached is None:
            cached = self._cache[name] = self._read(env, name)
        return cached

    def _locate(self, name: str) -> Path | str:
        if self.folder is None:
            return f"include '{name}': the site has no includes folder; nothing is included"
        if self._root is None:
            self._root = self.folder.resolve()
        refused = f"include '{name}' is refused: it names a file outside {self.folder}"
        if _INCLUDE_BAD_SEQUENCES.search(name) or not _INCLUDE_NAME_CHARS.match(name):
            return f"{refused} or has characters Jekyll refuses; nothing is included"
        path = (self._root / name).resolve()
        if not path.is_relative_to(self._root):
            return f"{refused}; nothing is included"
        if not path.is_file():
            return f"include '{name}' is not a file in {self.folder}; nothing is included"
        return path

    def _read(self, env: Environment, name: str) -> _Partial | str:
        path = self._locate(name)
        if isinstance(path, str):
            return path
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeError) as exc:
            return f"include '{name}' cannot be read ({exc}); nothing is included"
        with _report().collecting() as notes:
            try:
                template: BoundTemplate | None = env.from_string(text, name=name, path=path)
            except LiquidError as exc:
                notes.append(
                    (exc.token, f"Liquid syntax error: {exc.message}; nothing is included")
                )
                template = None
        return _Partial(template, tuple(notes))


_HIGHLIGHT_SYNTAX = re.compile(r'^([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|"([0-9]+\s)*[0-9]+"))?)*)$')
_HIGHLIGHT_OPTION = re.compile(r'(?:\w="[^"]*"|\w=\w|\w)+')
_LEADING_LINE_BREAKS = re.compile(r"\A[\n\r]+")
_BACKTICKS = re.compile(r"`+")


def _fence_info(lang: str, options: str) -> str:
    """The info string of the fence: the language, then `?linenums=1&hl_lines=2+3` when the
    tag asks for line numbers or marked lines (kramdown ignores a fence's `?query`; the post
    renderer reads it, see `mkdocs_reeblog.jekyll.kramdown.code_blocks.fence_info`)."""
    linenums: int | None = None
    hl_lines: list[str] = []
    for option in _HIGHLIGHT_OPTION.findall(options):
        key, _, value = option.partition("=")
        if key == "linenos":
            linenums = 1
        elif key in ("mark_lines", "hl_lines") and value:
            hl_lines = value.strip('"').split()
    return fence_info(lang, linenums, hl_lines)


def _indent_of(token: Token) -> str | None:
    """The whitespace before the tag on its line, or None when text comes before it."""
    start = token.source.rfind("{%", 0, token.start_index)
    before = token.source[token.source.rfind("\n", 0, start) + 1 : start]
    return before if not before.strip() else None


class _HighlightNode(Node):
    """`{% highlight lang [linenos] %}code{% endhighlight %}` → a Markdown code fence."""

    __slots__ = ("block", "indent", "info")

    def __init__(self, token: Token, info: str, block: BlockNode) -> None:
        super().__init__(token)
        self.info = info
        self.block = block
        self.indent = _indent_of(token)
        self.blank = False

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        """Render the code (Liquid runs inside, as in Jekyll), then fence it."""
        code_buffer = context.get_buffer(buffer)
        self.block.render(context, code_buffer)
        code = _LEADING_LINE_BREAKS.sub("", code_buffer.getvalue()).rstrip()
        longest = max((len(run) for run in _BACKTICKS.findall(code)), default=0)
        fence = "`" * max(3, longest + 1)
        opening = (
            f"{fence}{self.info}\n" if self.indent is not None else f"\n\n{fence}{self.info}\n"
        )
        return buffer.write(f"{opening}{code}\n{self.indent or ''}{fence}")

    def children(
        self, static_context: RenderContext, *, include_partials: bool = True
    ) -> Iterator[Node]:
        """The code block."""
        yield self.block


class _HighlightTag(Tag):
    """Jekyll's `highlight` block."""

    name = "highlight"
    end = "endhighlight"

    def parse(self, stream: TokenStream) -> Node:
        """Read `lang [options]`, then the code up to `endhighlight`."""
        tag = stream.eat(TOKEN_TAG)
        markup = ""
        if stream.current.kind == TOKEN_EXPRESSION:
            markup = stream.current.value.strip()
            next(stream)
        syntax = _HIGHLIGHT_SYNTAX.match(markup)
        if syntax is None:
            message = f"'highlight {markup}' is not 'highlight <lang> [linenos]'"
            raise LiquidSyntaxError(message, token=tag)
        block = get_parser(self.env).parse_block(stream, frozenset((self.end, TOKEN_EOF)))
        if not stream.current.is_tag(self.end):
            raise LiquidSyntaxError("'highlight' is not closed by 'endhighlight'", token=tag)
        return _HighlightNode(tag, _fence_info(syntax[1].lower(), syntax[2]), block)


# --- The environment and the renderer -------------------------------------------------------


class _JekyllEnvironment(Environment):
    """A python-liquid environment with Jekyll's tags and filters and resource limits."""

    context_depth_limit: ClassVar[int] = CONTEXT_DEPTH_LIMIT
    loop_iteration_limit: ClassVar[int | None] = LOOP_ITERATION_LIMIT
    output_stream_limit: ClassVar[int | None] = OUTPUT_LIMIT_BYTES
    local_namespace_limit: ClassVar[int | None] = OUTPUT_LIMIT_BYTES

    def __init__(self, hooks: _Hooks, dates: Dates, site: Mapping[str, Any]) -> None:
        self.hooks = hooks
        self.dates = dates
        super().__init__(
            tolerance=Mode.STRICT, strict_filters=True, globals={"site": _with_ruby_times(site)}
        )

    def setup_tags_and_filters(self, *, extra: bool = False) -> None:
        """Standard Liquid, then Jekyll's tags and filters on top."""
        super().setup_tags_and_filters(extra=extra)
        for tag in (_UnknownTag, _Output, _IncludeTag, _PostUrlTag, _LinkTag, _HighlightTag):
            self.add_tag(tag)
        filters: dict[str, Callable[..., object]] = {
            **PLAIN_FILTERS,
            "relative_url": self.hooks.address.relative_url,
            "absolute_url": self.hooks.address.absolute_url,
            "date_to_xmlschema": self.dates.xmlschema,
            "date_to_rfc822": self.dates.rfc822,
            "date_to_string": self.dates.to_string,
            "date_to_long_string": self.dates.to_long_string,
            "markdownify": Markdownify(),
        }
        for name, function in filters.items():
            self.add_filter(name, function)


def _unclosed_block(env: Environment, source: str) -> Token | None:
    """The last block tag left open in `source` (where "expected tag endif" really is)."""
    opened: list[Token] = []
    try:
        for token in env.tokenizer()(source):
            tag = env.tags.get(token.value) if token.kind == TOKEN_TAG else None
            if tag is not None and tag.block and tag.end:
                opened.append(token)
            elif opened and token.kind == TOKEN_TAG and token.value.startswith("end"):
                opened.pop()
    except LiquidError:
        return None
    return opened[-1] if opened else None


def _with_ruby_times(variables: Mapping[str, Any]) -> dict[str, Any]:
    """`page` or `site` for Liquid: times print as in Jekyll (`2024-03-15 00:00:00 +0000`)."""
    return {
        key: RubyTime.of(value) if isinstance(value, datetime) else value
        for key, value in variables.items()
    }


class LiquidEngine:
    """python-liquid set up as Jekyll (see `mkdocs_reeblog.jekyll.liquid.LiquidRenderer`)."""

    def __init__(self, setup: LiquidSetup) -> None:
        address = Address(setup.url or "", setup.baseurl or "")
        hooks = _Hooks(address, setup.post_url, setup.link_url, _Includes(setup.includes_dir))
        self._env = _JekyllEnvironment(hooks, Dates(setup.timezone), setup.site)

    def render(self, source: str, where: tuple[str, int], page: Mapping[str, Any]) -> LiquidResult:
        """`LiquidRenderer.render` of a body that has Liquid; `where`: its file and first line."""
        report = _Report(source, *where)
        reset = _REPORT.set(report)
        try:
            text = self._render(source, page, report)
        finally:
            _REPORT.reset(reset)
        return LiquidResult(text, sorted(report.problems, key=lambda problem: problem.line))

    def _render(self, source: str, page: Mapping[str, Any], report: _Report) -> str:
        try:
            template = self._env.from_string(source, name=report.path)
            return template.render(page=_with_ruby_times(page))
        except Exception as exc:  # no engine failure may stop the build
            token = exc.token if isinstance(exc, LiquidError) else None
            if token is None or token.start_index < 0:
                token = _unclosed_block(self._env, source)
            report.note(token, _describe(exc), chain=report.failed_includes or ())
            return source
