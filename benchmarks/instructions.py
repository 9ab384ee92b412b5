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

`--by-page` splits each build's count (`page_split.py` marks where each part starts and ends):
posts, generated listing pages and other pages, read and converted, then written through the
theme; each plugin event that runs once a build; MkDocs' steps between pages; the rest.

`--cache` also counts the misses of Valgrind's simulated caches (a little slower again: N=1000
took about 23 minutes), the last level `--ll-kib` KiB (default 4096, one core's L2 here: see
`LAST_LEVEL_KIB`). A miss costs tens to hundreds of instructions' time, more on a machine whose
caches others share: the misses say how much of a build's time the instruction count leaves out.

Instructions are not time (a cache miss costs more than an addition, and Python's bytecode
runs fewer instructions a second than Markdown's regular expressions), so the ratio of counts
is not the ratio of times. The counts repeat, so they rank two versions of the plugin and split
its cost; the wall times of `bench.py` give its size.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

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

T = TypeVar("T")
LAST_LEVEL_KIB = 4096
"""The simulated last-level cache of `--cache`: one core's L2 on the benchmark's machine. Its
L3 (300 MiB) is shared with other machines' work, and simulated whole, almost nothing would
miss it: the misses a build of a larger heap makes there, when others use it, would not show."""
_SUMMARY = re.compile(r"^summary: ([\d ]+)$", re.MULTILINE)
_EVENTS = re.compile(r"^events: ([\w ]+)$", re.MULTILINE)


@dataclass(frozen=True)
class Count:
    variant: str
    instructions: int
    first_level_misses: int = 0
    """With `--cache`: misses of the simulated first-level caches (instructions and data)."""
    last_level_misses: int = 0
    """With `--cache`: misses of the simulated last-level cache (`--ll-kib`)."""


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


def _callgrind(config: Path, options: Sequence[str], program: Sequence[str]) -> str:
    """Run `program` (a build of `config`) under callgrind with `options`; its stderr."""
    command = ["valgrind", "--tool=callgrind", *options, *program]
    env = {**mkdocs_env(), "PYTHONHASHSEED": "0"}  # the same dict and set orders every run
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"build failed under valgrind ({config}):\n{done.stderr[-3000:]}")
    return done.stderr


def cache_options(ll_kib: int | None) -> list[str]:
    """Callgrind's options to simulate the caches, the last level `ll_kib` KiB (None: none)."""
    if ll_kib is None:
        return []
    return ["--cache-sim=yes", f"--LL={ll_kib * 1024},16,64"]


def count_build(config: Path, site: Path, *, ll_kib: int | None = None) -> Part:
    """Counts of one `mkdocs build` of `config` into `site`, under callgrind (with cache
    misses when `ll_kib` sizes the simulated last-level cache)."""
    shutil.rmtree(site, ignore_errors=True)
    build = mkdocs_command("build", "-q", "-f", str(config), "-d", str(site))
    dump = site.with_name(site.name + ".callgrind")
    options = [*cache_options(ll_kib), "--dump-line=no", f"--callgrind-out-file={dump}"]
    _callgrind(config, options, build)
    part = _counted(dump)
    dump.unlink()
    return part


def _each_variant(variants: Sequence[Variant], jobs: int, one: Callable[[Variant], T]) -> list[T]:
    """`one` for each variant, `jobs` at a time, in the variants' order."""
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(one, variants))


def count_all(
    project: Project, variants: Sequence[Variant], jobs: int, *, ll_kib: int | None = None
) -> list[Count]:
    def one(variant: Variant) -> Count:
        site = project.root / f"site-instructions-{variants.index(variant)}"
        part = count_build(project.configs[variant.name], site, ll_kib=ll_kib)
        return Count(variant.name, part.instructions, part.first_level_misses, part.misses)

    return _each_variant(variants, jobs, one)


