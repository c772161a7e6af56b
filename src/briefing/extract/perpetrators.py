"""Perpetrators: who carried out an event, where the text says so, named as the actor it matches.

"claimed by Da'esh", "coalition airstrike", "IS fighters had killed": the phrase is matched to a
key actor by name or alias, so an incident and the actor list agree on who is meant.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..model import Actor
from . import gazetteer

#: Weapons and vehicles: the subject of "killed" but never the perpetrator ("a car bomb killed", "one jet bombed").
WEAPON_NOUNS = {
    "bomb",
    "jet",
    "aircraft",
    "plane",
    "warplane",
    "drone",
    "missile",
    "rocket",
    "shell",
    "mortar",
    "device",
    "ied",
    "vbied",
    "vehicle",
    "car",
    "truck",
    "blast",
    "explosion",
    "strike",
    "airstrike",
    "attack",
    "gun",
    "bullet",
    "grenade",
}
#: "yesterday's bombings": a possessive time word, never who did it.
TIME_WORDS = {
    "yesterday",
    "today",
    "tonight",
    "saturday",
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "last week",
    "last night",
    "this week",
}


#: Entity labels of a modifier that says when, which or how much: "the first encounter", "a
#: 45-minute firefight", never who fought it.
_NOT_AGENT_LABELS = {"ORDINAL", "CARDINAL", "TIME", "DATE", "QUANTITY", "PERCENT", "MONEY"}


def find_perpetrator(span: Span, triggers: list[Token], actors: list[Actor]) -> str | None:
    """Who did it, where the text says: "claimed by Da'esh", "coalition airstrike", "IS fighters had killed"."""
    for phrase in _perpetrator_phrases(span, triggers):
        if phrase:
            return _as_actor(phrase, actors)
    return None


def _perpetrator_phrases(span: Span, triggers: list[Token]) -> list[str]:
    phrases: list[str] = []
    for token in span:
        if token.lemma_.lower() == "claim":
            phrases += [_phrase(c) for c in token.children if c.dep_ == "nsubj"]
            phrases += [_phrase(o) for c in token.children if c.dep_ == "agent" for o in c.children]
        if token.lemma_.lower() == "accuse":
            phrases += [_phrase(c) for c in token.children if c.dep_ == "dobj"]
    for trigger in triggers:
        if trigger.pos_ == "VERB":
            phrases += [_phrase(c) for c in trigger.children if c.dep_ == "nsubj"]
            phrases += [_phrase(o) for c in trigger.children if c.dep_ == "agent" for o in c.children]
        else:
            phrases += [
                _phrase(c)
                for c in trigger.lefts
                if c.dep_ in {"compound", "amod", "poss", "nmod"}
                and (
                    (c.ent_type_ and c.ent_type_ not in _NOT_AGENT_LABELS)
                    or c.pos_ == "PROPN"
                    or c.lower_ == "coalition"
                )
                and not _names_the_scene(c)
            ]
            if trigger.dep_ in {"dobj"} and trigger.head.lemma_.lower() in {
                "conduct",
                "carry",
                "launch",
                "claim",
            }:
                phrases += [_phrase(c) for c in trigger.head.children if c.dep_ == "nsubj"]
    return [
        p
        for p in phrases
        if p
        and p.lower() not in {"we", "it", "they", "he", "she", "i", "which", "who", "that"}
        and p.split()[-1].lower().rstrip("s") not in WEAPON_NOUNS
        and p.lower() not in TIME_WORDS
    ]


def _names_the_scene(modifier: Token) -> bool:
    """ "the Vienna terror attack": a town before the event says where it happened; a state
    before it ("a US airstrike") says who carried it out."""
    if modifier.ent_type_ not in {"GPE", "LOC", "FAC"} or modifier.dep_ == "poss":
        return False
    return gazetteer.country_of(_phrase(modifier)) is None


def _phrase(token: Token) -> str:
    """The perpetrator phrase up to its head noun, plus an "of" complement that names who they
    are ("the fighters of the Islamic State" -> "fighters of Islamic State", matched to the actor)."""
    of_part = [
        t
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == token.i + 1
        for t in c.subtree
        if t.dep_ not in {"relcl", "punct", "det"}
    ]
    words = [t for t in token.subtree if t.dep_ not in {"relcl", "punct", "det", "case"} and t.i <= token.i]
    words += of_part
    phrase = re.sub(r"\s+", " ", " ".join(t.text for t in words)).strip(" '’")
    return re.sub(r"\s*['’]s?$", "", phrase)  # a possessive ending, not every leading/trailing "s"


def _as_actor(phrase: str, actors: list[Actor]) -> str:
    """The actor the phrase names, by name or alias, else the phrase as written ("militants")."""
    lowered = f" {phrase.lower().replace('’', chr(39))} "
    for actor in actors:
        for name in [actor.name, *actor.aliases]:
            if name and re.search(
                rf"(?<![\w-]){re.escape(name.lower().replace('’', chr(39)))}(?![\w-])", lowered
            ):
                return actor.name
    return phrase
