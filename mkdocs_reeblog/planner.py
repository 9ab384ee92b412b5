"""The plan of one build (`plan_build`, in `on_files`): the posts and Jekyll pages among the
files of the site, read and placed at their Jekyll URLs; the listing pages, redirects and
feeds added. Files are moved and added in memory: nothing is written."""

from __future__ import annotations

import contextlib
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from mkdocs_reeblog.blog.feed import plan_feeds, without_site_url
from mkdocs_reeblog.blog.index import build_index, post_names
from mkdocs_reeblog.blog.listings import (
    LISTING_MARKDOWN,
    Listing,
    plan_listings,
    posts_at_listing_urls,
)
from mkdocs_reeblog.blog.taxonomy import Taxonomy, build_taxonomy
from mkdocs_reeblog.build import Build, Kept
from mkdocs_reeblog.configure import Setup
from mkdocs_reeblog.generated import GeneratedFiles, place
from mkdocs_reeblog.jekyll.liquid import LiquidRenderer
from mkdocs_reeblog.jekyll.posts import Post, PostSource, find_post_source, is_jekyll_only
from mkdocs_reeblog.jekyll.problems import Problem
from mkdocs_reeblog.page_files import find_pages
from mkdocs_reeblog.post_render import PostPage, PostRendering, render_options
from mkdocs_reeblog.redirect_pages import add_redirects
from mkdocs_reeblog.site_links import SiteLinks
from mkdocs_reeblog.speed.listing_page import ListingPage
from mkdocs_reeblog.views import banner_problems

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

__all__ = ["plan_build"]

log = get_plugin_logger(__name__)


def plan_build(files: Files, config: MkDocsConfig, setup: Setup, kept: Kept) -> Build:
    """Read the posts, place them at their Jekyll URLs, add listings, redirects and feeds."""
    build = Build(setup, kept)
    plugin = setup.plugin
    # Jekyll pages at their Jekyll URLs (page_files.py), before the posts take theirs.
    build.pages, problems = find_pages(
        files,
        config,
        name=setup.names,
        settings=setup.options.settings,
        markdown_pages=bool(plugin.jekyll_config),
    )
    posts, post_files = _read_posts(files, build, problems)
    listings, taxonomies = _index_posts(files, config, build, posts, post_files, problems)
    build.rendering = _post_rendering(config, build)
    _place_posts(files, config, build, post_files)
    generated = GeneratedFiles(files, config, build.name)
    _add_listings(generated, config, build, listings)
    add_redirects(
        generated,
        config,
        files,
        index=build.index,
        pages=build.pages,
        redirects=plugin.redirects,
        redirect_from_permalink=plugin.redirect_from_permalink,
        neighbours=setup.neighbours,
    )
    _add_feeds(generated, config, build, taxonomies)
    _link_pages(files, config, build)
    return build


def _read_posts(
    files: Files, build: Build, problems: list[Problem]
) -> tuple[list[Post], dict[str, File]]:
    """The published posts among `files`, and the file of each post by its page's `src_uri`
    (Jekyll-only files, such as `_includes/`, leave `files`)."""
    posts: list[Post] = []
    post_files: dict[str, File] = {}
    for file in list(files):
        if is_jekyll_only(file.src_uri, build.setup.plugin.includes_dir):
            files.remove(file)
            continue
        found = find_post_source(file.src_uri)
        if found is None:
            continue
        post_files[found.page_uri if isinstance(found, PostSource) else file.src_uri] = file
        if isinstance(found, str):
            log.info("%s: left out, as Jekyll does: %s", build.name(file), found)
            continue
        post = _read(file, found, build, problems)
        if post is not None:
            posts.append(post)
    return posts, post_files


