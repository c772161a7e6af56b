"""Merging: mentions of the same event joined into one incident (rules in `incidents`).

News repeats an event: the lead names it, later sentences add detail. Mentions merge by
compatible type and overlapping place unless dates or tolls disagree; unplaced mentions complete
an earlier event or borrow a place from the neighbouring sentences.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..incident_types import types_compatible
from . import gazetteer
from .analysis import Analysis, Sentence
from .incident_mentions import PRIORITY, EventMention
from .incident_places import PLACE_ANAPHORS, in_side_clause, is_origin, seat_of_institution, where_said
from .places import (
    FACILITY_NOUNS,
    SETTLEMENT_NOUNS,
    Place,
    best_place,
    describes_something_else,
    is_wide,
    match_key,
    places_in,
)


@dataclass
class MergedIncident:
    type: str
    place: Place | None
    keys: set[str]  # the place and the places containing it
    killed: int | None
    injured: int | None
    date: dt.date | None
    perpetrator: str | None
    sentences: list[Sentence] = field(default_factory=list)
    recalled: bool = False  # introduced by a definite reference ("the attacks in Brussels")
    earlier: bool = False  # introduced as a past event ("last week, nine soldiers were killed")
    apart: bool = False  # introduced as another event ("In central Mexico, meanwhile, ...")
    touched: int = 0  # when it was last mentioned: "the attack" means the latest one


def merge_mentions(mentions: list[EventMention], analysis: Analysis) -> list[MergedIncident]:
    incidents: list[MergedIncident] = []
    homeless: list[EventMention] = []
    _place_by_the_next_report(mentions)
    for mention in mentions:
        if not mention.places:
            if not _merge_unplaced(mention, incidents, analysis) and _worth_placing(mention):
                homeless.append(mention)
            continue
        place = mention.place
        assert place is not None
        keys = {p.key for p in mention.places if not p.reference} | _towns_of_facilities(mention.places)
        target = _find_target(mention, place, keys, incidents)
        if target is None:
            incidents.append(_new_incident(mention, place, keys))
        else:
            _absorb(target, mention, place, keys)
    leftovers = [m for m in homeless if m.earlier or not _place_homeless(m, incidents, analysis)]
    for mention in leftovers:
        _join_nearest(mention, incidents)
    return _join_same_scene(_join_same_tolls(incidents))


#: How many sentences after an unplaced first report "the attack took place in X" may place it.
NEXT_REPORT_SENTENCES = 2


def _place_by_the_next_report(mentions: list[EventMention]) -> None:
    """ "The ELN killed five soldiers in a roadside bomb attack. The 1AM attack took place in Norte
    de Santander.": a lead with a toll and no place is placed by the next sentences' report of the
    same event ("the attack ... in X")."""
    for index, mention in enumerate(mentions):
        if mention.places or not (mention.killed or mention.injured):
            continue
        if any(m.places for m in mentions[:index]) and not mention.another:
            continue  # a lead, or a new event ("Also on Friday, ..."): other tolls are details
        last_report = mention.sentence.index
        for later in mentions[index + 1 :]:
            if later.sentence.index - last_report > NEXT_REPORT_SENTENCES:
                break
            if not (later.anaphoric and not later.earlier and types_compatible(later.type, mention.type)):
                continue
            if later.places:
                mention.places = list(later.places)
                break
            last_report = later.sentence.index  # "the explosion" again, still unplaced: the chain goes on


def _join_same_tolls(incidents: list[MergedIncident]) -> list[MergedIncident]:
    """Two reports of one event that name different places ("22 killed in Beni" in the headline,
    "22 killed in eastern DR Congo" in the lead; a police statement naming the village) give the
    same death toll; equal tolls of a few or more with compatible types are one event."""
    return _join_twins(incidents, _same_event_by_toll)


def _join_twins(
    incidents: list[MergedIncident], same: Callable[[MergedIncident, MergedIncident], bool]
) -> list[MergedIncident]:
    """Fold each incident into the first earlier one that `same` says reports the same event."""
    kept: list[MergedIncident] = []
    for incident in incidents:
        twin = next((k for k in kept if same(k, incident)), None)
        if twin is None:
            kept.append(incident)
        else:
            _absorb_incident(twin, incident)
    return kept


def _join_same_scene(incidents: list[MergedIncident]) -> list[MergedIncident]:
    """ "Al Shabaab fighters attacked a base near Ceel Cadde" ... "Al Shabaab said it had killed more
    than 60 soldiers" (placed at Ceel Cadde too): a report with no toll and a toll at the very same
    place, both of the event told, are one event when a bare killing gives the toll or the types
    agree; an airstrike and a battle in one city stay two."""
    return _join_twins(incidents, _same_scene)


def _same_scene(a: MergedIncident, b: MergedIncident) -> bool:
    if a.place is None or b.place is None or a.place.key != b.place.key or a.place.wide:
        return False
    if a.earlier or b.earlier or (a.date and b.date and a.date != b.date):
        return False
    tolled = [i for i in (a, b) if i.killed or i.injured]
    if len(tolled) != 1:
        return False
    told, toll = (b, a) if tolled[0] is a else (a, b)
    first_toll = min(s.index for s in toll.sentences)
    before = [s.index for s in told.sentences if s.index < first_toll]
    if not before or first_toll - max(before) > TOLL_FOLLOWS_SENTENCES:
        return False  # the toll must follow the report of the event, not come first or far after
    return types_compatible(a.type, b.type) or "killing" in {a.type, b.type}


#: How many sentences after an event's report its toll may follow as a report of its own.
TOLL_FOLLOWS_SENTENCES = 4


#: The smallest death toll that identifies an event: "one killed" or "two killed" recur.
IDENTIFYING_TOLL = 3


def _same_event_by_toll(a: MergedIncident, b: MergedIncident) -> bool:
    if not (
        a.killed
        and b.killed
        and min(a.killed, b.killed) >= IDENTIFYING_TOLL
        and _same_toll(a.killed, b.killed)
    ):
        return False
    if a.injured and b.injured and not _same_toll(a.injured, b.injured):
        return False
    if (a.date and b.date and a.date != b.date) or b.apart:
        return False  # a toll that only happens to be the same
    return types_compatible(a.type, b.type) or "killing" in {a.type, b.type}


def _absorb_incident(target: MergedIncident, other: MergedIncident) -> None:
    """Fold a second report of the same event into the first, keeping the first's place unless
    the second's is more specific."""
    _fold_details(target, other.type, other.place, other.keys, other.date, other.perpetrator)
    target.killed = target.killed or other.killed
    target.injured = target.injured or other.injured
    target.sentences += [s for s in other.sentences if s not in target.sentences]


