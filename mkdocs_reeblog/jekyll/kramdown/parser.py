"""The markdown-it-py parser configured as kramdown with GFM input reads Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markdown_it import MarkdownIt

from mkdocs_reeblog.jekyll.kramdown.abbreviations import abbreviations_plugin
from mkdocs_reeblog.jekyll.kramdown.attributes import attributes_plugin
from mkdocs_reeblog.jekyll.kramdown.headings import headings_plugin
from mkdocs_reeblog.jekyll.kramdown.typography import typography_plugin

if TYPE_CHECKING:
    from mkdocs_reeblog.jekyll.kramdown.model import RenderOptions

__all__ = ["make_parser"]


def make_parser(options: RenderOptions) -> MarkdownIt:
    """A parser for posts: CommonMark with GFM's tables and strikethrough, raw HTML kept."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    # Attribute lists first: an explicit id wins over the generated one.
    md.use(attributes_plugin)
    md.use(abbreviations_plugin)
    md.use(headings_plugin)
    md.use(typography_plugin)
    return md
