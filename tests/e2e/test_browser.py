"""The example blog in Debian's Chromium: cards, posts, chips, pagination, search, the dark
palette, a phone-sized screen, redirects, and screenshots for the README."""

from __future__ import annotations

import math
import re
import struct
from pathlib import Path

import feedparser
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import (
    ARTIFACTS,
    GENERATED_POSTS,
    JAPAN_BANNER,
    JAPAN_TITLE,
    JAPAN_URL,
    OLD_JAPAN_URL,
    Server,
    Tab,
    post_titles,
    site_path,
    visit,
)

pytestmark = pytest.mark.browser

JAPAN_SUBTITLE = "A deep dive into Japan's strategic initiatives to secure rare earth elements"
PAGES = [
    "/",
    JAPAN_URL,
    "/mining/supply chain/2025/03/22/Cobalt_and_the_Battery_Supply_Chain.html",
    "/tag/japan/",
    "/category/geology/",
    "/tags/",
    "/categories/",
    "/2025/",
    "/about/",
]
SCREENSHOTS = {"index.png": "/", "article.png": JAPAN_URL, "tag.png": "/tag/japan/"}
MAX_SCREENSHOT_BYTES = 300_000
SEEN_COLOURS = """(element) => {
  const rgba = (css) => (css.match(/[\\d.]+/g) || [0, 0, 0, 0]).map(Number).concat([1]).slice(0, 4);
  const over = ([r, g, b, a], base) => [r, g, b].map((c, i) => c * a + base[i] * (1 - a));
  const layers = [];
  for (let node = element; node; node = node.parentElement) {
    const layer = rgba(getComputedStyle(node).backgroundColor);
    if (layer[3] > 0) layers.push(layer);
    if (layer[3] >= 1) break;
  }
  let background = [255, 255, 255];
  for (const layer of layers.reverse()) background = over(layer, background);
  const text = over(rgba(getComputedStyle(element).color), background);
  const css = (c) => `rgb(${c.map(Math.round).join(", ")})`;
  return [css(text), css(background)];
}"""
IMAGE_LOADED = "(img) => img.complete && img.naturalWidth > 0"
# Under `mkdocs serve` (which replaces site_url by its own address) and as a built site.
BANNER_SITES = ["material_site", "mkdocs_site", "static_site"]


def card(page: Page, title: str) -> Locator:
    """The listing card of the post titled `title`."""
    return page.locator(".reeblog-card").filter(
        has=page.locator(".reeblog-card-title a", has_text=title)
    )


def card_titles(page: Page) -> list[str]:
    return [text.strip() for text in page.locator(".reeblog-card-title a").all_inner_texts()]


def post_header(page: Page) -> Locator:
    return page.locator("header.reeblog-post-header")


def image_loaded(image: Locator) -> bool:
    """Scroll a (lazy) image into view, wait until the browser is done with it, and say whether
    it loaded."""
    image.scroll_into_view_if_needed()
    image.evaluate("(img) => img.decode().catch(() => null)")
    return bool(image.evaluate(IMAGE_LOADED))


def luminance(colour: str) -> float:
    """WCAG relative luminance of a computed CSS colour (`rgb(...)` or `rgba(...)`)."""
    match = re.match(r"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)", colour)
    assert match, colour

    def linear(value: str) -> float:
        c = float(value) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(v) for v in match.groups())
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(text: Locator) -> tuple[float, float]:
    """(contrast ratio of the text's colour on the background seen behind it, that background's
    luminance), translucent layers blended as the browser paints them."""
    fg, bg = (luminance(colour) for colour in text.evaluate(SEEN_COLOURS))
    high, low = max(fg, bg), min(fg, bg)
    return (high + 0.05) / (low + 0.05), bg


def open_search(page: Page, theme: str) -> tuple[Locator, str]:
    """Open the theme's search box: (the input, the selector of result links)."""
    if theme == "material":
        box = page.locator("input.md-search__input")
        box.click()
        return box, "a.md-search-result__link"
    page.locator('[data-bs-target="#mkdocs_search_modal"]').click()
    return page.locator("#mkdocs-search-query"), "#mkdocs-search-results a"


