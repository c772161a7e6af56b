"""Place names in a sentence, ranked from most to least specific.

The small spaCy model labels many Middle Eastern towns as PERSON or ORG ("Daquq", "Tuloul
Naser", "Near Ar Raqqah"), so a place is recognised by where a name stands as much as by its
entity label: after a locative preposition ("in", "near", "outside"), after a place noun ("the
village of"), or ending in a facility noun ("Mosul University", "the al-Khani mosque").

Ranking matters because incidents report the most specific place: a town beats the province it
lies in ("Jabla in the province of Latakia"), and a place named only as a reference point ("45km
south of Mosul") ranks last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pycountry
from spacy.tokens import Doc, Span, Token

from . import gazetteer
from .analysis import first_conjunct
from .casualties import PERSON_NOUNS
from .dates import WEEKDAYS
from .incident_triggers import NOUN_TRIGGERS

PLACE_LABELS = {"GPE", "LOC", "FAC"}
#: Labels the small model wrongly gives to place names; accepted only in a locative position.
MISLABELLED = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"}
LOCATIVE_PREPS = {"in", "near", "at", "outside", "around", "inside", "into", "on", "across", "within"}
#: Nouns that introduce a place name: "the village of Safina", "the port city of Tartus".
PLACE_NOUNS = {
    "village",
    "town",
    "city",
    "province",
    "district",
    "neighborhood",
    "neighbourhood",
    "area",
    "region",
    "governorate",
    "suburb",
    "suburbs",
    "outskirts",
    "vicinity",
    "capital",
    "stronghold",
    "enclave",
    "countryside",
    "municipality",
    "camp",
    "island",
    "valley",
    "port",
    "heart",
    "state",
    "county",
    "territory",
    "prefecture",
    "township",
    "commune",
    "locality",
    "oblast",
    "division",
    "sector",
    "zone",
    "subdivision",
    "forest",
    "desert",
    "mountains",
    "mountain",
    "hills",
    "river",
    "lake",
    "coast",
    "plains",
    "highway",
    "road",
    "corridor",
}
#: Nouns that make a name a facility: "Mosul University", "the Mezzeh military airport".
FACILITY_NOUNS = {
    "university",
    "hospital",
    "airport",
    "airbase",
    "base",
    "mosque",
    "church",
    "school",
    "parliament",
    "prison",
    "market",
    "complex",
    "compound",
    "stadium",
    "square",
    "bridge",
    "dam",
    "palace",
    "embassy",
    "consulate",
    "refinery",
    "station",
    "neighborhood",
    "neighbourhood",
    "district",
    "headquarters",
    "barracks",
    "checkpoint",
    "hotel",
    "nightclub",
    "bar",
    "restaurant",
    "cafe",
    "mall",
    "supermarket",
    "monastery",
    "temple",
    "shrine",
    "synagogue",
    "cathedral",
    "clinic",
    "madrasa",
    "seminary",
    "outpost",
    "garrison",
    "building",
    "condominium",
    "tavern",
    "pub",
    "club",
    "theatre",
    "theater",
    "factory",
    "warehouse",
    "alley",  # "a Lewiston bowling alley"
    "arena",
    "cinema",
    "store",
    "shop",
    "gym",
    "casino",
    "courthouse",
    "terminal",
}
COMPASS = {
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
}
#: Places at the level of a country or wider: least specific, and never split an incident.
WIDE_PLACES = {
    "russia",
    "turkey",
    "britain",
    "uk",
    "us",
    "usa",
    "america",
    "europe",
    "africa",
    "asia",
    "middle east",
    "west",
    "gulf",
    "levant",
    "kurdistan",
    "palestine",
    "gaza strip",
    "west bank",
    "the west",
    "south korea",
    "north korea",
    "iran",
    "syria",
    "iraq",
    # regions spanning several states
    "sahel",
    "sahel region",
    "west africa",
    "east africa",
    "north africa",
    "central africa",
    "horn of africa",
    "maghreb",
    "caucasus",
    "balkans",
    "central asia",
    "south asia",
    "southeast asia",
    "latin america",
    "central america",
    "lake chad region",
}
#: Verbs whose direct object is a place being acted on ("retake Mosul", "striking Sabboura").
PLACE_OBJECT_VERBS = {
    "retake",
    "seize",
    "capture",
    "recapture",
    "liberate",
    "enter",
    "storm",
    "besiege",
    "bomb",
    "strike",
    "shell",
    "attack",
    "hit",
    "target",
    "raid",
    "overrun",
    "encircle",
    "isolate",
    "bombard",
    "free",
}
#: Organisations whose names start with a place ("Jammu and Kashmir Police").
FORCE_WORDS = frozenset({"police", "army", "command", "corps", "brigade", "ministry"})
NOT_PLACE_WORDS = {
    "near",
    *FORCE_WORDS,
    # platforms where statements are posted ("said on Telegram", "Garowe Online reports")
    "online",
    "telegram",
    "twitter",
    "facebook",
    "instagram",
    "youtube",
    "whatsapp",
    "x",
    "tiktok",
    "areas",  # "Local Government Areas", the model's place for a plural common noun
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    *gazetteer.FEASTS,  # "the Easter Sunday assault": a day, never a place
}
POSSESSOR_PREFIX = re.compile(r"^[’']s\s+")
NEAR_PREFIX = re.compile(r"^(?:near|outside|in|around)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    """A place name found in a sentence, with the facts that decide how specific it is."""

    text: str
    start: int  # token indices in the Doc
    end: int
    wide: bool  # a country or wider region
    container: bool  # names where another place lies ("... in Baghdad")
    reference: bool  # a reference point ("south of Mosul", "from Damascus")

    @property
    def rank(self) -> tuple[bool, bool, bool, int]:
        """Most specific first: a named place before a country, even one that contains another."""
        return (self.reference, self.wide, self.container, self.start)

    @property
    def key(self) -> str:
        """A comparison form: lower case, no compass prefix or article, spelling folded."""
        return match_key(self.text)


#: Trailing nouns for the grounds of a facility: "the consulate complex" is the consulate.
ANNEX_NOUNS = {"complex", "compound", "premises", "grounds", "campus", "headquarters", "entrance", "gates"}
#: Words naming the kind of division, which one text writes and the next leaves out ("Paktika
#: province" ... "the Urgun district of Paktika"; "Pugu Village"; "Rathedaung Township"). "City"
#: stays: "Gaza City" is not "Gaza".
DIVISION_NOUNS = {
    "province",
    "district",
    "state",
    "region",
    "governorate",
    "county",
    "village",
    "town",
    "municipality",
    "prefecture",
    "oblast",
    "township",
    "tehsil",
    "upazila",
    "locality",
    "commune",
    "subdistrict",
}


def place_key(text: str) -> str:
    words = text.lower().replace("\u2019", "'").split()
    while words and (words[0] in COMPASS or words[0] == "the"):
        words = words[1:]
    while len(words) > 1 and (words[-1] in ANNEX_NOUNS or words[-1] in DIVISION_NOUNS):
        words = words[:-1]
    return " ".join(words)


def match_key(text: str) -> str:
    """The place key with transliteration variants folded, for telling whether two mentions name
    one place: "Khan Sheikhoun"/"Khan Sheikoun", "al-Safra"/"Safra", "Dagestan"/"Daghestan"."""
    key = re.sub(r"^(?:al|el|ad|as|ash|an|ar)[-\s]", "", place_key(text).replace("-", " "))
    key = key.replace("h", "").replace("ou", "u").replace("ee", "i")
    return re.sub(r"(.)\1", r"\1", key)


@cache
def is_wide(text: str) -> bool:
    """True for countries and wider regions (by pycountry and a few common short names)."""
    whole = re.sub(r"^the\s+", "", text.lower().replace("\u2019", "'"))
    if whole in WIDE_PLACES:
        return True  # "West Bank" before its compass word is read as a direction
    first, _, rest = whole.partition(" ")
    if first in COMPASS and rest in WIDE_PLACES:
        return True  # "the northern West Bank", "eastern Syria"
    key = place_key(text)
    if key in WIDE_PLACES or gazetteer.is_state_name(key):
        return True  # "northeast Democratic Republic of Congo" is the country
    try:
        pycountry.countries.lookup(key)
    except LookupError:
        return False
    return True


def places_in(span: Span) -> list[Place]:
    """Every place named in `span`, in text order."""
    found: list[Place] = []
    taken: set[int] = set()
    for ent in span.ents:
        if ent.start in taken:
            continue  # "Congo" in "the Democratic Republic of the Congo", read with its start
        if ent.text.lower() in gazetteer.FEASTS:
            continue  # "on Palm Sunday": a day, whatever part of it is cut off as a weekday
        place = _place_from_entity(ent)
        if place is not None and _names_no_scene(span.doc, place):
            taken.update(range(place.start, place.end))  # "according to Nasser Hospital": who said it
            continue
        if place is not None and _names_a_place(place.text) and not _names_a_person(span.doc, place):
            found.append(place)
            taken.update(range(place.start, place.end))
    found += _capitals_named_by_state(span, taken)
    for place in _places_after_prepositions(span, taken):
        if (
            _names_a_place(place.text)
            and not _names_a_person(span.doc, place)
            and not describes_something_else(span.doc, place)
        ):
            found.append(place)
    found.sort(key=lambda p: p.start)
    return [_with_roles(p, found, span) for p in found]


def _capitals_named_by_state(span: Span, taken: set[int]) -> list[Place]:
    """ "in the Somali capital", "in Austria's capital": a city named by its state. Wide, so the
    city's own name, where the text gives it, is the more specific place."""
    out = []
    for token in span:
        if token.lower_ != "capital" or token.dep_ != "pobj" or token.head.lower_ not in LOCATIVE_PREPS:
            continue
        states = [
            c for c in token.lefts if c.dep_ in {"amod", "poss", "compound"} and gazetteer.country_of(c.text)
        ]
        if len(states) != 1 or any(i in taken for i in range(states[0].i, token.i + 1)):
            continue
        text = span.doc[states[0].i : token.i + 1].text
        out.append(
            Place(text=text, start=states[0].i, end=token.i + 1, wide=True, container=False, reference=False)
        )
    return out


