"""Attribute lists on raw HTML: kramdown parses HTML into elements, so an IAL right after
`<span>x</span>` (or under an HTML block) gives that element attributes. markdown-it keeps
raw HTML as text: the element's start tag is rewritten with the attributes added."""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape, unescape

from markdown_it.token import Token

from mkdocs_reeblog.jekyll.kramdown.attribute_lists import AttributeList, apply_attributes

__all__ = ["add_tag_attributes", "opening_tag_index"]

_VALUE = r"(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+))"
_ATTRIBUTE = re.compile(rf"([^\s\"'>/=]+)(?:\s*=\s*{_VALUE})?")
_START_TAG = re.compile(
    rf"(\s*)<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s\"'>/=]+(?:\s*=\s*{_VALUE})?)*)\s*(?P<slash>/?)>"
)
_END_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)\s*>")
_VOID = frozenset(
    {
        *("area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen"),
        *("link", "meta", "param", "source", "track", "wbr"),
    }
)


def add_tag_attributes(html: str, ial: AttributeList, alds: Mapping[str, AttributeList]) -> str:
    """`html` with the attribute list applied to the start tag it begins with (unchanged when
    it begins with none)."""
    match = _START_TAG.match(html)
    if match is None:
        return html
    attributes: dict[str, str | int | float] = {}
    bare: set[str] = set()
    for found in _ATTRIBUTE.finditer(match[3]):
        name, *values = found.groups()
        value = next((v for v in values if v is not None), None)
        if value is None:
            bare.add(name)
        attributes[name] = unescape(value or "")
    apply_attributes(attributes, ial, alds)
    written = "".join(
        f" {name}" if name in bare and not value else f' {name}="{escape(str(value))}"'
        for name, value in attributes.items()
    )
    close = " />" if match["slash"] else ">"
    return f"{match[1]}<{match[2]}{written}{close}{html[match.end() :]}"


def opening_tag_index(tokens: list[Token], index: int) -> int | None:
    """The raw HTML element that ends with the `html_inline` token at `index`: the start tag
    matching an end tag, or the tag itself when it has no content (`<img>`, `<br/>`); None
    for a start tag (what follows it is inside the element)."""
    content = tokens[index].content
    end = _END_TAG.fullmatch(content)
    if end is None:
        start = _START_TAG.fullmatch(content)
        if start is not None and (start["slash"] or start[2].lower() in _VOID):
            return index
        return None
    name = end[1].lower()
    depth = 0
    for at in range(index - 1, -1, -1):
        token = tokens[at]
        if token.type != "html_inline":
            continue
        if (other := _END_TAG.fullmatch(token.content)) and other[1].lower() == name:
            depth += 1
        elif (start := _START_TAG.fullmatch(token.content)) and start[2].lower() == name:
            if depth == 0:
                return at
            depth -= 1
    return None
