"""Liquid in post bodies, rendered the way Jekyll 4 does it (`engine.py`, python-liquid 2).

Jekyll runs Liquid only when a body contains `{{` or `{%`; so does this package, and the engine
(python-liquid and its set-up, which a build without Liquid need not import) is loaded on the
first post that needs it. What it does differently from Jekyll, on purpose, is listed in
`engine.py`; its filters are in `filters.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timezone, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs_reeblog.jekyll.liquid.setup import LiquidResult, LiquidSetup

if TYPE_CHECKING:
    from mkdocs_reeblog.jekyll.liquid.engine import LiquidEngine

__all__ = ["LiquidRenderer", "LiquidResult", "has_liquid"]


def has_liquid(source: str) -> bool:
    """Whether Jekyll would run Liquid on this body."""
    return "{" in source and ("{{" in source or "{%" in source)  # most posts have no "{"


class LiquidRenderer:
    """Renders the Liquid of post bodies; make one per build (it caches parsed includes).

    As in Jekyll, an undefined variable renders as the empty string, so a typo such as
    `{{ site.basurl }}` is silent: no problem is reported for it.
    """

    def __init__(
        self,
        *,
        site: Mapping[str, Any],
        includes_dir: Path | None,
        post_url: Callable[[str], str | None],
        link_url: Callable[[str], str | None],
        baseurl: str,
        url: str,
        timezone: tzinfo = timezone.utc,
    ) -> None:
        """`post_url(name)`/`link_url(path)` return a URL without `baseurl`, or None if unknown.

        `site` holds the `site.*` variables; `timezone` is the site's, for text dates given to
        the date filters.
        """
        self._setup = LiquidSetup(site, includes_dir, post_url, link_url, baseurl, url, timezone)
        self._engine: LiquidEngine | None = None

    def render(
        self, source: str, *, path: str, first_line: int, page: Mapping[str, Any]
    ) -> LiquidResult:
        """Render `source`, the body of the post `path` starting at line `first_line` of the file.

        Never raises: whatever goes wrong is a problem, and the text is then left as written.
        """
        if not has_liquid(source):
            return LiquidResult(source, [])
        if self._engine is None:
            from mkdocs_reeblog.jekyll.liquid.engine import LiquidEngine  # loaded when first needed

            self._engine = LiquidEngine(self._setup)
        return self._engine.render(source, (path, first_line), page)
