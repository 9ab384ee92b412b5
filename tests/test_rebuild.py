"""Rebuilds as `mkdocs serve` runs them: one plugin instance keeps what it read across builds,
and an edited post must show its new title, tags, date and text on every page that shows it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from tests.conftest import write_files
from tests.html_helpers import post_text

EDITED = "_posts/2024-03-01-edited.md"
BEFORE = post_text(
    "title: Zqx Old Title\ndate: 2024-03-01 10:00\ntags: [ZqxOldTag]\ncategories: [Geology]",
    body="Zqx old body words.",
)
AFTER = post_text(
    "title: Zqx New Title\ndate: 2023-07-09 10:00\ntags: [ZqxNewTag]\ncategories: [Mining]",
    body="Zqx new body words.",
)
OLD_URL_FILE = "geology/2024/03/01/edited.html"
NEW_URL_FILE = "mining/2023/07/09/edited.html"


def serve_config(root: Path) -> MkDocsConfig:
    """The config `mkdocs serve` loads for each rebuild (plugins with `on_startup` are kept)."""
    return load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))


def site_texts(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(site.rglob("*"))
        if p.suffix in (".html", ".xml")
    }


@contextmanager
def serving(root: Path) -> Iterator[Callable[[], dict[str, str]]]:
    """Builds of `root` as `mkdocs serve` runs them, one plugin instance kept from build to
    build: each call of the function given builds and returns the site's HTML and XML texts."""
    config = serve_config(root)
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins["reeblog"]

    def rebuild() -> dict[str, str]:
        nonlocal config
        config = serve_config(root)
        assert config.plugins["reeblog"] is plugin, "serve keeps the plugin (and its cache)"
        build(config)
        return site_texts(root / "site")

    try:
        yield rebuild
    finally:
        config.plugins.on_shutdown()


def test_an_edited_post_changes_on_every_page_that_shows_it(tmp_path: Path) -> None:
    root = tmp_path / "blog"
    others = {
        f"_posts/2024-0{month}-02-other{month}.md": post_text(
            f"title: Other {month}\ntags: [ZqxOldTag, ZqxNewTag]\ncategories: [Geology, Mining]"
        )
        for month in (1, 2, 4)
    }
    write_files(root / "docs", {EDITED: BEFORE, **others})
    (root / "mkdocs.yml").write_text(
        "site_name: Rebuilds\nsite_url: https://blog.example.org/\n"
        "theme:\n  name: material\n  features: [navigation.footer]\n"
        "plugins:\n  - search\n  - reeblog\n",
        encoding="utf-8",
    )
    with serving(root) as rebuild:
        first = rebuild()
        assert "Zqx old body words." in first[OLD_URL_FILE]
        shown_on = {path for path, text in first.items() if "Zqx Old Title" in text}
        # The index, its tag, category and year pages, the feed, the neighbours' footers.
        assert {
            "index.html",
            "tag/zqxoldtag/index.html",
            "category/geology/index.html",
            "2024/index.html",
            "feed.xml",
            OLD_URL_FILE,
        } <= shown_on

        (root / "docs" / EDITED).write_text(AFTER, encoding="utf-8")
        stamp = (root / "docs" / EDITED).stat().st_mtime + 5
        os.utime(root / "docs" / EDITED, (stamp, stamp))
        second = rebuild()

    assert not [path for path, text in second.items() if "Zqx Old Title" in text]
    assert not [path for path, text in second.items() if "Zqx old body words." in text]
    assert OLD_URL_FILE not in second
    assert "Zqx new body words." in second[NEW_URL_FILE]
    for path in (
        "index.html",
        "tag/zqxnewtag/index.html",
        "category/mining/index.html",
        "2023/index.html",
        "feed.xml",
        NEW_URL_FILE,
    ):
        assert "Zqx New Title" in second[path], path
    assert "tag/zqxoldtag/index.html" in second  # the other posts still carry it
    assert "Zqx New Title" not in second["tag/zqxoldtag/index.html"]
    assert "Zqx New Title" not in second["category/geology/index.html"]
    assert "2024-03-01" not in second["feed.xml"].split("Zqx New Title", 1)[1].split("</entry>")[0]
    assert "/mining/2023/07/09/edited.html" in second["sitemap.xml"]


def test_an_edit_of_the_same_length_at_the_same_time_is_read(tmp_path: Path) -> None:
    # Two saves within one tick of the file system's clock, of the same length, leave the
    # file's modification time and size alike: the edit must show all the same.
    root = tmp_path / "blog"
    before = post_text("title: Zqx Same Size\ndate: 2024-03-01", body="Zqx aaaa words.")
    after = before.replace("Zqx aaaa words.", "Zqx bbbb words.")
    assert len(after.encode()) == len(before.encode())
    write_files(root / "docs", {EDITED: before})
    (root / "mkdocs.yml").write_text("site_name: Rebuilds\nplugins:\n  - reeblog\n")
    post = root / "docs" / EDITED
    with serving(root) as rebuild:
        assert "Zqx aaaa words." in rebuild()["2024/03/01/edited.html"]
        written = post.stat()
        post.write_text(after, encoding="utf-8")
        os.utime(post, ns=(written.st_atime_ns, written.st_mtime_ns))
        now = post.stat()
        assert (now.st_mtime_ns, now.st_size) == (written.st_mtime_ns, written.st_size)
        html = rebuild()["2024/03/01/edited.html"]
    assert "Zqx bbbb words." in html
    assert "Zqx aaaa words." not in html
