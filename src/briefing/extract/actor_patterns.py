"""Actor mentions from patterns and the knowledge layer, for what the statistical model handles badly.

Armed groups and institutions the knowledge layer lists, coalitions, a state's forces, regimes,
national organisations, police forces and states by name or demonym. These run before the
model's entities, so that each claims its text whole ("Iraqi security forces" is one actor, not
a demonym and a noun).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from ..lexicon import is_common_word
from ..model import Actor
from . import gazetteer
from .actor_entities import POSSESSIVE, trim_entity
from .actor_model import VIOLENT_VERBS, Mention, name_key, word_set
from .analysis import Analysis
from .roles import is_title_word

#: "Iraqi [security] forces", "Syrian [government] troops": up to two modifiers before the head noun.
_MILITARY_MODIFIERS = (
    r"(?:(?:security|government|armed|special|elite|ground|air|naval|military|regime|state"
    r"|Security|Government|Armed|Special|Air)\s+){0,2}"
)
_MILITARY_HEADS = r"(?:forces|force|troops|army|military|soldiers|Forces|Force|Army|Military|Troops)"


_BARE_MILITARY = re.compile(
    r"\b[Tt]he\s+(?P<noun>army|military|armed forces|junta|Army|Military|Armed Forces)\b|\b(?P<troops>soldiers|troops)\b"
    r"|\b(?P<force>security forces|gendarmes|gendarmerie)\b"
    r"|\b(?P<police>[Pp]olice)\b|\b[Tt]he\s+(?P<government>government)\b"
    r"|\b[Tt]he\s+(?P<ministry>(?:[Hh]ealth|[Ii]nterior|[Dd]efen[cs]e) [Mm]inistry)\b"
)
#: Words before "soldiers"/"troops" that make them someone else's than the main state's.
_OTHER_TROOPS = word_set(
    "peacekeeping foreign coalition allied rebel enemy child mutinous former international UN U.N. NATO"
)


def bare_military_mentions(analysis: Analysis, found: list[Mention]) -> list[Mention]:
    """A bare "the army" is the army of the story's main state (news style names it
    once, then drops the adjective). Only when one state clearly dominates the article."""
    leading, named_force = _leading_state(found), _only_named_military(found)
    if leading is None and named_force is None:
        # no single leading state: "the army" could be anyone's, so it is named as the text names it
        return _unattributed_forces(analysis, found)
    out = []
    police_story = _POLICE_WORD.search(analysis.text) is not None
    for m, group in _bare_forces(analysis):
        # "the health ministry" is the leading state's; "the army", where the story names one
        # state's forces ("Israeli forces" in a story mostly about Palestinians), is those forces'
        civil = group in {"ministry", "government", "police"}
        preferred = (leading, named_force) if civil else (named_force, leading)
        country = next(state for state in preferred if state is not None)
        adjective = gazetteer.adjective_of(country)
        if group == "force" and m[group] == "security forces" and police_story:
            continue  # where police act, "security forces" may be the police as well as the army
        if group == "ministry":  # "the health ministry" is the main state's
            dept = m[group].split()[0]
            out.append(_ministry_mention(m.start(group), m.end(group), m[group], country, dept))
            continue
        if group == "government":  # "the government" is the main state's, under another name
            out.append(_government_mention(m.start(group), m.end(group), m[group], country))
            continue
        if group == "police":
            named = next((f for f in found if "police" in f.name.lower().split()), None)
            if named is not None:  # "the police" after "Metro Nashville Police Department" is that force
                key, name, kind, standard = named.key, named.name, named.kind, ()
            else:
                key, name, kind, standard = f"police:{country}", f"{adjective} police", "organization", ()
        else:
            key, kind = f"military:{country}", "military"
            name = f"{adjective} {_FORCE_NAMES.get(m[group], m[group])}"
            standard = tuple(
                f"{adjective} {noun}" for noun in ("forces", "military", "army", "soldiers", "troops")
            )
        out.append(Mention(m.start(group), m.end(group), m[group], key, name, kind, 0.8, standard))
    return out


_POLICE_WORD = re.compile(r"\b[Pp]olice\b")
#: What a bare force is called once its state is known: "soldiers" are the state's army.
_FORCE_NAMES = {"soldiers": "army", "troops": "army", "gendarmes": "gendarmerie"}


def _leading_state(found: list[Mention]) -> str | None:
    """The state named most, and first, in the story; None when no one state leads."""
    states = [m.key for m in sorted(found, key=lambda m: m.start) if m.key.startswith("country:")]
    counts = Counter(states)
    ranked = [*counts.most_common(2), ("", 0), ("", 0)]
    (top, top_count), (_, second_count) = ranked[0], ranked[1]
    if not counts or top_count < 2 or top_count == second_count or states[0] != top:
        return None
    return top.split(":", 1)[1]


def _only_named_military(found: list[Mention]) -> str | None:
    """The state whose forces the story names, when it names one state's forces only: after
    "the Colombian Army", a bare "the Army" or "soldiers" are that army's, however rarely the
    text names Colombia itself."""
    states = {m.key.split(":", 1)[1] for m in found if m.key.startswith("military:")}
    return states.pop() if len(states) == 1 else None


def _unattributed_forces(analysis: Analysis, found: list[Mention]) -> list[Mention]:
    """ "The army has shot and killed two armed criminals" in a story that names no state: the
    army is still an actor, named as the text names it ("army"), when the text returns to it."""
    out = []
    for m, group in _bare_forces(analysis):
        if group in {"police", "government", "ministry"}:
            continue
        out.append(Mention(m.start(group), m.end(group), m[group], "military:unnamed", "", "military", 0.8))
    if len(out) < 2:
        return []  # named once, it is a detail of the story rather than one of its actors
    name = next(
        (m.text.lower() for m in out if m.text.lower() in {"army", "military", "junta"}), "security forces"
    )
    return [Mention(m.start, m.end, m.text, m.key, name, m.kind, m.weight, ("army", "military")) for m in out]


def _bare_forces(analysis: Analysis) -> Iterator[tuple[re.Match[str], str]]:
    """Each bare "the army", "soldiers", "police" or "the government" that stands for an actor,
    with the name of the pattern group it matched."""
    for m in _BARE_MILITARY.finditer(analysis.text):
        group = next(g for g in ("noun", "troops", "force", "police", "government", "ministry") if m[g])
        span = analysis.doc.char_span(m.start(group), m.end(group), alignment_mode="expand")
        if span is not None and _bare_military_actor(span):
            yield m, group


def _bare_military_actor(span: Span) -> bool:
    """ "the army", "15 soldiers": the main state's forces; not "the army base" (a modifier) nor
    "Ugandan troops", "peacekeeping troops" (someone else's)."""
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and following.pos_ in {"NOUN", "PROPN"}:
        return False  # "the army base", "the military airport": a modifier, not the actor
    if span[0].lower_ not in {"soldiers", "troops", "police", "security", "gendarmes", "gendarmerie"}:
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    return before is None or not (
        before.ent_type_ in {"NORP", "GPE", "ORG"} or before.text in _OTHER_TROOPS or before.pos_ == "PROPN"
    )


_LED_COALITION = re.compile(
    r"\b(?P<leader>(?:[A-Z][\w.]*\s)?[A-Z][\w.]*)[-–]led\s+(?:[\w-]+\s+){0,2}?(?P<what>coalition|forces|alliance|Coalition)\b"
)
_BARE_COALITION = re.compile(r"\b[Cc]oalition\b")


def coalition_mentions(analysis: Analysis) -> list[Mention]:
    """The military coalition of the story: "US-led coalition", "Coalition forces", "the coalition".

    Every coalition mention joins one actor, named after the leader when the text says it;
    without a leader it is the coalition against Islamic State when that group is in the story
    (the knowledge layer lists its other names), else simply "Coalition".
    """
    text = analysis.text
    out: list[Mention] = []
    leader_name = None
    for m in _LED_COALITION.finditer(text):
        leader = gazetteer.country_of(m["leader"]) or gazetteer.country_of(m["leader"].split()[-1])
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


def known_mentions(text: str) -> list[Mention]:
    out = []
    for m in gazetteer.known_pattern().finditer(text):
        known = gazetteer.lookup_known(m.group(0))
        if known is None or _shouted(text, m.start(), m.end()) or _ends_longer_proper_name(text, m.start()):
            continue
        key = "coalition" if known.name == "US-led coalition" else f"known:{known.name}"
        out.append(
            Mention(m.start(), m.end(), m.group(0), key, known.name, known.kind, aliases=known.aliases)
        )
    return out


def _ends_longer_proper_name(text: str, start: int) -> bool:
    """ "West Papua National Liberation Army": a known name ("National Liberation Army") that
    ends another group's longer name is that other group, not the known one."""
    before = re.search(r"([A-Z][\w'’-]*)\s+$", text[max(0, start - 40) : start])
    if before is None or before.group(1) in {"The", "A", "An"} or "-" in before.group(1):
        return False  # "the Britain-based Syrian Observatory for Human Rights" is that observatory
    preceding = text[max(0, start - 40) : start - len(before.group(0))].rstrip()
    sentence_start = not preceding or preceding[-1] in '.!?\n"“”:'
    return not sentence_start and not gazetteer.country_of(before.group(1))


@functools.cache
def _state_alternation() -> str:
    """Every word that says whose forces or ministry: demonyms and state names ("Iraqi",
    "Pakistan", "Israel's"), longest first so "South Korean" wins over "Korean"."""
    forms = {*gazetteer.DEMONYMS, *gazetteer.country_names(), "US", "U.S.", "UK"}
    forms = {f for f in forms if f[:1].isupper() and "(" not in f}
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@functools.cache
def _military_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?P<adj>{_state_alternation()})(?:['’]s)?\s+{_MILITARY_MODIFIERS}{_MILITARY_HEADS}\b"
    )


#: Ministries that speak for a state in conflict news: tolls come from health ministries,
#: arrests from interior ministries, claims from defence ministries.
_MINISTRIES = r"(?P<dept>[Hh]ealth|[Ii]nterior|[Dd]efen[cs]e|[Ff]oreign|[Hh]ome)"


@functools.cache
def _state_body_pattern() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?P<adj>{_state_alternation()})(?:['’]s)?\s+(?:{_MINISTRIES}\s+(?P<ministry>[Mm]inistry)"
        rf"|(?P<government>[Gg]overnment))\b"
    )


@functools.cache
def _government_of_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b[Gg]overnment of (?:the )?(?:Republic of )?(?P<state>{_state_alternation()})\b")


def state_body_mentions(text: str) -> list[Mention]:
    """A state's government or ministry named with the state: "Lebanon's health ministry",
    "the Iraqi Interior Ministry", "Syrian government airstrikes", "the Government of Niger"."""
    out = []
    for m in _government_of_pattern().finditer(text):
        country = gazetteer.country_of(m["state"])
        if country:
            out.append(_government_mention(m.start(), m.end(), m.group(0), country))
    for m in _state_body_pattern().finditer(text):
        country = gazetteer.country_of(m["adj"])
        if not country:
            continue
        if m["government"]:
            out.append(_government_mention(m.start(), m.end(), m.group(0), country))
        else:
            out.append(_ministry_mention(m.start(), m.end(), m.group(0), country, m["dept"]))
    return out


#: A region's ministry, which news names after the region in lower case: "the Gaza health ministry",
#: "the Dagestan interior ministry", "the Khartoum state health ministry".
_REGIONAL_MINISTRY = re.compile(
    rf"\b(?P<region>(?!The )[A-Z][a-z-]+(?: [A-Z][a-z-]+)?)(?:['’]s)?(?P<level> (?:state|regional|provincial))? {_MINISTRIES}"
    r" ministry\b"
)


def regional_ministry_mentions(text: str) -> list[Mention]:
    """ "the Gaza health ministry said": the ministry of a region that is no state (a state's own
    ministry is read by `state_body_mentions`), one actor under the name the text gives it."""
    out = []
    for m in _REGIONAL_MINISTRY.finditer(text):
        region = m["region"]
        if gazetteer.country_of(region) or gazetteer.country_of(region.split()[-1]):
            continue  # a state's ministry, read with the state
        if region.split()[-1].lower() in STOP_WORDS:
            continue  # "But health ministry spokesman", "An interior ministry source": no region
        name = f"{region}{m['level'] or ''} {m['dept'].lower()} ministry"
        out.append(
            Mention(m.start(), m.end(), m.group(0), f"organization:{name_key(name)}", name, "organization")
        )
    return out


def _government_mention(start: int, end: int, surface: str, country: str) -> Mention:
    name = f"{gazetteer.adjective_of(country)} government"
    return Mention(start, end, surface, f"country:{country}", country, "country", 0.8, (name,))


def _ministry_mention(start: int, end: int, surface: str, country: str, dept: str) -> Mention:
    dept = dept.lower().replace("defense", "defence")
    title = "Foreign Affairs" if dept == "foreign" else dept.title()
    aliases = (f"{dept} ministry", f"{country}'s {dept} ministry", f"Ministry of {title}")
    name = f"{gazetteer.adjective_of(country)} {dept} ministry"
    return Mention(start, end, surface, f"ministry:{country}:{dept}", name, "organization", 0.8, aliases)


def military_mentions(text: str) -> list[Mention]:
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


_TRIBE = re.compile(r"\b(?P<name>[A-Z][\w'’-]+)\s+(?P<noun>tribe|clan|Tribe|Clan)\b")
#: Capitalised words before "tribe" that are no tribe's name.
_NOT_TRIBES = frozenset({"The", "A", "One", "Another", "Each", "This", "That", "Rival", "Local"})


def tribe_mentions(text: str) -> list[Mention]:
    """ "the Kala tribe of Amala village", "the Hawiye clan": a named tribe or clan, a party to
    the fighting in highland and pastoral conflicts, which the model tags as a person or not at all."""
    out = []
    for m in _TRIBE.finditer(text):
        if m["name"] in _NOT_TRIBES:
            continue
        name = f"{m['name']} {m['noun'].lower()}"
        out.append(
            Mention(
                m.start(), m.end(), m.group(0), f"tribe:{name_key(name)}", name, "group", aliases=(m["name"],)
            )
        )
    return out


_REGIME = re.compile(r"\b(?P<who>[A-Z][\w’'-]+)\s+(?P<what>regime|dictatorship)\b|\bthe\s+(?P<bare>regime)\b")


#: Capitalised words before "regime" that do not name whose regime it is.
_NOT_RULERS = frozenset({"The", "This", "That", "A", "Its", "Their", "His", "Her", "Our", "New", "Old"})


def regime_mentions(text: str) -> list[Mention]:
    """One government actor from "the Asad regime", "the Syrian regime" and a later "the regime"."""
    out = []
    named = None
    for m in _REGIME.finditer(text):
        if m["who"] and m["who"] in _NOT_RULERS:
            continue
        if m["who"]:
            who = POSSESSIVE.sub("", m["who"])
            named = named or f"{who} regime"
            out.append(Mention(m.start(), m.end(), f"{who} {m['what']}", "regime", "", "government"))
        elif named:
            out.append(
                Mention(m.start("bare"), m.end("bare"), "regime", "regime", "", "government", weight=0.8)
            )
    for mention in out:
        mention.name = named or "regime"
    return out


def national_organisations(analysis: Analysis) -> list[Mention]:
    """Proper names that start with a state ("Afghan National Army", "Iraqi Interior Ministry"):
    kept whole, so the demonym does not swallow the organisation."""
    out = []
    for ent in analysis.doc.ents:
        span = trim_entity(ent) if ent.label_ == "ORG" else None
        if span is None or len(span) < 3 or not gazetteer.country_of(span[0].text):
            continue
        if not any(is_common_word(t.text) for t in span[1:]):
            continue  # "[President of] Ukraine Volodymyr Zelensky": a state, then a person's name
        if all(t.is_title or t.lower_ in {"of", "and", "for"} for t in span[1:]) and span[-1].is_title:
            text = span.text
            out.append(
                Mention(
                    span.start_char,
                    span.end_char,
                    text,
                    f"organization:{name_key(text)}",
                    text,
                    "organization",
                )
            )
    return out


_POLICE_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})
_FORCE_NOUNS = frozenset({"department", "force", "service", "command", "headquarters"})
_POLICE_LEVELS = frozenset({"state", "federal", "provincial", "national", "local", "city", "military"})


