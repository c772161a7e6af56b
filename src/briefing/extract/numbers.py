"""Numbers as news writes them: digits, number words, fractions and scale words.

"Three people", "one-third", "3,000", "1.5 million", "a dozen", "scores of" all become values.
Shared by figures (what is counted) and incidents (killed/injured), so both read numbers alike.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a": 1,
    "an": 1,
    "single": 1,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 10**12,
}
COLLECTIVES = {"dozen": 12, "dozens": 24, "score": 20, "scores": 40, "hundreds": 200, "thousands": 2000}
FRACTIONS = {
    "half": 0.5,
    "halves": 0.5,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 0.25,
    "quarters": 0.25,
    "fourth": 0.25,
    "fourths": 0.25,
    "fifth": 0.2,
    "fifths": 0.2,
    "tenth": 0.1,
    "tenths": 0.1,
}
NUMBER_WORDS = set(UNITS) - {"a", "an", "single"} | set(TENS) | set(SCALES) | set(FRACTIONS) | {"dozen"}

DIGITS = re.compile(r"^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[-+]?\d+(?:\.\d+)?$")


def parse_number(text: str) -> float | None:
    """The value of a number phrase, or None if it is not one.

    >>> parse_number("Three"), parse_number("one-third"), parse_number("3,000"), parse_number("1.5 million")
    (3, 0.3333333333333333, 3000, 1500000)
    >>> parse_number("800 000")
    800000
    """
    words = re.sub(r"[\u2010-\u2015-]", " ", text.strip().lower()).replace("per cent", "percent").split()
    words = _joined_digit_groups(
        [w.strip(".,;:()") for w in words if w.strip(".,;:()") and w not in {"and", "of"}]
    )
    if not words:
        return None
    if len(words) == 2 and words[1] in FRACTIONS:
        numerator = parse_number(words[0])
        if numerator is not None:
            return numerator * FRACTIONS[words[1]]
    if len(words) == 1 and words[0] in COLLECTIVES:
        return COLLECTIVES[words[0]]
    if len(words) == 1 and words[0] in FRACTIONS and words[0] in {"half"}:
        return 0.5
    total, current, seen = 0.0, 0.0, False
    for word in words:
        number = _digits(word)
        if number is not None:
            current += number
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = 0.0
        elif word in ("dozen",):
            current = (current or 1) * 12
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current
    return int(value) if value == int(value) else value


def _joined_digit_groups(words: list[str]) -> list[str]:
    """ "800 000", "4 000": many papers group thousands with a space; the groups are one number."""
    out: list[str] = []
    for word in words:
        if out and re.fullmatch(r"\d{3}", word) and re.fullmatch(r"\d{1,3}(?: \d{3})*", out[-1]):
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
    return [w.replace(" ", "") for w in out]


def _digits(word: str) -> float | None:
    if not DIGITS.match(word):
        return None
    value = float(word.replace(",", ""))
    return int(value) if value == int(value) and "." not in word else value


#: Hedges news puts before a number; longest first so "more than" wins over "more".
QUALIFIERS = (
    "at least",
    "no fewer than",
    "no less than",
    "not less than",
    "more than",
    "fewer than",
    "less than",
    "as many as",
    "at most",
    "up to",
    "upwards of",
    "an estimated",
    "approximately",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "some",
    "over",
    "close to",
    "under",
    "just over",
    "just under",
)
_QUALIFIER = re.compile(
    r"^(?P<q>" + "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True)) + r")\s+",
    re.IGNORECASE,
)
_RANGE = re.compile(
    r"^(?:between\s+)?(?P<low>.+?)\s*(?:\bto\b|\band\b|[\u2010-\u2015-])\s*(?P<high>.+)$", re.IGNORECASE
)


def split_qualifier(text: str) -> tuple[str | None, str]:
    """("at least", "13") from "at least 13": the hedge is kept apart from the value it hedges.

    >>> split_qualifier("About 30,000")
    ('about', '30,000')
    """
    match = _QUALIFIER.match(text.strip())
    if not match:
        return None, text.strip()
    return match["q"].lower(), text.strip()[match.end() :]


def parse_range(text: str) -> tuple[float, float] | None:
    """Both ends of "3,000 to 5,000", "between 10 and 20" or "3,000-5,000", else None.

    >>> parse_range("3,000 to 5,000")
    (3000, 5000)
    """
    match = _RANGE.match(text.strip())
    if not match:
        return None
    low, high = parse_number(match["low"]), parse_number(match["high"])
    if low is None or high is None or low >= high:
        return None
    return low, high
