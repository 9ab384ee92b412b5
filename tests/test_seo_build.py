"""Social and search-engine tags in the head of posts and listing pages (Open Graph, Twitter,
JSON-LD, the meta description), built with real MkDocs in both themes and read back parsed:
values are compared exactly, as a browser or a crawler decodes them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from bs4 import BeautifulSoup

from tests.conftest import BuiltSite, SiteBuilder
from tests.html_helpers import (
    SEED_PNG,
    THEMES,
    json_ld_scripts,
    meta_values,
    page_soup,
    post_text,
    seed_docs,
    select_one,
)

SITE_URL = "https://www.galena.es/"
SEED_PAGE = "geology/mining/2025/05/04/Japans_Approach_to_Rare_Earth_Elements.html"
SEED_TITLE = "Japan's Strategic Approach to Rare Earth Elements"
SEED_SUBTITLE = (
    "A deep dive into Japan's strategic initiatives to secure rare earth elements for its "
    "thriving tech industry."
)
SEED_TAGS = ["Japan", "Rare Earth Elements", "Tech Industry", "Mining"]

PLAIN_POST = "_posts/2024-02-01-plain.md"
PLAIN_PAGE = "2024/02/01/plain.html"

NASTY_TITLE = 'Rock "n" <script>alert(1)</script> & roll </script><!--'
NASTY_DESCRIPTION = "Say \"hi\" & <script>alert('x')</script> </SCRIPT> O'Brien"
NASTY_POST = "_posts/2024-02-02-nasty.md"
NASTY_PAGE = "2024/02/02/nasty.html"

SITE_DESCRIPTION = "Rocks & <minerals>"
SOCIAL_KEYS = ("og:title", "og:type", "og:url", "twitter:card", "twitter:title")
LISTING_PAGES = (
    "index.html",
    "tag/japan/index.html",
    "category/geology/index.html",
    "tags/index.html",
)


@pytest.fixture(params=THEMES)
def theme(request: pytest.FixtureRequest) -> str:
    """Head tags come from both themes' templates: every test runs with each."""
    return str(request.param)


def _yaml_string(value: str) -> str:
    """`value` as a YAML single-quoted scalar."""
    return "'" + value.replace("'", "''") + "'"


def build_blog(build_site: SiteBuilder, seed_text: str, theme: str, options: str = "") -> BuiltSite:
    """The seed article with its banner, a post without banner and one whose title and
    description hold markup, on the seed's own domain; the blog index is the home page."""
    docs = seed_docs(seed_text)
    del docs["index.md"]
    docs[PLAIN_POST] = post_text("title: Plain\ntags: [quartz]", "No picture here.\n")
    docs[NASTY_POST] = post_text(
        f"title: {_yaml_string(NASTY_TITLE)}\ndescription: {_yaml_string(NASTY_DESCRIPTION)}",
        "Body & soul.\n",
    )
    site = build_site(
        docs,
        theme=theme,
        site_url=SITE_URL,
        plugin_options=options,
        yml=f"site_description: {_yaml_string(SITE_DESCRIPTION)}\n",
    )
    assert site.ok, site.messages()
    return site


def json_ld(soup: BeautifulSoup) -> dict[str, Any]:
    """The page's single JSON-LD object."""
    scripts = json_ld_scripts(soup)
    assert len(scripts) == 1, f"{len(scripts)} JSON-LD scripts"
    data = json.loads(scripts[0])
    assert isinstance(data, dict)
    return data


def one(soup: BeautifulSoup, key: str) -> str:
    """The content of the single `<meta>` named `key`."""
    values = meta_values(soup, key)
    assert len(values) == 1, f"{key}: {values}"
    return values[0]