def _sheriffs_office(sheriff: Token) -> Mention | None:
    """ "The Spokane County Sheriff’s Office said": a county's sheriff's office, which the model
    often leaves untagged, is a force like a police department."""
    doc = sheriff.doc
    after = doc[sheriff.i + 1 : sheriff.i + 3]
    if len(after) < 2 or after[0].text not in {"'s", "’s"} or after[1].lower_ not in {"office", "department"}:
        return None
    start = _start_of_policed_place(doc, sheriff.i, sheriff.i)
    if start == sheriff.i:
        return None
    span = doc[start : after[1].i + 1]
    name = span.text.replace("’", "'")
    return Mention(
        span.start_char, span.end_char, span.text, f"organization:{name_key(name)}", name, "organization"
    )


def _start_of_policed_place(doc: Doc, start: int, force: int) -> int:
    """Where the name of the place whose force is the word at `force` begins, reading back from
    `start`, at most four words before the force ("West Yorkshire [Police]", "Spokane County
    [Sheriff's Office]")."""
    while start > 0 and force - start < 4 and _names_the_policed_place(doc[start - 1]):
        start -= 1
    return start


def _names_the_policed_place(token: Token) -> bool:
    """ "Rotterdam police", "West Yorkshire Police": a capitalised name before "police" is the
    place whose force it is, whatever label the model gave it ("Rotterdam" as a PERSON) or none."""
    if not token.text[:1].isupper() or token.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL"}:
        return False
    return token.ent_type_ in _POLICE_PLACE_LABELS | {"PERSON"} or (
        token.pos_ == "PROPN" and not is_title_word(token)
    )