def _names_a_person(doc: Doc, place: Place) -> bool:
    """ "opened fire on Ali Hassan, a soldier": who was shot, not where."""
    return _described_as_person(doc[place.start : place.end].root)


def _names_a_place(text: str) -> bool:
    return not _is_people_adjective(text) and not _names_no_place(text)


def _names_no_place(text: str) -> bool:
    """ "Telegram", "Jammu and Kashmir Police", "Shias", "the Liberation Tigers", "the RMC": a
    platform, a force or movement, a community or an organisation's acronym."""
    words = text.lower().split()
    return bool(words) and (
        not _capitalised_name(text)  # "ran into the bush": a common noun, not a place's name
        or bool(WEAPON_CODE.match(text))
        or text.lower() in NOT_PLACE_WORDS
        or (
            len(words) == 1
            and words[0] in FACILITY_NOUNS | DIVISION_NOUNS | PLACE_NOUNS | {"highway", "road", "street"}
        )
        or words[-1] in ORGANISATION_ENDS
        or bool(set(words) & MOVEMENT_WORDS)
        or gazetteer.is_people(text)
        or _is_known_group(text)
        or _is_acronym(text)
    )


#: Words that make a name a movement or armed group wherever they stand in it.
MOVEMENT_WORDS = frozenset(
    {
        "liberation",
        "tigers",
        "front",
        "brigades",
        "jihad",
        "resistance",
        "revolutionary",
        "islamic",
        "mujahideen",
        "mujahidin",
        "mujahiddin",
    }
)


