"""What `reeblog import` writes for a Jekyll site: the plan, made without writing anything.

* `mkdocs.yml`: the site settings of the `_config.yml` (`config_map.py`), theme Material, the
  plugin reading the copied `_config.yml` (`jekyll_config`), and `redirects` from the URLs of
  the theme pages the plugin's own pages replace (`archives.html`, `categories.html`,
  `tags.html`: pages whose `layout` lists posts) to those pages.
* `_config.yml`, beside `mkdocs.yml`.
* `docs/`: every other file of the site, unchanged (posts, drafts, pages, `assets/`, `_data`,
  `_includes`, `CNAME`, root files such as `ads.txt`), except Jekyll's own folders and files
  (`_site`, `_layouts`, `_sass`, `_plugins`, `vendor`, `Gemfile`...), other `_` folders (a
  theme's or a collection's), dot files other than `.htaccess` and `.well-known`, what the
  `_config.yml`'s `exclude:` names, and a repository's `README.md` without front matter (MkDocs
  would make it the home page).
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mkdocs_reeblog.importer.config_map import key_lines, unmapped
from mkdocs_reeblog.jekyll.pages import has_front_matter, page_kind, read_page
from mkdocs_reeblog.jekyll.posts import DRAFTS_DIR, POSTS_DIR
from mkdocs_reeblog.jekyll.problems import PostError
from mkdocs_reeblog.jekyll.reader import decode
from mkdocs_reeblog.jekyll.settings import JekyllConfigError, read_jekyll_config, resolve_settings
from mkdocs_reeblog.jekyll.site import mkdocs_settings, theme_settings
from mkdocs_reeblog.site_settings import theme_languages

__all__ = ["ImportPlan", "PlannedFile", "plan_import"]

CONFIG = "_config.yml"
DOCS = "docs"
JEKYLL_ONLY = ("_site", "_layouts", "_sass", "_plugins", "vendor", "node_modules", ".jekyll-cache",
               ".sass-cache", ".bundle", ".jekyll-metadata", "Gemfile", "Gemfile.lock",
               "gemfiles")  # fmt: skip
"""Jekyll's machinery: not copied."""
KEPT_FOLDERS = frozenset({POSTS_DIR, DRAFTS_DIR, "_data", "_includes"})
"""The `_` folders the plugin reads."""
KEPT_DOT_NAMES = frozenset({".htaccess", ".well-known"})
"""Jekyll's default `include:`."""
REPLACED_LAYOUTS = {
    "archives": "/", "archive": "/", "home-archive": "/",
    "categories": "/categories/", "category": "/categories/",
    "tags": "/tags/", "tag": "/tags/",
}  # fmt: skip
"""Layouts of the theme pages that list posts, and the plugin's page that replaces each."""


@dataclass(frozen=True, order=True)
class PlannedFile:
    """One file of the MkDocs project: a copy of `source`, or `content`."""

    dest: str
    """Relative to the project, `/`-separated."""
    source: Path | None = None
    content: bytes | None = None

    def data(self) -> bytes:
        return self.content if self.content is not None else Path(str(self.source)).read_bytes()


@dataclass
class ImportPlan:
    """The files to write, and the report of what was not copied or mapped."""

    files: list[PlannedFile] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _walk(site: Path, skip: Path | None) -> Iterator[str]:
    """The files under `site`, `/`-separated, sorted; the folder `skip` left out."""
    for folder, dirs, names in os.walk(site):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if skip is None or (here / d).resolve() != skip)
        for name in sorted(names):
            yield (here / name).relative_to(site).as_posix()


def _excluded(rel: str, patterns: list[str]) -> bool:
    """Whether Jekyll's `exclude:` names the file or one of its folders."""
    parts = rel.split("/")
    prefixes = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]
    return any(
        fnmatch.fnmatch(prefix, pattern.strip("/")) for prefix in prefixes for pattern in patterns
    )


def _left_out(rel: str) -> str | None:
    """Why the file at `rel` is not copied (None: it is copied)."""
    first = rel.split("/", 1)[0]
    if first in JEKYLL_ONLY or first.endswith(".gemspec"):
        return "Jekyll's own"
    if first.startswith(".") and first not in KEPT_DOT_NAMES:
        return "a hidden file or folder"
    if "/" in rel and first.startswith("_") and first not in KEPT_FOLDERS:
        return "a theme's or collection's folder (only posts are published)"
    if rel.lower() == "readme.md":
        return "a repository's README: MkDocs would make it the home page"
    return None


