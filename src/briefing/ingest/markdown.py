"""Reader for Markdown articles with optional YAML front matter (front matter wins).

Front matter is the block between a first line `---` and the next `---` (or `...`) line. Its
fields (`title`, `date`, `source`, `url`, `tags`, `section`, `byline`, `lead`; all optional) are
the author's word and override anything detected from the body. Errors point at the line in the
file, counting the opening `---` as line 1, so a YAML problem in the front matter's first line is
reported at line 2.

The body is rendered with Python-Markdown and turned back into plain paragraphs: markup is
stripped, raw HTML is reduced to its text (scripts and styles dropped), headings are kept out of
the body (the first top-level heading is the title when the front matter has none).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import markdown as markdown_lib
import nh3
import yaml

from ..errors import IngestError
from ..model import Article
from . import cleaning, publishers
from .dates import date_from_url, parse_date_line, parse_iso_date
from .decoding import decode

FENCE = re.compile(r"^(?:---|\.\.\.)\s*$")

#: Front matter fields and the types they accept (dates are checked separately).
STRING_FIELDS = ("title", "source", "url", "section", "byline", "lead")

#: Block-level elements whose text is one paragraph of the body.
BLOCKS = {"p", "li", "blockquote", "pre", "td", "th", "dd", "dt", "div", "address"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
#: Block separators (kept by `re.split` thanks to the group, so the text is rebuilt exactly).
BLANK_LINES = re.compile(r"(\n[ \t]*\n)")

#: Characters that can start an inline match in Python-Markdown (escape, code, emphasis, link,
#: image, raw HTML, autolink, entity), and private-use stand-ins that Markdown leaves alone.
INLINE_STARTS = "\\`*_[<&"
STAND_INS = "".join(chr(0xE000 + i) for i in range(len(INLINE_STARTS)))
TO_STAND_INS = str.maketrans(INLINE_STARTS, STAND_INS)
FROM_STAND_INS = str.maketrans(STAND_INS, INLINE_STARTS)
NO_STAND_INS = str.maketrans(dict.fromkeys(STAND_INS))

#: More inline-markup characters than this in one block and the block is read as literal text.
MAX_INLINE_MARKS = 64

#: A list marker at the start of a line: block structure that literal blocks keep.
LIST_MARKER_OR_MARK = re.compile(
    r"^[ \t]*(?:[*+-]|\d{1,9}[.)])[ \t]+|[" + re.escape(INLINE_STARTS) + "]", re.M
)

DROPPED = {"script", "style", "template", "noscript", "iframe", "svg", "figcaption", "nav", "footer", "aside"}
#: What survives sanitising: blocks and headings (their text is read), inline markup (dropped later).
INLINE = {"a", "abbr", "b", "br", "cite", "code", "em", "i", "q", "small", "span", "strong", "sub", "sup"}
SAFE_TAGS = BLOCKS | HEADINGS | INLINE | {"ul", "ol", "dl", "table", "thead", "tbody", "tr", "hr"}
#: Removed together with their content: code, embedded documents and page furniture.
UNSAFE_CONTENT_TAGS = DROPPED | {"object", "embed", "math", "form", "button", "select", "textarea"}


@dataclass
class FrontMatter:
    """The validated front matter fields (None when absent)."""

    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    section: str | None = None
    byline: str | None = None
    lead: str | None = None
    tags: tuple[str, ...] = ()


def read(data: bytes, source_path: str) -> Article:
    text = decode(data, source_path)
    meta, body = split_front_matter(text, source_path)
    blocks = markdown_blocks(body)
    headings = [value for kind, value in blocks if kind == "heading"]
    paragraphs = [
        value for kind, value in blocks if kind == "text" and not cleaning.is_furniture_paragraph(value)
    ]
    dates = [parse_date_line(p) for p in paragraphs]
    paragraphs = [p for p, d in zip(paragraphs, dates, strict=True) if d is None and cleaning.has_letters(p)]
    if not any(
        cleaning.ends_sentence(p) or cleaning.word_count(p) > cleaning.MAX_HEADING_WORDS for p in paragraphs
    ):
        raise IngestError("no article text found (no sentences in the Markdown body)", source_path)
    title = meta.title or (headings[0] if headings else paragraphs[0])
    lead = meta.lead
    if lead and cleaning.normalise_line(lead) not in paragraphs[:1]:
        paragraphs.insert(0, cleaning.normalise_line(lead))
    return Article(
        source_path=source_path,
        title=title,
        paragraphs=tuple(paragraphs),
        date=meta.date or next((d for d in dates if d), None) or date_from_url(meta.url),
        source=meta.source or publishers.source_from_url(meta.url),
        url=meta.url,
        section=meta.section,
        byline=meta.byline,
        tags=meta.tags,
        lead=cleaning.normalise_line(lead) if lead else None,
    )


def split_front_matter(text: str, source_path: str) -> tuple[FrontMatter, str]:
    """Separate and validate the YAML front matter; the body is everything after it."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return FrontMatter(), text
    end = next((i for i in range(1, len(lines)) if FENCE.match(lines[i])), None)
    if end is None:
        raise IngestError("front matter is not closed (no second '---' line)", source_path, 1)
    block = "\n".join(lines[1:end])
    return parse_front_matter(block, source_path), "\n".join(lines[end + 1 :])


def parse_front_matter(block: str, source_path: str) -> FrontMatter:
    """Parse the YAML block and check each field's type, reporting the field's line on errors."""
    try:
        node = yaml.compose(block, Loader=yaml.SafeLoader)
        values = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 2 if mark is not None else 2
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise IngestError(f"invalid YAML in front matter: {problem}", source_path, line) from None
    except (ValueError, OverflowError) as exc:
        # PyYAML resolves "2017-02-30" as a timestamp and then fails building the date.
        raise IngestError(f"invalid value in front matter: {exc}", source_path, 2) from None
    except RecursionError:
        raise IngestError("front matter is nested too deeply", source_path, 2) from None
    if values is None:
        return FrontMatter()
    if not isinstance(values, dict) or not isinstance(node, yaml.MappingNode):
        raise IngestError("front matter must be a mapping of fields (key: value)", source_path, 2)
    lines = {key.value: key.start_mark.line + 2 for key, _ in node.value if isinstance(key, yaml.ScalarNode)}
    meta = FrontMatter()
    for name in STRING_FIELDS:
        if not _blank(values.get(name)):
            setattr(meta, name, _string_field(values[name], name, source_path, lines.get(name)))
    if values.get("date") is not None:
        meta.date = _date_field(values["date"], source_path, lines.get("date"))
    if values.get("tags") is not None:
        meta.tags = _tags_field(values["tags"], source_path, lines.get("tags"))
    return meta


def _blank(value: Any) -> bool:
    """`source:` or `source: ''` means not given (as `briefing new` writes it), not an error."""
    return value is None or (isinstance(value, str) and not value.strip())


def _string_field(value: Any, name: str, source_path: str, line: int | None) -> str:
    if not isinstance(value, str):
        raise IngestError(f"front matter field '{name}' must be a string", source_path, line)
    return " ".join(value.split())


def _date_field(value: Any, source_path: str, line: int | None) -> dt.date:
    """A YAML date, date-time, or an ISO 8601 string; anything else ("yesterday") is an error."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    parsed = parse_iso_date(value) if isinstance(value, str) else None
    if parsed is None:
        raise IngestError(
            f"front matter field 'date' must be a date like 2017-03-23, not {value!r}", source_path, line
        )
    return parsed


def _tags_field(value: Any, source_path: str, line: int | None) -> tuple[str, ...]:
    """A list of strings, or one comma-separated string."""
    if isinstance(value, str):
        items: list[Any] = value.split(",")
    elif isinstance(value, list):
        items = value
    else:
        raise IngestError("front matter field 'tags' must be a list of strings", source_path, line)
    if not all(isinstance(item, str) for item in items):
        raise IngestError("front matter field 'tags' must be a list of strings", source_path, line)
    return tuple(tag.strip() for tag in items if tag.strip())


def markdown_blocks(body: str) -> list[tuple[str, str]]:
    """The body as ("heading" | "text", plain text) blocks, in document order."""
    html = markdown_lib.markdown(defuse_inline_markup(body), extensions=["extra", "sane_lists"])
    collector = BlockText()
    collector.feed(sanitise(html))
    collector.close()
    return collector.blocks


def sanitise(html: str) -> str:
    """Reduce rendered Markdown to a safe subset with nh3 (ammonia) before reading its text.

    Raw HTML in an article is untrusted: scripts, styles, iframes and the like are removed with
    their content, every attribute goes, and only the block and inline tags whose text is
    article text survive. The text collector below then never sees anything a browser would run.
    """
    return nh3.clean(html, tags=SAFE_TAGS, clean_content_tags=UNSAFE_CONTENT_TAGS, attributes={})


def defuse_inline_markup(body: str) -> str:
    """The body with the inline markup of pathological blocks made literal.

    Python-Markdown rebuilds a block's whole text for every inline match and scans to the end of
    the block for every unmatched `[` or `<`, so one block with many thousands of them takes
    minutes (quadratic time). A block with more than `MAX_INLINE_MARKS` markup characters is no
    hand-written paragraph: its markup characters are swapped for private-use stand-ins that
    Markdown ignores (and `restore_marks` swaps back), so it is read as plain text in linear time.
    List markers at line starts are kept, so lists stay lists.
    """
    blocks = BLANK_LINES.split(body.translate(NO_STAND_INS))
    return "".join(_literal(block) if _marks(block) > MAX_INLINE_MARKS else block for block in blocks)


def _marks(block: str) -> int:
    return sum(block.count(char) for char in INLINE_STARTS)


def _literal(block: str) -> str:
    """Markup characters swapped for stand-ins; a list marker (a match longer than one) is kept."""
    return LIST_MARKER_OR_MARK.sub(
        lambda m: m.group(0).translate(TO_STAND_INS) if len(m.group(0)) == 1 else m.group(0), block
    )


def restore_marks(text: str) -> str:
    """Undo `defuse_inline_markup` in extracted text."""
    return text.translate(FROM_STAND_INS)


class BlockText(HTMLParser):
    """Collects the plain text of each block element; inline markup and unknown tags vanish."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._parts: list[str] = []
        self._kind = "text"
        self._dropped_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROPPED:
            self._dropped_depth += 1
        elif tag in HEADINGS or tag in BLOCKS:
            self._flush()
            self._kind = "heading" if tag in HEADINGS else "text"
        elif tag == "br":
            self._parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED:
            self._dropped_depth = max(0, self._dropped_depth - 1)
        elif tag in HEADINGS or tag in BLOCKS:
            self._flush()
            self._kind = "text"

    def handle_data(self, data: str) -> None:
        if not self._dropped_depth:
            self._parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        text = cleaning.normalise_line(restore_marks("".join(self._parts)))
        self._parts = []
        if text:
            self.blocks.append((self._kind, text))
