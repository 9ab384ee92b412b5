"""Build-time benchmark of reeblog against plain MkDocs pages and Material's blog plugin.

For each N (default 100, 1000, 5000) it generates N posts (`generate.py`) and builds, each in
its own `python -m mkdocs build` subprocess, interleaved, `--runs` times (medians reported;
the order reversed every other run, each build `--pause` seconds after the one before):

- floor: the same posts as plain Material pages, out of the nav, no blog plugin;
- reeblog: the same `docs/` with `plugins: [search, reeblog]`;
- material-blog: Material's blog and tags plugins on the same posts (`docs/blog/posts/`),
  when they can be imported.

Sites are written to a tmpfs folder (`--sites disk`: beside the posts; see `sites_folder`).
It records wall time, CPU time (user + sys) and peak memory (max RSS) of each build, times
`mkdocs serve`'s rebuild after one post of `--serve-n` is edited (floor and reeblog), prints
PASS/FAIL for the targets (ratios to the floor of the same run; it does not fail), and writes
`results.md` and `build-time.png` (log-log, when matplotlib is installed) to `--out`.

    make bench                                     # or: .venv/bin/python benchmarks/bench.py
    .venv/bin/pip install matplotlib               # once, for the plot (not a package dependency)
    .venv/bin/python benchmarks/bench.py --n 20 --runs 1 --no-serve --no-plot   # smoke run
"""

from __future__ import annotations

import argparse
import compileall
import html
import importlib
import importlib.metadata
import json
import math
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import astuple, dataclass, field
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import yaml
from generate import GeneratedPost, make_posts, write_jekyll_docs, write_material_blog_docs

HERE = Path(__file__).resolve().parent
DEFAULT_SIZES = (100, 1000, 5000)
SITE_URL = "https://www.galena.es/"

# The one place where the benchmarked configurations are written down.
BASE_CONFIG: dict[str, Any] = {
    "site_name": "Critical Minerals Notes",
    "site_url": SITE_URL,
    "docs_dir": "docs",
    "theme": {"name": "material"},
    "markdown_extensions": ["tables", "attr_list", {"toc": {"permalink": True}}],
}
# `future: true`: the posts run one a day from 2015, so at N=5000 some are dated after today.
REEBLOG_PLUGINS: list[Any] = ["search", {"reeblog": {"future": True}}]
# No `nav:`: MkDocs' automatic nav leaves out the `not_in_nav` pages, so it is empty.
FLOOR_CONFIG: dict[str, Any] = {"plugins": ["search"], "not_in_nav": "/_posts/"}
MATERIAL_BLOG_CONFIG: dict[str, Any] = {"plugins": ["search", "blog", "tags"]}

# Targets: reeblog / floor ratios measured in the same run.
BUILD_TIME_LIMIT = 0.8  # issue 24: a Jekyll blog builds faster than the same posts as plain pages
MEMORY_LIMIT = 1.3
SCALING_LIMIT = 1.10
SERVE_LIMIT = 1.2
TARGET_SIZES = (1000, 5000)

FIRST_BUILD_TIMEOUT = 900.0
REBUILD_TIMEOUT = 300.0
POLL_INTERVAL = 0.05


@dataclass(frozen=True)
class Variant:
    """One way of building the posts."""

    name: str
    description: str
    layout: str
    """`jekyll` (`docs/_posts/`) or `material-blog` (`docs/blog/posts/`)."""
    config: dict[str, Any]

    def mkdocs_config(self) -> dict[str, Any]:
        """The full `mkdocs.yml` of this variant."""
        return {**BASE_CONFIG, **self.config}


FLOOR = Variant("floor", "plain Material pages, not in nav", "jekyll", FLOOR_CONFIG)
REEBLOG = Variant("reeblog", "Material + reeblog", "jekyll", {"plugins": REEBLOG_PLUGINS})
MATERIAL_BLOG = Variant(
    "material-blog", "Material's blog + tags plugins", "material-blog", MATERIAL_BLOG_CONFIG
)
DOCS_WRITERS: dict[str, Callable[[Path, Sequence[GeneratedPost]], None]] = {
    "jekyll": write_jekyll_docs,
    "material-blog": write_material_blog_docs,
}


@dataclass(frozen=True)
class Measurement:
    """What one build cost its subprocess."""

    wall: float
    cpu: float
    rss_mb: float


