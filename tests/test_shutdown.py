"""After the command, the plugin lets go of the site: MkDocs' shutdown frees the pages."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

from mkdocs_reeblog.plugin import ReeblogPlugin
from tests.conftest import MATERIAL_SITE, SEED_NAME, write_files


def test_shutdown_leaves_nothing_of_the_site_alive(tmp_path: Path, seed_text: str) -> None:
    write_files(tmp_path / "docs", {f"_posts/{SEED_NAME}": seed_text, "index.md": "# Home\n"})
    (tmp_path / "mkdocs.yml").write_text(MATERIAL_SITE + "plugins:\n  - reeblog\n")
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin = config.plugins["reeblog"]
    assert isinstance(plugin, ReeblogPlugin)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    gc.collect()
    site = str(tmp_path / "site")
    pages = [
        weakref.ref(o)
        for o in gc.get_objects()
        if isinstance(o, Page) and o.file.abs_dest_path.startswith(site)
    ]
    assert len(pages) >= 3  # the post, the home page, the blog index
    assert len(plugin.index) == 1

    config.plugins.on_shutdown()
    gc.collect()
    assert [ref() for ref in pages if ref() is not None] == []
    assert len(plugin.index) == 0
    assert plugin.excerpts == {}
