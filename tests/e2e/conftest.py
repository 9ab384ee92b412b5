"""Fixtures of the browser tier.

Copies of the example blog are served by real `mkdocs serve` processes (Material, the `mkdocs`
theme, and a Material variant with small pages, more posts and a `redirect_from`), and one built
copy is served as plain files, the way GitHub Pages serves a `gh-deploy`. Debian's Chromium is
driven by Playwright; every tab records console errors and failed local requests, and a test
fails at teardown when its tabs saw any.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
import yaml
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Request,
    Response,
    sync_playwright,
)

from tests.conftest import REPO, require_command
from tests.servers import free_port, server_env, stop_server

EXAMPLE = REPO / "example_site"
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
JAPAN_URL = "/geology/mining/2025/05/04/Japans_Approach_to_Rare_Earth_Elements.html"
JAPAN_TITLE = "Japan's Strategic Approach to Rare Earth Elements"
JAPAN_BANNER = "Japans_Approach_to_Rare_Earth_Elements.png"
OLD_JAPAN_URL = "/old/japan.html"
GENERATED_POSTS = 5
START_TIMEOUT = 60.0
TIMEOUT_MS = 10_000


@dataclass
class Server:
    """A running web server of one copy of the example blog."""

    name: str
    root: Path
    base: str
    process: subprocess.Popen[bytes]
    log: Path

    def url(self, path: str) -> str:
        """The absolute URL of a site path such as `/tag/japan/` (spaces are escaped)."""
        return self.base + quote(path.lstrip("/"), safe="/#%?=&:")


def _answers(url: str) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def start_server(name: str, root: Path, command: list[str]) -> Server:
    """Start `command` in `root` and wait (bounded) until it answers on its port."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = root / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [part.replace("{port}", str(port)) for part in command],
            cwd=root,
            env=server_env(root),
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    deadline = time.monotonic() + START_TIMEOUT
    while not _answers(base):
        if process.poll() is not None or time.monotonic() > deadline:
            stop_server(process)
            pytest.fail(f"{name} server did not start:\n{log.read_text(errors='replace')}")
        time.sleep(0.2)
    return Server(name, root, base, process, log)


def copy_example(
    root: Path,
    *,
    theme: dict[str, Any] | None = None,
    reeblog_options: dict[str, Any] | None = None,
) -> Path:
    """Copy the example blog to `root` (without any built site), with another theme or other
    plugin options; returns `root`."""
    shutil.copytree(EXAMPLE / "docs", root / "docs")
    config = yaml.safe_load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"))
    if theme is not None:
        config["theme"] = theme
    if reeblog_options is not None:
        config["plugins"] = ["search", {"reeblog": reeblog_options}]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def add_front_matter(post: Path, line: str) -> None:
    """Add one `key: value` line at the top of a post's front matter."""
    text = post.read_text(encoding="utf-8")
    assert text.startswith("---\n"), post
    post.write_text("---\n" + line + "\n" + text[4:], encoding="utf-8")


def add_generated_posts(root: Path, count: int) -> None:
    """Write `count` short posts, one a month in 2024, to the copy's `_posts/`."""
    for n in range(1, count + 1):
        (root / "docs" / "_posts" / f"2024-{n:02d}-15-generated-note-{n}.md").write_text(
            f'---\ntitle: "Generated note {n}"\ntags: [Generated]\n---\n\n'
            f"Generated note number {n}, a short post to fill listing pages.\n",
            encoding="utf-8",
        )


def post_titles(root: Path) -> list[str]:
    """The titles of every post of a copy, from their front matter."""
    titles = []
    for post in sorted((root / "docs").rglob("_posts/*.md")):
        front = post.read_text(encoding="utf-8").split("---\n")[1]
        titles.append(str(yaml.safe_load(front)["title"]))
    return titles


def serve_command() -> list[str]:
    return [sys.executable, "-m", "mkdocs", "serve", "-f", "mkdocs.yml", "--no-livereload",
            "-a", "127.0.0.1:{port}"]  # fmt: skip


@pytest.fixture(scope="session")
def chromium_path() -> str:
    return require_command("chromium", "browser")


def _served(tmp_path_factory: pytest.TempPathFactory, name: str, **options: Any) -> Server:
    root = copy_example(tmp_path_factory.mktemp(name), **options)
    return start_server(name, root, serve_command())


