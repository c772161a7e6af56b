"""Actor mentions from spaCy's named entities, where no stronger pattern claimed the text.

The small model's entities need cleaning before they are names: determiners, captions and
datelines trimmed off, a rank inside an ORG entity read as the person after it, given names the
model left out restored, and fragments, agencies and anything not a capitalised name rejected.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ..lexicon import is_common_word
from . import gazetteer
from .actor_model import Mention, name_key, word_set
from .analysis import SPEECH_VERBS, Analysis
from .places import DIVISION_TITLES
from .roles import BARE_TITLES, ROLE_WORDS, TITLE_TOKENS, is_only_title, is_title_word, role_of, without_title

_APOSTROPHES = "'’´`"
POSSESSIVE = re.compile(r"[’'´`]s?$")
#: A nickname in quotes inside a name: Nemesio “Mencho” Oseguera, Joaquin "El Chapo" Guzman.
NICKNAME = re.compile(r"(?<=[A-Za-z]) [\"“]([A-Z][\w .'-]{1,30})[\"”] (?=[A-Z])")


#: Entity texts that are fragments of longer names, never actors on their own.
_FRAGMENTS = word_set(
    "state islamic defense defence government army navy ministry council coalition forces police west western"
    " interior foreign"
)
#: First words of ORG entities that name agreements, laws and plans rather than organisations.
_NOT_ORG_HEADS = word_set(
    "cessation law laws convention treaty agreement resolution declaration accord accords protocol"
    " charter act plan operation"
)


def _is_dateline(ent: Span) -> bool:
    """True for a wire dateline ("BEIRUT (Reuters) -"): where the story was filed, not an actor."""
    text = ent.doc.text
    at_paragraph_start = ent.start_char == 0 or text[ent.start_char - 1] == "\n"
    following = text[ent.end_char : ent.end_char + 3].lstrip()
    return at_paragraph_start and ent.text.isupper() and following[:1] in {"(", ",", "-", "—", "–"}


_ENTITY_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}


def _joined_entities(doc: Doc) -> list[Span]:
    """The model's entities, with back-to-back person names joined: it splits some long names
    ("[Hassan Sheikh] [Mohamud]") into two people."""
    out: list[Span] = []
    for ent in doc.ents:
        previous = out[-1] if out else None
        if previous is not None and ent.start < previous.end:
            continue  # the surname of "Monel “Mikano” Felix", read with the name
        if ent.label_ in {"PERSON", "ORG"} and (nicknamed := _with_quoted_nickname(ent)) is not None:
            out.append(nicknamed)
        elif previous is not None and previous.label_ == ent.label_ == "PERSON" and previous.end == ent.start:
            out[-1] = Span(doc, previous.start, ent.end, label="PERSON")
        elif previous is not None and _surname_tagged_apart(previous, ent):
            out[-1] = Span(doc, previous.start, ent.end, label="PERSON")  # "[Col Tamer] [El Rifaai]"
        elif previous is not None and previous.label_ == ent.label_ == "ORG" and _of_between(previous, ent):
            out[-1] = Span(
                doc, previous.start, ent.end, label="ORG"
            )  # "[Joint Command of] the [Armed Forces]"
        else:
            out.extend(_split_possessive(ent))
    return out


def _surname_tagged_apart(person: Span, ent: Span) -> bool:
    """ "[Col Tamer]PERSON [El Rifaai]ORG": the model tags a name's last words apart; they are its
    surname when they follow it directly, the parse hangs the given name on them, and they are
    capitalised words that name no body or place."""
    if person.label_ != "PERSON" or ent.label_ not in {"ORG", "GPE", "NORP"} or person.end != ent.start:
        return False
    if len(ent) > 2 or not all(t.pos_ == "PROPN" and t.is_title for t in ent):
        return False
    if any(t.lower_ in ROLE_WORDS or t.lower_ in _NOT_PERSON_ENDS for t in ent) or is_common_word(
        ent[-1].text
    ):
        return False
    return person.root.head.i in range(ent.start, ent.end) and not gazetteer.country_of(ent.text)


def _with_quoted_nickname(ent: Span) -> Span | None:
    """ "Monel “Mikano” Felix": the model stops a name at the quoted nickname inside it; the name
    runs on to the capitalised surname after the closing quote."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].text not in {'"', "“"}:
        return None
    for close in range(ent.end + 2, min(ent.end + 5, len(doc) - 1)):
        if doc[close].text in {'"', "”"}:
            surname = doc[close + 1]
            if (
                surname.pos_ == "PROPN"
                and surname.is_title
                and surname.ent_type_ in {"", "PERSON", "ORG", "WORK_OF_ART"}
            ):
                return Span(doc, ent.start, close + 2, label="PERSON")
            return None
    return None


