"""The benchmark scripts run (N=20: builds and `mkdocs serve` rebuilds): they cannot rot."""

from __future__ import annotations

import datetime
import importlib
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import mkdocs.utils
import pytest
import yaml

from tests.conftest import REPO
from tests.html_helpers import post_text

BENCH = REPO / "benchmarks" / "bench.py"


def _rows(table: str) -> dict[str, list[str]]:
    """Rows of the full-build table by build name: `| 20 | floor | 0.85 | ...`."""
    rows = {}
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 8 and cells[0] == "20":
            rows[cells[1]] = cells
    return rows


@pytest.mark.parametrize("sites", ["memory", "disk"])
def test_bench_smoke_run_writes_a_table(tmp_path: Path, sites: str) -> None:
    out = tmp_path / "results"
    command = [sys.executable, str(BENCH), "--n", "20", "--runs", "1", "--no-serve", "--no-plot"]
    command += ["--pause", "0"]
    command += ["--out", str(out), "--work", str(tmp_path / "work"), "--sites", sites]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=300, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    table = (out / "results.md").read_text(encoding="utf-8")
    rows = _rows(table)
    assert {"floor", "reeblog"} <= rows.keys(), table
    for name in ("floor", "reeblog"):
        wall, cpu, rss = (float(cell) for cell in rows[name][2:5])
        assert wall > 0 and cpu > 0 and rss > 0, rows[name]
    assert rows["floor"][5] == "1.00x"
    assert not (out / "build-time.png").exists()
    # The built sites are in a tmpfs folder (removed afterwards), or beside the posts.
    on_disk = (tmp_path / "work" / "n20-site-reeblog" / "index.html").is_file()
    in_memory = Path("/dev/shm").is_dir()
    assert on_disk == (sites == "disk" or not in_memory)
    assert ("written in memory" in table) == (not on_disk), table
    posts = sorted((tmp_path / "work" / "n20" / "jekyll" / "docs" / "_posts").glob("*.md"))
    assert len(posts) == 20
    assert posts[0].name.startswith("2015-01-01-")


def _generate(dest: Path, *options: str) -> dict[str, bytes]:
    command = [sys.executable, str(REPO / "benchmarks" / "generate.py"), "12", str(dest), *options]
    subprocess.run(command, check=True, capture_output=True, timeout=60)
    return {p.relative_to(dest).as_posix(): p.read_bytes() for p in dest.rglob("*") if p.is_file()}


def test_generated_posts_are_deterministic_and_shaped_like_the_seed(tmp_path: Path) -> None:
    first = _generate(tmp_path / "a")
    assert first == _generate(tmp_path / "b")
    posts = sorted(name for name in first if name.startswith("docs/_posts/"))
    assert len(posts) == 12
    assert posts[1].startswith("docs/_posts/2015-01-02-")
    text = first[posts[0]].decode("utf-8")
    front, body = text.split("---\n")[1:3]
    meta = yaml.safe_load(front)
    assert list(meta) == ["layout", "title", "subtitle", "excerpt_image", "categories", "tags"]
    assert (len(meta["categories"]), len(meta["tags"])) == (3, 4)
    image = meta["excerpt_image"].removeprefix("https://www.galena.es/")
    assert f"docs/{image}" in first
    assert first[f"docs/{image}"].startswith(b"\x89PNG")
    assert body.lstrip().startswith(f"![banner]({meta['excerpt_image']} ")
    assert 500 <= len(body.split()) <= 750
    assert "\n| " in body and "\n> " in body and "\n## " in body