def _index_posts(
    files: Files,
    config: MkDocsConfig,
    build: Build,
    posts: list[Post],
    post_files: dict[str, File],
    problems: list[Problem],
) -> tuple[list[Listing], list[Taxonomy]]:
    """The post index (posts whose URL a file of the site, or a generated listing page,
    takes are left out, with a problem), and the listing pages of the posts; every problem
    of the posts logged."""
    post_sources = {file.src_uri for file in post_files.values()}
    taken = {f.dest_uri: build.name(f) for f in files if f.src_uri not in post_sources}
    build.index, collisions = build_index(
        posts, taken=taken, use_directory_urls=config.use_directory_urls
    )
    problems.extend(collisions)
    listings, taxonomies, term_warnings = _plan_listings(build)
    clashes = posts_at_listing_urls(listings, build.index)
    if clashes:  # the generated page wins: its URL is the blog's structure
        problems.extend(clashes.values())
        kept_posts = [entry.post for entry in build.index if entry.post.path not in clashes]
        build.index, _ = build_index(
            kept_posts, taken=taken, use_directory_urls=config.use_directory_urls
        )
        listings, taxonomies, term_warnings = _plan_listings(build)
    for problem in sorted(problems):
        log.warning("%s", problem)
    for warning in term_warnings:
        log.warning("%s", warning)
    for taxonomy in taxonomies:
        for note in taxonomy.merged:
            log.info("%s", note)
    return listings, taxonomies


def _post_rendering(config: MkDocsConfig, build: Build) -> PostRendering | None:
    """The posts' renderer with the site's Markdown options (None with `markdown: mkdocs`)."""
    if build.setup.plugin.markdown != "kramdown":
        return None
    index = build.index

    def is_html(src_uri: str) -> bool:
        entry = index.get(src_uri)
        return entry is not None and entry.post.source.is_html

    options = render_options(config.markdown_extensions, config.mdx_configs)
    return PostRendering(options, is_html)


def _link_pages(files: Files, config: MkDocsConfig, build: Build) -> None:
    """Every file is in place: links between them (the posts' banners checked), Liquid with
    the pages' URLs, and Jekyll's text pages (robots.txt...) rendered with it."""
    address = build.setup.options.settings.address
    build.links = SiteLinks(((f.dest_uri, f.url) for f in files), address.site_path, address.hosts)
    build.liquid = _liquid_renderer(files, config, build)
    for file in files:
        page = build.pages.get(file.src_uri)
        if page is not None and page.kind == "text":
            page_vars = {**page.front_matter, "url": page.url, "path": page.src_uri}
            file.content_string = build.render_liquid(page.body, page, page_vars)
    for entry in build.index:
        for hidden in banner_problems(entry, build.links):
            log.warning("%s", hidden)


def _read(file: File, source: PostSource, build: Build, problems: list[Problem]) -> Post | None:
    """Read one post; None (with a problem or an info line) when it is not published."""
    path = build.name(file)
    mtime = None
    if source.draft and file.abs_src_path:  # a draft is dated by its file's time
        with contextlib.suppress(OSError):
            modified = Path(file.abs_src_path).stat().st_mtime
            mtime = datetime.fromtimestamp(modified, timezone.utc)
    result = build.kept.reader.load(
        source, path, lambda: file.content_bytes, build.setup.options.settings, mtime=mtime
    )
    if result.problem is not None:
        problems.append(result.problem)
    if result.note is not None:
        log.info("%s: %s", path, result.note)
    return result.post


def _plan_listings(build: Build) -> tuple[list[Listing], list[Taxonomy], list[str]]:
    """The blog index, term and year pages of the posts, the taxonomies that have pages, and
    warnings about term names."""
    options = build.setup.options.listings
    taxonomies: list[Taxonomy] = []
    warnings: list[str] = []
    for kind, url in (("tag", options.tag_url), ("category", options.category_url)):
        taxonomy, found = build_taxonomy(build.index, kind, url or "/:name/")
        warnings += found
        if url:
            taxonomies.append(taxonomy)
    return plan_listings(build.index, taxonomies, options), taxonomies, warnings


def _place_posts(
    files: Files, config: MkDocsConfig, build: Build, post_files: dict[str, File]
) -> None:
    """Each published post's file at its Jekyll URL, out of the automatic nav; the others'
    files leave the site."""
    for page_uri, file in post_files.items():
        entry = build.index.get(page_uri)
        if entry is None or file.src_uri != page_uri:
            files.remove(file)
        if entry is None:
            continue
        if file.src_uri != page_uri:  # an HTML post: a page generated in its place
            file = _html_post_page(file, page_uri, config)
            files.append(file)
        place(file, entry.dest, config.site_dir)
        file.inclusion = InclusionLevel.NOT_IN_NAV
        if file.page is None and build.rendering is not None:
            PostPage(file, config, build.rendering)


