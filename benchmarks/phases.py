"""Where a build's wall time goes: MkDocs' phases and each plugin event, timed in one process.

cProfile multiplies the cost of Python calls unevenly (Markdown and Jinja far more than C
string work), so its split of a build misleads; this script wraps MkDocs' build steps and
the plugin events with a wall clock instead. It is a measuring tool: it wraps functions of
`mkdocs.commands.build` that are not a public API, and the plugin never does.

    .venv/bin/python benchmarks/bench.py --n 1000 --runs 1 --no-serve --no-material --work WORK
    .venv/bin/python benchmarks/phases.py WORK/n1000/jekyll/floor.yml
    .venv/bin/python benchmarks/phases.py WORK/n1000/jekyll/reeblog.yml

One build per config and process is the fair comparison: the first build pays for imports.
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # read by MkDocs on import: set it first

import jinja2
import mkdocs.commands.build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.plugins import PluginCollection
from mkdocs.structure.pages import Page

STEPS: dict[str, tuple[Any, str]] = {
    "read and convert pages (_populate_page)": (mkdocs_build, "_populate_page"),
    "  Markdown to HTML (Page.render)": (Page, "render"),
    "write pages through the theme (_build_page)": (mkdocs_build, "_build_page"),
    "  Jinja renders, all templates": (jinja2.Template, "render"),
}
EVENTS = ("files", "nav", "page_markdown", "page_content", "env", "page_context", "post_page",
          "post_build")  # fmt: skip


def _timed(owner: Any, name: str, label: str, totals: dict[str, float]) -> None:
    original: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            totals[label] += time.perf_counter() - start

    setattr(owner, name, wrapper)


def measure(config_file: Path) -> tuple[float, dict[str, float]]:
    """One build of `config_file` into a temporary folder: its wall time and the parts."""
    totals: dict[str, float] = defaultdict(float)
    saved = {(owner, name): getattr(owner, name) for owner, name in STEPS.values()}
    saved |= {(PluginCollection, f"on_{e}"): getattr(PluginCollection, f"on_{e}") for e in EVENTS}
    try:
        for label, (owner, name) in STEPS.items():
            _timed(owner, name, label, totals)
        for event in EVENTS:
            _timed(PluginCollection, f"on_{event}", f"plugin events: on_{event}", totals)
        with tempfile.TemporaryDirectory() as site:
            config = load_config(str(config_file), site_dir=site)
            config.plugins.on_startup(command="build", dirty=False)
            start = time.perf_counter()
            mkdocs_build.build(config)
            total = time.perf_counter() - start
            config.plugins.on_shutdown()
    finally:
        for (owner, name), original in saved.items():
            setattr(owner, name, original)
    return total, dict(totals)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("configs", nargs="+", type=Path, help="mkdocs.yml files to build")
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)
    results = {config: measure(config) for config in args.configs}
    labels = sorted({label for _, parts in results.values() for label in parts})
    labels = [label for label in [*STEPS, *labels] if label in labels or label in STEPS]
    names = [config.stem for config in args.configs]
    print(f"| step | {' | '.join(names)} |")
    print(f"|:--|{'--:|' * len(names)}")
    print(f"| whole build (s) | {' | '.join(f'{results[c][0]:.3f}' for c in args.configs)} |")
    for label in dict.fromkeys(labels):
        cells = " | ".join(f"{results[c][1].get(label, 0.0):.3f}" for c in args.configs)
        print(f"| {label} | {cells} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