def _place_homeless(mention: EventMention, incidents: list[MergedIncident], analysis: Analysis) -> bool:
    """An unplaced report with a toll joins a compatible event reported elsewhere in the article,
    preferring one with the same toll ("three women were shot dead ... On Saturday militants shot
    dead three women from Rufaila"); only when there is none does the place come from the
    neighbouring sentences."""
    kin = [i for i in incidents if _same_kind(i, mention)]
    same = [i for i in kin if i.killed and i.killed == mention.killed] or kin
    if same:  # a place borrowed from a neighbour is weaker evidence than a reported event
        nearest = min(same, key=lambda i: min(abs(s.index - mention.sentence.index) for s in i.sentences))
        _absorb_detail(nearest, mention)
        return True
    nearby = _nearby_place(mention, analysis)
    if nearby is None:
        return False
    keys = {nearby.key}
    target = next((i for i in incidents if i.keys & keys and _compatible(i, mention)), None)
    if target is None:
        incidents.append(_new_incident(mention, nearby, keys))
    else:
        _absorb(target, mention, nearby, keys)
    return True


def _same_kind(incident: MergedIncident, mention: EventMention) -> bool:
    """Compatible type and date, whatever the tolls: an unplaced aside ("the body of one of the
    men") often counts part of an event whose full toll is given with its place."""
    if not types_compatible(incident.type, mention.type):
        return False
    if incident.earlier and not mention.earlier:
        return False  # the toll of the event reported is not a recalled event's
    return not (incident.date and mention.date and incident.date != mention.date)


def _absorb_detail(incident: MergedIncident, mention: EventMention) -> None:
    """Fold an unplaced aside into an event without letting its partial toll override the event's."""
    killed, injured = incident.killed, incident.injured
    _absorb(incident, mention, None, set())
    incident.killed = killed or incident.killed
    incident.injured = injured or incident.injured


