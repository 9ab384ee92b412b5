"""What a reader sees of an HTML fragment: its blocks, in order, and its text.

Two renderings of one post (Jekyll's kramdown and the plugin's) are compared on:

* the *block structure*: the sequence, in document order, of the blocks a reader tells apart.
  Each block has a kind: `h1`-`h6`; `p` (a paragraph with visible text: a paragraph of images
  alone is just its images, and paragraphs directly inside `li` or `dd` are not counted, since a
  tight and a loose list item look alike); `ul`, `ol`, `li`; `table` and one `tr/N` per row of N
  cells; `pre`; `blockquote`; `img`; `dl`, `dt`, `dd`; `hr`; embedded media (`iframe`, `video`,
  `audio`); and the footnotes: a footnotes section (`<div class="footnotes">` of kramdown,
  `<div class="footnote">` of Python-Markdown) is one `footnotes` block and one `footnote` per
  note, its own `ol` and `hr` being decoration. Other elements (`div`, `span`, `a`, `em`...)
  are no block: they wrap text or style it.
* the *visible text*: every text node outside `script`, `style` and `template`, block
  boundaries read as spaces, whitespace runs collapsed to one space; typographic characters
  (`’` against `'`, `–` against `--`) are kept as they are, so they count as differences.
* the *words*: the runs of letters, digits and `_` of the visible text (Python's `\\w+`).
  Punctuation, typographic or not, is no word: `don’t` and `don't` are both `don`, `t`.
  Jekyll's text has *lost words* in ours when some word occurs fewer times in ours than in
  Jekyll's (multiset difference): words moved elsewhere or added are not lost.

Fragments are parsed with `html.parser` (no HTML5 tree fixing): end tags that close nothing
are ignored, so a fragment cut out of a page may carry the page's closing tags.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, Tag
from bs4.element import ProcessingInstruction

__all__ = [
    "Block",
    "Structure",
    "block_differences",
    "first_difference",
    "lost_words",
    "read_structure",
    "text_difference",
]

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SIMPLE_BLOCKS = HEADINGS | {
    "ul",
    "ol",
    "li",
    "table",
    "pre",
    "blockquote",
    "img",
    "dl",
    "dt",
    "dd",
    "hr",
    "iframe",
    "video",
    "audio",
}
"""Elements that are a block of their own kind wherever they are (footnotes aside)."""
INVISIBLE = frozenset({"script", "style", "template"})
TIGHT_PARENTS = frozenset({"li", "dd"})
"""Paragraphs directly inside these are not counted."""
FOOTNOTES_CLASSES = frozenset({"footnotes", "footnote"})
"""The class of the `div` holding the footnotes: kramdown's, Python-Markdown's."""
SEPARATING = SIMPLE_BLOCKS | {
    "p",
    "div",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "figure",
    "figcaption",
    "details",
    "summary",
    "tr",
    "td",
    "th",
    "br",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "center",
    "address",
    "nav",
    "main",
    "form",
    "fieldset",
    "legend",
}
"""Elements whose start and end separate the words on each side (HTML's block-level elements,
table cells and line breaks)."""
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)
_WORD = re.compile(r"\w+")
EXCERPT = 40
"""How many characters of a block's text a report shows."""


@dataclass(frozen=True)
class Block:
    """One block of a fragment. Blocks are equal when their kinds are."""

    kind: str
    text: str = field(default="", compare=False)
    """The start of the block's visible text (at most `EXCERPT` characters), for reports."""
    src: str = field(default="", compare=False)
    """An image's `src`."""

    def __str__(self) -> str:
        shown = self.src or self.text
        return f"{self.kind} {shown!r}" if shown else self.kind


@dataclass(frozen=True)
class Structure:
    """The blocks and the visible text of a fragment."""

    blocks: tuple[Block, ...]
    text: str
    """Whitespace-normalised."""

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(block.kind for block in self.blocks)

    @property
    def words(self) -> list[str]:
        return _WORD.findall(self.text)


def read_structure(fragment: str, *, drop_image: Callable[[str], bool] | None = None) -> Structure:
    """The blocks and the text of the HTML `fragment`.

    With `drop_image`, the first image whose `src` it accepts is left out (images have no
    text, and a paragraph of images alone is no block).
    """
    soup = BeautifulSoup(fragment, "html.parser")
    if drop_image is not None:
        image = next((i for i in soup.find_all("img") if drop_image(str(i.get("src", "")))), None)
        if image is not None:
            image.decompose()
    walker = _Walker()
    walker.walk(soup, in_footnotes=False)
    return Structure(tuple(walker.blocks), " ".join("".join(walker.text).split()))


