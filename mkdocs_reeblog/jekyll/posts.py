"""Jekyll posts: which files are posts, and what Jekyll reads from each (`jekyll/document.rb`)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from functools import cached_property
from typing import Any

from mkdocs_reeblog.jekyll.banner import Banner, card_and_social_images, find_banner
from mkdocs_reeblog.jekyll.dates import DateError, parse_date
from mkdocs_reeblog.jekyll.defaults import merge_front_matter
from mkdocs_reeblog.jekyll.frontmatter import FrontMatter, YamlTime, read_front_matter
from mkdocs_reeblog.jekyll.problems import PostError
from mkdocs_reeblog.jekyll.settings import Settings
from mkdocs_reeblog.jekyll.urls import PermalinkError, UrlFacts, expand_permalink

__all__ = ["Post", "PostSource", "find_post_source", "read_post", "ruby_to_s"]

POSTS_DIR = "_posts"
DRAFTS_DIR = "_drafts"
MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})

# `Document::DATE_FILENAME_MATCHER`, applied to the file name (the folders are matched apart).
_DATED_NAME = re.compile(r"^(\d{2,4}-\d{1,2}-\d{1,2})-(.*)(\.[^.]+)$", re.DOTALL)
_DATELESS_NAME = re.compile(r"^(.*)(\.[^.]+)$", re.DOTALL)
_ASCII_SPACES = re.compile(r"[ \t\n\v\f\r]+")

# Front-matter keys whose meaning this module owns; every other key goes to `Post.meta` as is.
_KNOWN_KEYS = frozenset({"title", "date", "slug", "categories", "category", "tags", "tag",
                         "published", "permalink", "excerpt_separator"})  # fmt: skip


JEKYLL_ONLY = frozenset({"_layouts", "_data", "_sass", "_site", "_plugins", "_config.yml"})
"""Folders and files of a Jekyll site that are never published (with `includes_dir`)."""


def is_jekyll_only(src_uri: str, includes_dir: str = "_includes") -> bool:
    """True for the files of Jekyll's machinery that a copied Jekyll site brings along."""
    first = src_uri.split("/", 1)[0]
    return (
        first in JEKYLL_ONLY
        or src_uri == includes_dir
        or src_uri.startswith(includes_dir.rstrip("/") + "/")
    )


def _is_special(name: str) -> bool:
    """Jekyll's `EntryFilter#special?` and `backup?`: names Jekyll never reads."""
    return name.startswith((".", "_", "#", "~")) or name.endswith("~")


def _is_skipped_inside(inside: list[str]) -> bool:
    """Whether Jekyll skips a path inside `_posts`.

    `EntryFilter` checks only the first folder and the file name of the path relative to
    `_posts` (`sub/_x/2024-01-01-a.md` is a post); Ruby's `Dir["**/*"]` skips dot folders.
    """
    return (
        _is_special(inside[0])
        or _is_special(inside[-1])
        or any(part.startswith(".") for part in inside)
    )


@dataclass(frozen=True)
class PostSource:
    """A file inside a `_posts` (or `_drafts`) folder and what its path says."""

    src_uri: str
    """Path relative to `docs_dir`, `/`-separated."""
    draft: bool
    dir_categories: tuple[str, ...]
    """Folders above `_posts`: Jekyll's categories from the path."""
    inner_path: str
    """Path inside `_posts`, with extension."""
    date_text: str | None
    """The `YYYY-MM-DD` of the file name (None for drafts)."""
    name: str
    """The file name after the date, without extension."""
    ext: str

    @property
    def is_markdown(self) -> bool:
        return self.ext.lower() in MARKDOWN_EXTENSIONS

    @property
    def is_html(self) -> bool:
        """An HTML post: Jekyll renders its Liquid and publishes it without Markdown."""
        return self.ext.lower() in HTML_EXTENSIONS

    @cached_property  # the plugin's key for a post, asked for on every listing
    def page_uri(self) -> str:
        """The `src_uri` of the MkDocs page that publishes the post: the file itself, or for an
        HTML post (a static file to MkDocs) a generated page beside it."""
        return self.src_uri if self.is_markdown else self.src_uri + ".md"

    @property
    def basename(self) -> str:
        """The file name without extension (Jekyll's `basename_without_ext`)."""
        return posixpath.splitext(posixpath.basename(self.src_uri))[0]


