"""Social and SEO tags of posts, Jekyll pages and listing pages: what `reeblog/seo.html`
writes in the page's head (`blog/seo.py` decides them)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urljoin

from markupsafe import escape

from mkdocs_reeblog.blog.links import BASE
from mkdocs_reeblog.blog.seo import post_description, post_seo, site_seo

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from mkdocs_reeblog.blog.index import PublishedPost
    from mkdocs_reeblog.build import Build

__all__ = ["absolute_banner", "add_seo"]


def absolute_banner(build: Build, entry: PublishedPost, site_url: str) -> str | None:
    """The social image's absolute URL (for feeds and social tags), when it is safe to show."""
    if build.html is None or not site_url:
        return None
    banner = build.html.views[entry.post.source.page_uri].social_image
    if banner is None:
        return None
    return urljoin(site_url, banner.src.removeprefix(BASE))


def add_seo(
    build: Build,
    context: TemplateContext,
    page: Page,
    config: MkDocsConfig,
    entry: PublishedPost | None,
) -> None:
    """`reeblog_seo` in the context of a post, a Jekyll page or a listing page."""
    emit_description = config.theme.name != "material"  # Material writes page.meta's
    social = not build.setup.neighbours.social_card(page, config)
    locale = build.setup.dates.locale_id
    src_uri = page.file.src_uri
    if entry is not None:
        post = entry.post
        description = post_description(post, build.kept.excerpts.get(post.source.page_uri, ""))
        page.meta["description"] = escape(description)
        context["reeblog_seo"] = post_seo(  # type: ignore[typeddict-unknown-key]
            post,
            description=description,
            site_name=config.site_name,
            url=page.canonical_url,
            image=absolute_banner(build, entry, config.site_url or ""),
            site_author=config.site_author,
            locale=locale,
            emit_description=emit_description,
            social=social,
        )
    elif src_uri in build.pages and src_uri not in build.listings:
        jekyll_page = build.pages[src_uri]
        about = jekyll_page.front_matter.get("description")
        context["reeblog_seo"] = site_seo(  # type: ignore[typeddict-unknown-key]
            title=jekyll_page.title or page.title or config.site_name,
            site_name=config.site_name,
            description=str(about) if about else config.site_description,
            url=page.canonical_url,
            locale=locale,
            emit_description=emit_description,
        )
    elif src_uri in build.listings:
        context["reeblog_seo"] = site_seo(  # type: ignore[typeddict-unknown-key]
            title=build.listing_title(build.listings[src_uri], config),
            site_name=config.site_name,
            description=config.site_description,
            url=page.canonical_url,
            locale=locale,
            emit_description=emit_description,
            social=social,
        )
