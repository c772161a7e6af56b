"""PDFs through WeasyPrint: one per briefing (pdf/<slug>.pdf) and one digest per period
(pdf/digest-<key>.pdf).

The HTML of every PDF comes from the same template chain as the site, and is only rendered when the
PDF may have changed: like an HTML page, a PDF is first keyed by what its templates read in the
previous build (`Keyer`). WeasyPrint lays the HTML out in worker processes (render.pdf_worker),
because it costs ~0.05 s a page and keeps memory after a render. Workers receive plain data (HTML strings and paths) and build their own restricted URL
fetcher. When only a few PDFs are dirty they are rendered in this process instead, as starting the
pool costs more than they do; WeasyPrint is only imported when something renders.

A briefing is laid out once. A digest lays out only its cover, its contents and one empty sheet per
page of each briefing's PDF; the briefings' pages are then drawn under those sheets, which carry
the digest's page numbers (pdf_worker describes this page furniture). So a digest is written after
the PDFs of its briefings, and its key covers theirs.

Determinism: the creation and modification dates come from the briefing (or the newest briefing of
a period) instead of the clock, the PDF identifiers are hashes of the content, and each PDF is
written by one job, whatever order the workers run in.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import multiprocessing
import os
import queue
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..cache import write_atomic
from ..config import SiteConfig
from ..model import ActorEntry, Briefing, Corpus, IncidentEntry, Period
from .html import PDF_DIR, briefing_path, briefing_pdf_path, digest_pdf_path, page_tracker
from .output import Output, digest
from .pages import Tracker
from .templates import THEME_PACKAGE, copy_static, make_environment, render
from .timeline import timeline_svg

#: The stylesheet of every PDF, applied by the renderer (as a user stylesheet, parsed once a worker).
PDF_STYLESHEET = "static/pdf.css"
#: Part of every PDF's key: bump it when the way PDFs are put together changes.
PDF_FORMAT = "2"
#: Up to this many dirty PDFs render in the build process; more start the worker pool.
IN_PROCESS_MAX = 4
#: The format of the PDF key cache (`PdfKeys`).
PDF_KEYS_VERSION = 1


@dataclass(frozen=True)
class PdfJob:
    """Everything a worker needs to write one briefing PDF (picklable: no Jinja, no WeasyPrint)."""

    html: str
    target: str  # absolute path of the PDF to write
    base_url: str  # folder relative URLs resolve against (the site folder)
    roots: tuple[str, ...]  # folders the fetcher may read from
    stylesheets: tuple[str, ...] = ()  # URLs of stylesheets applied besides the document's own


@dataclass(frozen=True)
class DigestJob:
    """A digest: its cover, contents and sheets (`html`), and the briefing PDFs drawn under them."""

    html: str
    target: str
    base_url: str
    roots: tuple[str, ...]
    stylesheets: tuple[str, ...]
    members: tuple[tuple[str, tuple[str, ...]], ...]  # (briefing PDF, id of the sheet of each page)


@dataclass
class PendingDigest:
    """A digest to render once the PDFs of its briefings are written."""

    rel: str
    key: str
    period: Period
    members: list[Briefing]
    glance: PeriodSummary
    waiting: set[str] = field(default_factory=set)  # slugs of briefing PDFs still being rendered


def render_pdfs(
    corpus: Corpus,
    config: SiteConfig,
    site_dir: Path,
    *,
    jobs: int | None = None,
    output: Output | None = None,
    tracker: Tracker | None = None,
    pdf_keys: PdfKeys | None = None,
) -> list[Path]:
    """Write every briefing PDF, then every digest PDF; return their paths in that order.

    With `output`, a PDF whose content key is unchanged is linked from the previous build and never
    rendered again. A briefing PDF's content key covers its HTML string, the static files it may
    fetch and the renderers' versions; a digest's covers its own HTML and the content keys of its
    briefings' PDFs. With `tracker` (the one that keyed the HTML pages) and `pdf_keys`, a PDF whose
    templates' reads give the same values as in the previous build gets its content key from
    `pdf_keys` without its HTML being rendered at all (see `Keyer`).
    """
    out = output or Output(site_dir)
    tracker = tracker or page_tracker(corpus, config, with_pdf=True)
    env = make_environment(config)
    env.globals.update(briefing_path=briefing_path)
    tracker.install(env, {})  # no corpus globals in PDF templates: only the data-aware filters
    copy_static(config, site_dir)
    (site_dir / PDF_DIR).mkdir(parents=True, exist_ok=True)
    base_url = site_dir.resolve().as_uri() + "/"
    where = (base_url, allowed_roots(site_dir), (base_url + PDF_STYLESHEET,))
    keyer = Keyer(env, tracker, pdf_salt(site_dir), out, pdf_keys or PdfKeys(None))
    runner = Runner(jobs)
    paths: list[Path] = []
    keys: dict[str, str] = {}
    pages: dict[str, int] = {}  # page count of each briefing PDF rendered by this build
    blocked: dict[str, list[PendingDigest]] = {}  # briefing slug -> digests waiting for its PDF

    def briefing_done(slug: str, rel: str, key: str, count: int) -> None:
        out.record(rel, key)
        pages[slug] = count
        for pending in blocked.pop(slug, []):
            pending.waiting.discard(slug)
            if not pending.waiting:
                submit_digest(pending)

    def submit_digest(pending: PendingDigest) -> None:
        pdfs = {b.slug: site_dir / briefing_pdf_path(b.slug) for b in pending.members}
        slots = {slug: sheet_ids(slug, pages.get(slug) or page_count(pdf)) for slug, pdf in pdfs.items()}
        html = digest_html(env, pending.period, pending.members, pending.glance, slots)
        members = tuple((str(pdfs[slug]), tuple(ids)) for slug, ids in slots.items())
        job = DigestJob(html, str(site_dir / pending.rel), *where, members)
        runner.submit(job, lambda _count: out.record(pending.rel, pending.key))

    try:
        for b in corpus.briefings:
            rel = briefing_pdf_path(b.slug)
            keys[b.slug], html = keyer.key(rel, BRIEFING_TEMPLATE, briefing_context(b))
            if html is not None:
                runner.submit(
                    PdfJob(html, str(site_dir / rel), *where),
                    functools.partial(briefing_done, b.slug, rel, keys[b.slug]),
                )
                blocked[b.slug] = []
                if runner.queued > IN_PROCESS_MAX:
                    runner.use_pool()  # the workers start while the remaining HTML is rendered
            paths.append(site_dir / rel)
        digests = []
        for period, members in period_members(corpus):
            rel = digest_pdf_path(period.key)
            glance = period_summary(corpus, period, members)
            # One sheet per briefing in the key's HTML: the real counts follow from the briefings' keys.
            context = digest_context(period, members, glance, {b.slug: sheet_ids(b.slug, 1) for b in members})
            key, html = keyer.key(rel, DIGEST_TEMPLATE, context, [keys[b.slug] for b in members])
            if html is not None:
                digests.append(PendingDigest(rel, key, period, members, glance))
            paths.append(site_dir / rel)
        if runner.queued + len(digests) > IN_PROCESS_MAX:
            runner.use_pool()
        for pending in digests:
            pending.waiting = {b.slug for b in pending.members if b.slug in blocked}
            for slug in pending.waiting:
                blocked[slug].append(pending)
            if not pending.waiting:
                submit_digest(pending)
        runner.run()
    finally:
        runner.close()
    return paths


def period_members(corpus: Corpus) -> Iterator[tuple[Period, list[Briefing]]]:
    """Each period with at least one briefing, and its briefings."""
    by_slug = {b.slug: b for b in corpus.briefings}
    for period in corpus.periods:
        members = [by_slug[slug] for slug in period.briefings if slug in by_slug]
        if members:
            yield period, members


def sheet_ids(slug: str, count: int) -> list[str]:
    """The ids of the digest's sheets for a briefing PDF of `count` pages."""
    return [f"p-{slug}-{n}" for n in range(1, count + 1)]


