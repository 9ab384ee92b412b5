"""Card excerpts made from a post's rendered HTML.

Rules, first that applies:

1. `excerpt:` in front matter, shown as text (Jekyll uses it unrendered);
2. the HTML before the post's (or site's) `excerpt_separator`, when the separator is not
   Jekyll's default blank line and appears in the HTML (`<!--more-->` survives Markdown);
3. the first paragraphs of text (never the banner image, headings, tables or code), cut at a
   word boundary near `max_chars` characters.

The result is rebuilt from parsed HTML: only inline formatting and links are kept, every text
and attribute is escaped again, footnote references are dropped. Relative links are resolved
against the post's URL and prefixed with `BASE`, which the listing page replaces by its own
path to the site root.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from mkdocs_reeblog.blog.links import BASE, is_safe_url, without_base

__all__ = ["ExcerptCache", "make_excerpt", "text_excerpt"]

_KEEP = frozenset({"a", "em", "strong", "b", "i", "code", "del", "ins", "mark", "abbr", "sub",
                   "s", "small", "kbd", "q", "cite", "span", "br"})  # fmt: skip
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})  # fmt: skip
_CHUNK = 256
"""The parser gets the HTML in pieces of at least this many characters: an excerpt is usually
done within the first few hundred, and the parser's time goes with what it is given."""
_SLACK = 40
"""A paragraph that ends this many characters past the limit is kept whole."""
_SKIP = frozenset({"script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "table",
                   "pre", "svg", "iframe", "noscript", "video", "audio", "object", "template",
                   "sup", "math", "button", "form", "select", "textarea", "details"})  # fmt: skip
_BLOCKS = frozenset({"p", "li", "blockquote", "dd", "dt"})
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def text_excerpt(text: str) -> str:
    """Front-matter `excerpt`: escaped text in a paragraph."""
    text = without_base(text).strip()
    return f"<p>{escape(text, quote=False)}</p>" if text else ""


def _collapse_spaces(text: str) -> str:
    """Each run of whitespace as one space (what `re.sub(r"\\s+", " ", text)` gives, without
    a regular expression: `str.split` knows the same whitespace)."""
    words = text.split()
    if not words:
        return " " if text else ""
    joined = " ".join(words)
    if text[0].isspace():
        joined = " " + joined
    return joined + " " if text[-1].isspace() else joined


def _rebase(url: str, post_url: str) -> str:
    """A link of the post as a link from the site root, prefixed with `BASE`."""
    url = without_base(url)
    if not url or url.startswith("//") or _SCHEME.match(url):
        return url
    if url.startswith("#"):
        return BASE + post_url + url
    if url.startswith("/"):
        return url
    folder = posixpath.dirname(post_url)
    path, hash_, fragment = url.partition("#")
    joined = posixpath.normpath(posixpath.join(folder, path)) if path else post_url
    joined = "" if joined == "." else joined.lstrip("/")
    if path.endswith("/") and not joined.endswith("/"):
        joined += "/"
    return BASE + joined + hash_ + fragment