def _html_post_page(source: File, page_uri: str, config: MkDocsConfig) -> File:
    """The page of an HTML post, generated in place of its file: backed by that file, for
    plugins that read a page's `abs_src_path` (its body comes from `on_page_read_source`)."""
    inclusion = InclusionLevel.NOT_IN_NAV
    if source.abs_src_path is None:
        return File.generated(config, page_uri, content="", inclusion=inclusion)
    return File.generated(config, page_uri, abs_src_path=source.abs_src_path, inclusion=inclusion)


def _add_listings(
    generated: GeneratedFiles, config: MkDocsConfig, build: Build, listings: list[Listing]
) -> None:
    """Generate the listing pages; pages the user wrote win (and show the listing)."""
    for listing in listings:
        if listing.term is not None and listing.number == 1:
            for spelling in listing.term.spellings:
                build.term_urls[(listing.kind, spelling)] = listing.dest.url
        # Out of the automatic nav: on_nav gathers the index pages in one section.
        file = generated.add(listing.dest, LISTING_MARKDOWN)
        if file is not None:  # its page (MkDocs makes one for a page in an explicit nav)
            ListingPage(file, config, build.listing_conversion)
        owner = file or generated.at(listing.dest.dest_uri)
        build.listings[owner.src_uri] = listing


def _add_feeds(
    generated: GeneratedFiles, config: MkDocsConfig, build: Build, taxonomies: list[Taxonomy]
) -> None:
    """The feeds' files, empty: MkDocs takes files in on_files only, and a feed's entries are
    the posts' HTML, made page by page after it; each feed is written in on_env."""
    setup = build.setup
    feed_options = setup.options.feeds
    build.feeds = plan_feeds(
        feed_options, build.index, taxonomies, has_site_url=bool(config.site_url)
    )
    missing = without_site_url(
        feed=bool(feed_options.path), seo=setup.plugin.seo, site_url=config.site_url
    )
    if missing is not None and not setup.plugin.jekyll_config:  # else on_config warned
        log.info("%s: set site_url in mkdocs.yml", missing)
    for feed in build.feeds:
        feed_file = generated.add(feed.path, "")
        if feed_file is not None:
            build.feed_files[feed.path] = feed_file
    full_text = {
        e.post.source.page_uri for feed in build.feeds if feed_options.content for e in feed.entries
    }
    kept = build.kept
    kept.post_html = {k: v for k, v in kept.post_html.items() if k in full_text}
    build.full_text_posts = frozenset(full_text)


def _liquid_renderer(files: Files, config: MkDocsConfig, build: Build) -> LiquidRenderer:
    """Liquid for post bodies: `site.*` from `extra` and the Jekyll config, `post_url` and
    `link` resolved to the pages' URLs on the site."""
    setup = build.setup
    site_path = urlsplit(config.site_url or "").path.rstrip("/")
    settings = setup.options.settings
    baseurl = settings.baseurl if setup.jekyll else site_path
    url = settings.jekyll_url or (config.site_url or "").removesuffix(site_path + "/")
    by_name = post_names(build.index)
    by_src = {f.src_uri: f.url for f in files}
    return LiquidRenderer(
        site={**config.extra, **setup.jekyll, "data": setup.site_data, "url": url,
              "baseurl": baseurl},
        includes_dir=Path(config.docs_dir, setup.plugin.includes_dir),
        post_url=lambda name: _root(by_name.get(name.strip("/"))),
        link_url=lambda path: _root(by_src.get(path.strip("/"))),
        baseurl=baseurl,
        url=url,
        timezone=settings.timezone,
    )  # fmt: skip


def _root(url: str | None) -> str | None:
    """A URL relative to the site root as a path from the root (`/x/`)."""
    return None if url is None else "/" + url.removeprefix("./")
