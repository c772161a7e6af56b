"""Page dependencies: every HTML page is keyed by what its templates actually read, so a page whose
inputs are unchanged is linked from the previous build without being rendered at all.

While a page renders, the data reaches its templates through thin proxies that note each read:
an attribute of a briefing, actor, incident or period ("the title of briefing x"), an entry of a
lookup table ("is k in actor_by_key"), the length or the members of a list. A page's key hashes
the environment key (briefing's code and theme, the override folder, the config, PDFs on or off),
the template, the path, the page's own context, the list of reads and the value of each read now.
The reads are kept for the next build (`pages.json`), which evaluates them against its own data:
when every value is the same, the template would take the same path through the same data and
write the same bytes, so the previous file is reused. The key covers the list of reads itself,
so reads from another build (a stale pages.json) can only cost a render, never a wrong page.
Reads on an entity whose version is unchanged (a briefing's content key, see render.json_out; an
actor's, incident's or period's repr) are not evaluated again: their stored values stand, as
values are a function of the entity and of this module's code (`values_key`, stored with them).

What is tracked: the page's context and the corpus globals (`corpus`, `actor_by_key`,
`incident_by_key`, `briefing_by_slug`, `report_dates`). Everything else a template can reach is in
the environment key: the config, the template files, the helper functions and filters (code).
Values are compared through `repr`, which for the model's dataclasses shows every field; the
members of a list or table are compared by identity (an entity's kind and key) when they are
briefings, actors, incidents or periods, whose attributes are tracked one by one, and lists and
tables inside them are tracked in turn.

A template may do with the proxies what it does with the data (attributes, items, `in`, loops,
filters, `length`, printing, passing them to the helper functions); a method of a model object,
whose result cannot be tracked, makes the page depend on the whole object.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

import jinja2

from ..model import ActorEntry, Briefing, Corpus, IncidentEntry, Period
from .templates import render

PAGES_VERSION = 2
#: Rows beyond twice those in use at the last compaction that pages.json may carry before it is
#: compacted again.
COMPACT_SLACK = 1000
#: Corpus globals whose reads are tracked (the other globals are code or config).
TRACKED_GLOBALS = ("corpus", "actor_by_key", "incident_by_key", "briefing_by_slug", "report_dates")

#: A read: (path, operation, argument). The path starts at a context value ("c", name), a global
#: ("g", name) or an entity ("e", kind, key) and continues with ("a", attribute) / ("i", item) steps.
Dep = tuple[tuple[Any, ...], str, Any]

_MISSING = "<missing>"
_ENTITY_TYPES = frozenset({Briefing, ActorEntry, IncidentEntry, Period})
_TRACKED_TYPES = _ENTITY_TYPES | {list, tuple, dict}  # what a read hands out as a proxy
#: Values a read returns as they are: their repr is their whole value.
_PLAIN = frozenset({str, int, float, bool, type(None), dt.date})


def _fingerprint(text: str) -> str:
    return text if len(text) <= 64 else "#" + hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.cache
def values_key() -> str:
    """What the stored value of a read on an unchanged entity depends on besides the entity: the
    code that computes it (this module) and the model's reprs. Not the templates or the config:
    after a template change, the reads of unchanged entities need not be evaluated again."""
    here = Path(__file__).resolve()
    code = here.read_bytes() + here.parent.parent.joinpath("model.py").read_bytes()
    return hashlib.sha256(code + str(PAGES_VERSION).encode()).hexdigest()


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _parse(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _json_scalar(value: Any) -> str:
    """json.dumps of a path step or an argument, with a fast way for the usual str and int."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)  # what json.dumps does to a str (ensure_ascii=False)
    if kind is int:
        return str(value)
    return _json(value)


