"""Reader for Markdown articles with optional YAML front matter (front matter wins)."""

from __future__ import annotations

from ..model import Article
from . import text


def read(data: bytes, source_path: str) -> Article:
    return text.read(data, source_path)
