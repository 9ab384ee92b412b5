"""The site's navigation: a "Blog" section, and posts linked to their neighbours by date."""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs.structure.nav import Navigation, Section, StructureItem
from mkdocs.structure.pages import Page

__all__ = ["add_blog_section", "link_posts"]


def add_blog_section(
    nav: Navigation, title: str, pages: Sequence[Page], *, explicit_nav: bool
) -> Section | None:
    """Put `pages` (blog index, tags, categories) that the nav lacks in a section at its top.

    An explicit `nav:` that already names one of them is the user's choice: left as it is.
    """
    missing = [page for page in pages if page not in nav.pages]
    if not title or not missing or (explicit_nav and len(missing) < len(pages)):
        return None
    section = Section(title, list[StructureItem](missing))
    for page in missing:
        page.parent = section
    nav.items.insert(0, section)
    nav.pages[:0] = missing
    return section


def link_posts(posts: Sequence[Page | None], section: Section | None) -> None:
    """`posts` newest first: each post's previous page is the older post and its next page the
    newer one (Jekyll's `page.previous` / `page.next`); breadcrumbs go through `section`."""
    for position, page in enumerate(posts):
        if page is None:
            continue
        page.next_page = posts[position - 1] if position > 0 else None
        page.previous_page = posts[position + 1] if position + 1 < len(posts) else None
        if section is not None:
            page.parent = section