#: Nouns after "police" that make "X police ..." a place rather than a force.
_POLICE_SITES = word_set(
    "station stations checkpoint checkpost post outpost headquarters compound academy lines"
)


def police_forces(analysis: Analysis) -> list[Mention]:
    """ "Fort Worth police", "Cottonwood Police Sgt Smith": a named place's police force is an
    actor in crime stories, but the model tags the place alone, or the force with the rank."""
    doc = analysis.doc
    out = []
    for token in doc:
        if token.lower_ == "sheriff" and token.i > 0 and (office := _sheriffs_office(token)) is not None:
            out.append(office)
            continue
        if token.lower_ != "police" or token.i == 0:
            continue
        start = token.i
        if doc[start - 1].lower_ in _POLICE_LEVELS:
            start -= 1  # "Michoacan state police"
        start = _start_of_policed_place(doc, start, token.i)
        if start == token.i or doc[start].lower_ in _POLICE_LEVELS:
            continue
        end = token.i + 1
        if end < len(doc) and doc[end].lower_ in _POLICE_SITES:
            continue  # "the Mandan police station", "the New Sabzi Mandi police checkpoint": a place
        if end < len(doc) and doc[end].lower_ in _FORCE_NOUNS and doc[end].is_title and token.is_title:
            end += 1  # "Metro Nashville Police Department": the force's own name
        place = doc[start : token.i].text
        text = doc[start:end].text if end > token.i + 1 or token.is_title else f"{place} police"
        out.append(
            Mention(
                doc[start].idx,
                doc[end - 1].idx + len(doc[end - 1].text),
                doc[start:end].text,
                f"organization:{name_key(text)}",
                text,
                "organization",
            )
        )
    return out