def _capitalised_name(text: str) -> bool:
    """ "northern Sinai" and "al-Safra" are names; "bush" is not."""
    words = [w for w in text.split() if w.lower() not in COMPASS and w.lower() != "the"]
    return bool(words) and (
        words[0][:1].isupper() or bool(re.match(r"(?:al|el|ad|as|ash|an|ar)-[A-Z]", words[0]))
    )


#: Weapon designations the model takes for names: "AK-47", "M16", "RPG-7".
WEAPON_CODE = re.compile(r"^[A-Z]{1,4}-?\d{1,3}[A-Z]?\d?$")


def _is_known_group(text: str) -> bool:
    """ "fire between Israel and Hezbollah": an armed group or institution the gazetteer knows is
    an actor, whatever label the model gave it."""
    known = gazetteer.lookup_known(text)
    return known is not None and known.kind != "place"


def _names_no_scene(doc: Doc, place: Place) -> bool:
    """A place name that says who spoke, where the wounded went, or which group ("Islamic State
    West Africa Province"): never where the event happened."""
    return (
        _is_agency_credit(doc, place)
        or _in_dateline(doc, place)
        or _dateline_city(doc, place)
        or _is_source(doc, place.start)
        or _issues_a_statement(doc, place)
        or _is_destination(doc, place.start)
        or _continues_organisation(doc, place.start)
        or describes_something_else(doc, place)
        or _identifies_a_person(doc, place.start)
    )


def _identifies_a_person(doc: Doc, start: int) -> bool:
    """ "the body of a man identified as Ghannam": who someone is named as is a person's name."""
    before = [t.lower_ for t in doc[max(0, start - 2) : start]]
    return len(before) == 2 and before[0] in {"identified", "named"} and before[1] == "as"


def describes_something_else(doc: Doc, place: Place) -> bool:
    """Whether a place name here names something else: a modifier ("Kenya-based"), a party in
    brackets, another name or the acronym of a body."""
    return (
        _hyphen_modifier(doc, place)
        or _party_between(doc, place)
        or _another_name_of_a_body(doc, place)
        or _acronym_of_a_body(doc, place)
    )


def _acronym_of_a_body(doc: Doc, place: Place) -> bool:
    """ "the Sudan People's Liberation Army-In Opposition (SPLA-IO)": the letters in brackets after
    an organisation's name are its acronym (after a country's, "(DRC)", they are the country's)."""
    start, end = place.start, place.end
    return (
        start >= 2
        and end < len(doc)
        and doc[start - 1].text == "("
        and doc[end].text == ")"
        and doc[start - 2].ent_type_ == "ORG"
        and _is_acronym(doc[start:end].text)
    )


def _another_name_of_a_body(doc: Doc, place: Place) -> bool:
    """ "the Syrian Civil Defense, known as the White Helmets": what a body is known as is its
    name, not a place; "an area known as the Green Line" is one."""
    i = place.start - (doc[place.start - 1].lower_ == "the" if place.start else 0)
    if i < 2 or doc[i - 1].lower_ != "as" or doc[i - 2].lower_ not in {"known", "called", "dubbed"}:
        return False
    named = doc[i - 2].head
    return named.i != doc[i - 2].i and named.lemma_.lower() not in PLACE_NOUNS | DIVISION_NOUNS


