"""kramdown's attribute lists in the kramdown renderer: block IALs, span IALs, ALDs, header ids.

Each case is a Markdown input and the HTML kramdown gives it, taken from a real Jekyll 4.3.1
build (kramdown 2.4.0, kramdown-parser-gfm 1.1.0, Jekyll's defaults) of the oracle site
(tests/data/jekyll-oracle) with the case as a post's body; the comparison leaves out the
white space around block tags (`tests/kramdown_helpers.py`).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_reeblog.jekyll.kramdown import KramdownRenderer, RenderOptions
from mkdocs_reeblog.jekyll.kramdown.attribute_lists import AttributeList, parse_attribute_list
from tests.kramdown_helpers import assert_renders_as, render, soup

CASES: list[tuple[str, str]] = [
    # A block IAL right under a block applies to it (and ends a paragraph, list or quote).
    ("A paragraph.\n{: .note}\n", '<p class="note">A paragraph.</p>\n'),
    ("A paragraph.\n   {: .note}\n", '<p class="note">A paragraph.</p>\n'),
    (
        "A paragraph.\n{: .one}\n{: .two #three}\n",
        '<p class="one two" id="three">A paragraph.</p>\n',
    ),
    (
        "A paragraph.\n{: #i1 .c1 k='v' k2=\"v2\" unknown .c2.c3#i2}\n",
        '<p id="i2" class="c1 c2 c3" k="v" k2="v2">A paragraph.</p>\n',
    ),
    ("## A heading\n{: .no_toc}\n", '<h2 class="no_toc" id="a-heading">A heading</h2>\n'),
    (
        "## A heading\n{: #custom .c}\n\n## A heading\n",
        '<h2 id="custom" class="c">A heading</h2>\n\n<h2 id="a-heading">A heading</h2>\n',
    ),
    ("* one\n* two\n{: .list}\n", '<ul class="list">\n  <li>one</li>\n  <li>two</li>\n</ul>\n'),
    ("1. one\n2. two\n{: .list}\n", '<ol class="list">\n  <li>one</li>\n  <li>two</li>\n</ol>\n'),
    ("> A quote.\n{: .aside}\n", '<blockquote class="aside">\n  <p>A quote.</p>\n</blockquote>\n'),
    (
        "| a | b |\n|---|---|\n| 1 | 2 |\n{: .table}\n",
        '<table class="table">\n  <thead>\n    <tr>\n      <th>a</th>\n      <th>b</th>\n'
        "    </tr>\n  </thead>\n  <tbody>\n    <tr>\n      <td>1</td>\n      <td>2</td>\n"
        "    </tr>\n  </tbody>\n</table>\n",
    ),
    ("![Alt](/img.png)\n{: .center}\n", '<p class="center"><img src="/img.png" alt="Alt" /></p>\n'),
    ("<div>\nraw\n</div>\n{: .box}\n", '<div class="box">\nraw\n</div>\n'),
    # Otherwise to the block on the next line.
    ("{: .note}\nA paragraph.\n", '<p class="note">A paragraph.</p>\n'),
    ("{: .one}\n{: .two}\nA paragraph.\n", '<p class="one two">A paragraph.</p>\n'),
    ("{: .list}\n* one\n", '<ul class="list">\n  <li>one</li>\n</ul>\n'),
    ("{: .box}\n<div>\nraw\n</div>\n", '<div class="box">\nraw\n</div>\n'),
    # After a blank line, before one, or not alone on its line: lost, or text.
    ("A paragraph.\n\n{: .lost}\n", "<p>A paragraph.</p>\n\n"),
    ("{: .lost}\n\nA paragraph.\n", "\n<p>A paragraph.</p>\n"),
    (
        "* one\n\n{: .next}\nA paragraph.\n",
        '<ul>\n  <li>one</li>\n</ul>\n\n<p class="next">A paragraph.</p>\n',
    ),
    (
        "A paragraph.\n{: .x}\nAnother one.\n",
        '<p class="x">A paragraph.</p>\n<p>Another one.</p>\n',
    ),
    ("A paragraph {: .x}\n", "<p>A paragraph {: .x}</p>\n"),
    ("{: .x} at the start\n", "<p>{: .x} at the start</p>\n"),
    ("Not closed\n{: .x\n", "<p>Not closed\n{: .x</p>\n"),
    ("Empty\n{:}\n", "<p>Empty\n{:}</p>\n"),
    ("An extension\n{::nomarkdown}\n", "<p>An extension\n{::nomarkdown}</p>\n"),
    # First on a list item's line: the item's; under its text: its hidden paragraph's.
    (
        "* {: .first} one\n* {:.second}two\n",
        '<ul>\n  <li class="first">one</li>\n  <li class="second">two</li>\n</ul>\n',
    ),
    ("* {: .alone}\n  text\n", '<ul>\n  <li class="alone">text</li>\n</ul>\n'),
    ("* one\n  {: .para}\n", "<ul>\n  <li>one</li>\n</ul>\n"),
    # ALDs, defined anywhere in the post, by name; a definition may use another.
    (
        '{:note: .note title="Note"}\nA paragraph.\n{: note}\n',
        '<p class="note" title="Note">A paragraph.</p>\n',
    ),
    (
        "A paragraph.\n{: note .more}\n\n{:note: .note}\n",
        '<p class="note more">A paragraph.</p>\n\n',
    ),
    (
        "{:a: .one}\n{:b: a .two}\n\nA paragraph.\n{: b}\n",
        '\n<p class="one two">A paragraph.</p>\n',
    ),
    # Header ids: at the end of the heading's text, an XML name.
    ("## Title {#my-id}\n", '<h2 id="my-id">Title</h2>\n'),
    ("## Title ## {#my-id}\n", '<h2 id="my-id">Title</h2>\n'),
    ("## Title {#my-id} ##\n", '<h2 id="title-my-id">Title {#my-id}</h2>\n'),
    ("Title {#setext}\n=====\n", '<h1 id="setext">Title</h1>\n'),
    ("## Title {#a.b:c}\n", '<h2 id="a.b:c">Title</h2>\n'),
    ("## Title {#1x}\n", '<h2 id="title-1x">Title {#1x}</h2>\n'),
    ("## Title {#my-id}\n{: .c}\n", '<h2 id="my-id" class="c">Title</h2>\n'),
    ("## Title {#first}\n{: #second}\n", '<h2 id="second">Title</h2>\n'),
    # Span IALs: after a span element; after text, or inside the element, text.
    (
        "*em*{: .x} and **strong**{: .y}\n",
        '<p><em class="x">em</em> and <strong class="y">strong</strong></p>\n',
    ),
    (
        '[link](https://example.org){:target="_blank" rel="noopener"}\n',
        '<p><a href="https://example.org" target="_blank" rel="noopener">link</a></p>\n',
    ),
    ('[link](/u "Title"){: title="Other"}\n', '<p><a href="/u" title="Other">link</a></p>\n'),
    (
        '![Alt](/img.png){: .right width="50%"}\n',
        '<p><img src="/img.png" alt="Alt" class="right" width="50%" /></p>\n',
    ),
    ("**a *b*{: .x}**\n", '<p><strong>a <em class="x">b</em></strong></p>\n'),
    (
        "<https://example.org>{: .x}\n",
        '<p><a href="https://example.org" class="x">https://example.org</a></p>\n',
    ),
    ("text{: .x} stays\n", "<p>text{: .x} stays</p>\n"),
    ("*em* {: .x} stays\n", "<p><em>em</em> {: .x} stays</p>\n"),
    ("*{: .x}em*\n", "<p><em>{: .x}em</em></p>\n"),
    ("&amp;{: .x} entity\n", "<p>&amp; entity</p>\n"),
    ("An escaped \\*{: .x}\n", "<p>An escaped *{: .x}</p>\n"),
    ("[link](/u){: .a}\n{: .p}\n", '<p class="p"><a href="/u" class="a">link</a></p>\n'),
    # Inside quotes and list items as at the top; under a link definition: lost.
    (
        "para\n> {: .x}\n> quote\n",
        '<p>para</p>\n<blockquote>\n  <p class="x">quote</p>\n</blockquote>\n',
    ),
    (
        "para\n\n> quote\n> {: .x}\n",
        '<p>para</p>\n\n<blockquote>\n  <p class="x">quote</p>\n</blockquote>\n',
    ),
    (
        "* a\n\n  {: .x}\n  para\n",
        '<ul>\n  <li>\n    <p>a</p>\n\n    <p class="x">para</p>\n  </li>\n</ul>\n',
    ),
    ("para\n* {: .li} item\n", '<p>para</p>\n<ul>\n  <li class="li">item</li>\n</ul>\n'),
    ("[x]: http://u\n{: .c}\npara\n", "<p>para</p>\n"),
    # Values: entity references kept, the rest escaped.
    (
        'A paragraph.\n{: title="a &amp; <b> \\"quoted\\" \\}"}\n',
        '<p title="a &amp; &lt;b&gt; &quot;quoted&quot; }">A paragraph.</p>\n',
    ),
    (
        "A paragraph.\n{: onclick='x<y' data-x=\"&lt;tag&gt;\"}\n",
        '<p onclick="x&lt;y" data-x="&lt;tag&gt;">A paragraph.</p>\n',
    ),
    # An IAL for the block under it is a block boundary: a table may start there.
    (
        "para\n\n{: .t}\n| a | b |",
        ('<p>para</p><table class="t"><tbody><tr><td>a</td><td>b</td></tr></tbody></table>'),
    ),
    ("para\n{: .a}\n| a | b |", '<p class="a">para</p><p>| a | b |</p>'),
    (
        "para\n^\n{: .a}\n| a | b |",
        ('<p>para</p><table class="a"><tbody><tr><td>a</td><td>b</td></tr></tbody></table>'),
    ),
    ("{:r: .q}\n{: r}\n| a |", '<table class="q"><tbody><tr><td>a</td></tr></tbody></table>'),
    (
        "> {: .c}\n> | a |",
        ('<blockquote><table class="c"><tbody><tr><td>a</td></tr></tbody></table></blockquote>'),
    ),
]


@pytest.mark.parametrize(("markdown", "kramdown_html"), CASES)
def test_attribute_lists_as_kramdown(markdown: str, kramdown_html: str) -> None:
    assert_renders_as(markdown, kramdown_html)


def test_span_ial_on_raw_html_elements() -> None:
    """kramdown: `<p><span class="c">x</span> and <img src="a.png" class="c" /></p>` (it
    writes the HTML again; the renderer adds the attributes to the tags as written)."""
    html = render('<span>x</span>{: .c} and <img src="a.png">{: .c}\n').html
    assert html == '<p><span class="c">x</span> and <img src="a.png" class="c"></p>\n'


def test_span_ial_on_code() -> None:
    """kramdown: `<code class="language-plaintext c highlighter-rouge">code</code>` (Rouge's
    classes are the code renderer's part): the IAL's class is the code element's."""
    code = soup(render("`code`{: .c} done\n").html).find("code")
    assert code is not None and "c" in code.get_attribute_list("class")


@pytest.mark.parametrize("markdown", ["```\nx = 1\n```\n{: .c}\n", "    x = 1\n{: .c}\n"])
def test_block_ial_on_code(markdown: str) -> None:
    """kramdown puts the class on the code block's outer element (`<div class="language-plaintext
    c highlighter-rouge">`); here it is on the block's token, for the code renderer."""
    html = render(markdown).html
    assert "{:" not in html
    assert [e.name for e in soup(html).select(".c")] in (["pre"], ["code"], ["div"])


def test_ial_indented_as_code_is_text() -> None:
    """kramdown: `<p>A paragraph.\n    {: .x}</p>` (the indentation kept in the text)."""
    html = render("A paragraph.\n    {: .x}\n").html
    assert soup(html).find("p", class_="x") is None
    assert "{: .x}" in html


def test_ald_that_refers_to_itself_is_applied_once() -> None:
    """kramdown recurses until Ruby's stack overflows (Jekyll stops); the renderer applies
    the definition once."""
    html = render("{:loop: loop .x}\nA paragraph.\n{: loop}\n").html
    assert html == '<p class="x">A paragraph.</p>\n'


def test_ials_ids_are_in_rendered_ids() -> None:
    rendered = render("A paragraph.\n{: #para}\n\n*em*{: #span}\n\n## Heading\n")
    assert {"para", "span", "heading"} <= rendered.ids


def test_one_post_does_not_leak_into_the_next() -> None:
    render("{:note: .note}\nA paragraph.\n{: note}\n")
    assert render("A paragraph.\n{: note}\n").html == "<p>A paragraph.</p>\n"


# Properties ----------------------------------------------------------------------------------

_NAMES = st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,8}", fullmatch=True)
_VALUES = st.text(
    st.characters(exclude_characters='"\\}', exclude_categories=("Cc", "Cs")), max_size=20
)


