"""The work behind one PDF: WeasyPrint lays out HTML, pypdf assembles the file. Runs in the worker
processes of render.pdf (or in the build process when only a few PDFs are dirty).

Page furniture. A briefing is laid out once, without page numbers, and its pages serve twice: in its
own PDF and in its period's digest. Page numbers and the digest's period line are stamped on from
"sheets": empty pages that carry only the footer (pdf.css, `@page sheet`), laid out by WeasyPrint
like any page. Each page of a briefing PDF is two form XObjects drawn one over the other:
/BriefingBody (the page exactly as WeasyPrint drew it) and /BriefingFurniture (its sheet, "Page 2
of 3"). A digest is laid out as its cover, its contents and, for each briefing, one sheet per page
of the briefing's PDF, so WeasyPrint numbers the pages, fills in the contents and makes the
bookmarks; the briefings' /BriefingBody forms are then drawn under their sheets, with their links.

Per-process caches (the output does not depend on them: tested): parsed stylesheets, keyed by
their bytes; one FontConfiguration; the sheets of a briefing PDF, by page count and size.
"""

from __future__ import annotations

import functools
import hashlib
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pydyf
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
)
from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration

from ..errors import BuildError
from .fetcher import RestrictedFetcher

BODY = NameObject("/BriefingBody")
FURNITURE = NameObject("/BriefingFurniture")
BRIEFING_PAGE = b"q /BriefingBody Do Q q /BriefingFurniture Do Q"
UNDERLAY = b"q /BriefingBody Do Q\n"

_stylesheets: dict[tuple[str, str, tuple[str, ...]], CSS] = {}
_sheets: dict[tuple[int, str, str, tuple[str, ...]], Document] = {}


@functools.cache
def font_config() -> FontConfiguration:
    return FontConfiguration()


def stylesheets(urls: Sequence[str], fetcher: RestrictedFetcher) -> list[CSS]:
    """The stylesheets at `urls`, read through the fetcher and parsed once per process and content."""
    sheets = []
    for url in urls:
        data = fetcher.fetch(url).read()
        key = (url, hashlib.sha256(data).hexdigest(), tuple(map(str, fetcher.roots)))
        if key not in _stylesheets:
            _stylesheets[key] = CSS(
                file_obj=io.BytesIO(data), base_url=url, url_fetcher=fetcher, font_config=font_config()
            )
        sheets.append(_stylesheets[key])
    return sheets


def lay_out(html: str, base_url: str, roots: Sequence[str], sheet_urls: Sequence[str]) -> Document:
    fetcher = RestrictedFetcher(roots)
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    return document.render(stylesheets=stylesheets(sheet_urls, fetcher), font_config=font_config())


def write_briefing(
    html: str, target: str, base_url: str, roots: Sequence[str], sheet_urls: Sequence[str]
) -> int:
    """Lay out `html` and write it to `target` with page numbers stamped on; return its page count.

    The briefing's pages and their sheets go through WeasyPrint as one document (so they share one
    subset of each font), and `furnish` turns each pair into one page before the file is written."""
    document = lay_out(html, base_url, roots, sheet_urls)
    count = len(document.pages)
    first = document.pages[0]
    furniture = sheets(count, first.width, first.height, base_url, roots, sheet_urls)
    both = document.copy([*document.pages, *furniture.pages])
    both.write_pdf(target, finisher=functools.partial(furnish, count), pdf_identifier=True)
    return count


def furnish(count: int, _document: Document, pdf: pydyf.PDF) -> None:
    """WeasyPrint finisher: pages 1..count are a briefing's, the next `count` its sheets. Each
    briefing page becomes two form XObjects, its own content and its sheet's, and the sheets leave
    the page tree (their emptied page objects stay behind, unreferenced)."""
    numbers = pdf.pages["Kids"][::3]
    if len(numbers) != 2 * count:
        raise ValueError(f"expected {count} pages and {count} sheets, got {len(numbers)} pages")
    for page_number, sheet_number in zip(numbers[:count], numbers[count:], strict=True):
        page, sheet = pdf.objects[page_number], pdf.objects[sheet_number]
        forms = pydyf.Dictionary({BODY[1:]: form(pdf, page), FURNITURE[1:]: form(pdf, sheet)})
        drawn = pydyf.Stream([BRIEFING_PAGE])
        pdf.add_object(drawn)
        page["Contents"] = drawn.reference
        page["Resources"] = pydyf.Dictionary({"XObject": forms})
        sheet.clear()
    pdf.pages["Kids"] = pydyf.Array(pdf.pages["Kids"][: 3 * count])
    pdf.pages["Count"] = count


def form(pdf: pydyf.PDF, page: pydyf.Dictionary) -> bytes:
    """Turn the content stream of a WeasyPrint page into a form XObject drawing the same; return
    its reference."""
    stream = pdf.objects[int(page["Contents"].split()[0])]
    stream.extra.update(
        {"Type": "/XObject", "Subtype": "/Form", "BBox": page["MediaBox"], "Resources": page["Resources"]}
    )
    return stream.reference


