"""Build orchestration: one function that runs the stages in order and returns a report.

config -> ingest -> extract -> relate -> render. The site is written into a staging folder next to
the output and swapped in only when everything succeeded, so a failed or interrupted build never
leaves a half-written site behind.

Builds are incremental at every stage, each keyed by content hashes, never by timestamps alone:
- ingest: a file whose bytes are unchanged is not parsed again (`IngestCache`);
- extract: an article whose ingested form is unchanged is not analysed again (`ExtractionCache`);
- relate: a build whose articles are all unchanged (a template or config edit) takes relate's
  output from the last build (`CorpusCache`);
- output: the staging folder is filled from the previous site, hard-linking every file whose
  inputs are unchanged (`render.output`): a page whose templates' reads still give the same
  values is not rendered (`render.pages`), a briefing whose extraction key and relate's additions
  are unchanged is not serialised (`render.json_out`), a PDF whose HTML is unchanged is not
  rendered, and its HTML is not rendered either when its templates' reads are unchanged
  (`render.pdf`). When the whole-build key (every extraction key, the config, the templates and
  briefing's own code) equals the previous build's and the previous site is intact, the site is
  already what this build would produce, and nothing after ingest runs at all.
This module imports extraction (spaCy), relate and the renderers only when they have work, so a
build with nothing to do does not pay for them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from . import ingest
from .cache import (
    CorpusCache,
    ExtractionCache,
    IngestCache,
    cache_key,
    code_fingerprint,
    corpus_key,
    ingest_key,
    tree_fingerprint,
)
from .config import SiteConfig, SummaryConfig
from .errors import BuildError, IngestError
from .executor import ExecutorName, make_executor
from .model import Article, Briefing, Corpus, Problem
from .relate import slugify
from .render.output import Manifest, Output

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from .render.pages import PageDeps
    from .render.pdf import PdfKeys

Progress = Callable[[str, int, int], None]  # (stage, done, total)

#: The build log, next to the site: one `file:line: severity: message` line per problem.
LOG_NAME = "build.log"

PARALLEL_THRESHOLD = 24  # fewer articles than this are parsed in-process
CHUNK = 8  # articles per worker task: large enough to amortise pickling, small enough to balance


@dataclass
class BuildReport:
    site_dir: Path
    articles: int = 0
    pages: int = 0
    pdfs: int = 0
    problems: list[Problem] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # source paths of articles that could not be built
    seconds: float = 0.0
    extracted: int = 0  # articles analysed by this build (the rest came from the cache)
    written: int = 0  # files written by this build (pages, JSON, feeds, PDFs)
    reused: int = 0  # files linked unchanged from the previous build
    pdfs_rendered: int = 0  # PDFs WeasyPrint rendered (the rest were reused)
    pdf_html_rendered: int = 0  # PDFs whose HTML was rendered (the rest were keyed by their reads)
    up_to_date: bool = False  # nothing changed: the previous site was kept as it is

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


@contextlib.contextmanager
def long_lived_heap() -> Iterator[None]:
    """A build holds millions of long-lived objects (articles, briefings, the corpus, the page
    reads), and the cyclic garbage collector would traverse them all again and again: ~0.3 s of a
    one-article rebuild. Inside, the stages `gc.freeze()` what they loaded, which the collector
    then leaves alone, and young objects are collected less often.

    On exit what is still alive (modules, the NLP model, memo caches: what lives as long as the
    process) stays frozen, or the interpreter's last collections at exit would walk it all again
    (~0.3 s); the next build unfreezes it first, so whatever became garbage in between is
    collected then."""
    gc.unfreeze()
    thresholds = gc.get_threshold()
    gc.set_threshold(20_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
        gc.collect(1)  # the build's young cyclic garbage, not everything
        gc.freeze()


@long_lived_heap()
def build(
    config: SiteConfig,
    *,
    content_dir: Path | None = None,
    out_dir: Path | None = None,
    strict: bool = False,
    pdf: bool | None = None,
    problems: list[Problem] | None = None,
    progress: Progress | None = None,
    jobs: int | None = None,
    use_cache: bool = True,
    executor: ExecutorName = "local",
    scheduler: str | None = None,
) -> BuildReport:
    """Run every stage; `use_cache=False` re-reads and re-extracts everything (output files whose
    bytes come out identical are still reused: they are content-addressed)."""
    started = time.perf_counter()
    content_dir = content_dir or config.resolve(config.content_dir)
    out_dir = out_dir or config.resolve(config.output_dir)
    report = BuildReport(site_dir=out_dir / "site", problems=list(problems or []))
    notify = progress or (lambda stage, done, total: None)
    caches = out_dir / ".cache"
    want_pdf = config.pdf.enabled if pdf is None else pdf

    ingest_cache = IngestCache(caches / "ingest.json" if use_cache else None)
    articles = read_articles(content_dir, report, notify, ingest_cache)
    ingest_cache.save()
    gc.freeze()
    keys = [cache_key(article, slug, config) for article, slug in articles]
    manifest_path = caches / MANIFEST_NAME
    previous = Manifest.load(manifest_path)
    build_key = whole_build_key(keys, config, want_pdf)
    if use_cache and previous.build_key == build_key and previous.intact(report.site_dir):
        clear_leftovers(out_dir)
        write_log(report, out_dir / LOG_NAME)
        _fail_if_strict(strict, report)
        return _finish(report, started, previous.stats, up_to_date=True)

    from .render.pdf import PdfKeys, early_workers

    # PDF workers start now, so that WeasyPrint is imported on the other core meanwhile.
    with early_workers(jobs) if want_pdf else contextlib.nullcontext() as pdf_pool:
        corpus_cache = CorpusCache(caches / "corpus.json" if use_cache else None)
        related_key = corpus_key(keys, config.digest.period)
        cache = ExtractionCache(caches / "extract" if use_cache else None)
        corpus = corpus_cache.load(related_key, lambda: [cache.get(key) for key in keys])
        cached_corpus = corpus is not None
        if corpus is None:
            from .relate import relate

            workers = jobs or os.cpu_count() or 1
            briefings = extract_briefings(
                articles, config, notify, cache, workers, executor, scheduler, keys, report
            )
            corpus = relate(briefings, config.digest.period)
        gc.freeze()
        write_log(report, out_dir / LOG_NAME)
        _fail_if_strict(strict, report)

        from .render.pages import PageDeps

        page_deps = PageDeps.load(caches / PAGES_NAME if use_cache else None)
        pdf_keys = PdfKeys.load(caches / PDF_KEYS_NAME if use_cache and want_pdf else None)
        gc.freeze()
        # Each briefing's extraction key: with what relate added, a key of everything in it (so an
        # unchanged briefing's JSON is not serialised again, nor its page's reads evaluated again).
        extraction_keys = (
            {slug: key for (_, slug), key in zip(articles, keys, strict=True)} if use_cache else None
        )
        with staged_site(out_dir) as site_dir:
            output = Output(site_dir, report.site_dir if report.site_dir.is_dir() else None, previous)
            stats = render_site(
                corpus,
                config,
                site_dir,
                output,
                want_pdf,
                jobs,
                notify,
                page_deps,
                extraction_keys,
                caches if use_cache else None,
                pdf_keys,
                pdf_pool,
            )
    report.written, report.reused = output.written, output.reused
    report.pdfs_rendered = stats["pdfs_rendered"]
    report.pdf_html_rendered = stats["pdf_html_rendered"]
    page_deps.save()
    pdf_keys.save()
    output.manifest(report.site_dir, build_key, stats).save(manifest_path)
    if not cached_corpus:
        corpus_cache.save(related_key, corpus)
    return _finish(report, started, stats)


#: Output keys and file identities of the last finished site (see render.output).
MANIFEST_NAME = "manifest.json"
#: What each page of the last finished site read (see render.pages).
PAGES_NAME = "pages.json"
#: The content key of each PDF of the last finished site by its reads (see render.pdf.PdfKeys).
PDF_KEYS_NAME = "pdfs.json"


def render_site(
    corpus: Corpus,
    config: SiteConfig,
    site_dir: Path,
    output: Output,
    want_pdf: bool,
    jobs: int | None,
    notify: Progress,
    page_deps: PageDeps | None = None,
    extraction_keys: dict[str, str] | None = None,
    caches: Path | None = None,
    pdf_keys: PdfKeys | None = None,
    pdf_pool: ProcessPoolExecutor | None = None,
) -> dict[str, int]:
    """Pages, JSON and PDFs into the staging folder; returns the counts the manifest keeps.
    `page_deps`: what the previous build's pages (HTML and PDFs) read (render.pages);
    `extraction_keys`: each briefing's extraction key, if the extraction cache is trusted;
    `caches`: the cache folder (compiled templates are kept there); `pdf_keys`: the PDFs' content
    keys by their reads, `pdf_pool`: PDF workers already started (render.pdf).

    The PDFs are keyed first and laid out by the workers while the HTML pages and the JSON are
    written here."""
    from .render.html import page_tracker, render_html
    from .render.json_out import json_keys, write_json
    from .render.pdf import start_pdfs

    notify("render", 0, 1)
    versions = json_keys(corpus.briefings, extraction_keys) if extraction_keys is not None else None
    tracker = page_tracker(corpus, config, want_pdf, page_deps, versions)
    pdf_stage = None
    if want_pdf:
        pdf_stage = start_pdfs(
            corpus,
            config,
            site_dir,
            jobs=jobs,
            output=output,
            tracker=tracker,
            pdf_keys=pdf_keys,
            pool=pdf_pool,
        )
    try:
        pages = render_html(
            corpus,
            config,
            site_dir,
            pdf=want_pdf,
            output=output,
            tracker=tracker,
            bytecode_dir=caches / "jinja" if caches else None,
        )
        if pdf_stage:
            pdf_stage.poll()
        write_json(corpus.briefings, site_dir, output, versions)
        pdfs = pdf_stage.finish() if pdf_stage else []
    finally:
        if pdf_stage:
            pdf_stage.close()
    notify("render", 1, 1)
    return {
        "articles": len(corpus.briefings),
        "pages": len(pages),
        "pdfs": len(pdfs),
        "pdfs_rendered": pdf_stage.rendered if pdf_stage else 0,
        "pdf_html_rendered": pdf_stage.keyer.rendered if pdf_stage else 0,
    }


def _finish(
    report: BuildReport, started: float, stats: dict[str, int], *, up_to_date: bool = False
) -> BuildReport:
    report.articles = stats.get("articles", 0)
    report.pages = stats.get("pages", 0)
    report.pdfs = stats.get("pdfs", 0)
    report.up_to_date = up_to_date
    report.seconds = time.perf_counter() - started
    return report


def whole_build_key(keys: list[str], config: SiteConfig, want_pdf: bool) -> str:
    """A hash of everything the site depends on: each article's extraction key (which covers its
    text, slug and the extractor), the whole config, PDFs on or off, the override folder
    (templates and static files) and briefing's own code and theme."""
    overrides = config.resolve(config.templates_dir)
    payload = {
        "keys": keys,
        "config": dataclasses.asdict(config),
        "pdf": want_pdf,
        "templates": tree_fingerprint(overrides),
        "code": code_fingerprint(),
        "weasyprint": _weasyprint_version() if want_pdf else None,
    }
    blob = json.dumps(payload, sort_keys=True, default=str, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def _weasyprint_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("weasyprint")
    except metadata.PackageNotFoundError:
        return "unknown"


def read_articles(
    content_dir: Path, report: BuildReport, notify: Progress, cache: IngestCache | None = None
) -> list[tuple[Article, str]]:
    """Read every article; one that fails becomes an error in the report, not a failed build."""
    paths = ingest.discover(content_dir, report.problems)
    articles: list[Article] = []
    for done, path in enumerate(paths, 1):
        try:
            articles.append(read_cached(path, content_dir, cache))
        except IngestError as exc:
            report.problems.append(Problem(exc.path or str(path), exc.message, exc.line, "error"))
            report.failed.append(path.relative_to(content_dir).as_posix())
        notify("read", done, len(paths))
    return list(zip(articles, assign_slugs(articles), strict=True))


def read_cached(path: Path, content_dir: Path, cache: IngestCache | None) -> Article:
    """`ingest.read_article`, skipped when the cache knows these exact bytes. The bytes read here
    are the ones parsed on a miss, so a file edited meanwhile can never be cached under a stale key.
    Anything unusual (unknown type, too large, unreadable) goes to read_article for its error."""
    reader = ingest.READERS.get(path.suffix.lower())
    if cache is None or reader is None:
        return ingest.read_article(path, content_dir)
    relative = path.relative_to(content_dir).as_posix()
    try:
        if path.stat().st_size > ingest.MAX_FILE_BYTES:
            return ingest.read_article(path, content_dir)
        data = path.read_bytes()
    except OSError:
        return ingest.read_article(path, content_dir)
    key = ingest_key(relative, data)
    article = cache.get(key)
    if article is None:
        article = reader(data, relative)
        cache.put(key, article)
    return article


def write_log(report: BuildReport, path: Path) -> None:
    """Write every problem of this build to `path`, replacing the previous build's log.

    The log is what CI and the `serve` page show after a build, so it is written even when
    `--strict` is about to fail, is empty when there were no problems (never stale), and lists
    problems in discovery order (config first, then articles by path): byte-identical for the
    same input. It is written to a temporary file and renamed, so a reader never sees half of it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(f"{problem}\n" for problem in report.problems)
    partial = path.with_name(f".{path.name}.tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def assign_slugs(articles: list[Article]) -> list[str]:
    """Slugs from file names; duplicates get -2, -3... in source_path order (deterministic)."""
    slugs: list[str] = []
    taken: set[str] = set()
    for article in articles:
        base = slugify(Path(article.source_path).stem, fallback="article")
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


def extract_briefings(
    articles: list[tuple[Article, str]],
    config: SiteConfig,
    notify: Progress,
    cache: ExtractionCache,
    jobs: int,
    executor: ExecutorName = "local",
    scheduler: str | None = None,
    keys: list[str] | None = None,
    report: BuildReport | None = None,
) -> list[Briefing]:
    """Briefings for every article: from the cache when unchanged, else parsed (in parallel)."""
    if keys is None:
        keys = [cache_key(article, slug, config) for article, slug in articles]
    found: dict[int, Briefing] = {}
    for i, key in enumerate(keys):
        hit = cache.get(key)
        if hit is not None:
            found[i] = hit
    missing = [i for i in range(len(articles)) if i not in found]
    notify("extract", len(found), len(articles))
    if report is not None:
        report.extracted = len(missing)
    if not missing:
        return [found[i] for i in range(len(articles))]
    fresh = run_extraction([articles[i] for i in missing], config, jobs, executor, scheduler)
    for done, (i, briefing) in enumerate(zip(missing, fresh, strict=False), len(found) + 1):
        cache.put(keys[i], briefing)
        found[i] = briefing
        notify("extract", done, len(articles))
    return [found[i] for i in range(len(articles))]


def run_extraction(
    items: list[tuple[Article, str]],
    config: SiteConfig,
    jobs: int,
    executor: ExecutorName,
    scheduler: str | None,
) -> Iterator[Briefing]:
    """Chunks of articles through the chosen executor. Small batches stay in-process locally,
    because a worker pays ~1 s to load spaCy before it parses anything."""
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    batch = len(chunks) if len(items) >= PARALLEL_THRESHOLD else 1
    runner = make_executor(executor, jobs=jobs, scheduler=scheduler, batch=batch)
    work = partial(_extract_chunk, summary=config.summary, max_chars=config.max_article_chars)
    for chunk in runner.map(work, chunks):
        yield from chunk


def _extract_chunk(
    items: list[tuple[Article, str]], summary: SummaryConfig, max_chars: int
) -> list[Briefing]:
    from . import extract  # spaCy: imported only by a build (or worker) that has work for it

    return list(extract.extract_many(items, summary, max_chars))


def _fail_if_strict(strict: bool, report: BuildReport) -> None:
    if strict and report.problems:
        count = len(report.problems)
        raise BuildError(
            f"--strict: {count} problem{'s' if count != 1 else ''} (first: {report.problems[0]})"
        )


def clear_leftovers(out_dir: Path) -> None:
    """Remove staging and previous-site folders of a build that was killed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for leftover in [*out_dir.glob(".site-staging-*"), *out_dir.glob(".site-previous-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


@contextlib.contextmanager
def staged_site(out_dir: Path) -> Iterator[Path]:
    """Yield an empty staging folder; on success it atomically replaces `out_dir/site`."""
    clear_leftovers(out_dir)
    staging = Path(tempfile.mkdtemp(prefix=".site-staging-", dir=out_dir))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    final = out_dir / "site"
    previous = out_dir / f".site-previous-{staging.name.rsplit('-', 1)[-1]}"
    staging.chmod(0o755)
    if final.exists():
        final.rename(previous)
    staging.rename(final)
    shutil.rmtree(previous, ignore_errors=True)
