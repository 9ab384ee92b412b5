"""What a render produces, and the options it takes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Heading", "RenderOptions", "Rendered"]


@dataclass(frozen=True)
class Heading:
    """A heading of a post, for its page's table of contents."""

    level: int
    id: str
    title: str
    """The heading's text, without markup (as MkDocs' table of contents names it)."""
    in_toc: bool = True
    """False for a heading kramdown leaves out of tables of contents (class `no_toc`)."""


@dataclass(frozen=True)
class Rendered:
    """A post's body as HTML, with what MkDocs needs to know of it."""

    html: str
    headings: tuple[Heading, ...]
    """Every heading with an id, in order (those marked `.no_toc` too)."""
    ids: frozenset[str]
    """Every `id` the HTML defines: headings, footnotes, IAL ids, raw HTML's."""


@dataclass(frozen=True)
class RenderOptions:
    """How the site wants code shown; the rest is kramdown's and not configurable."""

    highlight: bool = True
    """Highlight fenced code with Pygments, in the markup Material styles (its copy button,
    `linenums`); false: plain `<pre><code class="language-x">`, as with no highlighter."""
    css_class: str = "highlight"
    """The class of the highlighted block (`pymdownx.highlight`'s `css_class`)."""
    linenums: bool = False
    """Line numbers on every code block (`pymdownx.highlight`'s `linenums`), not only on
    `linenos` blocks."""
    permalink: str | None = None
    """The symbol of the link MkDocs' `toc` extension adds to each heading (`permalink`:
    `true` is `¶`); None: no such link."""
    permalink_title: str = "Permanent link"
    permalink_class: str = "headerlink"
    extra: dict[str, Any] = field(default_factory=dict)
    """Other `pymdownx.highlight` options, read where the highlighter supports them."""
