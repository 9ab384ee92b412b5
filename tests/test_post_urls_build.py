"""Where real MkDocs builds write posts: Jekyll's URLs, and the posts Jekyll leaves out."""

from __future__ import annotations

import logging

import pytest

from tests.conftest import SEED_NAME, BuiltSite, SiteBuilder
from tests.html_helpers import (
    page_soup,
    plugin_messages,
    post_header,
    post_text,
    resolve_link,
    texts,
)

SEED_URL = "geology/mining/2025/05/04/Japans_Approach_to_Rare_Earth_Elements"
SEED_FILE = f"{SEED_URL}.html"


def built_pages(site: BuiltSite) -> list[str]:
    """The post pages of a site (listings, archives and hand-written pages left aside)."""
    return [
        f
        for f in site.files()
        if f.endswith(".html") and 'class="reeblog-post-header"' in site.read(f)
    ]


def post_title(site: BuiltSite, path: str) -> str:
    """The title in the header of the post page at `path`."""
    return texts(post_header(page_soup(site, path)), "h1.reeblog-title")[0]


def assert_logged(site: BuiltSite, level: int, *parts: str) -> str:
    """The one message of the plugin at exactly `level` that holds every one of `parts`."""
    found = [m for m in plugin_messages(site, level) if all(part in m for part in parts)]
    assert len(found) == 1, (parts, site.messages(logging.INFO))
    return found[0]


@pytest.mark.parametrize("use_directory_urls", [True, False])
def test_seed_lands_at_its_jekyll_url(
    build_site: SiteBuilder, seed_text: str, use_directory_urls: bool
) -> None:
    yml = f"use_directory_urls: {str(use_directory_urls).lower()}\n"
    site = build_site({f"_posts/{SEED_NAME}": seed_text}, yml=yml)
    assert site.ok, site.messages()
    assert built_pages(site) == [SEED_FILE]
    assert post_title(site, SEED_FILE) == "Japan's Strategic Approach to Rare Earth Elements"


def test_pretty_permalink_writes_an_index_file(build_site: SiteBuilder, seed_text: str) -> None:
    site = build_site({f"_posts/{SEED_NAME}": seed_text}, plugin_options="permalink: pretty")
    assert site.ok, site.messages()
    assert built_pages(site) == [f"{SEED_URL}/index.html"]


def test_site_url_with_a_sub_path_keeps_the_output_tree(
    build_site: SiteBuilder, seed_text: str
) -> None:
    docs: dict[str, str | bytes] = {f"_posts/{SEED_NAME}": seed_text, "index.md": "# Home\n"}
    at_root = build_site(docs, site_url="https://example.org/")
    under_blog = build_site(docs, site_url="https://example.org/blog/")
    assert at_root.ok and under_blog.ok
    assert SEED_FILE in under_blog.files()
    assert under_blog.files() == at_root.files()


def test_folders_above_posts_are_categories(build_site: SiteBuilder) -> None:
    docs: dict[str, str | bytes] = {
        "geology/_posts/2024-01-02-basalt.md": post_text("categories: [Mining]\n"),
        "es/_posts/2021-03-04-spanish.md": "Sin front matter.\n",
    }
    site = build_site(docs)
    assert site.ok, site.messages()
    assert built_pages(site) == [
        "es/2021/03/04/spanish.html",
        "geology/mining/2024/01/02/basalt.html",
    ]
    header = post_header(page_soup(site, "geology/mining/2024/01/02/basalt.html"))
    assert texts(header, ".reeblog-category") == ["geology", "Mining"]


def test_folder_inside_posts_adds_no_category(build_site: SiteBuilder) -> None:
    site = build_site({"_posts/sub/2021-03-03-x.md": post_text("title: Inside\n")})
    assert site.ok, site.messages()
    assert built_pages(site) == ["2021/03/03/x.html"]
    assert texts(post_header(page_soup(site, "2021/03/03/x.html")), ".reeblog-category") == []


