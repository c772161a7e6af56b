"""Where an event happened: the places in the scope of its trigger.

A sentence names places for many reasons (where a victim lived, where someone spoke, where they
came from); only those attached to the trigger or its clause say where the event happened.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .analysis import SPEECH_VERBS
from .casualties import INJURE_VERBS
from .incident_triggers import ANAPHORIC_DETS, governor, trigger_type
from .places import Place, best_place

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


@dataclass
class PlacedGroup:
    """The triggers of one sentence that report one event, and where it happened."""

    places: list[Place]
    triggers: list[tuple[Token, str]]
    #: The place modifies the event noun itself ("the attacks in Brussels"): it says which event
    #: is meant, where "the attack happened in Huyum" adds where a known event took place.
    restrictive: bool = False


def group_by_place(triggers: list[tuple[Token, str]], places: list[Place]) -> list[PlacedGroup]:
    """The triggers of one sentence report one event, placed by the trigger closest to a place.

    A noun trigger's own place ("an airstrike near Tabqa Dam") beats a place found through a
    verb, which may describe a victim ("a leader in Raqqah was struck"). Coordinated places of
    equal standing ("attacks in Baghdad and Najaf") give one mention each.
    """
    scoped = [(t, kind, *_scope_places(t, places)) for t, kind in triggers]
    placed = [s for s in scoped if s[2]]
    if not placed:
        return [PlacedGroup([], [(t, k) for t, k, _, _ in scoped])]
    anchor = min(placed, key=lambda s: (s[3], s[0].pos_ == "VERB", s[0].i))
    closest = [(t, k) for t, k, _, level in placed if level == anchor[3]]
    if all(k == "killing" for _, k in closest):
        # "a car bomb killed three people outside the consulate": the place hangs off "killed",
        # but the event noun in the same clause says what kind of event it was
        verbs = {t.i for t, _ in closest} | {
            c.i
            for t, _ in closest
            for c in t.children
            if c.dep_ == "conj" and c.lemma_.lower() in _HARM_VERBS
        }  # "... was killed and four were injured in Israeli strikes"
        closest += [(t, k) for t, k, _, _ in scoped if k != "killing" and governor(t).i in verbs]
    restrictive = anchor[3] == 0 and anchor[0].pos_ in {"NOUN", "PROPN"} and _modifies(anchor[0], anchor[2])
    return [
        PlacedGroup(split, list(closest), restrictive)
        for split in _split_coordinated(anchor[2], anchor[0].doc)
    ]


def _scope_places(trigger: Token, places: list[Place]) -> tuple[list[Place], int]:
    """Places attached to the trigger, else in its clause, and how far out they were found.

    Wider scopes (the reporting clause: "Speaking in Paris, he said the offensive...") are not
    searched: a place there is where something was said, not where the event happened.
    """
    places = [p for p in places if not _reacts_to(p, trigger)]
    found = _scoped_places(trigger, places)
    if found[0] and all(p.reference for p in found[0]):
        # "a bombing near the border with Syria": a reference point places the event only when
        # nothing else in the sentence does ("... killed 32 in Suruc district")
        rest = [p for p in places if not p.reference]
        better = _scoped_places(trigger, rest)
        if better[0] and not all(p.wide for p in better[0]):
            return better
        doc = trigger.doc
        named = [p for p in rest if not p.wide and not in_side_clause(doc, p) and not is_origin(doc, p)]
        if named:
            return named, 2  # "... a compound in Baqouba, 35 miles north of Baghdad"
        if _refers_to_place(governor(trigger)):
            return [], 0  # "hit the heart of the city, which lies 670 km south of Moscow": not Moscow
    return found


def _reacts_to(place: Place, trigger: Token) -> bool:
    """ "The US Embassy in Ankara condemned the attack": the subject of the verb whose object is
    the event is who reacted to it, not where it happened."""
    verb = trigger.head
    if trigger.dep_ != "dobj" or verb.pos_ != "VERB" or trigger_type(verb) is not None:
        return False
    return any(c.dep_ == "nsubj" and place.start <= c.i < place.end for c in verb.children)


def _scoped_places(trigger: Token, places: list[Place]) -> tuple[list[Place], int]:
    for level, scope in enumerate((trigger, governor(trigger))):
        tokens = _scope_tokens(scope, trigger)
        inside = [p for p in places if p.start in tokens]
        if inside:
            return inside, level
    verb = governor(trigger)
    if verb.dep_ in {"conj", "dep"} and verb.head.pos_ == "VERB":
        # "gunmen burst into a bar in Soweto and killed 15": coordinated verbs share their scene,
        # also when the parser leaves ", then killed 12" hanging as a bare dependent
        shared = {t.i for t in verb.head.subtree} - {t.i for t in verb.subtree}
        inside = [p for p in places if p.start in shared and not p.wide]
        if inside:
            return inside, 1
    main = _main_clause_of(governor(trigger))
    if main is not None:
        clause = _main_clause_tokens(main)
        inside = [p for p in places if p.start in clause and not is_origin(trigger.doc, p)]
        if inside:
            return inside, 1
    after = [p for p in places if p.start > trigger.i and _reachable(trigger, p)]
    if after:
        return after, 2
    before = [p for p in places if p.start < trigger.i and not p.wide]
    if before and _refers_to_place(trigger):
        return [before[-1]], 2  # "control of Mosul ... since the liberation of the city began"
    return [], 9


def _main_clause_of(verb: Token) -> Token | None:
    """ "was visiting his girlfriend in Duncan when he was gunned down": a "when" clause happens
    where its main clause does."""
    if verb.dep_ != "advcl" or not any(c.lower_ == "when" for c in verb.children):
        return None
    return verb.head


def _main_clause_tokens(main: Token) -> set[int]:
    """The main clause without its relative clauses (who someone is, not where this happened)."""
    tokens = {t.i for t in main.subtree}
    for token in main.subtree:
        if token.dep_ in {"relcl", "acl", "advcl"}:
            tokens -= {t.i for t in token.subtree}
    return tokens


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
    if in_side_clause(doc, place, trigger) or _where_it_was_said(trigger, doc[place.start]):
        return False
    return not is_origin(doc, place)


def _where_it_was_said(trigger: Token, token: Token) -> bool:
    """ "'We were attacked by militia,' the rebel leader told AFP in Libreville": a place on the
    verb of speaking that reports the event is where it was said."""
    verb = governor(token)
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return False
    reported = {t.i for c in verb.children if c.dep_ in {"ccomp", "parataxis"} for t in c.subtree}
    own_clause = {t.i for t in verb.subtree} - reported
    return trigger.i not in own_clause


def seat_of_institution(doc: Doc, place: Place) -> bool:
    """ "warrants issued by the Regional Trial Court in Marawi": where an institution sits, not a
    scene."""
    prep = doc[place.start : place.end].root.head
    return prep.dep_ == "prep" and prep.lower_ in {"in", "of", "at"} and prep.head.ent_type_ == "ORG"


def where_said(doc: Doc, place: Place) -> bool:
    """ "the rebel leader told AFP in Nairobi": a place on a verb of speaking."""
    return governor(doc[place.start]).lemma_.lower() in SPEECH_VERBS


def in_side_clause(doc: Doc, place: Place, trigger: Token | None = None) -> bool:
    """Whether a place lies in an "as ..."/"while ..." clause of its sentence ("The attacks came as
    leaders were expected in Washington"), one that does not hold the trigger when one is given:
    such a clause frames an event but says nothing about where it happened."""
    token = doc[place.start]
    while token.head.i != token.i:
        if _side_clause(token) and (trigger is None or trigger.i not in {t.i for t in token.subtree}):
            return True
        token = token.head
    return False


def comment_clause_tokens(span: Span) -> set[int]:
    """The tokens of the participle clauses that comment on the event told ("..., making it one of
    the deadliest attacks since the invasion 22 months ago"): their places and dates are not its."""
    return {t.i for token in span if _comment_clause(token) for t in token.subtree}


def _comment_clause(token: Token) -> bool:
    return token.dep_ == "advcl" and token.tag_ == "VBG" and token.lemma_.lower() in _COMMENT_VERBS


def _side_clause(token: Token) -> bool:
    """An adverbial clause of circumstance ("as ...", "while ..."), which frames an event but
    does not place it; other clauses are left alone, as the small model misparses them often."""
    if _comment_clause(token):
        return True  # "..., making it one of the deadliest attacks since the invasion of Ukraine"
    return token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in {"as", "while"} for c in token.children
    )


#: Verbs of a participle clause that comments on an event rather than tells it: "making it the
#: deadliest", "marking the first", "bringing the toll to", "raising the total".
_COMMENT_VERBS = frozenset({"make", "mark", "bring", "raise", "take"})


def _refers_to_place(trigger: Token) -> bool:
    """ "the liberation of the city", "the attack on the town": the trigger names its place only by a
    definite place noun, which points back to the place named just before it."""
    return any(
        t.lemma_.lower() in PLACE_ANAPHORS and any(c.lower_ in ANAPHORIC_DETS for c in t.children)
        for t in trigger.subtree
        if t.i != trigger.i
    )


def _modifies(noun: Token, places: list[Place]) -> bool:
    """Whether a place hangs off the event noun without a verb between them: "the attacks in
    Brussels" says which attack; "the attack, which took place near Sasit" tells where it was."""
    return any(_reaches_without_verb(noun.doc[place.start], noun) for place in places)


def _reaches_without_verb(token: Token, target: Token) -> bool:
    while token.i != target.i:
        if token.head.i == token.i or token.pos_ in {"VERB", "AUX"}:
            return False
        token = token.head
    return True


def _scope_tokens(scope: Token, trigger: Token) -> set[int]:
    """The subtree of `scope`, less what a coordinated noun brings ("an attack in London and
    civilian deaths in Syria": Syria belongs to the deaths)."""
    tokens = {t.i for t in scope.subtree}
    if scope is not trigger:
        for clause in scope.children:
            if _side_clause(clause) and trigger.i not in {t.i for t in clause.subtree}:
                tokens -= {t.i for t in clause.subtree}  # "The attacks came as leaders met in Washington"
    if scope is trigger:
        for conj in trigger.children:
            if conj.dep_ != "conj" or trigger_type(conj) is not None:
                continue
            if conj.lemma_.lower() in _HARM_VERBS:  # its own place, not its clauses' ("... when X shelled Y")
                tokens -= {t.i for c in conj.children if c.dep_ in _CLAUSES for t in c.subtree}
            else:
                tokens -= {t.i for t in conj.subtree}
    return tokens


_CLAUSES = frozenset({"advcl", "relcl", "acl", "ccomp", "xcomp"})


#: Verbs that add victims to the same event: "killed five officers and wounded two others in Guanajuato".
_HARM_VERBS = INJURE_VERBS | {"kidnap", "abduct"}


def _split_coordinated(places: list[Place], doc: Doc) -> list[list[Place]]:
    """ "Jabla ... and Tartus", "Aleppo and Daraya": one group per coordinated specific place.

    Only places the parse coordinates are peers: "in Huyum, in the Askira-Uba district of Borno
    State" names one place and what contains it."""
    best = best_place(places)
    if best is None:
        return [places]
    peers = [
        p for p in places if p.rank[:3] == best.rank[:3] and p.key != best.key and _coordinated(doc, p, best)
    ]
    if not peers or _one_area(doc, [best, *peers]):
        return [places]
    out = []
    for lead in [best, *peers]:
        out.append([lead, *[p for p in places if p.rank[:3] != best.rank[:3]]])
    return out


#: Plural nouns after coordinated names that make them one area: "Galgudud and Middle Shabelle regions".
_SHARED_AREA_NOUNS = frozenset(
    {"regions", "provinces", "states", "districts", "counties", "territories", "borders"}
)


def _one_area(doc: Doc, places: list[Place]) -> bool:
    """ "fighting at the border areas of Galgudud and Middle Shabelle regions", "clashes between
    Tigray and Amhara": names that share one plural noun, or that a border or "between" joins,
    mark out the one area where an event happened, not an event in each."""
    first = min(places, key=lambda p: p.start)
    last = max(places, key=lambda p: p.end)
    if last.end < len(doc) and doc[last.end].lower_ in _SHARED_AREA_NOUNS:
        return True
    before = doc[max(first.start - 4, 0) : first.start]
    return any(t.lower_ in {"between", "border", "borders"} for t in before)


def _coordinated(doc: Doc, a: Place, b: Place) -> bool:
    """Whether the parse joins the two place names by a conjunction (directly or along a list)."""
    roots = {doc[a.start : a.end].root.i, doc[b.start : b.end].root.i}
    for place in (a, b):
        token = doc[place.start : place.end].root
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
            if token.i in roots:
                return True
    return False


def is_origin(doc: Doc, place: Place) -> bool:
    """ "on leave from Fort Meade in Maryland": a place someone came from is not where it happened."""
    token = doc[place.start]
    for _ in range(4):
        if token.lower_ == "from" and token.dep_ == "prep":
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False
