"""Redirect pages at old URLs: the posts' and Jekyll pages' `redirect_from` (and
`redirect_from_permalink`), the `redirects` option, and mkdocs-redirects' entries that point
at posts (that plugin cannot know where a post is published)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin

from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from mkdocs_reeblog.blog.index import BlogIndex
from mkdocs_reeblog.blog.redirects import old_urls, redirect_html, redirect_sources, source_path
from mkdocs_reeblog.jekyll.pages import JekyllPage
from mkdocs_reeblog.jekyll.problems import Problem
from mkdocs_reeblog.neighbours import Neighbours, split_redirect_map

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from mkdocs_reeblog.generated import GeneratedFiles

__all__ = ["add_redirects"]


def add_redirects(
    generated: GeneratedFiles,
    config: MkDocsConfig,
    files: Files,
    *,
    index: BlogIndex,
    pages: Mapping[str, JekyllPage],
    redirects: Mapping[str, object],
    redirect_from_permalink: str | None,
    neighbours: Neighbours,
) -> None:
    """Add the redirect pages of the posts in `index`, of the Jekyll `pages`, of the option
    `redirects` (old URL: new URL) and of mkdocs-redirects (`neighbours`)."""
    for entry in index:
        line = entry.post.key_lines.get("redirect_from", 1)
        for old_url in old_urls(entry.post, redirect_from_permalink):
            owner = Problem(entry.post.path, line, f"redirect_from {old_url}")
            _add_redirect(generated, config, old_url, entry.dest.url, owner)
    for src_uri, page in pages.items():
        line = page.key_lines.get("redirect_from", 1)
        target = files.get_file_from_path(src_uri)
        for old_url in redirect_sources(page.front_matter):
            owner = Problem(page.path, line, f"redirect_from {old_url}")
            if target is not None:
                _add_redirect(generated, config, old_url, target.url, owner)
    for old_url, new_url in redirects.items():
        owner = Problem("mkdocs.yml", 1, f"redirects: {old_url}")
        _add_redirect(generated, config, str(old_url), _site_link(str(new_url)), owner)
    to_posts, others = split_redirect_map(
        neighbours.redirect_maps(), lambda src: index.get(src) is not None
    )
    for redirect in to_posts:  # mkdocs-redirects' entries that point at posts
        post_entry = index.get(redirect.src_uri)
        if post_entry is not None:
            path = File(redirect.old, "", "", config.use_directory_urls).dest_uri
            to = post_entry.dest.url
            _redirect_page(generated, config, path, to, None, redirect.fragment)
    neighbours.keep_redirects(others)


def _site_link(url: str) -> str:
    """A URL path of the site (`/categories/`) as a link from its root (`categories/`), as
    `File.url` writes it; an absolute URL as it is."""
    return url if "://" in url else url.lstrip("/") or "./"


def _add_redirect(
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
    _redirect_page(generated, config, path, target, owner)


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
