"""Event mentions: one report of an event per sentence and place, before merging.

Each sentence with a realis trigger gives a mention with its type, places, casualties, date and
perpetrator; mentions of the same event are joined afterwards (see `incident_merging`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..model import Actor
from .analysis import SPEECH_VERBS, Analysis, Sentence
from .casualties import CUMULATIVE, count_casualties
from .dates import follows_previous_day, resolve_date
from .incident_places import comment_clause_tokens, group_by_place
from .incident_triggers import governor, is_anaphoric, is_realis, trigger_noun, trigger_type
from .perpetrators import find_perpetrator
from .places import Place, best_place, match_key, places_in
from .roles import is_only_title

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


@dataclass
class EventMention:
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
    restrictive: bool = False  # its place says which event is meant ("the attacks in Brussels")
    earlier: bool = False  # set back in time ("last week", "earlier this month"): a past event
    verbal: bool = False  # told by verbs only ("the convoy was attacked by rebels in Gumhang")
    another: bool = False  # announced as a different event ("another airstrike", "Separately, ...")

    @property
    def place(self) -> Place | None:
        return best_place(self.places)


def find_mentions(analysis: Analysis, actors: list[Actor]) -> list[EventMention]:
    out: list[EventMention] = []
    previous_date: dt.date | None = None
    current_year = _current_year(analysis)
    people = _forms_of_people(actors)
    for sentence in analysis.sentences:
        triggers = [(t, kind) for t in sentence.span if (kind := trigger_type(t)) is not None]
        triggers = [(t, kind) for t, kind in triggers if is_realis(t)]
        if not triggers or (CUMULATIVE.search(sentence.text) and all(k == "killing" for _, k in triggers)):
            continue  # "A total of 109 people have been killed": a running toll, not an event
        sentence_places = [p for p in places_in(sentence.span) if not _names_someone(p, people, analysis.doc)]
        date = _date_in(sentence, analysis.date, previous_date)
        killed, injured = count_casualties(sentence.span, skip=running_total_clause(sentence))
        perpetrator = find_perpetrator(sentence.span, [t for t, _ in triggers], actors)
        earlier, apart = set_earlier(sentence), _starts_apart(sentence)
        for index, placed in enumerate(group_by_place(triggers, sentence_places)):
            group = placed.triggers
            kinds = kinds_of(group)
            strong = [k for k in kinds if k != "killing"] or kinds
            mention = EventMention(
                type=min(strong, key=PRIORITY.index),
                places=placed.places,
                sentence=sentence,
                killed=killed if index == 0 else None,
                injured=injured if index == 0 else None,
                date=date,
                perpetrator=perpetrator,
                anaphoric=any(is_anaphoric(t) for t, _ in group if trigger_noun(t)),
                weak=all(k == "killing" and t.pos_ == "VERB" for t, k in group),
                restrictive=placed.restrictive,
                earlier=earlier or _in_a_past_year(group, current_year),
                verbal=all(t.pos_ == "VERB" for t, _ in group),
                another=apart or any(is_another(t) for t, _ in group),
            )
            out.append(mention)
        previous_date = date or previous_date
    return out


def _forms_of_people(actors: list[Actor]) -> set[str]:
    """The full names of the article's people with a role: "opened fire on Robert Fico" names whom,
    not where. Surnames alone are left to be places ("Ahmad Tsauri Lingyado" is from Lingyado), and
    so are names without a role, which may be places the model took for people."""
    return {match_key(a.name) for a in actors if a.kind == "person" and a.role and len(a.name.split()) > 1}


def _names_someone(place: Place, people: set[str], doc: Doc) -> bool:
    """A person's full name or a bare title ("fired on the Prime Minister") is no place."""
    return place.key in people or is_only_title(doc[place.start : place.end])


_YEAR = re.compile(r"\b(?:19|20)\d{2}(?=s?\b)")


def _current_year(analysis: Analysis) -> int | None:
    """The year of the story: its date's, else the latest year it mentions."""
    if analysis.date is not None:
        return analysis.date.year
    years = [int(y) for ent in analysis.doc.ents if ent.label_ == "DATE" for y in _YEAR.findall(ent.text)]
    return max(years, default=None)


def _in_a_past_year(group: list[tuple[Token, str]], current_year: int | None) -> bool:
    """ "... since July 29, 2019, when a commander was killed": an event dated in an earlier year
    than the story's is recalled, not reported."""
    if current_year is None:
        return False
    for trigger, _ in group:
        clause = governor(trigger)
        for ent in trigger.sent.ents:
            if ent.label_ != "DATE" or not any(
                t.head.i == clause.i or t.i in _clause_of(clause) for t in ent
            ):
                continue
            years = [int(y) for y in _YEAR.findall(ent.text)]
            if years and max(years) < current_year:
                return True
    return False


def _clause_of(verb: Token) -> set[int]:
    return {t.i for t in verb.subtree if governor(t).i == verb.i}


def running_total_clause(sentence: Sentence) -> frozenset[int]:
    """The tokens that tell a running total ("so far this year", "a total of"), whose numbers are
    not this event's toll: the whole sentence when the total is its main clause, else only the
    clause that tells it ("Three people were shot dead on Monday, taking the toll to 20 so far")."""
    match = CUMULATIVE.search(sentence.text)
    if match is None:
        return frozenset()
    span = sentence.span
    if match.group(0).lower() == "a total of" and any(trigger_noun(t) and is_anaphoric(t) for t in span):
        return frozenset()  # "a total of 20 people were injured in the attack": this event's toll
    if match.group(0).lower() == "so far" and _one_event_told(sentence, match.end()):
        return frozenset()  # "police have so far confirmed four deaths in a car ramming attack"
    words = span.doc.char_span(
        span.start_char + match.start(), span.start_char + match.end(), alignment_mode="expand"
    )
    clause = governor(words.root) if words is not None else span.root
    if (
        clause.dep_ == "ROOT"
        or clause.i == span.root.i
        or clause.dep_ not in {"advcl", "conj", "relcl", "xcomp", "acl"}
    ):
        return frozenset(t.i for t in span)
    return frozenset(t.i for t in clause.subtree)