def _replaced_page(site: Path, rel: str, settings_permalink: str) -> tuple[str, str] | None:
    """A root page whose layout lists posts (a theme's archives, tags or categories page): its
    Jekyll URL and the URL of the plugin's page that replaces it."""
    kind = page_kind(rel)
    if "/" in rel or kind not in ("html", "markdown"):
        return None
    raw = (site / rel).read_bytes()
    if not has_front_matter(raw):
        return None
    try:
        page = read_page(rel, rel, decode(raw), kind, site_permalink=settings_permalink,  # type: ignore[arg-type]
                         defaults=resolve_settings({}, {}, site_url=None).defaults)  # fmt: skip
    except PostError:
        return None
    target = REPLACED_LAYOUTS.get(str(page.front_matter.get("layout")))
    return None if target is None else (page.url, target)


def _mkdocs_yml(jekyll: dict[str, Any], redirects: dict[str, str], favicon_exists: bool) -> bytes:
    settings = mkdocs_settings(jekyll)
    theme: dict[str, Any] = {"name": "material", **theme_settings(jekyll, theme_languages())}
    if not favicon_exists:
        theme.pop("favicon", None)
    options: dict[str, Any] = {"jekyll_config": CONFIG}
    if redirects:
        options["redirects"] = redirects
    config = {
        "site_name": settings.get("site_name", "My blog"),
        **{key: value for key, value in settings.items() if key != "site_name"},
        "theme": theme,
        "plugins": ["search", {"reeblog": options}],
    }
    header = "# Written by `reeblog import` from the Jekyll site's _config.yml (copied here).\n"
    body = yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=100)
    return (header + body).encode("utf-8")


def plan_import(site: Path, *, skip: Path | None = None) -> ImportPlan:
    """The MkDocs project of the Jekyll site at `site` (`skip`: a folder not to read, the
    project itself when it is inside the site). Raises `JekyllConfigError` for a
    `_config.yml` that cannot be read."""
    plan = ImportPlan()
    config_file = site / CONFIG
    jekyll: dict[str, Any] = {}
    text = ""
    if config_file.is_file():
        jekyll = read_jekyll_config(config_file)
        text = config_file.read_text(encoding="utf-8-sig")
        plan.files.append(PlannedFile(CONFIG, source=config_file))
    lines, _ = key_lines(text)
    patterns = [str(p) for p in jekyll.get("exclude") or [] if isinstance(p, (str, int))]
    try:
        permalink = resolve_settings({}, jekyll, site_url=None).permalink
    except ValueError as exc:
        raise JekyllConfigError(f"{config_file}: {exc}") from exc
    redirects: dict[str, str] = {}
    left_out: dict[str, set[str]] = {}
    for rel in _walk(site, skip):
        if rel == CONFIG or rel.startswith("_config"):
            continue
        reason = _left_out(rel)
        if reason is None and _excluded(rel, patterns):
            reason = f"excluded by {CONFIG}:{lines.get('exclude', 1)}"
        if reason is not None:
            left_out.setdefault(reason, set()).add(
                rel.split("/", 1)[0] + ("/" if "/" in rel else "")
            )
            continue
        replaced = _replaced_page(site, rel, permalink)
        if replaced is not None:
            old, new = replaced
            redirects[old] = new
            plan.notes.append(f"{rel}: not copied: a theme page that lists posts; reeblog's page "
                              f"{new} replaces it (redirects: {old} -> {new})")  # fmt: skip
            continue
        plan.files.append(PlannedFile(f"{DOCS}/{rel}", source=site / rel))
    favicon = str(jekyll.get("favicon") or "").lstrip("/")
    plan.files.append(
        PlannedFile(
            "mkdocs.yml", content=_mkdocs_yml(jekyll, redirects, (site / favicon).is_file())
        )
    )
    plan.files.sort()
    for reason, names in sorted(left_out.items()):
        plan.notes.append(f"not copied ({reason}): {', '.join(sorted(names))}")
    if (site / "CNAME").is_file():
        plan.notes.append("CNAME: copied to docs/CNAME; MkDocs copies it into the site, so "
                          "`mkdocs gh-deploy` keeps the custom domain")  # fmt: skip
    for note in unmapped(jekyll, text):
        plan.notes.append(f"{CONFIG}:{note.line}: {note.key}: {note.message}")
    return plan
