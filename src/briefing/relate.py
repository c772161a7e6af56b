"""Stage 3, relate: the whole-corpus step.

Merges actors and incidents across briefings into corpus entries, ranks each briefing's related
briefings (with the reason), and groups briefings into digest periods. Pure and deterministic:
inputs are sorted before anything is numbered.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from .config import Period as PeriodName
from .incident_types import GENERIC_INCIDENT_TYPE, types_compatible
from .model import Actor, ActorEntry, Briefing, Corpus, Incident, IncidentEntry, Period, Related

MAX_RELATED = 5
MIN_SIMILARITY = 0.05


def relate(briefings: list[Briefing], period: PeriodName = "week") -> Corpus:
    ordered = sorted(briefings, key=newest_first)
    actors = merge_actors(ordered)
    incidents = merge_incidents(ordered)
    link_actors_and_incidents(ordered, actors, incidents)
    related = rank_related(ordered)
    for briefing in ordered:
        briefing.related = related[briefing.slug]
    return Corpus(
        briefings=ordered, actors=actors, incidents=incidents, periods=group_periods(ordered, period)
    )


def newest_first(briefing: Briefing) -> tuple:
    """Dated briefings newest first, undated last; ties broken by slug so the order is stable."""
    return (briefing.date is None, -(briefing.date.toordinal() if briefing.date else 0), briefing.slug)


def slugify(text: str, fallback: str = "item") -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:80].strip("-") or fallback


#: Names that many different actors go by ("the army", "the regime"): never a merge key across
#: briefings, or every army in the corpus would become one entity.
GENERIC_NAMES = frozenset(
    {
        "army",
        "coalition",
        "forces",
        "government",
        "military",
        "militants",
        "police",
        "regime",
        "rebels",
        "security forces",
        "troops",
        "the group",
        "group",
        "ministry",
        "administration",
    }
)
#: Days between two reports of the same incident (the article date stands in for a missing one).
INCIDENT_WINDOW_DAYS = 3
_PLACE_PREFIXES = ("al-", "al ", "ar ", "ar-", "as ", "as-", "ad ", "ad-", "an ", "an-", "the ")
_COMPASS = ("east ", "west ", "north ", "south ", "eastern ", "western ", "northern ", "southern ")


@functools.lru_cache(maxsize=1 << 16)
def merge_key(name: str) -> str | None:
    """The case-, quote- and punctuation-insensitive form two names must share to merge; None
    for generic names ("army") that identify nobody on their own. Memoised: a corpus names the
    same actors over and over, and relate asks for each name several times."""
    text = unicodedata.normalize("NFKC", name).replace("\u2019", "'").replace("\u2013", "-")
    text = " ".join(text.casefold().replace(".", "").split())
    text = re.sub(r"^the ", "", text)
    if not text or text in GENERIC_NAMES:
        return None
    return text


def _person_parts(name: str) -> tuple[str, str] | None:
    """(first name, surname) of a multi-word person name, casefolded; None for a bare surname."""
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    if len(words) < 2:
        return None
    return words[0].casefold().rstrip("."), words[-1].casefold()


def _first_names_agree(a: str, b: str) -> bool:
    """ "Stephen" agrees with "Stephen" and with the initial "S"; "Ash" and "Jimmy" conflict."""
    if a == b:
        return True
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


@dataclass
class _Group:
    """Actors (briefing, actor) that are one entity; persons remember their full names so that
    two groups with conflicting first names are never joined."""

    members: list[tuple[Briefing, Actor]]
    persons: set[tuple[str, str]]
    is_person: bool

    def compatible(self, other: _Group) -> bool:
        if self.is_person != other.is_person:
            return False
        for first, last in self.persons:
            for other_first, other_last in other.persons:
                if last == other_last and not _first_names_agree(first, other_first):
                    return False
                if last != other_last and first == other_first:
                    return False  # "John Kerry" and "John Kelly": different people
        return True


class _Groups:
    """Union-find over actor groups, refusing unions that would join conflicting people."""

    def __init__(self) -> None:
        self.groups: list[_Group] = []
        self.parent: list[int] = []

    def add(self, briefing: Briefing, actor: Actor) -> int:
        parts = _person_parts(actor.name) if actor.kind == "person" else None
        self.groups.append(_Group([(briefing, actor)], {parts} if parts else set(), actor.kind == "person"))
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        first, second = sorted((ra, rb))
        if not self.groups[first].compatible(self.groups[second]):
            return False
        self.parent[second] = first
        self.groups[first].members += self.groups[second].members
        self.groups[first].persons |= self.groups[second].persons
        return True

    def roots(self) -> list[int]:
        return sorted({self.find(i) for i in range(len(self.parent))})


def merge_actors(briefings: list[Briefing]) -> list[ActorEntry]:
    """One entry per actor across the corpus.

    Two actors are one entity when they share a name or alias (ignoring case, dots and generic
    words like "army"), or when one is a person known by surname only ("Tillerson") and exactly
    one person in the corpus has that surname with a first name ("Rex Tillerson"). People with
    the same surname and different first names ("Ash Carter", "Jimmy Carter") stay apart, and a
    bare surname shared by two of them is left unmerged rather than guessed.
    """
    groups = _Groups()
    ids: list[tuple[Briefing, Actor, int]] = []
    by_key: dict[str, int] = {}
    for briefing in briefings:
        for actor in briefing.actors:
            node = groups.add(briefing, actor)
            ids.append((briefing, actor, node))
            for name in [actor.name, *actor.aliases]:
                key = merge_key(name)
                if key is None:
                    continue
                if key in by_key:
                    groups.union(by_key[key], node)
                else:
                    by_key[key] = node
    _merge_surnames(groups, ids)
    entries = [_entry(groups.groups[root].members) for root in groups.roots()]
    _assign_keys(sorted(entries, key=lambda e: (e.name.casefold(), e.kind, e.briefings)), lambda e: e.name)
    for root, entry in zip(groups.roots(), entries, strict=True):
        for _, actor in groups.groups[root].members:
            actor.key = entry.key
    return sorted(entries, key=lambda e: (-len(e.briefings), -e.mentions, e.key))


def _merge_surnames(groups: _Groups, ids: list[tuple[Briefing, Actor, int]]) -> None:
    """Join people with the same first name and surname, then a bare surname ("Tillerson") to the
    one person whose full name ends with it, if there is exactly one."""
    full: dict[str, set[int]] = defaultdict(set)
    same_name: dict[tuple[str, str], int] = {}
    for _, actor, node in ids:
        parts = _person_parts(actor.name) if actor.kind == "person" else None
        if parts:
            full[parts[1]].add(node)
            if parts in same_name:  # "Stephen J. Townsend" and "Stephen Townsend"
                groups.union(same_name[parts], node)
            else:
                same_name[parts] = node
    for _, actor, node in ids:
        if actor.kind != "person" or _person_parts(actor.name):
            continue
        candidates = {groups.find(n) for n in full.get(actor.name.strip().casefold(), set())}
        if len(candidates) == 1:
            groups.union(candidates.pop(), node)


def _entry(members: list[tuple[Briefing, Actor]]) -> ActorEntry:
    """The corpus entry of one group: its fullest, most used name; other names become aliases."""
    mentions: dict[str, int] = defaultdict(int)
    kinds: dict[str, int] = defaultdict(int)
    for _, actor in members:
        mentions[actor.name] += max(actor.mentions, 1)
        kinds[actor.kind] += max(actor.mentions, 1)
    kind = min(kinds, key=lambda k: (-kinds[k], k))
    if kind == "person":
        name = min(mentions, key=lambda n: (-len(n.split()), -mentions[n], n))
    else:
        name = min(mentions, key=lambda n: (-mentions[n], -len(n), n))
    aliases: list[str] = []
    seen = {merge_key(name) or name.casefold()}
    for _, actor in members:
        for alias in [actor.name, *actor.aliases]:
            key = merge_key(alias) or alias.casefold()
            if alias and alias not in aliases and alias != name and (key not in seen or alias.isupper()):
                aliases.append(alias)
                seen.add(key)
    slugs: list[str] = []
    for briefing, _ in members:
        if briefing.slug not in slugs:
            slugs.append(briefing.slug)
    role = next((actor.role for _, actor in members if actor.role), None)
    return ActorEntry(
        key="",
        name=name,
        kind=kind,
        role=role,
        aliases=sorted(aliases, key=str.casefold),
        mentions=sum(actor.mentions for _, actor in members),
        briefings=slugs,
    )


@functools.lru_cache(maxsize=1 << 16)
def place_key(location: str | None) -> str | None:
    """A comparison form of a place: "Ar Raqqah", "Raqqa" and "raqqah" agree; "East Mosul" stays
    distinct from "Mosul" (a report of one part of a city is not the whole city's incident)."""
    if not location:
        return None
    text = unicodedata.normalize("NFKD", location).encode("ascii", "ignore").decode("ascii").casefold()
    text = re.sub(r"[^a-z0-9' -]+", " ", text).replace("'", "")
    text = " ".join(text.split())
    for prefix in _PLACE_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix) + 2:
            text = text[len(prefix) :]
            break
    return re.sub(r"(?<=[aeiou])h$", "", text) or None


