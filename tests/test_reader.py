"""`PostReader`: under `serve` (`remember`), a post is parsed again exactly when its bytes (or the
reading settings) change; for one build, nothing is kept."""

from __future__ import annotations

from pathlib import Path

from mkdocs_reeblog.jekyll.reader import PostReader
from tests.html_helpers import post_text
from tests.test_posts import SETTINGS, source

SOURCE = source("_posts/2021-02-13-a-post.md")
PATH = "docs/_posts/2021-02-13-a-post.md"


def _text(word: str) -> bytes:
    return post_text("title: A post", f"{word} words.\n", blank_line=False).encode()


def test_the_same_bytes_give_the_post_already_read() -> None:
    reader = PostReader(remember=True)
    first = reader.load(SOURCE, PATH, lambda: _text("aaaa"), SETTINGS).post
    again = reader.load(SOURCE, PATH, lambda: _text("aaaa"), SETTINGS).post
    assert first is not None and again is first


def test_other_bytes_of_the_same_length_are_read_again() -> None:
    reader = PostReader(remember=True)
    first = reader.load(SOURCE, PATH, lambda: _text("aaaa"), SETTINGS).post
    second = reader.load(SOURCE, PATH, lambda: _text("bbbb"), SETTINGS).post
    assert first is not None and second is not None
    assert "aaaa" in first.body and "bbbb" in second.body


def test_a_file_that_cannot_be_read_is_reported_and_tried_again(tmp_path: Path) -> None:
    reader = PostReader(remember=True)
    missing = tmp_path / "gone.md"
    result = reader.load(SOURCE, PATH, missing.read_bytes, SETTINGS)
    assert result.post is None and result.problem is not None
    assert str(result.problem).startswith(f"{PATH}:1: cannot be read")
    assert "left out" in str(result.problem)
    missing.write_bytes(_text("back"))
    back = reader.load(SOURCE, PATH, missing.read_bytes, SETTINGS).post
    assert back is not None and "back" in back.body


def test_for_one_build_nothing_is_kept() -> None:
    reader = PostReader()
    first = reader.load(SOURCE, PATH, lambda: _text("aaaa"), SETTINGS).post
    again = reader.load(SOURCE, PATH, lambda: _text("aaaa"), SETTINGS).post
    assert first is not None and again is not None
    assert again is not first and again == first