#: Last words of a force's name, after which "'s" begins a unit of it.
_FORCE_ENDS = word_set("army forces police guard militia front brigade division command corps")


def _of_between(previous: Span, ent: Span) -> bool:
    between = previous.doc[previous.end : ent.start]
    ends_in_of = previous[-1].lower_ == "of" and all(t.lower_ == "the" for t in between)
    return ends_in_of or ([t.lower_ for t in between] in (["of"], ["of", "the"]))


def _split_possessive(ent: Span) -> list[Span]:
    """ "[Somalia National Army's Danaab]": the possessor and what it has are two organisations."""
    if ent.label_ != "ORG":
        return [ent]
    mark = next((t.i for t in ent[1:-1] if t.lower_ in {"'s", "’s"}), None)
    if mark is None or ent.doc[mark - 1].lower_ not in _FORCE_ENDS or ent.end - mark > 3:
        return [ent]  # "Cox's Bazar", "the Prosecutor General's Office" are one name
    return [Span(ent.doc, ent.start, mark, label="ORG"), Span(ent.doc, mark + 1, ent.end, label="ORG")]


def _title_before_a_name(span: Span) -> bool:
    """An "organisation" that ends in a role word and runs into a person's name is the start of
    that person's title."""
    doc = span.doc
    i = span.end
    if span[-1].lower_ not in ROLE_WORDS and not (
        span[-1].lower_ == "police" and any(t.lower_ in ROLE_WORDS for t in span)
    ):
        # "... Inspector" or "... Inspector General of Police" before a name; or the office's
        # own first words before its role word ("[Union Home] Minister Amit Shah")
        if i >= len(doc) or not (doc[i].is_title and doc[i].lower_ in ROLE_WORDS):
            return False
        if span[-1].lower_ in _NOT_PERSON_ENDS:
            return False  # "[Interior Ministry] Spokesman X": the ministry is an actor too
    while i < len(doc) and i < span.end + 6 and doc[i].ent_type_ != "PERSON" and _title_continues(doc[i]):
        i += 1  # "General of Police (IGP)"
    return i < len(doc) and doc[i].ent_type_ == "PERSON"


#: Last words that make a "person" the model tagged an organisation or a place.
_PLACE_ENDS = word_set(
    "region province district state county territory township village town city road rd street st avenue highway"
)
_NOT_PERSON_ENDS = _PLACE_ENDS | word_set(
    "front army party movement council unit units force forces brigade battalion group alliance union"
    " ministry department agency committee organisation organization"
)


def _name_after_role_word(span: Span) -> Span | None:
    """A short "organisation" right after a lower-case role word, with the given names the model
    left untagged between them: "spokesperson Marshet [Tsehaye]" is a person."""
    if len(span) > 2 or not all(t.is_title and t.pos_ == "PROPN" for t in span):
        return None
    doc = span.doc
    i = span.start - 1
    while (
        i >= 0
        and doc[i].pos_ == "PROPN"
        and doc[i].is_title
        and doc[i].ent_type_ == ""
        and span.start - i <= 2
    ):
        i -= 1
    if i < 0 or not doc[i].is_lower or doc[i].lower_ not in ROLE_WORDS:
        return None
    return doc[i + 1 : span.end]


_MIN_HEADLINE_WORDS = 6


def _in_headline_case(sentence: Span) -> bool:
    """ "Gunman in Lewiston Bowling Alley and Bar Shootings Found Dead": in a headline every word but
    the small ones is capitalised, so the model reads runs of them as organisations that are none.
    Prose with long official names still has lowercase words ("The head of the Kharkiv Regional
    Military Administration ... announced")."""
    words = [t for t in sentence if t.is_alpha and len(t) > 3 and not t.is_stop]
    return len(words) >= _MIN_HEADLINE_WORDS and all(t.text[0].isupper() for t in words)


#: Nigeria's districts, which the model tags as bodies: "Bakura Local Government Area", "Gwoza LGA".
_LOCAL_AREA = re.compile(r"\bLocal Government Area\b|\bLGA$")


def _opens_a_division(token: Token) -> bool:
    return token.text in {"Co.", "Co"} or token.lower_.rstrip(".") in DIVISION_TITLES


def _names_a_police_station(span: Span) -> bool:
    following = span.doc[span.end : span.end + 2]
    return (
        len(following) == 2 and following[0].lower_ == "police" and following[1].lower_ in {"station", "post"}
    )


