"""Jekyll's `Utils.slugify`, mode for mode (`jekyll/utils.rb`).

Ruby's `\\p{L}`, `\\p{M}` and `\\p{Nd}` classes are not Python's `\\w`, so the `regex` module is
used for the exact Unicode classes.
"""

from __future__ import annotations

import unicodedata

import regex

_MODES: dict[str, regex.Pattern[str]] = {
    "raw": regex.compile(r"\s+"),
    "default": regex.compile(r"[^\p{M}\p{L}\p{Nd}]+"),
    "pretty": regex.compile(r"[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+"),
    "ascii": regex.compile(r"[^A-Za-z0-9]+"),
}

# A few transliterations that `I18n.transliterate` makes beyond plain accent stripping.
_LATIN_EXTRA = str.maketrans({"ß": "ss", "Æ": "AE", "æ": "ae", "Ø": "O", "ø": "o", "Œ": "OE",
                              "œ": "oe", "Þ": "TH", "þ": "th", "Đ": "D", "đ": "d", "Ł": "L",
                              "ł": "l"})  # fmt: skip


def _transliterate(text: str) -> str:
    """Approximate Ruby's `I18n.transliterate`: Latin letters lose accents, others become '?'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LATIN_EXTRA))
    out = []
    for char in decomposed:
        if unicodedata.combining(char):
            continue
        out.append(char if char.isascii() else "?")
    return "".join(out)


def slugify(text: str, mode: str = "default", *, cased: bool = False) -> str:
    """Slugify `text` exactly as Jekyll's `Utils.slugify(text, mode:, cased:)` does.

    Unknown modes behave as Jekyll's `none`: the text is only lowercased (unless `cased`).
    """
    if mode == "latin":
        text = _transliterate(text)
        mode = "default"
    pattern = _MODES.get(mode)
    if pattern is None:
        return text if cased else text.lower()
    slug = pattern.sub("-", text)
    # Jekyll removes one leading and one trailing dash (`gsub(/^-|-$/i, "")`).
    if slug.startswith("-"):
        slug = slug[1:]
    if slug.endswith("-"):
        slug = slug[:-1]
    return slug if cased else slug.lower()