def _join_nearest(mention: EventMention, incidents: list[MergedIncident]) -> None:
    """A report with a toll but no place near it belongs to the closest compatible event, if one is
    reported within a few sentences ("A man shot his girlfriend and then himself" in the lead,
    the street named three sentences on)."""
    index = mention.sentence.index
    close = [
        i
        for i in incidents
        if _compatible(i, mention) and min(abs(s.index - index) for s in i.sentences) <= NEARBY_SENTENCES + 1
    ]
    if close:
        nearest = min(close, key=lambda i: min(abs(s.index - index) for s in i.sentences))
        _absorb(nearest, mention, None, set())


def _find_target(
    mention: EventMention, place: Place, keys: set[str], incidents: list[MergedIncident]
) -> MergedIncident | None:
    compatible = _latest_first([i for i in incidents if _compatible(i, mention)])
    overlapping = [i for i in compatible if _same_place(i, place, keys)]
    if overlapping:
        return overlapping[0]
    if mention.anaphoric and not mention.another:
        # "attacked the Shah Mardan check post in the Johan area of Kalat" ... "the attack in Kalat"
        named = [i for i in compatible if _named_in_its_report(i, place)]
        if named:
            return named[0]
    partial = _latest_first([i for i in incidents if _compatible(i, mention, partial_toll=True)])
    if mention.anaphoric and (part_of := [i for i in partial if i.place and i.place.key == place.key]):
        return part_of[0]  # "50 killed at the mosque" ... "the scholar X died in the explosion at the mosque"
    if not mention.earlier:  # "the attack in Sweden" is the one reported, not one recalled
        compatible = [i for i in compatible if not i.earlier]
    latest = compatible[0].place if compatible else None
    if mention.anaphoric and latest is not None and (latest.wide or latest.reference):
        return compatible[0]  # "an attack in northern Iraq" ... "the attack in Daquq"
    if latest is not None and latest.wide and not mention.another and _just_after(mention, compatible[0]):
        # "militants attacked a check post in northwest Pakistan" ... "gunfire at the Bahadur Khel
        # check post in Karak": the next sentences name the scene of the event just reported
        return compatible[0]
    if mention.anaphoric and not mention.restrictive and compatible:
        return compatible[0]  # "gunmen attacked a village in Borno" ... "the attack happened in Huyum"
    if mention.anaphoric and compatible and _continues(mention, compatible[0]):
        return compatible[0]  # "seven killed in an attack in Ituri" ... "The attack on the Plaine Savo camp"
    if mention.anaphoric and not mention.restrictive and partial:
        # "six killed in an attack on an island" ... "the killings, which cost the life of a civilian"
        return partial[0]
    if compatible and _elaborates(mention, compatible[0]):
        return compatible[0]  # "an ambush in Ifugao" ... "the convoy was attacked by rebels in Gumhang"
    if place.wide and compatible:
        return compatible[0]
    if mention.anaphoric and _is_facility(place):
        same_kind = [i for i in compatible if i.place and _same_facility_noun(i.place, place)]
        if same_kind:  # "an attack on a Mogadishu hotel" ... "the explosion at the Ambassador Hotel"
            return same_kind[0]
    if _is_facility(place) and len(keys) == 1:
        # "an attack in London" ... "an attack outside the British Parliament"
        towns = [i for i in compatible if i.place and not _is_facility(i.place) and not i.recalled]
        towns.sort(key=lambda i: i.type != mention.type)  # stable: the latest of the same type first
        if towns:
            return towns[0]
    return None


#: How many sentences after a report placed only in a country a report may name its scene.
SCENE_FOLLOWS_SENTENCES = 2


def _continues(mention: EventMention, incident: MergedIncident) -> bool:
    """A definite reference in the very next sentence, adding no toll of its own, names the scene
    of the event just told rather than recalling another: news recalls with a date, adds with "also"
    ("forces also renewed their strikes on the hospital") and sets apart with "another"."""
    return (
        not incident.earlier
        and not any(t.lower_ == "also" for t in mention.sentence.span)
        and not mention.earlier
        and not mention.another
        and mention.killed is None
        and mention.sentence.index - incident.touched == 1
        and mention.place is not None
        and _names_a_scene(mention.place, mention.sentence.span.doc)
    )


