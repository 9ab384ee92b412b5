"""The package's layers, read from every module's imports (`ast`, nothing is imported).

`jekyll/` reads a Jekyll site, `blog/` makes the blog of it, the top level is the MkDocs plugin
and its theme work, `importer/` the `reeblog` command (see `mkdocs_reeblog/__init__.py`). A
module imports only from its own layer and the ones below; `jekyll/` and `blog/` import nothing
from MkDocs or Jinja; Markdown renderers are Jekyll's business (kramdown, Liquid's
`markdownify`); and no module imports another that imports it back, however far round.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "mkdocs_reeblog"

LAYERS = ("jekyll", "blog", "mkdocs", "importer")
"""Lowest first: a module may import from its own layer and those before it."""

NOT_BELOW_MKDOCS = frozenset({"mkdocs", "jinja2", "material", "properdocs"})
"""Packages that `jekyll/` and `blog/` never import."""

MARKDOWN_RENDERERS = frozenset(
    {"markdown", "markdown_it", "mdit_py_plugins", "pygments", "pymdownx"}
)
"""Packages that render Markdown: only kramdown and Liquid's `markdownify` use them."""

RENDERING_JEKYLL = ("mkdocs_reeblog.jekyll.kramdown", "mkdocs_reeblog.jekyll.liquid")


def module_name(path: Path, root: Path) -> str:
    """`mkdocs_reeblog.blog.feed` for `mkdocs_reeblog/blog/feed.py` (a package: its folder)."""
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def read_imports(source: str, name: str, *, is_package: bool) -> set[str]:
    """Every module `source` imports, anywhere in it (`TYPE_CHECKING` and functions included);
    `from PACKAGE import NAME` counts as `PACKAGE.NAME` too (NAME may be a module)."""
    found: set[str] = set()
    package = name if is_package else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def package_imports(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Each module of the package and the modules it imports."""
    return {
        module_name(path, root): read_imports(
            path.read_text(encoding="utf-8"),
            module_name(path, root),
            is_package=path.name == "__init__.py",
        )
        for path in sorted(root.rglob("*.py"))
    }


def layer(module: str) -> str:
    parts = module.split(".")
    sub = parts[1] if len(parts) > 1 else ""
    return sub if sub in ("jekyll", "blog", "importer") else "mkdocs"


def violations(imports: Mapping[str, Iterable[str]]) -> list[str]:
    """What breaks the layers, one line each (empty when nothing does)."""
    found: list[str] = []
    own = set(imports)
    for module, targets in sorted(imports.items()):
        rank = LAYERS.index(layer(module))
        for target in sorted(set(targets)):
            root = target.split(".")[0]
            if target in own and LAYERS.index(layer(target)) > rank:
                found.append(f"{module} ({layer(module)}) imports {target} ({layer(target)})")
            elif rank < LAYERS.index("mkdocs") and root in NOT_BELOW_MKDOCS:
                found.append(f"{module} ({layer(module)}) imports {target}")
            elif root in MARKDOWN_RENDERERS and not module.startswith(RENDERING_JEKYLL):
                found.append(f"{module} renders Markdown with {target}")
    return found + [f"circular imports: {' -> '.join(cycle)}" for cycle in cycles(imports)]


def cycles(imports: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Circles among the package's own modules (each found once, from its first module)."""
    graph = {
        module: sorted(set(targets) & set(imports) - {module})
        for module, targets in imports.items()
    }
    found: list[list[str]] = []
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        for target in graph[module]:
            if target in path:
                found.append([*path[path.index(target) :], target])
            elif target not in done:
                visit(target, [*path, target])
        done.add(module)

    for module in sorted(graph):
        if module not in done:
            visit(module, [module])
    return found


def test_the_package_keeps_its_layers() -> None:
    imports = package_imports()
    assert {
        "mkdocs_reeblog.plugin",
        "mkdocs_reeblog.blog.feed",
        "mkdocs_reeblog.jekyll.posts",
    } <= set(imports)
    assert violations(imports) == []


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        (
            "mkdocs_reeblog.jekyll.posts",
            "from mkdocs_reeblog.blog.index import BlogIndex",
            "mkdocs_reeblog.jekyll.posts (jekyll) imports mkdocs_reeblog.blog.index (blog)",
        ),
        (
            "mkdocs_reeblog.blog.feed",
            "if TYPE_CHECKING:\n    from mkdocs.structure.files import File",
            "mkdocs_reeblog.blog.feed (blog) imports mkdocs.structure.files",
        ),
        (
            "mkdocs_reeblog.blog.feed",
            "def f():\n    import jinja2",
            "mkdocs_reeblog.blog.feed (blog) imports jinja2",
        ),
        (
            "mkdocs_reeblog.blog.excerpt",
            "import markdown",
            "mkdocs_reeblog.blog.excerpt renders Markdown with markdown",
        ),
        (
            "mkdocs_reeblog.jekyll.urls",
            "from ..site_links import SiteLinks",
            "mkdocs_reeblog.jekyll.urls (jekyll) imports mkdocs_reeblog.site_links (mkdocs)",
        ),
    ],
)
def test_a_forbidden_import_is_found(module: str, source: str, expected: str) -> None:
    imports = package_imports()
    imports[module] = imports[module] | read_imports(source, module, is_package=False)
    assert expected in violations(imports)


def test_a_circle_is_found() -> None:
    imports = package_imports()
    imports["mkdocs_reeblog.jekyll.slugify"] = {"mkdocs_reeblog.jekyll.urls"}
    circle = [v for v in violations(imports) if v.startswith("circular imports")]
    assert len(circle) == 1
    assert set(circle[0].removeprefix("circular imports: ").split(" -> ")) == {
        "mkdocs_reeblog.jekyll.slugify",
        "mkdocs_reeblog.jekyll.urls",
    }
