"""Stage 1, ingest: files in content/ -> `Article`s, one reader per format.

Readers return only article text and clean metadata; page furniture is removed here so no later
stage has to know about web pages. A file that cannot be read raises `IngestError` naming it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..errors import IngestError
from ..model import Article, Problem
from . import html, markdown, text

Reader = Callable[[bytes, str], Article]

READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".md": markdown.read,
    ".markdown": markdown.read,
    ".html": html.read,
    ".htm": html.read,
}


#: Larger files are refused before reading, so one stray dump cannot exhaust memory.
MAX_FILE_BYTES = 64 * 1024 * 1024


def discover(content_dir: Path, problems: list[Problem] | None = None) -> list[Path]:
    """Every readable article below `content_dir`, in a stable order.

    Hidden files and folders are skipped. A symlink is followed only when it stays inside the
    content folder: content is untrusted, and a link to ~/.ssh/id_rsa.txt must not be published.
    Links that leave the folder, broken links and special files (FIFOs, devices) are skipped with
    a warning appended to `problems`.
    """
    if not content_dir.is_dir():
        raise IngestError("content folder not found", str(content_dir))
    root = content_dir.resolve()
    found: list[Path] = []
    for folder, subfolders, files in os.walk(content_dir, followlinks=False):
        linked = [Path(folder) / d for d in sorted(subfolders) if (Path(folder) / d).is_symlink()]
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        candidates = [Path(folder) / f for f in sorted(files) if f.lower().endswith(tuple(READERS))]
        for path in [*candidates, *linked]:
            if path.name.startswith("."):
                continue
            reason = _skip_reason(path, root)
            if reason is not None and problems is not None:
                problems.append(Problem(path.relative_to(content_dir).as_posix(), reason))
            elif reason is None and not path.is_dir():
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(content_dir).as_posix())


def _skip_reason(path: Path, root: Path) -> str | None:
    """Why `path` must not be read, or None for an article file that is inside the folder."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return "skipped: broken symlink"
        if not target.is_relative_to(root):
            return "skipped: symlink points outside the content folder"
        if target.is_dir():
            return None  # a folder inside content/: its articles are read where they are
    if not path.is_file():
        return "skipped: not a regular file"
    return None


def read_article(path: Path, content_dir: Path | None = None) -> Article:
    relative = path.relative_to(content_dir).as_posix() if content_dir else path.name
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(f"unsupported file type '{path.suffix}'", relative)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise IngestError(f"file too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})", relative)
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror}", relative) from None
    return reader(data, relative)
