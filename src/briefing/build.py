"""Build orchestration: one function that runs the stages in order and returns a report.

config -> ingest -> extract -> relate -> render. The site is written into a staging folder next to
the output and swapped in only when everything succeeded, so a failed or interrupted build never
leaves a half-written site behind.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from . import extract, ingest
from .cache import ExtractionCache, cache_key
from .config import SiteConfig, SummaryConfig
from .errors import BuildError, IngestError
from .executor import ExecutorName, make_executor
from .model import Article, Briefing, Problem
from .relate import relate, slugify
from .render.html import render_html
from .render.json_out import write_json
from .render.pdf import render_pdfs

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

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


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
    started = time.perf_counter()
    content_dir = content_dir or config.resolve(config.content_dir)
    out_dir = out_dir or config.resolve(config.output_dir)
    report = BuildReport(site_dir=out_dir / "site", problems=list(problems or []))
    notify = progress or (lambda stage, done, total: None)

    articles = read_articles(content_dir, report, notify)
    cache = ExtractionCache(out_dir / ".cache" / "extract" if use_cache else None)
    workers = jobs or os.cpu_count() or 1
    briefings = extract_briefings(articles, config, notify, cache, workers, executor, scheduler)
    corpus = relate(briefings, config.digest.period)
    write_log(report, out_dir / LOG_NAME)
    _fail_if_strict(strict, report)

    with staged_site(out_dir) as site_dir:
        notify("render", 0, 1)
        want_pdf = config.pdf.enabled if pdf is None else pdf
        pages = render_html(corpus, config, site_dir, pdf=want_pdf)
        write_json(corpus.briefings, site_dir)
        pdfs = render_pdfs(corpus, config, site_dir, jobs=jobs) if want_pdf else []
        notify("render", 1, 1)

    report.articles = len(corpus.briefings)
    report.pages = len(pages)
    report.pdfs = len(pdfs)
    report.seconds = time.perf_counter() - started
    return report


def read_articles(content_dir: Path, report: BuildReport, notify: Progress) -> list[tuple[Article, str]]:
    """Read every article; one that fails becomes an error in the report, not a failed build."""
    paths = ingest.discover(content_dir, report.problems)
    articles: list[Article] = []
    for done, path in enumerate(paths, 1):
        try:
            articles.append(ingest.read_article(path, content_dir))
        except IngestError as exc:
            report.problems.append(Problem(exc.path or str(path), exc.message, exc.line, "error"))
            report.failed.append(path.relative_to(content_dir).as_posix())
        notify("read", done, len(paths))
    return list(zip(articles, assign_slugs(articles), strict=True))


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
) -> list[Briefing]:
    """Briefings for every article: from the cache when unchanged, else parsed (in parallel)."""
    keys = [cache_key(article, slug, config, extract.EXTRACTOR_VERSION) for article, slug in articles]
    found: dict[int, Briefing] = {}
    for i, key in enumerate(keys):
        hit = cache.get(key)
        if hit is not None:
            found[i] = hit
    missing = [i for i in range(len(articles)) if i not in found]
    notify("extract", len(found), len(articles))
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
    return list(extract.extract_many(items, summary, max_chars))


def _fail_if_strict(strict: bool, report: BuildReport) -> None:
    if strict and report.problems:
        count = len(report.problems)
        raise BuildError(
            f"--strict: {count} problem{'s' if count != 1 else ''} (first: {report.problems[0]})"
        )


@contextlib.contextmanager
def staged_site(out_dir: Path) -> Iterator[Path]:
    """Yield an empty staging folder; on success it atomically replaces `out_dir/site`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for leftover in [*out_dir.glob(".site-staging-*"), *out_dir.glob(".site-previous-*")]:
        shutil.rmtree(leftover, ignore_errors=True)  # from a build that was killed
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