class Entities:
    """The corpus's briefings, actors, incidents and periods by kind and key, and back."""

    def __init__(self, corpus: Corpus) -> None:
        self.tables: dict[str, dict[str, Any]] = {
            "briefing": {b.slug: b for b in corpus.briefings},
            "actor": {a.key: a for a in corpus.actors},
            "incident": {i.key: i for i in corpus.incidents},
            "period": {p.key: p for p in corpus.periods},
        }
        self.names: dict[int, tuple[str, str, str]] = {
            id(value): ("e", kind, key) for kind, table in self.tables.items() for key, value in table.items()
        }

    def path_of(self, value: Any) -> tuple[str, str, str] | None:
        """("e", kind, key) when `value` is one of the corpus's entities (that very object)."""
        path = self.names.get(id(value))
        return path if path is not None and self.tables[path[1]].get(path[2]) is value else None


class PageDeps:
    """The reads behind each page of the last finished site, and this build's.

    Stored as a table of distinct reads (rows), each with its root (the context value, global or
    entity its path starts at) and the value it had, and per page the digest of its list of reads
    and their row numbers. A root's version (an entity's content key) is stored too: while it is
    unchanged, the values of the rows below it are taken as stored instead of evaluated again,
    which is most of them when one article changed. `current` receives this build's pages:
    (digest, row numbers) for a reused page, (digest, reads) for a rendered one."""

    def __init__(self, path: Path | None, data: dict[str, Any] | None = None) -> None:
        data = data or {}
        self.path = path
        self.base: str | None = data.get("base")
        self.values_key: str | None = data.get("values_key")
        self.roots: list[str] = data.get("roots", [])
        self.versions: list[str | None] = data.get("versions", [])
        self.row_roots: list[int] = data.get("row_roots", [])
        self.row_texts: list[str] = data.get("row_texts", [])
        self.row_values: list[str] = data.get("row_values", [])
        self.live: int = data.get("live", -1)  # rows in use when the table was last compacted
        self.previous: dict[str, tuple[str, list[int]]] = {
            rel: (entry[0], entry[1]) for rel, entry in data.get("pages", {}).items()
        }
        self.current: dict[str, tuple[str, list[int] | list[Dep]]] = {}
        self.tracker: Tracker | None = None  # the tracker of this build's pages, once there is one

    @classmethod
    def load(cls, path: Path | None) -> PageDeps:
        """The store at `path`; empty when there is none (or it is unreadable, or `path` is None)."""
        if path is None:
            return cls(None)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != PAGES_VERSION:
                return cls(path)
            store = cls(path, data)
            return store if store._consistent() else cls(path)
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            return cls(path)

    def _consistent(self) -> bool:
        """Whether the tables fit together (a damaged file is ignored, not trusted)."""
        rows, roots = len(self.row_texts), len(self.roots)
        if len(self.row_roots) != rows or len(self.row_values) != rows or len(self.versions) != roots:
            return False
        if self.row_roots and not 0 <= min(self.row_roots) <= max(self.row_roots) < roots:
            return False
        texts = [*self.roots, *self.row_texts, *self.row_values]
        if not all(type(text) is str for text in texts):
            return False
        for digest, numbers in self.previous.values():
            if type(digest) is not str or (numbers and not 0 <= min(numbers) <= max(numbers) < rows):
                return False
        return True

    def save(self) -> None:
        """Write this build's reads atomically, with the values and versions the tracker that
        rendered this build's pages found. Rows keep their numbers (a reused page's list is
        written as it was read); new reads are appended, and the table is renumbered without the
        rows no page uses any more once those could make up half of it."""
        if self.path is None or self.tracker is None:
            return
        tracker = self.tracker
        if len(self.row_texts) > 2 * self.live + COMPACT_SLACK:
            tables = self._compacted(tracker)
        else:
            tables = self._appended(tracker)
        roots, row_roots, row_texts, row_values, pages = tables
        data = {
            "version": PAGES_VERSION,
            "base": tracker.base,
            "values_key": values_key(),
            "live": self.live,
            "roots": roots,
            "versions": [tracker.version(root) for root in roots],
            "row_roots": row_roots,
            "row_texts": row_texts,
            "row_values": row_values,
            "pages": pages,
        }
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=".pages-", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _appended(self, tracker: Tracker) -> tuple[list[str], list[int], list[str], list[str], dict]:
        """The previous tables with this build's values, and this build's new reads appended."""
        roots, row_roots, row_texts = list(self.roots), list(self.row_roots), list(self.row_texts)
        row_values = [value or "" for value in tracker.row_values_now()]
        root_numbers: dict[str, int] | None = None
        numbers = tracker.row_numbers()
        pages: dict[str, list[Any]] = {}
        for rel, (digest, deps) in sorted(self.current.items()):
            if deps and isinstance(deps[0], int):  # reused: the previous build's rows
                pages[rel] = [digest, deps]
                continue
            listed = []
            for dep in deps:
                root, text, value = tracker.row_of(dep)
                n = numbers.get(text)
                if n is None:
                    if root_numbers is None:
                        root_numbers = {root: r for r, root in enumerate(roots)}
                    r = root_numbers.get(root)
                    if r is None:
                        r = root_numbers[root] = len(roots)
                        roots.append(root)
                    n = numbers[text] = len(row_texts)
                    row_roots.append(r)
                    row_texts.append(text)
                    row_values.append(value)
                else:
                    row_values[n] = value
                listed.append(n)
            pages[rel] = [digest, listed]
        self.live = self.live if self.live >= 0 else len(row_texts)
        return roots, row_roots, row_texts, row_values, pages

    def _compacted(self, tracker: Tracker) -> tuple[list[str], list[int], list[str], list[str], dict]:
        """Tables with only the rows this build's pages use, renumbered."""
        numbers: dict[str, int] = {}  # read text -> new row number
        root_numbers: dict[str, int] = {}
        roots: list[str] = []
        row_roots: list[int] = []
        row_texts: list[str] = []
        row_values: list[str] = []

        def number(dep: int | Dep) -> int:
            root, text, value = tracker.row_of(dep)
            n = numbers.get(text)
            if n is None:
                n = numbers[text] = len(row_texts)
                r = root_numbers.get(root)
                if r is None:
                    r = root_numbers[root] = len(roots)
                    roots.append(root)
                row_roots.append(r)
                row_texts.append(text)
                row_values.append(value)
            return n

        renumbered = [-1] * len(self.row_texts)  # previous row number -> new
        fresh: dict[Dep, int] = {}  # a read of a page rendered by this build -> new row number
        pages: dict[str, list[Any]] = {}
        for rel, (digest, deps) in sorted(self.current.items()):
            listed = []
            if deps and isinstance(deps[0], int):  # reused: the previous build's rows
                for n in deps:
                    m = renumbered[n]
                    if m < 0:
                        m = renumbered[n] = number(n)
                    listed.append(m)
            else:
                for dep in deps:
                    m = fresh.get(dep)
                    if m is None:
                        m = fresh[dep] = number(dep)
                    listed.append(m)
            pages[rel] = [digest, listed]
        self.live = len(row_texts)
        return roots, row_roots, row_texts, row_values, pages