#: Nouns that name a scene below a town: "the village of Banjska", "the Plaine Savo camp".
_SCENE_NOUNS = (FACILITY_NOUNS | SETTLEMENT_NOUNS | {"camp", "area", "barangay"}) - {"city", "town"}


def _names_a_scene(place: Place, doc: Doc) -> bool:
    """Whether a place is named as the scene itself (a village, a camp, an area), which the next
    sentence adds to an event told in a wider place; a bare town ("the bombing in Herat") is
    another event's place."""
    words = place.text.lower().split()
    if words[-1] in _SCENE_NOUNS or words[0] in _SCENE_NOUNS:
        return True
    if place.end < len(doc) and doc[place.end].lower_ in _SCENE_NOUNS:
        return True  # "the Plaine Savo camp", "in Rabat area"
    before = doc[max(place.start - 2, 0) : place.start]
    return len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in _SCENE_NOUNS


def _named_in_its_report(incident: MergedIncident, place: Place) -> bool:
    """Whether a sentence reporting the incident names the place too, as the town or district
    around its scene."""
    return any(p.key == place.key for s in incident.sentences for p in places_in(s.span))


def _just_after(mention: EventMention, incident: MergedIncident) -> bool:
    first = min(s.index for s in incident.sentences)
    return 0 < mention.sentence.index - first <= SCENE_FOLLOWS_SENTENCES


def _same_place(incident: MergedIncident, place: Place, keys: set[str]) -> bool:
    """Whether a report's places overlap an incident's: one names the other's place or a place
    containing it. Two towns that share only the province they lie in ("gunmen shot a man in
    Jassim, Daraa" ... "gunmen opened fire on a soldier in Um Walad, Daraa") are two events."""
    if not incident.keys & keys:
        return False
    if incident.place is None or incident.place.wide or place.wide:
        return True
    return place.key in incident.keys or incident.place.key in keys


#: How many sentences after an event a verb-only report of the same kind still tells its detail.
ELABORATION_SENTENCES = 3


def _elaborates(mention: EventMention, incident: MergedIncident) -> bool:
    """A report told by verbs alone, with no toll of its own, right after an event of its kind
    reads as that event's detail ("Militants attacked two army posts in Kalash" after "an attack
    on two military posts in Khyber Pakhtunkhwa"), unless it says it is another one."""
    return (
        mention.verbal
        and not mention.another
        and mention.killed is None
        and mention.sentence.index - incident.touched <= ELABORATION_SENTENCES
    )


def _latest_first(incidents: list[MergedIncident]) -> list[MergedIncident]:
    return sorted(incidents, key=lambda i: -i.touched)


def _merge_unplaced(mention: EventMention, incidents: list[MergedIncident], analysis: Analysis) -> bool:
    """Fold a report naming no place into an earlier event; whether it found one."""
    compatible = _latest_first([i for i in incidents if _compatible(i, mention)])
    if mention.anaphoric and compatible:
        _absorb(compatible[0], mention, None, set())
        return True
    referred = _place_anaphor(mention, analysis)
    if referred is not None:
        keys = {referred.key}
        partial = _latest_first([i for i in incidents if _compatible(i, mention, partial_toll=True)])
        target = next(
            (
                i
                for i in partial
                if i.keys & keys and (types_compatible(i.type, mention.type) or mention.weak)
            ),
            None,
        )  # a toll "in the area" ("41 people were killed") belongs to the event there; so does
        # "shooting residents" in "the village" a report of an attack on it placed, and so does
        # a part of its toll ("they initially killed 17" of the 40)
        if target is None:
            incidents.append(_new_incident(mention, referred, keys))
        elif _part_of_toll(target, mention):
            _absorb_detail(target, mention)
        else:
            _absorb(target, mention, referred, keys)
        return True
    if (mention.killed or mention.injured) and compatible:
        _absorb(compatible[0], mention, None, set())
        return True
    return False


#: How many sentences either side may place an event whose own sentence names no place.
NEARBY_SENTENCES = 2
#: Specific types that make an unplaced mention an event worth placing from its neighbours.
PLACEABLE_TYPES = {"shooting", "stabbing", "bombing", "airstrike", "explosion", "execution", "massacre"}