@dataclass
class Project:
    """The generated sites for one N: a config file per variant, the posts they hold."""

    size: int
    root: Path
    posts: list[GeneratedPost]
    configs: dict[str, Path] = field(default_factory=dict)

    def post_path(self, variant: Variant, post: GeneratedPost, config: Path | None = None) -> Path:
        """Where `post` is in the `docs/` of `variant` (beside `config`, default its own)."""
        docs = (config or self.configs[variant.name]).parent / "docs"
        folder = "_posts" if variant.layout == "jekyll" else "blog/posts"
        return docs / folder / post.filename


@dataclass
class Results:
    """Every measurement of a run, and how to summarise them."""

    builds: dict[tuple[str, int], list[Measurement]] = field(default_factory=dict)
    serve: dict[str, list[float]] = field(default_factory=dict)
    serve_size: int = 1000
    loads: list[float] = field(default_factory=list)
    """The 1-minute load average before each build: other work inflates wall times."""
    sites: str = "on disk"
    """Where the built sites were written."""
    pause: float = 0.0
    """Seconds of idle before each full build."""

    def add(self, variant: str, size: int, measurement: Measurement) -> None:
        self.builds.setdefault((variant, size), []).append(measurement)

    def median(self, variant: str, size: int) -> Measurement | None:
        runs = self.builds.get((variant, size))
        if not runs:
            return None
        return Measurement(
            wall=statistics.median(m.wall for m in runs),
            cpu=statistics.median(m.cpu for m in runs),
            rss_mb=statistics.median(m.rss_mb for m in runs),
        )

    def serve_median(self, variant: str) -> float | None:
        times = self.serve.get(variant)
        return statistics.median(times) if times else None


@dataclass(frozen=True)
class Target:
    """One goal: a reeblog / floor ratio at most `limit` (None: not measured in this run)."""

    name: str
    value: float | None
    limit: float

    @property
    def status(self) -> str:
        if self.value is None:
            return "SKIP"
        return "PASS" if self.value <= self.limit else "FAIL"


# --- generating the sites -------------------------------------------------------------------


def prepare_project(work: Path, size: int, variants: Sequence[Variant]) -> Project:
    """Write N posts once per layout, and one `mkdocs.yml` per variant beside its `docs/`."""
    project = Project(size, work / f"n{size}", make_posts(size))
    for layout in dict.fromkeys(v.layout for v in variants):
        DOCS_WRITERS[layout](project.root / layout / "docs", project.posts)
    for variant in variants:
        config = project.root / variant.layout / f"{variant.name}.yml"
        config.write_text(
            yaml.safe_dump(variant.mkdocs_config(), sort_keys=False), encoding="utf-8"
        )
        project.configs[variant.name] = config
    return project


# --- full builds ----------------------------------------------------------------------------


def mkdocs_command(*args: str) -> list[str]:
    """`python -m mkdocs ARGS` with this interpreter."""
    return [sys.executable, "-m", "mkdocs", *args]


def compile_plugin() -> None:
    """Write the plugin's bytecode, as `pip install` does for an installed package.

    An editable install is imported from its source folder, and a build process compiles every
    module there again when Python may not write bytecode (`PYTHONDONTWRITEBYTECODE`, set on
    some machines): a cost the builds of an installed plugin, and MkDocs' and Material's
    (compiled when installed), do not pay.
    """
    import mkdocs_reeblog

    compileall.compile_dir(Path(mkdocs_reeblog.__file__).parent, quiet=1)