@dataclass
class _Report:
    """One briefing's report of an incident, with the date used to compare it to others."""

    briefing: Briefing
    incident: Incident
    when: dt.date | None
    place: str | None


def merge_incidents(briefings: list[Briefing]) -> list[IncidentEntry]:
    """One entry per incident across the corpus.

    Two reports are one incident when their types are compatible, their places agree, and their
    dates (the incident's own, else the article's) are within INCIDENT_WINDOW_DAYS. A report whose
    date is unknown only merges within its own briefing: across articles it could be any day.
    """
    clusters: list[list[_Report]] = []
    index: dict[str, _PlaceIndex] = defaultdict(_PlaceIndex)
    for briefing in briefings:
        for incident in briefing.incidents:
            report = _Report(
                briefing, incident, _incident_day(incident, briefing), place_key(incident.location)
            )
            if not report.place:  # matches nothing (_same_report), not even its own briefing's
                clusters.append([report])
                continue
            # The first cluster in creation order whose every report matches this one; the index
            # narrows the scan to the clusters that can match at all (see _PlaceIndex).
            place = index[report.place]
            match = next(
                (n for n in place.candidates(report) if all(_same_report(r, report) for r in clusters[n])),
                None,
            )
            if match is None:
                clusters.append([report])
                match = len(clusters) - 1
            else:
                clusters[match].append(report)
            place.add(match, report)
    entries = [_incident_entry(c) for c in clusters]
    _assign_keys(
        sorted(entries, key=lambda e: (e.date or "", e.type, e.location or "", e.briefings)),
        lambda e: f"{e.date or 'undated'} {e.type} {e.location or ''}",
    )
    for cluster, entry in zip(clusters, entries, strict=True):
        for report in cluster:
            report.incident.key = entry.key
    return sorted(entries, key=lambda e: (e.date or "", e.key), reverse=True)


