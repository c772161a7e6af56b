"""Figures: the numbers that matter, with what they count.

A figure is a number phrase (digits, number words, fractions, percentages, money, distances) tied
to the noun it counts ("15 civilians", "three of the five key bridges", "68-nation alliance").
Most numbers in news text are not figures: dates, times, list markers, identifiers
("Resolution 2254", "Unit Two"), idioms ("number one goal"), anaphoric counts ("the two
campaigns"), and inventories of destroyed equipment in strike reports. Those are filtered here by
their grammatical position, never by the article they come from. The age of a person the story
names ("Leon Smith, 55,") is a figure; an age that only describes someone ("a 47-year-old man") is
not: analysts list the first, and on fresh articles never the second. Tolls told without a
counted number phrase ("two cops lost their lives", "left three dead") come from the casualty
grammar the incidents use, so a toll an incident reports is also a figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..model import Figure
from .analysis import Analysis, Sentence
from .casualties import CUMULATIVE, count_casualties
from .dates import MONTHS
from .numbers import COLLECTIVES, FRACTIONS, NUMBER_WORDS, SCALES, parse_number, parse_range, split_qualifier
from .places import Place, best_place, places_in
from .roles import ROLE_WORDS

NUMBER_LABELS = {"CARDINAL", "PERCENT", "MONEY", "QUANTITY"}
SKIP_LABELS = {"DATE", "TIME", "ORDINAL"}
CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "€": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
}
LENGTH_UNITS = {
    "km": "km",
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "mile": "miles",
    "miles": "miles",
    "m": "m",
    "metres": "m",
    "meters": "m",
    "ft": "ft",
    "feet": "ft",
    "kg": "kg",
    "tonnes": "tonnes",
    "tons": "tons",
}
#: Words before a number that make it an identifier, not a count.
IDENTIFIER_WORDS = {
    "number",
    "no",
    "no.",
    "resolution",
    "unit",
    "article",
    "chapter",
    "flight",
    "route",
    "highway",
    "phase",
    "level",
    "section",
    "paragraph",
    "page",
    "item",
    "episode",
    "version",
    "room",
}
#: Determiners that refer back to things already counted ("the two campaigns").
ANAPHORIC = {"the", "these", "those", "its", "their", "his", "her", "our", "your", "both"}
#: Verbs whose objects are target inventories in strike reports ("destroyed seven fighting positions").
INVENTORY_VERBS = {"destroy", "damage", "engage", "suppress", "neutralize", "neutralise"}
#: What happened to counted people: becomes part of the label ("civilians killed").
OUTCOME_VERBS = {
    "kill": "killed",
    "die": "died",
    "perish": "died",
    "injure": "injured",
    "wound": "wounded",
    "hurt": "hurt",
    "shoot": "shot",
    "execute": "executed",
    "behead": "beheaded",
    "massacre": "massacred",
    "murder": "murdered",
    "arrest": "arrested",
    "detain": "detained",
    "kidnap": "kidnapped",
    "abduct": "abducted",
    "displace": "displaced",
    "flee": "fled",
    "evacuate": "evacuated",
    "rescue": "rescued",
    "release": "released",
    "free": "freed",
    "tie": "tied",
    "drag": "dragged",
    "beat": "beaten",
    "torture": "tortured",
    "deploy": "deployed",
    "send": "sent",
    "capture": "captured",
    "hold": "held",
    "strand": "stranded",
    "trap": "trapped",
}
#: Nouns whose count matters even when it is one ("one strike", "a single attack").
EVENT_NOUNS = {
    "strike",
    "airstrike",
    "attack",
    "raid",
    "bombing",
    "explosion",
    "blast",
    "casualty",
    "death",
    "fatality",
    "sortie",
    "mission",
    "operation",
}
CASUALTY_VERBS = {"killed", "died", "injured", "wounded", "shot", "executed", "beheaded", "murdered"}
TIMESTAMP = re.compile(r"^\d{1,2}:\d{2}")
#: Words right after a number that make it a time, an era year, a calibre or a phone number.
CLOCK_WORDS = {
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "a.m",
    "p.m",
    "gmt",
    "bst",
    "hrs",
    "hours gmt",
    "o'clock",
    "o’clock",
}
ERA_WORDS = {"bc", "bce", "ad", "ce"}
CALIBRE_WORDS = {"calibre", "caliber", "-calibre", "-caliber", "mm", "magnum"}
EMERGENCY_NUMBERS = {"911", "999", "112", "000"}
#: "shot three times", "went four times to the hospital": how often, not how many.
FREQUENCY_WORDS = {"times"}
#: Nouns counted by listicle headlines that scrapes leave in the body ("5 ways", "8 things").
BUILDING_SIZES = {"floor", "floors", "storey", "storeys", "story", "stories", "stor", "level", "levels"}
LISTICLE_NOUNS = {"things", "ways", "reasons", "facts", "questions"}
#: Scale suffixes glued to a number: "$10m", "£3bn", "5k".
GLUED_SCALES = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "k": 1_000}
YEAR = re.compile(r"^(?:1[89]|20)\d{2}$")


@dataclass(frozen=True)
class _Reading:
    """One number phrase as read from the text, before deciding whether it is a figure."""

    start: int  # token index of the first number token (after any qualifier)
    end: int
    values: tuple[float, ...]
    qualifier: str | None
    unit: str | None
    event: str | None = None  # what a hyphenated length measures: "raid" in "a 40-hour raid"


def find_figures(analysis: Analysis) -> list[Figure]:
    """Every figure in the article, in text order, each counted thing once."""
    found: list[tuple[Figure, str, str | None]] = []
    ages: list[tuple[Figure, str, str | None]] = []
    for sentence in analysis.sentences:
        readings = _readings(sentence.span)
        told = [r for r in readings if _is_age(analysis.doc, r)]
        who = _whose_age(analysis.doc, told[0]) if len(told) == 1 else None  # several: a roll of victims
        if who is not None:
            ages.append(_age_figure(told[0], who, sentence))
        for reading in readings:
            if reading in told:
                continue
            for figure, core, place in _figures_from(reading, sentence, analysis.doc):
                found.append((figure, core, place))
    found += _tolls_told_otherwise(analysis, {f.value for f, _, _ in found})
    if len(ages) <= MAX_AGES:
        found += ages
        found.sort(key=lambda item: item[0].evidence.start if item[0].evidence else 0)
    return _dedupe(found)


#: A story that gives the age of one or two people (the attacker, a victim) tells it as a fact about
#: them, which analysts list ("Dayton, 42"); a list of victims' ages is a roll, not figures.
MAX_AGES = 2


def _age_figure(reading: _Reading, who: str, sentence: Sentence) -> tuple[Figure, str, str | None]:
    """ "Leon Smith, 55," -> "age of Leon Smith"; "a 20-year-old sympathiser" -> "age of the
    sympathiser"; "a child aged 11" -> "age of the child"."""
    label = f"age of {who}" if who else "age"  # "" for an age whose owner the text leaves unsaid
    figure = Figure(
        value=reading.values[0],
        unit="years",
        label=label,
        text=sentence.text,
        evidence=sentence.evidence(),
    )
    return figure, label, None