def _acronym_of_a_title(span: Span) -> bool:
    """ "Inspector General of Police (IGP) Vijay Kumar": the bracketed acronym of a title."""
    doc = span.doc
    if span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != "(" or doc[span.end].text != ")":
        return False
    after = doc[span.end + 1 : span.end + 3]
    return doc[span.start - 2].is_title and any(t.ent_type_ == "PERSON" for t in after)


def _title_continues(token: Token) -> bool:
    return token.is_title or token.lower_ in {"of", "(", ")", "-", "."} or (token.is_upper and token.is_alpha)


def entity_mentions(analysis: Analysis) -> list[Mention]:
    out = []
    for ent in _joined_entities(analysis.doc):
        kind = _ENTITY_KINDS.get(ent.label_)
        if not kind or (kind == "organization" and _in_headline_case(ent.sent)):
            continue
        span = _without_caption_label(trim_entity(ent), analysis)
        if span is not None and len(span) > 2 and span[-1].lower_ == "led" and span[-2].text in {"-", "–"}:
            if kind != "person":
                continue  # "the Saudi-led coalition": the coalition is found as one actor
            span = span[:-2]  # "the Ali Kalora-led militants": he leads them
        if span is not None and kind == "organization":
            span = _with_unit_number(span)
        if (
            span is None
            or analysis.text[ent.end_char : ent.end_char + 4] in {"-led", "–led"}
            or _is_dateline(ent)
        ):
            continue
        if kind == "person" and span[-1].lower_ in _NOT_PERSON_ENDS:
            kind = "place" if span[-1].lower_ in _PLACE_ENDS else "organization"  # "Kuki-Chin National Front"
        if (
            kind == "place"
            and len(span) > 1
            and span[-1].lower_ in UNIT_ENDS | {"police"}
            and span[-1].is_title
        ):
            kind = "organization"  # "Assam Rifles", "West Yorkshire Police": a force, not a place
        if kind == "organization" and len(span) == 1 and span[0].pos_ == "ADJ":
            continue  # "Musical team:", "a Biblical passage": an adjective tagged as a name
        if kind == "organization" and span[-1].lower_.rstrip(".") in _STREET_ENDS:
            continue  # "E. Main Street": an address
        if kind == "organization" and _names_a_police_station(span):
            continue  # "the Mandan police station": a place's name
        if kind == "organization" and (_title_before_a_name(span) or _acronym_of_a_title(span)):
            continue  # "[Khyber Pakhtunkhwa Inspector] General Akhtar Hayat": part of his title
        if kind != "person" and _HONORIFIC.match(span.text):
            person = _name_after_honorific(span)
            if person is not None:
                span, kind = person, "person"
        if kind != "person" and _named_by_role(span):
            kind = "person"
        if kind == "organization" and (named := _name_after_role_word(span)) is not None:
            span, kind = named, "person"  # "Gojjam Fano spokesperson Marshet [Tsehaye]"
        if kind == "organization":
            person = _person_after_rank(span) or _name_after_acronym(span)
            if person is not None:
                span, kind = person, "person"
        if (
            kind != "place"
            and len(span) > 1
            and (_opens_a_division(span[0]) or _LOCAL_AREA.search(span.text))
        ):
            kind = "place"  # "Co. Tyrone", "Barangay Bunkaong", "Bakura Local Government Area": divisions
        if kind == "person":
            if is_only_title(span):
                continue
            span = _with_first_names(
                _with_particle_surname(_with_rest_of_name(_after_possessive_title(span)))
            )
            span = without_title(_after_office_of(_without_leading_place(span)))
        text = (
            POSSESSIVE.sub("", span.text)
            if span.text[-2:] in {"'s", "’s", "´s", "`s"} or span.text[-1:] in _APOSTROPHES
            else span.text
        )
        end = span.start_char + len(text)
        nickname = NICKNAME.search(text)
        if nickname and kind in {"person", "organization"}:
            name = f"{text[: nickname.start()]} {text[nickname.end() :]}"
            out.append(
                Mention(
                    span.start_char,
                    end,
                    text,
                    f"person:{name_key(name)}",
                    name,
                    "person",
                    aliases=(nickname.group(1),),
                )
            )
            continue
        if not _plausible_name(text, kind) or (kind == "organization" and _route_between_places(span)):
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
        out.append(Mention(span.start_char, end, text, f"{kind}:{name_key(text)}", text, kind))
    return out


#: Last words of a force's proper name: "Assam Rifles", "45th Ranger Regiment".
UNIT_ENDS = word_set("rifles regiment division battalion brigade corps army forces force guard militia")

#: Nouns that introduce a group by its name: "the criminal gang 'Tren de Aragua'".
_GROUP_NOUNS = r"(?:gang|group|organi[sz]ation|cartel|militia|faction|movement|network|coalition)"
_INTRODUCED_GROUP = re.compile(
    rf"\b{_GROUP_NOUNS}\s+[\"“‘']?(?P<name>[A-Z][\w'’-]*(?:\s+(?:de|del|la|of|al|[A-Z][\w'’-]*)){{0,4}})[\"”’']?"
)


