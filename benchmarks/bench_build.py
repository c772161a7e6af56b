#!/usr/bin/env python3
"""Build-speed benchmark: briefing on a corpus of N real articles, against Pelican, in one run.

    .venv/bin/python benchmarks/bench_build.py [--articles 1000] [--no-pelican] [--no-pdf-runs]

The corpus is the sample content/ repeated with varied titles and dates (real article text), written
as Markdown with YAML front matter for briefing and with Pelican's metadata header for Pelican.
Scenarios, each timed as a separate `briefing build` process: cold (empty output and cache), warm
(nothing changed), one article changed, template changed; with and without PDFs. Peak memory is
the largest resident set of the build process or any worker it waited for. Pelican (HTML only) is
installed into a throwaway venv and builds the same articles; briefing's times are reported as
ratios to it. Prints a Markdown table (paste it into benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BRIEFING = [sys.executable, "-m", "briefing"]


def sample_articles() -> list[tuple[str, str]]:
    """(title, body) of each sample article, read through briefing's own ingest."""
    from briefing.ingest import discover, read_article

    content = REPO / "content"
    out = []
    for path in discover(content):
        article = read_article(path, content)
        out.append((article.title, "\n\n".join(article.paragraphs)))
    return out


def make_corpus(root: Path, count: int) -> tuple[Path, Path]:
    """Write the same N articles for briefing (YAML front matter) and for Pelican (its header)."""
    samples = sample_articles()
    ours, theirs = root / "briefing-content", root / "pelican-content"
    ours.mkdir(parents=True)
    theirs.mkdir(parents=True)
    start = dt.date(2016, 1, 1)
    for i in range(count):
        title, body = samples[i % len(samples)]
        title = f"{title} ({i + 1})"
        date = start + dt.timedelta(days=i % 700)
        name = f"article-{i:05d}.md"
        (ours / name).write_text(
            f'---\ntitle: "{title}"\ndate: {date.isoformat()}\nsource: Sample\n---\n\n{body}\n',
            encoding="utf-8",
        )
        (theirs / name).write_text(f"Title: {title}\nDate: {date.isoformat()}\n\n{body}\n", encoding="utf-8")
    return ours, theirs


def timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one command, measured with wait4 on its own process.

    wait4 reports the largest resident set of the process and of every descendant it waited for
    (its worker processes), for this command only; getrusage(RUSAGE_CHILDREN) would carry the
    largest of all earlier commands into every later row."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode() if proc.stderr else ''}")
    return seconds, usage.ru_maxrss / 1024


def briefing_scenarios(content: Path, work: Path, pdf: bool) -> dict[str, tuple[float, float]]:
    site = work / ("site-pdf" if pdf else "site-html")
    shutil.rmtree(site, ignore_errors=True)
    templates = work / "templates"
    templates.mkdir(exist_ok=True)
    (work / "site.yaml").write_text(f"title: Bench\ntemplates_dir: {templates}\n", encoding="utf-8")
    cmd = [
        *BRIEFING,
        "build",
        "--config",
        str(work / "site.yaml"),
        "--content",
        str(content),
        "--out",
        str(site),
        "-q",
    ]
    if not pdf:
        cmd.append("--no-pdf")
    results = {"cold": timed(cmd, work), "warm, no change": timed(cmd, work)}
    changed = sorted(content.glob("*.md"))[0]
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nA new closing sentence was added.\n", encoding="utf-8"
    )
    results["one article changed"] = timed(cmd, work)
    (templates / "base.html").write_text(
        '{% extends "default:base.html" %}{% block footer %}changed{{ super() }}{% endblock %}',
        encoding="utf-8",
    )
    results["template changed"] = timed(cmd, work)
    (templates / "base.html").unlink()
    return results


def pelican_time(content: Path, work: Path) -> float | None:
    venv = work / "pelican-venv"
    if not (venv / "bin" / "pelican").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", "pelican==4.12.0", "markdown"],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    out = work / "pelican-output"
    settings = work / "pelicanconf.py"
    settings.write_text("SITENAME = 'Bench'\nTIMEZONE = 'UTC'\nDEFAULT_LANG = 'en'\n", encoding="utf-8")
    cmd = [str(venv / "bin" / "pelican"), str(content), "-o", str(out), "-s", str(settings), "-q"]
    seconds, _ = timed(cmd, work)
    return seconds


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = match.group(1).strip() if match else cpu
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--no-pelican", action="store_true")
    parser.add_argument("--no-pdf-runs", action="store_true", help="skip the scenarios with PDFs")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    ours, theirs = make_corpus(work, args.articles)
    pelican = None if args.no_pelican else pelican_time(theirs, work)
    rows: list[tuple[str, str, float, float]] = []
    for pdf in [False] if args.no_pdf_runs else [False, True]:
        corpus = work / f"content-{'pdf' if pdf else 'html'}"
        shutil.copytree(ours, corpus)
        for name, (seconds, rss) in briefing_scenarios(corpus, work, pdf).items():
            rows.append((name, "yes" if pdf else "no", seconds, rss))

    print(f"Machine: {machine()}; {args.articles} articles; {dt.date.today().isoformat()}\n")
    print("| scenario | PDFs | seconds | peak RSS (MiB) | vs Pelican (HTML) |")
    print("| --- | --- | ---: | ---: | ---: |")
    for name, pdfs, seconds, rss in rows:
        ratio = f"{seconds / pelican:.2f}x" if pelican else "-"
        print(f"| {name} | {pdfs} | {seconds:.1f} | {rss:.0f} | {ratio} |")
    if pelican:
        print(f"| Pelican 4.12 build (baseline) | no | {pelican:.1f} | - | 1.00x |")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