def page_count(path: Path) -> int:
    """Pages of a briefing PDF reused from the previous build."""
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def pdf_salt(site_dir: Path) -> str:
    """What a PDF depends on besides its HTML: the static files it can fetch (stylesheet, images),
    the renderers' versions and the way PDFs are put together. Part of every PDF's key."""
    static = site_dir / "static"
    files = sorted(p for p in static.rglob("*") if p.is_file()) if static.is_dir() else []
    parts = [f"{p.relative_to(static).as_posix()}:{digest(p.read_bytes())}" for p in files]
    return digest(PDF_FORMAT, package_version("weasyprint"), package_version("pypdf"), *parts)


@functools.cache
def package_version(name: str) -> str:
    """Read from the package metadata: importing WeasyPrint in the parent costs ~0.5 s."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def allowed_roots(site_dir: Path) -> tuple[str, ...]:
    """The site being built and the built-in theme's static files: nothing else is fetchable."""
    theme_static = resources.files(THEME_PACKAGE).joinpath("theme/default/static")
    return (str(site_dir.resolve()), str(Path(str(theme_static)).resolve()))


BRIEFING_TEMPLATE = "pdf/briefing.html"
DIGEST_TEMPLATE = "pdf/digest.html"


def briefing_context(briefing: Briefing) -> dict[str, Any]:
    return {"briefing": briefing, "created": briefing.date}


