"""Jekyll's Liquid filters (URLs, dates, text, arrays) for `mkdocs_reeblog.jekyll.liquid`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any
from urllib.parse import quote, quote_plus

import markdown
import regex
from liquid.exceptions import (
    FilterValueError,
)
from liquid.stringify import to_liquid_string
from liquid.undefined import is_undefined

from mkdocs_reeblog.jekyll.dates import DateError, parse_date
from mkdocs_reeblog.jekyll.slugify import slugify

__all__ = ["PLAIN_FILTERS", "Address", "Dates", "Markdownify", "RubyTime", "pop", "where"]


# --- URL and date filters (Jekyll's URLFilters and date filters) ----------------------------

_ABSOLUTE_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_BARE_HOST = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*$")
_URL_SAFE = "/:@!$&'()*+,;=-._~%?#"
_URI_ESCAPE_SAFE = "!#$&'()*+,/:;=?@[]~-._%"


def _is_nil(value: object) -> bool:
    return value is None or is_undefined(value)


def _normalize_url(url: str) -> str:
    """Percent-encode what Addressable's `normalize` encodes (spaces, non-ASCII, quotes...)."""
    url = quote(url, safe=_URL_SAFE)
    return f"{url}/" if _BARE_HOST.match(url) else url


def _leading_slash(text: str) -> str:
    return text if not text or text.startswith("/") else f"/{text}"


@dataclass(frozen=True)
class Address:
    """The site's `url` and `baseurl`, for `relative_url`, `absolute_url` and the URL tags."""

    url: str
    baseurl: str

    def relative_url(self, value: object) -> str | None:
        """Jekyll's `relative_url`: `baseurl` + path, unless the value is an absolute URL."""
        if _is_nil(value):
            return None
        text = to_liquid_string(value, autoescape=False)
        if _ABSOLUTE_URL.match(text):
            return text
        base = self.baseurl[:-1] if self.baseurl.endswith("/") else self.baseurl
        return _normalize_url(_leading_slash(base) + _leading_slash(text))

    def absolute_url(self, value: object) -> str | None:
        """Jekyll's `absolute_url`: `url` + `baseurl` + path, unless already absolute."""
        relative = self.relative_url(value)
        if relative is None or _ABSOLUTE_URL.match(relative) or not self.url:
            return relative
        return _normalize_url(self.url + relative)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _ruby_time(moment: datetime) -> str:
    """Ruby's `Time#to_s`: `2024-03-15 00:00:00 +0000`."""
    return moment.strftime("%Y-%m-%d %H:%M:%S %z").rstrip()


class RubyTime(datetime):
    """A `datetime` printed as Jekyll prints a Ruby `Time` (`{{ page.date }}`)."""

    def __str__(self) -> str:
        return _ruby_time(self)

    @classmethod
    def of(cls, moment: datetime) -> RubyTime:
        """The same moment as a `RubyTime`."""
        return cls(moment.year, moment.month, moment.day, moment.hour, moment.minute,
                   moment.second, moment.microsecond, moment.tzinfo, fold=moment.fold)  # fmt: skip


def _ordinal(day: int) -> str:
    """`1st`, `2nd`, `3rd`, `4th`, `11th`, `21st`..."""
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _is_empty(value: object) -> bool:
    """Jekyll's `date.to_s.empty?`."""
    return _is_nil(value) or str(value) == ""


