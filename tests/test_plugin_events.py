"""The plugin is MkDocs' events only (`mkdocs_reeblog/plugin.py`): each handler a few lines,
in the order MkDocs calls the events, with a comment on why it runs at its priority."""

from __future__ import annotations

import ast
from pathlib import Path

from mkdocs_reeblog.plugin import ReeblogPlugin

PLUGIN = Path(__file__).resolve().parent.parent / "mkdocs_reeblog" / "plugin.py"

CALL_ORDER = (
    "startup", "config", "pre_build", "files", "nav", "pre_page", "page_read_source",
    "page_markdown", "page_content", "env", "page_context", "post_page", "post_build",
    "serve", "shutdown",
)  # fmt: skip
"""MkDocs' events in the order one `mkdocs serve` calls them (a build: `config` to
`post_build`; page events once a page, `page_context` and `post_page` after `env`)."""

MOST_LINES = 12
"""The longest handler (its docstring included)."""


def plugin_class() -> ast.ClassDef:
    tree = ast.parse(PLUGIN.read_text(encoding="utf-8"))
    return next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "ReeblogPlugin")


def handlers() -> list[ast.FunctionDef]:
    """The class's event handlers, `on_*` and the parts of combined events, as written."""
    combined: set[str] = set()
    for node in plugin_class().body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            combined.update(a.id for a in node.value.args if isinstance(a, ast.Name))
    return [
        node
        for node in plugin_class().body
        if isinstance(node, ast.FunctionDef)
        and (node.name.startswith("on_") or node.name in combined)
    ]


def events_as_written() -> list[str]:
    found: list[str] = []
    for node in plugin_class().body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("on_"):
            found.append(node.name.removeprefix("on_"))
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            found.append(node.targets[0].id.removeprefix("on_"))  # a CombinedEvent
    return list(dict.fromkeys(found))


def test_the_events_are_written_in_the_order_mkdocs_calls_them() -> None:
    written = events_as_written()
    assert set(written) <= set(CALL_ORDER), set(written) - set(CALL_ORDER)
    assert written == sorted(written, key=CALL_ORDER.index)
    assert {"files", "page_markdown", "env", "page_context", "post_page"} <= set(written)


def test_each_handler_is_a_few_lines() -> None:
    for node in handlers():
        lines = (node.end_lineno or node.lineno) - node.lineno + 1
        assert lines <= MOST_LINES, f"{node.name}: {lines} lines"


def test_each_handler_says_why_it_runs_at_its_priority() -> None:
    """A comment on the lines before the handler (and its decorators) gives the reason; a
    handler at MkDocs' default priority says so too."""
    source = PLUGIN.read_text(encoding="utf-8").splitlines()
    for node in handlers():
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        assert source[first - 2].strip().startswith("#"), node.name


def test_the_plugin_holds_the_command_what_it_keeps_the_setup_and_the_build() -> None:
    assert set(vars(ReeblogPlugin())) == {"command", "kept", "setup", "build"}
