"""Instructions executed by a build, counted by Valgrind: the benchmark's noise-free companion.

Wall and CPU times on a shared machine move by a third from one minute to the next; the number
of instructions a build executes barely does (two runs differ by well under 1%). This script
builds the benchmark's generated sites (`bench.py`'s floor and reeblog configurations, same
posts) once each under `valgrind --tool=callgrind` and compares the counts. Builds run side by
side (one per CPU): counts do not depend on load. Valgrind runs a build about 60 times slower,
so N stays small (100 takes about two minutes, 1000 about twenty).

`--option KEY=VALUE` adds a reeblog variant with that plugin option (YAML value), to weigh one
feature: `--option nav_title="''"` (no "Blog" nav section), `--option seo=false`; several pairs
separated by spaces make one variant (`--option "tag_url='' category_url=''"`).

    sudo apt-get install valgrind                  # once (Debian package)
    .venv/bin/python benchmarks/instructions.py --n 100
    .venv/bin/python benchmarks/instructions.py --n 100 --option seo=false --option "nav_title=''"
    .venv/bin/python benchmarks/instructions.py --n 100 --by-page

`--by-page` splits each build's count by page (`page_split.py` marks where each page's work
starts and ends): posts, generated listing pages and the rest, read and converted, then written
through the theme, and what runs between pages.

Instructions are not time (a cache miss costs more than an addition, and Python's bytecode
runs fewer instructions a second than Markdown's regular expressions): at N=1000 reeblog counts
1.17x the floor's instructions and takes about 1.35x its time. The counts repeat, so they rank
two versions of the plugin and split its cost; the wall times of `bench.py` give its size.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from bench import (
    FLOOR,
    HERE,
    REEBLOG,
    Project,
    Variant,
    compile_plugin,
    mkdocs_command,
    mkdocs_env,
    prepare_project,
    work_folder,
)
from page_split import BETWEEN

_COLLECTED = re.compile(r"Collected : (\d+)")
_SUMMARY = re.compile(r"^summary: (\d+)", re.MULTILINE)


@dataclass(frozen=True)
class Count:
    variant: str
    instructions: int


def option_variant(option: str) -> Variant:
    """A reeblog variant with more plugin options, from `KEY=VALUE` pairs separated by spaces
    (each VALUE is YAML): `seo=false`, or `blog_url='' tag_url=''` for several at once."""
    options: dict[str, Any] = {}
    for pair in option.split():
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise SystemExit(f"--option {option!r}: write KEY=VALUE, such as seo=false")
        options[key] = yaml.safe_load(value)
    if not options:
        raise SystemExit("--option '': write KEY=VALUE, such as seo=false")
    plugins: list[Any] = []
    for plugin in REEBLOG.config["plugins"]:
        if isinstance(plugin, dict) and "reeblog" in plugin:
            plugin = {"reeblog": {**plugin["reeblog"], **options}}
        plugins.append(plugin)
    name = re.sub(r"[^\w=.+-]", "", "reeblog+" + "+".join(option.split()))  # also a file name
    return replace(REEBLOG, name=name, config={**REEBLOG.config, "plugins": plugins})


def count_build(config: Path, site: Path) -> int:
    """Instructions of one `mkdocs build` of `config` into `site`, under callgrind."""
    shutil.rmtree(site, ignore_errors=True)
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        *mkdocs_command("build", "-q", "-f", str(config), "-d", str(site)),
    ]
    env = {**mkdocs_env(), "PYTHONHASHSEED": "0"}  # the same dict and set orders every run
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(f"build failed under valgrind ({config}):\n{done.stderr[-3000:]}")
    return int(found.group(1))


def count_all(project: Project, variants: Sequence[Variant], jobs: int) -> list[Count]:
    def one(variant: Variant) -> Count:
        site = project.root / f"site-instructions-{variants.index(variant)}"
        return Count(variant.name, count_build(project.configs[variant.name], site))

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(one, variants))


@dataclass(frozen=True)
class PageSplit:
    variant: str
    parts: dict[str, tuple[int, int]]
    """Instructions and stretches counted under each `page_split.py` label."""


def count_by_page(config: Path, folder: Path) -> dict[str, tuple[int, int]]:
    """A build of `config` under callgrind, its instructions added up by `page_split.py` label."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    dumps, labels_file = folder / "callgrind.out", folder / "labels.txt"
    command = [
        "valgrind",
        "--tool=callgrind",
        "--dump-before=getppid",
        "--dump-line=no",  # the totals are all that is read: smaller files
        f"--callgrind-out-file={dumps}",
        sys.executable,
        str(HERE / "page_split.py"),
        str(config),
        str(folder / "site"),
        str(labels_file),
    ]
    env = {**mkdocs_env(), "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"build failed under valgrind ({config}):\n{done.stderr[-3000:]}")
    labels = labels_file.read_text(encoding="utf-8").splitlines()
    stretches = sorted(folder.glob("callgrind.out.*"), key=lambda p: int(p.suffix[1:]))
    if len(stretches) != len(labels):  # something else called getppid: the marks are wrong
        raise RuntimeError(f"{len(stretches)} counted stretches for {len(labels)} labels")
    parts: dict[str, tuple[int, int]] = {}
    # The last stretch, from the last mark to the exit, is in the file without a number.
    for label, dump in [*zip(labels, stretches, strict=True), (BETWEEN, dumps)]:
        found = _SUMMARY.search(dump.read_text(encoding="utf-8", errors="replace"))
        if found is None:
            raise RuntimeError(f"no count in {dump}")
        instructions, count = parts.get(label, (0, 0))
        parts[label] = (instructions + int(found.group(1)), count + 1)
    shutil.rmtree(folder)
    return parts


def split_all(project: Project, variants: Sequence[Variant], jobs: int) -> list[PageSplit]:
    def one(variant: Variant) -> PageSplit:
        folder = project.root / f"by-page-{variants.index(variant)}"
        return PageSplit(variant.name, count_by_page(project.configs[variant.name], folder))

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(one, variants))