class Tracker:
    """Renders pages through tracking proxies, and keys pages by their reads' values.

    `versions` (briefing slug -> a key of everything in the briefing, see render.json_out) lets
    stored values of reads on unchanged briefings stand; actors, incidents and periods are
    versioned by their repr here; reads on globals and on a page's context are always evaluated."""

    def __init__(
        self,
        corpus: Corpus,
        globals_: dict[str, Any],
        base: str,
        store: PageDeps,
        versions: dict[str, str] | None = None,
    ) -> None:
        self.entities = Entities(corpus)
        self.globals = {name: globals_[name] for name in TRACKED_GLOBALS}
        self.base = base
        self.store = store
        store.tracker = self
        self.briefing_versions = versions or {}
        self.deps: dict[Dep, None] | None = None  # the reads of the page being rendered
        self._versions: dict[str, str | None] = {}
        # Per stored row: its value now when known (None: not yet evaluated, or its root is a
        # context value, evaluated per page); rows under an unchanged root start with their value.
        self._row_now: list[str | None] = self._stored_values()
        self._trusted = any(self._row_now)  # some stored values stand
        self._values: dict[Dep, str] = {}  # this build's reads (not under a context value)
        self._dep_texts: dict[Dep, str] = {}
        self._path_texts: dict[tuple[Any, ...], str] = {}
        self._row_numbers: dict[str, int] | None = None  # stored read text -> row number

    def _stored_values(self) -> list[str | None]:
        store = self.store
        if store.values_key != values_key():
            return [None] * len(store.row_texts)
        same = [
            stored is not None and stored == self.version(root)
            for root, stored in zip(store.roots, store.versions, strict=True)
        ]
        return [v if same[r] else None for r, v in zip(store.row_roots, store.row_values, strict=True)]

    def version(self, root: str) -> str | None:
        """A key of everything below an entity root now (None for other roots: not versioned)."""
        version = self._versions.get(root, _MISSING)
        if version is _MISSING:
            version = None
            path = _parse(root)
            if isinstance(path, list) and len(path) == 3 and path[0] == "e" and type(path[2]) is str:
                entity = self.entities.tables.get(path[1], {}).get(path[2])
                if path[1] == "briefing":
                    version = self.briefing_versions.get(path[2]) if entity is not None else None
                elif entity is not None:
                    version = _fingerprint("#" + repr(entity))
            self._versions[root] = version
        return version

    def proxied_globals(self) -> dict[str, Any]:
        """The tracked globals, wrapped: install them in the environment's globals."""
        return {name: self._root(value, ("g", name)) for name, value in self.globals.items()}

    @staticmethod
    def install(env: jinja2.Environment, globals_: dict[str, Any]) -> None:
        """Install `globals_` (proxied) and the filters that must see the data itself: `tojson`
        serialises what it is given, so it gets the data (the page then depends on all of it)."""
        env.globals.update(globals_)
        tojson = env.filters["tojson"]

        @jinja2.pass_eval_context
        def tojson_of_data(eval_ctx: Any, value: Any, indent: int | None = None) -> Any:
            return tojson(eval_ctx, _unwrap_all(value), indent)

        env.filters["tojson"] = tojson_of_data

    def reuse_key(
        self, template: str, rel: str, context: dict[str, Any], base: str | None = None
    ) -> str | None:
        """The key `rel` has if the reads its previous render made still give the same values
        (None when the previous build has no reads for it). `base`: an environment key of the
        page's own instead of the tracker's (the PDFs have one: render.pdf)."""
        previous = self.store.previous.get(rel)
        if previous is None or (base is None and self.store.base != self.base):
            return None  # the key hashes the base: no match
        digest, numbers = previous
        now = self._row_now
        try:
            values = [now[n] or self._row_value(n, context) for n in numbers]
        except (IndexError, TypeError, ValueError):  # a damaged store
            return None
        return self._key(base or self.base, template, rel, context, digest, values)

    def reuse(self, rel: str) -> None:
        """Note that `rel` was reused: its reads are the previous build's."""
        self.store.current[rel] = self.store.previous[rel]

    def render(
        self,
        env: jinja2.Environment,
        template: str,
        rel: str,
        context: dict[str, Any],
        base: str | None = None,
    ) -> tuple[str, str]:
        """Render `template` with `context`; return the HTML and its key (and store its reads).
        `base`: as for `reuse_key`."""
        wrapped = {name: self._root(value, ("c", name)) for name, value in context.items()}
        self.deps = {}
        try:
            html = render(env, template, **wrapped)
            deps = list(self.deps)
        finally:
            self.deps = None
        digest = hashlib.sha256(repr(deps).encode("utf-8")).hexdigest()
        known = self._values.get
        values = [known(dep) or self._dep_value(dep, context) for dep in deps]
        self.store.current[rel] = (digest, deps)
        return html, self._key(base or self.base, template, rel, context, digest, values)

    def row_values_now(self) -> list[str | None]:
        """Each stored row's value now, None where it is not known (not evaluated by this build,
        or under a context value)."""
        return self._row_now

    def row_numbers(self) -> dict[str, int]:
        """Stored read text -> row number (a copy the caller may extend)."""
        if self._row_numbers is None:
            self._row_numbers = {text: n for n, text in enumerate(self.store.row_texts)}
        return dict(self._row_numbers)

    def row_of(self, dep: int | Dep) -> tuple[str, str, str]:
        """(root text, read text, value now) of a stored row (by number) or of a read."""
        store = self.store
        if isinstance(dep, int):
            root = store.roots[store.row_roots[dep]]
            value = "" if root.startswith('["c"') else (self._row_now[dep] or "")
            return root, store.row_texts[dep], value
        path = dep[0]
        root = path[:3] if path[0] == "e" else path[:2]
        return self._path_text(root), self._text(dep), "" if path[0] == "c" else self._values.get(dep, "")

    def _text(self, dep: Dep) -> str:
        """The read as JSON text ([path, op, arg]), assembled from its path's text (shared by
        all the reads below that path) and its argument's."""
        text = self._dep_texts.get(dep)
        if text is None:
            path, op, arg = dep
            text = self._dep_texts[dep] = f'[{self._path_text(path)},"{op}",{_json_scalar(arg)}]'
        return text

    def _path_text(self, path: tuple[Any, ...]) -> str:
        """A path as JSON text, from its parent's (a path is its root, then (step, name) pairs)."""
        text = self._path_texts.get(path)
        if text is None:
            root = 3 if path[0] == "e" else 2
            if len(path) > root:
                parent, step, name = path[:-2], path[-2], path[-1]
                text = f'{self._path_text(parent)[:-1]},"{step}",{_json_scalar(name)}]'
            else:
                text = _json(path)
            self._path_texts[path] = text
        return text

    # --- keys --------------------------------------------------------------------------------

    def _key(
        self, base: str, template: str, rel: str, context: dict[str, Any], digest: str, values: list[str]
    ) -> str:
        h = hashlib.sha256(f"{base}\0{template}\0{rel}\0{digest}\0".encode())
        for name in sorted(context):
            h.update(f"{name}={self._root_ident(context[name])}\0".encode())
        h.update("\n".join(values).encode("utf-8"))
        return h.hexdigest()

    def _row_value(self, n: int, context: dict[str, Any]) -> str:
        path, op, arg = json.loads(self.store.row_texts[n])
        value = self.evaluate(path, op, tuple(arg) if isinstance(arg, list) else arg, context)
        if path[0] != "c":
            self._row_now[n] = value
        return value

    def _dep_value(self, dep: Dep, context: dict[str, Any]) -> str:
        """The value of a read of a page rendered now: the stored one if it stands (a stored read
        on an unchanged entity, as after a template change), else evaluated."""
        if dep[0][0] == "c":
            return self.evaluate(*dep, context)
        value = self._values.get(dep)
        if value is None:
            if self._trusted:
                if self._row_numbers is None:
                    self._row_numbers = {text: n for n, text in enumerate(self.store.row_texts)}
                n = self._row_numbers.get(self._text(dep))
                value = self._row_now[n] if n is not None else None
            if not value:
                value = self.evaluate(*dep, context)
            self._values[dep] = value
        return value

    def evaluate(self, path: Sequence[Any], op: str, arg: Any, context: dict[str, Any]) -> str:
        """The value of one read against this build's data. Never raises: a read that fails is a
        value of its own, unlike any value it had when it succeeded."""
        try:
            value = self._resolve(path, context)
            if op == "attr":
                return self.ident(getattr(value, arg))
            if op == "item":
                return self.ident(value[arg])
            if op == "has":
                return repr(arg in value)
            if op == "len":
                return repr(len(value))
            if op == "bool":
                return repr(bool(value))
            if op == "ids":  # member by member if entities or containers are among them (their
                # contents are tracked through their proxies), else as a whole
                if any(type(item) in _TRACKED_TYPES for item in value):
                    return _fingerprint("\0".join([self.ident(item) for item in value]))
                return _fingerprint(repr(list(value)))
            if op == "keys":
                return _fingerprint(repr(list(value)))
            if op == "value":
                return _fingerprint(repr(value))
        except Exception:  # any failure is a value that differs from a success
            return _MISSING
        return _MISSING

    def ident(self, value: Any) -> str:
        """What a read of `value` reveals beyond what its proxy tracks: an entity's name, a
        container's type (its members are tracked through its proxy), else its repr."""
        kind = type(value)
        if kind in _ENTITY_TYPES:
            path = self.entities.path_of(value)
            if path is not None:
                return f"E:{path[1]}:{path[2]}"
        elif kind is list or kind is tuple or kind is dict:
            return f"T:{kind.__name__}"
        return _fingerprint(repr(value))

    def _root_ident(self, value: Any) -> str:
        if _is_object(value) and self.entities.path_of(value) is None:
            return f"O:{type(value).__name__}"
        return self.ident(value)

    def _resolve(self, path: Sequence[Any], context: dict[str, Any]) -> Any:
        if path[0] == "c":
            value, rest = context[path[1]], path[2:]
        elif path[0] == "g":
            value, rest = self.globals[path[1]], path[2:]
        else:
            value, rest = self.entities.tables[path[1]][path[2]], path[3:]
        for step, name in zip(rest[::2], rest[1::2], strict=True):
            value = getattr(value, name) if step == "a" else value[name]
        return value

    # --- proxies -----------------------------------------------------------------------------

    def _root(self, value: Any, path: tuple[Any, ...]) -> Any:
        if _is_object(value) and self.entities.path_of(value) is None:
            return _object(value)(self, value, path)  # the pager, the corpus: attribute by attribute
        return self.child(value, path)

    def child(self, value: Any, path: tuple[Any, ...]) -> Any:
        """`value` as a template may see it: entities and containers proxied, the rest as is."""
        kind = type(value)
        if kind in _PLAIN:
            return value
        if kind in _ENTITY_TYPES:
            entity = self.entities.path_of(value)
            if entity is not None:
                return _object(value)(self, value, entity)
        elif kind is list or kind is tuple:
            return _Sequence(self, value, path)
        elif kind is dict:
            return _Mapping(self, value, path)
        return value