def find_post_source(src_uri: str) -> PostSource | str | None:
    """Classify a file of `docs_dir`.

    Returns a `PostSource` for a post or draft, a reason (str) for a file inside `_posts` or
    `_drafts` that Jekyll leaves out, and None for files that have nothing to do with posts.
    """
    parts = src_uri.split("/")
    for index, part in enumerate(parts[:-1]):
        if part not in (POSTS_DIR, DRAFTS_DIR):
            continue
        above, inside = parts[:index], parts[index + 1 :]
        if any(_is_special(p) for p in above):
            return None
        if _is_skipped_inside(inside):
            return "Jekyll ignores names that start with '.', '_', '#' or '~' or end with '~'"
        draft = part == DRAFTS_DIR
        filename = inside[-1]
        if draft:
            found = _DATELESS_NAME.match(filename)
            if not found:
                return "a draft needs a file extension such as .md"
            date_text, name, ext = None, found.group(1), found.group(2)
        else:
            found = _DATED_NAME.match(filename)
            if not found:
                return "a post's file name must be YYYY-MM-DD-name.md"
            date_text, name, ext = found.group(1), found.group(2), found.group(3)
        return PostSource(
            src_uri=src_uri,
            draft=draft,
            dir_categories=tuple(above),
            inner_path="/".join(inside),
            date_text=date_text,
            name=name,
            ext=ext,
        )
    return None


def ruby_to_s(value: object) -> str:
    """A YAML scalar as Ruby's `to_s` writes it (`true`, `3.5`, `` for nil)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _truthy(value: object) -> bool:
    """Ruby truthiness: only nil and false are false."""
    return value is not None and value is not False


@dataclass(frozen=True, slots=True)
class Post:
    """One post, with every value Jekyll would compute for it."""

    source: PostSource
    path: str
    """The file as messages name it (relative to the folder of `mkdocs.yml`)."""
    title: str
    date: datetime
    """Aware, in the site's timezone."""
    slug: str
    """Jekyll's `page.slug`: front-matter `slug`, else the file name after the date."""
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    published: bool
    url: str
    """The URL Jekyll gives the post (escaped, leading `/`, no `baseurl`)."""
    id: str
    """Jekyll's `post.id` (the Atom entry id)."""
    excerpt_separator: str
    banner: Banner | None
    """The image at the top of the post."""
    body: str
    """The Markdown after the front matter (the banner image that repeats it removed)."""
    body_line: int
    front_matter: Mapping[str, Any] = field(repr=False)
    key_lines: Mapping[str, int] = field(repr=False)
    words: int = 0
    url_facts: UrlFacts | None = field(default=None, repr=False)
    """What the permalink placeholders were made of (to compute the post's URL in another style)."""
    card_image: Banner | None = None
    """The image of the post's card on listings."""
    social_image: Banner | None = None
    """The image of social tags and feeds."""

    @property
    def updated(self) -> datetime:
        """`last_modified_at` when it can be read (jekyll-feed's and jekyll-seo-tag's key), else
        the post's date."""
        value = self.front_matter.get("last_modified_at")
        if value is None or self.date.tzinfo is None:
            return self.date
        try:
            return parse_date(value, self.date.tzinfo)
        except DateError:
            return self.date

    @property
    def subtitle(self) -> str | None:
        return _optional_text(self.front_matter.get("subtitle"))

    @property
    def description(self) -> str | None:
        return _optional_text(self.front_matter.get("description"))

    @property
    def author(self) -> str | None:
        author = self.front_matter.get("author")
        if isinstance(author, Mapping):
            author = author.get("name")
        return _optional_text(author)

    @property
    def meta(self) -> dict[str, Any]:
        """`page.meta` for MkDocs and other plugins: every front-matter key, normalised."""
        meta = {key: value for key, value in self.front_matter.items() if key not in _KNOWN_KEYS}
        meta.update(
            title=self.title,
            date=self.date,
            slug=self.slug,
            categories=list(self.categories),
            tags=list(self.tags),
            jekyll_url=self.url,
        )
        if self.banner is not None:
            meta.setdefault("image", self.banner.url)
        return meta


