"""Autolinks as kramdown 2.4 reads them (`parser/kramdown/autolink.rb`).

`<http://...>`, `<https://...>`, `<ftp://...>`, `<ftps://...>` and `<mailto:...>` on one line
are links to what they say, `<name@host>` a `mailto:` link; the link's text is the address
without `mailto:`. Anything else in angle brackets is HTML or text (`html_spans.py`).
kramdown-parser-gfm does not link bare URLs: `http://example.com` alone stays text.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

__all__ = ["autolinks_plugin"]

# Ruby's `[[:alnum:]-_.]`: letters, digits, `-`, `_`, `.`.
_AUTOLINK = re.compile(r"<((mailto|https?|ftps?):.+?|[\w.\-]+?@[\w.\-]+?)>")


def autolinks_plugin(md: MarkdownIt) -> None:
    """Replace markdown-it's autolinks (CommonMark's) with kramdown's."""
    md.inline.ruler.at("autolink", _autolink)


def _autolink(state: StateInline, silent: bool) -> bool:
    src = state.src
    pos = state.pos
    if src[pos] != "<":
        return False
    match = _AUTOLINK.match(src, pos, state.posMax)
    if match is None:
        return False
    if not silent:
        address = match[1]
        href = address if match[2] else f"mailto:{address}"
        opening = state.push("link_open", "a", 1)
        opening.attrs["href"] = href
        opening.markup = "autolink"
        opening.info = "auto"
        state.push("text", "", 0).content = address.removeprefix("mailto:")
        closing = state.push("link_close", "a", -1)
        closing.markup = "autolink"
        closing.info = "auto"
    state.pos = match.end()
    return True
