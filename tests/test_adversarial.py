"""Hostile and odd posts in real builds, beyond tests/test_bad_input.py: YAML tricks (aliases,
recursion, nesting), control characters, huge files and names, posts whose URL escapes the site
or takes a page the plugin generates. Each is told as `docs/_posts/FILE.md:LINE: ...`, or builds
in bounded time with nothing written outside the site folder; none may stop the build."""

from __future__ import annotations

import logging
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from tests.conftest import MATERIAL_SITE, BuiltSite, SiteBuilder, run_build, write_files
from tests.html_helpers import (
    GOOD_POST,
    GOOD_POST_URL,
    assert_no_traceback,
    listed_posts,
    page_soup,
    plugin_messages,
    post_header,
    post_text,
    texts,
)

POST = "_posts/2024-01-02-odd.md"
POST_PATH = f"docs/{POST}"
LEFT_OUT = "(this post is left out)"


def build_with(build_site: SiteBuilder, content: str | bytes, **options: object) -> BuiltSite:
    """A site of the good post and `content` at POST."""
    docs: dict[str, str | bytes] = {GOOD_POST: post_text("title: Good\n"), POST: content}
    return build_site(docs, **options)


def the_warning(site: BuiltSite) -> str:
    """The one warning of the plugin (the build went on: the good post is there)."""
    warnings = plugin_messages(site, logging.WARNING)
    assert len(warnings) == 1, site.messages()
    assert texts(post_header(page_soup(site, GOOD_POST_URL)), "h1") == ["Good"]
    assert_no_traceback(site)
    return warnings[0]


# YAML that is valid, or nearly, and still hostile


@pytest.mark.parametrize(
    ("front_matter", "line", "phrase"),
    [
        ("title: Ok\njust a line\n", 3, "could not find expected ':'"),
        ("title: 'unclosed\n", 2, "close the quote"),
        ("title: Ok\n  indented: wrongly\n", 3, "mapping values are not allowed"),
        ("just one scalar\n", 2, "is a single value, not a mapping"),
        ("title: Ok\ntags: " + "[" * 5000 + "\n", 3, "maximum nesting depth"),
        ('title: "bad \\q escape"\n', 2, "unknown escape character"),
        ("title: Ok\n? [a, b]\n: c\n", 3, "unhashable key"),
    ],
    ids=["no-colon", "single-quote", "indent", "scalar", "deep-nesting", "escape", "complex-key"],
)
def test_broken_front_matter_is_told_with_its_line(
    build_site: SiteBuilder, front_matter: str, line: int, phrase: str
) -> None:
    site = build_with(build_site, post_text(front_matter))
    message = the_warning(site)
    assert message.startswith(f"{POST_PATH}:{line}: "), message
    assert phrase in message
    assert message.endswith(LEFT_OUT)


@pytest.mark.parametrize("key", ["tags", "categories"])
def test_recursive_alias_is_told_not_crashed(build_site: SiteBuilder, key: str) -> None:
    site = build_with(build_site, post_text(f"title: Loop\n{key}: &a [x, *a]\n"))
    message = the_warning(site)
    assert message.startswith(f"{POST_PATH}:3: "), message
    assert message.endswith(LEFT_OUT)


def test_alias_bomb_does_not_blow_up_the_output(build_site: SiteBuilder) -> None:
    """Five levels of ten aliases: 10**5 copies of one tag once flattened."""
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 5):
        levels.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]")
    front_matter = "title: Bomb\n" + "\n".join(levels) + "\ntags: *a4\n"
    assert len(front_matter) < 500
    site = build_with(build_site, post_text(front_matter))
    assert site.ok, site.messages()
    assert_no_traceback(site)
    for path in ("2024/01/02/odd.html", "feed.xml"):
        size = (site.site / path).stat().st_size
        assert size < 100_000, f"{path}: {size} bytes from a {len(front_matter)}-byte front matter"


