"""Key actors: people, organisations, states and armed groups, aliases merged, ranked by salience.

Three passes over the shared parse:

1. Mentions. Patterns for what the statistical model handles badly in this domain come first
   (the knowledge layer's armed groups and institutions, coalitions, a state's forces, regimes,
   states and their demonyms); spaCy's entities fill in the rest where no pattern claimed the text.
2. Coreference within the article: surnames, "Mr X" and possessives join the full name,
   acronyms join their expansion, word-order variants join ("University of Mosul"), and the
   model's labels are corrected by context (a surname tagged ORG is still the person; a "person"
   always found after "in"/"near" is a place).
3. Salience: mentions, how early, being a grammatical subject, being named in the headline.
   Only the top actors are returned, because a briefing lists the story's actors, not every name.

The passes have their own modules: `actor_patterns` and `actor_entities` find mentions,
`actor_coreference` joins them and `actor_ranking` scores and selects; `actor_model` holds the
records they share.
"""

from __future__ import annotations

import re

from ..model import Actor, Incident
from . import gazetteer
from .actor_coreference import (
    cluster_mentions,
    fix_people,
    fix_places,
    merge_acronyms,
    merge_generic_police,
    merge_members_into_groups,
    merge_named_forces,
    merge_other_names,
    merge_people,
    merge_qualified_police,
    merge_same_names,
    merge_shortened_names,
    merge_spelling_variants,
    merge_state_names,
    merge_state_qualified,
    merge_word_order_variants,
    names_members_of,
)
from .actor_entities import (
    entity_mentions,
    introduced_groups,
    nicknamed_people,
    repeated_names,
    untagged_people,
)
from .actor_model import Cluster, Mention, name_key
from .actor_patterns import (
    bare_military_mentions,
    coalition_mentions,
    country_mentions,
    demonyms_inside,
    known_mentions,
    military_mentions,
    national_organisations,
    police_forces,
    regime_mentions,
    regional_ministry_mentions,
    short_names_resolved,
    state_body_mentions,
    tribe_mentions,
    unnamed_attackers,
)
from .actor_ranking import assign_roles, score_salience, select_actors, to_actor
from .analysis import SPEECH_VERBS, Analysis
from .places import ANNEX_NOUNS, COMPASS, DIVISION_NOUNS, FACILITY_NOUNS


def find_actors(analysis: Analysis) -> list[Actor]:
    """The article's key actors, most salient first (see the module docstring for the method)."""
    mentions = _collect_mentions(analysis)
    clusters = cluster_mentions(mentions)
    merge_same_names(clusters)
    merge_state_names(clusters)
    fix_people(clusters, analysis)
    merge_people(clusters, analysis.text)
    merge_spelling_variants(clusters)
    merge_acronyms(clusters)
    merge_other_names(clusters, analysis.text)
    merge_word_order_variants(clusters)
    merge_shortened_names(clusters)
    merge_state_qualified(clusters)
    merge_named_forces(clusters)
    merge_qualified_police(clusters)
    merge_generic_police(clusters)
    merge_members_into_groups(clusters)
    fix_places(clusters, analysis)
    assign_roles(clusters, analysis)
    score_salience(clusters, analysis)
    reported = {
        key: c
        for key, c in clusters.items()
        if not (_is_the_publisher(c, analysis.article.source) and _only_cited(c, analysis))
    }
    actors = [to_actor(c, analysis) for c in select_actors(reported)]
    unnamed = unnamed_attackers(analysis, no_group_named=not any(a.kind == "armed_group" for a in actors))
    if unnamed is not None and any(names_members_of(unnamed.name, {a.name, *a.aliases}) for a in actors):
        unnamed = None  # "suspected Shining Path rebels" are the Shining Path, already listed
    if unnamed is not None and _before_any_named_group(unnamed, actors):
        actors.append(unnamed)
    return actors


def _is_the_publisher(cluster: Cluster, publisher: str | None) -> bool:
    """ "Local residents told Mizzima": the outlet that publishes the story is its reporter, not one
    of its actors."""
    if not publisher:
        return False
    return name_key(publisher) in {name_key(form) for form in (cluster.name, *cluster.forms)}