def report_by_page(size: int, splits: Sequence[PageSplit]) -> str:
    labels = sorted({label for split in splits for label in split.parts}, key=_label_order)
    names = [split.variant for split in splits]
    lines = [
        f"## Instructions by page, N={size} (`benchmarks/instructions.py --by-page`)",
        "",
        "Billions of instructions, and millions a page (pages counted).",
        "",
        f"| part | {' | '.join(names)} |",
        f"|:-----|{'----------:|' * len(names)}",
    ]
    for label in labels:
        cells = []
        for split in splits:
            instructions, count = split.parts.get(label, (0, 0))
            pages = count if label != BETWEEN else 0
            each = f" ({instructions / pages / 1e6:.2f}M x {pages})" if pages else ""
            cells.append(f"{instructions / 1e9:.2f}{each}")
        lines.append(f"| {label} | {' | '.join(cells)} |")
    totals = [sum(i for i, _ in split.parts.values()) / 1e9 for split in splits]
    lines.append(f"| **whole build** | {' | '.join(f'**{t:.2f}**' for t in totals)} |")
    return "\n".join(lines) + "\n"


def _label_order(label: str) -> tuple[int, str]:
    return (1 if label == BETWEEN else 0, label)


def report(size: int, counts: Sequence[Count]) -> str:
    floor = next(c.instructions for c in counts if c.variant == FLOOR.name)
    lines = [
        f"## Instructions, N={size} (`benchmarks/instructions.py`)",
        "",
        "| build | instructions (billions) | / floor | more than the floor (billions) |",
        "|:------|------------------------:|--------:|-------------------------------:|",
    ]
    for count in counts:
        extra = (count.instructions - floor) / 1e9
        lines.append(
            f"| {count.variant} | {count.instructions / 1e9:.2f} | "
            f"{count.instructions / floor:.3f}x | {extra:+.2f} |"
        )
    return "\n".join(lines) + "\n"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100, help="number of posts")
    parser.add_argument("--option", action="append", default=[], help="KEY=VALUE variant")
    parser.add_argument("--jobs", type=int, default=2, help="builds at once")
    parser.add_argument("--out", type=Path, default=HERE / "results", help="where results go")
    parser.add_argument("--work", type=Path, help="where sites are generated (default: temp)")
    parser.add_argument("--by-page", action="store_true", help="split the counts by page")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: apt-get install valgrind", file=sys.stderr)
        return 2
    variants = [FLOOR, REEBLOG, *(option_variant(option) for option in args.option)]
    compile_plugin()
    with work_folder(args.work) as work:
        project = prepare_project(work, args.n, variants)
        if args.by_page:
            text = report_by_page(args.n, split_all(project, variants, args.jobs))
            name = f"instructions-by-page-n{args.n}.md"
        else:
            text = report(args.n, count_all(project, variants, args.jobs))
            name = f"instructions-n{args.n}.md"
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / name).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