@dataclass(frozen=True)
class Part:
    """What was counted under one `page_split.py` label."""

    instructions: int = 0
    misses: int = 0
    """Last-level cache misses (with `--cache`; instructions and data, read and written)."""
    stretches: int = 0
    first_level_misses: int = 0
    """First-level cache misses (with `--cache`; instructions and data, read and written)."""

    def __add__(self, other: Part) -> Part:
        return Part(
            self.instructions + other.instructions,
            self.misses + other.misses,
            self.stretches + other.stretches,
            self.first_level_misses + other.first_level_misses,
        )


@dataclass(frozen=True)
class PageSplit:
    variant: str
    parts: dict[str, Part]


_LAST_LEVEL_MISSES = ("ILmr", "DLmr", "DLmw")
_FIRST_LEVEL_MISSES = ("I1mr", "D1mr", "D1mw")


def _counted(dump: Path) -> Part:
    """The totals of one callgrind file (its `events:` and `summary:` lines)."""
    text = dump.read_text(encoding="utf-8", errors="replace")
    events, summary = _EVENTS.search(text), _SUMMARY.search(text)
    if events is None or summary is None:
        raise RuntimeError(f"no count in {dump}")
    names, values = events.group(1).split(), [int(v) for v in summary.group(1).split()]
    values += [0] * (len(names) - len(values))  # callgrind leaves out trailing zeros
    counts = dict(zip(names, values, strict=True))
    misses = sum(counts.get(name, 0) for name in _LAST_LEVEL_MISSES)
    first_level = sum(counts.get(name, 0) for name in _FIRST_LEVEL_MISSES)
    return Part(counts["Ir"], misses, 1, first_level)


def count_by_page(config: Path, folder: Path, *, ll_kib: int | None = None) -> dict[str, Part]:
    """A build of `config` under callgrind (simulating the caches when `ll_kib` sizes the last
    level), its counts added up by `page_split.py` label."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    options = [
        "--dump-before=getppid",
        "--dump-line=no",  # the totals are all that is read: smaller files
        *cache_options(ll_kib),
        f"--callgrind-out-file={folder / 'callgrind.out'}",
    ]
    marked = [sys.executable, str(HERE / "page_split.py"), str(config), str(folder / "site")]
    _callgrind(config, options, [*marked, str(folder / "labels.txt")])
    parts = read_parts(folder)
    shutil.rmtree(folder)
    return parts


def read_parts(folder: Path) -> dict[str, Part]:
    """The counts of `folder`'s callgrind files added up by the labels of `labels.txt`."""
    labels = (folder / "labels.txt").read_text(encoding="utf-8").splitlines()
    stretches = sorted(folder.glob("callgrind.out.*"), key=lambda p: int(p.suffix[1:]))
    if len(stretches) != len(labels):  # something else called getppid: the marks are wrong
        raise RuntimeError(f"{len(stretches)} counted stretches for {len(labels)} labels")
    parts: dict[str, Part] = {}
    # The last stretch, from the last mark to the exit, is in the file without a number.
    for label, dump in [*zip(labels, stretches, strict=True), (BETWEEN, folder / "callgrind.out")]:
        parts[label] = parts.get(label, Part()) + _counted(dump)
    return parts


def split_all(
    project: Project, variants: Sequence[Variant], jobs: int, *, ll_kib: int | None = None
) -> list[PageSplit]:
    def one(variant: Variant) -> PageSplit:
        folder = project.root / f"by-page-{variants.index(variant)}"
        config = project.configs[variant.name]
        return PageSplit(variant.name, count_by_page(config, folder, ll_kib=ll_kib))

    return _each_variant(variants, jobs, one)


def report_by_page(size: int, splits: Sequence[PageSplit]) -> str:
    labels = sorted({label for split in splits for label in split.parts}, key=_label_order)
    lines = [
        f"## Instructions by page, N={size} (`benchmarks/instructions.py --by-page`)",
        "",
        "Billions of instructions, and millions a page (pages counted).",
        "",
        *_table(
            labels, splits, _instructions_cell, lambda total: f"**{total.instructions / 1e9:.2f}**"
        ),
    ]
    if any(part.misses for split in splits for part in split.parts.values()):
        lines += ["", "Last-level cache misses (millions; Valgrind's simulated caches).", ""]
        lines += _table(labels, splits, lambda _, part: f"{part.misses / 1e6:.1f}",
                        lambda total: f"{total.misses / 1e6:.1f}")  # fmt: skip
    return "\n".join(lines) + "\n"


