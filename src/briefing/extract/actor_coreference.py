"""Coreference within an article: the mentions of one actor joined into one cluster.

Surnames, "Mr X" and possessives join the full name, acronyms join their expansion, word-order
variants join ("University of Mosul"), and the model's labels are corrected by context (a surname
tagged ORG is still the person; a "person" always found after "in"/"near" is a place).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from . import gazetteer
from .actor_entities import POSSESSIVE
from .actor_model import Cluster, Mention, name_key, word_set
from .actor_patterns import COMPASS_WORDS
from .analysis import Analysis, first_conjunct
from .roles import role_of

_LOCATIVE = frozenset({"in", "near", "outside", "at", "from", "to", "around", "into", "towards", "toward"})
_PLACE_NOUNS = word_set(
    "city town village province district region neighborhood neighbourhood area port suburb"
    " governorate county airport airbase base camp hospital mosque"
)


def cluster_mentions(mentions: list[Mention]) -> dict[str, Cluster]:
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
    word = name_key(word)
    for prefix in ("al-", "el-", "al ", "el "):
        word = word.removeprefix(prefix)
    return word


def fix_people(clusters: dict[str, Cluster], analysis: Analysis) -> None:
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
        if any(name_key(w) in _ORG_WORDS for w in words) or gazetteer.country_of(words[0]):
            continue
        spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in cluster.mentions]
        if any(
            span is not None and (_age_follows(span) or _honorific_before(span) or _role_apposed(span))
            for span in spans
        ):
            cluster.kind = "person"
            cluster.key = "person:" + cluster.key.split(":", 1)[1]
    for key in [k for k, c in clusters.items() if c.key != k]:
        cluster = clusters.pop(key)
        clusters.setdefault(cluster.key, cluster)


#: Words that mark a name as an organisation's, so it is never re-read as a person.
_ORG_WORDS = word_set(
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


#: Role nouns that, set off after a name, say it is a person's: "Izo, leader of the 5 Seconds gang".
_PERSON_ROLE_NOUNS = word_set("leader chief commander spokesman spokeswoman spokesperson founder head deputy")


def _role_apposed(span: Span) -> bool:
    after = [t for t in span.doc[span.end : span.end + 3] if t.lower_ not in {"the", "a", "an"}]
    return len(after) >= 2 and after[0].text == "," and after[1].lower_ in _PERSON_ROLE_NOUNS


def _honorific_before(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_.rstrip(".") in {"mr", "mrs", "ms", "miss", "dr"}


def merge_people(clusters: dict[str, Cluster], text: str) -> None:
    """Join a surname (tagged PERSON, ORG or place by the model) to the one full name ending in it."""
    for short in sorted(clusters.values(), key=lambda c: len(c.name.split())):
        if short.key not in clusters or short.kind not in {"person", "organization", "place"}:
            continue
        words = short.name.split()
        if len(words) > 2 or (short.kind == "place" and len(words) > 1):
            continue
        if short.kind == "organization" and len(words) > 1 and any(name_key(w) in _ORG_WORDS for w in words):
            continue  # "Mobile Squad" is a unit, whatever person's name ends the same way
        people = [c for c in clusters.values() if c.kind == "person" and c is not short]
        target = _person_ending_with(people, short, text)
        if target is not None:
            _absorb(clusters, target, short)


#: How alike two spellings of one full name are: "Qassem Soleimani" and "Qassem Souleimani".
_SPELLING_SIMILARITY = 0.85
#: ... and each word: "Youssef" and "Yusuk" are one surname; "John" and "Jane" are not one name.
_WORD_SIMILARITY = 0.6


def merge_spelling_variants(clusters: dict[str, Cluster]) -> None:
    """One person spelled two ways in one article ("Salwa Youssef", "Salwa Yusuk"; "Syed Mohammad",
    "Sayed Mohammad"): full names of as many words, each word alike, joined to the first spelling."""
    people = [c for c in clusters.values() if c.kind == "person" and len(c.name.split()) >= 2]
    for index, later in enumerate(people):
        if later.key not in clusters:
            continue
        twin = next(
            (p for p in people[:index] if p.key in clusters and _spelled_alike(p.name, later.name)), None
        )
        if twin is not None:
            _absorb(clusters, twin, later)


def _spelled_alike(a: str, b: str) -> bool:
    words_a, words_b = _name_words(a), _name_words(b)
    if len(words_a) != len(words_b) or words_a == words_b:
        return False
    alike_words = all(
        x[0] == y[0] and difflib.SequenceMatcher(None, x, y).ratio() >= _WORD_SIMILARITY
        for x, y in zip(words_a, words_b, strict=True)
    )
    whole = difflib.SequenceMatcher(None, " ".join(words_a), " ".join(words_b)).ratio()
    return alike_words and whole >= _SPELLING_SIMILARITY


#: Generational suffixes: "Kenneth Stancil III" is still "Stancil".
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _name_words(name: str) -> list[str]:
    words = [_surname_key(w) for w in name.split()]
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words.pop()
    return words


def _person_ending_with(people: list[Cluster], short: Cluster, text: str) -> Cluster | None:
    """The one longer name that ends with this one ("Baghdadi") or, for a person, starts with it
    ("Abu Jandal" for "Abu Jandal al-Kuwaiti"); None when absent or ambiguous."""
    words = _name_words(short.name)
    n = len(words)

    def fits(person: Cluster) -> bool:
        theirs = _name_words(person.name)
        if len(theirs) <= n:
            return False
        if theirs[-n:] == words:
            return True
        if short.kind in {"person", "organization"} and theirs[:n] == words:
            return True
        # "Issa Tchiroma Bakary ... Tchiroma said": a later given name of a three-word name
        return n == 1 and len(theirs) >= 3 and words[0] in theirs[1:-1]

    matches = sorted(
        (p for p in people if fits(p)), key=lambda p: (-len(p.mentions), min(m.start for m in p.mentions))
    )
    # Two Tsarnaevs named equally often: news style calls the one introduced first by surname alone
    # ("Dzhokhar Tsarnaev ... Tsarnaev, 21"), and names the relative in full whenever he comes up;
    # but when the surname first comes after both were named, it is the one named just before it
    # ("the victim Christopher Mwantiri ... Solomon Mwantiri confirmed ... Mwantiri explained").
    first = min(m.start for m in short.mentions)
    introduced = [p for p in matches if min(m.start for m in p.mentions) < first]
    kin = [p for p in introduced if _introduced_as_kin(p, text)]
    if kin and len(kin) < len(introduced):
        # "shooting him dead and wounding his wife, Martine Moïse. Mr. Moïse was found ...": the
        # relative is named by the kin word and her full name; the surname alone is the principal
        matches = [p for p in matches if p not in kin]
        introduced = [p for p in introduced if p not in kin]
    if len(introduced) > 1 and len({len(p.mentions) for p in introduced}) == 1:
        latest = max(introduced, key=lambda p: max(m.start for m in p.mentions if m.start < first))
        if first - max(m.start for m in latest.mentions if m.start < first) <= JUST_NAMED_CHARS:
            return latest
    return matches[0] if matches else None


#: A kin word just before a name: "his wife, Martine Moïse", "son Hamza bin Laden".
_KIN_BEFORE = re.compile(
    r"\b(?:wife|husband|widow|son|daughter|mother|father|brother|sister|nephew|niece|cousin)s?\W{0,3}$",
    re.IGNORECASE,
)


def _introduced_as_kin(person: Cluster, text: str) -> bool:
    first = min(m.start for m in person.mentions)
    return bool(_KIN_BEFORE.search(text[max(0, first - 20) : first]))


#: How close before a bare surname a full name must be to be the one it repeats, when two people
#: share the surname: about one sentence.
JUST_NAMED_CHARS = 250


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


def merge_same_names(clusters: dict[str, Cluster]) -> None:
    """One name tagged PERSON in one sentence and ORG in another is one actor (majority kind)."""
    by_mentions = sorted(clusters.values(), key=lambda c: -len(c.mentions))
    _merge_by_name(clusters, [c for c in by_mentions if c.key.startswith(("person:", "organization:"))])


def merge_state_names(clusters: dict[str, Cluster]) -> None:
    """ "attacks.Niger is ruled by ...": a state's name the model tagged PERSON or ORG (a glued
    sentence, a name opening a sentence) is that state when the article names it as one elsewhere."""
    for cluster in list(clusters.values()):
        if not cluster.key.startswith(("person:", "organization:")) or not gazetteer.is_state_name(
            cluster.name
        ):
            continue
        state = clusters.get(f"country:{gazetteer.country_of(cluster.name)}")
        if state is not None:
            _absorb(clusters, state, cluster)


#: Kinds a bracketed or "also known as" name can be another name of: bodies, groups and people.
_RENAMED_KINDS = frozenset({"organization", "armed_group", "military", "government", "person"})
#: What may stand between a name and its other name: "Jaish al-Adl (Army of Justice)",
#: "Victor Quispe Palomino, or “Comrade Jose,”", "Boko Haram, also known as JAS".
_OTHER_NAME_BETWEEN = re.compile(
    r"\s*(?:\(|,\s*(?:or|alias|a\.k\.a\.|aka|(?:also |better |locally )?known as)\s*[\"“]?)\s*$"
)


_ACRONYM_APPOSED = re.compile(r",\s*the\s+$")


def merge_other_names(clusters: dict[str, Cluster], text: str) -> None:
    """A name given right after another as its translation or alias is the same actor."""
    by_end = {m.end: c for c in clusters.values() for m in c.mentions if c.kind in _RENAMED_KINDS}
    for other in list(clusters.values()):
        if other.key not in clusters or other.kind not in _RENAMED_KINDS:
            continue
        acronym = 2 <= len(other.name) <= 6 and other.name.isupper() and other.name.isalpha()
        for mention in other.mentions:
            between = _OTHER_NAME_BETWEEN.search(text, max(0, mention.start - 30), mention.start)
            if between is None and acronym and text[mention.end : mention.end + 1] in {",", ".", ";"}:
                # "Russia's Federal Security Service, the FSB, ...": the acronym is the whole apposition
                # ("Maj Peter Mugisa, the UPDF spokesperson" names his unit, not him)
                between = _ACRONYM_APPOSED.search(text, max(0, mention.start - 30), mention.start)
            named = by_end.get(between.start()) if between else None
            if named is not None and named is not other and named.key in clusters:
                _absorb(clusters, named, other)
                break


#: Nouns for a group's members: "ARSA terrorists", "Shining Path rebels" are the group itself.
_MEMBER_NOUNS = frozenset(
    {
        "terrorists",
        "rebels",
        "fighters",
        "militants",
        "insurgents",
        "militiamen",
        "guerrillas",
        "members",
        "gunmen",
    }
)


def merge_members_into_groups(clusters: dict[str, Cluster]) -> None:
    """ "ARSA terrorists" beside the "Arakan Rohingya Salvation Army (ARSA)", "suspected Shining
    Path rebels" beside "the Shining Path": a group's members named by it are that group."""
    for members in list(clusters.values()):
        if members.key not in clusters:
            continue
        owners = [
            c
            for c in clusters.values()
            if c is not members
            and c.kind in {"armed_group", "organization"}
            and names_members_of(members.name, c.forms)
        ]
        if len(owners) == 1:
            _absorb(clusters, owners[0], members)