@pytest.mark.parametrize(
    ("use_directory_urls", "page"), [(True, "about/index.html"), (False, "about.html")]
)
def test_links_to_post_sources_point_at_the_post_url(
    build_site: SiteBuilder, seed_text: str, use_directory_urls: bool, page: str
) -> None:
    docs: dict[str, str | bytes] = {
        f"_posts/{SEED_NAME}": seed_text,
        "about.md": f"# About\n\nRead [the article](_posts/{SEED_NAME}#introduction).\n",
    }
    site = build_site(docs, yml=f"use_directory_urls: {str(use_directory_urls).lower()}\n")
    assert site.ok, site.messages()
    assert site.messages(logging.WARNING) == []
    links = page_soup(site, page).find_all("a", string="the article")
    assert len(links) == 1
    href = str(links[0]["href"])
    assert href.endswith("#introduction")
    assert resolve_link(page, href.removesuffix("#introduction")) == SEED_FILE


OFFSET_DATE = "date: 2024-02-01 23:30:00 -0500\n"


@pytest.mark.parametrize(
    ("timezone", "day", "iso"),
    [
        (None, "2024/02/02", "2024-02-02T04:30:00+00:00"),
        ("America/New_York", "2024/02/01", "2024-02-01T23:30:00-05:00"),
        ("Asia/Tokyo", "2024/02/02", "2024-02-02T13:30:00+09:00"),
    ],
)
def test_timezone_option_decides_the_day_in_the_url(
    build_site: SiteBuilder, timezone: str | None, day: str, iso: str
) -> None:
    options = f"timezone: {timezone}" if timezone else ""
    site = build_site({"_posts/2024-02-01-late.md": post_text(OFFSET_DATE)}, plugin_options=options)
    assert site.ok, site.messages()
    assert built_pages(site) == [f"{day}/late.html"]
    time = post_header(page_soup(site, f"{day}/late.html")).select("time.reeblog-date")
    assert time[0]["datetime"] == iso


FUTURE_POST = {"_posts/2999-01-01-later.md": post_text("title: Later\n")}


def test_future_post_is_left_out_by_default(build_site: SiteBuilder) -> None:
    site = build_site({**FUTURE_POST, "_posts/2024-01-01-now.md": "Now.\n"})
    assert site.ok, site.messages()
    assert built_pages(site) == ["2024/01/01/now.html"]
    assert_logged(site, logging.INFO, "docs/_posts/2999-01-01-later.md", "future")


@pytest.mark.parametrize("option", ["future: true", "future: false"])
def test_future_option(build_site: SiteBuilder, option: str) -> None:
    site = build_site(dict(FUTURE_POST), plugin_options=option)
    assert site.ok, site.messages()
    expected = ["2999/01/01/later.html"] if option.endswith("true") else []
    assert built_pages(site) == expected


@pytest.mark.parametrize(
    ("value", "published"),
    [("false", False), ("no", False), ('"false"', True), ("true", True)],
)
def test_published_front_matter(build_site: SiteBuilder, value: str, published: bool) -> None:
    site = build_site({"_posts/2024-01-01-maybe.md": post_text(f"published: {value}\n")})
    assert site.ok, site.messages()
    assert built_pages(site) == (["2024/01/01/maybe.html"] if published else [])
    expected = ["docs/_posts/2024-01-01-maybe.md: left out: 'published' is false"]
    assert plugin_messages(site, logging.INFO) == ([] if published else expected)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("notes.md", "YYYY-MM-DD-name.md"),
        ("image.png", "YYYY-MM-DD-name.md"),
        ("2024-01-01-photo.png", "only Markdown and HTML posts"),
    ],
)
def test_non_post_files_in_posts_are_left_out(
    build_site: SiteBuilder, name: str, reason: str
) -> None:
    content: str | bytes = b"\x89PNG" if name.endswith(".png") else "# Notes\n"
    site = build_site({f"_posts/{name}": content, "_posts/2024-01-01-real.md": "Real.\n"})
    assert site.ok, site.messages()
    assert built_pages(site) == ["2024/01/01/real.html"]
    assert not any("_posts" in f or "photo" in f or "notes" in f for f in site.files())
    message = assert_logged(site, logging.INFO, f"docs/_posts/{name}", reason)
    assert "left out" in message