def digest_context(
    period: Period, briefings: list[Briefing], glance: PeriodSummary, slots: Mapping[str, Sequence[str]]
) -> dict[str, Any]:
    """A digest's cover with the period at a glance, its contents, and for each briefing the ids of
    the empty sheets its pages are drawn under (`slots`, by slug)."""
    return {
        "period": period,
        "briefings": briefings,
        "created": newest_date(briefings),
        "glance": glance,
        "slots": slots,
    }


def digest_html(
    env: jinja2.Environment,
    period: Period,
    briefings: list[Briefing],
    glance: PeriodSummary,
    slots: Mapping[str, Sequence[str]],
) -> str:
    return render(env, DIGEST_TEMPLATE, **digest_context(period, briefings, glance, slots))


class Keyer:
    """Finds each PDF's content key (the key its file is recorded under in the manifest), rendering
    its HTML only when the previous build's key cannot be reused.

    First the templates' reads that the previous build recorded for the PDF (pages.json, through the
    tracker) are evaluated against this build's data: when their key, salted, is the one `pdf_keys`
    noted with the previous content key, the HTML would come out the same, and the previous file is
    linked without rendering anything. Otherwise the HTML is rendered (recording its reads), and its
    hash is the content key: after a template edit that leaves a PDF's HTML as it was, the PDF is
    still reused, unrendered by WeasyPrint."""

    def __init__(
        self, env: jinja2.Environment, tracker: Tracker, salt: str, out: Output, pdf_keys: PdfKeys
    ) -> None:
        self.env = env
        self.tracker = tracker
        self.salt = salt
        self.out = out
        self.pdf_keys = pdf_keys

    def key(
        self, rel: str, template: str, context: dict[str, Any], inputs: Sequence[str] = ()
    ) -> tuple[str, str | None]:
        """The content key of the PDF at `rel` and, when WeasyPrint must render it, its HTML (None:
        the previous build's file was linked). `inputs`: other content keys it depends on."""
        reads = self.tracker.reuse_key(template, rel, context)
        if reads is not None:
            reads_key = digest(self.salt, reads, *inputs)
            content = self.pdf_keys.content_key(rel, reads_key)
            if content is not None and self.out.reuse(rel, content):
                self.tracker.reuse(rel)
                self.pdf_keys.note(rel, reads_key, content)
                return content, None
        html, reads = self.tracker.render(self.env, template, rel, context)
        content = digest(self.salt, html, *inputs)
        self.pdf_keys.note(rel, digest(self.salt, reads, *inputs), content)
        return content, None if self.out.reuse(rel, content) else html


