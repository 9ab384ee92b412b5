"""The kramdown renderer's HTML blocks against kramdown itself.

Every expected HTML below is what Jekyll 4.3.1 (kramdown 2.4.0, kramdown-parser-gfm 1.1.0,
Jekyll's default `kramdown` settings: `parse_block_html` off) wrote for the Markdown beside it,
taken from real runs of Jekyll's Markdown converter; the comparison ignores the blank lines and
indentation between lines, which kramdown and markdown-it lay out differently.
"""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_reeblog.jekyll.kramdown import KramdownRenderer, RenderOptions
from tests.test_kramdown_blocks import layout_free, render

HTML_BLOCKS = [
    (
        '<div class="x" id="y">\n\n*a* & b < c &amp; d > e\n\n</div>\n\npara',
        '<div class="x" id="y">\n*a* &amp; b &lt; c &amp; d &gt; e\n</div>\n<p>para</p>',
    ),
    ("<div>a</div> text\nmore", "<div>a</div>\n<p>text\nmore</p>"),
    ("para\n<div>x</div>\nmore", "<p>para</p>\n<div>x</div>\n<p>more</p>"),
    ("<div>\n<div>a</div>\nb</div>\nc", "<div>\n<div>a</div>\nb</div>\n<p>c</p>"),
    # An element never closed runs to the end; so does one whose closing tag is not its own.
    ("<div>unclosed\n\n# H", "<div>unclosed\n# H\n</div>"),
    ("<div>\n<p>x\n</div>\n\nrest\n\n# H", "<div>\n<p>x\n&lt;/div&gt;\nrest\n# H\n</p></div>"),
    (
        '<div markdown="1">\n# H\n\n*a*\n</div>\nafter',
        '<div>\n<h1 id="h">H</h1>\n<p><em>a</em></p>\n</div>\n<p>after</p>',
    ),
    (
        '<div markdown="block">\n> q\n</div>\n\n</div>',
        "<div>\n<blockquote>\n<p>q</p>\n</blockquote>\n</div>\n<p>&lt;/div&gt;</p>",
    ),
    ('<div markdown="1">text</div>', "<div>\n<p>text&lt;/div&gt;</p>\n</div>"),
    ('<div markdown="span">*a*\n\n*b*</div>', "<div><em>a</em>\n<em>b</em></div>"),
    ('<p markdown="1">*a*</p>', "<p><em>a</em></p>"),
    ('<div markdown="0">*x*</div>', "<div>*x*</div>"),
    ("<script>a < b\n\nc</script>\nx", "<script>a < b\nc</script>\n<p>x</p>"),
    ("<pre>\n  a < b\n\n*x*</pre>", "<pre>\na &lt; b\n*x*</pre>"),
    ('<DIV Class="a">x</DIV>', '<div class="a">x</div>'),
    ("<center>\n*x*\n</center>", "<center>\n*x*\n</center>"),
    (
        '<iframe src="x" allowfullscreen frameborder=0></iframe>',
        '<iframe src="x" allowfullscreen="" frameborder="0"></iframe>',
    ),
    (
        '<video controls>\n<source src="a.mp4" type="video/mp4">\n</video>',
        '<video controls="">\n<source src="a.mp4" type="video/mp4" />\n</video>',
    ),
    (
        '<div title="a\nb" data-v="x&y<z>">t &copy; &foo; & u</div>',
        '<div title="a\nb" data-v="x&amp;y&lt;z&gt;">t &copy; &foo; &amp; u</div>',
    ),
    ("<div><!-- c --><?php x ?></div>", "<div><!-- c --><?php x ?></div>"),
    ("<!-- a\n\nb -->\ntext", "<!-- a\nb -->\n<p>text</p>"),
    ("<!-- c --> after", "<!-- c -->\n<p>after</p>"),
    ("  <!-- c --> after", "<p><!-- c --> after</p>"),
    ("</div>\ntext", "<p>&lt;/div&gt;\ntext</p>"),
    ("para <div>x</div> more", "<p>para &lt;div&gt;x&lt;/div&gt; more</p>"),
    ("<strike>x</strike>\n<u>y</u>", "<strike>x</strike>\n<p><u>y</u></p>"),
    (
        "* a\n\n  <div>x\n  y</div>\n* b",
        "<ul>\n<li>\n<p>a</p>\n<div>x\ny</div>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>",
    ),
    # A closed element keeps its line break (a block boundary: the table is read); others not.
    (
        "<hr>\n| a | b |",
        "<hr />\n<table>\n<tbody>\n<tr>\n<td>a</td>\n<td>b</td>\n</tr>\n</tbody>\n</table>",
    ),
    ("<div>x</div>\n| a | b |", "<div>x</div>\n<p>| a | b |</p>"),
    (
        'x\n\n<p align="center">\n  <img src="a.png">\n</p>\n\nText',
        '<p>x</p>\n<p align="center">\n<img src="a.png" />\n</p>\n<p>Text</p>',
    ),
]


@pytest.mark.parametrize(("markdown", "expected"), HTML_BLOCKS)
def test_html_blocks_as_kramdown_reads_them(markdown: str, expected: str) -> None:
    assert render(markdown) == layout_free(expected)


RENDERER = KramdownRenderer(RenderOptions(highlight=False))


def test_ids_of_raw_html_are_collected() -> None:
    rendered = RENDERER.render(
        '<div id="top">\n<a id="deep" name="x">y</a>\n</div>\n\nSee <span id="here">x</span>\n'
    )
    assert {"top", "deep", "here"} <= rendered.ids


def test_ids_do_not_leak_into_the_next_post() -> None:
    RENDERER.render('<div id="first">x</div>\n')
    assert "first" not in RENDERER.render("text\n").ids


_HTML_PIECES = st.lists(
    st.sampled_from(
        ["<div>", "</div>", "<p>", "</p>", "x", "y z", "", "<!-- q -->", "<br>", "w & y", "<pre>"]
    ),
    max_size=12,
)


@given(_HTML_PIECES)
def test_html_blocks_keep_every_letter(lines: list[str]) -> None:
    """Raw HTML is written again, never dropped: every letter of the post's text is in the
    output (tags left as text count as tags)."""
    markdown = "\n".join(lines)
    out = html.unescape(re.sub(r"<[^>]*>", "", RENDERER.render(markdown).html))
    text = re.sub(r"<[^>]*>", "", markdown)
    assert re.sub(r"[^qwxyz]", "", out) == re.sub(r"[^qwxyz]", "", text)
