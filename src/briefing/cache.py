"""Content-addressed caches, so an unchanged article is never read or parsed again.

The extraction key hashes everything extraction depends on: the ingested article (its text and
metadata), the slug, the extract package's code and the summary options. Entries are written to a
temporary file and renamed into place, so an interrupted build never leaves a partial entry; an
unreadable entry is treated as a miss.

The ingest cache maps a file's bytes (and path) to the `Article` its reader returned: reading 1,000
Markdown files through YAML, Markdown and ftfy costs ~2 s, hashing their bytes ~20 ms. It is one
JSON file, rewritten atomically with only the entries the build used.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .config import SiteConfig
from .model import ActorEntry, Article, Briefing, Corpus, IncidentEntry, Period, Related

PACKAGE = Path(__file__).resolve().parent


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file next to `path`, then rename: readers (and a build that was
    killed half-way) only ever see the old file or the complete new one."""
    handle, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


CODE_SUFFIXES = frozenset({".py", ".json", ".yaml", ".txt"})


def tree_fingerprint(folder: Path, suffixes: frozenset[str] | None = None) -> str:
    """A hash of the names and bytes of the files below `folder` (all files when `suffixes` is
    None); a missing folder hashes like an empty one."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if "__pycache__" in path.parts or not path.is_file():
                continue
            if suffixes is None or path.suffix in suffixes:
                data = path.read_bytes()
                digest.update(f"{path.relative_to(folder).as_posix()}\0{len(data)}\0".encode())
                digest.update(data)
    return digest.hexdigest()


@functools.cache
def extractor_fingerprint() -> str:
    """A hash of the extract package's own files, so editing an extractor invalidates the cache
    without anyone having to remember to bump a version number."""
    return tree_fingerprint(PACKAGE / "extract", CODE_SUFFIXES)


@functools.cache
def ingest_fingerprint() -> str:
    """The ingest package and the model: what turns a file's bytes into an `Article`."""
    model = (PACKAGE / "model.py").read_bytes()
    return hashlib.sha256(tree_fingerprint(PACKAGE / "ingest", CODE_SUFFIXES).encode() + model).hexdigest()


@functools.cache
def code_fingerprint() -> str:
    """All of briefing's own code, theme and schema: part of the whole-build key, so upgrading or
    editing briefing never leaves a site built by the old code in place."""
    return tree_fingerprint(PACKAGE, CODE_SUFFIXES | {".html", ".xml", ".css", ".js", ".svg"})


def cache_key(article: Article, slug: str, config: SiteConfig) -> str:
    """The extraction key. No hand-bumped version number: `extractor_fingerprint` hashes the
    extractor's source, so any change to it invalidates the cache by itself."""
    payload = {
        "article": dataclasses.asdict(article),
        "slug": slug,
        "code": extractor_fingerprint(),
        "summary": dataclasses.asdict(config.summary),
        "max_chars": config.max_article_chars,
    }
    blob = json.dumps(payload, sort_keys=True, default=str, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


class ExtractionCache:
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> Briefing | None:
        if self.folder is None:
            return None
        try:
            return Briefing.from_dict(json.loads(self._path(key).read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, key: str, briefing: Briefing) -> None:
        if self.folder is None:
            return
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(briefing.to_dict(), ensure_ascii=False, sort_keys=True)
        write_atomic(path, data)


def article_to_json(article: Article) -> dict[str, Any]:
    data = dataclasses.asdict(article)
    data["date"] = article.date.isoformat() if article.date else None
    return data


def article_from_json(data: dict[str, Any]) -> Article:
    """Inverse of `article_to_json`: lists back to tuples, the date back to a date."""
    values: dict[str, Any] = {}
    for f in dataclasses.fields(Article):
        value = data[f.name]
        if f.name == "date":
            value = dt.date.fromisoformat(value) if value else None
        elif isinstance(value, list):
            value = tuple(value)
        values[f.name] = value
    return Article(**values)


def ingest_key(relative: str, data: bytes) -> str:
    """The ingest key: the file's path (source_path is part of the Article) and its bytes."""
    digest = hashlib.sha256(relative.encode("utf-8") + b"\0")
    digest.update(data)
    return digest.hexdigest()


class IngestCache:
    """file bytes -> Article, in one JSON file; invalidated wholesale when ingest code changes."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, dict[str, Any]] = self._load()
        self.used: dict[str, dict[str, Any]] = {}

    def _load(self) -> dict[str, dict[str, Any]]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("code") != ingest_fingerprint():
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def get(self, key: str) -> Article | None:
        raw = self.entries.get(key)
        if raw is None:
            return None
        try:
            article = article_from_json(raw)
        except (KeyError, TypeError, ValueError):
            return None
        self.used[key] = raw
        return article

    def put(self, key: str, article: Article) -> None:
        self.used[key] = article_to_json(article)

    def save(self) -> None:
        """Keep only this build's entries (so the file does not grow forever); atomic replace."""
        if self.path is None or self.used == self.entries:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"code": ingest_fingerprint(), "entries": self.used}, ensure_ascii=False)
        write_atomic(self.path, text)


