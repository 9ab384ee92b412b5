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
