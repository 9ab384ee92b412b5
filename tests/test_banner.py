"""The banner image: which front-matter key names it, and the body image that repeats it."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_reeblog.jekyll.banner import Banner, find_banner
from mkdocs_reeblog.jekyll.frontmatter import read_front_matter
from mkdocs_reeblog.jekyll.settings import SiteAddress
from mkdocs_reeblog.jekyll.theme_images import NO_IMAGE

SITE = SiteAddress.from_urls("https://galena.es/")
SEED_IMAGE = "https://www.galena.es/assets/images/Japans_Approach_to_Rare_Earth_Elements.png"


def banner_of(data: dict[str, Any], body: str = "") -> tuple[Banner | None, str]:
    return find_banner(data, body, site_path=SITE.site_path, fallback_alt="Post Title")


@pytest.mark.parametrize(
    ("data", "key", "url", "alt"),
    [
        ({"excerpt_image": "/a.png"}, "excerpt_image", "/a.png", "Post Title"),
        ({"banner": "/b.png"}, "banner", "/b.png", "Post Title"),
        ({"banner": {"image": "/b.png", "alt": "B"}}, "banner", "/b.png", "B"),
        ({"image": "/c.png"}, "image", "/c.png", "Post Title"),
        ({"image": {"path": "/c.png", "alt": "C"}}, "image", "/c.png", "C"),
        ({"header-img": "img/h.jpg"}, "header-img", "img/h.jpg", "Post Title"),
        ({"excerpt_image": "  /a.png  "}, "excerpt_image", "/a.png", "Post Title"),
    ],
)
def test_each_banner_key(data: dict[str, Any], key: str, url: str, alt: str) -> None:
    banner, _ = banner_of(data)
    assert banner == Banner(url, alt, None, key)


ALL_KEYS: dict[str, Any] = {
    "excerpt_image": "/a.png",
    "banner": {"image": "/b.png"},
    "image": {"path": "/c.png"},
    "header-img": "/h.png",
}


@pytest.mark.parametrize(
    ("missing", "key"),
    [
        ((), "excerpt_image"),
        (("excerpt_image",), "banner"),
        (("excerpt_image", "banner"), "image"),
        (("excerpt_image", "banner", "image"), "header-img"),
    ],
)
def test_precedence_first_key_found_wins(missing: tuple[str, ...], key: str) -> None:
    data = {name: value for name, value in ALL_KEYS.items() if name not in missing}
    banner, _ = banner_of(data)
    assert banner is not None
    assert banner.source_key == key


@pytest.mark.parametrize(
    "data",
    [
        {"excerpt_image": ""},
        {"excerpt_image": "   "},
        {"excerpt_image": None},
        {"banner": {"video": "/v.mp4"}},
        {"image": {"width": 100}},
        {"image": ["/a.png"]},
        {"title": "no image keys"},
    ],
)
def test_empty_or_unusable_values_are_skipped(data: dict[str, Any]) -> None:
    assert banner_of(data, "![banner](/a.png)\n") == (None, "![banner](/a.png)\n")


def test_an_empty_key_falls_through_to_the_next() -> None:
    banner, _ = banner_of({"excerpt_image": "", "image": "/c.png"})
    assert banner is not None
    assert (banner.source_key, banner.url) == ("image", "/c.png")


@pytest.mark.parametrize(
    "data",
    [
        {"excerpt_image": NO_IMAGE, "image": "/c.png"},
        {"banner": {"image": NO_IMAGE}},
        {"image": NO_IMAGE},
    ],
)
def test_no_excerpt_image_means_no_banner(data: dict[str, Any]) -> None:
    body = "![banner](/c.png)\n\ntext\n"
    assert banner_of(data, body) == (None, body)


def test_seed_body_image_becomes_the_banner_once(seed_text: str) -> None:
    front = read_front_matter(seed_text)
    banner, body = banner_of(front.data, front.body)
    assert banner is not None
    assert banner.url == SEED_IMAGE
    assert banner.source_key == "excerpt_image"
    assert banner.alt.startswith("A map of Japan highlighting key regions")
    assert banner.title == banner.alt
    assert SEED_IMAGE not in body
    assert "![banner]" not in body
    assert body.lstrip("\n").startswith("# Introduction")


def test_removed_image_keeps_line_numbers(seed_text: str) -> None:
    """The image line is blanked, not deleted, so messages keep the file's line numbers."""
    front = read_front_matter(seed_text)
    _, body = banner_of(front.data, front.body)
    assert body.count("\n") == front.body.count("\n")
    assert body.split("\n")[0] == ""