def names_members_of(name: str, forms: set[str]) -> bool:
    """Whether `name` ("suspected Shining Path rebels", "ARSA terrorists") names members of the
    group known by `forms`, by one of its names or by its initials."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in _MEMBER_NOUNS:
        return False
    group = " ".join(w for w in words[:-1] if w.lower() != "suspected")
    if name_key(group) in {name_key(f) for f in forms}:
        return True
    return group.isupper() and group.isalpha() and any(_expands(f, group) for f in forms)


#: Police named by what they do, not whose they are: "riot police were deployed".
_GENERIC_POLICE = frozenset({"police", "riot police", "police officers", "policemen", "riot officers"})


def merge_generic_police(clusters: dict[str, Cluster]) -> None:
    """ "Dozens of Riot police were deployed" in a story about West Yorkshire Police: unnamed
    police are the one named force the article reports, when there is one."""
    generic = [c for c in clusters.values() if name_key(c.name) in _GENERIC_POLICE]
    forces = [
        c
        for c in clusters.values()
        if c.kind == "organization" and c not in generic and name_key(c.name).split()[-1:] == ["police"]
    ]
    if len(forces) == 1:
        for cluster in generic:
            _absorb(clusters, forces[0], cluster)


#: Police named only by whose they are: "Kenyan police", "Chicago police", "J&K Police".
_QUALIFIED_POLICE = re.compile(r"^[\w&'’.-]+ police$")
#: Words that end a police force's name: "Police", "Police Department", "Police Force".
_FORCE_WORDS = frozenset({"police", "department", "force", "service"})


def merge_qualified_police(clusters: dict[str, Cluster]) -> None:
    """ "Kenyan police" in a story that names the Mandera County Police, "Chicago police" beside
    the Chicago Police Department: police named by their state or city are the one force the
    article names that is that state's or city's, when one is."""
    police = [
        c for c in clusters.values() if c.kind == "organization" and "police" in name_key(c.name).split()
    ]
    qualified = [c for c in police if _QUALIFIED_POLICE.match(name_key(c.name))]
    named = [c for c in police if c not in qualified and set(name_key(c.name).split()[-2:]) & _FORCE_WORDS]
    for cluster in qualified:
        whose = [
            force for force in named if _force_of(name_key(cluster.name).split()[0], name_key(force.name))
        ]
        if len(whose) == 1 and cluster.key in clusters:
            _absorb(clusters, whose[0], cluster)


#: Words that make a force one of a state's parts: "Mandera County Police", "Zamfara State Police".
_SUBNATIONAL_WORDS = frozenset({"county", "state", "province", "provincial", "regional", "district", "city"})


def _force_of(qualifier: str, force: str) -> bool:
    """Whether "<qualifier> police" names `force`: the same city or state ("Chicago", "Israeli"
    and "Israel Police"), or a state's own county, state or city force ("Kenyan" and "Mandera
    County Police")."""
    first = force.split()[0]
    if first == qualifier:
        return True
    state = gazetteer.country_of(qualifier.capitalize())
    if state is None:
        return False
    force_state = gazetteer.country_of(first.capitalize())
    return force_state == state or (force_state is None and bool(set(force.split()) & _SUBNATIONAL_WORDS))


