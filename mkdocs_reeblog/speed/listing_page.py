"""Generated listing pages, whose Markdown is converted once per build.

Every listing page that reeblog generates has the same Markdown: the listing marker alone.
MkDocs builds a Markdown converter, with every extension of the site, for each page, and would
do so for each listing page (hundreds in a large blog) to get the same HTML each time. The
first listing page is converted as MkDocs converts any page; when the result is the marker and
nothing else (no text, heading, id or link that an extension added, nothing that could depend
on the page), the other listing pages take that result. Otherwise every one is converted.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

__all__ = ["ListingConversion", "ListingPage"]


class ListingConversion:
    """What converting the listing pages' Markdown gave, shared by the pages of one build."""

    def __init__(self, markdown: str) -> None:
        self.markdown = markdown
        """The Markdown of every generated listing page (an HTML comment: the listing marker)."""
        self.html = markdown.strip()
        """What it must convert to, for the result to be shared: the comment itself."""
        self.shareable: bool | None = None
        """Whether the other listing pages may take the result (None: no page converted yet)."""
        self.shared = 0
        """How many pages took it (`mkdocs build --verbose` says)."""


class ListingPage(Page):
    """A page of generated listings; `render` converts its Markdown as MkDocs does, once."""

    def __init__(self, file: File, config: MkDocsConfig, conversion: ListingConversion) -> None:
        super().__init__(None, file, config)
        self.conversion = conversion

    def render(self, config: MkDocsConfig, files: Files) -> None:
        conversion = self.conversion
        # Converted as MkDocs does: Markdown another plugin changed, the first listing page,
        # and every one when the first gave more than the comment.
        if self.markdown != conversion.markdown or not conversion.shareable:
            super().render(config, files)
            if self.markdown == conversion.markdown and conversion.shareable is None:
                conversion.shareable = (
                    self.content == conversion.html
                    and not self.present_anchor_ids
                    and not self.links_to_anchors
                )
            return
        self.content = conversion.html
        self.toc = get_toc([])
        self.present_anchor_ids = set()
        self.links_to_anchors = {}
        conversion.shared += 1
