"""Incremental output: every file of the site goes through `Output`, which hard-links the previous
build's file into the staging folder when its inputs are unchanged instead of writing it again.

Each output path is recorded with a key of its inputs, known before the file is produced, so an
unchanged file is neither produced nor written: for an HTML page the values its templates read
(render.pages), for a briefing's JSON its extraction key and what relate added (render.json_out),
for a PDF the hash of its HTML string (~0.1 s a page with WeasyPrint), itself known from the PDF's
template reads when they are unchanged (render.pdf). Files cheap to produce (feeds, the search
index, the schema) are keyed by the hash of their bytes: "unchanged" simply means "same bytes". A file produced again whose bytes are the same is linked all the same. The
keys and the identity of every file of the finished site (inode, size, mtime) go to
`manifest.json` once the new site is in place.

Why the identity: a build killed between swapping the site in and writing the manifest leaves the
previous build's manifest next to the new site. A file is only reused when the file on disk is still
the very file the manifest describes (same inode, size and mtime), so a stale or hand-edited
manifest can cost a re-render, never a wrong or partial file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MANIFEST_VERSION = 1


@dataclass(frozen=True)
class Entry:
    """One file of a finished site: the key of its inputs and its identity on disk."""

    key: str | None  # None: not produced through Output (static files), never reused
    ino: int
    size: int
    mtime_ns: int


@dataclass
class Manifest:
    """What the previous build left: its files and the fingerprint of all its inputs."""

    build_key: str | None = None
    files: dict[str, Entry] = field(default_factory=dict)
    stats: dict[str, int] = field(default_factory=dict)  # pages and PDFs of that build

    @classmethod
    def load(cls, path: Path) -> Manifest:
        """The manifest at `path`, or an empty one when it is missing, unreadable or foreign."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != MANIFEST_VERSION:
                return cls()
            files = {rel: Entry(**entry) for rel, entry in data["files"].items()}
            return cls(data.get("build_key"), files, dict(data.get("stats", {})))
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return cls()

    def save(self, path: Path) -> None:
        """Write atomically: a reader sees the old manifest or the new one, never half of one."""
        data: dict[str, Any] = {
            "version": MANIFEST_VERSION,
            "build_key": self.build_key,
            "stats": self.stats,
            "files": {rel: vars(entry) for rel, entry in sorted(self.files.items())},
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=".manifest-", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, separators=(",", ":"))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def intact(self, site_dir: Path) -> bool:
        """True when every file this manifest lists is still in `site_dir`, untouched."""
        return bool(self.files) and all(_matches(site_dir / rel, entry) for rel, entry in self.files.items())


def _matches(path: Path, entry: Entry) -> bool:
    try:
        st = path.lstat()
    except OSError:
        return False
    return (st.st_ino, st.st_size, st.st_mtime_ns) == (entry.ino, entry.size, entry.mtime_ns)


def digest(*parts: str | bytes) -> str:
    """sha256 over parts separated unambiguously (length-prefixed)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


class Output:
    """Writes a site into `site_dir`, reusing files of `previous_dir` whose key is unchanged."""

    def __init__(self, site_dir: Path, previous_dir: Path | None = None, manifest: Manifest | None = None):
        self.site_dir = site_dir
        self.previous_dir = previous_dir
        self.old = manifest.files if manifest and previous_dir else {}
        self.keys: dict[str, str] = {}  # site-relative path -> key, for this build's manifest
        self.linked: dict[str, Entry] = {}  # hard-linked from the previous site: its entry
        self.written = 0
        self.reused = 0
        self._folders: set[Path] = set()

    def write_text(self, rel: str, text: str, key: str | None = None) -> Path:
        return self.write_bytes(rel, text.encode("utf-8"), key)

    def write_bytes(self, rel: str, data: bytes, key: str | None = None) -> Path:
        """Write `data` at `rel`, or link the previous build's identical file. With `key` (the
        file's input key, which the caller already tried to `reuse`), the file is recorded under
        that key, and still linked when its bytes come out the same (creating a file costs more
        than comparing it: a template edit that changes few pages rewrites only those)."""
        target = self.site_dir / rel
        if key is None:
            key = digest(data)
            if self.reuse(rel, key):
                return target
        elif self._same_bytes(rel, data) and self._link(rel, self.old[rel], key):
            return target
        self._parent(target)
        self._release(rel, target)
        target.write_bytes(data)
        self.written += 1
        self.keys[rel] = key
        return target

    def reuse(self, rel: str, key: str) -> bool:
        """Link the previous file at `rel` into the site if it was produced from `key` and is still
        the file the manifest describes; False means the caller must produce it."""
        entry = self.old.get(rel)
        if entry is None or entry.key != key:
            return False
        return self._link(rel, entry, key)

    def _same_bytes(self, rel: str, data: bytes) -> bool:
        entry = self.old.get(rel)
        if entry is None or entry.size != len(data) or self.previous_dir is None:
            return False
        source = self.previous_dir / rel
        try:
            return _matches(source, entry) and source.read_bytes() == data
        except OSError:
            return False

    def _link(self, rel: str, entry: Entry, key: str) -> bool:
        """Put the previous site's file at `rel` (described by `entry`) into this site, under
        `key`; False when it is not the file the manifest describes any more."""
        if self.previous_dir is None:
            return False
        source = self.previous_dir / rel
        if not _matches(source, entry):
            return False
        target = self.site_dir / rel
        self._parent(target)
        self._release(rel, target)
        try:
            os.link(source, target)
            self.linked[rel] = entry
        except OSError:
            try:
                shutil.copy2(source, target)  # no hard links here (another filesystem, FAT...)
            except OSError:
                with contextlib.suppress(OSError):
                    target.unlink()
                return False
        self.reused += 1
        self.keys[rel] = key
        return True

    def _release(self, rel: str, target: Path) -> None:
        """Unlink a file this build already put at `rel` before replacing it: it may be a hard
        link to the previous site's file, and writing through it would change the previous site
        (still live until the swap, and kept if this build fails)."""
        if rel in self.keys:
            target.unlink(missing_ok=True)
            self.linked.pop(rel, None)

    def record(self, rel: str, key: str) -> None:
        """Note a file the caller produced itself (a rendered PDF)."""
        self.written += 1
        self.keys[rel] = key

    def _parent(self, target: Path) -> None:
        folder = target.parent
        if folder not in self._folders:
            folder.mkdir(parents=True, exist_ok=True)
            self._folders.add(folder)

    def manifest(self, final_dir: Path, build_key: str | None, stats: dict[str, int]) -> Manifest:
        """The manifest of the finished site at `final_dir`: every file in it, with its key when
        it went through this Output (files copied by other means get no key and are never reused)."""
        files: dict[str, Entry] = {}
        for folder, _, names in os.walk(final_dir):
            prefix = Path(folder).relative_to(final_dir).as_posix()
            for name in names:
                rel = name if prefix == "." else f"{prefix}/{name}"
                linked = self.linked.get(rel)
                if linked is not None and rel in self.keys:  # the previous file: identity known
                    files[rel] = Entry(self.keys[rel], linked.ino, linked.size, linked.mtime_ns)
                    continue
                st = os.lstat(os.path.join(folder, name))
                files[rel] = Entry(self.keys.get(rel), st.st_ino, st.st_size, st.st_mtime_ns)
        return Manifest(build_key, files, stats)
