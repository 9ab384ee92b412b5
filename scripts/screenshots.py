"""Refresh the README's screenshots in docs/screenshots/.

The browser tier takes them (tests/e2e/test_browser.py::test_screenshot, 1280x900, Material,
the built example blog) and writes them to test-artifacts/. This script runs that test (unless
`--copy-only`) and copies index.png, article.png and tag.png to docs/screenshots/.

    python scripts/screenshots.py [--copy-only]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts"
TARGET = REPO / "docs" / "screenshots"
NAMES = ("index.png", "article.png", "tag.png")
MAX_BYTES = 300_000


def take() -> None:
    """Run the screenshot tests of the browser tier."""
    command = [sys.executable, "-m", "pytest", "-q", "-m", "browser", "-k", "test_screenshot"]
    subprocess.run([*command, "tests/e2e/test_browser.py"], cwd=REPO, check=True)


def copy() -> None:
    """Copy the screenshots to docs/screenshots/, refusing missing or oversized ones."""
    TARGET.mkdir(parents=True, exist_ok=True)
    for name in NAMES:
        source = ARTIFACTS / name
        if not source.is_file():
            sys.exit(f"{source} is missing: run the browser tier first")
        if source.stat().st_size > MAX_BYTES:
            sys.exit(f"{source} is larger than {MAX_BYTES} bytes")
        shutil.copyfile(source, TARGET / name)
        print(f"{TARGET / name}: {source.stat().st_size} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--copy-only", action="store_true", help="copy without taking them")
    if not parser.parse_args().copy_only:
        take()
    copy()


if __name__ == "__main__":
    main()