def merge_state_qualified(clusters: dict[str, Cluster]) -> None:
    """ "Russia's Emergency Situations Ministry" ... "the Emergency Situations Ministry": a body
    named once with its state and once without is one actor, when one state's body fits."""
    bodies = [c for c in clusters.values() if c.kind in {"organization", "government", "military"}]
    for bare in bodies:
        if bare.key not in clusters or gazetteer.country_of(bare.name.split()[0]) is not None:
            continue
        fuller = [c for c in bodies if c is not bare and c.key in clusters and _qualifies(c, bare.name)]
        if len(fuller) == 1:
            _absorb(clusters, fuller[0], bare)


#: Last words of a state's named armed force: "Somali National Army", "Israel Defense Forces".
_NAMED_FORCE_ENDS = frozenset({"army", "forces", "force"})


def merge_named_forces(clusters: dict[str, Cluster]) -> None:
    """ "the Somali army" ... "the Somali National Army (SNA)": a state's forces told generically and
    by their proper name are one actor, named by the proper name, when the state has one such."""
    for generic in [
        c for c in clusters.values() if c.key.startswith("military:") and c.key != "military:unnamed"
    ]:
        state = generic.key.split(":", 1)[1]
        named = [c for c in clusters.values() if c is not generic and _named_force_of(c, state)]
        if len(named) == 1 and generic.key in clusters:
            named[0].kind = "military"
            _absorb(clusters, named[0], generic)


