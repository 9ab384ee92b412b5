"""Links that name the site by its domain become relative to the page that holds them."""

from __future__ import annotations

import pytest

from mkdocs_reeblog.jekyll.settings import SiteAddress
from mkdocs_reeblog.site_links import SiteLinks

ADDRESS = SiteAddress.from_urls("https://www.galena.es/")
FILES = [("assets/x.png", "assets/x.png"), ("about/index.html", "about/")]


@pytest.mark.parametrize("hosts", [None, ADDRESS.hosts])
@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<img src="https://www.galena.es/assets/x.png">', '<img src="../../assets/x.png">'),
        ('<img src="https://WWW.Galena.ES/assets/x.png">', '<img src="../../assets/x.png">'),
        ('<a href="https://galena.es/about/#team">', '<a href="../../about/#team">'),
        ('<a href="https://galena.es/missing/">', '<a href="https://galena.es/missing/">'),
        ('<a href="https://example.org/about/">', '<a href="https://example.org/about/">'),
        ("<p>no links</p>", "<p>no links</p>"),
    ],
)
def test_own_domain_links_are_made_relative(
    html: str, expected: str, hosts: frozenset[str] | None
) -> None:
    links = SiteLinks(FILES, ADDRESS.site_path, hosts)
    assert links.localize_html(html, "2024/post/") == expected