def _names_a_person(noun: Token) -> bool:
    """ "a 20-year-old sympathiser", "a 66-year-old priest"; not "the nine-year-old war"."""
    return noun.lemma_.lower() not in _AGED_THINGS


#: Things, not people, that news gives an age in years: "the nine-year-old war".
_AGED_THINGS = frozenset(
    {"war", "conflict", "insurgency", "crisis", "ceasefire", "truce", "campaign", "dispute", "rivalry"}
    | {"siege", "blockade", "occupation", "rule", "regime", "government", "policy", "programme", "program"}
    | {"uprising", "revolt", "rebellion", "movement", "law", "ban", "case", "building", "tradition", "feud"}
)


def _whose_age(doc: Doc, reading: _Reading) -> str | None:
    """Whose age a number gives: a name, "the <noun>", "" when the text says it by a pronoun, and
    None when the "N-year-old" thing is no person ("the nine-year-old war")."""
    start, end = reading.start, reading.end
    if start >= 2 and doc[start - 2].ent_type_ == "PERSON":
        first = start - 2
        while first > 0 and doc[first - 1].ent_type_ == "PERSON":
            first -= 1
        return doc[first : start - 1].text  # "Zambada, 76,"
    after = doc[end : end + 6]
    old = next((t for t in after if t.lower_ in {"old", "year-old", "-year-old"}), None)
    if old is not None:
        noun = next((t for t in doc[old.i + 1 : old.i + 4] if t.pos_ in {"NOUN", "PROPN"}), None)
        if noun is not None and _names_a_person(noun):
            return f"the {noun.text}"  # "a 22-year-old man"
        return None if noun is not None else ""  # "the nine-year-old war" is no one's age
    before = [t for t in doc[max(0, start - 3) : start] if t.lower_ in {"aged", "age"}]
    if before and before[0].i > 0 and doc[before[0].i - 1].pos_ == "NOUN":
        return f"the {doc[before[0].i - 1].text}"  # "a child aged 11"
    return ""  # "she was 17": a person's age, whose the sentence says by a pronoun


def _states_number(span: Span, value: float) -> bool:
    return any(t.like_num and t.ent_type_ not in SKIP_LABELS and parse_number(t.text) == value for t in span)


def _tolls_told_otherwise(analysis: Analysis, values: set[float]) -> list[tuple[Figure, str, str | None]]:
    """Tolls the casualty grammar reads where no number phrase gave a figure of that value:
    "Two cops lost their lives", "the attack left three dead and eight wounded"."""
    out: list[tuple[Figure, str, str | None]] = []
    for sentence in analysis.sentences:
        if CUMULATIVE.search(sentence.text):
            continue
        for value, outcome in zip(count_casualties(sentence.span), ("killed", "injured"), strict=True):
            if value is None or value < 2 or value in values or not _states_number(sentence.span, value):
                continue  # "a soldier" is no figure; "five men and five women" are counted already
            values.add(value)
            label = f"people {outcome}"
            figure = Figure(
                value=value, unit=None, label=label, text=sentence.text, evidence=sentence.evidence()
            )
            out.append((figure, label, None))
    return out


def _readings(span: Span) -> list[_Reading]:
    doc = span.doc
    readings: list[_Reading] = []
    covered: set[int] = set()
    for ent in span.ents:
        covered.update(range(ent.start, ent.end))
        reading = _read_entity(ent) if ent.label_ in NUMBER_LABELS else _read_duration(ent)
        if reading is not None:
            readings.append(reading)
    for token in span:
        misdated = token.ent_type_ in SKIP_LABELS and (_is_fraction_start(token) or _is_age_number(token))
        if (token.i in covered and token.ent_type_ not in SKIP_LABELS) or (
            token.ent_type_ in SKIP_LABELS and not misdated
        ):
            continue
        if token.like_num or token.lower_ in NUMBER_WORDS:
            reading = _read_token(doc, token)
            if reading is not None:
                readings.append(reading)
    readings = [_with_glued_scale(doc, r) for r in readings]
    return _join_ranges(doc, sorted(readings, key=lambda r: r.start))


#: Time units a duration is counted in.
DURATION_UNITS = {
    "minute": "minutes",
    "minutes": "minutes",
    "hour": "hours",
    "hours": "hours",
    "day": "days",
    "days": "days",
    "week": "weeks",
    "weeks": "weeks",
    "month": "months",
    "months": "months",
    "year": "years",
    "years": "years",
}
#: Verbs whose length is the story's count: a sentence, a detention, a siege, a blackout.
DURATION_VERBS = {
    "sentence",
    "jail",
    "imprison",
    "hold",
    "detain",
    "trap",
    "deliberate",
    "spend",
    "serve",
    "live",
    "go",
    "suffer",
    "besiege",
    "beat",
    "torture",
    "hide",
    "strand",
    "last",  # "the gunfight lasted for two hours"
    "continue",
    "rage",
    "fight",
}
#: Events whose length a hyphenated duration gives: "a 40-hour raid", "a 72-hour armed strike".
TIMED_EVENTS = {
    "raid",
    "siege",
    "strike",
    "curfew",
    "standoff",
    "operation",
    "offensive",
    "ceasefire",
    "truce",
    "gunfight",
    "battle",
    "clash",
    "clashes",
    "lockdown",
    "blackout",
    "gunbattle",
    "firefight",
    "shootout",
    "encounter",
}
DURATION = re.compile(
    r"^(?:(?P<q>at least|more than|nearly|almost|about|around|over|some)\s+)?(?P<n>[\w.,-]+)\s+(?P<u>[a-z]+)$"
)