def _table(
    labels: Sequence[str],
    splits: Sequence[PageSplit],
    cell: Callable[[str, Part], str],
    total: Callable[[Part], str],
) -> list[str]:
    """A table of `splits` side by side: a row a label, and the whole build's."""
    lines = [
        f"| part | {' | '.join(split.variant for split in splits)} |",
        f"|:-----|{'----------:|' * len(splits)}",
    ]
    for label in labels:
        cells = (cell(label, split.parts.get(label, Part())) for split in splits)
        lines.append(f"| {label} | {' | '.join(cells)} |")
    totals = (total(sum(split.parts.values(), Part())) for split in splits)
    lines.append(f"| **whole build** | {' | '.join(totals)} |")
    return lines


def _instructions_cell(label: str, part: Part) -> str:
    """Billions, and millions a page for pages (stretches of the rest are no pages)."""
    pages = part.stretches if label != BETWEEN else 0
    each = f" ({part.instructions / pages / 1e6:.2f}M x {pages})" if pages else ""
    return f"{part.instructions / 1e9:.2f}{each}"


def _label_order(label: str) -> tuple[int, str]:
    """Pages first, then plugin events, MkDocs' steps, and the rest."""
    if label == BETWEEN:
        return (3, label)
    return (2 if label.startswith("MkDocs") else 1 if label.startswith("on_") else 0, label)


def report(size: int, counts: Sequence[Count], *, ll_kib: int | None = None) -> str:
    floor = next(c for c in counts if c.variant == FLOOR.name)
    lines = [
        f"## Instructions, N={size} (`benchmarks/instructions.py`)",
        "",
        "| build | instructions (billions) | / floor | more than the floor (billions) |",
        "|:------|------------------------:|--------:|-------------------------------:|",
    ]
    for count in counts:
        extra = (count.instructions - floor.instructions) / 1e9
        lines.append(
            f"| {count.variant} | {count.instructions / 1e9:.2f} | "
            f"{count.instructions / floor.instructions:.3f}x | {extra:+.2f} |"
        )
    if ll_kib is not None:
        lines += [
            "",
            f"Cache misses (`--cache`: Valgrind's simulated caches, the last level {ll_kib} KiB).",
            "",
            "| build | first level (millions) | / floor | last level (millions) | / floor |",
            "|:------|-----------------------:|--------:|----------------------:|--------:|",
        ]
        for count in counts:
            first = count.first_level_misses / max(floor.first_level_misses, 1)
            last = count.last_level_misses / max(floor.last_level_misses, 1)
            lines.append(
                f"| {count.variant} | {count.first_level_misses / 1e6:.1f} | {first:.3f}x | "
                f"{count.last_level_misses / 1e6:.2f} | {last:.3f}x |"
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
    parser.add_argument("--cache", action="store_true", help="count cache misses too")
    parser.add_argument(
        "--ll-kib",
        type=int,
        default=LAST_LEVEL_KIB,
        help="size of the simulated last-level cache, with --cache (KiB)",
    )
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
        ll_kib = args.ll_kib if args.cache else None
        suffix = "-cache" if args.cache else ""
        if args.by_page:
            splits = split_all(project, variants, args.jobs, ll_kib=ll_kib)
            text = report_by_page(args.n, splits)
            name = f"instructions-by-page-n{args.n}{suffix}.md"
        else:
            text = report(
                args.n, count_all(project, variants, args.jobs, ll_kib=ll_kib), ll_kib=ll_kib
            )
            name = f"instructions-n{args.n}{suffix}.md"
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / name).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
