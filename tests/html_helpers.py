"""Helpers shared by the build tests of post pages, post URLs and bad input.

Posts are written with `post_text`; built pages are read with BeautifulSoup (`page_soup`),
and the post header with `post_header`; `assert_no_traceback` checks what a build logged.
"""

from __future__ import annotations

import json
import logging
import posixpath
from collections.abc import Mapping, Sequence
from urllib.parse import unquote

from bs4 import BeautifulSoup, Tag

from mkdocs_reeblog.blog.index import BlogIndex, build_index
from mkdocs_reeblog.jekyll.posts import PostSource, find_post_source, read_post
from mkdocs_reeblog.jekyll.settings import Settings
from tests.conftest import SEED_NAME, BuiltSite

__all__ = [
    "GOOD_POST",
    "GOOD_POST_URL",
    "SEED_PNG",
    "THEMES",
    "assert_no_traceback",
    "json_ld_scripts",
    "meta_values",
    "page_soup",
    "plugin_messages",
    "post_header",
    "post_text",
    "resolve_link",
    "seed_docs",
    "select_one",
    "texts",
]

THEMES = ("mkdocs", "material")
"""The themes every page test runs with."""

GOOD_POST = "_posts/2024-01-01-good.md"
"""A post that always builds, next to the broken ones."""
GOOD_POST_URL = "2024/01/01/good.html"

PLUGIN_PREFIX = "mkdocs_reeblog: "
"""What MkDocs' plugin logger puts before each message of the plugin."""


def post_text(
    front_matter: str | None, body: str = "Some text.\n", *, blank_line: bool = True
) -> str:
    """A post: `front_matter` (YAML lines, or None for no front matter) and a body, after a
    blank line unless `blank_line` is false (the body then starts right after the `---`)."""
    if front_matter is None:
        return body
    block = front_matter if front_matter.endswith("\n") or not front_matter else front_matter + "\n"
    return f"---\n{block}---\n" + ("\n" if blank_line else "") + body


def page_soup(site: BuiltSite, path: str) -> BeautifulSoup:
    """The built page at `path` (relative to the site folder), parsed."""
    return BeautifulSoup(site.read(path), "html.parser")


def select_one(root: BeautifulSoup | Tag, selector: str) -> Tag:
    """The single element matching `selector`; fails when there are none or several."""
    found = root.select(selector)
    assert len(found) == 1, f"expected one {selector!r}, found {len(found)}"
    return found[0]


def post_header(soup: BeautifulSoup) -> Tag:
    """The `<header class="reeblog-post-header">` of a post page (exactly one)."""
    return select_one(soup, "header.reeblog-post-header")


def texts(root: BeautifulSoup | Tag, selector: str) -> list[str]:
    """The text of every element matching `selector`, stripped, in document order."""
    return [element.get_text().strip() for element in root.select(selector)]


def resolve_link(page: str, href: str) -> str:
    """Where a relative `href` found in the built file `page` points, relative to the site."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), href))


def plugin_messages(site: BuiltSite, level: int) -> list[str]:
    """What the plugin logged at exactly `level`, without the logger's `mkdocs_reeblog: `."""
    return [
        record.getMessage().removeprefix(PLUGIN_PREFIX)
        for record in site.records
        if record.levelno == level and "reeblog" in record.name
    ]


def assert_no_traceback(site: BuiltSite) -> None:
    """No record of the build carries a Python traceback: problems are told, not dumped."""
    for record in site.records:
        assert record.exc_info is None, f"a traceback was logged: {record.getMessage()}"
    for message in site.messages(logging.NOTSET):
        assert "Traceback" not in message, message