def introduced_groups(analysis: Analysis) -> list[Mention]:
    """Groups the text introduces by what they are: "the criminal gang 'Tren de Aragua'", "the
    armed group Ansarul Islam". The model often misses or mislabels such names (a quoted name
    reads as a title to it); the noun before them says what they are."""
    out = []
    for m in _INTRODUCED_GROUP.finditer(analysis.text):
        name = m["name"].rstrip("'’")
        if name.split()[-1].lower() in {"de", "del", "la", "of", "al"}:
            continue
        if gazetteer.country_of(name) or gazetteer.lookup_known(name) or len(name) < 4:
            continue
        kind = "armed_group" if re.match(r"gang|cartel|militia|faction", m.group(0)) else "organization"
        start = m.start("name")
        out.append(Mention(start, start + len(name), name, f"organization:{name_key(name)}", name, kind))
    return out


def repeated_names(
    analysis: Analysis, found: list[Mention], free: Callable[[int, int], bool]
) -> list[Mention]:
    """Every other place the text prints a group's name the model tagged once: one name means one
    group throughout an article, however the model labelled each occurrence."""
    out = []
    seen: set[str] = set()
    for mention in found:
        if mention.kind not in {"organization", "armed_group", "military"} or mention.text in seen:
            continue
        seen.add(mention.text)
        if len(mention.text) < 4 or not mention.text[:1].isupper():
            continue
        if " " not in mention.text and not mention.text.isupper():
            continue  # "Correspondent" tagged once is a word, not a name to look for everywhere
        for m in re.finditer(rf"(?<![\w-]){re.escape(mention.text)}(?![\w-])", analysis.text):
            if free(m.start(), m.end()):
                out.append(
                    Mention(m.start(), m.end(), mention.text, mention.key, mention.name, mention.kind, 0.8)
                )
    return out


#: A name with a nickname in quotes between given name and surname: 'Ismael "El Mayo" Zambada',
#: 'Joaquin "El Chapo" Guzman', which the model splits into pieces of no one.
_NICKNAMED = re.compile(
    r"\b(?P<given>[A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+)?) [\"“](?P<nick>[A-Z][^\"”]{1,24})[\"”]"
    r" (?P<surname>[A-Z][a-zà-ÿ'-]+(?: [A-Z][a-zà-ÿ'-]+)?)\b"
)


def nicknamed_people(analysis: Analysis) -> list[Mention]:
    """'Ismael "El Mayo" Zambada': one person, "Ismael Zambada", also called "El Mayo"."""
    out = []
    for m in _NICKNAMED.finditer(analysis.text):
        given = m["given"].split()
        start = m.start()
        while given and (given[0].lower() in ROLE_WORDS or given[0].rstrip(".") in BARE_TITLES):
            start += len(given.pop(0)) + 1  # 'President Joko "Jokowi" Widodo': the title is his role
        if not given:
            continue
        name = f"{' '.join(given)} {m['surname']}"
        out.append(
            Mention(start, m.end(), name, f"person:{name_key(name)}", name, "person", aliases=(m["nick"],))
        )
    return out


def untagged_people(analysis: Analysis) -> list[Mention]:
    """People the model left untagged (or tagged as a date) whose role the text gives right by the
    name: "surgeon Usaeed Jabareen", "Amer Manasra, a 25-year-old freelance journalist,"."""
    doc = analysis.doc
    out = []
    i = 0
    while i < len(doc):
        if not _untagged_name_start(doc[i]):
            i += 1
            continue
        office = _office_of_before(doc, i)  # "Minister of [Internal Affairs] Denys Monastyrsky"
        j = i
        while j < len(doc) and j - i < (5 if office else 3) and _untagged_name_start(doc[j]):
            j += 1
        name = doc[i:j]
        after_office = office and len(name) >= 3
        if after_office:
            name = doc[j - 2 : j]  # the rest of the office, then the name
        if len(name) >= 2 and (
            after_office
            or _role_word_before(doc, i)
            or _role_apposed_after(doc, j)
            or _apposed_to_a_role_before(doc, i, j)
        ):
            text = name.text
            out.append(
                Mention(name.start_char, name.end_char, text, f"person:{name_key(text)}", text, "person")
            )
        i = j
    return out


#: Titles that, capitalised, only ever precede a person's name.
_TITLES_BEFORE_NAMES = BARE_TITLES - word_set("general major president secretary minister")