def _read_duration(ent: Span) -> _Reading | None:
    """ "held for 21 hours", "jailed for five years": a span of time the story counts.

    Only the length of something that happened (the object of "for" after a verb of holding,
    serving, living or lasting); "two years ago", "three days later" and dates stay out."""
    if ent.label_ not in {"DATE", "TIME"}:
        return None
    timed = _timed_event(ent)
    if timed is not None:
        return timed
    match = DURATION.match(ent.text.lower())
    if match is None or match.group("u") not in DURATION_UNITS:
        return None
    value = parse_number(match.group("n"))
    if value is None or value <= 0:
        return None
    doc = ent.doc
    nxt = doc[ent.end].lower_ if ent.end < len(doc) else ""
    if nxt in {"ago", "later", "earlier", "old", "since", "-old"}:
        return None  # "two years ago": a date, not a length
    if not _counted_duration(ent):
        return None
    number = next((t for t in ent if t.like_num or t.lower_ in NUMBER_WORDS), None)
    if number is None:
        return None
    unit = DURATION_UNITS[match.group("u")]
    return _Reading(number.i, ent.end, (value,), match.group("q"), unit)


#: "40-hour", "72-hour": a hyphenated length before the event it measures.
_HYPHENATED_LENGTH = re.compile(r"^(?P<n>\d+|[a-z]+)\s*-\s*(?P<u>hour|day|week|month|year)$")


def _timed_event(ent: Span) -> _Reading | None:
    """ "a 40-hour raid", "a 72-hour armed strike": the length of an event the story counts."""
    match = _HYPHENATED_LENGTH.match(ent.text.lower())
    if match is None:
        return None
    event = ent.root.head
    if ent.root.dep_ not in {"compound", "amod", "nummod"} or event.lemma_.lower() not in TIMED_EVENTS:
        return None
    value = parse_number(match.group("n"))
    number = next((t for t in ent if t.like_num or t.lower_ in NUMBER_WORDS), None)
    if value is None or value <= 0 or number is None:
        return None
    return _Reading(
        number.i, number.i + 1, (value,), None, DURATION_UNITS[match.group("u")], event.text.lower()
    )


def _counted_duration(ent: Span) -> bool:
    """The span is how long a held, served or lived-through state lasted: "for N days" after such
    a verb, or the object of "sentence"/"spend"/"serve"."""
    root = ent.root
    head = root.head
    if _length_of_a_state(ent):
        return True  # "11 hours of fighting", "three days of national mourning"
    if head.lower_ == "for" and head.dep_ == "prep":
        verb = head.head
        return verb.lemma_.lower() in DURATION_VERBS  # not "thanked him for two years of work"
    if head.lower_ == "to" and head.head.lemma_.lower() in {"sentence", "condemn"}:
        return True  # "sentenced to 10 years"
    return root.dep_ in {"dobj", "npadvmod"} and head.lemma_.lower() in DURATION_VERBS


#: What a story counts the length of with "of": "11 hours of fighting", "days of mourning".
_TIMED_STATES = TIMED_EVENTS | {"fighting", "chaos", "mourning", "gunfire", "shelling", "violence", "talks"}


def _length_of_a_state(ent: Span) -> bool:
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].lower_ != "of":
        return False
    if ent.start > 0 and doc[ent.start - 1].lower_ == "within":
        return False  # "within 24 hours of two operations": when, not how long
    return _timed_state(doc[ent.end]) is not None


def _timed_state(of: Token) -> Token | None:
    """The state an "of" gives the length of: "fighting" in "11 hours of fighting"."""
    return next((c for c in of.children if c.dep_ == "pobj" and c.lemma_.lower() in _TIMED_STATES), None)


def _with_glued_scale(doc: Doc, reading: _Reading) -> _Reading:
    """ "$10m" is ten million dollars: the tokenizer splits the scale suffix off the digits."""
    if reading.end >= len(doc) or doc[reading.end - 1].whitespace_:
        return reading
    scale = GLUED_SCALES.get(doc[reading.end].lower_)
    if scale is None or any(v >= 1000 for v in reading.values):
        return reading
    before = doc[reading.start - 1].text.lower() if reading.start > 0 else ""
    unit = reading.unit or CURRENCIES.get(before)
    if unit is None and doc[reading.end].lower_ == "m":
        return reading  # "10m" alone is ten metres
    values = tuple(v * scale for v in reading.values)
    return _Reading(reading.start, reading.end + 1, values, reading.qualifier, unit)


def _is_age_number(token: Token) -> bool:
    """ "a 14-year-old", "aged 13", "55 years old": the model tags ages as DATEs."""
    doc = token.doc
    if not token.like_num or YEAR.match(token.text):
        return False
    following = doc[token.i + 1 : token.i + 5].text.lower()
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    if following.startswith(("-year-old", "year-old", "-years-old", "years old", "years of age")):
        return True
    if before in {"aged", "age"} or _comma_age_after_name(doc, token.i, token.i + 1):
        return True
    return token.dep_ == "attr" and token.head.lemma_ == "be" and _is_person_subject(token.head)


def _is_fraction_start(token: Token) -> bool:
    """ "one-quarter", which the model may tag as a DATE (a quarter of a year)."""
    doc = token.doc
    return (
        token.i + 2 < len(doc)
        and doc[token.i + 1].text == "-"
        and doc[token.i + 2].lower_ in FRACTIONS
        and parse_number(token.text) is not None
    )


def _join_ranges(doc: Doc, readings: list[_Reading]) -> list[_Reading]:
    """Two numbers joined by "to" ("200 to 400 fighters") are one range reading."""
    out: list[_Reading] = []
    for reading in readings:
        last = out[-1] if out else None
        if (
            last is not None
            and len(last.values) == 1
            and len(reading.values) == 1
            and reading.start == last.end + 1
            and doc[last.end].lower_ == "to"
            and reading.values[0] > last.values[0]
        ):
            out[-1] = _Reading(
                last.start, reading.end, (*last.values, *reading.values), last.qualifier, reading.unit
            )
        else:
            out.append(reading)
    return out


def _read_entity(ent: Span) -> _Reading | None:
    doc = ent.doc
    while len(ent) > 1 and ent[0].is_punct:
        ent = ent[1:]  # "'standard' 40 lashes": the model may pull the closing quote into the number
    qualifier, rest = split_qualifier(ent.text)
    start = ent.start + (len(ent.text[: len(ent.text) - len(rest)].split()) if qualifier else 0)
    if qualifier is None:
        qualifier = _qualifier_before(doc, ent.start)
    unit, number_text = _unit_and_number(ent.label_, rest)
    if number_text is None:
        return None
    if ent.label_ == "CARDINAL" and unit == "lb" and not (ent.end < len(doc) and doc[ent.end].lower_ == "of"):
        return None  # "fined 300 pounds" is money; "300 pounds of explosives" a weight
    if unit is None and ent.label_ in {"MONEY", "CARDINAL"}:
        unit = _currency_before(ent)  # "$500": the sign often sits outside the entity
    if re.search(r"[\d\w]\s*-?\s*plus$|\+$", number_text):  # "60-plus", "20+": at least that many
        number_text = re.sub(r"\s*-?\s*plus$|\+$", "", number_text)
        qualifier = qualifier or "more than"
    if re.fullmatch(r"[a-z ]+", number_text.lower()) and all(
        w in COLLECTIVES for w in number_text.lower().split()
    ):
        return None  # "thousands", "dozens": no number to report
    glued = re.fullmatch(r"([\d.,]+)\s*(mn|bn|m|b|k)", number_text.strip())
    if glued and parse_number(glued.group(1)) is not None and _is_money(ent):
        value = parse_number(glued.group(1)) or 0.0
        return _Reading(
            start, ent.end, (value * GLUED_SCALES[glued.group(2)],), qualifier, unit or _currency_before(ent)
        )
    span_range = parse_range(number_text)
    if span_range is not None:
        values: tuple[float, ...] = span_range
    else:
        value = parse_number(number_text)
        if value is None:
            return None
        values = (value,)
    return _Reading(start, ent.end, values, qualifier, unit)