def png_size(path: Path) -> tuple[int, int]:
    """(width, height) from a PNG's header."""
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def test_home_shows_the_cards(tab: Page, site: Server) -> None:
    visit(tab, site, "/")
    assert len(card_titles(tab)) == len(post_titles(site.root)) == 6
    japan = card(tab, JAPAN_TITLE)
    expect(japan).to_have_count(1)
    expect(japan.locator(".reeblog-card-image img")).to_have_attribute(
        "src", re.compile(re.escape(JAPAN_BANNER) + "$")
    )
    expect(japan.locator(".reeblog-card-subtitle")).to_contain_text(JAPAN_SUBTITLE)
    expect(japan.locator(".reeblog-excerpt")).to_contain_text("cutting-edge technology")
    expect(japan.locator(".reeblog-excerpt")).to_be_visible()
    japan.locator(".reeblog-card-title a").click()
    tab.wait_for_url(f"**{JAPAN_URL}")
    assert site_path(tab) == JAPAN_URL
    expect(post_header(tab).locator("h1.reeblog-title")).to_have_text(JAPAN_TITLE)


@pytest.mark.parametrize("server", BANNER_SITES)
def test_card_banner_loads(tab: Page, server: str, request: pytest.FixtureRequest) -> None:
    site: Server = request.getfixturevalue(server)
    visit(tab, site, "/")
    assert image_loaded(card(tab, JAPAN_TITLE).locator(".reeblog-card-image img"))


@pytest.mark.parametrize("server", BANNER_SITES)
def test_article_banner_loads(tab: Page, server: str, request: pytest.FixtureRequest) -> None:
    site: Server = request.getfixturevalue(server)
    visit(tab, site, JAPAN_URL)
    assert image_loaded(post_header(tab).locator("figure.reeblog-banner img"))


def test_article_page(tab: Page, site: Server) -> None:
    visit(tab, site, JAPAN_URL)
    header = post_header(tab)
    expect(header.locator("h1.reeblog-title")).to_have_text(JAPAN_TITLE)
    expect(header.locator(".reeblog-subtitle")).to_contain_text(JAPAN_SUBTITLE)
    expect(header.locator("time.reeblog-date")).to_have_text("May 4, 2025")
    expect(header.locator(".reeblog-category")).to_have_text(["Geology", "Mining"])
    expect(header.locator(".reeblog-tag")).to_have_text(
        ["#Japan", "#Rare Earth Elements", "#Tech Industry", "#Mining"]
    )
    for chip in header.locator(".reeblog-chip").all():
        expect(chip).to_be_visible()
    # The banner is shown once: in the header, not again at the top of the body.
    expect(tab.locator(f'img[src$="{JAPAN_BANNER}"]')).to_have_count(1)
    expect(header.locator("figure.reeblog-banner img")).to_be_visible()
    table = tab.locator("table", has_text="Diversifying Import Sources")
    expect(table).to_be_visible()
    expect(table.locator("tr")).to_have_count(5)
    expect(table.locator("th")).to_have_text(["Strategic Initiatives", "Benefits"])
    quote = tab.locator("blockquote", has_text="a matter of national security")
    expect(quote).to_be_visible()


@pytest.mark.parametrize(
    ("chip", "path"), [("#Japan", "/tag/japan/"), ("Geology", "/category/geology/")]
)
def test_chip_opens_its_listing(tab: Page, site: Server, chip: str, path: str) -> None:
    visit(tab, site, JAPAN_URL)
    post_header(tab).get_by_role("link", name=chip, exact=True).click()
    tab.wait_for_url(f"**{path}")
    assert site_path(tab) == path
    expect(tab.locator(".reeblog-listing-title")).to_contain_text(chip.lstrip("#"))
    expect(card(tab, JAPAN_TITLE)).to_have_count(1)


