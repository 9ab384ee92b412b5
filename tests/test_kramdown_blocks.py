"""The kramdown renderer's blocks and typography against kramdown itself.

Every expected HTML below is what Jekyll 4.3.1 (kramdown 2.4.0, kramdown-parser-gfm 1.1.0,
Jekyll's default `kramdown` settings) wrote for the Markdown beside it, taken from real runs of
Jekyll's Markdown converter; the comparison ignores the blank lines and indentation between
elements, which kramdown and markdown-it lay out differently.
"""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_reeblog.jekyll.kramdown import KramdownRenderer, RenderOptions
from mkdocs_reeblog.jekyll.kramdown.typography import typographic
from tests.kramdown_helpers import assert_renders_as

RENDERER = KramdownRenderer(RenderOptions(highlight=False))


def layout_free(text: str) -> str:
    """HTML without the blank lines and indentation between elements."""
    return "\n".join(line.strip() for line in text.strip().splitlines() if line.strip())


def render(markdown: str) -> str:
    return layout_free(RENDERER.render(markdown).html)


TYPOGRAPHY = [
    ("Japan's 'x' \"y\" '90s \"'a'\" l'été", "<p>Japan’s ‘x’ “y” ’90s “‘a’” l’été</p>"),
    ("<< a >> b --- c -- d...", "<p>«\xa0a\xa0» b — c – d…</p>"),
    (
        '*"x"* and **\'y\'**\'s "*z*"',
        "<p><em>“x”</em> and <strong>‘y’</strong>’s “<em>z</em>”</p>",
    ),
    ("a\n'b' \"c\"", "<p>a\n‘b’ “c”</p>"),
    ('"Hello," he said. (\'x\') ["y"](u)', '<p>“Hello,” he said. (‘x’) <a href="u">“y”</a></p>'),
    ("It's 5'10\" and 'tis \"...\" -- ok", "<p>It’s 5’10” and ‘tis “…” – ok</p>"),
    (
        "x <http://a--b.com> ![it's --](a.png)",
        '<p>x <a href="http://a--b.com">http://a--b.com</a> <img src="a.png" alt="it\'s --" /></p>',
    ),
    ("(c) +- (tm) -> <- 1/2", "<p>(c) +- (tm) -&gt; &lt;- 1/2</p>"),
]


@pytest.mark.parametrize(("markdown", "expected"), TYPOGRAPHY)
def test_typography_as_kramdown_prints_it(markdown: str, expected: str) -> None:
    assert render(markdown) == expected


_PLAIN = st.text(alphabet=st.sampled_from("ab '\"-.<>\n"), max_size=40)


@given(_PLAIN)
def test_typography_keeps_every_letter(text: str) -> None:
    """Only quotes, dashes, dots and angle brackets change; letters and spaces stay in order."""
    out = typographic(text)
    assert re.sub(r"[^ab]", "", out) == re.sub(r"[^ab]", "", text)


def test_typography_leaves_code_alone() -> None:
    out = RENDERER.render("```\nit's -- \"x\"\n```\n\n`it's`\n").html
    assert html.escape('it\'s -- "x"', quote=False) in out or "it's -- &quot;x&quot;" in out
    assert "’" not in out and "–" not in out


BLOCKS = [
    (
        "text\n* x\n* y\n\n1. a\n3. b",
        "<p>text</p>\n<ul>\n<li>x</li>\n<li>y</li>\n</ul>\n<ol>\n<li>a</li>\n<li>b</li>\n</ol>",
    ),
    ("- a\n\n- b\n- c", "<ul>\n<li>\n<p>a</p>\n</li>\n<li>b</li>\n<li>c</li>\n</ul>"),
    (
        "- a\nb\n- c\n\n  d\n- e",
        "<ul>\n<li>a\nb</li>\n<li>\n<p>c</p>\n<p>d</p>\n</li>\n<li>e</li>\n</ul>",
    ),
    (
        "- [ ] a\n- [x] b\n- c",
        '<ul class="task-list">\n<li class="task-list-item"><input type="checkbox" '
        'class="task-list-item-checkbox" disabled="disabled" />a</li>\n'
        '<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" '
        'disabled="disabled" checked="checked" />b</li>\n<li class="task-list-item">c</li>\n</ul>',
    ),
    ("* a\n  * b\n* d", "<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n<li>d</li>\n</ul>"),
    ("a\nb\n---\n", "<p>a\nb\n—</p>"),
    ("a\n---\n", '<h2 id="a">a</h2>'),
    ("# H\n| a | b |\n", '<h1 id="h">H</h1>\n<p>| a | b |</p>'),
    ("#tag\n## x ##", '<p>#tag</p>\n<h2 id="x">x</h2>'),
    (
        "> a\nb\n\n> c",
        "<blockquote>\n<p>a\nb</p>\n</blockquote>\n<blockquote>\n<p>c</p>\n</blockquote>",
    ),
    # Jekyll highlights with Rouge; without a highlighter kramdown writes <pre><code>.
    ("    code\nlazy\n\n    more", "<pre><code>code lazy\n\nmore\n</code></pre>"),
    (
        "~~~\na < b\n~~~\n\n```ruby\nx\n```",
        '<pre><code>a &lt; b\n</code></pre>\n<pre><code class="language-ruby">x\n</code></pre>',
    ),
    (
        "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |",
        '<table>\n<thead>\n<tr>\n<th style="text-align: left">a</th>\n'
        '<th style="text-align: center">b</th>\n<th style="text-align: right">c</th>\n</tr>\n'
        '</thead>\n<tbody>\n<tr>\n<td style="text-align: left">1</td>\n'
        '<td style="text-align: center">2</td>\n<td style="text-align: right">3</td>\n</tr>\n'
        "</tbody>\n</table>",
    ),
    (
        "| a | b |\n| 1 |",
        "<table>\n<tbody>\n<tr>\n<td>a</td>\n<td>b</td>\n</tr>\n<tr>\n<td>1</td>\n"
        "<td>\xa0</td>\n</tr>\n</tbody>\n</table>",
    ),
    ("| a | b |\n|---|---|\nnot a row", "<p>| a | b |\n|—|—|\nnot a row</p>"),
    ("a  \nb\\\nc", "<p>a<br />\nb<br />\nc</p>"),
]


