"""The pages' source and Markdown (`on_page_read_source`, `on_page_markdown`): a post's or a
Jekyll page's body after Liquid, with its front matter as `page.meta`; a listing page's meta."""

from __future__ import annotations

import posixpath
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from markupsafe import escape
from mkdocs.utils import dirname_to_title

from mkdocs_reeblog.blog.listings import MARKER
from mkdocs_reeblog.jekyll.posts import Post
from mkdocs_reeblog.meta import page_meta, safe_meta
from mkdocs_reeblog.neighbours import social_card_fits
from mkdocs_reeblog.post_render import page_source

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

    from mkdocs_reeblog.blog.index import PublishedPost
    from mkdocs_reeblog.build import Build
    from mkdocs_reeblog.jekyll.pages import JekyllPage

__all__ = [
    "LISTING_PAGE_TEMPLATE",
    "PAGE_TEMPLATE",
    "POST_TEMPLATE",
    "page_markdown",
    "read_source",
]

POST_TEMPLATE = "reeblog/post.html"
LISTING_PAGE_TEMPLATE = "reeblog/listing-page.html"
PAGE_TEMPLATE = "reeblog/page.html"
_NOT_MACROS = {"render_macros": False}
"""`page.meta` that mkdocs-macros honours first: it leaves the page as it is."""


def read_source(build: Build, page: Page) -> str | None:
    """A post's or Jekyll page's body, read in `on_files` (its front matter becomes
    `page.meta` in `on_page_markdown`); None for the other pages: MkDocs reads them."""
    entry = build.index.get(page.file.src_uri)
    if entry is not None:
        return page_source(entry.post.body)
    jekyll_page = build.pages.get(page.file.src_uri)
    return None if jekyll_page is None else jekyll_page.body


def page_markdown(build: Build, markdown: str, page: Page, config: MkDocsConfig) -> str:
    """The page's Markdown (and `page.meta`, `page.update_date`) once reeblog has read it."""
    entry = build.index.get(page.file.src_uri)
    if entry is not None:
        return _post_markdown(build, entry, markdown, page, config)
    jekyll_page = build.pages.get(page.file.src_uri)
    if jekyll_page is not None:
        return _jekyll_page_markdown(build, jekyll_page, markdown, page, config)
    listing = build.listings.get(page.file.src_uri)
    if listing is not None and listing.posts:
        newest = max(e.post.updated for e in listing.posts)
        page.update_date = _sitemap_date(build, newest)
    if listing is not None and page.file.generated_by is not None:
        page.meta = {
            "title": escape(build.listing_title(listing, config)),
            "template": LISTING_PAGE_TEMPLATE,
            "search": {"exclude": True},
            "draft": True,  # for mkdocs-rss-plugin: no article of the site
            **_NOT_MACROS,
        }
        _skip_social_card(build, page, config)
    return markdown


def _post_markdown(
    build: Build, entry: PublishedPost, markdown: str, page: Page, config: MkDocsConfig
) -> str:
    """A post's front matter as `page.meta` and its body after Liquid."""
    # The sitemap's <lastmod>: the post's own date, not the build's.
    page.update_date = _sitemap_date(build, entry.post.updated)
    # What a plugin put in page.meta first (Material's meta plugin) is a default.
    defaults = {"template": POST_TEMPLATE, **_NOT_MACROS, **page.meta}
    page.meta = page_meta(entry.post, defaults)
    _skip_social_card(build, page, config)
    body = build.render_liquid(markdown, entry.post, _page_variables(entry.post))
    if entry.post.source.is_html:  # kept as written: a raw HTML block for Markdown
        return _html_block(body, "reeblog-html-post")
    return body


def _jekyll_page_markdown(
    build: Build, jekyll_page: JekyllPage, markdown: str, page: Page, config: MkDocsConfig
) -> str:
    """A Jekyll page's meta (its front matter, made safe) and its body after Liquid; a home
    page gets the listing after its own text; an HTML page is kept as written."""
    title = jekyll_page.title
    if title is None and jekyll_page.is_home:
        title = config.site_name
    elif title is None and jekyll_page.kind == "html":
        title = dirname_to_title(posixpath.splitext(posixpath.basename(jekyll_page.src_uri))[0])
    meta = {"template": PAGE_TEMPLATE, **jekyll_page.front_matter}
    if title:
        meta["title"] = title
    page.meta = safe_meta(meta)
    page_vars = {**jekyll_page.front_matter, "url": jekyll_page.url, "title": title,
                 "path": jekyll_page.src_uri}  # fmt: skip
    body = build.render_liquid(markdown, jekyll_page, page_vars)
    if jekyll_page.kind == "html":
        body = _html_block(body, "reeblog-html-page")
    return body + f"\n\n{MARKER}\n" if jekyll_page.is_home else body


def _page_variables(post: Post) -> dict[str, Any]:
    """Liquid's `page.*` of a post."""
    return {
        **post.front_matter,
        "url": post.url,
        "id": post.id,
        "date": post.date,
        "title": post.title,
        "slug": post.slug,
        "categories": list(post.categories),
        "tags": list(post.tags),
    }


def _html_block(body: str, css_class: str) -> str:
    """An HTML body kept as written: a raw HTML block for Markdown."""
    return f'<div class="{css_class}">\n{body.strip()}\n</div>\n'


def _skip_social_card(build: Build, page: Page, config: MkDocsConfig) -> None:
    """Material's social plugin skips a page it has no place for a card of."""
    if build.setup.neighbours.social_card(page, config) and not social_card_fits(
        page.file.dest_uri,
        use_directory_urls=config.use_directory_urls,
        is_index=page.is_index,
    ):
        social = page.meta.get("social")
        page.meta["social"] = {**(social if isinstance(social, dict) else {}), "cards": False}


def _sitemap_date(build: Build, moment: datetime) -> str:
    """A `page.update_date` MkDocs can use: between 1970 and the build (MkDocs stamps the
    sitemap's gzip file with the newest one, which must fit in 32 bits)."""
    found = build.sitemap_dates.get(moment)
    if found is None:
        earliest = datetime(1970, 1, 2, tzinfo=timezone.utc)
        now = build.setup.options.settings.now
        found = min(max(moment, earliest), now).strftime("%Y-%m-%d")
        build.sitemap_dates[moment] = found
    return found
