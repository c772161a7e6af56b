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
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..model import Actor, Evidence
from . import gazetteer
from .analysis import Analysis
from .roles import ROLE_WORDS, TITLE_TOKENS, is_only_title, role_of, without_title

#: Most actors a briefing lists; the guide caps key actors at about eight.
MAX_ACTORS = 8
#: Places are rarely actors; at most this many, and only when central (see `_keep`).
MAX_PLACES = 1
MAX_EVIDENCE = 3
#: Below this a name is a passing mention (one late, non-subject mention scores about 1.3).
MIN_SALIENCE = 1.6


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_APOSTROPHES = "'’"
_POSSESSIVE = re.compile(r"[’']s?$")
_LOCATIVE = frozenset({"in", "near", "outside", "at", "from", "to", "around", "into", "towards", "toward"})
_PLACE_NOUNS = _words(
    "city town village province district region neighborhood neighbourhood area port suburb"
    " governorate county airport airbase base camp hospital mosque"
)
#: Entity texts that are fragments of longer names, never actors on their own.
_FRAGMENTS = _words(
    "state islamic defense defence government army navy ministry council coalition forces police west western"
)
#: First words of ORG entities that name agreements, laws and plans rather than organisations.
_NOT_ORG_HEADS = _words(
    "cessation law laws convention treaty agreement resolution declaration accord accords protocol"
    " charter act plan operation"
)
#: "Iraqi [security] forces", "Syrian [government] troops": up to two modifiers before the head noun.
_MILITARY_MODIFIERS = (
    r"(?:(?:security|government|armed|special|elite|ground|air|naval|military|regime|state"
    r"|Security|Government|Armed|Special|Air)\s+){0,2}"
)
_MILITARY_HEADS = r"(?:forces|force|troops|army|military|soldiers|Forces|Force|Army|Military|Troops)"


@dataclass
class Mention:
    start: int
    end: int
    text: str  # the surface form, cleaned
    key: str  # cluster identity
    name: str  # proposed canonical name
    kind: str
    weight: float = 1.0
    aliases: tuple[str, ...] = ()  # forms in common use that the article may not print


@dataclass
class Cluster:
    key: str
    name: str
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    role: str | None = None
    salience: float = 0.0

    @property
    def forms(self) -> set[str]:
        return {m.text for m in self.mentions} | self.aliases


def find_actors(analysis: Analysis) -> list[Actor]:
    """The article's key actors, most salient first (see the module docstring for the method)."""
    mentions = _collect_mentions(analysis)
    clusters = _cluster(mentions)
    _merge_same_names(clusters)
    _fix_people(clusters, analysis)
    _merge_people(clusters)
    _merge_acronyms(clusters)
    _merge_word_order_variants(clusters)
    _fix_places(clusters, analysis)
    _assign_roles(clusters, analysis)
    _score(clusters, analysis)
    chosen = _select(clusters)
    return [_to_actor(c, analysis) for c in chosen]


# --- 1. mentions -----------------------------------------------------------------------------


class _Claims:
    """Character ranges already explained by a stronger pattern."""

    def __init__(self) -> None:
        self.ranges: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.ranges)

    def take(self, start: int, end: int) -> None:
        self.ranges.append((start, end))


def _collect_mentions(analysis: Analysis) -> list[Mention]:
    text = analysis.text
    claims = _Claims()
    found: list[Mention] = []
    finders = (
        _known_mentions(text),
        _coalition_mentions(analysis),
        _military_mentions(text),
        _regime_mentions(text),
    )
    for mentions in finders:
        for mention in mentions:
            if claims.free(mention.start, mention.end):
                claims.take(mention.start, mention.end)
                found.append(mention)
    for mention in [*_national_organisations(analysis), *_police_forces(analysis)]:
        if claims.free(mention.start, mention.end):
            claims.take(mention.start, mention.end)
            found.append(mention)
    found.extend(_demonyms_inside(found))
    for mention in _country_mentions(analysis):
        if claims.free(mention.start, mention.end):
            claims.take(mention.start, mention.end)
            found.append(mention)
    for mention in _entity_mentions(analysis):
        if claims.free(mention.start, mention.end):
            claims.take(mention.start, mention.end)
            found.append(mention)
    found.extend(m for m in _bare_military_mentions(analysis, found) if claims.free(m.start, m.end))
    return sorted(found, key=lambda m: m.start)