@pytest.fixture(scope="session")
def material_site(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The example blog as it is, under `mkdocs serve`."""
    server = _served(tmp_path_factory, "material")
    yield server
    stop_server(server.process)


@pytest.fixture(scope="session")
def mkdocs_site(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The example blog with `theme: mkdocs`, under `mkdocs serve`."""
    # highlight.js comes from a CDN, which cannot be reached offline: not the blog's concern.
    server = _served(tmp_path_factory, "mkdocs", theme={"name": "mkdocs", "highlightjs": False})
    yield server
    stop_server(server.process)


@pytest.fixture(scope="session")
def variant_site(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The example blog with `paginate: 2`, five more posts, and `redirect_from:
    /old/japan.html` on the Japan article, under `mkdocs serve`."""
    root = copy_example(tmp_path_factory.mktemp("variant"), reeblog_options={"paginate": 2})
    add_generated_posts(root, GENERATED_POSTS)
    japan = root / "docs" / "_posts" / "2025-05-04-Japans_Approach_to_Rare_Earth_Elements.md"
    add_front_matter(japan, f"redirect_from: {OLD_JAPAN_URL}")
    server = start_server("variant", root, serve_command())
    yield server
    stop_server(server.process)


@pytest.fixture(scope="session")
def static_site(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The example blog built by `mkdocs build` and served as plain files (as on GitHub Pages)."""
    root = copy_example(tmp_path_factory.mktemp("static"))
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", "site"],
        cwd=root,
        env=server_env(root),
        check=True,
        timeout=120,
    )
    command = [sys.executable, "-m", "http.server", "{port}", "--bind", "127.0.0.1"]
    server = start_server("static", root / "site", command)
    yield server
    stop_server(server.process)


@pytest.fixture(params=["material", "mkdocs"])
def site(request: pytest.FixtureRequest) -> Server:
    """The example blog under `mkdocs serve`, once with each theme."""
    server: Server = request.getfixturevalue(f"{request.param}_site")
    return server


@pytest.fixture(scope="session")
def chromium(chromium_path: str) -> Iterator[Browser]:
    """Debian's Chromium, headless, for the whole session."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def is_local(url: str) -> bool:
    """True for the test servers' URLs (other hosts fail offline and are not checked)."""
    return urlsplit(url).hostname == "127.0.0.1"


@dataclass
class Problems:
    """Console errors, uncaught exceptions and failed or 4xx/5xx requests to the test servers."""

    seen: list[str] = field(default_factory=list)

    def watch(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.seen.append(f"uncaught {error}"))
        page.on("response", self._response)
        page.on("requestfailed", self._failed)

    def _console(self, message: ConsoleMessage) -> None:
        where = message.location.get("url", "")
        if message.type == "error" and is_local(where):
            self.seen.append(f"console error at {where}: {message.text}")

    def _response(self, response: Response) -> None:
        if is_local(response.url) and response.status >= 400:
            self.seen.append(f"HTTP {response.status} {response.url}")

    def _failed(self, request: Request) -> None:
        # ERR_ABORTED is the browser cancelling a request when the test moves on, not a failure.
        if is_local(request.url) and "ERR_ABORTED" not in (request.failure or ""):
            self.seen.append(f"request failed {request.url}: {request.failure}")


Tab = Callable[..., Page]


@pytest.fixture
def open_tab(chromium: Browser) -> Iterator[Tab]:
    """`open_tab(width=1280, height=900)`: a new page in a fresh browser context (light colour
    scheme). At teardown the test fails if any tab saw a console error or a failed local
    request."""
    problems = Problems()
    contexts: list[BrowserContext] = []

    def _open(width: int = 1280, height: int = 900) -> Page:
        context = chromium.new_context(
            viewport={"width": width, "height": height}, color_scheme="light"
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        problems.watch(page)
        return page

    yield _open
    for context in contexts:
        context.close()
    assert not problems.seen, "problems in the browser:\n" + "\n".join(problems.seen)


@pytest.fixture
def tab(open_tab: Tab) -> Page:
    """A 1280x900 page (see `open_tab`)."""
    return open_tab()


def visit(page: Page, server: Server, path: str) -> Page:
    """Open `path` of `server` and check that it answered 200."""
    response = page.goto(server.url(path), wait_until="load")
    assert response is not None and response.status == 200, (path, response)
    return page


def site_path(page: Page) -> str:
    """The path of the page now shown (unescaped spaces stay escaped)."""
    return urlsplit(page.url).path
