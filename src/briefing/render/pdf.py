"""PDFs through WeasyPrint: one per briefing (pdf/<slug>.pdf) and one digest per period
(pdf/digest-<key>.pdf).

The HTML for every PDF is rendered here from the same template chain as the site; WeasyPrint then
runs in worker processes, because it costs ~0.1 s a page and keeps memory after a render. Workers
receive plain data (an HTML string and paths) and build their own restricted URL fetcher.

Determinism: the creation and modification dates come from the briefing (or the newest briefing of
a period) instead of the clock, the PDF identifier is a hash of the content, and results are
returned in job order whatever order the workers finish in.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2

from ..config import SiteConfig
from ..model import Briefing, Corpus, Period
from .html import PDF_DIR, briefing_path, briefing_pdf_path, digest_pdf_path
from .templates import THEME_PACKAGE, copy_static, make_environment, render


@dataclass(frozen=True)
class PdfJob:
    """Everything a worker needs to write one PDF (picklable: no Jinja, no WeasyPrint objects)."""

    html: str
    target: str  # absolute path of the PDF to write
    base_url: str  # folder relative URLs resolve against (the site folder)
    roots: tuple[str, ...]  # folders the fetcher may read from


def render_pdfs(corpus: Corpus, config: SiteConfig, site_dir: Path, *, jobs: int | None = None) -> list[Path]:
    """Write every briefing PDF, then every digest PDF; return their paths in that order."""
    env = make_environment(config)
    env.globals.update(briefing_path=briefing_path)
    copy_static(config, site_dir)
    (site_dir / PDF_DIR).mkdir(parents=True, exist_ok=True)
    roots = allowed_roots(site_dir)
    base_url = site_dir.resolve().as_uri() + "/"
    work = [
        PdfJob(briefing_html(env, b), str(site_dir / briefing_pdf_path(b.slug)), base_url, roots)
        for b in corpus.briefings
    ]
    for period in corpus.periods:
        members = [corpus.by_slug(slug) for slug in period.briefings]
        if members:
            target = str(site_dir / digest_pdf_path(period.key))
            work.append(PdfJob(digest_html(env, period, members), target, base_url, roots))
    return run_jobs(work, jobs)


def allowed_roots(site_dir: Path) -> tuple[str, ...]:
    """The site being built and the built-in theme's static files: nothing else is fetchable."""
    theme_static = resources.files(THEME_PACKAGE).joinpath("theme/default/static")
    return (str(site_dir.resolve()), str(Path(str(theme_static)).resolve()))


def briefing_html(env: jinja2.Environment, briefing: Briefing) -> str:
    return render(env, "pdf/briefing.html", briefing=briefing, created=briefing.date)


def digest_html(env: jinja2.Environment, period: Period, briefings: list[Briefing]) -> str:
    return render(env, "pdf/digest.html", period=period, briefings=briefings, created=newest_date(briefings))


def newest_date(briefings: list[Briefing]) -> dt.date | None:
    dates = [b.date for b in briefings if b.date]
    return max(dates) if dates else None


def run_jobs(work: list[PdfJob], jobs: int | None = None) -> list[Path]:
    """Render in a process pool of min(jobs or cpu_count, len(work)) workers; one PDF renders here.

    `spawn` workers start clean: forking the parent would copy spaCy's memory and any threads'
    locks, and WeasyPrint's leftover memory goes away with the worker.
    """
    if not work:
        return []
    if len(work) == 1:
        return [write_pdf(work[0])]
    workers = max(1, min(jobs or os.cpu_count() or 1, len(work)))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(write_pdf, work))


def write_pdf(job: PdfJob) -> Path:
    """Runs in a worker: HTML string -> PDF file, fetching only from `job.roots`."""
    from weasyprint import HTML  # imported here so the parent process never pays for it

    from .fetcher import RestrictedFetcher

    fetcher = RestrictedFetcher(job.roots)
    document = HTML(string=job.html, base_url=job.base_url, url_fetcher=fetcher)
    document.write_pdf(job.target, pdf_identifier=True)
    return Path(job.target)
