"""Jekyll pages: files outside `_posts` with a front matter, at Jekyll's URLs, with Liquid,
`redirect_from`, social tags; a theme's home page as the blog index (issue 28)."""

from __future__ import annotations

import logging

import pytest

from mkdocs_reeblog.jekyll.pages import has_front_matter, page_url
from mkdocs_reeblog.jekyll.urls import permalink_template
from tests.conftest import SiteBuilder

DATE = permalink_template("date")
PRETTY = permalink_template("pretty")
POST = {"_posts/2025-01-02-first.md": "---\ntitle: First post\n---\n\nThe first post.\n"}
JEKYLL = {"_config.yml": 'title: Galena\nurl: "https://galena.es"\n'}
JEKYLL_OPTIONS = "jekyll_config: _config.yml"


@pytest.mark.parametrize(
    ("src_uri", "permalink", "site", "ext", "url"),
    [
        ("about.md", None, DATE, ".html", "/about.html"),
        ("about.html", None, DATE, ".html", "/about.html"),
        ("about.md", None, PRETTY, ".html", "/about/"),
        ("about.md", None, "/:year/:title", ".html", "/about"),
        ("about.md", "/about/", DATE, ".html", "/about/"),
        ("docs/guide.md", None, DATE, ".html", "/docs/guide.html"),
        ("index.html", None, DATE, ".html", "/"),
        ("blog/index.md", None, PRETTY, ".html", "/blog/"),
        ("robots.txt", None, PRETTY, ".txt", "/robots.txt"),
        ("my page.md", None, DATE, ".html", "/my%20page.html"),
        ("a/b.md", "/:path/:basename:output_ext", PRETTY, ".html", "/a/b.html"),
        ("a.md", "/../x/", DATE, ".html", "/x/"),
    ],
)
def test_page_urls_are_jekylls(
    src_uri: str, permalink: str | None, site: str, ext: str, url: str
) -> None:
    assert page_url(src_uri, permalink, site, ext) == url


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(b"---\ntitle: x\n---\n", True), (b"---  \r\n---\n", True), (b"--- x\n", False),
     (b"text\n---\n", False), (b"----\n", False)],
)  # fmt: skip
def test_front_matter_is_what_jekyll_calls_one(raw: bytes, expected: bool) -> None:
    assert has_front_matter(raw) is expected


def test_pages_keep_jekylls_urls_liquid_and_redirects(build_site: SiteBuilder) -> None:
    built = build_site(
        {
            **POST,
            "about.md": "---\nlayout: page\ntitle: About <us>\nredirect_from: /about-us/\n---\n\n"
            "We write at {{ site.url }}{{ page.url }}.\n",
            "contact.html": '---\npermalink: /contact/\ndescription: "Write <to> us"\n---\n'
            '<p class="contact">Mail {{ site.title | upcase }}</p>\n',
            "robots.txt": "---\nlayout: null\n---\nSitemap: {{ site.url }}/sitemap.xml\n",
            "plain.html": "<p>No front matter: copied as it is</p>\n",
        },
        theme="material",
        site_url=None,
        plugin_options=JEKYLL_OPTIONS,
        extra_files=JEKYLL,
        strict=True,
    )
    assert built.ok, built.messages()
    about = built.read("about.html")
    assert "We write at https://galena.es/about.html." in about
    assert "<title>About &lt;us&gt; - Test Blog</title>" in about
    assert '<meta property="og:url" content="https://galena.es/about.html">' in about
    assert "layout:" not in about
    assert 'url=../about.html"' in built.read("about-us/index.html")
    contact = built.read("contact/index.html")
    assert '<p class="contact">Mail GALENA</p>' in contact
    assert "permalink" not in contact
    assert '<meta property="og:description" content="Write &lt;to&gt; us">' in contact
    assert built.read("robots.txt") == "Sitemap: https://galena.es/sitemap.xml\n"
    assert built.read("plain.html") == "<p>No front matter: copied as it is</p>\n"
    assert not (built.site / "about" / "index.html").exists()
    assert not (built.site / "contact.html").exists()


@pytest.mark.parametrize("name", ["index.html", "index.md"])
def test_a_themes_home_page_is_the_blog_index(build_site: SiteBuilder, name: str) -> None:
    built = build_site(
        {**POST, name: "---\nlayout: home\n---\n\nWelcome to {{ site.title }}.\n"},
        theme="material",
        plugin_options=JEKYLL_OPTIONS,
        extra_files=JEKYLL,
        strict=True,
    )
    assert built.ok, built.messages()
    home = built.read("index.html")
    assert home.index("Welcome to Galena.") < home.index('class="reeblog-card"')
    assert "First post" in home
    assert "layout:" not in home


def test_markdown_pages_without_jekyll_config_stay_mkdocs_pages(build_site: SiteBuilder) -> None:
    built = build_site({**POST, "about.md": "---\ntitle: About\n---\n\nText.\n"})
    assert (built.site / "about" / "index.html").exists()
    assert not (built.site / "about.html").exists()


def test_unreadable_pages_are_warnings_naming_the_file(build_site: SiteBuilder) -> None:
    built = build_site(
        {
            **POST,
            "broken.html": "---\ntitle: [Broken\n---\n<p>x</p>\n",
            "assets/main.scss": "---\n---\n@import 'x';\n",
            "fine.html": "---\ntitle: Fine\n---\n<p>fine</p>\n",
        },
        strict=True,
    )
    assert not built.ok
    warnings = built.reeblog_messages(logging.WARNING)
    assert any("docs/broken.html:2: the front matter is not valid YAML" in m for m in warnings)
    assert any("docs/assets/main.scss:1: Jekyll converts this file to .css" in m for m in warnings)
    assert not (built.site / "broken.html").exists()
    assert not (built.site / "assets" / "main.scss").exists()
    assert "<p>fine</p>" in built.read("fine.html")
    assert "First post" in built.read("2025/01/02/first.html")


def test_redirects_option(build_site: SiteBuilder) -> None:
    built = build_site(
        POST,
        plugin_options="redirects: {/archives.html: /, /categories.html: /categories/,"
        " /old/: 'https://elsewhere.org/x'}",
    )
    assert 'url=./"' in built.read("archives.html")
    assert 'url=categories/"' in built.read("categories.html")
    assert 'url=https://elsewhere.org/x"' in built.read("old/index.html")
