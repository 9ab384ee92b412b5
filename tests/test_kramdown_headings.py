"""Heading ids, the `{:toc}` table of contents and MkDocs' permalinks in the kramdown renderer.

The ids and the HTML of each case are kramdown's, taken from a real Jekyll 4.3.1 build
(kramdown 2.4.0, kramdown-parser-gfm 1.1.0, Jekyll's defaults) of the oracle site
(tests/data/jekyll-oracle) with the case as a post's body. The heading cases include those
of `tests/test_jekyll_anchors.py` (the tricky post) and the known differences it lists for
Python-Markdown (runs of spaces, no-break space, empty ids, trailing space), which the
renderer gets right.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_reeblog.jekyll.kramdown import Heading, KramdownRenderer, RenderOptions
from mkdocs_reeblog.jekyll.kramdown.headings import basic_id, gfm_id
from tests.kramdown_helpers import assert_renders_as, render, soup

# (Markdown, the ids of its h1-h6 in order; None: no id).
IDS: list[tuple[str, list[str | None]] | object] = [
    ("## Rare Earths & Magnets\n", ["rare-earths--magnets"]),
    ("## C++ / C# — “Quotes”\n", ["c--c--quotes"]),
    ("## Café Über Straße\n", ["café-über-straße"]),
    ("## 日本の戦略\n", ["日本の戦略"]),
    ("## 2010 Supply Shock\n", ["2010-supply-shock"]),
    (
        "## Introduction\n\n### Introduction\n\n## Introduction\n",
        ["introduction", "introduction-1", "introduction-2"],
    ),
    ("## Explicit anchor {#explicit-id}\n", ["explicit-id"]),
    (
        "## Using `mkdocs build` with [Jekyll](https://jekyllrb.com/)\n",
        ["using-mkdocs-build-with-jekyll"],
    ),
    ("## Launch 🚀 Day\n", ["launch--day"]),
    ("Setext heading\n==============\n", ["setext-heading"]),
    ("#### Wait ... what?\n", ["wait--what"]),
    ("## 🚀\n\n## 🚀\n", [None, "-1"]),
    ("## Double  space\n", ["double--space"]),
    ("## No\u00a0break space\n", ["nobreak-space"]),
    ("## Before -- after\n", ["before--after"]),
    ("## Em --- dash\n", ["em--dash"]),
    ("## [Demo Code → ](https://example.org)\n", ["demo-code--"]),
    ("## a\n\n## a\n\n## a-1\n\n## A {#a-2}\n\n## a\n", ["a", "a-1", "a-1", "a-2", "a-2"]),
    ("## Cafe\u0301 decomposed\n", ["cafe\u0301-decomposed"]),
    ("## हिन्दी भाषा\n", ["हिन्दी-भाषा"]),
    ("## x² and Ⅻ and ① and ½\n", ["x-and-ⅻ-and--and-"]),
    ("## *Emphasis* and **strong** and ~~struck~~\n", ["emphasis-and-strong-and-struck"]),
    ("## An ![image](/i.png) here\n", ["an--here"]),
    ("## Entities &amp; &copy; &#8212; and \\*escapes\\*\n", ["entities----and-escapes"]),
    ("## <span>Raw</span> HTML\n", ["raw-html"]),
    ("## Tab\there\n", ["tab-here"]),
    ("> ## In a quote\n\n* ## In a list\n", ["in-a-quote", "in-a-list"]),
    ("## _under_score_ and snake_case\n", ["under_score-and-snake_case"]),
    ("## ÀÉÎ UPPER İstanbul\n", ["àéî-upper-i\u0307stanbul"]),
    ("## Ünïcödé – Tëxt\n", ["ünïcödé--tëxt"]),
    (
        "# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six\n",
        ["one", "two", "three", "four", "five", "six"],
    ),
    (
        '<div markdown="1">\n## Inside Heading\n\n## 2 Inside\n\n## Über\n</div>\n\n'
        "## Inside Heading\n",
        ["inside-heading", "inside", "ber", "inside-heading"],
    ),
]

_HEADING = re.compile(r"h[1-6]")


def heading_ids(html: str) -> list[str | None]:
    ids = [h.get("id") for h in soup(html).find_all(_HEADING)]
    return [None if i is None else str(i) for i in ids]


@pytest.mark.parametrize(("markdown", "ids"), IDS)
def test_heading_ids_are_kramdowns(markdown: str, ids: list[str | None]) -> None:
    assert heading_ids(render(markdown).html) == ids


@pytest.mark.parametrize(
    ("typeset", "expected"),
    [
        ("Before – after", "before--after"),
        ("Em — dash", "em--dash"),
        ("Wait … what?", "wait--what"),
    ],
)
def test_gfm_id_of_typeset_text(typeset: str, expected: str) -> None:
    """The ids of the typography cases above, from the text as kramdown typesets it."""
    assert gfm_id(typeset) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Inside Heading", "inside-heading"), ("2 Inside", "inside"), ("Über", "ber"), ("🚀", "")],
)
def test_basic_id(text: str, expected: str) -> None:
    """kramdown's own ids (for headings in HTML parsed as Markdown), from the case above."""
    assert basic_id(text) == expected


