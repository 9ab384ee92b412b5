"""The coexistence tier: the example blog built beside popular MkDocs plugins, one build each.

Each test adds plugins to a copy of `example_site/` (with a post that has Liquid and an HTML
post), builds it with real MkDocs, and checks that posts, cards, tag pages, the feed, redirects
and social tags are there, each written once: where reeblog and another plugin would both write
a thing, one of them does (`mkdocs_reeblog/neighbours.py`, docs/reference.md, "Other
plugins").
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.conftest import (
    REPO,
    BuiltSite,
    require_command,
    require_module,
    run_build,
    skip_tier,
    write_files,
)

pytestmark = pytest.mark.coexist

TIER = "coexist"
INSTALL = "run `make test-coexist` (pip install -e '.[coexist]')"
SITE_URL = "https://blog.invalid/"
"""A site address that never resolves, in place of the example's: plugins that fetch the site's
own images (rss, privacy) fail at once, offline or not."""
SEED_URL = "geology/mining/2025/05/04/Japans_Approach_to_Rare_Earth_Elements.html"
SEED_SRC = "_posts/2025-05-04-Japans_Approach_to_Rare_Earth_Elements.md"
LIQUID_URL = "2025/06/01/liquid-and-macros.html"
HTML_URL = "2025/06/02/an-html-post.html"
EXTRA_DOCS = {
    "_posts/2025-06-01-liquid-and-macros.md": (
        "---\ntitle: Liquid and macros\ntags: [Japan]\n---\n"
        "Kept as written: {% raw %}{{ not_a_macro }} and {% if x %}{% endraw %}.\n\n"
        "{% assign n = 3 %}Liquid counts {{ n }} in {{ page.title }}.\n"
    ),
    "_posts/2025-06-02-an-html-post.html": (
        "---\ntitle: An HTML post\ntags: [Japan]\n---\n<p>Written in HTML, qzhtmlbody.</p>\n"
    ),
}
SOCIAL_FONTS = {
    "Regular.ttf": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    "Bold.ttf": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
}
"""Debian's fonts-dejavu-core, put where Material's social plugin keeps the fonts it downloads
(this tier builds offline)."""

IMAGE = "assets/images/Lithium_Triangle_Brine_Extraction.png"
Builder = Callable[..., BuiltSite]


@pytest.fixture
def neighbour_site(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> Builder:
    """Build the example blog with `plugins` (YAML list items) after `search` and `reeblog`
    (or in the order given when `plugins` names reeblog), `yml` appended to `mkdocs.yml`."""

    def _build(
        plugins: str,
        *,
        yml: str = "",
        docs: dict[str, str | bytes] | None = None,
        git: bool = False,
        modules: tuple[str, ...] = (),
    ) -> BuiltSite:
        for module in modules:
            require_module(module, TIER, INSTALL)
        root = tmp_path / "blog"
        shutil.copytree(REPO / "example_site", root, ignore=shutil.ignore_patterns("site"))
        write_files(root / "docs", {**EXTRA_DOCS, **(docs or {})})
        for path in [root / "mkdocs.yml", *(root / "docs").rglob("*.md")]:
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("https://www.galena.es/", SITE_URL), encoding="utf-8")
        listed = plugins if "- reeblog" in plugins else "  - reeblog\n" + plugins
        config = (root / "mkdocs.yml").read_text(encoding="utf-8")
        config = config.replace("plugins:\n  - search\n  - reeblog\n", "plugins:\n  - search\n")
        config = config.replace("plugins:\n  - search\n", "plugins:\n  - search\n" + listed)
        (root / "mkdocs.yml").write_text(config + yml, encoding="utf-8")
        if git:
            _commit_all(root)
        caplog.clear()
        caplog.set_level(logging.INFO)
        ok = run_build(root / "mkdocs.yml", root / "site")
        return BuiltSite(root, root / "site", ok, list(caplog.records))

    return _build


def _commit_all(root: Path) -> None:
    require_command("git", TIER)
    env = {**os.environ, "GIT_AUTHOR_DATE": "2025-11-02T10:00:00Z"}
    env |= {"GIT_COMMITTER_DATE": env["GIT_AUTHOR_DATE"]}
    for args in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "blog"],
    ):
        subprocess.run(["git", *args], cwd=root, check=True, env=env)


def soup(site: BuiltSite, url: str) -> BeautifulSoup:
    path = url + "index.html" if url.endswith("/") or not url else url
    return BeautifulSoup(site.read(path), "html.parser")


def head_tags(page: BeautifulSoup) -> Counter[str]:
    """The `<meta property|name>` names of the page's head, counted."""
    return Counter(
        str(meta.get("property") or meta.get("name"))
        for meta in page.select("head meta")
        if meta.get("property") or meta.get("name")
    )


def assert_once(page: BeautifulSoup) -> None:
    """No social or SEO tag written twice (tags of a post may be several `article:tag`)."""
    twice = [name for name, n in head_tags(page).items() if n > 1 and name != "article:tag"]
    assert twice == []