def test_aliases_and_merge_keys_are_read(build_site: SiteBuilder) -> None:
    front_matter = (
        "base: &base\n  subtitle: From the anchor\ntitle: Anchored\n<<: *base\n"
        "tags: &t [Alpha, Beta]\ncategories: *t\n"
    )
    site = build_with(build_site, post_text(front_matter), strict=True)
    assert site.ok, site.messages()
    header = post_header(page_soup(site, "alpha/beta/2024/01/02/odd.html"))
    assert texts(header, "h1") == ["Anchored"]
    assert texts(header, ".reeblog-subtitle") == ["From the anchor"]
    assert texts(header, "a.reeblog-tag") == ["#Alpha", "#Beta"]
    assert texts(header, "a.reeblog-category") == ["Alpha", "Beta"]


# Characters


def test_control_characters_are_kept_out_of_the_feed(build_site: SiteBuilder) -> None:
    content = post_text(
        'title: "Bell\\a and \\x01 null\\0 here"\ntags: ["t\\x02g"]', "Body \x01\x07.\n"
    )
    site = build_with(build_site, content, strict=True)
    assert site.ok, site.messages()
    raw = site.read("feed.xml").encode("utf-8")
    titles = [e.findtext("{http://www.w3.org/2005/Atom}title") for e in ET.fromstring(raw)
              if e.tag.endswith("entry")]  # fmt: skip
    assert "Bell and  null here" in titles
    assert not feedparser.parse(raw).bozo
    header = post_header(page_soup(site, "2024/01/02/odd.html"))
    assert "Bell" in texts(header, "h1")[0]


def test_nul_in_user_text_never_becomes_a_path(build_site: SiteBuilder) -> None:
    """Stored cards and headers stand for the path to the site root with NUL: a NUL that the
    YAML wrote (`\\0`) is dropped, not turned into `../../`."""
    content = post_text('title: "a\\0b"\nsubtitle: "c\\0d"\ntags: ["t\\0g"]', "Body.\n")
    site = build_with(build_site, content)
    assert site.ok, site.messages()
    header = post_header(page_soup(site, "2024/01/02/odd.html"))
    assert texts(header, "h1") == ["ab"]
    assert texts(header, ".reeblog-subtitle") == ["cd"]
    assert texts(header, ".reeblog-tag") == ["#tg"]
    index = page_soup(site, "index.html")
    assert "ab" in texts(index, ".reeblog-card-title")
    assert "#tg" in texts(index, ".reeblog-card .reeblog-tag")
    assert "/" not in "".join(texts(index, ".reeblog-card-title, .reeblog-card .reeblog-tag"))


def test_nul_bytes_in_the_front_matter_are_told(build_site: SiteBuilder) -> None:
    site = build_with(build_site, b"---\ntitle: a\x00b\n---\n\nBody\n")
    message = the_warning(site)
    assert message.startswith(f"{POST_PATH}:2: "), message
    assert message.endswith(LEFT_OUT)


# Size