_BARE_MILITARY = re.compile(r"\b[Tt]he\s+(?P<noun>army|military|armed forces)\b")


def _bare_military_mentions(analysis: Analysis, found: list[Mention]) -> list[Mention]:
    """A bare "the army" is the army of the story's main state (news style names it
    once, then drops the adjective). Only when one state clearly dominates the article."""
    states = [m.key for m in sorted(found, key=lambda m: m.start) if m.key.startswith("country:")]
    counts = Counter(states)
    if not counts:
        return []
    ranked = [*counts.most_common(2), ("", 0)]
    (top, top_count), (_, second_count) = ranked[0], ranked[1]
    if top_count < 2 or top_count == second_count or states[0] != top:
        return []  # no single leading state: "the army" could be anyone's
    country = top.split(":", 1)[1]
    adjective = gazetteer.adjective_of(country)
    out = []
    for m in _BARE_MILITARY.finditer(analysis.text):
        span = analysis.doc.char_span(m.start("noun"), m.end("noun"), alignment_mode="expand")
        following = analysis.doc[span.end] if span is not None and span.end < len(analysis.doc) else None
        if following is not None and following.pos_ in {"NOUN", "PROPN"}:
            continue  # "the army base", "the military airport": a modifier, not the actor
        name = f"{adjective} {m['noun']}"
        standard = tuple(f"{adjective} {noun}" for noun in ("forces", "military", "army"))
        out.append(
            Mention(
                m.start("noun"),
                m.end("noun"),
                m["noun"],
                f"military:{country}",
                name,
                "military",
                0.8,
                standard,
            )
        )
    return out


_LED_COALITION = re.compile(
    r"\b(?P<leader>[A-Z][\w.]*)[-–]led\s+(?:[\w-]+\s+){0,2}?(?P<what>coalition|forces|alliance|Coalition)\b"
)
_BARE_COALITION = re.compile(r"\b[Cc]oalition\b")


def _coalition_mentions(analysis: Analysis) -> list[Mention]:
    """The military coalition of the story: "US-led coalition", "Coalition forces", "the coalition".

    Every coalition mention joins one actor, named after the leader when the text says it;
    without a leader it is the coalition against Islamic State when that group is in the story
    (the knowledge layer lists its other names), else simply "Coalition".
    """
    text = analysis.text
    out: list[Mention] = []
    leader_name = None
    for m in _LED_COALITION.finditer(text):
        leader = gazetteer.country_of(m["leader"])
        leader_name = leader_name or (gazetteer.adjective_of(leader) if leader else m["leader"])
        out.append(Mention(m.start(), m.end(), m.group(0), "coalition", "", "military"))
    for m in _BARE_COALITION.finditer(text):
        if _inside_other_name(analysis, m.start(), m.end()):
            continue
        out.append(Mention(m.start(), m.end(), m.group(0), "coalition", "", "military", weight=0.8))
    if not out:
        return []
    islamic_state = gazetteer.ARMED_GROUPS[0]
    about_is = any(
        gazetteer.lookup_known(x.group(0)) == islamic_state for x in gazetteer.known_pattern().finditer(text)
    )
    if leader_name:
        name = f"{leader_name}-led coalition"
    elif about_is:
        name = "US-led coalition"
    else:
        name = "Coalition"
    for mention in out:
        mention.name = name
        mention.key = "coalition"
    return out


def _inside_other_name(analysis: Analysis, start: int, end: int) -> bool:
    """True for "Syrian Arab Coalition": the word is the end of some other organisation's name."""
    span = analysis.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for ent in analysis.doc.ents:
        if ent.label_ == "ORG" and ent.start < span.start < ent.end:
            first = ent[1] if ent[0].lower_ == "the" else ent[0]  # "the Syrian Arab Coalition"
            if first.i == span.start:
                continue
            if first.lower_ not in {"the", "global"} and gazetteer.country_of(first.text) != "United States":
                return not ent.text.lower().startswith(("anti-", "counter-"))
    return False


def _shouted(text: str, start: int, end: int) -> bool:
    """True when a short capitalised form ("IS", "US") sits in an all-capitals line, where it is
    just an ordinary word ("THIS IS ABOUT US") rather than an acronym."""
    if end - start > 4 or not text[start:end].isupper():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _is_dateline(ent: Span) -> bool:
    """True for a wire dateline ("BEIRUT (Reuters) -"): where the story was filed, not an actor."""
    text = ent.doc.text
    at_paragraph_start = ent.start_char == 0 or text[ent.start_char - 1] == "\n"
    following = text[ent.end_char : ent.end_char + 3].lstrip()
    return at_paragraph_start and ent.text.isupper() and following[:1] in {"(", ",", "-", "—", "–"}


