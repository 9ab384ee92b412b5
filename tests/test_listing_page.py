"""Generated listing pages share one Markdown conversion a build: the same site as without it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.conftest import MATERIAL_SITE, differing_files, write_and_build
from tests.html_helpers import post_text

POSTS: dict[str, str | bytes] = {
    f"_posts/2021-03-{day:02d}-day-{day}.md": post_text(
        f"title: Day {day}\ntags: [Japan, Tag {day % 3}]\ncategories: [mining]",
        f"Text of day {day}.\n\n## A heading\n\nMore.\n",
    )
    for day in range(1, 13)
}

CONFIG = (
    MATERIAL_SITE
    + """\
plugins:
  - search
  - reeblog:
      paginate: 2
      archive_paginate: 2
"""
)

# Another plugin changes the listing pages' Markdown (a blank line more: the same HTML), so
# that each of them is converted in full.
EVERY_PAGE_CONVERTED = """\
def on_page_markdown(markdown, page, config, files):
    return markdown + "\\n"
"""


def test_listing_pages_share_one_conversion_and_build_the_same_site(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="mkdocs.plugins.mkdocs_reeblog")
    shared = write_and_build(
        tmp_path / "shared", CONFIG, {f"docs/{k}": v for k, v in POSTS.items()}
    )
    assert len(shared.build.listings) > 10, shared.build.listings.keys()
    # One page converted in full, every other generated listing page took its result.
    took = len(shared.build.listings) - 1
    assert shared.build.listing_conversion.shared == took
    said = f"mkdocs_reeblog: {took} generated listing pages took the first one's conversion"
    assert said in caplog.messages  # what `mkdocs build --verbose` shows

    hook = {"hooks/blank_line.py": EVERY_PAGE_CONVERTED}
    files = {f"docs/{k}": v for k, v in POSTS.items()} | hook
    converted = write_and_build(
        tmp_path / "converted", CONFIG + "hooks:\n  - hooks/blank_line.py\n", files
    )
    assert converted.build.listing_conversion.shared == 0
    assert differing_files(tmp_path / "shared" / "site", tmp_path / "converted" / "site") == []
    page = tmp_path / "shared" / "site" / "tag" / "japan" / "page2" / "index.html"
    assert "Day 10" in page.read_text(encoding="utf-8")  # newest first, two a page


def test_markdown_that_adds_to_every_page_is_converted_on_each(tmp_path: Path) -> None:
    files = {f"docs/{k}": v for k, v in POSTS.items()}
    files["snippets/appendix.md"] = "Appended on every page.\n"
    config = CONFIG + (
        "markdown_extensions:\n"
        "  - pymdownx.snippets:\n"
        f"      base_path: [{tmp_path / 'snippets'}]\n"
        "      auto_append: [appendix.md]\n"
    )
    plugin = write_and_build(tmp_path, config, files)
    assert plugin.build.listing_conversion.shared == 0
    site = tmp_path / "site"
    for page in ("index.html", "page2/index.html", "tag/japan/index.html", "tags/index.html"):
        assert "Appended on every page." in (site / page).read_text(encoding="utf-8"), page
