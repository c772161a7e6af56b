"""Roles, salience and selection: which clusters a briefing lists as its key actors.

A briefing lists the story's actors, not every name: salience weighs mentions, how early, being a
grammatical subject, being named in the headline; only the top actors are kept.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..lexicon import is_common_word
from ..model import Actor, Evidence
from . import gazetteer
from .actor_model import VIOLENT_VERBS, Cluster, Mention, name_key
from .analysis import Analysis
from .incident_triggers import is_realis, trigger_type
from .places import FACILITY_NOUNS, REGION_NOUNS, places_in
from .roles import ROLE_WORDS, improves_on, role_in_headline, role_of, says_little

#: Most actors a briefing lists; the guide caps key actors at about eight.
MAX_ACTORS = 12
#: Places are rarely actors; at most this many, and only when central (see `_keep`).
MAX_PLACES = 3
MAX_EVIDENCE = 3
#: Below this a name is a passing mention (one late, non-subject mention scores about 1.3).
MIN_SALIENCE = 1.6


def assign_roles(clusters: dict[str, Cluster], analysis: Analysis) -> None:
    doc = analysis.doc
    for cluster in clusters.values():
        if cluster.kind != "person":
            continue
        for mention in cluster.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            role = role_of(span) if span is not None else None
            if role and improves_on(cluster.role, role):
                cluster.role = _with_jurisdiction(role, span) if span is not None else role
            if cluster.role and not says_little(cluster.role):
                break  # "According to Maj Mugisa ... Maj Peter Mugisa, the UPDF 3rd division spokesperson"
        if (cluster.role is None or says_little(cluster.role)) and analysis.article.title:
            headline = role_in_headline(analysis.article.title, sorted(cluster.forms))
            if headline and improves_on(cluster.role, headline):
                cluster.role = headline
    _qualify_national_offices(clusters)


#: Offices of a state's head or government, which news gives bare when the story is about its
#: own state ("President Paul Biya"): an analyst writes whose ("President of Cameroon").
NATIONAL_OFFICES = frozenset({"President", "Prime Minister", "Vice President", "King", "Queen", "Emir"})


def _qualify_national_offices(clusters: dict[str, Cluster]) -> None:
    """ "President" -> "President of Cameroon" when the article names one state and no other, so
    the office can be no other state's (a story naming two states leaves the bare title). The
    state must be named, not only its people: "Nigerian militants" in a story about Cameroon
    name Nigeria's fighters, not the story's state."""
    states = [c for key, c in clusters.items() if key.startswith("country:")]
    if len(states) != 1 or not any(gazetteer.is_state_name(m.text) for m in states[0].mentions):
        return
    for cluster in clusters.values():
        if cluster.kind == "person" and cluster.role in NATIONAL_OFFICES:  # "M23 president X" is no state's
            cluster.role = f"{cluster.role} of {states[0].name}"


#: Offices held over a place, which news names once in the sentence: "In the Zaporizhzhia
#: region, governor Ivan Fedorov said" -> "governor of Zaporizhzhia".
LOCAL_OFFICES = frozenset({"governor", "regional governor", "mayor", "police chief", "provincial governor"})


def _with_jurisdiction(role: str, name: Span) -> str:
    if role.lower() not in LOCAL_OFFICES:
        return role
    doc = name.doc
    places = [p for p in places_in(name.sent) if not p.wide and not p.reference]
    regions = [p for p in places if _region_name(doc, p.start, p.end)]
    if len(places) != 1 and len(regions) == 1:
        places = regions  # "the town of Shebekino in Belgorod Region, Governor X said": the region's
    return (
        f"{role} of {_region_name(doc, places[0].start, places[0].end) or places[0].text}"
        if len(places) == 1
        else role
    )


def _region_name(doc: Doc, start: int, end: int) -> str | None:
    """ "Belgorod Region", "the Zaporizhzhia region" (the noun after the name): a jurisdiction."""
    if doc[end - 1].lower_ in _JURISDICTIONS:
        return doc[start:end].text
    if end < len(doc) and doc[end].lower_ in _JURISDICTIONS:
        return doc[start : end + 1].text
    return None


#: The last words of a place a governor governs, preferred when a sentence names several places.
_JURISDICTIONS = REGION_NOUNS | {"oblast", "prefecture"}


def score_salience(clusters: dict[str, Cluster], analysis: Analysis) -> None:
    """Salience: weighted mentions, an early first mention, subject position, a headline mention."""
    sentences = analysis.sentences
    total = max(1, len(sentences))
    title = analysis.article.title or ""
    scenes = _event_sentences(analysis)
    for cluster in clusters.values():
        weight = sum(m.weight for m in cluster.mentions)
        first = analysis.sentence_at(cluster.mentions[0].start)
        position = first.index if first else total
        early = 1.5 * (1 - position / total) + (1.0 if position < 2 else 0.0)
        subjects = min(2, sum(_is_subject(analysis, m) for m in cluster.mentions))
        acts = 1.5 if any(_does_violence(analysis, m) for m in cluster.mentions) else 0.0
        headline = 3.0 if any(_in_title(form, title) for form in cluster.forms) else 0.0
        prior = 0.5 if cluster.key.startswith(_WELL_KNOWN) else 0.0
        takes_part = (
            _SCENE_BONUS if cluster.kind in _FORCE_KINDS and _at_a_scene(cluster, analysis, scenes) else 0.0
        )
        cluster.salience = (
            weight
            + early
            + 0.75 * subjects
            + acts
            + headline
            + prior
            + takes_part
            + _role_bonus(cluster, analysis)
        )


#: Bodies that fight: one named in a sentence that reports an event took part in it, or suffered it.
_FORCE_KINDS = frozenset({"organization", "military", "armed_group"})
_SCENE_BONUS = 0.5


def _event_sentences(analysis: Analysis) -> set[int]:
    """The sentences that report a violent event that happened (an attack, a clash, an operation)."""
    return {
        sentence.index
        for sentence in analysis.sentences
        if any(trigger_type(t) is not None and is_realis(t) for t in sentence.span)
    }


def _at_a_scene(cluster: Cluster, analysis: Analysis, scenes: set[int]) -> bool:
    return any(
        (sentence := analysis.sentence_at(m.start)) is not None and sentence.index in scenes
        for m in cluster.mentions
    )


_SPEECH_LEMMAS = frozenset({"say", "tell", "add", "state", "announce", "confirm", "explain", "note", "warn"})


def _role_bonus(cluster: Cluster, analysis: Analysis) -> float:
    """A person the text introduces by role is a story's actor; one it also quotes (the commander
    or spokesman whose statement the story reports) is a key actor even if named only once."""
    if not cluster.role:
        return 0.0
    if cluster.kind != "person":
        return 1.0
    speaks = any(_speaks(analysis, m) for m in cluster.mentions)
    return 2.5 if speaks else 1.0


def _speaks(analysis: Analysis, mention: Mention) -> bool:
    span = analysis.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according":
        return True  # "according to Farhan Haq, deputy spokesman for ..."
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in _SPEECH_LEMMAS


#: States, the knowledge layer's groups and institutions, and coalitions are actors by nature.
_WELL_KNOWN = ("country:", "known:", "coalition", "military:", "regime")


def _does_violence(analysis: Analysis, mention: Mention) -> bool:
    """Whether the mention attacks, kills or claims ("The militant group Hamas claimed ...")."""
    span = analysis.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "appos" and root.head.dep_ == "nsubj":
        root = root.head  # "The militant group Hamas claimed ..."
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in VIOLENT_VERBS


def _is_subject(analysis: Analysis, mention: Mention) -> bool:
    span = analysis.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in {"nsubj", "nsubjpass"}


def _in_title(form: str, title: str) -> bool:
    return bool(form) and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", title) is not None


def select_actors(clusters: dict[str, Cluster]) -> list[Cluster]:
    ranked = sorted(clusters.values(), key=lambda c: (-c.salience, c.mentions[0].start))
    chosen: list[Cluster] = []
    places = 0
    for cluster in ranked:
        if not _keep(cluster, ranked[0].salience):
            continue
        if cluster.kind == "place":
            if places >= MAX_PLACES:
                continue
            places += 1
        elif len(chosen) - places >= MAX_ACTORS:
            continue
        chosen.append(cluster)
    return chosen


def _keep(cluster: Cluster, top: float) -> bool:
    """Minor names (one passing mention, late in the text) cost a reader more than they tell."""
    mentions = sum(m.weight for m in cluster.mentions)
    if cluster.kind == "place":
        return mentions >= 2 and cluster.salience >= 0.3 * top
    if cluster.kind == "person" and cluster.name.lower() in ROLE_WORDS | FACILITY_NOUNS:
        return False  # "Spokesperson", "Hospital": a title or a building the model tagged as a name
    if cluster.kind == "person" and cluster.role:
        return True
    if cluster.kind == "person" and len(cluster.name.split()) == 1 and mentions < 2:
        return False  # a lone single name with no role is as often a mislabelled place or agency
    if cluster.kind == "person" and len(cluster.name.split()) > 1:
        return cluster.salience >= MIN_SALIENCE  # a full name is someone the story names
    if cluster.kind == "armed_group" and cluster.key.startswith("known:"):
        return cluster.salience >= MIN_SALIENCE  # "the finger at the Haqqani Network": a known group
    if cluster.kind == "organization" and _lone_common_word(cluster):
        return False  # "Blood", "Solidarity", "Info": a capitalised word tagged once, not a body
    return cluster.salience >= max(MIN_SALIENCE, 0.15 * top)


def _lone_common_word(cluster: Cluster) -> bool:
    name = cluster.name
    return " " not in name and len(cluster.mentions) < 2 and is_common_word(name)


def to_actor(cluster: Cluster, analysis: Analysis) -> Actor:
    aliases = _distinct_aliases(cluster)
    return Actor(
        name=cluster.name,
        kind=cluster.kind,
        role=cluster.role,
        aliases=aliases,
        mentions=len({m.start for m in cluster.mentions}),
        salience=round(cluster.salience, 3),
        evidence=_evidence(cluster, analysis),
    )


def _distinct_aliases(cluster: Cluster) -> list[str]:
    """Other forms of the name, one per spelling (case and apostrophe variants are one; the form
    the article prints wins), in a stable order so two builds give identical JSON."""
    chosen: dict[str, str] = {name_key(cluster.name): cluster.name}
    printed = {m.text for m in cluster.mentions}
    for form in sorted(cluster.forms, key=lambda f: (f.lower(), f not in printed, f.isupper(), f)):
        chosen.setdefault(name_key(form), form)
    return [form for key, form in chosen.items() if key != name_key(cluster.name)]


def _evidence(cluster: Cluster, analysis: Analysis) -> list[Evidence]:
    out: list[Evidence] = []
    seen: set[int] = set()
    for mention in cluster.mentions:
        sentence = analysis.sentence_at(mention.start)
        if sentence is None or sentence.index in seen:
            continue
        seen.add(sentence.index)
        out.append(sentence.evidence())
        if len(out) >= MAX_EVIDENCE:
            break
    return out
