"""Files the plugin adds to a build with `File.generated` (nothing is written into `docs_dir`):
listing pages, redirects, feeds. A file already written at a destination keeps it."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import unquote

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from mkdocs_reeblog.jekyll.problems import Problem
from mkdocs_reeblog.jekyll.urls import Destination

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

__all__ = ["GeneratedFiles", "place", "source_uri"]

log = get_plugin_logger(__name__)


def source_uri(dest: Destination) -> str:
    """A `src_uri` for a generated page that writes `dest` (`tag/x/index.html` -> `.md`)."""
    path = unquote(dest.dest_uri)
    return path[: -len(".html")] + ".md" if path.endswith(".html") else path + ".md"


def place(file: File, dest: Destination, site_dir: str) -> None:
    """Write `file` at `dest` (MkDocs caches these three together: set them together)."""
    file.dest_uri = dest.dest_uri
    file.url = dest.url
    # MkDocs' own expression for it (`File.abs_dest_path`), cheaper than `Path`'s.
    file.abs_dest_path = os.path.normpath(os.path.join(site_dir, dest.dest_uri))  # noqa: PTH118


class GeneratedFiles:
    """Adds generated files to `files`, each where no file is written yet."""

    def __init__(self, files: Files, config: MkDocsConfig, name: Callable[[File], str]) -> None:
        self._files = files
        self._config = config
        self._name = name
        """How messages name a file of the site."""
        self._by_dest = {file.dest_uri: file for file in files}
        self._owners: dict[str, Problem] = {}
        """What asked for each generated file, when it came from a post."""

    def at(self, dest_uri: str) -> File:
        """The file written at `dest_uri`."""
        return self._by_dest[dest_uri]

    def add(
        self, dest: Destination | str, content: str, owner: Problem | None = None
    ) -> File | None:
        """Add a generated file at `dest` (a page's destination, or a path for other files),
        unless a file is written there already: that one is kept, and None returned.

        `owner` names what asked for the file (a post's key), to report two posts that ask
        for one file; a page of the site's own simply wins.
        """
        config = self._config
        src_uri = source_uri(dest) if isinstance(dest, Destination) else dest
        file = File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        if isinstance(dest, Destination):
            place(file, dest, config.site_dir)
        taken = self._by_dest.get(file.dest_uri)
        if taken is None:
            self._files.append(file)
            self._by_dest[file.dest_uri] = file
            if owner is not None:
                self._owners[file.dest_uri] = owner
            return file
        first = self._owners.get(file.dest_uri)
        if owner is not None and first is not None:
            log.warning(
                "%s:%d: %s is also written for %s:%d; the first is kept, remove one of them",
                owner.path, owner.line, file.dest_uri, first.path, first.line,
            )  # fmt: skip
        else:
            log.info("%s: kept instead of what reeblog generates there", self._name(taken))
        return None
