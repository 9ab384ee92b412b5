"""Posts rendered by the kramdown renderer inside real MkDocs builds: the table of contents
Material shows, relative links, search, the site's highlighter and permalinks, and
`markdown: mkdocs` (MkDocs' own rendering, unchanged)."""

from __future__ import annotations

import json
import logging

from hypothesis import example, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from mkdocs_reeblog.jekyll.kramdown import Heading
from mkdocs_reeblog.post_render import page_source, render_options, table_of_contents
from tests.conftest import SiteBuilder
from tests.html_helpers import page_soup, post_text, select_one, texts

SECTIONS = """\
# Introduction

Text.

## Details & more

More text, see [the other post](2024-01-02-other.md#part-two) and [a note](#introduction).

# Conclusion

The end.
"""

OTHER = """\
# Part one

## Part two

Text.
"""

POSTS: dict[str, str | bytes] = {
    "_posts/2024-01-01-sections.md": post_text("title: Sections <b>", SECTIONS),
    "_posts/2024-01-02-other.md": post_text("title: Other", OTHER),
}


def test_material_shows_every_heading_of_a_post_with_level_one_sections(
    build_site: SiteBuilder,
) -> None:
    site = build_site(POSTS, theme="material")
    soup = page_soup(site, "2024/01/01/sections.html")
    assert texts(soup, "nav.md-nav--secondary a.md-nav__link") == [
        "Introduction",
        "Details & more",
        "Conclusion",
    ]
    assert [h["id"] for h in soup.select("article h1[id], article h2[id]")] == [
        "introduction",
        "details--more",
        "conclusion",
    ]


def test_relative_links_to_posts_resolve_and_missing_ones_warn(build_site: SiteBuilder) -> None:
    broken = post_text("title: Broken", "See [nothing](missing.md) and [ok](2024-01-02-other.md).")
    site = build_site({**POSTS, "_posts/2024-01-03-broken.md": broken})
    soup = page_soup(site, "2024/01/01/sections.html")
    links = {
        a.get_text(): a["href"]
        for a in soup.select("a")
        if a.get_text() in ("the other post", "a note")
    }
    assert links == {"the other post": "../02/other.html#part-two", "a note": "#introduction"}
    assert any("'missing.md'" in message for message in site.messages(logging.WARNING))
    broken_links = {
        a.get_text(): a.get("href") for a in page_soup(site, "2024/01/03/broken.html")("a")
    }
    assert (broken_links["ok"], broken_links["nothing"]) == ("../02/other.html", "missing.md")


def test_search_finds_a_posts_sections(build_site: SiteBuilder) -> None:
    site = build_site(POSTS, theme="material")
    index = json.loads(site.read("search/search_index.json"))
    locations = {doc["location"] for doc in index["docs"]}
    assert "2024/01/01/sections.html#details--more" in locations
    assert "2024/01/01/sections.html#conclusion" in locations


HIGHLIGHTED = "```python\nprint('hi')\n```\n"


def test_code_is_highlighted_as_the_site_configures_it(build_site: SiteBuilder) -> None:
    post = {"_posts/2024-01-01-code.md": post_text("title: Code", HIGHLIGHTED)}
    plain = page_soup(build_site(post), "2024/01/01/code.html")
    assert select_one(plain, "pre > code").get_text() == "print('hi')\n"
    assert not plain.select(".highlight")
    yml = "markdown_extensions:\n  - pymdownx.highlight\n  - pymdownx.superfences\n"
    highlighted = page_soup(build_site(post, theme="material", yml=yml), "2024/01/01/code.html")
    assert select_one(highlighted, "div.highlight pre code").get_text() == "print('hi')\n"


def test_headings_get_the_sites_permalinks(build_site: SiteBuilder) -> None:
    yml = "markdown_extensions:\n  - toc:\n      permalink: true\n"
    soup = page_soup(build_site(POSTS, yml=yml), "2024/01/01/sections.html")
    link = select_one(soup, "h1#introduction a.headerlink")
    assert (link["href"], link.get_text()) == ("#introduction", "¶")


ADMONITION = "!!! note\n    An admonition.\n\nTerm {: .x}\n"


def test_markdown_mkdocs_renders_posts_with_the_sites_extensions(build_site: SiteBuilder) -> None:
    post = {"_posts/2024-01-01-note.md": post_text("title: Note", ADMONITION)}
    yml = "markdown_extensions:\n  - admonition\n"
    kramdown = page_soup(build_site(post, yml=yml), "2024/01/01/note.html")
    assert not kramdown.select(".admonition")
    mkdocs = page_soup(
        build_site(post, yml=yml, plugin_options="markdown: mkdocs"), "2024/01/01/note.html"
    )
    assert select_one(mkdocs, ".admonition").get_text(" ", strip=True).endswith("An admonition.")


def test_the_removed_options_are_a_warning_not_an_error(build_site: SiteBuilder) -> None:
    site = build_site(POSTS, plugin_options="kramdown: true\nshare_converter: false")
    assert site.ok
    warnings = "\n".join(site.messages(logging.WARNING))
    assert "'kramdown' is no longer used" in warnings
    assert "'share_converter' is no longer used" in warnings


def test_render_options_read_the_sites_markdown_configuration() -> None:
    assert render_options([], {}).highlight is False
    options = render_options(
        ["pymdownx.highlight", "toc"],
        {"pymdownx.highlight": {"linenums": True}, "toc": {"permalink": "#"}},
    )
    assert (options.highlight, options.linenums, options.permalink) == (True, True, "#")
    assert render_options(["toc"], {"toc": {"permalink": True}}).permalink == "¶"
    assert render_options(["markdown.extensions.codehilite"], {}).highlight is True


def test_the_table_of_contents_nests_headings_under_the_title() -> None:
    headings = [
        Heading(2, "a", "A <x>"),
        Heading(3, "b", "B"),
        Heading(2, "hidden", "Hidden", in_toc=False),
        Heading(1, "c", "C"),
        Heading(4, "d", "D"),
    ]
    (root,) = table_of_contents(headings, "Title & more")
    assert (root.title, root.level) == ("Title &amp; more", 1)
    assert [(link.title, [c.id for c in link.children]) for link in root.children] == [
        ("A &lt;x&gt;", ["b"]),
        ("C", ["d"]),
    ]
    assert list(table_of_contents([], "Title")) == []


_LINES = st.lists(
    st.sampled_from(["---", "...", "", "Author: Jane", "title: x", "  indented", "{}"])
    | st.text(alphabet="-.: \tKk1_#\r\x85\u2028", max_size=8),
    max_size=6,
).map("\n".join)


@given(_LINES)
@example("Author: Jane\n\nText")
@example("---\nauthor: Jane\n---\nText")
@example("\n\nAuthor: Jane")
@example("Text\nAuthor: Jane")
@example(" \nText")
@example("Text\r\nAuthor: Jane")
@settings(max_examples=500, deadline=None)
def test_mkdocs_reads_no_metadata_and_the_whole_body_from_a_post_source(body: str) -> None:
    """What MkDocs' own reader makes of `page_source(body)`: no metadata, and the body as the
    empty YAML block always gave it (MkDocs drops leading blank lines)."""
    assert get_data(page_source(body)) == (body.lstrip("\n"), {})