def _is_money(ent: Span) -> bool:
    return ent.label_ == "MONEY" or _currency_before(ent) is not None


def _currency_before(ent: Span) -> str | None:
    """ "£3bn": the model often leaves the currency sign outside the MONEY entity."""
    return CURRENCIES.get(ent.doc[ent.start - 1].text.lower()) if ent.start > 0 else None


def _unit_and_number(label: str, text: str) -> tuple[str | None, str | None]:
    """Split "60 percent" into ("percent", "60"), "$1.5 million" into ("USD", "1.5 million")."""
    lowered = text.lower().strip()
    if label == "PERCENT":
        return "percent", re.sub(r"\s*(?:%|per\s*cent|percent)\s*$", "", lowered) or None
    if label == "MONEY":
        for word, code in sorted(CURRENCIES.items(), key=lambda kv: -len(kv[0])):
            if word in lowered:
                return code, lowered.replace(word, " ").strip() or None
        return None, lowered
    if label == "QUANTITY":
        area = re.match(r"^([\d.,]+|[a-z-]+(?:\s+[a-z-]+)*?)\s*(?:square|sq\.?)\s+([a-z]+)$", lowered)
        if area and area.group(2) in LENGTH_UNITS:
            return f"square {LENGTH_UNITS[area.group(2)]}", area.group(1)
        match = re.match(r"^([\d.,]+|[a-z-]+(?:\s+[a-z-]+)*?)\s*([a-z]+)$", lowered)
        if match and match.group(2) in LENGTH_UNITS:
            return LENGTH_UNITS[match.group(2)], match.group(1)
        return _weight(lowered) or (None, None)
    if label == "CARDINAL":
        return _weight(lowered) or (None, lowered)
    return None, lowered


#: Weights of explosives and cargo: "300 pounds of explosives" (not money: no currency sign).
WEIGHT_UNITS = {
    "pound": "lb",
    "pounds": "lb",
    "lb": "lb",
    "lbs": "lb",
    "kilogram": "kg",
    "kilograms": "kg",
    "kg": "kg",
    "tonne": "tonnes",
    "tonnes": "tonnes",
    "ton": "tons",
    "tons": "tons",
}


def _weight(text: str) -> tuple[str, str] | None:
    match = re.match(r"^(.*?[\d\w])\s*-?\s*([a-z]+)$", text)
    if match and match.group(2) in WEIGHT_UNITS and match.group(1).strip():
        return WEIGHT_UNITS[match.group(2)], match.group(1).strip()
    return None


def _read_token(doc: Doc, token: Token) -> _Reading | None:
    """A number the entity recogniser missed ("one of our service members", "one-quarter", "200 to 400")."""
    after_hyphen = token.i > 0 and doc[token.i - 1].text == "-"
    if token.lower_ in {"a", "an", "single"} or (token.lower_ in FRACTIONS and after_hyphen):
        return None
    if token.i > 1 and doc[token.i - 1].lower_ == "to" and doc[token.i - 2].like_num:
        return None  # the upper end of a range, read with its lower end
    if token.lower_ in SCALES and token.i > 0 and doc[token.i - 1].like_num:
        return None  # "5 million": read with its number
    value = parse_number(token.text)
    if value is None or token.lower_ in COLLECTIVES:
        return None
    qualifier = _qualifier_before(doc, token.i)
    following = doc[token.i + 1 : token.i + 3]
    if (
        len(following)
        and following[0].lower_ in SCALES
        and (scaled := parse_number(f"{token.text} {following[0].text}"))
    ):
        before = doc[token.i - 1].lower_ if token.i > 0 else ""
        return _Reading(token.i, token.i + 2, (scaled,), qualifier, CURRENCIES.get(before))  # "USD 5 million"
    if len(following) == 2 and following[0].text == "-" and following[1].lower_ in FRACTIONS:
        fraction = parse_number(f"{token.text} {following[1].text}")
        if fraction is not None:
            return _Reading(token.i, token.i + 3, (fraction,), qualifier, None)
    if len(following) == 2 and following[0].lower_ == "to" and following[1].like_num:
        high = parse_number(following[1].text)
        if high is not None and high > value:
            return _Reading(token.i, token.i + 3, (value, high), qualifier, None)
    return _Reading(token.i, token.i + 1, (value,), qualifier, None)


def _qualifier_before(doc: Doc, start: int) -> str | None:
    before = doc[max(0, start - 3) : start].text.lower()
    for words in ("at least", "more than", "nearly", "almost", "about", "around", "some", "over"):
        if before.endswith(words):
            return words
    return None


def _figures_from(reading: _Reading, sentence: Sentence, doc: Doc) -> list[tuple[Figure, str, str | None]]:
    if _is_not_a_figure(reading, doc):
        return []
    number = doc[reading.start : reading.end].root
    core = _label_core(reading, number)
    if core is None:
        return []
    place = _place_for(number, sentence)
    if place is not None and place.key in core.lower():
        place = None
    label = f"{core} {_place_phrase(doc, place)}" if place else core
    unit = reading.unit
    if unit is None and core == "distance":
        unit = LENGTH_UNITS.get(_counted_noun(number).lower_) if _counted_noun(number) else None
    out = []
    for value in reading.values:
        if _too_small_to_report(value, unit, core, number):
            continue
        qualifier = reading.qualifier if len(reading.values) == 1 else None
        figure = Figure(
            value=value,
            unit=unit,
            label=label,
            text=sentence.text,
            qualifier=qualifier,
            evidence=sentence.evidence(),
        )
        out.append((figure, core.lower().replace(" dead", ""), place.key if place else None))
    return out


