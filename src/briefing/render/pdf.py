"""PDFs through WeasyPrint: one per briefing (pdf/<slug>.pdf) and one digest per period
(pdf/digest-<key>.pdf).

The HTML of every PDF comes from the same template chain as the site, and is only rendered when the
PDF may have changed: like an HTML page, a PDF is first keyed by what its templates read in the
previous build (`Keyer`). WeasyPrint lays the HTML out in worker processes (render.pdf_worker),
because it costs ~0.05 s a page and keeps memory after a render. Workers receive plain data (HTML
strings and paths) and build their own restricted URL fetcher. A build starts its first worker
early (`early_workers`), so that importing WeasyPrint happens on another core while it extracts and
relates, and the workers lay PDFs out while it writes the HTML pages (`start_pdfs`). Without such a
pool, when only a few PDFs are dirty they are rendered in this process, as starting the pool costs
more than they do; this process never imports WeasyPrint otherwise.

A briefing is laid out once. A digest lays out only its cover, its contents and one empty sheet per
page of each briefing's PDF; the briefings' pages are then drawn under those sheets, which carry
the digest's page numbers (pdf_worker describes this page furniture). So a digest is written after
the PDFs of its briefings, and its key covers theirs.

Determinism: the creation and modification dates come from the briefing (or the newest briefing of
a period) instead of the clock, the PDF identifiers are hashes of the content, and each PDF is
written by one job, whatever order the workers run in.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import multiprocessing
import os
import queue
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..cache import write_atomic
from ..config import SiteConfig
from ..model import ActorEntry, Briefing, Corpus, IncidentEntry, Period
from .html import PDF_DIR, briefing_path, briefing_pdf_path, digest_pdf_path, environment_key, page_tracker
from .output import Output, digest
from .pages import Tracker
from .templates import THEME_PACKAGE, copy_static, make_environment, render, template_sources
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


def start_pdfs(
    corpus: Corpus,
    config: SiteConfig,
    site_dir: Path,
    *,
    jobs: int | None = None,
    output: Output | None = None,
    tracker: Tracker | None = None,
    pdf_keys: PdfKeys | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> PdfStage:
    """Key every PDF and hand those to render to the workers; return the stage, whose `finish()`
    waits for them and returns the paths of every briefing PDF, then every digest PDF.

    The workers lay PDFs out while the caller goes on (with the HTML pages: PDFs read nothing the
    HTML stage writes), and `pool` (`early_workers`) may have started them long before. Without a
    pool, up to IN_PROCESS_MAX dirty PDFs render in this process, within `finish()`.

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
    keyer = Keyer(env, tracker, pdf_base(env, config), pdf_salt(site_dir), out, pdf_keys or PdfKeys(None))
    stage = PdfStage(env, site_dir, out, Runner(jobs, pool), keyer)
    try:
        stage.start(corpus)
    except BaseException:
        stage.close()
        raise
    return stage


