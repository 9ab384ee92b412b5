"""Card excerpts: front-matter text, text before a separator, or the first paragraphs cut near
the length limit; only inline formatting and rebased links survive."""

from __future__ import annotations

import re
from functools import partial
from html.parser import HTMLParser

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_reeblog.blog import excerpt as excerpt_module
from mkdocs_reeblog.blog.excerpt import (
    ExcerptCache,
    _collapse_spaces,
    make_excerpt,
    text_excerpt,
)
from mkdocs_reeblog.blog.links import BASE
from mkdocs_reeblog.jekyll.frontmatter import read_front_matter

POST_URL = "geology/2024/03/15/trip.html"
LIMIT = 350
SLACK = 40
"""The cut may run this far past the limit to end a paragraph, plus the `…`."""
INLINE = {"a", "em", "strong", "b", "i", "code", "del", "ins", "mark", "abbr", "sub", "s",
          "small", "kbd", "q", "cite", "span", "br"}  # fmt: skip


def excerpt(html: str, separator: str | None = None, limit: int = LIMIT) -> str:
    """The excerpt HTML of `html` for the post at POST_URL."""
    return make_excerpt(html, post_url=POST_URL, max_chars=limit, separator=separator)


def excerpt_text(html: str) -> str:
    """The excerpt's text, as a reader sees it."""
    return BeautifulSoup(excerpt(html), "html.parser").get_text()


def render(text: str) -> str:
    """Markdown as MkDocs renders a post (with footnotes and tables)."""
    return markdown.markdown(text, extensions=["footnotes", "tables", "fenced_code"])


def words(count: int, word: str = "lorem") -> str:
    """`count` numbered words: `lorem0 lorem1 ...` (each one distinct)."""
    return " ".join(f"{word}{n}" for n in range(count))


def hrefs(html: str) -> list[str]:
    """Every link target of `html`, in order."""
    return [str(a["href"]) for a in BeautifulSoup(html, "html.parser").find_all("a")]


