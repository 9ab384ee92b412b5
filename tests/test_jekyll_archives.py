"""Differential tests of the archive pages: tags, categories and years, against jekyll-archives.

Real Jekyll builds each case with jekyll-archives (`enabled: all`); the harness lists every
archive page it generates (`_site/archives.json`, those another page overwrites included). The
plugin's tag, category and year pages are read from the real MkDocs build: one listing of
`.reeblog-card`s per page, followed through its `page2/`, `page3/`... pages.

jekyll-archives writes one page per exact spelling, so spellings that slugify alike collide on one
URL and only one keeps its posts. The plugin is expected to differ there, on purpose:

* spellings that differ only in case, spaces or `- _ .` (`Mining`, `mining`) are one page that
  lists the posts of all of them (with a warning);
* different names with one slug (`C#`, `c`; `Gemstones`, `Gemstones,`) get distinct URLs: the
  slug for one, `SLUG-2`, `SLUG-3`... for the others (with a warning);
* jekyll-archives 2.2.1 gives a name that is not a string (`2024`, `false`) the slug nil and
  one with no letters or digits (`..`, an emoji alone) the empty slug: all write the bare
  `/category/`. The plugin lists such a name as text (`2024`) and gives an empty slug a stand-in
  (`x-` and 8 hex digits).

Everything else must be identical: the page URLs and each page's posts, newest first. Month and
day archives have no counterpart in the plugin.
"""

from __future__ import annotations

import logging
import posixpath
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import require_command
from tests.jekyll_oracle import (
    CaseBuilder,
    CaseResult,
    JekyllArchive,
    case_builder,
    edge_case,
    jekyll_archives,
    jekyll_text,
    output_file,
    real_blog_cases,
)

pytestmark = pytest.mark.jekyll

CASES = {**real_blog_cases(), "edge:UTC": lambda: edge_case("UTC", "posts", timezone="UTC")}
KINDS = ("tag", "category", "year")
TERM_KINDS = ("tag", "category")


@pytest.fixture(scope="session")
def archives_oracle(tmp_path_factory: pytest.TempPathFactory) -> CaseBuilder:
    """The cases of this module, each built once per session (shared with other modules)."""
    return case_builder(CASES, tmp_path_factory)


def site_path(url: str) -> str:
    """A site URL (`/tag/c%23/`) as the path it names, relative to the site (`tag/c#`)."""
    return posixpath.normpath(unquote(url).lstrip("/"))


# ---------------------------------------------------------------- the plugin's listing pages


@dataclass(frozen=True)
class OurListing:
    """A tag, category or year listing of the MkDocs build, all its pages put together."""

    kind: str
    name: str
    """What the heading names: `Tag: Mining` -> `Mining`."""
    folder: str
    """Its first page's folder, relative to the site (`tag/mining`)."""
    posts: tuple[str, ...]
    """The files of the posts its cards link to, in order (as `output_file` names them)."""
    total: int
    """The count the page shows."""


def _listing_kind(section: Tag) -> str:
    kinds = [c.removeprefix("reeblog-listing-") for c in section.get_attribute_list("class")]
    return next(k for k in kinds if k in KINDS)


def _resolve(page: str, href: str) -> str:
    """The site path of a relative `href` found in the built file `page`."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(href)))


def _post_file(site: Path, page: str, href: str) -> str:
    """The file a card's link in `page` opens (a folder's `index.html`), relative to the site."""
    target = _resolve(page, href)
    if (site / target).is_dir():
        target = posixpath.join(target, "index.html")
    assert (site / target).is_file(), f"{page}: {href} leads nowhere"
    return target


def _listing_pages(site: Path) -> dict[str, BeautifulSoup]:
    """Every tag, category and year listing page of the MkDocs build, by site path."""
    pages = {}
    for path in site.rglob("index.html"):
        text = path.read_text(encoding="utf-8")
        if not re.search(r"reeblog-listing-(?:tag|category|year)\b", text):
            continue
        pages[path.relative_to(site).as_posix()] = BeautifulSoup(text, "html.parser")
    return pages


def _next_page(page: str, soup: BeautifulSoup) -> str | None:
    older = soup.select_one("nav.reeblog-pagination a[rel=next]")
    if older is None:
        return None
    return posixpath.join(_resolve(page, str(older["href"])), "index.html")


def our_listings(site: Path) -> list[OurListing]:
    """The plugin's tag, category and year listings, each followed through its pages."""
    pages = _listing_pages(site)
    later = {nxt for page, soup in pages.items() if (nxt := _next_page(page, soup)) is not None}
    assert later <= pages.keys(), f"pagination links lead nowhere: {later - pages.keys()}"
    listings = []
    for first in sorted(pages.keys() - later):
        soup = pages[first]
        section = soup.select_one("section.reeblog-listing")
        assert section is not None, first
        heading = section.select_one(".reeblog-listing-title")
        count = section.select_one(".reeblog-listing-count")
        assert heading is not None and count is not None, first
        posts: list[str] = []
        page: str | None = first
        while page is not None:
            posts += [
                _post_file(site, page, str(a["href"]))
                for a in pages[page].select(
                    ".reeblog-card .reeblog-card-title a, .reeblog-archive-entry a"
                )
            ]
            page = _next_page(page, pages[page])
        listings.append(
            OurListing(
                kind=_listing_kind(section),
                name=heading.get_text().strip().split(": ", 1)[1],
                folder=posixpath.dirname(first),
                posts=tuple(posts),
                total=int(count.get_text().split()[0]),
            )
        )
    return listings


