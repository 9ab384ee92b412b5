"""The rendering differential tier: every post's body as the plugin renders it against Jekyll's.

Each case (the four corpora of tests/data/corpora and the seed article alone) is built with real
Jekyll and with real MkDocs, includes and all (`tests/jekyll_oracle.py`); every post both
publish is compared with `tests/render_report.py`: the sequence of blocks a reader sees must be
Jekyll's, and none of Jekyll's words may be missing (`tests/html_structure.py` says how).

The plugin renders posts with its kramdown renderer (issue 24). What to update when it changes:

* `KNOWN`: posts whose body differs (none today: every compared post of every case has
  Jekyll's block structure and words), each with the Markdown construct that makes it differ.
  Each is an expected failure that must keep failing (`strict`): a fix makes it pass and its
  entry must go.

Every run writes the per-post report (`rendering-report.txt`, its path printed) under the
session's tmp folder; `python -m tests.render_report CORPUS` prints the same for one case.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import SEED_NAME, require_command
from tests.jekyll_oracle import cached_build_with_includes, cached_case
from tests.render_report import RENDER_CASES, SEED_CASE, CorpusRendering, compare_corpus

pytestmark = pytest.mark.jekyll

STRUCTURE_THRESHOLD = 0.98
"""The least share of a case's compared posts that must have Jekyll's block structure."""


# Posts one build leaves out: the differential tier (test_jekyll_differential.py) compares that.
UNPUBLISHED = "`published: false`: neither build publishes it"
NOT_COMPARED: dict[tuple[str, str], str] = {
    ("corpus:galena", "_posts/2025-03-11-Analyzing_Letovicite.md"): (
        "broken YAML: the plugin reports it and leaves it out, Jekyll publishes it"
    ),
    ("corpus:galena", "_posts/2025-02-17-The-Timeless-Allure-of-Sapphires.dm"): (
        "a `.dm` file is no Markdown to the plugin; Jekyll publishes it as it is"
    ),
    ("corpus:18f", "_posts/2015-08-12-18f-consulting-is-hiring.md"): UNPUBLISHED,
    **{
        ("corpus:huxpro", src): UNPUBLISHED
        for src in (
            "_posts/cs_idols/2019-09-13-peter-john-landin.md",
            "_posts/2015-05-25-js-module-loader.markdown",
            "_posts/2019-09-08-spacemacs-workflow.md",
            "_posts/data_rep/2020-06-21-data-rep-todo.md",
            "_posts/2021-01-19-the-systematic-failure-of-higher-education-in-china.md",
            "_posts/2017-06-25-you-are-slaves.markdown",
            "_posts/2015-03-31-e2e_user_scenarios.markdown",
        )
    },
}

KNOWN: dict[tuple[str, str], str] = {}
"""Posts whose body differs from Jekyll's today, by (case, source path): why."""


@pytest.fixture(scope="session")
def rendering_report(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Path]:
    """The file where each case's per-post report is written; its path and each case's
    summary are printed at the end of the session (pytest's capture set aside)."""
    path = tmp_path_factory.mktemp("rendering") / "rendering-report.txt"
    path.write_text("", encoding="utf-8")
    yield path
    report = path.read_text(encoding="utf-8").splitlines()
    lines = [line for line in report if "have Jekyll's structure" in line]  # the summaries
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print("\n" + "\n".join([*lines, f"rendering report: {path}"]))


@pytest.fixture(scope="session")
def rendering(
    tmp_path_factory: pytest.TempPathFactory, rendering_report: Path
) -> Callable[[str], CorpusRendering]:
    """The comparison of a case, by name, made on first use and kept for the session (its
    report appended to `rendering_report`)."""
    compared: dict[str, CorpusRendering] = {}

    def get(name: str) -> CorpusRendering:
        require_command("jekyll", "Jekyll oracle")
        if name not in compared:
            result = cached_case(name, RENDER_CASES[name], tmp_path_factory)
            ours = cached_build_with_includes(name, result, tmp_path_factory)
            compared[name] = compare_corpus(name, result, ours)
            with rendering_report.open("a", encoding="utf-8") as report:
                report.write(compared[name].report() + "\n\n")
        return compared[name]

    return get


def _post_params() -> list[object]:
    """Every post file of every case, the known differences marked as expected failures."""
    params: list[object] = []
    for name, make in RENDER_CASES.items():
        for src in sorted(make().post_files()):
            if (name, src) in NOT_COMPARED:
                continue
            reason = KNOWN.get((name, src))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(name, src, marks=marks, id=f"{name}:{src}"))
    return params


@pytest.mark.parametrize(("name", "src"), _post_params())
def test_post_body_renders_jekylls_blocks_and_words(
    rendering: Callable[[str], CorpusRendering], name: str, src: str
) -> None:
    corpus = rendering(name)
    assert src in corpus.posts, f"{src}: not published by both builds ({corpus.one_side})"
    post = corpus.posts[src]
    assert post.agrees, "\n".join(post.differences())


@pytest.mark.parametrize("name", list(RENDER_CASES))
def test_most_posts_have_jekylls_structure(
    rendering: Callable[[str], CorpusRendering], name: str
) -> None:
    corpus = rendering(name)
    assert corpus.posts, f"{name}: no post compared"
    assert corpus.agreement() >= STRUCTURE_THRESHOLD, corpus.summary()


@pytest.mark.parametrize("name", list(RENDER_CASES))
def test_no_post_loses_text(rendering: Callable[[str], CorpusRendering], name: str) -> None:
    corpus = rendering(name)
    assert corpus.with_lost_text() == [], corpus.summary()


@pytest.mark.parametrize("name", list(RENDER_CASES))
def test_posts_left_out_of_the_comparison_are_listed(
    rendering: Callable[[str], CorpusRendering], name: str
) -> None:
    """`NOT_COMPARED` lists exactly the post files of a case that one build or both leave out."""
    corpus = rendering(name)
    files = set(RENDER_CASES[name]().post_files())
    assert files - set(corpus.posts) == {src for case, src in NOT_COMPARED if case == name}


def test_seed_banner_is_left_out_of_jekylls_side_only(
    rendering: Callable[[str], CorpusRendering],
) -> None:
    """The banner rule is accounted for: the seed opens with its banner picture, which the
    plugin shows in the header; Jekyll's copy of it is not compared, the rest is."""
    corpus = rendering(SEED_CASE)
    post = corpus.posts[f"_posts/{SEED_NAME}"]
    assert post.banner_left_out
    assert "img" not in post.jekyll.kinds and "img" not in post.ours.kinds
    assert post.jekyll.kinds[:2] == ("h1", "p"), post.jekyll.kinds