def mkdocs_env(sites: Path | None = None) -> dict[str, str]:
    """The builds' environment; `mkdocs serve` makes its temporary site in `sites`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return env if sites is None else {**env, "TMPDIR": str(sites)}


def measure_build(config: Path, site: Path, pause: float = 0.0) -> Measurement:
    """Build once into an empty `site` in a subprocess, `pause` seconds after emptying it (and
    after the build before it); its own rusage via `os.wait4`."""
    shutil.rmtree(site, ignore_errors=True)
    time.sleep(pause)
    log = site.with_name(site.name + ".log")
    command = mkdocs_command("build", "-q", "-f", str(config), "-d", str(site))
    with log.open("wb") as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=stderr, stderr=stderr, env=mkdocs_env())
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"build failed ({' '.join(command)}):\n{_tail(log)}")
    return Measurement(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


T = TypeVar("T")


def alternating(items: Sequence[T], round_number: int) -> list[T]:
    """`items` in the order of a round: reversed every other round, so that none always comes
    first, or always right after another (whatever that costs, all pay it alike)."""
    return list(items if round_number % 2 == 0 else reversed(items))


def run_builds(
    projects: Sequence[Project],
    variants: Sequence[Variant],
    runs: int,
    results: Results,
    sites: Path,
    pause: float = 0.0,
) -> None:
    """Every variant of every size, `runs` times, interleaved so drift hits them alike, each
    build `pause` seconds after the one before; the built sites go to `sites`."""
    for project in projects:
        for run in range(runs):
            for variant in alternating(variants, run):
                site = sites / f"n{project.size}-site-{variant.name}"
                results.loads.append(os.getloadavg()[0])
                measurement = measure_build(project.configs[variant.name], site, pause)
                results.add(variant.name, project.size, measurement)
                print(
                    f"N={project.size:<5} run {run + 1}/{runs} {variant.name:<14} "
                    f"wall {measurement.wall:7.2f} s  cpu {measurement.cpu:7.2f} s  "
                    f"rss {measurement.rss_mb:6.0f} MB",
                    flush=True,
                )


# --- mkdocs serve ---------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def fetch(url: str) -> str | None:
    """The body of `url`, or None when it does not answer 200."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body: bytes = response.read()
            return body.decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def poll(
    check: Callable[[], bool], timeout: float, what: str, interval: float = POLL_INTERVAL
) -> None:
    """Call `check` until it is true: at most `timeout / interval` times, else TimeoutError."""
    deadline = time.monotonic() + timeout
    for _ in range(max(1, int(timeout / interval))):
        if check():
            return
        if time.monotonic() > deadline:
            break
        time.sleep(interval)
    raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")


def builds_finished(log: str) -> int:
    """How many builds a `mkdocs serve` log shows finished, when none is running (else -1).

    The first build ends before "Serving on"; a rebuild ends with "Reloading browsers", or
    with MkDocs' line for a failed rebuild. Not with "Documentation built in N.NN seconds":
    MkDocs' duplicate filter drops that line when a build took as long, to the hundredth of a
    second, as an earlier one, and a count of it then waited for a build already done.
    """
    started = log.count("Building documentation...")
    finished = (
        ("Serving on" in log)
        + log.count("Reloading browsers")
        + log.count("An error happened during the rebuild")
    )
    return finished if started == finished else -1


class ServeSession:
    """A running `mkdocs serve --livereload` on a free port, its log in a file, its site in a
    temporary folder inside `sites`."""

    def __init__(self, config: Path, log: Path, sites: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log = log
        command = mkdocs_command(
            "serve", "--livereload", "-a", f"127.0.0.1:{self.port}", "-f", str(config)
        )
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                command,
                stdout=out,
                stderr=out,
                env=mkdocs_env(sites),
                preexec_fn=_default_sigint,
            )

    def builds_finished(self) -> int:
        """How many builds have finished, when none is running (else -1)."""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        if self.process.poll() is not None:
            raise RuntimeError(f"mkdocs serve exited:\n{_tail(self.log)}")
        return builds_finished(text)

    def wait_for_build(self, after: int, timeout: float) -> int:
        """Wait until more than `after` builds are done and none runs; their number."""
        done = [-1]

        def finished() -> bool:
            done[0] = self.builds_finished()
            return done[0] > after

        poll(finished, timeout, f"build {after + 1} of mkdocs serve")
        return done[0]

    def wait_quiet(self, done: int) -> int:
        """After a build: wait out the watcher's polling interval (0.5 s) and any late
        rebuild it starts; the number of builds done then."""
        time.sleep(1.0)
        while self.builds_finished() != done:
            done = self.wait_for_build(done, REBUILD_TIMEOUT)
            time.sleep(1.0)
        return done

    def stop(self) -> None:
        """Ctrl-C, as a user would (so it removes its temporary site), then kill if needed."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _default_sigint() -> None:
    """In the server: Ctrl-C stops it cleanly, even when this script was started with SIGINT
    ignored (a background job of a shell)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def page_location(session: ServeSession, title: str) -> str:
    """The URL of the page titled `title`, from the served search index."""
    text = fetch(session.base + "search/search_index.json")
    if text is None:
        raise RuntimeError("the served site has no search/search_index.json")
    for doc in json.loads(text)["docs"]:
        if html.unescape(doc.get("title", "")) == title and "#" not in doc["location"]:
            return session.base + quote(doc["location"], safe="/%")
    raise RuntimeError(f"no page titled {title!r} in the search index")