def _untagged_name_start(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.ent_type_ in {"", "DATE"}
        and token.lower_ not in TITLE_TOKENS
        and token.lower_ not in ROLE_WORDS
    )


def _role_word_before(doc: Doc, start: int) -> bool:
    """ "surgeon Usaeed Jabareen": a lower-case role word right before the name; or a title that
    only ever precedes a name ("Governor Silvano Aureoles", "Gen. Listyo Sigit Prabowo")."""
    if start == 0:
        return False
    before = doc[start - 1]
    if before.text == "." and start >= 2:
        before = doc[start - 2]  # "Gen . Listyo": the tokenizer split the abbreviation's stop
    if before.is_lower:
        return before.lower_ in ROLE_WORDS
    return before.is_title and before.lower_.rstrip(".") in _TITLES_BEFORE_NAMES


def _office_of_before(doc: Doc, start: int) -> bool:
    """ "Minister of Interior ...", "Director of Operations ...": a capitalised office and "of"."""
    return (
        start >= 2
        and doc[start - 1].lower_ in {"of", "for"}
        and doc[start - 2].is_title
        and is_title_word(doc[start - 2])
    )


def _apposed_to_a_role_before(doc: Doc, start: int, end: int) -> bool:
    """ "The mayor of Kharkov, Igor Terekhov, announced": a name set off by commas right after a
    phrase naming a role."""
    if start < 3 or doc[start - 1].text != "," or end >= len(doc) or doc[end].text != ",":
        return False
    phrase = []
    for token in reversed(doc[max(0, start - 8) : start - 1]):
        if token.is_punct:
            break
        phrase.append(token)
        if token.is_sent_start:
            break
    return any(t.is_lower and t.lower_ in ROLE_WORDS and t.pos_ == "NOUN" for t in phrase)


def _role_apposed_after(doc: Doc, end: int) -> bool:
    """ "Amer Manasra, a 25-year-old freelance journalist,", "Chongo Vidigal, head of operations":
    an apposition naming a role."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    if doc[end + 1].is_lower and doc[end + 1].lower_ in ROLE_WORDS and doc[end + 1].pos_ == "NOUN":
        return True
    if doc[end + 1].lower_ not in {"a", "an", "the"}:
        return False
    phrase = []
    for token in doc[end + 2 : end + 12]:
        if token.text == ",":
            break
        phrase.append(token)
    return any(t.is_lower and t.lower_ in ROLE_WORDS for t in phrase)


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
        if not is_title_word(token):
            continue
        if i == 0 and not (
            _surname_of_a_person(span[-1]) or _surname_speaks(span) or _rank_of_a_person(span)
        ):
            continue  # "General Dynamics" is a company; "General Hurley" after "David Hurley" is him
        rest = span[i + 1 :]
        if rest[0].text == ".":
            rest = rest[1:]
        words = [t for t in rest if t.text != "-"]  # "Kassym-Jomart Tokayev"
        if (
            1 <= len(words) <= 3
            and all(t.is_title and t.pos_ == "PROPN" for t in words)
            and rest[-1].text != "-"
        ):
            return rest
    return _name_after_rank(span)


def _after_possessive_title(span: Span) -> Span:
    """ "Sumy's Acting Mayor Artem Kobzar", tagged as one person: the name is what follows the
    title the possessive opens; the title stays in the text before it, where roles are read."""
    mark = next((t.i for t in span[:-1] if t.lower_ in {"'s", "’s"}), None)
    if mark is None:
        return span
    i = mark + 1
    while i < span.end - 1 and (span.doc[i].lower_ in ROLE_WORDS or span.doc[i].lower_ in _TITLE_OPENERS):
        i += 1
    if i == mark + 1 or span.end - i < 2:
        return span  # "Ali's Son Hassan": no title between them, so nothing to say who is named
    return span.doc[i : span.end]


def _without_leading_place(span: Span) -> Span:
    """ "Capital City Police Officer (CCPO) [Peshawar Ashfaq Anwar]": a three-word name whose first
    word the article names as a place elsewhere begins with the post's city, not a given name."""
    if len(span) < 3:
        return span
    first = span[0].text
    places = {e.text for e in span.doc.ents if e.label_ in {"GPE", "LOC"} and e.start != span.start}
    return span.doc[span.start + 1 : span.end] if first in places else span


def _after_office_of(span: Span) -> Span:
    """ "Minister of [Internal Affairs Ihor Klymenko]", "Police inspector of [Nimule David Kasmiro]":
    after "<role> of", the model often starts the name with the rest of the office; the name is
    its last two words, and the words before them stay in the text where the role is read."""
    doc = span.doc
    if len(span) < 3 or span.start < 2 or doc[span.start - 1].lower_ not in {"of", "for"}:
        return span
    if doc[span.start - 2].lower_ not in ROLE_WORDS or not all(t.is_title for t in span):
        return span
    return doc[span.end - 2 : span.end]


