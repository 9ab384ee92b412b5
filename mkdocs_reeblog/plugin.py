"""The `reeblog` MkDocs plugin: thin event handlers over the pure modules of this package."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from mkdocs_reeblog.config import ReeblogConfig
from mkdocs_reeblog.dates import DateError
from mkdocs_reeblog.index import BlogIndex, build_index
from mkdocs_reeblog.links import SiteLinks
from mkdocs_reeblog.posts import Post, PostSource, find_post_source, read_post
from mkdocs_reeblog.problems import PostError, Problem
from mkdocs_reeblog.render import DateFormatter, post_view
from mkdocs_reeblog.settings import (
    JekyllConfigError,
    Settings,
    read_jekyll_config,
    resolve_settings,
)

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

__all__ = ["ReeblogPlugin"]

log = get_plugin_logger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
POST_TEMPLATE = "reeblog/post.html"
POST_HEADER_TEMPLATE = "reeblog/post-header.html"
STYLESHEET = "reeblog/reeblog.css"
_SETTING_OPTIONS = ("permalink", "timezone", "excerpt_separator", "future", "show_drafts", "unpublished")


class ReeblogPlugin(BasePlugin[ReeblogConfig]):
    """Publishes the Jekyll posts found in `_posts/` folders of `docs_dir`."""

    def __init__(self) -> None:
        self.settings = Settings()
        self.index = BlogIndex()
        self.links = SiteLinks((), lambda _url: None)
        self.config_dir = Path.cwd()
        self.dates = DateFormatter("en", "long")
        self.command = "build"

    # Defining on_startup keeps one plugin instance for the whole `mkdocs serve` session.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.config_dir = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        jekyll: dict[str, Any] = {}
        if self.config.jekyll_config:
            try:
                jekyll = read_jekyll_config(Path(self.config.jekyll_config))
            except JekyllConfigError as exc:
                raise PluginError(f"reeblog: jekyll_config: {exc}") from exc
            config.watch.append(str(self.config.jekyll_config))
        options = {key: self.config[key] for key in _SETTING_OPTIONS}
        try:
            self.settings = resolve_settings(
                options, jekyll, site_url=config.site_url, now=datetime.now(timezone.utc)
            )
        except DateError as exc:
            raise PluginError(f"reeblog: {exc}") from exc
        language = str(config.theme.get("language") or config.theme.locale or "en")
        self.dates = DateFormatter(language, self.config.date_format)
        self.index = BlogIndex()
        if str(TEMPLATES) not in config.theme.dirs:
            config.theme.dirs.append(str(TEMPLATES))
        if STYLESHEET not in config.extra_css:
            config.extra_css.insert(0, STYLESHEET)
        return config

    # After plugins that add files (gen-files runs at 0), before those that build a nav
    # from the files (literate-nav runs at -100), so they see posts at their Jekyll URLs.
    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        posts: list[Post] = []
        problems: list[Problem] = []
        post_files: dict[str, File] = {}
        for file in list(files):
            found = find_post_source(file.src_uri)
            if found is None:
                continue
            post_files[file.src_uri] = file
            if isinstance(found, str):
                log.info("%s: left out, as Jekyll does: %s", self._path(file), found)
                continue
            post = self._read(file, found, problems)
            if post is not None:
                posts.append(post)
        taken = {f.dest_uri: self._path(f) for f in files if f.src_uri not in post_files}
        self.index, collisions = build_index(
            posts, taken=taken, use_directory_urls=config.use_directory_urls
        )
        problems.extend(collisions)
        for problem in sorted(problems):
            log.warning("%s", problem)
        for src_uri, file in post_files.items():
            entry = self.index.get(src_uri)
            if entry is None:
                files.remove(file)
                continue
            file.dest_uri = entry.dest.dest_uri
            file.url = entry.dest.url
            file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, entry.dest.dest_uri))
            file.inclusion = InclusionLevel.NOT_IN_NAV
        self.links = SiteLinks(((f.dest_uri, f.url) for f in files), self.settings.address.site_path)
        return files

    def _path(self, file: File) -> str:
        """The file as messages name it: relative to the folder of `mkdocs.yml`."""
        if file.abs_src_path is None:
            return file.src_uri
        return Path(os.path.relpath(file.abs_src_path, self.config_dir)).as_posix()

    def _read(self, file: File, source: PostSource, problems: list[Problem]) -> Post | None:
        """Read one post; None (with a problem or an info line) when it is not published."""
        path = self._path(file)
        settings = self.settings
        if source.draft and not settings.show_drafts:
            log.debug("%s: draft left out (show_drafts is false)", path)
            return None
        if not source.is_markdown:
            log.info("%s: left out: only Markdown posts (.md, .markdown) are converted", path)
            return None
        try:
            text = _decode(file.content_bytes)
            mtime = None
            if source.draft and file.abs_src_path:
                mtime = datetime.fromtimestamp(os.path.getmtime(file.abs_src_path), timezone.utc)
            post = read_post(source, path, text, settings, mtime=mtime)
        except PostError as exc:
            problems.append(Problem.from_error(path, exc, " (this post is left out)"))
            return None
        except OSError as exc:
            problems.append(Problem(path, 1, f"cannot be read: {exc.strerror} (this post is left out)"))
            return None
        if not post.published and not settings.unpublished:
            log.info("%s: left out: 'published' is false", path)
            return None
        if post.date > settings.now and not settings.future:
            log.info("%s: left out: dated in the future (%s); set future: true to publish it",
                     path, post.date.isoformat())  # fmt: skip
            return None
        return post

    # Before other plugins (Material's tags plugin reads page.meta at -50), so that they see
    # Jekyll's front matter normalised: lists of tags and categories, dates as datetimes.
    @event_priority(50)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        entry = self.index.get(page.file.src_uri)
        if entry is None:
            return markdown
        page.meta = entry.post.meta
        page.meta.setdefault("template", POST_TEMPLATE)
        return entry.post.body

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.index.get(page.file.src_uri) is None:
            return html
        return self.links.localize_html(html, page.url)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        header = env.get_template(POST_HEADER_TEMPLATE)
        for entry in self.index:
            file = files.get_file_from_path(entry.post.source.src_uri)
            if file is None or file.page is None or file.page.content is None:
                continue
            view = post_view(
                entry,
                from_url=file.url,
                links=self.links,
                dates=self.dates,
                words_per_minute=self.config.words_per_minute,
            )
            rendered = header.render(post=view, page=file.page, config=config)
            file.page.content = str(Markup(rendered) + Markup(file.page.content))
        return env


def _decode(raw: bytes) -> str:
    """A post's text as Jekyll reads it: UTF-8 (a byte-order mark is dropped), any newlines."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PostError(line, f"is not UTF-8 text (byte {exc.start}); save the file as UTF-8") from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")