def _is_not_a_figure(reading: _Reading, doc: Doc) -> bool:
    """Dates, times, years, list markers, identifiers, idioms and reference distances."""
    first, last = doc[reading.start], doc[reading.end - 1]
    prev = doc[reading.start - 1] if reading.start > 0 else None
    nxt = doc[reading.end] if reading.end < len(doc) else None
    text = doc[reading.start : reading.end].text
    checks = (
        bool(TIMESTAMP.match(text)),
        nxt is not None and _labels_number_as_non_count(_past_hyphen(doc, nxt), text),
        bool(YEAR.match(text)) and reading.unit is None,
        _is_list_marker(first, nxt),
        prev is not None and _is_identifier_word(prev),
        nxt is not None and nxt.lower_ in {"or", "another"},
        prev is not None and prev.lower_ in ANAPHORIC and not _partitive_before(doc, prev.i),
        _is_reference_distance(doc, reading),
        _in_parenthesis_after_quantity(doc, reading),
        _is_predicate_number(last),
        _one_of_the_most(doc, reading),
        prev is not None and prev.text == "." and prev.i > 0 and doc[prev.i - 1].lower_ in {"no", "nr"},
        text.lower() == "half" and nxt is not None and (nxt.text in {"-", "‐"} or nxt.lower_ == "time"),
        bool(YEAR.match(text)) and prev is not None and prev.pos_ == "PROPN" and prev.is_alpha,  # "Euro 2024"
        _names_a_unit(doc, reading),
        prev is not None and prev.lower_ in CALIBRE_WORDS,  # "one (1) Caliber 30 rifle"
        nxt is not None and _is_day_of_month(text, nxt),
    )
    return any(checks)


def _is_day_of_month(text: str, nxt: Token) -> bool:
    """ "on 2 December 2018", "in a 23 May statement": a day before its month, which the model does
    not always tag as a date."""
    month = nxt.lower_.rstrip(".")
    named = month in MONTHS or (month[:3] in MONTHS and month in _MONTH_NAMES)
    return nxt.is_title and named and text.isdigit() and 1 <= int(text) <= 31


_MONTH_NAMES = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october"}
    | {"november", "december", "sept"}
)


#: Capitalised nouns that make a number part of a unit's name: "44 Rashtriya Rifles".
UNIT_NOUNS = frozenset(
    {"rifles", "brigade", "battalion", "division", "regiment", "corps", "squadron", "taskforce", "battery"}
)


def _names_a_unit(doc: Doc, reading: _Reading) -> bool:
    """ "44 Rashtriya Rifles", "Light Infantry Brigade 143": a unit's number, not a count."""
    before = doc[reading.start - 1] if reading.start > 0 else None
    if before is not None and before.is_title and before.lower_ in UNIT_NOUNS:
        return True
    for token in doc[reading.end : reading.end + 3]:
        if not token.is_title:
            return False
        if token.lower_ in UNIT_NOUNS:
            return True
    return False


def _is_predicate_number(last: Token) -> bool:
    """ "The city is 3 ..."/"was one of ...": a number that predicates; but "There were 22 deaths"
    counts deaths."""
    attr = (
        last
        if last.dep_ == "attr"
        else last.head
        if (last.head.dep_ == "attr" and last.dep_ == "nummod")
        else None
    )
    if attr is None:
        return False
    if _counts_a_total(attr.head):
        return False  # "the number of soldiers killed in action is 105": the count itself
    return not any(c.dep_ == "expl" for c in attr.head.children)


#: Subjects whose value a copula gives: "the number of wounded civilians is 7" ("the toll is 15"
#: repeats a toll already told, and is left to it).
TOTAL_NOUNS = frozenset({"number"})


def _counts_a_total(verb: Token) -> bool:
    return verb.lemma_ == "be" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in TOTAL_NOUNS for c in verb.children
    )


def _one_of_the_most(doc: Doc, reading: _Reading) -> bool:
    """ "one of the deadliest attacks": a ranking, not a count."""
    words = doc[reading.end : reading.end + 4]
    return (
        doc[reading.start : reading.end].text.lower() == "one"
        and len(words) >= 3
        and [w.lower_ for w in words[:2]] == ["of", "the"]
        and (words[2].tag_ == "JJS" or _superlative_word(words[2].lower_))
    )


def _superlative_word(word: str) -> bool:
    """ "most", "worst", "deadliest", "largest": the small model tags some superlatives as nouns."""
    return word in {"most", "worst", "least"} or (
        word.endswith("est") and word not in {"west", "rest", "test", "nest"}
    )


def _past_hyphen(doc: Doc, token: Token) -> Token:
    """The word after "45-" in "a .45-caliber handgun"."""
    return doc[token.i + 1] if token.text in {"-", "‐", "–"} and token.i + 1 < len(doc) else token


def _labels_number_as_non_count(nxt: Token, text: str) -> bool:
    """ "8pm", "1100 BC", "a .22 calibre handgun", "a 911 call", "shot three times": a time, an era
    year, a calibre, an emergency number or a frequency, never a count, whatever the story."""
    word = nxt.lower_
    return word in CLOCK_WORDS | ERA_WORDS | CALIBRE_WORDS | FREQUENCY_WORDS or text in EMERGENCY_NUMBERS


def _is_list_marker(first: Token, nxt: Token | None) -> bool:
    at_line_start = first.i == 0 or "\n" in first.doc[first.i - 1].text_with_ws or first.is_sent_start
    return bool(at_line_start and nxt is not None and nxt.text in {".", ")"} and first.like_num)


def _is_identifier_word(prev: Token) -> bool:
    if prev.lower_ in IDENTIFIER_WORDS:
        return True
    return (
        prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and prev.ent_type_ not in {"GPE", "NORP"}
        and prev.lower_ not in CURRENCIES  # "USD 5 million" is money, not "Flight 5"
    )


def _is_age(doc: Doc, reading: _Reading) -> bool:
    """ "Leon Smith, 55,", "a 14-year-old girl", "aged 13", "she was 17": a person's age."""
    start, end = reading.start, reading.end
    number = doc[start:end].root
    before = [t for t in doc[max(0, start - 3) : start] if t.pos_ != "ADV"]
    if before and before[-1].lower_ in {"aged", "age", "ages"}:
        return True  # "aged 42", "aged just 13", "at age 19"
    following = doc[end : end + 5].text.lower()
    if following.startswith(("-year-old", "year-old", "-years-old", "years old", "years of age")):
        return True
    if _comma_age_after_name(doc, start, end):
        return True
    return number.dep_ == "attr" and number.head.lemma_ == "be" and _is_person_subject(number.head)


