"""Values for templates: the term links that every post's view shares."""

from __future__ import annotations

from mkdocs_reeblog.blog.links import BASE
from mkdocs_reeblog.views import TermLink, term_linker


def test_term_links_are_made_once_a_term_and_shared() -> None:
    term_link = term_linker({("tag", "lithium"): "tag/lithium/"}, BASE.__add__)
    first = term_link("tag", "lithium")
    assert first == TermLink("lithium", BASE + "tag/lithium/")
    assert term_link("tag", "lithium") is first
    assert term_link("category", "lithium") == TermLink("lithium", None)
    assert term_link("tag", f"a{BASE}b") == TermLink("ab", None)