#: Words that open a title without being one: "Acting Mayor", "Deputy Governor".
_TITLE_OPENERS = word_set("acting interim former deputy")


def _surname_of_a_person(token: Token) -> bool:
    return any(
        ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == token.text for ent in token.doc.ents
    )


#: Ranks that no company or place name starts with, unlike "General" or "King".
_PERSONAL_RANKS = word_set(
    "sergeant sgt corporal cpl constable private pvt lieutenant lt colonel col brigadier"
    " superintendent supt inspector commissioner"
)


def _rank_of_a_person(span: Span) -> bool:
    """ "Sergeant Peetachai Saleewa", "Sergeant Madndjou Jean Patrice", tagged ORG: a personal rank
    and a two- or three-word name."""
    return (
        3 <= len(span) <= 4
        and span[0].lower_.rstrip(".") in _PERSONAL_RANKS
        and not any(t.lower_ in _NOT_PERSON_ENDS for t in span[1:])
    )


def _surname_speaks(span: Span) -> bool:
    """ "Superintendent George Kakas ... Kakas said": the entity's last word, alone elsewhere,
    is the subject of a speech verb, which only a person is; a company named "General Dynamics"
    is not quoted by its last word alone."""
    last = span[-1]
    return len(span) >= 3 and any(
        token.text == last.text
        and not span.start <= token.i < span.end
        and token.dep_ == "nsubj"
        and token.head.lemma_ in SPEECH_VERBS
        for token in span.doc
    )


def _named_by_role(span: Span) -> bool:
    """ "Mali's opposition leader, Soumaïla Cisse", tagged ORG: a two- or three-word capitalised
    name that the text gives a person's role (by apposition or a title before it) is a person."""
    if not 2 <= len(span) <= 3 or not all(t.is_title for t in span):
        return False
    if gazetteer.country_of(span.text) or gazetteer.lookup_known(span.text):
        return False
    if any(t.lower_ in ROLE_WORDS or t.lower_ in _FRAGMENTS for t in span):
        return False  # "Defence Minister", "Police Chief": a title, not a name
    return role_of(span) is not None


#: Forms of address that only ever precede a person's name ("Mr Hussen", "Sgt Daniels").
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Sgt|Cpl|Pvt|Capt|Lt|Col|Maj|Gen|Det|Supt|Insp|Rev)\.?\s")


def _name_after_honorific(span: Span) -> Span | None:
    """ "Mr Hussen" tagged GPE, "Sgt Daniels" tagged ORG: the model's label is wrong, the
    honorific says it is a person; the name is what follows it."""
    rest = span[1:]
    if len(rest) and rest[0].text == ".":
        rest = rest[1:]
    if 1 <= len(rest) <= 3 and all(t.is_title for t in rest):
        return rest
    return None


def _name_after_acronym(span: Span) -> Span | None:
    """ "[the head of] Odesa OVA Oleg Kiper", "KP Inspector General of Police Zulfiqar Hameed",
    tagged ORG as one: a body's acronym or a title, then a person's two- or three-word name."""
    titled = any(t.lower_ in ROLE_WORDS for t in span)
    for i, token in enumerate(span[:-2]):
        rest = span[i + 1 :]
        state_first = i == 0 and gazetteer.country_of(token.text) is not None  # "Ukraine Volodymyr Zelensky"
        opens_name = (
            (token.is_upper and len(token) >= 2)
            or (titled and token.lower_ in {"police", "army"})
            or state_first
        )
        if (
            opens_name
            and 2 <= len(rest) <= 3
            and all(_given_name(t, inside="ORG") for t in rest)
            and not any(t.lower_ in _NOT_PERSON_ENDS for t in rest)
            and not is_common_word(rest[-1].text)  # "UN Human Rights Office" is no one
        ):
            return rest
    return None


def _name_after_rank(span: Span) -> Span | None:
    """ "Army Spc. Caleb Barnes" with only "Army Spc" tagged ORG: the rank ends the entity and the
    untagged name follows it."""
    if len(span) < 2 or not is_title_word(span[-1]):
        return None
    doc = span.doc
    start = span.end + (1 if span.end < len(doc) and doc[span.end].text == "." else 0)
    end = start
    while end < len(doc) and end - start < 3 and doc[end].is_title and doc[end].pos_ == "PROPN":
        end += 1
    return doc[start:end] if end - start >= 2 else None


#: Lower-case words inside surnames: "Ursula von der Leyen", "Gerardo de la Cruz".
_NAME_PARTICLES = word_set("von van der den de del della da dos das la le du ter")


