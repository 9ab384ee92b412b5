"""Material's navigation sidebar drawn once for all the pages that show it alike.

Material renders its navigation (`partials/nav.html`) on every page, and that is most of a
post page's template work: a blog's posts are not in the nav, so every post shows the same
sidebar, but for the relative links in it. This module draws it once and reuses the HTML for
another page when nothing the templates read can differ:

* the page is not in the nav (Material marks the nav entry of the current page and shows its
  table of contents there);
* the same nav entries are active (the page's ancestors: a post's "Blog" section);
* the same `base_url`, and every URL the templates passed through MkDocs' `url` filter gives
  the same result for this page (the filter's calls are recorded while the sidebar is drawn).

That reasoning holds for Material's own templates, which read the page only through the above:
the cache is used only when `partials/nav.html`, `nav-item.html`, `logo.html` and
`source.html` are the theme's, not overridden in `custom_dir` (an override may show anything of
the page). The plugin's `cache_nav: false` turns it off; a test builds a site both ways and
compares every file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateNotFound, pass_context
from jinja2.runtime import Context
from mkdocs.structure.nav import Navigation, Section, StructureItem

__all__ = ["NAV_TEMPLATES", "NavCache"]

NAV_TEMPLATES = (
    "partials/nav.html",
    "partials/nav-item.html",
    "partials/logo.html",
    "partials/source.html",
)
"""The templates the sidebar is drawn from: all must be the theme's own for the cache."""

_KEPT_PER_KEY = 8
"""Drawings kept per key: pages at other depths, or sharing a folder with a nav entry, get
other relative links (a few shapes in a blog), and a page no drawing fits is drawn afresh."""

UrlFilter = Callable[[Context, Any], str]
_Key = tuple[int, tuple[int, ...], str]


@dataclass(frozen=True)
class _Drawing:
    html: str
    urls: tuple[tuple[Any, str], ...]
    """Each call of the `url` filter made while drawing: its value and its result."""


@dataclass
class _NavShape:
    """What is computed once per navigation: its entries in order, and its pages."""

    items: list[StructureItem]
    page_ids: set[int]
    cacheable: bool


class NavCache:
    """Wraps the environment's nav template and `url` filter (see the module's docstring)."""

    def __init__(self, url: UrlFilter, render: Callable[[Context], Iterator[str]]) -> None:
        self._url = url
        self._render = render
        self._drawings: dict[_Key, list[_Drawing]] = {}
        self._recording: list[tuple[Any, str]] | None = None
        self._shapes: dict[int, _NavShape] = {}
        self._filter: UrlFilter | None = None
        """The recording `url` filter: the cache is used only while templates call it."""
        self.drawn = 0
        """How many times the sidebar was drawn (the other pages reused a drawing;
        `mkdocs build --verbose` says)."""
        self.declined: str | None = None
        """Why the cache was not used while the pages were written, when it was not."""

    @classmethod
    def install(cls, env: Environment, theme_dir: str) -> NavCache | str:
        """Cache the sidebar of `env` when its templates all come from `theme_dir`; else say
        why not (words for the build's log)."""
        try:
            templates = [env.get_template(name) for name in NAV_TEMPLATES]
        except TemplateNotFound as exc:
            return f"the theme has no {exc.name}"
        root = Path(theme_dir).resolve()
        for template in templates:
            if not template.filename or not Path(template.filename).resolve().is_relative_to(root):
                return f"{template.name} is not Material's own (custom_dir overrides it)"
        url = env.filters.get("url")
        if url is None:
            return "the theme's templates have no url filter"
        cache = cls(url, templates[0].root_render_func)

        @pass_context
        def recording_url(context: Context, value: Any) -> str:
            result: str = url(context, value)
            if cache._recording is not None:
                cache._recording.append((value, result))
            return result

        env.filters["url"] = cache._filter = recording_url
        templates[0].root_render_func = cache._render_nav
        return cache

    def _render_nav(self, context: Context) -> Iterator[str]:
        key = self._key(context)
        if key is None:
            yield from self._render(context)
            return
        drawings = self._drawings.setdefault(key, [])
        for drawing in drawings:
            if all(self._url(context, value) == result for value, result in drawing.urls):
                yield drawing.html
                return
        urls: list[tuple[Any, str]] = []
        self._recording = urls
        try:
            html = "".join(self._render(context))
        finally:
            self._recording = None
        self.drawn += 1
        if len(drawings) < _KEPT_PER_KEY:
            drawings.append(_Drawing(html, tuple(urls)))
        yield html

    def _key(self, context: Context) -> _Key | None:
        """What the sidebar of this page depends on, or None when it may depend on more."""
        if context.environment.filters.get("url") is not self._filter:
            # Calls would go unrecorded: the build goes on without the cache, and says so.
            self.declined = "another plugin replaced the url filter after it was installed"
            return None
        page, nav, base_url = context.get("page"), context.get("nav"), context.get("base_url")
        if page is None or not isinstance(nav, Navigation) or not isinstance(base_url, str):
            return None
        shape = self._shapes.get(id(nav))
        if shape is None:
            shape = self._shapes[id(nav)] = _shape(nav)
        if not shape.cacheable or id(page) in shape.page_ids:
            return None
        active = tuple(i for i, item in enumerate(shape.items) if getattr(item, "active", False))
        return id(nav), active, base_url


def _shape(nav: Navigation) -> _NavShape:
    items: list[StructureItem] = []
    pending: list[StructureItem] = list(reversed(nav.items))
    while pending:
        item = pending.pop()
        items.append(item)
        if isinstance(item, Section):
            pending.extend(reversed(item.children))
    # Material shows a page in the place of an entry that lists it in `pages` (the views of its
    # blog plugin): not a shape this module knows.
    cacheable = not any(getattr(item, "pages", None) for item in items)
    return _NavShape(items, {id(page) for page in nav.pages}, cacheable)
