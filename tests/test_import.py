"""`reeblog import` on the galena.es site (the galena corpus and its root pages): the project
it writes, a second run, edits kept, and the MkDocs build of the result (issue 28)."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from mkdocs_reeblog.importer.cli import main
from tests.conftest import REPO, run_build
from tests.jekyll_sites import galena_site

KNOWN_DEFECTS = {
    "2025-03-11-Analyzing_Letovicite.md": "the front matter is not valid YAML",
    "2025-02-17-Diamonds_vs_Moissanites.md": "is not a file of the site",
    "'Gemstones,'": "would share the URL of another category",
    "'Geology,'": "would share the URL of another category",
    "'Minerals,'": "would share the URL of another category",
}
"""The galena corpus's own defects (SURVEY.md), each a warning naming what to fix."""
DEFECTIVE_POSTS = [
    "_posts/2025-03-11-Analyzing_Letovicite.md",
    "_posts/2025-02-17-Diamonds_vs_Moissanites.md",
    "_posts/2025-02-17-The-Timeless-Allure-of-Sapphires.md",
    "_posts/2025-02-18-Untold_Tales_of_Famous_Gems.md",
]
LUVAVITE = "gemstones/healing minerals/2025/05/03/Luvavite_(Sugilite)_Healing_Properties.html"


def run_import(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["import", *args]) == 0
    return capsys.readouterr().out


@pytest.fixture
def imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    site = galena_site(tmp_path / "galena")
    project = tmp_path / "project"
    return project, run_import(capsys, str(site), str(project))


def test_the_project_and_its_report(imported: tuple[Path, str]) -> None:
    project, report = imported
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "Mineral Matrix: An AI Journey into Earth’s Treasures"
    assert config["site_url"] == "https://galena.es/"
    assert config["site_author"] == "GeoAI Explorer"
    assert config["site_description"].startswith("Explore the fascinating world of minerals")
    assert config["theme"] == {
        "name": "material",
        "language": "en",
        "favicon": "assets/favicon/favicon_galena_32x32.png",
    }
    options = config["plugins"][1]["reeblog"]
    assert options == {
        "jekyll_config": "_config.yml",
        "redirects": {
            "/archives.html": "/",
            "/categories.html": "/categories/",
            "/tags.html": "/tags/",
        },
    }
    docs = project / "docs"
    assert (docs / "CNAME").read_text(encoding="utf-8") == "galena.es\n"
    assert (docs / "ads.txt").is_file() and (docs / "assets/css/custom.css").is_file()
    assert len(list((docs / "_posts").iterdir())) == 79
    for left_out in ("Gemfile", "_layouts", "README.md", "archives.html", "categories.html"):
        assert not (docs / left_out).exists()
    assert "not copied (Jekyll's own): Gemfile, _layouts/" in report
    assert "CNAME: copied to docs/CNAME" in report
    assert "_config.yml:68: google_analytics: analytics are not mapped" in report
    assert "_config.yml:258: jekyll-spaceship: a Jekyll plugin reeblog does not know" in report
    assert "_config.yml:55: yat: a theme setting" in report
    assert "jekyll-feed:" not in report


def test_twice_is_safe_and_edits_are_kept(
    imported: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project, _ = imported
    site = tmp_path / "galena"
    written = sum(1 for path in project.rglob("*") if path.is_file())
    again = run_import(capsys, str(site), str(project))
    assert f"0 files written, {written} unchanged." in again
    about = project / "docs" / "about.html"
    about.write_text("my edit\n", encoding="utf-8")
    report = run_import(capsys, str(site), str(project))
    assert "kept: docs/about.html: it differs from what the import writes" in report
    assert about.read_text(encoding="utf-8") == "my edit\n"
    run_import(capsys, str(site), str(project), "--force")
    assert about.read_bytes() == (site / "about.html").read_bytes()


def test_bad_sites_are_one_line_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(tmp_path)]) == 2
    assert "no _config.yml and no _posts/ folder" in capsys.readouterr().err
    (tmp_path / "_config.yml").write_text("title: [broken\n", encoding="utf-8")
    assert main(["import", str(tmp_path), str(tmp_path / "out")]) == 2
    assert "_config.yml:2: not valid YAML" in capsys.readouterr().err


def test_the_console_script_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs_reeblog.importer.cli", "import", "--help"],
        capture_output=True, text=True, check=True, cwd=REPO,
    )  # fmt: skip
    assert "PATH" in done.stdout.upper() and "--force" in done.stdout


def test_the_imported_site_builds(
    imported: tuple[Path, str], caplog: pytest.LogCaptureFixture
) -> None:
    project, _ = imported
    caplog.set_level(logging.INFO)
    assert run_build(project / "mkdocs.yml", project / "site")
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == len(KNOWN_DEFECTS), warnings
    for name, problem in KNOWN_DEFECTS.items():
        assert any(name in w and problem in w for w in warnings), (name, warnings)
    site = project / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.index('class="galena-intro"') < home.index('class="reeblog-card"')
    assert "Minerals, gemstones and mining, explored with AI at https://galena.es." in home
    assert '<link rel="icon" href="assets/favicon/favicon_galena_32x32.png">' in home
    about = (site / "about.html").read_text(encoding="utf-8")
    assert 'href="https://galena.es/disclaimer.html"' in about and "layout:" not in about
    assert "for information only" in (site / "disclaimer.html").read_text(encoding="utf-8")
    for old, new in [("archives.html", "./"), ("categories.html", "categories/"),
                     ("tags.html", "tags/"), ("about-us/index.html", "../about.html")]:  # fmt: skip
        assert f'http-equiv="refresh" content="0; url={new}"' in (site / old).read_text("utf-8")
    assert (site / "CNAME").read_text(encoding="utf-8") == "galena.es\n"
    assert (site / "ads.txt").is_file() and (site / "feed.xml").is_file()
    post = (site / LUVAVITE).read_text(encoding="utf-8")
    assert len(re.findall(r"<img [^>]*Luvavite_\(Sugilite\)_Healing_Properties\.png", post)) == 1


def test_strict_build_without_the_corpus_defects(tmp_path: Path) -> None:
    """The corpus's defective posts excluded by the `_config.yml`'s `exclude:` (which the
    import obeys): `mkdocs build --strict` passes."""
    site = galena_site(tmp_path / "galena")
    with (site / "_config.yml").open("a", encoding="utf-8") as config:
        config.write("\nexclude:\n" + "".join(f"  - {post}\n" for post in DEFECTIVE_POSTS))
    project = tmp_path / "project"
    assert main(["import", str(site), str(project)]) == 0
    assert not (project / "docs" / DEFECTIVE_POSTS[0]).exists()
    assert run_build(project / "mkdocs.yml", project / "site", strict=True)
