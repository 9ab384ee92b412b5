"""Links in the HTML the blog makes once and shows on many pages, and which URLs are safe.

A card, an excerpt or a post's view is made once a build and shown on pages at every depth of
the site: its links to the site's files start with `BASE`, which each page replaces by its own
path to the site root.
"""

from __future__ import annotations

import re

__all__ = ["BASE", "is_safe_url", "without_base"]

BASE = "\x00"
"""Stands for the listing page's path to the site root in stored HTML. A character below 256:
Python stores a string with one beyond Latin-1 at two bytes a character, and every card holds
this one. NUL is no character of HTML text; `without_base` takes it out of what users wrote."""

_SAFE_DATA = re.compile(r"^data:image/(?:png|jpe?g|gif|webp|avif|bmp|x-icon)[;,]", re.IGNORECASE)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def is_safe_url(url: str) -> bool:
    """True for http(s), mailto, relative and raster `data:image/...` URLs; false for
    `javascript:`, other `data:` URLs and unknown schemes."""
    cleaned = re.sub(r"[\x00-\x20]", "", url)
    scheme = _SCHEME.match(cleaned)
    if scheme is None:
        return True
    name = scheme.group(1).lower()
    if name == "data":
        return bool(_SAFE_DATA.match(cleaned))
    return name in ("http", "https", "mailto")


def without_base(text: str) -> str:
    """User text with no `BASE` in it, so that only the links the plugin made get the path."""
    return text.replace(BASE, "") if BASE in text else text