def _optional_text(value: object) -> str | None:
    return None if value is None or value == "" else ruby_to_s(value)


def ruby_split(text: str) -> list[str]:
    """Ruby's `String#split` without arguments: on runs of ASCII whitespace only."""
    return _ASCII_SPACES.split(text.strip(" \t\n\v\f\r")) if text.strip(" \t\n\v\f\r") else []


def _flat_scalars(values: list[object], key: str, line: int) -> list[str]:
    """Nested lists flattened to their scalars as text (Ruby's `flatten` and `to_s`).

    A list that YAML aliases reuse is taken once (so a few hundred bytes of aliases cannot
    expand to millions of names), and a list that contains itself is an error.
    """
    out: list[str] = []
    walking: set[int] = set()
    walked: set[int] = set()

    def walk(items: list[object]) -> None:
        if id(items) in walking:
            raise PostError(line, f"'{key}' contains itself through a YAML alias; list the names")
        if id(items) in walked:
            return
        walking.add(id(items))
        for value in items:
            if isinstance(value, list):
                walk(value)
            elif isinstance(value, dict):
                raise PostError(
                    line, f"'{key}' holds a mapping; write a list such as {key}: [One, Two]"
                )
            elif value is not None:
                out.append(ruby_to_s(value))
        walking.discard(id(items))
        walked.add(id(items))

    try:
        walk(values)
    except RecursionError as exc:
        raise PostError(line, f"'{key}' is nested too deeply; write a flat list") from exc
    return out


def _categories(source: PostSource, fm: FrontMatter) -> tuple[str, ...]:
    """`Document#categories_from_path`, `merge_categories!` and `populate_categories`."""
    data = fm.data
    for key in ("categories", "category"):
        if isinstance(data.get(key), dict):
            raise PostError(
                fm.line_of(key),
                f"'{key}' holds a mapping; write a list such as categories: [Geology, Mining]",
            )
    plural = data.get("categories")
    if isinstance(plural, str):
        plural = ruby_split(plural)
    # Folders, then `categories`, then `category` (one value, never split; ignored when false,
    # as `pluralized_array_from_hash` does); `to_s`, `uniq`.
    single = data.get("category") if _truthy(data.get("category")) else None
    merged: list[object] = [*source.dir_categories, plural, single]
    line = fm.line_of("categories" if "categories" in data else "category")
    return tuple(dict.fromkeys(_flat_scalars(merged, "categories", line)))


def _tags(fm: FrontMatter) -> tuple[str, ...]:
    """`Utils.pluralized_array_from_hash(data, "tag", "tags")`: a non-empty `tag` wins."""
    data = fm.data
    if _truthy(data.get("tag")):
        return tuple(_flat_scalars([data["tag"]], "tag", fm.line_of("tag")))
    value = data.get("tags")
    if isinstance(value, str):
        return tuple(ruby_split(value))
    if isinstance(value, dict):
        raise PostError(
            fm.line_of("tags"), "'tags' holds a mapping; write a list such as tags: [One, Two]"
        )
    if not isinstance(value, list):  # `value_from_plural_key` takes only a String or an Array
        return ()
    return tuple(_flat_scalars([value], "tags", fm.line_of("tags")))


def _cleaned_relative_path(source: PostSource) -> str:
    """`Document#cleaned_relative_path` (the `:path` placeholder).

    The path without extension, first `_posts` and trailing dots:
    `geology/_posts/2021-03-04-x.md` -> `geology//2021-03-04-x` (the URL squeezes the `//`).
    """
    return posixpath.splitext(source.src_uri)[0].replace(POSTS_DIR, "", 1).rstrip(".")


