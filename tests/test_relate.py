"""relate: cross-briefing merging of actors and incidents, related briefings, on hand-made briefings."""

from __future__ import annotations

import datetime as dt

from briefing.incident_types import types_compatible
from briefing.model import Actor, Briefing, Incident
from briefing.relate import merge_key, place_key, relate


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