#: Words a place name is hyphenated to when it only describes something else: "the
#: English-speaking city of Bamenda", "SDF-controlled Deir e-Zor", "Kenya-based".
_MODIFIER_SUFFIXES = frozenset(
    {"speaking", "controlled", "held", "backed", "led", "based", "run", "dominated", "majority", "allied"}
)


def _hyphen_modifier(doc: Doc, place: Place) -> bool:
    after = doc[place.end : place.end + 2]
    return len(after) == 2 and after[0].text in {"-", "–"} and after[1].lower_ in _MODIFIER_SUFFIXES


def _party_between(doc: Doc, place: Place) -> bool:
    """ "a war between Moscow and separatists", "a ceasefire between Hezbollah and Israel": a state
    or capital standing for its government is a party to the fighting, not where it was fought."""
    before = doc[place.start - 1] if place.start > 0 else None
    if before is not None and before.lower_ == "and" and place.start >= 2:
        # "a ceasefire between Hezbollah and Israel": the second side, after "between X and"
        between = next(
            (t for t in reversed(doc[max(0, place.start - 8) : place.start - 1]) if t.lower_ == "between"),
            None,
        )
        return between is not None and between.head.lemma_.lower() in _CONFLICT_NOUNS
    if before is None or before.lower_ != "between":
        return False
    after = doc[place.end] if place.end < len(doc) else None
    return after is not None and after.lower_ == "and" and before.head.lemma_.lower() in _CONFLICT_NOUNS


#: Nouns whose "between X and Y" names the sides.
_CONFLICT_NOUNS = frozenset(
    {"war", "conflict", "fighting", "clash", "clashes", "talks", "ceasefire", "truce"}
)


def _in_dateline(doc: Doc, place: Place) -> bool:
    """ "QAMISHLI, Syria (North Press) – Iran executed ...": the country of a dateline says where
    the story was filed, not where it happened."""
    start = doc[place.start].sent.start
    before = doc[start : place.start]
    if not len(before) or before[-1].text != "," or not all(t.is_upper or t.is_punct for t in before):
        return False
    i = place.end
    if i < len(doc) and doc[i].text == "(":
        while i < len(doc) and doc[i].text != ")" and i - place.end < 6:
            i += 1
        i += 1
    return i < len(doc) and doc[i].text in {"—", "–", "-", "--"}


def _dateline_city(doc: Doc, place: Place) -> bool:
    """ "NEW DELHI: Synagogues ... in Dagestan came under attack", "New York: ...": the city that
    opens a story in capitals, or before a colon, says where it was filed. Whether the event happened there is decided elsewhere, from
    the rest of the lead (see `dateline_place`)."""
    span = doc[place.start : place.end]
    after = doc[place.end].text if place.end < len(doc) else ""
    if place.start != span.sent.start:
        return False
    if all(t.is_title or t.is_punct for t in span) and after == ":":
        return True  # "New York: United Nations Secretary-General ... condemned the attacks"
    return all(t.is_upper or t.is_punct for t in span) and after in {":", ",", "(", "—", "–", "-", "--"}


def _is_agency_credit(doc: Doc, place: Place) -> bool:
    """ "QAMISHLI, Syria (North Press) –": the agency credited in a dateline's brackets."""
    before = doc[place.start - 1] if place.start > 0 else None
    after = doc[place.end] if place.end < len(doc) else None
    return before is not None and after is not None and before.text == "(" and after.text == ")"


def _continues_organisation(doc: Doc, start: int) -> bool:
    """ "Islamic State West Africa Province": a place name run on from an organisation's is part of
    the organisation's name."""
    return start >= 1 and doc[start].ent_iob_ == "B" and doc[start - 1].ent_type_ == "ORG"


#: Last words that make a name an organisation however it starts.
ORGANISATION_ENDS = FORCE_WORDS | frozenset(
    {
        "forces",
        "mujahidin",
        "mujahideen",
        "movement",
        "militia",
        "group",
        "party",
        "taskforce",
        "rebels",
        "insurgents",
        "fighters",
        "guard",
        "guards",
        "rifles",
    }
)


def _is_source(doc: Doc, start: int) -> bool:
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 1 and doc[i].lower_ == "to" and doc[i - 1].lower_ == "according"


#: What a body issues: "a statement by the Emergency Hospital in Kabul said ...".
_STATEMENT_NOUNS = frozenset({"statement", "report", "communique", "communiqué", "spokesman", "spokesperson"})


def _issues_a_statement(doc: Doc, place: Place) -> bool:
    """ "a statement by the Emergency Hospital said": who spoke, not where it happened."""
    root = doc[place.start : place.end].root
    prep = root.head
    return (
        root.dep_ == "pobj" and prep.lower_ in {"by", "from"} and prep.head.lemma_.lower() in _STATEMENT_NOUNS
    )