class _Balance(HTMLParser):
    """Checks that every element opened is closed, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "br":
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()


def assert_well_formed(html: str) -> None:
    """Balanced tags, only `<p>` and inline tags, only `href`/`title` attributes."""
    checker = _Balance()
    checker.feed(html)
    checker.close()
    assert checker.stack == [], f"left open: {checker.stack} in {html!r}"
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        assert element.name in INLINE | {"p"}, element
        assert set(element.attrs) <= {"href", "title"}, element


# Rule 1: the front matter's `excerpt`


def test_front_matter_excerpt_is_escaped_text() -> None:
    html = text_excerpt("  A <b>bold</b> & plain summary \n")
    assert html == "<p>A &lt;b&gt;bold&lt;/b&gt; &amp; plain summary</p>"


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_front_matter_excerpt_gives_nothing(text: str) -> None:
    assert text_excerpt(text) == ""


# Rule 2: a separator found in the HTML


def test_separator_keeps_everything_before_it() -> None:
    long_intro = words(120)  # far more than the limit: a separator is not cut
    html = render(f"{long_intro}\n\nSecond paragraph.\n\n<!--more-->\n\nAfter the fold.\n")
    found = excerpt(html, separator="<!--more-->")
    assert BeautifulSoup(found, "html.parser").get_text() == long_intro + "Second paragraph."
    assert "After the fold" not in found
    assert_well_formed(found)


def test_separator_inside_a_paragraph_closes_it() -> None:
    found = excerpt("<p>Intro <em>text</em> [[more]] rest</p>", separator="[[more]]")
    assert found == "<p>Intro <em>text</em> </p>"


@pytest.mark.parametrize("separator", [None, "\n\n", "  ", "<!--absent-->"])
def test_default_or_missing_separator_falls_back_to_the_first_paragraphs(
    separator: str | None,
) -> None:
    html = render("First paragraph.\n\nSecond paragraph.\n")
    assert excerpt(html, separator=separator) == "<p>First paragraph.</p><p>Second paragraph.</p>"


# Rule 3: the first paragraphs, cut near the limit


def test_long_paragraph_is_cut_at_a_word_boundary_with_an_ellipsis() -> None:
    source = words(200)
    text = excerpt_text(render(source))
    assert text.endswith("…")
    kept = text[:-1]
    assert LIMIT - 20 <= len(kept) <= LIMIT
    assert source.startswith(kept)
    assert source[len(kept)] == " ", "the cut splits a word"


def test_short_paragraphs_are_kept_whole() -> None:
    source = "One short paragraph.\n\nAnother one.\n"
    assert excerpt_text(render(source)) == "One short paragraph.Another one."


def test_paragraph_that_ends_near_the_limit_is_not_cut() -> None:
    source = " ".join(["abcdef"] * 52)  # a little over the limit, under the slack
    assert LIMIT < len(source) <= LIMIT + SLACK
    assert excerpt_text(render(source)) == source


def test_the_seed_article_excerpt_is_its_introduction(seed_text: str) -> None:
    html = render(read_front_matter(seed_text).body)
    found = excerpt(html)
    text = BeautifulSoup(found, "html.parser").get_text()
    assert text.startswith("Japan, known for its cutting-edge technology")
    assert len(text) <= LIMIT + SLACK + 1
    assert text.endswith("…")
    assert "Introduction" not in text
    assert_well_formed(found)


def test_headings_images_tables_and_code_are_left_out() -> None:
    source = (
        "# Heading one\n\n"
        "![banner](https://example.org/b.png)\n\n"
        "Intro with `inline code` and *emphasis* and **strength**.\n\n"
        "## Heading two\n\n"
        "| TABLEWORD | b |\n|---|---|\n| 1 | 2 |\n\n"
        "```python\nCODEWORD = 1\n```\n\n"
        "Closing words.\n"
    )
    found = excerpt(render(source))
    assert found == (
        "<p>Intro with <code>inline code</code> and <em>emphasis</em> and "
        "<strong>strength</strong>.</p><p>Closing words.</p>"
    )


def test_footnote_references_and_notes_are_left_out() -> None:
    found = excerpt(render("A claim[^1] and more.\n\n[^1]: NOTEWORD in the footnote.\n"))
    assert found == "<p>A claim and more.</p>"


def test_image_only_paragraph_leaves_no_empty_paragraph() -> None:
    found = excerpt('<p><img src="a.png" alt="x"></p><p>Text.</p><p> </p>')
    assert found == "<p>Text.</p>"


def test_list_items_become_paragraphs() -> None:
    assert excerpt(render("- one\n- two\n")) == "<p>one</p><p>two</p>"


def test_cut_inside_inline_formatting_closes_it() -> None:
    found = excerpt(f"<p><strong>{words(200)}</strong></p>")
    assert found.endswith("&#8230;</strong></p>")
    assert_well_formed(found)


# Links and escaping


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("../other/", BASE + "geology/2024/03/other/"),
        ("../../../../about/", BASE + "about/"),
        ("pic.png#part", BASE + "geology/2024/03/15/pic.png#part"),
        ("#section", BASE + POST_URL + "#section"),
        ("https://example.org/x?a=1&b=2", "https://example.org/x?a=1&b=2"),
        ("//cdn.example.org/x", "//cdn.example.org/x"),
        ("mailto:me@example.org", "mailto:me@example.org"),
        ("/root/page/", "/root/page/"),
    ],
)
def test_links_are_rebased_from_the_post_to_the_site_root(href: str, expected: str) -> None:
    found = excerpt(f'<p>See <a href="{href}" class="x" onclick="steal()">this</a>.</p>')
    assert hrefs(found) == [expected]
    assert "onclick" not in found
    assert 'class="x"' not in found


def test_text_and_attributes_are_escaped_again() -> None:
    found = excerpt('<p>a &lt;b&gt; &amp; <a href="x?a=1&amp;b=&quot;2" title="t&quot;">l</a></p>')
    assert found == (
        f'<p>a &lt;b&gt; &amp; <a href="{BASE}geology/2024/03/15/x?a=1&amp;b=&quot;2" '
        'title="t&quot;">l</a></p>'
    )


def test_scripts_and_styles_are_dropped() -> None:
    found = excerpt("<p>Safe<script>alert(1)</script><style>p{}</style> text.</p>")
    assert found == "<p>Safe text.</p>"


def test_the_base_placeholder_cannot_come_from_the_post() -> None:
    found = excerpt(f'<p>x{BASE}y <a href="{BASE}z/">l</a></p>')
    assert found.count(BASE) == 1
    assert hrefs(found) == [BASE + "geology/2024/03/15/z/"]


@pytest.mark.parametrize(
    "media",
    [
        '<video controls><source src="v.mp4"><track kind="captions" src="c.vtt"></video>',
        "<table><colgroup><col><col></colgroup><tr><td>a</td></tr></table>",
        '<object data="x.swf"><param name="a" value="b"></object>',
    ],
)
def test_text_after_media_with_void_children_is_kept(media: str) -> None:
    assert excerpt(media + "<p>Text after.</p>") == "<p>Text after.</p>"


# The length bound, whatever the markup


def test_text_after_inline_markup_past_the_limit_is_still_cut() -> None:
    first = " ".join(["abcd"] * 76)  # 379 characters: past the limit, under the slack
    html = f"<p>{first} <em>x</em> {words(40, 'more')}</p>"
    assert len(excerpt_text(html)) <= LIMIT + SLACK + 1


def test_a_paragraph_started_near_the_limit_is_not_cut_mid_word() -> None:
    first = " ".join(["abcdef"] * 49) + " abcde"  # 348 characters: 2 left before the limit
    text = excerpt_text(f"<p>{first}</p><p>Second {words(60)}</p>")
    assert text.startswith(first)
    rest = text[len(first) :].removesuffix("…")
    assert rest in ("", "Second") or rest.startswith("Second "), rest


BLOCK_WORDS = st.lists(
    st.sampled_from(["alpha", "beta", "gamma<&>", '"quoted"', "delta-epsilon", "z"]),
    min_size=1,
    max_size=40,
).map(" ".join)
INLINE_MARKUP = st.sampled_from(["{}", "<em>{}</em>", '<a href="x/">{}</a>', "<code>{}</code>"])


def paragraph(parts: list[tuple[str, str]]) -> str:
    """A `<p>` of words (escaped) wrapped in inline markup."""
    inner = (
        markup.format(text.replace("&", "&amp;").replace("<", "&lt;")) for markup, text in parts
    )
    return "<p>" + " ".join(inner) + "</p>"


PARAGRAPH = st.lists(st.tuples(INLINE_MARKUP, BLOCK_WORDS), min_size=1, max_size=6).map(paragraph)
BLOCK = st.one_of(
    PARAGRAPH,
    PARAGRAPH.map(lambda p: "<blockquote>" + p + "</blockquote>"),
    st.just("<h2>HEADINGWORD</h2>"),
    st.just("<pre><code>CODEWORD</code></pre>"),
    st.just('<p><img src="a.png" alt="IMAGEWORD"></p>'),
)


@settings(max_examples=80, deadline=None)
@given(st.lists(BLOCK, min_size=1, max_size=12))
def test_any_post_gives_a_short_well_formed_excerpt_without_blocks(blocks: list[str]) -> None:
    found = excerpt("\n".join(blocks))
    assert_well_formed(found)
    assert len(BeautifulSoup(found, "html.parser").get_text()) <= LIMIT + SLACK + 1
    for word in ("HEADINGWORD", "CODEWORD", "IMAGEWORD"):
        assert word not in found


@settings(max_examples=60, deadline=None)
@given(blocks=st.lists(BLOCK, min_size=1, max_size=12), piece=st.integers(1, 300))
def test_the_excerpt_does_not_depend_on_the_pieces_the_parser_gets(
    blocks: list[str], piece: int
) -> None:
    """The HTML is parsed a piece at a time; a text cut in two parts would be cut (and its
    spaces collapsed) at another place than in one."""
    html = "\n".join(blocks)
    original = excerpt_module._CHUNK
    try:
        excerpt_module._CHUNK = len(html) + 1
        whole = excerpt(html)
        excerpt_module._CHUNK = piece
        assert excerpt(html) == whole
    finally:
        excerpt_module._CHUNK = original


def test_excerpt_cache_makes_the_excerpt_again_when_an_argument_changes() -> None:
    cache = ExcerptCache()
    first = "<p>First words of the post.</p>"
    made = partial(cache.excerpt, "post.md", post_url=POST_URL, separator=None)
    assert made(first, max_chars=350) == make_excerpt(first, post_url=POST_URL, max_chars=350)
    assert made(first, max_chars=350) == "<p>First words of the post.</p>"
    assert made("<p>Other words now.</p>", max_chars=350) == "<p>Other words now.</p>"
    longer = "<p>" + "Other words now. " * 10 + "</p>"
    assert made(longer, max_chars=350) == longer
    assert made(longer, max_chars=5) == "<p>Other&#8230;</p>"
    assert (
        cache.excerpt(
            "post.md", '<p><a href="x/">l</a></p>', post_url="a/b/", max_chars=9, separator=None
        )
        == f'<p><a href="{BASE}a/b/x/">l</a></p>'
    )


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(" \t\n\r\x0b\x0c\x1c\x85\xa0\u2003\u2028\u3000\u200bab")))
def test_spaces_collapse_as_the_regular_expression_collapses_them(text: str) -> None:
    assert _collapse_spaces(text) == re.sub(r"\s+", " ", text)
