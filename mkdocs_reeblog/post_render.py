"""Posts rendered by the kramdown renderer inside MkDocs: the page MkDocs builds for a post.

MkDocs renders a page with Python-Markdown and the site's `markdown_extensions`; a post is
Jekyll's Markdown, so `PostPage.render` renders it as kramdown does instead
(`jekyll/kramdown/`), and gives MkDocs what its own render gives: the HTML, the table of
contents, the ids other pages may link to, and the links to other pages' anchors. Relative links
to the site's files are resolved as MkDocs resolves them in any page, with MkDocs' warnings for
a link whose target is not found.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Mapping
from html import escape
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from mkdocs_reeblog.jekyll.kramdown import Heading, KramdownRenderer, RenderOptions

__all__ = ["PostPage", "PostRendering", "page_source", "render_options", "table_of_contents"]

log = get_plugin_logger(__name__)

EMPTY_METADATA = "---\n{}\n---\n"
"""A YAML block that MkDocs reads as no metadata, and removes."""


def page_source(body: str) -> str:
    """What MkDocs reads for a post: its body after an empty YAML block, so that MkDocs takes
    nothing in the body for metadata (a YAML block, MultiMarkdown `Key: value` lines). The
    front matter is Jekyll's, read once; it becomes `page.meta` in `on_page_markdown`."""
    return EMPTY_METADATA + body


HIGHLIGHTERS = ("pymdownx.highlight", "pymdownx.superfences", "codehilite")
"""Extensions whose presence in `markdown_extensions` says the site highlights code."""


def render_options(extensions: Iterable[Any], configs: Mapping[str, Any]) -> RenderOptions:
    """What the site's Markdown configuration says about posts: a highlighter (with
    `pymdownx.highlight`'s options) and the `toc` extension's permalink."""
    names = {name if isinstance(name, str) else type(name).__name__ for name in extensions}
    names |= {name.removeprefix("markdown.extensions.") for name in names}
    highlight = dict(configs.get("pymdownx.highlight") or {})
    toc = dict(configs.get("toc") or {}) if "toc" in names else {}
    permalink = toc.get("permalink")
    symbol = None
    if permalink:
        symbol = "¶" if permalink is True else str(permalink)
    return RenderOptions(
        highlight=any(name in names for name in HIGHLIGHTERS),
        css_class=str(highlight.get("css_class", "highlight")),
        linenums=bool(highlight.get("linenums", False)),
        permalink=symbol,
        permalink_title=str(toc.get("permalink_title", "Permanent link")),
        permalink_class=str(toc.get("permalink_class", "headerlink")),
        extra=highlight,
    )


def table_of_contents(headings: Iterable[Heading], title: str) -> TableOfContents:
    """The post's headings nested by level, under one entry for the post's title.

    Themes show the children of a first entry of level 1 (the page's title): with the title
    as that entry, a post whose sections are `#` headings shows every one of them.
    """
    root = AnchorLink(escape(title), "", 1)
    stack: list[AnchorLink] = [root]
    levels = [0]
    for heading in headings:
        if not heading.in_toc:
            continue
        while len(stack) > 1 and levels[-1] >= heading.level:
            stack.pop()
            levels.pop()
        link = AnchorLink(escape(heading.title), heading.id, heading.level + 1)
        stack[-1].children.append(link)
        stack.append(link)
        levels.append(heading.level)
    if not root.children:
        return TableOfContents([])
    root.active = True  # type: ignore[attr-defined]  # MkDocs marks the first entry so
    return TableOfContents([root])


class PostRendering:
    """One build's renderer for posts, and how each post's Markdown is told apart."""

    def __init__(self, options: RenderOptions, is_html: Callable[[str], bool]) -> None:
        self.renderer = KramdownRenderer(options)
        self.is_html = is_html
        """Whether the post of a `src_uri` is an HTML post: its body is published as written."""

    def render(self, page: PostPage, files: Files, config: MkDocsConfig) -> None:
        """Set the page's content, table of contents and anchors from its Markdown."""
        markdown = page.markdown or ""
        title = str(page.meta.get("title") or page.file.name)
        if self.is_html(page.file.src_uri):
            page.content = markdown
            page.toc = TableOfContents([])
            return
        links = _Links(page.file, files, config.use_directory_urls)
        rendered = self.renderer.render(markdown, url=links.url)
        page.content = rendered.html
        page.toc = table_of_contents(rendered.headings, title)
        page.present_anchor_ids = set(rendered.ids)
        page.links_to_anchors = links.to_anchors


class PostPage(Page):
    """A post's page, rendered by the build's `PostRendering`."""

    def __init__(self, file: File, config: MkDocsConfig, rendering: PostRendering) -> None:
        super().__init__(None, file, config)
        self.rendering = rendering

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.rendering.render(self, files, config)


class _Links:
    """A post's relative links to the site's files, resolved as MkDocs resolves them."""

    def __init__(self, file: File, files: Files, use_directory_urls: bool) -> None:
        self.file = file
        self.files = files
        self.use_directory_urls = use_directory_urls
        self.to_anchors: dict[File, dict[str, str]] = {}

    def url(self, url: str) -> str:
        if not url or url.startswith(("/", "\\")):  # the site's root: `SiteLinks` handles it
            return url
        scheme, netloc, path, query, anchor = urlsplit(url)
        if scheme or netloc:
            return url
        if not path:  # a link to an anchor of the post itself
            if anchor:
                self.to_anchors.setdefault(self.file, {}).setdefault(anchor, url)
            return url
        target_uri = posixpath.normpath(
            posixpath.join(posixpath.dirname(self.file.src_uri), unquote(path)).lstrip("/")
        )
        target = self.files.get_file_from_path(target_uri)
        if target is None:
            if path.endswith(".md"):
                log.warning(
                    "Doc file '%s' contains a link '%s', but the target '%s' is not found "
                    "among documentation files.",
                    self.file.src_uri, url, target_uri,
                )  # fmt: skip
            return url
        if anchor:
            self.to_anchors.setdefault(target, {}).setdefault(anchor, url)
        return urlunsplit(("", "", target.url_relative_to(self.file), query, anchor))
