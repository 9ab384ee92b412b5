"""Differential tests: the plugin gives every post exactly what real Jekyll gives it.

Each case (a real corpus of tests/data/corpora, a real blog of tests/data/blogs, or the edge
cases of tests/data/edge_cases under several time zones and permalink styles) is built once per
session with real Jekyll, with the package's pure API and with a real MkDocs build (see
`tests/jekyll_oracle.py`); every post is then compared by source path: URL, date, slug, title,
categories, tags and id, and the file MkDocs writes must be the one Jekyll writes.

Where the plugin differs from Jekyll on purpose, the general comparison leaves the post out and a
test of its own asserts the plugin's documented behaviour instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import yaml

from mkdocs_reeblog.jekyll.posts import PostSource
from tests.conftest import require_command
from tests.jekyll_oracle import (
    EDGE_CASES,
    Case,
    CaseResult,
    blog_cases,
    case_builder,
    corpus_case,
    folder_files,
    jekyll_facts,
    jekyll_text,
    our_facts,
    output_file,
)

pytestmark = pytest.mark.jekyll

CORPORA = ("18f", "galena", "huxpro", "jekyll-docs")
ZONES = ("UTC", "Asia/Tokyo", "America/New_York")
PERMALINK_STYLES = (
    "date",
    "pretty",
    "ordinal",
    "weekdate",
    "none",
    "/blog/:year/:month/:title/",
    "/:year/:i_month/:i_day/:slug.html",
    "/:short_year/:short_month/:long_month/:y_day/:w_year-W:week-:w_day/:hour:minute:second/:title/",
    "/:year/:month/:day/:title",
    "/:slugified_categories/:name:output_ext",
    "/:categories/:path/",
    "/:collection/:title_:slug/",
)


def _edge_case(name: str, folder: str, **config: Any) -> Case:
    return Case(name, folder_files(EDGE_CASES / folder), config)


def _configured_edge_case(folder: str) -> Case:
    """A folder of edge cases built with the settings of its own `_config.yml`."""
    config = yaml.safe_load((EDGE_CASES / folder / "_config.yml").read_text(encoding="utf-8"))
    return _edge_case(folder, folder, **config)


CASES: dict[str, Callable[[], Case]] = {
    **{f"corpus:{name}": partial(corpus_case, name) for name in CORPORA},
    **blog_cases(),
    **{f"edge:{zone}": partial(_edge_case, zone, "posts", timezone=zone) for zone in ZONES},
    **{
        f"permalink:{style}": partial(
            _edge_case,
            style,
            "permalinks",
            permalink=style,
            timezone="Europe/Madrid",
            baseurl="/blog",
            excerpt_separator="<!--more-->",
        )
        for style in PERMALINK_STYLES
    },
    "defaults": partial(_configured_edge_case, "defaults"),
}

# Deliberate differences (each has a test below), left out of the general comparison.
BROKEN_YAML = {
    ("corpus:galena", "_posts/2025-03-11-Analyzing_Letovicite.md", 9),
    *((f"edge:{zone}", "_posts/2017-07-10-bad-yaml.md", 2) for zone in ZONES),
}
NOT_MARKDOWN = {
    ("corpus:galena", "_posts/2025-02-17-The-Timeless-Allure-of-Sapphires.dm"),
    ("edge:UTC", "_posts/2021-02-04-The-Timeless-Allure-of-Sapphires.dm"),
}
NON_STRING_CATEGORIES = (
    "_posts/2021-05-09-numeric-categories.md",
    "_posts/2021-03-10-yaml-booleans.md",
)
QUESTION_MARK = "_posts/2021-05-06-odd-characters.md"
LEFT_OUT = {path for _, path, _ in BROKEN_YAML} | {path for _, path in NOT_MARKDOWN}
DIFFERENT = LEFT_OUT | {*NON_STRING_CATEGORIES, QUESTION_MARK}

# Deliberate difference of the real build: a file with old Mac (lone CR) line endings has its
# front matter read (MkDocs reads such files with universal newlines too); Jekyll sees no
# front matter in it and shows the YAML as text. Compared apart, below.
CR_ONLY = "_posts/2021-02-18-cr-only.md"
PLUGIN_BUGS = {CR_ONLY}

Oracle = Callable[[str], CaseResult]


@pytest.fixture(scope="session")
def oracle(tmp_path_factory: pytest.TempPathFactory) -> Oracle:
    """Builds a case on first use (Jekyll, pure API, MkDocs), shared with the other modules."""
    return case_builder(CASES, tmp_path_factory)


def _differences(ours: dict[str, Any], jekyll: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {key: (ours[key], jekyll[key]) for key in jekyll if ours[key] != jekyll[key]}


@pytest.mark.parametrize("name", CASES)
def test_every_post_gets_what_jekyll_gives_it(oracle: Oracle, name: str) -> None:
    require_command("jekyll", "Jekyll oracle")
    result = oracle(name)
    jekyll = {path: post for path, post in result.jekyll.items() if path not in DIFFERENT}
    ours = {path: post for path, post in result.published().items() if path not in DIFFERENT}
    assert jekyll, f"Jekyll published no post of {name}"
    assert sorted(ours) == sorted(jekyll)
    mismatches = {
        path: diff
        for path, post in jekyll.items()
        if (diff := _differences(our_facts(ours[path]), jekyll_facts(post)))
    }
    assert mismatches == {}, "(plugin, Jekyll) per differing field"


@pytest.mark.parametrize("name", CASES)
def test_mkdocs_writes_every_post_where_jekyll_does(oracle: Oracle, name: str) -> None:
    require_command("jekyll", "Jekyll oracle")
    result = oracle(name)
    in_build = {
        p: our_facts(post) for p, post in result.mkdocs_posts.items() if p not in PLUGIN_BUGS
    }
    pure = {p: our_facts(post) for p, post in result.published().items() if p not in PLUGIN_BUGS}
    assert in_build == pure
    missing = []
    for path, post in result.jekyll.items():
        target = output_file(post.url)
        assert (result.jekyll_site / target).is_file(), f"the harness misreads Jekyll: {target}"
        if path not in LEFT_OUT and not (result.mkdocs_site / target).is_file():
            missing.append(target)
    assert missing == []
    # What neither publishes is written by neither.
    for path, our in result.ours.items():
        if our.post is not None and not our.post.published:
            assert path not in result.jekyll
            assert not (result.mkdocs_site / output_file(our.post.url)).exists()


@pytest.mark.parametrize(("name", "path", "line"), sorted(BROKEN_YAML))
def test_broken_yaml_post_is_left_out_with_its_line(
    oracle: Oracle, name: str, path: str, line: int
) -> None:
    """Deliberate: Jekyll logs the YAML error and still publishes the post with no front matter,
    dated at build time and named after the whole file; the plugin leaves it out and warns
    `path:LINE: ...` (a post at a URL that changes every day helps no one)."""
    require_command("jekyll", "Jekyll oracle")
    result = oracle(name)
    jekyll = result.jekyll[path]
    assert jekyll.title is None
    assert jekyll.url.endswith(f"/{PurePosixPath(path).stem}.html")
    assert path not in result.published()
    assert path not in result.mkdocs_posts
    error = result.ours[path].error
    assert error is not None and error.line == line
    prefix = f"docs/{path}:{line}: the front matter is not valid YAML"
    assert [m for m in result.log_messages(logging.WARNING) if prefix in m]


@pytest.mark.parametrize(("name", "path"), sorted(NOT_MARKDOWN))
def test_non_markdown_post_is_left_out(oracle: Oracle, name: str, path: str) -> None:
    """Deliberate: Jekyll copies a post with an unknown extension (`.dm`) unconverted to a URL
    ending in `.dm`; the plugin converts Markdown posts only and says so."""
    require_command("jekyll", "Jekyll oracle")
    result = oracle(name)
    url = result.jekyll[path].url
    assert url.endswith(".dm")
    assert (result.jekyll_site / output_file(url)).is_file()
    source = result.ours[path].source
    assert isinstance(source, PostSource)
    assert not source.is_markdown
    assert path not in result.published()
    assert not (result.mkdocs_site / output_file(url)).exists()
    assert [m for m in result.log_messages() if f"docs/{path}: left out" in m]


@pytest.mark.parametrize("path", NON_STRING_CATEGORIES)
def test_non_string_categories_are_listed_once_as_text(oracle: Oracle, path: str) -> None:
    """Deliberate: Jekyll 4.3 lists `categories: [2024, true, 3.5]` twice, as the YAML values and
    as text (`[2024, true, 3.5, "2024", "true", "3.5"]`); the plugin lists each once, as text.
    Everything else, the URL included, agrees."""
    require_command("jekyll", "Jekyll oracle")
    result = oracle("edge:UTC")
    jekyll, ours = jekyll_facts(result.jekyll[path]), our_facts(result.published()[path])
    assert any(not isinstance(c, str) for c in result.jekyll[path].categories)
    assert ours["categories"] == list(dict.fromkeys(jekyll["categories"]))
    assert ours["categories"] != jekyll["categories"]
    assert _differences(ours, jekyll).keys() == {"categories"}


def test_question_mark_in_a_url_is_escaped(oracle: Oracle) -> None:
    """Deliberate (see the report): Jekyll's `URL.escape_path` (`Addressable::URI.encode`) keeps a
    `?` of a category, so its link `/.../a?b/...` asks a server for `/.../a` with a query; the
    plugin writes `%3F`, a link that reaches the very file Jekyll writes."""
    require_command("jekyll", "Jekyll oracle")
    result = oracle("edge:UTC")
    jekyll, ours = result.jekyll[QUESTION_MARK], result.published()[QUESTION_MARK]
    assert "/a?b/" in jekyll.url
    assert ours.url == jekyll.url.replace("?", "%3F")
    assert output_file(ours.url) == output_file(jekyll.url)
    assert (result.mkdocs_site / output_file(jekyll.url)).is_file()
    diff = _differences(our_facts(ours), jekyll_facts(jekyll))
    assert diff.keys() == {"url", "id"}


def test_cr_only_post_has_its_front_matter_read_in_a_real_build(oracle: Oracle) -> None:
    require_command("jekyll", "Jekyll oracle")
    result = oracle("edge:UTC")
    assert jekyll_text(result.jekyll[CR_ONLY].title) == "Cr Only"
    ours = result.mkdocs_posts[CR_ONLY]
    assert ours.title == "Old Mac line endings"
    assert ours.url == result.jekyll[CR_ONLY].url


def test_edge_cases_cover_every_rule(oracle: Oracle) -> None:
    """The edge-case site exercises what it claims (a guard against an emptied folder): Jekyll
    publishes dozens of its posts, skips the non-posts and hides the unpublished ones."""
    require_command("jekyll", "Jekyll oracle")
    result = oracle("edge:UTC")
    skipped = {path for path, our in result.ours.items() if isinstance(our.source, str)}
    hidden = {
        p for p, our in result.ours.items() if our.post is not None and not our.post.published
    }
    assert len(result.jekyll) >= 75
    assert skipped == {
        "_posts/notes-without-date.md",
        "_posts/_skipped/2021-03-18-first-folder-underscore.md",
        "_posts/#2021-03-21-hash.md",
        "_posts/~2021-03-22-tilde.md",
        "_posts/2021-03-20-backup.md~",
        "_posts/.2021-03-25-dotfile.md",
        "_posts/sub/.dotdir/2021-03-26-in-dot-folder.md",
    }
    assert hidden == {
        "_posts/2021-07-02-published-false.md",
        "_posts/2021-07-03-published-no.md",
        "_posts/2021-07-05-published-null.md",
    }
    assert skipped.isdisjoint(result.jekyll)
    assert Path(result.jekyll_site, "urls.json").is_file()


def test_defaults_case_exercises_its_rules(oracle: Oracle) -> None:
    """The `defaults` edge case gives its posts what its sets say (a guard against a case
    whose defaults no longer apply): text prefixes, globs, precedence, `published`."""
    require_command("jekyll", "Jekyll oracle")
    urls = {path: post.url for path, post in oracle("defaults").jekyll.items()}
    assert urls["_posts/2020-01-01-plain.md"] == "/posts/plain/"
    assert urls["_posts/2021-02-02-in-2021.md"] == "/y2021/in-2021/"
    assert urls["_posts/2022-04-04-null-permalink.md"] == "/longer/2022/null-permalink/"
    assert urls["_posts/deeper/2022-05-05-globbed.md"] == "/globbed/globbed/"
    assert urls["_posts/sub/2022-08-08-typed-later.md"] == "/typed/typed-later/"
    assert "_posts/2022-06-06-unpublished-by-default.md" not in urls
