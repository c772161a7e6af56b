"""relate: cross-briefing merging of actors and incidents, related briefings, on hand-made briefings."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import defaultdict

import pytest

from briefing.incident_types import types_compatible
from briefing.model import Actor, Briefing, Incident, Related
from briefing.relate import (
    MAX_RELATED,
    MIN_SIMILARITY,
    _feature_labels,
    _features,
    _incident_day,
    _reason,
    _Report,
    _same_report,
    merge_actors,
    merge_incidents,
    merge_key,
    newest_first,
    place_key,
    rank_related,
    relate,
)


def briefing(slug: str, day: str | None, actors: list[Actor], incidents: list[Incident] = ()) -> Briefing:  # type: ignore[assignment]
    return Briefing(
        slug=slug,
        source_path=f"{slug}.txt",
        title=slug.replace("-", " ").title(),
        date=dt.date.fromisoformat(day) if day else None,
        source="Test",
        url=None,
        summary=[],
        body=[],
        actors=list(actors),
        incidents=list(incidents),
    )


def person(name: str, *aliases: str, mentions: int = 2) -> Actor:
    return Actor(name=name, kind="person", aliases=list(aliases), mentions=mentions)


def incident(type_: str, location: str | None, day: str | None = None, killed: int | None = None) -> Incident:
    return Incident(type_, location, day, killed, None, None, f"{type_} in {location}")


def test_surname_in_one_briefing_merges_with_full_name_in_another() -> None:
    corpus = relate(
        [
            briefing("a", "2017-03-20", [person("Tillerson")]),
            briefing("b", "2017-03-22", [person("Rex Tillerson")]),
        ]
    )
    (entry,) = [a for a in corpus.actors if "Tillerson" in a.name]
    assert entry.name == "Rex Tillerson" and "Tillerson" in entry.aliases
    assert sorted(entry.briefings) == ["a", "b"]
    assert {a.key for b in corpus.briefings for a in b.actors} == {entry.key}


def test_people_sharing_a_surname_with_different_first_names_stay_apart() -> None:
    corpus = relate(
        [
            briefing("a", "2017-03-20", [person("Ash Carter", "Carter")]),
            briefing("b", "2017-03-21", [person("Jimmy Carter", "Carter")]),
            briefing("c", "2017-03-22", [person("Carter")]),
        ]
    )
    names = sorted(a.name for a in corpus.actors)
    assert "Ash Carter" in names and "Jimmy Carter" in names
    ash = next(a for a in corpus.actors if a.name == "Ash Carter")
    jimmy = next(a for a in corpus.actors if a.name == "Jimmy Carter")
    assert "b" not in ash.briefings and "a" not in jimmy.briefings


def test_middle_initial_and_alias_variants_merge_but_generic_names_do_not() -> None:
    army_a = Actor(name="Syrian army", kind="military", aliases=["army"], mentions=3)
    army_b = Actor(name="Iraqi army", kind="military", aliases=["army"], mentions=3)
    corpus = relate(
        [
            briefing("a", "2016-11-06", [person("Stephen J. Townsend"), army_a]),
            briefing("b", "2016-11-07", [person("Stephen Townsend"), army_b]),
        ]
    )
    towns = [a for a in corpus.actors if "Townsend" in a.name]
    assert len(towns) == 1 and towns[0].name == "Stephen J. Townsend"
    assert len([a for a in corpus.actors if "army" in a.name]) == 2
    assert merge_key("U.S. forces") == merge_key("US forces") and merge_key("the army") is None


def test_same_incident_across_briefings_within_the_window_is_one_entry() -> None:
    corpus = relate(
        [
            briefing("a", "2017-03-17", [], [incident("airstrike", "Mosul", "2017-03-17", 100)]),
            briefing("b", "2017-03-19", [], [incident("strike", "Mosul", None, 140)]),
            briefing("c", "2017-03-30", [], [incident("airstrike", "Mosul", None)]),
            briefing("d", "2017-03-18", [], [incident("offensive", "Raqqa", None)]),
        ]
    )
    mosul = [i for i in corpus.incidents if i.location == "Mosul"]
    assert len(mosul) == 2, "the report 13 days later is another incident"
    merged = next(i for i in mosul if len(i.briefings) == 2)
    assert sorted(merged.briefings) == ["a", "b"] and merged.killed == 140 and merged.type == "airstrike"
    keys = {b.slug: [i.key for i in b.incidents] for b in corpus.briefings}
    assert keys["a"] == keys["b"] != keys["c"]


def test_incident_type_families_and_place_spellings() -> None:
    assert types_compatible("airstrike", "strike") and types_compatible("attack", "bombing")
    assert not types_compatible("airstrike", "offensive")
    assert place_key("Ar Raqqah") == place_key("Raqqa") == place_key("raqqah")
    assert place_key("East Mosul") != place_key("Mosul")


def test_undated_reports_only_merge_within_their_own_briefing() -> None:
    corpus = relate(
        [
            briefing("a", None, [], [incident("strike", "Mosul"), incident("airstrike", "Mosul")]),
            briefing("b", None, [], [incident("strike", "Mosul")]),
        ]
    )
    assert sorted(len(i.briefings) for i in corpus.incidents) == [1, 1]


def test_related_briefings_are_ranked_with_a_reason_and_actors_link_incidents() -> None:
    baghdadi = Actor(name="Abu Bakr al-Baghdadi", kind="person", mentions=3)
    group = Actor(name="Islamic State", kind="armed_group", aliases=["IS"], mentions=5)
    shooting = Incident(
        "shooting", "Mosul", "2017-03-01", 3, None, "Islamic State", "IS fighters shot three people"
    )
    corpus = relate(
        [
            briefing("a", "2017-03-01", [baghdadi, group], [shooting]),
            briefing("b", "2017-03-02", [person("Abu Bakr al-Baghdadi", "Baghdadi"), group]),
            briefing("c", "2017-03-03", [group]),
        ]
    )
    related = corpus.by_slug("a").related
    assert related[0].slug == "b" and "Abu Bakr al-Baghdadi" in related[0].reason
    assert [r.score for r in related] == sorted((r.score for r in related), reverse=True)
    state = next(a for a in corpus.actors if a.name == "Islamic State")
    assert state.incidents == [corpus.incidents[0].key] and state.key in corpus.incidents[0].actors


def random_corpus(seed: int, size: int = 150) -> list[Briefing]:
    """Briefings drawn from small pools of names, incident types, places and dates, so that many
    share actors and incidents (and many scores tie), like a real corpus about one conflict."""
    rng = random.Random(seed)
    names = [f"Person {n}" for n in range(12)] + ["Islamic State", "Iraqi forces", "Syria", "Turkey"]
    kinds = ["person"] * 12 + ["armed_group", "military", "country", "country"]
    types = ["airstrike", "strike", "attack", "bombing", "offensive", "shooting", "killing"]
    places = ["Mosul", "East Mosul", "Raqqa", "Ar Raqqah", "Aleppo", None]
    start = dt.date(2017, 3, 1)
    out = []
    for n in range(size):
        day = None if rng.random() < 0.1 else (start + dt.timedelta(days=rng.randrange(40))).isoformat()
        actors = [
            Actor(name=names[k], kind=kinds[k], mentions=rng.randrange(1, 9))
            for k in sorted(rng.sample(range(len(names)), rng.randrange(0, 6)))
        ]
        incidents = []
        for _ in range(rng.randrange(0, 4)):
            when = rng.choice([None, day, (start + dt.timedelta(days=rng.randrange(40))).isoformat()])
            found = incident(rng.choice(types), rng.choice(places), when, rng.choice([None, 1, 5]))
            found.description = f"{names[rng.randrange(len(names))]} carried out an {found.type}"
            incidents.append(found)
        out.append(briefing(f"b{rng.randrange(10**6):06d}-{n}", day, actors, incidents))
    return out


def plain_rank_related(briefings: list[Briefing]) -> dict[str, list[Related]]:
    """rank_related as a plain loop over the postings (the reference the numpy version matches)."""
    vectors = {b.slug: _features(b) for b in briefings}
    postings: dict[str, list[str]] = defaultdict(list)
    for slug, vector in vectors.items():
        for feature in vector:
            postings[feature].append(slug)
    idf = {f: math.log((1 + len(briefings)) / (1 + len(s))) + 1.0 for f, s in postings.items()}
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
            Related(other, titles[other], round(score, 4), _reason(vector, weighted[other], labels))
            for score, other in ranked[:MAX_RELATED]
            if score >= MIN_SIMILARITY
        ]
    return related


def plain_incident_clusters(briefings: list[Briefing]) -> list[list[tuple[str, int]]]:
    """merge_incidents' clustering as a scan of every cluster (the reference its index matches)."""
    clusters: list[list[_Report]] = []
    for b in briefings:
        for incident_ in b.incidents:
            report = _Report(b, incident_, _incident_day(incident_, b), place_key(incident_.location))
            match = next((c for c in clusters if all(_same_report(r, report) for r in c)), None)
            if match is None:
                clusters.append([report])
            else:
                match.append(report)
    return [[(r.briefing.slug, r.briefing.incidents.index(r.incident)) for r in c] for c in clusters]


@pytest.mark.parametrize("seed", range(4))
def test_fast_related_ranking_and_incident_merging_match_the_plain_loops(seed: int) -> None:
    """rank_related (numpy) and merge_incidents (indexed) give exactly the results of the plain
    loops they replace: the same floats, ties and order, and the same clusters."""
    briefings = sorted(random_corpus(seed), key=newest_first)
    expected_clusters = plain_incident_clusters(briefings)
    merge_incidents(briefings)
    by_key: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for b in briefings:
        for n, incident_ in enumerate(b.incidents):
            by_key[incident_.key].append((b.slug, n))
    assert sorted(by_key.values()) == sorted(expected_clusters)
    merge_actors(briefings)
    expected = plain_rank_related(briefings)
    assert rank_related(briefings) == expected
    assert sum(len(r) for r in expected.values()) > len(briefings)
