"""Tables as kramdown reads them (placeholder: markdown-it's GFM tables, kramdown's styles)."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

__all__ = ["tables_plugin"]


def tables_plugin(md: MarkdownIt) -> None:
    md.enable("table")
    md.core.ruler.push("reeblog_table_styles", _styles)


def _styles(state: StateCore) -> None:
    for token in state.tokens:
        if token.type in ("th_open", "td_open"):
            style = token.attrGet("style")
            if isinstance(style, str):
                token.attrSet("style", style.replace(":", ": "))
