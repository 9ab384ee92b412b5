"""The markdown-it-py parser configured as kramdown with GFM input reads Markdown.

markdown-it's own block readers are replaced by kramdown's (each in its own module), in
kramdown's order: indented code, fences, quotations, ATX headers, rules, lists, definition
lists, HTML, setext headers, math, tables, link definitions, extensions, end-of-block markers,
paragraphs. Span-level Markdown is kramdown's too: emphasis, code spans, strikethrough, links
and images, escapes, autolinks, HTML elements in text, inline math, span extensions and
typography.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markdown_it import MarkdownIt

from mkdocs_reeblog.jekyll.kramdown.abbreviations import abbreviations_plugin
from mkdocs_reeblog.jekyll.kramdown.attributes import attributes_plugin
from mkdocs_reeblog.jekyll.kramdown.autolinks import autolinks_plugin
from mkdocs_reeblog.jekyll.kramdown.code_blocks import code_blocks_plugin
from mkdocs_reeblog.jekyll.kramdown.code_spans import code_spans_plugin
from mkdocs_reeblog.jekyll.kramdown.definition_lists import definition_lists_plugin
from mkdocs_reeblog.jekyll.kramdown.emphasis import emphasis_plugin
from mkdocs_reeblog.jekyll.kramdown.escapes import escapes_plugin
from mkdocs_reeblog.jekyll.kramdown.extensions import extensions_plugin
from mkdocs_reeblog.jekyll.kramdown.footnotes import footnotes_plugin
from mkdocs_reeblog.jekyll.kramdown.headings import headings_plugin
from mkdocs_reeblog.jekyll.kramdown.html_blocks import html_blocks_plugin
from mkdocs_reeblog.jekyll.kramdown.html_spans import html_spans_plugin
from mkdocs_reeblog.jekyll.kramdown.links import links_plugin
from mkdocs_reeblog.jekyll.kramdown.lists import lists_plugin
from mkdocs_reeblog.jekyll.kramdown.mathematics import mathematics_plugin
from mkdocs_reeblog.jekyll.kramdown.paragraphs import paragraphs_plugin
from mkdocs_reeblog.jekyll.kramdown.quotations import quotations_plugin
from mkdocs_reeblog.jekyll.kramdown.strikethrough import strikethrough_plugin
from mkdocs_reeblog.jekyll.kramdown.tables import tables_plugin
from mkdocs_reeblog.jekyll.kramdown.typography import typography_plugin

if TYPE_CHECKING:
    from mkdocs_reeblog.jekyll.kramdown.model import RenderOptions

__all__ = ["make_parser"]


def make_parser(options: RenderOptions) -> MarkdownIt:
    """A parser for posts: kramdown's blocks, GFM's strikethrough, raw HTML kept."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["strikethrough"])
    code_blocks_plugin(md, options)
    md.use(quotations_plugin)
    md.use(paragraphs_plugin)
    md.use(lists_plugin)
    md.use(definition_lists_plugin)
    md.use(html_blocks_plugin)
    md.use(footnotes_plugin)
    md.use(tables_plugin)
    md.use(mathematics_plugin)
    md.use(extensions_plugin)
    md.use(emphasis_plugin)
    md.use(code_spans_plugin)
    md.use(strikethrough_plugin)
    md.use(links_plugin)
    md.use(escapes_plugin)
    md.use(autolinks_plugin)
    md.use(html_spans_plugin)
    # Attribute lists first: an explicit id wins over the generated one.
    md.use(attributes_plugin)
    md.use(abbreviations_plugin)
    md.use(headings_plugin)
    md.use(typography_plugin)
    return md
