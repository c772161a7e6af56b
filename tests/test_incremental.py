"""Incremental builds: a rebuild touches only the outputs whose inputs changed, and its result is
byte-identical to a clean build of the same input.

"Touched" is observed on disk (a reused file is a hard link to the previous build's file, so its
inode is unchanged; a rewritten file has a new inode) and in the build report's counters. No test
here measures time: speed is the benchmark script's job.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pypdf
import pytest

from briefing.build import BuildReport, build
from briefing.config import load_config
from briefing.model import Actor, Briefing, Evidence, Figure, Incident, Related
from briefing.render.json_out import briefing_dict, dumps
from briefing.render.output import Manifest, Output
from briefing.render.pages import PageDeps

ARTICLES = [
    "dw-2017-03-23-allies-vow-to-destroy-is.txt",
    "centcom-death-of-abu-jandal-al-kuwaiti.md",
    "centcom-sdf-initiate-next-phase-of-raqqah-isolation.html",
]


@pytest.fixture
def project(tmp_path: Path, repo_root: Path) -> Path:
    """A small site: three articles of different formats, an (empty) template override folder."""
    content = tmp_path / "content"
    content.mkdir()
    for name in ARTICLES:
        shutil.copy2(repo_root / "content" / name, content / name)
    (tmp_path / "templates").mkdir()
    (tmp_path / "site.yaml").write_text(
        "title: Incremental\nbase_url: https://example.org/\ntemplates_dir: templates\n", encoding="utf-8"
    )
    return tmp_path


def run_build(project: Path, out: str = "out", *, use_cache: bool = True, pdf: bool = True) -> BuildReport:
    config = load_config(project / "site.yaml").config
    return build(config, content_dir=project / "content", out_dir=project / out, pdf=pdf, use_cache=use_cache)


def inodes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*") if p.is_file()}


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def changed(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {name for name in after if before.get(name) != after[name]}


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(path).pages)


def assert_same_as_clean_build(project: Path, report: BuildReport, *, pdf: bool = True) -> None:
    """The incremental site equals a build from scratch (no caches, fresh folder), byte for byte."""
    clean = run_build(project, "clean", use_cache=False, pdf=pdf)
    assert files(report.site_dir) == files(clean.site_dir)
    shutil.rmtree(project / "clean")


def test_rebuild_with_nothing_changed_rewrites_nothing(project: Path) -> None:
    first = run_build(project)
    assert first.pdfs_rendered == first.pdfs > 0
    before = inodes(first.site_dir)

    second = run_build(project)
    assert second.up_to_date
    assert (second.extracted, second.written, second.pdfs_rendered) == (0, 0, 0)
    assert (second.articles, second.pages, second.pdfs) == (first.articles, first.pages, first.pdfs)
    assert inodes(second.site_dir) == before


def test_changed_article_rerenders_only_its_pdf_and_its_digest(project: Path) -> None:
    first = run_build(project)
    before = inodes(first.site_dir)
    article = project / "content" / ARTICLES[0]
    article.write_text(article.read_text(encoding="utf-8") + "\n\nA closing sentence was added.\n")

    second = run_build(project)
    assert second.extracted == 1
    assert second.reused > 0
    pdfs = {name for name in changed(before, inodes(second.site_dir)) if name.endswith(".pdf")}
    assert second.pdfs_rendered == len(pdfs) == 2
    slug = "dw-2017-03-23-allies-vow-to-destroy-is"
    assert f"pdf/{slug}.pdf" in pdfs
    assert any(name.startswith("pdf/digest-") for name in pdfs)
    assert_same_as_clean_build(project, second)


def test_template_change_rerenders_html_but_reuses_extraction_and_pdfs(project: Path) -> None:
    first = run_build(project)
    before = inodes(first.site_dir)
    (project / "templates" / "base.html").write_text(
        '{% extends "default:base.html" %}{% block footer %}CHANGED-FOOTER{{ super() }}{% endblock %}',
        encoding="utf-8",
    )

    second = run_build(project)
    assert not second.up_to_date
    assert second.extracted == 0
    assert second.pdfs_rendered == 0
    rewritten = changed(before, inodes(second.site_dir))
    assert "index.html" in rewritten
    assert not any(name.endswith((".pdf", ".json")) for name in rewritten)
    assert "CHANGED-FOOTER" in (second.site_dir / "index.html").read_text(encoding="utf-8")
    assert_same_as_clean_build(project, second)


def test_missing_output_file_is_rebuilt_not_trusted(project: Path) -> None:
    """The manifest is only believed for files that are still there, untouched."""
    first = run_build(project)
    victim = next(first.site_dir.glob("pdf/digest-*.pdf"))
    victim.unlink()
    (first.site_dir / "index.html").write_text("edited by hand", encoding="utf-8")

    second = run_build(project)
    assert not second.up_to_date
    assert second.pdfs_rendered == 1
    assert victim.is_file()
    assert_same_as_clean_build(project, second)


def test_stale_manifest_from_an_interrupted_build_is_harmless(project: Path) -> None:
    """A build killed after swapping the site in but before writing its manifest leaves the older
    manifest next to a newer site: files it describes but that were since rewritten are not reused."""
    run_build(project)
    manifest = project / "out" / ".cache" / "manifest.json"
    stale = manifest.read_bytes()
    article = project / "content" / ARTICLES[1]
    original = article.read_bytes()
    article.write_text(original.decode("utf-8") + "\n\nA closing sentence was added.\n", encoding="utf-8")
    run_build(project)
    manifest.write_bytes(stale)  # as if the second build had died before saving its manifest
    article.write_bytes(original)  # and back to the first build's input

    third = run_build(project)
    assert not third.up_to_date
    assert Manifest.load(manifest).intact(third.site_dir)
    assert_same_as_clean_build(project, third)


def test_a_pdf_whose_reads_are_unchanged_is_linked_without_rendering_its_html(project: Path) -> None:
    """A PDF's HTML is rendered only when what its templates read changed (then the PDF is laid
    out again only if the HTML changed): not for the PDFs an article edit does not touch, not
    after editing a template of the HTML pages alone, and for every PDF after editing a PDF
    template, whether the HTML then changes or not."""
    first = run_build(project)
    assert first.pdf_html_rendered == first.pdfs_rendered == first.pdfs
    article = project / "content" / ARTICLES[0]
    article.write_text(article.read_text(encoding="utf-8") + "\n\nA closing sentence was added.\n")
    second = run_build(project)
    assert second.pdf_html_rendered == second.pdfs_rendered == 2

    templates = project / "templates"
    (templates / "base.html").write_text(
        '{% extends "default:base.html" %}{% block footer %}CHANGED-FOOTER{{ super() }}{% endblock %}',
        encoding="utf-8",
    )
    third = run_build(project)
    assert (third.pdf_html_rendered, third.pdfs_rendered) == (0, 0)

    (templates / "pdf").mkdir()
    (templates / "pdf" / "briefing.html").write_text(
        '{% extends "default:pdf/briefing.html" %}', encoding="utf-8"
    )
    fourth = run_build(project)
    assert (fourth.pdf_html_rendered, fourth.pdfs_rendered) == (fourth.pdfs, 0)  # the same HTML

    before = inodes(fourth.site_dir)
    (templates / "pdf" / "briefing.html").write_text(
        '{% extends "default:pdf/briefing.html" %}{% block body_class %}single edited{% endblock %}',
        encoding="utf-8",
    )
    fifth = run_build(project)
    assert fifth.pdf_html_rendered == fifth.pdfs_rendered == fifth.pdfs  # digests draw the briefings
    assert {name for name in inodes(fifth.site_dir) if name.endswith(".pdf")} <= changed(
        before, inodes(fifth.site_dir)
    )
    assert_same_as_clean_build(project, fifth)


def test_a_pdf_is_rendered_again_exactly_when_what_its_template_read_changed(project: Path) -> None:
    """PDFs are keyed by their templates' reads, like pages: a new title re-renders the PDFs that
    print it (its own, those listing it as related, the digests drawing them), and only those
    (the appended sentence of the test above re-renders one briefing's PDF and its digest)."""
    first = run_build(project)
    before = inodes(first.site_dir)
    md = project / "content" / ARTICLES[1]
    md.write_text(
        md.read_text(encoding="utf-8").replace("title: Death of Abu", "title: The death of Abu"),
        encoding="utf-8",
    )

    second = run_build(project)
    rewritten = {name for name in changed(before, inodes(second.site_dir)) if name.endswith(".pdf")}
    printing = {
        name
        for name in inodes(second.site_dir)
        if name.endswith(".pdf") and "The death of Abu" in pdf_text(second.site_dir / name)
    }
    assert "pdf/centcom-death-of-abu-jandal-al-kuwaiti.pdf" in printing
    assert rewritten == printing
    assert second.pdfs_rendered == len(rewritten)
    assert_same_as_clean_build(project, second)


@pytest.mark.parametrize("damage", ["not json", "swap", "drop"])
def test_a_damaged_pdf_key_cache_costs_html_renders_never_a_stale_pdf(project: Path, damage: str) -> None:
    """pdfs.json is a cache: unreadable, with entries swapped between PDFs or missing, the PDFs'
    HTML is rendered again to key them, and only the PDFs whose HTML changed are laid out again."""
    first = run_build(project)
    before = inodes(first.site_dir)
    cache = project / "out" / ".cache" / "pdfs.json"
    data = json.loads(cache.read_text(encoding="utf-8"))
    rels = sorted(data["pdfs"])
    if damage == "swap":  # every PDF gets the next one's keys
        data["pdfs"] = {rel: data["pdfs"][rels[(n + 1) % len(rels)]] for n, rel in enumerate(rels)}
    elif damage == "drop":
        data["pdfs"] = {}
    cache.write_text("not json" if damage == "not json" else json.dumps(data), encoding="utf-8")
    article = project / "content" / ARTICLES[0]
    article.write_text(article.read_text(encoding="utf-8") + "\n\nA closing sentence was added.\n")

    second = run_build(project)
    pdfs = {name for name in changed(before, inodes(second.site_dir)) if name.endswith(".pdf")}
    assert second.pdfs_rendered == len(pdfs) == 2
    assert second.pdf_html_rendered == second.pdfs
    assert_same_as_clean_build(project, second)
    assert sorted(json.loads(cache.read_text(encoding="utf-8"))["pdfs"]) == rels


def test_config_change_that_affects_relate_is_not_served_from_the_corpus_cache(project: Path) -> None:
    run_build(project)
    config = project / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "digest:\n  period: month\n", encoding="utf-8")

    second = run_build(project)
    assert second.extracted == 0
    assert any(name.startswith("pdf/digest-2017-") and "-W" not in name for name in inodes(second.site_dir))
    assert_same_as_clean_build(project, second)


