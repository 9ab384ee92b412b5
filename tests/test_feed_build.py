"""The Atom feed (`feed.xml`), built with real MkDocs and read back with feedparser and
`xml.etree`: which posts it holds, in which order, and what each entry says about its post."""

from __future__ import annotations

import logging
import posixpath
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import unquote

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.conftest import BuiltSite, SiteBuilder
from tests.html_helpers import (
    THEMES,
    href_file,
    page_soup,
    plugin_messages,
    post_header,
    post_text,
    select_one,
    texts,
)

SITE_URL = "https://blog.example.org/"
ATOM = "{http://www.w3.org/2005/Atom}"
MEDIA = "{http://search.yahoo.com/mrss/}"
BANNER = "assets/banner.png"
TRICKY_TITLE = "Café “Q&A” <b> 'it's' \"quoted\" & more"


@dataclass(frozen=True)
class Sample:
    """One post of the test blog and what Jekyll makes of it."""

    day: int
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    title: str = ""

    @property
    def slug(self) -> str:
        return f"post-{self.day:02d}"

    @property
    def name(self) -> str:
        return self.title or f"Post {self.day}"

    @property
    def url(self) -> str:
        """Jekyll's URL with the default `date` permalink."""
        folders = "".join(f"/{c.lower()}" for c in self.categories)
        return f"{folders}/2024/01/{self.day:02d}/{self.slug}.html"

    @property
    def jekyll_id(self) -> str:
        """Jekyll's `post.id` made absolute: the URL's folder, then the slug."""
        return SITE_URL + posixpath.dirname(self.url).lstrip("/") + "/" + self.slug

    def text(self) -> str:
        lines = [f"title: {_yaml_string(self.name)}"]
        if self.categories:
            lines.append(f"categories: [{', '.join(self.categories)}]")
        if self.tags:
            lines.append(f"tags: [{', '.join(self.tags)}]")
        if self.day == 12:
            lines.append(f"image: /{BANNER}")
        body = (
            f"Opening paragraph of post {self.day}.\n\n<!--more-->\n\n"
            f"Second paragraph of post {self.day}.\n"
        )
        return post_text("\n".join(lines), body)


def _yaml_string(value: str) -> str:
    """`value` as a YAML single-quoted scalar."""
    return "'" + value.replace("'", "''") + "'"


SAMPLES = [
    Sample(12, categories=("Geology", "Fieldwork"), tags=("basalt", "quarry")),
    Sample(11, categories=("Geology",), tags=("basalt",)),
    Sample(10, tags=("granite", "Rare Earths")),
    Sample(9, title=TRICKY_TITLE),
    *(Sample(day) for day in range(8, 0, -1)),
]
"""Twelve published posts, newest first."""
NEWEST_TEN = SAMPLES[:10]

EXTRA_POSTS = {
    # Newer than most, but not published: never in the feed.
    "_posts/2024-01-11-hidden.md": post_text("title: Hidden\npublished: false\ndate: 2024-01-11"),
    # Dated after the build, with `future: false`: not published either.
    "_posts/2999-01-01-future.md": post_text("title: From the future"),
}


def blog_docs(prefix: str = "post") -> dict[str, str | bytes]:
    """The twelve posts, the two left out, a banner picture and a normal page. Post files are
    named `2024-01-DD-{prefix}-DD.md`."""
    docs: dict[str, str | bytes] = {
        f"_posts/2024-01-{s.day:02d}-{prefix}-{s.day:02d}.md": s.text() for s in SAMPLES
    }
    docs.update(EXTRA_POSTS)
    docs[BANNER] = b"\x89PNG\r\n\x1a\n not really a picture"
    docs["about.md"] = "# About\n\nA normal page.\n"
    return docs


def build_blog(
    build_site: SiteBuilder, options: str = "", theme: str = "mkdocs", prefix: str = "post"
) -> BuiltSite:
    """The test blog, dates in Tokyo, excerpts ending at `<!--more-->`, built without errors."""
    plugin_options = (
        "timezone: Asia/Tokyo\nexcerpt_separator: '<!--more-->'\nfuture: false\n" + options
    )
    site = build_site(blog_docs(prefix), plugin_options=plugin_options, theme=theme)
    assert site.ok, site.messages()
    return site


def atom(site: BuiltSite, path: str = "feed.xml") -> ET.Element:
    """The feed at `path` parsed with `xml.etree` (fails on malformed XML)."""
    root = ET.fromstring((site.site / path).read_bytes())
    assert root.tag == f"{ATOM}feed"
    return root


def entries(root: ET.Element) -> list[ET.Element]:
    return root.findall(f"{ATOM}entry")


