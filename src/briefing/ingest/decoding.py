"""Bytes -> text for every reader: encoding detection, mojibake repair, binary/empty rejection.

Scraped articles arrive in whatever encoding the scraper used (UTF-8 mostly, sometimes Windows-1252
or Latin-1, sometimes UTF-8 that was decoded wrongly once and re-encoded: "â€™" for "'"). All
readers go through `decode` so the rest of ingest only ever sees clean Unicode text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer
import ftfy

from ..errors import IngestError

#: Byte-order marks that announce an encoding (UTF-16/32 text legitimately contains NUL bytes).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Control characters other than tab/newline/carriage return/form feed: a sign of binary data.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

#: Invisible format characters (zero-width spaces, bidi marks, soft hyphens) that scrapes carry
#: inside words and names; they break matching and tokenisation and carry no meaning in prose.
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")

#: More than this share of control characters means the "text" is really binary data.
MAX_CONTROL_SHARE = 0.01


def decode(data: bytes, source_path: str) -> str:
    """Return the file's text with mojibake repaired; reject binary and empty files.

    UTF-8 is tried first because it is by far the most common and is unambiguous when it decodes;
    otherwise charset-normalizer guesses, with Windows-1252 as the last resort (it decodes every
    byte, and is what "Latin-1" files usually really are).
    """
    if not data.strip():
        raise IngestError("empty file", source_path)
    text = _decode_bytes(data, source_path)
    if _looks_binary(text):
        raise IngestError("binary file (not text)", source_path)
    text = INVISIBLE.sub("", repair_mojibake(text))
    if not text.strip():
        raise IngestError("empty file", source_path)
    return text


def _decode_bytes(data: bytes, source_path: str) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise IngestError("binary file (undecodable text)", source_path) from None
    if b"\x00" in data:
        raise IngestError("binary file (contains NUL bytes)", source_path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise IngestError("binary file (undecodable text)", source_path) from None


def _looks_binary(text: str) -> bool:
    controls = len(CONTROL.findall(text))
    return controls > 0 and controls / max(len(text), 1) > MAX_CONTROL_SHARE


def repair_mojibake(text: str) -> str:
    """Fix text that was decoded with the wrong encoding somewhere upstream ("â€œ" -> "“").

    Curly quotes, dashes and other Unicode punctuation are kept as they are (ftfy would otherwise
    straighten quotes), and the text is NFC-normalised so equal strings compare equal.
    """
    fixed = ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=True, normalization="NFC")
    return unicodedata.normalize("NFC", fixed)