def _known_mentions(text: str) -> list[Mention]:
    out = []
    for m in gazetteer.known_pattern().finditer(text):
        known = gazetteer.lookup_known(m.group(0))
        if known is None or _shouted(text, m.start(), m.end()):
            continue
        key = "coalition" if known.name == "US-led coalition" else f"known:{known.name}"
        out.append(
            Mention(m.start(), m.end(), m.group(0), key, known.name, known.kind, aliases=known.aliases)
        )
    return out


@functools.cache
def _military_pattern() -> re.Pattern[str]:
    adjectives = sorted({*gazetteer.DEMONYMS, "US", "U.S.", "UK"}, key=len, reverse=True)
    alternation = "|".join(re.escape(a) for a in adjectives)
    return re.compile(rf"\b(?P<adj>{alternation})\s+{_MILITARY_MODIFIERS}{_MILITARY_HEADS}\b")


def _military_mentions(text: str) -> list[Mention]:
    """A state's forces ("Iraqi security forces", "the Iraqi military", "Syrian army") as one actor."""
    out = []
    for m in _military_pattern().finditer(text):
        country = gazetteer.country_of(m["adj"])
        if not country:
            continue
        adjective = gazetteer.adjective_of(country)
        standard = tuple(
            f"{adjective} {noun}" for noun in ("forces", "security forces", "military", "army", "troops")
        )
        surface = m.group(0)
        out.append(
            Mention(m.start(), m.end(), surface, f"military:{country}", surface, "military", aliases=standard)
        )
    return out


_REGIME = re.compile(r"\b(?P<who>[A-Z][\w’'-]+)\s+(?P<what>regime|dictatorship)\b|\bthe\s+(?P<bare>regime)\b")


#: Capitalised words before "regime" that do not name whose regime it is.
_NOT_RULERS = frozenset({"The", "This", "That", "A", "Its", "Their", "His", "Her", "Our", "New", "Old"})


def _regime_mentions(text: str) -> list[Mention]:
    """One government actor from "the Asad regime", "the Syrian regime" and a later "the regime"."""
    out = []
    named = None
    for m in _REGIME.finditer(text):
        if m["who"] and m["who"] in _NOT_RULERS:
            continue
        if m["who"]:
            who = _POSSESSIVE.sub("", m["who"])
            named = named or f"{who} regime"
            out.append(Mention(m.start(), m.end(), f"{who} {m['what']}", "regime", "", "government"))
        elif named:
            out.append(
                Mention(m.start("bare"), m.end("bare"), "regime", "regime", "", "government", weight=0.8)
            )
    for mention in out:
        mention.name = named or "regime"
    return out


def _national_organisations(analysis: Analysis) -> list[Mention]:
    """Proper names that start with a state ("Afghan National Army", "Iraqi Interior Ministry"):
    kept whole, so the demonym does not swallow the organisation."""
    out = []
    for ent in analysis.doc.ents:
        span = _trim(ent) if ent.label_ == "ORG" else None
        if span is None or len(span) < 3 or not gazetteer.country_of(span[0].text):
            continue
        if all(t.is_title or t.lower_ in {"of", "and", "for"} for t in span[1:]) and span[-1].is_title:
            text = span.text
            out.append(
                Mention(
                    span.start_char, span.end_char, text, f"organization:{_norm(text)}", text, "organization"
                )
            )
    return out


_POLICE_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})


def _police_forces(analysis: Analysis) -> list[Mention]:
    """ "Fort Worth police", "Cottonwood Police Sgt Smith": a named place's police force is an
    actor in crime stories, but the model tags the place alone, or the force with the rank."""
    doc = analysis.doc
    out = []
    for token in doc:
        if token.lower_ != "police" or token.i == 0:
            continue
        start = token.i
        while start > 0 and token.i - start < 3 and doc[start - 1].ent_type_ in _POLICE_PLACE_LABELS:
            if not doc[start - 1].text[:1].isupper():
                break
            start -= 1
        if start == token.i:
            continue
        place = doc[start : token.i].text
        text = f"{place} police"
        out.append(
            Mention(
                doc[start].idx,
                token.idx + len(token.text),
                doc[start : token.i + 1].text,
                f"organization:{_norm(text)}",
                text,
                "organization",
            )
        )
    return out


