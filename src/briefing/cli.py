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
from .executor import ExecutorName

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
@click.option(
    "--out", "out_dir", type=click.Path(path_type=Path), help="Output folder (site goes in OUT/site)."
)
@click.option("--strict", is_flag=True, help="Fail on any warning.")
@click.option("--no-pdf", is_flag=True, help="Skip PDF rendering.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where extraction runs: this machine's cores, or a Dask distributed cluster.",
)
@click.option(
    "--scheduler", metavar="ADDR", help="Dask scheduler address for --executor dask (tcp://host:8786)."
)
@click.option("--no-cache", is_flag=True, help="Re-extract every article (ignore the extraction cache).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def build_command(
    config_path: Path | None,
    content_dir: Path | None,
    out_dir: Path | None,
    strict: bool,
    no_pdf: bool,
    jobs: int | None,
    executor: ExecutorName,
    scheduler: str | None,
    no_cache: bool,
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
                jobs=jobs,
                use_cache=not no_cache,
                executor=executor,
                scheduler=scheduler,
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
        config = loaded.config
        briefing = extract(article, assign_slugs([article])[0], config.summary, config.max_article_chars)
    except BriefingError as exc:
        _fail(exc)
        return
    click.echo(json.dumps(briefing.to_dict(), ensure_ascii=False, indent=2, sort_keys=True))


@main.command("mail")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="site.yaml to use.")
@click.option(
    "--out", "out_dir", type=click.Path(path_type=Path), help="Output folder the site was built into."
)
@click.option(
    "--period", "period_key", metavar="KEY", help="Digest period, e.g. 2017-W12 (default: the newest)."
)
@click.option("--dry-run", is_flag=True, help="Write .eml files under OUT/mail/ instead of sending.")
@click.option("--build", "build_first", is_flag=True, help="Build the site first.")
def mail_command(
    config_path: Path | None, out_dir: Path | None, period_key: str | None, dry_run: bool, build_first: bool
) -> None:
    """Email a period's digest: summaries, links and the digest PDF.

    Sends one copy per address in mail.to through the SMTP server in site.yaml; the password comes
    from the environment variable named by mail.password_env. A dry run writes reproducible .eml
    files (dated by the newest briefing) instead; a real send is dated now.
    """
    from . import mail

    try:
        loaded = _load(config_path)
        config = loaded.config
        out = out_dir or config.resolve(config.output_dir)
        if build_first:
            _print_report(build(config, out_dir=out, problems=loaded.problems))
        digest = mail.find_digest(config, out / "site", period_key)
        if dry_run:
            for path in mail.write_eml(config, digest, out / "mail"):
                click.echo(path)
            return
        report = mail.send(config, digest)
    except BriefingError as exc:
        _fail(exc)
        return
    for recipient, reason in sorted(report.refused.items()):
        err.print(f"[yellow]refused: {recipient}: {reason}[/]", soft_wrap=True)
    sent = len(report.recipients) - len(report.refused)
    err.print(
        f"sent digest {digest.period.key} to {sent} of {len(report.recipients)} recipients via {report.server}"
    )
    if report.refused:
        sys.exit(1)


@main.command("check")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="site.yaml to use.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), help="Output folder (checks OUT/site).")
def check_command(config_path: Path | None, out_dir: Path | None) -> None:
    """Check a built site: links, #anchors, HTML that parses, JSON valid against its schema."""
    from .check import check_site

    try:
        config = _load(config_path).config
    except BriefingError as exc:
        _fail(exc)
        return
    site_dir = (out_dir or config.resolve(config.output_dir)) / "site"
    report = check_site(site_dir, config.base_url)
    for problem in report.problems:
        err.print(f"[red]{problem}[/]", soft_wrap=True, markup=True, highlight=False)
    err.print(
        f"checked {report.pages} pages, {report.links} links, {report.json_files} JSON files: "
        f"{len(report.problems)} problems",
        soft_wrap=True,
    )
    if not report.ok:
        sys.exit(1)