@pytest.mark.parametrize(("markdown", "expected"), BLOCKS)
def test_blocks_as_kramdown_reads_them(markdown: str, expected: str) -> None:
    assert render(markdown) == layout_free(expected)


TABLE_PIPES = [
    (
        "- the intro pattern `as [ |n']` names new bindings",
        "<ul><li>the intro pattern "
        '<code class="language-plaintext highlighter-rouge">'
        "as [ |n']</code> names new bindings</li></ul>",
    ),
    (
        '5.<a id="ref5">[Designing | 90 Percent](http://x.com/)</a>',
        '<p>5.<a id="ref5"><a href="http://x.com/">Designing | 90 Percent</a></a></p>',
    ),
    (
        "`a|b` | c",
        "<table><tbody><tr><td>"
        '<code class="language-plaintext highlighter-rouge">'
        "a|b</code></td><td>c</td></tr></tbody></table>",
    ),
    (
        "a | b\n`x|y`",
        (
            "<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>"
            '<code class="language-plaintext highlighter-rouge">'
            "x|y</code></td><td>"
            "</td></tr></tbody></table>"
        ),
    ),
    (
        "| a | b |\n|---|---|\n| `c|d` | e |",
        (
            "<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>"
            '<code class="language-plaintext highlighter-rouge">'
            "c|d</code></td><td>e</td></tr></tbody></table>"
        ),
    ),
    ("a \\| b", "<p>a | b</p>"),
]
"""kramdown takes lines for a table only when their pipes are outside code spans and HTML
elements (it reads those spans first); layout removed (`tests/kramdown_helpers.py`)."""


@pytest.mark.parametrize(("markdown", "kramdown_html"), TABLE_PIPES)
def test_table_pipes_in_spans_as_kramdown_reads_them(markdown: str, kramdown_html: str) -> None:
    assert_renders_as(markdown, kramdown_html)


def test_a_fence_with_words_after_its_language_is_not_code() -> None:
    """kramdown-parser-gfm takes one word after the fence; with more, the lines are text."""
    out = render("```python linenums\nx\n```\n")
    assert out.startswith("<p>") and "<pre>" not in out


_BLOCK_TEXT = st.lists(
    st.sampled_from(["- a", "* b", "1. c", "  d", "    e", "> f", "g", "", "| h | i |", "~~~"]),
    max_size=12,
)


@given(_BLOCK_TEXT)
def test_blocks_keep_every_letter(lines: list[str]) -> None:
    """Whatever the block structure, no letter of the post is lost or added."""
    markdown = "\n".join(lines)
    out = html.unescape(re.sub(r"<[^>]*>", "", RENDERER.render(markdown).html))
    assert re.sub(r"[^a-i]", "", out) == re.sub(r"[^a-i]", "", markdown)


HIGHLIGHTED = KramdownRenderer(
    RenderOptions(extra={"anchor_linenums": True, "pygments_lang_class": True})
)


def test_fenced_code_is_highlighted_as_material_expects() -> None:
    out = HIGHLIGHTED.render("```python\nx = 1\n```\n").html
    assert out.startswith('<div class="language-python highlight"><pre><span></span><code>')
    assert '<span class="n">x</span>' in out


def test_liquid_highlight_fence_gets_line_numbers() -> None:
    out = HIGHLIGHTED.render("```python?linenums=1&hl_lines=2\nx = 1\ny = 2\n```\n").html
    assert 'class="linenos"' in out or 'class="linenodiv"' in out
    assert '<span class="hll">' in out
    assert 'id="__codelineno-0-1"' in out
