"""Raw HTML read and written again as kramdown does (its `Parser::Html` and HTML converter).

kramdown does not copy raw HTML: it reads tags (REXML's names, attributes quoted or made of
word characters only), comments and text, and writes them again: tag and attribute names of
known HTML elements in lower case, every attribute as `name="value"` (`""` when it has no
value), void elements as `<br />`, `<`, `>` and `&` of text escaped (entities kept), an element
whose closing tag never comes closed at the end. Inside a raw element, a closing tag that is
not the current element's is text; `<script>` and `<style>` keep their content as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import regex

__all__ = [
    "CLOSE_TAG",
    "COMMENT",
    "CONTENT_MODEL",
    "SPAN_ELEMENTS",
    "START_TAG",
    "TAG_NAME",
    "HtmlReader",
    "StartTag",
    "escape_text",
    "start_tag",
]

_S = r"[ \t\r\n\f\v]"
TAG_NAME = r"(?:[^\W\d][-\w.]*:)?[^\W\d][-\w.]*"
"""An element name as REXML reads it (kramdown's UNAME_STR)."""
START_TAG = regex.compile(
    rf"<((?>{TAG_NAME})){_S}*((?>{_S}+{TAG_NAME}(?:{_S}*={_S}*(?:\w+|(\"|').*?\3))?)*){_S}*(/)?>",
    regex.DOTALL,
)
"""kramdown's HTML_TAG_RE: name, attributes, quote, the `/` of a self-closed tag. Its atomic
groups `(?>...)` are the `regex` module's (Python's `re` has them from 3.11 only)."""
CLOSE_TAG = re.compile(rf"</({TAG_NAME}){_S}*>")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_INSTRUCTION = re.compile(r"<\?.*?\?>", re.DOTALL)
_ATTRIBUTE = re.compile(rf"{_S}*({TAG_NAME})(?:{_S}*={_S}*(?:(\w+)|(\"|')(.*?)\3))?", re.DOTALL)
_RAW_START = re.compile(rf"<(?:{TAG_NAME}|/|!--|\?)")
_REFERENCE = r"&(?:[A-Za-z0-9_:][\-A-Za-z0-9_.:]*;|#\d+;|#x[0-9a-fA-F]+;)"
_ESCAPE_TEXT = re.compile(rf"{_REFERENCE}|[<>&]")
_ESCAPE_ATTRIBUTE = re.compile(rf"{_REFERENCE}|[<>&\"]")
_ESCAPES = {"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;"}


def _names(text: str) -> frozenset[str]:
    """The names of a space-separated list."""
    return frozenset(text.split())


SPAN_ELEMENTS = _names(
    "a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark "
    "option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var"
)
"""kramdown's HTML_SPAN_ELEMENTS: tags that never start an HTML block."""
BLOCK_ELEMENTS = _names(
    "address article aside applet body blockquote caption col colgroup dd div dl dt fieldset "
    "figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li "
    "main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul"
)
"""kramdown's HTML_BLOCK_ELEMENTS: tags it escapes when they come in a paragraph's text."""
VOID_ELEMENTS = _names(
    "area base br col command embed hr img input keygen link meta param source track wbr"
)
_BLOCK_MODEL = (
    "address applet article aside blockquote body dd details div dl fieldset figure figcaption "
    "footer form header hgroup iframe li main map menu nav noscript object section summary td"
)
_SPAN_MODEL = (
    "a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label "
    "legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt"
)
_RAW_MODEL = "script style math option textarea pre code kbd samp var"
CONTENT_MODEL = {
    **dict.fromkeys(_BLOCK_MODEL.split(), "block"),
    **dict.fromkeys(_SPAN_MODEL.split(), "span"),
    **dict.fromkeys(_RAW_MODEL.split(), "raw"),
}
"""How `markdown="1"` reads an element's content (kramdown's HTML_CONTENT_MODEL; others raw)."""
_KNOWN = SPAN_ELEMENTS | BLOCK_ELEMENTS | VOID_ELEMENTS | CONTENT_MODEL.keys()
_MARKDOWN_MODELS = {"0": "raw", "span": "span", "block": "block"}


def escape_text(text: str) -> str:
    """`<`, `>` and `&` as entities; entities already written stay as they are."""
    if "<" not in text and ">" not in text and "&" not in text:
        return text
    return _ESCAPE_TEXT.sub(lambda m: _ESCAPES.get(m.group(), m.group()), text)


@dataclass
class StartTag:
    """An element's start tag as kramdown read it."""

    name: str
    """Lower case for known HTML elements, as written for others."""
    attributes: dict[str, str]
    closed: bool
    """Written `<x />`, or a void element."""
    markdown: str | None = None
    """The removed `markdown` attribute's value."""

    @property
    def content_model(self) -> str:
        """`raw`, `span` or `block`: how the element's content is read."""
        if self.markdown == "1":
            return CONTENT_MODEL.get(self.name, "raw")
        return _MARKDOWN_MODELS.get(self.markdown or "0", "raw")

    def opening(self) -> str:
        """The start tag as kramdown writes it, without its final `>`."""
        attributes = "".join(
            f' {name}="{_ESCAPE_ATTRIBUTE.sub(_escape_match, value)}"'
            for name, value in self.attributes.items()
            if not (name == "id" and not value.strip())
        )
        return f"<{self.name}{attributes}"

    def write(self, body: str) -> str:
        """The element with its (raw or rendered) body, as kramdown writes it."""
        if self.closed and self.name not in ("script", "style"):
            return self.opening() + " />"
        return f"{self.opening()}>{body}</{self.name}>"


def _escape_match(match: re.Match[str]) -> str:
    return _ESCAPES.get(match.group(), match.group())


def start_tag(match: re.Match[str]) -> StartTag:
    """The element a `START_TAG` match opens."""
    name = match.group(1)
    known = name.lower() in _KNOWN
    if known:
        name = name.lower()
    attributes: dict[str, str] = {}
    for attribute in _ATTRIBUTE.finditer(match.group(2)):
        key = attribute.group(1).lower() if known else attribute.group(1)
        attributes[key] = attribute.group(2) or attribute.group(4) or ""
    markdown = attributes.pop("markdown", None)
    closed = match.group(4) is not None or name in VOID_ELEMENTS
    return StartTag(name, attributes, closed, markdown)


@dataclass
class HtmlReader:
    """Reads raw HTML content from `source` and writes it as kramdown does, keeping the ids of
    the elements it meets."""

    source: str
    ids: set[str] = field(default_factory=set)

    def element(self, tag: StartTag, pos: int) -> tuple[str, int]:
        """The body and closing tag of raw element `tag` whose start tag ends at `pos`, and
        where the element ends (the source's end when it is never closed)."""
        if "id" in tag.attributes:
            self.ids.add(tag.attributes["id"])
        if tag.name in ("script", "style"):
            return self._script(tag, pos)
        if tag.closed:
            return "", pos
        out: list[str] = []
        source = self.source
        while pos < len(source):
            found = _RAW_START.search(source, pos)
            if found is None:
                out.append(escape_text(_to_end(source[pos:])))
                pos = len(source)
                break
            out.append(escape_text(source[pos : found.start()]))
            pos = found.start()
            if (match := COMMENT.match(source, pos)) or (match := _INSTRUCTION.match(source, pos)):
                out.append(match.group())
                pos = match.end()
            elif (match := START_TAG.match(source, pos)) is not None:
                inner = start_tag(match)
                body, pos = self.element(inner, match.end())
                out.append(inner.write(body))
            elif (match := CLOSE_TAG.match(source, pos)) is not None:
                pos = match.end()
                if _closes(tag, match.group(1)):
                    return "".join(out), pos
                out.append(escape_text(match.group()))
            else:
                out.append("&lt;")
                pos += 1
        return "".join(out), pos

    def _script(self, tag: StartTag, pos: int) -> tuple[str, int]:
        """`<script>` and `<style>`: their content unchanged, up to their closing tag."""
        close = re.compile(rf"</{re.escape(tag.name)}{_S}*>", re.IGNORECASE)
        found = close.search(self.source, pos)
        if found is None:
            return _to_end(self.source[pos:]), len(self.source)
        return self.source[pos : found.start()], found.end()


def _to_end(text: str) -> str:
    """The rest of the post, which kramdown always reads with a final line break."""
    return text if text.endswith("\n") else text + "\n"


def _closes(tag: StartTag, name: str) -> bool:
    """Whether closing tag `name` closes `tag` (case matters only for unknown elements)."""
    return tag.name == (name.lower() if tag.name in _KNOWN else name)