class PdfKeys:
    """The PDF key cache (`.cache/pdfs.json`): for each PDF of the last finished site, the key of
    its templates' reads (salted like its content key) and its content key.

    A cache, never trusted alone: a content key found here is only used if the manifest records the
    file on disk under that very key, and a reads key determines the HTML (see render.pages). So an
    unreadable, stale or damaged file only costs rendering the PDFs' HTML again."""

    def __init__(self, path: Path | None, previous: dict[str, tuple[str, str]] | None = None) -> None:
        self.path = path
        self.previous = previous or {}
        self.current: dict[str, tuple[str, str]] = {}  # rel -> (reads key, content key)

    @classmethod
    def load(cls, path: Path | None) -> PdfKeys:
        """The cache at `path`; empty when there is none, it is unreadable or `path` is None."""
        if path is None:
            return cls(None)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = data["pdfs"] if data.get("version") == PDF_KEYS_VERSION else {}
            previous = {
                rel: (reads, content)
                for rel, (reads, content) in entries.items()
                if type(reads) is str and type(content) is str
            }
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            previous = {}
        return cls(path, previous)

    def content_key(self, rel: str, reads_key: str) -> str | None:
        """The content key noted for `rel` with these reads, if any."""
        entry = self.previous.get(rel)
        return entry[1] if entry is not None and entry[0] == reads_key else None

    def note(self, rel: str, reads_key: str, content_key: str) -> None:
        self.current[rel] = (reads_key, content_key)

    def save(self) -> None:
        """Write this build's keys (only those: PDFs no longer built are dropped)."""
        if self.path is None:
            return
        data = {
            "version": PDF_KEYS_VERSION,
            "pdfs": {rel: list(keys) for rel, keys in sorted(self.current.items())},
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, json.dumps(data, separators=(",", ":")))


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


class Runner:
    """Runs PDF jobs and calls `then(result)` for each one from `run()`; those calls may submit more.

    Jobs run in this process, one after another, unless `use_pool()` was called: then `workers`
    spawn processes take them. `spawn` workers start clean: forking the parent would copy spaCy's
    memory and any threads' locks, and WeasyPrint's leftover memory goes away with the worker.
    """

    def __init__(self, workers: int | None = None) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.pool: ProcessPoolExecutor | None = None
        self.queue: list[tuple[PdfJob | DigestJob, Callable[[int], None]]] = []
        self.running: dict[Future[int], Callable[[int], None]] = {}
        # Finished futures, in the order they finish: one queue instead of wait() on every running
        # future, which costs O(running) per completion.
        self.finished: queue.SimpleQueue[Future[int]] = queue.SimpleQueue()

    @property
    def queued(self) -> int:
        return len(self.queue) + len(self.running)

    def submit(self, job: PdfJob | DigestJob, then: Callable[[int], None]) -> None:
        if self.pool is None:
            self.queue.append((job, then))
        else:
            future = self.pool.submit(write_pdf, job)
            self.running[future] = then
            future.add_done_callback(self.finished.put)

    def use_pool(self) -> None:
        if self.pool is None:
            self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
            waiting, self.queue = self.queue, []
            for job, then in waiting:
                self.submit(job, then)

    def run(self) -> None:
        while self.queue or self.running:
            if self.queue:
                job, then = self.queue.pop(0)
                then(write_pdf(job))
                continue
            future = self.finished.get()
            self.running.pop(future)(future.result())

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


def run_jobs(work: Sequence[PdfJob | DigestJob], jobs: int | None = None) -> list[int]:
    """Write independent PDFs, in a pool of `jobs` workers when there is more than one; return
    their page counts in job order."""
    runner = Runner(jobs)
    results = [0] * len(work)
    for index, job in enumerate(work):
        runner.submit(job, functools.partial(results.__setitem__, index))
    if len(work) > 1:
        runner.use_pool()
    try:
        runner.run()
    finally:
        runner.close()
    return results


def write_pdf(job: PdfJob | DigestJob) -> int:
    """Runs in a worker: write the PDF of `job`, fetching only from `job.roots`; return its pages."""
    from . import pdf_worker  # imported here so the parent process never pays for WeasyPrint

    if isinstance(job, DigestJob):
        return pdf_worker.write_digest(
            job.html, job.target, job.base_url, job.roots, job.stylesheets, job.members
        )
    return pdf_worker.write_briefing(job.html, job.target, job.base_url, job.roots, job.stylesheets)
