"""Web servers the tests start as subprocesses (`mkdocs serve`, `python -m http.server`): a free
port, their environment, and a stop that lets `mkdocs serve` remove its build folder."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
from pathlib import Path

STOP_SECONDS = 10.0


def free_port() -> int:
    """A TCP port that nothing listens on at the moment."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(temp: Path) -> dict[str, str]:
    """The environment of a server whose temporary files (`mkdocs serve` builds into a
    `mkdocs_*` folder of the temporary directory) go to `temp`, where a test can see them."""
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", TMPDIR=str(temp))


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Stop a server the way Ctrl-C does: `mkdocs serve` then removes its build folder, which
    SIGTERM, Python's default, would leave behind."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=STOP_SECONDS)
