"""Stage 2, extract: a pure function from `Article` to `Briefing`.

It knows no output format. Every item it returns carries `evidence` (the sentence and its
character offsets into the body), so a reader can check any claim. Deterministic: the same article
and config always give the same briefing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..config import SummaryConfig
from ..model import Article, Briefing
from . import actors, figures, incidents, summary
from .analysis import Analysis, analyse
from .nlp import nlp

#: Bump when extraction output changes, so cached briefings are recomputed.
EXTRACTOR_VERSION = "1"


def extract(article: Article, slug: str, config: SummaryConfig | None = None) -> Briefing:
    return next(extract_many([(article, slug)], config))


def extract_many(
    items: Iterable[tuple[Article, str]], config: SummaryConfig | None = None
) -> Iterator[Briefing]:
    """Parse articles in one spaCy stream (much faster than one call per article)."""
    config = config or SummaryConfig()
    pairs = list(items)
    docs = nlp().pipe((article.body_text for article, _ in pairs), batch_size=16)
    for (article, slug), doc in zip(pairs, docs, strict=True):
        yield _brief(analyse(article, doc), slug, config)


def _brief(analysis: Analysis, slug: str, config: SummaryConfig) -> Briefing:
    article = analysis.article
    found_actors = actors.find_actors(analysis)
    found_figures = figures.find_figures(analysis)
    found_incidents = incidents.find_incidents(analysis, found_actors)
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
