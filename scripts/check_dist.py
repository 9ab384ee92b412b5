"""Check the wheel and sdist that `python -m build` wrote to a folder (`make test-package`).

Both must hold LICENSE and every file of `mkdocs_reeblog/` (the templates and CSS are no
Python: a build that left them out would install a plugin that cannot render a page), and the
description the package index shows must have no relative link or image (they would be broken
there). Prints what is wrong and exits 1, or prints one line and exits 0.
"""

from __future__ import annotations

import re
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = "mkdocs_reeblog"
RELATIVE_LINK = re.compile(r"\]\((?!https?://|#)[^)\s]+\)")
"""A Markdown link or image whose target is a file of the repository."""


def package_files() -> set[str]:
    """The package's files in the sources, as paths from the repository's root."""
    return {
        path.relative_to(REPO).as_posix()
        for path in (REPO / PACKAGE).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def wheel_problems(wheel: Path, expected: set[str], license_text: bytes) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        licenses = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
        metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
        problems = [f"{wheel.name}: no {name}" for name in sorted(expected - names)]
        if not licenses or archive.read(licenses[0]) != license_text:
            problems.append(f"{wheel.name}: no dist-info/licenses/LICENSE as in the sources")
        message = Parser().parsestr(archive.read(metadata).decode("utf-8"))
    if message.get("License-Expression") != "MIT":
        problems.append(f"{wheel.name}: License-Expression is {message.get('License-Expression')}")
    description = message.get_payload()
    assert isinstance(description, str)
    problems += [
        f"{wheel.name}: the description links to a file of the repository: {link}"
        for link in RELATIVE_LINK.findall(description)
    ]
    return problems


def sdist_problems(sdist: Path, expected: set[str], license_text: bytes) -> list[str]:
    with tarfile.open(sdist) as archive:
        root = sdist.name.removesuffix(".tar.gz")
        names = {name.removeprefix(root + "/") for name in archive.getnames()}
        problems = [f"{sdist.name}: no {name}" for name in sorted(expected - names)]
        member = archive.extractfile(f"{root}/LICENSE") if "LICENSE" in names else None
        if member is None or member.read() != license_text:
            problems.append(f"{sdist.name}: no LICENSE as in the sources")
    return problems


def main(folder: Path) -> int:
    wheels, sdists = sorted(folder.glob("*.whl")), sorted(folder.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        print(f"{folder}: expected one wheel and one sdist, found {wheels + sdists}")
        return 1
    expected = package_files()
    license_text = (REPO / "LICENSE").read_bytes()
    problems = wheel_problems(wheels[0], expected, license_text)
    problems += sdist_problems(sdists[0], expected | {"README.md", "pyproject.toml"}, license_text)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{wheels[0].name}, {sdists[0].name}: LICENSE and the {len(expected)} package files")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: check_dist.py FOLDER (where python -m build wrote the wheel and sdist)")
    sys.exit(main(Path(sys.argv[1])))
