"""A real `mkdocs gh-deploy` of the example blog to a bare Git repository (no network)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import require_command
from tests.e2e.conftest import JAPAN_URL, copy_example

pytestmark = pytest.mark.browser

JAPAN_PAGE = JAPAN_URL.lstrip("/")
JAPAN_POST = Path("docs/_posts/2025-05-04-Japans_Approach_to_Rare_Earth_Elements.md")
EDIT = "A sentence added to test a second deploy."


def _env(home: Path) -> dict[str, str]:
    """An environment that reads no user or system Git configuration."""
    return dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_TERMINAL_PROMPT="0",
        HOME=str(home),
    )


def run(cwd: Path, *command: str) -> str:
    """Run a command in `cwd`; its output, or a failure that shows it."""
    done = subprocess.run(
        command, cwd=cwd, env=_env(cwd), capture_output=True, text=True, timeout=180, check=False
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def deploy(work: Path) -> None:
    run(work, sys.executable, "-m", "mkdocs", "gh-deploy", "--force", "--ignore-version",
        "-f", "mkdocs.yml", "--remote-name", "origin", "-m", "Deploy {sha}")  # fmt: skip


def published(bare: Path) -> set[str]:
    """Every file of the `gh-pages` branch of the bare repository."""
    return set(run(bare, "git", "ls-tree", "-r", "-z", "--name-only", "gh-pages").split("\0")) - {
        ""
    }


def commit_all(work: Path, message: str) -> None:
    run(work, "git", "add", "-A")
    run(work, "git", "commit", "-q", "-m", message)


@pytest.fixture
def blog_repo(tmp_path: Path) -> tuple[Path, Path]:
    """(a working repository holding the example blog, its bare `origin`)."""
    require_command("git", "browser")
    bare = tmp_path / "origin.git"
    run(tmp_path, "git", "init", "-q", "--bare", str(bare))
    work = copy_example(tmp_path / "blog")
    (work / ".gitignore").write_text("site/\n", encoding="utf-8")
    run(work, "git", "init", "-q", "-b", "main")
    run(work, "git", "config", "user.name", "Deploy Test")
    run(work, "git", "config", "user.email", "deploy@example.org")
    run(work, "git", "remote", "add", "origin", bare.as_uri())
    commit_all(work, "The blog")
    return work, bare


def test_gh_deploy_publishes_the_blog_and_redeploys_an_edit(blog_repo: tuple[Path, Path]) -> None:
    work, bare = blog_repo
    deploy(work)
    files = published(bare)
    for expected in (JAPAN_PAGE, "feed.xml", "tag/japan/index.html", "index.html", ".nojekyll"):
        assert expected in files, (expected, sorted(files)[:40])
    assert "assets/images/Japans_Approach_to_Rare_Earth_Elements.png" in files
    assert run(bare, "git", "rev-list", "--count", "gh-pages").strip() == "1"

    post = work / JAPAN_POST
    post.write_text(post.read_text(encoding="utf-8") + f"\n\n{EDIT}\n", encoding="utf-8")
    commit_all(work, "Edit the Japan post")
    deploy(work)

    assert run(bare, "git", "rev-list", "--count", "gh-pages").strip() == "2"
    changed = set(run(bare, "git", "diff", "--name-only", "gh-pages~1", "gh-pages").splitlines())
    assert JAPAN_PAGE in changed, sorted(changed)
    assert "about/index.html" not in changed, sorted(changed)
    assert EDIT in run(bare, "git", "show", f"gh-pages:{JAPAN_PAGE}")
    assert EDIT not in run(bare, "git", "show", f"gh-pages~1:{JAPAN_PAGE}")