def _named_force_of(cluster: Cluster, state: str) -> bool:
    words = cluster.name.split()
    if (
        cluster.kind not in {"organization", "military"}
        or cluster.key.startswith("military:")
        or len(words) < 3
    ):
        return False
    first = POSSESSIVE.sub("", words[0])
    return words[-1].lower() in _NAMED_FORCE_ENDS and gazetteer.country_of(first) == state


def _qualifies(cluster: Cluster, bare_name: str) -> bool:
    """Whether one of the cluster's forms is `bare_name` after a state's name, demonym or
    possessive ("Russian", "Russia's")."""
    bare = name_key(bare_name)
    for form in cluster.forms:
        first, _, rest = form.partition(" ")
        state = POSSESSIVE.sub("", first) if first.endswith(("'s", "’s")) else first
        if rest and gazetteer.country_of(state) is not None and name_key(rest) == bare:
            return True
    return False


def _merge_by_name(clusters: dict[str, Cluster], candidates: list[Cluster]) -> None:
    """Absorb each candidate into the first earlier candidate with the same normalised name."""
    by_name: dict[str, Cluster] = {}
    for cluster in candidates:
        name = name_key(cluster.name)
        if name in by_name:
            _absorb(clusters, by_name[name], cluster)
        else:
            by_name[name] = cluster


