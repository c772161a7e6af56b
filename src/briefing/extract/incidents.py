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
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..incident_types import types_compatible
from ..model import Actor, Evidence, Incident
from .analysis import Analysis, Sentence
from .dates import follows_previous_day, resolve_date
from .numbers import COLLECTIVES, parse_number, parse_range, split_qualifier
from .places import FACILITY_NOUNS, Place, best_place, place_key, places_in

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
}
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
}
KILL_VERBS = {"kill", "murder", "execute", "behead", "massacre", "slaughter", "die", "shoot", "stab"}
INJURE_VERBS = {"injure", "wound", "hurt", "maim"}
#: Verbs whose victim may survive: only "dead", "to death", "fatally" or a joined kill verb make them fatal.
MAYBE_FATAL_VERBS = {"shoot", "stab"}
#: Subjects that "capture" or "shoot" pictures, not towns or people.
MEDIA_NOUNS = {"video", "footage", "image", "picture", "photo", "photograph", "camera", "dashcam", "film"}
#: Types from most to least specific: a merged incident keeps the most specific.
PRIORITY = [
    "airstrike",
    "missile strike",
    "bombing",
    "shooting",
    "stabbing",
    "execution",
    "massacre",
    "explosion",
    "bombardment",
    "shelling",
    "rocket attack",
    "mortar attack",
    "ambush",
    "raid",
    "strike",
    "assault",
    "counterattack",
    "siege",
    "battle",
    "offensive",
    "clashes",
    "attack",
    "killing",
    "sexual assault",
    "rape",
]
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
}
ANAPHORIC_DETS = {"the", "this", "that", "these", "those"}
#: Definite nouns that point back to a place already named ("a precision strike on the location").
PLACE_ANAPHORS = {
    "location",
    "city",
    "town",
    "village",
    "area",
    "site",
    "compound",
    "complex",
    "building",
    "hospital",
    "airport",
    "base",
    "neighborhood",
    "district",
}
PERSON_NOUNS = {
    "person",
    "people",
    "civilian",
    "soldier",
    "member",
    "troop",
    "officer",
    "policeman",
    "man",
    "men",
    "woman",
    "women",
    "child",
    "children",
    "fighter",
    "militant",
    "worker",
    "journalist",
    "student",
    "resident",
    "worshipper",
    "pilot",
    "marine",
    "sailor",
    "commander",
    "victim",
    "boy",
    "girl",
    "policemen",
    "assailant",
    "attacker",
    "bomber",
    "gunman",
    "hostage",
    "others",
    "dozen",
    "guard",
    "suspect",
    "shooter",
    "employee",
    "driver",
    "teenager",
    "teen",
    "passenger",
    "tourist",
    "prisoner",
    "captive",
    "wife",
    "husband",
    "mother",
    "father",
    "son",
    "daughter",
    "nun",
    "priest",
    "girlfriend",
    "boyfriend",
    "partner",
    "brother",
    "sister",
    "friend",
    "neighbour",
    "neighbor",
    "sergeant",
    "deputy",
    "trooper",
    "agent",
    "baby",
    "pupil",
}
DESCRIPTION_LIMIT = 220
SINGULAR_PRONOUNS = {"him", "her", "he", "she", "himself", "herself"}
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


@dataclass
class _Mention:
    """One sentence's report of an event, before mentions of the same event are merged."""

    type: str
    places: list[Place]
    sentence: Sentence
    killed: int | None = None
    injured: int | None = None
    date: dt.date | None = None
    perpetrator: str | None = None
    anaphoric: bool = False
    weak: bool = False  # only a verb like "killed" marks it as an event

    @property
    def place(self) -> Place | None:
        return best_place(self.places)


@dataclass
class _Incident:
    type: str
    place: Place | None
    keys: set[str]  # the place and the places containing it
    killed: int | None
    injured: int | None
    date: dt.date | None
    perpetrator: str | None
    sentences: list[Sentence] = field(default_factory=list)
    recalled: bool = False  # introduced by a definite reference ("the attacks in Brussels")
    touched: int = 0  # when it was last mentioned: "the attack" means the latest one


def find_incidents(analysis: Analysis, actors: list[Actor]) -> list[Incident]:
    mentions = _mentions(analysis, actors)
    incidents = _merge(mentions, analysis)
    return [_to_incident(i) for i in incidents if i.place is not None]


# --- mentions --------------------------------------------------------------------------------------


