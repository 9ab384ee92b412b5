"""An Atom feed of the newest posts, as jekyll-feed writes it, plus what jekyll-feed leaves out
(the banner as `media:thumbnail`, a real summary for posts whose first paragraph is an image).

Entry ids are Jekyll's (`post.id` made absolute), so feed readers that followed the Jekyll site
do not show every post again after the move.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Any
from urllib.parse import urljoin

from mkdocs_reeblog.blog.index import BlogIndex, PublishedPost
from mkdocs_reeblog.blog.links import BASE
from mkdocs_reeblog.blog.taxonomy import Taxonomy

__all__ = [
    "FeedEntry",
    "FeedInfo",
    "FeedOptions",
    "PlannedFeed",
    "SiteInfo",
    "absolutize_html",
    "build_feed",
    "feed_entry",
    "feed_link",
    "plan_feeds",
    "render_feed",
    "resolve_feed_options",
]

ATOM = "http://www.w3.org/2005/Atom"
MEDIA = "http://search.yahoo.com/mrss/"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
ET.register_namespace("", ATOM)
ET.register_namespace("media", MEDIA)

_LINK_ATTRIBUTE = re.compile(r"""(\s(?:href|src)=)(["'])([^"']*)\2""")
# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class FeedInfo:
    """The feed itself."""

    title: str
    url: str
    """Absolute URL of the feed file."""
    home: str
    """Absolute URL of the site."""
    subtitle: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class FeedEntry:
    """One post in the feed; HTML values are already absolute-linked."""

    title: str
    url: str
    id: str
    published: datetime
    updated: datetime
    summary_html: str
    content_html: str | None
    author: str | None
    terms: Sequence[str]
    """Category names, then tag names (jekyll-feed's `<category>` order)."""
    image: str | None


def absolutize_html(html: str, base_url: str) -> str:
    """Make every `href`/`src` of `html` absolute against `base_url` (feeds are read elsewhere)."""

    def replace(match: re.Match[str]) -> str:
        lead, quote, url = match.groups()
        return f"{lead}{quote}{urljoin(base_url, url)}{quote}"

    return _LINK_ATTRIBUTE.sub(replace, html)


def feed_link(title: str, href: str) -> str:
    """The `<link>` that announces the feed in a page's head."""
    return (
        f'<link rel="alternate" type="application/atom+xml" title="{escape(title)}" '
        f'href="{escape(href)}">'
    )


def _text(value: str) -> str:
    return _NOT_XML.sub("", value)


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _text(text)
    return element


def build_feed(info: FeedInfo, entries: Sequence[FeedEntry]) -> str:
    """The Atom document. Its `<updated>` is the newest entry's, not the build time, so that
    two builds of the same posts give the same file."""
    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(
        feed,
        f"{{{ATOM}}}generator",
        "mkdocs-reeblog",
        uri="https://pypi.org/project/mkdocs-reeblog/",
    )
    _add(feed, f"{{{ATOM}}}link", href=info.url, rel="self", type="application/atom+xml")
    _add(feed, f"{{{ATOM}}}link", href=info.home, rel="alternate", type="text/html")
    newest = max((e.updated for e in entries), default=None)
    if newest is not None:
        _add(feed, f"{{{ATOM}}}updated", newest.isoformat())
    _add(feed, f"{{{ATOM}}}id", info.url)
    _add(feed, f"{{{ATOM}}}title", info.title)
    if info.subtitle:
        _add(feed, f"{{{ATOM}}}subtitle", info.subtitle)
    if info.author:
        author = _add(feed, f"{{{ATOM}}}author")
        _add(author, f"{{{ATOM}}}name", info.author)
    for entry in entries:
        item = _add(feed, f"{{{ATOM}}}entry")
        _add(item, f"{{{ATOM}}}title", entry.title)
        _add(
            item,
            f"{{{ATOM}}}link",
            href=entry.url,
            rel="alternate",
            type="text/html",
            title=entry.title,
        )
        _add(item, f"{{{ATOM}}}published", entry.published.isoformat())
        _add(item, f"{{{ATOM}}}updated", entry.updated.isoformat())
        _add(item, f"{{{ATOM}}}id", entry.id)
        if entry.content_html is not None:
            _add(
                item, f"{{{ATOM}}}content", entry.content_html, type="html", **{XML_BASE: entry.url}
            )
        if entry.author:
            author = _add(item, f"{{{ATOM}}}author")
            _add(author, f"{{{ATOM}}}name", entry.author)
        for term in entry.terms:
            _add(item, f"{{{ATOM}}}category", term=term)
        if entry.summary_html:
            _add(item, f"{{{ATOM}}}summary", entry.summary_html, type="html")
        if entry.image:
            _add(item, f"{{{MEDIA}}}thumbnail", url=entry.image)
            _add(item, f"{{{MEDIA}}}content", medium="image", url=entry.image)
    ET.indent(feed, space="  ")
    body = ET.tostring(feed, encoding="unicode", xml_declaration=False)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n"


def feed_entry(
    entry: PublishedPost,
    *,
    site_url: str,
    summary_html: str,
    content_html: str | None,
    image: str | None,
    site_author: str | None,
) -> FeedEntry:
    """A published post as a feed entry; relative links of its HTML are made absolute."""
    post = entry.post
    url = urljoin(site_url, entry.dest.url)
    summary = absolutize_html(summary_html.replace(BASE, ""), site_url)
    return FeedEntry(
        title=post.title,
        url=url,
        id=urljoin(site_url, post.id.lstrip("/")),
        published=post.date,
        updated=post.updated,
        summary_html=summary,
        content_html=absolutize_html(content_html, url) if content_html is not None else None,
        author=post.author or site_author,
        terms=[*post.categories, *post.tags],
        image=image,
    )


@dataclass(frozen=True)
class FeedOptions:
    """Which feeds the site gets (from the plugin options over jekyll-feed's `feed:`)."""

    path: str = "feed.xml"
    limit: int = 10
    content: bool = True
    terms: bool = False


@dataclass
class PlannedFeed:
    """A feed file to write: its path, what it covers and the posts in it."""

    path: str
    scope: str
    """'' for the site's feed, else 'tag: NAME' or 'category: NAME'."""
    entries: list[PublishedPost]


def plan_feeds(
    options: FeedOptions, index: BlogIndex, taxonomies: Sequence[Taxonomy], *, has_site_url: bool
) -> list[PlannedFeed]:
    """The feeds of the site (none without `path` or without `site_url`)."""
    if not options.path or not has_site_url:
        return []
    limit = max(options.limit, 0)
    feeds = [PlannedFeed(options.path.lstrip("/"), "", list(index)[:limit])]
    if options.terms:
        folder = posixpath.dirname(options.path.lstrip("/"))
        for taxonomy in taxonomies:
            for term in taxonomy.terms:
                name = f"by_tag/{term.slug}.xml" if term.kind == "tag" else f"{term.slug}.xml"
                path = posixpath.join(folder, "feed", name)
                feeds.append(
                    PlannedFeed(path, f"{term.kind}: {term.name}", list(term.posts)[:limit])
                )
    return feeds


def without_site_url(*, feed: bool, seo: bool, site_url: str | None) -> str | None:
    """What the site goes without for want of `site_url` (feeds and social tags hold absolute
    URLs), among the features asked for; None when nothing is missing."""
    if site_url:
        return None
    missing = (["no feed"] if feed else []) + (
        ["no og:url or og:image in social tags"] if seo else []
    )
    return ", and ".join(missing) or None


def resolve_feed_options(options: Mapping[str, Any], jekyll: Mapping[str, Any]) -> FeedOptions:
    """Plugin options (`feed_path`, `feed_limit`, `feed_content`, `feed_terms`; None = unset)
    over jekyll-feed's `feed:` settings (`path`, `posts_limit`, `excerpt_only`)."""
    jekyll_feed = jekyll.get("feed")
    jekyll_feed = jekyll_feed if isinstance(jekyll_feed, dict) else {}
    path = options.get("feed_path")
    path = jekyll_feed.get("path") if path is None else path
    limit = options.get("feed_limit")
    limit = jekyll_feed.get("posts_limit") if limit is None else limit
    content = options.get("feed_content")
    content = not jekyll_feed.get("excerpt_only", False) if content is None else content
    return FeedOptions(
        path="feed.xml" if path is None else str(path),
        limit=limit if isinstance(limit, int) else 10,
        content=bool(content),
        terms=bool(options.get("feed_terms")),
    )


@dataclass(frozen=True)
class SiteInfo:
    """What a feed says about the site (from `mkdocs.yml`)."""

    url: str
    name: str
    description: str | None
    author: str | None


def render_feed(
    feed: PlannedFeed,
    site: SiteInfo,
    *,
    summaries: Mapping[str, str],
    contents: Mapping[str, str],
    image: Callable[[PublishedPost], str | None],
) -> str:
    """The Atom file of a planned feed: `summaries` and `contents` hold the posts' excerpt and
    HTML by source path, `image` gives a post's absolute banner URL."""
    entries = [
        feed_entry(
            entry,
            site_url=site.url,
            summary_html=summaries.get(entry.post.source.page_uri, ""),
            content_html=contents.get(entry.post.source.page_uri),
            image=image(entry),
            site_author=site.author,
        )
        for entry in feed.entries
    ]
    info = FeedInfo(
        title=site.name + (f" - {feed.scope}" if feed.scope else ""),
        url=urljoin(site.url, feed.path),
        home=site.url,
        subtitle=site.description,
        author=site.author,
    )
    return build_feed(info, entries)
