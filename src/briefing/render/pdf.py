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
import functools
import multiprocessing
import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..config import SiteConfig
from ..model import ActorEntry, Briefing, Corpus, IncidentEntry, Period
from .html import PDF_DIR, briefing_path, briefing_pdf_path, digest_pdf_path
from .output import Output, digest
from .templates import THEME_PACKAGE, copy_static, make_environment, render
from .timeline import timeline_svg


@dataclass(frozen=True)
class PdfJob:
    """Everything a worker needs to write one PDF (picklable: no Jinja, no WeasyPrint objects)."""

    html: str
    target: str  # absolute path of the PDF to write
    base_url: str  # folder relative URLs resolve against (the site folder)
    roots: tuple[str, ...]  # folders the fetcher may read from


def render_pdfs(
    corpus: Corpus,
    config: SiteConfig,
    site_dir: Path,
    *,
    jobs: int | None = None,
    output: Output | None = None,
) -> list[Path]:
    """Write every briefing PDF, then every digest PDF; return their paths in that order.

    With `output`, a PDF whose key (its HTML string, the static files it may fetch, the WeasyPrint
    version) is unchanged is linked from the previous build and never rendered again; workers
    are only started when at least one PDF needs rendering.
    """
    out = output or Output(site_dir)
    env = make_environment(config)
    env.globals.update(briefing_path=briefing_path)
    copy_static(config, site_dir)
    (site_dir / PDF_DIR).mkdir(parents=True, exist_ok=True)
    roots = allowed_roots(site_dir)
    base_url = site_dir.resolve().as_uri() + "/"
    salt = pdf_salt(site_dir)
    pending: list[tuple[str, str, PdfJob]] = []
    paths: list[Path] = []
    for rel, html in pdf_sources(env, corpus):
        key = digest(salt, html)
        if not out.reuse(rel, key):
            pending.append((rel, key, PdfJob(html, str(site_dir / rel), base_url, roots)))
        paths.append(site_dir / rel)
    run_jobs([job for _, _, job in pending], jobs)
    for rel, key, _ in pending:
        out.record(rel, key)
    return paths


def pdf_sources(env: jinja2.Environment, corpus: Corpus) -> list[tuple[str, str]]:
    """(site-relative path, HTML string) of every briefing PDF, then every digest."""
    sources = [(briefing_pdf_path(b.slug), briefing_html(env, b)) for b in corpus.briefings]
    by_slug = {b.slug: b for b in corpus.briefings}
    for period in corpus.periods:
        members = [by_slug[slug] for slug in period.briefings if slug in by_slug]
        if members:
            sources.append((digest_pdf_path(period.key), digest_html(env, period, members, corpus)))
    return sources


def pdf_salt(site_dir: Path) -> str:
    """What a PDF depends on besides its HTML: the static files it can fetch (stylesheet, images)
    and the renderer's version. Part of every PDF's key."""
    static = site_dir / "static"
    files = sorted(p for p in static.rglob("*") if p.is_file()) if static.is_dir() else []
    parts = [f"{p.relative_to(static).as_posix()}:{digest(p.read_bytes())}" for p in files]
    return digest(weasyprint_version(), *parts)


@functools.cache
def weasyprint_version() -> str:
    """Read from the package metadata: importing WeasyPrint in the parent costs ~1 s."""
    try:
        return metadata.version("weasyprint")
    except metadata.PackageNotFoundError:
        return "unknown"


def allowed_roots(site_dir: Path) -> tuple[str, ...]:
    """The site being built and the built-in theme's static files: nothing else is fetchable."""
    theme_static = resources.files(THEME_PACKAGE).joinpath("theme/default/static")
    return (str(site_dir.resolve()), str(Path(str(theme_static)).resolve()))


def briefing_html(env: jinja2.Environment, briefing: Briefing) -> str:
    return render(env, "pdf/briefing.html", briefing=briefing, created=briefing.date)


def digest_html(
    env: jinja2.Environment, period: Period, briefings: list[Briefing], corpus: Corpus | None = None
) -> str:
    """A digest: cover with the period at a glance, contents with page numbers, then each briefing."""
    glance = period_summary(corpus or Corpus(briefings=briefings), period, briefings)
    return render(
        env,
        "pdf/digest.html",
        period=period,
        briefings=briefings,
        created=newest_date(briefings),
        glance=glance,
    )


@dataclass(frozen=True)
class PeriodSummary:
    """What the digest cover shows about one period."""

    incidents: list[IncidentEntry]
    top_actors: list[tuple[ActorEntry, int]]  # (actor, briefings of the period naming it)
    by_type: list[tuple[str, int]]  # incident type, count; most frequent first
    killed: int
    injured: int
    actors: int  # distinct actors named in the period (places excluded)
    timeline: Markup


TOP_ACTORS = 8


def period_summary(corpus: Corpus, period: Period, briefings: list[Briefing]) -> PeriodSummary:
    """Top actors, incident counts and casualties of the incidents the period's briefings report.

    Casualties add up each merged incident once (its highest reported toll), so an incident
    reported by three articles is not counted three times.
    """
    members = {b.slug for b in briefings}
    incidents = [i for i in corpus.incidents if members & set(i.briefings)]
    counts = [(a, len(members & set(a.briefings))) for a in corpus.actors if a.kind != "place"]
    top = sorted((c for c in counts if c[1]), key=lambda c: (-c[1], -c[0].mentions, c[0].key))[:TOP_ACTORS]
    types = Counter(i.type for i in incidents)
    return PeriodSummary(
        incidents=incidents,
        top_actors=top,
        by_type=sorted(types.items(), key=lambda kv: (-kv[1], kv[0])),
        killed=sum(i.killed or 0 for i in incidents),
        injured=sum(i.injured or 0 for i in incidents),
        actors=sum(1 for c in counts if c[1]),
        timeline=timeline_svg(
            incidents,
            f"Incidents, {period.label}",
            uid=f"tl-{period.key}",
            report_dates={b.slug: b.date for b in corpus.briefings},
        ),
    )


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
