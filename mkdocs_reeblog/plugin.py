"""The `reeblog` MkDocs plugin: MkDocs' events, in the order MkDocs calls them, each handed to
the module that does its work.

The plugin holds what lives across `mkdocs serve` rebuilds (`Kept`: the posts read, their
excerpts), the configuration's `Setup` (`configure.py`) and the current `Build`
(`build.py`), which `on_files` plans (`planner.py`) and the events after it read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from mkdocs_reeblog.build import Build, Kept
from mkdocs_reeblog.config import ReeblogConfig
from mkdocs_reeblog.configure import Setup, configure
from mkdocs_reeblog.jekyll.reader import PostReader
from mkdocs_reeblog.navigation import arrange_blog
from mkdocs_reeblog.page_markdown import page_markdown, read_source
from mkdocs_reeblog.page_writing import (
    for_search,
    for_theme,
    log_speed_paths,
    post_content,
    start_writing,
    written_page,
)
from mkdocs_reeblog.planner import plan_build

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

__all__ = ["ReeblogPlugin"]

log = get_plugin_logger(__name__)


class ReeblogPlugin(BasePlugin[ReeblogConfig]):
    """Publishes the Jekyll posts found in `_posts/` folders of `docs_dir`."""

    def __init__(self) -> None:
        self.command = "build"
        self.kept = Kept()
        """What lives across the builds of one command."""
        self.setup = Setup()
        """The configuration, read in on_config."""
        self.build = Build()
        """The current build, planned in on_files."""

    # Defining on_startup keeps one plugin instance for the whole `mkdocs serve` session.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.kept = Kept(reader=PostReader(remember=command == "serve"))

    # Default priority: the configuration as the other plugins leave it in theirs.
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.setup = configure(config, self.config, self.command)
        self.build = Build(self.setup, self.kept)
        return config

    # After plugins that add files (gen-files runs at 0), before those that build a nav
    # from the files (literate-nav runs at -100), so they see posts at their Jekyll URLs.
    @event_priority(-50)
    def _files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.setup.neighbours.files_late:
            self.build = plan_build(files, config, self.setup, self.kept)
        return files

    # After mkdocs-static-i18n (-100), which makes every file of the site anew.
    @event_priority(-110)
    def _files_after_i18n(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.setup.neighbours.files_late:
            self.build = plan_build(files, config, self.setup, self.kept)
        return files

    on_files = CombinedEvent(_files, _files_after_i18n)

    # Default priority: the nav MkDocs and the nav plugins (literate-nav, in on_files) made,
    # before Material's blog plugin (-50) attaches its own pages to its section.
    def _blog_section(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """A "Blog" section for the index pages; posts go between their neighbours by date."""
        build = self.build
        posts = [entry.post.source.page_uri for entry in build.index]
        explicit = config.nav is not None
        arrange_blog(
            nav, files, self.config.nav_title, build.listings, posts, explicit_nav=explicit
        )
        build.nav_is_empty = not nav.items
        return nav

    # After Material's blog plugin (-50) has built its own section.
    @event_priority(-60)
    def _nav_after_blog(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Material's blog plugin's section goes when its blog has no post."""
        section = self.setup.neighbours.empty_blog_section(nav)
        if section is not None:
            nav.items.remove(section)
            log.info("Material's blog plugin has no post: its empty section is left out")
        return nav

    on_nav = CombinedEvent(_blog_section, _nav_after_blog)

    # Default priority: MkDocs reads a page's file only when no handler returns its source.
    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """A post or Jekyll page was read in `on_files`: MkDocs gets its body."""
        return read_source(self.build, page)

    # Before other plugins (Material's tags plugin reads page.meta at -50), so that they see
    # Jekyll's front matter normalised: lists of tags and categories, dates as datetimes.
    @event_priority(50)
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        return page_markdown(self.build, markdown, page, config)

    # Default priority: the post's HTML as MkDocs and the other plugins' Markdown made it.
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return post_content(self.build, html, page)

    # Runs when every page's HTML exists: post headers and cards are rendered with the theme's
    # environment, so that templates in `custom_dir` override the package's.
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        start_writing(self.build, env, config, files)
        return env

    # Before search plugins (priority 0) read the page's content. Listings are filled page by
    # page, rather than all in `on_env`, so that their HTML can go once each page is written.
    @event_priority(50)
    def _for_search(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        return for_search(self.build, context, page, config)

    # After search plugins (priority 0) have indexed the page.
    @event_priority(-100)
    def _for_theme(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        for_theme(self.build, page, config)
        return context

    on_page_context = CombinedEvent(_for_search, _for_theme)

    # Default priority: the page as the theme wrote it (a minifier beside it changes nothing
    # that the feed's link or a redirect depends on).
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return written_page(self.build, output, page, config)

    # Before search plugins (priority 0) write their index, the peak of a build's memory.
    @event_priority(100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Every page is written: the cards, chips and views made for them can go (a `serve`
        rebuild makes them anew; what is kept across rebuilds stays)."""
        self.build.html = None
        log_speed_paths(self.build)

    # Default priority: nothing of reeblog is used after the command.
    def on_shutdown(self) -> None:
        """The command is done: the posts, pages and caches held since go now, while they are
        cheap to free. Held to the interpreter's exit, they would be freed there, after its
        garbage collections had walked them all."""
        self.kept = Kept()
        self.setup = Setup()
        self.build = Build()
