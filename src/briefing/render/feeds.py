"""Discovery files: Atom (feed.xml), RSS 2.0 (rss.xml), sitemap.xml and robots.txt.

Feeds and sitemaps need absolute URLs, which only `base_url` can give; without it the feeds use
site-relative links (readers resolve them against the feed's own URL) and no sitemap is written,
since the sitemap protocol requires absolute locations. Nothing here reads the clock: the feed's
"updated" time is the newest briefing's date, so the same input gives byte-identical files.
"""

from __future__ import annotations

import datetime as dt
from email.utils import format_datetime
from pathlib import Path

import jinja2

from ..config import SiteConfig
from ..model import Briefing, Corpus
from .html import briefing_path
from .output import Output
from .templates import render, safe_url

ATOM = "feed.xml"
RSS = "rss.xml"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
#: The "updated" time of a feed whose briefings have no date at all (fixed, never "now").
EPOCH = dt.date(1970, 1, 1)


def absolute(config: SiteConfig, path: str) -> str:
    """`base_url` + path when base_url is an http(s) URL, else the site-relative path."""
    base = safe_url(config.base_url)
    return base.rstrip("/") + "/" + path.lstrip("/") if base else path


def newest(briefings: list[Briefing]) -> dt.date:
    dates = [b.date for b in briefings if b.date]
    return max(dates) if dates else EPOCH


def atom_time(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def rss_time(day: dt.date) -> str:
    return format_datetime(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC))


def write_feeds(
    env: jinja2.Environment,
    corpus: Corpus,
    config: SiteConfig,
    site_dir: Path,
    pages: list[str],
    output: Output | None = None,
) -> list[Path]:
    """Write feed.xml, rss.xml, robots.txt and (with a base_url) sitemap.xml."""
    out = output or Output(site_dir)
    items = corpus.briefings[: max(config.feed_items, 0)]
    updated = newest(corpus.briefings)
    context = {
        "items": items,
        "updated": updated,
        "url": lambda path: absolute(config, path),
        "atom_time": atom_time,
        "rss_time": rss_time,
        "briefing_path": briefing_path,
    }
    written = []
    for name in (ATOM, RSS):
        written.append(out.write_text(name, render(env, name, **context)))
    if safe_url(config.base_url):
        dates = {briefing_path(b.slug): b.date for b in corpus.briefings}
        urls = [(absolute(config, p), dates.get(p)) for p in sorted(set(pages))]
        written.append(out.write_text(SITEMAP, render(env, SITEMAP, urls=urls)))
    return [*written, out.write_text(ROBOTS, robots_txt(config))]


def robots_txt(config: SiteConfig) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if safe_url(config.base_url):
        lines.append(f"Sitemap: {absolute(config, SITEMAP)}")
    return "\n".join(lines) + "\n"