class _Walker:
    """Collects blocks and text in document order."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.text: list[str] = []

    def walk(self, node: Tag, *, in_footnotes: bool) -> None:
        for child in node.children:
            if isinstance(child, _NOT_TEXT):
                continue
            if isinstance(child, NavigableString):
                self.text.append(str(child))
            elif isinstance(child, Tag) and child.name not in INVISIBLE:
                self._element(child, node, in_footnotes=in_footnotes)

    def _element(self, element: Tag, parent: Tag, *, in_footnotes: bool) -> None:
        opens_footnotes = element.name == "div" and bool(
            FOOTNOTES_CLASSES.intersection(element.get_attribute_list("class"))
        )
        kind = "footnotes" if opens_footnotes else _kind(element, parent, in_footnotes)
        if kind:
            text = " ".join(_visible_text(element).split())[:EXCERPT]
            src = str(element.get("src", "")) if kind == "img" else ""
            self.blocks.append(Block(kind, text, src))
        separates = element.name in SEPARATING
        if separates:
            self.text.append(" ")
        self.walk(element, in_footnotes=in_footnotes or opens_footnotes)
        if separates:
            self.text.append(" ")


def _kind(element: Tag, parent: Tag, in_footnotes: bool) -> str | None:
    """The kind of block `element` is, or None when it is no block."""
    name = element.name
    if in_footnotes and name == "li":
        return "footnote"
    if in_footnotes and name in ("ol", "hr"):
        return None
    if name == "tr":
        cells = element.find_all(("td", "th"), recursive=False)
        return f"tr/{len(cells)}"
    if name == "p":
        if parent.name in TIGHT_PARENTS or not _visible_text(element).strip():
            return None
        return "p"
    return name if name in SIMPLE_BLOCKS else None


def _visible_text(element: Tag) -> str:
    """The text of `element` a reader sees (no script, style or comment)."""
    return "".join(
        str(node)
        for node in element.descendants
        if isinstance(node, NavigableString)
        and not isinstance(node, _NOT_TEXT)
        and not any(parent.name in INVISIBLE for parent in node.parents if parent is not element)
    )


def lost_words(theirs: Structure, ours: Structure) -> list[str]:
    """The words of `theirs` that `ours` has fewer of, each as many times as it is missing,
    in the order of `theirs`."""
    missing = Counter(theirs.words) - Counter(ours.words)
    lost = []
    for word in theirs.words:
        if missing[word]:
            missing[word] -= 1
            lost.append(word)
    return lost


def block_differences(
    theirs: Sequence[Block], ours: Sequence[Block], *, limit: int = 3
) -> list[str]:
    """The first `limit` places where the two block sequences differ, one line each:
    `blocks 4-5: jekyll [ul 'First', li 'First'] / plugin [p 'First']`."""
    matcher = difflib.SequenceMatcher(None, list(theirs), list(ours), autojunk=False)
    found = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        left = ", ".join(map(str, theirs[a1:a2]))
        right = ", ".join(map(str, ours[b1:b2]))
        found.append(f"{_place(a1, a2)}: jekyll [{left}] / plugin [{right}]")
        if len(found) == limit:
            break
    return found


def _place(start: int, end: int) -> str:
    """Jekyll's blocks `start:end` in words (1-based; none: the place between two blocks)."""
    if start == end:
        return f"after block {start}"
    return f"block {end}" if end == start + 1 else f"blocks {start + 1}-{end}"


def first_difference(left: str, right: str) -> int:
    """The index of the first character where `left` and `right` differ (the length of the
    shorter one when it starts the other)."""
    pairs = enumerate(zip(left, right, strict=False))
    return next((i for i, (a, b) in pairs if a != b), min(len(left), len(right)))


def text_difference(theirs: str, ours: str, *, context: int = 30) -> str | None:
    """Where two texts first differ, with `context` characters before and after, or None when
    they are equal."""
    if theirs == ours:
        return None
    start = first_difference(theirs, ours)
    before = max(start - context, 0)
    left, right = theirs[before : start + context], ours[before : start + context]
    return f"at character {start + 1}: jekyll {left!r} / plugin {right!r}"