#: Verbs that move or treat the wounded: the place after them is a hospital, not the scene.
_CARE_VERBS = frozenset(
    {
        "take",
        "rush",
        "evacuate",
        "transfer",
        "airlift",
        "fly",
        "treat",
        "admit",
        "hospitalise",
        "hospitalize",
        "bring",
    }
)


def _is_destination(doc: Doc, start: int) -> bool:
    """ "taken to the Baghdad military hospital", "being treated at Al Jumhouri hospital"."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1 or doc[i].lower_ not in {"to", "at", "in"}:
        return False
    verb = doc[i].head
    return (verb.lemma_.lower() in _CARE_VERBS and doc[i].lower_ != "in") or (
        doc[i].lower_ == "in" and verb.lemma_.lower() in {"treat", "hospitalise", "hospitalize"}
    )


def _is_people_adjective(text: str) -> bool:
    """ "Ukrainian" in "fired at Ukrainian positions": a country's adjective, not a place name."""
    country = gazetteer.country_of(text)
    return (
        country is not None
        and gazetteer.normalise_form(country) != gazetteer.normalise_form(text)
        and not is_wide(text)
    )


#: A wire dateline opening a paragraph: "PORT-AU-PRINCE, Haiti (AP) —", "MOGADISHU, Somalia -",
#: or the South Asian style "Shopian: Three militants ...".
_DATELINE = re.compile(
    r"^(?:([A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]*)*)(?=\s*(?:,|:|\(|[—–-]\s))|([A-Z][a-z]+(?: [A-Z][a-z]+)?):\s)"
)
#: The country after a dateline's city: "PORT-AU-PRINCE, Haiti (AP)".
_DATELINE_COUNTRY = re.compile(r",\s*([A-Z][\w ]+?)\s*(?:,|\(|[—–-])")
#: Labels that open a paragraph with a colon but name no place.
_NOT_DATELINES = frozenset(
    [
        "update",
        "photo",
        "photos",
        "video",
        "editor",
        "note",
        "read",
        "watch",
        "source",
        "warning",
        "breaking",
        "exclusive",
        "opinion",
        "analysis",
        "live",
        "related",
        "caption",
        "file",
        "image",
    ]
)
#: Small words that stay lower case inside a place name: "Port-au-Prince", "Rio de Janeiro".
_NAME_PARTICLES = frozenset({"au", "de", "del", "da", "do", "la", "le", "el", "es", "of", "sur"})


def dateline_place(doc: Doc, country: str | None = None) -> Place | None:
    """The city of a wire story's dateline, where the story was filed: for an event the lead
    places only in `country`, the best place there is, unless the dateline is in another country
    ("QAMISHLI, Syria (North Press) – Iran executed three men")."""
    match = _DATELINE.match(doc.text)
    if match is not None and country is not None:
        filed_in = _DATELINE_COUNTRY.match(doc.text[match.end() :])
        if filed_in and gazetteer.country_of(filed_in.group(1)) not in {None, gazetteer.country_of(country)}:
            return None
    group = 1 if match is not None and match.group(1) else 2
    if match is None or len(match.group(group)) < 3 or match.group(group).lower() in _NOT_DATELINES:
        return None
    span = doc.char_span(match.start(group), match.end(group), alignment_mode="expand")
    if span is None or any(t.ent_type_ in {"PERSON", "ORG"} for t in span):
        return None
    words = re.split(r"([ -])", match.group(group).lower())
    text = "".join(w if w in _NAME_PARTICLES or w in {" ", "-"} else w.capitalize() for w in words)
    if is_wide(text) or _is_acronym(match.group(group)):
        return None
    return Place(text=text, start=span.start, end=span.end, wide=False, container=False, reference=False)


def best_place(places: list[Place]) -> Place | None:
    return min(places, key=lambda p: p.rank) if places else None


#: Words that open the name of a local division: "Barangay Bunkaong", "Sitio Kulasi", "Kebele 04".
DIVISION_TITLES = frozenset({"barangay", "brgy", "sitio", "purok", "kampung", "kebele"})


