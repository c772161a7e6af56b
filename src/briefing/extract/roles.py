"""People's roles, read from the titles before a name and the appositions around it.

News style gives a person's role once, at first mention, in one of three shapes:
"US Secretary of State Rex Tillerson" (a title run before the name), "Lama Fakih, HRW's deputy
Middle East director" (an apposition after it) or "A spokesman for the UN ..., Rupert Colville,"
(the name is the apposition of the role). All three are read from the parse, no name lists.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from . import gazetteer
from .analysis import SPEECH_VERBS, first_conjunct


#: Words that make a phrase a role rather than a description ("42", "of Woodbridge" are not).
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ROLE_WORDS: frozenset[str] = _words(
    """
    president vice prime minister secretary chancellor premier king queen prince emir sheikh
    leader head chief deputy director spokesman spokeswoman spokesperson official commander
    general gen lt lt. gen. col col. colonel maj maj. major capt capt. captain sgt sgt. sergeant
    admiral adm adm. officer petty private cpl corporal lieutenant brigadier marshal
    ambassador envoy senator sen. rep. representative governor gov gov. mayor chairman chairwoman chair
    founder ceo executive analyst researcher correspondent editor judge prosecutor attorney
    minister commissioner coordinator adviser advisor emissary negotiator cleric imam ayatollah
    mullah emir commandant colonel-general chief-of-staff member mp lawmaker speaker ordinator
    spc spc. specialist pvt pvt. pfc supt supt. insp insp. const.
    """
)
#: What crime and court stories call the people in them: the suspect, the victim, the victim's
#: mother, the police detective. Read the same way as official titles ("his wife, Jane Doe",
#: "bus driver John Doe", "Doe, a nurse").
PERSON_NOUNS: frozenset[str] = _words(
    """
    suspect victim gunman bomber attacker assailant killer murderer shooter player coach
    wife husband father mother son daughter brother sister cousin uncle aunt nephew niece
    grandmother grandfather girlfriend boyfriend fiance fiancee partner nun priest pastor bishop
    lawyer solicitor barrister driver student teacher doctor nurse worker operator pensioner
    soldier journalist reporter activist militant fighter jihadist detective constable inspector
    superintendent policeman policewoman trooper sheriff witness owner manager employee guard
    schoolgirl schoolboy survivor hostage prisoner inmate defendant accused missionary medic
    paramedic firefighter pilot dispatcher footballer striker defender midfielder goalkeeper
    resident villager eyewitness farmer trader shopkeeper administrator legislator councillor
    councilor magistrate diplomat mediator politician aide candidate professor expert economist
    conscript recruit cadet ranger volunteer guerrilla paramilitary jawan sepoy naik havildar subedar
    reservist elder chieftain
    consultant surgeon separatist rebel insurgent terrorist combatant militiaman
    coroner examiner warden chaplain ombudsman
    fellow scholar reverend cleric preacher
    protester protestor demonstrator photojournalist photographer cameraman civilian bodyguard gendarme
    indigene ombudswoman ombudsperson
    offender perpetrator ringleader
    """
)
ROLE_WORDS = ROLE_WORDS | PERSON_NOUNS

#: Ranks and honorifics that spaCy sometimes puts inside a PERSON entity ("Gen Talib Shaghati").
TITLE_TOKENS: frozenset[str] = _words(
    """
    mr mr. mrs mrs. ms ms. dr dr. sir lt lt. gen gen. general col col. colonel maj maj. major
    capt capt. captain sgt sgt. adm adm. admiral president secretary minister sheikh prof prof.
    brig brig. lieutenant senator sen. rep. governor gov gov. mayor king prince queen ayatollah imam
    spc spc. pvt pvt. pfc cpl cpl. sergeant corporal constable sepoy naik havildar subedar
    superintendent supt supt. commissioner inspector reverend rev rev. maulvi mufti
    lieut lieut. insp insp. cmdr cmdr. cdr cdr. comdt comdt. ssgt ssgt. const.
    """
)
#: The same titles without their abbreviation's full stop, as they are compared to text.
BARE_TITLES: frozenset[str] = frozenset(t.rstrip(".") for t in TITLE_TOKENS)


def is_title_word(token: Token) -> bool:
    """ "Gen.", "Gen", "Governor", "Maj.-Gen": a title or rank, with or without its full stop."""
    return _is_rank_word(token.text, BARE_TITLES)


#: Lower-case words allowed inside a title run before a name ("IS leader", "deputy director").
_TITLE_RUN_LOWER: frozenset[str] = ROLE_WORDS | {
    "of",
    "for",
    "to",
    "the",
    "'s",
    "’s",
    "-",
    "&",
    "foreign",
    "defence",
}


def role_of(name: Span) -> str | None:
    """The role a sentence gives the person whose name is `name`, or None."""
    before, title_start = _title_before(name)
    after = (
        _apposition_role(name, title_start)
        or (None if _holds_office(before) else _role_introduced_before(name))
        or _predicate_role(name)
        or _identified_as_role(name)
        or _office_taken(name)
        or _office_clause_role(name)
        or _role_set_off_by_commas(name, title_start)
        or _role_of_a_listed_name(name)
        or _role_after_comma(name)
        or (None if before else _leader_of_the_group(name))
    )
    if before and not after:
        after = _affiliation_after(name)  # "Sergeant X of Sai Buri police": whose sergeant
    parts = [part for part in (before, after) if part]
    return ", ".join(parts) if parts else None


#: Last words of the body a titled person belongs to: "Sergeant X of Sai Buri police".
_BODY_ENDS = frozenset(
    {
        "police",
        "army",
        "navy",
        "guard",
        "corps",
        "force",
        "forces",
        "ministry",
        "department",
        "command",
        "office",
        "agency",
        "brigade",
        "regiment",
        "church",
        "mosque",
        "parish",
        "diocese",
    }
)


def _holds_office(title: str | None) -> bool:
    """ "Commissioner": a title that says who the speaker is, so the sentence before does not; a
    rank alone ("Col") leaves the role to the introduction ("a Turkish army spokesman")."""
    return any(_is_role_not_rank(word, _RANKS) for word in (title or "").split())


def _affiliation_after(name: Span) -> str | None:
    """ "Sergeant X of Sai Buri police", "Reverend X, of the Leer Presbyterian church", "Colonel X,
    601st Infantry Brigade, said": whose."""
    doc = name.doc
    comma = name.end < len(doc) and doc[name.end].text == ","
    of = name.end + comma
    if of + 2 >= len(doc) or (doc[of].lower_ != "of" and not comma):
        return None
    start = of + (doc[of].lower_ == "of")
    start += start < len(doc) and doc[start].lower_ == "the"
    end = start
    while end < len(doc) and end - start < 6 and _in_body_name(doc[end]):
        end += 1
        if doc[end - 1].lower_ in _BODY_ENDS:
            unit = doc[start:end]
            return _clean(unit.text) if doc[of].lower_ == "of" or _ends_apposition(doc, end) else None
    return None


