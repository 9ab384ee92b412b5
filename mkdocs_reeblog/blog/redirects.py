"""Redirect pages, as jekyll-redirect-from writes them: a small HTML file at the old URL with a
canonical link, a meta refresh and a script that keeps the `#anchor`."""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape
from typing import Any
from urllib.parse import unquote

from mkdocs_reeblog.jekyll.posts import Post
from mkdocs_reeblog.jekyll.urls import PermalinkError, expand_permalink, permalink_template

__all__ = ["old_urls", "redirect_html", "redirect_sources", "redirect_target", "source_path"]


def _as_list(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(item) for item in value if isinstance(item, (str, int, float))]
    return []


def redirect_sources(front_matter: Mapping[str, Any]) -> list[str]:
    """The old URLs of `redirect_from` (a string or a list), each with a leading `/`."""
    return [
        "/" + url.strip().lstrip("/")
        for url in _as_list(front_matter.get("redirect_from"))
        if url.strip()
    ]


def redirect_target(front_matter: Mapping[str, Any]) -> str | None:
    """`redirect_to` (a string, or the first of a list)."""
    targets = _as_list(front_matter.get("redirect_to"))
    return targets[0].strip() if targets and targets[0].strip() else None


def source_path(url: str) -> str | None:
    """The file a redirect from `url` is written to (`/old/` -> `old/index.html`), or None when
    the URL leaves nothing inside the site."""
    path = unquote(url.split("#")[0].split("?")[0])
    parts = [part for part in path.split("/") if part not in ("", ".", "..")]
    if not parts:
        return None
    if path.endswith("/"):
        parts.append("index.html")
    elif "." not in parts[-1]:
        parts[-1] += ".html"
    return "/".join(parts)


def redirect_html(href: str, canonical: str | None = None) -> str:
    """The redirect page to `href` (relative or absolute); `canonical` is the absolute target."""
    target = escape(href)
    script_target = (
        json.dumps(href).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    )
    canonical_link = f'\n<link rel="canonical" href="{escape(canonical)}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Redirecting&hellip;</title>{canonical_link}
<meta name="robots" content="noindex">
<script>location.replace({script_target} + location.hash)</script>
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<h1>Redirecting&hellip;</h1>
<a href="{target}">Click here if you are not redirected.</a>
</body>
</html>
"""


def old_urls(post: Post, previous_permalink: str | None) -> list[str]:
    """The URLs a post answered to before: `redirect_from`, and its URL in the permalink style
    the blog used before (`redirect_from_permalink`), when that differs from its own."""
    urls = redirect_sources(post.front_matter)
    if previous_permalink and post.url_facts is not None:
        try:
            old = expand_permalink(permalink_template(previous_permalink), post.url_facts)
        except PermalinkError:
            old = None
        if old is not None and old != post.url and old not in urls:
            urls.append(old)
    return urls
