"""Event triggers: the words that report a violent or military event, and whether it happened.

A noun ("airstrike", "the attack") or a verb with what makes it an event (a victim, a target) is
a trigger; future, conditional, negated and feared events are not reported events, so they are
skipped here before any counting or placing.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .analysis import first_conjunct
from .casualties import MAYBE_FATAL_VERBS, PERSON_NOUNS, SINGULAR_PRONOUNS, numbered_of, shot_dead

#: Nouns that name an event, with the type they give.
NOUN_TRIGGERS = {
    "attack": "attack",
    "airstrike": "airstrike",
    "strike": "strike",
    "raid": "raid",
    "bombing": "bombing",
    "bombardment": "bombardment",
    "shelling": "shelling",
    "shooting": "shooting",
    "explosion": "explosion",
    "blast": "explosion",
    "offensive": "offensive",
    "battle": "battle",
    "assault": "assault",
    "execution": "execution",
    "massacre": "massacre",
    "killing": "killing",
    "ambush": "ambush",
    "counterattack": "counterattack",
    "counter-attack": "counterattack",
    "clash": "clashes",
    "fighting": "clashes",
    "skirmish": "clashes",
    "confrontation": "clashes",
    "gunfire": "shooting",
    "firefight": "shooting",
    "gunfight": "shooting",
    "gunbattle": "shooting",
    "bomb": "bombing",
    "ied": "explosion",
    "vbied": "bombing",
    "stabbing": "stabbing",
    "airstrikes": "airstrike",
    "shootout": "shooting",
    "siege": "siege",
    "liberation": "offensive",
    "recapture": "offensive",
    "murder": "killing",
    "homicide": "killing",
    "rape": "rape",
    "lynching": "killing",
    "assassination": "killing",
    "rampage": "attack",
    "riot": "clashes",
    "encounter": "clashes",  # "killed in an encounter with security forces" (South and South-East Asia)
}
#: Verbs that report an event, with the type they give.
VERB_TRIGGERS = {
    "bomb": "bombing",
    "bombard": "bombardment",
    "shell": "shelling",
    "attack": "attack",
    "strike": "strike",
    "execute": "execution",
    "behead": "execution",
    "massacre": "massacre",
    "explode": "explosion",
    "detonate": "explosion",
    "ambush": "ambush",
    "seize": "offensive",
    "retake": "offensive",
    "recapture": "offensive",
    "capture": "offensive",
    "liberate": "offensive",
    "storm": "assault",
    "raid": "raid",
    "shoot": "shooting",
    "kill": "killing",
    "murder": "killing",
    "stab": "stabbing",
    "gun": "shooting",
    "slay": "killing",
    "strangle": "killing",
    "rape": "rape",
    "molest": "sexual assault",
    "assault": "assault",
    "assassinate": "killing",
    "rampage": "attack",
    "clash": "clashes",
}
#: Verbs that report an event only with "fire" ("opened fire", "exchanged fire with the army").
FIRE_VERBS = {"open": "shooting", "exchange": "clashes", "trade": "clashes"}
#: Modifiers that refine a trigger: "air strike" -> airstrike, "car bomb" -> bombing.
REFINEMENTS = {
    ("air", "strike"): "airstrike",
    ("air", "raid"): "airstrike",
    ("drone", "strike"): "airstrike",
    ("missile", "strike"): "missile strike",
    ("rocket", "attack"): "rocket attack",
    ("mortar", "attack"): "mortar attack",
    ("suicide", "bombing"): "bombing",
    ("car", "bomb"): "bombing",
    ("ground", "assault"): "assault",
    ("drone", "attack"): "airstrike",
    ("missile", "attack"): "missile strike",
    ("rocket", "strike"): "rocket attack",
}


#: Subjects that "capture" or "shoot" pictures, not towns or people.
MEDIA_NOUNS = {"video", "footage", "image", "picture", "photo", "photograph", "camera", "dashcam", "film"}


#: Nouns whose infinitive is an intention, not an event: "threats to kill", "a plot to bomb".
IRREALIS_NOUNS = {"threat", "plot", "plan", "conspiracy", "scheme", "vow", "pledge", "order", "call"}


MODALS = {"will", "would", "shall", "should", "could", "may", "might", "must", "can"}
#: Governing verbs that make an event hypothetical: "fear an increase in attacks", "vow to strike".
IRREALIS_VERBS = {
    "fear",
    "prevent",
    "deter",
    "avoid",
    "warn",
    "risk",
    "threaten",
    "vow",
    "pledge",
    "plan",
    "continue",
    "intend",
    "aim",
    "want",
    "urge",
    "cease",
    "end",
    "halt",
    "stop",
    "plot",
    "prepare",
    "seek",
    "try",
    "attempt",
    "foil",
    "thwart",
    "avert",
    "disrupt",
}
ANAPHORIC_DETS = {"the", "this", "that", "these", "those"}


#: Nouns that name a military operation when they take a goal ("the operation to isolate Raqqah").
OPERATION_NOUNS = {"operation", "campaign", "push", "drive"}
OPERATION_GOALS = {
    "isolate",
    "retake",
    "recapture",
    "liberate",
    "capture",
    "clear",
    "encircle",
    "seize",
    "free",
}


def trigger_type(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if token.pos_ in {"NOUN", "PROPN"} and lemma in NOUN_TRIGGERS:
        if _modifies_another_noun(token):
            return None  # "attack aircraft", "strike assessments"
        if lemma == "body" or _is_equipment(token):
            return None
        base = NOUN_TRIGGERS[lemma]
        for child in token.lefts:
            refined = REFINEMENTS.get((child.lower_, lemma))
            if refined:
                return refined
        return base
    if lemma == "exchange" and _exchange_of_fire(token):
        return "clashes"
    if (
        token.pos_ == "VERB"
        and lemma in FIRE_VERBS
        and any(c.dep_ == "dobj" and c.lower_ == "fire" for c in token.children)
    ):
        return FIRE_VERBS[lemma]
    if token.pos_ == "VERB" and lemma == "fire":
        return _fire_trigger(token)
    if token.pos_ == "NOUN" and lemma in OPERATION_NOUNS and _has_military_goal(token):
        return "offensive"
    if token.pos_ in {"NOUN"} and lemma == "body" and numbered_of(token):
        return "killing"
    if token.pos_ == "VERB" and lemma in VERB_TRIGGERS:
        return _verb_trigger(token, lemma)
    if token.pos_ == "VERB" and lemma in NOUN_TRIGGERS and token.tag_ in {"VBZ", "NNS"}:
        # "Government airstrikes on the town...": a plural noun the model took for a verb
        return NOUN_TRIGGERS[lemma]
    if token.lower_ == "wounded" and any(c.lower_ == "mortally" for c in token.children):
        return "killing"
    return None


#: Heads that only say "it happened": "a mass shooting event", "the bombing incident".
_EVENT_HEADS = {"event", "incident", "spree"}


def _modifies_another_noun(token: Token) -> bool:
    """ "attack aircraft", "strike assessments": the trigger word describes another thing; but
    in "a mass shooting event" or "a shooting spree" the head only says the event happened."""
    if token.dep_ == "conj" and token.head.dep_ == "compound":
        return True
    return token.dep_ in {"compound", "amod"} and token.head.lemma_.lower() not in _EVENT_HEADS


#: What is fired, and the event firing it makes: "fired rockets into the city".
FIRED_WEAPONS = {
    "rocket": "rocket attack",
    "missile": "missile strike",
    "mortar": "mortar attack",
    "shell": "shelling",
}


def _fire_trigger(verb: Token) -> str | None:
    """ "fired rockets at the town" (or "rockets were fired") is a rocket attack; "began firing at everyone inside" a
    shooting; "was fired from his job" nothing."""
    fired = {"dobj", "nsubjpass"}  # "fired rockets", "rockets were fired towards Erbil"
    weapons = [FIRED_WEAPONS.get(c.lemma_.lower()) for c in verb.children if c.dep_ in fired]
    if any(weapons):
        return next(w for w in weapons if w)
    if any(c.dep_ == "prep" and c.lower_ in {"at", "on", "into", "upon"} for c in verb.children):
        return "shooting"
    return None


def _exchange_of_fire(token: Token) -> bool:
    """ "an exchange of fire", "the exchange of gunfire": a clash told by its noun phrase."""
    if token.pos_ != "NOUN" or token.lemma_.lower() != "exchange":
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(g.lemma_.lower() in {"fire", "gunfire"} for g in c.children)
        for c in token.children
    )


def _has_military_goal(token: Token) -> bool:
    """ "the operation to isolate Raqqah", "a campaign to retake Mosul": an offensive, whoever runs it."""
    goals = list(token.children)
    if token.dep_ == "dobj":  # "began the operation to isolate Raqqah": the goal may hang off the verb
        goals += [c for c in token.head.children if c.dep_ == "xcomp" and c.i > token.i]
    return any(c.dep_ in {"acl", "relcl", "xcomp"} and c.lemma_.lower() in OPERATION_GOALS for c in goals)


def _is_equipment(token: Token) -> bool:
    """ "destroyed an IED and a VBIED": weapons destroyed in a strike are not events of their own."""
    head = token
    while head.dep_ in {"conj", "appos"} and head.head.i != head.i:
        head = head.head
    return head.dep_ == "dobj" and head.head.lemma_.lower() in {
        "destroy",
        "damage",
        "seize",
        "find",
        "capture",
    }


def _verb_trigger(token: Token, lemma: str) -> str | None:
    """Verbs count only with what makes them an event: a victim, a target or a place."""
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    if _media_subject(token):
        return None  # "the video captures the group brawling", "footage shot by a passer-by"
    if lemma in {"kill", "murder", "shoot", "stab"}:
        if (
            lemma in MAYBE_FATAL_VERBS
            and not any(c.lower_ == "dead" for c in token.subtree)
            and not shot_dead(token)
            and not _shot_person(token)
        ):
            return None
        return VERB_TRIGGERS[lemma] if objects or token.dep_ in {"relcl", "acl"} else None
    if (
        lemma in {"strike", "attack", "seize", "capture", "rape", "molest", "assault", "slay", "strangle"}
        and not objects
    ):
        return None
    if lemma == "gun" and not any(c.lower_ == "down" for c in token.children):
        return None  # "gunned down"; "gunning for" is not an event
    if lemma == "explode" and any(c.dep_ == "prep" and c.lower_ == "into" for c in token.children):
        return None  # "a power struggle exploded into open warfare": a figure of speech
    return VERB_TRIGGERS[lemma]


def _media_subject(verb: Token) -> bool:
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "agent"}]
    subjects += [g for c in subjects if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(c.lemma_.lower() in MEDIA_NOUNS for c in subjects)


def _shot_person(verb: Token) -> bool:
    """ "A guard was shot", "officers shot him": a person shot is an event even if not shot dead
    ("shot a video", "shot down a claim" are not)."""
    victims = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}]
    return any(
        v.lemma_.lower() in PERSON_NOUNS
        or v.lower_ in SINGULAR_PRONOUNS | {"them"}
        or v.ent_type_ == "PERSON"
        or v.lemma_.lower() in {"guard", "suspect", "gunman", "shooter", "teenager", "teen"}
        for v in victims
    )


def trigger_noun(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"}


def governor(token: Token) -> Token:
    node = token
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        node = node.head
    return node


#: Modifiers that make an event noun a kind of event, not one that happened ("similar attacks").
GENERIC_MODIFIERS = frozenset(
    {"similar", "such", "other", "numerous", "frequent", "repeated", "regular", "multiple"}
)


#: Adverbs that make a verb tell a habit: "police regularly carry out deadly raids".
HABITUAL_ADVERBS = frozenset(
    {"regularly", "often", "frequently", "routinely", "usually", "typically", "repeatedly", "constantly"}
)
#: Nouns that gather events into a pattern: "a string of attacks", "a spate of killings".
RUN_NOUNS = frozenset({"string", "spate", "litany", "history", "catalogue", "pattern", "cycle"})


#: A span of time that makes plural events a history: "in recent years", "over the past decade".
OVER_THE_YEARS = re.compile(
    r"\b(?:in|over|during)\s+(?:the\s+)?(?:recent|past|last)\s+(?:few\s+|several\s+)?(?:weeks|months|years|decades?)\b",
    re.I,
)


def _one_of_a_run(noun: Token) -> bool:
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in RUN_NOUNS


def _one_of_a_ranking(noun: Token) -> bool:
    """ "one of the deadliest attacks since the invasion": the events an event is ranked among."""
    prep = noun.head
    superlative = any(c.tag_ == "JJS" or c.lower_ == "most" for c in noun.subtree if c.i < noun.i)
    return superlative and noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ == "one"


def is_realis(token: Token) -> bool:
    """Skip future, conditional, negated, feared and generic events ("We will continue to strike",
    "have carried out similar attacks across the Sahel")."""
    if token.pos_ == "NOUN" and any(
        c.lower_ in GENERIC_MODIFIERS for c in token.children if c.dep_ in {"amod", "det"}
    ):
        return False
    if token.dep_ in {"acl", "xcomp"} and token.head.lemma_.lower() in IRREALIS_NOUNS:
        return False  # "threats to kill", "a plot to bomb"
    if token.lemma_.lower() == "siege" and token.head.lower_ == "of" and token.head.head.lemma_ == "state":
        return False  # "declared a state of siege": a legal regime, not a siege
    if token.pos_ == "NOUN" and _one_of_a_run(token):
        return False  # "the latest in a string of attacks": the pattern, not one event
    if token.pos_ == "NOUN" and _one_of_a_ranking(token):
        return False  # "making it one of the deadliest attacks on Russian soil": a comparison
    if token.tag_ == "NNS" and not is_anaphoric(token) and OVER_THE_YEARS.search(token.sent.text):
        return False  # "the scene of bloody gunfights in recent years": a history, not one event
    if token.pos_ == "NOUN" and _charged_with(token):
        return False  # "warrants of arrest for murder": a charge, not an event told
    verb = governor(token)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    governs = verb.dep_ in {"xcomp", "ccomp"} or (verb.dep_ == "advcl" and infinitive)
    for node in (verb, verb.head if governs else verb):
        if (
            node.lemma_.lower() in IRREALIS_VERBS
            and not _comma_splice(verb, node)
            and not _goes_on(token, node)
        ):
            return False
        if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in node.children):
            return False  # "police regularly carry out deadly raids": what happens, not what happened
        if any(c.dep_ in {"aux", "neg"} and (c.lower_ in MODALS or c.dep_ == "neg") for c in node.children):
            return False
    return True


#: Irrealis verbs that take an infinitive or an object, never a that-clause.
_NO_CLAUSE_VERBS = frozenset(
    {
        "continue",
        "cease",
        "end",
        "halt",
        "stop",
        "prevent",
        "deter",
        "avoid",
        "try",
        "attempt",
        "seek",
        "prepare",
    }
    | {"foil", "thwart", "avert", "disrupt", "aim", "risk"}
)


def _goes_on(trigger: Token, governing: Token) -> bool:
    """ "Azerbaijan continues to launch a major offensive": a named event that goes on is reported;
    "continue to kill civilians" tells a pattern of killings, not one event."""
    if trigger.pos_ != "NOUN":
        return False
    if governing.lemma_.lower() == "continue":
        return True
    # "A terrorist attack on a hotel ... ended on Sunday": an event that ended happened; "efforts
    # to end the attacks" are aimed at events, named as the object
    return governing.lemma_.lower() in _ENDING_VERBS and any(
        c.dep_ == "nsubj" and c.i == trigger.i for c in governing.children
    )


#: Verbs whose subject event took place: "the siege ended", "the fighting stopped at dawn".
_ENDING_VERBS = frozenset({"end", "cease", "halt", "stop"})


def _comma_splice(verb: Token, governing: Token) -> bool:
    """ "the military fired at a cafe ..., rescue work continues": a clause the parser hung on a verb
    that takes no clause is a comma splice, not an event that continues to be prevented."""
    return governing.i != verb.i and verb.dep_ == "ccomp" and governing.lemma_.lower() in _NO_CLAUSE_VERBS


#: Words of the law that name a crime as a charge: "wanted for murder", "convicted of the attack".
LEGAL_WORDS = frozenset(
    {
        "warrant",
        "arrest",
        "charge",
        "accuse",
        "convict",
        "wanted",
        "want",
        "sentence",
        "indict",
        "guilty",
        "acquit",
        "trial",
    }
)


def _charged_with(noun: Token) -> bool:
    noun = first_conjunct(noun)  # "for murder and homicide"
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in {"for", "of", "with"}
        and (prep.head.lemma_.lower() in LEGAL_WORDS or prep.head.head.lemma_.lower() in LEGAL_WORDS)
    )


def is_anaphoric(token: Token) -> bool:
    """ "the attack", "this bombing", "Saturday's attack": an event already told."""
    if token.lemma_.lower() == "body":
        return False
    return any(
        (c.dep_ in {"det", "poss"} and c.lower_ in ANAPHORIC_DETS | {"its", "their"})
        or (c.dep_ == "poss" and c.ent_type_ in {"DATE", "TIME"})
        for c in token.children
    )
