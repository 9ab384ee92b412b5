"""Jekyll pages: the files outside `_posts` that start with a front matter (`jekyll/page.rb`).

Jekyll renders such a file (Liquid, then Markdown for a Markdown file) and writes it at its
URL: `permalink:` when it has one, else the page's own template, which follows the site's
permalink style (`Page#template`, `Utils.add_permalink_suffix`):

* `about.md` or `about.html` -> `/about.html` with a style that ends in `:output_ext` (`date`,
  Jekyll's default, `ordinal`, `none`), `/about/` with `pretty` (or a template ending in `/`);
* `index.md` or `index.html` -> the folder (`/`, `/blog/`);
* other files (`robots.txt`, `feed.xml`) keep their name and extension.

A file without a front matter is a static file (copied as it is), and files in folders whose
names start with `_` or `.` are not Jekyll's pages.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from mkdocs_reeblog.jekyll.defaults import FrontMatterDefaults, merge_front_matter
from mkdocs_reeblog.jekyll.frontmatter import read_front_matter
from mkdocs_reeblog.jekyll.posts import HTML_EXTENSIONS, MARKDOWN_EXTENSIONS
from mkdocs_reeblog.jekyll.problems import PostError
from mkdocs_reeblog.jekyll.urls import escape_path, sanitize_url

__all__ = ["JekyllPage", "PageKind", "has_front_matter", "page_kind", "page_url", "read_page"]

PageKind = Literal["markdown", "html", "text"]

TEXT_EXTENSIONS = frozenset(
    {".xml", ".txt", ".json", ".css", ".js", ".webmanifest", ".svg", ".csv", ".ics", ".rss"}
)
"""Files Jekyll renders with Liquid and writes under their own name (its identity converter)."""
CONVERTED_EXTENSIONS = {".scss": ".css", ".sass": ".css", ".coffee": ".js"}
"""Files a Jekyll converter turns into another language, which MkDocs does not do."""


def page_kind(src_uri: str) -> PageKind | str | None:
    """What a file of `docs_dir` is to Jekyll when it has a front matter: a `PageKind`; the
    extension Jekyll would convert it to (`.css` for Sass, which MkDocs cannot do); or None
    when it is no page (inside a folder whose name starts with `_` or `.`, or of another type).
    """
    parts = src_uri.split("/")
    if any(part.startswith(("_", ".")) for part in parts):
        return None
    ext = posixpath.splitext(parts[-1])[1].lower()
    if ext in MARKDOWN_EXTENSIONS:
        return "markdown"
    if ext in HTML_EXTENSIONS:
        return "html"
    if ext in TEXT_EXTENSIONS:
        return "text"
    return CONVERTED_EXTENSIONS.get(ext)


def has_front_matter(raw: bytes) -> bool:
    """Jekyll's `Utils.has_yaml_header?`: the file starts with `---` and a line end."""
    return raw.startswith(b"---") and raw[3:].lstrip(b" \t").startswith((b"\n", b"\r\n"))


def page_url(src_uri: str, permalink: str | None, site_permalink: str, output_ext: str) -> str:
    """The URL Jekyll gives the page at `src_uri` (escaped, with a leading `/`).

    `site_permalink` is the site-wide permalink template (style names expanded).
    """
    folder, name = posixpath.split(src_uri)
    basename = posixpath.splitext(name)[0]
    if permalink:
        template = permalink
    elif output_ext != ".html":
        template = "/:path/:basename:output_ext"
    elif basename == "index":
        template = "/:path/"
    else:
        template = "/:path/:basename"
        if site_permalink.endswith("/"):
            template += "/"
        elif site_permalink.endswith(":output_ext"):
            template += ":output_ext"
    # `URL#generate_url_from_hash`: the placeholders in this order; others stay as written.
    placeholders = {"path": "/" + folder + "/" if folder else "/", "basename": basename,
                    "output_ext": output_ext}  # fmt: skip
    for key, value in placeholders.items():
        template = template.replace(f":{key}", escape_path(value))
    return sanitize_url(template)


@dataclass(frozen=True)
class JekyllPage:
    """A page of a Jekyll site: its URL, front matter and body."""

    src_uri: str
    path: str
    """The file as messages name it."""
    kind: PageKind
    url: str
    """The URL Jekyll gives it (escaped, leading `/`)."""
    output_ext: str
    body: str
    body_line: int
    front_matter: Mapping[str, Any] = field(repr=False)
    key_lines: Mapping[str, int] = field(repr=False)

    @property
    def title(self) -> str | None:
        title = self.front_matter.get("title")
        return None if title is None or title == "" else str(title)

    @property
    def is_home(self) -> bool:
        """An `index` page with `layout: home` or `paginate` (a theme's home page, which lists
        the posts): the blog index, with the page's own text above the posts."""
        name = posixpath.splitext(posixpath.basename(self.src_uri))[0]
        return (
            self.kind != "text"
            and name == "index"
            and (self.front_matter.get("layout") == "home" or "paginate" in self.front_matter)
        )

    @property
    def page_uri(self) -> str:
        """The `src_uri` of the MkDocs page that publishes it: the file itself for Markdown,
        a generated page beside it for HTML (a static file to MkDocs)."""
        return self.src_uri + ".md" if self.kind == "html" else self.src_uri


def read_page(
    src_uri: str,
    path: str,
    text: str,
    kind: PageKind,
    *,
    site_permalink: str,
    defaults: FrontMatterDefaults,
) -> JekyllPage:
    """What Jekyll reads from the page at `src_uri` (its `text` newline-normalised), with the
    `_config.yml`'s front matter defaults of `type: pages` under its own front matter.

    Raises `PostError` (with the line) for a front matter Jekyll could not read.
    """
    fm = read_front_matter(text)
    data = merge_front_matter(defaults.values_for(src_uri, "pages"), fm.data)
    permalink = data.get("permalink")
    if permalink is not None and not isinstance(permalink, str):
        raise PostError(fm.line_of("permalink"), "'permalink' must be text such as /about/")
    ext = posixpath.splitext(src_uri)[1]
    output_ext = ".html" if kind != "text" else ext
    return JekyllPage(
        src_uri=src_uri,
        path=path,
        kind=kind,
        url=page_url(src_uri, permalink, site_permalink, output_ext),
        output_ext=output_ext,
        body=fm.body,
        body_line=fm.body_line,
        front_matter=data,
        key_lines=fm.key_lines,
    )