def test_rendered_headings() -> None:
    """What the page's table of contents is made of: every heading with an id, in order, its
    text without markup, and whether kramdown's TOC lists it."""
    rendered = render(
        "# Top\n\n## *Rare* `earths` & [magnets](/m)\n{: .no_toc}\n\n## 🚀\n\n### Last {#end}\n"
    )
    assert rendered.headings == (
        Heading(1, "top", "Top"),
        Heading(2, "rare-earths--magnets", "Rare earths & magnets", in_toc=False),
        Heading(3, "end", "Last"),
    )
    assert {"top", "rare-earths--magnets", "end"} <= rendered.ids
    assert "" not in rendered.ids


# (Markdown, kramdown's HTML) of tables of contents.
TOCS: list[tuple[str, str]] = [
    (
        "* TOC\n{:toc}\n\n## One\n\n### One A\n\n## Two\n",
        '<ul id="markdown-toc">\n  <li><a href="#one" id="markdown-toc-one">One</a>    <ul>\n'
        '      <li><a href="#one-a" id="markdown-toc-one-a">One A</a></li>\n    </ul>\n'
        '  </li>\n  <li><a href="#two" id="markdown-toc-two">Two</a></li>\n</ul>\n\n'
        '<h2 id="one">One</h2>\n\n<h3 id="one-a">One A</h3>\n\n<h2 id="two">Two</h2>\n',
    ),
    (
        "1. TOC\n{:toc}\n\n## One\n\n### One A\n\n## Two\n",
        '<ol id="markdown-toc">\n  <li><a href="#one" id="markdown-toc-one">One</a>    <ol>\n'
        '      <li><a href="#one-a" id="markdown-toc-one-a">One A</a></li>\n    </ol>\n'
        '  </li>\n  <li><a href="#two" id="markdown-toc-two">Two</a></li>\n</ol>\n\n'
        '<h2 id="one">One</h2>\n\n<h3 id="one-a">One A</h3>\n\n<h2 id="two">Two</h2>\n',
    ),
    (
        "# H1\n\n#### H4\n\n## H2\n\n* TOC\n{: .toc-list #contents toc}\n\n### H3\n",
        '<h1 id="h1">H1</h1>\n\n<h4 id="h4">H4</h4>\n\n<h2 id="h2">H2</h2>\n\n'
        '<ul class="toc-list" id="contents">\n'
        '  <li><a href="#h1" id="contents-h1">H1</a>    <ul>\n'
        '      <li><a href="#h4" id="contents-h4">H4</a></li>\n'
        '      <li><a href="#h2" id="contents-h2">H2</a>        <ul>\n'
        '          <li><a href="#h3" id="contents-h3">H3</a></li>\n        </ul>\n      </li>\n'
        '    </ul>\n  </li>\n</ul>\n\n<h3 id="h3">H3</h3>\n',
    ),
    (
        "* TOC\n{:toc}\n\n## Shown\n\n## Hidden\n{: .no_toc}\n\n### Under hidden\n",
        '<ul id="markdown-toc">\n'
        '  <li><a href="#shown" id="markdown-toc-shown">Shown</a>    <ul>\n'
        '      <li><a href="#under-hidden" id="markdown-toc-under-hidden">Under '
        'hidden</a></li>\n    </ul>\n  </li>\n</ul>\n\n<h2 id="shown">Shown</h2>\n\n'
        '<h2 class="no_toc" id="hidden">Hidden</h2>\n\n'
        '<h3 id="under-hidden">Under hidden</h3>\n',
    ),
    (
        "* TOC\n{:toc}\n\n* TOC\n{:toc}\n\n## A\n",
        '<ul id="markdown-toc">\n  <li><a href="#a" id="markdown-toc-a">A</a></li>\n</ul>\n\n'
        '<ul>\n  <li>TOC</li>\n</ul>\n\n<h2 id="a">A</h2>\n',
    ),
    ("* TOC\n{:toc}\n\nNo heading.\n", "\n<p>No heading.</p>\n"),
    (
        "* TOC\n{:toc}\n\n## 🚀\n\n## ok\n",
        '<ul id="markdown-toc">\n  <li><a href="#" id="markdown-toc-">🚀</a></li>\n'
        '  <li><a href="#ok" id="markdown-toc-ok">ok</a></li>\n</ul>\n\n<h2>🚀</h2>\n\n'
        '<h2 id="ok">ok</h2>\n',
    ),
    (
        "{:toc}\n* TOC\n\n## A\n",
        '<ul id="markdown-toc">\n  <li><a href="#a" id="markdown-toc-a">A</a></li>\n</ul>\n\n'
        '<h2 id="a">A</h2>\n',
    ),
    (
        "* a\n* b\n{:toc}\n\n## A\n",
        '<ul id="markdown-toc">\n  <li><a href="#a" id="markdown-toc-a">A</a></li>\n</ul>\n\n'
        '<h2 id="a">A</h2>\n',
    ),
    ("A paragraph.\n{:toc}\n\n## A\n", '<p>A paragraph.</p>\n\n<h2 id="a">A</h2>\n'),
    ("* TOC\n\n{:toc}\n\n## A\n", '<ul>\n  <li>TOC</li>\n</ul>\n\n<h2 id="a">A</h2>\n'),
    (
        "1. Contents\n{::toc}\n\n## A\n",
        '<ol>\n  <li>Contents\n{::toc}</li>\n</ol>\n\n<h2 id="a">A</h2>\n',
    ),
    ("- x\n  {: toc }\n\n## A\n", '<ul>\n  <li>x</li>\n</ul>\n\n<h2 id="a">A</h2>\n'),
    (
        "### Deep first\n\n# Top\n\n* TOC\n{:toc}\n",
        '<h3 id="deep-first">Deep first</h3>\n\n<h1 id="top">Top</h1>\n\n'
        '<ul id="markdown-toc">\n'
        '  <li><a href="#deep-first" id="markdown-toc-deep-first">Deep first</a></li>\n'
        '  <li><a href="#top" id="markdown-toc-top">Top</a></li>\n</ul>\n',
    ),
    (
        "> * TOC\n> {:toc}\n\n## A\n",
        '<blockquote>\n<ul id="markdown-toc">\n'
        '  <li><a href="#a" id="markdown-toc-a">A</a></li>\n</ul>\n</blockquote>\n\n'
        '<h2 id="a">A</h2>\n',
    ),
    (
        "* TOC\n{: toc}\n\n## A [link](/u) *em* ![img](/i.png)\n",
        '<ul id="markdown-toc">\n'
        '  <li><a href="#a-link-em-" id="markdown-toc-a-link-em-">A link <em>em</em> <img '
        'src="/i.png" alt="img" /></a></li>\n</ul>\n\n'
        '<h2 id="a-link-em-">A <a href="/u">link</a> <em>em</em> <img src="/i.png" alt="img" '
        "/></h2>\n",
    ),
    (
        "* TOC\n{:toc}\n\n## REE & *co*\n\n*[REE]: Rare Earth Elements\n",
        '<ul id="markdown-toc">\n'
        '  <li><a href="#ree--co" id="markdown-toc-ree--co"><abbr title="Rare Earth '
        'Elements">REE</abbr> &amp; <em>co</em></a></li>\n</ul>\n\n'
        '<h2 id="ree--co"><abbr title="Rare Earth Elements">REE</abbr> &amp; <em>co</em></h2>\n'
        "\n",
    ),
]


