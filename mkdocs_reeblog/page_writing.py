"""The pages as they are written: a post's excerpt once its HTML exists (`on_page_content`),
the cards and feeds once every page's HTML exists (`on_env`), a post's header and the listings
in the content the theme shows (`on_page_context`), redirects and the feed's link in the
written page (`on_post_page`).

Search plugins read `page.content` in `on_page_context` at priority 0: `for_search` runs before
them, `for_theme` after. They index a post under its title heading (the rest of the header,
date, terms and banner, is no text to search); the theme shows the header in its place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jinja2 import TemplateNotFound
from markupsafe import escape
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url, get_theme_dir

from mkdocs_reeblog.blog.excerpt import text_excerpt
from mkdocs_reeblog.blog.feed import SiteInfo, feed_link, render_feed
from mkdocs_reeblog.blog.links import without_base
from mkdocs_reeblog.blog.listings import MARKER
from mkdocs_reeblog.blog.redirects import redirect_html, redirect_target
from mkdocs_reeblog.blog_html import BlogHtml
from mkdocs_reeblog.meta import set_aside
from mkdocs_reeblog.page_markdown import POST_TEMPLATE
from mkdocs_reeblog.seo_context import absolute_banner, add_seo
from mkdocs_reeblog.speed.nav_cache import NavCache

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from mkdocs_reeblog.build import Build

__all__ = [
    "for_search",
    "for_theme",
    "log_speed_paths",
    "post_content",
    "start_writing",
    "written_page",
]

log = get_plugin_logger(__name__)


def post_content(build: Build, html: str, page: Page) -> str:
    """A post's HTML with links to the site's own files made relative, and its excerpt kept
    for the cards and feeds (and its HTML, when a feed shows it in full)."""
    entry = build.index.get(page.file.src_uri)
    if entry is None:
        return html
    html = build.links.localize_html(html, page.url)
    post, kept = entry.post, build.kept
    key = post.source.page_uri
    if key in build.full_text_posts:
        kept.post_html[key] = html
    excerpt = post.front_matter.get("excerpt")
    if isinstance(excerpt, str) and excerpt.strip():
        kept.excerpts[key] = text_excerpt(excerpt)
    else:
        kept.excerpts[key] = kept.excerpt_cache.excerpt(
            key,
            html,
            post_url=entry.dest.url,
            max_chars=build.setup.plugin.excerpt_length,
            separator=post.excerpt_separator if post.excerpt_separator.strip() else None,
        )
    return html


def start_writing(build: Build, env: Environment, config: MkDocsConfig, files: Files) -> None:
    """Every page's HTML exists: the sidebar's cache, the posts' cards and views, the feeds."""
    build.nav_cache = _install_nav_cache(build, env, config)
    _check_templates(build, env, files)
    plugin = build.setup.plugin
    build.html = BlogHtml(
        env,
        config,
        build.index,
        excerpts=build.kept.excerpts,
        term_urls=build.term_urls,
        links=build.links,
        dates=build.setup.dates,
        words_per_minute=plugin.words_per_minute,
    )
    site_url = config.site_url or ""
    site = SiteInfo(site_url, config.site_name, config.site_description, config.site_author)
    for feed in build.feeds:
        if feed.path in build.feed_files:
            build.feed_files[feed.path].content_string = render_feed(
                feed,
                site,
                summaries=build.kept.excerpts,
                contents=build.kept.post_html,
                image=lambda entry: absolute_banner(build, entry, site_url),
            )


def log_nav_cache_off(reason: str) -> None:
    log.info("cache_nav is off: %s; the navigation sidebar is drawn for every page", reason)


def log_speed_paths(build: Build) -> None:
    """What the speed paths saved in this build, for `mkdocs build --verbose`."""
    nav_cache = build.nav_cache
    if nav_cache is not None and nav_cache.declined is not None:
        log_nav_cache_off(nav_cache.declined)
    elif nav_cache is not None:
        log.debug("cache_nav: the navigation sidebar was drawn %d times", nav_cache.drawn)
    shared = build.listing_conversion.shared
    if build.listings:
        log.debug("%d generated listing pages took the first one's conversion", shared)


