"""What templates get: posts as plain, display-ready values (URLs already relative)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import DateTimePattern, parse_pattern

from mkdocs_reeblog.blog.index import PublishedPost
from mkdocs_reeblog.blog.links import is_safe_url, without_base
from mkdocs_reeblog.jekyll.banner import Banner
from mkdocs_reeblog.jekyll.problems import Problem
from mkdocs_reeblog.site_links import SiteLinks

__all__ = [
    "BannerView",
    "DateFormatter",
    "PostView",
    "TermLink",
    "banner_problems",
    "banner_view",
    "post_view",
    "reading_time",
    "term_linker",
]


@dataclass(frozen=True, slots=True)
class TermLink:
    """A category or tag as shown on a post: its name and, when it has a page, the link."""

    name: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class BannerView:
    src: str
    alt: str
    title: str | None


@dataclass(frozen=True, slots=True)
class PostView:
    """A post for templates (`reeblog/post-header.html`, `reeblog/card.html`)."""

    title: str
    subtitle: str | None
    url: str
    date: datetime
    date_text: str
    date_iso: str
    reading_time: int
    author: str | None
    categories: tuple[TermLink, ...]
    tags: tuple[TermLink, ...]
    banner: BannerView | None
    card_image: BannerView | None = None
    """The image of the post's card (its own key, else the banner)."""
    social_image: BannerView | None = None
    """The image of social tags and feeds."""


def reading_time(words: int, words_per_minute: int) -> int:
    """Whole minutes to read `words`, at least one."""
    return max(1, math.ceil(words / max(1, words_per_minute)))


class DateFormatter:
    """Dates in the theme's language with a Babel format (`long`) or pattern (`d MMM y`).

    The pattern is read once (what Babel's `format_date` does on every call) and each day's
    text made once. Raises `ValueError` for a pattern Babel cannot apply.
    """

    def __init__(self, language: str, date_format: str) -> None:
        self.locale = _locale(language)
        self.locale_id = str(self.locale)
        """The locale's identifier (`en`, `pt_BR`), as social tags write it."""
        self.date_format = date_format
        self._texts: dict[date, str] = {}
        try:
            self._pattern = _pattern(date_format, self.locale)
            self(datetime(2001, 2, 3))  # fails now, not at the first post, when it cannot apply
        except (ValueError, KeyError, AttributeError, TypeError) as exc:
            raise ValueError(
                f"date_format {date_format!r} is neither full, long, medium, short nor a "
                f"Babel date pattern such as 'd MMM y' ({exc})"
            ) from exc

    def __call__(self, value: datetime) -> str:
        day = value.date()
        text = self._texts.get(day)
        if text is None:
            text = self._texts[day] = str(self._pattern.apply(day, self.locale))
        return text


def _pattern(date_format: str, locale: Locale) -> DateTimePattern:
    """What Babel's `format_date` applies for `date_format`: a named format's pattern in the
    locale (Babel's `get_date_format`), else the pattern as written."""
    if date_format in ("full", "long", "medium", "short"):
        return parse_pattern(locale.date_formats[date_format])
    return parse_pattern(date_format)


@lru_cache(maxsize=32)
def _locale(language: str) -> Locale:
    for candidate in (language, language.replace("-", "_"), language.split("-")[0], "en"):
        try:
            return Locale.parse(candidate.replace("-", "_"))
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    return Locale("en")


Link = Callable[[str], str]
"""Turns a URL relative to the site root into an href for the page being rendered."""


def _banner_target(banner: Banner | None, links: SiteLinks) -> tuple[str | None, str | None]:
    """(URL of the image relative to the site root or as written, why it cannot be shown)."""
    if banner is None:
        return None, None
    if not is_safe_url(banner.url):
        return None, "is not a safe image URL (javascript: or a data: URL that is no image)"
    is_path = "://" not in banner.url and not banner.url.startswith(("data:", "//"))
    found = links.site_url(banner.url.lstrip("/") if is_path else banner.url)
    if found is None and is_path:
        return None, "is not a file of the site"
    return found or banner.url, None


def banner_problems(entry: PublishedPost, links: SiteLinks) -> list[Problem]:
    """Why a post's banner, card or social image is not shown (warnings: the post is shown
    without it), once per image."""
    post = entry.post
    problems: list[Problem] = []
    seen: set[str] = set()
    for banner in (post.banner, post.card_image, post.social_image):
        if banner is None or banner.url in seen:
            continue
        seen.add(banner.url)
        _, reason = _banner_target(banner, links)
        if reason is not None:
            line = post.key_lines.get(banner.source_key)
            where = "" if line is not None else " (from the _config.yml's defaults)"
            problems.append(
                Problem(
                    post.path,
                    line or 1,
                    f"the image {banner.url!r}{where} {reason}; it is not shown",
                )
            )
    return problems


def banner_view(banner: Banner | None, links: SiteLinks, link: Link) -> BannerView | None:
    """An image as an `<img>` shows it; None when it cannot be shown (`banner_problems`)."""
    target, _ = _banner_target(banner, links)
    if banner is None or target is None:
        return None
    src = target if "://" in target or target.startswith("data:") else link(target)
    title = banner.title if banner.title != banner.alt else None
    return BannerView(
        src=src, alt=without_base(banner.alt), title=without_base(title) if title else None
    )


TermLinker = Callable[[str, str], TermLink]
"""The `TermLink` of a (kind, name): a category or tag of a post."""


def term_linker(term_urls: Mapping[tuple[str, str], str], link: Link) -> TermLinker:
    """`TermLink`s made once a term, shared by every post that has it (a blog of thousands of
    posts has a few dozen terms); `term_urls` maps (kind, name) to the URL of the term's page."""
    made: dict[tuple[str, str], TermLink] = {}

    def term_link(kind: str, name: str) -> TermLink:
        key = (kind, name)
        if key not in made:
            target = term_urls.get(key)
            made[key] = TermLink(without_base(name), link(target) if target is not None else None)
        return made[key]

    return term_link


def post_view(
    entry: PublishedPost,
    *,
    link: Link,
    links: SiteLinks,
    dates: DateFormatter,
    words_per_minute: int,
    term_link: TermLinker,
) -> PostView:
    """`entry` for a template, its links made by `link` and its terms by `term_link`."""
    post = entry.post

    def terms(kind: str, names: tuple[str, ...]) -> tuple[TermLink, ...]:
        return tuple(term_link(kind, name) for name in dict.fromkeys(names))

    return PostView(
        title=without_base(post.title),
        subtitle=without_base(post.subtitle) if post.subtitle else None,
        url=link(entry.dest.url),
        date=post.date,
        date_text=dates(post.date),
        date_iso=post.date.isoformat(),
        reading_time=reading_time(post.words, words_per_minute),
        author=without_base(post.author) if post.author else None,
        categories=terms("category", post.categories),
        tags=terms("tag", post.tags),
        banner=banner_view(post.banner, links, link),
        card_image=banner_view(post.card_image, links, link),
        social_image=banner_view(post.social_image, links, link),
    )