def _comma_age_after_name(doc: Doc, start: int, end: int) -> bool:
    """ "Leon Smith, 55, was ...": a bare number between commas right after a person's name."""
    return (
        start >= 2
        and end < len(doc)
        and doc[start - 1].text == ","
        and doc[end].text == ","
        and end - start == 1
        and doc[start - 2].ent_type_ == "PERSON"
    )


def _is_person_subject(verb: Token) -> bool:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (
        subject.lower_ in {"he", "she", "i", "they"} or subject.ent_type_ == "PERSON"
    )


def _partitive_before(doc: Doc, index: int) -> bool:
    return index > 0 and doc[index - 1].lower_ == "of"


def _is_reference_distance(doc: Doc, reading: _Reading) -> bool:
    """ "a town about 30km south of Kirkuk" locates a place; it is not a figure of the story."""
    if reading.unit not in {"km", "miles", "m"}:
        return False
    after = [t.lower_ for t in doc[reading.end : reading.end + 6] if t.text not in "()" and not t.like_num]
    after = [w for w in after if w not in {"miles", "km", "ft", "m"}]
    return (
        len(after) >= 2
        and after[0] in {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
        and after[1] == "of"
    )


def _in_parenthesis_after_quantity(doc: Doc, reading: _Reading) -> bool:
    """ "30km (19 miles)": the conversion repeats the figure."""
    prev = doc[reading.start - 1] if reading.start > 0 else None
    if prev is None or prev.text != "(" or prev.i == 0:
        return False
    before = doc[prev.i - 1]
    return before.ent_type_ == "QUANTITY" or before.lower_ in LENGTH_UNITS or before.like_num


def _label_core(reading: _Reading, number: Token) -> str | None:
    """What the number counts, with what happened to it: "civilians killed", "key bridges"."""
    if reading.unit == "percent":
        return _percent_label(number)
    if reading.unit in DURATION_UNITS.values():
        return (
            f"{reading.unit} of {reading.event}" if reading.event else _duration_label(reading.unit, number)
        )
    if reading.unit in {"km", "miles", "m", "ft"}:
        return "distance"
    if reading.unit and reading.unit.startswith("square"):
        return _area_label(reading.unit, number)
    if reading.unit in set(WEIGHT_UNITS.values()):
        return _weight_label(number.doc, reading)
    noun = _counted_noun(number)
    if noun is None and reading.unit not in {"USD", "EUR", "GBP"}:
        noun = _subject_of_total(number)
    if noun is None:
        return "amount" if reading.unit in {"USD", "EUR", "GBP"} else _bare_casualty_label(number)
    if noun.lower_ in LENGTH_UNITS:
        return "distance"
    if noun.lower_ in LISTICLE_NOUNS:
        return None  # "8 things to know about...": a related-story headline, not a figure
    if noun.lemma_.lower() in BUILDING_SIZES or noun.lower_ in BUILDING_SIZES:
        return None  # "fires on three floors", "a 12-storey building": a description, not a count
    if _is_inventory(noun):
        return None
    phrase = _noun_phrase(noun, reading)
    outcome = _outcome(number if _is_partitive(number, noun) else noun)
    return f"{phrase} {outcome}" if outcome else phrase


_STATES = {
    "dead": "dead",
    "injured": "injured",
    "wounded": "wounded",
    "missing": "missing",
    "homeless": "homeless",
}


def _weight_label(doc: Doc, reading: _Reading) -> str:
    """ "500 pounds of explosives" weighs the explosives; a bare weight is just that."""
    unit_word = doc[reading.end - 1]
    after = doc[reading.end] if reading.end < len(doc) else None
    if after is not None and after.lower_ == "of":
        weighed = next((c for c in after.children if c.dep_ == "pobj"), None)
        if weighed is not None:
            return _plain_phrase(weighed)
    return "weight" if unit_word.lower_ in WEIGHT_UNITS else unit_word.lower_


def _bare_casualty_label(number: Token) -> str | None:
    """A count with no noun in a casualty clause: "killed one person and wounded 13", "three
    civilians were killed and another 10 wounded". What it counts is the victims' noun of the
    parallel count ("civilians wounded"), else people."""
    state = next((c for c in number.head.children if c.dep_ in {"oprd", "acomp"}), None)
    if number.dep_ == "dobj" and state is not None and state.lower_ in _STATES:
        return f"people {_STATES[state.lower_]}"  # "left 27 dead", "left five people injured"
    if number.dep_ in {"nsubjpass", "nsubj"} and number.lower_ == "one":
        return None  # "one was beheaded": one of a group named elsewhere, not a count
    if number.dep_ in {"dobj", "nsubjpass", "nsubj"} and number.head.lemma_.lower() in OUTCOME_VERBS:
        verb = number.head  # "wounded 13", "and 30 were injured"
    else:
        verb = next((c for c in number.children if c.dep_ in {"acl", "amod", "relcl"}), None)
        following = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
        if verb is None and following is not None and following.tag_ in {"VBN", "VBD"}:
            verb = following  # "five deaths and 15 wounded", the participle misattached
        if verb is None or verb.lemma_.lower() not in OUTCOME_VERBS:
            return None
    parallel = verb.head if verb.dep_ == "conj" else number.head if number.dep_ == "conj" else None
    victims = [c for c in parallel.children if c.dep_ in {"dobj", "nsubjpass"}] if parallel else []
    noun = next((c for c in victims if c.pos_ == "NOUN"), None)
    what = "people" if noun is None or noun.lemma_.lower() == "person" else noun.text
    return f"{what} {OUTCOME_VERBS[verb.lemma_.lower()]}"


def _duration_label(unit: str, number: Token) -> str:
    """ "hours held", "years jailed": the unit with the verb whose length it is; "hours of
    fighting": with the state it counts."""
    doc = number.doc
    after_unit = number.i + (1 if number.lower_ in DURATION_UNITS else 2)
    if after_unit + 1 < len(doc) and doc[after_unit].lower_ == "of":
        state = _timed_state(doc[after_unit])
        if state is not None:
            return f"{unit} of {_plain_phrase(state)}"
    token = number
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    if token.pos_ not in {"VERB", "AUX"}:
        return unit
    particle = OUTCOME_VERBS.get(token.lemma_.lower(), token.text.lower())
    return f"{unit} {particle}"


def _area_label(unit: str, number: Token) -> str:
    """ "18,000 square kilometers of territory" -> "square km of territory"."""
    head = number if number.lower_ not in NUMBER_WORDS and not number.like_num else number.head
    for token in (head, *head.ancestors):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return f"{unit} of {_plain_phrase(objects[0])}"
        if token.pos_ == "VERB":
            break
    return unit


def _is_partitive(number: Token, noun: Token) -> bool:
    return noun.head.lower_ == "of" and noun.head.head == number


def _percent_label(number: Token) -> str:
    head = number if number.lower_ in {"percent", "%"} else number.head
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return f"percent of {_plain_phrase(objects[0])}"
    return "percent"


def _counted_noun(number: Token) -> Token | None:
    """The noun a number counts: its head ("15 civilians"), or after "of" ("three of the bridges")."""
    for child in number.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if number.dep_ in {"nummod", "quantmod", "compound", "amod"} and number.head.pos_ in {"NOUN", "PROPN"}:
        noun = number.head
        if noun.dep_ == "compound" and noun.head.pos_ == "NOUN":  # "68-nation alliance"
            return noun
        return noun
    if number.pos_ == "NOUN" and number.lower_ not in NUMBER_WORDS:
        return number
    return None


#: Verbs that state a running total: "the number of munitions now totals 6,602", "the toll rose to 45".
TOTAL_VERBS = {"total", "reach", "rise", "climb", "stand", "hit", "top", "exceed", "bring"}


def _subject_of_total(number: Token) -> Token | None:
    """What a bare total counts: the "of" noun of its subject ("the number of munitions")."""
    verb = number.head.head if number.head.dep_ == "prep" else number.head
    if number.dep_ not in {"dobj", "pobj", "attr", "npadvmod"} or not (
        verb.lemma_.lower() in TOTAL_VERBS or _counts_a_total(verb)
    ):
        return None
    roles = {"dobj"} if verb.lemma_.lower() == "bring" else {"nsubj", "nsubjpass"}  # "bring the total to"
    subject = next((c for c in verb.children if c.dep_ in roles), None)
    if subject is None:
        return None
    for child in subject.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return subject if subject.pos_ == "NOUN" else None


def _is_inventory(noun: Token) -> bool:
    """Objects of "destroyed"/"engaged" in strike reports, including later items of the list."""
    token = _first_conjunct(noun.head if noun.dep_ == "compound" else noun)
    return token.dep_ == "dobj" and token.head.lemma_.lower() in INVENTORY_VERBS


def _first_conjunct(token: Token) -> Token:
    """The head of a coordinated list: "a position, a gun, seven buildings" -> "position"."""
    while token.dep_ in {"conj", "appos"} and token.head.i != token.i:
        token = token.head
    return token


def _noun_phrase(noun: Token, reading: _Reading) -> str:
    """The counted noun with its modifiers and unnumbered coordinated nouns ("women and children")."""
    start = noun.i
    while start - 1 >= reading.end and noun.doc[start - 1].dep_ in {
        "compound",
        "amod",
        "nmod",
        "npadvmod",
        "punct",
    }:
        if noun.doc[start - 1].like_num or noun.doc[start - 1].text in {",", "(", ")"}:
            break
        start -= 1
    words = [noun.doc[start : noun.i + 1].text.lstrip("-‐‑‒–— ")]
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
        words.append(noun.head.text)
    for conj in noun.children:
        if conj.dep_ == "conj" and not any(c.like_num for c in conj.children) and conj.pos_ == "NOUN":
            words.append(f"and {conj.text}")
    phrase = " ".join(words)
    if noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in {"body", "corpse", "remains"}:
        return f"bodies of {phrase}"
    return phrase


def _plain_phrase(noun: Token) -> str:
    words = [t.text for t in noun.lefts if t.dep_ in {"compound", "amod"}] + [noun.text]
    return " ".join(words)


def _outcome(noun: Token) -> str | None:
    """The verb telling what happened to the counted people: "killed", "shot dead", "injured"."""
    token = _first_conjunct(noun)
    state = _state_of(token)
    if state is not None:
        return state
    if token.dep_ not in {"nsubj", "nsubjpass", "dobj"} or token.head.pos_ not in {"VERB", "AUX"}:
        return None
    verb = token.head
    word = OUTCOME_VERBS.get(verb.lemma_.lower())
    if word is None:
        return None
    if token.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in verb.children):
        return None  # "Two attackers killed three guards": the subject did the killing
    if any(c.lower_ == "dead" for c in verb.children):
        word += " dead"
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.lemma_.lower() in OUTCOME_VERBS and not _own_subject(conj):
            word += f" and {OUTCOME_VERBS[conj.lemma_.lower()]}"
    return word


