"""HTML pages: the index and one page per briefing, from the template chain in `templates.py`.

Every link is relative (templates get `root`, the way back to the site folder), so the site works
opened straight from disk as well as served from any sub-path. Article data reaches the templates
as model objects and is escaped by Jinja's autoescape; nothing here marks it safe.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from ..config import SiteConfig
from ..model import Briefing, Corpus
from .templates import copy_static, make_environment, render

INDEX = "index.html"
BRIEFING_DIR = "briefings"
PDF_DIR = "pdf"


def briefing_path(slug: str) -> str:
    """Site-relative path of a briefing's page."""
    return f"{BRIEFING_DIR}/{slug}.html"


def briefing_pdf_path(slug: str) -> str:
    return f"{PDF_DIR}/{slug}.pdf"


def digest_pdf_path(period_key: str) -> str:
    return f"{PDF_DIR}/digest-{period_key}.pdf"


def render_html(corpus: Corpus, config: SiteConfig, site_dir: Path, *, pdf: bool | None = None) -> list[Path]:
    """Write index.html, briefings/<slug>.html and static/; return the pages written.

    `pdf` says whether PDFs will be rendered (default: `config.pdf.enabled`), so pages only link
    PDFs that exist.
    """
    with_pdf = config.pdf.enabled if pdf is None else pdf
    env = make_environment(config)
    env.globals.update(
        corpus=corpus,
        with_pdf=with_pdf,
        briefing_path=briefing_path,
        briefing_pdf_path=briefing_pdf_path,
        digest_pdf_path=digest_pdf_path,
    )
    copy_static(config, site_dir)
    pages = [write_index(env, corpus, site_dir)]
    (site_dir / BRIEFING_DIR).mkdir(parents=True, exist_ok=True)
    titles = {b.slug: b.title for b in corpus.briefings}
    pages += [write_briefing(env, briefing, titles, site_dir) for briefing in corpus.briefings]
    return pages


def write_index(env: jinja2.Environment, corpus: Corpus, site_dir: Path) -> Path:
    path = site_dir / INDEX
    html = render(env, "index.html", root="", briefings=corpus.briefings, periods=corpus.periods)
    path.write_text(html, encoding="utf-8")
    return path


def write_briefing(
    env: jinja2.Environment, briefing: Briefing, titles: dict[str, str], site_dir: Path
) -> Path:
    """One briefing's page; `titles` lets the related list skip slugs that have no page."""
    path = site_dir / briefing_path(briefing.slug)
    related = [r for r in briefing.related if r.slug in titles]
    html = render(env, "briefing.html", root="../", briefing=briefing, related=related)
    path.write_text(html, encoding="utf-8")
    return path