def test_material_blog_posts_have_yaml_dates(tmp_path: Path) -> None:
    files = _generate(tmp_path, "--material-blog")
    (first,) = (n for n in files if n.startswith("docs/blog/posts/2015-01-01-"))
    text = files[first].decode("utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["date"] == datetime.date(2015, 1, 1)
    assert (len(meta["categories"]), len(meta["tags"])) == (3, 4)
    assert "<!-- more -->" in text


def _small_blog(folder: Path, posts: int) -> Path:
    """A reeblog site of `posts` one-line posts in `folder`; its `mkdocs.yml`."""
    docs = folder / "docs" / "_posts"
    docs.mkdir(parents=True)
    for day in range(1, posts + 1):
        (docs / f"2024-01-{day:02d}-post{day}.md").write_text(
            post_text(f"title: Post {day}\ntags: [a]", f"Text {day}.\n"), encoding="utf-8"
        )
    config = folder / "reeblog.yml"
    config.write_text(
        "site_name: Small\nsite_url: https://example.org/\ntheme:\n  name: material\n"
        "plugins:\n  - search\n  - reeblog\n",
        encoding="utf-8",
    )
    return config


def _run_script(script: str, *args: Path) -> subprocess.CompletedProcess[str]:
    """`python benchmarks/SCRIPT ARGS`."""
    command = [sys.executable, str(REPO / "benchmarks" / script), *map(str, args)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=300, check=False
    )


def test_phases_script_splits_a_real_build(tmp_path: Path) -> None:
    done = _run_script("phases.py", _small_blog(tmp_path, 20))
    assert done.returncode == 0, done.stdout + done.stderr
    rows = {
        cells[0]: float(cells[1])
        for line in done.stdout.splitlines()
        if len(cells := [c.strip() for c in line.strip().strip("|").split("|")]) == 2
        and cells[1].replace(".", "", 1).isdigit()
    }
    assert rows["whole build (s)"] > 0
    assert 0 < rows["plugin events: on_files"] < rows["whole build (s)"]
    assert 0 < rows["write pages through the theme (_build_page)"] < rows["whole build (s)"]


def test_instructions_script_makes_variants_and_ratios(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Valgrind runs take minutes (not run here); the rest of the script is checked."""
    monkeypatch.syspath_prepend(str(REPO / "benchmarks"))
    instructions = importlib.import_module("instructions")
    variant = instructions.option_variant("nav_title=''")
    assert variant.name == "reeblog+nav_title="
    plugins = variant.mkdocs_config()["plugins"]
    assert plugins == ["search", {"reeblog": {"future": True, "nav_title": ""}}]
    assert instructions.REEBLOG.config["plugins"][1] == {"reeblog": {"future": True}}
    several = instructions.option_variant("tag_url='' seo=false")
    assert several.name == "reeblog+tag_url=+seo=false"
    assert several.mkdocs_config()["plugins"][1] == {
        "reeblog": {"future": True, "tag_url": "", "seo": False}
    }
    for wrong in ("seo", "", "seo=false tag_url"):
        with pytest.raises(SystemExit):
            instructions.option_variant(wrong)
    table = instructions.report(
        100,
        [instructions.Count("floor", 6_000_000_000), instructions.Count("reeblog", 7_500_000_000)],
    )
    assert "| reeblog | 7.50 | 1.250x | +1.50 |" in table
    assert "| floor | 6.00 | 1.000x | +0.00 |" in table


def _bench_module(monkeypatch: pytest.MonkeyPatch, name: str) -> Any:
    monkeypatch.syspath_prepend(str(REPO / "benchmarks"))
    return importlib.import_module(name)


# A real `mkdocs serve` log of the benchmark (N=1000, reeblog): the sixth build took as long as an
# earlier one to the hundredth of a second, and MkDocs' duplicate filter dropped its line.
SERVE_LOG = """\
INFO    -  Building documentation...
INFO    -  Cleaning site directory
INFO    -  Documentation built in 8.34 seconds
INFO    -  [07:36:37] Watching paths for changes: 'docs', 'reeblog.yml'
INFO    -  [07:36:37] Serving on http://127.0.0.1:54399/
""" + "".join(
    f"INFO    -  [07:3{i}:48] Detected file changes\nINFO    -  Building documentation...\n"
    f"INFO    -  Documentation built in {seconds} seconds\n"
    f"INFO    -  [07:3{i}:57] Reloading browsers\n"
    for i, seconds in enumerate(["9.20", "9.49", "9.24", "8.28"])
)
LAST_REBUILD = "INFO    -  [07:38:08] Detected file changes\nINFO    -  Building documentation...\n"


def test_serve_builds_are_counted_though_mkdocs_drops_a_repeated_build_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bench = _bench_module(monkeypatch, "bench")
    record = logging.LogRecord(
        "mkdocs.commands.build", logging.INFO, "", 0, "built in 9.24", (), None
    )
    drop_repeats = mkdocs.utils.DuplicateFilter()  # what `mkdocs serve` puts on the build's log
    assert drop_repeats(record) and not drop_repeats(record)
    assert bench.builds_finished(SERVE_LOG) == 5
    assert bench.builds_finished(SERVE_LOG + LAST_REBUILD) == -1  # one is running
    finished = SERVE_LOG + LAST_REBUILD + "INFO    -  [07:38:17] Reloading browsers\n"
    assert bench.builds_finished(finished) == 6  # its "Documentation built in 9.24" was dropped
    failed = "ERROR   -  An error happened during the rebuild. The server will appear stuck\n"
    assert bench.builds_finished(SERVE_LOG + LAST_REBUILD + failed) == 6
    assert bench.builds_finished("INFO    -  Building documentation...\n") == -1


def test_the_median_of_the_runs_lies_in_an_interval_of_their_values(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bench = _bench_module(monkeypatch, "bench")
    # 7 runs: the 2nd smallest and 2nd largest; 1 - 2 * (1 + 7) / 128 = 87.5%
    assert bench.median_interval([1.21, 1.20, 1.35, 1.12, 1.15, 1.22, 1.46]) == (1.15, 1.35, 0.875)
    assert bench.median_interval([3.0, 1.0, 2.0, 5.0, 4.0]) == (1.0, 5.0, 0.9375)
    assert bench.median_interval([1.0, 2.0, 3.0]) is None  # 75% at best
    results = bench.Results()
    for floor, mine in [(10.0, 11.0), (10.0, 12.0), (10.0, 13.0), (10.0, 14.0)]:
        results.add("floor", 5, bench.Measurement(floor, floor, 100.0))
        results.add("reeblog", 5, bench.Measurement(mine, mine, 120.0))
    (line,) = bench.run_ratios(results, [5])
    assert line == (
        "- reeblog / floor, each run, N=5: 1.10x, 1.20x, 1.30x, 1.40x; their median 1.25x "
        "lies between 1.10x and 1.40x with 87.5% confidence"
    )


def test_rounds_alternate_the_order(monkeypatch: pytest.MonkeyPatch) -> None:
    bench = _bench_module(monkeypatch, "bench")
    rounds = [bench.alternating(["floor", "reeblog", "material"], n) for n in range(3)]
    assert rounds == [
        ["floor", "reeblog", "material"],
        ["material", "reeblog", "floor"],
        ["floor", "reeblog", "material"],
    ]


def test_serve_smoke_run_measures_both_servers(tmp_path: Path) -> None:
    out = tmp_path / "results"
    command = [sys.executable, str(BENCH), "--n", "20", "--runs", "2", "--serve-n", "20"]
    command += ["--no-material", "--no-plot", "--out", str(out), "--work", str(tmp_path / "w")]
    command += ["--pause", "0.5"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=600, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "not measured" not in done.stdout, done.stdout
    table = (out / "results.md").read_text(encoding="utf-8")
    for name in ("floor", "reeblog"):
        (row,) = [line for line in table.splitlines() if line.startswith(f"| {name} | ")
                  and line.count("|") == 4]  # fmt: skip
        times = [float(t) for t in row.split("|")[3].split(",")]
        assert len(times) == 2 and all(t > 0 for t in times), row
    (each_run,) = [line for line in table.splitlines() if "each run, N=20:" in line]
    assert len(each_run.split(": ")[1].split(", ")) == 2, each_run
    assert "0.5 s after the build before it" in table, table


def test_instructions_by_page_table(monkeypatch: pytest.MonkeyPatch) -> None:
    instructions = _bench_module(monkeypatch, "instructions")
    part, between = instructions.Part, instructions.BETWEEN
    floor = {"post: read and convert": part(2_000_000, 0, 2), between: part(10**9, 0, 5)}
    reeblog = {
        "post: read and convert": part(1_000_000, 0, 2),
        "on_files: ReeblogPlugin": part(5_000_000, 0, 1),
        "listing: write through the theme": part(3_000_000, 0, 1),
        between: part(2 * 10**9, 0, 9),
    }
    splits = [instructions.PageSplit("floor", floor), instructions.PageSplit("reeblog", reeblog)]
    table = instructions.report_by_page(2, splits)
    assert "| post: read and convert | 0.00 (1.00M x 2) | 0.00 (0.50M x 2) |" in table
    assert "| listing: write through the theme | 0.00 | 0.00 (3.00M x 1) |" in table
    rows = [line.split(" | ")[0] for line in table.splitlines() if line.startswith("| ")]
    assert rows[1:] == [
        "| listing: write through the theme",
        "| post: read and convert",
        "| on_files: ReeblogPlugin",
        f"| {between}",
        "| **whole build**",
    ]
    assert "| **whole build** | **1.00** | **2.01** |" in table
    assert "cache misses" not in table
    reeblog[between] = part(2 * 10**9, 3_500_000, 9)
    assert "| rest of the build | 0.0 | 3.5 |" in instructions.report_by_page(2, splits)


def test_instructions_table_with_cache_misses(monkeypatch: pytest.MonkeyPatch) -> None:
    instructions = _bench_module(monkeypatch, "instructions")
    counts = [
        instructions.Count("floor", 2 * 10**9, 100_000_000, 4_000_000),
        instructions.Count("reeblog", 3 * 10**9, 150_000_000, 5_000_000),
    ]
    plain = instructions.report(1000, counts)
    assert "| reeblog | 3.00 | 1.500x | +1.00 |" in plain
    assert "misses" not in plain
    table = instructions.report(1000, counts, ll_kib=4096)
    assert "the last level 4096 KiB" in table
    assert "| reeblog | 150.0 | 1.500x | 5.00 | 1.250x |" in table
    assert instructions.cache_options(None) == []
    assert instructions.cache_options(4096) == ["--cache-sim=yes", "--LL=4194304,16,64"]


def test_page_split_marks_every_page_and_step(tmp_path: Path) -> None:
    """Outside Valgrind the marks cost nothing; the labels must still come one a stretch."""
    labels_file = tmp_path / "labels.txt"
    done = _run_script("page_split.py", _small_blog(tmp_path, 3), tmp_path / "site", labels_file)
    assert done.returncode == 0, done.stdout + done.stderr
    labels = labels_file.read_text(encoding="utf-8").splitlines()
    assert labels.count("post: read and convert") == 3
    assert labels.count("post: write through the theme") == 3
    assert labels.count("listing: write through the theme") >= 2  # blog index, tag page...
    for step in (
        "on_files: ReeblogPlugin",
        "on_env: ReeblogPlugin",
        "on_shutdown: ReeblogPlugin",
        "on_post_build: SearchPlugin",
        "MkDocs: file list",
        "MkDocs: theme templates",
    ):
        assert step in labels, labels  # fmt: skip
    # Every marked stretch follows a stretch of the rest: two labels a mark pair.
    assert labels[0::2] == ["rest of the build"] * (len(labels) // 2)
    assert (tmp_path / "site" / "index.html").is_file()
