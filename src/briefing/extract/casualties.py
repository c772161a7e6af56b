"""Casualties: how many people an event killed or injured, counted only as the text states it.

Kept apart from trigger detection because counting is its own grammar: victims are the object of
"killed", the subject of "were killed" or "died", a count of bodies; "shot" or "stabbed" are fatal
only when the text says so, and a combined toll ("60 killed and injured") cannot be split.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .analysis import first_conjunct
from .numbers import COLLECTIVES, parse_number, parse_range, split_qualifier
from .roles import ROLE_WORDS, is_title_word

KILL_VERBS = {
    "kill",
    "murder",
    "execute",
    "behead",
    "massacre",
    "slaughter",
    "die",
    "perish",
    "shoot",
    "stab",
    "martyr",
    "neutralise",  # military communiqués: "troops neutralised 12 terrorists"
    "neutralize",
    "eliminate",
}
INJURE_VERBS = {"injure", "wound", "hurt", "maim"}
#: Verbs whose victim may survive: only "dead", "to death", "fatally" or a joined kill verb make them fatal.
MAYBE_FATAL_VERBS = {"shoot", "stab"}


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


#: A running total ("A total of 109 people have been killed", "so far this year") is not one event's toll.
CUMULATIVE = re.compile(
    r"\b(?:a total of|in total|so far|thus far|this year|last year|to date|each year|every year|annually"
    r"|since (?:the )?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? )?(?:19|20)\d{2}s?"
    r"|since (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}"
    r"|a series of (?:attacks|raids|strikes|clashes|killings)|\d+ separate (?:incidents|attacks|strikes))\b",
    re.I,
)

#: Who does the killing: never counted among the victims of the same verb.
ATTACKERS = frozenset(
    {"assailant", "attacker", "bomber", "gunman", "suspect", "perpetrator", "shooter", "killer"}
)

SINGULAR_PRONOUNS = {"him", "her", "he", "she", "himself", "herself"}


def _purpose(verb: Token) -> bool:
    """ "an operation to track and neutralize several hundred fighters": an aim, not a toll; "were
    found to have been killed" is one."""
    head = first_conjunct(verb)  # "to track and neutralize": the "to" sits on the first verb
    auxiliaries = [c.lower_ for c in head.children if c.dep_ in {"aux", "auxpass"}]
    return (
        "to" in auxiliaries and "have" not in auxiliaries and head.dep_ in {"acl", "advcl", "xcomp", "relcl"}
    )


def count_casualties(span: Span, skip: frozenset[int] = frozenset()) -> tuple[int | None, int | None]:
    """Killed and injured as `span` states them; tokens in `skip` (a running total's clause) are
    not read."""
    killed = injured = None
    for token in span:
        if token.i in skip:
            continue
        lemma = token.lemma_.lower()
        stated = _stated_dead(token)
        if stated:  # "Twelve people are dead", "were declared dead", "the lives of 35", "toll rose to 35"
            killed = max(killed or 0, stated)
            continue
        if lemma == "leave" and token.pos_ == "VERB":
            left = _left_dead_or_injured(token)  # "The fighting left 27 dead and 15 wounded"
            if left is not None:
                count, fatal = left
                if fatal:
                    killed = max(killed or 0, count)
                else:
                    injured = max(injured or 0, count)
            continue
        if token.pos_ == "VERB" and lemma not in KILL_VERBS | INJURE_VERBS and _to_death(token):
            count = _victim_count(token)  # "knifed two people to death", "beaten to death"
            if count:
                killed = max(killed or 0, count)
            continue
        if token.pos_ == "VERB" and lemma in KILL_VERBS | INJURE_VERBS:
            if _combined_toll(token) or _shot_down(token) or _purpose(token):
                continue
            count = _victim_count(token)
            if count is None and lemma in INJURE_VERBS:
                count = _numbered_state(token)  # "left 12 dead and at least 40 wounded"
            if count is None:
                continue
            if (lemma in INJURE_VERBS and not _mortal(token)) or (
                lemma in MAYBE_FATAL_VERBS and not shot_dead(token)
            ):
                injured = max(injured or 0, count)
            else:
                killed = max(killed or 0, count)
        elif lemma == "lose" and token.pos_ == "VERB" and (lost := _lost_people(token)):
            killed = max(killed or 0, lost)  # "We have so far lost 15 people"
        elif lemma in _REPORTING_VERBS and token.pos_ == "VERB" and (state := _reported_state(token)):
            count = next(
                (count_of(c) for c in token.children if c.dep_ == "nsubjpass" and _has_number(c)), None
            )
            if count and state.lemma_.lower() in KILL_VERBS:  # "4 were confirmed killed"
                killed = max(killed or 0, count)
            elif count:  # "92 people have been reported injured"
                injured = max(injured or 0, count)
        elif lemma in {"sustain", "suffer", "receive"} and token.pos_ == "VERB":
            count = _sufferers(token)
            if count:  # "18 people sustained severe injuries"
                injured = max(injured or 0, count)
        elif (outcome := _counted_outcome(token)) is not None:
            count, fatal = outcome  # "resulting in 120 fatalities and 205 injuries"
            if fatal:
                killed = max(killed or 0, count)
            else:
                injured = max(injured or 0, count)
        elif (dead := _counted_dead(token)) is not None:
            killed = max(killed or 0, dead)
        elif (hurt := _stated_hurt(token)) is not None:
            injured = max(injured or 0, hurt)  # "injuries to four others", "seven were hospitalised"
    return killed, injured


