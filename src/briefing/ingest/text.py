"""Reader for raw text scrapes of news pages (like ../shared/seeds/)."""

from __future__ import annotations

import re

from ..errors import IngestError
from ..model import Article

URL = re.compile(r"^https?://\S+$")


def read(data: bytes, source_path: str) -> Article:
    text = data.decode("utf-8", errors="replace")
    lines = [line.strip() for line in text.splitlines()]
    url = None
    if lines and URL.match(lines[0]):
        url = lines.pop(0)
    blocks = [line for line in lines if line]
    if not blocks:
        raise IngestError("no text in file", source_path)
    title, paragraphs = blocks[0], tuple(blocks[1:])
    return Article(source_path=source_path, title=title, paragraphs=paragraphs, url=url)
