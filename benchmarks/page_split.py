"""One `mkdocs build` that marks where each page's work starts and ends, for
`instructions.py --by-page`.

Run under `valgrind --tool=callgrind --dump-before=getppid`: each `os.getppid()` makes callgrind
write the instructions counted since the previous call to a file of its own. The build calls it
when a page's reading and converting (MkDocs' `_populate_page`) or its writing through the theme
(`_build_page`) starts and ends, and writes the label of each counted stretch, in order, one a
line, to LABELS. The stretches between pages (imports, configuration, `on_files`, `on_env`, the
nav, the sitemap, the search index, the exit) are labelled `between pages`. It wraps functions
of `mkdocs.commands.build` that are no public API: a measuring tool, as `phases.py` is.

    valgrind --tool=callgrind --dump-before=getppid --callgrind-out-file=OUT \\
        .venv/bin/python benchmarks/page_split.py CONFIG SITE LABELS
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # read by MkDocs on import: set it first

import mkdocs.commands.build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.structure.pages import Page

BETWEEN = "between pages"
STEPS = {"_populate_page": "read and convert", "_build_page": "write through the theme"}


def page_kind(page: Page) -> str:
    """`post` (a file of a `_posts` folder), `listing` (a page a plugin generated) or `other`."""
    if "_posts/" in f"/{page.file.src_uri}":
        return "post"
    return "listing" if page.file.generated_by is not None else "other"


def _marked(step: Callable[..., Any], name: str, labels: list[str]) -> Callable[..., Any]:
    @functools.wraps(step)
    def wrapper(page: Page, *args: Any, **kwargs: Any) -> Any:
        os.getppid()  # a stretch between pages ends
        labels.append(BETWEEN)
        try:
            return step(page, *args, **kwargs)
        finally:
            os.getppid()  # the page's stretch ends
            labels.append(f"{page_kind(page)}: {name}")

    return wrapper


def main(argv: list[str]) -> int:
    config_file, site, labels_file = argv
    labels: list[str] = []
    for function, name in STEPS.items():
        setattr(mkdocs_build, function, _marked(getattr(mkdocs_build, function), name, labels))
    config = load_config(config_file, site_dir=site)
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build.build(config)
    config.plugins.on_shutdown()
    Path(labels_file).write_text("\n".join(labels) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