def _demonyms_inside(mentions: list[Mention]) -> list[Mention]:
    """A state named only through its forces ("Iraqi forces") or bodies is still an actor."""
    out = []
    for mention in mentions:
        country = gazetteer.country_of(mention.text.split()[0]) if mention.kind == "organization" else None
        if mention.key.startswith("military:") or country:
            country = country or mention.key.split(":", 1)[1]
            adjective = mention.text.split()[0]
            out.append(
                _country_mention(mention.start, mention.start + len(adjective), adjective, country, 0.5)
            )
    return out


@functools.cache
def _country_pattern() -> re.Pattern[str]:
    forms = sorted(gazetteer.country_names(), key=len, reverse=True)
    alternation = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w])")


def _country_mentions(analysis: Analysis) -> list[Mention]:
    """States by name, alias or demonym; ambiguous names ("Jordan") only when spaCy agrees."""
    doc = analysis.doc
    out = []
    for m in _country_pattern().finditer(analysis.text):
        form = m.group(0)
        if form in gazetteer.AMBIGUOUS_COUNTRIES and not _labelled(
            doc, m.start(), m.end(), {"GPE", "NORP", "LOC"}
        ):
            continue
        if (
            _inside_person(doc, m.start(), m.end())
            or _starts_organisation(doc, m.start(), m.end())
            or _ends_longer_name(doc, m.start(), m.end())
        ):
            continue
        if analysis.text[m.end() : m.end() + 4] in {"-led", "–led"} or _shouted(
            analysis.text, m.start(), m.end()
        ):
            continue
        country = gazetteer.country_of(form)
        if country:
            out.append(_country_mention(m.start(), m.end(), form, country, 1.0))
    return out


def _country_mention(start: int, end: int, form: str, country: str, weight: float) -> Mention:
    aliases = tuple(f for f, c in gazetteer.COUNTRY_ALIASES.items() if c == country and f != country) + tuple(
        gazetteer.demonyms_of(country)
    )
    return Mention(start, end, form, f"country:{country}", country, "country", weight, aliases)


def _labelled(doc: Doc, start: int, end: int, labels: set[str]) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return bool(span) and any(t.ent_type_ in labels for t in span)


def _starts_organisation(doc: Doc, start: int, end: int) -> bool:
    """True for "U.S. Census Bureau": the state's name opens an organisation's proper name, which
    the organisation actor covers; the state itself is an actor only if named on its own."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return (
        any(
            ent.label_ == "ORG" and ent.start <= span.start and len(ent) - len(span) >= 2 and ent[-1].is_title
            for ent in doc.ents
            if ent.start <= span.start < ent.end
        )
        and nxt.is_title
        and nxt.pos_ == "PROPN"
        and gazetteer.lookup_known(nxt.text) is None
    )


def _ends_longer_name(doc: Doc, start: int, end: int) -> bool:
    """True for "Little Italy", "New Mexico": a country's name closing a longer proper name, where a
    capitalised word other than a compass point ("Northern Iraq") comes before it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    if not before.is_title or before.text in _COMPASS_WORDS or before.is_sent_start:
        return False
    return any(ent.start < span.start and span.end <= ent.end for ent in doc.ents if ent.label_ != "NORP")


def _inside_person(doc: Doc, start: int, end: int) -> bool:
    """True for "Michael Jordan": a country's name inside a longer person entity."""
    return any(
        ent.label_ == "PERSON"
        and ent.start_char <= start
        and end <= ent.end_char
        and ent.end_char - ent.start_char > end - start
        for ent in doc.ents
    )


_ENTITY_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}


