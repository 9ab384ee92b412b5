"""Jekyll pages among the files of a build (`jekyll/pages.py` says what Jekyll makes of each).

Each page moves to the URL Jekyll gave it. An HTML page (a static file to MkDocs, which would
publish it with its front matter showing) becomes a generated page beside it, so that it is
written inside the theme; a text file such as `robots.txt` becomes a generated file, its
content filled in once Liquid can run. Markdown pages are Jekyll's only when the site says it
is a Jekyll site (`jekyll_config`): a MkDocs page's front matter is MkDocs' own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from mkdocs.structure.files import File, Files

from mkdocs_reeblog.generated import place
from mkdocs_reeblog.jekyll.pages import JekyllPage, has_front_matter, page_kind, read_page
from mkdocs_reeblog.jekyll.problems import PostError, Problem
from mkdocs_reeblog.jekyll.reader import decode
from mkdocs_reeblog.jekyll.settings import Settings
from mkdocs_reeblog.jekyll.urls import destination

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

__all__ = ["find_pages"]

LEFT_OUT = " (left out: MkDocs would publish it as it is, its front matter showing)"


def find_pages(
    files: Files,
    config: MkDocsConfig,
    *,
    name: Callable[[File], str],
    settings: Settings,
    markdown_pages: bool,
) -> tuple[dict[str, JekyllPage], list[Problem]]:
    """Move the Jekyll pages of `files` to their URLs; the pages by the `src_uri` of the file
    that publishes each, and the problems of the files that cannot be published."""
    pages: dict[str, JekyllPage] = {}
    problems: list[Problem] = []
    for file in list(files):
        kind = page_kind(file.src_uri)
        if kind is None or (kind == "markdown" and not markdown_pages):
            continue
        try:
            raw = file.content_bytes
        except OSError:
            continue  # MkDocs reports a file it cannot read
        if not has_front_matter(raw):
            continue
        path = name(file)
        if kind not in ("markdown", "html", "text"):
            files.remove(file)
            message = f"Jekyll converts this file to {kind}; MkDocs does not: convert it and"
            problems.append(Problem(path, 1, f"{message} keep the {kind} file{LEFT_OUT}"))
            continue
        try:
            page = read_page(
                file.src_uri,
                path,
                decode(raw),
                kind,  # type: ignore[arg-type]  # a PageKind, checked above
                site_permalink=settings.permalink,
                defaults=settings.defaults,
            )
        except PostError as exc:
            files.remove(file)
            problems.append(Problem.from_error(path, exc, LEFT_OUT))
            continue
        if page.kind != "markdown":  # HTML: a page beside it; text: its rendered copy
            files.remove(file)
            file = File.generated(config, page.page_uri, content="")
            files.append(file)
        dest = destination(
            page.url, use_directory_urls=config.use_directory_urls, output_ext=page.output_ext
        )
        place(file, dest, config.site_dir)
        pages[file.src_uri] = page
    return pages, problems
