"""The blog index, tag, category and year pages, their cards and the Blog nav, built with real
MkDocs in both themes and checked against what the test data says they must list."""

from __future__ import annotations

import calendar
import hashlib
import json
import logging
import math
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import SEED, SEED_NAME, BuiltSite, SiteBuilder, write_files
from tests.html_helpers import (
    THEMES,
    link_target,
    page_soup,
    plugin_messages,
    post_header,
    post_text,
    select_one,
    texts,
)

SITE_URL = "https://www.galena.es/"
PAGINATE = 5
SEED_PAGE = "geology/mining/2025/05/04/Japans_Approach_to_Rare_Earth_Elements.html"
SEED_PNG = "assets/images/Japans_Approach_to_Rare_Earth_Elements.png"
SEED_TITLE = "Japan's Strategic Approach to Rare Earth Elements"
SEED_BANNER_ALT = (
    "A map of Japan highlighting key regions for rare earth element mining, with icons "
    "representing technology manufacturing and mineral resources, illustrating Japan's "
    "strategic efforts to secure essential materials for the tech industry."
)
EXCERPT_MAX = 350 + 40 + 1
"""Card excerpts are cut near 350 characters: at most the limit, 40 of slack and the `…`."""

SLUGS = {
    "Geology": "geology", "Field Work": "field-work", "Japan": "japan", "Minerals": "minerals",
    "Travel": "travel", "Rare Earth Elements": "rare-earth-elements", "Mining": "mining",
    "Tech Industry": "tech-industry", "Linked": "linked", "Notes": "notes", "Science": "science",
}  # fmt: skip
"""Jekyll's slug of every tag and category of the test blog."""


@dataclass(frozen=True)
class Spec:
    """One post of the test blog, and what its card must show."""

    name: str
    when: datetime
    title: str
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    subtitle: str | None = None
    banner: str | None = None
    """An image URL (`excerpt_image`)."""
    alt: str | None = None
    extra: str = ""
    """More front matter."""
    body: str = "Some text.\n"
    published: bool = True

    @property
    def src(self) -> str:
        return f"_posts/{self.when:%Y-%m-%d}-{self.name}.md"

    @property
    def page(self) -> str:
        """The post's file in the site (Jekyll's `date` permalink)."""
        folders = "".join(c.lower() + "/" for c in self.categories)
        return f"{folders}{self.when:%Y/%m/%d}/{self.name}.html"

    @property
    def date_text(self) -> str:
        return f"{calendar.month_name[self.when.month]} {self.when.day}, {self.when.year}"

    def text(self) -> str:
        lines = [
            f"title: {json.dumps(self.title)}",
            f"date: {self.when:%Y-%m-%d %H:%M:%S}",
            f"tags: {json.dumps(list(self.tags))}",
            f"categories: {json.dumps(list(self.categories))}",
        ]
        if self.subtitle:
            lines.append(f"subtitle: {json.dumps(self.subtitle)}")
        if self.banner:
            lines.append(f"excerpt_image: {self.banner}")
        if not self.published:
            lines.append("published: false")
        return post_text("\n".join(lines) + "\n" + self.extra, self.body)


MISSING_BANNER = f"{SITE_URL}assets/images/post-17.png"
"""A banner on the site's own domain whose file is not in `docs/`: the URL is kept."""
POOL = ("Geology", "Field Work", "Japan", "Minerals", "Travel")


def generic(i: int) -> Spec:
    """The i-th ordinary post: dates every ~2 months from 2022, varied terms and banners."""
    when = datetime(2022, 1, 5, 8) + timedelta(days=67 * i, hours=i)
    if i == 8:  # the same day as post 7, later: the time orders them
        when = datetime(2023, 4, 14, 20)
    tags = () if i % 6 == 5 else tuple(dict.fromkeys((POOL[i % 5], POOL[(i * 2 + 1) % 5])))
    categories = (("Notes",), ("Science", "Notes"), ())[i % 3]
    banner = alt = None
    if i % 4 == 1:
        banner, alt = f"{SITE_URL}assets/images/post-{i}.png", f"Generic post {i:02d}"
    elif i == 14:
        banner, alt = "https://cdn.example.com/p14.png", f"Generic post {i:02d}"
    return Spec(
        name=f"generic-{i:02d}",
        when=when,
        title=f"Generic post {i:02d}",
        tags=tags,
        categories=categories,
        subtitle=f"Subtitle number {i}" if i % 2 == 0 else None,
        banner=banner,
        alt=alt,
        body=f"Body of generic post {i}.\n\nA second paragraph.\n",
    )