def test_replacing_a_reused_file_never_writes_through_to_the_previous_site(tmp_path: Path) -> None:
    previous = Output(tmp_path / "previous")
    previous.write_text("page.html", "same")
    manifest = previous.manifest(tmp_path / "previous", None, {})

    current = Output(tmp_path / "current", tmp_path / "previous", manifest)
    current.write_text("page.html", "same")
    assert current.reused == 1
    assert (tmp_path / "current" / "page.html").stat().st_ino == (
        tmp_path / "previous" / "page.html"
    ).stat().st_ino
    current.write_text("page.html", "different")
    assert (tmp_path / "previous" / "page.html").read_text() == "same"
    assert (tmp_path / "current" / "page.html").read_text() == "different"


def test_fast_briefing_dict_matches_the_model_to_dict() -> None:
    """json_out serialises without dataclasses.asdict (for speed); the JSON must stay the contract."""
    evidence = Evidence("Ten were killed.", 0, 16)
    briefing = Briefing(
        slug="s",
        source_path="s.txt",
        title="T",
        date=dt.date(2017, 3, 23),
        source=None,
        url="https://example.org/",
        summary=["One."],
        body=["One.", "Two."],
        actors=[Actor("Rex Tillerson", "person", "official", ["Tillerson"], 2, 0.5, [evidence], "rex")],
        figures=[Figure(10, "people", "killed", "ten", "at least", evidence), Figure(2.5, None, "x", "y")],
        incidents=[Incident("airstrike", "Mosul", None, 10, None, None, "d", [evidence], "k")],
        related=[Related("o", "Other", 0.5, "shared actors: Rex Tillerson")],
        tags=["a"],
        notes=["n"],
    )
    for item in (briefing, Briefing("u", "u.md", "U", None, None, None, [], [])):
        assert briefing_dict(item) == item.to_dict()
        assert dumps(briefing_dict(item)) == dumps(item.to_dict())


