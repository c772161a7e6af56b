"""Rendering as a reader meets it: a real site built from real articles, parsed back.

One build per session (three real articles, one hostile one, a template override) with PDFs; the
tests then parse the HTML with html.parser, validate the JSON with jsonschema and read the PDFs
back with pypdf. The URL fetcher is checked against a real loopback HTTP server.
"""

from __future__ import annotations

import http.server
import json
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pypdf
import pytest

from briefing.build import build
from briefing.config import load_config
from briefing.errors import BuildError
from briefing.model import Corpus
from briefing.relate import relate
from briefing.render.fetcher import RefusedURL, RestrictedFetcher
from briefing.render.html import render_html
from briefing.render.json_out import schema
from briefing.render.pdf import PdfJob, run_jobs, write_pdf

ARTICLES = Path(__file__).resolve().parents[1] / "content"  # the repository's own sample articles
REAL = [
    "dw-2017-03-23-allies-vow-to-destroy-is.txt",
    "us-state-department-terrorist-attacks-in-iraq.txt",
    "centcom-iraqis-hold-line-against-isil-dod-spokesman-says.txt",
]
DATED = "dw-2017-03-23-allies-vow-to-destroy-is"
HOSTILE_TEXT = """https://example.org/2017/03/24/hostile

Hostile headline <script>alert(1)</script>

March 24, 2017

The army said <script>alert(1)</script> fighters attacked the town of Mosul on Friday, killing 12 people.

Witnesses described the attack <img src=x onerror=alert(2)> in detail to reporters in Baghdad.
"""
OVERRIDE = """{% extends "default:base.html" %}
{% block footer %}{{ super() }}<p class="override-marker">Overridden footer</p>{% endblock %}
"""