def _part_of_toll(incident: MergedIncident, mention: EventMention) -> bool:
    return bool(incident.killed and mention.killed and mention.killed < incident.killed)


def _worth_placing(mention: EventMention) -> bool:
    """A first report of a specific kind of event with a toll; "ordering executions" or a bare
    "attack" may be anything, and a borrowed place would then swallow later reports."""
    return (
        not mention.anaphoric
        and bool(mention.killed or mention.injured)
        and mention.type in PLACEABLE_TYPES | {"killing"}
    )


def _nearby_place(mention: EventMention, analysis: Analysis, own_sentence: bool = False) -> Place | None:
    """ "A man shot his girlfriend and then himself. Officers found them at their home in Fort
    Worth.": news often names the place in the sentence just before or after the event. The
    nearest sentence wins, the one before on a tie; wide places (countries) are not borrowed."""
    index = mention.sentence.index
    for distance in range(0 if own_sentence else 1, NEARBY_SENTENCES + 1):
        for other in (index - distance, index + distance):
            if not 0 <= other < len(analysis.sentences):
                continue
            span = analysis.sentences[other].span
            places = [p for p in possible_scenes(span) if not seat_of_institution(span.doc, p)]
            if places:
                return best_place(places)
    return None


def place_lone_event(mentions: list[EventMention], analysis: Analysis) -> MergedIncident | None:
    """An article that reports an event but never names a place in the same breath ("Twelve
    people are dead after gunmen invaded a bar" ... "the bar, located in Jaral del Progreso") still
    reports one incident: the first report with a toll (or the first report), placed by its
    neighbouring sentences, else by the first specific place the article names, and joined by
    every compatible report. Only for articles where no incident was placed otherwise."""
    tolled = [m for m in mentions if m.killed or m.injured]
    if not tolled and all(m.weak for m in mentions):
        return None  # "killed" alone, without a toll, may be anything
    lead = (tolled or mentions)[0]
    place = _nearby_place(lead, analysis, own_sentence=True) or _first_specific_place(analysis)
    if place is None:
        return None
    incident = _new_incident(lead, place, {place.key})
    for mention in mentions:
        if mention is not lead and _compatible(incident, mention):
            _absorb_detail(incident, mention)
    return incident


def _first_specific_place(analysis: Analysis) -> Place | None:
    """The first place the article names where something may have happened, else the first town
    it names at all ("killing a Bogota police officer")."""
    for sentence in analysis.sentences:
        places = possible_scenes(sentence.span)
        if places:
            return best_place(places)
    towns = (
        Place(ent.text, ent.start, ent.end, wide=False, container=False, reference=False)
        for ent in analysis.doc.ents
        if ent.label_ == "GPE" and not is_wide(ent.text) and not gazetteer.is_people(ent.text)
    )
    return next(
        (
            town
            for town in towns
            if not where_said(analysis.doc, town)
            and not is_origin(analysis.doc, town)
            and not describes_something_else(analysis.doc, town)
        ),
        None,
    )  # "Lyra McKee, who was originally from Belfast": where she came from, not where she was shot


def possible_scenes(span: Span) -> list[Place]:
    """The places of a sentence that may be where something happened: named below country level,
    not a reference point, an origin, a side clause's or where someone spoke."""
    doc = span.doc
    return [
        p
        for p in places_in(span)
        if not p.wide
        and not p.reference
        and not is_origin(doc, p)
        and not in_side_clause(doc, p)
        and not where_said(doc, p)
    ]


def _place_anaphor(mention: EventMention, analysis: Analysis) -> Place | None:
    """ "a precision strike on the location": the place most recently named before this sentence."""
    refers = any(
        t.lemma_.lower() in PLACE_ANAPHORS and any(c.lower_ == "the" for c in t.children)
        for t in mention.sentence.span
    )
    if not refers or any(not p.reference for p in places_in(mention.sentence.span)):
        return None  # "the city of Mosul" names its place; "670 km south of Moscow" does not
    for sentence in reversed(analysis.sentences[: mention.sentence.index]):
        doc = sentence.span.doc
        place = best_place(
            [
                p
                for p in places_in(sentence.span)
                if not p.wide and not in_side_clause(doc, p) and not seat_of_institution(doc, p)
            ]
        )
        if place is not None:
            return place
    return None


