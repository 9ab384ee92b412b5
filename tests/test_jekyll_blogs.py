"""Real blogs built as their owners would build them: Material, the blog's own `_config.yml`.

Each real blog the tests hold (the four corpora and the blogs of tests/data/blogs) is built once
per session with real MkDocs and Material, `jekyll_config` naming the blog's own `_config.yml`
(its `defaults:`, permalinks, `paginate`, `jekyll-archives` permalinks...), the blog's
`_includes/` in `docs/`, and a placeholder file at each image its posts' theme keys name (the
blogs ship their posts, not their images).

* images: every post whose front matter (or the `_config.yml`'s `defaults:`) names an image with
  its theme's key shows it as its banner (`figure.reeblog-banner`), on its card of the blog
  index and as its `og:image`;
* `mkdocs build --strict` passes, but for the blogs listed in `STRICT_FAILS` (with the reason).

`python -m tests.blog_figures` prints the figures the README gives for these blogs.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from mkdocs_reeblog.jekyll.defaults import FrontMatterDefaults, merge_front_matter
from mkdocs_reeblog.jekyll.frontmatter import read_front_matter
from mkdocs_reeblog.jekyll.problems import PostError
from mkdocs_reeblog.plugin import ReeblogPlugin
from tests.conftest import write_files
from tests.jekyll_oracle import (
    BLOG_NAMES,
    BLOGS,
    CORPORA,
    CORPUS_NAMES,
    Case,
    output_file,
    site_case,
)

pytestmark = pytest.mark.jekyll

SITE_URL = "https://blog.example.org/"
PLACEHOLDER = b"\x89PNG\r\n\x1a\n"
"""What each image the posts name is, for the build: the first bytes of a PNG."""

THEME_IMAGE_KEY: dict[str, tuple[str, ...]] = {
    "galena": ("excerpt_image",),  # YAT: the card image, shown as the banner
    "huxpro": ("header-img",),  # Hux Blog
    "18f": ("image",),  # jekyll-seo-tag's key
    "jekyll-docs": ("image",),
    "pyopensci": ("header", "overlay_image"),  # Minimal Mistakes
    "lynkos": ("image", "path"),  # Chirpy
}
"""The key (a path into the front matter) of the image each blog's theme shows on a post."""

STRICT_FAILS: dict[str, str] = {
    "18f": (
        "Jekyll complains too: `{% oembed %}` is a tag of 18F's own `_plugins/` (Jekyll stops "
        "without them); the plugin warns that the tag is unknown"
    ),
    "galena": (
        "Jekyll complains too: a post's front matter is not valid YAML (Jekyll logs the error); "
        "the plugin warns and leaves the post out"
    ),
    "huxpro": (
        "Jekyll complains too: the tags `C++` and `c` share the URL /tag/c/ (jekyll-archives "
        "logs a conflict); the plugin warns and gives one `c-2`"
    ),
    "jekyll-docs": (
        "Jekyll complains too: `{% link _docs/... %}` names documentation pages the corpus does "
        "not hold (Jekyll stops); the plugin warns"
    ),
    "pyopensci": (
        "Jekyll complains too: `{% include figure ... %}` and others name Minimal Mistakes' "
        "includes, which the blog does not ship (Jekyll stops); the plugin warns"
    ),
    "lynkos": (
        "Jekyll complains too: `{{ url: string | URL; }}` in a code block of "
        "2025-03-31-blogging-setup.md is a Liquid syntax error (Jekyll: `Liquid Warning`); the "
        "plugin warns and leaves that post's Liquid as written"
    ),
}
"""Blogs whose `--strict` build fails, and why (each an expected failure that must keep
failing). Each is a blog Jekyll also complains about, built without the site's own plugins and
theme (which it does not ship)."""


def blog_root(name: str) -> Path:
    """The folder of a real blog: a corpus of tests/data/corpora, else tests/data/blogs."""
    return CORPORA / name if name in CORPUS_NAMES else BLOGS / name


@cache
def blog(name: str) -> Case:
    return site_case(name, blog_root(name))


def front_matter(raw: bytes) -> dict[str, Any]:
    """A post's front matter as Jekyll reads it ({} when it has none or it is broken)."""
    try:
        return read_front_matter(raw.decode("utf-8-sig").replace("\r\n", "\n")).data
    except PostError:
        return {}


def theme_images(name: str) -> dict[str, str]:
    """The image each post's theme key names (front matter over `defaults:`), by source path:
    as written (a URL) or a path relative to the site root."""
    case = blog(name)
    defaults = FrontMatterDefaults.from_config(case.config.get("defaults"))
    found = {}
    for src, raw in case.post_files().items():
        value: Any = merge_front_matter(defaults.values_for(src), front_matter(raw))
        for part in THEME_IMAGE_KEY[name]:
            value = value.get(part) if isinstance(value, Mapping) else None
        if isinstance(value, str) and value.strip() and value.strip() != "NO_EXCERPT_IMAGE":
            url = value.strip()
            found[src] = url if "://" in url else url.lstrip("/")
    return found


def own_path(url: str, blog_url: str) -> str:
    """An image URL of the blog's own site (its `url`, with or without `www.`) as a site path;
    other URLs and paths as they are."""
    host = urlsplit(blog_url).netloc.removeprefix("www.")
    parts = urlsplit(url)
    if host and parts.netloc.removeprefix("www.") == host:
        return parts.path.lstrip("/")
    return url


