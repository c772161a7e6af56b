"""The client-side search index: `search-index.js`, read by `static/search.js` on search.html.

The index is a script that assigns one global variable instead of a JSON file, because browsers
refuse `fetch()` of local files: a script element works opened from disk as well as served. It is
small on purpose (titles, summaries, actor names and aliases, incident labels): searching happens
in the page, with no server and no build-time binary.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model import Corpus
from .html import actor_path, briefing_path, incident_path
from .output import Output

INDEX_SCRIPT = "search-index.js"
VARIABLE = "BRIEFING_SEARCH_INDEX"


def search_entries(corpus: Corpus) -> list[dict[str, Any]]:
    """One entry per briefing, actor and incident: u(rl), k(ind), t(itle), m(eta), x (text), a(liases)."""
    names = {a.key: a.name for a in corpus.actors}
    entries: list[dict[str, Any]] = []
    for b in corpus.briefings:
        meta = " · ".join(p for p in [b.date.isoformat() if b.date else "", b.source or ""] if p)
        actors = sorted(
            {names.get(a.key, a.name) for a in b.actors} | {al for a in b.actors for al in a.aliases}
        )
        entries.append(
            {
                "u": briefing_path(b.slug),
                "k": "briefing",
                "t": b.title,
                "m": meta,
                "x": " ".join(b.summary),
                "a": actors,
            }
        )
    for a in corpus.actors:
        meta = ", ".join(p for p in [a.kind.replace("_", " "), (a.role or "").replace("_", " ")] if p)
        count = len(a.briefings)
        text = f"Named in {count} briefing{'s' if count != 1 else ''}."
        entries.append(
            {"u": actor_path(a.key), "k": "actor", "t": a.name, "m": meta, "x": text, "a": a.aliases}
        )
    for i in corpus.incidents:
        where = f" in {i.location}" if i.location else ""
        title = f"{i.type.replace('_', ' ').capitalize()}{where}"
        entries.append(
            {
                "u": incident_path(i.key),
                "k": "incident",
                "t": title,
                "m": i.date or "undated",
                "x": i.description,
                "a": [],
            }
        )
    return entries


def index_script(corpus: Corpus) -> str:
    """`window.BRIEFING_SEARCH_INDEX = [...];` with every non-ASCII and HTML-special character
    escaped, so the file is inert whatever the article text contains."""
    data = json.dumps(search_entries(corpus), ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f"window.{VARIABLE} = {data};\n"


def write_search_index(corpus: Corpus, site_dir: Path, output: Output | None = None) -> Path:
    return (output or Output(site_dir)).write_text(INDEX_SCRIPT, index_script(corpus))