def demonyms_inside(mentions: list[Mention]) -> list[Mention]:
    """A state named only through its forces ("Iraqi forces") or bodies is still an actor."""
    out = []
    for mention in mentions:
        country = gazetteer.country_of(mention.text.split()[0]) if mention.kind == "organization" else None
        if mention.key.startswith(("military:", "ministry:")) or country:
            country = country or mention.key.split(":")[1]
            adjective = re.sub(r"['’]s$", "", mention.text.split()[0])
            out.append(
                _country_mention(mention.start, mention.start + len(adjective), adjective, country, 0.5)
            )
    return out


@functools.cache
def _country_pattern() -> re.Pattern[str]:
    forms = sorted(gazetteer.country_names(), key=len, reverse=True)
    alternation = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w])")


def country_mentions(analysis: Analysis) -> list[Mention]:
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
        if analysis.text[m.end() : m.end() + 4] in {"-led", "–led"} or analysis.text[
            m.end() : m.end() + 6
        ] in {"-based", "–based"}:
            continue  # "Britain-based": where an organisation sits, not an actor
        if _shouted(analysis.text, m.start(), m.end()):
            continue
        country = gazetteer.country_of(form)
        if country:
            out.append(_country_mention(m.start(), m.end(), form, country, 1.0))
    return short_names_resolved(out)