def content(site: BuiltSite, url: str) -> str:
    article = soup(site, url).select_one("article")
    assert article is not None, url
    return " ".join(article.get_text(" ").split())


def assert_blog(site: BuiltSite, *, home: str = "") -> None:
    """The blog as the example builds it: posts, cards, a tag page and the feed, no warning."""
    assert site.ok, site.messages()
    assert site.messages() == []
    assert "Liquid counts 3 in Liquid and macros" in content(site, LIQUID_URL)
    assert "qzhtmlbody" in content(site, HTML_URL)
    cards = [a.get("href") for a in soup(site, home).select(".reeblog-card a")]
    assert any(str(href).endswith(SEED_URL) for href in cards)
    tag_page = soup(site, "tag/japan/")
    assert any(str(a.get("href")).endswith(SEED_URL) for a in tag_page.select("a"))
    assert SITE_URL + SEED_URL in site.read("feed.xml")
    for url in (SEED_URL, LIQUID_URL, "tag/japan/"):
        assert_once(soup(site, url))


def info(site: BuiltSite, text: str) -> list[str]:
    return [m for m in site.reeblog_messages() if text in m]


def test_static_i18n_builds_posts_and_pages(neighbour_site: Builder) -> None:
    """mkdocs-static-i18n makes every file anew: reeblog reads the posts after it."""
    site = neighbour_site(
        "  - i18n:\n      languages:\n        - locale: en\n          default: true\n"
        "          name: English\n",
        modules=("mkdocs_static_i18n",),
    )
    assert_blog(site)
    assert len(info(site, "mkdocs-static-i18n")) == 1


def test_rss_lists_posts_not_listing_pages(neighbour_site: Builder) -> None:
    """mkdocs-rss-plugin reads each page's source file: posts (HTML ones too) are in its feed,
    listing pages (`draft: true`) are not; reeblog's Atom feed is written as well."""
    site = neighbour_site("  - rss:\n      use_git: false\n", modules=("mkdocs_rss_plugin",))
    assert_blog(site)
    links = {entry.link for entry in feedparser.parse(site.read("feed_rss_created.xml")).entries}
    assert SITE_URL + SEED_URL in links
    assert SITE_URL + HTML_URL in links
    assert SITE_URL not in links
    assert SITE_URL + "tag/japan/" not in links


def test_redirects_to_posts_reach_them(neighbour_site: Builder) -> None:
    """mkdocs-redirects: a redirect to a post goes to its `.html` URL (not `.html/`), with its
    anchor; the others are still the plugin's."""
    site = neighbour_site(
        f"  - redirects:\n      redirect_maps:\n        old/post.md: {SEED_SRC}#why\n"
        "        old/about.md: about.md\n",
        modules=("mkdocs_redirects",),
    )
    assert_blog(site)
    refresh = soup(site, "old/post/").select_one('meta[http-equiv="refresh"]')
    assert refresh is not None
    assert refresh["content"] == f"0; url=../../{SEED_URL}#why"
    assert "url=../../about/" in site.read("old/about/index.html")
    assert len(info(site, "mkdocs-redirects")) == 1


def test_macros_leaves_posts_to_liquid(neighbour_site: Builder) -> None:
    """mkdocs-macros renders pages (`{{ config.site_name }}`), but no post: `{% raw %}` is
    rendered once, by reeblog's Liquid, and a post's Liquid is no macro error."""
    site = neighbour_site(
        "  - macros\n",
        docs={"macros.md": "# Macros\n\nSite: {{ config.site_name }}.\n"},
        modules=("mkdocs_macros",),
    )
    assert_blog(site)
    assert "Site: Critical Minerals Notes." in content(site, "macros/")
    text = content(site, LIQUID_URL)
    assert "Kept as written: {{ not_a_macro }} and {% if x %}." in text
    assert "Macro Syntax Error" not in site.read(LIQUID_URL)


def test_material_tags_blog_and_meta(neighbour_site: Builder) -> None:
    """Material's tags plugin draws no second tag row on posts (their chips are the tags), and
    still on other pages; its blog plugin's empty section is left out, one "Blog" remains;
    `.meta.yml` values reach the posts of its folder (`author`), front matter wins."""
    site = neighbour_site(
        "  - meta\n  - reeblog\n  - tags\n  - blog\n",  # meta first: both read page.meta at 50
        docs={
            "tagged.md": "---\ntags: [Elsewhere]\n---\n# Tagged\n",
            "recycling/.meta.yml": "author: Meta Author\n",
        },
    )
    assert_blog(site)
    post = soup(site, SEED_URL)
    assert post.select(".md-tags") == []
    assert "#Japan" in [chip.get_text(strip=True) for chip in post.select("article a")]
    assert [t.get_text(strip=True) for t in soup(site, "tagged/").select(".md-tags .md-tag")] == [
        "Elsewhere"
    ]
    nav = soup(site, "about/").select("nav.md-nav--primary > ul > li > label, .md-nav__link")
    titles = [" ".join(item.get_text().split()) for item in nav]
    assert titles.count("Blog") == 1
    assert len(info(site, "its empty section is left out")) == 1
    recycled = soup(site, "recycling/mining/2025/07/09/Urban_Mining_Magnets_from_E-Waste.html")
    assert [m["content"] for m in recycled.select('meta[name="author"]')] == ["Meta Author"]


