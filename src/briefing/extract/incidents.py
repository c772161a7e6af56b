"""Incidents: the violent or military events an article reports or recalls.

Each sentence with an event trigger ("airstrike", "attack", "shot dead", "offensive"...) gives a
mention: its type, the places in the trigger's clause, the casualties stated with it, a date and a
perpetrator. Mentions of the same event are then merged, because news repeats an event: the lead
names it ("an attack in London"), later sentences add detail ("Three people and the assailant
were killed ... in the attack"). The rules, in order:

- a definite reference without a place of its own ("the attack", "the blast") continues the latest
  incident;
- a mention placed only at country level ("strikes in Syria") belongs to an incident already known
  in that article, as the country is where the specific places lie;
- otherwise mentions merge when their types are compatible and their places overlap (a place or
  the place containing it), unless their dates or death tolls disagree;
- an unplaced mention with casualties completes the latest compatible incident; anything still
  unplaced is dropped, since an incident without a place cannot be told apart from others.

Casualties are the numbers the text gives: "Three people and the assailant were killed" counts
the three stated victims (an unnumbered attacker is not added); a combined toll ("more than 60
killed and injured") cannot be split, so it sets neither field.

The stages have their own modules: `incident_triggers` (what counts as an event),
`incident_places` (where it happened), `casualties`, `perpetrators`, `incident_mentions` (one
report per sentence) and `incident_merging` (the rules above).
"""

from __future__ import annotations

from ..model import Actor, Evidence, Incident
from .analysis import Analysis
from .casualties import count_casualties
from .incident_mentions import find_mentions, tells_other_event, tells_running_total
from .incident_merging import MergedIncident, merge_mentions, place_lone_event, possible_scenes
from .nlp import parse
from .places import Place, dateline_place

DESCRIPTION_LIMIT = 220


#: A toll stated without an event word ("Thirteen officers were killed.") belongs to the incident
#: reported at most this many sentences before it.
FOLLOW_UP_SENTENCES = 3


def find_incidents(analysis: Analysis, actors: list[Actor]) -> list[Incident]:
    mentions = find_mentions(analysis, actors)
    incidents = [i for i in merge_mentions(mentions, analysis) if i.place is not None]
    current = [m for m in mentions if not m.earlier]
    if current and all(i.earlier for i in incidents):
        lone = place_lone_event(current, analysis)  # the event reported, whatever it recalls
        incidents = ([lone] if lone is not None else []) + incidents
    _complete_tolls(incidents, analysis, {s.index for i in incidents for s in i.sentences})
    _toll_from_the_headline(incidents, analysis)
    _place_lead_at_dateline(incidents, analysis)
    return [_to_incident(i) for i in _specific_first(incidents)]


def _specific_first(incidents: list[MergedIncident]) -> list[MergedIncident]:
    """Incidents placed only in a country or wider region with no toll ("fighting has ravaged
    Myanmar since 2021") are background: they come after the others, which keep text order (a
    story's own event may be "last week"'s, so being recalled says nothing of rank)."""
    return sorted(incidents, key=lambda i: bool(i.place and i.place.wide and not (i.killed or i.injured)))


def _complete_tolls(incidents: list[MergedIncident], analysis: Analysis, reported: set[int]) -> None:
    """News gives the event, then its toll in the next sentences without naming the event again
    ("Gunmen ambushed a police convoy in El Aguaje. Thirteen officers were killed. Nine other
    officers were wounded."). Such a sentence fills the killed or injured count the incident just
    before it lacks; it never overwrites a count the text gave with the event."""
    for sentence in analysis.sentences:
        if sentence.index in reported or tells_running_total(sentence) or tells_other_event(sentence):
            continue
        killed, injured = count_casualties(sentence.span)
        if killed is None and injured is None:
            continue
        latest = _incident_for_toll(incidents, sentence.index)
        if latest is None:
            continue
        filled = killed is not None and killed == latest.killed  # restated: later tolls still follow it
        if killed is not None and latest.killed is None:
            latest.killed, filled = killed, True
        if injured is not None and latest.injured is None:
            latest.injured, filled = injured, True
        if filled:
            latest.sentences.append(sentence)


