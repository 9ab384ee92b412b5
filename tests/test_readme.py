"""The README against the code: its options table names every option of the plugin, and no
other, with the defaults the plugin declares; it stays a five-minute read (under 15,000 bytes);
its two commands are targets of the Makefile; and the links of the user's documents reach a
file and a heading that exist."""

from __future__ import annotations

import re
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from mkdocs.config import config_options as c

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
DOCUMENTS = (README, REPO / "docs" / "reference.md", REPO / "benchmarks" / "README.md")
"""The documents whose links must work: the README and the two it sends readers to."""
MAX_BYTES = 15_000

FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6} +(.+?) *$", re.MULTILINE)


def schema() -> dict[str, c.BaseConfigOption]:
    """The options of the plugin MkDocs loads as `reeblog`, by name."""
    (entry,) = [e for e in entry_points(group="mkdocs.plugins") if e.name == "reeblog"]
    return dict(entry.load().config_class._schema)


def section(text: str, title: str) -> str:
    """The body of the `## title` section of `text`."""
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else len(text)]


def options_table(text: str) -> dict[str, str]:
    """The README's options table: each option's name and its default cell."""
    rows = {}
    for line in section(text, "Options").splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if line.startswith("| `") and len(cells) == 3:
            rows[cells[0].strip("`")] = cells[1]
    return rows


def yaml_text(value: object) -> str:
    """A default as `mkdocs.yml` would write it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value == {}:
        return "{}"
    return str(value)


def github_anchor(heading: str) -> str:
    """The id GitHub gives a heading: lowercase, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for heading in HEADING.findall(text):
        anchor = base = github_anchor(heading)
        number = 0
        while anchor in found:
            number += 1
            anchor = f"{base}-{number}"
        found.add(anchor)
    return found


def links(path: Path) -> list[str]:
    """The targets of the Markdown links of `path` that are not web addresses (none in code)."""
    text = CODE_SPAN.sub("", FENCE.sub("", path.read_text(encoding="utf-8")))
    return [t for t in LINK.findall(text) if not re.match(r"[a-z]+://|mailto:", t)]


def test_the_readme_stays_short() -> None:
    size = len(README.read_bytes())
    assert size < MAX_BYTES, f"README.md is {size} bytes: move details to docs/reference.md"


def test_the_options_table_names_every_option_and_no_other() -> None:
    options = schema()
    live = {name for name, option in options.items() if not isinstance(option, c.Deprecated)}
    table = options_table(README.read_text(encoding="utf-8"))
    assert sorted(live - table.keys()) == [], "options missing from the README's table"
    assert sorted(table.keys() - live) == [], "the README's table names options the plugin lacks"


def test_retired_options_are_named_outside_the_table() -> None:
    text = section(README.read_text(encoding="utf-8"), "Options")
    prose = "\n".join(line for line in text.splitlines() if not line.startswith("|"))
    retired = [name for name, o in schema().items() if isinstance(o, c.Deprecated)]
    if not retired:
        pytest.skip("the plugin has no retired option")
    for name in retired:
        assert f"`{name}`" in prose, f"say that `{name}` is no longer used"
        assert name not in options_table(text), f"`{name}` is no longer used"


def test_the_table_gives_the_defaults_the_plugin_declares() -> None:
    table = options_table(README.read_text(encoding="utf-8"))
    declared = {
        name: option.default
        for name, option in schema().items()
        if not isinstance(option, (c.Deprecated, c.Optional)) and option.default is not None
    }
    assert declared, "no option declares a default: the check below would check nothing"
    wrong = {
        name: (table.get(name), yaml_text(default))
        for name, default in declared.items()
        if f"`{yaml_text(default)}`" != table.get(name)
    }
    assert wrong == {}, "README default cell, and the default the plugin declares"


def test_the_two_commands_are_targets_of_the_makefile() -> None:
    text = README.read_text(encoding="utf-8")
    commands = section(text, "The two commands")
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    for target in ("example", "test"):
        assert f"| `make {target}` |" in commands
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), f"no `{target}:` target"
    titles = HEADING.findall(FENCE.sub("", text))
    assert titles[1:3] == ["The two commands", "Move a Jekyll site"]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_links_reach_a_file_and_a_heading(document: Path) -> None:
    broken = []
    for target in links(document):
        path, _, anchor = target.partition("#")
        linked = (document.parent / path).resolve() if path else document
        if not linked.exists():
            broken.append(f"{target}: no such file")
        elif anchor and (linked.suffix != ".md" or anchor not in anchors(linked)):
            broken.append(f"{target}: no such heading")
    assert broken == []
