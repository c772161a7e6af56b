"""Stage 1, ingest: files in content/ -> `Article`s, one reader per format.

Readers return only article text and clean metadata; page furniture is removed here so no later
stage has to know about web pages. A file that cannot be read raises `IngestError` naming it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import IngestError
from ..model import Article
from . import html, markdown, text

Reader = Callable[[bytes, str], Article]

READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".md": markdown.read,
    ".markdown": markdown.read,
    ".html": html.read,
    ".htm": html.read,
}


def discover(content_dir: Path) -> list[Path]:
    """Every readable article below `content_dir`, in a stable order (hidden files skipped)."""
    if not content_dir.is_dir():
        raise IngestError("content folder not found", str(content_dir))
    found = [
        p
        for p in content_dir.rglob("*")
        if p.is_file()
        and p.suffix.lower() in READERS
        and not any(part.startswith(".") for part in p.relative_to(content_dir).parts)
    ]
    return sorted(found, key=lambda p: p.relative_to(content_dir).as_posix())


def read_article(path: Path, content_dir: Path | None = None) -> Article:
    relative = path.relative_to(content_dir).as_posix() if content_dir else path.name
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(f"unsupported file type '{path.suffix}'", relative)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror}", relative) from None
    return reader(data, relative)
