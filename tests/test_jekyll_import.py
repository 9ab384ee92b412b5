"""Every file real Jekyll writes for the galena.es site is served or redirected by the MkDocs
site `reeblog import` makes of it (issue 28)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_reeblog.importer.cli import main
from tests.conftest import require_command, run_build
from tests.jekyll_oracle import Case, folder_files, run_jekyll
from tests.jekyll_sites import galena_site

pytestmark = pytest.mark.jekyll

JEKYLL_SETTINGS = {
    "title": "Mineral Matrix",
    "url": "https://galena.es",
    "plugins": ["jekyll-feed", "jekyll-seo-tag"],  # galena's, those Debian packages
}
HARNESS = {"urls.json", "archives.json"}
"""Files the oracle harness adds to a Jekyll build."""
NOT_PUBLISHED = {
    "/The-Timeless-Allure-of-Sapphires.dm": "a post with a .dm extension: Jekyll copies it as a "
    "post of its own type; reeblog publishes Markdown and HTML posts only",
    "/2025-03-11-Analyzing_Letovicite.html": "a post whose front matter is not valid YAML: "
    "Jekyll publishes it without one, dated by the build; reeblog warns and leaves it out",
}
"""The corpus's defective posts, by the end of the file Jekyll writes for each."""


def test_every_jekyll_url_is_served_or_redirected(tmp_path: Path) -> None:
    require_command("jekyll", "jekyll")
    site = galena_site(tmp_path / "galena")
    # The Gemfile names the YAT theme's gem, which Debian does not package: Jekyll builds
    # without it (with the oracle's layouts), the site's files are the same.
    files = {rel: data for rel, data in folder_files(site).items() if rel != "Gemfile"}
    config = {**JEKYLL_SETTINGS, "timezone": "UTC", "exclude": ["README.md"]}
    _, jekyll_site = run_jekyll(Case("galena-import", files), tmp_path / "jekyll", config)
    project = tmp_path / "project"
    assert main(["import", str(site), str(project)]) == 0
    assert run_build(project / "mkdocs.yml", project / "site")
    ours = project / "site"
    expected = sorted(
        path.relative_to(jekyll_site).as_posix()
        for path in jekyll_site.rglob("*")
        if path.is_file()
    )
    assert len(expected) > 80
    published = [
        rel
        for rel in expected
        if rel not in HARNESS and not any(rel.endswith(end) for end in NOT_PUBLISHED)
    ]
    assert len(expected) - len(published) == len(HARNESS) + len(NOT_PUBLISHED)
    assert [rel for rel in published if not (ours / rel).is_file()] == []
    redirects = [rel for rel in published if 'http-equiv="refresh"' in (ours / rel).read_text(
        encoding="utf-8", errors="replace")]  # fmt: skip
    assert sorted(redirects) == ["archives.html", "categories.html", "tags.html"]
