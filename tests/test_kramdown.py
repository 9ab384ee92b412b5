"""kramdown's syntax in posts: the TOC marker (`* TOC` then `{:toc}`) becomes Python-Markdown's
`[TOC]`; the extensions that render the rest are enabled when a post uses their syntax."""

from __future__ import annotations

import pytest

from mkdocs_reeblog.kramdown import (
    KramdownSlugger,
    add_kramdown_extensions,
    convert_toc_marker,
    enabled_extensions,
    used_extensions,
)
from mkdocs_reeblog.liquid import has_liquid
from tests.conftest import SiteBuilder


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("Intro.\n\n* TOC\n{:toc}\n\n## One\n", "Intro.\n\n[TOC]\n\n## One\n"),
        ("1. Contents\n{::toc}\n", "[TOC]\n"),
        ("- x\n  {: toc }\n", "[TOC]\n"),
        # No marker: the text is returned as it is (the same string).
        ("Stockpiles of tin.\n\n{: .note}\n", "Stockpiles of tin.\n\n{: .note}\n"),
        ("A stockpile {:toc} in a sentence.\n", "A stockpile {:toc} in a sentence.\n"),
        ("* TOC\n\n{:toc}\n", "* TOC\n\n{:toc}\n"),
    ],
)
def test_convert_toc_marker(markdown: str, expected: str) -> None:
    assert convert_toc_marker(markdown) == expected


def test_post_with_the_kramdown_marker_shows_a_table_of_contents(build_site: SiteBuilder) -> None:
    post = "---\ntitle: Tin\n---\n\n* TOC\n{:toc}\n\n## Stockpiles\n\nText.\n\n## Prices\n\nMore.\n"
    site = build_site({"_posts/2021-03-04-tin.md": post})
    html = site.read("2021/03/04/tin.html")
    assert '<div class="toc">' in html
    assert 'href="#stockpiles"' in html and 'href="#prices"' in html
    assert "{:toc}" not in html


BODIES = ["Plain text.\n", "A class.\n{: .note}\n", "A note.[^1]\n\n[^1]: Here.\n"]


def test_used_extensions_finds_the_syntax_of_posts() -> None:
    assert used_extensions(BODIES) == ["attr_list", "footnotes"]
    assert used_extensions(BODIES[:1]) == []


def test_used_extensions_skips_what_is_enabled_already() -> None:
    enabled = enabled_extensions(["markdown.extensions.footnotes", "toc"])
    assert {"footnotes", "toc", "markdown.extensions.footnotes"} <= enabled
    assert used_extensions(BODIES, enabled) == ["attr_list"]
    everything = {"attr_list", "footnotes", "abbr", "def_list", "md_in_html"}
    assert used_extensions(iter(BODIES), everything) == []


def test_add_kramdown_extensions_adds_what_is_missing_once() -> None:
    extensions: list[object] = ["markdown.extensions.footnotes", "tables"]
    configs: dict[str, dict[str, object]] = {}
    add_kramdown_extensions(extensions, configs, KramdownSlugger(), ["footnotes", "abbr"])
    assert extensions == ["markdown.extensions.footnotes", "tables", "abbr", "toc"]
    assert "slugify" in configs["toc"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [("{{ site.url }}", True), ("{% if x %}y{% endif %}", True), ("No braces.", False),
     ("A {set} and } {", False)],
)  # fmt: skip
def test_has_liquid(body: str, expected: bool) -> None:
    assert has_liquid(body) is expected
