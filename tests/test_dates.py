"""Dates read as Jekyll reads them (`Time.parse(...).localtime` in the site's timezone)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from mkdocs_reeblog.jekyll.dates import DateError, load_timezone, parse_date

UTC = load_timezone("UTC")


def _iso(value: object, zone: str) -> str:
    return parse_date(value, load_timezone(zone)).isoformat()


@pytest.mark.parametrize(
    ("value", "zone", "expected"),
    [
        ("2024-03-15", "UTC", "2024-03-15T00:00:00+00:00"),
        ("2024-03-15", "Europe/Madrid", "2024-03-15T00:00:00+01:00"),
        ("2024-07-15", "Europe/Madrid", "2024-07-15T00:00:00+02:00"),
        ("2024-03-15", "America/Los_Angeles", "2024-03-15T00:00:00-07:00"),
        ("2020-1-5", "UTC", "2020-01-05T00:00:00+00:00"),
    ],
)
def test_filename_date_is_local_midnight(value: str, zone: str, expected: str) -> None:
    assert _iso(value, zone) == expected


@pytest.mark.parametrize(
    ("value", "zone", "expected"),
    [
        # The table of section 1.4 of the reference, observed with Jekyll.
        ("2024-02-01 23:30:00 -0500", "UTC", "2024-02-02T04:30:00+00:00"),
        ("2024-02-01 23:30:00 -0500", "Asia/Tokyo", "2024-02-02T13:30:00+09:00"),
        ("2024-02-01 23:30:00 -0500", "America/New_York", "2024-02-01T23:30:00-05:00"),
        ("2021-02-20 02:00:00 +0900", "UTC", "2021-02-19T17:00:00+00:00"),
    ],
)
def test_offsets_are_converted_to_the_timezone(value: str, zone: str, expected: str) -> None:
    assert _iso(value, zone) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-15T10:00:00Z", "2024-03-15T11:00:00+01:00"),
        ("2024-03-15 10:00:00 Z", "2024-03-15T11:00:00+01:00"),
        ("2024-03-15 10:00:00 +01:00", "2024-03-15T10:00:00+01:00"),
        ("2024-03-15 10:00:00 -0500", "2024-03-15T16:00:00+01:00"),
        ("2024-03-15 10:00:00 UTC", "2024-03-15T11:00:00+01:00"),
        ("2024-03-15 10:00", "2024-03-15T10:00:00+01:00"),
        ("2024-03-15 10:00:00", "2024-03-15T10:00:00+01:00"),
        ("2024-03-15 10:00:00.250 +0000", "2024-03-15T11:00:00.250000+01:00"),
    ],
)
def test_offset_spellings(value: str, expected: str) -> None:
    assert _iso(value, "Europe/Madrid") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-06-31", "2016-07-01T00:00:00+00:00"),  # observed with Jekyll
        ("2023-02-29", "2023-03-01T00:00:00+00:00"),
        ("2024-02-30 10:00:00", "2024-03-01T10:00:00+00:00"),
        ("2024-12-31 24:00:00", "2025-01-01T00:00:00+00:00"),
    ],
)
def test_impossible_days_roll_over_like_ruby(value: str, expected: str) -> None:
    assert _iso(value, "UTC") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("24-03-15", "2024-03-15T00:00:00+00:00"),
        ("68-1-1", "2068-01-01T00:00:00+00:00"),
        ("69-1-1", "1969-01-01T00:00:00+00:00"),
        ("99-12-31", "1999-12-31T00:00:00+00:00"),
    ],
)
def test_two_digit_years_are_completed_like_ruby(value: str, expected: str) -> None:
    assert _iso(value, "UTC") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2024, 3, 15), "2024-03-15T00:00:00+09:00"),
        (datetime(2024, 3, 15, 8, 0), "2024-03-15T08:00:00+09:00"),
        (datetime(2024, 3, 15, 8, 0, tzinfo=timezone.utc), "2024-03-15T17:00:00+09:00"),
        (datetime(2024, 3, 15, tzinfo=timezone(timedelta(hours=-5))), "2024-03-15T14:00:00+09:00"),
    ],
)
def test_date_objects(value: object, expected: str) -> None:
    assert _iso(value, "Asia/Tokyo") == expected


def test_result_is_aware_and_in_the_timezone() -> None:
    tz = load_timezone("Europe/Madrid")
    parsed = parse_date("2024-03-15 10:00:00 -0500", tz)
    assert parsed.tzinfo is tz
    assert parsed.utcoffset() == timedelta(hours=1)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("not a date", ["cannot be read", "YYYY-MM-DD"]),
        ("", ["cannot be read", "YYYY-MM-DD"]),
        ("2024-13-01", ["month 13", "YYYY-MM-DD"]),
        ("2024-01-32", ["day 32", "YYYY-MM-DD"]),
        ("2024-03-15 25:00", ["time of day", "HH:MM:SS"]),
        ("2024-03-15 10:61", ["time of day"]),
        ("2024-03-15 10:00:00 +2500", ["offset", "+2500"]),
        ("0000-01-01", ["year 0", "1 to 9999"]),
        ("99999-01-01", ["'99999-01-01'", "YYYY-MM-DD"]),
        ("9999-12-31 23:00:00 -0500", ["out of range"]),
    ],
)
def test_unreadable_dates_raise_a_helpful_error(value: str, words: list[str]) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(value, UTC)
    for word in words:
        assert word in str(caught.value)


def test_date_error_is_a_value_error() -> None:
    """Callers that catch `ValueError` also catch bad dates."""
    assert issubclass(DateError, ValueError)


@pytest.mark.parametrize("name", ["UTC", "Europe/Madrid", "America/New_York", "Asia/Tokyo"])
def test_load_timezone_knows_iana_names(name: str) -> None:
    assert str(load_timezone(name)) == name


@pytest.mark.parametrize("name", [None, ""])
def test_load_timezone_defaults_to_utc(name: str | None) -> None:
    assert load_timezone(name).utcoffset(datetime(2024, 7, 1)) == timedelta(0)


@pytest.mark.parametrize("name", ["Mars/Olympus_Mons", "Europe/Madird", "../etc/passwd", "+01:00"])
def test_unknown_timezone_raises_with_the_name(name: str) -> None:
    with pytest.raises(DateError, match="unknown timezone") as caught:
        load_timezone(name)
    assert repr(name) in str(caught.value)
    assert "Europe/Madrid" in str(caught.value)