def _is_object(value: Any) -> bool:
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


# Proxies. Their own attribute names are odd on purpose: a template sees the data's attributes.


class _Proxy:
    __slots__ = ("_bt_path", "_bt_tracker", "_bt_value")

    def __init__(self, tracker: Tracker, value: Any, path: tuple[Any, ...]) -> None:
        self._bt_tracker = tracker
        self._bt_value = value
        self._bt_path = path

    def _bt_note(self, op: str, arg: Any = None) -> None:
        deps = self._bt_tracker.deps
        if deps is not None:
            deps[(self._bt_path, op, arg)] = None

    def _bt_whole(self) -> Any:
        self._bt_note("value")
        return self._bt_value

    def __str__(self) -> str:
        return str(self._bt_whole())

    def __repr__(self) -> str:
        return repr(self._bt_whole())

    def __eq__(self, other: object) -> bool:
        return bool(self._bt_whole() == _unwrap(other))

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # type: ignore[assignment]  # like the model's (mutable) dataclasses


def _unwrap(value: Any) -> Any:
    return value._bt_whole() if isinstance(value, _Proxy) else value


def _unwrap_all(value: Any) -> Any:
    """`value` with every proxy in it (at any depth of lists, tuples and dicts) replaced by its
    data, each noted as a read of the whole."""
    if isinstance(value, _Proxy):
        return value._bt_whole()
    if type(value) in (list, tuple):
        return type(value)(_unwrap_all(item) for item in value)
    if type(value) is dict:
        return {_unwrap_all(k): _unwrap_all(v) for k, v in value.items()}
    return value


