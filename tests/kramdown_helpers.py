"""Helpers of the kramdown renderer's tests: Markdown rendered by one `KramdownRenderer` (as a
build renders every post with one), and HTML compared with what kramdown writes.

kramdown indents nested blocks and puts blank lines between blocks; markdown-it does not.
`without_layout` removes the white space around block tags on both sides, so that a case
compares what the reader sees (elements, attributes, text) and not the layout.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from mkdocs_reeblog.jekyll.kramdown import KramdownRenderer, Rendered, RenderOptions

__all__ = ["RENDERER", "assert_renders_as", "render", "soup", "without_layout"]

RENDERER = KramdownRenderer(RenderOptions(highlight=False))
"""The renderer every case uses: one render must not change the next."""

_BLOCK_TAG = re.compile(
    r"\s*(</?(?:address|article|aside|blockquote|dd|details|div|dl|dt|figure|footer|h[1-6]"
    r"|header|hr|li|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)\b[^>]*>)\s*"
)


def without_layout(html: str) -> str:
    """HTML without the white space around block tags."""
    return _BLOCK_TAG.sub(r"\1", html).strip()


def render(markdown: str, renderer: KramdownRenderer = RENDERER) -> Rendered:
    return renderer.render(markdown)


def assert_renders_as(markdown: str, kramdown_html: str) -> None:
    """The renderer writes the HTML kramdown writes, but for the layout."""
    assert without_layout(render(markdown).html) == without_layout(kramdown_html)


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")
