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
from .incident_mentions import find_mentions
from .incident_merging import MergedIncident, merge_mentions

DESCRIPTION_LIMIT = 220


def find_incidents(analysis: Analysis, actors: list[Actor]) -> list[Incident]:
    mentions = find_mentions(analysis, actors)
    incidents = merge_mentions(mentions, analysis)
    return [_to_incident(i) for i in incidents if i.place is not None]


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