def _place_from_entity(ent: Span) -> Place | None:
    doc = ent.doc
    start, end = ent.start, ent.end
    while start < end and doc[start].lower_ in {"near", "the", "outside"}:
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].lower_ in {"and", "'s", "’s"} or doc[end - 1].lower_ in WEEKDAYS
    ):
        end -= 1  # "Belgorod Saturday": the day the model ran into the name
    if start >= end:
        return None
    end = _with_rest_of_state_name(doc, start, end)
    root = doc[start:end].root
    if _is_acronym(doc[start:end].text):
        return None  # "ISIL", "CJTF": organisations; country acronyms are known to is_wide
    if end - start > 1 and doc[start].lower_.rstrip(".") in DIVISION_TITLES:
        return _build(doc, start, end)  # a division's name, whatever label the model gave it
    if ent.label_ in PLACE_LABELS:
        if not _plausible_place_role(root, doc[start:end]):
            return None
    elif ent.label_ in MISLABELLED:
        acted_on = root.dep_ == "dobj" and root.head.lemma_.lower() in PLACE_OBJECT_VERBS
        targeted = root.head.lemma_.lower() == "target" and end - start > 1
        if acted_on and ent.label_ == "PERSON" and (targeted or _after_role_word(doc, start)):
            acted_on = False  # "striking Sabboura" is a town; "targeting commander Ibrahim Qabisi" a man
        if not (
            _in_locative_position(doc[start]) or _ends_in_facility(doc, end) or _is_facility(root) or acted_on
        ):
            return None
        if ent.label_ == "NORP" and (not _in_locative_position(doc[start]) or _is_demonym(doc, start, end)):
            return None
        if ent.label_ == "PERSON" and end < len(doc) and doc[end].lower_ in {"'s", "’s"}:
            return None  # "in Silvonek's car": a person's belonging, not a place name
        if root.dep_ in {"amod", "compound", "nmod"} and root.head.lemma_.lower() not in (
            PLACE_NOUNS | FACILITY_NOUNS
        ):
            return None  # "the northern Syrian IS stronghold": an adjective, not a place
    else:
        return None
    return _build(doc, start, end)


def _with_rest_of_state_name(doc: Doc, start: int, end: int) -> int:
    """ "eastern [Democratic Republic] of the Congo": the model may cut a state's long name at
    "of"; the name runs on while the words after it complete a state's name."""
    words = [t for t in doc[start:end] if t.lower_ not in COMPASS and t.lower_ != "the"]
    if not words or words[-1].lower_ not in {"republic", "of"}:
        return end
    best = end
    for stop in range(end + 1, min(end + 4, len(doc)) + 1):
        tail = doc[stop - 1]
        if not (tail.lower_ in {"of", "the"} or tail.text[:1].isupper()):
            break
        named = doc[words[0].i : stop].text
        if gazetteer.is_state_name(named) or gazetteer.is_state_name(named.replace(" the ", " ")):
            best = stop
    return best


def _described_as_person(root: Token) -> bool:
    """ "Ali Hassan, a soldier who defected", "a top commander, Muna Bihari,": a name set beside a
    noun for a person."""
    named = first_conjunct(root)  # "a commander, Muna Bhai or Muna Bihari,"
    if named.dep_ == "appos" and named.head.lemma_.lower() in PERSON_NOUNS:
        return True
    if _listed_among_people(root):
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS for c in root.children)


def _listed_among_people(root: Token) -> bool:
    """ "PFC Kenneth Cerbo, Michael Besana, Angelito Bariga and Sgt. Nino Nabaunag": a name in a list
    of at least two people's full names is one more person's, whatever label the model gave it."""
    members, queue = [], [first_conjunct(root)]
    while queue:  # the list's members: the first name and its chain of conjuncts
        member = queue.pop()
        members.append(member)
        queue += [c for c in member.children if c.dep_ == "conj"]
    return sum(_full_name(m) for m in members if m.i != root.i) >= 2


def _full_name(token: Token) -> bool:
    """A person's first name and surname ("Kenneth Cerbo"); a town the model tags a person is
    mostly one word ("Ann")."""
    return token.ent_type_ == "PERSON" and any(
        c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in token.children
    )


def _after_role_word(doc: Doc, start: int) -> bool:
    return start > 0 and doc[start - 1].lower_ in {
        "commander",
        "leader",
        "chief",
        "spokesman",
        "general",
        "colonel",
    }


def _places_after_prepositions(span: Span, taken: set[int]) -> list[Place]:
    """Proper-noun runs the model left unlabelled: "in Daquq", "the Al Salem hospital complex"."""
    doc = span.doc
    out: list[Place] = []
    i = span.start
    while i < span.end:
        token = doc[i]
        placed = _in_locative_position(token) or _coordinated_with_place(token, taken, out)
        if i in taken or not _is_name_token(token) or not placed:
            i += 1
            continue
        j = i
        while j < span.end and j not in taken and _is_name_token(doc[j]):
            j += 1
        root = doc[i:j].root
        modifier = root.dep_ in {"amod", "compound", "nmod"} and root.head.lemma_.lower() not in (
            PLACE_NOUNS | FACILITY_NOUNS
        )
        possessor = j < len(doc) and doc[j].lower_ in {"'s", "’s"} and doc[j - 1].ent_type_ == "PERSON"
        if j > i and not modifier and not possessor:  # "in Silvonek's car" names a person
            out.append(_build(doc, _with_state_name_start(doc, i, j), j))
        i = max(j, i + 1)
    return out


def _with_state_name_start(doc: Doc, start: int, end: int) -> int:
    """ "Burkina [Faso]": the model took the first word of a state's name for an adjective; the
    place starts where the state's name does."""
    if start > 0 and doc[start - 1].is_title and gazetteer.country_of(doc[start - 1 : end].text):
        return start - 1
    return start


