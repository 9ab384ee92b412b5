"""From a post file's bytes to a publishable `Post`, or the reason it is left out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mkdocs_reeblog.posts import Post, PostSource, read_post
from mkdocs_reeblog.problems import PostError, Problem
from mkdocs_reeblog.settings import Settings

__all__ = ["LoadResult", "decode", "load_post"]

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


def load_post(
    source: PostSource, path: str, raw: bytes, settings: Settings, *, mtime: datetime | None = None
) -> LoadResult:
    """Read one post file (`path` names it in messages; `mtime` dates drafts)."""
    if source.draft and not settings.show_drafts:
        return LoadResult(note="draft left out (show_drafts is false)")
    if not source.is_markdown:
        return LoadResult(note="left out: only Markdown posts (.md, .markdown) are converted")
    try:
        post = read_post(source, path, decode(raw), settings, mtime=mtime)
    except PostError as exc:
        return LoadResult(problem=Problem.from_error(path, exc, LEFT_OUT))
    if not post.published and not settings.unpublished:
        return LoadResult(note="left out: 'published' is false")
    if post.date > settings.now and not settings.future:
        return LoadResult(
            note=f"left out: dated in the future ({post.date.isoformat()}); "
            "set future: true to publish it"
        )
    return LoadResult(post=post)