def _mentions(analysis: Analysis, actors: list[Actor]) -> list[_Mention]:
    out: list[_Mention] = []
    previous_date: dt.date | None = None
    for sentence in analysis.sentences:
        triggers = [(t, kind) for t in sentence.span if (kind := _trigger_type(t)) is not None]
        triggers = [(t, kind) for t, kind in triggers if _is_realis(t)]
        if not triggers:
            continue
        sentence_places = places_in(sentence.span)
        date = _date_in(sentence, analysis.date, previous_date)
        killed, injured = _casualties(sentence.span)
        perpetrator = _perpetrator(sentence.span, [t for t, _ in triggers], actors)
        for index, (places, group) in enumerate(_group_by_place(triggers, sentence_places)):
            kinds = _kinds_of(group)
            strong = [k for k in kinds if k != "killing"] or kinds
            mention = _Mention(
                type=min(strong, key=PRIORITY.index),
                places=places,
                sentence=sentence,
                killed=killed if index == 0 else None,
                injured=injured if index == 0 else None,
                date=date,
                perpetrator=perpetrator,
                anaphoric=any(_is_anaphoric(t) for t, _ in group if _trigger_noun(t)),
                weak=all(k == "killing" and t.pos_ == "VERB" for t, k in group),
            )
            out.append(mention)
        previous_date = date or previous_date
    return out


def _kinds_of(group: list[tuple[Token, str]]) -> list[str]:
    """The types a group of triggers gives. When one trigger points back ("before the executions"),
    it alone says which event is meant; a background noun in the same sentence ("buildings damaged
    by bombing") must not retype the earlier event."""
    referring = [kind for t, kind in group if _trigger_noun(t) and _is_anaphoric(t)]
    return referring or [kind for _, kind in group]


