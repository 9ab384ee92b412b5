"""Posts as MkDocs reads them (`page_source`), converted by one Markdown converter a build,
reused from post to post.

MkDocs makes a new Markdown converter, with every extension of the site, for each page it
renders, and throws it away: at about a tenth of a post's conversion time (0.3 ms), the largest
cost of a post that reeblog can spare. Python-Markdown makes converters to convert many
documents (`Markdown.reset()` clears what the last one left), so posts share one, when:

* MkDocs' `Page.render` is the one this module follows (MkDocs 1.6, checked on its source): the
  processors MkDocs adds for each page (anchors, links, the title) are registered on the shared
  converter for each post, under their names, so replacing the previous post's;
* every Markdown extension of the site is one known to keep nothing from one document to the
  next once reset (`RESETTABLE_EXTENSIONS`; a test converts documents in turn both ways);
* the extensions and their options are those the converter was made with.

Otherwise, a post is converted as MkDocs converts any page. A test builds a site both ways and
compares every file.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
from functools import cache
from typing import Any

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

__all__ = ["RESETTABLE_EXTENSIONS", "PostConversion", "PostPage", "follows_mkdocs", "page_source"]

FOLLOWED_RENDER = "320529348f7a8af152073d0a3ab02960ccce91f9204716144e51b20931983cc6"
"""SHA-256 of the source of MkDocs 1.6's `Page.render`, the method `PostPage.render` follows."""

EMPTY_METADATA = "---\n{}\n---\n"
"""A YAML block that MkDocs reads as no metadata, and removes."""


def page_source(body: str) -> str:
    """What MkDocs reads for a post: its body after an empty YAML block, so that MkDocs takes
    nothing in the body for metadata (a YAML block, MultiMarkdown `Key: value` lines). The
    front matter is Jekyll's, read once; it becomes `page.meta` in `on_page_markdown`.

    Measured: MkDocs reads the body after the block in 15 µs, and the body alone, as a
    MultiMarkdown text, in 21 µs.
    """
    return EMPTY_METADATA + body


RESETTABLE_EXTENSIONS = frozenset(
    {
        # Python-Markdown's own
        "abbr", "admonition", "attr_list", "codehilite", "def_list", "extra", "fenced_code",
        "footnotes", "legacy_attrs", "legacy_em", "md_in_html", "meta", "nl2br", "sane_lists",
        "smarty", "tables", "toc", "wikilinks",
        # PyMdown Extensions, as Material's documentation configures them
        "pymdownx.arithmatex", "pymdownx.b64", "pymdownx.betterem", "pymdownx.caret",
        "pymdownx.critic", "pymdownx.details", "pymdownx.emoji", "pymdownx.escapeall",
        "pymdownx.fancylists", "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.keys",
        "pymdownx.magiclink", "pymdownx.mark", "pymdownx.pathconverter",
        "pymdownx.progressbar", "pymdownx.saneheaders", "pymdownx.smartsymbols",
        "pymdownx.snippets", "pymdownx.striphtml", "pymdownx.superfences", "pymdownx.tabbed",
        "pymdownx.tasklist", "pymdownx.tilde", "pymdownx.blocks.admonition",
        "pymdownx.blocks.definition", "pymdownx.blocks.details", "pymdownx.blocks.html",
        "pymdownx.blocks.tab",
    }
)  # fmt: skip
"""Extensions that, once `Markdown.reset()` ran, convert a document as a new converter does.
An extension configured by another name, or as an object, is not known: posts are then
converted as MkDocs converts any page."""

_PER_PAGE = (
    "_RawHTMLPreprocessor",
    "_ExtractAnchorsTreeprocessor",
    "_RelativePathTreeprocessor",
    "_ExtractTitleTreeprocessor",
)


@cache
def follows_mkdocs() -> bool:
    """Whether MkDocs' `Page.render` is the one `PostPage.render` follows."""
    try:
        source = inspect.getsource(Page.render)
    except (OSError, TypeError):
        return False
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    return digest == FOLLOWED_RENDER and all(hasattr(mkdocs_pages, name) for name in _PER_PAGE)


def _resettable(extensions: list[Any]) -> bool:
    return all(
        isinstance(name, str) and name.removeprefix("markdown.extensions.") in RESETTABLE_EXTENSIONS
        for name in extensions
    )


class PostConversion:
    """The converter the posts of one build share (see the module's docstring)."""

    def __init__(self) -> None:
        self._converter: markdown.Markdown | None = None
        self._made_with: tuple[list[Any], dict[str, Any]] | None = None
        self.shared = 0
        """How many posts a converter made for an earlier post converted (for tests)."""

    def converter(self, config: MkDocsConfig) -> markdown.Markdown | None:
        """The shared converter, reset; None when a post must be converted as MkDocs does."""
        extensions = config.markdown_extensions
        configs = config.mdx_configs or {}
        made_with = (
            list(extensions),
            {name: dict(options or {}) for name, options in configs.items()},
        )
        if self._converter is None or made_with != self._made_with:
            self._converter = None
            if not follows_mkdocs() or not _resettable(extensions):
                return None
            self._converter = markdown.Markdown(extensions=extensions, extension_configs=configs)
            self._made_with = made_with
            return self._converter
        self.shared += 1
        return self._converter.reset()

    def discard(self) -> None:
        """Drop the converter (a conversion failed half-way): the next post makes a new one."""
        self._converter = self._made_with = None


class PostPage(Page):
    """A post; `render` is MkDocs' own, with a converter shared by the build's posts."""

    def __init__(self, file: File, config: MkDocsConfig, conversion: PostConversion) -> None:
        super().__init__(None, file, config)
        self.conversion = conversion

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None or (md := self.conversion.converter(config)) is None:
            super().render(config, files)
            return
        # MkDocs 1.6's Page.render, but for the converter: each processor replaces the last
        # post's, registered under the same name.
        raw_html = mkdocs_pages._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(self.file, files, config)
        anchors._register(md)
        relative_paths = mkdocs_pages._RelativePathTreeprocessor(self.file, files, config)
        relative_paths._register(md)
        title = mkdocs_pages._ExtractTitleTreeprocessor()
        title._register(md)
        try:
            self.content = md.convert(self.markdown)
        except BaseException:
            self.conversion.discard()
            raise
        self.toc = get_toc(getattr(md, "toc_tokens", []))
        self._title_from_render = title.title
        self.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = relative_paths.links_to_anchors
