"""Print the lowest version each of pyproject.toml's dependencies allows, as pip constraints.

`make test-floors` installs the package with these (`pip install -c`) on the oldest Python it
supports, and runs build tests there: the lower bounds the package declares are the ones tested.
A dependency without exactly one lower bound (`name>=X`) is an error: it could not be tested.
"""

from __future__ import annotations

import sys
from pathlib import Path

import tomllib
from packaging.requirements import Requirement

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def floors(pyproject: Path) -> list[str]:
    """`name==X` for each dependency, X its lower bound (`>=`, `~=` or `==`)."""
    dependencies = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    constraints = []
    for text in dependencies:
        requirement = Requirement(text)
        lows = [s.version for s in requirement.specifier if s.operator in (">=", "~=", "==")]
        if len(lows) != 1:
            raise SystemExit(f"{pyproject}: {text!r} has no single lower bound: write name>=X")
        constraints.append(f"{requirement.name}=={lows[0]}")
    return constraints


if __name__ == "__main__":
    sys.stdout.write("".join(line + "\n" for line in floors(PYPROJECT)))