SPECIAL = (
    Spec(
        name="summary",
        when=datetime(2024, 6, 10, 9),
        title="With a hand-written excerpt",
        tags=("Travel",),
        extra='excerpt: "Hand-written summary <b>not bold</b> & more"\n',
        body="BODYWORD text that the card does not show.\n",
    ),
    Spec(
        name="fold",
        when=datetime(2024, 7, 1, 9),
        title="With a separator",
        tags=("Japan",),
        extra="excerpt_separator: <!--more-->\n",
        body="Before the fold.\n\n<!--more-->\n\nAFTERFOLD text.\n",
    ),
    Spec(
        name="footnote",
        when=datetime(2024, 8, 2, 9),
        title="With a footnote",
        tags=("Linked",),
        categories=("Notes",),
        body="Read the [about page](../about.md) first.[^1]\n\n[^1]: FOOTNOTEWORD text.\n",
    ),
)
SEED_SPEC = Spec(
    name="Japans_Approach_to_Rare_Earth_Elements",
    when=datetime(2025, 5, 4),
    title=SEED_TITLE,
    tags=("Japan", "Rare Earth Elements", "Tech Industry", "Mining"),
    categories=("Geology", "Mining"),
    subtitle=(
        "A deep dive into Japan's strategic initiatives to secure rare earth elements for "
        "its thriving tech industry."
    ),
    banner=SITE_URL + SEED_PNG,
    alt=SEED_BANNER_ALT,
)
HIDDEN = (
    Spec(name="hidden", when=datetime(2024, 1, 2), title="Unpublished post", published=False),
    Spec(name="future", when=datetime(2999, 1, 1), title="Post from the future"),
)
PUBLISHED = tuple(
    sorted(
        [generic(i) for i in range(19)] + [*SPECIAL, SEED_SPEC],
        key=lambda spec: spec.when,
        reverse=True,
    )
)
"""The 23 published posts, newest first."""


def blog_docs() -> dict[str, str | bytes]:
    """The `docs/` folder of the test blog."""
    docs: dict[str, str | bytes] = {
        spec.src: spec.text() for spec in PUBLISHED + HIDDEN if spec is not SEED_SPEC
    }
    assert SEED_SPEC.src == f"_posts/{SEED_NAME}"
    docs[SEED_SPEC.src] = SEED.read_text(encoding="utf-8")
    docs[SEED_PNG] = b"\x89PNG\r\n\x1a\n not really a picture"
    for spec in PUBLISHED:
        if spec.banner and spec.banner.startswith(SITE_URL) and spec.banner != MISSING_BANNER:
            docs.setdefault(spec.banner.removeprefix(SITE_URL), b"\x89PNG\r\n\x1a\n")
    docs["about.md"] = "# About\n\nABOUTWORD.\n"
    return docs


BLOG_YML = "markdown_extensions:\n  - footnotes\n"
BLOG_OPTIONS = f"paginate: {PAGINATE}\narchive_paginate: {PAGINATE}"


def build_blog(root: Path, theme: str) -> BuiltSite:
    """Build the test blog once (module-scoped: a whole site per theme is slow to rebuild)."""
    write_files(root / "docs", blog_docs())
    (root / "mkdocs.yml").write_text(
        f"site_name: Test Blog\nsite_url: {SITE_URL}\ntheme:\n  name: {theme}\n"
        "  features: [navigation.footer]\n"  # Material shows previous/next links only with it
        "plugins:\n  - search\n  - reeblog:\n"
        + textwrap.indent(BLOG_OPTIONS, "      ")
        + f"\n{BLOG_YML}",
        encoding="utf-8",
    )
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return BuiltSite(root, root / "site", True)


