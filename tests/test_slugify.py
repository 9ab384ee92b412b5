"""`slugify` against the ground truth made with Jekyll's own `Utils.slugify` (Ruby).

The table is read from `jekyll-slugify-table.txt` itself, so a new row there is a new test.
"""

from __future__ import annotations

import json

import pytest

from mkdocs_reeblog.jekyll.slugify import slugify
from tests.conftest import DATA

TABLE = DATA / "reference" / "jekyll-slugify-table.txt"
CASED_PRETTY_PREFIX = "cased pretty (:title):"


def _cells(line: str) -> list[str]:
    """The quoted cells of one table row (`"input" | "default" | ...`)."""
    return [json.loads(cell.strip()) for cell in line.split(" | ")]


def _read_table() -> tuple[list[tuple[str, str, str]], list[str]]:
    """(input, mode, expected) for every cell, and the inputs of the cased-pretty line."""
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    modes = [cell.strip() for cell in lines[0].split("|")][1:]
    cells: list[tuple[str, str, str]] = []
    cased: list[str] = []
    for line in lines[1:]:
        if line.startswith(CASED_PRETTY_PREFIX):
            cased = json.loads("[" + line.removeprefix(CASED_PRETTY_PREFIX) + "]")
        elif line.startswith('"'):
            text, *expected = _cells(line)
            assert len(expected) == len(modes), line
            cells.extend((text, mode, slug) for mode, slug in zip(modes, expected, strict=True))
    return cells, cased


TABLE_CELLS, CASED_PRETTY = _read_table()


def test_table_has_every_mode_and_row() -> None:
    modes = {mode for _, mode, _ in TABLE_CELLS}
    assert modes == {"default", "raw", "pretty", "ascii", "latin", "none"}
    assert len(TABLE_CELLS) == 18 * 6
    assert len(CASED_PRETTY) == 4


@pytest.mark.parametrize(("text", "mode", "expected"), TABLE_CELLS)
def test_slugify_matches_jekyll(text: str, mode: str, expected: str) -> None:
    assert slugify(text, mode) == expected


@pytest.mark.parametrize("name", CASED_PRETTY)
def test_cased_pretty_title_matches_jekyll(name: str) -> None:
    """`:title` keeps capitals; only characters outside the pretty set become `-`."""
    expected = {
        "Japans_Approach_to_Rare_Earth_Elements": "Japans_Approach_to_Rare_Earth_Elements",
        "Denmark's_North_Sea_Oil": "Denmark's_North_Sea_Oil",
        "post-with-spaces": "post-with-spaces",
        "My-Custom-Slug!": "My-Custom-Slug!",
    }[name]
    assert slugify(name, "pretty", cased=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("post with spaces", "post-with-spaces"),
        ("My Custom Slug!", "My-Custom-Slug!"),
        ("Café Über", "Café-Über"),
        ("C# & Rust", "C-&-Rust"),
    ],
)
def test_cased_pretty_from_raw_names(text: str, expected: str) -> None:
    """The names as they appear in files and `slug:` (the table lists them already slugified)."""
    assert slugify(text, "pretty", cased=True) == expected


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("default", "Rare-Earth"),
        ("raw", "Rare-Earth"),
        ("ascii", "Rare-Earth"),
        ("none", "Rare Earth"),
    ],
)
def test_cased_keeps_capitals_in_every_mode(mode: str, expected: str) -> None:
    assert slugify("Rare Earth", mode, cased=True) == expected


@pytest.mark.parametrize("mode", ["unknown", "", "PRETTY"])
def test_unknown_mode_only_lowercases(mode: str) -> None:
    assert slugify("Rare Earth & Co", mode) == "rare earth & co"


@pytest.mark.parametrize(
    ("text", "mode", "expected"),
    [("--a--", "raw", "-a-"), ("--a--", "default", "a"), ("-", "raw", ""), ("", "default", "")],
)
def test_only_one_leading_and_trailing_dash_is_removed(text: str, mode: str, expected: str) -> None:
    """Jekyll's `gsub(/^-|-$/i, "")` removes one dash at each end; raw mode keeps dash runs."""
    assert slugify(text, mode) == expected
