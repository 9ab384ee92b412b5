"""Posts' Markdown rendered as Jekyll renders it: kramdown with `input: GFM`, on markdown-it-py.

One `KramdownRenderer` is made per build (making the parser is the costly part) and renders
every post in turn; what one post defines (heading ids, footnotes, abbreviations, attribute
lists) lives in the `env` of its own render and never leaks into the next.

The MkDocs layer gives each render a `url` function for the links and images written in
Markdown (MkDocs' relative `.md` links, the site's root), and reads back the headings (the
page's table of contents) and every id the HTML defines (anchors other pages may link to).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from mkdocs_reeblog.jekyll.kramdown.model import Heading, Rendered, RenderOptions
from mkdocs_reeblog.jekyll.kramdown.parser import make_parser

__all__ = ["Heading", "KramdownRenderer", "RenderOptions", "Rendered"]


UrlFunction = Callable[[str], str]


class KramdownRenderer:
    """Renders posts one after the other with one parser."""

    def __init__(self, options: RenderOptions | None = None) -> None:
        self.options = options or RenderOptions()
        self._md: MarkdownIt = make_parser(self.options)
        self._md.core.ruler.push("reeblog_urls", _rewrite_urls)

    def render(self, text: str, *, url: UrlFunction | None = None) -> Rendered:
        """`text` (a post's body after Liquid) as HTML; `url` maps each link and image URL
        written in Markdown (not those in raw HTML)."""
        env: dict[str, Any] = {"reeblog_url": url, "reeblog_options": self.options}
        tokens = self._md.parse(text, env)
        html = self._md.renderer.render(tokens, self._md.options, env)
        headings = tuple(env.get("reeblog_headings", ()))
        ids = frozenset(env.get("reeblog_ids", ())) | {h.id for h in headings}
        return Rendered(html, headings, ids)


def _rewrite_urls(state: StateCore) -> None:
    """Apply the render's `url` function to every Markdown link and image."""
    url = state.env.get("reeblog_url")
    if url is None:
        return
    for block in state.tokens:
        for token in block.children or ():
            if token.type == "link_open":
                href = token.attrGet("href")
                if isinstance(href, str):
                    token.attrSet("href", url(href))
            elif token.type == "image":
                src = token.attrGet("src")
                if isinstance(src, str):
                    token.attrSet("src", url(src))
