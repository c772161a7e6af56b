"""Stage 3, relate: the whole-corpus step.

Merges actors and incidents across briefings into corpus entries, ranks each briefing's related
briefings (with the reason), and groups briefings into digest periods. Pure and deterministic:
inputs are sorted before anything is numbered.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import defaultdict

from .config import Period as PeriodName
from .model import ActorEntry, Briefing, Corpus, Incident, IncidentEntry, Period, Related

MAX_RELATED = 5
MIN_SIMILARITY = 0.05


def relate(briefings: list[Briefing], period: PeriodName = "week") -> Corpus:
    ordered = sorted(briefings, key=newest_first)
    actors = merge_actors(ordered)
    incidents = merge_incidents(ordered)
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


def _names(entry_name: str, aliases: list[str]) -> set[str]:
    return {n.casefold() for n in [entry_name, *aliases] if n}


def merge_actors(briefings: list[Briefing]) -> list[ActorEntry]:
    """One entry per actor across the corpus: same name or alias (case-insensitive) merges."""
    entries: list[ActorEntry] = []
    index: dict[str, ActorEntry] = {}
    for briefing in briefings:
        for actor in briefing.actors:
            names = _names(actor.name, actor.aliases)
            entry = next((index[n] for n in sorted(names) if n in index), None)
            if entry is None or (entry.kind != actor.kind and "person" in (entry.kind, actor.kind)):
                entry = ActorEntry(
                    key="",
                    name=actor.name,
                    kind=actor.kind,
                    role=actor.role,
                    aliases=[],
                    mentions=0,
                    briefings=[],
                )
                entries.append(entry)
            if _fuller_name(actor.name, entry.name):
                entry.aliases.append(entry.name)  # "Rex Tillerson" seen after "Tillerson": the full name wins
                entry.name = actor.name
            for alias in [actor.name, *actor.aliases]:
                if alias != entry.name and alias not in entry.aliases:
                    entry.aliases.append(alias)
            entry.role = entry.role or actor.role
            entry.mentions += actor.mentions
            if briefing.slug not in entry.briefings:
                entry.briefings.append(briefing.slug)
            for name in names:
                index.setdefault(name, entry)
    _assign_keys(entries, lambda e: e.name)
    for briefing in briefings:
        for actor in briefing.actors:
            actor.key = index[actor.name.casefold()].key
    return sorted(entries, key=lambda e: (-len(e.briefings), -e.mentions, e.key))


def _fuller_name(candidate: str, current: str) -> bool:
    return len(candidate.split()) > len(current.split()) and candidate.casefold().endswith(current.casefold())


def merge_incidents(briefings: list[Briefing]) -> list[IncidentEntry]:
    """The same type at the same place within three days is one incident."""
    entries: list[IncidentEntry] = []
    placed: list[tuple[Incident, IncidentEntry]] = []
    for briefing in briefings:
        for incident in briefing.incidents:
            match = next(
                (e for e in entries if _same_incident(e, incident.type, incident.location, incident.date)),
                None,
            )
            if match is None:
                match = IncidentEntry(
                    key="",
                    type=incident.type,
                    location=incident.location,
                    date=incident.date,
                    killed=incident.killed,
                    injured=incident.injured,
                    perpetrator=incident.perpetrator,
                    description=incident.description,
                    briefings=[],
                )
                entries.append(match)
            match.killed = match.killed if match.killed is not None else incident.killed
            match.injured = match.injured if match.injured is not None else incident.injured
            match.perpetrator = match.perpetrator or incident.perpetrator
            if briefing.slug not in match.briefings:
                match.briefings.append(briefing.slug)
            placed.append((incident, match))
    _assign_keys(entries, lambda e: f"{e.date or 'undated'} {e.type} {e.location or ''}")
    for incident, entry in placed:
        incident.key = entry.key
    return sorted(entries, key=lambda e: (e.date or "", e.key), reverse=True)


def _same_incident(entry: IncidentEntry, type_: str, location: str | None, date: str | None) -> bool:
    if not location or not entry.location or entry.type != type_:
        return False
    if entry.location.casefold() != location.casefold():
        return False
    if entry.date and date:
        return abs((dt.date.fromisoformat(entry.date) - dt.date.fromisoformat(date)).days) <= 3
    return entry.date == date


def _assign_keys(entries: list, label) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, int] = defaultdict(int)
    for entry in entries:
        base = slugify(label(entry))
        seen[base] += 1
        entry.key = base if seen[base] == 1 else f"{base}-{seen[base]}"


def rank_related(briefings: list[Briefing]) -> dict[str, list[Related]]:
    """Each briefing's most similar others: TF-IDF cosine over shared actors and incidents.

    IDF makes an actor that every briefing mentions (say, the Islamic State in a corpus about it)
    count for little, and a shared incident or a rarely named person count for a lot. Scores are
    accumulated through an inverted index, so only briefings that share something are compared.
    """
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

    related: dict[str, list[Related]] = {}
    for slug, vector in weighted.items():
        scores: dict[str, float] = defaultdict(float)
        for feature, weight in vector.items():
            for other in postings[feature]:
                if other != slug:
                    scores[other] += weight * weighted[other][feature]
        ranked = sorted(
            ((score / (norms[slug] * norms[other]), other) for other, score in scores.items()),
            key=lambda item: (-item[0], item[1]),
        )
        related[slug] = [
            Related(
                slug=other,
                title=titles[other],
                score=round(score, 4),
                reason=_reason(vector, weighted[other], labels),
            )
            for score, other in ranked[:MAX_RELATED]
            if score >= MIN_SIMILARITY
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