@pytest.mark.parametrize(
    ("second", "front_matter"),
    [
        ("_posts/2024-01-02-b.md", "permalink: /same.html\n"),
        ("_posts/sub/2024-01-01-a.md", None),
    ],
)
def test_two_posts_at_one_url_warn_naming_both(
    build_site: SiteBuilder, second: str, front_matter: str | None
) -> None:
    first_front = "title: First\n" + ("permalink: /same.html\n" if front_matter else "")
    docs: dict[str, str | bytes] = {
        "_posts/2024-01-01-a.md": post_text(first_front),
        second: post_text(front_matter, "Second.\n"),
    }
    site = build_site(docs)
    assert site.ok
    url = "same.html" if front_matter else "2024/01/01/a.html"
    assert built_pages(site) == [url]
    assert post_title(site, url) == "First"
    warnings = plugin_messages(site, logging.WARNING)
    assert len(warnings) == 1
    line = 2 if front_matter else 1
    assert warnings[0].startswith(f"docs/{second}:{line}: the URL /{url} is already taken by ")
    assert "docs/_posts/2024-01-01-a.md" in warnings[0]
    assert warnings[0].endswith("(this post is left out)")


@pytest.mark.xfail(
    reason="BUG: MkDocs drops one of x.md / x.markdown in _posts before on_files (same default "
    "dest_uri), though their permalinks differ",
    strict=True,
)
def test_same_name_with_two_markdown_extensions_and_own_permalinks(build_site: SiteBuilder) -> None:
    docs: dict[str, str | bytes] = {
        "_posts/2024-01-01-a.md": post_text("permalink: /first.html\n"),
        "_posts/2024-01-01-a.markdown": post_text("permalink: /second.html\n"),
    }
    site = build_site(docs, strict=True)
    assert built_pages(site) == ["first.html", "second.html"]
    assert site.ok, site.messages()


def test_post_at_the_path_of_a_page_warns_and_the_page_stays(build_site: SiteBuilder) -> None:
    docs: dict[str, str | bytes] = {
        "about.md": "# About this blog\n",
        "_posts/2024-01-01-about.md": post_text("title: Post\npermalink: /about/\n"),
    }
    site = build_site(docs)
    assert site.ok
    assert "About this blog" in site.read("about/index.html")
    assert "reeblog-post-header" not in site.read("about/index.html")
    warnings = plugin_messages(site, logging.WARNING)
    assert len(warnings) == 1
    assert warnings[0].startswith("docs/_posts/2024-01-01-about.md:3: the URL /about/ ")
    assert "already taken by docs/about.md" in warnings[0]


JEKYLL_CONFIG = "permalink: /:year/:month/:day/:title/\ntimezone: America/New_York\n"


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ("jekyll_config: _config.yml", "2024/02/01/late/index.html"),
        ("jekyll_config: _config.yml\npermalink: /:title:output_ext", "late.html"),
        ("jekyll_config: _config.yml\ntimezone: UTC", "2024/02/02/late/index.html"),
    ],
)
def test_jekyll_config_supplies_permalink_and_timezone(
    build_site: SiteBuilder, options: str, expected: str
) -> None:
    site = build_site(
        {"_posts/2024-02-01-late.md": post_text(OFFSET_DATE)},
        plugin_options=options,
        extra_files={"_config.yml": JEKYLL_CONFIG},
    )
    assert site.ok, site.messages()
    assert built_pages(site) == [expected]


def test_html_post_is_published_as_written(build_site: SiteBuilder) -> None:
    """Jekyll publishes `.html` posts: Liquid runs, Markdown does not."""
    post = (
        "---\ntitle: Written in HTML\ntags: [raw]\n---\n"
        "<p>Stars * stay * and _underscores_ too, in {{ page.title }}.</p>\n"
    )
    site = build_site({"_posts/2024-03-01-in-html.html": post}, strict=True)
    assert site.ok, site.messages()
    html = site.read("2024/03/01/in-html.html")
    assert "<p>Stars * stay * and _underscores_ too, in Written in HTML.</p>" in html
    assert 'class="reeblog-title">Written in HTML</h1>' in html
    assert not (site.site / "_posts").exists()
    assert "2024/03/01/in-html.html" in site.read("tag/raw/index.html")