def _coordinated_with_place(token: Token, taken: set[int], found: list[Place]) -> bool:
    """ "in Gao and Timbuktu": a name coordinated with a place is a place too."""
    if token.dep_ != "conj":
        return False
    head = token.head.i
    return head in taken or any(p.start <= head < p.end for p in found)


def _is_name_token(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.lower_ not in NOT_PLACE_WORDS
        and token.ent_type_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL", "EVENT"}
    )


def _in_locative_position(token: Token) -> bool:
    """The first token of a name stands where a place would: "in X", "village of X", "Near X"."""
    if token.lower_ == "near" or _apposed_place_noun(token):
        return True
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.is_lower and before.lemma_ in SETTLEMENT_NOUNS | {"capital"}:
        return token.lower_ not in _CIVIC_BODIES  # "near the state capital Culiacan"; not "the city Council"
    i = token.i - 1
    while i >= 0 and (doc[i].lower_ == "the" or doc[i].lower_ in COMPASS):
        i -= 1
    if i < 0:
        return False
    if i >= 2 and doc[i].lower_ in {"'s", "’s"} and doc[i - 1].ent_type_ in {"GPE", "LOC"}:
        i = doc[i - 1].left_edge.i - 1  # "in Pakistan's northern Khyber Pakhtunkhwa province"
        while i >= 0 and doc[i].lower_ == "the":
            i -= 1
        if i < 0:
            return False
    prev = doc[i]
    if prev.lower_ in LOCATIVE_PREPS:
        return not (i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_)  # "Army-In Opposition"
    if prev.lower_ != "of" or i == 0:
        return False
    before = doc[i - 1]
    return (
        bool({before.lemma_.lower(), before.lower_} & (PLACE_NOUNS | FACILITY_NOUNS))
        or before.lower_ in COMPASS
    )


def _apposed_place_noun(token: Token) -> bool:
    """ "surrounded Banjska, a village located 55 kilometers north": a name the text then calls a
    village, town or city is a place wherever it stands."""
    doc = token.doc
    end = token.i
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].is_title:
        end += 1
    if end + 3 >= len(doc) or doc[end + 1].text != "," or doc[end + 2].lower_ not in {"a", "an", "the"}:
        return False
    noun = next((t for t in doc[end + 3 : end + 6] if t.pos_ == "NOUN"), None)
    return noun is not None and noun.lemma_.lower() in SETTLEMENT_NOUNS


#: Bodies a town's name may be followed by in lower case: "the city council", "the town Hall".
_CIVIC_BODIES = frozenset({"council", "hall", "authorities", "police", "mayor", "government", "assembly"})

#: What the text may call a named place right after naming it: "Banjska, a village ...".
SETTLEMENT_NOUNS = frozenset(
    {"village", "town", "city", "district", "neighbourhood", "neighborhood", "suburb", "hamlet", "settlement"}
)


def _is_acronym(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z.-]{1,6}", text)) and not is_wide(text)


def _is_demonym(doc: Doc, start: int, end: int) -> bool:
    """ "Syrian", "Kurdish": a people's adjective, which the parser may still put after "near"; but
    an unknown name before a place noun is that place ("of Shopian town")."""
    if (
        end < len(doc)
        and doc[end].lemma_.lower() in PLACE_NOUNS
        and gazetteer.country_of(doc[start:end].text) is None
        and not _named_by_of(doc[end])
    ):
        return False
    if re.search(r"(?:ian|ish|ese|ean|ic|i)$", doc[end - 1].lower_):
        return True
    return end < len(doc) and doc[end].pos_ in {"NOUN", "PROPN", "ADJ"}