def _entity_mentions(analysis: Analysis) -> list[Mention]:
    out = []
    for ent in analysis.doc.ents:
        kind = _ENTITY_KINDS.get(ent.label_)
        if not kind:
            continue
        span = _without_caption_label(_trim(ent), analysis)
        if (
            span is None
            or analysis.text[ent.end_char : ent.end_char + 4] in {"-led", "–led"}
            or _is_dateline(ent)
        ):
            continue
        if kind == "organization" and len(span) == 1 and span[0].pos_ == "ADJ":
            continue  # "Musical team:", "a Biblical passage": an adjective tagged as a name
        if kind == "organization":
            person = _person_after_rank(span)
            if person is not None:
                span, kind = person, "person"
        if kind == "person":
            if is_only_title(span):
                continue
            span = without_title(_with_first_names(span))
        text = (
            _POSSESSIVE.sub("", span.text)
            if span.text[-2:] in {"'s", "’s"} or span.text[-1:] in _APOSTROPHES
            else span.text
        )
        end = span.start_char + len(text)
        if not _plausible_name(text, kind):
            continue
        known = gazetteer.lookup_known(text)
        if known:
            out.append(
                Mention(
                    span.start_char,
                    end,
                    text,
                    f"known:{known.name}",
                    known.name,
                    known.kind,
                    aliases=known.aliases,
                )
            )
            continue
        out.append(Mention(span.start_char, end, text, f"{kind}:{_norm(text)}", text, kind))
    return out


def _without_caption_label(span: Span | None, analysis: Analysis) -> Span | None:
    """ "...in Raqqa Downtrodden: In scenes...": tabloid captions start with a one-word label and
    a colon, which the model glues to the name before it. When the text names the shorter form
    elsewhere and never with the label, the glued mention is dropped."""
    if span is None or len(span) < 2 or span.end >= len(span.doc) or span.doc[span.end].text != ":":
        return span
    shorter = span[:-1]
    text = analysis.text
    if text.count(span.text) == 1 and text.count(shorter.text) >= 2:
        return None  # the caption's name is counted where the text names it properly
    return span


def _person_after_rank(span: Span) -> Span | None:
    """ "Cottonwood Police Sgt Jeremy Daniels", tagged ORG: a rank inside the entity followed by a
    capitalised name means the entity is a person with their unit before the rank."""
    for i, token in enumerate(span[:-1]):
        if i == 0 or token.lower_.rstrip(".") not in {t.rstrip(".") for t in TITLE_TOKENS}:
            continue
        rest = span[i + 1 :]
        if rest[0].text == ".":
            rest = rest[1:]
        if 1 <= len(rest) <= 3 and all(t.is_title and t.pos_ == "PROPN" for t in rest):
            return rest
    return _name_after_rank(span)


def _name_after_rank(span: Span) -> Span | None:
    """ "Army Spc. Caleb Barnes" with only "Army Spc" tagged ORG: the rank ends the entity and the
    untagged name follows it."""
    ranks = {t.rstrip(".") for t in TITLE_TOKENS}
    if len(span) < 2 or span[-1].lower_.rstrip(".") not in ranks:
        return None
    doc = span.doc
    start = span.end + (1 if span.end < len(doc) and doc[span.end].text == "." else 0)
    end = start
    while end < len(doc) and end - start < 3 and doc[end].is_title and doc[end].pos_ == "PROPN":
        end += 1
    return doc[start:end] if end - start >= 2 else None


def _with_first_names(name: Span) -> Span:
    """Grow a one-word PERSON entity over given names the model left out ("Col Mehmet [Aksoy]").

    Stops at ranks and role words, states and other entities: those are the role, not the name.
    """
    start = name.start
    while len(name) == 1 and start > 0 and start > name.start - 3:
        token = name.doc[start - 1]
        if not (token.pos_ == "PROPN" and token.is_title and token.dep_ == "compound"):
            break
        if (
            token.lower_ in TITLE_TOKENS
            or token.lower_ in ROLE_WORDS
            or token.lower_ in {"near", "senior", "junior"}
            or gazetteer.country_of(token.text)
            or token.ent_type_ not in {"", "PERSON"}
        ):
            break
        start -= 1
    return name.doc[start : name.end]


def _trim(ent: Span) -> Span | None:
    """Drop leading determiners, quotes and the "Near" of CENTCOM strike lists."""
    start, end = ent.start, ent.end
    while start < end and (ent.doc[start].lower_ in {"the", "a", "an", "near"} or ent.doc[start].is_punct):
        start += 1
    while end > start and ent.doc[end - 1].is_punct and ent.doc[end - 1].text != ".":
        end -= 1
    return ent.doc[start:end] if end > start else None