def sheets(
    count: int, width: float, height: float, base_url: str, roots: Sequence[str], sheet_urls: Sequence[str]
) -> Document:
    """`count` sheets of `width` x `height` CSS pixels, "Page 1 of <count>" and so on (laid out
    once per process)."""
    size = f"{width:.4f}px {height:.4f}px"
    key = (count, size, base_url, tuple(sheet_urls))
    if key not in _sheets:
        html = (
            f"<!doctype html><html><head><style>@page {{ size: {size}; }}</style></head><body>"
            + '<div class="sheet"></div>' * count
            + "</body></html>"
        )
        _sheets[key] = lay_out(html, base_url, roots, sheet_urls)
    return _sheets[key]


def write_digest(
    html: str,
    target: str,
    base_url: str,
    roots: Sequence[str],
    sheet_urls: Sequence[str],
    members: Sequence[tuple[str, Sequence[str]]],
) -> int:
    """Lay out a digest's cover, contents and sheets, then draw each member briefing PDF's pages
    under its sheets. `members`: (briefing PDF, the id of the sheet for each of its pages)."""
    document = lay_out(html, base_url, roots, sheet_urls)
    where = {anchor: number for number, page in enumerate(document.pages) for anchor in page.anchors}
    placed = [where.get(sheet_id) for _, sheet_ids in members for sheet_id in sheet_ids]
    if None in placed or len(set(placed)) != len(placed):
        # The template's name goes into the message: the error may cross a process boundary.
        raise BuildError(
            "pdf/digest.html: each sheet of slots[slug] must be laid out on a page of its own "
            "(see docs/theming.md)"
        )
    writer = copy_of(document.write_pdf(pdf_identifier=True))
    ids = [identifier(writer._ID)]
    for path, sheet_ids in members:
        briefing = PdfReader(path)
        if len(briefing.pages) != len(sheet_ids):
            raise ValueError(f"{Path(path).name} has {len(briefing.pages)} pages, {len(sheet_ids)} sheets")
        for page, sheet_id in zip(briefing.pages, sheet_ids, strict=True):
            underlay(writer.pages[where[sheet_id]], page, writer)
        ids.append(identifier(briefing.trailer.get("/ID")))
    # The skeleton's identifier does not change with its briefings' content: derive one from all.
    merged = ByteStringObject(hashlib.md5(b"".join(ids), usedforsecurity=False).digest())
    writer._ID = ArrayObject([merged, merged])
    writer.write(target)
    return len(writer.pages)


def copy_of(pdf: bytes) -> PdfWriter:
    """A writer holding all of `pdf`, to be changed and written again (same PDF version)."""
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header
    return writer


def identifier(pair: Any) -> bytes:
    """The first part of a PDF identifier (pypdf reads it as bytes or as text)."""
    if not pair:
        return b""
    first = pair.get_object()[0]
    return first.original_bytes if hasattr(first, "original_bytes") else bytes(first)


def underlay(sheet: PageObject, page: PageObject, writer: PdfWriter) -> None:
    """Draw the /BriefingBody of a briefing PDF's `page` under the digest's `sheet`, and carry over
    its web links (other annotations would point into the briefing's own file)."""
    forms = resolved(resolved(page, "/Resources"), "/XObject")
    if BODY not in forms:
        raise ValueError("not a briefing PDF page: it has no /BriefingBody")
    resources = DictionaryObject(resolved(sheet, "/Resources"))
    xobjects = DictionaryObject(resolved(resources, "/XObject"))
    xobjects[BODY] = forms.raw_get(BODY).clone(writer)
    resources[NameObject("/XObject")] = xobjects
    sheet[NameObject("/Resources")] = resources
    drawn = sheet.raw_get("/Contents")
    drawn = list(drawn.get_object()) if isinstance(drawn.get_object(), ArrayObject) else [drawn]
    sheet[NameObject("/Contents")] = ArrayObject([writer._add_object(content(UNDERLAY)), *drawn])
    links = [
        link.clone(writer, ignore_fields=("/P",))
        for link in resolved(page, "/Annots", ArrayObject())
        if is_web_link(link.get_object())
    ]
    if links:
        sheet[NameObject("/Annots")] = ArrayObject([*resolved(sheet, "/Annots", ArrayObject()), *links])


def is_web_link(annotation: DictionaryObject) -> bool:
    action = resolved(annotation, "/A")
    return resolved(annotation, "/Subtype") == "/Link" and resolved(action, "/S") == "/URI"


def resolved(dictionary: DictionaryObject, key: str, default: object = None) -> Any:
    """`dictionary[key]` with indirect references followed; `default` when absent (an empty
    dictionary unless given)."""
    value = dictionary.get(key) if dictionary is not None else None
    if value is None:
        return DictionaryObject() if default is None else default
    return value.get_object()


def content(data: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream
