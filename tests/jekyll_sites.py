"""Whole Jekyll sites for the tests of `reeblog import`: a corpus's posts and `_config.yml`
(`jekyll_oracle.CORPORA`) with the root pages and files of `data/jekyll_sites/`."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.jekyll_oracle import CORPORA

__all__ = ["GALENA_ROOT", "galena_site"]

GALENA_ROOT = Path(__file__).resolve().parent / "data" / "jekyll_sites" / "galena_root"


def galena_site(folder: Path) -> Path:
    """The galena.es site in `folder` (made writable): the galena corpus and its root pages."""
    shutil.copytree(CORPORA / "galena", folder, dirs_exist_ok=True)
    shutil.copytree(GALENA_ROOT, folder, dirs_exist_ok=True)
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return folder