def _plausible_name(text: str, kind: str) -> bool:
    """Reject fragments, furniture, agencies and anything that is not a capitalised name."""
    if not text or "\n" in text or not _capitalised(text) or any(ch.isdigit() for ch in text):
        return False
    if gazetteer.is_not_actor(text) or text.lower() in _FRAGMENTS:
        return False
    if any(q in text for q in '"“”'):
        return False
    if kind == "organization" and text.split()[0].lower() in _NOT_ORG_HEADS:
        return False
    if kind == "organization" and text.split()[-1].lower() in TITLE_TOKENS:
        return False  # "Riverside Police Sgt": a unit and a rank, cut off before the officer's name
    if kind == "person" and not any(ch.islower() for ch in text):
        return False
    return len(text) > 1


#: "al-Khansa Brigade", "el-Sisi": a lowercase Arabic article still begins a proper name.
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ash|as|at|an|ar|az|ud|ul)-[A-Z]")


def _capitalised(text: str) -> bool:
    return text[0].isupper() or _ARTICLE_PREFIX.match(text) is not None


def _norm(text: str) -> str:
    return gazetteer.normalise_form(text).removeprefix("the ")


# --- 2. coreference --------------------------------------------------------------------------


def _cluster(mentions: list[Mention]) -> dict[str, Cluster]:
    clusters: dict[str, Cluster] = {}
    for mention in mentions:
        cluster = clusters.get(mention.key)
        if cluster is None:
            cluster = clusters[mention.key] = Cluster(mention.key, mention.name, mention.kind)
        cluster.mentions.append(mention)
        cluster.aliases.update(mention.aliases)
    for cluster in clusters.values():
        if cluster.key.startswith("military:"):
            cluster.name = _most_common_form(cluster)
    return clusters


def _most_common_form(cluster: Cluster) -> str:
    """The proposed name used most often; the earliest one on a tie."""
    counts = Counter(m.name for m in cluster.mentions)
    first = {}
    for mention in cluster.mentions:
        first.setdefault(mention.name, mention.start)
    return max(counts, key=lambda name: (counts[name], -first[name]))


def _absorb(clusters: dict[str, Cluster], into: Cluster, other: Cluster) -> None:
    into.mentions.extend(other.mentions)
    into.mentions.sort(key=lambda m: m.start)
    into.aliases.update(other.aliases)
    clusters.pop(other.key, None)


def _surname_key(word: str) -> str:
    """A comparison key for name words, so that "al-Baghdadi" and "Baghdadi" compare equal."""
    word = _norm(word)
    for prefix in ("al-", "el-", "al ", "el "):
        word = word.removeprefix(prefix)
    return word


def _fix_people(clusters: dict[str, Cluster], analysis: Analysis) -> None:
    """Correct the model's ORG label on people's names by how the text treats them.

    "Laurice Hampton, 48," (an age in apposition) and "Mr Hampton" (an honorific) only ever
    follow a person; an organisation name never does.
    """
    doc = analysis.doc
    for cluster in clusters.values():
        if cluster.kind != "organization" or not cluster.key.startswith("organization:"):
            continue
        words = cluster.name.split()
        if not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
            continue
        if any(_norm(w) in _ORG_WORDS for w in words) or gazetteer.country_of(words[0]):
            continue
        spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in cluster.mentions]
        if any(span is not None and (_age_follows(span) or _honorific_before(span)) for span in spans):
            cluster.kind = "person"
            cluster.key = "person:" + cluster.key.split(":", 1)[1]
    for key in [k for k, c in clusters.items() if c.key != k]:
        cluster = clusters.pop(key)
        clusters.setdefault(cluster.key, cluster)


#: Words that mark a name as an organisation's, so it is never re-read as a person.
_ORG_WORDS = _words(
    "bureau council party church school university college court office department ministry agency"
    " bank company group association committee union club team police news times post press"
    " service services authority commission institute centre center foundation academy fund"
)


def _age_follows(span: Span) -> bool:
    """ "Laurice Hampton, 48,": a number set off by commas right after a name is an age."""
    doc = span.doc
    after = doc[span.end : span.end + 3]
    return (
        len(after) >= 2
        and after[0].text == ","
        and after[1].like_num
        and (len(after) == 2 or after[2].is_punct)
    )


