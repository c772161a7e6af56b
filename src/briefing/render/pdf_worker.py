"""The work behind one PDF: WeasyPrint lays the HTML out and writes the file, after a finisher has
put the pages together. Runs in the worker processes of render.pdf (or in the build process when
only a few PDFs are dirty).

Page furniture. A briefing is laid out once, without page numbers, and its pages serve twice: in its
own PDF and in its period's digest. Page numbers and the digest's period line are stamped on from
"sheets": empty pages that carry only the footer (pdf.css, `@page sheet`), laid out by WeasyPrint
like any page. Each page of a briefing PDF is two form XObjects drawn one over the other:
/BriefingBody (the page exactly as WeasyPrint drew it) and /BriefingFurniture (its sheet, "Page 2
of 3"). A digest is laid out as its cover, its contents and, for each briefing, one sheet per page
of the briefing's PDF, so WeasyPrint numbers the pages, fills in the contents and makes the
bookmarks; the briefings' /BriefingBody forms (read from their PDFs with pypdf and copied into the
digest's own objects, fonts included) are then drawn under their sheets, with their web links.

Per-process caches (the output does not depend on them: tested): parsed stylesheets, keyed by
their bytes; one FontConfiguration; the sheets of a briefing PDF, by page count and size.
"""

from __future__ import annotations

import functools
import hashlib
import io
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pydyf
from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ByteStringObject,
    DictionaryObject,
    EncodedStreamObject,
    IndirectObject,
    NameObject,
    NullObject,
    StreamObject,
    TextStringObject,
)
from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration

from ..errors import BuildError
from .fetcher import RestrictedFetcher

BODY = NameObject("/BriefingBody")
FURNITURE = NameObject("/BriefingFurniture")
BRIEFING_PAGE = b"q /BriefingBody Do Q q /BriefingFurniture Do Q"
UNDERLAY = b"q /BriefingBody Do Q"

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
    deflate(pdf)


def form(pdf: pydyf.PDF, page: pydyf.Dictionary) -> bytes:
    """Turn the content stream of a WeasyPrint page into a form XObject drawing the same; return
    its reference."""
    stream = pdf.objects[reference_number(page["Contents"])]
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
    sheets_of = [(path, [where[sheet_id] for sheet_id in sheet_ids]) for path, sheet_ids in members]
    document.write_pdf(target, finisher=functools.partial(underlay, sheets_of), pdf_identifier=True)
    return len(document.pages)


def underlay(members: Sequence[tuple[str, Sequence[int]]], _document: Document, pdf: pydyf.PDF) -> None:
    """WeasyPrint finisher of a digest: copy the /BriefingBody form of each page of each briefing
    PDF (with everything it uses: fonts...) into the digest and draw it under its sheet, with the
    page's web links. The digest is then written once, by WeasyPrint, so its identifier is the
    hash of all of it."""
    numbers = pdf.pages["Kids"][::3]
    copier = Copier(pdf)
    for path, sheet_numbers in members:
        briefing = PdfReader(path)
        if len(briefing.pages) != len(sheet_numbers):
            raise ValueError(
                f"{Path(path).name} has {len(briefing.pages)} pages, {len(sheet_numbers)} sheets"
            )
        for page, number in zip(briefing.pages, sheet_numbers, strict=True):
            forms = resolved(resolved(page, "/Resources"), "/XObject")
            if BODY not in forms:
                raise ValueError(f"{Path(path).name} is not a briefing PDF: no /BriefingBody")
            sheet = pdf.objects[numbers[number]]
            shared = pdf.objects[reference_number(sheet["Resources"])]
            resources = pydyf.Dictionary(shared)
            xobjects = shared.get("XObject", {})
            if isinstance(xobjects, bytes):
                xobjects = pdf.objects[reference_number(xobjects)]
            resources["XObject"] = pydyf.Dictionary({**xobjects, BODY[1:]: copier.copy(forms.raw_get(BODY))})
            pdf.add_object(resources)
            sheet["Resources"] = resources.reference
            drawn = pydyf.Stream([UNDERLAY])
            pdf.add_object(drawn)
            sheet["Contents"] = pydyf.Array([drawn.reference, sheet["Contents"]])
            links = [copier.copy(link) for link in resolved(page, "/Annots", []) if is_web_link(link)]
            if links:
                sheet["Annots"] = pydyf.Array([*sheet.get("Annots", []), *links])
    deflate(pdf)


