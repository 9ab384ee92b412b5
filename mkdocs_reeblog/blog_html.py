"""The blog's HTML, rendered with the theme's Jinja environment (so that templates in
`custom_dir` override the package's): each post's view, chips and card once a build, reused by
every listing page and by the post's header; a post's header; a listing at its marker.

What is kept between pages has its links start with `BASE`; each page replaces it with its own
path to the site root (`_root_path`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from mkdocs_reeblog.blog.index import BlogIndex, PublishedPost
from mkdocs_reeblog.blog.links import BASE, without_base
from mkdocs_reeblog.blog.listings import Listing
from mkdocs_reeblog.site_links import SiteLinks
from mkdocs_reeblog.views import DateFormatter, PostView, post_view, term_linker

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

__all__ = ["BlogHtml"]

POST_HEADER_TEMPLATE = "reeblog/post-header.html"
CARD_TEMPLATE = "reeblog/card.html"
CHIPS_TEMPLATE = "reeblog/chips.html"
LISTING_TEMPLATE = "reeblog/listing.html"


def _root_path(page_url: str) -> str:
    """The path from the page at `page_url` to the site root, ending with `/` (`../../`)."""
    return get_relative_url(".", page_url).rstrip("/") + "/"


class BlogHtml:
    """The posts' views, chips and cards of one build, and the pages' HTML made from them."""

    def __init__(
        self,
        env: Environment,
        config: MkDocsConfig,
        index: BlogIndex,
        *,
        excerpts: Mapping[str, str],
        term_urls: Mapping[tuple[str, str], str],
        links: SiteLinks,
        dates: DateFormatter,
        words_per_minute: int,
    ) -> None:
        self._header = env.get_template(POST_HEADER_TEMPLATE)
        self._listing = env.get_template(LISTING_TEMPLATE)
        card = env.get_template(CARD_TEMPLATE)
        chips_template = env.get_template(CHIPS_TEMPLATE)
        self._term_urls = term_urls
        self.views: dict[str, PostView] = {}
        """Each post's view, its links starting with `BASE`, by its page's `src_uri`."""
        self.chips: dict[str, Markup] = {}
        """Each post's category and tag links, for its card and its header."""
        self.cards: dict[str, Markup] = {}
        term_link = term_linker(term_urls, BASE.__add__)
        for entry in index:
            src_uri = entry.post.source.page_uri
            view = self.views[src_uri] = post_view(
                entry,
                link=BASE.__add__,
                links=links,
                dates=dates,
                words_per_minute=words_per_minute,
                term_link=term_link,
            )
            # Rendered once, shown by the card and the header: Markup, so shown without a copy.
            chips = self.chips[src_uri] = Markup(chips_template.render(post=view, config=config))
            html = card.render(
                post=view,
                chips=chips,
                excerpt=Markup(excerpts.get(src_uri, "")),
                config=config,
            )
            self.cards[src_uri] = Markup(html)

    def header(self, entry: PublishedPost, page: Page, config: MkDocsConfig) -> str:
        """The top of a post's page (`reeblog/post-header.html`), its links made for `page`."""
        src_uri = entry.post.source.page_uri
        html = self._header.render(
            post=self.views[src_uri], chips=self.chips[src_uri], page=page, config=config
        )
        return html.replace(BASE, _root_path(page.file.url))

    def listing(self, listing: Listing, *, heading: str, page: Page, config: MkDocsConfig) -> str:
        """A listing as `page` shows it (`reeblog/listing.html`): cards, or a year archive's
        compact list, or the terms of an index, and the links to the pages before and after."""
        url = page.file.url
        year = listing.kind == "year"
        html = self._listing.render(
            listing=listing,
            heading=heading,
            cards=[] if year else [self.cards[e.post.source.page_uri] for e in listing.posts],
            entries=[self.views[e.post.source.page_uri] for e in listing.posts] if year else [],
            previous=get_relative_url(listing.previous.url, url) if listing.previous else None,
            next=get_relative_url(listing.next.url, url) if listing.next else None,
            terms=[
                (
                    without_base(t.name),
                    len(t.posts),
                    BASE + self._term_urls.get((t.kind, t.name), ""),
                )
                for t in listing.terms
            ],
            page=page,
            config=config,
        )
        return html.replace(BASE, _root_path(url))