@dataclass
class _Cutter(HTMLParser):
    """Walks post HTML and writes the kept parts, stopping near `max_chars`."""

    post_url: str = ""
    max_chars: int = 350
    stop_at: str | None = None
    out: list[str] = field(default_factory=list)
    length: int = 0
    open_tags: list[str] = field(default_factory=list)
    skip_depth: int = 0
    in_block: bool = False
    block_has_text: bool = False
    done: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if self.skip_depth or tag in _SKIP or self._is_footnotes(tag, attrs):
            if tag not in _VOID:
                self.skip_depth += 1
            return
        if tag in _BLOCKS and not self.in_block:
            self.in_block, self.block_has_text = True, False
            self.out.append("<p>")
            return
        if tag in _KEEP and self.in_block:
            self.out.append(self._open(tag, dict(attrs)))
            if tag not in _VOID:
                self.open_tags.append(tag)

    def _is_footnotes(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        classes = (dict(attrs).get("class") or "").split()
        return tag == "div" and ("footnote" in classes or "footnotes" in classes)

    def _open(self, tag: str, attrs: dict[str, str | None]) -> str:
        kept = []
        if tag == "a" and attrs.get("href") and is_safe_url(attrs["href"] or ""):
            kept.append(("href", _rebase(attrs["href"] or "", self.post_url)))
        if tag in ("a", "abbr") and attrs.get("title"):
            kept.append(("title", attrs["title"] or ""))
        text = "".join(f' {name}="{escape(value)}"' for name, value in kept)
        return f"<{tag}{text}>"

    def handle_endtag(self, tag: str) -> None:
        if self.done:
            return
        if self.skip_depth:
            if tag not in _VOID:
                self.skip_depth -= 1
            return
        if tag in _KEEP and self.open_tags and self.open_tags[-1] == tag:
            self.open_tags.pop()
            self.out.append(f"</{tag}>")
        elif tag in _BLOCKS and self.in_block:
            self._close_block()

    def _close_block(self) -> None:
        self._close_inline()
        if self.block_has_text:
            self.out.append("</p>")
        else:  # an empty or image-only paragraph: drop its opening
            while self.out and self.out[-1] != "<p>":
                self.out.pop()
            if self.out:
                self.out.pop()
        self.in_block = False
        if self.length >= self.max_chars:
            self.done = True

    def _close_inline(self) -> None:
        while self.open_tags:
            self.out.append(f"</{self.open_tags.pop()}>")

    def handle_data(self, data: str) -> None:
        if self.done or self.skip_depth or not self.in_block:
            return
        text = _collapse_spaces(without_base(data))
        if not text.strip() and not self.block_has_text:
            return
        room = self.max_chars - self.length
        if len(text) <= room + _SLACK:
            self.out.append(escape(text, quote=False))
            self.length += len(text)
            self.block_has_text = self.block_has_text or bool(text.strip())
            return
        # Past the limit: cut at the last word boundary that fits, or before this text.
        cut = text.rfind(" ", 0, room + 1) if room > 0 else -1
        if cut > 0:
            kept = text[:cut].rstrip()
            self.out.append(escape(kept, quote=False))
            self.length += len(kept)
            self.block_has_text = self.block_has_text or bool(kept.strip())
        if self.block_has_text:
            # `&#8230;` rather than `…`: an ASCII card takes half the memory of one with a
            # character beyond Latin-1 (Python stores a string at its widest character's size).
            self.out.append("&#8230;")
        self._close_block()
        self.done = True

    def handle_comment(self, data: str) -> None:
        if self.stop_at is not None and f"<!--{data}-->" == self.stop_at:
            if self.in_block:
                self._close_block()
            self.done = True


def make_excerpt(html: str, *, post_url: str, max_chars: int, separator: str | None = None) -> str:
    """The card excerpt of a post from its HTML (see the module's rules 2 and 3).

    `separator` is honoured when it appears in `html`; `post_url` is the post's URL relative to
    the site root, to resolve its relative links.
    """
    if separator and separator.strip() and separator in html:
        head = html[: html.index(separator)]
        cutter = _Cutter(post_url=post_url, max_chars=10**9)
    else:
        head = html
        cutter = _Cutter(post_url=post_url, max_chars=max_chars)
    for piece in _pieces(head):
        cutter.feed(piece)
        if cutter.done:
            break
    cutter.close()
    if cutter.in_block and not cutter.done:
        cutter._close_block()
    return "".join(cutter.out)


def _pieces(html: str) -> Iterator[str]:
    """`html` in pieces that end where a tag starts: a text is never handed to the parser in two
    parts (which would cut it, and collapse its spaces, at another place)."""
    start = 0
    while start < len(html):
        end = html.find("<", start + _CHUNK)
        end = len(html) if end < 0 else end
        yield html[start:end]
        start = end


class ExcerptCache:
    """`make_excerpt` for each post, made again only when its arguments change: `mkdocs serve`
    rebuilds every page, and most posts' HTML is the same as in the build before."""

    def __init__(self) -> None:
        self._made: dict[str, tuple[tuple[str, str, int, str | None], str]] = {}

    def excerpt(
        self, key: str, html: str, *, post_url: str, max_chars: int, separator: str | None
    ) -> str:
        """The excerpt of the post `key` (see `make_excerpt` for the arguments)."""
        arguments = (html, post_url, max_chars, separator)
        made = self._made.get(key)
        if made is not None and made[0] == arguments:
            excerpt = made[1]
        else:
            excerpt = make_excerpt(
                html, post_url=post_url, max_chars=max_chars, separator=separator
            )
        # The new HTML is kept (equal to the old one or not): the old page's can go.
        self._made[key] = (arguments, excerpt)
        return excerpt
