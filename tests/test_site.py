"""The built site as a person meets it: headless Chromium over a real loopback HTTP server.

One small site is built per session (the sample content folder plus one hostile article, three
briefings a page so pagination happens, a base_url so canonical URLs and feeds are absolute). The
tests then crawl every page for broken links, drive the search page, run axe-core on the main
pages in light and dark mode, and save screenshots to test-output/screenshots/ for a person to
look at. Needs the `playwright` and `axe-playwright-python` packages and Debian's chromium.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import playwright.sync_api as playwright_api
import pytest

from briefing.build import build
from briefing.config import load_config

REPO = Path(__file__).resolve().parent.parent
SCREENSHOTS = REPO / "test-output" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BASE_URL = "https://example.org/briefings/"
DW = "dw-2017-03-23-allies-vow-to-destroy-is"
HOSTILE = """https://example.org/2017/03/24/hostile

Hostile headline <script>alert(1)</script>

March 24, 2017

The army said <img src=x onerror=alert(2)> fighters attacked the town of Mosul on Friday, killing 12 people.

Witnesses described the attack to reporters in Baghdad.
"""
SITE_YAML = f"""title: Test Briefings
description: Briefings built by the site tests.
base_url: {BASE_URL}
per_page: 3
pdf:
  enabled: false
"""


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("browser-site")
    shutil.copytree(REPO / "content", root / "content")
    (root / "content" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (root / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    config = load_config(root / "site.yaml").config
    report = build(config, use_cache=False)
    assert report.articles >= 5 and not report.failed, report.problems
    return report.site_dir


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    """The site served by http.server on a free loopback port, under a sub-path like a real host."""
    handler = functools.partial(QuietHandler, directory=str(site.parent))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/{site.name}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Links(HTMLParser):
    """Every link target and element id of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        for name in ("href", "src"):
            if values.get(name) and not (tag == "link" and values.get("rel") == "canonical"):
                self.refs.append(values[name] or "")


def fetch(url: str) -> tuple[int, str, str]:
    try:
        with urlopen(url, timeout=10) as response:
            return (
                response.status,
                response.headers.get_content_type(),
                response.read().decode("utf-8", "replace"),
            )
    except HTTPError as exc:
        return exc.code, "", ""


def crawl(start: str) -> tuple[dict[str, Links], list[str]]:
    """Breadth-first over every internal page reachable from `start`; returns pages and broken links."""
    pages: dict[str, Links] = {}
    broken: list[str] = []
    queue, seen = [start], {start}
    while queue:
        url = queue.pop(0)
        status, kind, body = fetch(url)
        if status != 200:
            broken.append(url)
            continue
        if kind != "text/html":
            continue
        links = Links()
        links.feed(body)
        pages[url] = links
        for ref in links.refs:
            target, _ = urldefrag(urljoin(url, ref))
            if target.startswith(start.rsplit("/", 1)[0]) and target not in seen:
                seen.add(target)
                queue.append(target)
    for url, links in pages.items():  # fragments point at ids that exist
        for ref in links.refs:
            target, fragment = urldefrag(urljoin(url, ref))
            if fragment and target in pages and fragment not in pages[target].ids:
                broken.append(f"{url} -> {ref}")
    return pages, broken


def test_crawl_finds_every_page_and_no_broken_internal_link(site: Path, server: str) -> None:
    pages, broken = crawl(server + "index.html")
    assert broken == []
    crawled = {urlsplit(u).path.split(f"/{site.name}/", 1)[1] for u in pages}
    on_disk = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert on_disk <= crawled, f"pages no link reaches: {sorted(on_disk - crawled)}"
    for expected in [
        "actors/index.html",
        "incidents/index.html",
        "archive/index.html",
        "search.html",
        "page-2.html",
    ]:
        assert expected in crawled


def test_links_also_resolve_opened_from_disk(site: Path) -> None:
    """Relative links only: every href/src of every page names a file next to it on disk."""
    for path in site.rglob("*.html"):
        links = Links()
        links.feed(path.read_text(encoding="utf-8"))
        for ref in links.refs:
            parts = urlsplit(ref)
            if parts.scheme or ref.startswith("#"):
                assert parts.scheme in ("", "http", "https"), f"{path}: {ref}"
                continue
            assert not ref.startswith("/"), f"{path}: root-absolute link {ref}"
            assert (path.parent / parts.path).resolve().is_file(), f"{path}: {ref}"


def open_page(browser: object, url: str, *, dark: bool = False) -> tuple[object, list[str]]:
    """A new page at `url` with console errors, page errors, failed requests and dialogs recorded."""
    page = browser.new_page(viewport={"width": 1100, "height": 900}, color_scheme="dark" if dark else "light")  # type: ignore[attr-defined]
    problems: list[str] = []
    page.on(
        "console",
        lambda msg: problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None,
    )
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("requestfailed", lambda req: problems.append(f"request failed: {req.url}"))
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    response = page.goto(url, wait_until="load")
    assert response is None or response.status == 200, url
    return page, problems