def _honorific_before(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_.rstrip(".") in {"mr", "mrs", "ms", "miss", "dr"}


def _merge_people(clusters: dict[str, Cluster]) -> None:
    """Join a surname (tagged PERSON, ORG or place by the model) to the one full name ending in it."""
    for short in sorted(clusters.values(), key=lambda c: len(c.name.split())):
        if short.key not in clusters or short.kind not in {"person", "organization", "place"}:
            continue
        words = short.name.split()
        if len(words) > 2 or (short.kind != "person" and len(words) > 1):
            continue
        people = [c for c in clusters.values() if c.kind == "person" and c is not short]
        target = _person_ending_with(people, short)
        if target is not None:
            _absorb(clusters, target, short)


#: Generational suffixes: "Kenneth Stancil III" is still "Stancil".
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _name_words(name: str) -> list[str]:
    words = [_surname_key(w) for w in name.split()]
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words.pop()
    return words


def _person_ending_with(people: list[Cluster], short: Cluster) -> Cluster | None:
    """The one longer name that ends with this one ("Baghdadi") or, for a person, starts with it
    ("Abu Jandal" for "Abu Jandal al-Kuwaiti"); None when absent or ambiguous."""
    words = _name_words(short.name)
    n = len(words)

    def fits(person: Cluster) -> bool:
        theirs = _name_words(person.name)
        if len(theirs) <= n:
            return False
        return theirs[-n:] == words or (short.kind in {"person", "organization"} and theirs[:n] == words)

    matches = sorted(
        (p for p in people if fits(p)), key=lambda p: (-len(p.mentions), min(m.start for m in p.mentions))
    )
    # Two Tsarnaevs named equally often: news style calls the one introduced first by surname alone
    # ("Dzhokhar Tsarnaev ... Tsarnaev, 21"), and names the relative in full whenever he comes up.
    return matches[0] if matches else None


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isupper()]
    return "".join(w[0] for w in words)


def _expands(form: str, acronym: str) -> bool:
    """True when `form` spells out `acronym` ("Iraqi Security Forces" for "ISF") or extends it
    ("CJTF-OIR" for "CJTF")."""
    if form.startswith(acronym + "-"):
        return True
    words = form.split()
    if _expands_after_place(words, acronym):
        return True
    return len(words) > 1 and _initials(form) == acronym


def _expands_after_place(words: list[str], acronym: str) -> bool:
    """ "Arizona Department of Public Safety" for "DPS": a state or city name before the agency's
    own initials (a country's name would be part of the acronym: "ISF" for Iraqi Security Forces)."""
    return (
        len(words) > 2
        and len(acronym) >= 3
        and gazetteer.country_of(words[0]) is None
        and _initials(" ".join(words[1:])) == acronym
    )


def _merge_same_names(clusters: dict[str, Cluster]) -> None:
    """One name tagged PERSON in one sentence and ORG in another is one actor (majority kind)."""
    by_mentions = sorted(clusters.values(), key=lambda c: -len(c.mentions))
    _merge_by_name(clusters, [c for c in by_mentions if c.key.startswith(("person:", "organization:"))])


def _merge_by_name(clusters: dict[str, Cluster], candidates: list[Cluster]) -> None:
    """Absorb each candidate into the first earlier candidate with the same normalised name."""
    by_name: dict[str, Cluster] = {}
    for cluster in candidates:
        name = _norm(cluster.name)
        if name in by_name:
            _absorb(clusters, by_name[name], cluster)
        else:
            by_name[name] = cluster


def _merge_acronyms(clusters: dict[str, Cluster]) -> None:
    """Join an all-capitals name to the actor whose initials it is ("ISF", "Iraqi Security Forces")."""
    for short in list(clusters.values()):
        name = short.name
        if short.key not in clusters or not (2 <= len(name) <= 6 and name.isupper() and name.isalpha()):
            continue
        for other in list(clusters.values()):
            if other is short:
                continue
            if any(_expands(form, name) for form in other.forms):
                _absorb(clusters, other, short)
                break


def _merge_word_order_variants(clusters: dict[str, Cluster]) -> None:
    """Join word-order variants ("University of Mosul", "Mosul University"): same content words."""
    seen: dict[frozenset[str], Cluster] = {}
    for cluster in list(clusters.values()):
        if cluster.kind not in {"organization", "place"}:
            continue
        words = frozenset(w for w in _norm(cluster.name).split() if w not in {"of", "the", "for", "and"})
        if len(words) < 2:
            continue
        if words in seen:
            _absorb(clusters, seen[words], cluster)
        else:
            seen[words] = cluster