def _titleize(slug: str) -> str:
    """`Utils.titleize_slug`: split on '-', capitalize each word (Ruby's `capitalize`)."""
    return " ".join(word[:1].upper() + word[1:].lower() for word in slug.split("-"))


def read_post(
    source: PostSource, path: str, text: str, settings: Settings, *, mtime: datetime | None = None
) -> Post:
    """Everything Jekyll reads from one post.

    `text` is the file's content with newlines normalised; `mtime` dates drafts. The front
    matter defaults of `settings` that cover the post are merged under its own front matter.
    Raises `PostError` (with the line) for anything that keeps the post from being published.
    """
    fm = read_front_matter(text)
    defaults = settings.defaults.values_for(source.src_uri)
    if defaults:  # the `_config.yml`'s `defaults:`, under the post's own front matter
        fm = replace(fm, data=merge_front_matter(defaults, fm.data))
    data = fm.data
    file_slug = source.name.rstrip(".")
    slug = ruby_to_s(data["slug"]) if _truthy(data.get("slug")) else file_slug
    title = ruby_to_s(data["title"]) if _truthy(data.get("title")) else _titleize(file_slug)

    if data.get("date") is not None:
        date_value, date_line = data["date"], fm.line_of("date")
    elif source.date_text is not None:
        date_value, date_line = source.date_text, 1
    else:
        date_value, date_line = mtime or settings.now, 1
    # Psych reads an unquoted `2021-04-01 23:59:59` as UTC; a quoted one is local time.
    zone = timezone.utc if isinstance(date_value, YamlTime) else settings.timezone
    try:
        date = parse_date(date_value, zone).astimezone(settings.timezone)
    except (DateError, OverflowError) as exc:
        raise PostError(date_line, str(exc)) from exc

    categories = _categories(source, fm)
    tags = _tags(fm)

    permalink = data.get("permalink")
    if isinstance(permalink, (dict, list)):
        raise PostError(fm.line_of("permalink"), "'permalink' must be text such as /:year/:title/")
    template = settings.permalink
    if _truthy(permalink) and ruby_to_s(permalink):
        template = ruby_to_s(permalink)
    facts = UrlFacts(
        date=date,
        slug=slug,
        basename=source.basename,
        path=_cleaned_relative_path(source),
        categories=categories,
        output_ext=".html" if source.is_markdown or source.is_html else source.ext,
    )
    try:
        url = expand_permalink(template, facts)
    except PermalinkError as exc:
        own = template is not settings.permalink and "permalink" in fm.key_lines
        line = fm.line_of("permalink") if own else 1
        if own:
            message = str(exc)
        elif template is settings.permalink:
            message = f"{exc} (the site-wide permalink setting)"
        else:
            message = f"{exc} (the permalink of the _config.yml's defaults)"
        raise PostError(line, message) from exc
    # `Document#id`: the URL's folder and the slug (for the Atom <id>); like Ruby's
    # `File.dirname`, a trailing `/` is not a folder of its own.
    post_id = posixpath.join(posixpath.dirname(url.rstrip("/") or "/"), slug)

    separator = data.get("excerpt_separator")
    keys = settings.image_keys
    banner, body = find_banner(
        data, fm.body, site_path=settings.address.site_path, fallback_alt=title, keys=keys.banner
    )
    card_image, social_image = card_and_social_images(data, banner, keys, title)
    return Post(
        source=source,
        path=path,
        title=title,
        date=date,
        slug=slug,
        categories=categories,
        tags=tags,
        published=_truthy(data.get("published", True)),
        url=url,
        id=post_id,
        excerpt_separator=ruby_to_s(separator)
        if separator is not None
        else settings.excerpt_separator,
        banner=banner,
        body=body,
        body_line=fm.body_line,
        front_matter=data,
        key_lines=fm.key_lines,
        words=len(fm.body.split()),
        url_facts=facts,
        card_image=card_image,
        social_image=social_image,
    )
