"""`tests/html_structure.py`: the blocks and words a reader sees in an HTML fragment."""

from __future__ import annotations

import pytest

from tests.html_structure import (
    Block,
    block_differences,
    first_difference,
    lost_words,
    read_structure,
    text_difference,
)

KRAMDOWN_FOOTNOTES = """<p>Text<sup id="fnref:1"><a href="#fn:1">1</a></sup>.</p>
<div class="footnotes" role="doc-endnotes">
  <ol>
    <li id="fn:1" role="doc-endnote"><p>A note. <a href="#fnref:1">↩</a></p></li>
    <li id="fn:2" role="doc-endnote"><p>Another. <a href="#fnref:2">↩</a></p></li>
  </ol>
</div>
"""
PYTHON_MARKDOWN_FOOTNOTES = """<p>Text<sup id="fnref:1"><a href="#fn:1">1</a></sup>.</p>
<div class="footnote">
<hr>
<ol>
<li id="fn:1"><p>A note.&#160;<a href="#fnref:1">↩</a></p></li>
<li id="fn:2"><p>Another.&#160;<a href="#fnref:2">↩</a></p></li>
</ol>
</div>
"""


def kinds(fragment: str) -> tuple[str, ...]:
    return read_structure(fragment).kinds


def test_blocks_come_in_document_order() -> None:
    fragment = """<h2 id="a">Title</h2>
<p>Some <em>text</em>.</p>
<ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul>
<table><thead><tr><th>A</th><th>B</th></tr></thead>
<tbody><tr><td>1</td><td>2</td></tr><tr><td colspan="2">3</td></tr></tbody></table>
<pre><code>x = 1
</code></pre>
<blockquote><p>Quoted</p></blockquote>
<hr />
<dl><dt>Term</dt><dd>Definition</dd></dl>
<iframe src="https://example.org/v"></iframe>
"""
    assert kinds(fragment) == (
        "h2",
        "p",
        "ul",
        "li",
        "li",
        "ol",
        "li",
        "table",
        "tr/2",
        "tr/2",
        "tr/1",
        "pre",
        "blockquote",
        "p",
        "hr",
        "dl",
        "dt",
        "dd",
        "iframe",
    )


def test_a_paragraph_needs_visible_text() -> None:
    assert kinds('<p><img src="a.png" alt="A picture"></p>') == ("img",)
    assert kinds('<p>See <img src="a.png"> here</p>') == ("p", "img")
    assert kinds("<p> </p><p><!-- a comment --></p><p><script>x()</script></p>") == ()


def test_tight_and_loose_list_items_look_alike() -> None:
    assert kinds("<ul><li>one</li></ul>") == kinds("<ul>\n<li>\n<p>one</p>\n</li>\n</ul>")
    assert kinds("<dl><dt>a</dt><dd><p>b</p></dd></dl>") == ("dl", "dt", "dd")
    assert kinds("<blockquote><p>one</p><p>two</p></blockquote>") == ("blockquote", "p", "p")


def test_kramdown_and_python_markdown_footnotes_have_one_structure() -> None:
    expected = ("p", "footnotes", "footnote", "footnote")
    assert kinds(KRAMDOWN_FOOTNOTES) == expected
    assert kinds(PYTHON_MARKDOWN_FOOTNOTES) == expected
    # A horizontal rule outside the footnotes is a block.
    assert kinds("<hr><ol><li>x</li></ol>") == ("hr", "ol", "li")


def test_visible_text_is_normalised_and_typography_kept() -> None:
    structure = read_structure(
        "<h1>It’s</h1><p>a  <strong>bold</strong>\nmove&nbsp;&mdash;"
        "<br>next<!-- hidden --></p><style>p {}</style><script>var s = 1;</script>"
        "<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>"
    )
    assert structure.text == "It’s a bold move — next one two a b"
    assert structure.words == ["It", "s", "a", "bold", "move", "next", "one", "two", "a", "b"]


def test_closing_tags_that_close_nothing_are_ignored() -> None:
    structure = read_structure("<p>Body</p></div>\n</div></div>")
    assert structure.kinds == ("p",)
    assert structure.text == "Body"


def test_lost_words_are_a_multiset_difference() -> None:
    theirs = read_structure("<p>Don’t stop: the end, the end.</p>")
    assert lost_words(theirs, read_structure("<p>Don't stop -- the end the end</p>")) == []
    assert (
        lost_words(theirs, read_structure("<ul><li>end the end, the</li></ul><p>stop Don t")) == []
    )
    assert lost_words(theirs, read_structure("<p>Don't stop: the end.</p>")) == ["the", "end"]
    # Words the plugin adds are no loss; Jekyll's missing ones are, in Jekyll's order.
    ours = read_structure("<p>stop the end extra</p>")
    assert lost_words(theirs, ours) == ["Don", "t", "the", "end"]


def test_drop_image_leaves_out_the_first_matching_image_only() -> None:
    fragment = '<p><img src="x/banner.png" alt="b"></p><p>Text</p><p><img src="x/banner.png"></p>'
    structure = read_structure(fragment, drop_image=lambda src: src.endswith("banner.png"))
    assert structure.kinds == ("p", "img")
    assert structure.blocks[1].src == "x/banner.png"
    unchanged = read_structure(fragment, drop_image=lambda src: src == "other.png")
    assert unchanged.kinds == ("img", "p", "img")


def test_blocks_compare_by_kind_and_read_with_their_text() -> None:
    assert Block("p", "one") == Block("p", "two")
    assert Block("p") != Block("li")
    theirs = read_structure("<p>Intro:</p><ul><li>First</li></ul><p>End</p>").blocks
    ours = read_structure("<p>Intro: - First</p><p>End</p>").blocks
    assert block_differences(theirs, ours) == [
        "blocks 2-3: jekyll [ul 'First', li 'First'] / plugin []",
    ]
    assert block_differences(ours, theirs) == [
        "after block 1: jekyll [] / plugin [ul 'First', li 'First']",
    ]
    assert block_differences(theirs, theirs) == []


def test_block_differences_stop_at_the_limit() -> None:
    theirs = [Block("p"), Block("hr")] * 5
    ours = [Block("p")] * 5
    assert len(block_differences(theirs, ours, limit=2)) == 2


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [("abc", "abc", 3), ("abc", "abd", 2), ("ab", "abc", 2), ("", "a", 0)],
)
def test_first_difference(left: str, right: str, expected: int) -> None:
    assert first_difference(left, right) == expected


def test_text_difference_shows_where_the_texts_part() -> None:
    assert text_difference("same", "same") is None
    found = text_difference("Japan’s plan", "Japan's plan", context=3)
    assert found == "at character 6: jekyll 'pan’s ' / plugin \"pan's \""
