"""kramdown's extensions (`{::comment}`, `{::nomarkdown}`, `{::options /}`) and its
end-of-block marker `^` in the kramdown renderer, against kramdown.

Every expected HTML is what Jekyll 4.3.1 (kramdown 2.4.0, kramdown-parser-gfm 1.1.0) wrote for
the Markdown beside it, compared without the layout (`tests/kramdown_helpers.py`).
"""

from __future__ import annotations

import re

import pytest

from tests.kramdown_helpers import assert_renders_as, render, without_layout

EXTENSIONS = [
    ("First paragraph\n^\nSecond paragraph", "<p>First paragraph</p><p>Second paragraph</p>"),
    ("* one\n* two\n^\n* three", "<ul><li>one</li><li>two</li></ul><ul><li>three</li></ul>"),
    (
        "> quoted\n^\n> another quotation",
        ("<blockquote><p>quoted</p></blockquote><blockquote><p>another quotation</p></blockquote>"),
    ),
    (
        "Term\n: Definition\n^\nTerm 2\n: Definition 2",
        ("<dl><dt>Term</dt><dd>Definition</dd></dl><dl><dt>Term 2</dt><dd>Definition 2</dd></dl>"),
    ),
    ("para\n^\n{: .x}\nnext", '<p>para</p><p class="x">next</p>'),
    ("^\n\ntext", "<p>text</p>"),
    (
        "text\n^\n| a | b |",
        "<p>text</p><table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>",
    ),
    (
        '{::nomarkdown}\n<div class="raw">*not emphasis*</div>\n{:/nomarkdown}',
        '<div class="raw">*not emphasis*</div>',
    ),
    ("a {::nomarkdown}<b>*raw*</b>{:/nomarkdown} b", "<p>a <b>*raw*</b> b</p>"),
    ('{::nomarkdown type="latex"}\n\\LaTeX\n{:/}', ""),
    ('{::nomarkdown type="html"}\n<i>x</i>\n{:/}', "<i>x</i>"),
    ("{::comment}\nnever closed", "<p>{::comment}\nnever closed</p>"),
    ("{:/comment}", "<p>{:/comment}</p>"),
    ("{::unknown}\nx\n{:/unknown}", "<p>{::unknown}\nx\n{:/unknown}</p>"),
    (
        "`{::comment}x{:/comment}`",
        '<p><code class="language-plaintext highlighter-rouge">{::comment}x{:/comment}</code></p>',
    ),
]

COMMENTS = [
    (
        "{::comment}\nThis is a comment\n\nwith a blank line\n{:/comment}\n\ntext",
        "<!-- This is a comment\n\nwith a blank line --><p>text</p>",
    ),
    (
        "{::comment}\nclosed by the generic tag\n{:/}\ntext",
        "<!-- closed by the generic tag --><p>text</p>",
    ),
    ("text {::comment}hidden{:/comment} more", "<p>text <!-- hidden --> more</p>"),
    (
        "text\n{::comment}\nin the paragraph\n{:/comment}\nmore",
        "<p>text\n<!-- \nin the paragraph\n -->\nmore</p>",
    ),
]
"""kramdown writes a comment as an HTML comment, which nobody sees; the renderer drops it."""

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@pytest.mark.parametrize(("markdown", "kramdown_html"), EXTENSIONS)
def test_extensions_and_end_of_block_as_kramdown_reads_them(
    markdown: str, kramdown_html: str
) -> None:
    assert_renders_as(markdown, kramdown_html)


@pytest.mark.parametrize(("markdown", "kramdown_html"), COMMENTS)
def test_comments_are_dropped(markdown: str, kramdown_html: str) -> None:
    html = render(markdown).html
    assert "comment" not in html
    assert without_layout(html) == without_layout(_HTML_COMMENT.sub("", kramdown_html))


def test_options_are_ignored() -> None:
    """`{::options /}` shows nothing and changes nothing: the site's settings are Jekyll's
    (kramdown would stop giving the heading an id here)."""
    rendered = render('{::options auto_ids="false" /}\n# Heading')
    assert without_layout(rendered.html) == '<h1 id="heading">Heading</h1>'