#: Nouns whose "of" names the dead: "the bodies of 70 civilians", "the killing of eight".
_DEATH_NOUNS = frozenset({"body", "death", "killing", "murder", "martyrdom"})
#: Nouns that name the dead only when people (or lives) follow: "the loss of 25 soldiers", "the loss
#: of 18 lives" (not "of 25 tanks").
_LOSS_NOUNS = frozenset({"loss", "demise"})


def _counted_dead(token: Token) -> int | None:
    """The dead counted through a noun: "the deaths of at least five people", "the tragic loss of
    25 soldiers", "found five bodies"."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or lemma not in _DEATH_NOUNS | _LOSS_NOUNS:
        return None
    if numbered_of(token):
        dead = next(o for c in token.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj")
        if lemma in _LOSS_NOUNS and dead.lemma_.lower() not in PERSON_NOUNS | {"people", "person", "life"}:
            return None
        return count_of(dead) or None
    if lemma == "body" and any(c.dep_ == "nummod" for c in token.children):
        return count_of(token) or None
    return None


#: Nouns that are themselves a count of the dead or the hurt: "120 fatalities", "205 injuries".
_OUTCOME_NOUNS = {"fatality": True, "death": True, "injury": False}


def _counted_outcome(token: Token) -> tuple[int, bool] | None:
    """ "120 fatalities and 205 injuries", "15 injured people": a toll told as a counted noun."""
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN" and lemma in _OUTCOME_NOUNS and any(c.dep_ == "nummod" for c in token.children):
        count = count_of(token)
        return (count, _OUTCOME_NOUNS[lemma]) if count else None
    hurt = any(c.dep_ == "amod" and c.lower_ in {"injured", "wounded"} for c in token.children)
    if token.pos_ == "NOUN" and hurt and lemma in PERSON_NOUNS | {"people", "person"} and _has_number(token):
        count = count_of(token)
        return (count, False) if count else None
    return None


#: Verbs that put the injured in hospital: "43 people were hospitalised".
_HOSPITAL_VERBS = frozenset({"hospitalise", "hospitalize"})


def _stated_hurt(token: Token) -> int | None:
    """Injuries told without an injure verb: "injuries to at least four others", "seven inmates
    were being treated for gunshot wounds", "43 people were hospitalised"."""
    lemma = token.lemma_.lower()
    if token.lower_ in {"wounded", "injured"} and token.pos_ in {"ADJ", "NOUN"}:
        return _numbered_state(token)  # "records about thirty wounded who were evacuated"
    if token.lower_ in _GRAVE_STATES:
        return _count_in_grave_state(token)  # "eight more left critical", "two are in serious condition"
    if token.pos_ in {"VERB", "AUX"} and lemma in _TOLL_VERBS | {"be"} and _counts_the_hurt(token):
        return _number_reached(token)  # "the number of injured ... is 20 people"
    if lemma == "injury" and token.pos_ == "NOUN":
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        preps = [c for c in token.children if c.dep_ == "prep"] + ([after] if after is not None else [])
        to = [o for c in preps if c.lower_ == "to" for o in c.children]
        return next((count_of(o) for o in to if o.dep_ == "pobj" and _has_number(o)), None)
    if token.pos_ != "VERB" or lemma not in _HOSPITAL_VERBS | {"treat", "admit"}:
        return None
    if lemma in {"treat", "admit"}:  # "treated for gunshot wounds", "admitted with stab wounds"
        reasons = [
            o for c in token.subtree if c.dep_ == "prep" and c.lower_ in {"for", "with"} for o in c.subtree
        ]
        if not any(o.lemma_.lower() in {"wound", "injury", "burn"} for o in reasons) and not _in_hospital(
            token
        ):
            return None
    patients = [c for c in token.children if c.dep_ == "nsubjpass" and _has_number(c)]
    return count_of(patients[0]) if patients else None


#: States only the hurt are in: "critical", "in serious condition".
_GRAVE_STATES = frozenset({"critical", "serious"})


def _count_in_grave_state(state: Token) -> int | None:
    """How many the sentence puts in a grave state: the subject of "are critical", "left critical"
    or "remain in critical condition"."""
    verb = state.head
    if state.dep_ == "amod" and verb.lemma_.lower() == "condition" and verb.dep_ == "pobj":
        verb = verb.head.head  # "are in critical condition"
    elif state.dep_ not in {"acomp", "oprd"}:
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return count_of(subject) if subject is not None and _has_number(subject) else None


def _in_hospital(verb: Token) -> bool:
    """ "six people were being treated at Örebro University Hospital", "admitted to hospital"."""
    places = [
        o for c in verb.children if c.dep_ == "prep" and c.lower_ in {"at", "in", "to"} for o in c.children
    ]
    return any(o.lemma_.lower() in {"hospital", "clinic"} for o in places)