#: States that people are counted in: "32 are missing", "leaving four others missing".
STATES = frozenset({"missing", "unaccounted"})


def _state_of(noun: Token) -> str | None:
    for child in noun.children:
        if child.lower_ in STATES:
            return child.lower_
    if noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.lower_ in STATES:
        return noun.head.lower_  # "30 soldiers were still missing": the model reads a verb
    if noun.dep_ == "nsubj" and noun.head.lemma_ in {"be", "remain"}:  # "16 people remain missing"
        for child in noun.head.children:
            if child.dep_ in {"acomp", "attr"} and child.lower_ in STATES:
                return child.lower_
    return None


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in verb.children)


def _too_small_to_report(value: float, unit: str | None, core: str, number: Token) -> bool:
    """A bare "one" is narrative ("one of the guards"), not a figure, unless it counts casualties
    or events ("1 soldier killed"). Two is a count analysts list ("two vehicles", "two
    suspects"), except where the words around it tell a story's shape rather than a quantity:
    "two separate convoys", "two other shootings", "two of them"."""
    if unit is not None or value not in {1, 2} or _one_matters(core):
        return False
    return value == 1 or _narrative_pair(number)


#: Words that make "two ..." a shape of the story, not a count of things.
_NARRATIVE_PAIR_WORDS = frozenset({"separate", "other", "different", "further", "more", "both", "rival"})


def _narrative_pair(number: Token) -> bool:
    doc = number.doc
    after = doc[number.i + 1] if number.i + 1 < len(doc) else None
    if after is not None and after.lower_ == "of":
        return True
    return after is not None and after.lower_ in _NARRATIVE_PAIR_WORDS


def _one_matters(core: str) -> bool:
    words = core.lower().split()
    return any(w.rstrip("s") in EVENT_NOUNS for w in words) or any(w in CASUALTY_VERBS for w in words)


def _place_for(number: Token, sentence: Sentence) -> Place | None:
    """The place the counted things are at: within the clause that holds the number."""
    clause = _clause_of(number)
    places = [p for p in places_in(sentence.span) if clause[0] <= p.start and p.end <= clause[1] + 1]
    return best_place(places)


def _clause_of(token: Token) -> tuple[int, int]:
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    subtree = list(verb.subtree)
    return subtree[0].i, subtree[-1].i


def _place_phrase(doc: Doc, place: Place) -> str:
    prep = doc[place.start - 1].lower_ if place.start > 0 else ""
    if doc[place.start].lower_ == "near" or prep == "near":
        prep = "near"
    if prep not in {"in", "near", "at", "outside", "around", "inside"}:
        prep = "in"
    return f"{prep} {place.text}"


