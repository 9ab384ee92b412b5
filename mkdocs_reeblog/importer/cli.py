"""The `reeblog` command: `reeblog import PATH_TO_JEKYLL_SITE [DEST] [--force]`.

Writes the plan of `plan.py` into DEST (default: `NAME-mkdocs` in the current folder, NAME
being the site's folder). A file that exists with other content than the import would write is
the user's edit: it is kept, and named, unless `--force`; a file with the same content is left
alone, so running the import twice changes nothing. Large sites get a progress line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from mkdocs_reeblog.importer.plan import ImportPlan, plan_import
from mkdocs_reeblog.jekyll.settings import JekyllConfigError

__all__ = ["main", "write_plan"]

PROGRESS_EVERY = 250
"""Files between two progress lines (sites with fewer files get none)."""


def write_plan(plan: ImportPlan, dest: Path, *, force: bool) -> tuple[int, int, list[str]]:
    """Write `plan` into `dest`: the numbers of files written and left unchanged, and the
    files kept because they differ from what the import writes (without `force`)."""
    written = unchanged = 0
    kept: list[str] = []
    total = len(plan.files)
    for number, planned in enumerate(plan.files, 1):
        if total > PROGRESS_EVERY and number % PROGRESS_EVERY == 0:
            print(f"  {number}/{total} files", file=sys.stderr, flush=True)
        target = dest / planned.dest
        data = planned.data()
        if target.is_file():
            if target.read_bytes() == data:
                unchanged += 1
                continue
            if not force:
                kept.append(planned.dest)
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    return written, unchanged, kept


def _import(site: Path, dest: Path | None, *, force: bool) -> int:
    if not (site / "_config.yml").is_file() and not any(site.rglob("_posts")):
        print(f"reeblog import: {site}: no _config.yml and no _posts/ folder: "
              "give the folder of a Jekyll site", file=sys.stderr)  # fmt: skip
        return 2
    dest = dest if dest is not None else Path(site.resolve().name + "-mkdocs")
    if dest.resolve() == site.resolve():
        print("reeblog import: DEST must be another folder than the Jekyll site", file=sys.stderr)
        return 2
    try:
        plan = plan_import(site, skip=dest.resolve())
    except JekyllConfigError as exc:
        print(f"reeblog import: {exc}", file=sys.stderr)
        return 2
    written, unchanged, kept = write_plan(plan, dest, force=force)
    print(f"Imported {site} into {dest}: {written} files written, {unchanged} unchanged.")
    for name in kept:
        print(f"kept: {name}: it differs from what the import writes (your edit?); "
              "--force overwrites it")  # fmt: skip
    if plan.notes:
        print("Not copied or not mapped:")
        for note in plan.notes:
            print(f"  {note}")
    print(f"Next: cd {dest} && mkdocs serve")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="reeblog", description="Tools of mkdocs-reeblog, the MkDocs plugin for Jekyll blogs."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser(
        "import",
        help="make a ready MkDocs project of a Jekyll site",
        description="Write a ready MkDocs project (mkdocs.yml, docs/) of a Jekyll site: posts, "
        "pages and files copied unchanged, settings mapped from _config.yml.",
    )
    command.add_argument(
        "site", metavar="PATH_TO_JEKYLL_SITE", type=Path, help="the Jekyll site (with _config.yml)"
    )
    command.add_argument(
        "dest",
        metavar="DEST",
        type=Path,
        nargs="?",
        help="the MkDocs project's folder (default: NAME-mkdocs)",
    )
    command.add_argument(
        "--force", action="store_true", help="overwrite files you edited since the last import"
    )
    args = parser.parse_args(argv)
    return _import(args.site, args.dest, force=args.force)


if __name__ == "__main__":
    sys.exit(main())
