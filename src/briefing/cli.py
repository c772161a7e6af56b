"""The `briefing` command: arguments, progress, one-line errors and exit codes.

Exit codes: 0 success; 1 a user-fixable error (bad config, unreadable input, --strict with
warnings); 2 bad command-line usage (click's own).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import __version__
from .build import BuildReport, build
from .config import LoadedConfig, load_config
from .errors import BriefingError

err = Console(stderr=True, highlight=False)


def _load(config_path: Path | None) -> LoadedConfig:
    if config_path is None and Path("site.yaml").is_file():
        config_path = Path("site.yaml")
    return load_config(config_path)


def _fail(exc: BriefingError) -> None:
    err.print(f"[bold red]error:[/] {exc}", markup=True, soft_wrap=True)
    sys.exit(1)


@click.group()
@click.version_option(__version__, prog_name="briefing")
def main() -> None:
    """Turn news articles into structured briefings: a website, JSON and PDF digests."""


@main.command("build")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="site.yaml to use.")
@click.option("--content", "content_dir", type=click.Path(path_type=Path), help="Folder of articles.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), help="Output folder (site goes in OUT/site).")
@click.option("--strict", is_flag=True, help="Fail on any warning.")
@click.option("--no-pdf", is_flag=True, help="Skip PDF rendering.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def build_command(
    config_path: Path | None,
    content_dir: Path | None,
    out_dir: Path | None,
    strict: bool,
    no_pdf: bool,
    quiet: bool,
) -> None:
    """Build the site, JSON and PDFs from the articles in the content folder."""
    try:
        loaded = _load(config_path)
        with _progress(quiet) as progress:
            report = build(
                loaded.config,
                content_dir=content_dir,
                out_dir=out_dir,
                strict=strict,
                pdf=False if no_pdf else None,
                problems=loaded.problems,
                progress=progress,
            )
    except BriefingError as exc:
        _fail(exc)
        return
    _print_report(report)


@main.command("extract")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="site.yaml to use.")
def extract_command(file: Path, config_path: Path | None) -> None:
    """Print the briefing of one article as JSON."""
    from .build import assign_slugs
    from .extract import extract
    from .ingest import read_article

    try:
        loaded = _load(config_path)
        article = read_article(file, file.parent)
        briefing = extract(article, assign_slugs([article])[0], loaded.config.summary)
    except BriefingError as exc:
        _fail(exc)
        return
    click.echo(json.dumps(briefing.to_dict(), ensure_ascii=False, indent=2, sort_keys=True))


class _progress:
    """A rich progress bar on stderr (hidden with --quiet or when stderr is not a terminal)."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and err.is_terminal
        self.bar = Progress(
            TextColumn("{task.description:>8}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=err, transient=True,
        )
        self.tasks: dict[str, int] = {}

    def __enter__(self) -> _progress:
        if self.enabled:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self.bar.stop()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if stage not in self.tasks:
            self.tasks[stage] = self.bar.add_task(stage, total=total)
        self.bar.update(self.tasks[stage], completed=done, total=total)


def _print_report(report: BuildReport) -> None:
    for problem in report.problems:
        colour = "red" if problem.severity == "error" else "yellow"
        err.print(f"[{colour}]{problem}[/]", soft_wrap=True)
    warnings = len(report.warnings)
    errors = len(report.problems) - warnings
    err.print(
        f"built {report.articles} briefings, {report.pages} pages, {report.pdfs} PDFs "
        f"in {report.seconds:.1f}s; {warnings} warnings, {errors} errors -> {report.site_dir}",
        soft_wrap=True,
    )
