"""The example site, built twice by separate `mkdocs build` processes, gives the same bytes.

The two builds differ in everything that must not matter: the project's folder, the working
directory, the output folder and Python's hash seed (set and dict orders of strings).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from tests.conftest import REPO

EXAMPLE = REPO / "example_site"
SITEMAPS = {"sitemap.xml", "sitemap.xml.gz"}
"""MkDocs dates these with the build's day (UTC)."""


def build_copy(project: Path, site: Path, *, cwd: Path, hash_seed: str) -> None:
    """Copy the example to `project` and build it into `site` with `python -m mkdocs`."""
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("site"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": hash_seed}
    env.pop("SOURCE_DATE_EPOCH", None)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    command += ["-f", str(project / "mkdocs.yml"), "-d", str(site)]
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def utc_day() -> str:
    return datetime.now(timezone.utc).date().isoformat()


def test_example_site_builds_byte_for_byte_the_same(tmp_path: Path) -> None:
    day = utc_day()
    one, two = tmp_path / "out-one", tmp_path / "elsewhere" / "out-two"
    build_copy(tmp_path / "a" / "example_site", one, cwd=tmp_path / "a", hash_seed="1")
    (tmp_path / "elsewhere").mkdir()
    build_copy(tmp_path / "b" / "another name", two, cwd=two.parent, hash_seed="4242")
    first, second = files(one), files(two)
    assert len(first) > 40
    assert sorted(first) == sorted(second)
    different = sorted(path for path in first if first[path] != second[path])
    if utc_day() != day:  # the builds straddled midnight: the sitemaps may differ by a day
        different = [path for path in different if path not in SITEMAPS]
    assert different == []
    for path, content in first.items():
        if path.endswith((".html", ".xml", ".json")):
            text = content.decode("utf-8")
            assert str(tmp_path) not in text, f"{path} names the build folder"
