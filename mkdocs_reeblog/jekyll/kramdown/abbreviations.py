"""kramdown's abbreviations: `*[REE]: Rare Earth Elements` defines, every `REE` becomes
`<abbr title="Rare Earth Elements">REE</abbr>`."""

from __future__ import annotations

from markdown_it import MarkdownIt

__all__ = ["abbreviations_plugin"]


def abbreviations_plugin(md: MarkdownIt) -> None:
    """Read abbreviation definitions and mark their uses."""