def _placeholders(name: str, blog_url: str) -> dict[str, str | bytes]:
    """A placeholder file for each image that is a path of the site (or a URL of the blog's
    own site)."""
    files: dict[str, str | bytes] = {}
    for url in theme_images(name).values():
        path = own_path(url, blog_url)
        if "://" not in path:
            files[unquote(path.split("?")[0])] = PLACEHOLDER
    return files


@dataclass
class BlogBuild:
    """One Material build of a real blog."""

    site: Path
    ok: bool
    """False when `--strict` aborted it."""
    posts: dict[str, str]
    """The file the plugin wrote for each post it published, by source path."""
    records: list[logging.LogRecord]

    def read(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")

    def problems(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= logging.WARNING]


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def build_blog(name: str, root: Path, *, strict: bool) -> BlogBuild:
    """The blog `name` built with Material into `root/site` (see the module's docstring)."""
    case = blog(name)
    blog_url = str(case.config.get("url") or "")
    write_files(root / "docs", {**case.files, **_placeholders(name, blog_url)})
    (root / "mkdocs.yml").write_text(
        f"site_name: {name}\nsite_url: {SITE_URL}\ntheme:\n  name: material\n"
        "plugins:\n  - search\n  - reeblog:\n"
        f"      jekyll_config: {blog_root(name) / '_config.yml'}\n      future: true\n",
        encoding="utf-8",
    )
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    plugin = config.plugins["reeblog"]
    assert isinstance(plugin, ReeblogPlugin)
    handler, logger = _Records(), logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        build(config)
        ok = True
    except Abort:
        ok = False
    finally:
        logger.removeHandler(handler)
    posts = {entry.post.source.src_uri: output_file(entry.post.url) for entry in plugin.build.index}
    config.plugins.on_shutdown()
    return BlogBuild(root / "site", ok, posts, handler.records)


@dataclass(frozen=True)
class ShownImages:
    """Where the built site shows a post's image, each as a site path or URL (None: not shown)."""

    banner: str | None
    card: str | None
    social: str | None


def _site_path(page: str, src: str) -> str:
    """A `src` of the built file `page` as a site path (URLs as written)."""
    if "://" in src:
        return src
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(src)))


def _page_file(site: Path, page: str, href: str) -> str:
    target = _site_path(page, href)
    return posixpath.join(target, "index.html") if (site / target).is_dir() else target


def card_images(built: BlogBuild) -> dict[str, str | None]:
    """The image of every card of the blog index (all its pages), by the post's file."""
    cards: dict[str, str | None] = {}
    page: str | None = "index.html"
    while page is not None:
        soup = BeautifulSoup(built.read(page), "html.parser")
        for card in soup.select("article.reeblog-card"):
            link = card.select_one(".reeblog-card-title a")
            assert link is not None, page
            image = card.select_one(".reeblog-card-image img")
            post = _page_file(built.site, page, str(link["href"]))
            cards[post] = _site_path(page, str(image["src"])) if image is not None else None
        older = soup.select_one("nav.reeblog-pagination a[rel=next]")
        page = _page_file(built.site, page, str(older["href"])) if older is not None else None
    return cards


def shown_images(built: BlogBuild) -> dict[str, ShownImages]:
    """The banner, card and social image of every post the plugin published, by source path."""
    cards = card_images(built)
    shown = {}
    for src, page in built.posts.items():
        soup = BeautifulSoup(built.read(page), "html.parser")
        banner = soup.select_one("figure.reeblog-banner img")
        social = soup.find("meta", attrs={"property": "og:image"})
        shown[src] = ShownImages(
            banner=_site_path(page, str(banner["src"])) if banner is not None else None,
            card=cards.get(page),
            social=unquote(str(social["content"])) if social is not None else None,
        )
    return shown


def expected_shown(url: str, blog_url: str) -> ShownImages:
    """Where a post's theme image must appear: a site path (or a URL of another site) in the
    banner and the card, an absolute URL of the MkDocs site in `og:image`."""
    path = own_path(url, blog_url)
    absolute = path if "://" in path else urljoin(SITE_URL, path)
    return ShownImages(banner=path, card=path, social=absolute)


REAL_BLOGS = (*CORPUS_NAMES, *BLOG_NAMES)


@pytest.fixture(scope="session")
def blog_build(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], BlogBuild]:
    """Each blog's `--strict` build, made on first use and kept for the session."""
    built: dict[str, BlogBuild] = {}

    def get(name: str) -> BlogBuild:
        if name not in built:
            built[name] = build_blog(name, tmp_path_factory.mktemp(f"blog-{name}"), strict=True)
        return built[name]

    return get


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=[pytest.mark.xfail(reason=STRICT_FAILS[name], strict=True)])
        if name in STRICT_FAILS
        else name
        for name in REAL_BLOGS
    ],
)
def test_strict_build_passes(blog_build: Callable[[str], BlogBuild], name: str) -> None:
    built = blog_build(name)
    assert built.ok, built.problems()
    assert built.posts, f"{name}: no post published"


@pytest.mark.parametrize("name", REAL_BLOGS)
def test_theme_images_are_shown(blog_build: Callable[[str], BlogBuild], name: str) -> None:
    """Every post whose theme key names an image shows it as banner, card image and og:image."""
    built = blog_build(name)
    blog_url = str(blog(name).config.get("url") or "")
    expected = {src: url for src, url in theme_images(name).items() if src in built.posts}
    shown = shown_images(built)
    wrong = {
        src: (shown[src], want)
        for src, url in expected.items()
        if shown[src] != (want := expected_shown(url, blog_url))
    }
    assert wrong == {}, "(shown, expected) per post"
    if name in ("pyopensci", "lynkos", "huxpro", "galena"):
        assert len(expected) >= 5, f"{name}: its posts name images"