def _trigger_type(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if token.pos_ in {"NOUN", "PROPN"} and lemma in NOUN_TRIGGERS:
        if token.dep_ in {"compound", "amod"} or (token.dep_ == "conj" and token.head.dep_ == "compound"):
            return None  # "attack aircraft", "strike assessments"
        if lemma == "body" or _is_equipment(token):
            return None
        base = NOUN_TRIGGERS[lemma]
        for child in token.lefts:
            refined = REFINEMENTS.get((child.lower_, lemma))
            if refined:
                return refined
        return base
    if token.pos_ == "NOUN" and lemma in OPERATION_NOUNS and _has_military_goal(token):
        return "offensive"
    if token.pos_ in {"NOUN"} and lemma == "body" and _numbered_of(token):
        return "killing"
    if token.pos_ == "VERB" and lemma in VERB_TRIGGERS:
        return _verb_trigger(token, lemma)
    if token.lower_ == "wounded" and any(c.lower_ == "mortally" for c in token.children):
        return "killing"
    return None


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
            and not _shot_dead(token)
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


def _trigger_noun(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"}


def _numbered_of(token: Token) -> bool:
    """ "the bodies of 70 civilians": a count of the dead."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return any(_count_of(o) is not None for o in child.children if o.dep_ == "pobj")
    return False


def _governor(token: Token) -> Token:
    node = token
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        node = node.head
    return node


def _is_realis(token: Token) -> bool:
    """Skip future, conditional, negated and feared events ("We will continue to strike")."""
    verb = _governor(token)
    for node in (verb, verb.head if verb.dep_ in {"xcomp", "ccomp"} else verb):
        if node.lemma_.lower() in IRREALIS_VERBS:
            return False
        if any(c.dep_ in {"aux", "neg"} and (c.lower_ in MODALS or c.dep_ == "neg") for c in node.children):
            return False
    return True


def _is_anaphoric(token: Token) -> bool:
    if token.lemma_.lower() == "body":
        return False
    return any(
        c.dep_ in {"det", "poss"} and c.lower_ in ANAPHORIC_DETS | {"its", "their"} for c in token.children
    )


def _group_by_place(
    triggers: list[tuple[Token, str]], places: list[Place]
) -> list[tuple[list[Place], list[tuple[Token, str]]]]:
    """The triggers of one sentence report one event, placed by the trigger closest to a place.

    A noun trigger's own place ("an airstrike near Tabqa Dam") beats a place found through a
    verb, which may describe a victim ("a leader in Raqqah was struck"). Coordinated places of
    equal standing ("attacks in Baghdad and Najaf") give one mention each.
    """
    scoped = [(t, kind, *_scope_places(t, places)) for t, kind in triggers]
    placed = [s for s in scoped if s[2]]
    if not placed:
        return [([], [(t, k) for t, k, _, _ in scoped])]
    anchor = min(placed, key=lambda s: (s[3], s[0].pos_ == "VERB", s[0].i))
    closest = [(t, k) for t, k, _, level in placed if level == anchor[3]]
    if all(k == "killing" for _, k in closest):
        # "a car bomb killed three people outside the consulate": the place hangs off "killed",
        # but the event noun in the same clause says what kind of event it was
        verbs = {t.i for t, _ in closest}
        closest += [(t, k) for t, k, _, _ in scoped if k != "killing" and _governor(t).i in verbs]
    return [(split, list(closest)) for split in _split_coordinated(anchor[2])]


def _scope_places(trigger: Token, places: list[Place]) -> tuple[list[Place], int]:
    """Places attached to the trigger, else in its clause, and how far out they were found.

    Wider scopes (the reporting clause: "Speaking in Paris, he said the offensive...") are not
    searched: a place there is where something was said, not where the event happened.
    """
    for level, scope in enumerate((trigger, _governor(trigger))):
        tokens = _scope_tokens(scope, trigger)
        inside = [p for p in places if p.start in tokens]
        if inside:
            return inside, level
    after = [p for p in places if p.start > trigger.i and _reachable(trigger, p)]
    if after:
        return after, 2
    before = [p for p in places if p.start < trigger.i and not p.wide]
    if before and _refers_to_place(trigger):
        return [before[-1]], 2  # "control of Mosul ... since the liberation of the city began"
    return [], 9


def _reachable(trigger: Token, place: Place) -> bool:
    """Whether a place later in the sentence may be where the trigger's event happened.

    Not across a colon (captions run into the next sentence: "was shot Musical team: ... in
    Boise") and not a place someone came from ("on leave from Fort Meade").
    """
    doc = trigger.doc
    if trigger.sent != doc[place.start].sent:
        return False
    if any(t.text == ":" for t in doc[trigger.i : place.start]):
        return False
    return not _origin(doc, place)


def _refers_to_place(trigger: Token) -> bool:
    """ "the liberation of the city", "the attack on the town": the trigger names its place only by a
    definite place noun, which points back to the place named just before it."""
    return any(
        t.lemma_.lower() in PLACE_ANAPHORS and any(c.lower_ in ANAPHORIC_DETS for c in t.children)
        for t in trigger.subtree
        if t.i != trigger.i
    )


def _scope_tokens(scope: Token, trigger: Token) -> set[int]:
    """The subtree of `scope`, less what a coordinated noun brings ("an attack in London and
    civilian deaths in Syria": Syria belongs to the deaths)."""
    tokens = {t.i for t in scope.subtree}
    if scope is trigger:
        for conj in trigger.children:
            if conj.dep_ == "conj" and _trigger_type(conj) is None:
                tokens -= {t.i for t in conj.subtree}
    return tokens


def _split_coordinated(places: list[Place]) -> list[list[Place]]:
    """ "Jabla ... and Tartus", "Aleppo and Daraya": one group per coordinated specific place."""
    best = best_place(places)
    if best is None:
        return [places]
    peers = [p for p in places if p.rank[:3] == best.rank[:3] and p.key != best.key]
    if not peers:
        return [places]
    out = []
    for lead in [best, *peers]:
        out.append([lead, *[p for p in places if p.rank[:3] != best.rank[:3]]])
    return out


# --- casualties ------------------------------------------------------------------------------------


def _casualties(span: Span) -> tuple[int | None, int | None]:
    killed = injured = None
    for token in span:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in KILL_VERBS | INJURE_VERBS:
            if _combined_toll(token):
                continue
            count = _victim_count(token)
            if count is None:
                continue
            if (lemma in INJURE_VERBS and not _mortal(token)) or (
                lemma in MAYBE_FATAL_VERBS and not _shot_dead(token)
            ):
                injured = max(injured or 0, count)
            else:
                killed = max(killed or 0, count)
        elif token.lemma_.lower() == "body" and _numbered_of(token):
            count = _count_of(next(o for c in token.children for o in c.children if o.dep_ == "pobj"))
            killed = max(killed or 0, count or 0) or killed
    return killed, injured


def _mortal(token: Token) -> bool:
    return any(c.lower_ == "mortally" for c in token.children)


def _shot_dead(verb: Token) -> bool:
    """ "shot dead", "fatally shot", "stabbed to death", "shot and killed": being shot or stabbed is
    fatal only if said."""
    near = verb.doc[verb.i + 1 : verb.i + 4]
    if any(t.lower_ == "dead" for t in [*verb.children, *near]) or "to death" in near.text.lower():
        return True
    return any(c.lower_ == "fatally" for c in verb.children) or any(
        c.dep_ == "conj" and c.lemma_.lower() in KILL_VERBS - MAYBE_FATAL_VERBS for c in verb.children
    )


def _combined_toll(verb: Token) -> bool:
    """ "60 civilians were killed and injured": one number for two outcomes. "Shot and later died"
    is one outcome, so only a kill verb joined to an injure verb (or the reverse) counts."""
    fatal = verb.lemma_.lower() in KILL_VERBS
    return any(
        c.dep_ == "conj"
        and c.lemma_.lower() in (INJURE_VERBS if fatal else KILL_VERBS)
        and not _has_people(c)
        for c in verb.children
    )


def _has_people(verb: Token) -> bool:
    """Whether a verb names its own victims ("injured scores of others"), even uncounted."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "nsubj"}]
    return any(
        o.lemma_.lower() in PERSON_NOUNS
        or o.lower_ in COLLECTIVES
        or o.ent_type_ == "PERSON"
        or _has_number(o)
        for o in objects
    )


def _victim_count(verb: Token) -> int | None:
    """The number of victims: the object of "killed", the subject of "were killed", "died"."""
    lemma = verb.lemma_.lower()
    roles = {"dobj", "nsubjpass"} | ({"nsubj"} if lemma == "die" or verb.tag_ == "VBN" else set())
    victims = [c for c in verb.children if c.dep_ in roles]
    head = verb.head
    if not victims and verb.dep_ == "conj" and head.lemma_.lower() not in KILL_VERBS | INJURE_VERBS:
        victims = [c for c in head.children if c.dep_ == "nsubjpass"]  # "was struck and killed"
    if not victims and verb.dep_ in {"relcl", "acl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        victims = (
            [verb.head] if verb.tag_ == "VBN" or any(c.dep_ == "nsubjpass" for c in verb.children) else []
        )
    nouns = [n for victim in victims for n in [victim, *[c for c in victim.conjuncts if c.i > victim.i]]]
    counts = [(n, _count_of(n) or _one_indefinite(n)) for n in nouns]
    numbered = [c for n, c in counts if c is not None and _has_number(n)]
    if numbered:
        return sum(numbered)  # "Three people and the assailant": the stated three
    found = [c for _, c in counts if c is not None]
    return sum(found) if found else None


def _one_indefinite(noun: Token) -> int | None:
    """ "A shopkeeper was fatally stabbed": whoever a kill verb's singular "a ..." is, it is one victim."""
    singular = noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)
    return 1 if singular else None


def _has_number(noun: Token) -> bool:
    return noun.like_num or noun.pos_ == "NUM" or any(c.dep_ in {"nummod", "quantmod"} for c in noun.children)


def _count_of(noun: Token) -> int | None:
    """How many people a noun phrase counts: "28 people" -> 28, "one of our members" -> 1, "a soldier" -> 1."""
    numbers = [c for c in noun.children if c.dep_ == "nummod" or (c.dep_ == "quantmod" and c.like_num)]
    if not numbers:  # "at least 35 more innocent civilians": the number hangs off "more"
        numbers = [
            t
            for c in noun.lefts
            if c.dep_ == "amod"
            for t in c.subtree
            if t.like_num and t.ent_type_ != "DATE"
        ]
    if numbers:
        number = numbers[0]
        phrase = noun.doc[number.left_edge.i : number.i + 1].text
        if parse_range(phrase) is not None:
            return None
        _, rest = split_qualifier(phrase)
        if rest.lower() in COLLECTIVES:
            return None
        value = parse_number(rest)
        return int(value) if value is not None and value >= 1 else None
    if noun.like_num or noun.pos_ == "NUM":
        if _age_after_name(noun):
            return 1  # "Sgt Jeremy Daniels, 31 was shot": the number is his age; he is one victim
        if noun.lower_ in COLLECTIVES:
            return None
        value = parse_number(noun.text)
        return int(value) if value is not None and value >= 1 else None
    singular_person = noun.lemma_.lower() in PERSON_NOUNS and noun.tag_ in {"NN", "NNP"}
    if noun.ent_type_ == "PERSON" or (singular_person and noun.lower_ not in {"others", "dozen"}):
        return 1
    if noun.lower_ in SINGULAR_PRONOUNS:
        return 1  # "killed him": one named victim, referred to by pronoun
    if noun.lower_ == "who" and noun.head.dep_ == "relcl":
        return _count_of(noun.head.head)
    return None


def _age_after_name(number: Token) -> bool:
    """A number set off by a comma right after a capitalised name is the person's age."""
    doc = number.doc
    return (
        number.i >= 2
        and doc[number.i - 1].text == ","
        and doc[number.i - 2].pos_ == "PROPN"
        and doc[number.i - 2].text[:1].isupper()
    )


# --- date and perpetrator --------------------------------------------------------------------------


def _date_in(sentence: Sentence, anchor: dt.date | None, previous: dt.date | None) -> dt.date | None:
    for ent in sentence.span.ents:
        if ent.label_ not in {"DATE", "TIME", "EVENT"}:
            continue
        if follows_previous_day(ent.text):
            return previous + dt.timedelta(days=1) if previous else None
        resolved = resolve_date(ent.text, anchor)
        if resolved is not None:
            return resolved
    return None


def _perpetrator(span: Span, triggers: list[Token], actors: list[Actor]) -> str | None:
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
                and (c.ent_type_ or c.pos_ == "PROPN" or c.lower_ == "coalition")
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
        and p.lower() not in {"we", "it", "they", "he", "she", "i", "which", "who"}
        and p.split()[-1].lower().rstrip("s") not in WEAPON_NOUNS
        and p.lower() not in TIME_WORDS
    ]


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


# --- merging ---------------------------------------------------------------------------------------


def _merge(mentions: list[_Mention], analysis: Analysis) -> list[_Incident]:
    incidents: list[_Incident] = []
    homeless: list[_Mention] = []
    for mention in mentions:
        if not mention.places:
            if not _merge_unplaced(mention, incidents, analysis) and _worth_placing(mention):
                homeless.append(mention)
            continue
        place = mention.place
        assert place is not None
        keys = {place_key(p.text) for p in mention.places if not p.reference}
        target = _find_target(mention, place, keys, incidents)
        if target is None:
            incidents.append(_new_incident(mention, place, keys))
        else:
            _absorb(target, mention, place, keys)
    leftovers = [m for m in homeless if not _place_homeless(m, incidents, analysis)]
    for mention in leftovers:
        _join_nearest(mention, incidents)
    return incidents


def _place_homeless(mention: _Mention, incidents: list[_Incident], analysis: Analysis) -> bool:
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


def _same_kind(incident: _Incident, mention: _Mention) -> bool:
    """Compatible type and date, whatever the tolls: an unplaced aside ("the body of one of the
    men") often counts part of an event whose full toll is given with its place."""
    if not types_compatible(incident.type, mention.type):
        return False
    return not (incident.date and mention.date and incident.date != mention.date)


def _absorb_detail(incident: _Incident, mention: _Mention) -> None:
    """Fold an unplaced aside into an event without letting its partial toll override the event's."""
    killed, injured = incident.killed, incident.injured
    _absorb(incident, mention, None, set())
    incident.killed = killed or incident.killed
    incident.injured = injured or incident.injured


def _join_nearest(mention: _Mention, incidents: list[_Incident]) -> None:
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
    mention: _Mention, place: Place, keys: set[str], incidents: list[_Incident]
) -> _Incident | None:
    compatible = _latest_first([i for i in incidents if _compatible(i, mention)])
    overlapping = [i for i in compatible if i.keys & keys]
    if overlapping:
        return overlapping[0]
    if mention.anaphoric and compatible and compatible[0].place is not None and compatible[0].place.wide:
        return compatible[0]  # "an attack in northern Iraq" ... "the attack in Daquq"
    if place.wide and compatible:
        return compatible[0]
    if _is_facility(place) and len(keys) == 1:
        # "an attack in London" ... "an attack outside the British Parliament"
        towns = [i for i in compatible if i.place and not _is_facility(i.place) and not i.recalled]
        towns.sort(key=lambda i: i.type != mention.type)  # stable: the latest of the same type first
        if towns:
            return towns[0]
    return None


def _latest_first(incidents: list[_Incident]) -> list[_Incident]:
    return sorted(incidents, key=lambda i: -i.touched)


def _merge_unplaced(mention: _Mention, incidents: list[_Incident], analysis: Analysis) -> bool:
    """Fold a report naming no place into an earlier event; whether it found one."""
    compatible = _latest_first([i for i in incidents if _compatible(i, mention)])
    if mention.anaphoric and compatible:
        _absorb(compatible[0], mention, None, set())
        return True
    referred = _place_anaphor(mention, analysis)
    if referred is not None:
        keys = {referred.key}
        target = next((i for i in compatible if i.keys & keys and i.type == mention.type), None)
        if target is None:
            incidents.append(_new_incident(mention, referred, keys))
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


def _worth_placing(mention: _Mention) -> bool:
    """A first report of a specific kind of event with a toll; "ordering executions" or a bare
    "attack" may be anything, and a borrowed place would then swallow later reports."""
    return (
        not mention.anaphoric
        and bool(mention.killed or mention.injured)
        and mention.type in PLACEABLE_TYPES | {"killing"}
    )


def _nearby_place(mention: _Mention, analysis: Analysis) -> Place | None:
    """ "A man shot his girlfriend and then himself. Officers found them at their home in Fort
    Worth.": news often names the place in the sentence just before or after the event. The
    nearest sentence wins, the one before on a tie; wide places (countries) are not borrowed."""
    index = mention.sentence.index
    for distance in range(1, NEARBY_SENTENCES + 1):
        for other in (index - distance, index + distance):
            if not 0 <= other < len(analysis.sentences):
                continue
            span = analysis.sentences[other].span
            places = [
                p for p in places_in(span) if not p.wide and not p.reference and not _origin(span.doc, p)
            ]
            if places:
                return best_place(places)
    return None


def _origin(doc: Doc, place: Place) -> bool:
    """ "on leave from Fort Meade in Maryland": a place someone came from is not where it happened."""
    token = doc[place.start]
    for _ in range(4):
        if token.lower_ == "from" and token.dep_ == "prep":
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _place_anaphor(mention: _Mention, analysis: Analysis) -> Place | None:
    """ "a precision strike on the location": the place most recently named before this sentence."""
    refers = any(
        t.lemma_.lower() in PLACE_ANAPHORS and any(c.lower_ == "the" for c in t.children)
        for t in mention.sentence.span
    )
    if not refers or places_in(mention.sentence.span):  # "the city of Mosul" names its place
        return None
    for sentence in reversed(analysis.sentences[: mention.sentence.index]):
        place = best_place([p for p in places_in(sentence.span) if not p.wide])
        if place is not None:
            return place
    return None


def _compatible(incident: _Incident, mention: _Mention) -> bool:
    if not types_compatible(incident.type, mention.type):
        return False
    if incident.killed and mention.killed and incident.killed != mention.killed:
        return False
    return not (incident.date and mention.date and incident.date != mention.date)


def _is_facility(place: Place) -> bool:
    return place.text.split()[-1].lower() in FACILITY_NOUNS and not place.wide


def _new_incident(mention: _Mention, place: Place, keys: set[str]) -> _Incident:
    return _Incident(
        type=mention.type,
        place=place,
        keys=set(keys),
        killed=mention.killed,
        injured=mention.injured,
        date=mention.date,
        perpetrator=mention.perpetrator,
        sentences=[mention.sentence],
        recalled=mention.anaphoric,
        touched=mention.sentence.index,
    )


def _absorb(incident: _Incident, mention: _Mention, place: Place | None, keys: set[str]) -> None:
    """Fold a mention into an incident, keeping the most specific type and place and the richest toll."""
    incident.touched = mention.sentence.index
    if not mention.weak and PRIORITY.index(mention.type) < PRIORITY.index(incident.type):
        incident.type = mention.type
    if place is not None and (incident.place is None or _more_specific(place, incident.place, keys)):
        incident.place = place
    incident.keys |= keys
    incident.killed = max(incident.killed or 0, mention.killed or 0) or None
    incident.injured = max(incident.injured or 0, mention.injured or 0) or None
    incident.date = incident.date or mention.date
    incident.perpetrator = incident.perpetrator or mention.perpetrator
    if mention.sentence not in incident.sentences:
        incident.sentences.append(mention.sentence)


def _more_specific(new: Place, old: Place, new_keys: set[str]) -> bool:
    if old.wide and not new.wide:
        return True
    return not new.wide and old.key in new_keys and new.key != old.key


def _to_incident(incident: _Incident) -> Incident:
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