#: A footer on every page that reads the corpus through the globals, the way an override may.
PROBE_FOOTER = (
    '{% extends "default:base.html" %}{% block footer %}{{ super() }}<p id="probe">'
    "{{ corpus.briefings | length }} briefings; "
    '{% set b = briefing_by_slug.get("centcom-death-of-abu-jandal-al-kuwaiti") %}'
    '{{ b.title if b else "no such briefing" }}; '
    "{% for key, actor in actor_by_key.items() if actor.kind == 'person' %}{{ actor.name }} {% endfor %}"
    "</p>{% endblock %}"
)


def test_a_page_is_rendered_again_exactly_when_something_it_read_changed(project: Path) -> None:
    """Pages are keyed by the values their templates read (render.pages): an edit re-renders the
    pages that read what it changed, reuses the others unrendered, and the site stays identical
    to a clean build, whatever the edit: article text, a title read by every page's footer, an
    article removed, an article added."""
    (project / "templates" / "base.html").write_text(PROBE_FOOTER, encoding="utf-8")
    first = run_build(project, pdf=False)
    before = inodes(first.site_dir)

    dw = project / "content" / ARTICLES[0]
    dw.write_text(dw.read_text(encoding="utf-8") + "\n\nA closing sentence was added.\n", encoding="utf-8")
    second = run_build(project, pdf=False)
    rewritten = changed(before, inodes(second.site_dir))
    assert "briefings/dw-2017-03-23-allies-vow-to-destroy-is.html" in rewritten
    assert "search.html" not in rewritten and "archive/index.html" not in rewritten
    assert_same_as_clean_build(project, second, pdf=False)

    before = inodes(second.site_dir)
    md = project / "content" / ARTICLES[1]
    original = md.read_text(encoding="utf-8")
    md.write_text(original.replace("title: Death of Abu", "title: The death of Abu"), encoding="utf-8")
    third = run_build(project, pdf=False)
    rewritten = changed(before, inodes(third.site_dir))
    assert {name for name in before if name.endswith(".html")} <= rewritten
    assert "The death of Abu Jandal" in (third.site_dir / "search.html").read_text(encoding="utf-8")
    assert_same_as_clean_build(project, third, pdf=False)

    md.unlink()
    fourth = run_build(project, pdf=False)
    assert "no such briefing" in (fourth.site_dir / "search.html").read_text(encoding="utf-8")
    assert_same_as_clean_build(project, fourth, pdf=False)

    md.write_text(original, encoding="utf-8")
    fifth = run_build(project, pdf=False)
    assert fifth.extracted == 0
    assert_same_as_clean_build(project, fifth, pdf=False)


