"""Dates read the way Jekyll reads them (Ruby's `Time.parse(...).localtime`).

* A date without an offset is wall-clock time in the site's `timezone`.
* A date with an offset is converted to the site's `timezone` (so the day in the URL can change).
* Impossible days roll over as Ruby does: `2016-06-31` is `2016-07-01`.
"""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["DateError", "load_timezone", "parse_date"]


class DateError(ValueError):
    """A date that cannot be read; the message says how to write it."""


_ISO = re.compile(
    r"""^\s*
    (?P<year>\d{2,4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})
    (?:[T\s]+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,](?P<frac>\d+))?)?)?
    \s*(?P<zone>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?
    (?:\s+(?!\d+:)[^\sA-Za-z+-].*)?  # Date._parse skips the rest: `2017-09-27 (optional)`
    \s*$""",
    re.VERBOSE | re.IGNORECASE,
)
_WORDY_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y")
_HOW = "write it as YYYY-MM-DD, optionally followed by HH:MM:SS and an offset such as +0100"


def load_timezone(name: str | None) -> tzinfo:
    """The `tzinfo` for an IANA name (`Europe/Madrid`); UTC when `name` is empty."""
    if not name:
        return timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise DateError(
            f"unknown timezone {name!r}; use an IANA name such as 'UTC' or 'Europe/Madrid'"
        ) from exc


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # Ruby's Date._parse completes two-digit years
        year += 1900 if year >= 69 else 2000
    return year


def _zone(text: str | None) -> tzinfo | None:
    if not text:
        return None
    if text.upper() in ("Z", "UTC", "GMT"):
        return timezone.utc
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 23 or minutes > 59:
        raise DateError(f"offset {text!r} is out of range; {_HOW}")
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if text[0] == "-" else delta)


def _from_iso(match: re.Match[str], text: str) -> datetime:
    year, month, day = _full_year(match["year"]), int(match["month"]), int(match["day"])
    hour, minute = int(match["hour"] or 0), int(match["minute"] or 0)
    second = int(match["second"] or 0)
    micro = int((match["frac"] or "0")[:6].ljust(6, "0"))
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        raise DateError(f"date {text!r} has no month {month} or day {day}; {_HOW}")
    if hour > 24 or minute > 59 or second > 60:
        raise DateError(f"date {text!r} has an impossible time of day; {_HOW}")
    if not 1 <= year <= 9999:
        raise DateError(f"date {text!r} has year {year}; years 1 to 9999 can be published")
    try:
        start = datetime(year, month, 1, tzinfo=_zone(match["zone"]))
        # Ruby rolls impossible days (and second 60, hour 24) over into the next unit.
        return start + timedelta(
            days=day - 1, hours=hour, minutes=minute, seconds=second, microseconds=micro
        )
    except OverflowError as exc:
        raise DateError(f"date {text!r} is out of range; years 1 to 9999 can be published") from exc


def _from_other_formats(text: str) -> datetime | None:
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _WORDY_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
    return None


def parse_date(value: object, tz: tzinfo) -> datetime:
    """Read a front-matter or file-name date and return it as an aware time in `tz`.

    `value` is what the YAML gave (the plugin's YAML loader keeps timestamps as text), or a
    `date`/`datetime` built by other code.
    """
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime(value.year, value.month, value.day)
    else:
        text = str(value)
        match = _ISO.match(text)
        found = _from_iso(match, text) if match else _from_other_formats(text)
        if found is None:
            raise DateError(f"date {text!r} cannot be read; {_HOW}")
        parsed = found
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=tz)
    try:
        return parsed.astimezone(tz)
    except OverflowError as exc:
        raise DateError(f"date {value!r} is out of range after converting it to {tz}") from exc
