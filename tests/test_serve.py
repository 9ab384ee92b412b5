"""`mkdocs serve` on a copy of the example site: each change to `_posts/` shows after the
rebuild (index, tag page, feed, URLs), and a broken post is told in the log without stopping the
server or the other pages; fixed, it is back."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.conftest import REPO
from tests.html_helpers import post_text
from tests.servers import free_port, server_env, stop_server

STARTUP_SECONDS = 60.0
REBUILD_SECONDS = 15.0
TITLE = "Zqx Serve Probe"
BROKEN = "docs/_posts/2025-02-14-Lithium_Triangle_Brine_Extraction.md"
BROKEN_URL = "geology/mining/2025/02/14/Lithium_Triangle_Brine_Extraction.html"
BROKEN_TITLE = "Brine, Sun and Patience"


@dataclass
class Server:
    """A running `mkdocs serve` and the project it serves."""

    process: subprocess.Popen[bytes]
    root: Path
    port: int
    log: Path

    def get(self, path: str) -> tuple[int, str]:
        """The status and text of `path` (no leading slash)."""
        url = f"http://127.0.0.1:{self.port}/{quote(path)}"
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return int(response.status), response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return int(error.code), ""
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            return 0, str(error)

    def text(self, path: str) -> str:
        status, text = self.get(path)
        return text if status == 200 else ""

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def write(self, rel: str, text: str) -> None:
        (self.root / rel).write_text(text, encoding="utf-8")

    def until(self, what: str, check: Callable[[], bool], seconds: float = REBUILD_SECONDS) -> None:
        """Poll `check` until it holds; fail after `seconds`, naming `what`."""
        deadline = time.monotonic() + seconds
        while not check():
            assert self.process.poll() is None, f"the server stopped:\n{self.log_text()[-3000:]}"
            if time.monotonic() > deadline:
                pytest.fail(f"not seen within {seconds:.0f} s: {what}\n{self.log_text()[-3000:]}")
            time.sleep(0.2)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    root = tmp_path / "blog"
    shutil.copytree(REPO / "example_site", root, ignore=shutil.ignore_patterns("site"))
    temp = tmp_path / "tmp"
    temp.mkdir()
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            env=server_env(temp),
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    running = Server(process, root, port, log)
    try:
        running.until("the first build", lambda: running.get("")[0] == 200, STARTUP_SECONDS)
        folders = [path.name for path in temp.iterdir()]
        assert len(folders) == 1 and folders[0].startswith("mkdocs_"), "serve's build folder"
        yield running
    finally:
        stop_server(process)
    assert list(temp.iterdir()) == [], "a stopped server leaves no build folder behind"


def probe(tags: str) -> str:
    return post_text(f'title: "{TITLE}"\ntags: [{tags}]', "A post added while serving.\n")


def test_serve_rebuilds_after_each_change_to_posts(server: Server) -> None:
    old, new = "2024/12/01/serve-probe.html", "2024/12/05/serve-probe.html"
    old_file, new_file = (
        "docs/_posts/2024-12-01-serve-probe.md",
        "docs/_posts/2024-12-05-serve-probe.md",
    )
    assert TITLE not in server.text("")

    server.write(old_file, probe("ZqxTag"))
    server.until("the new post on the index", lambda: TITLE in server.text(""))
    assert TITLE in server.text("tag/zqxtag/")
    assert TITLE in server.text("feed.xml")
    assert server.get(old)[0] == 200

    server.write(old_file, probe("ZqyTag"))
    server.until("the new tag page", lambda: TITLE in server.text("tag/zqytag/"))
    assert server.get("tag/zqxtag/")[0] == 404

    (server.root / old_file).rename(server.root / new_file)
    server.until("the post at its new URL", lambda: server.get(new)[0] == 200)
    assert server.get(old)[0] == 404
    assert server.text("").count(TITLE) >= 1

    (server.root / new_file).unlink()
    server.until("the post gone from the index", lambda: TITLE not in server.text(""))
    assert TITLE not in server.text("feed.xml")
    assert server.get(new)[0] == 404
    assert server.get("tag/zqytag/")[0] == 404


def test_serve_tells_a_broken_post_and_keeps_serving(server: Server) -> None:
    path = server.root / BROKEN
    good = path.read_text(encoding="utf-8")
    assert BROKEN_TITLE in server.text(BROKEN_URL)
    lines = good.split("\n")
    line = next(n for n, text in enumerate(lines, start=1) if text.startswith("tags: ["))
    lines[line - 1] = lines[line - 1].removesuffix("]")  # an unclosed bracket
    path.write_text("\n".join(lines), encoding="utf-8")
    told = f"{BROKEN}:{line}: "
    server.until(f"{told!r} in the log", lambda: told in server.log_text())
    server.until("the broken post left out", lambda: server.get(BROKEN_URL)[0] == 404)
    assert server.process.poll() is None
    assert "Traceback" not in server.log_text()
    assert server.get("about/")[0] == 200
    assert "Japan" in server.text("")
    assert BROKEN_TITLE not in server.text("")

    path.write_text(good, encoding="utf-8")
    server.until("the fixed post back", lambda: BROKEN_TITLE in server.text(BROKEN_URL))
    assert BROKEN_TITLE in server.text("")
