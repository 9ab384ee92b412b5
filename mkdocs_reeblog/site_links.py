"""Links between the site's own files, and links that name the site by its domain.

A post written for a Jekyll site often links to its own pictures with the full address
(`https://www.example.org/assets/images/x.png`). When the file is part of the MkDocs site, the
link is made relative, so that the site works under `mkdocs serve` and on a preview host.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from urllib.parse import unquote, urlsplit

from mkdocs.utils import get_relative_url

__all__ = ["SiteLinks"]

_URL_ATTRIBUTE = re.compile(
    r"""(?P<lead>\s(?:src|href)=)(?P<q>["'])(?P<url>https?://[^"'\s]+)(?P=q)"""
)


class SiteLinks:
    """The site's files by their path in the built site, to link to them from any page."""

    def __init__(
        self,
        urls: Iterable[tuple[str, str]],
        site_path: Callable[[str], str | None],
        hosts: Iterable[str] | None = None,
    ) -> None:
        """`urls`: (path in the site, unescaped, no leading slash; the file's MkDocs URL).
        `hosts`: the site's host names (lowercase), when known: HTML that names none of them
        has no link to localize."""
        self._hosts = tuple(hosts) if hosts is not None else None
        self._by_path: dict[str, str] = {}
        for path, url in urls:
            self._by_path.setdefault(path.strip("/"), url)
        self._site_path = site_path
        self._found: dict[str, str | None] = {}

    def site_url(self, target: str) -> str | None:
        """The MkDocs URL (relative to the site root) of a path or own-domain URL, if it exists."""
        if target not in self._found:  # a banner is looked up for its card, header and tags
            self._found[target] = self._lookup(target)
        return self._found[target]

    def _lookup(self, target: str) -> str | None:
        path = self._site_path(target) if "://" in target else target
        if path is None:
            return None
        parts = urlsplit(path)
        fragment = urlsplit(target).fragment  # `site_path` keeps only the path
        key = unquote(parts.path).strip("/")
        found = self._by_path.get(key)
        if found is None and key:
            found = self._by_path.get(key + "/index.html") or self._by_path.get(key + ".html")
        if found is None:
            return None
        return found + (f"#{fragment}" if fragment else "")

    def relative(self, target: str, from_url: str) -> str:
        """`target` as a link from the page at `from_url`: relative when it is a file of the
        site, unchanged otherwise."""
        found = self.site_url(target)
        return target if found is None else get_relative_url(found, from_url)

    def localize_html(self, html: str, from_url: str) -> str:
        """Make `src`/`href` attributes that name the site by its domain relative."""
        if "://" not in html:
            return html
        if self._hosts is not None:
            lowered = html.lower()
            if not any(host in lowered for host in self._hosts):
                return html

        def replace(match: re.Match[str]) -> str:
            url = match["url"]
            local = self.relative(url.replace("&amp;", "&"), from_url)
            if local == url.replace("&amp;", "&"):
                return match.group(0)
            return f"{match['lead']}{match['q']}{local}{match['q']}"

        return _URL_ATTRIBUTE.sub(replace, html)