class _Object(_Proxy):
    """A briefing, actor, incident or period (its path: kind and key), or a context object.

    Each dataclass gets its own proxy class (`_object`) whose fields are `_Field` descriptors.
    A field read while a page renders is noted once and then kept on the proxy (which that page
    created, so no other page sees it): a card reads its briefing's slug four times. Any other
    attribute (a property, a method) goes through `__getattr__`."""

    __slots__ = ("__dict__", "_bt_deps")

    def __init__(self, tracker: Tracker, value: Any, path: tuple[Any, ...]) -> None:
        self._bt_tracker = tracker
        self._bt_value = value
        self._bt_path = path
        self._bt_deps = tracker.deps  # the page this proxy belongs to (None: shared by all pages)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return _read(self, name)


def _read(proxy: _Object, name: str) -> Any:
    tracker = proxy._bt_tracker
    deps = tracker.deps
    if deps is not None:
        deps[(proxy._bt_path, "attr", name)] = None
    value = getattr(proxy._bt_value, name)
    if type(value) not in _PLAIN:
        if callable(value):  # a method: what it returns is not tracked, so depend on everything
            proxy._bt_note("value")
            return value
        value = tracker.child(value, (*proxy._bt_path, "a", name))
    if deps is not None and deps is proxy._bt_deps:
        proxy.__dict__[name] = value  # later reads on this page find it without a call
    return value


