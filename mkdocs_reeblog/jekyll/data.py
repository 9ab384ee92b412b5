"""`site.data`: the files of a Jekyll `_data` folder, read as Jekyll 4 reads them
(`lib/jekyll/readers/data_reader.rb`).

* Files ending in `.yaml`, `.yml`, `.json`, `.csv` or `.tsv` (lowercase), and folders, whose
  names do not start with `.`; a folder is a mapping of its own files.
* The key of a file is its name without extension, sanitised: characters other than letters,
  digits, `_`, `-` and spaces dropped, runs of spaces made one `_` (`My Team!.yml` -> `My_Team`).
  When two names give one key, the later one wins, in Jekyll's order: `.yaml` files, `.yml`,
  `.json`, `.csv`, `.tsv`, then folders, each group sorted by name.
* YAML (and JSON, which Jekyll reads as YAML) as it is; CSV and TSV rows as mappings from the
  first row's headers to the cells' text (an empty cell is nil, a header given twice keeps its
  first cell, as Ruby's `CSV::Row#to_hash`).
* A file that cannot be read is left out with a message naming its line.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import regex
import yaml

__all__ = ["read_data_dir", "sanitize_filename"]

_GROUPS = (".yaml", ".yml", ".json", ".csv", ".tsv")
# Ruby's `\w`, `\s` and `\b` are ASCII-only.
_DROPPED = regex.compile(r"[^\w\s-]+|(?<=^|\b\s)\s+(?=$|\s?\b)", regex.ASCII)
_SPACES = regex.compile(r"\s+", regex.ASCII)


def sanitize_filename(name: str) -> str:
    """`DataReader#sanitize_filename`: the key a data file or folder name gives."""
    return _SPACES.sub("_", _DROPPED.sub("", name))


def _entries(folder: Path) -> list[Path]:
    """The folder's data files and folders, in Jekyll's order (later ones win a shared key)."""
    visible = sorted(
        p for p in folder.iterdir() if not p.name.startswith(".") and not p.is_symlink()
    )
    files = [p for ext in _GROUPS for p in visible if p.is_file() and p.name.endswith(ext)]
    return files + [p for p in visible if p.is_dir()]


def _rows(text: str, delimiter: str) -> list[dict[str, str | None]]:
    """CSV rows as mappings from the headers (the first row) to the cells."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers = next(reader, [])
    rows: list[dict[str, str | None]] = []
    for cells in reader:
        row: dict[str, str | None] = {}
        for header, cell in zip(headers, cells, strict=False):
            row.setdefault(header, cell or None)
        for header in headers[len(cells) :]:
            row.setdefault(header, None)
        rows.append(row)
    return rows


def _read_file(path: Path) -> Any:
    """One data file's value; raises `ValueError` with `:LINE: reason` when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f":1: cannot be read ({exc}); save it as UTF-8 text") from exc
    suffix = path.suffix
    if suffix in (".csv", ".tsv"):
        try:
            return _rows(text, "," if suffix == ".csv" else "\t")
        except csv.Error as exc:
            raise ValueError(f":1: not valid CSV ({exc})") from exc
    if suffix == ".json":
        try:
            return json.loads(text)
        except ValueError:
            pass  # Jekyll reads JSON as YAML: what YAML takes is taken
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise ValueError(f":{line}: not valid YAML ({exc.problem}); it is left out") from exc
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        raise ValueError(f":1: not valid YAML ({exc}); it is left out") from exc


def read_data_dir(folder: Path, name: str = "_data") -> tuple[dict[str, Any], list[str]]:
    """`site.data` from `folder`, and a message per file left out (`NAME/file.yml:LINE: ...`,
    the path starting with `name`). A missing folder is no data."""
    data: dict[str, Any] = {}
    problems: list[str] = []

    def read(current: Path, into: dict[str, Any], shown: str) -> None:
        for entry in _entries(current):
            if entry.is_dir():
                inner: dict[str, Any] = {}
                into[sanitize_filename(entry.name)] = inner
                read(entry, inner, f"{shown}/{entry.name}")
                continue
            try:
                into[sanitize_filename(entry.stem)] = _read_file(entry)
            except ValueError as exc:
                problems.append(f"{shown}/{entry.name}{exc}")

    if folder.is_dir():
        read(folder, data, name)
    return data, problems
