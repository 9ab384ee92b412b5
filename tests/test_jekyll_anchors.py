"""Differential tests of heading ids: every post's headings get the ids kramdown gives them.

Old links such as `/2025/05/04/post.html#introduction-1` must keep working, so the plugin gives
headings kramdown's GitHub-style ids (`-1`, `-2` for repeated headings), made by its kramdown
renderer (`jekyll/kramdown/headings.py`). For every post of the four corpora, of the blogs of
tests/data/blogs, the seed article and a post of tricky headings written here, the ordered list
of `id`s of the h1-h6 of Jekyll's post content (`<div class="post-content">`, or the whole file
for a post whose layout the oracle lacks) is compared with the one of the plugin's post page
(what follows `.reeblog-post-header`, up to the theme's footer; the header's own h1 is not
content).

Posts whose ids differ are listed below with the reason, each an expected failure that must keep
failing (`strict`): a fix makes it pass and the entry must go.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import SEED, SEED_NAME, require_command
from tests.jekyll_oracle import (
    Case,
    CaseBuilder,
    CaseResult,
    case_builder,
    output_file,
    real_blog_cases,
)

pytestmark = pytest.mark.jekyll

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
THEME_FOOTER = "col-md-12"
"""The class of the footer that ends the content of the `mkdocs` theme's pages."""

SEED_POST = f"_posts/{SEED_NAME}"
TRICKY_POST = "_posts/2025-05-05-tricky-headings.md"

BUG_MARKDOWN_DIV = (
    'BUG: mkdocs_reeblog/jekyll/kramdown: a heading inside `<div class="notice" '
    'markdown="1">` (Minimal Mistakes\' notices) gets an id from kramdown, none from the plugin'
)

# (Markdown of one heading, why the plugin's id differs from kramdown's or None).
TRICKY: tuple[tuple[str, str | None], ...] = (
    ("## Rare Earths & Magnets", None),
    ("## C++ / C# — “Quotes”", None),
    ("## Café Über Straße", None),
    ("## 日本の戦略", None),
    ("## 2010 Supply Shock", None),
    ("## Introduction", None),
    ("### Introduction", None),
    ("## Introduction", None),
    ("## Explicit anchor {#explicit-id}", None),
    ("## Using `mkdocs build` with [Jekyll](https://jekyllrb.com/)", None),
    ("## Launch 🚀 Day", None),
    ("Setext heading\n==============", None),
    ("#### Wait ... what?", None),
    ("## 🚀", None),
    ("## Double  space", None),
    ("## No\u00a0break space", None),
    ("## Before -- after", None),
    ("## Em --- dash", None),
)


def _tricky_post() -> str:
    body = "\n\n".join(f"{heading}\n\nSome text." for heading, _ in TRICKY)
    return f"---\nlayout: post\ntitle: Tricky headings\ntags: [anchors]\n---\n\n{body}\n"


def _anchors_case() -> Case:
    files = {SEED_POST: SEED.read_bytes(), TRICKY_POST: _tricky_post().encode("utf-8")}
    return Case("anchors", files)


CASES: dict[str, Callable[[], Case]] = {**real_blog_cases(), "anchors": _anchors_case}

# Posts left out of the comparison: their headings do not come from their Markdown.
EXCLUDED = {
    ("corpus:huxpro", "_posts/2017-07-12-upgrading-eleme-to-pwa.markdown"): (
        "Liquid: the body is `{% include %}` of files in `_includes/` piped to `markdownify`; "
        "the MkDocs build has the posts only"
    ),
}

# Posts whose ids differ, by (case, path): why.
KNOWN: dict[tuple[str, str], str] = {
    ("blog:pyopensci", "_posts/events/2026-03-03-course-python-packaging-gen-ai.md"): (
        BUG_MARKDOWN_DIV
    ),
}


@pytest.fixture(scope="session")
def anchors_oracle(tmp_path_factory: pytest.TempPathFactory) -> CaseBuilder:
    """The cases of this module, each built once per session (shared with other modules)."""
    return case_builder(CASES, tmp_path_factory)


def _ids(headings: list[Tag]) -> list[str | None]:
    return [str(h["id"]) if h.has_attr("id") else None for h in headings]


def jekyll_heading_ids(result: CaseResult, path: str) -> list[str | None]:
    """The ids of the headings of a post's content in Jekyll's build (None: no id)."""
    url = result.jekyll[path].url
    soup = BeautifulSoup((result.jekyll_site / output_file(url)).read_text("utf-8"), "html.parser")
    content = soup.select_one("div.post-content")
    # In document order: a post's stray `</div>` cannot hide its later headings.
    return _ids(soup.find_all(HEADINGS) if content is None else content.find_all_next(HEADINGS))


