"""The site's navigation: a "Blog" section, and posts linked to their neighbours by date."""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

__all__ = ["add_blog_section", "link_posts"]


def add_blog_section(nav: Navigation, title: str, pages: Sequence[Page]) -> Section | None:
    """Put `pages` (blog index, tags, categories) in a section at the top of the nav, unless the
    user's `nav:` already names one of them (then the user's nav is left as it is)."""
    if not title or not pages or any(page in nav.pages for page in pages):
        return None
    section = Section(title, list(pages))
    for page in pages:
        page.parent = section
    nav.items.insert(0, section)
    nav.pages[:0] = pages
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