def _numbered_state(state: Token) -> int | None:
    """ "about thirty wounded", "at least 40 wounded": a number hung on the state itself counts
    the people in it."""
    numbers = [
        c for c in state.children if c.dep_ in {"nummod", "npadvmod"} and c.like_num and c.ent_type_ != "DATE"
    ]
    before = state.doc[state.i - 1] if state.i > 0 else None
    if not numbers and before is not None and before.like_num and before.ent_type_ == "CARDINAL":
        numbers = [before]  # "reported 40 dead and more than 100 injured": the parse hangs 100 elsewhere
    if not numbers:
        return None
    _, rest = split_qualifier(_number_phrase(numbers[0]))
    value = parse_number(rest)
    return int(value) if value is not None and value >= 1 else None


#: Verbs that declare people dead: "were declared dead", "was found dead", "are dead".
_DEAD_PREDICATE_VERBS = frozenset({"be", "declare", "find", "pronounce", "confirm", "report", "leave"})
#: Verbs that take lives: "took the lives of 35 residents", "claimed the lives of".
_LIFE_VERBS = frozenset({"take", "claim", "cost"})
#: Verbs by which a death toll reaches its number: "the death toll rose to 35".
_TOLL_VERBS = frozenset({"rise", "climb", "increase", "reach", "jump", "stand", "hit", "grow", "mount"})


def _stated_dead(token: Token) -> int | None:
    """Tolls told without a kill verb: a predicate "dead", lives taken, a death toll's number."""
    lower = token.lower_
    if lower == "dead" and token.dep_ in {"acomp", "oprd"}:
        if token.head.lemma_.lower() not in _DEAD_PREDICATE_VERBS:
            return None
        subjects = [c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        nouns = [n for subject in subjects for n in [subject, *subject.conjuncts]]
        counts = [count_of(n) for n in nouns if _has_number(n)]
        return sum(c for c in counts if c) or None
    if lower == "dead" and any(c.dep_ == "nummod" for c in token.children):
        return count_of(token)  # "At least 32 dead in suicide bombing"
    if lower == "dead" and token.dep_ == "amod" and token.head.like_num and token.head.ent_type_ != "DATE":
        return count_of(token.head)  # headline style: "Five dead, 12 injured in Kabul blast"
    if token.lemma_.lower() == "life" and token.dep_ == "dobj" and token.head.lemma_.lower() == "lose":
        subjects = [c for c in token.head.children if c.dep_ == "nsubj" and _has_number(c)]
        return count_of(subjects[0]) if subjects else None  # "Two cops lost their lives"
    if lower == "killing" and token.pos_ == "NOUN" and (victims := _object_the_parse_missed(token)):
        return count_of(victims[0])  # "... inside the complex killing at least 15 people" (a mis-tag)
    if token.lemma_.lower() == "life" and token.dep_ == "dobj" and token.head.lemma_.lower() in _LIFE_VERBS:
        of = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
        if not of and _has_number(token):
            return count_of(token)  # "which claimed five lives"
        return next((count_of(o) for o in of if o.dep_ == "pobj"), None)
    if token.pos_ == "VERB" and token.lemma_.lower() in _TOLL_RAISING_VERBS and _raises_the_toll(token):
        reached = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children]
        return next((count_of(o) for o in reached if o.dep_ == "pobj" and count_of(o)), None)
    if (
        token.pos_ in {"VERB", "AUX"}
        and token.lemma_.lower() in _TOLL_VERBS | {"be"}
        and _counts_the_dead(token)
    ):
        return _number_reached(token)
    return None


def _number_reached(verb: Token) -> int | None:
    """The count a toll verb gives: "rose to 35", "stands at 35", "hit 35", "is 20 people"."""
    reached = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in {"to", "at"} for o in c.children]
    reached += [c for c in verb.children if c.dep_ in {"dobj", "attr"}]
    return next((count_of(o) for o in reached if o.dep_ in {"pobj", "dobj", "attr"} and count_of(o)), None)


def _counts_the_hurt(verb: Token) -> bool:
    """ "The number of injured has risen to six", "the number of wounded is 20"."""
    return any(
        subject.lemma_.lower() in {"number", "count"}
        and any(
            o.lower_ in {"injured", "wounded"}
            for c in subject.children
            if c.dep_ == "prep"
            for o in c.children
        )
        for subject in verb.children
        if subject.dep_ == "nsubj"
    )


#: Verbs by which a new death brings the toll to its number: "raising the death toll to three".
_TOLL_RAISING_VERBS = frozenset({"raise", "bring", "push", "take", "put"})


def _raises_the_toll(verb: Token) -> bool:
    """ "raising the death toll from the attack to three"; but a toll "since the raids began" is
    a running total over a period, not one event's."""
    if any(t.lower_ == "since" for t in verb.subtree):
        return False
    return any(
        c.dep_ == "dobj" and c.lemma_.lower() == "toll" and any(m.lower_ == "death" for m in c.children)
        for c in verb.children
    )


