"""Social and search-engine tags, as jekyll-seo-tag writes them, plus the banner image and the
subtitle it ignores: Open Graph, Twitter cards and a JSON-LD `BlogPosting`."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import unescape

from markupsafe import Markup

from mkdocs_reeblog.blog.links import BASE
from mkdocs_reeblog.jekyll.posts import Post

__all__ = ["SeoView", "html_to_text", "json_ld", "post_description", "post_seo", "site_seo"]

_TAG = re.compile(r"<[^>]*>")


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment, whitespace normalised."""
    return " ".join(unescape(_TAG.sub(" ", html)).split())


def json_ld(data: dict[str, object]) -> Markup:
    """JSON safe inside `<script>`: `<`, `>` and `&` are written as `\\u` escapes."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return Markup(text)


@dataclass(frozen=True)
class SeoView:
    """What `reeblog/seo.html` writes in a page's `<head>`. Values are plain text."""

    title: str
    site_name: str
    type: str
    """`article` for posts, `website` for the other pages."""
    description: str | None = None
    url: str | None = None
    """Absolute canonical URL (None without `site_url`)."""
    image: str | None = None
    """Absolute URL of the banner."""
    image_alt: str | None = None
    published: str | None = None
    modified: str | None = None
    author: str | None = None
    tags: Sequence[str] = ()
    section: str | None = None
    locale: str | None = None
    json_ld: Markup = field(default_factory=lambda: Markup(""))
    emit_description: bool = True
    """False when the theme writes the description and author tags itself (Material)."""
    social: bool = True
    """False when another plugin writes the Open Graph and Twitter tags of the page (Material's
    social plugin, with its card): the other tags stay."""

    @property
    def twitter_card(self) -> str:
        return "summary_large_image" if self.image else "summary"


def post_description(post: Post, excerpt_html: str) -> str:
    """`description`, else `subtitle`, else the card excerpt as text (jekyll-seo-tag's rule,
    plus the subtitle it ignores)."""
    return post.description or post.subtitle or html_to_text(excerpt_html.replace(BASE, ""))


def post_seo(
    post: Post,
    *,
    description: str,
    site_name: str,
    url: str | None,
    image: str | None,
    site_author: str | None,
    locale: str | None,
    emit_description: bool,
    social: bool = True,
) -> SeoView:
    """Tags of a post (`url` and `image` absolute)."""
    author = post.author or site_author
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "datePublished": post.date.isoformat(),
        "dateModified": post.updated.isoformat(),
        "publisher": {"@type": "Organization", "name": site_name},
    }
    if description:
        data["description"] = description
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": url}
    if image:
        data["image"] = image
    if author:
        data["author"] = {"@type": "Person", "name": author}
    if post.tags:
        data["keywords"] = ", ".join(post.tags)
    return SeoView(
        title=post.title,
        site_name=site_name,
        type="article",
        description=description or None,
        url=url,
        image=image,
        image_alt=post.social_image.alt if image and post.social_image else None,
        published=post.date.isoformat(),
        modified=post.updated.isoformat(),
        author=author,
        tags=tuple(post.tags),
        section=post.categories[0] if post.categories else None,
        locale=locale,
        json_ld=json_ld(data),
        emit_description=emit_description,
        social=social,
    )


def site_seo(
    *,
    title: str,
    site_name: str,
    description: str | None,
    url: str | None,
    locale: str | None,
    emit_description: bool,
    social: bool = True,
) -> SeoView:
    """Tags of a listing page (blog index, tag, category and year pages)."""
    data: dict[str, object] = {"@context": "https://schema.org", "@type": "WebPage", "name": title}
    if url:
        data["url"] = url
    if description:
        data["description"] = description
    return SeoView(
        title=title,
        site_name=site_name,
        type="website",
        description=description,
        url=url,
        locale=locale,
        json_ld=json_ld(data),
        emit_description=emit_description,
        social=social,
    )