def _social_cache(root: Path) -> str:
    """A cache folder for Material's social plugin holding its font (offline)."""
    require_module("cairosvg", TIER, INSTALL + " and apt-get install libcairo2")
    missing = [str(path) for path in SOCIAL_FONTS.values() if not path.exists()]
    if missing:
        skip_tier(f"{TIER} tier SKIPPED: no font {missing} (apt-get install fonts-dejavu-core)")
    fonts = root / "social-cache" / "fonts" / "DejaVu Sans"
    fonts.mkdir(parents=True)
    for name, path in SOCIAL_FONTS.items():
        shutil.copyfile(path, fonts / name)
    return (
        f"  - social:\n      cache_dir: {(root / 'social-cache').as_posix()}\n"
        "      cards_layout_options:\n        font_family: DejaVu Sans\n"
    )


def test_social_cards_where_they_fit(neighbour_site: Builder, tmp_path: Path) -> None:
    """With `use_directory_urls`, Material's social plugin makes the card and tags of listing
    pages; posts at `.html` URLs have no place for a card: they keep reeblog's tags. No tag
    is written twice."""
    site = neighbour_site(_social_cache(tmp_path))
    assert_blog(site)
    tag_page = soup(site, "tag/japan/")
    image = tag_page.select_one('meta[property="og:image"]')
    assert image is not None
    assert image["content"] == SITE_URL + "assets/images/social/tag/japan/index.png"
    assert (site.site / "assets/images/social/tag/japan/index.png").is_file()
    post = soup(site, SEED_URL)
    image = post.select_one('meta[property="og:image"]')
    assert image is not None
    assert image["content"] == SITE_URL + "assets/images/Japans_Approach_to_Rare_Earth_Elements.png"
    assert head_tags(post)["article:published_time"] == 1
    assert len(info(site, "social plugin")) == 1


def test_social_cards_of_posts_without_directory_urls(
    neighbour_site: Builder, tmp_path: Path
) -> None:
    """With `use_directory_urls: false` the social plugin makes every card, posts' too: its
    tags win, reeblog's Open Graph and Twitter tags are left out, its article tags stay."""
    site = neighbour_site(_social_cache(tmp_path), yml="use_directory_urls: false\n")
    assert_blog(site, home="index.html")
    post = soup(site, SEED_URL)
    image = post.select_one('meta[property="og:image"]')
    assert image is not None
    card = "assets/images/social/" + SEED_URL.removesuffix(".html") + ".png"
    assert image["content"] == SITE_URL + card
    assert (site.site / card).is_file()
    assert head_tags(post)["article:published_time"] == 1
    assert head_tags(post)["twitter:card"] == 1


def test_dates_nav_lightbox_minify_privacy(neighbour_site: Builder) -> None:
    """mkdocs-git-revision-date-localized-plugin (in a git repository), mkdocs-awesome-nav,
    mkdocs-glightbox, mkdocs-minify-plugin and Material's privacy plugin together: the blog
    builds as without them, and each of them did its work."""
    site = neighbour_site(
        "  - git-revision-date-localized\n  - awesome-nav\n  - glightbox\n"
        "  - minify:\n      minify_html: true\n"
        "  - privacy:\n      assets_exclude: [unpkg.com/*]\n",  # Material's, offline
        yml="theme:\n  name: material\n  font: false\n",
        docs={
            ".nav.yml": "nav:\n  - about.md\n",
            "pictured.md": "# Pictured\n\n![Brine](" + IMAGE + ")\n",
        },
        git=True,
        modules=(
            "mkdocs_git_revision_date_localized_plugin",
            "mkdocs_awesome_nav",
            "mkdocs_glightbox",
            "mkdocs_minify_plugin",
        ),
    )
    assert_blog(site)
    assert "November 2, 2025" in content(site, "about/")
    assert soup(site, "pictured/").select("a.glightbox img")
    assert site.read(SEED_URL).count("\n") < 100  # minified (some 700 lines without)
    nav = [a.get_text(strip=True) for a in soup(site, "about/").select(".md-nav__link")]
    assert "About" in nav
    assert "Blog" in nav


def test_offline(neighbour_site: Builder) -> None:
    """Material's offline plugin (it turns `use_directory_urls` off): posts keep their URLs,
    cards link to them as files, posts are in the search index it writes as a script."""
    site = neighbour_site("  - offline\n")
    assert_blog(site, home="index.html")
    cards = [a.get("href") for a in soup(site, "index.html").select(".reeblog-card a")]
    assert f"./{SEED_URL}" in cards or SEED_URL in cards
    index = site.read("search/search_index.js")
    assert "qzhtmlbody" in index
