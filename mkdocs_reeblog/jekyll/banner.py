"""A post's banner image, and the body image that repeats it.

The front-matter keys that name it are the themes' (`jekyll/theme_images.py`). Posts generated
for YAT themes also open their body with the same picture (`![banner](url "description")`):
that image becomes the banner (its text gives the alt text) and leaves the body, so the picture
is shown once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from mkdocs_reeblog.jekyll.theme_images import (
    DEFAULT_IMAGE_KEYS,
    FoundImage,
    ImageKeys,
    find_image,
)

__all__ = ["Banner", "card_and_social_images", "find_banner"]

_GENERIC_ALT = frozenset({"", "banner", "image", "img", "header", "cover", "hero"})

_MARKDOWN_IMAGE = re.compile(
    r"^[ ]{0,3}!\[(?P<alt>[^\]\n]*)\]\((?P<inside>.*)\)\s*(?:\{:[^}\n]*\})?\s*$"
)
"""An image alone on its line: `![alt](...)`, what the brackets hold read by `_destination`."""
# kramdown's title: the text between the first quote and the same quote before the `)`, so
# `url ""A title""` (a doubled quote, as some generated posts write it) has the title `"A title"`.
_TITLE = re.compile(r"""\s+(?:"(?P<dq>.+?)"|'(?P<sq>.+?)'|\((?P<pq>[^()]*)\))\s*$""")
_HTML_IMAGE = re.compile(r"^\s*(?:<p>\s*)?<img\s(?P<attrs>[^>]*)/?>\s*(?:</p>)?\s*$", re.IGNORECASE)
_HTML_ATTR = re.compile(r"""(?P<name>[a-zA-Z-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_CANDIDATE = re.compile(r"[`~<]|!\[")
"""What a line needs to be a fence or an image."""


@dataclass(frozen=True, slots=True)
class Banner:
    """The image shown at the top of a post and on its card."""

    url: str
    """As written by the author: an absolute URL or a path."""
    alt: str
    title: str | None = None
    source_key: str = "excerpt_image"


def _body_images(body: str) -> Iterator[tuple[int, int, str, str, str | None]]:
    """Standalone image paragraphs outside code fences, in order: (start, end, url, alt,
    title), `body[start:end]` being the image's line.

    Only lines with a character that can open a fence or an image are looked at (most lines
    of a post are prose), found by searching the text rather than walking every line.
    """
    fence: str | None = None
    position = 0
    while (found := _CANDIDATE.search(body, position)) is not None:
        start = body.rfind("\n", 0, found.start()) + 1
        end = body.find("\n", found.start())
        end = len(body) if end < 0 else end
        position = end + 1
        line = body[start:end]
        fence_match = _FENCE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            continue
        if fence is not None or not _is_alone(body, start, end):
            continue
        markdown = _MARKDOWN_IMAGE.match(line)
        destination = _destination(markdown["inside"]) if markdown else None
        if markdown and destination:
            yield start, end, destination[0], markdown["alt"], destination[1]
            continue
        html = _HTML_IMAGE.match(line)
        if html:
            attrs = {m["name"].lower(): m["dq"] if m["dq"] is not None else m["sq"]
                     for m in _HTML_ATTR.finditer(html["attrs"])}  # fmt: skip
            if attrs.get("src"):
                yield start, end, attrs["src"], attrs.get("alt", ""), attrs.get("title")


def _destination(inside: str) -> tuple[str, str | None] | None:
    """The URL and title of what an image's parentheses hold, read as Markdown reads them:
    `<a b.png>` (spaces allowed), `a_(b).png` (balanced parentheses), an optional title in
    double or single quotes or in parentheses after a space; None when no URL is left."""
    inside = inside.strip()
    title: str | None = None
    found = _TITLE.search(inside)
    if found and found.start() > 0:
        title = next(t for t in (found["dq"], found["sq"], found["pq"]) if t is not None)
        inside = inside[: found.start()]
    if inside.startswith("<") and inside.endswith(">"):
        inside = inside[1:-1]
    elif inside.count("(") != inside.count(")"):
        return None
    url = inside.strip()
    return (url, title) if url else None


def _is_alone(body: str, start: int, end: int) -> bool:
    """Whether the line `body[start:end]` has a blank line (or the text's edge) on each side."""
    if start > 0 and body[body.rfind("\n", 0, start - 1) + 1 : start - 1].strip():
        return False
    if end < len(body):
        after = body.find("\n", end + 1)
        return not body[end + 1 : len(body) if after < 0 else after].strip()
    return True


def _alt_text(alt: str | None, title: str | None, fallback: str) -> str:
    """A descriptive alt text: the image's own, else its title, else `fallback` (the post's
    title), and a generic word such as "banner" only when there is nothing better."""
    if alt and alt.strip().lower() not in _GENERIC_ALT:
        return alt.strip()
    if title and title.strip(" \"'"):
        return title.strip(" \"'")
    return fallback or (alt or "").strip()


def find_banner(
    data: Mapping[str, Any],
    body: str,
    *,
    site_path: Callable[[str], str | None],
    fallback_alt: str = "",
    keys: tuple[str, ...] = DEFAULT_IMAGE_KEYS.banner,
) -> tuple[Banner | None, str]:
    """The banner of a post and its body without the image that repeats it.

    `site_path` maps an absolute URL of the site itself to its path (so that
    `https://www.example.org/a.png` and `/a.png` are recognised as one image).
    The repeated image's line is blanked, not deleted, so body lines keep their numbers.
    """
    declared = find_image(data, keys)
    if declared is None or not declared.url:
        return None, body
    key, url, alt = declared.key, declared.url, declared.alt

    def same(a: str, b: str) -> bool:  # `a b.png` and `a%20b.png` are one file
        return a == b or unquote(site_path(a) or a).lstrip("/") == unquote(
            site_path(b) or b
        ).lstrip("/")

    for start, end, image_url, image_alt, image_title in _body_images(body):
        if same(image_url, url):
            alt_text = alt or _alt_text(image_alt, image_title, fallback_alt)
            return Banner(url, alt_text, image_title, key), body[:start] + body[end:]
    return Banner(url, alt or fallback_alt, None, key), body


def _image_of(found: FoundImage, fallback_alt: str) -> Banner | None:
    return Banner(found.url, found.alt or fallback_alt, None, found.key) if found.url else None


def card_and_social_images(
    data: Mapping[str, Any], banner: Banner | None, keys: ImageKeys, fallback_alt: str = ""
) -> tuple[Banner | None, Banner | None]:
    """The card's image (its own key, else the banner) and the social image (its own key, else
    the banner, else the card's)."""
    found = find_image(data, keys.card)
    card = banner if found is None else _image_of(found, fallback_alt)
    found = find_image(data, keys.social)
    social = (banner or card) if found is None else _image_of(found, fallback_alt)
    return card, social
