"""What one build of the blog publishes (`Build`), planned in `on_files` by `planner.py` and
read by the events after it, and what lives across the builds of one command (`Kept`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

from mkdocs_reeblog.blog.excerpt import ExcerptCache
from mkdocs_reeblog.blog.feed import PlannedFeed
from mkdocs_reeblog.blog.index import BlogIndex
from mkdocs_reeblog.blog.listings import (
    LISTING_MARKDOWN,
    Listing,
    listing_title,
)
from mkdocs_reeblog.blog_html import BlogHtml
from mkdocs_reeblog.configure import Setup
from mkdocs_reeblog.jekyll.liquid import LiquidRenderer, has_liquid
from mkdocs_reeblog.jekyll.pages import JekyllPage
from mkdocs_reeblog.jekyll.posts import Post
from mkdocs_reeblog.jekyll.reader import PostReader
from mkdocs_reeblog.post_render import PostRendering
from mkdocs_reeblog.site_links import SiteLinks
from mkdocs_reeblog.speed.listing_page import ListingConversion
from mkdocs_reeblog.speed.nav_cache import NavCache

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

__all__ = ["Build", "Kept", "ShownContent"]

log = get_plugin_logger(__name__)


@dataclass
class Kept:
    """What lives across the builds of one command (`mkdocs serve` rebuilds)."""

    reader: PostReader = field(default_factory=PostReader)
    """The posts' reader (under `serve`, it remembers the posts it read)."""
    excerpts: dict[str, str] = field(default_factory=dict)
    """Each post's card excerpt (HTML with `BASE` links), by its page's `src_uri`."""
    excerpt_cache: ExcerptCache = field(default_factory=ExcerptCache)
    post_html: dict[str, str] = field(default_factory=dict)
    """The HTML of the posts that feeds show in full."""


class ShownContent:
    """The content of the pages being written, as MkDocs made it, while reeblog shows more
    (a listing, a post's header) in `page.content`: put back once the page is written, since
    MkDocs keeps every page's content to the end of the build, and listings are a blog's
    largest pages."""

    def __init__(self) -> None:
        self._own: dict[str, str | None] = {}

    def show(self, page: Page, content: str) -> None:
        """Show `content` as the content of `page` (a `Page`) until it is written."""
        self._own.setdefault(page.file.src_uri, page.content)
        page.content = content

    def written(self, page: Page) -> None:
        """`page` is written: its own content is back."""
        if page.file.src_uri in self._own:
            page.content = self._own.pop(page.file.src_uri)


def _no_liquid() -> LiquidRenderer:
    return LiquidRenderer(
        site={}, includes_dir=None, post_url=lambda _: None, link_url=lambda _: None,
        baseurl="", url="",
    )  # fmt: skip


@dataclass
class Build:
    """What one build publishes: planned in `on_files` (`plan_build`), read by the events
    after it; the HTML of cards and headers is made in `on_env`."""

    setup: Setup = field(default_factory=Setup)
    kept: Kept = field(default_factory=Kept)
    index: BlogIndex = field(default_factory=BlogIndex)
    """The published posts, by the `src_uri` of their pages."""
    pages: dict[str, JekyllPage] = field(default_factory=dict)
    """Jekyll pages (outside `_posts`, with a front matter) by the `src_uri` of their page."""
    listings: dict[str, Listing] = field(default_factory=dict)
    """Listing pages by the `src_uri` of the page that shows them."""
    term_urls: dict[tuple[str, str], str] = field(default_factory=dict)
    """The URL of each tag and category page, by (kind, each spelling of the term)."""
    feeds: list[PlannedFeed] = field(default_factory=list)
    feed_files: dict[str, File] = field(default_factory=dict)
    """The files of `feeds` (a feed whose path a file of the site takes has none)."""
    full_text_posts: frozenset[str] = frozenset()
    """The posts that feeds show in full, by the `src_uri` of their pages."""
    links: SiteLinks = field(default_factory=lambda: SiteLinks((), lambda _url: None))
    liquid: LiquidRenderer = field(default_factory=_no_liquid)
    """Liquid for post and page bodies, with the site's `site.*` and its pages' URLs."""
    rendering: PostRendering | None = None
    """The posts' renderer (None with `markdown: mkdocs`: MkDocs renders them)."""
    listing_conversion: ListingConversion = field(
        default_factory=lambda: ListingConversion(LISTING_MARKDOWN)
    )
    """The generated listing pages' Markdown, converted once (`speed/`)."""
    sitemap_dates: dict[datetime, str] = field(default_factory=dict)
    """`page.update_date` of each post's date."""
    html: BlogHtml | None = None
    """The posts' cards, chips and views, made in on_env, until every page is written."""
    nav_cache: NavCache | None = None
    """Material's sidebar, drawn once for the pages that show it alike."""
    nav_is_empty: bool = False
    """No entry in the nav: Material draws no sidebar, there is nothing to cache."""
    shown: ShownContent = field(default_factory=ShownContent)

    @property
    def newest(self) -> Listing | None:
        """The blog index's first page: what the marker shows outside a listing page."""
        return next(
            (lst for lst in self.listings.values() if lst.kind == "blog" and lst.number == 1), None
        )

    def listing_title(
        self, listing: Listing, config: MkDocsConfig, *, heading: bool = False
    ) -> str:
        plugin = self.setup.plugin
        return listing_title(
            listing,
            site_name=config.site_name,
            blog_title=plugin.blog_title,
            nav_title=plugin.nav_title,
            heading=heading,
        )

    def render_liquid(
        self, markdown: str, source: Post | JekyllPage, page_vars: dict[str, Any]
    ) -> str:
        """The body of a post or page after Liquid, as Jekyll renders it before Markdown.

        `markdown` is the body as MkDocs hands it over: without its leading blank lines, and
        changed by any plugin that ran first. When nothing changed it, the file's own body is
        used (its lines are the file's lines, for messages, and it is one string, not two).
        """
        first_line = source.body_line
        stripped = source.body.lstrip("\n")
        if markdown == stripped:
            markdown = source.body
        else:
            first_line += len(source.body) - len(stripped)
        if not has_liquid(markdown):
            return markdown
        result = self.liquid.render(
            markdown, path=source.path, first_line=first_line, page=page_vars
        )
        for problem in result.problems:
            log.warning("%s", problem)
        return result.text

    def name(self, file: File) -> str:
        """The file as messages name it (the page generated for a Jekyll page names its file)."""
        page = self.pages.get(file.src_uri)
        return page.path if page is not None else self.setup.names(file)