def _counts_the_dead(verb: Token) -> bool:
    """ "The death toll has risen", "the number of victims killed has increased"."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if subject.lemma_.lower() == "toll" and _a_death_toll(subject):
            return True
        if subject.lemma_.lower() in {"number", "count"}:
            counted = [o for c in subject.children if c.dep_ == "prep" for o in c.children]
            if any(o.lemma_.lower() in {"dead", "death", "victim", "fatality", "casualty"} for o in counted):
                return any(
                    t.lemma_.lower() in KILL_VERBS | {"dead", "death", "fatality"} for t in subject.subtree
                )
    return False


#: Words that make a toll count something other than the dead: "the injury toll", "casualty toll".
_OTHER_TOLLS = frozenset({"injury", "injured", "wounded", "casualty", "economic", "human"})


def _a_death_toll(toll: Token) -> bool:
    """ "the death toll", and a bare "the toll from the attack", which reports use for the dead;
    not "the injury toll" or "the casualty toll", which count the hurt too."""
    modifiers = {c.lower_ for c in toll.children if c.dep_ in {"compound", "amod", "nmod"}}
    return "death" in modifiers or not modifiers & _OTHER_TOLLS


def _lost_people(verb: Token) -> int | None:
    """ "lost 15 people", "lost four soldiers": people lost are dead; "lost 20 tanks" is no toll."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in PERSON_NOUNS and _has_number(child):
            return count_of(child)
    return None


_HURT_NOUNS = frozenset({"injury", "wound"})

#: Verbs that report a state: "were reported injured", "have been confirmed killed".
_REPORTING_VERBS = frozenset({"report", "confirm", "declare", "list"})


def _reported_state(verb: Token) -> Token | None:
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in {"xcomp", "oprd", "acomp"} and c.lemma_.lower() in KILL_VERBS | INJURE_VERBS
        ),
        None,
    )


def _sufferers(verb: Token) -> int | None:
    """How many "sustained" injuries, told as a clause ("18 people sustained severe injuries"), on
    the people counted ("an additional 14 individuals sustaining injuries") or in the passive
    ("injuries sustained by six others")."""
    if _hurt_object(verb):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            return count_of(subjects[0])
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and _has_number(verb.head):
            return count_of(verb.head)
        return None
    after_injuries = verb.i > 0 and verb.doc[verb.i - 1].lemma_.lower() in _HURT_NOUNS
    if verb.dep_ == "acl" and (verb.head.lemma_.lower() in _HURT_NOUNS or after_injuries):
        agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        return count_of(agents[0]) if agents and _has_number(agents[0]) else None
    return None


def _hurt_object(verb: Token) -> bool:
    """ "sustained severe injuries", "are receiving treatment": what only the hurt get."""
    return any(
        c.dep_ == "dobj" and c.lemma_.lower() in {"injury", "wound", "treatment"} for c in verb.children
    )


#: The states "left" puts its victims in: "left 27 dead and 15 wounded", "left two soldiers killed".
_LEFT_STATES = frozenset({"dead", "killed", "injured", "wounded"})
_LEFT_FATAL = frozenset({"dead", "killed"})


def _left_dead_or_injured(verb: Token) -> tuple[int, bool] | None:
    state = next(
        (
            c
            for c in verb.children
            if c.dep_ in {"oprd", "acomp", "ccomp", "xcomp"}
            or (c.dep_ == "advcl" and c.lower_ in _LEFT_STATES)
        ),
        None,
    )  # "left four rangers injured while on patrol": the model may hang the state as a clause
    victims = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if victims is None and state is not None:  # "left 15 more injured": the count hangs off the state
        victims = next(
            (t for t in state.subtree if t.i < state.i and t.like_num and t.ent_type_ != "DATE"), None
        )
    if state is None and victims is not None and _has_number(victims):
        # "left 13 prisoners and a guard dead": the parse hangs the state on the victims
        state = next((t for t in victims.subtree if t.lower_ in _LEFT_STATES and t.i > victims.i), None)
    if state is None or victims is None or state.lower_ not in _LEFT_STATES:
        return None
    count = count_of(victims)
    return (count, state.lower_ in _LEFT_FATAL) if count else None


def _mortal(token: Token) -> bool:
    return any(c.lower_ == "mortally" for c in token.children)


def shot_dead(verb: Token) -> bool:
    """ "shot dead", "fatally shot", "stabbed to death", "shot and killed": being shot or stabbed is
    fatal only if said."""
    near = verb.doc[verb.i + 1 : verb.i + 4]
    if any(t.lower_ == "dead" for t in [*verb.children, *near]) or _to_death(verb):
        return True
    return any(c.lower_ == "fatally" for c in verb.children) or any(
        c.dep_ == "conj" and c.lemma_.lower() in KILL_VERBS - MAYBE_FATAL_VERBS for c in verb.children
    )


def _to_death(verb: Token) -> bool:
    """ "stabbed to death", "knifed two people to death", "were beaten to death": whatever the verb,
    "to death" after it (with the victims between) makes it a killing; but in "stabbed four people,
    one of them to death" only one died."""
    doc = verb.doc
    for i in range(verb.i + 1, min(verb.i + 6, len(doc) - 1)):
        if doc[i].text in {",", ";", "—", "–"}:
            return False
        if doc[i].lower_ == "to" and doc[i + 1].lower_ == "death":
            return True
    return False