class _PlaceIndex:
    """The clusters of one place, indexed by what `_same_report` requires of every member.

    A dated report matches only a cluster whose dated members all lie within the window of its
    date (so does the cluster's first dated member) and whose undated members come from its own
    briefing; an undated report only a cluster made of its own briefing's reports. `candidates`
    returns cluster numbers (creation order) that satisfy the first-member or same-briefing
    condition, a superset of the matches, which the caller checks in full.
    """

    def __init__(self) -> None:
        self.by_day: dict[dt.date, list[int]] = defaultdict(list)  # by first dated member's day
        self.by_slug: dict[str, list[int]] = defaultdict(list)  # clusters with a report from a briefing
        self.dated: set[int] = set()

    def candidates(self, report: _Report) -> list[int]:
        found = set(self.by_slug.get(report.briefing.slug, ()))
        if report.when:
            for offset in range(-INCIDENT_WINDOW_DAYS, INCIDENT_WINDOW_DAYS + 1):
                found.update(self.by_day.get(report.when + dt.timedelta(days=offset), ()))
        return sorted(found)

    def add(self, number: int, report: _Report) -> None:
        """Note that `report` joined (or started) cluster `number`."""
        slugs = self.by_slug[report.briefing.slug]
        if number not in slugs:
            slugs.append(number)
        if report.when and number not in self.dated:
            self.dated.add(number)
            self.by_day[report.when].append(number)


def _incident_day(incident: Incident, briefing: Briefing) -> dt.date | None:
    if incident.date:
        try:
            return dt.date.fromisoformat(incident.date)
        except ValueError:
            return briefing.date
    return briefing.date


def _same_report(a: _Report, b: _Report) -> bool:
    if not a.place or a.place != b.place or not types_compatible(a.incident.type, b.incident.type):
        return False
    if a.when and b.when:
        return abs((a.when - b.when).days) <= INCIDENT_WINDOW_DAYS
    return a.briefing.slug == b.briefing.slug