@main.command("new")
@click.argument("title")
@click.option("--content", "content_dir", type=click.Path(path_type=Path), help="Folder to write into.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="site.yaml to use.")
@click.option("--source", default="", help="Publisher to put in the front matter.")
@click.option("--tag", "tags", multiple=True, help="A tag (repeat for several).")
def new_command(
    title: str, content_dir: Path | None, config_path: Path | None, source: str, tags: tuple[str, ...]
) -> None:
    """Create a Markdown article named after TITLE, dated today (never overwrites)."""
    from .scaffold import new_article

    try:
        config = _load(config_path).config
        path = new_article(title, content_dir or config.resolve(config.content_dir), source=source, tags=tags)
    except BriefingError as exc:
        _fail(exc)
        return
    click.echo(path)


@main.command("init")
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.option("--title", default="Briefings", show_default=True, help="The new site's title.")
def init_command(directory: Path, title: str) -> None:
    """Create a new site in DIRECTORY: site.yaml, content/ with an example, templates/, CI workflow."""
    from .scaffold import init_site

    try:
        written = init_site(directory, title)
    except BriefingError as exc:
        _fail(exc)
        return
    for path in written:
        click.echo(path)
    err.print(f"next: cd {directory} && briefing serve", soft_wrap=True, highlight=False)


@main.command("serve")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="site.yaml to use.")
@click.option("--content", "content_dir", type=click.Path(path_type=Path), help="Folder of articles.")
@click.option(
    "--out", "out_dir", type=click.Path(path_type=Path), help="Output folder (site goes in OUT/site)."
)
@click.option(
    "-p", "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="0: any free port."
)
@click.option("--no-pdf", is_flag=True, help="Skip PDF rendering (faster rebuilds).")
def serve_command(
    config_path: Path | None, content_dir: Path | None, out_dir: Path | None, port: int, no_pdf: bool
) -> None:
    """Build, serve on 127.0.0.1, and rebuild and reload the browser when articles, templates or
    site.yaml change. A failed rebuild is shown in the browser and here; the server keeps running."""
    from .serve import Site, serve

    if config_path is None and Path("site.yaml").is_file():
        config_path = Path("site.yaml")
    root = (config_path.parent if config_path else Path.cwd()).resolve()
    try:
        config = load_config(config_path, root=root).config
        out = (out_dir or config.resolve(config.output_dir)).resolve()
    except BriefingError as exc:  # the first config is bad: serve the error until it is fixed
        config, out = None, (out_dir or root / "build").resolve()
        err.print(f"[bold red]error:[/] {exc}", soft_wrap=True)
    site = Site(
        config_path=config_path.resolve() if config_path else None,
        root=root,
        out_dir=out,
        content_override=content_dir.resolve() if content_dir else None,
        pdf=False if no_pdf else None,
        config=config,
    )
    try:
        serve(site, port, log=_log)
    except OSError as exc:
        err.print(f"[bold red]error:[/] cannot serve on port {port}: {exc.strerror}", soft_wrap=True)
        sys.exit(1)


def _log(line: str) -> None:
    """Serve's terminal output: plain lines on stderr, flushed (they are read live)."""
    err.print(line, soft_wrap=True, highlight=False, markup=False)
    err.file.flush()


class _progress:
    """A rich progress bar on stderr (hidden with --quiet or when stderr is not a terminal)."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and err.is_terminal
        self.bar = Progress(
            TextColumn("{task.description:>8}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
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
    if report.up_to_date:
        err.print("nothing changed: the previous site is up to date", soft_wrap=True)
    else:
        err.print(
            f"analysed {report.extracted} articles, rendered {report.pdfs_rendered} PDFs; "
            f"wrote {report.written} files, reused {report.reused} unchanged",
            soft_wrap=True,
        )