#: Outcomes that count the same people: "13 people died" and "13 people were killed" are one toll.
_SAME_OUTCOME = {
    "died": "killed",
    "dead": "killed",
    "shot dead": "killed",
    "hurt": "injured",
    "wounded": "injured",
}


def _same_count(a: str, b: str) -> bool:
    if a == b or _toll_key(a) == _toll_key(b) != "":
        return True
    # "12 people killed" ... "12 bodies", "six lives": a generic word for the same toll
    outcome = _toll_outcome(a)
    return outcome is not None and outcome == _toll_outcome(b) and (_generic(a) or _generic(b))


def _told_again(a: str, b: str) -> bool:
    """ "seven marines killed" ... "7 personnel killed", "three militants" ... "three militants
    killed": a toll or a count restated in another sentence in other words."""
    if _toll_outcome(a) is not None and _toll_outcome(a) == _toll_outcome(b):
        return True
    head = _head_noun(a)
    return head is not None and head == _head_noun(b) and not (_toll_outcome(a) and _toll_outcome(b))


def _head_noun(core: str) -> str | None:
    """The counted noun of a label: "militants" in "militants killed" and in "militants"."""
    words = core.split()
    while words and (words[-1] in {"killed", "injured"} or words[-1] in _DEAD_WORDS | _HURT_WORDS):
        words = words[:-1]
    return words[-1] if words else None


#: Words that count the dead, or the hurt, without saying who they were.
_DEAD_WORDS = frozenset({"lives", "deaths", "bodies", "dead", "fatalities"})
_HURT_WORDS = frozenset({"injuries", "wounded", "injured"})
#: Words for victims in general, which another mention of the same toll names more precisely.
_GENERIC_VICTIMS = frozenset({"people", "persons", "person", "others", "victims", "individuals"})


def _toll_outcome(core: str) -> str | None:
    words = core.split()
    key = _toll_key(core)
    if key.endswith(" killed") or (words and words[-1] in _DEAD_WORDS):
        return "killed"
    if key.endswith(" injured") or (words and words[-1] in _HURT_WORDS):
        return "injured"
    return None


def _generic(core: str) -> bool:
    words = core.split()
    return len(words) == 1 or bool(set(words) & _GENERIC_VICTIMS)


def _toll_key(core: str) -> str:
    """ "people killed" -> "people killed", "people died" -> "people killed"; "" if no toll."""
    for outcome, same in sorted(_SAME_OUTCOME.items(), key=lambda kv: -len(kv[0])):
        if core.endswith(" " + outcome):
            return core[: -len(outcome)] + same
    return core if core.endswith((" killed", " injured")) else ""


#: Plural nouns that count people without a role word's singular: "them", "troops", "children".
_PEOPLE_NOUNS = frozenset(
    {"them", "those", "civilians", "troops", "personnel", "police", "men", "women", "children", "sons"}
    | {"members", "cadres", "fighters", "people", "persons", "others", "victims", "individuals"}
)
#: Outcomes that may be told of the same people in other words ("shot" is either).
_OUTCOME_CLASSES: dict[str, str | None] = {**_SAME_OUTCOME, "shot": None}
#: Every word a label may tell an outcome with ("killed", "kidnapped", "displaced").
_OUTCOME_WORDS = frozenset(OUTCOME_VERBS.values())
#: A count this large, of people both times, is one count whatever each sentence calls them; two
#: smaller ones ("two terrorists", "two police officers injured") need the same or a generic noun.
_DISTINCTIVE_COUNT = 3


def _same_people_counted(a: str, b: str, value: float) -> bool:
    """ "eight jawans" ... "eight jawans and a driver killed", "51 civilians" ... "51 people killed":
    one count of people told again in another sentence, with other words for who they were.
    Two different outcomes ("four killed", "four arrested") are two counts."""
    (head_a, outcome_a), (head_b, outcome_b) = _people_and_outcome(a), _people_and_outcome(b)
    if head_a is None or head_b is None:
        return False
    if outcome_a and outcome_b and outcome_a != outcome_b:
        return False
    generic = head_a in _GENERIC_VICTIMS or head_b in _GENERIC_VICTIMS
    return head_a == head_b or generic or value >= _DISTINCTIVE_COUNT


def _people_and_outcome(core: str) -> tuple[str | None, str | None]:
    """The people a label counts ("jawans") and what happened to them ("killed"); no people when
    it counts something else."""
    words = core.replace('"', "").split()
    told = [w for w in words if w in _OUTCOME_WORDS or w in _DEAD_WORDS | _HURT_WORDS]
    outcome = _outcome_class(told[0]) if told else None  # "bodies of dead rebels": killed
    while words and words[-1] in told:
        words = words[:-1]
    head = words[-1] if words else None
    return (head if head is not None and _counts_people(head) else None), outcome


def _outcome_class(word: str) -> str | None:
    if word in _DEAD_WORDS:
        return "killed"
    if word in _HURT_WORDS:
        return "injured"
    return _OUTCOME_CLASSES.get(word, word)


def _counts_people(noun: str) -> bool:
    if noun in _PEOPLE_NOUNS:
        return True
    singulars = {noun, noun.removesuffix("s"), noun.removesuffix("es"), noun.replace("men", "man")}
    return bool(singulars & ROLE_WORDS)


def _dedupe(found: list[tuple[Figure, str, str | None]]) -> list[Figure]:
    """The same value counting the same thing is one figure, whichever sentence repeats it; so is
    a toll another sentence restates in other words at the same place. In one sentence, "three
    women and three children" are two figures.

    A mention that names its place replaces an earlier one that did not.
    """
    kept: list[tuple[Figure, str, str | None]] = []
    for figure, core, place in found:
        twin = next(
            (
                i
                for i, (other, other_core, other_place) in enumerate(kept)
                if abs(float(other.value) - float(figure.value)) < 1e-9
                and (
                    (
                        _same_count(other_core, core)
                        and (place is None or other_place is None or place == other_place)
                    )
                    or (place == other_place and other.text != figure.text and _told_again(other_core, core))
                    or (
                        other.text != figure.text
                        and (
                            place == other_place
                            or None in (place, other_place)
                            or figure.value >= _DISTINCTIVE_COUNT
                        )
                        and _same_people_counted(other_core, core, figure.value)
                    )
                )
            ),
            None,
        )
        if twin is None:
            kept.append((figure, core, place))
        elif place is not None and kept[twin][2] is None:
            kept[twin] = (figure, core, place)
    return [figure for figure, _, _ in kept]