# ---------------------------------------------------------------- what the plugin should write


def merge_key(name: str) -> str:
    """The plugin's documented rule: spellings that differ only in case, whitespace or the
    separators `- _ .` are one tag (or category)."""
    return re.sub(r"[\s\-_.]+", "", unicodedata.normalize("NFKC", name).casefold())


@dataclass(frozen=True)
class Expected:
    """One page the plugin should write for a tag or category: the spellings it stands for."""

    archives: tuple[JekyllArchive, ...]
    """jekyll-archives' pages of these spellings (one per spelling)."""
    posts: tuple[str, ...]
    """The files of the posts of all spellings, newest first."""

    @property
    def names(self) -> set[str]:
        return {jekyll_text(a.name) for a in self.archives}

    @property
    def jekyll_folders(self) -> set[str]:
        """Where Jekyll writes its spellings' pages (names with a nil or empty slug aside)."""
        return {site_path(a.url) for a in self.archives if has_jekyll_slug(a)}


def has_jekyll_slug(archive: JekyllArchive) -> bool:
    """False for the pages jekyll-archives writes at the bare `/tag/`, `/category/`: names
    that are not strings (slug nil) or slugify to nothing."""
    return isinstance(archive.title, str) and site_path(archive.url) != archive.type


def left_out(result: CaseResult) -> set[str]:
    """The files of the posts Jekyll publishes and the plugin leaves out on purpose (broken
    YAML, not Markdown: the differential tests check which)."""
    return {
        output_file(p.url) for path, p in result.jekyll.items() if path not in result.mkdocs_posts
    }


def in_site_order(result: CaseResult, posts: Iterable[str]) -> tuple[str, ...]:
    """`posts` (output files) newest first, as Jekyll orders `site.posts`, without repeats."""
    order = {output_file(p.url): i for i, p in enumerate(result.jekyll.values())}
    return tuple(sorted(set(posts), key=order.__getitem__))


def expected_pages(result: CaseResult, kind: str) -> list[Expected]:
    """The plugin's pages of `kind`, computed from jekyll-archives' pages: one per group of
    spellings, listing the posts of them all (minus the posts the plugin leaves out)."""
    skipped = left_out(result)
    groups: dict[str, list[JekyllArchive]] = {}
    for archive in jekyll_archives(result):
        if archive.type == kind:
            groups.setdefault(merge_key(jekyll_text(archive.name)), []).append(archive)
    pages = []
    for archives in groups.values():
        posts = {output_file(url) for a in archives for url in a.posts} - skipped
        if posts:
            pages.append(Expected(tuple(archives), in_site_order(result, posts)))
    return pages


def _find(listings: list[OurListing], expected: Expected) -> OurListing:
    found = [
        lst for lst in listings if merge_key(lst.name) == merge_key(next(iter(expected.names)))
    ]
    assert len(found) == 1, f"{sorted(expected.names)}: {len(found)} pages"
    return found[0]


def _shares_url(expected: Expected, others: list[Expected]) -> bool:
    return any(o is not expected and o.jekyll_folders & expected.jekyll_folders for o in others)


# ---------------------------------------------------------------- tests


@pytest.mark.parametrize("kind", TERM_KINDS)
@pytest.mark.parametrize("name", CASES)
def test_term_pages_match_jekyll_archives(
    archives_oracle: CaseBuilder, name: str, kind: str
) -> None:
    """One page per tag (category), at jekyll-archives' URL, listing its posts newest first;
    spellings that collide in Jekyll are merged, or get distinct URLs, as the module says."""
    require_command("jekyll", "Jekyll oracle")
    result = archives_oracle(name)
    expected = expected_pages(result, kind)
    ours = [lst for lst in our_listings(result.mkdocs_site) if lst.kind == kind]
    assert sorted(merge_key(lst.name) for lst in ours) == sorted(
        merge_key(next(iter(e.names))) for e in expected
    ), "one page per group of spellings, and no other"
    wrong: dict[str, object] = {}
    for page in expected:
        listing = _find(ours, page)
        label = "/".join(sorted(page.names))
        if listing.posts != page.posts or listing.total != len(page.posts):
            wrong[label] = ("posts", listing.posts, page.posts)
        folders = page.jekyll_folders
        if not folders:
            continue  # Jekyll's URL is the bare /tag/ or /category/: see the tests below
        if _shares_url(page, expected):
            bases = {re.sub(r"-[0-9]+$", "", listing.folder), listing.folder}
            if not bases & folders:
                wrong[label] = ("url", listing.folder, folders)
        elif listing.folder not in folders:
            wrong[label] = ("url", listing.folder, folders)
    assert wrong == {}, "(what, plugin, Jekyll) per differing page"


