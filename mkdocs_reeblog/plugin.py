"""The `reeblog` MkDocs plugin: thin event handlers over the pure modules of this package."""

from __future__ import annotations

import contextlib
import os
import posixpath
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin, urlsplit

from jinja2 import TemplateNotFound
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.utils import dirname_to_title, get_relative_url, get_theme_dir

from mkdocs_reeblog.blog.excerpt import ExcerptCache, text_excerpt
from mkdocs_reeblog.blog.feed import (
    PlannedFeed,
    SiteInfo,
    feed_link,
    plan_feeds,
    render_feed,
    without_site_url,
)
from mkdocs_reeblog.blog.index import BlogIndex, PublishedPost, build_index, post_names
from mkdocs_reeblog.blog.links import BASE, without_base
from mkdocs_reeblog.blog.listings import (
    LISTING_MARKDOWN,
    MARKER,
    Listing,
    listing_title,
    plan_listings,
    posts_at_listing_urls,
)
from mkdocs_reeblog.blog.redirects import (
    old_urls,
    redirect_html,
    redirect_sources,
    redirect_target,
    source_path,
)
from mkdocs_reeblog.blog.seo import post_description, post_seo, site_seo
from mkdocs_reeblog.blog.taxonomy import Taxonomy, build_taxonomy
from mkdocs_reeblog.blog_html import BlogHtml
from mkdocs_reeblog.config import ReeblogConfig
from mkdocs_reeblog.generated import GeneratedFiles, place
from mkdocs_reeblog.jekyll.data import read_data_dir
from mkdocs_reeblog.jekyll.dates import DateError
from mkdocs_reeblog.jekyll.liquid import LiquidRenderer, has_liquid
from mkdocs_reeblog.jekyll.pages import JekyllPage
from mkdocs_reeblog.jekyll.posts import Post, PostSource, find_post_source, is_jekyll_only
from mkdocs_reeblog.jekyll.problems import Problem
from mkdocs_reeblog.jekyll.reader import PostReader
from mkdocs_reeblog.jekyll.settings import (
    JekyllConfigError,
    read_jekyll_config,
)
from mkdocs_reeblog.jekyll.urls import PermalinkError, check_permalink
from mkdocs_reeblog.meta import page_meta, safe_meta, set_aside
from mkdocs_reeblog.navigation import add_blog_section, link_posts
from mkdocs_reeblog.neighbours import Neighbours, social_card_fits, split_redirect_map
from mkdocs_reeblog.options import Options, resolve_options
from mkdocs_reeblog.page_files import find_pages
from mkdocs_reeblog.post_render import PostPage, PostRendering, page_source, render_options
from mkdocs_reeblog.site_links import SiteLinks
from mkdocs_reeblog.site_settings import adopt_jekyll_settings, written_config
from mkdocs_reeblog.speed.listing_page import ListingConversion, ListingPage
from mkdocs_reeblog.speed.nav_cache import NavCache
from mkdocs_reeblog.views import DateFormatter, banner_problems

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

__all__ = ["ReeblogPlugin"]

log = get_plugin_logger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
POST_TEMPLATE = "reeblog/post.html"
LISTING_PAGE_TEMPLATE = "reeblog/listing-page.html"
PAGE_TEMPLATE = "reeblog/page.html"
STYLESHEET = "reeblog/reeblog.css"
_NOT_MACROS = {"render_macros": False}
"""`page.meta` that mkdocs-macros honours first: it leaves the page as it is."""