def _shot_down(verb: Token) -> bool:
    """ "of which 21 were shot down": missiles and aircraft brought down, not people hurt."""
    return any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)


def _combined_toll(verb: Token) -> bool:
    """ "60 civilians were killed and injured": one number for two outcomes. "Shot and later died"
    is one outcome, so only a kill verb joined to an injure verb (or the reverse) counts."""
    fatal = verb.lemma_.lower() in KILL_VERBS - MAYBE_FATAL_VERBS
    if verb.lemma_.lower() in MAYBE_FATAL_VERBS and not shot_dead(verb):
        return False  # "shot and wounded" is one outcome: hurt
    return any(
        c.dep_ == "conj"
        and c.lemma_.lower() in (INJURE_VERBS if fatal else KILL_VERBS)
        and not _has_people(c)
        and not any(a.dep_ == "auxpass" for a in c.children)  # "... and another two were injured"
        for c in verb.children
    )


def _has_people(verb: Token) -> bool:
    """Whether a verb names its own victims ("injured scores of others"), even uncounted."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "nsubj"} or _gapped_count(c)]
    return any(
        o.lemma_.lower() in PERSON_NOUNS
        or o.lower_ in COLLECTIVES
        # "killed five rangers and injured another", "... and wounding several others"
        or o.lower_ in {"another", "others"}
        or o.ent_type_ == "PERSON"
        or _has_number(o)
        or _one_of_an_age(o)
        for o in objects
    )


def _one_of_an_age(noun: Token) -> bool:
    """ "injuring a 10-year-old": one person, named by the age the model tags a date."""
    return (
        noun.lower_ == "old"
        and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)
        and any(t.lower_ in {"year", "month"} for t in noun.lefts)
    )


def _gapped_count(token: Token) -> bool:
    """ "were killed and nearly two dozen injured": the count of the second verb, whose auxiliary
    the sentence leaves out, which the parse hangs on as an adverbial."""
    return token.dep_ in {"npadvmod", "advmod"} and token.like_num and token.i < token.head.i


def _in_excess_of(verb: Token) -> list[Token]:
    """ "“in excess” of 10 people have been killed": the parser hangs the victims on the qualifier
    ("of" on "in" or on "excess")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in" and any(c.lower_ == "excess" for c in prep.children):
            ofs = [t for t in prep.subtree if t.lower_ == "of" and t.head.lower_ in {"in", "excess"}]
            return [v for of in ofs for v in of.children if v.dep_ == "pobj"]
    return []


def _victim_count(verb: Token) -> int | None:
    """The number of victims: the object of "killed", the subject of "were killed", "died"."""
    lemma = verb.lemma_.lower()
    gapped_passive = verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.head.children)
    bare_count_subject = any(c.dep_ == "nsubj" and c.pos_ == "NUM" for c in verb.children)
    roles = {"dobj", "nsubjpass"} | (
        {"nsubj"}
        if lemma in {"die", "perish"} or verb.tag_ == "VBN" or gapped_passive or bare_count_subject
        else set()
    )  # "left six soldiers dead and 31 injured": a bare number never did the injuring
    victims = [c for c in verb.children if c.dep_ in roles or _gapped_count(c)]
    head = verb.head
    if not victims and verb.tag_ == "VBN" and head.lemma_ == "be" and head.i < verb.i:
        # "Two jawans were on Saturday killed": the parse hangs the participle off "were"
        victims = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not victims:
        victims = _in_excess_of(verb)  # "in excess of 10 people have been killed"
    if not victims and verb.dep_ == "conj" and head.lemma_.lower() in MAYBE_FATAL_VERBS:
        victims = [c for c in head.children if c.dep_ == "nsubjpass"]  # "were shot and wounded"
    if not victims and verb.dep_ == "conj" and head.lemma_.lower() not in KILL_VERBS | INJURE_VERBS:
        victims = [c for c in head.children if c.dep_ == "nsubjpass"]  # "was struck and killed"
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.like_num
        and not any(map(_has_number, victims))
    ):
        victims = [verb.head]  # headline style: "Two killed as gunmen storm village"
    if not victims and verb.dep_ in {"relcl", "acl", "amod"} and verb.head.pos_ in {"NOUN", "PROPN", "NUM"}:
        # "the wounded civilians" is not a count, but "were killed and five injured" (gapping) is
        victims = (
            [verb.head] if verb.tag_ == "VBN" or any(c.dep_ == "nsubjpass" for c in verb.children) else []
        )
        if victims and verb.i > verb.head.i:  # "and 17 soldiers and six Islamists wounded": both
            listed = [
                c
                for c in verb.head.conjuncts
                if c.i < verb.head.i and c.pos_ in {"NOUN", "PROPN"} and _has_number(c)
            ]
            victims = listed[:1] or victims  # the list's first noun; its conjuncts are added below
    if not victims and lemma in KILL_VERBS and verb.tag_ in {"VBG", "VBD"}:
        victims = _object_the_parse_missed(verb)
    if not victims:
        victims = _subject_the_parse_missed(verb)
    victims = [member for victim in victims for member in _listed_with(victim)]
    nouns = _one_per_name([n for victim in victims for n in _with_conjuncts(victim)])
    nouns = [n for n in nouns if n.lemma_.lower() not in DAMAGED_THINGS]
    counts = [(n, count_of(n) or _one_indefinite(n)) for n in nouns]
    numbered = [c for n, c in counts if c is not None and _has_number(n)]
    if numbered:
        # "Three people and the assailant": the stated three (the attacker is not a victim);
        # "three children and their mother", "a child, three women and a man": every victim
        others = any(_has_number(n) and any(c.lower_ == "other" for c in n.children) for n in nouns)
        return sum(numbered) + sum(1 for n in nouns if _one_more_victim(n) or (others and _named_besides(n)))
    found = [c for _, c in counts if c is not None]
    return sum(found) if found else None


