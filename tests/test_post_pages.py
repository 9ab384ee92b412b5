"""A post's page, built with real MkDocs in both themes: its header, banner, body and nav."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import SEED_NAME, BuiltSite, SiteBuilder
from tests.html_helpers import (
    THEMES,
    page_soup,
    post_header,
    post_text,
    resolve_link,
    select_one,
    texts,
)

SEED_PAGE = "geology/mining/2025/05/04/Japans_Approach_to_Rare_Earth_Elements.html"
SEED_PNG = "assets/images/Japans_Approach_to_Rare_Earth_Elements.png"
SEED_BANNER_TITLE = (
    "A map of Japan highlighting key regions for rare earth element mining, with icons "
    "representing technology manufacturing and mineral resources, illustrating Japan's "
    "strategic efforts to secure essential materials for the tech industry."
)

TRIP_FRONT_MATTER = """\
title: A Field Trip to the Quarry
subtitle: Notes from a cold morning
date: 2024-03-15 10:30:00
categories: [Geology, Fieldwork]
tags: [quarry, basalt]
"""
TRIP_PAGE = "geology/fieldwork/2024/03/15/trip.html"


@pytest.fixture(params=THEMES)
def theme(request: pytest.FixtureRequest) -> str:
    """Each page test runs with the `mkdocs` and the `material` theme."""
    return str(request.param)


def build_seed(build_site: SiteBuilder, seed_text: str, theme: str, yml: str = "") -> BuiltSite:
    """The seed article on its own domain, with its banner picture in `docs/assets/images`."""
    docs: dict[str, str | bytes] = {
        f"_posts/{SEED_NAME}": seed_text,
        SEED_PNG: b"\x89PNG\r\n\x1a\n not really a picture",
        "index.md": "# Home\n",
    }
    site = build_site(docs, theme=theme, site_url="https://www.galena.es/", yml=yml)
    assert site.ok, site.messages()
    return site


def test_header_shows_title_subtitle_date_reading_time_and_terms(
    build_site: SiteBuilder, theme: str
) -> None:
    body = "word " * 450 + "\n"
    site = build_site(
        {"_posts/2024-03-15-trip.md": post_text(TRIP_FRONT_MATTER, body)}, theme=theme
    )
    assert site.ok, site.messages()
    soup = page_soup(site, TRIP_PAGE)
    header = post_header(soup)

    titles = soup.select("h1.reeblog-title")
    assert [h.get_text() for h in titles] == ["A Field Trip to the Quarry"]
    assert titles[0].parent is header
    assert soup.title is not None
    assert "A Field Trip to the Quarry" in soup.title.get_text()

    subtitle = titles[0].find_next_sibling()
    assert subtitle is not None
    assert subtitle.name == "p"
    assert subtitle.get("class") == ["reeblog-subtitle"]
    assert subtitle.get_text() == "Notes from a cold morning"

    date = select_one(header, "time.reeblog-date")
    assert date.get_text() == "March 15, 2024"
    assert date["datetime"] == "2024-03-15T10:30:00+00:00"
    assert texts(header, ".reeblog-reading-time") == ["3 min read"]
    assert texts(header, ".reeblog-category") == ["Geology", "Fieldwork"]
    assert texts(header, ".reeblog-tag") == ["#quarry", "#basalt"]


def test_post_without_subtitle_or_terms_has_a_bare_header(
    build_site: SiteBuilder, theme: str
) -> None:
    site = build_site({"_posts/2024-03-15-short-note.md": "Just a line.\n"}, theme=theme)
    assert site.ok, site.messages()
    header = post_header(page_soup(site, "2024/03/15/short-note.html"))
    assert texts(header, "h1.reeblog-title") == ["Short Note"]
    assert header.select(".reeblog-subtitle, .reeblog-category, .reeblog-tag, figure") == []
    assert texts(header, ".reeblog-reading-time") == ["1 min read"]


def test_seed_page_shows_its_banner_once_from_the_own_domain_picture(
    build_site: SiteBuilder, seed_text: str, theme: str
) -> None:
    site = build_seed(build_site, seed_text, theme)
    soup = page_soup(site, SEED_PAGE)
    banner = select_one(post_header(soup), "figure.reeblog-banner img")
    src = str(banner["src"])
    assert "://" not in src
    assert resolve_link(SEED_PAGE, src) == SEED_PNG
    assert (site.site / SEED_PNG).is_file()
    assert len(soup.find_all("img", src=src)) == 1
    assert len(soup.find_all("img")) == 1, "the body's copy of the banner must be removed"
    assert banner["alt"] == SEED_BANNER_TITLE

    header = post_header(soup)
    assert texts(header, "h1.reeblog-title") == [
        "Japan's Strategic Approach to Rare Earth Elements"
    ]
    assert texts(header, ".reeblog-subtitle")[0].startswith("A deep dive into Japan's strategic")
    assert select_one(header, "time.reeblog-date")["datetime"] == "2025-05-04T00:00:00+00:00"
    assert texts(header, ".reeblog-category") == ["Geology", "Mining"]
    assert texts(header, ".reeblog-tag") == [
        "#Japan",
        "#Rare Earth Elements",
        "#Tech Industry",
        "#Mining",
    ]


def test_seed_body_renders_its_table_and_blockquote(
    build_site: SiteBuilder, seed_text: str, theme: str
) -> None:
    soup = page_soup(build_seed(build_site, seed_text, theme), SEED_PAGE)
    content = post_header(soup).parent  # the theme's content area, which the header opens
    assert content is not None
    table = select_one(content, "table")
    assert texts(table, "th") == ["Strategic Initiatives", "Benefits"]
    assert len(table.select("tbody tr")) == 4
    assert "a matter of national security" in select_one(content, "blockquote").get_text()
    links = [a["href"] for a in content.select("a[href*='bbc.co.uk']")]
    assert links == ["https://www.bbc.co.uk/news/world-asia-17369575"]


def test_material_french_theme_localises_the_date(build_site: SiteBuilder, seed_text: str) -> None:
    # A second `theme:` key replaces the fixture's (the last key wins in YAML mappings).
    french = "theme:\n  name: material\n  language: fr\n"
    site = build_seed(build_site, seed_text, "material", yml=french)
    assert 'lang="fr"' in site.read(SEED_PAGE)
    date = select_one(page_soup(site, SEED_PAGE), "time.reeblog-date")
    assert date.get_text() == "4 mai 2025"
    assert date["datetime"] == "2025-05-04T00:00:00+00:00"


@pytest.mark.parametrize("key", ["excerpt_image", "banner", "image", "header-img"])
def test_every_banner_key_shows_the_picture_once(
    build_site: SiteBuilder, theme: str, key: str
) -> None:
    body = '![banner](/assets/rock.png "Basalt columns at dawn")\n\nText after the picture.\n'
    docs: dict[str, str | bytes] = {
        "_posts/2024-03-15-rock.md": post_text(f"title: Rock\n{key}: /assets/rock.png\n", body),
        "assets/rock.png": b"png",
    }
    site = build_site(docs, theme=theme)
    assert site.ok, site.messages()
    page = "2024/03/15/rock.html"
    soup = page_soup(site, page)
    images = soup.find_all("img")
    assert len(images) == 1
    assert images[0].find_parent("figure", class_="reeblog-banner") is not None
    assert resolve_link(page, str(images[0]["src"])) == "assets/rock.png"
    assert images[0]["alt"] == "Basalt columns at dawn"
    assert "Text after the picture." in soup.get_text()


def test_posts_stay_out_of_the_nav_of_a_site_without_nav(
    build_site: SiteBuilder, theme: str
) -> None:
    docs: dict[str, str | bytes] = {
        "index.md": "# Home\n",
        "about.md": "# About us\n",
        "_posts/2024-03-15-trip.md": post_text(TRIP_FRONT_MATTER),
    }
    site = build_site(docs, theme=theme)
    assert site.ok, site.messages()
    assert (site.site / TRIP_PAGE).is_file()
    for page in ("index.html", "about/index.html"):
        html = site.read(page)
        assert "about/" in html, "the nav lists the hand-written pages"
        assert "trip.html" not in html
        assert "Field Trip" not in html


NASTY_TITLE = """</title><script>alert("t")</script> Rocks & "Minerals" 'n' more"""
NASTY_SUBTITLE = "<b>bold</b> & <i onmouseover=\"alert('s')\">it</i>"
NASTY_TAG = "<img src=x onerror=alert('tag')>"
NASTY_PAGE = "2024/03/15/nasty.html"


def build_nasty_post(build_site: SiteBuilder, theme: str) -> BuiltSite:
    """A post whose title, subtitle, tag and banner alt text look like HTML."""
    quote = "'"
    front_matter = (
        f"title: '{NASTY_TITLE.replace(quote, quote * 2)}'\n"
        f"subtitle: '{NASTY_SUBTITLE.replace(quote, quote * 2)}'\n"
        f'tags: ["{NASTY_TAG}", "a&b"]\n'
        "excerpt_image: /assets/x.png\n"
    )
    docs: dict[str, str | bytes] = {
        "_posts/2024-03-15-nasty.md": post_text(front_matter, "Plain body.\n"),
        "assets/x.png": b"png",
    }
    site = build_site(docs, theme=theme)
    assert site.ok, site.messages()
    return site


def assert_no_element_from_user_text(root: BeautifulSoup | Tag) -> None:
    """No `<script>`, `<b>`, `<i>` or event-handler attribute made of the nasty strings.

    JSON-LD holds the title as data: it must parse as JSON and keep `<` escaped.
    """
    for script in root.find_all("script"):
        if script.get("type") == "application/ld+json":
            assert "<" not in script.get_text()
            assert isinstance(json.loads(script.get_text()), dict)
        else:
            assert "alert" not in script.get_text()
    assert [tag for tag in root.find_all(["b", "i"]) if tag.get_text() in ("bold", "it")] == []
    assert root.select("[onerror], [onmouseover]") == []


def test_user_text_is_escaped_in_the_post_header(build_site: SiteBuilder, theme: str) -> None:
    soup = page_soup(build_nasty_post(build_site, theme), NASTY_PAGE)
    header = post_header(soup)
    assert texts(header, "h1.reeblog-title") == [NASTY_TITLE]
    assert texts(header, ".reeblog-subtitle") == [NASTY_SUBTITLE]
    assert texts(header, ".reeblog-tag") == [f"#{NASTY_TAG}", "#a&b"]
    banner = select_one(header, "img")
    assert banner["alt"] == NASTY_TITLE
    assert set(banner.attrs) == {"src", "alt"}
    assert {tag.name for tag in header.find_all(True)} <= {
        "h1",
        "p",
        "time",
        "span",
        "a",
        "figure",
        "img",
    }
    assert_no_element_from_user_text(header)


def test_user_text_makes_no_element_anywhere_in_the_page(
    build_site: SiteBuilder, theme: str
) -> None:
    """Themes print `page.title` as HTML (`<title>`, Material's header): it must come escaped."""
    soup = page_soup(build_nasty_post(build_site, theme), NASTY_PAGE)
    assert_no_element_from_user_text(soup)
    assert soup.title is not None
    assert soup.title.get_text().startswith(NASTY_TITLE)


def test_search_indexes_a_post_under_its_title_without_the_header_chrome(
    build_site: SiteBuilder,
) -> None:
    docs: dict[str, str | bytes] = {
        "_posts/2024-03-15-trip.md": post_text(TRIP_FRONT_MATTER, "## Morning\n\nCold basalt.\n"),
    }
    site = build_site(docs, theme="material")
    assert site.ok, site.messages()
    entries = json.loads(site.read("search/search_index.json"))["docs"]
    page_entries = [e for e in entries if e["location"].split("#")[0] == TRIP_PAGE]
    assert [e["title"] for e in page_entries] == ["A Field Trip to the Quarry", "Morning"]
    assert page_entries[0]["location"] == TRIP_PAGE
    indexed = " ".join(e["text"] for e in page_entries)
    assert "Cold basalt." in indexed
    for chrome in ("Notes from a cold morning", "min read", "quarry", "Fieldwork"):
        assert chrome not in indexed
    soup = page_soup(site, TRIP_PAGE)
    assert texts(soup, "h1") == ["A Field Trip to the Quarry"]
    assert select_one(soup, "h1").get("class") == ["reeblog-title"]


def test_a_hook_that_changes_the_content_before_the_header_leaves_one_title(
    build_site: SiteBuilder,
) -> None:
    hook = (
        "def on_page_context(context, page, config, nav):\n"
        "    page.content = '<p>ZQX NOTE</p>' + page.content\n"
    )
    site = build_site(
        {"_posts/2024-03-15-trip.md": post_text(TRIP_FRONT_MATTER)},
        theme="material",
        yml="hooks:\n  - hooks.py\n",
        extra_files={"hooks.py": hook},
    )
    assert site.ok, site.messages()
    soup = page_soup(site, TRIP_PAGE)
    assert texts(soup, "h1") == ["A Field Trip to the Quarry"]
    assert "ZQX NOTE" in soup.get_text()


def test_a_plugin_that_runs_first_keeps_its_change_to_the_markdown(
    build_site: SiteBuilder,
) -> None:
    """A hook before reeblog (priority above 50) changes the body: Liquid and Markdown get
    its version, not the file's."""
    hook = (
        "from mkdocs.plugins import event_priority\n\n"
        "@event_priority(100)\n"
        "def on_page_markdown(markdown, page, config, files):\n"
        "    return markdown + '\\n\\nZQX ADDED {{ page.title }}\\n'\n"
    )
    site = build_site(
        {"_posts/2024-03-15-trip.md": post_text(TRIP_FRONT_MATTER, "Body {{ page.slug }}.\n")},
        theme="material",
        yml="hooks:\n  - hooks.py\n",
        extra_files={"hooks.py": hook},
    )
    assert site.ok, site.messages()
    text = page_soup(site, TRIP_PAGE).get_text()
    assert "Body trip." in text
    assert "ZQX ADDED A Field Trip to the Quarry" in text


@pytest.mark.parametrize(
    "body",
    [
        "Author: Jane Doe\nSource: field notes\n\nThe quarry.\n",  # MultiMarkdown-like lines
        "---\nauthor: Jane Doe\n---\nThe quarry.\n",  # a second YAML-like block
        "The quarry.\nAuthor: Jane Doe\n",  # text first: no metadata to hide
    ],
)
def test_the_body_is_never_read_as_metadata(build_site: SiteBuilder, body: str) -> None:
    """MkDocs reads metadata at the top of a page's source: none is in a post's body (the
    front matter is Jekyll's, read once)."""
    text = f"---\n{TRIP_FRONT_MATTER}---\n{body}"
    site = build_site({"_posts/2024-03-15-trip.md": text}, theme="material")
    assert site.ok, site.messages()
    soup = page_soup(site, TRIP_PAGE)
    assert "Author: Jane Doe" in soup.get_text() or "author: Jane Doe" in soup.get_text()
    assert "The quarry." in soup.get_text()
    assert soup.find("meta", attrs={"name": "author"}) is None
    assert texts(soup, "h1") == ["A Field Trip to the Quarry"]