def test_only_the_first_repeat_is_removed() -> None:
    body = '![banner](/a.png "A title")\n\ntext\n\n![banner](/a.png)\n'
    banner, new_body = banner_of({"excerpt_image": "/a.png"}, body)
    assert banner == Banner("/a.png", "A title", "A title", "excerpt_image")
    assert new_body == "\n\ntext\n\n![banner](/a.png)\n"


@pytest.mark.parametrize(
    ("image", "alt"),
    [
        ('![banner](/a.png "The title")', "The title"),
        ("![A good description](/a.png)", "A good description"),
        ('![A good description](/a.png "The title")', "A good description"),
        ("![image](/a.png)", "Post Title"),
        ("![](/a.png)", "Post Title"),
        ('<img src="/a.png" alt="An HTML alt">', "An HTML alt"),
        ("<img src='/a.png' title='HTML title' alt='banner' />", "HTML title"),
    ],
)
def test_alt_text_from_the_body_image(image: str, alt: str) -> None:
    banner, body = banner_of({"excerpt_image": "/a.png"}, image + "\n\ntext\n")
    assert banner is not None
    assert banner.alt == alt
    assert body == "\n\ntext\n"


def test_generic_alt_without_fallback_is_kept() -> None:
    banner, _ = find_banner(
        {"excerpt_image": "/a.png"}, "![banner](/a.png)\n", site_path=SITE.site_path
    )
    assert banner is not None
    assert banner.alt == "banner"


def test_front_matter_alt_wins_over_the_body_image() -> None:
    banner, _ = banner_of({"banner": {"image": "/b.png", "alt": "FM alt"}}, '![x](/b.png "T")\n')
    assert banner is not None
    assert banner.alt == "FM alt"


@pytest.mark.parametrize(
    "body",
    [
        "```\n![banner](/a.png)\n```\n",
        "~~~markdown\n![banner](/a.png)\n~~~\n",
        "````\n```\n\n![banner](/a.png)\n\n```\n````\n",
        "    ![banner](/a.png)\n",
    ],
)
def test_images_inside_code_are_untouched(body: str) -> None:
    banner, new_body = banner_of({"excerpt_image": "/a.png"}, body)
    assert banner is not None
    assert banner.alt == "Post Title"
    assert new_body == body


def test_image_after_a_closed_fence_is_removed() -> None:
    body = "```\n![banner](/a.png)\n```\n\n![banner](/a.png)\n"
    _, new_body = banner_of({"excerpt_image": "/a.png"}, body)
    assert new_body == "```\n![banner](/a.png)\n```\n\n\n"


@pytest.mark.parametrize(
    "body",
    [
        "text before\n![banner](/a.png)\n",
        "![banner](/a.png)\ntext after\n",
        "See ![banner](/a.png) inline.\n",
    ],
)
def test_images_inside_a_paragraph_are_untouched(body: str) -> None:
    _, new_body = banner_of({"excerpt_image": "/a.png"}, body)
    assert new_body == body