def _subject_the_parse_missed(verb: Token) -> list[Token]:
    """ "... killed in the clashes and another two soldiers were injured": the parse hung the
    counted noun on "clashes"; it stands right before the passive's auxiliary."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"auxpass", "aux"} and c.i < verb.i]
    if not any(c.dep_ == "auxpass" for c in auxiliaries):
        return []
    before = verb.doc[auxiliaries[0].i - 1] if auxiliaries[0].i > 0 else None
    if before is not None and before.pos_ == "NOUN" and _has_number(before):
        return [before]
    return []


#: What attacks damage but never kill: "35 people were injured, more than 10 apartment buildings
#: [...] were damaged" must not count the buildings among the injured.
DAMAGED_THINGS = frozenset(
    {"building", "house", "home", "vehicle", "car", "facility", "structure", "shop", "apartment", "property"}
)


def _one_per_name(nouns: list[Token]) -> list[Token]:
    """ "Izzat Ibrahim al-Douri had died": the parse may make each part of a name a subject; one
    named person is one victim."""
    kept: list[Token] = []
    names: set[int] = set()
    for noun in nouns:
        if noun.ent_type_ == "PERSON" or noun.is_punct or noun.lower_ in _NAME_PARTICLES:
            name_start = _entity_start(noun)
            if name_start in names:
                continue
            names.add(name_start)
        kept.append(noun)
    return kept


def _entity_start(token: Token) -> int:
    """The first token of the name a token belongs to (its run of name tokens)."""
    i = token.i
    doc = token.doc
    while i > 0 and (doc[i - 1].ent_type_ == "PERSON" or doc[i - 1].lower_ in _NAME_PARTICLES | {"-"}):
        i -= 1
    return i


#: Small words inside Arabic names that the model leaves out of the PERSON entity ("al-Douri").
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn"})


def _object_the_parse_missed(verb: Token) -> list[Token]:
    """ "killing at least 15 people as Moscow's forces sought...": the small model sometimes makes
    the victims the subject of the next clause; a counted group of people right after the verb is
    still its object."""
    for token in verb.doc[verb.i + 1 : verb.i + 6]:
        if token.pos_ in {"NOUN", "PROPN"}:
            counted = token.lemma_.lower() in PERSON_NOUNS and _has_number(token)
            return [token] if counted else []
        if not (
            token.like_num or token.pos_ in {"ADV", "ADJ", "NUM", "DET"} or token.ent_type_ == "CARDINAL"
        ):
            return []  # "over" in "killing over 560 people" is part of the number
    return []


#: Singular victims listed beside a numbered group ("three children and their mother").
_SINGLE_VICTIMS = frozenset(
    [
        "man",
        "woman",
        "child",
        "boy",
        "girl",
        "baby",
        "infant",
        "mother",
        "father",
        "son",
        "daughter",
        "wife",
        "husband",
        "brother",
        "sister",
        "grandmother",
        "grandfather",
    ]
)


def _right_after(victim: Token, apposed: Token) -> bool:
    """Whether the apposition follows the victim's own phrase with only a comma or colon between
    ("five members of a family in al-Dahla, bringing the toll to 10: a man, ..." is no list)."""
    own = [t.i for c in victim.children if c.i != apposed.i for t in c.subtree] + [victim.i]
    return apposed.left_edge.i - max(own) <= 2


def _with_conjuncts(victim: Token) -> list[Token]:
    """The victim and the victims coordinated after it; but "Three people, two soldiers and a
    civilian," names the three again (the parse makes it a list), so they count once."""
    rest = [c for c in victim.conjuncts if c.i > victim.i]
    if rest and victim.doc[victim.i + 1].text in {",", ":"} and _names_the_count_again(victim, rest):
        return [victim]
    return [victim, *rest]


#: Words that count victims without saying who they are, which a list after them then names.
_GENERIC_VICTIM_LEMMAS = frozenset({"people", "person", "victim", "other", "individual", "civilian"})


def _names_the_count_again(total: Token, items: list[Token]) -> bool:
    """ "Three people, two soldiers and a civilian,", "nine people ... of which six women and 3
    men.": a generic count, then a list of the same people closed by punctuation; "Three
    soldiers, two policemen and a civilian were killed" is six victims."""
    last = items[-1].right_edge.i
    return (
        total.lemma_.lower() in _GENERIC_VICTIM_LEMMAS
        and _has_number(total)
        and (last + 1 == len(total.doc) or total.doc[last + 1].is_punct)
        and _sum_of(items) == count_of(total)
    )


