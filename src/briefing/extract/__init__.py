"""Stage 2, extract: a pure function from `Article` to `Briefing`.

It knows no output format. Every item it returns carries `evidence` (the sentence and its
character offsets into the body), so a reader can check any claim. Deterministic: the same article
and config always give the same briefing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from ..config import DEFAULT_MAX_ARTICLE_CHARS, SummaryConfig
from ..model import Article, Briefing
from . import actors, figures, incidents, summary
from .analysis import Analysis, analyse
from .nlp import nlp


def extract(
    article: Article,
    slug: str,
    config: SummaryConfig | None = None,
    max_chars: int = DEFAULT_MAX_ARTICLE_CHARS,
) -> Briefing:
    return next(extract_many([(article, slug)], config, max_chars))


def extract_many(
    items: Iterable[tuple[Article, str]],
    config: SummaryConfig | None = None,
    max_chars: int = DEFAULT_MAX_ARTICLE_CHARS,
) -> Iterator[Briefing]:
    """Parse articles in one spaCy stream (much faster than one call per article)."""
    config = config or SummaryConfig()
    pairs = [(bounded(article, max_chars), slug, article) for article, slug in items]
    docs = nlp().pipe((analysed.body_text for analysed, _, _ in pairs), batch_size=16)
    for (analysed, slug, original), doc in zip(pairs, docs, strict=True):
        briefing = _brief(analyse(analysed, doc), slug, config)
        briefing.body = list(original.paragraphs)
        yield briefing


def bounded(article: Article, max_chars: int) -> Article:
    """The article cut at a paragraph boundary so that NLP time and memory stay bounded.

    A 5 MB scrape would otherwise take minutes and gigabytes in spaCy. The full text stays in the
    briefing body; only analysis stops, and a note says so.
    """
    if len(article.body_text) <= max_chars:
        return article
    kept: list[str] = []
    size = 0
    for paragraph in article.paragraphs:
        if size + len(paragraph) > max_chars:
            if not kept:
                kept.append(paragraph[:max_chars])
            break
        kept.append(paragraph)
        size += len(paragraph) + 2
    note = f"Only the first {max_chars:,} characters of this article were analysed."
    return replace(article, paragraphs=tuple(kept), notes=(*article.notes, note))


def _brief(analysis: Analysis, slug: str, config: SummaryConfig) -> Briefing:
    article = analysis.article
    found_actors = actors.find_actors(analysis)
    found_figures = figures.find_figures(analysis)
    found_incidents = incidents.find_incidents(analysis, found_actors)
    found_actors = actors.with_main_scene(found_actors, found_incidents)
    chosen = summary.summarize(analysis, found_actors, found_figures, found_incidents, config)
    return Briefing(
        slug=slug,
        source_path=article.source_path,
        title=article.title,
        date=article.date,
        source=article.source,
        url=article.url,
        summary=chosen,
        body=list(article.paragraphs),
        actors=found_actors,
        figures=found_figures,
        incidents=found_incidents,
        section=article.section,
        byline=article.byline,
        tags=list(article.tags),
        notes=list(article.notes),
    )
