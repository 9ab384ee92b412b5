"""After the command, the plugin lets go of the site: MkDocs' shutdown frees the pages."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from mkdocs.structure.pages import Page

from tests.conftest import MATERIAL_SITE, SEED_NAME, write_and_build


def test_shutdown_leaves_nothing_of_the_site_alive(tmp_path: Path, seed_text: str) -> None:
    files = {f"docs/_posts/{SEED_NAME}": seed_text, "docs/index.md": "# Home\n"}
    plugin = write_and_build(tmp_path, MATERIAL_SITE + "plugins:\n  - reeblog\n", files)
    gc.collect()
    site = str(tmp_path / "site")
    pages = [
        weakref.ref(o)
        for o in gc.get_objects()
        if isinstance(o, Page) and o.file.abs_dest_path.startswith(site)
    ]
    assert len(pages) >= 3  # the post, the home page, the blog index
    assert len(plugin.build.index) == 1

    plugin.on_shutdown()  # what MkDocs calls when the command is done
    gc.collect()
    assert [ref() for ref in pages if ref() is not None] == []
    assert len(plugin.build.index) == 0
    assert plugin.kept.excerpts == {}
