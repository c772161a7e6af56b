"""Key actors: people, organisations, states and armed groups, aliases merged, ranked by salience."""

from __future__ import annotations

from ..model import Actor
from .analysis import Analysis

KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}


def find_actors(analysis: Analysis) -> list[Actor]:
    found: dict[str, Actor] = {}
    for ent in analysis.doc.ents:
        kind = KINDS.get(ent.label_)
        if not kind:
            continue
        name = ent.text.strip()
        actor = found.setdefault(name, Actor(name=name, kind=kind))
        actor.mentions += 1
        sentence = analysis.sentence_at(ent.start_char)
        if sentence and len(actor.evidence) < 3:
            actor.evidence.append(sentence.evidence())
    return sorted(found.values(), key=lambda a: (-a.mentions, a.name))
