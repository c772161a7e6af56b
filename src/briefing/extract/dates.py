"""Relative and partial dates resolved against the article's publication date.

News text dates events relative to the day it was written ("on Wednesday", "last Wednesday",
"yesterday") or without a year ("Nov. 24", "Dec. 6th", "30 November"). Resolution needs the
publication date as an anchor; with no anchor only a fully stated date resolves, so nothing is
ever invented. Events reported in news lie in the past, so a weekday or a yearless date is taken
as the latest such day not after the publication date.
"""

from __future__ import annotations

import datetime as dt
import re

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "the day before yesterday": -2}
#: Phrases that date an event relative to the one reported just before it.
FOLLOWING_DAY = re.compile(r"\b(?:the )?(?:following|next) day\b|\bthe day after\b", re.IGNORECASE)

_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}", re.IGNORECASE)
DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?![a-z]){_YEAR}", re.IGNORECASE)
ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
WEEKDAY = re.compile(r"\b(?P<last>last\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


def resolve_date(phrase: str, anchor: dt.date | None) -> dt.date | None:
    """The calendar day a date phrase names, or None when it cannot be known.

    >>> resolve_date("last Wednesday", dt.date(2016, 10, 25))
    datetime.date(2016, 10, 19)
    >>> resolve_date("Nov. 24", dt.date(2016, 11, 26))
    datetime.date(2016, 11, 24)
    """
    text = " ".join(phrase.lower().split())
    return _explicit(text, anchor) or _relative_day(text, anchor) or _weekday(text, anchor)


def _explicit(text: str, anchor: dt.date | None) -> dt.date | None:
    match = ISO.search(text)
    if match:
        return _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
    match = MONTH_DAY.search(text) or DAY_MONTH.search(text)
    if not match:
        return None
    month, day = MONTHS[match["month"][:3].lower()], int(match["day"])
    if match["year"]:
        return _safe_date(int(match["year"]), month, day)
    if anchor is None:
        return None
    candidate = _safe_date(anchor.year, month, day)
    if candidate and candidate > anchor + dt.timedelta(days=1):
        candidate = _safe_date(anchor.year - 1, month, day)
    return candidate


def _relative_day(text: str, anchor: dt.date | None) -> dt.date | None:
    if anchor is None:
        return None
    for phrase, offset in sorted(RELATIVE_DAYS.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{phrase}\b", text):
            return anchor + dt.timedelta(days=offset)
    return None


def _weekday(text: str, anchor: dt.date | None) -> dt.date | None:
    """ "on Wednesday" is the latest Wednesday up to the publication day; "last Wednesday" is
    strictly before it (a week back when the article appeared on a Wednesday)."""
    match = WEEKDAY.search(text)
    if not match or anchor is None:
        return None
    back = (anchor.weekday() - WEEKDAYS.index(match["weekday"].lower())) % 7
    if match["last"] and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def follows_previous_day(phrase: str) -> bool:
    """True for "the following day", "the next day": a date relative to the previous event."""
    return bool(FOLLOWING_DAY.search(phrase))
