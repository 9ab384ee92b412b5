"""Definition lists of the kramdown renderer against kramdown's.

Every expected HTML is what Jekyll 4.3.1 (kramdown 2.4.0, kramdown-parser-gfm 1.1.0) wrote for
the Markdown beside it, compared without the layout (`tests/kramdown_helpers.py`).
"""

from __future__ import annotations

import pytest

from tests.kramdown_helpers import assert_renders_as, render

DEFINITION_LISTS = [
    ("Term\n: Definition", "<dl><dt>Term</dt><dd>Definition</dd></dl>"),
    (
        "Term 1\nTerm 2\n: First definition\n: Second definition",
        (
            "<dl><dt>Term 1</dt><dt>Term 2</dt><dd>First definition</dd><dd>"
            "Second definition</dd></dl>"
        ),
    ),
    (
        "Term\n\n: Definition after a blank line",
        "<dl><dt>Term</dt><dd><p>Definition after a blank line</p></dd></dl>",
    ),
    (
        "Term\n: Tight definition\n\n: Loose definition",
        ("<dl><dt>Term</dt><dd>Tight definition</dd><dd><p>Loose definition</p></dd></dl>"),
    ),
    (
        "Term\n: First paragraph\n\n  Second paragraph",
        "<dl><dt>Term</dt><dd>First paragraph<p>Second paragraph</p></dd></dl>",
    ),
    (
        "Apple\n: A fruit\n\nOrange\n: Another fruit",
        "<dl><dt>Apple</dt><dd>A fruit</dd><dt>Orange</dt><dd>Another fruit</dd></dl>",
    ),
    (
        "Term\n: Definition\nand a lazy line",
        "<dl><dt>Term</dt><dd>Definition\nand a lazy line</dd></dl>",
    ),
    (
        "Term\n: * one\n  * two\n\n  > quoted",
        (
            "<dl><dt>Term</dt><dd><ul><li>one</li><li>two</li></ul><blockquote><p>"
            "quoted</p></blockquote></dd></dl>"
        ),
    ),
    ("Term\n:     indented text", "<dl><dt>Term</dt><dd>indented text</dd></dl>"),
    (
        "Paragraph\n\nTerm\n: Definition",
        "<p>Paragraph</p><dl><dt>Term</dt><dd>Definition</dd></dl>",
    ),
    ("# Heading\n: not a definition", '<h1 id="heading">Heading</h1><p>: not a definition</p>'),
    (
        "* item\n: definition in the item",
        "<ul><li><dl><dt>item</dt><dd>definition in the item</dd></dl></li></ul>",
    ),
    (
        "*Term* with `code`\n: Definition with *emphasis*",
        (
            "<dl><dt><em>Term</em> with "
            '<code class="language-plaintext highlighter-rouge">'
            "code</code></dt><dd>Definition with <em>"
            "emphasis</em></dd></dl>"
        ),
    ),
    (
        "Term\n: Definition\n{: .glossary}",
        '<dl class="glossary"><dt>Term</dt><dd>Definition</dd></dl>',
    ),
    ("{: #words}\nTerm\n: Definition", '<dl id="words"><dt>Term</dt><dd>Definition</dd></dl>'),
    (
        "{: .t} Term\n: {: .d} Definition",
        '<dl><dt class="t">Term</dt><dd class="d">Definition</dd></dl>',
    ),
    (
        "Term\n\n\n: two blank lines: no definition list",
        "<p>Term</p><p>: two blank lines: no definition list</p>",
    ),
    (": a definition without a term", "<p>: a definition without a term</p>"),
    ("Term\n:no space after the colon", "<p>Term\n:no space after the colon</p>"),
    (
        "> Term\n> : Definition",
        "<blockquote><dl><dt>Term</dt><dd>Definition</dd></dl></blockquote>",
    ),
    (
        "Term\n: Definition\n\ntext after",
        "<dl><dt>Term</dt><dd>Definition</dd></dl><p>text after</p>",
    ),
    (
        "Term\n : one space before\n   more text",
        "<dl><dt>Term</dt><dd>one space before\nmore text</dd></dl>",
    ),
    (
        "Term\n: Definition\nOther\n: lazy, not a term",
        "<dl><dt>Term</dt><dd>Definition\nOther</dd><dd>lazy, not a term</dd></dl>",
    ),
]


@pytest.mark.parametrize(("markdown", "kramdown_html"), DEFINITION_LISTS)
def test_definition_lists_as_kramdown_writes_them(markdown: str, kramdown_html: str) -> None:
    assert_renders_as(markdown, kramdown_html)


def test_a_term_id_is_known() -> None:
    """An id given to a term by its IAL is one of the post's ids (other pages may link to it)."""
    assert "t" in render("{: #t} Term\n: Definition").ids
