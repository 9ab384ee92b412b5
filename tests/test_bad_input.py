"""Broken posts in real builds: each is told as `docs/_posts/FILE.md:LINE: what and how to fix`,
left out, and never stops the other posts; `strict` fails the build and lists every problem."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pytest

from tests.conftest import BuiltSite, SiteBuilder
from tests.html_helpers import (
    GOOD_POST,
    GOOD_POST_URL,
    assert_no_traceback,
    page_soup,
    plugin_messages,
    post_header,
    post_text,
    texts,
)

LEFT_OUT = "(this post is left out)"


@dataclass(frozen=True)
class BrokenPost:
    """A post that cannot be published: its file, and what the warning must say."""

    name: str
    content: str | bytes
    line: int
    phrase: str

    @property
    def path(self) -> str:
        return f"_posts/{self.name}"

    @property
    def prefix(self) -> str:
        """How the warning starts: the file as typed from the project folder, and the line."""
        return f"docs/{self.path}:{self.line}: "


BROKEN_POSTS = [
    BrokenPost("2024-01-02-quote.md", '---\ntitle: "Unclosed\ndate: 2024-01-02\n---\n\nBody\n', 2,
               "close the quote"),
    BrokenPost("2024-01-02-bracket.md", "---\ntitle: Ok\ntags: [a, b\n---\n\nBody\n", 3,
               "close the bracket"),
    BrokenPost("2024-01-02-bracket-key.md", "---\ntags: [a, b\ntitle: Ok\n---\n\nBody\n", 2,
               "close the bracket"),
    BrokenPost("2024-01-02-tab.md", "---\ntitle: Ok\nauthor:\n\tname: Me\n---\n\nBody\n", 4,
               "not tabs"),
    BrokenPost("2024-01-02-list.md", "---\n- one\n- two\n---\n\nBody\n", 2,
               "is a list, not a mapping"),
    BrokenPost("2024-01-02-unclosed.md", "---\ntitle: Ok\n\nBody without an end\n", 1,
               "never closed"),
    BrokenPost("2024-01-02-when.md", post_text("title: Ok\ndate: next tuesday\n"), 3,
               "'next tuesday' cannot be read; write it as YYYY-MM-DD"),
    BrokenPost("2024-01-02-year0.md", post_text("title: Ok\ndate: 0000-01-01\n"), 3,
               "year 0"),
    BrokenPost("2024-01-02-year99999.md", post_text("title: Ok\ndate: 99999-01-01\n"), 3,
               "write it as YYYY-MM-DD"),
    BrokenPost("2024-01-02-mapping.md", post_text("title: Ok\ncategories: {a: b}\n"), 3,
               "'categories' holds a mapping; write a list"),
    BrokenPost("2024-01-02-tag-mapping.md", post_text("title: Ok\ntags: {a: b}\n"), 3,
               "'tags' holds a mapping; write a list"),
    BrokenPost("2024-01-02-permalink-list.md", post_text("title: Ok\npermalink: [a]\n"), 3,
               "'permalink' must be text"),
    BrokenPost("2024-13-45-month13.md", post_text("title: Ok\n"), 1,
               "no month 13"),
    BrokenPost("2024-01-02-placeholder.md", post_text("permalink: /:foo/:title/\n"), 2,
               "unknown placeholder ':foo'"),
    BrokenPost("2024-01-02-latin1.md", b"---\ntitle: Caf\xe9\n---\n\nBody\n", 2,
               "is not UTF-8 text"),
]  # fmt: skip


def build_with(build_site: SiteBuilder, *broken: BrokenPost, **options: object) -> BuiltSite:
    """A site of the good post and `broken` ones; `options` go to `build_site`."""
    docs: dict[str, str | bytes] = {GOOD_POST: post_text("title: Good\n")}
    docs.update({post.path: post.content for post in broken})
    return build_site(docs, **options)


def warning_for(site: BuiltSite, post: BrokenPost) -> str:
    """The one warning of the plugin about `post`."""
    found = [m for m in plugin_messages(site, logging.WARNING) if post.path in m]
    assert len(found) == 1, site.messages()
    return found[0]


@pytest.mark.parametrize("post", BROKEN_POSTS, ids=lambda post: post.name)
def test_broken_post_is_told_and_left_out(build_site: SiteBuilder, post: BrokenPost) -> None:
    site = build_with(build_site, post)
    assert site.ok
    message = warning_for(site, post)
    assert message.startswith(post.prefix)
    assert post.phrase in message
    assert message.endswith(LEFT_OUT)
    assert texts(post_header(page_soup(site, GOOD_POST_URL)), "h1") == ["Good"]
    slug = post.name.split("-", 3)[3].removesuffix(".md")
    assert not any(slug in f for f in site.files())
    assert_no_traceback(site)


def test_strict_build_fails_and_lists_every_broken_post(build_site: SiteBuilder) -> None:
    broken = (BROKEN_POSTS[0], BROKEN_POSTS[-1])
    site = build_with(build_site, *broken, strict=True)
    assert not site.ok
    for post in broken:
        assert warning_for(site, post).startswith(post.prefix)
    assert_no_traceback(site)


def test_strict_build_of_good_posts_passes(build_site: SiteBuilder) -> None:
    site = build_with(build_site, strict=True)
    assert site.ok, site.messages()


@pytest.mark.parametrize(
    ("content", "title"),
    [
        ("", "Odd File"),
        ("\ufeff---\ntitle: With BOM\n---\n\nThe body.\n", "With BOM"),
        ("---\r\ntitle: With CRLF\r\n---\r\n\r\nThe body.\r\n", "With CRLF"),
        ("---\rtitle: With CR\r---\r\rThe body.\r", "With CR"),
    ],
    ids=["empty", "bom", "crlf", "lone-cr"],
)
def test_odd_but_valid_files_are_published(
    build_site: SiteBuilder, content: str, title: str
) -> None:
    site = build_site({"_posts/2024-01-02-odd-file.md": content}, strict=True)
    assert site.ok, site.messages()
    soup = page_soup(site, "2024/01/02/odd-file.html")
    header = post_header(soup)
    assert texts(header, "h1") == [title]
    content_area = header.parent
    assert content_area is not None
    body = content_area.get_text()
    assert "---" not in body and "title:" not in body
    if content:
        assert "The body." in body
    assert_no_traceback(site)


def test_unknown_timezone_aborts_with_a_config_error(build_site: SiteBuilder) -> None:
    site = build_with(build_site, plugin_options="timezone: Nowhere/Land")
    assert not site.ok
    errors = site.messages(logging.ERROR)
    assert any("Nowhere/Land" in m and "timezone" in m for m in errors), site.messages()
    assert_no_traceback(site)


def test_a_date_format_babel_cannot_apply_aborts_with_a_config_error(
    build_site: SiteBuilder,
) -> None:
    site = build_with(build_site, plugin_options="date_format: qqqqqq")
    assert not site.ok
    errors = site.messages(logging.ERROR)
    assert any("date_format 'qqqqqq'" in m and "d MMM y" in m for m in errors), site.messages()
    assert_no_traceback(site)


def test_broken_jekyll_config_aborts_naming_the_file_and_line(build_site: SiteBuilder) -> None:
    site = build_site(
        {GOOD_POST: "Good.\n"},
        plugin_options="jekyll_config: _config.yml",
        extra_files={"_config.yml": "title: Blog\npermalink: [unclosed\n"},
    )
    assert not site.ok
    errors = site.messages(logging.ERROR)
    assert any("_config.yml:" in m and "not valid YAML" in m for m in errors), site.messages()
    assert_no_traceback(site)


@pytest.mark.parametrize("option", ["permalink", "redirect_from_permalink"])
def test_permalink_option_with_an_unknown_placeholder_aborts(
    build_site: SiteBuilder, option: str
) -> None:
    site = build_with(build_site, plugin_options=f"{option}: /:year/:nonsense/")
    assert not site.ok
    errors = site.messages(logging.ERROR)
    assert any(option in m and ":nonsense" in m for m in errors), site.messages()
    assert_no_traceback(site)


@pytest.mark.parametrize(
    ("banner", "reason"),
    [
        ("/assets/missing.png", "is not a file of the site"),
        ("javascript:alert(1)", "is not a safe image URL"),
        ("data:text/html,<b>x</b>", "is not a safe image URL"),
    ],
)
def test_a_banner_that_cannot_be_shown_is_told_and_left_out(
    build_site: SiteBuilder, banner: str, reason: str
) -> None:
    path = "_posts/2024-02-02-banner.md"
    site = build_site({path: post_text(f"title: Banner\nexcerpt_image: {banner!r}")})
    assert site.ok, site.messages()
    warnings = site.messages(logging.WARNING)
    assert any(f"docs/{path}:3: the image" in w and reason in w for w in warnings), warnings
    html = site.read("2024/02/02/banner.html")
    assert "reeblog-banner" not in html
    assert "missing.png" not in html and "javascript:" not in html