@pytest.mark.parametrize("name", CASES)
def test_year_pages_match_jekyll_archives(archives_oracle: CaseBuilder, name: str) -> None:
    require_command("jekyll", "Jekyll oracle")
    result = archives_oracle(name)
    skipped = left_out(result)
    jekyll = {
        site_path(a.url): tuple(p for p in map(output_file, a.posts) if p not in skipped)
        for a in jekyll_archives(result)
        if a.type == "year"
    }
    jekyll = {folder: posts for folder, posts in jekyll.items() if posts}
    ours = {lst.folder: lst.posts for lst in our_listings(result.mkdocs_site) if lst.kind == "year"}
    assert jekyll, f"Jekyll wrote no year page for {name}"
    assert ours == jekyll


@pytest.mark.parametrize("name", CASES)
def test_harness_reads_jekyll_archives(archives_oracle: CaseBuilder, name: str) -> None:
    """`archives.json` agrees with the pages Jekyll wrote: each archive page on disk lists the
    posts of one of the archives generated at its URL (the last one written wins)."""
    require_command("jekyll", "Jekyll oracle")
    result = archives_oracle(name)
    by_folder: dict[str, list[list[str]]] = {}
    for archive in jekyll_archives(result):
        by_folder.setdefault(site_path(archive.url), []).append(
            list(map(output_file, archive.posts))
        )
    for folder, lists in by_folder.items():
        soup = BeautifulSoup(
            (result.jekyll_site / folder / "index.html").read_text(encoding="utf-8"),
            "html.parser",
        )
        on_disk = [output_file(str(a["href"])) for a in soup.select("ul.archive-posts li a")]
        assert on_disk in lists, folder


def _groups(result: CaseResult, kind: str) -> list[Expected]:
    return [page for page in expected_pages(result, kind) if len(page.names) > 1]


@pytest.mark.parametrize("kind", TERM_KINDS)
@pytest.mark.parametrize("name", CASES)
def test_merged_spellings_are_named_in_an_info_line(
    archives_oracle: CaseBuilder, name: str, kind: str
) -> None:
    """Every group of spellings merged into one page is named in an info line of the build,
    once, and in no warning (`mkdocs build --strict` passes where Jekyll says nothing)."""
    require_command("jekyll", "Jekyll oracle")
    result = archives_oracle(name)
    infos = [r.getMessage() for r in result.log if r.levelno == logging.INFO]
    warnings = result.log_messages(logging.WARNING)
    for page in _groups(result, kind):
        listed = ", ".join(repr(s) for s in sorted(page.names))
        assert len([m for m in infos if f"the {kind} spellings {listed} are one" in m]) == 1
        assert not [w for w in warnings if f"the {kind} spellings {listed}" in w], listed


def test_collisions_are_exercised(archives_oracle: CaseBuilder) -> None:
    """The cases hold what the comparison is about (a guard against emptied data): spellings
    Jekyll writes to one URL, merged by the plugin; different names with one slug, given
    distinct URLs; names with a nil or empty slug."""
    require_command("jekyll", "Jekyll oracle")
    edge, galena = archives_oracle("edge:UTC"), archives_oracle("corpus:galena")
    assert {"Mining", "mining"} in [p.names for p in _groups(edge, "tag")]
    assert {"Geology", "geology", "GEOLOGY"} in [p.names for p in _groups(edge, "category")]
    assert {"Mineralogy", "mineralogy"} in [p.names for p in _groups(galena, "tag")]
    folders = {
        (lst.kind, lst.name): lst.folder
        for lst in our_listings(edge.mkdocs_site) + our_listings(galena.mkdocs_site)
    }
    assert {folders["category", "c"], folders["category", "C#"]} == {"category/c", "category/c-2"}
    assert {folders["category", "Gemstones"], folders["category", "Gemstones,"]} == {
        "category/gemstones",
        "category/gemstones-2",
    }


def test_names_without_a_jekyll_slug(archives_oracle: CaseBuilder) -> None:
    """Deliberate: jekyll-archives writes the pages of `2024`, `true`, `3.5`, `false` (not
    strings) and `..` (no letter or digit) all at the bare `/category/` (or `/tag/`), each
    overwriting the last. The plugin lists such names as text, at their text's slug, and gives
    `..` a stand-in slug `x-` + 8 hex digits."""
    require_command("jekyll", "Jekyll oracle")
    result = archives_oracle("edge:UTC")
    bare = {
        (a.type, jekyll_text(a.name))
        for a in jekyll_archives(result)
        if a.type in TERM_KINDS and not has_jekyll_slug(a)
    }
    assert bare == {
        ("tag", "false"),
        ("category", "2024"),
        ("category", "true"),
        ("category", "false"),
        ("category", "3.5"),
        ("category", ".."),
    }
    folders = {(lst.kind, lst.name): lst.folder for lst in our_listings(result.mkdocs_site)}
    assert folders["tag", "false"] == "tag/false"
    assert folders["category", "3.5"] == "category/3-5"
    assert re.fullmatch(r"category/x-[0-9a-f]{8}", folders["category", ".."])
