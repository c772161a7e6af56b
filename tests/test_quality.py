"""Per-article quality floors on real articles from content/, against our own analyst fixtures.

Each fixture in tests/fixtures/quality/ says what a careful analyst lists for one article (key and
optional actors, figures, incidents, following the eval GUIDE) and the precision/recall floors the
extractors must keep. The matching below re-implements the eval scorer's rules (names and aliases
normalised alike, optional items neither rewarded nor penalised, figures by value plus a keyword,
incidents by location), so these tests run without the shared eval folder.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefing.extract import extract_many
from briefing.ingest import read_article
from briefing.model import Briefing

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
FIXTURES = sorted((Path(__file__).parent / "fixtures" / "quality").glob("*.yaml"))
WORD = re.compile(r"[a-z0-9]+")


# --- matching (the eval scorer's rules) ------------------------------------------------------------


def norm(text: object) -> str:
    """Lower case, curly quotes and punctuation out, a leading "the" and possessive "'s" dropped."""
    s = str(text or "").lower()
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = re.sub(r"[\"'`.,;:()\[\]]", " ", s)
    s = re.sub(r"^\s*the\s+", "", s)
    s = re.sub(r"'s\b", "", s)
    return " ".join(s.split())


def as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def names_of(item: dict[str, Any]) -> set[str]:
    return {norm(n) for n in [item.get("name"), *as_list(item.get("aliases"))] if n} - {""}


def ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def token_f1(a: str, b: str) -> float:
    ta, tb = WORD.findall(a.lower()), WORD.findall(b.lower())
    common = sum(min(ta.count(w), tb.count(w)) for w in set(ta))
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def close(a: object, b: object) -> bool:
    try:
        x, y = float(a), float(b)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= 0.01 * max(1.0, abs(y))


def match_actors(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, float]:
    """Each predicted actor takes the first unused key actor sharing a name form; one that only
    matches an optional actor is ignored; anything else (or a duplicate) counts against precision."""
    key = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]
    used: set[int] = set()
    tp = ignored = roles_ok = roles_n = 0
    for p in pred:
        forms = names_of(p)
        hit = next((g for g in key if id(g) not in used and forms & names_of(g)), None)
        if hit is not None:
            used.add(id(hit))
            tp += 1
            if hit.get("role"):
                roles_n += 1
                roles_ok += token_f1(p.get("role") or "", hit["role"]) >= 0.5
        elif any(forms & names_of(g) for g in optional):
            ignored += 1
    return {
        "actors_p": ratio(tp, len(pred) - ignored),
        "actors_r": ratio(tp, len(key)),
        "roles": ratio(roles_ok, roles_n),
    }


def match_figures(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, float]:
    used: set[int] = set()
    tp = 0
    for p in pred:
        context = norm(f"{p.get('label', '')} {p.get('unit', '')} {p.get('text', '')}")
        for j, g in enumerate(gold):
            if j in used:
                continue
            if any(close(p.get("value"), v) for v in as_list(g["value"])) and any(
                k in context for k in as_list(g.get("keywords"))
            ):
                used.add(j)
                tp += 1
                break
    return {"figures_p": ratio(tp, len(pred)), "figures_r": ratio(tp, len(gold))}


def match_incidents(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, float]:
    key = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]
    used: set[int] = set()
    tp = ignored = 0

    def at(p: dict[str, Any], g: dict[str, Any]) -> bool:
        loc = norm(p.get("location"))
        return bool(loc) and any(norm(x) in loc or loc in norm(x) for x in as_list(g.get("location")))

    for p in pred:
        hit = next((g for g in key if id(g) not in used and at(p, g)), None)
        if hit is None:
            ignored += any(at(p, g) for g in optional)
            continue
        used.add(id(hit))
        tp += 1
    return {"incidents_p": ratio(tp, len(pred) - ignored), "incidents_r": ratio(tp, len(key))}


# --- the articles ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def briefings() -> dict[str, Briefing]:
    """Every fixture's article, extracted in one spaCy stream."""
    names = [yaml.safe_load(path.read_text(encoding="utf-8"))["article"] for path in FIXTURES]
    items = [(read_article(CONTENT / name, CONTENT), Path(name).stem) for name in names]
    return {Path(b.source_path).name: b for b in extract_many(items)}


def scores(expected: dict[str, Any], briefing: Briefing) -> dict[str, float]:
    data = briefing.to_dict()
    return {
        **match_actors(as_list(expected.get("actors")), as_list(data.get("actors"))),
        **match_figures(as_list(expected.get("figures")), as_list(data.get("figures"))),
        **match_incidents(as_list(expected.get("incidents")), as_list(data.get("incidents"))),
    }


def test_fixtures_exist() -> None:
    assert len(FIXTURES) >= 3


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem[:40])
def test_article_meets_its_floors(fixture: Path, briefings: dict[str, Briefing]) -> None:
    expected = yaml.safe_load(fixture.read_text(encoding="utf-8"))
    got = scores(expected, briefings[expected["article"]])
    below = {m: (round(got[m], 2), floor) for m, floor in expected["floors"].items() if got[m] < floor}
    assert not below, f"{expected['article']}: below floor (got, floor): {below}"


def test_matching_penalises_duplicates_and_ignores_optional() -> None:
    """The matcher itself: a second form of a key actor is a false positive, an optional one is not."""
    gold = [{"name": "Islamic State", "aliases": ["ISIL"]}, {"name": "Mosul", "optional": True}]
    pred = [{"name": "ISIL"}, {"name": "Islamic State"}, {"name": "Mosul"}]
    assert match_actors(gold, pred) == {"actors_p": 0.5, "actors_r": 1.0, "roles": 1.0}
