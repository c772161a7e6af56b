"""Machine-readable output: `<slug>.json` per briefing, `briefings.json`, and the JSON Schema.

JSON is written with sorted keys, two-space indent and a final newline, so builds are
byte-identical for the same input.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from ..model import Briefing

SCHEMA_NAME = "briefing.schema.json"


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schema() -> dict[str, Any]:
    return json.loads(resources.files("briefing").joinpath(SCHEMA_NAME).read_text(encoding="utf-8"))


def write_json(briefings: list[Briefing], site_dir: Path) -> list[Path]:
    written = []
    for briefing in briefings:
        path = site_dir / "briefings" / f"{briefing.slug}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dumps(briefing.to_dict()), encoding="utf-8")
        written.append(path)
    everything = site_dir / "briefings.json"
    everything.write_text(dumps([b.to_dict() for b in briefings]), encoding="utf-8")
    schema_path = site_dir / SCHEMA_NAME
    schema_path.write_text(dumps(schema()), encoding="utf-8")
    return [*written, everything, schema_path]