@dataclass(frozen=True)
class Dates:
    """Jekyll's date filters; text dates are read like front matter dates, in the site zone."""

    zone: tzinfo

    def time(self, value: object) -> datetime:
        """Jekyll's `time(input)`: a date, a time, a text date, `now`/`today` or epoch seconds."""
        text = str(value).strip()
        if isinstance(value, str) and text.lower() in ("now", "today"):
            return datetime.now(self.zone)
        if (isinstance(value, int) and not isinstance(value, bool)) or text.isdigit():
            return datetime.fromtimestamp(int(text), self.zone)
        try:
            return parse_date(value, self.zone)
        except DateError as exc:
            raise FilterValueError(f"invalid date {value!r}: {exc}", token=None) from exc

    def xmlschema(self, value: object) -> object:
        """`date_to_xmlschema`: `2024-03-15T00:00:00+00:00`."""
        return value if _is_empty(value) else self.time(value).isoformat(timespec="seconds")

    def rfc822(self, value: object) -> object:
        """`date_to_rfc822`: `Fri, 15 Mar 2024 00:00:00 +0000`."""
        if _is_empty(value):
            return value
        moment = self.time(value)
        day, month = _DAYS[moment.weekday()], _MONTHS[moment.month - 1][:3]
        return f"{day}, {moment.day:02d} {month} {moment.year} {moment:%H:%M:%S %z}"

    def to_string(self, value: object, kind: object = None, style: object = None) -> object:
        """`date_to_string`: `15 Mar 2024`; `"ordinal", "US"` gives `Mar 15th, 2024`."""
        return self._stringify(value, short=True, kind=kind, style=style)

    def to_long_string(self, value: object, kind: object = None, style: object = None) -> object:
        """`date_to_long_string`: `15 March 2024`."""
        return self._stringify(value, short=False, kind=kind, style=style)

    def _stringify(self, value: object, *, short: bool, kind: object, style: object) -> object:
        if _is_empty(value):
            return value
        moment = self.time(value)
        month = _MONTHS[moment.month - 1][:3] if short else _MONTHS[moment.month - 1]
        if kind != "ordinal":
            return f"{moment.day:02d} {month} {moment.year}"
        if style == "US":
            return f"{month} {_ordinal(moment.day)}, {moment.year}"
        return f"{_ordinal(moment.day)} {month} {moment.year}"


# --- Other Jekyll filters -------------------------------------------------------------------

_CJK = r"\p{Han}\p{Katakana}\p{Hiragana}\p{Hangul}"
_CJK_CHAR = regex.compile(f"[{_CJK}]")
_NON_CJK_WORD = regex.compile(rf"[^{_CJK}\s]+")
_RUBY_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def _text(value: object) -> str:
    return "" if _is_nil(value) else to_liquid_string(value, autoescape=False)


def _json_default(value: object) -> object:
    if isinstance(value, datetime):
        return _ruby_time(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, (tuple, set, frozenset, range)):
        return list(value)
    return str(value)


def jsonify(value: object) -> str:
    """Jekyll's `jsonify` (Ruby's compact `to_json`)."""
    if _is_nil(value):
        return "null"
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_json_default)


