"""Reader for raw text scrapes of news pages (like ../shared/seeds/ and ../shared/corpus/).

The first line may be the page's URL (metadata, never body text). The rest is the page as text:
headline, section label, date line, article paragraphs and page furniture, recovered by `layout`.
"""

from __future__ import annotations

import datetime as dt
import re

from ..errors import IngestError
from ..model import Article
from . import layout, publishers
from .dates import date_from_dateline, date_from_url
from .decoding import decode

#: A stand-in title made from the first sentence is cut after this many words.
MAX_TITLE_WORDS = 15

URL = re.compile(r"^(?:url\s*:\s*)?(?P<url>https?://\S+)$", re.IGNORECASE)


def read(data: bytes, source_path: str) -> Article:
    text = decode(data, source_path)
    raw_lines = text.splitlines()
    url, raw_lines = split_url_line(raw_lines)
    return article_from_lines(raw_lines, source_path, url=url)


def split_url_line(raw_lines: list[str]) -> tuple[str | None, list[str]]:
    """Take the page URL off the first non-blank line, where scrapers record it."""
    for index, raw in enumerate(raw_lines):
        if raw.strip():
            match = URL.match(raw.strip())
            if match:
                return match.group("url"), raw_lines[index + 1 :]
            break
    return None, raw_lines


def article_from_lines(
    raw_lines: list[str], source_path: str, *, url: str | None = None, known_title: str | None = None
) -> Article:
    """Build the `Article` from a page's text lines; raises `IngestError` when no sentence is left."""
    page = layout.analyse(raw_lines, known_title, url)
    if not page.paragraphs:
        raise IngestError("no article text found (no sentences after removing page furniture)", source_path)
    title = known_title or page.title or headline_from_text(page.paragraphs[0])
    return Article(
        source_path=source_path,
        title=title,
        paragraphs=tuple(page.paragraphs),
        date=_dateline_date(page.paragraphs) or page.date or date_from_url(url),
        source=publishers.source_from_url(url, "\n".join(raw_lines))
        or publishers.source_from_text(raw_lines)
        or publishers.source_from_dateline(page.paragraphs[0]),
        url=url,
        section=page.section,
        byline=page.byline,
        tags=page.tags,
        lead=page.lead,
    )


def headline_from_text(paragraph: str) -> str:
    """A stand-in title for a page without a headline: its first sentence, at most ~15 words."""
    paragraph = publishers.DATELINE.sub("", paragraph, count=1)
    sentence = re.split(r"(?<=[.!?])\s+(?=[\"'“‘(]?[A-Z])", paragraph, maxsplit=1)[0]
    words = sentence.split()
    if len(words) <= MAX_TITLE_WORDS:
        return sentence
    return " ".join(words[:MAX_TITLE_WORDS]).rstrip(",;:") + "…"


#: How many opening paragraphs may carry the story's dateline (a standfirst or caption may come first).
DATELINE_PARAGRAPHS = 3


def _dateline_date(paragraphs: list[str] | tuple[str, ...]) -> dt.date | None:
    return next(
        (date for p in paragraphs[:DATELINE_PARAGRAPHS] if (date := date_from_dateline(p)) is not None), None
    )
