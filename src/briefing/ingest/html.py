"""Reader for saved HTML pages: main text and metadata extracted with trafilatura.

trafilatura finds the article inside the page (dropping navigation, footers, sidebars, comments)
and reads the metadata from the page's own markup: `og:title`/`<title>`, `article:published_time`
and similar date tags, `og:site_name`, the canonical link. Nothing is ever fetched: the page is
parsed from the bytes on disk. The extracted paragraphs then go through the same furniture
cleaning as text scrapes, because captions and "Read more" teasers often sit inside <article>.
"""

from __future__ import annotations

import re
from configparser import ConfigParser
from functools import cache
from typing import Any

from ..errors import IngestError
from ..model import Article
from . import publishers, text
from .dates import parse_iso_date
from .decoding import decode

#: Body elements of trafilatura's XML whose text is one paragraph ("head" is a heading: dropped).
PARAGRAPH_TAGS = {"p", "item", "quote", "code"}

#: "Headline - Site" / "Headline | Site" suffixes that <title> tags carry.
TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,40}$")


@cache
def extraction_config() -> ConfigParser:
    """trafilatura settings for single saved articles.

    The minimum sizes are lowered so that short articles (a 100-word statement) still get the
    structured extraction instead of the one-paragraph fallback, and the extensive date search is
    off so that a date is only taken from the page's metadata, never guessed from its text.
    """
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "10")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "10")
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


def read(data: bytes, source_path: str) -> Article:
    # Imported here, not at the top: trafilatura costs ~0.2 s to import, and a warm build whose
    # articles all come from the ingest cache never reads an HTML page.
    import trafilatura

    page = decode(data, source_path)
    document = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
        config=extraction_config(),
    )
    if document is None or document.body is None:
        raise IngestError("no article text found in the HTML page", source_path)
    lines = paragraph_lines(document.body)
    url = _clean(document.url)
    sitename = _clean(document.sitename)
    title = _title(document, sitename)
    article = text.article_from_lines(lines, source_path, url=url, known_title=title)
    meta_date = parse_iso_date(document.date) if document.date else None
    return Article(
        source_path=article.source_path,
        title=title or article.title,
        paragraphs=article.paragraphs,
        date=meta_date or article.date,
        source=_source(url, sitename) or article.source,
        url=url,
        section=_first(document.categories) or article.section,
        byline=_clean(document.author) or article.byline,
        tags=tuple(document.tags or ()) or article.tags,
        lead=article.lead,
    )


def paragraph_lines(body: Any) -> list[str]:
    """Paragraph texts of trafilatura's XML body, separated by blank lines (headings left out)."""
    lines: list[str] = []
    for element in body.iter(*PARAGRAPH_TAGS):
        if any(ancestor.tag in PARAGRAPH_TAGS for ancestor in element.iterancestors()):
            continue  # a <p> inside a <quote> is read with the quote
        content = " ".join("".join(element.itertext()).split())
        if content:
            lines.extend([content, ""])
    return lines


def _title(document: Any, sitename: str | None) -> str | None:
    title = _clean(document.title)
    if title and sitename:
        suffix = TITLE_SUFFIX.search(title)
        if suffix and sitename.lower() in suffix.group(0).lower():
            title = title[: suffix.start()].strip()
    return title


def _source(url: str | None, sitename: str | None) -> str | None:
    """A well-known outlet's citation name wins; else the page's own site name; else the domain."""
    host = publishers.host_of(url)
    known = publishers.source_from_url(url) if host and _is_known(host) else None
    if known:
        return known
    if sitename:
        return publishers.canonical_publisher(sitename)
    return publishers.source_from_url(url)


def _is_known(host: str) -> bool:
    labels = host.split(".")
    return any(".".join(labels[i:]) in publishers.KNOWN_PUBLISHERS for i in range(len(labels) - 1))


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) if value and value.strip() else None


def _first(values: list[str] | None) -> str | None:
    return _clean(values[0]) if values else None