def xml_escape(value: object) -> str:
    """Jekyll's `xml_escape`: `&`, `<`, `>` and `"` become entities."""
    text = _text(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;")


def cgi_escape(value: object) -> str:
    """Jekyll's `cgi_escape` (Ruby `CGI.escape`): form encoding, space as `+`."""
    return quote_plus(_text(value), safe="")


def uri_escape(value: object) -> str:
    """Jekyll's `uri_escape`: encode what is not allowed in a URI, keep reserved characters."""
    return quote(_text(value), safe=_URI_ESCAPE_SAFE)


def number_of_words(value: object, mode: object = None) -> int:
    """Jekyll's `number_of_words`, with its `cjk` and `auto` modes."""
    text = _text(value)
    cjk = len(_CJK_CHAR.findall(text))
    if mode == "cjk" or (mode == "auto" and cjk):
        return cjk + len(_NON_CJK_WORD.findall(text))
    return len(text.split())


def normalize_whitespace(value: object) -> str:
    """Jekyll's `normalize_whitespace`: runs of whitespace become one space, ends stripped."""
    return _RUBY_SPACE.sub(" ", _text(value)).strip()


def slugify_filter(value: object, mode: object = None) -> str:
    """Jekyll's `slugify` filter (`mode` as in `Utils.slugify`, default `default`)."""
    return slugify(_text(value), _text(mode) or "default")


def array_to_sentence_string(value: object, connector: object = "and") -> str:
    """Jekyll's `array_to_sentence_string`: `a, b, and c`."""
    items = [_text(item) for item in _as_list(value)]
    word = _text(connector)
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {word} {items[1]}"
    return f"{', '.join(items[:-1])}, {word} {items[-1]}"


def _as_list(value: object) -> list[Any]:
    if _is_nil(value):
        return []
    if isinstance(value, Mapping):
        return list(value.values())
    if isinstance(value, (list, tuple, range)):
        return list(value)
    return [value]


def _property(item: object, name: str) -> object:
    """Jekyll's `item_property`, with dotted names (`image.alt`)."""
    for key in name.split("."):
        if not isinstance(item, Mapping):
            return None
        item = item.get(key)
    return item


def _matches(found: object, target: object) -> bool:
    """Jekyll's `compare_property_vs_target`: text equality, or membership in an array."""
    if _is_nil(target):
        return found is None
    wanted = _text(target)
    if isinstance(found, str):
        return found == wanted
    candidates = found if isinstance(found, (list, tuple)) else [found]
    return any(_text(candidate) == wanted for candidate in candidates if candidate is not None)


def where(value: object, name: object, target: object = None) -> object:
    """Jekyll's `where`: items whose property equals `target` (or whose array contains it)."""
    if _is_nil(name) or isinstance(target, (list, tuple, Mapping)):
        return value
    return [item for item in _as_list(value) if _matches(_property(item, _text(name)), target)]


def group_by(value: object, name: object) -> list[dict[str, object]]:
    """Jekyll's `group_by`: `[{name, items, size}]` in first-seen order."""
    groups: dict[str, list[object]] = {}
    for item in _as_list(value):
        groups.setdefault(_text(_property(item, _text(name))), []).append(item)
    return [{"name": key, "items": items, "size": len(items)} for key, items in groups.items()]


def push(value: object, item: object) -> list[object]:
    """Jekyll's `push`: a new array with `item` appended."""
    return [*_as_list(value), item]


def pop(value: object, count: object = 1) -> list[object]:
    """Jekyll's `pop`: a new array without its last `count` items."""
    items = _as_list(value)
    return items[: max(len(items) - int(_text(count) or 1), 0)]


def shift(value: object, count: object = 1) -> list[object]:
    """Jekyll's `shift`: a new array without its first `count` items."""
    return _as_list(value)[int(_text(count) or 1) :]


def unshift(value: object, item: object) -> list[object]:
    """Jekyll's `unshift`: a new array with `item` first."""
    return [item, *_as_list(value)]


def to_integer(value: object) -> int:
    """Jekyll's `to_integer`."""
    if isinstance(value, bool):
        return int(value)
    try:
        return int(float(_text(value) or 0))
    except ValueError as exc:
        raise FilterValueError(f"to_integer: {_text(value)!r} is not a number", token=None) from exc


PLAIN_FILTERS: dict[str, Callable[..., object]] = {
    "jsonify": jsonify,
    "xml_escape": xml_escape,
    "cgi_escape": cgi_escape,
    "uri_escape": uri_escape,
    "number_of_words": number_of_words,
    "normalize_whitespace": normalize_whitespace,
    "slugify": slugify_filter,
    "array_to_sentence_string": array_to_sentence_string,
    "where": where,
    "group_by": group_by,
    "push": push,
    "pop": pop,
    "shift": shift,
    "unshift": unshift,
    "to_integer": to_integer,
}


class Markdownify:
    """Jekyll's `markdownify`, with Python-Markdown (one converter, reset before each use)."""

    def __init__(self) -> None:
        self._converter = markdown.Markdown(extensions=["extra"])

    def __call__(self, value: object) -> str:
        self._converter.reset()
        return str(self._converter.convert(_text(value)))