def _install_nav_cache(build: Build, env: Environment, config: MkDocsConfig) -> NavCache | None:
    """Material's sidebar drawn once (`speed/nav_cache.py`), unless `cache_nav: false`, another
    theme (it knows Material's templates only) or no nav (no sidebar to draw); when the
    cache cannot be used with Material, one info line says why."""
    if not build.setup.plugin.cache_nav or config.theme.name != "material" or build.nav_is_empty:
        return None
    found = NavCache.install(env, get_theme_dir("material"))
    if isinstance(found, NavCache):
        return found
    log_nav_cache_off(found)
    return None


def _check_templates(build: Build, env: Environment, files: Files) -> None:
    """A post whose `template` the theme lacks (a Jekyll theme's, most likely) gets the post
    template, and an info line; its `template` is kept under `page.meta["jekyll"]`."""
    for entry in build.index:
        file = files.get_file_from_path(entry.post.source.page_uri)
        page = file.page if file is not None else None
        if page is None or page.meta.get("template", POST_TEMPLATE) == POST_TEMPLATE:
            continue
        try:
            env.get_template(page.meta["template"])
        except TemplateNotFound:
            line = entry.post.key_lines.get("template", 1)
            log.info(
                "%s:%d: the theme has no template %r; the post template is used",
                entry.post.path, line, page.meta["template"],
            )  # fmt: skip
            set_aside(page.meta, "template")
            page.meta["template"] = POST_TEMPLATE


def for_search(
    build: Build, context: TemplateContext, page: Page, config: MkDocsConfig
) -> TemplateContext:
    """What search plugins read: a hand-written page's listing, a post's title heading; and
    the social and SEO tags of posts and listing pages (`reeblog/seo.html`)."""
    if page.file.generated_by is None:  # a page of the user's with the marker
        _fill_listing(build, page, config)
    entry = build.index.get(page.file.src_uri)
    if entry is not None and page.content is not None:
        build.shown.show(page, _title_heading(entry.post.title) + page.content)
    tags_variable = build.setup.neighbours.tags_variable
    if entry is not None and tags_variable is not None:  # the header's chips are the tags
        context[tags_variable] = []  # type: ignore[literal-required]
    if build.setup.plugin.seo:
        add_seo(build, context, page, config, entry)
    return context


def for_theme(build: Build, page: Page, config: MkDocsConfig) -> None:
    """What the theme shows: a generated page's listing (search plugins leave those pages
    out), a post's header in place of its title heading."""
    if page.file.generated_by is not None:
        _fill_listing(build, page, config)
    entry = build.index.get(page.file.src_uri)
    if entry is None or page.content is None or build.html is None:
        return
    body = page.content.replace(_title_heading(entry.post.title), "", 1)
    build.shown.show(page, build.html.header(entry, page, config) + body)


def _fill_listing(build: Build, page: Page, config: MkDocsConfig) -> None:
    """Put the page's listing (or the newest posts) where it says `<!-- reeblog:posts -->`."""
    if page.content is None or MARKER not in page.content or build.html is None:
        return
    listing = build.listings.get(page.file.src_uri) or build.newest
    if listing is None:
        return
    heading = without_base(build.listing_title(listing, config, heading=True))
    html = build.html.listing(listing, heading=heading, page=page, config=config)
    build.shown.show(page, page.content.replace(MARKER, html, 1))


def _title_heading(title: str) -> str:
    """The heading search plugins index a post under (the header replaces it afterwards)."""
    return f"<h1>{escape(title)}</h1>\n"


def written_page(build: Build, output: str, page: Page, config: MkDocsConfig) -> str:
    """The page as written: a `redirect_to` post or page replaced by a redirect, and the
    feed's link in every page's head (no theme block reaches every page). What reeblog showed
    in its content can go."""
    build.shown.written(page)
    entry = build.index.get(page.file.src_uri)
    jekyll_page = build.pages.get(page.file.src_uri)
    front_matter = entry.post.front_matter if entry else jekyll_page and jekyll_page.front_matter
    target = redirect_target(front_matter) if front_matter else None
    if target is not None:
        return redirect_html(target, target if "://" in target else None)
    feed = build.feed_files.get(build.feeds[0].path) if build.feeds else None
    if feed is not None and "</head>" in output:
        link = feed_link(config.site_name, get_relative_url(feed.url, page.url))
        output = output.replace("</head>", link + "</head>", 1)
    return output