def _listed_with(victim: Token) -> list[Token]:
    """The victim and what the parse hung on it as an apposition but the text lists beside it.

    "Seven officers, a tourist and two civilians": a list, so all three are counted. "Two people,
    a man and a woman": an apposition that names the two, counted once. "Lima : 19 people": a
    dateline parsed as the subject, with the count in its "apposition"."""
    appositions = [c for c in victim.children if c.dep_ == "appos" and c.i > victim.i]
    named = next((c for c in appositions if c.ent_type_ == "PERSON"), None)
    if is_title_word(victim) and victim.pos_ == "PROPN" and named is not None:
        return [named]  # "Police Insp. Ali Khan and Cpl. John Okafor were killed": the rank heads the name
    numbered = [c for c in appositions if _has_number(c)] if not _has_number(victim) else []
    apposed = (numbered or appositions or [None])[0]  # "Middle Shabelle, Somalia – More than 30 militants"
    if apposed is None or not _right_after(victim, apposed):
        return [victim]
    if not _has_number(victim) and _has_number(apposed) and (victim.pos_ == "PROPN" or victim.ent_type_):
        return [apposed]
    items = [apposed, *[c for c in apposed.conjuncts if c.i > apposed.i]]
    if len(items) < 2 or not _has_number(victim) or _names_the_count_again(victim, items):
        return [victim]
    if victim.doc[apposed.left_edge.i - 1].text in {"-", "–", "—", "("} and _sum_of(items) == count_of(
        victim
    ):
        return [victim]  # "two attackers - one man and one woman -": dashes set off who they were
    return [victim, apposed]


def _sum_of(items: list[Token]) -> int:
    return sum(count_of(n) or _one_indefinite(n) or 0 for n in items)


def _one_more_victim(noun: Token) -> bool:
    """A singular person with its own determiner, listed with a numbered group: "three children
    and their mother", "a senior commander and three fighters". An attacker
    ("three people and the assailant") is never one; nor is "the driver", who may be anyone."""
    if noun.tag_ != "NN" or _has_number(noun):
        return False
    lemma = noun.lemma_.lower()
    determiners = {c.lower_ for c in noun.children if c.dep_ in {"det", "poss"}}
    if not determiners and noun.dep_ == "conj" and noun.head.lemma_.lower() in _SINGLE_VICTIMS:
        determiners = {c.lower_ for c in noun.head.children if c.dep_ == "poss"}  # "his wife and son"
    if lemma in ATTACKERS or not determiners:
        return False
    return lemma in _SINGLE_VICTIMS or (
        lemma in PERSON_NOUNS | ROLE_WORDS and bool(determiners & {"a", "an"})
    )


def _named_besides(noun: Token) -> bool:
    """ "Alfredo Alonso López ... and at least 12 other officers": beside "N other" victims, each
    person named or described is one more (never an attacker)."""
    if _has_number(noun) or noun.lemma_.lower() in ATTACKERS:
        return False
    return noun.ent_type_ == "PERSON" or noun.lemma_.lower() in PERSON_NOUNS | ROLE_WORDS


def _one_indefinite(noun: Token) -> int | None:
    """ "A shopkeeper was fatally stabbed": whoever a kill verb's singular "a ..." is, it is one victim."""
    singular = noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)
    return 1 if singular else None


def _has_number(noun: Token) -> bool:
    return (
        noun.like_num
        or noun.pos_ == "NUM"
        or any(
            c.dep_ in {"nummod", "quantmod"} or (c.dep_ == "compound" and c.like_num) for c in noun.children
        )
    )  # "Thirty people": the parse may make the number a compound


def _number_opening_a_name(noun: Token) -> Token | None:
    """ "Four South Sudan People's Defence Forces officers": the parse hangs the number on a word
    of the name before the noun; a number that opens the noun's phrase and modifies a proper noun
    inside it counts the noun."""
    first = noun.left_edge
    if first.i == noun.i or not first.like_num or first.ent_type_ == "DATE" or first.dep_ != "nummod":
        return None
    head = first.head
    if head.pos_ != "PROPN" or not head.i < noun.i:
        return None
    while head.i != noun.i and head.dep_ in {"compound", "poss", "nmod"} and head.head.i <= noun.i:
        head = head.head
    return first if head.i == noun.i else None