def _incident_entry(cluster: list[_Report]) -> IncidentEntry:
    """Merge reports: the most specific type, the earliest stated date, the highest reported toll
    (tolls are revised upwards as bodies are found), the first named perpetrator."""
    types = [r.incident.type for r in cluster]
    specific = [t for t in types if t != GENERIC_INCIDENT_TYPE] or types
    dates = sorted(r.incident.date for r in cluster if r.incident.date)
    killed = [r.incident.killed for r in cluster if r.incident.killed is not None]
    injured = [r.incident.injured for r in cluster if r.incident.injured is not None]
    slugs: list[str] = []
    for report in cluster:
        if report.briefing.slug not in slugs:
            slugs.append(report.briefing.slug)
    first = cluster[0].incident
    return IncidentEntry(
        key="",
        type=min(specific, key=lambda t: (-specific.count(t), t)),
        location=first.location,
        date=dates[0] if dates else None,
        killed=max(killed) if killed else None,
        injured=max(injured) if injured else None,
        perpetrator=next((r.incident.perpetrator for r in cluster if r.incident.perpetrator), None),
        description=next((r.incident.description for r in cluster if r.incident.description), ""),
        briefings=slugs,
    )


def link_actors_and_incidents(
    briefings: list[Briefing], actors: list[ActorEntry], incidents: list[IncidentEntry]
) -> None:
    """Fill ActorEntry.incidents and IncidentEntry.actors: an actor takes part in an incident when
    a briefing reporting it names the actor as perpetrator, in the incident's description or
    evidence, or as its place."""
    actor_by_key = {a.key: a for a in actors}
    incident_by_key = {i.key: i for i in incidents}
    for briefing in briefings:
        for incident in briefing.incidents:
            entry = incident_by_key.get(incident.key)
            if entry is None:
                continue
            text = " ".join(
                [incident.perpetrator or "", incident.description, incident.location or ""]
                + [e.sentence for e in incident.evidence]
            )
            for actor in briefing.actors:
                if actor.key in actor_by_key and _named_in(actor, text):
                    if actor.key not in entry.actors:
                        entry.actors.append(actor.key)
                    if incident.key not in actor_by_key[actor.key].incidents:
                        actor_by_key[actor.key].incidents.append(incident.key)
    order = {i.key: n for n, i in enumerate(incidents)}
    for actor in actors:
        actor.incidents.sort(key=lambda k: order[k])
    rank = {a.key: n for n, a in enumerate(actors)}
    for incident in incidents:
        incident.actors.sort(key=lambda k: rank[k])


def _named_in(actor: Actor, text: str) -> bool:
    return any(
        name in text and pattern.search(text)
        for name, pattern in _name_patterns(actor.name, tuple(actor.aliases))
    )


