"""The kramdown renderer's footnotes against kramdown itself.

Every expected HTML below is what Jekyll 4.3.1 (kramdown 2.4.0, kramdown-parser-gfm 1.1.0,
Jekyll's default `kramdown` settings) wrote for the Markdown beside it, taken from real runs of
Jekyll's Markdown converter; the comparison ignores the blank lines and indentation between
lines, which kramdown and markdown-it lay out differently. The backlink's space is a no-break
space, as kramdown writes it.
"""

from __future__ import annotations

import pytest

from mkdocs_reeblog.jekyll.kramdown import KramdownRenderer, RenderOptions
from tests.test_kramdown_blocks import layout_free, render

FOOTNOTES = [
    (
        "a[^1] b[^n] c[^1]\n\n[^1]: One *x*.\n[^n]: Two\n    more\n\n    para\n[^unused]: u",
        (
            '<p>a<sup id="fnref:1" role="doc-noteref">'
            '<a href="#fn:1" class="footnote" rel="footnote">1</a></sup>'
            ' b<sup id="fnref:n" role="doc-noteref">'
            '<a href="#fn:n" class="footnote" rel="footnote">2</a></sup>'
            ' c<sup id="fnref:1:1" role="doc-noteref">'
            '<a href="#fn:1" class="footnote" rel="footnote">1</a></sup></p>\n'
            '<div class="footnotes" role="doc-endnotes">\n<ol>\n'
            '<li id="fn:1" role="doc-endnote">\n<p>One <em>x</em>'
            '.\xa0<a href="#fnref:1" class="reversefootnote" role="doc-backlink">'
            "&#8617;</a>"
            '\xa0<a href="#fnref:1:1" class="reversefootnote" role="doc-backlink">'
            '&#8617;<sup>2</sup></a></p>\n</li>\n<li id="fn:n" role="doc-endnote">\n<p>'
            "Two\nmore</p>\n<p>para\n"
            '[^unused]: u\xa0<a href="#fnref:n" class="reversefootnote" role="doc-ba'
            'cklink">&#8617;</a></p>\n</li>\n</ol>\n</div>'
        ),
    ),
    (
        "x[^a]\n\n[^a]:\n    * list\n",
        (
            '<p>x<sup id="fnref:a" role="doc-noteref">'
            '<a href="#fn:a" class="footnote" rel="footnote">1</a></sup></p>\n'
            '<div class="footnotes" role="doc-endnotes">\n<ol>\n'
            '<li id="fn:a" role="doc-endnote">\n<ul>\n<li>list</li>\n</ul>\n<p>'
            '<a href="#fnref:a" class="reversefootnote" role="doc-backlink">&#8617;</a></p>'
            "\n</li>\n</ol>\n</div>"
        ),
    ),
    (
        "x [^1]\n\n[^1]: a\nlazy\n\nnot",
        (
            '<p>x <sup id="fnref:1" role="doc-noteref">'
            '<a href="#fn:1" class="footnote" rel="footnote">1</a></sup></p>\n<p>lazy</p>\n'
            '<p>not</p>\n<div class="footnotes" role="doc-endnotes">\n<ol>\n'
            '<li id="fn:1" role="doc-endnote">\n<p>'
            'a\xa0<a href="#fnref:1" class="reversefootnote" role="doc-backlink">'
            "&#8617;</a></p>\n</li>\n</ol>\n</div>"
        ),
    ),
    (
        "a[^x]\n\n[^y]: inner\n[^x]: see[^y] and[^z]\n\n[^z]: zz\n\nb[^z]",
        (
            '<p>a<sup id="fnref:x" role="doc-noteref">'
            '<a href="#fn:x" class="footnote" rel="footnote">1</a></sup></p>\n<p>'
            'b<sup id="fnref:z" role="doc-noteref">'
            '<a href="#fn:z" class="footnote" rel="footnote">2</a></sup></p>\n'
            '<div class="footnotes" role="doc-endnotes">\n<ol>\n'
            '<li id="fn:x" role="doc-endnote">\n<p>see<sup id="fnref:y" role="doc-noteref">'
            '<a href="#fn:y" class="footnote" rel="footnote">3</a></sup>'
            ' and<sup id="fnref:z:1" role="doc-noteref">'
            '<a href="#fn:z" class="footnote" rel="footnote">2</a></sup>'
            '\xa0<a href="#fnref:x" class="reversefootnote" role="doc-backlink">&#8617;</a>'
            '</p>\n</li>\n<li id="fn:z" role="doc-endnote">\n<p>'
            'zz\xa0<a href="#fnref:z" class="reversefootnote" role="doc-backlink">'
            "&#8617;</a>"
            '\xa0<a href="#fnref:z:1" class="reversefootnote" role="doc-backlink">'
            '&#8617;<sup>2</sup></a></p>\n</li>\n<li id="fn:y" role="doc-endnote">\n<p>'
            'inner\xa0<a href="#fnref:y" class="reversefootnote" role="doc-backlink">'
            "&#8617;</a></p>\n</li>\n</ol>\n</div>"
        ),
    ),
    (
        "* item[^f]\n\n  [^f]: in a list\n\nend",
        (
            '<ul>\n<li>\n<p>item<sup id="fnref:f" role="doc-noteref">'
            '<a href="#fn:f" class="footnote" rel="footnote">1</a></sup></p>\n</li>\n</ul>'
            '\n<p>end</p>\n<div class="footnotes" role="doc-endnotes">\n<ol>\n'
            '<li id="fn:f" role="doc-endnote">\n<p>'
            'in a list\xa0<a href="#fnref:f" class="reversefootnote" role="doc-backlink">'
            "&#8617;</a></p>\n</li>\n</ol>\n</div>"
        ),
    ),
    (
        "[^1]: first\n[^1]: second\n\nx[^1]",
        (
            '<p>x<sup id="fnref:1" role="doc-noteref">'
            '<a href="#fn:1" class="footnote" rel="footnote">1</a></sup></p>\n'
            '<div class="footnotes" role="doc-endnotes">\n<ol>\n'
            '<li id="fn:1" role="doc-endnote">\n<p>'
            'second\xa0<a href="#fnref:1" class="reversefootnote" role="doc-backlink">'
            "&#8617;</a></p>\n</li>\n</ol>\n</div>"
        ),
    ),
    (
        "x[^a b] [^-a] [^a-b]\n\n[^a-b]: ok",
        (
            '<p>x[^a b] [^-a] <sup id="fnref:a-b" role="doc-noteref">'
            '<a href="#fn:a-b" class="footnote" rel="footnote">1</a></sup></p>\n'
            '<div class="footnotes" role="doc-endnotes">\n<ol>\n'
            '<li id="fn:a-b" role="doc-endnote">\n<p>'
            'ok\xa0<a href="#fnref:a-b" class="reversefootnote" role="doc-backlink">'
            "&#8617;</a></p>\n</li>\n</ol>\n</div>"
        ),
    ),
]


@pytest.mark.parametrize(("markdown", "expected"), FOOTNOTES)
def test_footnotes_as_kramdown_writes_them(markdown: str, expected: str) -> None:
    assert render(markdown) == layout_free(expected)


def test_footnote_ids_are_collected() -> None:
    rendered = KramdownRenderer(RenderOptions(highlight=False)).render(
        "a[^1] b[^1]\n\n[^1]: note\n"
    )
    assert {"fn:1", "fnref:1", "fnref:1:1"} <= rendered.ids


def test_footnotes_do_not_leak_into_the_next_post() -> None:
    renderer = KramdownRenderer(RenderOptions(highlight=False))
    renderer.render("a[^1]\n\n[^1]: note\n")
    out = renderer.render("b[^1]\n")
    assert out.html == "<p>b[^1]</p>\n" and not out.ids