def child_text(entry: ET.Element, name: str) -> str:
    """The text of the single Atom child `name` of `entry`."""
    found = entry.findall(f"{ATOM}{name}")
    assert len(found) == 1, f"{len(found)} <{name}> in an entry"
    return found[0].text or ""


def entry_link(entry: ET.Element) -> str:
    links = entry.findall(f"{ATOM}link[@rel='alternate']")
    assert len(links) == 1, "an entry has one alternate link"
    return links[0].attrib["href"]


def site_file(site: BuiltSite, url: str) -> str:
    """The built file an absolute URL of the site names (relative to the site folder)."""
    assert url.startswith(SITE_URL), f"{url} is not on {SITE_URL}"
    path = unquote(url.removeprefix(SITE_URL))
    assert (site.site / path).is_file(), f"{url} -> {path}, which does not exist"
    return path


def parsed(site: BuiltSite, path: str = "feed.xml") -> feedparser.FeedParserDict:
    """The feed at `path` read by feedparser, which must find it well-formed."""
    document = feedparser.parse((site.site / path).read_bytes())
    assert not document.bozo, document.get("bozo_exception")
    return document


def feed_titles(root: ET.Element) -> list[str]:
    return [child_text(entry, "title") for entry in entries(root)]


def test_feed_holds_the_newest_ten_published_posts_newest_first(
    build_site: SiteBuilder,
) -> None:
    site = build_blog(build_site)
    expected = [s.name for s in NEWEST_TEN]
    assert feed_titles(atom(site)) == expected
    assert [e.title for e in parsed(site).entries] == expected
    assert "Hidden" not in site.read("feed.xml")
    assert "From the future" not in site.read("feed.xml")


def test_each_entry_links_to_its_post_with_jekylls_id(build_site: SiteBuilder) -> None:
    site = build_blog(build_site)
    for sample, entry in zip(NEWEST_TEN, entries(atom(site)), strict=True):
        path = site_file(site, entry_link(entry))
        assert path == sample.url.lstrip("/")
        header = post_header(page_soup(site, path))
        assert texts(header, "h1.reeblog-title") == [sample.name]
        assert child_text(entry, "id") == sample.jekyll_id
    ids = [e.id for e in parsed(site).entries]
    assert ids == [s.jekyll_id for s in NEWEST_TEN]


def test_dates_carry_the_sites_time_zone_offset(build_site: SiteBuilder) -> None:
    site = build_blog(build_site)
    root = atom(site)
    for sample, entry in zip(NEWEST_TEN, entries(root), strict=True):
        published = child_text(entry, "published")
        # The file name's date: midnight in the site's time zone.
        assert published == f"2024-01-{sample.day:02d}T00:00:00+09:00"
        assert datetime.fromisoformat(published).utcoffset() == timedelta(hours=9)
        assert child_text(entry, "updated") == published
    assert [child_text(root, "updated")] == ["2024-01-12T00:00:00+09:00"]


def test_summary_is_the_excerpt_and_content_the_whole_post(build_site: SiteBuilder) -> None:
    site = build_blog(build_site)
    cards = {
        " ".join(texts(card, ".reeblog-card-title")): " ".join(texts(card, ".reeblog-excerpt"))
        for card in page_soup(site, "index.html").select("article.reeblog-card")
    }
    for sample, entry in zip(NEWEST_TEN, parsed(site).entries, strict=True):
        summary = _html_text(entry.summary)
        assert summary == f"Opening paragraph of post {sample.day}."
        assert cards[sample.name] == summary
        content = _html_text(entry.content[0].value)
        assert content == (
            f"Opening paragraph of post {sample.day}. Second paragraph of post {sample.day}."
        )


def _html_text(html: str) -> str:
    """The visible text of an HTML fragment, whitespace collapsed."""
    return " ".join(BeautifulSoup(html, "html.parser").get_text().split())


def assert_summaries_only(site: BuiltSite) -> None:
    """Every entry of the feed has its excerpt as summary, and no content."""
    found = entries(atom(site))
    assert len(found) == 10
    for entry in found:
        assert entry.findall(f"{ATOM}content") == []
        assert child_text(entry, "summary").startswith("<p>Opening paragraph")


def test_feed_content_false_leaves_the_summary_only(build_site: SiteBuilder) -> None:
    # MkDocs keeps one plugin instance per process (as `mkdocs serve` does), and the plugin
    # remembers posts' HTML by source path: posts named as in no other test, see below.
    site = build_blog(build_site, "feed_content: false\n", prefix="summary-only")
    assert_summaries_only(site)


def test_feed_content_false_after_a_full_content_build(build_site: SiteBuilder) -> None:
    build_blog(build_site, prefix="rebuilt")
    site = build_blog(build_site, "feed_content: false\n", prefix="rebuilt")
    assert_summaries_only(site)