def test_seed_article_describes_itself(build_site: SiteBuilder, seed_text: str, theme: str) -> None:
    site = build_blog(build_site, seed_text, theme)
    soup = page_soup(site, SEED_PAGE)
    page_url = SITE_URL + SEED_PAGE
    image = SITE_URL + SEED_PNG
    assert meta_values(soup, "description") == [SEED_SUBTITLE]
    assert one(soup, "og:description") == SEED_SUBTITLE
    assert one(soup, "og:title") == SEED_TITLE
    assert one(soup, "og:type") == "article"
    assert one(soup, "og:url") == page_url
    assert select_one(soup, 'link[rel="canonical"]')["href"] == page_url
    assert one(soup, "og:image") == image
    assert (site.site / SEED_PNG).is_file()
    assert one(soup, "article:published_time") == "2025-05-04T00:00:00+00:00"
    assert meta_values(soup, "article:tag") == SEED_TAGS
    assert one(soup, "twitter:card") == "summary_large_image"
    assert one(soup, "twitter:image") == image


def test_seed_article_json_ld_is_a_blog_posting(
    build_site: SiteBuilder, seed_text: str, theme: str
) -> None:
    site = build_blog(build_site, seed_text, theme)
    data = json_ld(page_soup(site, SEED_PAGE))
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == SEED_TITLE
    assert data["description"] == SEED_SUBTITLE
    assert data["image"] == SITE_URL + SEED_PNG
    assert data["datePublished"] == "2025-05-04T00:00:00+00:00"
    assert data["url"] == SITE_URL + SEED_PAGE


def test_a_post_without_banner_gets_a_small_card(
    build_site: SiteBuilder, seed_text: str, theme: str
) -> None:
    site = build_blog(build_site, seed_text, theme)
    soup = page_soup(site, PLAIN_PAGE)
    assert one(soup, "twitter:card") == "summary"
    assert meta_values(soup, "og:image") == []
    assert meta_values(soup, "twitter:image") == []
    assert "image" not in json_ld(soup)
    # No subtitle or description: the excerpt describes the post.
    assert meta_values(soup, "description") == ["No picture here."]
    assert one(soup, "og:type") == "article"


def test_markup_in_titles_and_descriptions_is_escaped(
    build_site: SiteBuilder, seed_text: str, theme: str
) -> None:
    site = build_blog(build_site, seed_text, theme)
    raw = site.read(NASTY_PAGE)
    soup = BeautifulSoup(raw, "html.parser")
    assert meta_values(soup, "description") == [NASTY_DESCRIPTION]
    for key in ("og:title", "twitter:title"):
        assert one(soup, key) == NASTY_TITLE
    for key in ("og:description", "twitter:description"):
        assert one(soup, key) == NASTY_DESCRIPTION
    assert soup.title is not None
    assert soup.title.get_text().startswith(NASTY_TITLE)
    scripts = json_ld_scripts(soup)
    assert len(scripts) == 1
    assert "</script" not in scripts[0].lower()
    assert "<!--" not in scripts[0]
    data = json.loads(scripts[0])
    assert (data["headline"], data["description"]) == (NASTY_TITLE, NASTY_DESCRIPTION)
    # The markup never becomes an element: no script runs `alert`.
    assert not [s for s in soup.find_all("script") if s.get_text().startswith("alert")]


@pytest.mark.parametrize("page", LISTING_PAGES)
def test_listing_pages_are_websites(
    build_site: SiteBuilder, seed_text: str, theme: str, page: str
) -> None:
    site = build_blog(build_site, seed_text, theme)
    soup = page_soup(site, page)
    assert one(soup, "og:type") == "website"
    assert one(soup, "og:url") == SITE_URL + page.removesuffix("index.html")
    assert json_ld(soup)["@type"] == "WebPage"
    assert meta_values(soup, "article:published_time") == []
    assert meta_values(soup, "description") == [SITE_DESCRIPTION]
    assert one(soup, "og:description") == SITE_DESCRIPTION


def test_seo_false_removes_the_tags(build_site: SiteBuilder, seed_text: str, theme: str) -> None:
    site = build_blog(build_site, seed_text, theme, "seo: false")
    for page in (SEED_PAGE, PLAIN_PAGE, *LISTING_PAGES):
        soup = page_soup(site, page)
        for key in (*SOCIAL_KEYS, "og:image", "article:tag"):
            assert meta_values(soup, key) == [], f"{page}: {key}"
        assert json_ld_scripts(soup) == [], page
        assert len(meta_values(soup, "description")) <= 1