def _one_event_told(sentence: Sentence, after: int) -> bool:
    """Whether a sentence with "so far" counts the dead of one event it names in the singular
    ("in a car ramming attack"), and no period ("this year") follows to make it a running total."""
    return not CUMULATIVE.search(sentence.text, after) and _names_events(sentence, "NN")


def _names_events(sentence: Sentence, number_tag: str) -> bool:
    """Whether the sentence names an event with a noun in the singular ("NN") or plural ("NNS")."""
    return any(
        t.tag_ == number_tag and trigger_noun(t) and trigger_type(t) is not None for t in sentence.span
    )


def kinds_of(group: list[tuple[Token, str]]) -> list[str]:
    """The types a group of triggers gives. When one trigger points back ("before the executions"),
    it alone says which event is meant; a background noun in the same sentence ("buildings damaged
    by bombing") must not retype the earlier event."""
    referring = [kind for t, kind in group if trigger_noun(t) and is_anaphoric(t)]
    return referring or [kind for _, kind in group]


#: Time phrases that set an event before the one the article reports.
EARLIER = re.compile(
    r"\b(?:(?:last|previous|past)\s+(?:week|weekend|month|year)|earlier\s+this\s+(?:week|month|year)"
    r"|last\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"|(?:weeks|months|years)\s+ago|(?:a|one|two|three)\s+(?:week|month|year)s?\s+ago)\b",
    re.IGNORECASE,
)

#: "comes one year after a raid of the Jacarezinho favela": what follows "after" came first.
#: "At the outset of this month, 18 soldiers were killed": set at the start of a period now past.
AT_THE_OUTSET = re.compile(
    r"\b(?:at|in)\s+the\s+(?:outset|start|beginning)\s+of\s+(?:this|the|last)\s+(?:week|month|year)\b", re.I
)

SINCE_EARLIER = re.compile(
    r"\b(?:a|one|two|three|four|five|six|\d+)\s+(?:day|week|month|year)s?\s+after\b", re.I
)


#: Words that introduce an event as not the one already reported.
ANOTHER = frozenset({"another", "second", "third", "separate", "earlier", "previous", "new", "fresh"})


def is_another(trigger: Token) -> bool:
    return any(c.lower_ in ANOTHER for c in trigger.children if c.dep_ in {"det", "amod"})


def _starts_apart(sentence: Sentence) -> bool:
    """ "Separately, ...", "Elsewhere, ...", "In another attack, ...", "Also on Friday, ...", "In
    central Mexico, meanwhile, ...": a new event follows."""
    return bool(
        re.match(
            r"\W*(?:[^,.;]{0,40},\s*)?(?:separately|elsewhere|meanwhile|in another|in a separate|also (?:on|in|at|during))\b",
            sentence.text,
            re.I,
        )
    )


def tells_running_total(sentence: Sentence) -> bool:
    """A toll summed over many events ("so far this year", "since 2015"); "a total of 205 people
    suffered injuries" alone, with no events in the plural, is the one event's toll in full."""
    match = CUMULATIVE.search(sentence.text)
    if match is None:
        return False
    if match.group(0).lower() not in {"a total of", "in total"} or CUMULATIVE.search(
        sentence.text, match.end()
    ):
        return True
    return _names_events(sentence, "NNS")


def tells_other_event(sentence: Sentence) -> bool:
    """A toll in this sentence belongs to another or an earlier event ("after another convoy hit a
    bomb", "last week")."""
    return set_earlier(sentence) or any(t.lower_ == "another" and t.dep_ == "det" for t in sentence.span)


def set_earlier(sentence: Sentence) -> bool:
    """ "Last week, nine soldiers were killed in a suicide attack": a past event recalled beside
    the one reported, which a shared province must not merge with it."""
    aside = comment_clause_tokens(sentence.span)  # "making it the deadliest since ... 22 months ago"
    told = "".join(t.text_with_ws for t in sentence.span if t.i not in aside)
    since = SINCE_EARLIER.search(told)
    if (since and not _reported_before(sentence, since.start())) or AT_THE_OUTSET.search(told):
        return True
    return any(
        EARLIER.search(ent.text)
        for ent in sentence.span.ents
        if ent.label_ in {"DATE", "TIME"} and ent.root.i not in aside
    )


def _reported_before(sentence: Sentence, offset: int) -> bool:
    """ "Gunmen attacked the prosecutors' office in Cancun Tuesday, [...] just a day after a
    shooting at a festival": an event told by its verb before "a day after" is the one reported;
    only what follows "after" came first ("The massacre comes one year after a raid")."""
    start = sentence.span.start_char
    return any(
        t.pos_ == "VERB" and trigger_type(t) is not None and t.idx - start < offset for t in sentence.span
    )


def _when_it_was_said(ent: Span) -> bool:
    """ "residents told AFP yesterday", "the army said on Monday": the day of the report."""
    return governor(ent.root).lemma_.lower() in SPEECH_VERBS


def _date_in(sentence: Sentence, anchor: dt.date | None, previous: dt.date | None) -> dt.date | None:
    for ent in sentence.span.ents:
        if ent.label_ not in {"DATE", "TIME", "EVENT"} or _when_it_was_said(ent):
            continue
        if follows_previous_day(ent.text):
            return previous + dt.timedelta(days=1) if previous else None
        resolved = resolve_date(ent.text, anchor)
        if resolved is not None:
            return resolved
    return None
