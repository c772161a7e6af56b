"""The typed data model shared by every pipeline stage.

Stages communicate only through these types: ingest produces an `Article`, extract turns it into
a `Briefing`, relate fills `Briefing.related` and builds a `Corpus`, and render reads them. The
JSON written for users and CI is `Briefing.to_dict()`; its shape is a contract (see DESIGN.md and
`briefing.schema.json`), so fields are only added, never renamed, without changing it everywhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

#: Paragraphs are joined with this separator to form the body text that evidence offsets index.
PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Article:
    """One input article after ingest: clean metadata and the article's own paragraphs.

    `paragraphs` holds only article text: page furniture (navigation, captions, credits, player
    notices, related-story lists) has already been removed by the reader.
    """

    source_path: str  # path relative to the content folder, with forward slashes
    title: str
    paragraphs: tuple[str, ...]
    date: dt.date | None = None
    source: str | None = None  # the publisher: "DW", "BBC", "CENTCOM"...
    url: str | None = None
    section: str | None = None
    byline: str | None = None  # e.g. agency credits "tj/se (AFP, dpa)"; never an actor
    tags: tuple[str, ...] = ()
    lead: str | None = None  # a standfirst/teaser when the page has one (also paragraphs[0])
    notes: tuple[str, ...] = ()  # things a reader should know, e.g. "text truncated for analysis"

    @property
    def body_text(self) -> str:
        """The text that `Evidence` offsets point into."""
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)


@dataclass(frozen=True)
class Evidence:
    """Where a claim comes from: the sentence, and its character span in `Article.body_text`."""

    sentence: str
    start: int
    end: int


@dataclass
class Actor:
    name: str
    kind: str  # person, organization, country, armed_group, military, government, place
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    salience: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)
    key: str = ""  # stable identifier used for cross-briefing pages (set by relate)


@dataclass
class Figure:
    value: float | int
    unit: str | None
    label: str
    text: str
    qualifier: str | None = None  # "at least", "more than", "about"...
    evidence: Evidence | None = None


@dataclass
class Incident:
    type: str
    location: str | None
    date: str | None  # ISO YYYY-MM-DD or None when the text does not let us resolve it
    killed: int | None
    injured: int | None
    perpetrator: str | None
    description: str
    evidence: list[Evidence] = field(default_factory=list)
    key: str = ""  # stable identifier used for cross-briefing pages (set by relate)


@dataclass
class Related:
    slug: str
    title: str
    score: float
    reason: str


@dataclass
class Briefing:
    slug: str
    source_path: str
    title: str
    date: dt.date | None
    source: str | None
    url: str | None
    summary: list[str]
    body: list[str]
    actors: list[Actor] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    section: str | None = None
    byline: str | None = None
    tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (a contract): dates as ISO strings, nothing else transformed."""
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Briefing:
        """Inverse of `to_dict`, used by the extraction cache."""

        def evidence(item: Any) -> Evidence | None:
            return Evidence(**item) if item else None

        actors = [
            Actor(**{**a, "evidence": [Evidence(**e) for e in a.get("evidence", [])]})
            for a in data.get("actors", [])
        ]
        figures = [Figure(**{**f, "evidence": evidence(f.get("evidence"))}) for f in data.get("figures", [])]
        incidents = [
            Incident(**{**i, "evidence": [Evidence(**e) for e in i.get("evidence", [])]})
            for i in data.get("incidents", [])
        ]
        return cls(
            **{
                **data,
                "date": dt.date.fromisoformat(data["date"]) if data.get("date") else None,
                "actors": actors,
                "figures": figures,
                "incidents": incidents,
                "related": [Related(**r) for r in data.get("related", [])],
            }
        )


@dataclass(frozen=True)
class Problem:
    """A warning or error about one input, located like a compiler message (`file:line: text`)."""

    path: str
    message: str
    line: int | None = None
    severity: str = "warning"  # "warning" or "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


@dataclass
class ActorEntry:
    """One actor across the whole corpus (aliases and surnames merged between briefings)."""

    key: str  # URL-safe identifier, stable across builds
    name: str
    kind: str
    role: str | None
    aliases: list[str]
    mentions: int
    briefings: list[str]  # slugs, newest first
    incidents: list[str] = field(default_factory=list)  # incident keys


@dataclass
class IncidentEntry:
    """One incident across the corpus: the same type, place and date window reported by several briefings."""

    key: str
    type: str
    location: str | None
    date: str | None
    killed: int | None
    injured: int | None
    perpetrator: str | None
    description: str
    briefings: list[str]
    actors: list[str] = field(default_factory=list)  # actor keys


@dataclass
class Period:
    """A digest period (a day, ISO week, month, or everything)."""

    key: str  # "2017-W12", "2017-03", "2017-03-23", "all"
    label: str
    briefings: list[str]  # slugs, newest first


@dataclass
class Corpus:
    """Everything render needs: the briefings (newest first) and the cross-briefing indexes."""

    briefings: list[Briefing]
    actors: list[ActorEntry] = field(default_factory=list)
    incidents: list[IncidentEntry] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)

    def by_slug(self, slug: str) -> Briefing:
        return next(b for b in self.briefings if b.slug == slug)
