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


def relate(briefings: list[Briefing], period: PeriodName = "week") -> Corpus:
    ordered = sorted(briefings, key=newest_first)
    actors = merge_actors(ordered)
    incidents = merge_incidents(ordered)
    for briefing in ordered:
        briefing.related = rank_related(briefing, ordered)
    return Corpus(briefings=ordered, actors=actors, incidents=incidents, periods=group_periods(ordered, period))


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
            if entry is None or entry.kind != actor.kind and "person" in (entry.kind, actor.kind):
                entry = ActorEntry(
                    key="", name=actor.name, kind=actor.kind, role=actor.role, aliases=[], mentions=0, briefings=[]
                )
                entries.append(entry)
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


def merge_incidents(briefings: list[Briefing]) -> list[IncidentEntry]:
    """The same type at the same place within three days is one incident."""
    entries: list[IncidentEntry] = []
    placed: list[tuple[Incident, IncidentEntry]] = []
    for briefing in briefings:
        for incident in briefing.incidents:
            match = next((e for e in entries if _same_incident(e, incident.type, incident.location, incident.date)), None)
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


def rank_related(briefing: Briefing, corpus: list[Briefing]) -> list[Related]:
    """Cosine similarity of actor-weight vectors, plus shared incidents; the reason names both."""
    mine = _actor_weights(briefing)
    my_incidents = {i.key for i in briefing.incidents}
    scored: list[Related] = []
    for other in corpus:
        if other.slug == briefing.slug:
            continue
        theirs = _actor_weights(other)
        shared = sorted(set(mine) & set(theirs), key=lambda k: -mine[k] * theirs[k])
        dot = sum(mine[k] * theirs[k] for k in shared)
        norm = math.sqrt(sum(v * v for v in mine.values())) * math.sqrt(sum(v * v for v in theirs.values()))
        same = sorted(my_incidents & {i.key for i in other.incidents})
        score = (dot / norm if norm else 0.0) + 0.5 * len(same)
        if score <= 0.05:
            continue
        names = {a.key: a.name for a in briefing.actors}
        reasons = []
        if shared:
            reasons.append("shared actors: " + ", ".join(names[k] for k in shared[:4]))
        if same:
            reasons.append("same incident: " + ", ".join(same[:2]))
        scored.append(Related(slug=other.slug, title=other.title, score=round(score, 4), reason="; ".join(reasons)))
    scored.sort(key=lambda r: (-r.score, r.slug))
    return scored[:MAX_RELATED]


def _actor_weights(briefing: Briefing) -> dict[str, float]:
    weights: dict[str, float] = {}
    for actor in briefing.actors:
        if actor.kind == "place":
            continue
        weights[actor.key] = weights.get(actor.key, 0.0) + math.log1p(max(actor.mentions, 1))
    return weights


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
