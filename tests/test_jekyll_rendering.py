"""The rendering differential tier: every post's body as the plugin renders it against Jekyll's.

Each case (the four corpora of tests/data/corpora and the seed article alone) is built with real
Jekyll and with real MkDocs, includes and all (`tests/jekyll_oracle.py`); every post both
publish is compared with `tests/render_report.py`: the sequence of blocks a reader sees must be
Jekyll's, and none of Jekyll's words may be missing (`tests/html_structure.py` says how).

The plugin renders posts with Python-Markdown today; kramdown's rules come with the renderer of
issue 24, and the numbers will move. What to update then:

* `KNOWN`: posts whose body differs today, each with the Markdown construct that makes it
  differ. Each is an expected failure that must keep failing (`strict`): a fix makes it pass
  and its entry must go.
* `STRUCTURE_PENDING`, `TEXT_PENDING`: the cases whose share of posts with Jekyll's structure
  is below `STRUCTURE_THRESHOLD`, or that have posts with lost text, today: those thresholds
  are expected failures (not strict) until the kramdown renderer lands.

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

KRAMDOWN_PENDING = "until the kramdown renderer lands (issue 24)"
STRUCTURE_PENDING = frozenset(
    {"corpus:galena", "corpus:18f", "corpus:huxpro", "corpus:jekyll-docs"}
)
"""Cases below `STRUCTURE_THRESHOLD` with today's renderer."""
TEXT_PENDING = frozenset({"corpus:18f", "corpus:huxpro"})
"""Cases with posts whose text is lost with today's renderer."""

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

# The Markdown constructs that make today's renderer (Python-Markdown) differ from kramdown.
LIST_AFTER_PARAGRAPH = (
    "a list right after a paragraph line (no blank line between, in a quote too) is a list for "
    "kramdown, paragraph text for Python-Markdown"
)
NESTED_BY_2_OR_3_SPACES = (
    "list items indented by 2 or 3 spaces under an item are a nested list for kramdown; "
    "Python-Markdown nests at 4 spaces only"
)
QUOTES_APART = (
    "`>` quotes separated by blank lines are separate blockquotes for kramdown, one blockquote "
    "for Python-Markdown"
)
HASHES_WITHOUT_SPACE = (
    "`###Title` (no space after the #s) or `###` alone is paragraph text for kramdown's GFM "
    "parser, a heading for Python-Markdown"
)
DISPLAY_MATH = "`$$` display math is a math block for kramdown, a paragraph for Python-Markdown"
ATTRIBUTES_UNDER_IMAGE = (
    "an attribute list `{: .float-left }` under an image, followed by text on the next line, "
    "applies to the image for kramdown, is text for Python-Markdown"
)
CLOSING_TAGS_AS_TEXT = (
    "closing tags `</div>` after an HTML block are shown as text by kramdown (words lost: "
    "`div div`), are HTML for Python-Markdown"
)
SHORT_TABLE_SEPARATOR = (
    "a table whose separator row has 3 cells for 8 columns is a table for kramdown, "
    "paragraph text for Python-Markdown"
)
FENCE_WITH_PARENTHESIS = (
    "Python-Markdown's fenced_code does not take the fence ```` ```f(TAPL) ```` (a `(` in the "
    "language): the code is read as Markdown (words lost: `app plus`)"
)


def _because(*constructs: str) -> str:
    return "Markdown: " + "; ".join(constructs)