def corpus_key(extraction_keys: list[str], period: str) -> str:
    """What relate's output depends on: every briefing (through its extraction key, in order),
    the digest period and briefing's code (relate itself)."""
    digest = hashlib.sha256(f"{code_fingerprint()}\0{period}\0".encode())
    for key in extraction_keys:
        digest.update(key.encode("ascii"))
    return digest.hexdigest()


class CorpusCache:
    """What relate made of the last build's briefings, so a build whose articles are unchanged
    (a template or config edit) skips relate (~0.3 s for 1,000 articles).

    Only relate's own output is stored (the actor, incident and period entries, the order of the
    briefings, and what relate set on each: actor and incident keys, related briefings); the
    briefings come from the extraction cache, which has them under the same keys. Saving it after
    a content change costs next to nothing, loading it reads the extraction cache once.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def load(self, key: str, extracted: Callable[[], list[Briefing | None]]) -> Corpus | None:
        """The corpus stored under `key`; `extracted` gives the briefings (as extracted, in the
        build's order), None for any that is not in the extraction cache (a miss)."""
        if self.path is None:
            return None
        head = '{"key": ' + json.dumps(key)  # how `save` starts the file: a miss reads no further
        try:
            with self.path.open(encoding="utf-8") as cached:
                if cached.read(len(head)) != head:
                    return None
                data = json.loads(head + cached.read())
            briefings = extracted()
            if any(b is None for b in briefings):
                return None
            by_slug = {b.slug: b for b in briefings if b is not None}
            ordered = [by_slug[slug] for slug in data["order"]]
            if len(ordered) != len(by_slug):
                return None
            for briefing, (actors, incidents, related) in zip(ordered, data["added"], strict=True):
                for actor, actor_key in zip(briefing.actors, actors, strict=True):
                    actor.key = actor_key
                for incident, incident_key in zip(briefing.incidents, incidents, strict=True):
                    incident.key = incident_key
                briefing.related = [Related(**r) for r in related]
            return Corpus(
                briefings=ordered,
                actors=[ActorEntry(**a) for a in data["actors"]],
                incidents=[IncidentEntry(**i) for i in data["incidents"]],
                periods=[Period(**p) for p in data["periods"]],
            )
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def save(self, key: str, corpus: Corpus) -> None:
        if self.path is None:
            return
        text = json.dumps(
            {
                "key": key,
                "order": [b.slug for b in corpus.briefings],
                "added": [
                    [[a.key for a in b.actors], [i.key for i in b.incidents], [vars(r) for r in b.related]]
                    for b in corpus.briefings
                ],
                # vars(), not asdict(): the entries hold only strings, numbers and lists of strings
                "actors": [vars(a) for a in corpus.actors],
                "incidents": [vars(i) for i in corpus.incidents],
                "periods": [vars(p) for p in corpus.periods],
            },
            ensure_ascii=False,
        )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, text)