def page_shows(url: str, text: str) -> bool:
    """True when the page at `url` answers and contains `text`."""
    return text in (fetch(url) or "")


@contextmanager
def serving(config: Path, log: Path, sites: Path) -> Iterator[ServeSession]:
    """`mkdocs serve` for the duration of the block, after its first build."""
    session = ServeSession(config, log, sites)
    try:
        session.wait_for_build(0, FIRST_BUILD_TIMEOUT)
        index = session.base + "search/search_index.json"
        poll(lambda: fetch(index) is not None, 60, "the server to answer")
        yield session
    finally:
        session.stop()


@dataclass
class EditedSite:
    """A served copy of one variant's site and the post edited in it, round after round."""

    variant: Variant
    session: ServeSession
    url: str
    path: Path
    original: str
    done: int
    times: list[float] = field(default_factory=list)

    def measure(self, edit: int) -> None:
        """Edit the post, and add to `times` the seconds until the rebuild is done and the
        served page shows the edit (what a browser sees on its live reload).

        The server's log tells when a build ends; the page is then fetched over HTTP. Polling
        the page during the build would slow the server's build down (they share its GIL)."""
        marker = f"benchedit{edit}x{time.time_ns()}"
        self.path.write_text(f"{self.original}\nEdited for the benchmark: {marker}.\n", "utf-8")
        start = time.perf_counter()
        self.done = self.session.wait_for_build(self.done, REBUILD_TIMEOUT)
        poll(partial(page_shows, self.url, marker), REBUILD_TIMEOUT, "the edited page", 0.25)
        self.times.append(time.perf_counter() - start)
        self.done = self.session.wait_quiet(self.done)