def _in_body_name(token: Token) -> bool:
    """ "601st", "Infantry", "“Unifier”", "Brigade": words of a unit's or a body's name."""
    return (
        token.is_title
        or token.lower_ in _BODY_ENDS
        or bool(_ORDINAL.fullmatch(token.lower_))
        or token.text in {"“", "”", '"'}
    )


def _role_introduced_before(name: Span) -> str | None:
    """News style introduces a speaker by role, then names him: "A Russian military spokesman
    accused ... . One jet bombed a school, Lt Gen Sergei Rudskoi said." Only that exact shape:
    the name is the subject of a speech verb, and the previous sentence's subject is an
    indefinite role phrase ("a ... spokesman") with no name of its own."""
    root = name.root
    if root.dep_ != "nsubj" or root.head.lemma_ not in SPEECH_VERBS:
        return None
    start = name.sent.start
    if start == 0:
        return None
    previous = name.doc[start - 1].sent
    subject = next((t for t in previous if t.dep_ == "nsubj" and t.lower_ in ROLE_WORDS), None)
    if subject is None or not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in subject.children):
        return None
    phrase = name.doc[_start_without_det(subject) : subject.i + 1]
    if any(t.ent_type_ == "PERSON" for t in phrase):
        return None
    return _clean(phrase.text)


def _role_set_off_by_commas(name: Span, title_start: int) -> str | None:
    """ "According to the deputy head of the President's Office, Kyrylo Tymoshenko, a rocket ...":
    a role phrase, a comma, the name (with any rank before it) and a comma is an apposition even
    when the parse missed it."""
    doc = name.doc
    start_of_name = min(title_start, name.start)
    while start_of_name > 0 and _is_age_word(doc[start_of_name - 1]) and doc[start_of_name - 1].text != ",":
        start_of_name -= 1  # "the shooter, 51-year-old Gabriel Wortman,": the age goes with the name
    if start_of_name < 3 or doc[start_of_name - 1].text != ",":
        return None
    last = doc[start_of_name - 2]
    if last.pos_ not in {"NOUN", "PROPN"}:
        return None
    top = _phrase_head(last, start_of_name)
    if _one_of(top) and _singular_role_word(top) is not None and top.i == last.i:
        role = doc[_start_without_det(top) : top.i + 1].text
        return _clean(_with_singular_head(role, top))  # "One of the taxi drivers, X, died": a taxi driver
    while (
        top.lower_ not in ROLE_WORDS
        and top.dep_ == "pobj"
        and top.head.lower_ in {"of", "for", "in"}
        and top.head.head.i < top.i
    ):
        top = top.head.head  # "head of the President's Office", "head in charge of the office"
    if top.lower_ not in ROLE_WORDS or top.i > last.i:
        return None
    while top.dep_ == "conj" and top.head.i < top.i and top.head.lower_ in ROLE_WORDS:
        top = top.head  # "Government Spokesman and Communication Minister": both offices are his
    start = _start_without_det(top)
    if any(t.ent_type_ == "PERSON" for t in doc[start : top.i + 1]):
        return None  # "Smith's lawyer, John Doe," is fine; "John Smith, Doe," is a list
    if not (_ends_apposition(doc, name.end) or _opens_sentence(doc, start)):
        return None  # "Government Spokesman, Issa Tchiroma has said": the sentence opens with the role
    return _clean(doc[start : start_of_name - 1].text)