def _fix_places(clusters: dict[str, Cluster], analysis: Analysis) -> None:
    """Correct the small model's PERSON/ORG labels on place names, by the words around them.

    A "person" found mostly after "in", "near" or "outside" is a place; a "person" or
    "organisation" named as "the town of X" or "the X neighbourhood" is a place.
    """
    doc = analysis.doc
    for cluster in clusters.values():
        if cluster.kind not in {"person", "organization"} or not cluster.key.startswith(
            ("person:", "organization:")
        ):
            continue
        spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in cluster.mentions]
        spans = [span for span in spans if span is not None]
        if any(_named_as_place(span) for span in spans) or _compass_prefixed(cluster.name):
            cluster.kind = "place"
        elif cluster.kind == "person":
            votes = sum(span.start > 0 and doc[span.start - 1].lower_ in _LOCATIVE for span in spans)
            if votes * 2 > len(spans) or (votes and len(cluster.name.split()) == 1):
                cluster.kind = "place"
    _merge_same_places(clusters)


_COMPASS_WORDS = _words(
    "North South East West Northeast Northwest Southeast Southwest Northern Southern Eastern Western"
)


def _compass_prefixed(name: str) -> bool:
    """ "Northeast Washington", "Southern Baghdad": a compass word before a name makes it a place."""
    words = name.split()
    return len(words) >= 2 and words[0] in _COMPASS_WORDS and gazetteer.lookup_known(name) is None


def _named_as_place(span: Span) -> bool:
    doc = span.doc
    before = doc[span.start - 2 : span.start] if span.start >= 2 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before[1].lower_ == "of" and before[0].lemma_.lower() in _PLACE_NOUNS:
        return True
    return after is not None and after.lemma_.lower() in _PLACE_NOUNS


def _merge_same_places(clusters: dict[str, Cluster]) -> None:
    """A name the model tagged PERSON in one sentence and GPE in another is one place."""
    _merge_by_name(clusters, [c for c in clusters.values() if c.kind == "place"])


# --- 3. roles, salience, selection -----------------------------------------------------------


def _assign_roles(clusters: dict[str, Cluster], analysis: Analysis) -> None:
    doc = analysis.doc
    for cluster in clusters.values():
        if cluster.kind != "person":
            continue
        for mention in cluster.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            role = role_of(span) if span is not None else None
            if role:
                cluster.role = role
                break


def _score(clusters: dict[str, Cluster], analysis: Analysis) -> None:
    """Salience: weighted mentions, an early first mention, subject position, a headline mention."""
    sentences = analysis.sentences
    total = max(1, len(sentences))
    title = analysis.article.title or ""
    for cluster in clusters.values():
        weight = sum(m.weight for m in cluster.mentions)
        first = analysis.sentence_at(cluster.mentions[0].start)
        position = first.index if first else total
        early = 1.5 * (1 - position / total) + (1.0 if position < 2 else 0.0)
        subjects = min(2, sum(_is_subject(analysis, m) for m in cluster.mentions))
        headline = 3.0 if any(_in_title(form, title) for form in cluster.forms) else 0.0
        prior = 0.5 if cluster.key.startswith(_WELL_KNOWN) else 0.0
        cluster.salience = (
            weight + early + 0.75 * subjects + headline + prior + _role_bonus(cluster, analysis)
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
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in _SPEECH_LEMMAS


#: States, the knowledge layer's groups and institutions, and coalitions are actors by nature.
_WELL_KNOWN = ("country:", "known:", "coalition", "military:", "regime")


def _is_subject(analysis: Analysis, mention: Mention) -> bool:
    span = analysis.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in {"nsubj", "nsubjpass"}


def _in_title(form: str, title: str) -> bool:
    return bool(form) and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", title) is not None


def _select(clusters: dict[str, Cluster]) -> list[Cluster]:
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
        return mentions >= 3 and cluster.salience >= 0.6 * top
    if cluster.kind == "person" and cluster.role:
        return True
    if cluster.kind == "person" and len(cluster.name.split()) == 1 and mentions < 2:
        return False  # a lone single name with no role is as often a mislabelled place or agency
    return cluster.salience >= max(MIN_SALIENCE, 0.15 * top)


def _to_actor(cluster: Cluster, analysis: Analysis) -> Actor:
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
    chosen: dict[str, str] = {_norm(cluster.name): cluster.name}
    printed = {m.text for m in cluster.mentions}
    for form in sorted(cluster.forms, key=lambda f: (f.lower(), f not in printed, f.isupper(), f)):
        chosen.setdefault(_norm(form), form)
    return [form for key, form in chosen.items() if key != _norm(cluster.name)]


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
