"""Redirect pages (jekyll-redirect-from's `redirect_from` and `redirect_to`, and the plugin's
`redirect_from_permalink`), built with real MkDocs: each old URL gets a small page whose
canonical link, meta refresh, script and fallback link all lead to the post."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from urllib.parse import quote

import pytest

from tests.conftest import BuiltSite, SiteBuilder
from tests.html_helpers import (
    href_file,
    meta_values,
    page_soup,
    plugin_messages,
    post_header,
    post_text,
    select_one,
)

SITE_URL = "https://blog.example.org/"
POST = "_posts/2024-01-02-moved.md"
POST_PAGE = "geo/2024/01/02/moved.html"
_REFRESH = re.compile(r"^0;\s*url=(?P<url>.+)$")
_SCRIPT = re.compile(r"^location\.replace\((?P<target>\"[^\"]*\") \+ location\.hash\)$")


@dataclass(frozen=True)
class Redirect:
    """What a redirect page says, every way it says it."""

    canonical: str | None
    refresh: str
    script: str
    fallback: str


def read_redirect(site: BuiltSite, path: str) -> Redirect:
    """The redirect page at `path`; the refresh, the script and the fallback link must agree."""
    soup = page_soup(site, path)
    refresh = meta_values(soup, "refresh")
    assert len(refresh) == 1, f"{path}: {refresh}"
    match = _REFRESH.match(refresh[0])
    assert match, refresh[0]
    script = _SCRIPT.match(select_one(soup, "head script").get_text())
    assert script, f"{path}: the script does not keep location.hash"
    fallback = str(select_one(soup, "body a")["href"])
    assert json.loads(script["target"]) == match["url"] == fallback
    assert meta_values(soup, "robots") == ["noindex"]
    canonical = soup.select('link[rel="canonical"]')
    assert len(canonical) <= 1
    return Redirect(
        str(canonical[0]["href"]) if canonical else None, match["url"], script["target"], fallback
    )


def assert_redirects_to_post(site: BuiltSite, path: str, post_page: str = POST_PAGE) -> None:
    """`path` is a redirect page whose relative URL opens `post_page`, canonical included."""
    redirect = read_redirect(site, path)
    assert redirect.canonical == SITE_URL + quote(post_page)
    assert "://" not in redirect.refresh
    assert href_file(site, path, redirect.refresh) == post_page
    assert post_header(page_soup(site, post_page))


def moved_post(front_matter: str) -> dict[str, str | bytes]:
    """The post (category `geo`) with these extra front-matter lines, and a normal page."""
    return {
        POST: post_text(f"title: Moved\ncategories: [geo]\n{front_matter}", "Hello.\n"),
        "about.md": "# About us\n\nA normal page.\n",
    }


def build(build_site: SiteBuilder, docs: dict[str, str | bytes], options: str = "") -> BuiltSite:
    site = build_site(docs, plugin_options=options, site_url=SITE_URL)
    assert site.ok, site.messages()
    return site


@pytest.mark.parametrize(
    ("old", "path"),
    [("/old/a.html", "old/a.html"), ("/old/b/", "old/b/index.html")],
)
def test_redirect_from_a_list_writes_a_page_per_old_url(
    build_site: SiteBuilder, old: str, path: str
) -> None:
    site = build(build_site, moved_post("redirect_from: [/old/a.html, /old/b/]"))
    assert {"old/a.html", "old/b/index.html"} <= set(site.files())
    assert_redirects_to_post(site, path)


def test_redirect_from_a_string(build_site: SiteBuilder) -> None:
    site = build(build_site, moved_post("redirect_from: /old/single.html"))
    assert_redirects_to_post(site, "old/single.html")


def test_redirect_from_an_address_without_extension_gets_html(build_site: SiteBuilder) -> None:
    site = build(build_site, moved_post("redirect_from: old/bare"))
    assert_redirects_to_post(site, "old/bare.html")


def test_canonical_link_keeps_the_sites_path(build_site: SiteBuilder) -> None:
    site = build_site(
        moved_post("redirect_from: /old/a.html"), site_url="https://example.org/blog/"
    )
    assert site.ok, site.messages()
    assert read_redirect(site, "old/a.html").canonical == "https://example.org/blog/" + POST_PAGE


def test_a_redirect_onto_an_existing_page_keeps_the_page(build_site: SiteBuilder) -> None:
    site = build(build_site, moved_post("redirect_from: [/about/, /old/a.html]"))
    about = page_soup(site, "about/index.html")
    assert meta_values(about, "refresh") == []
    assert [h.get_text().strip() for h in about.select("h1")] == ["About us"]
    infos = plugin_messages(site, logging.INFO)
    assert [m for m in infos if m.startswith("docs/about.md:") and "kept" in m], infos
    assert plugin_messages(site, logging.WARNING) == []
    assert_redirects_to_post(site, "old/a.html")


def test_redirect_to_replaces_the_post_by_a_redirect(build_site: SiteBuilder) -> None:
    site = build(build_site, moved_post("redirect_to: https://example.com/x"))
    redirect = read_redirect(site, POST_PAGE)
    assert redirect.refresh == "https://example.com/x"
    assert redirect.canonical == "https://example.com/x"
    assert page_soup(site, POST_PAGE).select("header.reeblog-post-header") == []


def test_redirect_to_a_post_with_a_non_ascii_name(build_site: SiteBuilder) -> None:
    docs: dict[str, str | bytes] = {
        "_posts/2024-01-05-café au lait.md": post_text(
            'title: Café\nredirect_from: ["/old/c.html", "/vieux/o%C3%B9/"]'
        )
    }
    site = build(build_site, docs)
    for path in ("old/c.html", "vieux/où/index.html"):
        assert_redirects_to_post(site, path, "2024/01/05/café-au-lait.html")


PRETTY = [
    ("geo/2024/01/02/moved.html", "geo/2024/01/02/moved/index.html"),
    ("2023/12/31/plain.html", "2023/12/31/plain/index.html"),
]
"""Two posts with `date` permalinks: their file, and the file of their `pretty` URL."""


def two_posts() -> dict[str, str | bytes]:
    """The posts of `PRETTY`."""
    docs = moved_post("")
    docs["_posts/2023-12-31-plain.md"] = post_text("title: Plain")
    return docs


def test_redirect_from_permalink_covers_every_post(build_site: SiteBuilder) -> None:
    site = build(build_site, two_posts(), "redirect_from_permalink: pretty")
    for post_page, pretty in PRETTY:
        assert_redirects_to_post(site, pretty, post_page)


def test_no_redirect_pages_without_redirect_from_permalink(build_site: SiteBuilder) -> None:
    site = build(build_site, two_posts())
    for post_page, pretty in PRETTY:
        assert (site.site / post_page).is_file()
        assert not (site.site / pretty).exists()


def test_without_site_url_redirects_have_no_canonical_link(build_site: SiteBuilder) -> None:
    site = build_site(moved_post("redirect_from: /old/a.html"), site_url=None)
    assert site.ok, site.messages()
    redirect = read_redirect(site, "old/a.html")
    assert redirect.canonical is None
    assert href_file(site, "old/a.html", redirect.refresh) == POST_PAGE


def test_two_posts_claiming_one_old_url_are_named_in_a_warning(build_site: SiteBuilder) -> None:
    docs: dict[str, str | bytes] = {
        "_posts/2024-01-01-first.md": post_text("title: First\nredirect_from: /old/same.html"),
        "_posts/2024-01-02-second.md": post_text("title: Second\nredirect_from: /old/same.html"),
    }
    site = build(build_site, docs)
    assert (site.site / "old/same.html").is_file()
    warnings = plugin_messages(site, logging.WARNING)
    assert [
        w
        for w in warnings
        if "old/same.html" in w and "2024-01-01-first.md" in w and "2024-01-02-second.md" in w
    ], warnings