def test_categories_then_tags_are_category_terms(build_site: SiteBuilder) -> None:
    site = build_blog(build_site)
    for sample, entry in zip(NEWEST_TEN, entries(atom(site)), strict=True):
        terms = [c.attrib["term"] for c in entry.findall(f"{ATOM}category")]
        assert terms == [*sample.categories, *sample.tags]
    first = parsed(site).entries[0]
    assert [t.term for t in first.tags] == ["Geology", "Fieldwork", "basalt", "quarry"]


def test_banner_is_the_media_thumbnail_with_an_absolute_url(build_site: SiteBuilder) -> None:
    site = build_blog(build_site)
    found = entries(atom(site))
    thumbnails = [[t.attrib["url"] for t in e.findall(f"{MEDIA}thumbnail")] for e in found]
    assert thumbnails == [[SITE_URL + BANNER]] + [[]] * 9
    assert site_file(site, thumbnails[0][0]) == BANNER
    assert parsed(site).entries[0].media_thumbnail == [{"url": SITE_URL + BANNER}]


def test_titles_with_markup_characters_survive_a_round_trip(build_site: SiteBuilder) -> None:
    site = build_blog(build_site)
    index = [s.name for s in NEWEST_TEN].index(TRICKY_TITLE)
    entry = entries(atom(site))[index]
    assert child_text(entry, "title") == TRICKY_TITLE
    link = entry.find(f"{ATOM}link[@rel='alternate']")
    assert link is not None
    assert link.attrib["title"] == TRICKY_TITLE
    read = parsed(site).entries[index]
    assert read.title == TRICKY_TITLE
    assert read.title_detail.type == "text/plain"


def test_feed_limit_keeps_the_newest_posts(build_site: SiteBuilder) -> None:
    site = build_blog(build_site, "feed_limit: 3\n")
    assert feed_titles(atom(site)) == [s.name for s in SAMPLES[:3]]


@pytest.mark.parametrize(
    ("path", "term"),
    [
        ("feed/by_tag/basalt.xml", "basalt"),
        ("feed/by_tag/quarry.xml", "quarry"),
        ("feed/by_tag/granite.xml", "granite"),
        ("feed/by_tag/rare-earths.xml", "Rare Earths"),
        ("feed/geology.xml", "Geology"),
        ("feed/fieldwork.xml", "Fieldwork"),
    ],
)
def test_feed_terms_writes_a_feed_per_tag_and_category(
    build_site: SiteBuilder, path: str, term: str
) -> None:
    site = build_blog(build_site, "feed_terms: true\n")
    expected = [s.name for s in SAMPLES if term in s.categories or term in s.tags]
    assert expected, "the term has posts"
    root = atom(site, path)
    assert feed_titles(root) == expected
    assert term in child_text(root, "title")
    assert [e.title for e in parsed(site, path).entries] == expected


def test_feed_terms_is_off_by_default(build_site: SiteBuilder) -> None:
    site = build_blog(build_site)
    assert [f for f in site.files() if f.endswith(".xml") and f.startswith("feed")] == ["feed.xml"]


def test_no_site_url_means_no_feed_and_no_error(build_site: SiteBuilder) -> None:
    site = build_site(blog_docs(), site_url=None, strict=True)
    assert site.ok, site.messages()
    assert not [f for f in site.files() if f.startswith("feed")]
    assert 'type="application/atom+xml"' not in site.read("about/index.html")
    assert plugin_messages(site, logging.WARNING) == []


@pytest.mark.parametrize("theme", THEMES)
def test_every_page_head_links_to_the_feed(build_site: SiteBuilder, theme: str) -> None:
    site = build_blog(build_site, theme=theme)
    pages = [
        NEWEST_TEN[0].url.lstrip("/"),  # a post
        "index.html",  # the blog index
        "tag/basalt/index.html",  # a tag page
        "about/index.html",  # a normal page
    ]
    for page in pages:
        soup = page_soup(site, page)
        link = select_one(soup, 'head link[rel="alternate"][type="application/atom+xml"]')
        assert href_file(site, page, str(link["href"])) == "feed.xml"
        assert link["title"] == "Test Blog"


def test_a_feed_written_by_hand_is_kept(build_site: SiteBuilder) -> None:
    own = '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Mine</title></feed>\n'
    docs = blog_docs()
    docs["feed.xml"] = own
    site = build_site(docs, plugin_options="future: false")
    assert site.ok, site.messages()
    assert site.read("feed.xml") == own
    infos = plugin_messages(site, logging.INFO)
    assert [m for m in infos if "feed.xml" in m and "kept" in m], infos