def blog_index(posts: Mapping[str, str], *, use_directory_urls: bool = True) -> BlogIndex:
    """The index of `posts` (`_posts/...` source path -> file text) as the plugin builds it.

    For the unit tests of the modules that work on a `BlogIndex` (taxonomy, listings).
    """
    settings = Settings()
    read = []
    for src_uri, text in posts.items():
        source = find_post_source(src_uri)
        assert isinstance(source, PostSource), f"{src_uri} is not a post path: {source}"
        read.append(read_post(source, src_uri, text, settings))
    index, problems = build_index(read, taken={}, use_directory_urls=use_directory_urls)
    assert not problems, problems
    return index


def terms_post(date: str, tags: Sequence[str] = (), categories: Sequence[str] = ()) -> str:
    """The text of a post dated `date` (`2024-01-31 10:00`) with these tags and categories."""
    return post_text(f"date: {date}\ntags: {_flow(tags)}\ncategories: {_flow(categories)}")


def _flow(names: Sequence[str]) -> str:
    """A YAML flow list of `names`, each quoted (JSON is YAML; emoji kept as they are)."""
    return json.dumps(list(names), ensure_ascii=False)


def link_target(site: BuiltSite, page: str, href: str, *, unescape: bool = False) -> str:
    """The built file a relative `href` of `page` opens (a folder's `index.html`), or fails.

    The query and fragment are ignored; the file must exist inside the site folder. With
    `unescape`, a percent-encoded href (`caf%C3%A9/`) is decoded first, as a browser does.
    """
    path = href.split("#", 1)[0].split("?", 1)[0]
    path = unquote(path) if unescape else path
    assert "://" not in path and not path.startswith("/"), f"{page}: not a relative link: {href}"
    target = resolve_link(page, path) if path else page
    if (site.site / target).is_dir():
        target = posixpath.normpath(posixpath.join(target, "index.html"))
    assert not target.startswith("../"), f"{page}: {href} leaves the site"
    assert (site.site / target).is_file(), f"{page}: {href} -> {target}, which does not exist"
    return target


def href_file(site: BuiltSite, page: str, href: str) -> str:
    """`link_target` of a percent-encoded href: the built file a browser opens."""
    return link_target(site, page, href, unescape=True)


def listing_files(site: BuiltSite, first: str) -> list[str]:
    """The files of the listing that starts at `first`, following its "Older posts" links."""
    files = [first]
    while True:
        older = page_soup(site, files[-1]).select("a.reeblog-older")
        if not older:
            return files
        assert len(older) == 1, f"{files[-1]}: {len(older)} 'older' links"
        following = href_file(site, files[-1], str(older[0]["href"]))
        assert following not in files, f"{first}: the pagination loops at {following}"
        files.append(following)


def listed_posts(site: BuiltSite, first: str) -> list[str]:
    """The post files that the cards of a whole (paginated) listing link to, in order."""
    return [
        href_file(site, page, str(link["href"]))
        for page in listing_files(site, first)
        for link in page_soup(site, page).select("article.reeblog-card .reeblog-card-title a")
    ]


SEED_PNG = "assets/images/Japans_Approach_to_Rare_Earth_Elements.png"
"""Where the seed article's banner picture is, relative to `docs` and to the site."""


def seed_docs(seed_text: str) -> dict[str, str | bytes]:
    """The seed article, its banner picture (not really a PNG) and a home page, as `docs`."""
    return {
        f"_posts/{SEED_NAME}": seed_text,
        SEED_PNG: b"\x89PNG\r\n\x1a\n not really a picture",
        "index.md": "# Home\n",
    }


def meta_values(root: BeautifulSoup | Tag, key: str) -> list[str]:
    """The `content` of every `<meta>` whose `property`, `name` or `http-equiv` is `key`, in
    document order, as the browser reads them (entities decoded)."""
    return [
        str(meta.get("content", ""))
        for meta in root.find_all("meta")
        if key in (meta.get("property"), meta.get("name"), meta.get("http-equiv"))
    ]


def json_ld_scripts(root: BeautifulSoup | Tag) -> list[str]:
    """The raw text of every `<script type="application/ld+json">`, in document order."""
    return [script.get_text() for script in root.select('script[type="application/ld+json"]')]
