"""`briefing check`: validate a built site before it is published.

A template override or a half-finished renderer can break a site in ways a build does not notice:
a link to a page that was never written, an anchor that does not exist, JSON that no longer matches
its schema. This walks the built folder the way a reader and a consumer would: every HTML page is
parsed (html.parser), every internal href/src/srcset/poster must name a file in the site (and its
#anchor an id or <a name> in that page), and every JSON file must parse, with the briefings
validated against `briefing.schema.json`. Problems are one line each, `site/PAGE: message`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema

from .render.json_out import SCHEMA_NAME, schema

LINK_ATTRIBUTES = {"href", "src", "poster", "srcset"}
VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
}  # fmt: skip


@dataclass
class CheckReport:
    site_dir: Path
    pages: int = 0
    links: int = 0
    json_files: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class Page:
    """What one HTML page offers (ids) and asks for (links), plus its structural errors."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, int]] = field(default_factory=list)  # (url, line)
    errors: list[str] = field(default_factory=list)


class _PageParser(HTMLParser):
    """Collects ids and link targets; reports stray end tags and duplicate ids."""

    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                if name == "id" and value in self.page.ids:
                    self.page.errors.append(f"line {line}: duplicate id '{value}'")
                self.page.ids.add(value)
            elif name in LINK_ATTRIBUTES:
                urls = [c.split()[0] for c in value.split(",") if c.strip()] if name == "srcset" else [value]
                self.page.links += [(url, line) for url in urls]
        if tag not in VOID_ELEMENTS:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        # Optional end tags (</p>, </li>) may be omitted, so an end tag closes back to its opener;
        # only an end tag with no opener at all is an error.
        if tag in self.open:
            while self.open.pop() != tag:
                pass
        elif tag not in VOID_ELEMENTS:
            self.page.errors.append(f"line {self.getpos()[0]}: stray end tag </{tag}>")


def parse_page(path: Path) -> Page:
    page = Page()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        page.errors.append(f"not UTF-8: {exc.reason} at byte {exc.start}")
        return page
    parser = _PageParser(page)
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError) as exc:  # html.parser's rare hard failures
        page.errors.append(f"does not parse: {exc}")
    return page


def check_site(site_dir: Path, base_url: str = "") -> CheckReport:
    """Check every HTML and JSON file under `site_dir`; problems name files relative to its parent."""
    report = CheckReport(site_dir=site_dir)
    if not site_dir.is_dir():
        report.problems.append(f"{site_dir}: no built site (run `briefing build` first)")
        return report
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    html_files = [p for p in files if p.suffix.lower() in (".html", ".htm")]
    pages = {p.resolve(): parse_page(p) for p in html_files}
    for path in html_files:
        page = pages[path.resolve()]
        report.problems += [f"{display(site_dir, path)}: {error}" for error in page.errors]
        for url, line in page.links:
            report.links += 1
            problem = check_link(site_dir, path, url, pages, base_url)
            if problem:
                report.problems.append(f"{display(site_dir, path)}:{line}: {problem}")
    report.pages = len(html_files)
    for path in (p for p in files if p.suffix.lower() == ".json"):
        report.json_files += 1
        report.problems += [f"{display(site_dir, path)}: {error}" for error in check_json(site_dir, path)]
    return report


def display(site_dir: Path, path: Path) -> str:
    """`site/briefings/x.html`: the path as users see it in the output folder."""
    return path.relative_to(site_dir.parent).as_posix()


def internal_path(url: str, base_url: str) -> str | None:
    """The site-relative part of a link to this site, or None for external/special links."""
    if base_url and url.startswith(base_url.rstrip("/") + "/"):
        return "/" + url[len(base_url.rstrip("/")) + 1 :]
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None  # http:, mailto:, data:, javascript:, //host/...
    if url.startswith("/") and base_url:
        prefix = urlsplit(base_url).path.rstrip("/")
        if prefix and (url == prefix or url.startswith(prefix + "/")):
            return url[len(prefix) :] or "/"
    return url


def check_link(site_dir: Path, page: Path, url: str, pages: dict[Path, Page], base_url: str) -> str | None:
    """None when the link resolves; otherwise the message for the report."""
    relative = internal_path(url.strip(), base_url)
    if relative is None:
        return None
    parts = urlsplit(relative)
    target_path = unquote(parts.path)
    if not target_path:
        target = page
    elif target_path.startswith("/"):
        target = site_dir / target_path.lstrip("/")
    else:
        target = page.parent / target_path
    target = target.resolve()
    if not target.is_relative_to(site_dir.resolve()):
        return f"link outside the site '{url}'"
    if target.is_dir():
        target = target / "index.html"
    if not target.is_file():
        return f"broken link '{url}'"
    fragment = unquote(parts.fragment)
    if fragment and target.suffix.lower() in (".html", ".htm") and fragment != "top":
        known = pages.get(target)
        if known is None or fragment not in known.ids:
            return f"broken anchor '{url}'"
    return None


def check_json(site_dir: Path, path: Path) -> list[str]:
    """Parse errors for any JSON; schema errors for the briefing files (one message each)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        return [f"invalid JSON: not UTF-8 ({exc.reason})"]
    except json.JSONDecodeError as exc:
        return [f"invalid JSON: {exc.msg} (line {exc.lineno} column {exc.colno})"]
    relative = path.relative_to(site_dir).as_posix()
    validator = jsonschema.Draft202012Validator(schema())
    if relative == SCHEMA_NAME:
        try:
            jsonschema.Draft202012Validator.check_schema(data)
        except jsonschema.SchemaError as exc:
            return [f"invalid JSON Schema: {exc.message}"]
        return []
    if relative == "briefings.json":
        if not isinstance(data, list):
            return ["schema: briefings.json must be an array of briefings"]
        return [f"schema: [{i}] {e}" for i, item in enumerate(data) for e in _schema_errors(validator, item)]
    if relative.startswith("briefings/") and relative.count("/") == 1:
        errors = _schema_errors(validator, data)
        if not errors and data.get("slug") != path.stem:
            errors.append(f"slug '{data.get('slug')}' does not match the file name")
        return [f"schema: {e}" for e in errors]
    return []


def _schema_errors(validator: jsonschema.Draft202012Validator, data: object) -> list[str]:
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    return [f"{e.message} (at {e.json_path})" for e in errors[:5]]
