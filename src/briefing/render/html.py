"""HTML pages: the briefing index, one page per briefing, actor and incident pages and their
indexes, source/month/tag archives and the search page; then feeds and the search index.

Every link is relative (templates get `root`, the way back to the site folder), so the site works
opened straight from disk as well as served from any sub-path; `base_url` only adds canonical
URLs, Open Graph URLs and the absolute links feeds and sitemaps need. Article data reaches the
templates as model objects and is escaped by Jinja's autoescape; nothing here marks it safe except
the timeline SVG, which escapes its own text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from ..config import SiteConfig
from ..model import Briefing, Corpus
from ..relate import slugify
from .output import Output
from .pages import PageDeps, Tracker
from .templates import copy_static, make_environment, override_dir
from .timeline import timeline_svg

INDEX = "index.html"
BRIEFING_DIR = "briefings"
PDF_DIR = "pdf"
ACTOR_DIR = "actors"
INCIDENT_DIR = "incidents"
SOURCE_DIR = "sources"
TAG_DIR = "tags"
ARCHIVE_DIR = "archive"
SEARCH = "search.html"


def briefing_path(slug: str) -> str:
    """Site-relative path of a briefing's page."""
    return f"{BRIEFING_DIR}/{slug}.html"


def briefing_pdf_path(slug: str) -> str:
    return f"{PDF_DIR}/{slug}.pdf"


def digest_pdf_path(period_key: str) -> str:
    return f"{PDF_DIR}/digest-{period_key}.pdf"


def actor_path(key: str) -> str:
    return f"{ACTOR_DIR}/{key}.html"


def incident_path(key: str) -> str:
    return f"{INCIDENT_DIR}/{key}.html"


def source_path(source: str) -> str:
    return f"{SOURCE_DIR}/{slugify(source, 'source')}.html"


def tag_path(tag: str) -> str:
    return f"{TAG_DIR}/{slugify(tag, 'tag')}.html"


def month_key(briefing: Briefing) -> str:
    return briefing.date.strftime("%Y-%m") if briefing.date else "undated"


def month_path(key: str) -> str:
    return f"{ARCHIVE_DIR}/{key}.html"


@dataclass(frozen=True)
class Pager:
    """One page of a paginated list: its items and the site-relative paths of all its pages."""

    number: int  # 1-based
    items: Sequence[Any]
    paths: tuple[str, ...]
    total: int  # items in the whole list
    per_page: int

    @property
    def path(self) -> str:
        return self.paths[self.number - 1]

    @property
    def prev(self) -> str | None:
        return self.paths[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.paths[self.number] if self.number < len(self.paths) else None

    @property
    def offset(self) -> int:
        """Number of items on the pages before this one (for `<ol start>`)."""
        return (self.number - 1) * self.per_page


def paginate(items: Sequence[Any], per_page: int, first: str) -> list[Pager]:
    """Split a list into pages: `first` ("actors/index.html"), then "actors/page-2.html"...
    for an index, or "sources/bbc-2.html"... for any other page. Always at least one page."""
    size = per_page if per_page > 0 else max(len(items), 1)
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]
    stem = first.removesuffix(".html")
    if stem.endswith("index"):
        later = [f"{stem.removesuffix('index')}page-{n}.html" for n in range(2, len(chunks) + 1)]
    else:
        later = [f"{stem}-{n}.html" for n in range(2, len(chunks) + 1)]
    paths = (first, *later)
    return [Pager(n, chunk, paths, len(items), size) for n, chunk in enumerate(chunks, 1)]


@dataclass
class Site:
    """What the writers share: the environment, the output folder and the pages written so far.

    Every page goes through `write`, which reuses the previous build's file when the reads its
    templates made last time still give the same values (see render.pages), and otherwise renders
    it and records its reads."""

    env: jinja2.Environment
    corpus: Corpus
    config: SiteConfig
    site_dir: Path
    out: Output
    tracker: Tracker
    pages: list[str] = field(default_factory=list)  # site-relative paths, in writing order

    def write(self, template: str, path: str, **context: Any) -> Path:
        """One page at site-relative `path`, with `root` leading back to the site folder."""
        context = {"root": "../" * path.count("/"), "path": path, **context}
        key = self.tracker.reuse_key(template, path, context)
        if key is not None and self.out.reuse(path, key):
            self.tracker.reuse(path)
        else:
            html, key = self.tracker.render(self.env, template, path, context)
            self.out.write_text(path, html, key=key)
        self.pages.append(path)
        return self.out.site_dir / path

    def write_list(self, template: str, items: Sequence[Any], first: str, **context: Any) -> list[Path]:
        return [
            self.write(template, pager.path, pager=pager, items=pager.items, **context)
            for pager in paginate(items, self.config.per_page, first)
        ]


def render_html(
    corpus: Corpus,
    config: SiteConfig,
    site_dir: Path,
    *,
    pdf: bool | None = None,
    output: Output | None = None,
    tracker: Tracker | None = None,
    bytecode_dir: Path | None = None,
) -> list[Path]:
    """Write every HTML page, static files, feeds, robots.txt, sitemap and search index; return
    the HTML pages written (index first).

    `pdf` says whether PDFs will be rendered (default: `config.pdf.enabled`), so pages only link
    PDFs that exist. `output` decides whether a page is written or the previous build's identical
    file is linked (default: write everything); `tracker` keys pages by their reads (see
    `page_tracker`; default: one without the previous build's reads, so every page is rendered);
    `bytecode_dir` keeps compiled templates between builds.
    """
    from .feeds import write_feeds
    from .search import write_search_index

    with_pdf = config.pdf.enabled if pdf is None else pdf
    out = output or Output(site_dir)
    env = make_environment(config, bytecode_dir)
    tracker = tracker or page_tracker(corpus, config, with_pdf)
    env.globals.update(site_globals(corpus, with_pdf))  # the tracked ones are proxied just below
    tracker.install(env, tracker.proxied_globals())
    site = Site(env, corpus, config, site_dir, out, tracker)
    copy_static(config, site_dir)
    pages = site.write_list(
        "index.html", corpus.briefings, INDEX, briefings=corpus.briefings, periods=corpus.periods
    )
    if corpus.briefings:
        pages += write_briefings(site)
        pages += write_actors(site)
        pages += write_incidents(site)
        pages += write_archives(site)
        pages.append(site.write("search.html", SEARCH))
    write_search_index(corpus, site_dir, out)
    write_feeds(site.env, corpus, config, site_dir, site.pages, out)
    return pages


def page_tracker(
    corpus: Corpus,
    config: SiteConfig,
    with_pdf: bool,
    page_deps: PageDeps | None = None,
    versions: dict[str, str] | None = None,
) -> Tracker:
    """The tracker that keys this build's pages (HTML and the PDFs' HTML) by their reads:
    `page_deps` holds the reads behind the previous build's pages and receives this build's
    (default: none); `versions` (slug -> a key of the briefing's content) lets it skip
    re-reading unchanged briefings."""
    data = site_globals(corpus, with_pdf)
    return Tracker(corpus, data, environment_key(config, with_pdf), page_deps or PageDeps(None), versions)


