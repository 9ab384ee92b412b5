"""Shared fixtures: real MkDocs builds of small sites in a temporary folder."""

from __future__ import annotations

import filecmp
import importlib
import logging
import os
import shutil
import textwrap
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from mkdocs_reeblog.plugin import ReeblogPlugin

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
"""What the tests read: the seed, the corpora, the Jekyll oracle site (see SOURCES.md there)."""
SEED = DATA / "seed" / "000_873dc41b31666417.txt"
SEED_NAME = "2025-05-04-Japans_Approach_to_Rare_Earth_Elements.md"
MATERIAL_SITE = (
    "site_name: Test Blog\nsite_url: https://blog.example.org/\ntheme:\n  name: material\n"
)
"""The start of a `mkdocs.yml` for a Material site (plugins and extensions follow)."""

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@dataclass
class BuiltSite:
    """The result of one build: where the site is, and what the plugin logged."""

    root: Path
    site: Path
    ok: bool
    records: list[logging.LogRecord] = field(default_factory=list)

    def read(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")

    def messages(self, level: int = logging.WARNING) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= level]

    def reeblog_messages(self, level: int = logging.INFO) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= level and "reeblog" in r.name]

    def files(self) -> list[str]:
        return sorted(
            p.relative_to(self.site).as_posix() for p in self.site.rglob("*") if p.is_file()
        )


SiteBuilder = Callable[..., BuiltSite]


def write_files(base: Path, files: Mapping[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")


def run_build(config_file: Path, site_dir: Path, *, strict: bool = False) -> bool:
    """One real `mkdocs build` (as the command runs it); False when it aborted, the options'
    errors included."""
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=strict)
    except Abort:  # an option MkDocs or a plugin refused (logged as an error)
        return False
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    except Abort:
        return False
    finally:
        config.plugins.on_shutdown()
    return True


def differing_files(left: Path, right: Path) -> list[str]:
    """Files of two folders that differ or exist on one side only (recursively)."""
    comparison = filecmp.dircmp(left, right)
    found = comparison.left_only + comparison.right_only + comparison.diff_files
    found += comparison.funny_files
    for name in comparison.common_dirs:
        found += [f"{name}/{path}" for path in differing_files(left / name, right / name)]
    return found


def write_and_build(
    root: Path, config_text: str, files: Mapping[str, str | bytes]
) -> ReeblogPlugin:
    """Write `files` in `root` and build it (`build_at`); the plugin instance."""
    write_files(root, files)
    return build_at(root, config_text)


def build_at(root: Path, config_text: str) -> ReeblogPlugin:
    """Write `mkdocs.yml` in `root`, build the site into `root/site`; the plugin instance."""
    (root / "mkdocs.yml").write_text(config_text, encoding="utf-8")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    plugin = config.plugins["reeblog"]
    assert isinstance(plugin, ReeblogPlugin)
    return plugin


@pytest.fixture
def build_site(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> Iterator[SiteBuilder]:
    """Build a site: `build_site({"_posts/2024-01-01-a.md": "..."}, theme="material", ...)`.

    `docs` are written under `docs/` verbatim (str or bytes); `yml` is appended to a minimal
    `mkdocs.yml`; `strict=True` makes warnings fail the build (then `ok` is False).
    """
    counter = iter(range(1000))

    def _build(
        docs: dict[str, str | bytes],
        *,
        theme: str = "mkdocs",
        yml: str = "",
        plugin_options: str = "",
        strict: bool = False,
        site_url: str | None = "https://blog.example.org/",
        extra_files: dict[str, str | bytes] | None = None,
    ) -> BuiltSite:
        root = tmp_path / f"project{next(counter)}"
        write_files(root / "docs", docs)
        write_files(root, extra_files or {})
        options = textwrap.indent(textwrap.dedent(plugin_options).strip(), "      ")
        config_text = (
            "site_name: Test Blog\n"
            + (f"site_url: {site_url}\n" if site_url else "")
            + f"theme:\n  name: {theme}\n"
            + "plugins:\n  - search\n  - reeblog"
            + (":\n" + options + "\n" if options else "\n")
            + textwrap.dedent(yml)
        )
        (root / "mkdocs.yml").write_text(config_text, encoding="utf-8")
        caplog.clear()
        caplog.set_level(logging.INFO)
        ok = run_build(root / "mkdocs.yml", root / "site", strict=strict)
        return BuiltSite(root, root / "site", ok, list(caplog.records))

    yield _build


@pytest.fixture
def seed_text() -> str:
    if not SEED.exists():
        pytest.fail(f"the seed article is missing: {SEED}")
    return SEED.read_text(encoding="utf-8")


def require_command(name: str, tier: str) -> str:
    """The path of a system command a tier needs: skip loudly without it, fail under CI."""
    found = shutil.which(name)
    if not found:
        skip_tier(
            f"{tier} tier SKIPPED: '{name}' is not installed "
            "(run `make test` as root on Debian to install it)"
        )
    return found


def require_module(name: str, tier: str, install: str) -> None:
    """Import a Python module a tier needs: skip loudly without it, fail under CI."""
    try:
        importlib.import_module(name)
    except (ImportError, OSError) as exc:  # OSError: a C library it loads is missing
        skip_tier(f"{tier} tier SKIPPED: {name} cannot be imported ({exc}); {install}")


def skip_tier(message: str) -> NoReturn:
    """Skip a test of a tier whose tools are missing; under `CI=true` that is a failure."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " -- under CI=true a skipped tier is a failure")
    pytest.skip(message)