@pytest.mark.parametrize(
    ("declared", "in_body", "removed"),
    [
        ("https://galena.es/assets/a.png", "/assets/a.png", True),
        ("https://www.galena.es/assets/a.png", "/assets/a.png", True),
        ("/assets/a.png", "https://www.galena.es/assets/a.png", True),
        ("http://galena.es/assets/a.png", "https://galena.es/assets/a.png", True),
        ("https://other.org/assets/a.png", "/assets/a.png", False),
        ("https://other.org/assets/a.png", "https://other.org/assets/a.png", True),
        ("/assets/a.png", "/assets/b.png", False),
    ],
)
def test_own_domain_url_matches_its_path(declared: str, in_body: str, removed: bool) -> None:
    body = f"![banner]({in_body})\n\ntext\n"
    banner, new_body = banner_of({"excerpt_image": declared}, body)
    assert banner is not None
    assert banner.url == declared
    assert (new_body != body) is removed


def test_site_under_a_path_matches_only_inside_it() -> None:
    site = SiteAddress.from_urls("https://example.org/blog/")
    assert site.site_path("https://example.org/blog/a.png") == "a.png"
    assert site.site_path("https://example.org/a.png") is None
    body = "![banner](/a.png)\n"
    _, new_body = find_banner(
        {"excerpt_image": "https://example.org/blog/a.png"}, body, site_path=site.site_path
    )
    assert new_body == "\n"


_BODY_LINES = ["", " ", "text", "a < b", "`code`", "~", "```", "~~~", "````", "  ```python",
               "~~~~", "![banner](/a.png)", '![x](/a.png "T")', "![b](/b.png)",
               "    ![indented](/a.png)", '<img src="/a.png" alt="q">',
               "<p><img src='/a.png'></p>"]  # fmt: skip
"""Lines of a post's body: fences, images of the banner and of others, prose."""


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_BODY_LINES), max_size=9), st.booleans())
def test_at_most_one_standalone_image_line_is_blanked_and_lines_keep_their_numbers(
    lines: list[str], final_newline: bool
) -> None:
    body = "\n".join(lines) + ("\n" if final_newline else "")
    banner, new_body = banner_of({"excerpt_image": "/a.png"}, body)
    assert banner is not None and banner.url == "/a.png"
    old, new = body.split("\n"), new_body.split("\n")
    assert len(old) == len(new)
    changed = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    assert len(changed) <= 1
    for index in changed:
        assert new[index] == "" and "/a.png" in old[index]
        assert index == 0 or not old[index - 1].strip()
        assert index + 1 == len(old) or not old[index + 1].strip()


LUVAVITE = "https://galena.es/assets/images/Luvavite_(Sugilite)_Healing_Properties.png"


@pytest.mark.parametrize(
    ("declared", "image", "title"),
    [
        (LUVAVITE, f'![banner]({LUVAVITE} "Luvavite (Sugilite)")', "Luvavite (Sugilite)"),
        ("/a (1).png", '![banner](</a (1).png> "T")', "T"),
        ("/a b.png", "![banner](</a b.png>)", None),
        ("/a b.png", "![banner](/a%20b.png)", None),
        ("/a_(b).png", "![banner](/a_(b).png (A title))", "A title"),
        ("/a.png", "![banner](/a.png 'Single')", "Single"),
        ("/a.png", "![banner]( /a.png )", None),
        ("/a.png", "![banner](/a.png){: .wide}", None),
        # kramdown's title runs from the first quote to the last: galena's doubled quotes.
        ("/a.png", '![banner](/a.png ""An "infographic" title"")', '"An "infographic" title"'),
    ],
)
def test_urls_are_read_as_markdown_reads_them(declared: str, image: str, title: str | None) -> None:
    """Parentheses, spaces and `<...>`: the body image is the banner, shown once (issue 28)."""
    banner, body = banner_of({"excerpt_image": declared}, image + "\n\ntext\n")
    assert body == "\n\ntext\n"
    assert banner is not None
    assert banner.title == title


@pytest.mark.parametrize("image", ["![banner](/a_(b.png)", "![banner](<>)", "![banner]()"])
def test_unbalanced_or_empty_destinations_are_no_banner_image(image: str) -> None:
    body = image + "\n\ntext\n"
    assert banner_of({"excerpt_image": "/a_(b.png"}, body)[1] == body