def our_heading_ids(result: CaseResult, path: str) -> list[str | None]:
    """The ids of the headings of a post's content in the MkDocs build (None: no id)."""
    url = result.mkdocs_posts[path].url
    page = (result.mkdocs_site / output_file(url)).read_text("utf-8")
    soup = BeautifulSoup(page, "html.parser")
    headers = soup.select("header.reeblog-post-header")
    assert len(headers) == 1, f"{path}: {len(headers)} post headers"
    headings = []
    for element in headers[0].find_all_next(True):
        if element.name == "footer" and THEME_FOOTER in element.get_attribute_list("class"):
            break
        if element.name in HEADINGS and headers[0] not in element.parents:
            headings.append(element)
    return _ids(headings)


def compared_posts(result: CaseResult, name: str) -> list[str]:
    """The posts both builds publish, the excluded and the known differences left out."""
    return [
        path
        for path in result.jekyll
        if path in result.mkdocs_posts and (name, path) not in EXCLUDED | KNOWN.keys()
    ]


@pytest.mark.parametrize("name", [name for name in CASES if name != "anchors"])
def test_corpus_heading_ids_are_kramdowns(anchors_oracle: CaseBuilder, name: str) -> None:
    require_command("jekyll", "Jekyll oracle")
    result = anchors_oracle(name)
    posts = compared_posts(result, name)
    mismatches = {}
    headings = 0
    for path in posts:
        jekyll = jekyll_heading_ids(result, path)
        ours = our_heading_ids(result, path)
        headings += len(jekyll)
        if ours != jekyll:
            mismatches[path] = (ours, jekyll)
    assert len(posts) >= 10 and headings >= 30, "too little compared"
    assert mismatches == {}, "(plugin, Jekyll) per post"


@pytest.mark.parametrize(
    ("name", "path"),
    [
        pytest.param(name, path, marks=pytest.mark.xfail(reason=reason, strict=True))
        for (name, path), reason in sorted(KNOWN.items())
    ],
)
def test_known_heading_id_differences(anchors_oracle: CaseBuilder, name: str, path: str) -> None:
    """Each known difference, compared in full (fails until the bug is fixed)."""
    require_command("jekyll", "Jekyll oracle")
    result = anchors_oracle(name)
    assert our_heading_ids(result, path) == jekyll_heading_ids(result, path)


@pytest.mark.parametrize(("name", "path"), sorted(EXCLUDED))
def test_excluded_posts_still_use_liquid(anchors_oracle: CaseBuilder, name: str, path: str) -> None:
    """An exclusion holds while its post's body is Liquid, and Jekyll does give it headings."""
    require_command("jekyll", "Jekyll oracle")
    result = anchors_oracle(name)
    assert b"{% include" in result.case.files[path]
    assert jekyll_heading_ids(result, path)


def test_seed_heading_ids_are_kramdowns(anchors_oracle: CaseBuilder) -> None:
    require_command("jekyll", "Jekyll oracle")
    result = anchors_oracle("anchors")
    jekyll = jekyll_heading_ids(result, SEED_POST)
    assert "introduction" in jekyll
    assert our_heading_ids(result, SEED_POST) == jekyll


def test_tricky_post_has_every_heading(anchors_oracle: CaseBuilder) -> None:
    """Both builds see the same headings (so that they can be compared one by one)."""
    require_command("jekyll", "Jekyll oracle")
    result = anchors_oracle("anchors")
    assert len(jekyll_heading_ids(result, TRICKY_POST)) == len(TRICKY)
    assert len(our_heading_ids(result, TRICKY_POST)) == len(TRICKY)


@pytest.mark.parametrize(
    "number",
    [
        pytest.param(
            number,
            id=heading.splitlines()[0],
            marks=[pytest.mark.xfail(reason=reason, strict=True)] if reason else [],
        )
        for number, (heading, reason) in enumerate(TRICKY)
    ],
)
def test_tricky_heading_id_is_kramdowns(anchors_oracle: CaseBuilder, number: int) -> None:
    require_command("jekyll", "Jekyll oracle")
    result = anchors_oracle("anchors")
    jekyll = jekyll_heading_ids(result, TRICKY_POST)
    ours = our_heading_ids(result, TRICKY_POST)
    assert len(ours) == len(jekyll) == len(TRICKY)
    assert ours[number] == jekyll[number]