@contextmanager
def edited_site(project: Project, variant: Variant, sites: Path) -> Iterator[EditedSite]:
    """`mkdocs serve` of a copy of `variant`'s folder (an edit there rebuilds this site only),
    after its first build; the copy is removed at the end."""
    config = project.configs[variant.name]
    copy = project.root / f"serve-{variant.name}"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(config.parent / "docs", copy / "docs")
    shutil.copy(config, copy / config.name)
    post = project.posts[len(project.posts) // 2]
    path = project.post_path(variant, post, copy / config.name)
    try:
        with serving(copy / config.name, copy / "serve.log", sites) as session:
            url = page_location(session, post.title)
            done = session.wait_quiet(1)
            yield EditedSite(variant, session, url, path, path.read_text("utf-8"), done)
    finally:
        shutil.rmtree(copy / "docs", ignore_errors=True)


def run_serve(project: Project, edits: int, results: Results, sites: Path) -> None:
    """The floor's and reeblog's servers run side by side, each on a copy of the posts; each
    round edits a post of each, one after the other (the order alternates), so that the
    machine's drift hits both alike, as the interleaved builds do."""
    with ExitStack() as stack:
        served: list[EditedSite] = []
        for variant in (FLOOR, REEBLOG):
            try:
                served.append(stack.enter_context(edited_site(project, variant, sites)))
            except (RuntimeError, TimeoutError) as exc:
                print(f"serve N={project.size} {variant.name}: not measured: {exc}")
        for edit in range(edits):
            for site in alternating(served, edit):
                try:
                    site.measure(edit)
                except (RuntimeError, TimeoutError) as exc:
                    print(f"serve N={project.size} {site.variant.name}: not measured: {exc}")
                    served.remove(site)
        for site in served:
            results.serve[site.variant.name] = site.times
            listed = ", ".join(f"{t:.2f}" for t in site.times)
            print(f"serve N={project.size} {site.variant.name:<8} rebuilds: {listed} s")


# --- targets and report ---------------------------------------------------------------------


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return numerator / denominator


def _wall(results: Results, variant: str, size: int) -> float | None:
    measured = results.median(variant, size)
    return measured.wall if measured else None


def _rss(results: Results, variant: str, size: int) -> float | None:
    measured = results.median(variant, size)
    return measured.rss_mb if measured else None


def evaluate_targets(results: Results) -> list[Target]:
    """The issue's targets, as reeblog / floor ratios of this run."""
    targets = []
    for size in TARGET_SIZES:
        time_ratio = _ratio(_wall(results, "reeblog", size), _wall(results, "floor", size))
        targets.append(
            Target(f"full build time, reeblog / floor, N={size}", time_ratio, BUILD_TIME_LIMIT)
        )
    for size in TARGET_SIZES:
        rss_ratio = _ratio(_rss(results, "reeblog", size), _rss(results, "floor", size))
        targets.append(Target(f"peak memory, reeblog / floor, N={size}", rss_ratio, MEMORY_LIMIT))
    small, large = TARGET_SIZES
    scaling = _ratio(
        _ratio(_wall(results, "reeblog", large), _wall(results, "reeblog", small)),
        _ratio(_wall(results, "floor", large), _wall(results, "floor", small)),
    )
    targets.append(
        Target(f"scaling time({large})/time({small}), reeblog / floor", scaling, SCALING_LIMIT)
    )
    serve = _ratio(results.serve_median("reeblog"), results.serve_median("floor"))
    targets.append(
        Target(f"serve rebuild, reeblog / floor, N={results.serve_size}", serve, SERVE_LIMIT)
    )
    return targets


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _load(loads: Sequence[float]) -> str:
    return f"{min(loads):.1f} to {max(loads):.1f}" if loads else "-"


def _fmt(value: float | None, digits: int = 2, suffix: str = "") -> str:
    return "-" if value is None else f"{value:.{digits}f}{suffix}"


def build_table(results: Results, variants: Sequence[Variant], sizes: Sequence[int]) -> list[str]:
    """Markdown rows: one per size and variant, with its ratios to the floor."""
    lines = [
        "| N | build | wall (s) | CPU (s) | peak RSS (MB) | wall / floor | CPU / floor "
        "| RSS / floor |",
        "|--:|:------|---------:|--------:|--------------:|-------------:|------------:"
        "|------------:|",
    ]
    for size in sizes:
        floor = results.median("floor", size)
        for variant in variants:
            measured = results.median(variant.name, size)
            if measured is None:
                continue
            ratios = [
                _fmt(_ratio(mine, theirs), suffix="x")
                for mine, theirs in zip(
                    astuple(measured), astuple(floor) if floor else (None,) * 3, strict=True
                )
            ]
            lines.append(
                f"| {size} | {variant.name} | {measured.wall:.2f} | {measured.cpu:.2f} | "
                f"{measured.rss_mb:.0f} | {' | '.join(ratios)} |"
            )
    return lines


MEDIAN_CONFIDENCE = 0.85
"""The least confidence of `median_interval`'s interval (87.5% for 7 runs, 93.8% for 5)."""


def median_interval(values: Sequence[float]) -> tuple[float, float, float] | None:
    """Where the median of what `values` sample lies, whatever their distribution: the k-th
    smallest and k-th largest value, k as large as keeps the confidence at least
    `MEDIAN_CONFIDENCE` (each value falls on either side of the median with even odds), and
    that confidence. None for fewer than 4 values (no interval reaches it)."""
    n = len(values)
    ordered = sorted(values)
    found = None
    below = 0  # the odds that fewer than k values fall below the median
    for k in range(1, n // 2 + 1):
        below += math.comb(n, k - 1) / 2**n
        confidence = 1 - 2 * below
        if confidence < MEDIAN_CONFIDENCE:
            break
        found = (ordered[k - 1], ordered[n - k], confidence)
    return found


def _pair_ratios(results: Results, size: int) -> list[float]:
    """reeblog / floor wall time of each run: the two builds of one round, one after the other."""
    pairs = zip(
        results.builds.get(("reeblog", size), []),
        results.builds.get(("floor", size), []),
        strict=False,
    )
    return [mine.wall / floor.wall for mine, floor in pairs]


def run_ratios(results: Results, sizes: Sequence[int]) -> list[str]:
    """Markdown lines: reeblog / floor wall time of each run (the builds of one round), and
    where the median of such ratios lies at this machine's noise."""
    lines = []
    for size in sizes:
        ratios = _pair_ratios(results, size)
        if not ratios:
            continue
        listed = ", ".join(f"{ratio:.2f}x" for ratio in ratios)
        line = f"- reeblog / floor, each run, N={size}: {listed}"
        interval = median_interval(ratios)
        if interval is not None:
            low, high, confidence = interval
            line += (
                f"; their median {statistics.median(ratios):.2f}x lies between {low:.2f}x and "
                f"{high:.2f}x with {confidence:.1%} confidence"
            )
        lines.append(line)
    return lines


def render_report(
    results: Results, variants: Sequence[Variant], sizes: Sequence[int], runs: int, plot: str | None
) -> str:
    """`results.md`: the machine, the builds, the serve rebuilds and the targets."""
    lines = [
        "# Benchmark results",
        "",
        f"{datetime.now(timezone.utc):%Y-%m-%d}, {os.cpu_count()} CPUs, {platform.system()} "
        f"{platform.machine()}, Python {platform.python_version()}, MkDocs {_version('mkdocs')}, "
        f"Material {_version('mkdocs-material')}, mkdocs-reeblog {_version('mkdocs-reeblog')}. "
        f"Load average before the builds: {_load(results.loads)}. "
        f"Medians of {runs} run(s), the order of the builds reversed every other run; each "
        "build is `python -m mkdocs build -q` in its own process (wall time, user + sys CPU "
        f"time, max RSS), {results.pause:g} s after the build before it, its site written "
        f"{results.sites}. Generated by `benchmarks/bench.py`.",
        "",
        *(f"- `{v.name}`: {v.description}" for v in variants),
        "",
        "## Full build",
        "",
        *build_table(results, variants, sizes),
        "",
        *run_ratios(results, sizes),
    ]
    if plot:
        lines += ["", f"![Build time against N, log-log]({plot})"]
    if results.serve:
        lines += [
            "",
            f"## Rebuild under `mkdocs serve` (N={results.serve_size}, one post edited)",
            "",
        ]
        lines += ["| build | rebuild (s) | runs (s) |", "|:------|-----------:|:---------|"]
        for name, times in results.serve.items():
            runs_text = ", ".join(f"{t:.2f}" for t in times)
            lines.append(f"| {name} | {_fmt(results.serve_median(name))} | {runs_text} |")
    lines += ["", "## Targets (reeblog / floor, same run)", ""]
    lines += ["| target | measured | limit | result |", "|:-------|---------:|------:|:------:|"]
    for target in evaluate_targets(results):
        lines.append(
            f"| {target.name} | {_fmt(target.value)} | {target.limit:.2f} | {target.status} |"
        )
    return "\n".join(lines) + "\n"


def write_plot(
    results: Results, variants: Sequence[Variant], sizes: Sequence[int], path: Path
) -> bool:
    """Wall time against N, log-log; False (with a message) when matplotlib is missing."""
    try:
        matplotlib = importlib.import_module("matplotlib")
    except ImportError:
        print("matplotlib is not installed: no plot (pip install matplotlib)")
        return False
    matplotlib.use("Agg")
    pyplot = importlib.import_module("matplotlib.pyplot")
    figure, axes = pyplot.subplots(figsize=(6.4, 4.4))
    for variant in variants:
        points = [(n, m.wall) for n in sizes if (m := results.median(variant.name, n))]
        if points:
            axes.plot(*zip(*points, strict=True), marker="o", label=variant.name)
    axes.set_xscale("log")
    axes.set_yscale("log")
    ticker = importlib.import_module("matplotlib.ticker")
    plain = ticker.FuncFormatter(lambda v, _: f"{v:g}")
    axes.set_xticks(list(sizes), [str(n) for n in sizes])
    axes.xaxis.set_minor_formatter(ticker.NullFormatter())
    axes.yaxis.set_major_formatter(plain)
    axes.yaxis.set_minor_formatter(plain)
    axes.set_xlabel("posts (N)")
    axes.set_ylabel("mkdocs build wall time (s)")
    axes.set_title("Build time against the number of posts")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    pyplot.close(figure)
    return True


# --- command line ---------------------------------------------------------------------------


def material_blog_available() -> bool:
    """True when Material's blog and tags plugins (and what they import) are installed."""
    try:
        importlib.import_module("material.plugins.blog.plugin")
        importlib.import_module("material.plugins.tags.plugin")
    except ImportError:
        return False
    return True


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--n", type=int, nargs="+", default=list(DEFAULT_SIZES), help="numbers of posts"
    )
    parser.add_argument("--runs", type=int, default=3, help="builds per variant and N (median)")
    parser.add_argument("--out", type=Path, default=HERE / "results", help="where results go")
    parser.add_argument("--work", type=Path, help="where sites are generated (default: a temp dir)")
    parser.add_argument("--serve-n", type=int, default=1000, help="N of the serve rebuild test")
    parser.add_argument(
        "--pause",
        type=float,
        default=2.0,
        help="seconds of idle before each full build, once the build before it is done and "
        "its site deleted",
    )
    parser.add_argument(
        "--no-serve", action="store_true", help="skip the mkdocs serve rebuild test"
    )
    parser.add_argument("--no-plot", action="store_true", help="skip the PNG plot")
    parser.add_argument("--no-material", action="store_true", help="skip Material's blog plugin")
    parser.add_argument(
        "--sites",
        choices=("memory", "disk"),
        default="memory",
        help="where built sites go: a tmpfs folder (default; disk when there is none) or the "
        "work folder's disk",
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or min(args.n) < 1:
        parser.error("--runs and --n must be positive")
    if args.pause < 0:
        parser.error("--pause must not be negative")
    return args


def select_variants(skip_material: bool) -> list[Variant]:
    variants = [FLOOR, REEBLOG]
    if skip_material:
        return variants
    if material_blog_available():
        return [*variants, MATERIAL_BLOG]
    print("Material's blog/tags plugins cannot be imported: material-blog is not measured")
    return variants


MEMORY_FOLDER = Path("/dev/shm")
"""A tmpfs on Linux; the benchmark makes a folder of its own inside."""


@contextmanager
def sites_folder(where: str, work: Path) -> Iterator[tuple[Path, str]]:
    """Where the builds write their sites, and how the report names it.

    In memory by default: MkDocs deletes and writes a whole site on every build, and on some
    disks (ext4 without a journal, as on this project's benchmark machine) creating files
    just after thousands were deleted costs more with each one deleted (the allocator skips
    recently freed inodes), a cost of the disk's recent history rather than of the build.
    """
    if where == "memory" and MEMORY_FOLDER.is_dir() and os.access(MEMORY_FOLDER, os.W_OK):
        temp = Path(tempfile.mkdtemp(prefix="reeblog-bench-sites-", dir=MEMORY_FOLDER))
        try:
            yield temp, f"in memory (tmpfs, `{MEMORY_FOLDER}`)"
        finally:
            shutil.rmtree(temp, ignore_errors=True)
        return
    if where == "memory":
        print(f"{MEMORY_FOLDER} is not a writable folder: the sites are written to disk")
    yield work, "on disk (the work folder)"


@contextmanager
def work_folder(path: Path | None) -> Iterator[Path]:
    """`path` (kept), or a temporary folder removed afterwards."""
    if path is not None:
        path.mkdir(parents=True, exist_ok=True)
        yield path
        return
    temp = Path(tempfile.mkdtemp(prefix="reeblog-bench-"))
    try:
        yield temp
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark, print and write the results; 0 even when a target fails."""
    args = parse_args(argv)
    variants = select_variants(args.no_material)
    sizes = sorted(set(args.n))
    results = Results(serve_size=args.serve_n, pause=args.pause)
    compile_plugin()
    with work_folder(args.work) as work, sites_folder(args.sites, work) as (sites, place):
        results.sites = place
        projects = [prepare_project(work, size, variants) for size in sizes]
        run_builds(projects, variants, args.runs, results, sites, args.pause)
        if not args.no_serve:
            known = {p.size: p for p in projects}
            serve_project = known.get(args.serve_n) or prepare_project(
                work, args.serve_n, [FLOOR, REEBLOG]
            )
            run_serve(serve_project, args.runs, results, sites)
    args.out.mkdir(parents=True, exist_ok=True)
    plot = None
    if not args.no_plot and write_plot(results, variants, sizes, args.out / "build-time.png"):
        plot = "build-time.png"
    report = render_report(results, variants, sizes, args.runs, plot)
    (args.out / "results.md").write_text(report, encoding="utf-8")
    print()
    print(report)
    for target in evaluate_targets(results):
        print(f"{target.status}  {target.name}: {_fmt(target.value)} (limit {target.limit:.2f})")
    print(f"\nwrote {args.out / 'results.md'}")
    return 0


def _tail(path: Path, lines: int = 30) -> str:
    with suppress(OSError):
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    return ""


if __name__ == "__main__":
    sys.exit(main())