def deflate(pdf: pydyf.PDF, level: int = 6) -> None:
    """Compress the streams pydyf would compress when writing, at zlib's default level instead of
    its level 9: files <1% bigger, in less than half the time (~2% of a briefing PDF)."""
    for item in pdf.objects:
        if isinstance(item, pydyf.Stream) and item.compress:
            data = b"\n".join(pydyf._to_bytes(part) for part in item.stream)  # as pydyf joins them
            item.stream = [zlib.compress(data, level)]
            item.compress = False
            item.extra["Filter"] = "/FlateDecode"


class Copier:
    """Copies objects read by pypdf (from briefing PDFs) into a pydyf document, each indirect
    object once. Streams keep their encoded bytes; strings are written in hex."""

    def __init__(self, pdf: pydyf.PDF) -> None:
        self.pdf = pdf
        self.copied: dict[tuple[int, int], bytes] = {}
        self.sources: list[Any] = []  # keeps the readers alive: their id() is part of the keys

    def copy(self, value: Any) -> Any:
        """`value` as a pydyf value: a reference (bytes) for an indirect object."""
        if isinstance(value, IndirectObject):
            key = (id(value.pdf), value.idnum)
            if key not in self.copied:
                self.sources.append(value.pdf)
                self.copied[key] = self.indirect(value.get_object(), key)
            return self.copied[key]
        if isinstance(value, BooleanObject):
            return b"true" if value else b"false"
        if isinstance(value, NameObject):
            return str(value)
        if isinstance(value, (TextStringObject, ByteStringObject)):
            raw = value.original_bytes if isinstance(value, TextStringObject) else bytes(value)
            return b"<" + raw.hex().encode("ascii") + b">"
        if isinstance(value, (int, float)):
            return value
        if isinstance(value, StreamObject):
            raise ValueError("a stream must be an indirect object")
        if isinstance(value, DictionaryObject):
            return self.fill(pydyf.Dictionary(), value)
        if isinstance(value, ArrayObject):
            return pydyf.Array([self.copy(item) for item in value])
        if value is None or isinstance(value, NullObject):
            return b"null"
        raise ValueError(f"cannot copy a {type(value).__name__} into a digest")

    def indirect(self, value: Any, key: tuple[int, int]) -> bytes:
        """Add `value` to the document as a new object; the reference is known before its content
        is copied, so objects that refer to each other are copied once."""
        if isinstance(value, StreamObject):
            encoded = isinstance(value, EncodedStreamObject)
            target: pydyf.Object = pydyf.Stream([value._data if encoded else value.get_data()])
        elif isinstance(value, DictionaryObject):
            target = pydyf.Dictionary()
        elif isinstance(value, ArrayObject):
            target = pydyf.Array()
        else:
            target = Literal(self.copy(value))
        self.pdf.add_object(target)
        self.copied[key] = target.reference
        if isinstance(value, StreamObject):
            # Encoded data keeps its /Filter; decoded data loses it. pydyf writes /Length.
            dropped = {"/Length"} if encoded else {"/Length", "/Filter", "/DecodeParms"}
            target.extra = self.fill(pydyf.Dictionary(), value, dropped)
        elif isinstance(value, DictionaryObject):
            self.fill(target, value)
        elif isinstance(value, ArrayObject):
            target.extend(self.copy(item) for item in value)
        return target.reference

    def fill(
        self, target: pydyf.Dictionary, source: DictionaryObject, dropped: Iterable[str] = ()
    ) -> pydyf.Dictionary:
        """Copy the entries of `source` into `target`, except `dropped` and /P (an annotation's
        page, which is not copied)."""
        skip = {"/P", *dropped}
        for key, item in source.items():
            if key not in skip:
                target[key[1:]] = self.copy(item)
        return target


class Literal(pydyf.Object):
    """A copied indirect object that is neither a dictionary, an array nor a stream."""

    def __init__(self, value: Any) -> None:
        super().__init__()
        self.value = value

    @property
    def data(self) -> bytes:
        return pydyf._to_bytes(self.value)


def reference_number(reference: bytes) -> int:
    return int(reference.split()[0])


def is_web_link(link: Any) -> bool:
    annotation = link.get_object()
    action = resolved(annotation, "/A")
    return resolved(annotation, "/Subtype") == "/Link" and resolved(action, "/S") == "/URI"


def resolved(dictionary: Any, key: str, default: object = None) -> Any:
    """`dictionary[key]` with indirect references followed; `default` when absent (an empty
    dictionary unless given)."""
    value = dictionary.get(key) if dictionary is not None else None
    if value is None:
        return DictionaryObject() if default is None else default
    return value.get_object()
