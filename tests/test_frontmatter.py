"""Front matter found with Jekyll's regular expression and read as Psych reads YAML 1.1."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_reeblog.jekyll.frontmatter import (
    JEKYLL_FRONT_MATTER,
    _JekyllLoader,
    _split,
    read_front_matter,
)
from mkdocs_reeblog.jekyll.problems import PostError


@pytest.mark.parametrize(
    ("text", "data", "body", "body_line"),
    [
        ("---\ntitle: A\n---\nbody\n", {"title": "A"}, "body\n", 4),
        ("---\ntitle: A\n...\nbody\n", {"title": "A"}, "body\n", 4),
        ("---   \ntitle: A\n---  \nbody", {"title": "A"}, "body", 4),
        ("---\n\n\ntitle: A\n---\nbody", {"title": "A"}, "body", 6),
        ("---\ntitle: A\n---", {"title": "A"}, "", 3),
        ("---\ntitle: A\n---\n# Heading\n\ntext\n", {"title": "A"}, "# Heading\n\ntext\n", 4),
    ],
)
def test_front_matter_and_body(text: str, data: dict[str, str], body: str, body_line: int) -> None:
    found = read_front_matter(text)
    assert (found.data, found.body, found.body_line) == (data, body, body_line)


@pytest.mark.parametrize("blank_lines", [1, 2, 5])
def test_blank_lines_after_closing_dashes_belong_to_the_front_matter(blank_lines: int) -> None:
    """`\\s*` after the closing `---` swallows blank lines: the body starts at the banner."""
    text = "---\ntitle: A\n---\n" + "\n" * blank_lines + "![banner](/a.png)\n\ntext\n"
    found = read_front_matter(text)
    assert found.body == "![banner](/a.png)\n\ntext\n"
    assert found.body_line == 4 + blank_lines
    assert text.split("\n")[found.body_line - 1] == "![banner](/a.png)"


@pytest.mark.parametrize(
    "text",
    ["---\n---\nbody\n", "---\n\n---\nbody\n", "---\n# only a comment\n---\nbody\n"],
)
def test_empty_front_matter(text: str) -> None:
    found = read_front_matter(text)
    assert found.data == {}
    assert found.body == "body\n"


@pytest.mark.parametrize(
    "text",
    [
        "body only\n",
        "",
        "\n---\ntitle: A\n---\nbody\n",  # not at the first byte
        "```markdown\n---\ntitle: A\n---\n```\n",  # galena_es's `.dm` file
        "---title: A\n---\n",  # the opening line holds more than dashes
    ],
)
def test_no_front_matter(text: str) -> None:
    found = read_front_matter(text)
    assert (found.data, found.body, found.body_line) == ({}, text, 1)


def test_key_lines_are_one_based_in_the_whole_file() -> None:
    found = read_front_matter("---\n\ntitle: A\n# comment\ntags:\n  - a\ndate: 2024-01-01\n---\n")
    assert found.key_lines == {"title": 3, "tags": 5, "date": 7}
    assert found.line_of("date") == 7
    assert found.line_of("missing") == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-15", "2024-03-15"),
        ("2024-03-15 10:00:00 +0100", "2024-03-15 10:00:00 +0100"),
        ("2016-06-31", "2016-06-31"),
        ("2024-3-5", "2024-3-5"),
        ("2024-03-15T10:00:00Z", "2024-03-15T10:00:00Z"),
    ],
)
def test_timestamps_stay_text(value: str, expected: str) -> None:
    """Jekyll's date rules apply later; PyYAML would reject `2016-06-31`."""
    assert read_front_matter(f"---\ndate: {value}\n---\n").data["date"] == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("yes", True),
        ("Yes", True),
        ("on", True),
        ("ON", True),
        ("true", True),
        ("no", False),
        ("No", False),
        ("off", False),
        ("false", False),
        ("FALSE", False),
        ("'no'", "no"),
        ('"false"', "false"),
        ("y", "y"),
        ("~", None),
        ("", None),
        ("3.5", 3.5),
        ("2024", 2024),
    ],
)
def test_yaml_1_1_scalars(value: str, expected: object) -> None:
    found = read_front_matter(f"---\npublished: {value}\n---\n").data["published"]
    assert found == expected
    assert type(found) is type(expected)