@pytest.mark.parametrize("compact", [False, True])
def test_a_page_key_follows_the_values_read_and_only_those(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compact: bool
) -> None:
    """render.pages on hand-made data: a value the template did not read leaves the key as it was,
    a value it read (through a global, a list's members or length, a table) changes it; whether
    pages.json is appended to or compacted."""
    import jinja2

    from briefing.render import pages

    monkeypatch.setattr(pages, "COMPACT_SLACK", -(10**9) if compact else 10**9)

    from briefing.relate import relate
    from briefing.render.html import site_globals
    from briefing.render.pages import Tracker

    template = (
        '{{ briefing_by_slug["a"].title }}|{% for b in items %}{{ b.slug }}{{ b.summary | length }}'
        '{% endfor %}|{{ "x" in actor_by_key }}|{{ corpus.actors | length }}|{{ items[0].body | tojson }}'
    )
    env = jinja2.Environment(loader=jinja2.DictLoader({"t.html": template}), undefined=jinja2.StrictUndefined)

    def corpus(shorter: str = "", **titles: str) -> list[Briefing]:
        made = [
            Briefing(s, f"{s}.md", s.upper(), dt.date(2017, 3, n), None, None, ["One.", "Two."], ["Body."])
            for n, s in enumerate("abc", 1)
        ]
        for b in made:
            b.title = titles.get(b.slug, b.title)
            b.summary = b.summary[:1] if b.slug == shorter else b.summary
        return made

    def key(briefings: list[Briefing], store: PageDeps) -> tuple[str | None, str]:
        related = relate(briefings)
        tracker = Tracker(related, site_globals(related, False), "base", store)
        tracker.install(env, tracker.proxied_globals())
        context = {"items": related.briefings[:2]}
        reused = tracker.reuse_key("t.html", "p.html", context)
        html, fresh = tracker.render(env, "t.html", "p.html", context)
        assert html.endswith('|["Body."]')  # tojson sees the data, not a proxy
        store.save()
        return reused, fresh

    store = PageDeps(tmp_path / "pages.json")
    _, first = key(corpus(), store)
    assert key(corpus(), PageDeps.load(tmp_path / "pages.json")) == (first, first)
    reused, fresh = key(corpus(a="Changed"), PageDeps.load(tmp_path / "pages.json"))
    assert reused == fresh != first
    reused, _ = key(corpus(a="Changed", b="B (not read: b's title)"), PageDeps.load(tmp_path / "pages.json"))
    assert reused == fresh
    reused, _ = key(corpus(a="Changed", c="C"), PageDeps.load(tmp_path / "pages.json"))
    assert reused == fresh
    reused, _ = key(corpus("a", a="Changed"), PageDeps.load(tmp_path / "pages.json"))
    assert reused == fresh, "a's summary is not read"
    reused, shorter = key(corpus("b", a="Changed"), PageDeps.load(tmp_path / "pages.json"))
    assert reused == shorter != fresh, "b's summary's length is"


@pytest.mark.parametrize(
    "damage",
    [
        "not json",
        '{"version": 2, "pages": {"index.html": ["x", [99999]]}}',
        '{"version": 2, "roots": [1], "versions": [null], "row_roots": [5], "row_texts": ["["], '
        '"row_values": ["v"], "pages": {"index.html": ["x", [0]]}}',
    ],
)
def test_damaged_page_reads_cost_renders_never_a_wrong_page(project: Path, damage: str) -> None:
    """pages.json is a cache: unreadable or inconsistent, it is ignored, and the pages rendered."""
    run_build(project, pdf=False)
    (project / "out" / ".cache" / "pages.json").write_text(damage, encoding="utf-8")
    article = project / "content" / ARTICLES[0]
    article.write_text(article.read_text(encoding="utf-8") + "\n\nA closing sentence was added.\n")
    second = run_build(project, pdf=False)
    assert_same_as_clean_build(project, second, pdf=False)
    assert len(PageDeps.load(project / "out" / ".cache" / "pages.json").previous) == second.pages