class _Field:
    """A non-data descriptor for one dataclass field: the proxy's own __dict__ (a read already
    noted on this page) comes first, then this, which notes the read."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, proxy: _Object | None, owner: type) -> Any:
        if proxy is None:
            return self
        # _read, inlined: this runs for most attribute reads of a render
        name = self.name
        tracker = proxy._bt_tracker
        deps = tracker.deps
        if deps is not None:
            deps[(proxy._bt_path, "attr", name)] = None
        value = getattr(proxy._bt_value, name)
        if type(value) not in _PLAIN:
            value = tracker.child(value, (*proxy._bt_path, "a", name))  # a field is no method
        if deps is not None and deps is proxy._bt_deps:
            proxy.__dict__[name] = value
        return value


@functools.cache
def _object_class(cls: type) -> type[_Object]:
    fields = {f.name: _Field(f.name) for f in dataclasses.fields(cls)}
    return type(f"_{cls.__name__}Proxy", (_Object,), {"__slots__": (), **fields})


def _object(value: Any) -> type[_Object]:
    return _object_class(type(value))


class _Sequence(_Proxy, Sequence):
    """A list or tuple: its length, truthiness, or its members (by identity)."""

    __slots__ = ()

    def __len__(self) -> int:
        deps = self._bt_tracker.deps
        if deps is not None:
            deps[(self._bt_path, "len", None)] = None
        return len(self._bt_value)

    def __bool__(self) -> bool:
        deps = self._bt_tracker.deps
        if deps is not None:
            deps[(self._bt_path, "bool", None)] = None
        return bool(self._bt_value)

    def __iter__(self) -> Iterator[Any]:
        self._bt_note("ids")
        tracker, path = self._bt_tracker, self._bt_path
        entity_path = tracker.entities.path_of
        for n, value in enumerate(self._bt_value):
            kind = type(value)
            if kind in _PLAIN:
                yield value
            elif kind in _ENTITY_TYPES and (entity := entity_path(value)) is not None:
                yield _object(value)(tracker, value, entity)
            else:
                yield tracker.child(value, (*path, "i", n))

    def __getitem__(self, index: Any) -> Any:
        self._bt_note("ids")
        items, child, path = self._bt_value, self._bt_tracker.child, self._bt_path
        positions = range(len(items))[index]  # IndexError / TypeError as the list would raise
        if isinstance(positions, range):
            return [child(items[n], (*path, "i", n)) for n in positions]
        return child(items[positions], (*path, "i", positions))

    def __add__(self, other: Any) -> Any:
        return self._bt_whole() + _unwrap(other)

    def __radd__(self, other: Any) -> Any:
        return _unwrap(other) + self._bt_whole()


class _Mapping(_Proxy, Mapping):
    """A dict: membership, entries (by identity), keys."""

    __slots__ = ()

    def __getitem__(self, key: Any) -> Any:
        self._bt_note("item", key)
        return self._bt_tracker.child(self._bt_value[key], (*self._bt_path, "i", key))

    def __contains__(self, key: object) -> bool:
        self._bt_note("has", key)
        return key in self._bt_value

    def __iter__(self) -> Iterator[Any]:
        self._bt_note("keys")
        return iter(self._bt_value)

    def __len__(self) -> int:
        self._bt_note("len")
        return len(self._bt_value)

    def __bool__(self) -> bool:
        self._bt_note("bool")
        return bool(self._bt_value)
