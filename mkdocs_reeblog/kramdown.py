"""kramdown (Jekyll's Markdown) features with their Python-Markdown equivalents.

Heading ids are kramdown-parser-gfm's (GitHub style: `Rare Earths & Magnets` ->
`rare-earths--magnets`, duplicates `intro-1`), so `#anchor` links into old posts keep working.
`pymdownx.slugs.slugify(case="lower")` makes the same slugs; only the duplicate suffix differs
(`_1` in Python-Markdown's `toc`), so the slugger numbers duplicates itself, page by page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from typing import Any

from pymdownx.slugs import slugify as pymdownx_slugify

__all__ = [
    "KramdownSlugger",
    "add_kramdown_extensions",
    "convert_toc_marker",
    "enabled_extensions",
    "used_extensions",
]


# kramdown's table of contents: a one-item list followed by `{:toc}` (or `{::toc}`).
_TOC = re.compile(
    r"^[ ]{0,3}(?:[*+-]|1\.)[ \t]+[^\n]*\n[ ]{0,3}\{:{1,2}\s*toc\s*\}[ \t]*$", re.MULTILINE
)


def convert_toc_marker(markdown: str) -> str:
    """Replace kramdown's `* TOC` + `{:toc}` by Python-Markdown's `[TOC]`."""
    if "{:" not in markdown or "toc" not in markdown:  # "stockpile" has a "toc" too
        return markdown
    return _TOC.sub("[TOC]", markdown)


class KramdownSlugger:
    """Heading ids as kramdown-parser-gfm makes them, with `-1`, `-2` for repeated headings.

    It keeps the ids of the page being rendered: `reset()` starts a new page.
    """

    def __init__(self) -> None:
        self._slugify: Callable[[str, str], str] = pymdownx_slugify(case="lower")
        self._seen: dict[str, int] = {}

    def reset(self) -> None:
        self._seen = {}

    def __call__(self, text: str, separator: str) -> str:
        # kramdown typesets `---` and `--` as dashes before making the id, which drops them.
        slug = self._slugify(text.replace("---", "").replace("--", ""), "-")
        count = self._seen.get(slug)
        self._seen[slug] = 0 if count is None else count + 1
        return slug if count is None else f"{slug}-{count + 1}"


# Python-Markdown extensions that render kramdown's IAL `{: .class}`, footnotes, abbreviations,
# definition lists and `markdown="1"`, each with a cheap test for its syntax in a post.
_USES: dict[str, Callable[[str], bool]] = {
    "attr_list": lambda text: "{:" in text or "{#" in text or "{." in text,
    "footnotes": lambda text: "[^" in text,
    "abbr": lambda text: "*[" in text,
    "def_list": lambda text: "\n:" in text,
    "md_in_html": lambda text: "markdown=" in text,
}


def enabled_extensions(extensions: Iterable[Any]) -> set[str]:
    """The names of configured Markdown extensions, short (`toc`) and as written."""
    names = {name if isinstance(name, str) else type(name).__name__ for name in extensions}
    return names | {name.removeprefix("markdown.extensions.") for name in names}


def used_extensions(bodies: Iterable[str], enabled: Collection[str] = ()) -> list[str]:
    """The kramdown-equivalent extensions that some post needs (each costs every page a little),
    but for those `enabled` already (the posts are not searched for their syntax)."""
    wanted = {name for name in _USES if name not in enabled}
    found: list[str] = []
    for body in bodies if wanted else ():
        for name in [name for name in wanted if _USES[name](body)]:
            wanted.discard(name)
            found.append(name)
        if not wanted:
            break
    return sorted(found)


def add_kramdown_extensions(
    extensions: list[Any],
    extension_configs: dict[str, dict[str, Any]],
    slugger: KramdownSlugger,
    needed: Iterable[str],
) -> None:
    """Enable the `needed` kramdown equivalents in an MkDocs configuration (in place), and the
    kramdown heading ids; a `toc` the user configured with a `slugify` of their own keeps it."""
    enabled = enabled_extensions(extensions)
    for name in (*needed, "toc"):
        if name not in enabled:
            extensions.append(name)
    toc = extension_configs.setdefault("toc", {})
    toc.setdefault("slugify", slugger)
