"""The blog: every published post, in Jekyll's order, each at a URL no other file claims."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from mkdocs_reeblog.jekyll.posts import Post
from mkdocs_reeblog.jekyll.problems import Problem
from mkdocs_reeblog.jekyll.urls import Destination, destination

__all__ = ["MAX_NAME_BYTES", "BlogIndex", "PublishedPost", "build_index", "post_names"]

MAX_NAME_BYTES = 255
"""The longest file or folder name most file systems accept."""


@dataclass(frozen=True, eq=False, slots=True)
class PublishedPost:
    """A post and where it is written."""

    post: Post
    dest: Destination


@dataclass
class BlogIndex:
    """Published posts, newest first (Jekyll's `site.posts`: by date, then by path)."""

    entries: list[PublishedPost] = field(default_factory=list)
    by_src_uri: dict[str, PublishedPost] = field(default_factory=dict)

    def __iter__(self) -> Iterator[PublishedPost]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, src_uri: str) -> PublishedPost | None:
        return self.by_src_uri.get(src_uri)


def build_index(
    posts: Iterable[Post], *, taken: Mapping[str, str], use_directory_urls: bool
) -> tuple[BlogIndex, list[Problem]]:
    """Order the posts and give each its output file.

    `taken` maps the output files of the site's other pages to their source paths: a post
    that would overwrite one of them, or another post, is left out with a problem naming both.
    """
    problems: list[Problem] = []
    claimed: dict[str, str] = dict(taken)
    published: list[PublishedPost] = []
    for post in sorted(posts, key=lambda p: p.path):
        dest = destination(post.url, use_directory_urls=use_directory_urls)
        unwritable = _too_long(post, dest)
        if unwritable is not None:
            problems.append(unwritable)
            continue
        owner = claimed.get(dest.dest_uri)
        if owner is not None:
            problems.append(
                Problem(
                    post.path,
                    post.key_lines.get("permalink", 1),
                    f"the URL {post.url} is already taken by {owner}; give one of them another "
                    "'permalink' or 'slug' (this post is left out)",
                )
            )
            continue
        claimed[dest.dest_uri] = post.path
        published.append(PublishedPost(post, dest))
    published.sort(key=lambda e: (e.post.date, e.post.path), reverse=True)
    index = BlogIndex(published, {e.post.source.page_uri: e for e in published})
    return index, problems


def _too_long(post: Post, dest: Destination) -> Problem | None:
    """A problem when a folder or file name of the post's output cannot exist on disk."""
    longest = max(len(part.encode()) for part in dest.dest_uri.split("/"))
    if longest <= MAX_NAME_BYTES:
        return None
    return Problem(
        post.path,
        post.key_lines.get("permalink", post.key_lines.get("slug", 1)),
        f"the URL {post.url} has a part of {longest} bytes; file systems allow "
        f"{MAX_NAME_BYTES}: shorten 'slug' or 'permalink' (this post is left out)",
    )


def post_names(index: BlogIndex) -> dict[str, str]:
    """The names `{% post_url %}` accepts for each post, to its MkDocs URL: the file name
    without extension (`2025-03-18-name`), with its folders inside `_posts` (`sub/2025-...`)
    or above it (`es/2025-...`), as Jekyll matches them."""
    names: dict[str, str] = {}
    for entry in sorted(index, key=lambda e: e.post.path):
        source = entry.post.source
        inner = posixpath.splitext(source.inner_path)[0]
        for name in (inner, "/".join((*source.dir_categories, inner)), source.basename):
            names.setdefault(name, entry.dest.url)
    return names
