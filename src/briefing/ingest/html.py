"""Reader for saved HTML pages: main text and metadata extracted with trafilatura."""

from __future__ import annotations

from ..model import Article
from . import text


def read(data: bytes, source_path: str) -> Article:
    return text.read(data, source_path)
