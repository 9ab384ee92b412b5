"""Math (`$$…$$`) in the kramdown renderer, against kramdown.

The expected HTML is what Jekyll 4.3.1 (kramdown 2.4.0, kramdown-parser-gfm 1.1.0, its default
MathJax engine) wrote for the Markdown beside it, with each formula in the markup of
`pymdownx.arithmatex` (generic mode): kramdown's `\\[…\\]` in `<div class="arithmatex">`, its
`\\(…\\)` in `<span class="arithmatex">` (an IAL's attributes, which kramdown puts on a `<div>`
around the formula, go on that `<div>`, after its class). Compared without the layout
(`tests/kramdown_helpers.py`).
"""

from __future__ import annotations

import pytest

from tests.kramdown_helpers import assert_renders_as, render

MATH = [
    ("$$\na < b & c\n$$", '<div class="arithmatex">\\[a &lt; b &amp; c\\]</div>'),
    ("$$x^2$$", '<div class="arithmatex">\\[x^2\\]</div>'),
    (
        "$$a$$\n\n$$\nx\n\ny\n$$",
        ('<div class="arithmatex">\\[a\\]</div>\n\n<div class="arithmatex">\\[x\n\ny\\]</div>'),
    ),
    (
        "Text with $$x_1$$ inline, a $5 bill and `$$code$$`.",
        (
            '<p>Text with <span class="arithmatex">\\(x_1\\)</span>'
            " inline, a $5 bill and "
            '<code class="language-plaintext highlighter-rouge">'
            "$$code$$</code>.</p>"
        ),
    ),
    ("text\n$$x$$", '<p>text\n<span class="arithmatex">\\(x\\)</span></p>'),
    ("$$x$$ and more", '<p><span class="arithmatex">\\(x\\)</span> and more</p>'),
    ("$$x$$\ntext after", '<p><span class="arithmatex">\\(x\\)</span>\ntext after</p>'),
    ("* $$x$$", '<ul><li><div class="arithmatex">\\[x\\]</div></li></ul>'),
    ("> $$y$$", '<blockquote><div class="arithmatex">\\[y\\]</div></blockquote>'),
    ("   $$ z $$", '<div class="arithmatex">\\[z\\]</div>'),
    ("\\$$x$$ y", "<p>$$x$$ y</p>"),
    ("\\$$x$$", '<p><span class="arithmatex">\\(x\\)</span></p>'),
    ("a \\$$x$$", "<p>a $$x$$</p>"),
    ("## Heading $$x$$", '<h2 id="heading-x">Heading <span class="arithmatex">\\(x\\)</span></h2>'),
    ("$$a$$\n{: .cls #i}", '<div class="arithmatex cls" id="i">\\[a\\]</div>'),
    ("$$a$$ {: .cls}", '<div class="arithmatex cls">\\[a\\]</div>'),
    ("$$a$$\n^\ntext", '<div class="arithmatex">\\[a\\]</div><p>text</p>'),
    ("**$$a*b$$**", '<p><strong><span class="arithmatex">\\(a*b\\)</span></strong></p>'),
    ("[$$x$$](u)", '<p><a href="u"><span class="arithmatex">\\(x\\)</span></a></p>'),
    ("$$a\nb$$\nc", '<p><span class="arithmatex">\\(a\nb\\)</span>\nc</p>'),
    (
        "$$\n\\begin{align}\na &= b \\\\\n\\end{align}\n$$",
        ('<div class="arithmatex">\\[\\begin{align}\na &amp;= b \\\\\n\\end{align}\\]</div>'),
    ),
    ("$$ a $ b $$", '<div class="arithmatex">\\[a $ b\\]</div>'),
]


@pytest.mark.parametrize(("markdown", "kramdown_html"), MATH)
def test_math_as_kramdown_reads_it(markdown: str, kramdown_html: str) -> None:
    assert_renders_as(markdown, kramdown_html)


def test_math_is_not_typography() -> None:
    """Quotes and dashes in math stay as written (kramdown leaves math alone)."""
    html = render("$$f'(x) -- \"y\"$$ and 'text'").html
    assert '\\(f\'(x) -- "y"\\)' in html
    assert "‘text’" in html