def test_five_megabyte_post_builds_in_bounded_time(build_site: SiteBuilder) -> None:
    paragraph = "Rare earth elements are mined, separated and refined. " * 20 + "\n\n"
    body = "# Big\n\n" + paragraph * (5_000_000 // len(paragraph))
    assert len(body) > 4_900_000
    started = time.monotonic()
    site = build_with(build_site, post_text("title: Huge", body), strict=True)
    elapsed = time.monotonic() - started
    assert site.ok, site.messages()
    assert elapsed < 120, f"a 5 MB post took {elapsed:.0f} s"
    assert (site.site / "2024/01/02/odd.html").stat().st_size > 4_900_000
    assert "2024/01/02/odd.html" in listed_posts(site, "index.html")


def test_ten_thousand_character_tag_builds(build_site: SiteBuilder) -> None:
    tag = "a" * 10_000
    site = build_with(build_site, post_text(f"title: Long tag\ntags: [{tag}, short]"))
    assert site.ok, site.messages()
    assert_no_traceback(site)
    for path in site.site.rglob("*"):
        assert all(len(part.encode()) <= 255 for part in path.relative_to(site.site).parts)
    header = post_header(page_soup(site, "2024/01/02/odd.html"))
    assert texts(header, "a.reeblog-tag") == [f"#{tag}", "#short"]


def test_long_file_name_within_limits_builds(build_site: SiteBuilder) -> None:
    name = "x" * 200
    site = build_site({f"_posts/2024-01-02-{name}.md": post_text("title: Long name")}, strict=True)
    assert site.ok, site.messages()
    assert (site.site / f"2024/01/02/{name}.html").is_file()


# URLs


@pytest.mark.parametrize(
    ("permalink", "expected"),
    [
        ("../../etc/x", "etc/x.html"),
        ("/../../../../tmp/:title/", "tmp/odd/index.html"),
        ("..%2F..%2Fescape", "escape.html"),
        ("/a/./b/.././c.html", "a/b/c.html"),
        ("//double//slashes//", "double/slashes/index.html"),
    ],
)
def test_permalink_cannot_leave_the_site(
    build_site: SiteBuilder, tmp_path: Path, permalink: str, expected: str
) -> None:
    site = build_with(build_site, post_text(f"title: Escape\npermalink: {permalink!r}"))
    assert site.ok, site.messages()
    assert_no_traceback(site)
    written = [
        f
        for f in site.files()
        if f.endswith(".html")
        and "Escape" in site.read(f)
        and "reeblog-post-header" in site.read(f)
    ]
    assert written == [expected]
    assert {p.name for p in site.root.iterdir()} == {"docs", "site", "mkdocs.yml"}
    assert {p.name for p in tmp_path.iterdir()} == {site.root.name}


@pytest.mark.parametrize(
    ("permalink", "page"),
    [
        ("/", "index.html"),
        ("/tags/", "tags/index.html"),
        ("/tag/good/", "tag/good/index.html"),
        ("/page2/", "page2/index.html"),
        ("/2024/", "2024/index.html"),
    ],
)
def test_post_at_a_generated_page_url_is_told(
    build_site: SiteBuilder, permalink: str, page: str
) -> None:
    """A post whose permalink is the URL of a listing page the plugin generates."""
    docs: dict[str, str | bytes] = {
        f"_posts/2024-01-0{n}-p{n}.md": post_text(f"title: P{n}\ntags: [good]") for n in range(1, 4)
    }
    docs[POST] = post_text(f"title: Intruder\npermalink: {permalink}")
    site = build_site(docs, plugin_options="paginate: 2")
    assert site.ok, site.messages()
    assert_no_traceback(site)
    (warning,) = plugin_messages(site, logging.WARNING)
    assert warning.startswith(f"{POST_PATH}:3: the URL {permalink} is the "), warning
    assert warning.endswith(LEFT_OUT)
    assert "reeblog-listing" in site.read(page)
    assert "Intruder" not in site.read(page)


@pytest.mark.parametrize(
    ("front_matter", "page"),
    [
        ("permalink: /note:1/", "note:1/index.html"),
        ("categories: ['a:']", "a:/2024/01/02/odd.html"),
    ],
)
def test_colon_in_the_first_folder_of_a_url(
    build_site: SiteBuilder, front_matter: str, page: str
) -> None:
    site = build_with(build_site, post_text(f"title: Colon\n{front_matter}"))
    assert site.ok, site.messages()
    base = "https://blog.example.org/"
    soup = page_soup(site, page)
    assert texts(post_header(soup), "h1") == ["Colon"]
    urls = [str(link["href"]) for link in soup.select('link[rel="canonical"]')]
    sitemap = ET.fromstring(site.read("sitemap.xml").encode("utf-8"))
    urls += [
        loc.text or "" for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    feed = ET.fromstring(site.read("feed.xml").encode("utf-8"))
    urls += [link.get("href", "") for link in feed.iter("{http://www.w3.org/2005/Atom}link")]
    assert [url for url in urls if not url.startswith(base)] == []


# Jekyll's reading of tags and categories


@pytest.mark.parametrize("value", ["42", "true", "3.5"])
def test_tags_that_are_a_number_give_no_tags(build_site: SiteBuilder, value: str) -> None:
    site = build_with(build_site, post_text(f"title: Numbered\ntags: {value}"), strict=True)
    assert site.ok, site.messages()
    assert texts(post_header(page_soup(site, "2024/01/02/odd.html")), ".reeblog-tag") == []


@pytest.mark.parametrize("value", ["42", "true"])
def test_a_singular_tag_that_is_a_number_is_a_tag(build_site: SiteBuilder, value: str) -> None:
    site = build_with(build_site, post_text(f"title: Numbered\ntag: {value}"), strict=True)
    assert site.ok, site.messages()
    header = post_header(page_soup(site, "2024/01/02/odd.html"))
    assert texts(header, "a.reeblog-tag") == [f"#{value}"]


@pytest.mark.parametrize("value", ["false", "no", "off"])
def test_a_false_singular_category_gives_no_category(build_site: SiteBuilder, value: str) -> None:
    content = post_text(f"title: Falsy\npermalink: /falsy/\ncategories: [Kept]\ncategory: {value}")
    site = build_with(build_site, content, strict=True)
    assert site.ok, site.messages()
    header = post_header(page_soup(site, "falsy/index.html"))
    assert texts(header, "a.reeblog-category") == ["Kept"]


@pytest.mark.parametrize(("key", "selector"), [("tags", "a.reeblog-tag"),
                                                ("categories", "a.reeblog-category")])  # fmt: skip
def test_text_terms_split_on_ascii_whitespace_only(
    build_site: SiteBuilder, key: str, selector: str
) -> None:
    content = post_text(
        f'title: Spaces\npermalink: /spaces/\n{key}: "no\\u00a0break em\\u2003space two"'
    )
    site = build_with(build_site, content, strict=True)
    assert site.ok, site.messages()
    names = texts(post_header(page_soup(site, "spaces/index.html")), selector)
    assert [name.removeprefix("#") for name in names] == ["no\u00a0break", "em\u2003space", "two"]


# Files of the site at the paths of generated files


def test_site_file_at_the_feed_path_is_kept_and_told(build_site: SiteBuilder) -> None:
    site = build_site({GOOD_POST: post_text("title: Good"), "feed.xml": "<mine/>\n"})
    assert site.ok, site.messages()
    assert site.read("feed.xml") == "<mine/>\n"
    assert plugin_messages(site, logging.WARNING) == []
    notes = [m for m in plugin_messages(site, logging.INFO) if m.startswith("docs/feed.xml: ")]
    assert len(notes) == 1 and "kept" in notes[0], site.messages(logging.INFO)


# Liquid in posts, in a real build


INCLUDES = {"secret.txt": "TOPSECRET\n", "docs/_includes/note.html": "note"}


@pytest.mark.parametrize(
    "name", ["../../secret.txt", "../mkdocs.yml", "/etc/hostname", "out/secret.txt"]
)
def test_include_outside_the_includes_folder_is_refused(
    build_site: SiteBuilder, tmp_path: Path, name: str
) -> None:
    # The fixture builds its first site in tmp_path/project0: a link there leads out of _includes.
    (tmp_path / "project0/docs/_includes").mkdir(parents=True)
    (tmp_path / "project0/docs/_includes/out").symlink_to(tmp_path / "project0")
    body = "Before.\n\n{% include " + name + " %}\n\nAfter.\n"
    site = build_with(build_site, post_text("title: Sneaky", body), extra_files=INCLUDES)
    assert site.root == tmp_path / "project0"
    message = the_warning(site)
    assert message.startswith(f"{POST_PATH}:7: include '{name}' is refused"), message
    page = site.read("2024/01/02/odd.html")
    assert "Before." in page and "After." in page
    for path in site.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json"):
            text = path.read_text(encoding="utf-8")
            assert "TOPSECRET" not in text and "site_name: Test" not in text, path
    assert not any("_includes" in f for f in site.files())


@pytest.mark.parametrize(
    "liquid",
    [
        "{% for i in (1..1000000000) %}x{% endfor %}",
        "{% for i in (1..100000) %}{% for j in (1..100000) %}{{ j }}{% endfor %}{% endfor %}",
        "{% include loop.html %}",
    ],
    ids=["huge-loop", "nested-loops", "recursive-include"],
)
def test_runaway_liquid_stops_with_a_warning(build_site: SiteBuilder, liquid: str) -> None:
    body = f"Before.\n\n{liquid}\n\nAfter.\n"
    started = time.monotonic()
    site = build_with(
        build_site,
        post_text("title: Runaway", body),
        extra_files={"docs/_includes/loop.html": "a{% include loop.html %}"},
    )
    assert time.monotonic() - started < 60
    message = the_warning(site)
    assert message.startswith(f"{POST_PATH}:7: "), message
    assert "Liquid stopped" in message
    assert "Before." in site.read("2024/01/02/odd.html")
    assert "2024/01/02/odd.html" in listed_posts(site, "index.html")


# Front-matter keys that MkDocs or a theme reads from page.meta


@pytest.mark.parametrize(
    ("theme", "front_matter"),
    [
        ("material", "author: '\"><script>alert(1)</script>'"),
        ("mkdocs", "source: ['<script>alert(1)</script>']"),
        ("material", "revision_date: '<script>alert(1)</script>'"),
        ("material", "search: true"),
        ("material", "hide: true"),
        ("material", "template: post.html"),
    ],
    ids=["author", "source", "revision-date", "search", "hide", "template"],
)
def test_keys_themes_read_make_no_markup_and_no_crash(
    build_site: SiteBuilder, theme: str, front_matter: str
) -> None:
    site = build_with(build_site, post_text(f"title: Keys\n{front_matter}"), theme=theme)
    assert site.ok, site.messages()
    assert_no_traceback(site)
    page = page_soup(site, "2024/01/02/odd.html")
    assert texts(post_header(page), "h1") == ["Keys"]
    scripts = [s for s in page.find_all("script") if s.get("type") != "application/ld+json"]
    assert [s for s in scripts if "alert" in s.get_text()] == []


def test_jekyll_theme_keys_pass_strict_with_their_jekyll_meaning(tmp_path: Path) -> None:
    """Keys of Jekyll themes that MkDocs or Material read otherwise (Minimal Mistakes'
    `search: false`, a theme's `template`, `hide: true`, an author mapping) and a tag in two
    spellings make no warning: `mkdocs build --strict` passes, as Jekyll builds the blog. The
    `search: false` post is left out of the search index, as Minimal Mistakes leaves it out."""
    docs = {
        "_posts/2024-01-02-hidden.md": (
            "---\ntitle: Not searched\nsearch: false\nhide: true\ntemplate: single\n"
            "author: {name: Jane Roe}\ntags: [Mining]\n---\nqzhiddenbody\n"
        ),
        "_posts/2024-01-03-shown.md": "---\ntitle: Searched\ntags: [mining]\n---\nqzshownbody\n",
    }
    write_files(tmp_path / "docs", docs)
    (tmp_path / "mkdocs.yml").write_text(MATERIAL_SITE + "plugins:\n  - search\n  - reeblog\n")
    assert run_build(tmp_path / "mkdocs.yml", tmp_path / "site", strict=True)
    index = (tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "qzshownbody" in index
    assert "qzhiddenbody" not in index
    page = (tmp_path / "site" / "2024" / "01" / "02" / "hidden.html").read_text(encoding="utf-8")
    assert page.count('<meta name="author" content="Jane Roe">') == 1  # Material's, not twice
