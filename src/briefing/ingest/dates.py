"""Publication dates: recognise a line that is only a date, in the formats news pages print.

A date is taken only when the page states a full calendar date (day, month and year) on a line of
its own, optionally with a label ("Published", "Updated", "Date"), a weekday, a time and a time
zone, or on a short header line whose other words all go with dates (a byline, "2 min read",
share buttons, a second "Updated" date). Partial dates ("January 10"), dates inside sentences
("On Dec. 6th, Iraqi forces...") and ambiguous numeric forms are never turned into a publication
date: a wrong date is worse than none.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

#: Month names of the other languages international outlets date their pages in (Indonesian,
#: French, Spanish, Portuguese): "04 Maret 2019", "12 juillet 2021", "3 de marzo de 2020".
FOREIGN_MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "maret": 3, "mei": 5, "juni": 6, "juli": 7, "agustus": 8,
    "oktober": 10, "desember": 12,
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9,
    "outubro": 10, "novembro": 11, "dezembro": 12,
}  # fmt: skip

MONTH = (
    r"(?P<month>"
    + "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
    + r"|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d{2})"

#: Labels and weekdays that may precede the date on a date line.
PREFIX = (
    r"^(?:(?:published|updated|posted|last updated|first published|date|dated|released|release date|"
    r"on)\s*(?:on|at)?\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
)
#: A time of day and/or time zone after the date ("10:32 AM ET", "| 14:05 GMT", "- 2:00pm").
SUFFIX = r"(?:\s*(?:[,|–—-]|at)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?(?:[+-]\d{1,2})?)?)?\s*$"

#: The full dates a page states, in the shapes news pages print them.
MONTH_FIRST = MONTH + r"\s+" + DAY + r",?\s+" + YEAR
DAY_FIRST = DAY + r"\s+" + MONTH + r",?\s+" + YEAR
ISO_DATE = YEAR + r"-(?P<mnum>\d{2})-(?P<day>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?\S*)?"
#: Day-first numeric dates with dots (European sites such as DW's "23.03.2017").
DOTTED_DATE = r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>(?:19|20)\d{2})"

DATE_LINE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(PREFIX + date + SUFFIX, re.IGNORECASE)
    for date in (MONTH_FIRST, DAY_FIRST, ISO_DATE, DOTTED_DATE)
)
#: An outlet's or a city's name before the date: "Narinjara News, 8 May 2024".
NAMED_DATE_LINE: tuple[re.Pattern[str], ...] = tuple(
    re.compile(r"^[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3},\s+" + date + SUFFIX)
    for date in ("(?i:" + MONTH_FIRST + ")", "(?i:" + DAY_FIRST + ")")
)
#: "Friday 21/08/2015", "08/21/2015": slashed numeric dates, read only when the day is unmistakable.
SLASHED_DATE_LINE = re.compile(
    PREFIX + r"(?P<first>\d{1,2})/(?P<second>\d{1,2})/" + YEAR + SUFFIX, re.IGNORECASE
)

#: /2017/03/23/ or /2017/mar/23/ in a URL path: the page's own address stating its date.
URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})/(?:(?P<mnum>\d{1,2})|(?P<month>[a-z]{3}))/(?P<day>\d{1,2})(?:/|$)"
    r"|[/-](?P<iyear>(?:19|20)\d{2})-(?P<imnum>\d{2})-(?P<iday>\d{2})(?:[/_-]|$)"
    r"|/(?P<dday>\d{1,2})/(?P<dmnum>\d{1,2})/(?P<dyear>(?:19|20)\d{2})/",  # "/en/20/05/2018/": day first
    re.IGNORECASE,
)
#: Dates inside an article's slug: "la-xpm-2004-sep-30-fg-gaza", "...-20140715-zthqz.html",
#: "/20201103/austria-...", and day first ("/23032024-russia-...") only where the day cannot be a
#: month, since eight digits in that order are read both ways.
SLUG_DATE = re.compile(
    r"[/-](?P<year>(?:19|20)\d{2})-(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*-(?P<day>\d{1,2})(?=[/_.-]|$)"
    r"|[/-](?P<cyear>(?:19|20)\d{2})(?P<cmnum>0[1-9]|1[0-2])(?P<cday>0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
    r"|/(?P<eday>1[3-9]|2\d|3[01])(?P<emnum>0[1-9]|1[0-2])(?P<eyear>(?:19|20)\d{2})(?=[/_.-])"
    r"|/(?P<dday>\d{1,2})-(?P<dmonth>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*-(?P<dyear>(?:19|20)\d{2})/"
    r"|/(?P<myear>(?:19|20)\d{2})(?P<mmonth>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?P<mday>\d{1,2})/",
    re.IGNORECASE,
)
#: A labelled ISO date stamp that opens a line of text ("date 2019-10-15 Gunmen ambushed..."),
#: as some exports print the page's date before its text.
DATE_STAMP = re.compile(
    r"^\s*(?:date|published|posted|updated)\s*:?\s*(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{2})-(?P<day>\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2})?\S*)?\s+(?=\S)",
    re.IGNORECASE,
)


def parse_date_line(line: str) -> dt.date | None:
    """The date when the whole line is a full date (with optional label/weekday/time), or a
    labelled timestamp that opens the line ("Published - September 15, 2024 02:57 am IST - KYIV",
    "Ekleme: 03.07.2024 10:15:50 / Güncelleme: ..."), or a header line made only of dates and the
    words that go with them; else None."""
    text = " ".join(line.replace("\u060c", ",").split()).strip(" .|")
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]  # "(Last Updated On: November 16, 2019)"
    for patterns, longest in ((DATE_LINE_PATTERNS, 60), (NAMED_DATE_LINE, 60), (TIMESTAMP_PATTERNS, 160)):
        if len(text) > longest:
            continue
        for pattern in patterns:
            if match := pattern.match(text):
                return _date_from_match(match)
    if len(text) <= 60 and (slashed := SLASHED_DATE_LINE.match(text)):
        return _unmistakable_slashed(slashed)
    if (credited := CREDITED_DATE_LINE.match(text)) and (date := parse_date_line(credited.group("date"))):
        return date  # "Reuters , Thursday 25 Mar 2021": the wire, then the date
    return _header_date(text)


#: A short name before a comma and a date line: "Reuters , Thursday 25 Mar 2021".
CREDITED_DATE_LINE = re.compile(r"^[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,2}\s*,\s+(?P<date>[A-Z].{5,40})$")


def _unmistakable_slashed(match: re.Match[str]) -> dt.date | None:
    """21/08/2015 is day first and 08/21/2015 month first; 08/06/2015 could be either: None."""
    first, second = int(match.group("first")), int(match.group("second"))
    if first > 12 >= second:
        return _valid_date(match.group("year"), str(second), str(first))
    if second > 12 >= first:
        return _valid_date(match.group("year"), str(first), str(second))
    return None


#: Full dates anywhere in a header line, for `_header_date`.
_DATES_IN_LINE: tuple[re.Pattern[str], ...] = tuple(
    re.compile(r"\b" + date + r"\b", re.IGNORECASE)
    for date in (MONTH_FIRST, DAY_FIRST, ISO_DATE, DOTTED_DATE, YEAR + r"\.(?P<mnum>\d{2})\.(?P<day>\d{2})")
)
#: What a page's date line may carry besides the date: labels, weekdays, clock times, time
#: zones, reading time, share buttons ("by Jane Doe July 22, 2024 11:13 AM 2 min read",
#: "Posted at Apr 29 2012 03:58 PM | Updated as of Apr 30 2012", "10:44 am on 29 November 2018").
_HEADER_WORD = re.compile(
    r"(?:published|updated|posted|last|first|date|dated|on|at|as|of|am|pm|a\.m|p\.m|hrs|gmt|utc|min|mins"
    r"|read|views?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|icon-[a-z-]+|\d{1,2}(?:[:.]\d{2}(?::\d{2})?)?"
    r"(?:am|pm|hrs)?|[A-Z]{2,5})",
)
#: A byline the scrape ran into the date after it: "Fiona Simpson31 January 2017".
_NAME_GLUED_TO_DATE = re.compile(
    r"^(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})(?=\d{1,2} [A-Z][a-z]+ (?:19|20)\d{2}\b)"
)
#: The longest header line read this way; longer lines are text.
_HEADER_LINE_CHARS = 100


def _header_date(text: str) -> dt.date | None:
    """The first date of a short line whose other words are all date-line words, and at most a
    byline ("by Kateryna Hodunova"); a sentence around a date ("On Dec. 6th, forces ...") never is."""
    if len(text) > _HEADER_LINE_CHARS:
        return None
    glued = _NAME_GLUED_TO_DATE.match(text)
    glued_name = glued.group("name") if glued else ""
    if glued:
        text = f"{glued_name} {text[glued.end('name') :]}"
    found = [m for pattern in _DATES_IN_LINE for m in pattern.finditer(text)]
    if not found:
        return None
    rest = text
    for match in found:
        rest = rest.replace(match.group(0), " ")
    words = re.findall(r"[\w:.-]+", rest)
    if words and words[0].lower() == "by":  # a byline before the date: "by" and a name, if any
        name = list(
            itertools.takewhile(lambda w: w[:1].isupper() and not _HEADER_WORD.fullmatch(w), words[1:4])
        )
        words = words[1 + len(name) :]  # "By August 3, 2023": a byline whose author the scrape lost
    elif glued_name:
        words = words[len(glued_name.split()) :]  # "Fiona Simpson31 January 2017": the author's name
    if not all(
        _HEADER_WORD.fullmatch(w.strip(".:")) or _HEADER_WORD.fullmatch(w.lower().strip(".:")) for w in words
    ):
        return None
    return _date_from_match(min(found, key=lambda m: m.start()))


#: Labels of a page's own timestamp, in the languages scraped pages print them in.
TIMESTAMP_LABEL = r"^(?:published|updated|posted|last updated|date|added|ekleme|publicado|publié|veröffentlicht)\s*[:\-–—]?\s*"
#: A clock time right after the date: what makes a labelled date the page's timestamp.
CLOCK = r"\s*(?:[,|–—-]|at)?\s*\d{1,2}[:.]\d{2}\b"
TIMESTAMP_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(TIMESTAMP_LABEL + date + CLOCK, re.IGNORECASE)
    for date in (MONTH_FIRST, DAY_FIRST, DOTTED_DATE)
)


#: A wire dateline with its date: "Kyiv, 16 March 2024 (dpa/MIA) —", "BEIRUT, Jan 5, 2020 (AFP) -".
DATELINE_DATE = re.compile(r"^[A-Z][\w .'’-]{1,30},\s+(?P<date>[^()—–]{6,30}?)\s*(?:\(|[—–]|-\s)")
#: An outlet's dateline with the date between commas: "Hill Voice, 17 May 2023, Bandarban: ...".
DATELINE_COMMA_DATE = re.compile(
    r"^[A-Z][\w .'’-]{1,30},\s+(?P<date>\d{1,2} [A-Za-z]{3,9} (?:19|20)\d{2}),\s"
)
#: A capitalised name, then a month-first date: "THE HAITI FACTOR, November 19, 2024._The toll".
#: Only capitalised words, so "In the early hours of Thursday, July 21, 2022, ..." is no dateline.
DATELINE_NAME_DATE = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4},\s+(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}, (?:19|20)\d{2})[,.]"
)


def date_from_dateline(paragraph: str) -> dt.date | None:
    """The date a wire story's dateline gives, which is the story's own date (a page's date bar
    above the headline may be the day it was saved)."""
    match = (
        DATELINE_DATE.match(paragraph)
        or DATELINE_COMMA_DATE.match(paragraph)
        or DATELINE_NAME_DATE.match(paragraph)
    )
    return parse_date_line(match.group("date")) if match else None


def date_from_url(url: str | None) -> dt.date | None:
    """A full year/month/day in the URL path, as many news sites put in article addresses."""
    if not url:
        return None
    match = URL_DATE.search(url)
    if match is None:
        return _date_in_slug(url)
    if match.group("iyear"):
        return _valid_date(match.group("iyear"), match.group("imnum"), match.group("iday"))
    if match.group("dyear"):
        return _valid_date(match.group("dyear"), match.group("dmnum"), match.group("dday"))
    return _date_from_match(match)


def _date_in_slug(url: str) -> dt.date | None:
    match = SLUG_DATE.search(url)
    if match is None:
        return None
    if match.group("cyear"):
        return _valid_date(match.group("cyear"), match.group("cmnum"), match.group("cday"))
    if match.group("eyear"):
        return _valid_date(match.group("eyear"), match.group("emnum"), match.group("eday"))
    for year, month, day in (("dyear", "dmonth", "dday"), ("myear", "mmonth", "mday")):
        if match.group(year):
            return _valid_date(
                match.group(year), str(MONTHS[match.group(month)[:3].lower()]), match.group(day)
            )
    return _date_from_match(match)


def split_date_stamp(line: str) -> tuple[dt.date | None, str]:
    """A line opening with a labelled ISO date: (the date, the rest of the line); else (None, line)."""
    match = DATE_STAMP.match(line)
    if match is None:
        return None, line
    date = _valid_date(match.group("year"), match.group("mnum"), match.group("day"))
    return (date, line[match.end() :]) if date else (None, line)


def _valid_date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_iso_date(value: str) -> dt.date | None:
    """An ISO 8601 date or date-time string ("2017-03-23", "2017-03-23T10:00:00+00:00")."""
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]) if re.match(r"^\d{4}-\d{2}-\d{2}", text) else None
    except ValueError:
        return None


def _date_from_match(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    name = (groups.get("month") or "").lower()
    month = int(groups["mnum"]) if groups.get("mnum") else FOREIGN_MONTHS.get(name) or MONTHS.get(name[:4])
    if month is None:
        month = MONTHS.get(name[:3])
    try:
        return dt.date(int(groups["year"]), int(month or 0), int(groups["day"]))
    except (TypeError, ValueError):
        return None
