"""kramdown's attribute lists as data: the text of `{: .class #id key="v" ref}` read into an
`AttributeList`, and attribute lists applied to an element's attributes.

The rules are kramdown 2.4's (`parser/kramdown/extensions.rb`): `.name` adds a class, `#name`
sets the id (the last one wins), `key="value"` (or `'value'`) sets an attribute, a bare word
refers to an attribute list definition (ALD, `{:name: ...}`) by name. Words that fit none of
these are ignored, as kramdown ignores them (with a warning nobody sees).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field

__all__ = [
    "ALD_LINE",
    "HEADER_ID",
    "IAL_LINE",
    "LIST_ITEM_IAL",
    "SPAN_EXTENSION",
    "SPAN_IAL",
    "AttributeList",
    "apply_attributes",
    "parse_attribute_list",
]

# kramdown's regular expressions, in Python. Ruby's \w and \s are ASCII only: re.ASCII.
_ANY = r"(?:\\\}|[^}])"
_ID_NAME = r"\w[\w-]*"
_KEY_VALUE = rf"({_ID_NAME})=(\"|')((?:\\\}}|\\\2|[^}}\x02])*?)\2"
_ID_OR_CLASS = r"#([A-Za-z][\w:-]*)|\.([^\s.#]+)"
_ANY_ATTRIBUTE = re.compile(
    rf"(?:\A|\s)(?:{_KEY_VALUE}|({_ID_NAME})|((?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+))(?=\s|\Z)",
    re.ASCII,
)
_ONE_ID_OR_CLASS = re.compile(_ID_OR_CLASS, re.ASCII)

IAL_LINE = re.compile(rf"\{{:(?![:/])({_ANY}+)\}}\s*\Z", re.ASCII)
"""A block IAL: a line that is only `{: ...}` (its indentation removed)."""
ALD_LINE = re.compile(rf"\{{:({_ID_NAME}):({_ANY}+)\}}\s*\Z", re.ASCII)
"""An attribute list definition: a line `{:name: ...}`."""
SPAN_IAL = re.compile(rf"\{{:({_ANY}+)\}}", re.ASCII)
"""A span IAL, `{: ...}` right after a span element (it may span lines)."""
SPAN_EXTENSION = re.compile(rf"\{{::(\w+)(?:\s({_ANY}*?)|)(/)?\}}|\{{:/({_ID_NAME})?\}}", re.ASCII)
"""kramdown's extension tags (`{::comment}`, `{:/}`): not attribute lists."""
LIST_ITEM_IAL = re.compile(rf"\s*\{{:(?!(?:{_ID_NAME})?:|/)({_ANY}+)\}}\s*", re.ASCII)
"""An IAL at the start of a list item's first line: `* {: .class} text`."""

# XML's NameStartChar and NameChar (REXML's), which a header id `{#id}` must be made of.
_NAME_START = (
    ":A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_NAME = _NAME_START + r"\-.0-9\u00b7\u0300-\u036f\u203f-\u2040"
HEADER_ID = re.compile(rf"[\t ]\{{#([{_NAME_START}][{_NAME}]*)\}}\Z")
"""A heading's explicit id at the end of its text: `## Title {#id}`."""

_REFERENCE = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_:][\w.:-]*);")
_ESCAPED = {'"': re.compile(r'\\([}"])'), "'": re.compile(r"\\([}'])")}


@dataclass
class AttributeList:
    """What one or more attribute lists say about an element, in kramdown's order."""

    refs: list[str] = field(default_factory=list)
    """Names of ALDs to apply first (`toc` is one too: it marks the table of contents)."""
    attributes: dict[str, str] = field(default_factory=dict)
    """Attributes in the order they first appear; `class` collects every `.name`."""

    def __bool__(self) -> bool:
        return bool(self.refs or self.attributes)


def _unescape(reference: re.Match[str]) -> str:
    return html.unescape(reference[0])


def parse_attribute_list(text: str, into: AttributeList | None = None) -> AttributeList:
    """Read the inside of an attribute list (`.a #b k="v" ref`) into `into` (a new list by
    default), as kramdown's `parse_attribute_list` does."""
    result = AttributeList() if into is None else into
    attributes = result.attributes
    for match in _ANY_ATTRIBUTE.finditer(text):
        key, quote, value, ref, ids_and_classes = match.groups()
        if ref is not None:
            result.refs.append(ref)
        elif ids_and_classes is not None:
            for id_, class_ in _ONE_ID_OR_CLASS.findall(ids_and_classes):
                if class_:
                    attributes["class"] = f"{attributes.get('class', '')} {class_}".lstrip()
                else:
                    attributes["id"] = id_
        else:
            value = _ESCAPED[quote].sub(r"\1", value)
            # kramdown writes entity references in values as they are: the same character.
            attributes[key] = _REFERENCE.sub(_unescape, value) if "&" in value else value
    return result


def apply_attributes(
    target: MutableMapping[str, str | int | float],
    ial: AttributeList,
    alds: Mapping[str, AttributeList],
    _seen: frozenset[str] = frozenset(),
) -> None:
    """Update an element's attributes with an attribute list and the ALDs it refers to (those
    first, recursively; a definition that refers back to itself is applied once): classes are
    added to the element's, other attributes replace its own."""
    for ref in ial.refs:
        ald = alds.get(ref)
        if ald is not None and ref not in _seen:
            apply_attributes(target, ald, alds, _seen | {ref})
    for key, value in ial.attributes.items():
        if key == "class":
            target[key] = f"{target.get(key, '')} {value}".lstrip()
        else:
            target[key] = value