def merge_acronyms(clusters: dict[str, Cluster]) -> None:
    """Join an all-capitals name to the actor whose initials it is ("ISF", "Iraqi Security Forces"),
    and a mixed-case one to the actor its capitals spell ("NaMA", "National Movement of Amhara")."""
    for short in list(clusters.values()):
        name = short.name
        if short.key not in clusters or not (2 <= len(name) <= 6 and name[:1].isupper() and name.isalpha()):
            continue
        initials = "".join(c for c in name if c.isupper())  # "NaMA": National Movement of Amhara
        if len(initials) < 2 or (initials != name and len(initials) < 3):
            continue
        for other in list(clusters.values()):
            if other is short:
                continue
            if any(_expands(form, initials) for form in other.forms):
                _absorb(clusters, other, short)
                break


#: Kinds of body whose full name a story may later shorten.
_BODY_KINDS = frozenset({"organization", "military", "armed_group", "government"})


def merge_shortened_names(clusters: dict[str, Cluster]) -> None:
    """ "the Southern Transitional Council" ... "the Transitional Council", "the Tinombala Operations
    Task Force" ... "the Tinombala Task Force": a body named in full, then by part of its name (its
    first or last words, or its first and last words with some left out), is one actor under the
    full name, when one full name fits. A short form that names a state's own body ("Syrian Army"
    beside the "Free Syrian Army") or a body of the knowledge layer stays apart."""
    bodies = [c for c in clusters.values() if c.kind in _BODY_KINDS and not c.key.startswith(_FIXED_KEYS)]
    for short in sorted(bodies, key=lambda c: len(c.name.split())):
        words = _body_words(short.name)
        if short.key not in clusters or len(words) < 2:
            continue
        first_seen = min(m.start for m in short.mentions)
        fuller = [
            c
            for c in bodies
            if c is not short
            and c.key in clusters
            and min(m.start for m in c.mentions) < first_seen
            and _shortens(words, _body_words(c.name), c.name)
        ]
        if len(fuller) == 1:
            _absorb(clusters, fuller[0], short)


#: Clusters named by the knowledge layer, a state or a generic force: never a shortened name.
_FIXED_KEYS = ("known:", "country:", "military:", "coalition", "regime")


def _body_words(name: str) -> list[str]:
    return [w.removesuffix("s") for w in name_key(name).split() if w not in {"the", "of", "and"}]


def _shortens(short: list[str], full: list[str], full_name: str) -> bool:
    if len(full) <= len(short) or re.search(r"['’]s\b", full_name):
        return False  # "Kurdistan Region's Directorate of Counter Terrorism" is not the region
    if full[: len(short)] == short:
        return True
    if full[-len(short) :] == short:
        return gazetteer.country_of(short[0].capitalize()) is None
    return short[0] == full[0] and short[-1] == full[-1] and _in_order(short, full)


def _in_order(words: list[str], within: list[str]) -> bool:
    rest = iter(within)
    return all(word in rest for word in words)


def merge_word_order_variants(clusters: dict[str, Cluster]) -> None:
    """Join word-order and number variants ("University of Mosul", "Mosul University"; "Revolutionary
    Guard", "Revolutionary Guards"): the same content words, read in the singular."""
    seen: dict[frozenset[str], Cluster] = {}
    for cluster in list(clusters.values()):
        if cluster.kind not in {"organization", "place"}:
            continue
        words = frozenset(
            w.removesuffix("s")
            for w in name_key(cluster.name).split()
            if w not in {"of", "the", "for", "and"}
        )
        if len(words) < 2:
            continue
        if words in seen:
            _absorb(clusters, seen[words], cluster)
        else:
            seen[words] = cluster