def _named_by_of(noun: Token) -> bool:
    """ "the Kurdish province of Diyarbakir": the place noun's name follows it after "of", so the
    word before it only describes it."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children)
        for c in noun.children
    )


def _plausible_place_role(root: Token, span: Span) -> bool:
    """A GPE that is a subject, possessor or modifier names an actor ("Syria has accused..."), not a place."""
    if root.dep_ == "poss" or (
        len(span) and span[-1].i + 1 < len(span.doc) and span.doc[span[-1].i + 1].lower_ in {"'s", "’s"}
    ):
        return False  # "at Bangui's demand": whose demand, not where
    if root.dep_ in {"nsubj", "nsubjpass", "npadvmod", "agent"}:
        return _in_locative_position(span[0])
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return False  # "a missile fired by Russia": who fired it, not where
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        return root.head.lemma_.lower() in PLACE_NOUNS | FACILITY_NOUNS  # "its ally Russia": an actor
    if root.dep_ in {"compound", "amod", "nmod"}:
        # "in Kabul province", "near the Baghdad airport"; not "based on Sharia law", where the
        # preposition governs the common noun the name only describes
        chain = [root.head]
        while chain[-1].dep_ == "compound" and chain[-1].head.i != chain[-1].i and len(chain) < 4:
            chain.append(chain[-1].head)  # "the Madhurchara refugee camps"
        if chain[-1].dep_ == "nsubj" and chain[-1].lower_ in FACILITY_NOUNS:
            return False  # "the U.S. consulate in Nuevo Laredo issued an alert": a body that acts
        if any({t.lemma_.lower(), t.lower_} & (PLACE_NOUNS | FACILITY_NOUNS) for t in chain):
            return True
        if chain[-1].lemma_.lower() in NOUN_TRIGGERS and gazetteer.country_of(span.text) is None:
            return True  # "the Vienna terror attack": a town before the event is its scene
        return _in_locative_position(span[0]) and chain[0].pos_ == "PROPN"
    if root.dep_ == "dobj":
        verb = root.head.lemma_.lower()
        if verb == "attack" and is_wide(span.text):
            return False  # "attacking the United States": a country as target, not where it happened
        return verb in PLACE_OBJECT_VERBS
    return True


def _ends_in_facility(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].lower_ in FACILITY_NOUNS


def _is_facility(root: Token) -> bool:
    return root.lower_ in FACILITY_NOUNS


def _build(doc: Doc, start: int, end: int) -> Place:
    """Extend a name with a facility noun after it and a compass word before it."""
    while end < len(doc) and (
        doc[end].lower_ in FACILITY_NOUNS
        or (doc[end].lower_ == "military" and end + 1 < len(doc) and doc[end + 1].lower_ in FACILITY_NOUNS)
    ):
        end += 1
    if start > 0 and doc[start - 1].lower_ in COMPASS and doc[start - 1].pos_ in {"ADJ", "PROPN"}:
        start -= 1
    text = NEAR_PREFIX.sub("", doc[start:end].text).strip(" ,.;:'\"")
    text = POSSESSOR_PREFIX.sub("", text)  # "the kingdom’s Abha airport": "’s" left by the cut
    text = re.sub(r"\s*\([^)]*$", "", text)  # "Bijapur (Chhattisgarh": a bracket the name run cut open
    return Place(text=text, start=start, end=end, wide=is_wide(text), container=False, reference=False)


def _with_roles(place: Place, others: list[Place], span: Span) -> Place:
    doc = span.doc
    reference = _is_reference(doc, place.start)
    container = _contains_other(doc[place.start : place.end].root, place, others)
    return Place(place.text, place.start, place.end, place.wide, container, reference)


def _is_reference(doc: Doc, start: int) -> bool:
    """ "45km south of Mosul", "west of Damascus", "6km from Daquq": a point of reference."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0:
        return False
    if doc[i].lower_ == "from":  # "6km from Daquq", "300m away from"; not "three women from Rufaila"
        before = doc[i - 1] if i > 0 else None
        return before is not None and (
            before.lower_ in {"away", "km", "miles", "metres", "meters", "m", "kilometres"}
            or before.ent_type_ == "QUANTITY"
        )
    if doc[i].lower_ in {"with", "of"} and i > 0 and doc[i - 1].lower_ in {"border", "borders", "frontier"}:
        return True  # "near the border with Mauritania": where it happened is this side of it
    return doc[i].lower_ == "of" and i > 0 and doc[i - 1].lower_ in COMPASS


def _contains_other(root: Token, place: Place, others: list[Place]) -> bool:
    """True when this place is where another named place lies: "the mosque in Daquq" -> Daquq.

    Coordination is not containment ("Aleppo and Daraya"), so the walk stops at a conjunct; a
    province or region ("the province of Latakia") contains whatever it is named with.
    """
    if _after_region_noun(root.doc, place.start) or _names_region_of_other(root.doc, place, others):
        return True
    token = root
    for _ in range(6):
        if token.head.i == token.i or token.pos_ in {"VERB", "AUX"} or token.dep_ == "conj":
            return False
        token = token.head
        if token.pos_ == "VERB":
            return False
        for other in others:
            if other is not place and other.start <= token.i < other.end:
                return True
    return False


def _names_region_of_other(doc: Doc, place: Place, others: list[Place]) -> bool:
    """ "the North Caucasus region of Dagestan", "the Black Sea port city of Odesa", "the West
    Bank city of Jenin": the first place is where the second lies."""
    end = place.end
    while (
        end < len(doc)
        and end - place.end < 2
        and doc[end].lemma_.lower() in PLACE_NOUNS  # the region nouns and "port" among them
    ):
        end += 1
    return (
        end > place.end
        and end + 1 < len(doc)
        and doc[end].lower_ == "of"
        and any(other.start == end + 1 for other in others)
    )


#: Nouns for the divisions that hold a named place: "the province of Latakia".
REGION_NOUNS = frozenset({"province", "governorate", "region", "state", "county"})


def _after_region_noun(doc: Doc, start: int) -> bool:
    """ "the town of Jableh in the province of Latakia": the province contains the town; but in
    "Russia's North Caucasus region of Dagestan" the region noun belongs to the wider place."""
    if not (start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lemma_.lower() in REGION_NOUNS):
        return False
    before = doc[start - 3] if start >= 3 else None
    return before is None or before.ent_type_ not in {"GPE", "LOC"}