def _with_particle_surname(name: Span) -> Span:
    """ "[Ursula von] der Leyen": the model stops a name at its particles; the surname runs through
    them to the capitalised word after."""
    doc, end = name.doc, name.end
    if name[-1].lower_ not in _NAME_PARTICLES and not (end < len(doc) and doc[end].lower_ in _NAME_PARTICLES):
        return name
    while end < len(doc) and end < name.end + 2 and doc[end].lower_ in _NAME_PARTICLES:
        end += 1
    if end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
        return doc[name.start : end + 1]
    return name


def _with_rest_of_name(name: Span) -> Span:
    """ "President [Roch Marc] Christian Kabore": the model ended the entity early, but the parse
    makes it a compound of the surname that follows; the name runs to that surname."""
    root = name.root
    head = root.head
    if root.dep_ != "compound" or head.i < name.end or head.i - name.end > 2 or head.pos_ != "PROPN":
        return name
    rest = name.doc[name.end : head.i + 1]
    if not all(t.pos_ == "PROPN" and t.is_title and t.ent_type_ in {"", "PERSON"} for t in rest):
        return name
    return name.doc[name.start : head.i + 1]


def _with_first_names(name: Span) -> Span:
    """Grow a one-word PERSON entity over given names the model left out ("Col Mehmet [Aksoy]"),
    and a longer one over a given name between it and a rank or office ("Major Sadiq [Aden Ali
    Doodishe]", "Secretary Gilberto [Teodoro Jr.]", "Commissioner Gatluak [Lew Thiep]").

    Stops at ranks and role words, states and other entities: those are the role, not the name.
    """
    start = name.start
    if len(name) > 1:
        given = start
        while given > 0 and given > start - 2 and _given_name(name.doc[given - 1]):
            given -= 1
        before = name.doc[given - 1] if given > 0 else None
        if given < start and before is not None and (is_title_word(before) or before.lower_ in ROLE_WORDS):
            # "County Commissioner Gatluak [Lew Thiep]", "President Mahamat Idriss [Deby Itno]"
            return name.doc[given : name.end]
        return name
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


def _given_name(token: Token, inside: str = "PERSON") -> bool:
    """A capitalised word that may be part of a person's name, outside any entity but `inside`."""
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.ent_type_ in {"", inside}
        and token.lower_ not in TITLE_TOKENS
        and token.lower_ not in ROLE_WORDS
        and not gazetteer.country_of(token.text)
    )


def trim_entity(ent: Span) -> Span | None:
    """Drop leading determiners, quotes and the "Near" of CENTCOM strike lists."""
    start, end = ent.start, ent.end
    while start < end and (ent.doc[start].lower_ in {"the", "a", "an", "near"} or ent.doc[start].is_punct):
        start += 1
    while end > start and (
        (ent.doc[end - 1].is_punct and ent.doc[end - 1].text != ".")
        or ent.doc[end - 1].lower_ in {"of", "the", "and", "for"}
    ):
        end -= 1  # "Alpha Company of the": the model cut the name short
    opening = next((t.i for t in ent.doc[start:end] if t.text == "("), None)
    if opening is not None and not any(t.text == ")" for t in ent.doc[opening:end]):
        end = opening  # "Allied Democratic Forces (ADF": the acronym's bracket was cut off
    return ent.doc[start:end] if end > start else None


def _route_between_places(span: Span) -> bool:
    """ "the Lamu-Garsen road", "Kumba-Mbonge": two places joined by a dash name a route, not a body,
    when the text names one of them as a place and writes the other on its own too."""
    parts = [p.strip() for p in re.split(r"\s*[-–]\s*", span.text) if p.strip()]
    if len(parts) != 2 or not all(p[:1].isupper() and len(p) >= 3 for p in parts):
        return False
    if span.end < len(span.doc) and span.doc[span.end].lower_ in _ROUTE_NOUNS:
        return True  # "along the Kistaram-Palodi road": the road says it
    places = {e.text for e in span.doc.ents if e.label_ in {"GPE", "LOC"}}
    first, second = (part in places or gazetteer.country_of(part) is not None for part in parts)
    # "Nagorno-Karabakh": the part that is no place of its own must still be written alone
    return (first and _named_alone(parts[1], span)) or (second and _named_alone(parts[0], span))


#: Nouns after two dash-joined places that make them a route: "the Kasindi-Beni road".
_ROUTE_NOUNS = frozenset({"road", "highway", "route", "axis", "corridor", "railway"})
#: Last words of an address the model tagged an organisation: "the 300 block of E. Main Street".
_STREET_ENDS = word_set("street st avenue ave road rd boulevard blvd lane highway")


