"""The site's navigation: a "Blog" section, and posts linked to their neighbours by date."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section, StructureItem
from mkdocs.structure.pages import Page

from mkdocs_reeblog.blog.listings import Listing

__all__ = ["add_blog_section", "arrange_blog", "link_posts"]


def arrange_blog(
    nav: Navigation,
    files: Files,
    title: str,
    listings: Mapping[str, Listing],
    posts: Iterable[str],
    *,
    explicit_nav: bool,
) -> None:
    """A section `title` for the blog's index pages (`listings` by the `src_uri` of their
    pages); the posts (`src_uri`s, newest first) go between their neighbours by date, and the
    other listing pages (tags, categories, years) get the section as their breadcrumb."""

    def page(src_uri: str) -> Page | None:
        file = files.get_file_from_path(src_uri)
        return file.page if file is not None else None

    index_pages = [page(uri) for uri, listing in listings.items() if listing.in_nav]
    section = add_blog_section(
        nav, title, [p for p in index_pages if p is not None], explicit_nav=explicit_nav
    )
    link_posts([page(uri) for uri in posts], section)
    if section is not None:
        for uri, listing in listings.items():
            listed = page(uri)
            if listed is not None and not listing.in_nav:
                listed.parent = section


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