KNOWN: dict[tuple[str, str], str] = {
    (
        "corpus:galena",
        "_posts/2025-06-26-1836-The_Magic_of_Geodes.md",
    ): _because(NESTED_BY_2_OR_3_SPACES),
    (
        "corpus:galena",
        "_posts/2025-06-27-0739-The_Science_Behind_Gemstone_Colors.md",
    ): _because(LIST_AFTER_PARAGRAPH),
    (
        "corpus:galena",
        "_posts/2025-08-31-0735-Identifying_Minerals_Like_a_Pro_Simple_Techniques.md",
    ): _because(LIST_AFTER_PARAGRAPH),
    (
        "corpus:galena",
        "_posts/2025-09-11-0736-How_to_Start_a_Home_Mineral_Collection.md",
    ): _because(LIST_AFTER_PARAGRAPH),
    (
        "corpus:galena",
        "_posts/2025-12-25-0741-Geology_Field_Trips_for_Beginners.md",
    ): _because(NESTED_BY_2_OR_3_SPACES),
    (
        "corpus:galena",
        "_posts/2026-01-06-0739-Decoding_Geodes_and_Their_Wonders.md",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES),
    (
        "corpus:galena",
        "_posts/2026-01-17-0735-Fossils_Versus_Minerals_Key_Differences.md",
    ): _because(LIST_AFTER_PARAGRAPH),
    (
        "corpus:galena",
        "_posts/2026-02-11-0749-Fossils_Versus_Minerals_Key_Differences.md",
    ): _because(LIST_AFTER_PARAGRAPH),
    (
        "corpus:18f",
        "_posts/2014-05-14-hacking-bureaucracy-improving-hiring-and-software.md",
    ): _because(CLOSING_TAGS_AS_TEXT),
    ("corpus:18f", "_posts/2015-05-21-TockingTime.md"): _because(HASHES_WITHOUT_SPACE),
    (
        "corpus:18f",
        "_posts/2017-09-05-ficam-partners-with-federalist.md",
    ): _because(LIST_AFTER_PARAGRAPH),
    ("corpus:18f", "_posts/2017-09-08-forest-service-six-month-check.md"): _because(QUOTES_APART),
    (
        "corpus:18f",
        "_posts/2017-09-26-automated-scanning-for-sensitive-information.md",
    ): _because(LIST_AFTER_PARAGRAPH),
    (
        "corpus:18f",
        "_posts/2021-04-27-building_product_management_capacity_in_government_part_3_a_day_in_the_life_of_a_new_product_owner.md",
    ): _because(NESTED_BY_2_OR_3_SPACES),
    ("corpus:18f", "_posts/2022-08-10-18f-tech-sandwich.md"): _because(ATTRIBUTES_UNDER_IMAGE),
    (
        "corpus:huxpro",
        "_posts/2015-06-15-alitrip-strategy.markdown",
    ): _because(SHORT_TABLE_SEPARATOR),
    ("corpus:huxpro", "_posts/2017-07-26-farewell-flash.md"): _because(QUOTES_APART),
    ("corpus:huxpro", "_posts/2017-12-12-uncomputable-funcs.md"): _because(DISPLAY_MATH),
    (
        "corpus:huxpro",
        "_posts/data_rep/2020-06-19-data-rep-int.md",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES),
    (
        "corpus:huxpro",
        "_posts/read_sf_lf/2019-01-01-sf-lf-01-basics.md",
    ): _because(LIST_AFTER_PARAGRAPH, QUOTES_APART),
    (
        "corpus:huxpro",
        "_posts/read_sf_lf/2019-01-03-sf-lf-03-list.md",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES),
    (
        "corpus:huxpro",
        "_posts/read_sf_lf/2019-01-04-sf-lf-04-poly.md",
    ): _because(QUOTES_APART, FENCE_WITH_PARENTHESIS),
    (
        "corpus:huxpro",
        "_posts/read_sf_lf/2019-01-05-sf-lf-05-tactics.md",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES),
    (
        "corpus:huxpro",
        "_posts/read_sf_lf/2019-01-06-sf-lf-06-logic.md",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES, QUOTES_APART),
    (
        "corpus:huxpro",
        "_posts/read_sf_lf/2019-01-07-sf-lf-07-indprop.md",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES, QUOTES_APART),
    (
        "corpus:huxpro",
        "_posts/read_sf_lf/2019-01-08-sf-lf-08-map.md",
    ): _because(LIST_AFTER_PARAGRAPH, QUOTES_APART),
    (
        "corpus:huxpro",
        "_posts/read_sf_lf/2019-01-09-sf-lf-09-proof-object.md",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES, QUOTES_APART),
    (
        "corpus:huxpro",
        "_posts/read_sf_lf/2019-01-10-sf-lf-10-ind-principle.md",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES, QUOTES_APART),
    (
        "corpus:huxpro",
        "_posts/read_sf_lf/2019-01-11-sf-lf-11-rel.md",
    ): _because(LIST_AFTER_PARAGRAPH, QUOTES_APART),
    (
        "corpus:huxpro",
        "_posts/read_sf_lf/2019-01-12-sf-lf-12-imp.md",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES, QUOTES_APART),
    (
        "corpus:huxpro",
        "_posts/read_sf_lf/2019-01-13-sf-lf-13-imp-parser.md",
    ): _because(LIST_AFTER_PARAGRAPH),
    (
        "corpus:huxpro",
        "_posts/read_sf_lf/2019-01-14-sf-lf-14-imp-ceval.md",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES),
    (
        "corpus:huxpro",
        "_posts/read_sf_lf/2019-01-15-sf-lf-15-extraction.md",
    ): _because(LIST_AFTER_PARAGRAPH),
    (
        "corpus:huxpro",
        "_posts/read_sf_lf/2019-01-16-sf-lf-16-auto.md",
    ): _because(LIST_AFTER_PARAGRAPH, QUOTES_APART),
    (
        "corpus:huxpro",
        "_posts/read_sf_plf/2019-03-01-sf-plf-01-equiv.md",
    ): _because(LIST_AFTER_PARAGRAPH, QUOTES_APART),
    (
        "corpus:huxpro",
        "_posts/read_sf_plf/2019-03-05-sf-plf-05-smallstep.md",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES, QUOTES_APART),
    (
        "corpus:huxpro",
        "_posts/read_sf_plf/2019-03-06-sf-plf-06-types.md",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES),
    (
        "corpus:huxpro",
        "_posts/read_sf_plf/2019-03-07-sf-plf-07-STLC.md",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES, QUOTES_APART),
    (
        "corpus:huxpro",
        "_posts/read_sf_plf/2019-03-08-sf-plf-08-STLC-prop.md",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES, QUOTES_APART),
    (
        "corpus:huxpro",
        "_posts/read_sf_plf/2019-03-09-sf-plf-09-more-STLC.md",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES, QUOTES_APART),
    (
        "corpus:huxpro",
        "_posts/read_sf_plf/2019-03-10-sf-plf-10-subtyping.md",
    ): _because(LIST_AFTER_PARAGRAPH),
    (
        "corpus:huxpro",
        "_posts/read_sf_plf/2019-03-11-sf-plf-11-typechecking.md",
    ): _because(LIST_AFTER_PARAGRAPH),
    (
        "corpus:huxpro",
        "_posts/read_sf_plf/2019-03-13-sf-plf-13-references.md",
    ): _because(LIST_AFTER_PARAGRAPH, QUOTES_APART),
    (
        "corpus:huxpro",
        "_posts/read_sf_plf/2019-03-18-sf-plf-18-use-auto.md",
    ): _because(HASHES_WITHOUT_SPACE),
    (
        "corpus:huxpro",
        "_posts/read_sf_qc/2019-09-02-sf-qc-02-typeclasses.md",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES, QUOTES_APART),
    (
        "corpus:jekyll-docs",
        "_posts/2018-03-15-jekyll-3-8-0-released.markdown",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES),
    (
        "corpus:jekyll-docs",
        "_posts/2019-08-19-jekyll-4-0-0-released.markdown",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES),
    (
        "corpus:jekyll-docs",
        "_posts/2020-05-27-jekyll-4-1-0-released.markdown",
    ): _because(LIST_AFTER_PARAGRAPH),
    (
        "corpus:jekyll-docs",
        "_posts/2022-10-26-jekyll-4-3-1-released.markdown",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES),
    (
        "corpus:jekyll-docs",
        "_posts/2023-01-20-jekyll-4-3-2-released.markdown",
    ): _because(LIST_AFTER_PARAGRAPH, NESTED_BY_2_OR_3_SPACES),
}
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


def _threshold_params(pending: frozenset[str]) -> list[object]:
    return [
        pytest.param(
            name,
            marks=[pytest.mark.xfail(strict=False, reason=KRAMDOWN_PENDING)]
            if name in pending
            else [],
        )
        for name in RENDER_CASES
    ]


@pytest.mark.parametrize("name", _threshold_params(STRUCTURE_PENDING))
def test_most_posts_have_jekylls_structure(
    rendering: Callable[[str], CorpusRendering], name: str
) -> None:
    corpus = rendering(name)
    assert corpus.posts, f"{name}: no post compared"
    assert corpus.agreement() >= STRUCTURE_THRESHOLD, corpus.summary()


@pytest.mark.parametrize("name", _threshold_params(TEXT_PENDING))
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
