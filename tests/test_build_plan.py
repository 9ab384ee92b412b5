"""A build planned on its own (`build.py`): the site's real files, read by MkDocs, and the
plugin's real configuration; `plan_build` moves and adds files in memory and writes none."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, get_files
from mkdocs.structure.pages import Page

from mkdocs_reeblog.build import Kept, ShownContent
from mkdocs_reeblog.planner import plan_build
from mkdocs_reeblog.plugin import ReeblogPlugin
from tests.conftest import MATERIAL_SITE, write_files
from tests.html_helpers import post_text

POSTS = {
    "docs/index.md": "# Home\n",
    "docs/_posts/2024-01-02-hello.md": post_text("title: Hello\ntags: [Rocks]"),
    "docs/_posts/2024-03-04-later.md": post_text(
        "title: Later\ncategory: mining\nredirect_from: /old-later/"
    ),
    "docs/_posts/2030-01-01-future.md": post_text("title: Not yet"),
    "docs/_includes/note.html": "a note",
}


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_planned_build_places_posts_and_adds_pages_and_writes_nothing(tmp_path: Path) -> None:
    write_files(tmp_path, POSTS)
    (tmp_path / "mkdocs.yml").write_text(MATERIAL_SITE + "plugins:\n  - reeblog\n")
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    plugin = config.plugins["reeblog"]
    assert isinstance(plugin, ReeblogPlugin)
    files = get_files(config)
    before = tree(tmp_path)

    build = plan_build(files, config, plugin.setup, Kept())

    assert tree(tmp_path) == before
    assert [entry.dest.url for entry in build.index] == [
        "mining/2024/03/04/later.html",
        "2024/01/02/hello.html",
    ]
    published = {f.src_uri: f.dest_uri for f in files}
    assert published["_posts/2024-01-02-hello.md"] == "2024/01/02/hello.html"
    assert "_posts/2030-01-01-future.md" not in published  # in the future: left out
    assert "_includes/note.html" not in published  # Jekyll's, not a file of the site
    kinds = sorted({listing.kind for listing in build.listings.values()})
    assert kinds == ["blog", "categories", "category", "tag", "tags", "year"]
    assert build.term_urls[("tag", "Rocks")] == "tag/rocks/"
    assert {f.dest_uri for f in files} >= {"old-later/index.html", "feed.xml"}
    assert [feed.path for feed in build.feeds] == ["feed.xml"]
    assert build.html is None  # the cards are made in on_env, with the theme


def test_shown_content_is_put_back_once_the_page_is_written() -> None:
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test"})
    page = Page("A", File("a.md", "docs", "site", use_directory_urls=True), config)
    page.content = "<p>own</p>"
    shown = ShownContent()
    shown.show(page, "<h1>Title</h1>" + page.content)
    shown.show(page, "<header></header><p>own</p>")
    assert page.content == "<header></header><p>own</p>"
    shown.written(page)
    assert page.content == "<p>own</p>"
    shown.written(page)  # nothing shown: nothing to put back
    assert page.content == "<p>own</p>"