def _only_cited(cluster: Cluster, analysis: Analysis) -> bool:
    """Every mention is the outlet told or reporting ("residents told Mizzima", "according to
    Mizzima", "Mizzima reported"); an outlet whose own staff or office is attacked is an actor."""
    for mention in cluster.mentions:
        span = analysis.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        root, head = span.root, span.root.head
        told = root.dep_ in {"dative", "dobj", "pobj"} and head.lemma_.lower() in {"tell", "to", "accord"}
        reporting = root.dep_ == "nsubj" and head.lemma_.lower() in SPEECH_VERBS | {"report", "learn"}
        if not (told or reporting):
            return False
    return True


def _before_any_named_group(unnamed: Actor, actors: list[Actor]) -> bool:
    """Unnamed attackers are the story's perpetrators when no armed group is named, or when the
    text gives them the attack before it names any group ("unidentified gunmen attacked a post"
    ... "al-Qaeda-linked groups have waged an insurgency since 2015")."""
    groups = [a for a in actors if a.kind == "armed_group" and a.evidence]
    if not groups:
        return not any(a.kind == "armed_group" for a in actors)
    first_group = min(e.start for a in groups for e in a.evidence)
    return bool(unnamed.evidence) and unnamed.evidence[0].start < first_group


class _Claims:
    """Character ranges already explained by a stronger pattern."""

    def __init__(self) -> None:
        self.ranges: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.ranges)

    def take(self, start: int, end: int) -> None:
        self.ranges.append((start, end))

    def keep_free(self, mentions: list[Mention], found: list[Mention]) -> None:
        """Add to `found`, in order, each mention whose text no earlier one has explained."""
        for mention in mentions:
            if self.free(mention.start, mention.end):
                self.take(mention.start, mention.end)
                found.append(mention)


def _collect_mentions(analysis: Analysis) -> list[Mention]:
    text = analysis.text
    claims = _Claims()
    found: list[Mention] = []
    finders = (
        regional_ministry_mentions(text),  # before the knowledge layer's "Gaza" takes the region's name
        known_mentions(text),
        coalition_mentions(analysis),
        military_mentions(text),
        state_body_mentions(text),
        regime_mentions(text),
        tribe_mentions(text),
    )
    for mentions in finders:
        claims.keep_free(mentions, found)
    claims.keep_free([*national_organisations(analysis), *police_forces(analysis)], found)
    found.extend(demonyms_inside(found))
    claims.keep_free(country_mentions(analysis), found)
    claims.keep_free(
        [
            *nicknamed_people(analysis),
            *entity_mentions(analysis),
            *untagged_people(analysis),
            *introduced_groups(analysis),
        ],
        found,
    )
    claims.keep_free(repeated_names(analysis, found, claims.free), found)
    found.extend(m for m in bare_military_mentions(analysis, found) if claims.free(m.start, m.end))
    # "Congo's government" beside "the Democratic Republic of Congo" is that state's
    return sorted(short_names_resolved(found), key=lambda m: m.start)


def with_main_scene(found: list[Actor], incidents: list[Incident]) -> list[Actor]:
    """The place of the story's main incident is one of its actors (the scene that is acted on),
    when the actors do not already name it: "a knife attack in Solingen" lists Solingen."""
    if not incidents or not incidents[0].location:
        return found
    location = incidents[0].location
    scene = scene_name(location)
    if scene is None or gazetteer.country_of(scene) or gazetteer.country_of(location):
        return found  # "Central African Republic" is a state, not a "Central" "African Republic"
    named = {name_key(form) for a in found for form in (a.name, *a.aliases)}
    if name_key(scene) in named or name_key(location) in named:
        return found
    aliases = [location] if location != scene else []
    return [
        *found,
        Actor(name=scene, kind="place", aliases=aliases, mentions=1, evidence=incidents[0].evidence[:1]),
    ]


def scene_name(location: str) -> str | None:
    """The place's own name in an incident's location: "Khyber Pakhtunkhwa’s Khyber district" ->
    "Khyber", "southern Urozgan" -> "Urozgan", "Kabul neighbourhood" -> "Kabul"; None when no name
    is left ("Turkey’s capital")."""
    words = re.split(r"[’']s\s+", location)[-1].split()
    while words and (words[0].lower() in COMPASS or words[0].lower() == "the"):
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in _SCENE_NOUNS:
        words = words[:-1]
    if not words or not all(word[:1].isupper() for word in words):
        return None
    return " ".join(words)


#: Nouns after a place's name that say what kind of place, not which.
_SCENE_NOUNS = frozenset(
    DIVISION_NOUNS | ANNEX_NOUNS | FACILITY_NOUNS | {"area", "neighbourhood", "neighborhood"}
)
