"""Build the example site, the corpora and the real blogs of `tests/data` into one folder, to
compare two versions of the package byte for byte (a refactoring must change nothing):

    python scripts/build_sites.py /tmp/before      # on the old commit
    python scripts/build_sites.py /tmp/after       # on the new one
    diff -r -I "Build Date UTC" /tmp/before /tmp/after

Each site is built with a different theme (Material, MkDocs', Read the Docs), the search
plugin and the Jekyll config of its blog. MkDocs' and Read the Docs' themes write the build's
time in the home page: `diff -I` leaves that line out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.test_jekyll_blogs import build_blog  # noqa: E402

CORPORA = {"huxpro": "mkdocs", "18f": "material", "galena": "readthedocs"}
"""The corpora of `tests/data/corpora` built, with the theme of each."""


def build_project(project: Path, site: Path) -> None:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")]
    subprocess.run([*command, "-d", str(site)], env=environment, check=True)


def build_corpus(name: str, theme: str, work: Path, site: Path) -> None:
    corpus = REPO / "tests" / "data" / "corpora" / name
    shutil.copytree(corpus / "_posts", work / "docs" / "_posts")
    if (corpus / "_includes").is_dir():
        shutil.copytree(corpus / "_includes", work / "docs" / "_includes")
    (work / "docs" / "index.md").write_text("# Home\n\n<!-- reeblog:posts -->\n")
    (work / "mkdocs.yml").write_text(
        f"site_name: {name}\nsite_url: https://example.org/blog/\ntheme:\n  name: {theme}\n"
        f"plugins:\n  - search\n  - reeblog:\n      jekyll_config: {corpus / '_config.yml'}\n"
        "      future: true\n      feed_content: true\n"
    )
    build_project(work, site)


def main(out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    work = out / "work"
    build_project(REPO / "example_site", out / "example")
    for name, theme in CORPORA.items():
        build_corpus(name, theme, work / name, out / name)
    for name in ("pyopensci", "lynkos"):
        built = build_blog(name, work / name, strict=False)
        shutil.move(built.site, out / name)
    shutil.rmtree(work)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