def test_pagination_lists_every_post_once(tab: Page, variant_site: Server) -> None:
    expected = post_titles(variant_site.root)
    pages = math.ceil(len(expected) / 2)
    assert len(expected) == 6 + GENERATED_POSTS
    visit(tab, variant_site, "/")
    seen: list[str] = []
    for number in range(1, pages + 1):
        expect(tab.locator(".reeblog-page-number")).to_have_text(f"Page {number} of {pages}")
        seen += card_titles(tab)
        older = tab.locator(".reeblog-pagination a.reeblog-older")
        if number == pages:
            expect(older).to_have_count(0)
            expect(tab.locator(".reeblog-pagination a.reeblog-newer")).to_have_count(1)
            break
        older.click()
        tab.wait_for_url(f"**/page{number + 1}/")
    assert sorted(seen) == sorted(expected)
    assert len(seen) == len(set(seen))


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_search_finds_the_article(tab: Page, theme: str, request: pytest.FixtureRequest) -> None:
    site: Server = request.getfixturevalue(f"{theme}_site")
    visit(tab, site, "/")
    box, results = open_search(tab, theme)
    box.press_sequentially("Honda", delay=30)
    found = tab.locator(results).filter(has_text=re.compile("Honda|Japan"))
    expect(found.first).to_be_visible()
    hrefs = [link.get_attribute("href") or "" for link in found.all()]
    assert any("Japans_Approach_to_Rare_Earth_Elements.html" in href for href in hrefs), hrefs


def test_dark_palette_keeps_card_text_readable(tab: Page, material_site: Server) -> None:
    visit(tab, material_site, "/")
    title = card(tab, JAPAN_TITLE).locator(".reeblog-card-title a")
    excerpt = card(tab, JAPAN_TITLE).locator(".reeblog-excerpt p").first
    light_ratio, light_background = contrast(title)
    tab.locator('label[title="Switch to dark mode"]').click()
    expect(tab.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    dark_ratio, dark_background = contrast(title)
    assert light_background > 0.8 > 0.1 > dark_background, (light_background, dark_background)
    assert light_ratio >= 4.5, light_ratio
    assert dark_ratio >= 4.5, dark_ratio
    assert contrast(excerpt)[0] >= 4.5
    for chip in card(tab, JAPAN_TITLE).locator(".reeblog-chip").all():
        assert contrast(chip)[0] >= 3, chip.inner_text()


@pytest.mark.parametrize("path", ["/", JAPAN_URL, "/tag/japan/"])
def test_phone_width_has_no_horizontal_scroll(open_tab: Tab, site: Server, path: str) -> None:
    page = visit(open_tab(width=375, height=800), site, path)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"{path} is {width}px wide"
    boxes = [c.bounding_box() for c in page.locator(".reeblog-card").all()]
    lefts = {round(box["x"]) for box in boxes if box is not None}
    assert len(lefts) <= 1, f"cards not in one column: x = {sorted(lefts)}"
    if path != JAPAN_URL:
        assert len(boxes) >= 1


def test_no_errors_on_any_page(open_tab: Tab, site: Server) -> None:
    page = open_tab()
    for path in PAGES:
        visit(page, site, path)
        page.wait_for_load_state("networkidle")
    feed = page.request.get(site.url("/feed.xml"))
    assert feed.status == 200
    assert "xml" in feed.headers.get("content-type", "")
    assert JAPAN_TITLE in [entry.title for entry in feedparser.parse(feed.body()).entries]
    # console errors and failed local requests are checked by `open_tab` at teardown


def test_redirect_keeps_the_anchor(tab: Page, variant_site: Server) -> None:
    tab.goto(variant_site.url(OLD_JAPAN_URL + "#external-reference"))
    tab.wait_for_url(f"**{JAPAN_URL}#external-reference")
    assert site_path(tab) == JAPAN_URL
    expect(post_header(tab).locator("h1.reeblog-title")).to_have_text(JAPAN_TITLE)
    expect(tab.locator("#external-reference")).to_be_in_viewport()


@pytest.mark.parametrize(("name", "path"), SCREENSHOTS.items())
def test_screenshot(tab: Page, static_site: Server, name: str, path: str) -> None:
    """Screenshots of the built example blog for the README (refresh docs/screenshots/ with
    `python scripts/screenshots.py`)."""
    visit(tab, static_site, path)
    tab.wait_for_load_state("networkidle")
    for image in tab.locator("img").all():
        box = image.bounding_box()
        if box is not None and box["y"] < 900:
            assert image_loaded(image), image.get_attribute("src")
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / name
    tab.screenshot(path=str(target), animations="disabled")
    assert png_size(target) == (1280, 900)
    assert 10_000 < target.stat().st_size < MAX_SCREENSHOT_BYTES