@given(_NAMES, _VALUES)
def test_a_value_is_the_attribute_as_written(name: str, value: str) -> None:
    """Whatever a value holds (`<`, `&`, quotes...), it is one attribute of the element, and
    the IAL's text never shows."""
    html = render(f'Some text.\n{{: data-{name}="{value}"}}\n').html
    paragraph = soup(html).find("p")
    assert paragraph is not None
    assert paragraph.get_text() == "Some text."
    expected = soup(f'<p x="{value}"></p>').find("p")
    assert expected is not None
    assert paragraph[f"data-{name.lower()}"] == expected["x"]


@given(st.lists(_NAMES, min_size=1, max_size=4), st.lists(_NAMES, max_size=3))
def test_classes_add_up_in_order(classes: list[str], refs: list[str]) -> None:
    text = " ".join([*(f".{c}" for c in classes), *refs])
    assert parse_attribute_list(text) == AttributeList(refs, {"class": " ".join(classes)})


@pytest.mark.parametrize("highlight", [True, False])
def test_block_ial_on_code_is_escaped(highlight: bool) -> None:
    """The IAL's values reach the code block's outer element escaped, highlighted or not."""
    html = (
        KramdownRenderer(RenderOptions(highlight=highlight))
        .render('```\nx = 1\n```\n{: .c #i data-x="<b>\\"q"}\n')
        .html
    )
    element = soup(html).select_one(".c")
    assert element is not None and element.name == ("div" if highlight else "pre")
    assert (element["id"], element["data-x"]) == ("i", '<b>"q')
    assert "<b>" not in html
