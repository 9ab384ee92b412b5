"""kramdown's table-of-contents marker (`* TOC` then `{:toc}`) becomes Python-Markdown's `[TOC]`."""

from __future__ import annotations

import pytest

from mkdocs_reeblog.kramdown import convert_toc_marker
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
