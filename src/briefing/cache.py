"""Content-addressed cache of extraction results, so an unchanged article is never parsed again.

The key hashes everything extraction depends on: the ingested article (its text and metadata), the
slug, the extractor version and the summary options. Entries are written to a temporary file and
renamed into place, so an interrupted build never leaves a partial entry; an unreadable entry is
treated as a miss.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

from .config import SiteConfig
from .model import Article, Briefing


@functools.cache
def extractor_fingerprint() -> str:
    """A hash of the extract package's own files, so editing an extractor invalidates the cache
    without anyone having to remember to bump a version number."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent / "extract"
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".json", ".yaml", ".txt"}:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(article: Article, slug: str, config: SiteConfig, version: str) -> str:
    payload = {
        "article": dataclasses.asdict(article),
        "slug": slug,
        "version": version,
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
        handle, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