class PdfStage:
    """The PDFs of one build, from the moment they are keyed to the moment they are all written.

    Briefing PDFs go to the runner as soon as they are keyed; a digest is submitted once the PDFs of
    its briefings are written (it draws their pages, and its sheets need their page counts)."""

    def __init__(
        self, env: jinja2.Environment, site_dir: Path, out: Output, runner: Runner, keyer: Keyer
    ) -> None:
        self.env = env
        self.site_dir = site_dir
        self.out = out
        self.runner = runner
        self.keyer = keyer
        base_url = site_dir.resolve().as_uri() + "/"
        self.where = (base_url, allowed_roots(site_dir), (base_url + PDF_STYLESHEET,))
        self.paths: list[Path] = []
        self.rendered = 0  # PDFs WeasyPrint wrote (the others were linked from the previous build)
        self.pages: dict[str, int] = {}  # page count of each briefing PDF rendered by this build
        self.blocked: dict[str, list[PendingDigest]] = {}  # briefing slug -> digests waiting for its PDF

    def start(self, corpus: Corpus) -> None:
        """Key every briefing PDF, then every digest, and submit those to render."""
        runner, keyer, keys = self.runner, self.keyer, {}
        for b in corpus.briefings:
            rel = briefing_pdf_path(b.slug)
            keys[b.slug], html = keyer.key(rel, BRIEFING_TEMPLATE, briefing_context(b))
            if html is not None:
                job = PdfJob(html, str(self.site_dir / rel), *self.where)
                runner.submit(job, functools.partial(self.briefing_done, b.slug, rel, keys[b.slug]))
                self.blocked[b.slug] = []
                if runner.queued > IN_PROCESS_MAX:
                    runner.use_pool()  # the workers start while the remaining HTML is rendered
            self.paths.append(self.site_dir / rel)
        digests = []
        reports = Reports(corpus)
        for period, members in period_members(corpus):
            rel = digest_pdf_path(period.key)
            glance = period_summary(corpus, period, members, reports)
            # One sheet per briefing in the key's HTML: the real counts follow from the briefings' keys.
            context = digest_context(period, members, glance, {b.slug: sheet_ids(b.slug, 1) for b in members})
            key, html = keyer.key(rel, DIGEST_TEMPLATE, context, [keys[b.slug] for b in members])
            if html is not None:
                digests.append(PendingDigest(rel, key, period, members, glance))
            self.paths.append(self.site_dir / rel)
        if runner.queued + len(digests) > IN_PROCESS_MAX:
            runner.use_pool()
        for pending in digests:
            pending.waiting = {b.slug for b in pending.members if b.slug in self.blocked}
            for slug in pending.waiting:
                self.blocked[slug].append(pending)
            if not pending.waiting:
                self.submit_digest(pending)

    def poll(self) -> None:
        """Take in the PDFs written so far, without waiting: a digest whose briefings' PDFs are
        written starts now rather than when the caller gets to `finish`."""
        self.runner.poll()

    def finish(self) -> list[Path]:
        """Wait for every PDF (rendering here those the runner keeps in this process); return the
        paths of all of them, briefings first. The caller closes the stage in any case."""
        self.runner.run()
        return self.paths

    def close(self) -> None:
        self.runner.close()

    def briefing_done(self, slug: str, rel: str, key: str, count: int) -> None:
        self.done(rel, key)
        self.pages[slug] = count
        for pending in self.blocked.pop(slug, []):
            pending.waiting.discard(slug)
            if not pending.waiting:
                self.submit_digest(pending)

    def submit_digest(self, pending: PendingDigest) -> None:
        pdfs = {b.slug: self.site_dir / briefing_pdf_path(b.slug) for b in pending.members}
        slots = {slug: sheet_ids(slug, self.pages.get(slug) or page_count(pdf)) for slug, pdf in pdfs.items()}
        html = digest_html(self.env, pending.period, pending.members, pending.glance, slots)
        members = tuple((str(pdfs[slug]), tuple(ids)) for slug, ids in slots.items())
        job = DigestJob(html, str(self.site_dir / pending.rel), *self.where, members)
        self.runner.submit(job, lambda _count: self.done(pending.rel, pending.key))

    def done(self, rel: str, key: str) -> None:
        self.out.record(rel, key)
        self.rendered += 1


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


def pdf_base(env: jinja2.Environment, config: SiteConfig) -> str:
    """The environment key of the PDFs' HTML, part of their reads keys: that of the pages, but with
    only the templates the PDF templates can load standing for the override folder, so that editing
    a template of the HTML pages alone leaves the PDFs keyed by their reads."""
    return environment_key(config, True, template_sources(env, [BRIEFING_TEMPLATE, DIGEST_TEMPLATE]))


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
        self, env: jinja2.Environment, tracker: Tracker, base: str, salt: str, out: Output, pdf_keys: PdfKeys
    ) -> None:
        self.env = env
        self.tracker = tracker
        self.base = base  # the environment key of the PDFs' HTML (`pdf_base`)
        self.salt = salt
        self.out = out
        self.pdf_keys = pdf_keys
        self.rendered = 0  # PDFs whose HTML was rendered to key them

    def key(
        self, rel: str, template: str, context: dict[str, Any], inputs: Sequence[str] = ()
    ) -> tuple[str, str | None]:
        """The content key of the PDF at `rel` and, when WeasyPrint must render it, its HTML (None:
        the previous build's file was linked). `inputs`: other content keys it depends on."""
        reads = self.tracker.reuse_key(template, rel, context, self.base)
        if reads is not None:
            reads_key = digest(self.salt, reads, *inputs)
            content = self.pdf_keys.content_key(rel, reads_key)
            if content is not None and self.out.reuse(rel, content):
                self.tracker.reuse(rel)
                self.pdf_keys.note(rel, reads_key, content)
                return content, None
        html, reads = self.tracker.render(self.env, template, rel, context, self.base)
        self.rendered += 1
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


class Reports:
    """What each briefing reports, by slug: the corpus's incidents and actors (places excluded)
    naming it, as positions in the corpus's lists. Built once, so that each period's summary looks
    at its own briefings' incidents and actors instead of at all of them."""

    def __init__(self, corpus: Corpus) -> None:
        self.incidents: dict[str, list[int]] = {}
        self.actors: dict[str, list[int]] = {}
        for n, incident in enumerate(corpus.incidents):
            for slug in set(incident.briefings):
                self.incidents.setdefault(slug, []).append(n)
        for n, actor in enumerate(corpus.actors):
            if actor.kind != "place":
                for slug in set(actor.briefings):
                    self.actors.setdefault(slug, []).append(n)
        self.report_dates = {b.slug: b.date for b in corpus.briefings}