@dataclass
class Page(HTMLParser):
    """The parts of an HTML page the tests look at."""

    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())

    def find(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    def links(self) -> list[str]:
        refs = [a.get("href") for a in self.find("a")] + [a.get("href") for a in self.find("link")]
        return [r for r in refs if r]


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build once: three real articles plus a hostile one, with a base.html override and PDFs."""
    root = tmp_path_factory.mktemp("render-site")
    content = root / "content"
    content.mkdir()
    for name in REAL:
        shutil.copy(ARTICLES / name, content / name)
    (content / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (root / "templates").mkdir()
    (root / "templates" / "base.html").write_text(OVERRIDE, encoding="utf-8")
    config = load_config(None, root=root).config
    report = build(config, content_dir=content, out_dir=root / "build")
    assert report.articles == 4, report.problems
    return report.site_dir


def test_index_lists_briefings_newest_first_with_date_source_and_summary(site: Path) -> None:
    page = parse(site / "index.html")
    data = json.loads((site / "briefings.json").read_text(encoding="utf-8"))
    text = page.all_text
    positions = [text.find(" ".join(b["title"].split())) for b in data]
    assert all(p >= 0 for p in positions), "every briefing title is on the index"
    assert positions == sorted(positions), "index order is the corpus order (newest first)"
    dated = next(b for b in data if b["slug"] == DATED)
    assert "23 March 2017" in text and dated["source"] in text
    assert " ".join(dated["summary"][0].split()) in text
    assert any(t.get("datetime") == "2017-03-23" for t in page.find("time")), "machine-readable date"


def test_pages_have_landmarks_language_and_ordered_headings(site: Path) -> None:
    for path in [site / "index.html", site / "briefings" / f"{DATED}.html"]:
        page = parse(path)
        assert page.find("html")[0]["lang"] == "en"
        for landmark in ("header", "nav", "main", "footer"):
            assert page.find(landmark), f"{path.name} lacks <{landmark}>"
        assert page.headings[0] == 1 and page.headings.count(1) == 1
        assert all(b - a <= 1 for a, b in zip(page.headings, page.headings[1:], strict=False))


def test_briefing_page_shows_analysis_with_evidence_and_downloads(site: Path) -> None:
    data = json.loads((site / "briefings" / f"{DATED}.json").read_text(encoding="utf-8"))
    page = parse(site / "briefings" / f"{DATED}.html")
    text = page.all_text
    assert " ".join(data["title"].split()) in text
    assert all(" ".join(s.split()) in text for s in data["summary"])
    assert data["actors"], "the DW article names actors"
    assert all(a["name"] in text for a in data["actors"])
    evidence = {" ".join(e["sentence"].split()) for a in data["actors"] for e in a["evidence"]}
    assert evidence and all(sentence in text for sentence in evidence)
    assert len(page.find("details")) >= len(data["actors"])
    assert " ".join(data["body"][0].split()) in text
    links = page.links()
    assert f"../pdf/{DATED}.pdf" in links and f"{DATED}.json" in [Path(x).name for x in links]
    for related in data["related"]:
        assert f"{related['slug']}.html" in links


def test_all_relative_links_resolve_to_files(site: Path) -> None:
    pages = [site / "index.html", *sorted((site / "briefings").glob("*.html"))]
    checked = 0
    for path in pages:
        page = parse(path)
        ids = {attrs.get("id") for _, attrs in page.tags}
        for href in page.links():
            parts = urlsplit(href)
            if href.startswith("#"):
                assert href[1:] in ids, f"{path.name}: {href}"
                continue
            if parts.scheme:
                assert parts.scheme in ("http", "https"), f"{path.name}: {href}"
                continue
            assert not href.startswith("/"), f"{path.name}: absolute path {href}"
            target = (path.parent / unquote(parts.path)).resolve()
            assert target.is_file(), f"{path.name}: {href} -> {target}"
            checked += 1
    assert checked > 10


def test_json_output_is_valid_against_the_schema(site: Path) -> None:
    validator = jsonschema.Draft202012Validator(schema())
    for item in json.loads((site / "briefings.json").read_text(encoding="utf-8")):
        validator.validate(item)


def test_template_override_extending_the_default_takes_effect(site: Path) -> None:
    for path in [site / "index.html", site / "briefings" / f"{DATED}.html"]:
        page = parse(path)
        assert any(attrs.get("class") == "override-marker" for attrs in page.find("p")), path.name
        assert page.find("main"), "the rest of default:base.html is kept"


def test_hostile_article_text_is_escaped_never_markup(site: Path) -> None:
    hostile = site / "briefings" / "hostile.html"
    raw = hostile.read_text(encoding="utf-8") + (site / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in raw and "<img src=x" not in raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    page = parse(hostile)
    assert not page.find("script")
    assert all(attrs.get("src") != "x" for attrs in page.find("img"))
    assert "<script>alert(1)</script>" in page.all_text, "the text itself is shown, escaped"


def pdf_text(path: Path) -> tuple[pypdf.PdfReader, list[str]]:
    reader = pypdf.PdfReader(path)
    return reader, [" ".join((p.extract_text() or "").split()) for p in reader.pages]


def test_briefing_pdf_has_title_text_metadata_and_page_numbers(site: Path) -> None:
    data = json.loads((site / "briefings" / f"{DATED}.json").read_text(encoding="utf-8"))
    reader, pages = pdf_text(site / "pdf" / f"{DATED}.pdf")
    assert data["title"] in pages[0]
    assert reader.metadata.title == data["title"]
    assert reader.metadata.creation_date.date().isoformat() == data["date"]
    assert all(f"Page {n} of {len(pages)}" in pages[n - 1] for n in range(1, len(pages) + 1))


def test_briefing_pdf_prints_the_evidence_of_each_figure_and_incident(site: Path) -> None:
    data = json.loads((site / "briefings" / f"{DATED}.json").read_text(encoding="utf-8"))
    _, pages = pdf_text(site / "pdf" / f"{DATED}.pdf")
    text = " ".join(pages)
    cited = [f["evidence"] for f in data["figures"]] + [
        e for i in data["incidents"] for e in i["evidence"][:2]
    ]
    sentences = list(dict.fromkeys(" ".join(e["sentence"].split()) for e in cited if e))
    assert sentences, "the sample briefing has figures and incidents with evidence"
    for number, sentence in enumerate(sentences, 1):
        assert f"{number}. {sentence}" in text, sentence


def test_digest_pdf_has_cover_contents_with_page_numbers_and_one_briefing_per_page(site: Path) -> None:
    digests = sorted((site / "pdf").glob("digest-*.pdf"))
    assert site / "pdf" / "digest-2017-W12.pdf" in digests
    reader, pages = pdf_text(site / "pdf" / "digest-2017-W12.pdf")
    assert "Week 12" in reader.metadata.title
    assert "Briefing digest" in pages[0] and "2 briefings" in pages[0], pages[0]
    assert "Page" not in pages[0], "no running footer on the cover"
    assert "TOP ACTORS" in pages[0].upper() and "INCIDENTS BY TYPE" in pages[0].upper(), pages[0]
    assert "killed" in pages[0] and "Mar" in pages[0], "casualties and the timeline axis"
    assert "Islamic State" in pages[0], "the period's top actor is on the cover"
    toc = pages[1]
    assert "Contents" in toc
    titles = ["Allies vow to destroy 'IS'", "Hostile headline"]
    for title in titles:
        assert title in toc
        start = next(i for i, text in enumerate(pages[2:], 3) if text.find(title) >= 0)
        # The TOC ends each entry with the page its briefing starts on (target-counter).
        entry = toc[toc.index(title) :]
        assert f" {start} " in entry[: entry.find(title) + 400] + " "
    assert all(f"Page {n} of {len(pages)}" in pages[n - 1] for n in range(2, len(pages) + 1))


def test_digest_shows_each_briefing_pdf_page_with_its_links_and_a_bookmark(site: Path) -> None:
    """The digest's briefing pages are the briefing PDFs' own pages, under the digest's footer."""
    digest, digest_pages = pdf_text(site / "pdf" / "digest-2017-W12.pdf")
    bookmarks = {item.title: digest.get_destination_page_number(item) for item in digest.outline}
    data = json.loads((site / "briefings.json").read_text(encoding="utf-8"))
    members = [b for b in data if b["title"] in bookmarks]
    assert len(members) == len(bookmarks) == 2 and DATED in {b["slug"] for b in members}
    covered = 0
    for briefing in members:
        own, own_pages = pdf_text(site / "pdf" / f"{briefing['slug']}.pdf")
        first = bookmarks[briefing["title"]]
        for n, text in enumerate(own_pages):
            body = text.replace(f"Page {n + 1} of {len(own_pages)}", "").strip()
            assert body and body in digest_pages[first + n], (briefing["slug"], n)
            links = {a.get_object()["/A"]["/URI"] for a in own.pages[n].get("/Annots", [])}
            carried = {a.get_object()["/A"]["/URI"] for a in digest.pages[first + n].get("/Annots", [])}
            assert links <= carried
            covered += 1
    assert covered == len(digest_pages) - 2, "cover, contents, then only briefing pages"
    linked = [b for b in members if b["url"]]
    assert linked, "a briefing of the week links its original article"
    for briefing in linked:
        page = digest.pages[bookmarks[briefing["title"]]]
        assert briefing["url"] in {a.get_object()["/A"]["/URI"] for a in page.get("/Annots", [])}


def test_pdfs_are_linked_from_the_index_and_exist(site: Path) -> None:
    links = parse(site / "index.html").links()
    pdfs = [link for link in links if link.endswith(".pdf")]
    assert "pdf/digest-2017-W12.pdf" in pdfs
    assert all((site / link).is_file() for link in pdfs)
    assert len({p.name for p in (site / "pdf").glob("*.pdf")}) == len(set(pdfs))


def test_pdf_output_is_deterministic(site: Path, tmp_path: Path) -> None:
    html = (
        '<html lang="en"><head><title>Same</title><meta name="dcterms.created" content="2017-03-23">'
        '<link rel="stylesheet" href="static/pdf.css"></head><body><h1 class="briefing-title">Same</h1>'
        "</body></html>"
    )
    base = site.resolve().as_uri() + "/"
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    run_jobs([PdfJob(html, str(first), base, (str(site),)), PdfJob(html, str(second), base, (str(site),))])
    assert first.read_bytes() == second.read_bytes()


def test_pdf_bytes_do_not_depend_on_what_the_worker_rendered_before(site: Path, tmp_path: Path) -> None:
    """Workers keep parsed stylesheets, fonts and sheets between jobs: none of it may leak into
    the output. A PDF rendered after others equals the same PDF from a fresh interpreter."""
    base = site.resolve().as_uri() + "/"

    def job(name: str, title: str, paragraphs: int) -> PdfJob:
        body = "".join(
            f"<p>{title} paragraph {n}: 0123456789 quick brown fox.</p>" for n in range(paragraphs)
        )
        html = (
            f'<html lang="en"><head><title>{title}</title></head><body class="single">'
            f'<p class="kicker">Desk · Briefing</p><h1 class="briefing-title">{title}</h1>'
            f'<div class="article-text">{body}</div></body></html>'
        )
        return PdfJob(html, str(tmp_path / name), base, (str(site),), (base + "static/pdf.css",))

    fresh = job("fresh.pdf", "Alpha", 90)
    code = (
        "import sys; from briefing.render.pdf import PdfJob, write_pdf; write_pdf(PdfJob(*eval(sys.argv[1])))"
    )
    args = repr((fresh.html, fresh.target, fresh.base_url, fresh.roots, fresh.stylesheets))
    subprocess.run([sys.executable, "-c", code, args], check=True)
    write_pdf(job("other.pdf", "Zulu Xylophone", 200))  # other glyphs, another page count
    assert write_pdf(job("after.pdf", "Alpha", 90)) > 1
    write_pdf(job("again.pdf", "Alpha", 90))  # its sheets are cached now
    expected = Path(fresh.target).read_bytes()
    assert (tmp_path / "after.pdf").read_bytes() == expected
    assert (tmp_path / "again.pdf").read_bytes() == expected


class Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []  # noqa: RUF012 - shared by the handler instances on purpose

    def do_GET(self) -> None:
        Recorder.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"body { color: red }")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def loopback() -> Iterator[str]:
    Recorder.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetcher_serves_the_site_and_refuses_everything_else(site: Path, loopback: str) -> None:
    fetcher = RestrictedFetcher([site])
    assert b"@page" in fetcher.fetch((site / "static" / "pdf.css").resolve().as_uri()).read()
    outside = site.parent / "outside.css"
    outside.write_text("body {}", encoding="utf-8")
    escape = (site / "static" / ".." / ".." / "outside.css").as_uri()
    for url in ["file:///etc/passwd", f"{loopback}/probe.css", outside.as_uri(), escape, "ftp://127.0.0.1/x"]:
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)
    assert Recorder.hits == []


def test_pdf_render_of_hostile_references_makes_no_request_and_reads_no_file(
    site: Path, loopback: str, tmp_path: Path
) -> None:
    html = (
        f'<html><head><title>Probe</title><link rel="stylesheet" href="{loopback}/style.css">'
        '<link rel="attachment" href="file:///etc/passwd"></head>'
        f'<body><p>Probe</p><img src="{loopback}/img.png"><img src="file:///etc/hostname"></body></html>'
    )
    target = tmp_path / "probe.pdf"
    write_pdf(PdfJob(html, str(target), site.resolve().as_uri() + "/", (str(site),)))
    assert Recorder.hits == []
    reader = pypdf.PdfReader(target)
    assert "Probe" in reader.pages[0].extract_text()
    assert not reader.attachments, "file:///etc/passwd was not embedded"


def test_broken_override_is_a_located_build_error(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "index.html").write_text(
        "{% extends 'default:base.html' %}\n{% block x %}", "utf-8"
    )
    config = load_config(None, root=tmp_path).config
    with pytest.raises(BuildError) as caught:
        render_html(relate([]), config, tmp_path / "site")
    assert "index.html" in str(caught.value) and ":2:" in str(caught.value)


def test_digest_template_that_drops_the_sheets_is_a_build_error(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    shutil.copy(ARTICLES / REAL[0], tmp_path / "content" / REAL[0])
    (tmp_path / "templates" / "pdf").mkdir(parents=True)
    (tmp_path / "templates" / "pdf" / "digest.html").write_text(
        '{% extends "default:pdf/digest.html" %}{% block content %}<p>No slots.</p>{% endblock %}',
        encoding="utf-8",
    )
    config = load_config(None, root=tmp_path).config
    with pytest.raises(BuildError, match=r"pdf/digest\.html: each sheet"):
        build(config, content_dir=tmp_path / "content", out_dir=tmp_path / "build")


def test_empty_corpus_renders_an_index_and_no_pdfs(tmp_path: Path) -> None:
    config = load_config(None, root=tmp_path).config
    pages = render_html(Corpus(briefings=[]), config, tmp_path / "site")
    assert [p.name for p in pages] == ["index.html"]
    assert "No briefings yet" in parse(pages[0]).all_text
    assert (tmp_path / "site" / "feed.xml").is_file() and (tmp_path / "site" / "search-index.js").is_file()


def test_briefing_page_links_actors_and_incidents_to_their_pages(site: Path) -> None:
    data = json.loads((site / "briefings" / f"{DATED}.json").read_text(encoding="utf-8"))
    links = parse(site / "briefings" / f"{DATED}.html").links()
    for actor in data["actors"]:
        assert f"../actors/{actor['key']}.html" in links, actor["name"]
        assert (site / "actors" / f"{actor['key']}.html").is_file()
    for incident in data["incidents"]:
        assert f"../incidents/{incident['key']}.html" in links
    actor_page = parse(site / "actors" / "rex-tillerson.html")
    assert "Rex Tillerson" in actor_page.all_text and "Tillerson" in actor_page.all_text
    assert f"../briefings/{DATED}.html" in actor_page.links()


def test_incident_index_has_an_accessible_timeline_svg(site: Path) -> None:
    raw = (site / "incidents" / "index.html").read_text(encoding="utf-8")
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="timeline"' in raw and 'role="img"' in raw
    assert "<title id=" in raw and "<desc id=" in raw and "<circle" in raw
    assert "<script" not in raw