@pytest.mark.parametrize(("markdown", "kramdown_html"), TOCS)
def test_table_of_contents_as_kramdown(markdown: str, kramdown_html: str) -> None:
    assert_renders_as(markdown, kramdown_html)


def test_table_of_contents_ids_are_rendered_ids() -> None:
    rendered = render("* TOC\n{:toc}\n\n## One\n")
    assert {"markdown-toc", "markdown-toc-one", "one"} <= rendered.ids


# MkDocs' permalinks -------------------------------------------------------------------------

PERMALINKS = KramdownRenderer(RenderOptions(highlight=False, permalink="¶"))


def test_permalink_as_python_markdown_writes_it() -> None:
    """Python-Markdown's `toc` (permalink: true): `<h2 id="x">X<a class="headerlink"
    href="#x" title="Permanent link">&para;</a></h2>`; `¶` is the same character."""
    html = PERMALINKS.render("## Rare & Earth\n\n## 🚀\n").html
    assert html == (
        '<h2 id="rare--earth">Rare &amp; Earth<a class="headerlink" href="#rare--earth" '
        'title="Permanent link">¶</a></h2>\n<h2>🚀</h2>\n'
    )


def test_permalink_options() -> None:
    renderer = KramdownRenderer(
        RenderOptions(permalink="&sect;<", permalink_title="", permalink_class="x y")
    )
    html = renderer.render("## A\n").html
    assert html == '<h2 id="a">A<a class="x y" href="#a">&sect;&lt;</a></h2>\n'


def test_no_permalink_in_the_table_of_contents_or_titles() -> None:
    rendered = PERMALINKS.render("* TOC\n{:toc}\n\n## One\n")
    assert soup(rendered.html).select("#markdown-toc a")[0].get_text() == "One"
    assert rendered.headings == (Heading(2, "one", "One"),)


# Properties ----------------------------------------------------------------------------------

_TITLES = st.text(
    st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters="\\`*_[]<>&#{}"),
    min_size=1,
    max_size=30,
).filter(lambda text: text.strip() and not text.lstrip().startswith(("-", "+", "=", ">")))


@given(st.lists(_TITLES, min_size=1, max_size=5))
def test_every_heading_id_is_in_the_html_and_the_ids(titles: list[str]) -> None:
    markdown = "".join(f"## {title}\n\n" for title in titles)
    rendered = render(markdown)
    html_ids = [i for i in heading_ids(rendered.html) if i is not None]
    assert [h.id for h in rendered.headings] == html_ids
    assert set(html_ids) <= rendered.ids


@given(st.text(max_size=40))
def test_gfm_id_is_its_own_id(text: str) -> None:
    """An id is made only of what ids keep."""
    assert gfm_id(gfm_id(text)) == gfm_id(text)