def _named_alone(word: str, span: Span) -> bool:
    """Whether the text writes `word` outside `span`, not joined to another word by a dash."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    text = span.doc.text
    return any(not span.start_char <= m.start() < span.end_char for m in pattern.finditer(text))


def _plausible_name(text: str, kind: str) -> bool:
    """Reject fragments, furniture, agencies and anything that is not a capitalised name."""
    if not text or "\n" in text or not (_capitalised(text) or _NUMBERED_UNIT.match(text)):
        return False
    if any(ch.isdigit() for ch in text) and not (kind == "organization" and _NUMBERED_UNIT.match(text)):
        return False  # numbers belong in names only of units: "103rd Infantry Brigade", "Brigade 143"
    if gazetteer.is_not_actor(text) or text.lower() in _FRAGMENTS:
        return False
    if any(q in text for q in '"“”'):
        return False
    if kind == "organization" and (text.split()[0].lower() in _NOT_ORG_HEADS or _STATE_OF.match(text)):
        return False  # "Cessation of Hostilities", "State of Exception": an agreement, a legal regime
    if kind == "organization" and text.split()[-1].lower() in TITLE_TOKENS | _OFFICE_ENDS:
        return False  # "Riverside Police Sgt", "Defence Ministry Spokesman": a title, not a body
    if kind == "organization" and (", " in text or re.search(r" (?:to|in|from) ", text)):
        return False  # "Fortul, Arauca", "Yei to Juba", "Lakhimpur in Assam": places, not a body
    if kind == "organization" and _OPERATION_NAME.search(text):
        return False  # "the Comprehensive Operation Sinai 2018", "Operation Hamkari": a campaign
    if kind == "organization" and re.match(rf"(?:{_OFFICE_HEADS}) of ", text, re.IGNORECASE):
        return False  # "Minister of Health", "Commissioner of Police": an office, held by a person
    if kind == "person" and not any(ch.islower() for ch in text):
        return False
    if _is_rank(text):
        return False  # "Pfc", "S/Sgt": a rank the model took for a name
    return len(text) > 1


#: Legal regimes the model tags as organisations: "the State of Emergency", "a State of Exception".
_STATE_OF = re.compile(r"State of (?:Emergency|Exception|Siege|War|Alarm)\b", re.IGNORECASE)

#: A named military campaign; "Joint Operation Command" and "Special Operations" are bodies.
_OPERATION_NAME = re.compile(r"\bOperation\b(?!\s+(?:Command|Centre|Center|Unit|Force|Room|Headquarters))")

#: Offices that open a title the model tagged as an organisation ("Minister of Health").
_OFFICE_HEADS = "minister|commissioner|secretary|director|inspector|governor|chief|president|commander"

#: Offices that end a title the model tagged as an organisation ("Balochistan CTD spokesperson").
_OFFICE_ENDS = word_set(
    "spokesman spokeswoman spokesperson minister director commander governor official administrator"
    " commissioner chairman chairperson mayor"
)


#: Military units named with their number: "103rd Infantry Brigade", "Light Infantry Brigade 143".
_UNIT_NOUNS = (
    r"(?:Brigade|Division|Battalion|Regiment|Rifles|Corps|Squadron|Taskforce|Task Force|Battery|Army)"
)
_NUMBERED_UNIT = re.compile(
    rf"^(?:\d+(?:st|nd|rd|th)?\s+(?:[A-Z][\w'’-]*\s+)*{_UNIT_NOUNS}|(?:[A-Z][\w'’-]*\s+)*{_UNIT_NOUNS}\s+\d+)$"
)


def _with_unit_number(span: Span) -> Span:
    """ "the Light Infantry Brigade 143": the number after a unit's name is part of it."""
    doc = span.doc
    if (
        span.end < len(doc)
        and doc[span.end].text.isdigit()
        and _NUMBERED_UNIT.match(f"{span.text} {doc[span.end].text}")
    ):
        return doc[span.start : span.end + 1]
    return span


def _is_rank(text: str) -> bool:
    """ "Pfc", "S/Sgt", "Lt. Col": ranks and their one-letter grades only."""
    parts = [part.rstrip(".") for part in re.split(r"[/\s]+", text.lower()) if part]
    return any(p in BARE_TITLES for p in parts) and all(p in BARE_TITLES or len(p) == 1 for p in parts)


#: "al-Khansa Brigade", "el-Sisi": a lowercase Arabic article still begins a proper name.
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ash|as|at|an|ar|az|ud|ul)-[A-Z]")


def _capitalised(text: str) -> bool:
    return text[0].isupper() or _ARTICLE_PREFIX.match(text) is not None
