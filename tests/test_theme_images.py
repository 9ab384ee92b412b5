"""Post images by theme (`mkdocs_reeblog.jekyll.theme_images`): each theme's keys in their roles
(banner, card, social), unit by unit and in a real build."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from mkdocs_reeblog.jekyll.theme_images import DEFAULT_IMAGE_KEYS, ImageKeys, find_image
from tests.conftest import SiteBuilder
from tests.html_helpers import page_soup, plugin_messages, post_header

KEYS = DEFAULT_IMAGE_KEYS


@pytest.mark.parametrize(
    ("data", "banner", "card", "social"),
    [
        # Minimal Mistakes: the overlay wins the banner; teaser for cards; og_image for sharing.
        (
            {"header": {"overlay_image": "/o.jpg", "image": "/i.jpg", "teaser": "/t.jpg",
                        "og_image": "/og.jpg"}},
            "/o.jpg", "/t.jpg", "/og.jpg",
        ),
        ({"header": {"teaser": "/t.jpg"}}, None, "/t.jpg", "/t.jpg"),
        ({"header": {"og_image": "/og.jpg"}}, None, None, "/og.jpg"),
        # Beautiful Jekyll: cover-img as text or list (first item, `{path: caption}`).
        ({"cover-img": ["/a.jpg", "/b.jpg"], "thumbnail-img": "/th.jpg"}, "/a.jpg", "/th.jpg",
         "/a.jpg"),
        ({"cover-img": [{"/a.jpg": "A caption"}], "share-img": "/s.jpg"}, "/a.jpg", "/a.jpg",
         "/s.jpg"),
        # Chirpy: image.path under media_subpath (and img_path), not for absolute paths or URLs.
        ({"image": {"path": "cover.png", "alt": "Alt"}, "media_subpath": "/posts/x/"},
         "/posts/x/cover.png", "/posts/x/cover.png", "/posts/x/cover.png"),
        ({"image": "/abs.png", "img_path": "/posts/x"}, "/abs.png", "/abs.png", "/abs.png"),
        ({"image": "https://cdn.example.org/c.png", "media_subpath": "/p"},
         "https://cdn.example.org/c.png", "https://cdn.example.org/c.png",
         "https://cdn.example.org/c.png"),
        # YAT, Hux, Clean Blog.
        ({"banner": {"image": "/y.jpg"}}, "/y.jpg", "/y.jpg", "/y.jpg"),
        ({"header-img": "img/post-bg.jpg"}, "img/post-bg.jpg", "img/post-bg.jpg",
         "img/post-bg.jpg"),
        ({"background": "/img/posts/01.jpg"}, "/img/posts/01.jpg", "/img/posts/01.jpg",
         "/img/posts/01.jpg"),
    ],
)  # fmt: skip
def test_each_theme_key_fills_its_roles(
    data: dict[str, Any], banner: str | None, card: str | None, social: str | None
) -> None:
    def url(keys: tuple[str, ...]) -> str | None:
        found = find_image(data, keys)
        return found.url if found is not None else None

    found_banner = url(KEYS.banner)
    found_card = url(KEYS.card) or found_banner
    assert (found_banner, found_card, url(KEYS.social) or found_banner or found_card) == (
        banner,
        card,
        social,
    )


def test_alt_texts_and_the_key_of_the_line() -> None:
    found = find_image(
        {"header": {"image": "/i.jpg", "image_description": "A quarry"}}, KEYS.banner
    )
    assert found is not None and (found.key, found.alt) == ("header", "A quarry")
    found = find_image({"cover-img": [{"/a.jpg": "Caption"}]}, KEYS.banner)
    assert found is not None and found.alt == "Caption"


def test_image_keys_option_replaces_the_roles_it_names() -> None:
    keys = ImageKeys.from_option({"card": ["hero.small"], "social": "hero.share"})
    assert keys.card == ("hero.small",)
    assert keys.social == ("hero.share",)
    assert keys.banner == DEFAULT_IMAGE_KEYS.banner
    with pytest.raises(ValueError, match="image_keys: unknown roles"):
        ImageKeys.from_option({"hero": ["x"]})
    with pytest.raises(ValueError, match="image_keys: card"):
        ImageKeys.from_option({"card": [3]})


def _header_image(soup: BeautifulSoup) -> Tag | None:
    return post_header(soup).select_one("img")


def _src(image: Tag | None) -> str:
    assert image is not None
    return str(image["src"])


def _og_image(soup: BeautifulSoup) -> str | None:
    tag = soup.find("meta", attrs={"property": "og:image"})
    return str(tag["content"]) if tag is not None else None


def _card_image(soup: BeautifulSoup, title: str) -> str | None:
    for card in soup.select("article.reeblog-card"):
        if card.select(".reeblog-card-title")[0].get_text(strip=True) == title:
            img = card.select_one(".reeblog-card-image img")
            return str(img["src"]) if img is not None else None
    raise AssertionError(f"no card {title!r}")


def test_a_build_shows_each_image_in_its_place(build_site: SiteBuilder) -> None:
    images = {f"assets/{n}.png": b"\x89PNG\r\n\x1a\n" for n in ("o", "t", "og", "c", "th")}
    docs: dict[str, str | bytes] = {
        **images,
        "_posts/2024-01-02-mm.md": (
            "---\ntitle: MM\nheader:\n  overlay_image: /assets/o.png\n  teaser: /assets/t.png\n"
            "  og_image: /assets/og.png\n---\nBody.\n"
        ),
        "_posts/2024-01-03-bj.md": (
            "---\ntitle: BJ\ncover-img: [/assets/c.png]\nthumbnail-img: /assets/th.png\n---\nB\n"
        ),
        "_posts/2024-01-04-teaser-only.md": (
            "---\ntitle: Teaser only\nheader: {teaser: /assets/t.png}\n---\nBody.\n"
        ),
        "_posts/2024-01-05-chirpy.md": (
            "---\ntitle: Chirpy\nmedia_subpath: /assets\nimage: {path: c.png, alt: Cover}\n---\nB\n"
        ),
    }
    site = build_site(docs)
    assert site.ok, site.messages()
    assert plugin_messages(site, 30) == []
    index = page_soup(site, "index.html")
    assert _card_image(index, "MM") == "./assets/t.png"
    assert _card_image(index, "BJ") == "./assets/th.png"
    assert _card_image(index, "Teaser only") == "./assets/t.png"
    assert _card_image(index, "Chirpy") == "./assets/c.png"
    mm = page_soup(site, "2024/01/02/mm.html")
    assert _src(_header_image(mm)) == "../../../assets/o.png"
    assert _og_image(mm) == "https://blog.example.org/assets/og.png"
    bj = page_soup(site, "2024/01/03/bj.html")
    assert _src(_header_image(bj)) == "../../../assets/c.png"
    assert _og_image(bj) == "https://blog.example.org/assets/c.png"
    teaser_only = page_soup(site, "2024/01/04/teaser-only.html")
    assert _header_image(teaser_only) is None
    assert _og_image(teaser_only) == "https://blog.example.org/assets/t.png"
    chirpy = page_soup(site, "2024/01/05/chirpy.html")
    image = _header_image(chirpy)
    assert image is not None and image["alt"] == "Cover"