def count_of(noun: Token) -> int | None:
    """How many people a noun phrase counts: "28 people" -> 28, "one of our members" -> 1, "a soldier" -> 1."""
    if _one_of_an_age(noun):
        return 1
    if noun.ent_type_ in {"DATE", "TIME"} and not _bare_count_tagged_as_date(noun):
        return None  # "was on Thursday, January 18 killed": a day, not a count
    if noun.lemma_.lower() in _AMOUNT_NOUNS:
        counted = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
        if counted and counted[0].dep_ == "pobj":
            return count_of(counted[0])  # "a minimum of 13 police officers" counts the officers
    amount = next((c for c in noun.lefts if c.dep_ == "nmod" and c.lemma_.lower() in _AMOUNT_NOUNS), None)
    if amount is not None and (counted := count_of(amount)) is not None:
        return counted  # "A total of seven members of the MILF national guard", hung on "guard"
    numbers = [
        c
        for c in noun.children
        if c.dep_ == "nummod"
        or (
            c.dep_ in {"quantmod", "compound"} and c.like_num and c.ent_type_ != "DATE"
        )  # "Thirteen officers"
    ]
    if not numbers:  # "at least 35 more innocent civilians": the number hangs off "more"
        numbers = [
            t
            for c in noun.lefts
            if c.dep_ == "amod"
            for t in c.subtree
            if t.like_num and t.ent_type_ != "DATE"
        ]
    if not numbers and (opening := _number_opening_a_name(noun)) is not None:
        numbers = [opening]
    if numbers:
        number = numbers[0]
        phrase = _number_phrase(number)
        if parse_range(phrase) is not None:
            return None
        _, rest = split_qualifier(phrase)
        if rest.lower() in COLLECTIVES:
            return None
        value = parse_number(rest)
        if value is None:  # "Philippines - Eleven soldiers": a dateline glued to the number
            value = parse_number(number.text)
        if value is not None and noun.lower_ in {"dozen", "dozens"}:
            value *= 12  # "injuring two dozen": the number counts dozens
        return int(value) if value is not None and value >= 1 else None
    if noun.like_num or noun.pos_ == "NUM":
        if _scale_after(noun):  # "nearly two dozen injured": the scale word hangs off the number
            _, rest = split_qualifier(_number_phrase(noun))
            value = parse_number(rest)
            return int(value) if value is not None and value >= 1 else None
        if _age_after_name(noun):
            return 1  # "Sgt Jeremy Daniels, 31 was shot": the number is his age; he is one victim
        if noun.lower_ in COLLECTIVES:
            return None
        value = parse_number(noun.text)
        return int(value) if value is not None and value >= 1 else None
    singular_person = noun.lemma_.lower() in PERSON_NOUNS and noun.tag_ in {"NN", "NNP"}
    if noun.ent_type_ == "PERSON" or (singular_person and noun.lower_ not in {"others", "dozen"}):
        return 1
    if _untagged_name_of_victim(noun):
        return 1  # "Debuton was killed": a name the model left untagged, but only people are killed
    if noun.lower_ in SINGULAR_PRONOUNS:
        return 1  # "killed him": one named victim, referred to by pronoun
    if noun.lower_ == "another" and noun.pos_ == "PRON":
        return 1  # "killed five rangers and injured another"
    if noun.lower_ == "who" and noun.head.dep_ == "relcl":
        return count_of(noun.head.head)
    return None


def _untagged_name_of_victim(noun: Token) -> bool:
    """A lone capitalised word the model left untagged or took for a body ("Debuton"), that is
    killed or hurt: only people are (a body's acronym, "ISIS", is not one)."""
    return (
        noun.pos_ == "PROPN"
        and (
            noun.ent_type_ == ""
            or (noun.ent_type_ == "ORG" and _one_word_entity(noun) and not noun.text.isupper())
        )
        and not any(c.dep_ in {"compound", "det"} for c in noun.children)
        and noun.tag_ == "NNP"
        and noun.dep_ in {"nsubjpass", "dobj"}
        and noun.head.lemma_.lower() in KILL_VERBS | INJURE_VERBS
    )


def _one_word_entity(token: Token) -> bool:
    doc = token.doc
    return token.ent_iob_ == "B" and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")


#: Nouns that only measure the phrase after "of": "a total of 20 people", "a minimum of 13".
_AMOUNT_NOUNS = frozenset({"total", "minimum", "maximum", "tally"})


def _bare_count_tagged_as_date(noun: Token) -> bool:
    """ "and injuring 48, the ministry added": the model tags a lone number a date, but a date
    has a month, a weekday or a year in it, and this entity is just the number."""
    ent = next((e for e in noun.doc.ents if e.start <= noun.i < e.end), None)
    if ent is None or len(ent) != 1 or not noun.like_num:
        return False
    value = parse_number(noun.text)
    return value is not None and not 1900 <= value <= 2100


def _scale_after(number: Token) -> list[int]:
    return [c.i for c in number.children if c.dep_ == "quantmod" and c.i > number.i]


def _number_phrase(number: Token) -> str:
    """The number with its qualifier and the scale word after it: "more than two dozen"."""
    return number.doc[number.left_edge.i : max([number.i, *_scale_after(number)]) + 1].text


def _age_after_name(number: Token) -> bool:
    """A number set off by a comma or a bracket right after a capitalised name is the person's
    age: "John Doe, 27,", "Wanglen Mongshatabam (27)"."""
    doc = number.doc
    return (
        number.i >= 2
        and doc[number.i - 1].text in {",", "("}
        and doc[number.i - 2].pos_ == "PROPN"
        and doc[number.i - 2].text[:1].isupper()
    )


def numbered_of(token: Token) -> bool:
    """ "the bodies of 70 civilians": a count of the dead."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return any(count_of(o) is not None for o in child.children if o.dep_ == "pobj")
    return False