def _toll_from_the_headline(incidents: list[MergedIncident], analysis: Analysis) -> None:
    """ "Israeli troops leave Jenin after raid; 8 gunmen among 12 dead": a toll the headline gives
    and the body does not is the lead event's, when the article reports one event of its kind."""
    title = analysis.article.title
    current = [i for i in incidents if not i.earlier]
    if not title or len(current) != 1 or (current[0].killed is not None and current[0].injured is not None):
        return
    killed, injured = count_casualties(parse(title)[:])
    lead = current[0]
    lead.killed = lead.killed if lead.killed is not None else killed
    lead.injured = lead.injured if lead.injured is not None else injured


def _place_lead_at_dateline(incidents: list[MergedIncident], analysis: Analysis) -> None:
    """ "PORT-AU-PRINCE, Haiti (AP) — Gangs killed two officers in Haiti": the event the dateline's
    sentence reports, placed there only in the country, happened where the story was filed."""
    for incident in incidents:
        if incident.place is None or not incident.place.wide or incident.sentences[0].index != 0:
            continue
        filed = dateline_place(analysis.doc, incident.place.text)
        if filed is None:
            continue
        named = _scene_named_next(analysis, incident)
        incident.place = named or filed  # "... stormed a monastery in Kosovo. Police surrounded Banjska"


#: How many sentences after a lead placed only in a country may name its scene instead of the dateline.
SCENE_AFTER_LEAD_SENTENCES = 1


def _scene_named_next(analysis: Analysis, incident: MergedIncident) -> Place | None:
    """The one scene the sentence after a wire lead names, other than the lead's own places."""
    for sentence in analysis.sentences[1 : 1 + SCENE_AFTER_LEAD_SENTENCES]:
        scenes = [p for p in possible_scenes(sentence.span) if p.key not in incident.keys]
        if len(scenes) == 1:
            return scenes[0]
    return None


def _incident_for_toll(incidents: list[MergedIncident], index: int) -> MergedIncident | None:
    """The one incident whose reports surround sentence `index`, else the incident last reported
    at most FOLLOW_UP_SENTENCES before it, or at any distance when the story reports only one
    ("Earlier, the mayor said up to 15 people had been injured" in the ninth paragraph); for a
    toll that comes before any incident is named (a lead that opens with the dead), the first
    one. Events only recalled take no such toll."""
    incidents = [i for i in incidents if not i.earlier]  # a toll told alone is the reported event's
    around = [
        i for i in incidents if min(s.index for s in i.sentences) < index < max(s.index for s in i.sentences)
    ]
    if len(around) == 1:
        return around[0]  # told between two reports of one event, and of no other: its detail
    last_before = {
        id(i): max((s.index for s in i.sentences if s.index < index), default=None) for i in incidents
    }
    candidates = [i for i in incidents if last_before[id(i)] is not None]
    if not candidates:
        return min(incidents, key=lambda i: min(s.index for s in i.sentences), default=None)
    latest = max(candidates, key=lambda i: last_before[id(i)] or 0)
    if len(incidents) == 1:
        return latest  # the story's one event: a toll told alone is its own, however late
    return latest if index - (last_before[id(latest)] or 0) <= FOLLOW_UP_SENTENCES else None


def _to_incident(incident: MergedIncident) -> Incident:
    first = incident.sentences[0]
    return Incident(
        type=incident.type,
        location=incident.place.text if incident.place else None,
        date=incident.date.isoformat() if incident.date else None,
        killed=incident.killed,
        injured=incident.injured,
        perpetrator=incident.perpetrator,
        description=_trim(first.text),
        evidence=[s.evidence() for s in incident.sentences],
    )


def _trim(text: str) -> str:
    text = " ".join(text.split()).strip(" \"'“”")
    if len(text) <= DESCRIPTION_LIMIT:
        return text
    cut = text[:DESCRIPTION_LIMIT].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


__all__ = ["Evidence", "find_incidents"]
