"""kramdown's abbreviations in the kramdown renderer.

Each case is a Markdown input and the HTML kramdown gives it, taken from a real Jekyll 4.3.1
build (kramdown 2.4.0, kramdown-parser-gfm 1.1.0, Jekyll's defaults) of the oracle site
(tests/data/jekyll-oracle) with the case as a post's body; the comparison leaves out the
white space around block tags (`tests/kramdown_helpers.py`).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.kramdown_helpers import assert_renders_as, render, soup

CASES: list[tuple[str, str]] = [
    (
        "*[REE]: Rare Earth Elements\n\nREE prices and REE.\n",
        "\n"
        '<p><abbr title="Rare Earth Elements">REE</abbr> prices and <abbr title="Rare Earth '
        'Elements">REE</abbr>.</p>\n',
    ),
    (
        "REE before the definition.\n\n*[REE]: Rare Earth Elements\n",
        '<p><abbr title="Rare Earth Elements">REE</abbr> before the definition.</p>\n\n',
    ),
    (
        "*[REE]: Rare Earth Elements\n\nREE, (REE) xREE REEx REE_ _REE REE2 REE-1 éREE\n",
        "\n"
        '<p><abbr title="Rare Earth Elements">REE</abbr>, (<abbr title="Rare Earth '
        'Elements">REE</abbr>) xREE REEx REE_ _REE REE2 <abbr title="Rare Earth '
        'Elements">REE</abbr>-1 é<abbr title="Rare Earth Elements">REE</abbr></p>\n',
    ),
    (
        "*[REE]: Rare Earth Elements\n\n"
        "[REE](http://REE.org/REE) ![REE](REE.png) <span>REE</span> <code>REE</code> "
        "<kbd>REE</kbd>\n",
        "\n"
        '<p><a href="http://REE.org/REE"><abbr title="Rare Earth Elements">REE</abbr></a> <img '
        'src="REE.png" alt="REE" /> <span><abbr title="Rare Earth Elements">REE</abbr></span> '
        "<code>REE</code> <kbd>REE</kbd></p>\n",
    ),
    (
        "*[REE]: Rare Earth Elements\n\n## REE heading\n\n> REE quote\n\n* REE item\n\n"
        "| REE |\n|-----|\n| REE |\n",
        '\n<h2 id="ree-heading"><abbr title="Rare Earth Elements">REE</abbr> heading</h2>\n\n'
        '<blockquote>\n  <p><abbr title="Rare Earth Elements">REE</abbr> quote</p>\n'
        '</blockquote>\n\n<ul>\n  <li><abbr title="Rare Earth Elements">REE</abbr> item</li>\n'
        "</ul>\n\n<table>\n  <thead>\n    <tr>\n"
        '      <th><abbr title="Rare Earth Elements">REE</abbr></th>\n    </tr>\n  </thead>\n'
        '  <tbody>\n    <tr>\n      <td><abbr title="Rare Earth Elements">REE</abbr></td>\n'
        "    </tr>\n  </tbody>\n</table>\n",
    ),
    ("*[HTML]:\n\nHTML without a title.\n", "\n<p><abbr>HTML</abbr> without a title.</p>\n"),
    ("*[REE]: First\n*[REE]: Second\n\nREE\n", '\n<p><abbr title="Second">REE</abbr></p>\n'),
    (
        "*[ABC]: one\n*[ABC DEF]: two\n\nABC DEF and ABC\n",
        '\n<p><abbr title="two">ABC DEF</abbr> and <abbr title="one">ABC</abbr></p>\n',
    ),
    ("*[REE]: Rare\n{: .ab}\n\nREE\n", '\n<p><abbr class="ab" title="Rare">REE</abbr></p>\n'),
    (
        "*[.NET]: dotnet\n\nUse .NET and x.NET\n",
        '\n<p>Use <abbr title="dotnet">.NET</abbr> and x.NET</p>\n',
    ),
    (
        "A paragraph\n*[REE]: not a definition\n\nREE\n",
        "<p>A paragraph\n*[REE]: not a definition</p>\n\n<p>REE</p>\n",
    ),
    (
        "*[REE]: Rare Earth Elements\n\n<div>\nREE raw\n</div>\n\nREE *REE* **xREE**\n",
        "\n<div>\nREE raw\n</div>\n\n"
        '<p><abbr title="Rare Earth Elements">REE</abbr> <em><abbr title="Rare Earth '
        'Elements">REE</abbr></em> <strong>xREE</strong></p>\n',
    ),
    ("*[REE]:   spaced title   \n\nREE\n", '\n<p><abbr title="spaced title">REE</abbr></p>\n'),
    (
        "*[A B]: spaced\n\nA B and A  B and A\nB\n",
        '\n<p><abbr title="spaced">A B</abbr> and A  B and A\nB</p>\n',
    ),
]


@pytest.mark.parametrize(("markdown", "kramdown_html"), CASES)
def test_abbreviations_as_kramdown(markdown: str, kramdown_html: str) -> None:
    assert_renders_as(markdown, kramdown_html)


def test_abbreviation_text_is_escaped() -> None:
    """kramdown: `<abbr title="Research &lt;and&gt; development">R&D</abbr>` (the name as
    written): the renderer escapes it, the same text."""
    html = render("*[R&D]: Research <and> development\n\nR&D here\n").html
    assert html == '<p><abbr title="Research &lt;and&gt; development">R&amp;D</abbr> here</p>\n'


def test_not_in_code() -> None:
    """kramdown: `<code class="language-plaintext highlighter-rouge">REE</code>`."""
    html = render("*[REE]: Rare Earth Elements\n\n`REE` and ```REE```\n").html
    assert soup(html).find("abbr") is None


def test_heading_ids_are_made_from_the_text() -> None:
    rendered = render("*[REE]: Rare Earth Elements\n\n## REE heading\n")
    assert rendered.headings[0].id == "ree-heading"
    assert rendered.headings[0].title == "REE heading"


def test_one_post_does_not_leak_into_the_next() -> None:
    render("*[REE]: Rare Earth Elements\n\nREE\n")
    assert render("REE\n").html == "<p>REE</p>\n"


# Properties ----------------------------------------------------------------------------------

_WORDS = st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,5}", fullmatch=True)
_TEXT = st.lists(st.one_of(_WORDS, st.sampled_from([" ", ", ", ". ", "-", "("])), max_size=20)


@given(
    _WORDS,
    st.text(st.characters(codec="ascii", categories=("L", "N", "P", "Zs")), max_size=15),
    _TEXT,
)
def test_no_text_lost(name: str, title: str, words: list[str]) -> None:
    """The text reads the same with the definition removed; every use of the name as a word
    is wrapped, with the title."""
    text = "Text: " + "".join(words).strip()
    html = render(f"*[{name}]: {title}\n\n{text}\n").html
    paragraph = soup(html).find("p")
    assert paragraph is not None
    assert paragraph.get_text() == soup(render(f"{text}\n").html).get_text().strip()
    for abbr in paragraph.find_all("abbr"):
        assert abbr.get_text() == name
        assert abbr.get("title") == (title.strip() or None)