@pytest.fixture(scope="module", params=THEMES)
def blog(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The test blog built with each theme."""
    theme = str(request.param)
    return build_blog(tmp_path_factory.mktemp(f"blog-{theme}"), theme)


@pytest.fixture(params=THEMES)
def theme(request: pytest.FixtureRequest) -> str:
    return str(request.param)


# Reading listings


def terms_of(spec: Spec, kind: str) -> tuple[str, ...]:
    return spec.tags if kind == "tag" else spec.categories


def names_of(kind: str) -> list[str]:
    """Every tag (or category) of the published posts, sorted as the indexes sort them."""
    return sorted({name for spec in PUBLISHED for name in terms_of(spec, kind)}, key=str.casefold)


def carrying(kind: str, name: str) -> list[Spec]:
    """The published posts with this tag (or category), newest first."""
    return [spec for spec in PUBLISHED if name in terms_of(spec, kind)]


def listing(soup: BeautifulSoup) -> Tag:
    return select_one(soup, "section.reeblog-listing")


def cards(soup: BeautifulSoup) -> list[Tag]:
    return soup.select("article.reeblog-card")


def card_title(card: Tag) -> str:
    return select_one(card, ".reeblog-card-title a").get_text().strip()


def pages_of(site: BuiltSite, first: str) -> Iterator[tuple[str, BeautifulSoup]]:
    """Each page of the listing that starts at `first`, following its "older" links and
    checking that each page's "newer" link goes back."""
    page: str | None = first
    previous: str | None = None
    while page is not None:
        soup = page_soup(site, page)
        newer = soup.select("a.reeblog-newer")
        if previous is None:
            assert newer == [], f"{page}: the first page links to newer posts"
        else:
            assert len(newer) == 1
            assert link_target(site, page, str(newer[0]["href"])) == previous
        yield page, soup
        older = soup.select("a.reeblog-older")
        previous, page = page, (link_target(site, page, str(older[0]["href"])) if older else None)


def listed_titles(site: BuiltSite, first: str) -> tuple[list[str], list[str]]:
    """The card titles of a whole listing, and the files of its pages."""
    titles: list[str] = []
    files: list[str] = []
    for page, soup in pages_of(site, first):
        files.append(page)
        titles += [card_title(card) for card in cards(soup)]
    return titles, files


def paginated(first: str, count: int) -> list[str]:
    """The files of a listing of `count` posts: `x/index.html`, `x/page2/index.html`..."""
    folder = first.removesuffix("index.html")
    pages = max(1, math.ceil(count / PAGINATE))
    return [first] + [f"{folder}page{n}/index.html" for n in range(2, pages + 1)]


def count_text(count: int) -> str:
    return f"{count} post" + ("" if count == 1 else "s")


def card_of(site: BuiltSite, first: str, title: str) -> tuple[str, Tag]:
    """The card of the post titled `title` in the listing that starts at `first`, and the page
    of the listing it is on (it must be listed once)."""
    found = [
        (page, card)
        for page, soup in pages_of(site, first)
        for card in cards(soup)
        if card_title(card) == title
    ]
    assert len(found) == 1, f"{first}: {len(found)} cards titled {title!r}"
    return found[0]


# The blog index


def test_blog_index_lists_every_published_post_once_newest_first(blog: BuiltSite) -> None:
    titles, files = listed_titles(blog, "index.html")
    assert titles == [spec.title for spec in PUBLISHED]
    assert files == paginated("index.html", len(PUBLISHED))
    assert files[1:3] == ["page2/index.html", "page3/index.html"]
    for number, page in enumerate(files, start=1):
        expected = f"Page {number} of {len(files)}"
        assert texts(page_soup(blog, page), ".reeblog-page-number") == [expected]
    assert not (blog.site / f"page{len(files) + 1}").exists()


def test_unpublished_and_future_posts_are_nowhere(blog: BuiltSite) -> None:
    for spec in HIDDEN:
        assert not (blog.site / spec.page).exists()
    for path in blog.site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "Unpublished post" not in text, path
        assert "Post from the future" not in text, path


def test_default_paginate_is_ten(build_site: SiteBuilder) -> None:
    docs: dict[str, str | bytes] = {
        f"_posts/2024-01-{day:02d}-p{day}.md": post_text(f"title: Day {day}")
        for day in range(1, 13)
    }
    site = build_site(docs)
    assert site.ok, site.messages()
    first = [card_title(c) for c in cards(page_soup(site, "index.html"))]
    assert first == [f"Day {day}" for day in range(12, 2, -1)]
    second = [card_title(c) for c in cards(page_soup(site, "page2/index.html"))]
    assert second == ["Day 2", "Day 1"]
    assert not (site.site / "page3").exists()


# Tag, category and year pages


@pytest.mark.parametrize("kind", ["tag", "category"])
def test_term_pages_list_exactly_the_posts_that_carry_the_term(blog: BuiltSite, kind: str) -> None:
    names = names_of(kind)
    assert len(names) >= 3
    for name in names:
        expected = carrying(kind, name)
        first = f"{kind}/{SLUGS[name]}/index.html"
        titles, files = listed_titles(blog, first)
        assert titles == [spec.title for spec in expected], name
        assert files == paginated(first, len(expected)), name
        soup = page_soup(blog, first)
        assert name in select_one(soup, "h1").get_text()
        assert soup.title is not None
        assert name in soup.title.get_text()
        assert texts(soup, ".reeblog-listing-count") == [count_text(len(expected))]


def test_some_term_pages_are_paginated(blog: BuiltSite) -> None:
    assert len(carrying("tag", "Japan")) > PAGINATE
    assert (blog.site / "tag/japan/page2/index.html").is_file()


@pytest.mark.parametrize(("kind", "index"), [("tag", "tags"), ("category", "categories")])
def test_term_indexes_list_every_name_with_its_count(
    blog: BuiltSite, kind: str, index: str
) -> None:
    page = f"{index}/index.html"
    soup = page_soup(blog, page)
    items = soup.select("ul.reeblog-term-index li")
    found = [
        (select_one(li, "a").get_text(), select_one(li, ".reeblog-term-count").get_text())
        for li in items
    ]
    names = names_of(kind)
    assert found == [(name, str(len(carrying(kind, name)))) for name in names]
    for li, name in zip(items, names, strict=True):
        href = str(select_one(li, "a")["href"])
        assert link_target(blog, page, href) == f"{kind}/{SLUGS[name]}/index.html"


def test_year_pages_list_the_years_posts_newest_first_on_one_page(blog: BuiltSite) -> None:
    years = sorted({spec.when.year for spec in PUBLISHED}, reverse=True)
    assert len(years) >= 4
    assert max(sum(spec.when.year == year for spec in PUBLISHED) for year in years) > PAGINATE
    for year in years:
        expected = [spec for spec in PUBLISHED if spec.when.year == year]
        page = f"{year}/index.html"
        soup = page_soup(blog, page)
        entries = soup.select("ul.reeblog-archive li.reeblog-archive-entry")
        assert [select_one(li, "a").get_text() for li in entries] == [
            spec.title for spec in expected
        ], year
        for li, spec in zip(entries, expected, strict=True):
            assert link_target(blog, page, str(select_one(li, "a")["href"])) == spec.page
            assert select_one(li, "time").get_text() == spec.date_text
        assert not cards(soup)
        assert not soup.select(".reeblog-pagination")
        assert texts(soup, ".reeblog-listing-count") == [count_text(len(expected))]


# Cards


def blog_cards(site: BuiltSite) -> Iterator[tuple[str, Tag, Spec]]:
    """Every card of the blog index: its page, the card and the post it shows."""
    for page, soup in pages_of(site, "index.html"):
        for card in cards(soup):
            yield page, card, next(s for s in PUBLISHED if s.title == card_title(card))


def term_chips(card: Tag, spec: Spec) -> list[tuple[Tag, str]]:
    """The card's category and tag chips, each with the term page it must open."""
    categories = card.select("a.reeblog-category")
    tags = card.select("a.reeblog-tag")
    assert [a.get_text() for a in categories] == list(spec.categories)
    assert [a.get_text() for a in tags] == [f"#{tag}" for tag in spec.tags]
    pairs = [(a, "category", n) for a, n in zip(categories, spec.categories, strict=True)]
    pairs += [(a, "tag", n) for a, n in zip(tags, spec.tags, strict=True)]
    return [(a, f"{kind}/{SLUGS[name]}/index.html") for a, kind, name in pairs]


def test_cards_show_title_subtitle_date_and_terms(blog: BuiltSite) -> None:
    for page, card, spec in blog_cards(blog):
        for link in card.select(".reeblog-card-title a, .reeblog-read-more a"):
            assert link_target(blog, page, str(link["href"])) == spec.page
        subtitle = [spec.subtitle] if spec.subtitle else []
        assert texts(card, ".reeblog-card-subtitle") == subtitle
        date = select_one(card, "time.reeblog-date")
        assert date.get_text().strip() == spec.date_text
        assert str(date["datetime"]).startswith(spec.when.isoformat())
        for chip, term_page in term_chips(card, spec):
            assert link_target(blog, page, str(chip["href"])) == term_page
        excerpt = select_one(card, ".reeblog-excerpt")
        assert 0 < len(excerpt.get_text().strip()) <= EXCERPT_MAX
        assert excerpt.select("img, h1, h2, h3, table, pre, script") == []


def test_card_images(blog: BuiltSite) -> None:
    for page, card, spec in blog_cards(blog):
        images = card.select("img")
        if spec.banner is None:
            assert images == [], spec.title
            assert card.select(".reeblog-card-image") == []
            continue
        (image,) = images
        assert image["loading"] == "lazy"
        assert image["alt"] == spec.alt
        if spec.banner.startswith(SITE_URL) and spec.banner != MISSING_BANNER:
            local = spec.banner.removeprefix(SITE_URL)
            assert link_target(blog, page, str(image["src"])) == local
        else:
            assert image["src"] == spec.banner


def test_every_link_of_every_listing_page_works(blog: BuiltSite) -> None:
    listings = [
        p for p in blog.files() if p.endswith(".html") and "reeblog-listing" in blog.read(p)
    ]
    assert len(listings) > 30
    for page in listings:
        section = listing(page_soup(blog, page))
        for element in section.select("a[href], img[src]"):
            url = str(element.get("href") or element.get("src"))
            if "://" not in url and not url.startswith("data:"):
                link_target(blog, page, url)


def test_seed_card_excerpt_is_the_introduction(blog: BuiltSite) -> None:
    page, card = card_of(blog, "tag/japan/index.html", SEED_TITLE)
    excerpt = select_one(card, ".reeblog-excerpt")
    text = excerpt.get_text().strip()
    assert text.startswith("Japan, known for its cutting-edge technology")
    assert len(text) <= EXCERPT_MAX
    assert excerpt.select("img, h1, h2, table") == []
    (image,) = card.select("img")
    assert link_target(blog, page, str(image["src"])) == SEED_PNG


def test_front_matter_excerpt_is_shown_as_text(blog: BuiltSite) -> None:
    _, card = card_of(blog, "tag/travel/index.html", "With a hand-written excerpt")
    excerpt = select_one(card, ".reeblog-excerpt")
    assert excerpt.get_text().strip() == "Hand-written summary <b>not bold</b> & more"
    assert excerpt.select("b") == []
    assert "BODYWORD" not in str(excerpt)


def test_separator_excerpt_stops_at_the_separator(blog: BuiltSite) -> None:
    _, card = card_of(blog, "tag/japan/index.html", "With a separator")
    excerpt = select_one(card, ".reeblog-excerpt")
    assert excerpt.get_text().strip() == "Before the fold."


@pytest.mark.parametrize("first", ["tag/linked/index.html", "index.html"])
def test_excerpt_link_resolves_from_listings_and_footnotes_are_gone(
    blog: BuiltSite, first: str
) -> None:
    page, card = card_of(blog, first, "With a footnote")
    excerpt = select_one(card, ".reeblog-excerpt")
    assert excerpt.get_text().strip() == "Read the about page first."
    (link,) = excerpt.select("a")
    assert link_target(blog, page, str(link["href"])) == "about/index.html"
    assert excerpt.select("sup") == []
    assert "FOOTNOTEWORD" not in str(excerpt)


# Nav and neighbours


def nav_section(soup: BeautifulSoup, title: str) -> Tag:
    """The nav section (material: nested item; mkdocs: dropdown) titled `title`."""
    for item in soup.select("li.md-nav__item--nested, li.dropdown"):
        label = item.select_one("label.md-nav__link, a.dropdown-toggle")
        if label is not None and label.get_text().strip() == title:
            return item
    raise AssertionError(f"no nav section {title!r}")


def nav_links(soup: BeautifulSoup) -> list[Tag]:
    """Every link of the site's main navigation."""
    return soup.select(
        "nav.md-nav--primary a.md-nav__link, #navbar-collapse ul.navbar-nav:not(.ms-md-auto) a"
    )


def test_nav_has_a_blog_section_and_no_posts(blog: BuiltSite) -> None:
    for page in ("index.html", "about/index.html", SEED_PAGE):
        soup = page_soup(blog, page)
        section = nav_section(soup, "Blog")
        links = section.select("a.md-nav__link, a.dropdown-item")
        assert texts(section, "a.md-nav__link, a.dropdown-item") == ["Posts", "Tags", "Categories"]
        assert [link_target(blog, page, str(a["href"])) for a in links] == [
            "index.html",
            "tags/index.html",
            "categories/index.html",
        ]
        hrefs = [str(a["href"]) for a in nav_links(soup)]
        targets = {link_target(blog, page, href) for href in hrefs if not href.startswith("#")}
        assert targets & {spec.page for spec in PUBLISHED} == set()
        assert "about/index.html" in targets


def footer_neighbours(soup: BeautifulSoup) -> tuple[str | None, str | None]:
    """The hrefs of a page's "previous" and "next" links (material footer, mkdocs navbar)."""

    def href(selector: str) -> str | None:
        found = soup.select(selector)
        assert len(found) <= 1
        return str(found[0]["href"]) if found else None

    return (
        href("a.md-footer__link--prev, #navbar-collapse a[rel=prev][href]"),
        href("a.md-footer__link--next, #navbar-collapse a[rel=next][href]"),
    )


def test_post_footer_links_go_to_the_neighbouring_posts_by_date(blog: BuiltSite) -> None:
    for position, spec in enumerate(PUBLISHED):
        previous, following = footer_neighbours(page_soup(blog, spec.page))
        older = PUBLISHED[position + 1].page if position + 1 < len(PUBLISHED) else None
        newer = PUBLISHED[position - 1].page if position > 0 else None
        assert (link_target(blog, spec.page, previous) if previous else None) == older, spec.title
        assert (link_target(blog, spec.page, following) if following else None) == newer, spec.title


# Names that merge, collide or need escaping


def terms_docs(
    tags_of: dict[str, list[str]], categories: list[str] | None = None
) -> dict[str, str | bytes]:
    """One post per title, a day apart, with the tags given (and the same categories)."""
    docs: dict[str, str | bytes] = {}
    for day, (title, tags) in enumerate(tags_of.items(), start=1):
        front = f"title: {json.dumps(title)}\ntags: {json.dumps(tags, ensure_ascii=False)}"
        if categories:
            front += f"\ncategories: {json.dumps(categories)}"
        docs[f"_posts/2024-02-{day:02d}-post-{day}.md"] = post_text(front)
    return docs


def listed(site: BuiltSite, page: str) -> list[str]:
    return [card_title(card) for card in cards(page_soup(site, page))]


def test_spellings_merge_and_colliding_slugs_split(build_site: SiteBuilder, theme: str) -> None:
    docs = terms_docs(
        {
            "Upper": ["Mining"],
            "Lower": ["mining"],
            "Plus": ["C++"],
            "Sharp": ["C#"],
            "Rocket": ["🚀"],
        }
    )
    site = build_site(docs, theme=theme)
    assert site.ok, site.messages()
    assert listed(site, "tag/mining/index.html") == ["Lower", "Upper"]
    warnings = plugin_messages(site, logging.WARNING)
    infos = plugin_messages(site, logging.INFO)
    assert any("'Mining'" in m and "'mining'" in m for m in infos), infos
    assert not any("'Mining'" in w for w in warnings), warnings
    c_pages = {tuple(listed(site, f"tag/{slug}/index.html")) for slug in ("c", "c-2")}
    assert c_pages == {("Plus",), ("Sharp",)}
    assert any("c-2" in w for w in warnings), warnings
    rocket = f"tag/x-{hashlib.sha1('🚀'.encode()).hexdigest()[:8]}/index.html"
    assert listed(site, rocket) == ["Rocket"]
    chip = select_one(card_of(site, "index.html", "Rocket")[1], "a.reeblog-tag")
    assert link_target(site, "index.html", str(chip["href"])) == rocket
    tags_index = page_soup(site, "tags/index.html")
    assert texts(tags_index, "ul.reeblog-term-index li a") == ["C#", "C++", "Mining", "🚀"]
    assert texts(tags_index, ".reeblog-term-count") == ["1", "1", "2", "1"]
    lower = "2024/02/02/post-2.html"
    chip = select_one(post_header(page_soup(site, lower)), "a.reeblog-tag")
    assert chip.get_text() == "#mining"
    assert link_target(site, lower, str(chip["href"])) == "tag/mining/index.html"


HOSTILE_TAGS = [
    '<script>alert("tag")</script>',
    "\"quoted\" & 'single'",
    "a/b",
    "..",
    "<img src=x onerror=alert(1)>",
    'x" onmouseover="alert(1)',
]
HOSTILE_CATEGORIES = ["<b>bold</b>", "../../outside"]


def assert_nothing_injected(soup: BeautifulSoup, where: str) -> None:
    """No script, event handler or element written by the hostile names."""
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":  # JSON text: `<` must be escaped
            assert "<" not in script.get_text(), f"{where}: {script}"
        else:
            assert "alert" not in script.get_text(), f"{where}: {script}"
    for element in soup.find_all(True):
        for name in element.attrs:
            assert not name.lower().startswith("on"), f"{where}: {element}"
        assert not (element.name == "img" and element.get("src") == "x"), where
        assert not (element.name == "b" and element.get_text() == "bold"), where


def test_hostile_names_are_escaped_everywhere(build_site: SiteBuilder, theme: str) -> None:
    docs = terms_docs({"Hostile <script>alert('t')</script>": HOSTILE_TAGS}, HOSTILE_CATEGORIES)
    site = build_site(docs, theme=theme)
    assert site.ok, site.messages()
    assert {p.name for p in site.root.iterdir()} == {"docs", "site", "mkdocs.yml"}
    pages = [p for p in site.files() if p.endswith(".html")]
    for page in pages:
        assert_nothing_injected(page_soup(site, page), page)
    tags = page_soup(site, "tags/index.html")
    links = tags.select("ul.reeblog-term-index li a")
    assert sorted(a.get_text() for a in links) == sorted(HOSTILE_TAGS)
    categories = page_soup(site, "categories/index.html")
    links += categories.select("ul.reeblog-term-index li a")
    assert len(links) == len(HOSTILE_TAGS) + len(HOSTILE_CATEGORIES)
    for link in links:
        target = link_target(site, "tags/index.html", str(link["href"]))
        assert target.startswith(("tag/", "category/"))
        term_page = page_soup(site, target)
        assert select_one(term_page, "h1").get_text().endswith(": " + link.get_text())
        assert term_page.title is not None
        assert link.get_text() in term_page.title.get_text()
    card = cards(page_soup(site, "index.html"))[0]
    assert texts(card, "a.reeblog-tag") == [f"#{tag}" for tag in HOSTILE_TAGS]
    assert texts(card, "a.reeblog-category") == HOSTILE_CATEGORIES


# Pages written by hand


def twelve_posts() -> dict[str, str | bytes]:
    """Twelve posts, one a day, the even days tagged Japan."""
    return {
        f"_posts/2024-03-{day:02d}-p{day}.md": post_text(
            f"title: Day {day}\ntags: [{'Japan' if day % 2 == 0 else 'Other'}]"
        )
        for day in range(1, 13)
    }


def test_hand_written_pages_are_kept_and_get_their_listing(
    build_site: SiteBuilder, theme: str
) -> None:
    docs = twelve_posts()
    docs["index.md"] = "# Welcome\n\nHOMEINTRO text.\n\n<!-- reeblog:posts -->\n\nHOMEOUTRO text.\n"
    docs["tag/japan.md"] = "# My Japan page\n\nJAPANHAND text.\n\n<!-- reeblog:posts -->\n"
    site = build_site(docs, theme=theme)
    assert site.ok, site.messages()
    html = site.read("index.html")
    intro, section, outro = (html.index(w) for w in ("HOMEINTRO", "reeblog-listing", "HOMEOUTRO"))
    assert intro < section < outro
    assert listed(site, "index.html") == [f"Day {day}" for day in range(12, 2, -1)]
    assert listed(site, "page2/index.html") == ["Day 2", "Day 1"]
    japan = site.read("tag/japan/index.html")
    assert "JAPANHAND" in japan
    assert listed(site, "tag/japan/index.html") == [f"Day {d}" for d in range(12, 0, -2)]
    assert japan.count("reeblog-listing-title") == 1
    assert listed(site, "tag/other/index.html") == [f"Day {d}" for d in range(11, 0, -2)]


def test_hand_written_index_without_marker_shows_no_cards(
    build_site: SiteBuilder, theme: str
) -> None:
    docs = twelve_posts()
    docs["index.md"] = "# Welcome\n\nHOMEINTRO text.\n"
    site = build_site(docs, theme=theme)
    assert site.ok, site.messages()
    assert "HOMEINTRO" in site.read("index.html")
    assert cards(page_soup(site, "index.html")) == []
    assert len(cards(page_soup(site, "tag/japan/index.html"))) == 6


def test_tags_and_categories_are_in_the_nav_next_to_a_hand_written_index(
    build_site: SiteBuilder, theme: str
) -> None:
    docs = twelve_posts()
    docs["index.md"] = "# Welcome\n\nHOMEINTRO text.\n\n<!-- reeblog:posts -->\n"
    docs["about.md"] = "# About\n"
    site = build_site(docs, theme=theme)
    assert site.ok, site.messages()
    hrefs = [str(a["href"]) for a in nav_links(page_soup(site, "about/index.html"))]
    targets = {link_target(site, "about/index.html", h) for h in hrefs if not h.startswith("#")}
    assert {"index.html", "tags/index.html", "categories/index.html"} <= targets


# Banner URLs that must not be emitted


UNSAFE_BANNERS = [
    "javascript:alert(1)",
    "data:text/html,<script>alert(2)</script>",
    " JavaScript:alert(3)",
]
PNG_DATA = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8"


def test_unsafe_banner_urls_are_not_emitted(build_site: SiteBuilder, theme: str) -> None:
    docs: dict[str, str | bytes] = {
        f"_posts/2024-04-0{n}-unsafe-{n}.md": post_text(
            f"title: Unsafe {n}\nexcerpt_image: {json.dumps(url)}"
        )
        for n, url in enumerate(UNSAFE_BANNERS, start=1)
    }
    docs["_posts/2024-04-09-png.md"] = post_text(f"title: Png\nexcerpt_image: {PNG_DATA}")
    site = build_site(docs, theme=theme)
    assert site.ok, site.messages()
    for path in site.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".js"):
            text = path.read_text(encoding="utf-8", errors="replace").lower()
            assert "javascript:alert" not in text, path
            assert "data:text/html" not in text, path
    for n in range(1, len(UNSAFE_BANNERS) + 1):
        assert card_of(site, "index.html", f"Unsafe {n}")[1].select("img") == []
    (image,) = card_of(site, "index.html", "Png")[1].select("img")
    assert image["src"] == PNG_DATA
    post = page_soup(site, "2024/04/09/png.html")
    assert [img["src"] for img in post.select(".reeblog-post-header img")] == [PNG_DATA]


# Determinism


def test_two_builds_give_identical_files(
    build_site: SiteBuilder, theme: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = (
        build_site(
            blog_docs(), theme=theme, site_url=SITE_URL, yml=BLOG_YML, plugin_options=BLOG_OPTIONS
        )
        for _ in range(2)
    )
    assert first.ok
    assert second.ok
    assert first.files() == second.files()
    assert len(first.files()) > 50
    different = [
        path
        for path in first.files()
        if (first.site / path).read_bytes() != (second.site / path).read_bytes()
    ]
    assert different == []