@functools.lru_cache(maxsize=1 << 14)
def _name_patterns(name: str, aliases: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each specific name of an actor with its whole-word search; the plain substring test in
    `_named_in` skips the (much slower) regular expression for names the text does not contain."""
    names = [n for n in [name, *aliases] if len(n) > 2 and merge_key(n)]
    return tuple((n, re.compile(rf"(?<!\w){re.escape(n)}(?!\w)")) for n in names)


def _assign_keys(entries: list, label) -> None:  # type: ignore[no-untyped-def]
    """URL-safe keys from a label, numbered on collision in the (sorted) order given."""
    seen: dict[str, int] = defaultdict(int)
    for entry in entries:
        base = slugify(label(entry).replace(".", ""))  # "U.S. forces" -> "us-forces"
        seen[base] += 1
        entry.key = base if seen[base] == 1 else f"{base}-{seen[base]}"


def rank_related(briefings: list[Briefing]) -> dict[str, list[Related]]:
    """Each briefing's most similar others: TF-IDF cosine over shared actors and incidents.

    IDF makes an actor that every briefing mentions (say, the Islamic State in a corpus about it)
    count for little, and a shared incident or a rarely named person count for a lot. Scores are
    accumulated through an inverted index, so only briefings that share something are compared.

    The accumulation runs in numpy (`bincount` adds in input order, the order of the plain loop
    `for feature in vector: for other in postings[feature]: score[other] += w * w_other`), so the
    scores are the very floats that loop computes, at a fraction of its cost on large postings.
    """
    import numpy as np  # spaCy's dependency; imported here, when a build has something to relate

    vectors = {b.slug: _features(b) for b in briefings}
    postings: dict[str, list[str]] = defaultdict(list)
    for slug, vector in vectors.items():
        for feature in vector:
            postings[feature].append(slug)
    total = len(briefings)
    idf = {f: math.log((1 + total) / (1 + len(slugs))) + 1.0 for f, slugs in postings.items()}
    weighted = {slug: {f: w * idf[f] for f, w in v.items()} for slug, v in vectors.items()}
    norms = {slug: math.sqrt(sum(w * w for w in v.values())) or 1.0 for slug, v in weighted.items()}
    titles = {b.slug: b.title for b in briefings}
    labels = _feature_labels(briefings)

    slugs = list(weighted)
    row = {slug: n for n, slug in enumerate(slugs)}
    members = {f: np.array([row[s] for s in posted], dtype=np.intp) for f, posted in postings.items()}
    weights = {f: np.array([weighted[s][f] for s in posted]) for f, posted in postings.items()}
    norm_of = np.array([norms[slug] for slug in slugs])
    order_of = np.empty(len(slugs), dtype=np.intp)  # rank of each slug in sorted order: the tie-break
    order_of[np.argsort(np.array(slugs, dtype=object), kind="stable")] = np.arange(len(slugs))

    related: dict[str, list[Related]] = {}
    for i, (slug, vector) in enumerate(weighted.items()):
        if not vector:
            related[slug] = []
            continue
        others = np.concatenate([members[f] for f in vector])
        products = np.concatenate([weight * weights[f] for f, weight in vector.items()])
        scores = np.bincount(others, weights=products, minlength=len(slugs))
        scores[i] = 0.0
        candidates = np.flatnonzero(scores)
        similarity = scores[candidates] / (norms[slug] * norm_of[candidates])
        keep = similarity >= MIN_SIMILARITY
        candidates, similarity = candidates[keep], similarity[keep]
        best = np.lexsort((order_of[candidates], -similarity))[:MAX_RELATED]
        related[slug] = [
            Related(
                slug=slugs[other],
                title=titles[slugs[other]],
                score=round(float(score), 4),
                reason=_reason(vector, weighted[slugs[other]], labels),
            )
            for other, score in zip(candidates[best].tolist(), similarity[best].tolist(), strict=True)
        ]
    return related


def _features(briefing: Briefing) -> dict[str, float]:
    """Actor features weighted by log-mentions; each incident the briefing reports counts double."""
    features: dict[str, float] = {}
    for actor in briefing.actors:
        if actor.kind != "place" and actor.key:
            features[f"actor:{actor.key}"] = features.get(f"actor:{actor.key}", 0.0) + math.log1p(
                max(actor.mentions, 1)
            )
    for incident in briefing.incidents:
        if incident.key:
            features[f"incident:{incident.key}"] = 2.0
    return features


def _feature_labels(briefings: list[Briefing]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for briefing in briefings:
        for actor in briefing.actors:
            labels.setdefault(f"actor:{actor.key}", actor.name)
        for incident in briefing.incidents:
            where = f" in {incident.location}" if incident.location else ""
            labels.setdefault(f"incident:{incident.key}", f"{incident.type}{where}")
    return labels


def _reason(mine: dict[str, float], theirs: dict[str, float], labels: dict[str, str]) -> str:
    shared = sorted(set(mine) & set(theirs), key=lambda f: (-mine[f] * theirs[f], f))
    actors = [labels[f] for f in shared if f.startswith("actor:")][:4]
    incidents = [labels[f] for f in shared if f.startswith("incident:")][:2]
    parts = []
    if actors:
        parts.append("shared actors: " + ", ".join(actors))
    if incidents:
        parts.append("same incident: " + ", ".join(incidents))
    return "; ".join(parts)


def period_key(date: dt.date | None, period: PeriodName) -> tuple[str, str]:
    if period == "all":
        return "all", "All briefings"
    if date is None:
        return "undated", "Undated"
    if period == "day":
        return date.isoformat(), date.strftime("%d %B %Y")
    if period == "month":
        return date.strftime("%Y-%m"), date.strftime("%B %Y")
    year, week, _ = date.isocalendar()
    monday = date - dt.timedelta(days=date.weekday())
    return f"{year}-W{week:02d}", f"Week {week}, {year} (from {monday.strftime('%d %B')})"


def group_periods(briefings: list[Briefing], period: PeriodName) -> list[Period]:
    groups: dict[str, Period] = {}
    for briefing in briefings:
        key, label = period_key(briefing.date, period)
        groups.setdefault(key, Period(key=key, label=label, briefings=[])).briefings.append(briefing.slug)
    dated = sorted((p for p in groups.values() if p.key != "undated"), key=lambda p: p.key, reverse=True)
    return dated + [p for p in groups.values() if p.key == "undated"]