def _compatible(incident: MergedIncident, mention: EventMention, partial_toll: bool = False) -> bool:
    """Whether a report may be of this incident; with `partial_toll`, a smaller toll is a part of
    the victims ("the killings, which cost the life of a civilian")."""
    if not types_compatible(incident.type, mention.type):
        return False
    if mention.earlier and not incident.earlier:
        return False  # "Last week, nine soldiers were killed ...": not the event reported
    if incident.earlier and not mention.earlier and not mention.anaphoric:
        return False  # "an attack on London Bridge two years ago" ... "a terror attack on Friday"
    other_toll = bool(incident.killed and mention.killed and not _same_toll(incident.killed, mention.killed))
    if other_toll and not (partial_toll and _part_of_toll(incident, mention)):
        return False
    return not (incident.date and mention.date and incident.date != mention.date)


#: Two sources' counts of one event differ a little ("40 killed", a rescuer says 41; "more than
#: 300", the army says 317); tolls further apart than this share tell two events apart.
TOLL_TOLERANCE = 0.1


def _same_toll(a: int, b: int) -> bool:
    return abs(a - b) <= TOLL_TOLERANCE * max(a, b)


def _same_facility_noun(a: Place, b: Place) -> bool:
    return _is_facility(a) and a.text.split()[-1].lower() == b.text.split()[-1].lower()


def _towns_of_facilities(places: list[Place]) -> set[str]:
    """ "a Mogadishu restaurant" lies in Mogadishu: the town that describes a facility is one of
    its places, so a later "killed in Mogadishu" can be the same event."""
    return {
        match_key(" ".join(p.text.split()[:-1]))
        for p in places
        if not p.reference and _is_facility(p) and not _named_facility(p) and len(p.text.split()) > 1
    }


def _named_facility(place: Place) -> bool:
    """ "the Ambassador Hotel" is a name; "a Mogadishu hotel" is a description."""
    return place.text.split()[-1].istitle()


def _is_facility(place: Place) -> bool:
    return place.text.split()[-1].lower() in FACILITY_NOUNS and not place.wide


def _new_incident(mention: EventMention, place: Place, keys: set[str]) -> MergedIncident:
    return MergedIncident(
        type=mention.type,
        place=place,
        keys=set(keys),
        killed=mention.killed,
        injured=mention.injured,
        date=mention.date,
        perpetrator=mention.perpetrator,
        sentences=[mention.sentence],
        recalled=mention.anaphoric,
        earlier=mention.earlier,
        apart=mention.another,
        touched=mention.sentence.index,
    )


def _absorb(incident: MergedIncident, mention: EventMention, place: Place | None, keys: set[str]) -> None:
    """Fold a mention into an incident, keeping the most specific type and place and the richest toll."""
    incident.touched = mention.sentence.index
    kind = incident.type if mention.weak else mention.type  # "killed" alone never retypes an event
    _fold_details(incident, kind, place, keys, mention.date, mention.perpetrator)
    incident.killed = max(incident.killed or 0, mention.killed or 0) or None
    incident.injured = max(incident.injured or 0, mention.injured or 0) or None
    if mention.sentence not in incident.sentences:
        incident.sentences.append(mention.sentence)


def _fold_details(
    incident: MergedIncident,
    kind: str,
    place: Place | None,
    keys: set[str],
    date: dt.date | None,
    perpetrator: str | None,
) -> None:
    """Keep the most specific type and place of two reports, and what either one adds."""
    if PRIORITY.index(kind) < PRIORITY.index(incident.type):
        incident.type = kind
    if place is not None and (incident.place is None or _more_specific(place, incident.place, keys)):
        incident.place = place
    incident.keys |= keys
    incident.date = incident.date or date
    incident.perpetrator = incident.perpetrator or perpetrator


def _more_specific(new: Place, old: Place, new_keys: set[str]) -> bool:
    if (old.wide and not new.wide) or (old.reference and not new.reference):
        return True  # "northwest of Port-au-Prince" ... "in the town of Pont Sonde"
    if _same_facility_noun(old, new) and _named_facility(new) and not _named_facility(old):
        return True  # "the Ambassador Hotel" names the "Mogadishu hotel"
    return not new.wide and old.key in new_keys and new.key != old.key