def period_summary(
    corpus: Corpus, period: Period, briefings: list[Briefing], reports: Reports | None = None
) -> PeriodSummary:
    """Top actors, incident counts and casualties of the incidents the period's briefings report.

    Casualties add up each merged incident once (its highest reported toll), so an incident
    reported by three articles is not counted three times. `reports`: the corpus's, if already built.
    """
    reports = reports or Reports(corpus)
    members = {b.slug for b in briefings}
    found = sorted({n for slug in members for n in reports.incidents.get(slug, ())})
    incidents = [corpus.incidents[n] for n in found]
    # An actor's count: the period's briefings naming it.
    named = Counter(n for slug in members for n in reports.actors.get(slug, ()))
    counts = [(corpus.actors[n], named[n]) for n in sorted(named)]  # in corpus order
    top = sorted(counts, key=lambda c: (-c[1], -c[0].mentions, c[0].key))[:TOP_ACTORS]
    types = Counter(i.type for i in incidents)
    return PeriodSummary(
        incidents=incidents,
        top_actors=top,
        by_type=sorted(types.items(), key=lambda kv: (-kv[1], kv[0])),
        killed=sum(i.killed or 0 for i in incidents),
        injured=sum(i.injured or 0 for i in incidents),
        actors=len(counts),
        timeline=timeline_svg(
            incidents,
            f"Incidents, {period.label}",
            uid=f"tl-{period.key}",
            report_dates=reports.report_dates,
        ),
    )


def newest_date(briefings: list[Briefing]) -> dt.date | None:
    dates = [b.date for b in briefings if b.date]
    return max(dates) if dates else None


class Runner:
    """Runs PDF jobs and calls `then(result)` for each one from `run()`; those calls may submit more.

    Jobs run in this process, one after another, unless `use_pool()` was called or a pool was given:
    then `workers` spawn processes take them. `spawn` workers start clean: forking the parent would
    copy spaCy's memory and any threads' locks, and WeasyPrint's leftover memory goes away with the
    worker.
    """

    def __init__(self, workers: int | None = None, pool: ProcessPoolExecutor | None = None) -> None:
        self.workers = workers
        self.pool = pool  # a pool started earlier (`early_workers`) takes every job; its owner closes it
        self.own_pool = False
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
            self.pool, self.own_pool = new_pool(self.workers), True
            waiting, self.queue = self.queue, []
            for job, then in waiting:
                self.submit(job, then)

    def run(self) -> None:
        while self.queue or self.running:
            if self.queue:
                job, then = self.queue.pop(0)
                then(write_pdf(job))
                continue
            self.take(self.finished.get())

    def poll(self) -> None:
        """Call `then` for the jobs the workers finished so far, without waiting for more."""
        while self.running:
            try:
                self.take(self.finished.get_nowait())
            except queue.Empty:
                return

    def take(self, future: Future[int]) -> None:
        self.running.pop(future)(future.result())

    def close(self) -> None:
        """Cancel the jobs not started and wait for the running ones (the caller may delete their
        folder next); shut the pool down if this runner started it."""
        if self.pool is None:
            return
        if self.own_pool:
            self.pool.shutdown(cancel_futures=True)
        else:
            for future in self.running:
                future.cancel()
            wait(self.running)


def new_pool(workers: int | None) -> ProcessPoolExecutor:
    """`workers` spawn processes for PDF jobs (default: one per core); they start as jobs come."""
    count = max(1, workers or os.cpu_count() or 1)
    return ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn"))


@contextlib.contextmanager
def early_workers(workers: int | None) -> Iterator[ProcessPoolExecutor]:
    """A PDF worker pool whose first process starts now and imports WeasyPrint (~0.5 s) while this
    one goes on with extraction, relate and the HTML pages on the other core: by the PDF stage, it
    is ready to lay out the first dirty PDF. For a build that renders PDFs and is not up to date
    (a build without PDFs, or with nothing to do, never starts it). Closed on exit."""
    pool = new_pool(workers)
    pool.submit(warm_up)
    try:
        yield pool
    finally:
        # Not waiting: the workers exit while the build saves its caches (the interpreter joins
        # them at exit, a long-lived process in the background).
        pool.shutdown(wait=False, cancel_futures=True)


def warm_up() -> None:
    """Runs in a worker: import what laying out a PDF needs, before the first job arrives."""
    from . import pdf_worker

    pdf_worker.font_config()


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