def test_non_string_keys_become_text() -> None:
    assert read_front_matter("---\n2024: a\ntrue: b\n---\n").data == {"2024": "a", "True": "b"}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        # Unclosed flow list: blame the line that opened it, not the next key.
        ("---\ntitle: A\ntags: [a, b\nlayout: post\n---\nbody\n", 3, ["close the bracket"]),
        ("---\ntitle: A\nimage: {path: /a.png\n---\n", 3, ["close the bracket"]),
        # Tab indentation (libyaml does not name the tab; the hint must).
        ("---\ntitle: A\ntags:\n\t- a\n---\n", 4, ["tabs"]),
        ("---\ntitle: A\n\tlayout: post\n---\n", 3, ["tabs"]),
        # Unclosed quotes: the line where the quote opened.
        ('---\nlayout: post\ntitle: "Unclosed\nsubtitle: x\n---\nbody\n', 3, ["quote"]),
        ("---\nlayout: post\ntitle: 'Unclosed\n---\nbody\n", 3, ["quote"]),
        # A colon in an unquoted value.
        ("---\nlayout: post\ntitle: Lithium: the new oil\n---\n", 3, ["quote"]),
        ("---\n\n\ntitle: A: B\n---\n", 4, ["not valid YAML"]),
        # Wrong indentation.
        ("---\ntitle: A\n  bad: x\nlayout: post\n---\n", 3, ["indentation"]),
        # Not a mapping.
        ("---\n- a\n- b\n---\n", 2, ["a list, not a mapping", "key: value"]),
        ("---\n# tags\n- a\n---\n", 3, ["a list, not a mapping"]),
        ("---\njust some text\n---\n", 2, ["a single value, not a mapping"]),
        # The front matter is never closed.
        ("---\ntitle: A\n\nbody text\n", 1, ["never closed", "'---'"]),
    ],
)
def test_errors_point_at_the_line_to_fix(text: str, line: int, words: list[str]) -> None:
    with pytest.raises(PostError) as caught:
        read_front_matter(text)
    assert caught.value.line == line
    for word in words:
        assert word in caught.value.message
    assert str(caught.value) == caught.value.message


def test_error_message_is_not_wrapped_twice() -> None:
    with pytest.raises(PostError) as caught:
        read_front_matter("---\n- a\n---\n")
    assert "cannot be read" not in caught.value.message
    assert caught.value.message.count("front matter") == 1


def test_unsafe_tags_are_refused() -> None:
    with pytest.raises(PostError) as caught:
        read_front_matter("---\ntitle: A\nx: !!python/object:os.system ls\n---\n")
    assert caught.value.line == 3


def _constructed_by_pyyaml(yaml_text: str) -> object:
    """The mapping as PyYAML's own constructor makes it, with the same loader."""
    loader = _JekyllLoader(yaml_text)
    try:
        return {str(key): value for key, value in loader.get_single_data().items()}
    finally:
        loader.dispose()


_TEXT = st.text(st.characters(codec="utf-8"), max_size=12)
_SCALARS = st.one_of(_TEXT, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_TEXT, _VALUES, max_size=6))
def test_the_quick_reading_of_text_values_gives_what_pyyaml_gives(data: dict[str, object]) -> None:
    yaml_text = yaml.safe_dump(data, allow_unicode=True) if data else "{}\n"
    expected = _constructed_by_pyyaml(yaml_text)
    assert read_front_matter(f"---\n{yaml_text}---\n").data == expected


@pytest.mark.parametrize(
    "yaml_text",
    [
        "title: Plain\ntags: [a, b]\ncategories:\n- x\n- 'y'\n",
        "base: &b {layout: post, tags: [a]}\npost:\n  <<: *b\n  title: Merged\n",
        "<<: {layout: post}\ntitle: Merge at the top\n",
        "tags: &t [a, b]\nsame: *t\nword: &w text\nagain: *w\n",
        "published: no\ncomments: yes\nid: 0o17\nrating: 1_000\nratio: 1:30\n",
        "=: value key\ntitle: t\n",
        "title: !!str 2024\ncount: !!int '3'\nlist: !!seq [a]\n",
        "date: 2024-01-02 10:00:00 +0100\nday: 2024-01-02\n",
        "empty:\nnulls: [~, null]\n",
    ],
)
def test_front_matter_shapes_read_as_pyyaml_reads_them(yaml_text: str) -> None:
    assert read_front_matter(f"---\n{yaml_text}---\nBody\n").data == _constructed_by_pyyaml(
        yaml_text
    )


# Pieces of the text around a front matter's delimiters: every way a line can almost be one.
_LINE_PIECES = st.sampled_from(
    [
        "---",
        "...",
        "--- ",
        "---\t",
        " ---",
        "----",
        "..",
        "-- -",
        "---x",
        "... ",
        "a: b",
        "x",
        "",
        " ",
        "\t",
        "\u00a0",
        "\r",
        "\f",
        "\u2028",
    ]
)
_ENDINGS = st.sampled_from(["\n", "\n", "", " "])


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.tuples(_LINE_PIECES, _ENDINGS), max_size=10))
def test_the_split_finds_what_jekylls_regular_expression_finds(
    pieces: list[tuple[str, str]],
) -> None:
    text = "".join(piece + ending for piece, ending in pieces)
    match = JEKYLL_FRONT_MATTER.match(text)
    expected = None if match is None else (match.end(1), match.end())
    assert _split(text) == expected
