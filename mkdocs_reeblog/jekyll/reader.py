"""From a post file's bytes to a publishable `Post`, or the reason it is left out."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from mkdocs_reeblog.jekyll.posts import Post, PostSource, read_post
from mkdocs_reeblog.jekyll.problems import PostError, Problem
from mkdocs_reeblog.jekyll.settings import Settings

__all__ = ["LoadResult", "PostReader", "decode"]

LEFT_OUT = " (this post is left out)"


@dataclass(frozen=True)
class LoadResult:
    """A post to publish, or why not: a `problem` (a warning: the file needs fixing) or a
    `note` (an info line: left out on purpose, as Jekyll would)."""

    post: Post | None = None
    problem: Problem | None = None
    note: str | None = None


def decode(raw: bytes) -> str:
    """A post's text as Jekyll reads it: UTF-8 (a byte-order mark is dropped), any newlines."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PostError(
            line, f"is not UTF-8 text (byte {exc.start}); save the file as UTF-8"
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


class PostReader:
    """Reads posts and, with `remember` (for `mkdocs serve`), remembers what it read across
    rebuilds: a file whose bytes are unchanged (by their BLAKE2 digest), read with the same
    settings, is not parsed again. Its modification time and size would not do: two saves
    within one tick of the file system's clock, of the same length, look alike. Publication
    (drafts, `published`, future dates) is decided anew on every build."""

    def __init__(self, *, remember: bool = False) -> None:
        self._cache: dict[str, tuple[tuple[object, ...], Post | Problem]] | None = (
            {} if remember else None
        )
        """None when nothing is remembered (one build: no digest to compute)."""

    def load(
        self,
        source: PostSource,
        path: str,
        read: Callable[[], bytes],
        settings: Settings,
        *,
        mtime: datetime | None = None,
    ) -> LoadResult:
        """`read` gives the file's bytes; `mtime`, its modification time, dates a draft."""
        if source.draft and not settings.show_drafts:
            return LoadResult(note="draft left out (show_drafts is false)")
        if not source.is_markdown and not source.is_html:
            return LoadResult(note="left out: only Markdown and HTML posts are published")
        try:
            raw = read()
        except OSError as exc:
            return LoadResult(problem=Problem(path, 1, f"cannot be read: {exc.strerror}{LEFT_OUT}"))
        if self._cache is None:
            found = _parse(source, path, raw, settings, mtime)
        else:
            key = (hashlib.blake2b(raw, digest_size=16).digest(), settings.reading_key, mtime)
            cached = self._cache.get(path)
            if cached is not None and cached[0] == key:
                found = cached[1]
            else:
                found = _parse(source, path, raw, settings, mtime)
                self._cache[path] = (key, found)
        if isinstance(found, Problem):
            return LoadResult(problem=found)
        return _publication(found, settings)


def _parse(
    source: PostSource, path: str, raw: bytes, settings: Settings, mtime: datetime | None
) -> Post | Problem:
    try:
        return read_post(source, path, decode(raw), settings, mtime=mtime)
    except PostError as exc:
        return Problem.from_error(path, exc, LEFT_OUT)


def _publication(post: Post, settings: Settings) -> LoadResult:
    if not post.published and not settings.unpublished:
        return LoadResult(note="left out: 'published' is false")
    if post.date > settings.now and not settings.future:
        return LoadResult(
            note=f"left out: dated in the future ({post.date.isoformat()}); "
            "set future: true to publish it"
        )
    return LoadResult(post=post)
