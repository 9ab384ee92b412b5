"""One `mkdocs build` that marks where each page's work, and each step between pages, starts
and ends, for `instructions.py --by-page`.

Run under `valgrind --tool=callgrind --dump-before=getppid`: each `os.getppid()` makes callgrind
write the instructions counted since the previous call to a file of its own. The build calls it
when a page's reading and converting (MkDocs' `_populate_page`) or its writing through the theme
(`_build_page`) starts and ends, and around the steps that run once a build: each plugin's
`on_config`, `on_files`, `on_nav`, `on_env`, `on_post_build` and `on_shutdown`, and MkDocs'
file list, nav and theme templates (`404.html`, the sitemap). It writes the label of each
counted stretch, in order, one a line, to LABELS. The rest (imports, the configuration, the
garbage collector's full passes that fall there, the exit) is labelled `rest of the build`. It
wraps functions of `mkdocs.commands.build` that are no public API: a measuring tool, as
`phases.py` is.

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

BETWEEN = "rest of the build"
PAGE_STEPS = {"_populate_page": "read and convert", "_build_page": "write through the theme"}
MKDOCS_STEPS = {
    "get_files": "MkDocs: file list",
    "get_navigation": "MkDocs: nav",
    "_build_theme_template": "MkDocs: theme templates",
}
ONCE_EVENTS = ("config", "files", "nav", "env", "post_build", "shutdown")


def page_kind(page: Page) -> str:
    """`post` (a file of a `_posts` folder), `listing` (a page a plugin generated) or `other`."""
    if "/_posts/" in f"/{page.file.src_uri}":
        return "post"
    return "listing" if page.file.generated_by is not None else "other"


def _marked(
    function: Callable[..., Any], label: Callable[..., str], labels: list[str]
) -> Callable[..., Any]:
    """`function`, its stretch counted apart: `label(*args)` names it."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        os.getppid()  # the stretch before ends
        labels.append(BETWEEN)
        try:
            return function(*args, **kwargs)
        finally:
            os.getppid()  # this one ends
            labels.append(label(*args))

    return wrapper


def _named(name: str) -> Callable[..., str]:
    return lambda *_: name


def _page_step(step: str) -> Callable[..., str]:
    return lambda page, *_: f"{page_kind(page)}: {step}"


def main(argv: list[str]) -> int:
    config_file, site, labels_file = argv
    labels: list[str] = []
    steps = {name: _page_step(step) for name, step in PAGE_STEPS.items()}
    steps |= {name: _named(label) for name, label in MKDOCS_STEPS.items()}
    for name, label in steps.items():
        setattr(mkdocs_build, name, _marked(getattr(mkdocs_build, name), label, labels))
    config = load_config(config_file, site_dir=site)
    for event in ONCE_EVENTS:
        methods = config.plugins.events[event]
        for index, method in enumerate(methods):
            owner = type(getattr(method, "__self__", method)).__name__
            methods[index] = _marked(method, _named(f"on_{event}: {owner}"), labels)
    config.plugins.on_startup(command="build", dirty=False)
    mkdocs_build.build(config)
    config.plugins.on_shutdown()
    Path(labels_file).write_text("\n".join(labels) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