class ReeblogPlugin(BasePlugin[ReeblogConfig]):
    """Publishes the Jekyll posts found in `_posts/` folders of `docs_dir`."""

    def __init__(self) -> None:
        self._start_empty()

    def _start_empty(self) -> None:
        """Hold nothing of a site: the state before the first build and after the last."""
        self.options = Options()
        """The build's options, resolved in on_config (`options.py`)."""
        self.index = BlogIndex()
        self.links = SiteLinks((), lambda _url: None)
        self.config_dir = Path.cwd()
        self._folders: dict[str, str] = {}
        self.html: BlogHtml | None = None
        """The posts' cards, chips and views, made in on_env, until every page is written."""
        self._content_before: dict[str, str] = {}
        """Pages being written: their content before on_page_context added to it (a listing,
        a post's header), put back in on_post_page."""
        self._newest: Listing | None = None
        """The blog index's first page: what the marker shows outside a listing page."""
        self.dates = DateFormatter("en", "long")
        self.command = "build"
        self.reader = PostReader()
        self.jekyll: dict[str, Any] = {}
        self.site_data: dict[str, Any] = {}
        """Liquid's `site.data`: the Jekyll `_data` folder's files."""
        self.listings: dict[str, Listing] = {}
        self.pages: dict[str, JekyllPage] = {}
        """Jekyll pages (outside `_posts`, with a front matter) by the `src_uri` of their page."""
        """Listing pages by the `src_uri` of the page that shows them."""
        self.term_urls: dict[tuple[str, str], str] = {}
        self.listing_conversion = ListingConversion(LISTING_MARKDOWN)
        """The generated listing pages' Markdown, converted once a build (`speed/`)."""
        self.rendering: PostRendering | None = None
        """The posts' renderer for this build (None with `markdown: mkdocs`: MkDocs renders)."""
        self.taxonomies: list[Taxonomy] = []
        self.feeds: list[PlannedFeed] = []
        self.feed_files: dict[str, File] = {}
        """The files of `feeds` (a feed whose path a file of the site takes has none)."""
        self.post_html: dict[str, str] = {}
        """The HTML of the posts that feeds show in full."""
        self.full_text_posts: set[str] = set()
        self._sitemap_dates: dict[datetime, str] = {}
        """`_sitemap_date` of each post's date, for this build."""
        self.liquid = LiquidRenderer(
            site={},
            includes_dir=None,
            post_url=lambda _: None,
            link_url=lambda _: None,
            baseurl="",
            url="",
        )
        self.excerpts: dict[str, str] = {}
        """Each post's card excerpt (HTML with `BASE` links), kept across `serve` rebuilds."""
        self._excerpts = ExcerptCache()
        self.nav_cache: NavCache | None = None
        """Material's sidebar, drawn once for the pages that show it alike (this build's)."""
        self._nav_is_empty = False
        """No entry in this build's nav: Material draws no sidebar, there is nothing to cache."""
        self.neighbours = Neighbours()
        """The other plugins of the build that reeblog makes room for (`neighbours.py`)."""

    # Defining on_startup keeps one plugin instance for the whole `mkdocs serve` session.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.reader = PostReader(remember=command == "serve")

    def on_shutdown(self) -> None:
        """The command is done: the posts, pages and caches held since go now, while they are
        cheap to free. Held to the interpreter's exit, they would be freed there, after its
        garbage collections had walked them all."""
        self._start_empty()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.config_dir = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self._folders = {}
        jekyll: dict[str, Any] = {}
        if self.config.jekyll_config:
            try:
                jekyll = read_jekyll_config(Path(self.config.jekyll_config))
            except JekyllConfigError as exc:
                raise PluginError(f"reeblog: jekyll_config: {exc}") from exc
            config.watch.append(str(self.config.jekyll_config))
            adopt_jekyll_settings(config, jekyll, self.config.jekyll_config, self.command)
        self.jekyll = jekyll
        try:
            self.options = resolve_options(
                self.config,
                jekyll,
                site_url=self._published_site_url(config),
                use_directory_urls=config.use_directory_urls,
                now=datetime.now(timezone.utc),
            )
        except (DateError, ValueError) as exc:
            raise PluginError(f"reeblog: {exc}") from exc
        for problem in self.options.settings.defaults.problems:
            log.warning("%s: %s", self.config.jekyll_config, problem)
        self.site_data = self._read_site_data(config)
        self._sitemap_dates = {}  # they depend on the build's time
        for key in ("permalink", "redirect_from_permalink"):
            try:
                check_permalink(self.config[key] or "date")
            except PermalinkError as exc:
                raise PluginError(f"reeblog: {key}: {exc}") from exc
        language = str(config.theme.get("language") or config.theme.locale or "en")
        try:
            self.dates = DateFormatter(language, self.config.date_format)
        except ValueError as exc:
            raise PluginError(f"reeblog: {exc}") from exc
        self.index = BlogIndex()
        self.neighbours = Neighbours.of(config)
        for note in self.neighbours.notes():
            log.info("%s", note)
        if str(TEMPLATES) not in config.theme.dirs:
            config.theme.dirs.append(str(TEMPLATES))
        if STYLESHEET not in config.extra_css:
            config.extra_css.insert(0, STYLESHEET)
        return config

    def _read_site_data(self, config: MkDocsConfig) -> dict[str, Any]:
        """`site.data` from Jekyll's `data_dir` (`_data`) in `docs_dir`, else beside the Jekyll
        config; a file that cannot be read is left out with a warning."""
        name = str(self.jekyll.get("data_dir") or "_data")
        folders = [Path(config.docs_dir, name)]
        if self.config.jekyll_config:
            folders.append(Path(self.config.jekyll_config).resolve().parent / name)
        folder = next((f for f in folders if f.is_dir()), None)
        if folder is None:
            return {}
        if not folder.resolve().is_relative_to(Path(config.docs_dir).resolve()):
            config.watch.append(str(folder))  # `mkdocs serve` watches docs_dir already
        data, problems = read_data_dir(
            folder, Path(os.path.relpath(folder, self.config_dir)).as_posix()
        )
        for problem in problems:
            log.warning("%s", problem)
        return data

    def _published_site_url(self, config: MkDocsConfig) -> str | None:
        """`site_url` as `mkdocs.yml` says: `mkdocs serve` replaces it by its own address, but
        links that name the published site must still be recognised as the site's own."""
        if self.command != "serve":
            return config.site_url
        written = written_config(config).get("site_url")
        return str(written) if written else config.site_url

    # After plugins that add files (gen-files runs at 0), before those that build a nav
    # from the files (literate-nav runs at -100), so they see posts at their Jekyll URLs.
    @event_priority(-50)
    def _files(self, files: Files, *, config: MkDocsConfig) -> Files:
        return files if self.neighbours.files_late else self._add_posts(files, config)

    # After mkdocs-static-i18n (-100), which makes every file of the site anew.
    @event_priority(-110)
    def _files_after_i18n(self, files: Files, *, config: MkDocsConfig) -> Files:
        return self._add_posts(files, config) if self.neighbours.files_late else files

    on_files = CombinedEvent(_files, _files_after_i18n)

    def _add_posts(self, files: Files, config: MkDocsConfig) -> Files:
        """Read the posts, place them at their Jekyll URLs, add listings, redirects and feeds."""
        posts: list[Post] = []
        post_files: dict[str, File] = {}
        # Jekyll pages at their Jekyll URLs (page_files.py), before the posts take theirs.
        self.pages, problems = find_pages(
            files,
            config,
            name=self._path,
            settings=self.options.settings,
            markdown_pages=bool(self.config.jekyll_config),
        )
        for file in list(files):
            if is_jekyll_only(file.src_uri, self.config.includes_dir):
                files.remove(file)
                continue
            found = find_post_source(file.src_uri)
            if found is None:
                continue
            post_files[found.page_uri if isinstance(found, PostSource) else file.src_uri] = file
            if isinstance(found, str):
                log.info("%s: left out, as Jekyll does: %s", self._path(file), found)
                continue
            post = self._read(file, found, problems)
            if post is not None:
                posts.append(post)
        post_sources = {file.src_uri for file in post_files.values()}
        taken = {f.dest_uri: self._path(f) for f in files if f.src_uri not in post_sources}
        self.index, collisions = build_index(
            posts, taken=taken, use_directory_urls=config.use_directory_urls
        )
        problems.extend(collisions)
        listings, term_warnings = self._plan_listings(config)
        clashes = posts_at_listing_urls(listings, self.index)
        if clashes:  # the generated page wins: its URL is the blog's structure
            problems.extend(clashes.values())
            kept = [entry.post for entry in self.index if entry.post.path not in clashes]
            self.index, _ = build_index(
                kept, taken=taken, use_directory_urls=config.use_directory_urls
            )
            listings, term_warnings = self._plan_listings(config)
        self.rendering = (
            PostRendering(
                render_options(config.markdown_extensions, config.mdx_configs), self._is_html
            )
            if self.config.markdown == "kramdown"
            else None
        )
        for problem in sorted(problems):
            log.warning("%s", problem)
        for warning in term_warnings:
            log.warning("%s", warning)
        for taxonomy in self.taxonomies:
            for note in taxonomy.merged:
                log.info("%s", note)
        for page_uri, file in post_files.items():
            entry = self.index.get(page_uri)
            if entry is None or file.src_uri != page_uri:
                files.remove(file)
            if entry is None:
                continue
            if file.src_uri != page_uri:  # an HTML post: a page generated in its place
                file = _html_post_page(file, page_uri, config)
                files.append(file)
            place(file, entry.dest, config.site_dir)
            file.inclusion = InclusionLevel.NOT_IN_NAV
            if file.page is None and self.rendering is not None:
                PostPage(file, config, self.rendering)
        generated = GeneratedFiles(files, config, self._path)
        self._add_listings(generated, config, listings)
        self._add_redirects(generated, config, files)
        feed_options = self.options.feeds
        self.feeds = plan_feeds(
            feed_options, self.index, self.taxonomies, has_site_url=bool(config.site_url)
        )
        missing = without_site_url(
            feed=bool(feed_options.path), seo=self.config.seo, site_url=config.site_url
        )
        if missing is not None and not self.config.jekyll_config:  # else on_config warned
            log.info("%s: set site_url in mkdocs.yml", missing)
        # MkDocs takes files in on_files only, and a feed's entries are the posts' HTML, made
        # page by page after it: each feed is added empty and written in on_env.
        self.feed_files = {}
        for feed in self.feeds:
            feed_file = generated.add(feed.path, "")
            if feed_file is not None:
                self.feed_files[feed.path] = feed_file
        self.full_text_posts = {
            e.post.source.page_uri
            for feed in self.feeds
            if feed_options.content
            for e in feed.entries
        }
        self.post_html = {k: v for k, v in self.post_html.items() if k in self.full_text_posts}
        address = self.options.settings.address
        self.links = SiteLinks(
            ((f.dest_uri, f.url) for f in files), address.site_path, address.hosts
        )
        self.liquid = self._liquid_renderer(files, config)
        for file in files:  # Jekyll's text pages (robots.txt...): their Liquid rendered
            page = self.pages.get(file.src_uri)
            if page is not None and page.kind == "text":
                page_vars = {**page.front_matter, "url": page.url, "path": page.src_uri}
                file.content_string = self._render_liquid(page.body, page, page_vars)
        for entry in self.index:
            for hidden in banner_problems(entry, self.links):
                log.warning("%s", hidden)
        return files

    def _is_html(self, src_uri: str) -> bool:
        """Whether the post of a page is an HTML post (published as written, no Markdown)."""
        entry = self.index.get(src_uri)
        return entry is not None and entry.post.source.is_html

    def _liquid_renderer(self, files: Files, config: MkDocsConfig) -> LiquidRenderer:
        """Liquid for post bodies: `site.*` from `extra` and the Jekyll config, `post_url` and
        `link` resolved to the pages' URLs on the site."""
        site_path = urlsplit(config.site_url or "").path.rstrip("/")
        settings = self.options.settings
        baseurl = settings.baseurl if self.jekyll else site_path
        url = settings.jekyll_url or (config.site_url or "").removesuffix(site_path + "/")
        by_name = post_names(self.index)
        by_src = {f.src_uri: f.url for f in files}
        return LiquidRenderer(
            site={
                **config.extra,
                **self.jekyll,
                "data": self.site_data,
                "url": url,
                "baseurl": baseurl,
            },
            includes_dir=Path(config.docs_dir, self.config.includes_dir),
            post_url=lambda name: _root(by_name.get(name.strip("/"))),
            link_url=lambda path: _root(by_src.get(path.strip("/"))),
            baseurl=baseurl,
            url=url,
            timezone=settings.timezone,
        )

    def _add_redirects(self, generated: GeneratedFiles, config: MkDocsConfig, files: Files) -> None:
        """Pages at the posts' and pages' old URLs (`redirect_from`, `redirect_from_permalink`)
        and at the old URLs of the `redirects` option."""
        for entry in self.index:
            line = entry.post.key_lines.get("redirect_from", 1)
            for old_url in old_urls(entry.post, self.config.redirect_from_permalink):
                owner = Problem(entry.post.path, line, f"redirect_from {old_url}")
                self._add_redirect(generated, config, old_url, entry.dest.url, owner)
        for src_uri, page in self.pages.items():
            line = page.key_lines.get("redirect_from", 1)
            target = files.get_file_from_path(src_uri)
            for old_url in redirect_sources(page.front_matter):
                owner = Problem(page.path, line, f"redirect_from {old_url}")
                if target is not None:
                    self._add_redirect(generated, config, old_url, target.url, owner)
        for old_url, new_url in self.config.redirects.items():
            owner = Problem("mkdocs.yml", 1, f"redirects: {old_url}")
            self._add_redirect(generated, config, str(old_url), _site_link(str(new_url)), owner)
        to_posts, others = split_redirect_map(
            self.neighbours.redirect_maps(), lambda src: self.index.get(src) is not None
        )
        for redirect in to_posts:  # mkdocs-redirects' entries that point at posts
            post_entry = self.index.get(redirect.src_uri)
            if post_entry is not None:
                path = File(redirect.old, "", "", config.use_directory_urls).dest_uri
                to = post_entry.dest.url
                self._redirect_page(generated, config, path, to, None, redirect.fragment)
        self.neighbours.keep_redirects(others)

    def _add_redirect(
        self,
        generated: GeneratedFiles,
        config: MkDocsConfig,
        old_url: str,
        target: str,
        owner: Problem,
    ) -> None:
        """A redirect page at `old_url` to `target` (a link relative to the site's root, as
        `File.url`, or an absolute URL); none when `old_url` is the target itself."""
        path = source_path(old_url)
        own = unquote(target)
        if path is None or path == (own + "index.html" if own.endswith("/") or not own else own):
            return
        self._redirect_page(generated, config, path, target, owner)

    @staticmethod
    def _redirect_page(
        generated: GeneratedFiles,
        config: MkDocsConfig,
        path: str,
        target: str,
        owner: Problem | None,
        fragment: str = "",
    ) -> None:
        """The redirect page written at `path` (a `dest_uri`) to `target` (as `_add_redirect`
        takes it), `#fragment` included."""
        if "://" in target:
            generated.add(path, redirect_html(target + fragment, target), owner)
            return
        href = get_relative_url(target, path) + fragment
        canonical = urljoin(config.site_url, target) if config.site_url else None
        generated.add(path, redirect_html(href, canonical), owner)

    def _plan_listings(self, config: MkDocsConfig) -> tuple[list[Listing], list[str]]:
        """The blog index, term and year pages of the posts (and warnings about term names)."""
        options = self.options.listings
        taxonomies = self.taxonomies = []
        warnings: list[str] = []
        for kind, url in (("tag", options.tag_url), ("category", options.category_url)):
            taxonomy, found = build_taxonomy(self.index, kind, url or "/:name/")
            warnings += found
            if url:
                taxonomies.append(taxonomy)
        return plan_listings(self.index, taxonomies, options), warnings

    def _add_listings(
        self, generated: GeneratedFiles, config: MkDocsConfig, listings: list[Listing]
    ) -> None:
        """Generate the listing pages; pages the user wrote win (and show the listing)."""
        self.term_urls = {}
        self.listings = {}
        self.listing_conversion = ListingConversion(LISTING_MARKDOWN)
        for listing in listings:
            if listing.term is not None and listing.number == 1:
                for spelling in listing.term.spellings:
                    self.term_urls[(listing.kind, spelling)] = listing.dest.url
            # Out of the automatic nav: on_nav gathers the index pages in one section.
            file = generated.add(listing.dest, LISTING_MARKDOWN)
            if file is not None:  # its page (MkDocs makes one for a page in an explicit nav)
                ListingPage(file, config, self.listing_conversion)
            owner = file or generated.at(listing.dest.dest_uri)
            self.listings[owner.src_uri] = listing

    def _path(self, file: File) -> str:
        """The file as messages name it: relative to the folder of `mkdocs.yml`."""
        if file.src_uri in self.pages:  # the page generated for a Jekyll page names its file
            return self.pages[file.src_uri].path
        if file.abs_src_path is None:
            return file.src_uri
        folder, name = os.path.split(file.abs_src_path)
        if folder not in self._folders:  # one relpath per folder, not per post
            self._folders[folder] = Path(os.path.relpath(folder, self.config_dir)).as_posix()
        return posixpath.join(self._folders[folder], name)

    def _read(self, file: File, source: PostSource, problems: list[Problem]) -> Post | None:
        """Read one post; None (with a problem or an info line) when it is not published."""
        path = self._path(file)
        mtime = None
        if source.draft and file.abs_src_path:  # a draft is dated by its file's time
            with contextlib.suppress(OSError):
                modified = Path(file.abs_src_path).stat().st_mtime
                mtime = datetime.fromtimestamp(modified, timezone.utc)
        result = self.reader.load(
            source, path, lambda: file.content_bytes, self.options.settings, mtime=mtime
        )
        if result.problem is not None:
            problems.append(result.problem)
        if result.note is not None:
            log.info("%s: %s", path, result.note)
        return result.post

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """A post was read in `on_files`: MkDocs gets its body, not the file to read and parse
        again (the front matter becomes `page.meta` in `on_page_markdown`)."""
        entry = self.index.get(page.file.src_uri)
        if entry is not None:
            return page_source(entry.post.body)
        jekyll_page = self.pages.get(page.file.src_uri)
        return None if jekyll_page is None else jekyll_page.body

    # Before other plugins (Material's tags plugin reads page.meta at -50), so that they see
    # Jekyll's front matter normalised: lists of tags and categories, dates as datetimes.
    @event_priority(50)
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        entry = self.index.get(page.file.src_uri)
        if entry is not None:
            # The sitemap's <lastmod>: the post's own date, not the build's.
            page.update_date = self._sitemap_date(entry.post.updated)
            # What a plugin put in page.meta first (Material's meta plugin) is a default.
            defaults = {"template": POST_TEMPLATE, **_NOT_MACROS, **page.meta}
            page.meta = page_meta(entry.post, defaults)
            self._skip_social_card(page, config)
            body = self._render_liquid(markdown, entry.post, self._page_variables(entry.post))
            if entry.post.source.is_html:  # kept as written: a raw HTML block for Markdown
                return _html_block(body, "reeblog-html-post")
            return body
        jekyll_page = self.pages.get(page.file.src_uri)
        if jekyll_page is not None:
            return self._jekyll_page_markdown(jekyll_page, markdown, page, config)
        listing = self.listings.get(page.file.src_uri)
        if listing is not None and listing.posts:
            page.update_date = self._sitemap_date(max(e.post.updated for e in listing.posts))
        if listing is not None and page.file.generated_by is not None:
            page.meta = {
                "title": escape(self._listing_title(listing, config)),
                "template": LISTING_PAGE_TEMPLATE,
                "search": {"exclude": True},
                "draft": True,  # for mkdocs-rss-plugin: no article of the site
                **_NOT_MACROS,
            }
            self._skip_social_card(page, config)
        return markdown

    def _skip_social_card(self, page: Page, config: MkDocsConfig) -> None:
        """Material's social plugin skips a page it has no place for a card of."""
        if self.neighbours.social_card(page, config) and not social_card_fits(
            page.file.dest_uri,
            use_directory_urls=config.use_directory_urls,
            is_index=page.is_index,
        ):
            social = page.meta.get("social")
            page.meta["social"] = {**(social if isinstance(social, dict) else {}), "cards": False}

    def _sitemap_date(self, moment: datetime) -> str:
        """A `page.update_date` MkDocs can use: between 1970 and the build (MkDocs stamps the
        sitemap's gzip file with the newest one, which must fit in 32 bits)."""
        found = self._sitemap_dates.get(moment)
        if found is None:
            earliest = datetime(1970, 1, 2, tzinfo=timezone.utc)
            found = min(max(moment, earliest), self.options.settings.now).strftime("%Y-%m-%d")
            self._sitemap_dates[moment] = found
        return found

    def _jekyll_page_markdown(
        self, jekyll_page: JekyllPage, markdown: str, page: Page, config: MkDocsConfig
    ) -> str:
        """A Jekyll page's meta (its front matter, made safe) and its body after Liquid; a home
        page gets the listing after its own text; an HTML page is kept as written."""
        title = jekyll_page.title
        if title is None and jekyll_page.is_home:
            title = config.site_name
        elif title is None and jekyll_page.kind == "html":
            title = dirname_to_title(posixpath.splitext(posixpath.basename(jekyll_page.src_uri))[0])
        meta = {"template": PAGE_TEMPLATE, **jekyll_page.front_matter}
        if title:
            meta["title"] = title
        page.meta = safe_meta(meta)
        page_vars = {**jekyll_page.front_matter, "url": jekyll_page.url, "title": title,
                     "path": jekyll_page.src_uri}  # fmt: skip
        body = self._render_liquid(markdown, jekyll_page, page_vars)
        if jekyll_page.kind == "html":
            body = _html_block(body, "reeblog-html-page")
        return body + f"\n\n{MARKER}\n" if jekyll_page.is_home else body

    @staticmethod
    def _page_variables(post: Post) -> dict[str, Any]:
        """Liquid's `page.*` of a post."""
        return {
            **post.front_matter,
            "url": post.url,
            "id": post.id,
            "date": post.date,
            "title": post.title,
            "slug": post.slug,
            "categories": list(post.categories),
            "tags": list(post.tags),
        }

    def _render_liquid(
        self, markdown: str, source: Post | JekyllPage, page_vars: dict[str, Any]
    ) -> str:
        """The body of a post or page after Liquid, as Jekyll renders it before Markdown.

        `markdown` is the body as MkDocs hands it over: without its leading blank lines, and
        changed by any plugin that ran first. When nothing changed it, the file's own body is
        used (its lines are the file's lines, for messages, and it is one string, not two).
        """
        first_line = source.body_line
        stripped = source.body.lstrip("\n")
        if markdown == stripped:
            markdown = source.body
        else:
            first_line += len(source.body) - len(stripped)
        if not has_liquid(markdown):
            return markdown
        result = self.liquid.render(
            markdown, path=source.path, first_line=first_line, page=page_vars
        )
        for problem in result.problems:
            log.warning("%s", problem)
        return result.text

    def _listing_title(
        self, listing: Listing, config: MkDocsConfig, *, heading: bool = False
    ) -> str:
        return listing_title(
            listing,
            site_name=config.site_name,
            blog_title=self.config.blog_title,
            nav_title=self.config.nav_title,
            heading=heading,
        )

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        entry = self.index.get(page.file.src_uri)
        if entry is None:
            return html
        html = self.links.localize_html(html, page.url)
        post = entry.post
        if post.source.page_uri in self.full_text_posts:
            self.post_html[post.source.page_uri] = html
        excerpt = post.front_matter.get("excerpt")
        if isinstance(excerpt, str) and excerpt.strip():
            self.excerpts[post.source.page_uri] = text_excerpt(excerpt)
        else:
            self.excerpts[post.source.page_uri] = self._excerpts.excerpt(
                post.source.page_uri,
                html,
                post_url=entry.dest.url,
                max_chars=self.config.excerpt_length,
                separator=post.excerpt_separator if post.excerpt_separator.strip() else None,
            )
        return html

    # Runs when every page's HTML exists: post headers and cards are rendered with the theme's
    # environment, so that templates in `custom_dir` override the package's.
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        self.nav_cache = self._install_nav_cache(env, config)
        self._check_templates(env, files)
        self.html = BlogHtml(
            env,
            config,
            self.index,
            excerpts=self.excerpts,
            term_urls=self.term_urls,
            links=self.links,
            dates=self.dates,
            words_per_minute=self.config.words_per_minute,
        )
        self._content_before = {}
        self._newest = next(
            (lst for lst in self.listings.values() if lst.kind == "blog" and lst.number == 1), None
        )
        for feed in self.feeds:
            if feed.path in self.feed_files:
                self.feed_files[feed.path].content_string = self._render_feed(feed, config)
        return env

    def _install_nav_cache(self, env: Environment, config: MkDocsConfig) -> NavCache | None:
        """Material's sidebar drawn once (`speed/nav_cache.py`), unless `cache_nav: false`, another
        theme (it knows Material's templates only) or no nav (no sidebar to draw); when the
        cache cannot be used with Material, one info line says why."""
        if not self.config.cache_nav or config.theme.name != "material" or self._nav_is_empty:
            return None
        found = NavCache.install(env, get_theme_dir("material"))
        if isinstance(found, NavCache):
            return found
        _log_nav_cache_off(found)
        return None

    def _check_templates(self, env: Environment, files: Files) -> None:
        """A post whose `template` the theme lacks (a Jekyll theme's, most likely) gets the post
        template, and an info line; its `template` is kept under `page.meta["jekyll"]`."""
        for entry in self.index:
            page = self._page(files, entry.post.source.page_uri)
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

    def _render_feed(self, feed: PlannedFeed, config: MkDocsConfig) -> str:
        site_url = config.site_url or ""
        site = SiteInfo(site_url, config.site_name, config.site_description, config.site_author)
        return render_feed(
            feed,
            site,
            summaries=self.excerpts,
            contents=self.post_html,
            image=lambda entry: self._absolute_banner(entry, site_url),
        )

    def _absolute_banner(self, entry: PublishedPost, site_url: str) -> str | None:
        """The social image's absolute URL (for feeds and social tags), when it is safe to show."""
        if self.html is None or not site_url:
            return None
        banner = self.html.views[entry.post.source.page_uri].social_image
        if banner is None:
            return None
        return urljoin(site_url, banner.src.removeprefix(BASE))

    def _fill_listing(self, page: Page, config: MkDocsConfig) -> None:
        """Put the page's listing (or the newest posts) where it says `<!-- reeblog:posts -->`."""
        if page.content is None or MARKER not in page.content or self.html is None:
            return
        listing = self.listings.get(page.file.src_uri) or self._newest
        if listing is None:
            return
        self._content_before.setdefault(page.file.src_uri, page.content)
        heading = without_base(self._listing_title(listing, config, heading=True))
        html = self.html.listing(listing, heading=heading, page=page, config=config)
        page.content = page.content.replace(MARKER, html, 1)

    # Before Material's search (priority 0) reads the content of a hand-written page that holds
    # a listing. Listings are filled page by page, rather than all in `on_env`, so that their
    # HTML can go once each page is written (on_post_page).
    @event_priority(50)
    def _listings_and_seo(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Listings, the post's title for search plugins, and social and SEO tags for posts and
        listing pages (`reeblog/seo.html`)."""
        if page.file.generated_by is None:  # a page of the user's with the marker
            self._fill_listing(page, config)
        entry = self.index.get(page.file.src_uri)
        if entry is not None and page.content is not None:
            self._content_before.setdefault(page.file.src_uri, page.content)
            page.content = _title_heading(entry.post.title) + page.content
        tags_variable = self.neighbours.tags_variable
        if entry is not None and tags_variable is not None:  # the header's chips are the tags
            context[tags_variable] = []  # type: ignore[literal-required]
        if self.config.seo:
            self._add_seo(context, page, config, entry)
        return context

    def _add_seo(
        self,
        context: TemplateContext,
        page: Page,
        config: MkDocsConfig,
        entry: PublishedPost | None,
    ) -> None:
        """Social and SEO tags of a post or a listing page, for `reeblog/seo.html`."""
        emit_description = config.theme.name != "material"  # Material writes page.meta's
        social = not self.neighbours.social_card(page, config)
        locale = self.dates.locale_id
        if entry is not None:
            post = entry.post
            description = post_description(post, self.excerpts.get(post.source.page_uri, ""))
            page.meta["description"] = escape(description)
            context["reeblog_seo"] = post_seo(  # type: ignore[typeddict-unknown-key]
                post,
                description=description,
                site_name=config.site_name,
                url=page.canonical_url,
                image=self._absolute_banner(entry, config.site_url or ""),
                site_author=config.site_author,
                locale=locale,
                emit_description=emit_description,
                social=social,
            )
        elif page.file.src_uri in self.pages and page.file.src_uri not in self.listings:
            jekyll_page = self.pages[page.file.src_uri]
            about = jekyll_page.front_matter.get("description")
            context["reeblog_seo"] = site_seo(  # type: ignore[typeddict-unknown-key]
                title=jekyll_page.title or page.title or config.site_name,
                site_name=config.site_name,
                description=str(about) if about else config.site_description,
                url=page.canonical_url,
                locale=locale,
                emit_description=emit_description,
            )
        elif page.file.src_uri in self.listings:
            listing = self.listings[page.file.src_uri]
            context["reeblog_seo"] = site_seo(  # type: ignore[typeddict-unknown-key]
                title=self._listing_title(listing, config),
                site_name=config.site_name,
                description=config.site_description,
                url=page.canonical_url,
                locale=locale,
                emit_description=emit_description,
                social=social,
            )

    # After search plugins (priority 0) have indexed the page: a post with its title heading
    # only (the rest of the header, date, terms and banner, is no text to search, and the
    # search plugin would parse it for every post), a generated listing
    # page empty (it is left out of the index, but Material's search still scans its content).
    @event_priority(-100)
    def _after_search(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """The generated listing, or the post's header (title, date, terms, banner) in place of
        its title heading."""
        if page.file.generated_by is not None:
            self._fill_listing(page, config)
        entry = self.index.get(page.file.src_uri)
        if entry is None or page.content is None or self.html is None:
            return context
        page.content = page.content.replace(_title_heading(entry.post.title), "", 1)
        page.content = self.html.header(entry, page, config) + page.content
        return context

    on_page_context = CombinedEvent(_listings_and_seo, _after_search)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """The feed's link in every page's head (no theme block reaches every page), and
        `redirect_to` posts replaced by a redirect."""
        # Written: what on_page_context added (a listing, a post's header) can go. MkDocs keeps
        # every page's content to the end of the build, and listings are a blog's largest pages.
        if page.file.src_uri in self._content_before:
            page.content = self._content_before.pop(page.file.src_uri)
        entry = self.index.get(page.file.src_uri)
        jekyll_page = self.pages.get(page.file.src_uri)
        front_matter = (
            entry.post.front_matter if entry else jekyll_page and jekyll_page.front_matter
        )
        target = redirect_target(front_matter) if front_matter else None
        if target is not None:
            return redirect_html(target, target if "://" in target else None)
        feed = self.feed_files.get(self.feeds[0].path) if self.feeds else None
        if feed is not None and "</head>" in output:
            link = feed_link(config.site_name, get_relative_url(feed.url, page.url))
            output = output.replace("</head>", link + "</head>", 1)
        return output

    # Before search plugins (priority 0) write their index, the peak of a build's memory.
    @event_priority(100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Every page is written: the cards, chips and views made for them can go (a `serve`
        rebuild makes them anew; what is kept across rebuilds stays)."""
        self.html = None
        if self.nav_cache is not None and self.nav_cache.declined is not None:
            _log_nav_cache_off(self.nav_cache.declined)

    def _blog_section(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """A "Blog" section for the index pages; posts go between their neighbours by date."""
        index_pages = [
            self._page(files, uri) for uri, listing in self.listings.items() if listing.in_nav
        ]
        section = add_blog_section(
            nav,
            self.config.nav_title,
            [page for page in index_pages if page is not None],
            explicit_nav=config.nav is not None,
        )
        self._nav_is_empty = not nav.items
        link_posts([self._page(files, e.post.source.page_uri) for e in self.index], section)
        if section is not None:  # breadcrumbs of tag, category and year pages
            for uri, listing in self.listings.items():
                page = self._page(files, uri)
                if page is not None and not listing.in_nav:
                    page.parent = section
        return nav

    # After Material's blog plugin (-50) has built its own section.
    @event_priority(-60)
    def _nav_after_blog(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Material's blog plugin's section goes when its blog has no post."""
        section = self.neighbours.empty_blog_section(nav)
        if section is not None:
            nav.items.remove(section)
            log.info("Material's blog plugin has no post: its empty section is left out")
        return nav

    on_nav = CombinedEvent(_blog_section, _nav_after_blog)

    @staticmethod
    def _page(files: Files, src_uri: str) -> Page | None:
        file = files.get_file_from_path(src_uri)
        return file.page if file is not None else None


def _log_nav_cache_off(reason: str) -> None:
    log.info("cache_nav is off: %s; the navigation sidebar is drawn for every page", reason)


def _site_link(url: str) -> str:
    """A URL path of the site (`/categories/`) as a link from its root (`categories/`), as
    `File.url` writes it; an absolute URL as it is."""
    return url if "://" in url else url.lstrip("/") or "./"


def _root(url: str | None) -> str | None:
    """A URL relative to the site root as a path from the root (`/x/`)."""
    return None if url is None else "/" + url.removeprefix("./")


def _html_block(body: str, css_class: str) -> str:
    """An HTML body kept as written: a raw HTML block for Markdown."""
    return f'<div class="{css_class}">\n{body.strip()}\n</div>\n'


def _html_post_page(source: File, page_uri: str, config: MkDocsConfig) -> File:
    """The page of an HTML post, generated in place of its file: backed by that file, for
    plugins that read a page's `abs_src_path` (its body comes from `on_page_read_source`)."""
    inclusion = InclusionLevel.NOT_IN_NAV
    if source.abs_src_path is None:
        return File.generated(config, page_uri, content="", inclusion=inclusion)
    return File.generated(config, page_uri, abs_src_path=source.abs_src_path, inclusion=inclusion)


def _title_heading(title: str) -> str:
    """The heading search plugins index a post under (the header replaces it afterwards)."""
    return f"<h1>{escape(title)}</h1>\n"
