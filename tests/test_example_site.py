"""The example blog (`example_site/`) builds strictly, with every post at its Jekyll URL.

The expected URLs below are worked out by hand from Jekyll's `date` permalink
(`/:categories/:year/:month/:day/:title:output_ext`): folder categories first, then front-matter
`categories`, then `category` (one value, not split); each downcased, joined by `/`, spaces
percent-encoded; `:title` is the file name after the date, case kept.
"""

from __future__ import annotations

import logging
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import REPO, SEED, SEED_NAME, run_build

EXAMPLE = REPO / "example_site"
DOCS = EXAMPLE / "docs"
IMAGES = DOCS / "assets" / "images"
SEED_URL = "geology/mining/2025/05/04/Japans_Approach_to_Rare_Earth_Elements.html"

# source (relative to docs/) -> (URL Jekyll gives it, banner file name or None)
EXPECTED: dict[str, tuple[str, str | None]] = {
    f"_posts/{SEED_NAME}": (SEED_URL, "Japans_Approach_to_Rare_Earth_Elements.png"),
    "_posts/2025-02-14-Lithium_Triangle_Brine_Extraction.md": (
        "geology/mining/2025/02/14/Lithium_Triangle_Brine_Extraction.html",
        "Lithium_Triangle_Brine_Extraction.png",
    ),
    "_posts/2025-03-22-Cobalt_and_the_Battery_Supply_Chain.md": (
        "mining/supply%20chain/2025/03/22/Cobalt_and_the_Battery_Supply_Chain.html",
        "Cobalt_and_the_Battery_Supply_Chain.png",
    ),
    "recycling/_posts/2025-07-09-Urban_Mining_Magnets_from_E-Waste.md": (
        "recycling/mining/2025/07/09/Urban_Mining_Magnets_from_E-Waste.html",
        "Urban_Mining_Magnets_from_E-Waste.png",
    ),
    "_posts/2025-08-18-Deep_Sea_Mud_Near_Minamitorishima.md": (
        "ocean%20mining/2025/08/18/Deep_Sea_Mud_Near_Minamitorishima.html",
        "Deep_Sea_Mud_Near_Minamitorishima.png",
    ),
    "_posts/2025-10-27-Graphite_Anodes_Beyond_China.md": (
        "mining/supply%20chain/2025/10/27/Graphite_Anodes_Beyond_China.html",
        None,
    ),
}


@dataclass
class ExampleBuild:
    """The example site built once for this module, and the warnings MkDocs logged."""

    site: Path
    ok: bool
    warnings: list[str]

    def soup(self, url: str) -> BeautifulSoup:
        return BeautifulSoup((self.site / unquote(url)).read_text(encoding="utf-8"), "html.parser")


class _Collect(logging.Handler):
    """Keeps the messages of WARNING and above."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ExampleBuild]:
    """Build `example_site/mkdocs.yml` with real MkDocs, strict, into a temporary folder."""
    site = tmp_path_factory.mktemp("example") / "site"
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        ok = run_build(EXAMPLE / "mkdocs.yml", site, strict=True)
    finally:
        logger.removeHandler(handler)
    yield ExampleBuild(site, ok, handler.messages)


def _front_matter(path: Path) -> dict[str, object]:
    """The YAML between the first two `---` lines of a post."""
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert isinstance(data, dict), path
    return data


def _as_list(value: object) -> list[object]:
    """A front-matter list, or [] for anything else."""
    return list(value) if isinstance(value, list) else []


def _banner_imgs(soup: BeautifulSoup, name: str) -> list[str]:
    """The `src` of every `<img>` showing the image file `name`."""
    return [
        str(img["src"]) for img in soup.find_all("img") if str(img.get("src", "")).endswith(name)
    ]


def test_example_builds_strict_without_warnings(example: ExampleBuild) -> None:
    assert example.warnings == []
    assert example.ok


def test_seed_in_example_is_byte_identical() -> None:
    assert (DOCS / "_posts" / SEED_NAME).read_bytes() == SEED.read_bytes()


def test_every_post_of_the_example_has_an_expected_url() -> None:
    posts = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("_posts/*.md")}
    assert posts == set(EXPECTED)


@pytest.mark.parametrize(
    ("source", "url"), [(s, u) for s, (u, _) in EXPECTED.items()], ids=list(EXPECTED)
)
def test_post_is_at_its_jekyll_url(example: ExampleBuild, source: str, url: str) -> None:
    title = _front_matter(DOCS / source)["title"]
    h1 = example.soup(url).find("h1")
    assert h1 is not None
    assert h1.get_text(strip=True) == title


@pytest.mark.parametrize(("url", "banner"), list(EXPECTED.values()), ids=list(EXPECTED))
def test_banner_shown_once_from_the_local_file(
    example: ExampleBuild, url: str, banner: str | None
) -> None:
    soup = example.soup(url)
    if banner is None:
        assert soup.find_all("img") == []
        return
    sources = _banner_imgs(soup, banner)
    assert len(sources) == 1, sources
    assert "://" not in sources[0]
    built = example.site / unquote(urljoin(url, sources[0]))
    assert built.resolve() == (example.site / "assets" / "images" / banner).resolve()
    assert built.read_bytes() == (IMAGES / banner).read_bytes()


@pytest.mark.parametrize("banner", sorted({b for _, b in EXPECTED.values() if b}))
def test_banner_png_is_a_small_1200x630_image(banner: str) -> None:
    data = (IMAGES / banner).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1200, 630)
    assert len(data) < 60 * 1024


def test_example_covers_the_jekyll_cases_it_is_meant_to_show() -> None:
    data = {source: _front_matter(DOCS / source) for source in EXPECTED}
    bodies = {source: (DOCS / source).read_text(encoding="utf-8") for source in EXPECTED}
    separators = [s for s, d in data.items() if d.get("excerpt_separator") == "<!--more-->"]
    assert separators
    assert all("\n<!--more-->\n" in bodies[s] for s in separators)
    assert any(" " in str(d.get("category", "")) for d in data.values())
    assert any(not d.get("excerpt_image") and "![" not in bodies[s] for s, d in data.items())
    assert any(s.startswith("recycling/_posts/") for s in data)
    tags = {str(tag) for d in data.values() for tag in _as_list(d.get("tags"))}
    # One spelling per tag: a strict build would stop on merged spellings (`Mining`/`mining`).
    assert len({t.casefold() for t in tags}) == len(tags)
    for source, (_url, banner) in EXPECTED.items():
        declared = data[source].get("excerpt_image")
        assert declared == (f"https://www.galena.es/assets/images/{banner}" if banner else None)
