"""Tags and categories as pages: one page per name, at jekyll-archives' URLs.

jekyll-archives keys its pages by the exact spelling, so `Mining` and `mining` both write
`/tag/mining/` and one of them loses its posts. Here spellings that differ only in case, spaces
or the separators `- _ .` are one term (every post kept, an info line names the spellings: a
blog written for Jekyll often has them, and Jekyll itself builds it without a word); two
different names whose slugs collide get distinct URLs (`c`, `c-2`) and a warning.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from dataclasses import dataclass

import regex

from mkdocs_reeblog.blog.index import BlogIndex, PublishedPost
from mkdocs_reeblog.jekyll.slugify import slugify
from mkdocs_reeblog.jekyll.urls import escape_path

__all__ = ["Taxonomy", "Term", "TermKind", "build_taxonomy", "merge_key", "term_slug"]

TermKind = str  # "tag" or "category"
_SEPARATORS = regex.compile(r"[\s\-_.]+")
_MAX_SLUG_BYTES = 120


def merge_key(name: str) -> str:
    """Names with the same key are one term: case, spaces and `- _ .` do not count."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", name).casefold())


def term_slug(name: str, mode: str = "default") -> str:
    """Jekyll's slug of a name; a stable stand-in when it would be empty (`🚀`), and a cut one
    with a hash when it would not fit in a folder name."""
    slug = slugify(name, mode)
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    if not slug:
        return f"x-{digest}"
    if len(slug.encode("utf-8")) > _MAX_SLUG_BYTES:  # a folder name must fit the file system
        cut = slug.encode("utf-8")[:_MAX_SLUG_BYTES].decode("utf-8", "ignore").rstrip("-")
        return f"{cut}-{digest}"
    return slug


@dataclass(frozen=True)
class Term:
    """A tag or category with its page."""

    kind: TermKind
    name: str
    """The spelling shown (the most used one; ties: the first in sort order)."""
    spellings: tuple[str, ...]
    slug: str
    url: str
    """jekyll-archives' URL (escaped, leading `/`)."""
    posts: tuple[PublishedPost, ...]
    """Newest first."""


@dataclass(frozen=True)
class Taxonomy:
    """All terms of one kind, sorted by name, and each spelling's term."""

    kind: TermKind
    terms: tuple[Term, ...]
    by_spelling: dict[str, Term]
    merged: tuple[str, ...] = ()
    """One line per term written in several spellings, naming them (for an info line)."""


def _names(entry: PublishedPost, kind: TermKind) -> tuple[str, ...]:
    return entry.post.tags if kind == "tag" else entry.post.categories


def build_taxonomy(index: BlogIndex, kind: TermKind, permalink: str) -> tuple[Taxonomy, list[str]]:
    """Group the posts of `index` by their `kind` names; returns warnings to log too (the
    spellings merged into one term are in the taxonomy's `merged`).

    `permalink` is a jekyll-archives template with `:name` (`/tag/:name/`).
    """
    groups: dict[str, dict[str, list[PublishedPost]]] = {}
    keys: dict[str, str] = {}  # a few dozen names, on thousands of posts
    for entry in index:  # newest first, so each term's posts are too
        for name in dict.fromkeys(_names(entry, kind)):
            key = keys.get(name)
            if key is None:
                key = keys[name] = merge_key(name)
            spellings = groups.setdefault(key, {})
            posts = spellings.setdefault(name, [])
            if not posts or posts[-1] is not entry:
                posts.append(entry)
    warnings: list[str] = []
    merged: list[str] = []
    terms: list[Term] = []
    used_slugs: set[str] = set()
    for key in sorted(groups):
        spellings = groups[key]
        counts = Counter({name: len(posts) for name, posts in spellings.items()})
        name = sorted(spellings, key=lambda n: (-counts[n], n))[0]
        members: dict[int, PublishedPost] = {}
        for posts in spellings.values():
            for entry in posts:
                members[id(entry)] = entry
        ordered = tuple(e for e in index if id(e) in members)
        slug = term_slug(name)
        if len(spellings) > 1:
            listed = ", ".join(repr(s) for s in sorted(spellings))
            merged.append(f"the {kind} spellings {listed} are one {kind} page")
        if slug in used_slugs:
            base, number = slug, 2
            while f"{base}-{number}" in used_slugs:
                number += 1
            slug = f"{base}-{number}"
            warnings.append(
                f"the {kind} {name!r} would share the URL of another {kind} with the slug "
                f"{base!r}; it gets {slug!r} instead"
            )
        used_slugs.add(slug)
        url = expand_term_url(permalink, slug)
        terms.append(Term(kind, name, tuple(sorted(spellings)), slug, url, ordered))
    terms.sort(key=lambda t: (t.name.casefold(), t.name))
    by_spelling = {spelling: term for term in terms for spelling in term.spellings}
    return Taxonomy(kind, tuple(terms), by_spelling, tuple(merged)), warnings


def expand_term_url(permalink: str, slug: str) -> str:
    """jekyll-archives' URL for a term page (`:name` is the slug)."""
    url = "/" + permalink.replace(":name", escape_path(slug)).lstrip("/")
    return regex.sub("/+", "/", url)


def years(index: BlogIndex) -> dict[int, list[PublishedPost]]:
    """The posts of each year, newest year first, each list newest first."""
    by_year: dict[int, list[PublishedPost]] = {}
    for entry in index:
        by_year.setdefault(entry.post.date.year, []).append(entry)
    return dict(sorted(by_year.items(), reverse=True))
