"""Heading ids as kramdown-parser-gfm makes them, the headings a page's TOC lists, and the
permalink MkDocs' `toc` extension adds to each heading.

kramdown-parser-gfm (`generate_gfm_header_id`) makes a heading's id from its text as typeset
(smart quotes and dashes are characters, links and emphasis are their text, code is its
code, an image is nothing): lower case, every character but letters, marks, digits, `_`,
`-`, space and tab dropped, each space or tab a `-`; the n-th repeat of an id gets `-n`. An
empty id is no id (`## 🚀`), and its repeat is `-1`. Headings inside HTML elements parsed
as Markdown (`<div markdown="1">`) are left to kramdown's converter, which makes ids its
own way (`basic_id`: ASCII letters and digits only, from the first letter; `section` when
empty) and counts repeats apart. An explicit id (`{#id}`, an IAL's `#id`) is kept and not
counted. This rule reads the text after every other inline rule, so typography must run
before it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from html import escape as _escape

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererProtocol
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from mkdocs_reeblog.jekyll.kramdown.model import Heading, RenderOptions
from mkdocs_reeblog.jekyll.kramdown.toc import TOC_ENTRIES, TocEntry, table_of_contents

__all__ = ["basic_id", "gfm_id", "heading_text", "headings_plugin"]

OPTIONS = "reeblog_options"
"""`env` key of the render's `RenderOptions` (the permalink's symbol, class and title)."""
HEADINGS = "reeblog_headings"

_ASCII_NOT_WORD = re.compile(r"[^A-Za-z0-9_\- \t]")
_SPACE_TO_DASH = str.maketrans(" \t", "--")
# Ruby's \p{Word}: letters, marks, decimal digits, connector punctuation (and letter numbers).
_WORD_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "Pc"})
_BASIC_LEADING = re.compile(r"^[^a-zA-Z]+", re.MULTILINE)
_BASIC_DROP = re.compile(r"[^a-zA-Z0-9 -]")
_NO_TOC = re.compile(r"\bno_toc\b")
_TEXT_TOKENS = frozenset({"text", "code_inline", "text_special", "math_inline"})


@lru_cache(maxsize=4096)
def _is_word(char: str) -> bool:
    return char in "- \t\u200c\u200d" or unicodedata.category(char) in _WORD_CATEGORIES


def gfm_id(text: str) -> str:
    """kramdown-parser-gfm's id for a heading's text (before repeats are numbered)."""
    text = text.lower()
    if text.isascii():
        text = _ASCII_NOT_WORD.sub("", text)
    else:
        text = "".join(char for char in text if _is_word(char))
    return text.translate(_SPACE_TO_DASH)


def basic_id(text: str) -> str:
    """kramdown's own id for a heading's text (before repeats are numbered; may be empty)."""
    text = _BASIC_DROP.sub("", _BASIC_LEADING.sub("", text))
    return text.replace(" ", "-").lower()


def _numbered(slug: str, seen: dict[str, int]) -> str:
    """`slug`, or `slug-n` for its n-th repeat (kramdown counts the slugs it made, not the
    numbered ones: `a`, `a`, `a-1` are `a`, `a-1`, `a-1`)."""
    count = seen.get(slug)
    seen[slug] = 0 if count is None else count + 1
    return slug if count is None else f"{slug}-{count + 1}"


def heading_text(children: Sequence[Token]) -> str:
    """A heading's text as kramdown reads it for ids: text and code, not images or HTML."""
    return "".join(child.content for child in children if child.type in _TEXT_TOKENS)


def headings_plugin(md: MarkdownIt) -> None:
    """Give headings their ids, build the `{:toc}` list, add MkDocs' permalinks."""
    md.core.ruler.push("reeblog_headings", _heading_ids)
    md.core.ruler.push("reeblog_toc", table_of_contents)
    md.add_render_rule("heading_close", _heading_close)


def _heading_ids(state: StateCore) -> None:
    """Every heading given its id; the headings kept in `env` for the page and the TOC."""
    gfm_seen: dict[str, int] = {}
    basic_seen: dict[str, int] = {}
    headings: list[Heading] = []
    entries: list[TocEntry] = []
    tokens = state.tokens
    in_html = _in_markdown_html(tokens) if "markdown=" in state.src else None
    for index in [i for i, token in enumerate(tokens) if token.type == "heading_open"]:
        token = tokens[index]
        children = tokens[index + 1].children or []
        text = heading_text(children)
        slug = token.attrs.get("id")
        if slug is None:
            if in_html is not None and in_html[index]:
                slug = _numbered(basic_id(text) or "section", basic_seen)
            else:
                slug = _numbered(gfm_id(text), gfm_seen)
            if slug:
                token.attrs["id"] = slug
        slug = str(slug)
        level = int(token.tag[1])
        in_toc = not _NO_TOC.search(str(token.attrs.get("class", "")))
        entries.append(TocEntry(level, slug, children, in_toc))
        if slug:
            headings.append(Heading(level, slug, text.strip(), in_toc))
    state.env[HEADINGS] = headings
    state.env[TOC_ENTRIES] = entries


def _in_markdown_html(tokens: Sequence[Token]) -> list[bool]:
    """For each token, whether it is inside an HTML element whose content is Markdown (`<div
    markdown="1">`: an opening token whose type starts with `html`)."""
    depth = 0
    inside: list[bool] = []
    for token in tokens:
        if token.nesting and token.type.startswith("html"):
            depth += token.nesting
        inside.append(depth > 0)
    return inside


def _heading_close(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """`</hN>`, after MkDocs' permalink when the site has them and the heading an id."""
    close = f"</{tokens[idx].tag}>\n"
    render_options: RenderOptions | None = env.get(OPTIONS)
    if render_options is None or not render_options.permalink:
        return close
    slug = tokens[idx - 2].attrs.get("id") if idx >= 2 else None
    if not slug:
        return close
    return _permalink(render_options, str(slug)) + close


def _permalink(options: RenderOptions, slug: str) -> str:
    """The link as Python-Markdown's `toc` extension writes it (`permalink_title` omitted when
    empty; the symbol may be an entity such as `&para;`)."""
    title = f' title="{_escape(options.permalink_title)}"' if options.permalink_title else ""
    return (
        f'<a class="{_escape(options.permalink_class)}" href="#{_escape(slug)}"{title}>'
        f"{_escape_text(options.permalink or '')}</a>"
    )


_LONE_AMPERSAND = re.compile(r"&(?!(?:#[0-9]+|#x[0-9a-fA-F]+|[0-9a-zA-Z]+);)")


def _escape_text(text: str) -> str:
    """Text escaped as Python-Markdown's serializer does: entities are kept."""
    return _LONE_AMPERSAND.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