def short_names_resolved(mentions: list[Mention]) -> list[Mention]:
    """ "eastern Congo" in a story about the "Democratic Republic of Congo" is that state: a short
    name shared by several states means the one the article also names in full."""
    named = {m.name for m in mentions}
    out = []
    for mention in mentions:
        fuller = [c for c in gazetteer.STATES_SHARING_A_SHORT_NAME.get(mention.name, ()) if c in named]
        if len(fuller) == 1:
            mention = _country_mention(mention.start, mention.end, mention.text, fuller[0], mention.weight)
        out.append(mention)
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


COMPASS_WORDS = word_set(
    "North South East West Northeast Northwest Southeast Southwest Northern Southern Eastern Western"
)


def _ends_longer_name(doc: Doc, start: int, end: int) -> bool:
    """True for "Little Italy", "New Mexico": a country's name closing a longer proper name, where a
    capitalised word other than a compass point ("Northern Iraq") comes before it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    if not before.is_title or before.text in COMPASS_WORDS or before.is_sent_start:
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


#: What news calls attackers it cannot name: a story about "unknown gunmen" or "jihadists" has
#: them as its key actor even though no name is given.
ATTACKER_NOUNS = frozenset(
    [
        "gunman",
        "gunmen",
        "militant",
        "militants",
        "jihadist",
        "jihadists",
        "insurgent",
        "insurgents",
        "rebel",
        "rebels",
        "attacker",
        "attackers",
        "assailant",
        "assailants",
        "bandit",
        "bandits",
        "shooter",
        "bomber",
        "separatist",
        "separatists",
        "dissidents",
        "gangs",
        "factions",
        "fighters",
        "militiamen",
        "terrorists",
        "raiders",
        "herdsmen",
        "kidnappers",
    ]
)


#: Lone attackers a story follows as a person: "the gunman fled", "police shot the attacker".
LONE_ATTACKERS = frozenset({"gunman", "shooter", "attacker", "assailant"})


def unnamed_attackers(analysis: Analysis, no_group_named: bool) -> Actor | None:
    """The first unnamed attackers the text gives an attack to ("Gunmen killed five villagers",
    "villagers were killed by unknown gunmen"): the story's perpetrator when no group is named.
    In a story that names no armed group, the attackers it keeps returning to are its
    perpetrators even when no sentence has them do the violence in so many words."""
    attackers = [t for t in analysis.doc if _attacker_noun(t)]
    acting = [t for t in attackers if _attacks(t)] or (_told_again(attackers) if no_group_named else [])
    for token in acting:
        modifiers = [
            t for t in token.lefts if t.dep_ in {"amod", "compound"} and t.is_alpha and not t.is_stop
        ]
        name = " ".join(
            [*(t.text if t.pos_ == "PROPN" or t.is_upper else t.lower_ for t in modifiers), token.lower_]
        )
        sentence = analysis.sentence_at(token.idx)
        kind = "armed_group" if token.tag_ == "NNS" else "person"
        aliases = [token.lower_] if name != token.lower_ else []
        evidence = [sentence.evidence()] if sentence else []
        return Actor(
            name=name, kind=kind, role=None, aliases=aliases, mentions=1, salience=0.0, evidence=evidence
        )
    return None


def _attacker_noun(token: Token) -> bool:
    """ "gunmen", "militants", a lone "gunman"; not a lone "suicide bomber", whom the incident tells."""
    if token.lemma_.lower() not in ATTACKER_NOUNS and token.lower_ not in ATTACKER_NOUNS:
        return False
    return token.pos_ == "NOUN" and (token.tag_ == "NNS" or token.lower_ in LONE_ATTACKERS)


def _told_again(attackers: list[Token]) -> list[Token]:
    """The first mention of the attacker noun a story names at least twice ("the remaining
    terrorists")."""
    counts = Counter(t.lower_ for t in attackers if t.tag_ == "NNS")
    return [t for t in attackers if counts[t.lower_] >= 2][:1]


def _attacks(token: Token) -> bool:
    head = token.head
    if token.dep_ == "nsubj" and head.lemma_.lower() in VIOLENT_VERBS:
        return True
    if (
        token.dep_ == "nsubj"
        and head.lemma_.lower() == "carry"
        and any(c.lower_ == "out" for c in head.children)
    ):
        return True  # "terrorists carried out two separate attacks"
    return token.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_.lower() in VIOLENT_VERBS
