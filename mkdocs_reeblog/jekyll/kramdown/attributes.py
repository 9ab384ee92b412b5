"""kramdown's attribute lists: block and span IALs (`{: .class #id key="v"}`), ALDs
(`{:name: .class}` referenced as `{: name}`) and header ids (`## Title {#id}`)."""

from __future__ import annotations

from markdown_it import MarkdownIt

__all__ = ["attributes_plugin"]


def attributes_plugin(md: MarkdownIt) -> None:
    """Read attribute lists into the attributes of the tokens they apply to."""