def first_actor_page(site: Path, name: str) -> str:
    matches = [
        p for p in (site / "actors").glob("*.html") if f"<h1>{name}</h1>" in p.read_text(encoding="utf-8")
    ]
    assert matches, f"no actor page for {name}"
    return matches[0].relative_to(site).as_posix()


def test_pages_render_without_console_errors(site: Path, server: str, browser: object) -> None:
    paths = [
        "index.html",
        "page-2.html",
        f"briefings/{DW}.html",
        "briefings/hostile.html",
        "actors/index.html",
        first_actor_page(site, "Rex Tillerson"),
        "incidents/index.html",
        "archive/index.html",
        "search.html?q=Mosul",
    ]
    for path in paths:
        page, problems = open_page(browser, server + path)
        assert page.locator("h1").count() == 1, path  # type: ignore[attr-defined]
        page.close()  # type: ignore[attr-defined]
        assert problems == [], f"{path}: {problems}"


def test_search_finds_a_known_actor_and_leads_to_its_page(site: Path, server: str, browser: object) -> None:
    page, problems = open_page(browser, server + "search.html")
    page.fill("#search-query", "tillerson")  # type: ignore[attr-defined]
    results = page.locator("#search-results li")  # type: ignore[attr-defined]
    results.first.wait_for()
    assert "Rex Tillerson" in results.first.inner_text()
    assert "result" in page.locator("#search-status").inner_text()  # type: ignore[attr-defined]
    page.locator("#search-results a", has_text="Rex Tillerson").first.click()  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]
    assert page.locator("h1").inner_text() == "Rex Tillerson"  # type: ignore[attr-defined]
    assert page.locator(f'a[href$="briefings/{DW}.html"]').count() >= 1  # type: ignore[attr-defined]
    page.close()  # type: ignore[attr-defined]
    assert problems == []


def test_search_of_hostile_text_shows_it_as_text_and_works_from_disk(site: Path, browser: object) -> None:
    page, problems = open_page(browser, (site / "search.html").as_uri() + "?q=hostile")
    first = page.locator("#search-results li").first  # type: ignore[attr-defined]
    first.wait_for()
    assert "<script>alert(1)</script>" in first.inner_text()
    assert page.locator("#search-results script, #search-results img").count() == 0  # type: ignore[attr-defined]
    page.close()  # type: ignore[attr-defined]
    assert problems == []


def test_timeline_svg_is_accessible_and_drawn(server: str, browser: object) -> None:
    page, problems = open_page(browser, server + "incidents/index.html")
    svg = page.locator("svg.timeline")  # type: ignore[attr-defined]
    assert svg.get_attribute("role") == "img"
    assert page.locator("svg.timeline > title").text_content()  # type: ignore[attr-defined]
    assert "incident" in page.locator("svg.timeline > desc").text_content()  # type: ignore[attr-defined]
    assert page.locator("svg.timeline circle").count() >= 1  # type: ignore[attr-defined]
    box = svg.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 100
    page.close()  # type: ignore[attr-defined]
    assert problems == []


AXE_PAGES = {
    "index": "index.html",
    "briefing": f"briefings/{DW}.html",
    "actor": None,
    "incidents": "incidents/index.html",
}


def axe_violations(page: object) -> list[str]:
    """Serious and critical axe-core violations of the page, as readable strings."""
    source = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
    page.evaluate(source)  # type: ignore[attr-defined]
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")  # type: ignore[attr-defined]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_screenshots_and_no_serious_accessibility_violation(
    site: Path, server: str, browser: object, dark: bool
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    found: dict[str, list[str]] = {}
    for name, path in AXE_PAGES.items():
        page, problems = open_page(
            browser, server + (path or first_actor_page(site, "Rex Tillerson")), dark=dark
        )
        shot = SCREENSHOTS / f"{name}{'-dark' if dark else ''}.png"
        page.screenshot(path=str(shot), full_page=True)  # type: ignore[attr-defined]
        assert shot.stat().st_size > 10_000
        found[name] = axe_violations(page) + problems
        page.close()  # type: ignore[attr-defined]
    assert all(v == [] for v in found.values()), found


def test_feeds_sitemap_robots_and_canonical_urls_are_absolute_and_dated_from_content(site: Path) -> None:
    atom = ET.parse(site / "feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = atom.findall("a:entry", ns)
    assert entries and all(e.find("a:link", ns).get("href").startswith(BASE_URL) for e in entries)
    assert atom.find("a:updated", ns).text == "2017-03-24T00:00:00Z", "newest briefing's date, not now"
    rss = ET.parse(site / "rss.xml").getroot()
    assert all(i.find("link").text.startswith(BASE_URL) for i in rss.iter("item"))
    locs = [
        u.text
        for u in ET.parse(site / "sitemap.xml")
        .getroot()
        .iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert f"{BASE_URL}briefings/{DW}.html" in locs and all(loc.startswith(BASE_URL) for loc in locs)
    assert f"Sitemap: {BASE_URL}sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")
    page = (site / "briefings" / f"{DW}.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{BASE_URL}briefings/{DW}.html">' in page
    assert f'<meta property="og:url" content="{BASE_URL}briefings/{DW}.html">' in page
    assert '<meta property="og:type" content="article">' in page