def fix_places(clusters: dict[str, Cluster], analysis: Analysis) -> None:
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
            if cluster.kind == "person" and any(role_of(span) for span in spans):
                continue  # "..., Oleksandr Syrskii, the commander-in-chief of Ukraine's armed forces"
            cluster.kind = "place"
        elif (
            cluster.kind == "person" and " " in cluster.name and any(_named_as_group(span) for span in spans)
        ):
            cluster.kind, cluster.role = "organization", None
        elif cluster.kind == "person":
            votes = sum(_after_locative(span) for span in spans)
            if votes * 2 > len(spans) or (votes and len(cluster.name.split()) == 1):
                cluster.kind = "place"
    _merge_same_places(clusters)
    _places_named_as_people(clusters, doc)


def _places_named_as_people(clusters: dict[str, Cluster], doc: Doc) -> None:
    """ "the Lekagak Telenggen criminal group" (tagged a place) and "Lekagak Telenggen, the general
    operations commander": a full name that one sentence gives a person's role is that person."""
    people = {name_key(c.name): c for c in clusters.values() if c.kind == "person" and " " in c.name}
    for place in [c for c in clusters.values() if c.kind == "place"]:
        person = people.get(name_key(place.name))
        if person is not None and any(_with_role(m, doc) for m in person.mentions):
            _absorb(clusters, person, place)


def _with_role(mention: Mention, doc: Doc) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and role_of(span) is not None


def _after_locative(span: Span) -> bool:
    """ "in Tal Afar", "near Kerem"; but "according to Saeverud" quotes a person, and "referring to
    Lekagak Telenggen" or "loyal to X" name one."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in _LOCATIVE:
        return False
    to = doc[span.start - 1]
    return not (
        to.lower_ == "to"
        and (to.head.lemma_.lower() in _TO_A_PERSON or (to.i and doc[to.i - 1].lower_ in _TO_A_PERSON))
    )


#: Words whose "to" leads to a person rather than a destination.
_TO_A_PERSON = frozenset(
    {"according", "refer", "speak", "talk", "belong", "link", "tie", "loyal", "relate", "married", "answer"}
    | {"reply", "listen", "write", "say", "report", "attribute", "allegiance", "sympathetic"}
)


def _compass_prefixed(name: str) -> bool:
    """ "Northeast Washington", "Southern Baghdad": a compass word before a name makes it a place."""
    words = name.split()
    if words and words[-1].lower() in _GROUP_ENDS:
        return False  # "West Papua National Liberation Army" is a group
    return len(words) >= 2 and words[0] in COMPASS_WORDS and gazetteer.lookup_known(name) is None


#: Last words that make a compass-prefixed name a group's.
_GROUP_ENDS = frozenset(
    {"army", "front", "forces", "force", "movement", "party", "alliance", "brigade", "council", "police"}
    | {"command", "division", "corps", "fleet", "ministry", "government", "authority"}
)


def _named_as_place(span: Span) -> bool:
    doc = span.doc
    before = doc[span.start - 2 : span.start] if span.start >= 2 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before[1].lower_ == "of" and before[0].lemma_.lower() in _PLACE_NOUNS:
        return True
    if _listed_after_places(span.root):
        return True
    return after is not None and after.lemma_.lower() in _PLACE_NOUNS


#: Words that open a list of the places a noun names: "towns including Teorama, El Tarra and Tibú".
_LIST_OPENERS = frozenset({"including", "like", "as", "of"})


def _listed_after_places(root: Token) -> bool:
    """ "affecting towns including Convención, Abrego, Teorama, El Tarra, Hacarí, and Tibú": each
    name of the list is a town, however the model tagged it."""
    first = first_conjunct(root)
    opener = first.head
    if first.dep_ != "pobj" or opener.lower_ not in _LIST_OPENERS:
        return False
    noun = opener.head
    return noun.tag_ == "NNS" and noun.lemma_.lower() in _PLACE_NOUNS


#: Nouns that, right after a name, make it a body's: "the Jaish al-Adl group", "the Wagner militia"
#: (a faction, or a group named after one man, "the Santoso group", is still led by a person).
_GROUP_NOUNS = word_set("group militia movement organisation organization outfit")


def _named_as_group(span: Span) -> bool:
    following = [t for t in span.doc[span.end : span.end + 2] if t.text != ")"]  # "(Army of Justice) group"
    return bool(following) and following[0].lower_ in _GROUP_NOUNS


def _merge_same_places(clusters: dict[str, Cluster]) -> None:
    """A name the model tagged PERSON in one sentence and GPE in another is one place."""
    _merge_by_name(clusters, [c for c in clusters.values() if c.kind == "place"])