def _one_of(token: Token) -> bool:
    """ "one of the taxi drivers": the token is what the one person is one of."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ == "one"


def _phrase_head(last: Token, before: int) -> Token:
    """The noun a compound or possessive phrase ending in `last` hangs on, without passing the
    token at `before` ("President's Office" -> "Office", "Jawans" in "CAF Jawans")."""
    top = last
    while top.dep_ in {"compound", "poss"} and top.i < top.head.i < before:
        top = top.head
    return top


def _role_of_a_listed_name(name: Span) -> str | None:
    """ "Two Jawans of CAF, Upendra Sahu and Devendra Singh were killed": a plural role phrase, a
    comma and a list of names gives each name the role in the singular ("Jawan of CAF")."""
    doc = name.doc
    first = _first_conjunct_name(name) if name.root.dep_ == "conj" else name.start
    if first is None or first < 2 or doc[first - 1].text != ",":
        return None
    top = _phrase_head(doc[first - 2], first)
    if top.dep_ == "pobj" and top.head.lower_ in {"of", "from"} and top.head.head.i < top.i:
        top = top.head.head  # "Jawans of CAF"
    singular = _singular_role_word(top)
    if singular is None or top.i >= first:
        return None
    start = _start_without_det(top)
    while start < top.i and (doc[start].like_num or doc[start].dep_ in {"det", "nummod"}):
        start += 1  # "Two Jawans": each one a jawan
    if any(t.ent_type_ == "PERSON" for t in doc[start : first - 1]):
        return None
    words = [singular if t.i == top.i else t.text for t in doc[start : first - 1]]
    return _clean(" ".join(words))


def _opens_sentence(doc: Doc, index: int) -> bool:
    """Whether only a determiner or a line break comes before `index` in its sentence, or an opening
    phrase set off by a comma ("If at the beginning of the morning, the deputy spokesperson ...")."""
    opening = doc[doc[index].sent.start : index]
    words = [t for t in opening if not (t.pos_ == "DET" or t.is_space)]
    return not words or (words[-1].text == "," and not any(t.ent_type_ == "PERSON" for t in words))


def _ends_apposition(doc: Doc, index: int) -> bool:
    """Whether the token at `index` closes a name set off as an apposition: a comma, the end of
    the sentence, or the speech verb the name is the subject of ("..., Colonel X said")."""
    if index >= len(doc):
        return True
    token = doc[index]
    return token.text in {",", ".", ";", ")"} or token.lemma_ in SPEECH_VERBS


#: The longest role a surface apposition may give ("a JCS spokesman", "the head of the unit").
_MAX_APPOSITION_WORDS = 8
#: The longest apposition read when it opens with a role word and ends with where the role is held.
_MAX_PLACED_APPOSITION_WORDS = 14


def _role_after_comma(name: Span) -> str | None:
    """ "according to Col. Lee Bung-woo, a JCS spokesman.": an apposition the parse missed, read
    from the surface: after the name, a comma and a short verbless phrase that names a role and
    closes where an apposition closes. A phrase with another name in it is a list, not a role."""
    doc = name.doc
    if name.end + 1 >= len(doc) or doc[name.end].text != ",":
        return None
    start = name.end + 1
    while start < len(doc) and doc[start].lower_ in {"a", "an", "the"}:
        start += 1
    end = start
    limit = (
        _MAX_PLACED_APPOSITION_WORDS
        if start < len(doc) and _is_role_word(doc[start])
        else _MAX_APPOSITION_WORDS
    )
    while end < len(doc) and end - start <= limit and not _ends_apposition(doc, end):
        if _describes_the_role(doc, start, end):
            break  # "a police spokesperson interviewed by AyiboPost": the role ends at the participle
        if doc[end].pos_ in {"VERB", "AUX", "PRON", "SCONJ", "CCONJ"} or doc[end].ent_type_ == "PERSON":
            return None
        end += 1
    else:
        if end < len(doc) and not doc[end].is_punct:
            return None  # "X, police said": the phrase is the speaker, not X's role
    if end - start > _MAX_APPOSITION_WORDS:
        # "spokesman for the provincial governor in northern Sari Pul province": the role ends where
        # the place it is held in begins
        end = next((t.i for t in doc[start:end] if t.lower_ in {"in", "at"} and t.i > start + 1), end)
    phrase = doc[start:end]
    if not len(phrase) or end - start > _MAX_APPOSITION_WORDS or phrase[0].like_num:
        return None
    if end > name.sent.end or not any(_is_role_word(t) for t in phrase):
        return None
    return _clean(phrase.text)


def _describes_the_role(doc: Doc, start: int, end: int) -> bool:
    """ "a spokesperson interviewed by AyiboPost", "a researcher based in Dakar": a past participle
    after a role word says something of the person, not of the role."""
    return end > start and doc[end].tag_ == "VBN" and _is_role_word(doc[end - 1])


def _predicate_role(name: Span) -> str | None:
    """ "Ahmed Saleh was a local journalist": the role as the predicate of the name's "to be"."""
    root = name.root
    if root.dep_ != "nsubj" or root.head.lemma_ != "be":
        return None
    attribute = next((c for c in root.head.rights if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    if attribute is None or attribute.lower_ not in ROLE_WORDS:
        return None
    role = _appos_phrase(attribute, stop=None)
    if role is None or len(role.split()) > _MAX_PREDICATE_ROLE_WORDS:
        return None  # "the top manager in the league who ...": a description, not a role
    if any(t.ent_type_ == "PERSON" for t in attribute.subtree):
        return None
    return role


#: Verbs whose "by" names a group's leader: "a faction led by X", "the unit commanded by X".
_LEADING_VERBS = frozenset({"lead", "head", "command"})


def _leader_of_the_group(name: Span) -> str | None:
    """ "a TPNPB faction led by Egianus Kogoya", "the First Support Force, led by Mohammed
    Bahroun": the name leads the group the participle describes."""
    root = _first_of_the_list(name)
    by, verb = root.head, root.head.head
    if root.dep_ != "pobj" or by.lower_ != "by" or verb.lemma_ not in _LEADING_VERBS or verb.tag_ != "VBN":
        return None
    group = verb.head if verb.dep_ == "acl" else _organisation_just_before(verb)
    if group is None or group.pos_ not in {"NOUN", "PROPN"} or group.ent_type_ in {"PERSON", "GPE"}:
        return None
    span = name.doc[group.left_edge.i : verb.i]
    if not (group.lemma_.lower() in _GROUP_NOUNS or any(t.pos_ == "PROPN" for t in span)):
        return None  # "troops led by X": who commands them is read from his title
    text = re.sub(r"[“”\"]", "", span.text)  # 'the “First Support Force,”'
    phrase = _clean(re.sub(r"^(?:A|An|The)\b", lambda m: m.group(0).lower(), text))
    return f"leader of {phrase}" if phrase and len(phrase.split()) <= _MAX_GROUP_WORDS else None


def _organisation_just_before(verb: Token) -> Token | None:
    """ "the “First Support Force,” led by X": the parse hangs "led" on the clause, but the
    organisation it follows is the one led."""
    before = verb.i - 1
    while before >= 0 and verb.doc[before].is_punct:
        before -= 1
    token = verb.doc[before] if before >= 0 else None
    return token if token is not None and token.ent_type_ == "ORG" else None


#: Groups a named person leads: "a faction led by X", "the gang headed by X".
_GROUP_NOUNS = frozenset(
    {
        "faction",
        "group",
        "militia",
        "gang",
        "cartel",
        "cell",
        "network",
        "movement",
        "wing",
        "party",
        "alliance",
    }
)


#: A group named in more words than this is a description, not the name of what is led.
_MAX_GROUP_WORDS = 10


#: A predicate is a role when it is short ("a local journalist"); longer ones describe.
_MAX_PREDICATE_ROLE_WORDS = 6


_REFLEXIVES = frozenset({"himself", "herself", "themselves"})
#: Verbs that put a role on a name: "the victim was identified as X", "the gunman was named as X".
_NAMING_VERBS = frozenset({"identify", "name"})


def _identified_as_role(name: Span) -> str | None:
    """ "The victim was identified as John Okafor": the role is the one the name is given to."""
    root = _first_of_the_list(name)  # "identified as Commander Cross, Emanu Cigar and Gazola": each of them
    if root.dep_ in {"oprd", "dobj", "attr"} and root.head.lower_ == "named" and root.head.dep_ == "acl":
        described = root.head.head  # "a 26-year-old constable named Samuel Kitwai"
        if described.lemma_.lower() in ROLE_WORDS:
            role = _appos_phrase(described, stop=described.i + 1)
            return _with_singular_head(role, described) if role is not None else None
    described = _named_as(root) or _identified_as_what(root) or _whose_name(root) or _believed_to_be(root)
    if described is None or described.lemma_.lower() not in ROLE_WORDS:
        return None
    earlier = _earlier_description(described)
    if earlier is not None:
        return _appos_phrase(earlier, stop=_end_before_clause(earlier, earlier.left_edge.i))
    role = _appos_phrase(described, stop=described.i + 1)
    return _with_singular_head(role, described) if role is not None else None  # "the separatists": one


def _named_as(root: Token) -> Token | None:
    """ "the victim was identified as X", "the shooter, whom he identified as X": who is named."""
    if root.dep_ != "pobj" or root.head.lower_ != "as" or root.head.head.lemma_ not in _NAMING_VERBS:
        return None
    verb = root.head.head
    described = next(
        (c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"} and c.lower_ not in _REFLEXIVES), None
    )
    if described is not None and described.lower_ in {"whom", "who", "that"} and verb.dep_ == "relcl":
        return verb.head  # "the shooter — whom he identified as Salvador Ramos"
    if described is None and verb.dep_ in {"acl", "relcl"}:
        described = verb.head  # "a 21-year-old suspect, identified as Uros B."
        if described.lemma_.lower() not in ROLE_WORDS:
            described = _top_of_noun_phrase(described)  # "a resident of the area who identified himself as X"
    return described


def _identified_as_what(root: Token) -> Token | None:
    """ "Police identified Alexandre Bissonnette as the gunman": the role after "as"."""
    if root.dep_ != "dobj" or root.head.lemma_ not in _NAMING_VERBS:
        return None
    return next(
        (
            o
            for c in root.head.children
            if c.dep_ == "prep" and c.lower_ == "as"
            for o in c.children
            if o.dep_ == "pobj"
        ),
        None,
    )


#: Verbs that report who someone is taken to be: "the offender is believed to be X".
_BELIEF_VERBS = frozenset({"believe", "think", "understand", "confirm", "know"})


def _believed_to_be(root: Token) -> Token | None:
    """ "The 22-year-old offender who took his own life is believed to be Jake Davison": the role
    is the subject the name is believed to be."""
    be = root.head
    if root.dep_ != "attr" or be.lemma_ != "be" or be.dep_ != "xcomp" or be.head.lemma_ not in _BELIEF_VERBS:
        return None
    return next((c for c in be.head.children if c.dep_ in {"nsubjpass", "nsubj"}), None)


def _whose_name(root: Token) -> Token | None:
    """ "the deceased suspect's name is Steve Seagraves": the role whose name the sentence gives."""
    if root.dep_ != "attr" or root.head.lemma_ != "be":
        return None
    subject = next((c for c in root.head.children if c.dep_ == "nsubj" and c.lemma_ == "name"), None)
    return next((c for c in subject.children if c.dep_ == "poss"), None) if subject is not None else None


#: How far back "the priest" looks for the fuller "an Orthodox priest in Derbent" it refers to.
_DESCRIPTION_LOOKBACK_SENTENCES = 4


def _earlier_description(noun: Token) -> Token | None:
    """ "... killed an Orthodox priest in Derbent. TV named the priest as X": a bare definite role
    refers back to the fuller description of the same noun a few sentences earlier."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    if any(c.dep_ in {"amod", "compound", "prep"} for c in noun.children):
        return None
    doc = noun.doc
    first = noun.sent.start
    for _ in range(_DESCRIPTION_LOOKBACK_SENTENCES):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    for token in reversed(doc[first : noun.i]):
        if token.lemma_ == noun.lemma_ and token.pos_ == "NOUN":
            if any(c.dep_ in {"amod", "compound", "prep"} for c in token.children):
                return token
            return None
    return None


#: "X, who heads the delegation": the office a relative clause gives, by its verb.
_OFFICE_VERBS = {"head": "head", "lead": "leader", "command": "commander", "chair": "chair", "run": "head"}


#: "X, who is suspected of the killings": the role a passive clause of suspicion gives.
_SUSPICION_VERBS = {"suspect": "suspect", "accuse": "accused"}


#: Nouns for an office one takes over: "took over leadership of Al-Qaeda" makes its leader.
_TAKEN_OFFICES = {"leadership": "leader", "command": "commander", "helm": "head"}


def _office_taken(name: Span) -> str | None:
    """ "Saad Al-Olaqi took over leadership of Al-Qaeda": he is its leader, when what he leads is
    a named body."""
    root = name.root
    if root.dep_ != "nsubj" or root.head.lemma_.lower() not in {"take", "assume"}:
        return None
    for office in (c for c in root.head.children if c.dep_ == "dobj" and c.lemma_.lower() in _TAKEN_OFFICES):
        bodies = [o for c in office.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
        body = next((o for o in bodies if o.ent_type_ in {"ORG", "NORP"} or o.pos_ == "PROPN"), None)
        if body is not None:
            held = body.doc[body.left_edge.i : body.right_edge.i + 1]
            return _clean(f"{_TAKEN_OFFICES[office.lemma_.lower()]} of {held.text}")
    return None


def _office_clause_role(name: Span) -> str | None:
    """ "Maria Ruiz, who heads the Red Cross delegation" is the head of the Red Cross delegation."""
    for clause in name.root.rights:
        if clause.dep_ != "relcl" or not any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ == "who" for c in clause.children
        ):
            continue
        if clause.lemma_ == "be":  # "Ndalo Budz, who is the head of the camp"
            held = next((c for c in clause.rights if c.dep_ == "attr" and c.lower_ in ROLE_WORDS), None)
            role = _appos_phrase(held, stop=None) if held is not None else None
            if role is not None and len(role.split()) <= _MAX_PREDICATE_ROLE_WORDS:
                return role
            charge = next((c for c in clause.rights if c.dep_ == "prep" and _in_charge(c)), None)
            if charge is not None:  # "Wuor Weah, who is in charge of information in Mayom County"
                return _clean(clause.doc[charge.i : charge.right_edge.i + 1].text)
            continue
        if clause.lemma_ in _SUSPICION_VERBS and any(c.dep_ == "auxpass" for c in clause.children):
            return _SUSPICION_VERBS[clause.lemma_]  # "Aco Martinović, who is suspected of committing ..."
        if clause.lemma_ not in _OFFICE_VERBS:
            continue
        office = next((c for c in clause.rights if c.dep_ == "dobj"), None)
        if office is not None:
            held = office.doc[office.left_edge.i : office.right_edge.i + 1]
            return _clean(f"{_OFFICE_VERBS[clause.lemma_]} of {held.text}")
    return None


def _in_charge(prep: Token) -> bool:
    return prep.lower_ == "in" and any(c.lower_ == "charge" for c in prep.children)


def _title_before(name: Span) -> tuple[str | None, int]:
    """The run of title words just before the name ("US Secretary of State", "IS leader"), and
    the token where it starts (the name's start when there is none)."""
    doc = name.doc
    end = name.start
    if name.root.dep_ == "conj" and end >= 1 and doc[end - 1].dep_ == "cc":
        first = _first_conjunct_name(name)
        if first is not None:
            end = first  # "Lawmakers A and B died": B holds the title A's name follows
    if end >= 3 and doc[end - 1].text == ")" and doc[end - 3].text == "(" and _is_acronym(doc[end - 2].text):
        end -= 3  # "Inspector General of Police (IGP) Vijay Kumar"
    station = _station_between_commas(doc, end)
    end -= 3 if station else 0  # "Inspector General of Police, Bastar, Vivekanand Sinha"
    i = end - 1
    while i >= 0 and _in_title_run(doc[i]):
        i -= 1
    run = doc[i + 1 : end]
    while len(run) and (
        run[0].lower_ in {"of", "for", "and", "-", "'s", "’s", "to", "the"}
        or (
            run[0].pos_ in _NOT_TITLE_STARTS
            and run[0].lower_ not in ROLE_WORDS
            and not _name_tagged_a_verb(run[0])
        )
        or run[0].lower_ in {"today", "yesterday", "tonight", "meanwhile"}
    ):
        run = run[1:]  # "However Assistant State's Attorney": a sentence adverb is not part of it
    cut = next((i for i, t in enumerate(run) if t.lower_ == "to" and i and run[i - 1].pos_ == "ADJ"), None)
    if cut is not None and not any(_is_role_word(t) for t in run[:cut]):
        run = run[cut + 1 :]  # "forces loyal to President X": only the office is his
    if not len(run) or not any(_is_role_word(t) for t in run):
        return None, name.start
    if run[-1].lower_ in {"of", "for", "to", "the", "'s", "’s"}:
        return None, name.start  # "a member of X": X is what the role belongs to, not who holds it
    cut = _office_after_another_role(run)
    if cut is not None:
        run = run[cut:]  # "[deputy spokesman for] UN Secretary-General Antonio Guterres"
    text = _with_singular_head(run.text, run[-1])  # "Lawmakers A and B": each a lawmaker
    if station:
        return _clean(f"{text}, {doc[end + 1].text}"), run.start
    return _clean(text), (run.start if end == name.start else name.start)


def _name_tagged_a_verb(token: Token) -> bool:
    """ "Tulsa police Capt. X": a capitalised place the model took for a verb, inside the sentence."""
    return token.pos_ == "VERB" and token.is_title and token.ent_type_ in {"GPE", "LOC", "ORG", "NORP"}


def _is_acronym(word: str) -> bool:
    """ "IGP", "BfV": a capital first and at least two capitals in all."""
    return word[:1].isupper() and sum(c.isupper() for c in word) >= 2


def _station_between_commas(doc: Doc, end: int) -> bool:
    """ "Inspector General of Police, Bastar, Vivekanand Sinha": the one-word place an office
    holder serves in, set off by commas between the office and the name."""
    return (
        end >= 4
        and doc[end - 1].text == ","
        and doc[end - 3].text == ","
        and doc[end - 2].ent_type_ in {"GPE", "LOC", ""}
        and doc[end - 2].is_title
        and (_is_role_word(doc[end - 4]) or (doc[end - 4].is_title and _in_title_run(doc[end - 4])))
    )


def _office_after_another_role(run: Span) -> int | None:
    """Where the holder's own office starts when a title run begins with someone else's role:
    "deputy spokesman for UN Secretary-General Antonio Guterres" -> "UN Secretary-General"."""
    for i, token in enumerate(run):
        if token.lower_ not in {"for", "to"} or i == 0 or not any(_is_role_word(t) for t in run[:i]):
            continue
        rest = run[i + 1 :]
        if any(t.lower_.split("-")[0] in ROLE_WORDS - _RANKS for t in rest):
            start = i + 1
            while start < len(run) and run[start].lower_ == "the":
                start += 1
            return start
    return None


def _is_role_word(token: Token) -> bool:
    return (
        token.lower_ in ROLE_WORDS
        or _singular_role_word(token) is not None
        or _prefixed_role_word(token.lower_)
    )


#: Prefixes that make a role word another role: "undersheriff", "subinspector", "cofounder".
_ROLE_PREFIXES = ("under", "sub", "co", "vice", "deputy", "arch")


def _prefixed_role_word(word: str) -> bool:
    """ "Undersheriff", "sub-inspector": a role word with a rank prefix is itself a role."""
    for prefix in _ROLE_PREFIXES:
        rest = word.removeprefix(prefix).lstrip("-")
        if rest != word and len(rest) >= 5 and rest in ROLE_WORDS:
            return True
    return False


def _singular_role_word(token: Token) -> str | None:
    """ "lawmakers" -> "lawmaker" (the model leaves capitalised plurals unlemmatised)."""
    lower = token.lower_
    if lower in ROLE_WORDS or not lower.endswith("s"):
        return None
    for singular in (token.lemma_.lower(), lower[:-1], lower[:-2] if lower.endswith("es") else ""):
        if singular in ROLE_WORDS:
            return singular if token.is_lower else singular.capitalize()
    return None


def _with_singular_head(text: str, head: Token) -> str:
    """A role ending in a plural role word, with that word made singular: each person named holds it."""
    singular = _singular_role_word(head)
    return text[: len(text) - len(head.text)] + singular if singular is not None else text


def _first_of_the_list(name: Span) -> Token:
    """The first name of the list a name is in ("A, B and C"), which carries the list's role; the
    name itself when it stands alone."""
    return first_conjunct(name.root)


def _first_conjunct_name(name: Span) -> int | None:
    """Where the first name of "A and B" starts, for the title before it."""
    first = _first_of_the_list(name)
    if first.i == name.root.i or first.ent_type_ != "PERSON":
        return None
    start = first.i
    while start > 0 and name.doc[start].ent_iob_ != "B" and name.doc[start - 1].ent_type_ == "PERSON":
        start -= 1
    return start


def _in_title_run(token: Token) -> bool:
    if token.text in {"(", ")"}:
        return _brackets_acronym(token)  # "Capital City Police Officer (CCPO) Peshawar"
    if token.is_punct and token.text not in {".", "-"}:
        return False
    if token.text == ".":
        before = token.doc[token.i - 1] if token.i > 0 else token
        hyphenated_rank = "-" in before.text and is_title_word(before)  # "Maj.-Gen."
        return (
            before.lower_ + "." in TITLE_TOKENS
            or hyphenated_rank
            or (len(before.text) == 1 and before.is_upper)
        )
    if token.text == "-":
        return token.i > 0 and not token.doc[token.i - 1].is_punct
    if token.lower_ == "in" and 0 < token.i < len(token.doc) - 1:
        following = token.doc[token.i + 1]
        hyphenated = token.doc[token.i - 1].text == "-" and following.text == "-"  # "Commander-in-Chief"
        return hyphenated or following.lower_ == "charge"  # "Commissioner in charge of Area Five"
    if token.lower_ == "charge" and token.i > 0 and token.doc[token.i - 1].lower_ == "in":
        return True
    if "\n" in token.text:
        return False
    if token.tag_ == "VBD" and token.is_lower and token.dep_ not in {"compound", "amod", "nmod"}:
        return False  # "Yerevan accused Baku of ...": a verb in the past, not "the accused"
    if token.lower_ in _TITLE_RUN_LOWER or (token.is_lower and _singular_role_word(token) is not None):
        return True  # "constables Matthew Arnold and Rachel McCrow": each a constable
    if _ORDINAL.fullmatch(token.lower_):
        return True  # "brigade spokeswoman 2nd Lt. Selena Owens"
    if (token.pos_ == "ADJ" or token.dep_ == "amod") and token.is_lower and _role_word_follows(token):
        return True  # "CNN legal analyst", "the former prime minister", "Chief military spokesman"
    if token.dep_ == "compound" and token.pos_ in {"NOUN", "PROPN"} and not token.is_upper:
        return True  # "press operations director", "air force spokesman"
    if token.lower_ in _SERVICES and token.i + 1 < len(token.doc) and is_title_word(token.doc[token.i + 1]):
        return True  # "Tulsa police Capt. Richard Meulenberg", however the parse hangs "police"
    if token.is_lower and token.pos_ in {"NOUN", "PROPN"} and _object_of_office(token):
        return True  # "US secretary of state", "Deputy Inspector General of police"
    if (
        token.is_lower
        and token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and _is_role_word(token.head.head)
    ):
        return True  # "administrator of the Dengez locality": where the office is held
    if token.lower_ == "and" and _inside_capitalised_office(token):
        return True  # "Minister of Information and Communication"
    if (
        token.pos_ == "NOUN"
        and token.is_lower
        and token.i + 1 < len(token.doc)
        and token.doc[token.i + 1].lower_ in {"'s", "’s"}
    ):
        return True  # "the region's governor": whose governor is part of the role
    return token.is_title or (token.is_upper and token.is_alpha)


def _object_of_office(token: Token) -> bool:
    """ "state" in "secretary of state": the lower-case object of "of" right after an office word."""
    doc, i = token.doc, token.i
    return i >= 2 and doc[i - 1].lower_ == "of" and _is_role_word(doc[i - 2])


def _inside_capitalised_office(conjunction: Token) -> bool:
    """ "and" between two capitalised words of one office's name, not between two people."""
    doc, i = conjunction.doc, conjunction.i
    if i == 0 or i + 1 >= len(doc):
        return False
    before, after = doc[i - 1], doc[i + 1]
    if (
        before.is_title
        and after.is_title
        and _object_of_office(before)
        and i + 2 < len(doc)
        and doc[i + 2].lower_ in _DIVISION_NOUNS
    ):
        return True  # "Governor General of Sistan and Baluchestan province", whatever the labels
    return before.is_title and after.is_title and before.ent_type_ != "PERSON" and after.ent_iob_ != "B"


#: Nouns after a two-part name of a division: "Sistan and Baluchestan province".
_DIVISION_NOUNS = frozenset({"province", "region", "state", "district", "county", "governorate", "oblast"})


def _brackets_acronym(bracket: Token) -> bool:
    doc, i = bracket.doc, bracket.i
    if bracket.text == "(":
        return i + 2 < len(doc) and doc[i + 1].is_upper and doc[i + 2].text == ")"
    return i >= 2 and doc[i - 1].is_upper and doc[i - 2].text == "("


#: The grade before a rank: "2nd Lt.", "1st Sgt".
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")

_NOT_TITLE_STARTS = frozenset({"ADV", "CCONJ", "SCONJ", "INTJ", "PRON", "VERB", "AUX"})


def _role_word_follows(token: Token) -> bool:
    """An adjective belongs to a title only when a role word comes within two words after it."""
    following = token.doc[token.i + 1 : token.i + 3]
    return any(_is_role_word(t) for t in following)


def _apposition_role(name: Span, title_start: int) -> str | None:
    """A role in an apposition: after the name, or the phrase the name is an apposition of."""
    root = name.root
    for child in root.rights:
        if child.dep_ == "appos" and child.lower_ in _REFLEXIVES:
            break  # "X, himself a Kurdish politician": a description, not the office he holds
        if child.dep_ == "appos" and child.i >= name.end:
            phrase = _appos_phrase(child, stop=None)
            if phrase:
                return phrase
    if root.dep_ == "appos" and root.head.i < name.start:
        head = _top_of_noun_phrase(root.head)
        if head.lower_ not in ROLE_WORDS and root.head.lower_ in ROLE_WORDS:
            head = root.head  # "the kidnapping of Mali's opposition leader, X": the role is the noun X names
        if head.lower_ in ROLE_WORDS and title_start > head.i:  # else the title run already has it
            return _clean(head.doc[_start_without_det(head) : _end_before_comma(head, title_start)].text)
    return None


def _top_of_noun_phrase(token: Token) -> Token:
    """From "Commissioner" in "a spokesman for the UN High Commissioner" up to "spokesman"."""
    while token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.i < token.i:
        token = token.head.head
    return token


def _appos_phrase(token: Token, stop: int | None) -> str | None:
    start = _start_without_det(token)
    if token.lower_ == "one":
        return _one_of_the_holders(token, stop or _end_before_clause(token, start))
    while start < token.i and _is_age_word(token.doc[start]):
        start += 1  # "a 66-year-old priest at the church": the age is not the role
    span = token.doc[start : (stop or _end_before_clause(token, start))]
    participle = next(
        (c.left_edge.i for c in token.subtree if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > token.i),
        span.end,
    )
    named = span.doc[span.start : max(span.start, min(span.end, participle))]
    if not any(t.lower_ in ROLE_WORDS or t.lemma_.lower() in ROLE_WORDS for t in named) or any(
        t.like_num for t in span[:1]
    ):
        return None  # "both of Tara Police Station, described by the commissioner as ...": no role
    if _ends_in_titled_name(span):
        name_start = span.end
        while name_start > span.start and span.doc[name_start - 1].ent_type_ == "PERSON":
            name_start -= 1
        whose = span.doc[span.start : name_start]
        if any(t.lower_ in {"for", "of", "to"} for t in whose) and any(_is_role_word(t) for t in whose[:2]):
            return _clean(whose.text)  # "deputy spokesman for UN Secretary-General Antonio Guterres"
        return None  # "her boyfriend, Army Spc. Caleb Barnes": another person, not this one's role
    return _clean(span.text)


def _one_of_the_holders(one: Token, end: int) -> str | None:
    """ "X, one of the leaders of this front and the former vice president": he holds the role
    the plural names, in the singular ("leader of this front and the former vice president")."""
    holders = next(
        (
            o
            for c in one.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children
            if o.dep_ == "pobj"
        ),
        None,
    )
    singular = _singular_role_word(holders) if holders is not None else None
    if holders is None or singular is None:
        return None
    doc = one.doc
    modifiers = doc[_start_without_det(holders) : holders.i].text
    return _clean(" ".join(part for part in (modifiers, singular, doc[holders.i + 1 : end].text) if part))


def _end_before_clause(token: Token, start: int) -> int:
    """Where an apposed role ends: before another person coordinated with this one ("a member of
    the committee, and his cousin, Adnan"), and before a relative clause that tells what the person
    did ("the student who created the graph", "a rebel leader tagged by authorities as behind the
    attacks") unless the role is a bare noun without it ("a soldier who defected from the army" is
    not just a soldier)."""
    doc = token.doc
    end = token.right_edge.i + 1
    for child in token.subtree:
        if child.i <= token.i:
            continue
        another_person = child.dep_ == "conj" and _is_another_person(child)
        clause = child.dep_ == "relcl" or (child.dep_ == "acl" and child.tag_ == "VBN")
        what_they_did = clause and _content_words(doc[start : child.left_edge.i]) >= 2
        if another_person or what_they_did:
            end = min(end, child.left_edge.i)
    while end > token.i + 1 and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
        end -= 1
    return end


def _is_another_person(conjunct: Token) -> bool:
    return any(t.ent_type_ == "PERSON" for t in conjunct.subtree) or any(
        c.dep_ == "poss" and c.lower_ in {"his", "her", "their"} for c in conjunct.children
    )


def _content_words(span: Span) -> int:
    return sum(1 for t in span if not (t.is_punct or t.dep_ == "det"))


def _ends_in_titled_name(span: Span) -> bool:
    """Whether the phrase ends with a rank followed by a capitalised name."""
    marks = [i for i, t in enumerate(span) if is_title_word(t)]
    if not marks:
        return False
    rest = [t for t in span[marks[-1] + 1 :] if not t.is_punct]
    return bool(rest) and all(t.is_title and t.pos_ == "PROPN" for t in rest)


def _start_without_det(token: Token) -> int:
    start = token.left_edge.i
    while start < token.i and token.doc[start].dep_ == "det":
        start += 1
    return start


def _end_before_comma(head: Token, name_start: int) -> int:
    """Where the role phrase ends: before the comma and any age ("brother, 26-year-old Tom")."""
    end = name_start
    while end > head.i and (head.doc[end - 1].is_punct or _is_age_word(head.doc[end - 1])):
        end -= 1
    return end


def _is_age_word(token: Token) -> bool:
    return token.like_num or token.lower_ in {"year", "years", "old", "-"}


def _clean(text: str) -> str | None:
    """The role as an analyst writes it: one line, without the age glued on its front ("23-year-old
    student" parses as "old student"), a possessive pronoun ("his wife" is a wife) or the rank
    after it that belongs to the name ("press operations director Navy Capt. Jeff Davis")."""
    text = " ".join(text.replace("\n", " ").split()).strip(" ,;:-\"'“”‘’")
    text = _without_leading_clause(text)
    text = _POSSESSIVE_PRONOUN.sub("", _AGE_PREFIX.sub("", text))
    text = re.sub(r"\s*\([A-Z]{2,6}\)?$|\s*\([A-Z]{2,6}\)", "", text)  # "Inspector General of Police (IGP)"
    text = _TOWN_OF.sub("of", text)  # "mayor of the nearby town of Bankass" is the mayor of Bankass
    text = _ABBREVIATED_OFFICE.sub(lambda m: _OFFICES[m.group(1).lower()], text)
    text = _TRAILING_HONORIFIC.sub("", _without_trailing_rank(text))
    return text.strip(" ,;:-") or None


_TOWN_OF = re.compile(
    r"\bof the (?:(?:nearby|neighbouring|neighboring|northern|southern|eastern|western|central)\s+)?"
    r"(?:town|city|village|district|province|state|region|municipality|county) of\b"
)


#: An honorific the name's apposition left on the role: "chief medical correspondent, Dr.".
_TRAILING_HONORIFIC = re.compile(r",?\s+(?:Dr|Mr|Mrs|Ms|Prof|Sir)\.?$")


#: Offices that newswire style abbreviates before a name ("Gov. Silvano Aureoles").
_OFFICES = {
    "gov": "Governor",
    "sen": "Senator",
    "rep": "Representative",
    "supt": "Superintendent",
    "insp": "Inspector",
    "const": "Constable",  # "Const. Heidi Stevenson": no reader takes "Const." for a rank
}
_ABBREVIATED_OFFICE = re.compile(r"\b(Gov|Sen|Rep|Supt|Insp|Const)\.(?=\s|$)", re.IGNORECASE)


_AGE_PREFIX = re.compile(r"^(?:\d+[- ])?(?:year[- ])?old\s+(?=\w)|^aged \d+\s+", re.IGNORECASE)
_POSSESSIVE_PRONOUN = re.compile(
    r"^(?:(?:but|and|however|meanwhile),?\s+)?(?:(?:his|her|their|its|our|my)\s+)?(?=\w)", re.IGNORECASE
)
#: Services named between a role and a rank: "director Navy Capt.", "spokesman Army Maj.".
_SERVICES = frozenset({"navy", "army", "marine", "marines", "air", "force", "police", "coast", "guard"})


def _without_leading_clause(text: str) -> str:
    """ "In an ominous signal that fighting will escalate, a top rebel leader": a clause the parse
    hung on the role phrase; the part before a comma that has no role word is not the role."""
    head, sep, rest = text.partition(", ")
    if sep and rest and not any(w.lower().strip(".,") in ROLE_WORDS for w in head.split()):
        rest = re.sub(r"^(?:a|an|the)\s+", "", rest, flags=re.IGNORECASE)
        return _without_leading_clause(rest)
    return text


def _without_trailing_rank(text: str) -> str:
    """Drop ranks (and the service before them) that end a role, when a role word remains."""
    words = text.split()
    ranks = _RANKS
    end = len(words)
    while end > 1 and _is_rank_word(words[end - 1], ranks) and not _office_of_general(words, end):
        end -= 1
    while end < len(words) and end > 1 and _ORDINAL.fullmatch(words[end - 1].lower()):
        end -= 1  # "2nd Lt.": the grade of the rank
    while end < len(words) and end > 1 and words[end - 1].lower() in _SERVICES:
        end -= 1
    kept = words[:end]
    if end == len(words) or not any(_is_role_not_rank(w, ranks) for w in kept):
        return text
    return " ".join(kept)


def _is_rank_word(word: str, ranks: frozenset[str]) -> bool:
    """ "Col.", "Maj.-Gen.": a rank, or ranks joined by a hyphen."""
    return all(part.rstrip(".") in ranks for part in word.lower().split("-"))


#: Military and police ranks, which go with the name after them ("Navy Capt. Jeff Davis"); offices
#: such as "Minister" or "President" end a role ("Prime Minister") and are never cut off.
_RANKS = _words(
    "lt gen general col colonel maj major capt captain sgt sergeant adm admiral brig brigadier"
    " lieutenant spc pvt pfc cpl corporal"
)


#: Offices whose name ends in "General", which is then no rank: "Inspector General".
_GENERAL_OFFICES = _words(
    "inspector attorney secretary solicitor director governor surgeon auditor consul adjutant advocate"
)


def _office_of_general(words: list[str], end: int) -> bool:
    return end >= 2 and words[end - 1].lower() == "general" and words[end - 2].lower() in _GENERAL_OFFICES


def _is_role_not_rank(word: str, ranks: frozenset[str]) -> bool:
    key = word.lower().rstrip(".")
    return key in ROLE_WORDS and key not in ranks


def role_in_headline(headline: str, forms: list[str]) -> str | None:
    """ "Armed Mercenaries Killed the Haiti President Jovenel Moïse": the title words a headline puts
    before a person's name (a role word last, with states and other title words before it), for a
    person the story's sentences give no role."""
    for form in sorted(forms, key=len, reverse=True):
        match = re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", headline)
        if match is None:
            continue
        words = headline[: match.start()].split()
        if not words or not _headline_role_word(words[-1]):
            continue
        start = len(words) - 1
        while start > 0 and (
            _headline_role_word(words[start - 1])
            or words[start - 1].lower() in _SERVICES
            or gazetteer.country_of(words[start - 1])
        ):
            start -= 1  # "Nigerian Army Chief", "the Haiti President"
        return _clean(" ".join(words[start:]))
    return None


def _headline_role_word(word: str) -> bool:
    key = word.lower().strip(",:;'’\"")
    return key in ROLE_WORDS or key.rstrip(".") in BARE_TITLES


def is_only_a_rank(role: str) -> bool:
    """ "Maj", "Capt.", "Brig. Gen.": a role that is only a rank or form of address says less than
    an office a later sentence may give the same person."""
    return all(_is_rank_word(word.rstrip(","), _RANKS | _ADDRESS_FORMS) for word in role.split())


def says_little(role: str) -> bool:
    """A rank alone, or a bare role noun ("spokeswoman", "commander"), which a fuller role another
    sentence gives the same person may replace."""
    return is_only_a_rank(role) or _bare_role_noun(role)


def _bare_role_noun(role: str) -> bool:
    return len(role.split()) == 1 and role.lower() in ROLE_WORDS


def improves_on(role: str | None, fuller: str) -> bool:
    """Whether `fuller` should replace `role`: any office replaces a bare rank ("Maj" -> "UPDF 3rd
    division spokesperson"), but a bare role noun only gives way to the same role said in full
    ("spokeswoman" -> "regional police spokeswoman"), since a different role later may be another
    person's that the model gave the same surname."""
    if role is None:
        return True
    if is_only_a_rank(role):
        return not is_only_a_rank(fuller)
    if _bare_role_noun(role):
        words = fuller.lower().split()
        return len(words) > 1 and words[-1] == role.lower()
    return False


#: Forms of address and ranks outside `_RANKS` that a fuller role replaces.
_ADDRESS_FORMS = _words("private cmdr mr mrs ms dr chief")


def is_only_title(name: Span) -> bool:
    """True for a rank alone ("Navy Capt"), which the model sometimes tags as a person."""
    return is_title_word(name[-1])


def without_title(name: Span) -> Span:
    """The name without leading ranks and honorifics inside the entity ("Gen Talib Shaghati").

    The ranks are not lost: `role_of` reads them back from the words before the shortened name.
    """
    i = name.start
    while i < name.end - 1 and (name.doc[i].lower_ in TITLE_TOKENS or name.doc[i].text == "."):
        i += 1
    while (
        name.end - i > 2
        and name.doc[i].is_title
        and (name.doc[i].lower_ in PERSON_NOUNS or _prefixed_role_word(name.doc[i].lower_))
    ):
        i += 1  # "Prisoner Carlos Boente", "Vicepresident Delcy Rodríguez": a description at a start
    return name.doc[i : name.end]