def environment_key(config: SiteConfig, with_pdf: bool, templates: Mapping[str, str] | None = None) -> str:
    """What every page depends on besides its data: briefing's code and theme (the built-in
    templates, filters and helpers), the override folder, the whole config, PDFs on or off, and
    Jinja's version. With `templates` (the source of every template the pages can load, by name:
    `templates.template_sources`), those stand for the override folder."""
    from ..cache import code_fingerprint, tree_fingerprint

    payload = {
        "code": code_fingerprint(),
        "overrides": tree_fingerprint(override_dir(config)) if templates is None else dict(templates),
        "config": dataclasses.asdict(config),
        "pdf": with_pdf,
        "jinja": jinja2.__version__,
    }
    blob = json.dumps(payload, sort_keys=True, default=str, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def site_globals(corpus: Corpus, with_pdf: bool) -> dict[str, Any]:
    """Path helpers and lookups every template may use."""
    return {
        "corpus": corpus,
        "with_pdf": with_pdf,
        "briefing_path": briefing_path,
        "briefing_pdf_path": briefing_pdf_path,
        "digest_pdf_path": digest_pdf_path,
        "actor_path": actor_path,
        "incident_path": incident_path,
        "source_path": source_path,
        "tag_path": tag_path,
        "month_path": month_path,
        "month_key": month_key,
        "actor_by_key": {a.key: a for a in corpus.actors},
        "incident_by_key": {i.key: i for i in corpus.incidents},
        "briefing_by_slug": {b.slug: b for b in corpus.briefings},
        "timeline_svg": timeline_svg,
        "report_dates": {b.slug: b.date for b in corpus.briefings},
        "month_label": month_label,
    }


def month_label(key: str) -> str:
    """ "2017-03" -> "March 2017"."""
    if key == "undated":
        return "Undated"
    year, month = key.split("-")
    return dt.date(int(year), int(month), 1).strftime("%B %Y")


def write_briefings(site: Site) -> list[Path]:
    titles = {b.slug: b.title for b in site.corpus.briefings}
    return [write_briefing(site, briefing, titles) for briefing in site.corpus.briefings]


def write_briefing(site: Site, briefing: Briefing, titles: dict[str, str]) -> Path:
    """One briefing's page; `titles` lets the related list skip slugs that have no page."""
    related = [r for r in briefing.related if r.slug in titles]
    return site.write("briefing.html", briefing_path(briefing.slug), briefing=briefing, related=related)


def write_actors(site: Site) -> list[Path]:
    """actors/index.html (paginated, most widely reported first) and actors/<key>.html."""
    actors = site.corpus.actors
    pages = site.write_list("actors.html", actors, f"{ACTOR_DIR}/index.html")
    for actor in actors:
        pages.append(site.write("actor.html", actor_path(actor.key), actor=actor))
    return pages


def write_incidents(site: Site) -> list[Path]:
    """incidents/index.html (timeline, then the list, newest first) and incidents/<key>.html."""
    incidents = site.corpus.incidents
    pages = site.write_list("incidents.html", incidents, f"{INCIDENT_DIR}/index.html")
    for incident in incidents:
        pages.append(site.write("incident.html", incident_path(incident.key), incident=incident))
    return pages


def group_archives(briefings: Sequence[Briefing]) -> dict[str, dict[str, tuple[str, list[Briefing]]]]:
    """{"sources"|"months"|"tags": {path: (label, briefings newest first)}}, paths sorted."""
    groups: dict[str, dict[str, tuple[str, list[Briefing]]]] = {"sources": {}, "months": {}, "tags": {}}
    members: set[tuple[str, str, int]] = set()  # (kind, path, id): dataclass == compares deeply, slowly
    for briefing in briefings:
        keys = [("months", month_path(month_key(briefing)), month_label(month_key(briefing)))]
        if briefing.source:
            keys.append(("sources", source_path(briefing.source), briefing.source))
        keys += [("tags", tag_path(tag), tag) for tag in dict.fromkeys(briefing.tags) if tag.strip()]
        for kind, path, label in keys:
            entry = groups[kind].setdefault(path, (label, []))
            if (kind, path, id(briefing)) not in members:
                members.add((kind, path, id(briefing)))
                entry[1].append(briefing)
    undated = month_path("undated")
    months = sorted((k for k in groups["months"] if k != undated), reverse=True)
    groups["months"] = {k: groups["months"][k] for k in [*months, undated] if k in groups["months"]}
    for kind in ("sources", "tags"):
        groups[kind] = dict(sorted(groups[kind].items(), key=lambda kv: (kv[1][0].casefold(), kv[0])))
    return groups


def write_archives(site: Site) -> list[Path]:
    """archive/index.html, archive/<yyyy-mm>.html, sources/<slug>.html and tags/<slug>.html."""
    groups = group_archives(site.corpus.briefings)
    pages = [site.write("archives.html", f"{ARCHIVE_DIR}/index.html", groups=groups)]
    headings = {"months": "Briefings from {}", "sources": "Briefings from {}", "tags": "Briefings tagged {}"}
    for kind, entries in groups.items():
        for path, (label, briefings) in entries.items():
            heading = (
                headings[kind].format(label)
                if kind != "months" or label != "Undated"
                else "Undated briefings"
            )
            pages += site.write_list("archive.html", briefings, path, heading=heading, kind=kind)
    return pages
