"""The layout of a scraped page as lines: header (section, title, date, byline), body, furniture.

Raw text scrapes have no markup, so structure is recovered from the shape of the lines: the title
is the heading-like line at the top (the one just above the date line when there is one), a short
label above the title is the section, a line that is only a date is the publication date, and
body paragraphs are the lines that read as sentences. Everything else is furniture (see
`cleaning`). The HTML reader reuses this on the text trafilatura extracts, with the title known.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..lexicon import is_common_word
from . import cleaning
from .cleaning import Kind
from .dates import parse_date_line, split_date_stamp

#: Lines after the first body paragraph are not searched for the title.
HEADER_SEARCH_LINES = 30

#: A label above the title with at most this many words is the page's section ("Conflicts").
MAX_SECTION_WORDS = 4

#: A punctuated first line longer than this is the article's first paragraph, not a headline.
MAX_HEADLINE_WORDS = 20

#: A sentence end followed by another sentence: a line holding it is a paragraph, not a headline.
INNER_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]?[A-Z]")

#: How a line that continues the previous line's sentence starts (lower case, comma, bracket).
CONTINUATION_START = re.compile(r"^[a-z,;:)\]%]")


@dataclass
class Line:
    """One non-blank line: its normalised text, its kind, and whether a blank line preceded it."""

    text: str
    kind: Kind
    after_blank: bool
    before_blank: bool = True
    glued_credit: bool = False
    date: dt.date | None = None
    list_item: bool = False


@dataclass
class Layout:
    """What the lines of a page hold, before publisher and URL are added."""

    title: str | None = None
    section: str | None = None
    date: dt.date | None = None
    byline: str | None = None
    tags: tuple[str, ...] = ()
    lead: str | None = None
    paragraphs: list[str] = field(default_factory=list)


def join_broken_lines(raw_lines: list[str]) -> list[str]:
    """Re-join sentences that a scraper split at inline links.

    Scrapers often put a link's text on its own line: "Davis said, the U.S.-led " / "coalition" /
    " conducted five airstrikes." A line that continues a sentence starts in lower case (or with
    a comma or bracket) right after a line that did not end the sentence.

    Linear time: the pieces of a joined line are collected in a list and joined once, and whether
    the line so far is still open is tracked from its last piece, so a hostile file of millions of
    one-word lines does not rebuild and rescan an ever longer string for every line.
    """
    joined: list[list[str]] = []
    open_sentence = False  # the last line has text, more than one word, and no sentence end
    for raw in raw_lines:
        text = raw.strip()
        if open_sentence and text and CONTINUATION_START.match(text):
            joined[-1].append(text)
            open_sentence = not cleaning.ends_sentence(text)
            continue
        joined.append([raw])
        open_sentence = bool(text) and not cleaning.ends_sentence(text) and cleaning.word_count(text) > 1
    return [
        pieces[0] if len(pieces) == 1 else " ".join([pieces[0].strip(), *pieces[1:]]) for pieces in joined
    ]


def read_lines(raw_lines: list[str]) -> list[Line]:
    """Normalise and classify every non-blank line, splitting glued image credits off captions."""
    lines: list[Line] = []
    after_blank = True
    for raw in join_broken_lines(raw_lines):
        text = cleaning.normalise_line(raw)
        if not text:
            after_blank = True
            continue
        stamp, text = split_date_stamp(text)
        if stamp is not None:
            lines.append(Line(stamp.isoformat(), Kind.FURNITURE, after_blank, date=stamp))
        label, text = cleaning.split_glued_label(text)
        if label is not None:
            lines.append(Line(label, Kind.FURNITURE, after_blank))
        text, glued = cleaning.strip_glued_credit(text)
        text = cleaning.strip_trailing_credits(text)
        kind = Kind.FURNITURE if glued else cleaning.classify(text)
        date = parse_date_line(text) if kind in {Kind.HEADING, Kind.TEXT} else None
        if date is None and kind in {Kind.HEADING, Kind.TEXT} and not cleaning.has_letters(text):
            kind = Kind.FURNITURE  # "123 456", "!!! ???", "* * *": no sentence is made of these
        if lines and not after_blank:
            lines[-1].before_blank = False
        listed = cleaning.is_list_item(raw)
        lines.append(Line(text, kind, after_blank, glued_credit=glued, date=date, list_item=listed))
        after_blank = False
    return lines


def mark_context_furniture(lines: list[Line]) -> None:
    """Furniture that is only recognisable by its neighbours.

    - the caption right above an image credit line ("USA Anti-IS-Koalition in Washington" /
      "Image: picture-alliance/AP");
    - the title next to a video player's notice or duration ("US hosts anti-IS meeting" / "00:31");
    - a caption repeated without the credit that another copy of it carries;
    - a sentence printed twice in a row: with a short credit after the second copy it is a
      caption ("... after the shooting. Source: AAP"), and both go; bare, it may as well be a
      standfirst printed twice, so only the second copy goes; both copies ending in a wire
      agency's credit ("Source: Reuters") are a caption.
    """
    credited = {_comparable(line.text) for line in lines if line.glued_credit}
    for first, second in itertools.pairwise(lines):
        if _printed_twice(first, second):
            second.kind = Kind.FURNITURE
            credited_copies = cleaning.SOURCE_CREDIT_END.search(first.text) is not None
            if credited_copies or _comparable(second.text) != _comparable(first.text):
                first.kind = Kind.FURNITURE  # "... Grozny on Thursday. Source: Reuters", twice
    for index, line in enumerate(lines):
        if line.kind in {Kind.HEADING, Kind.TEXT} and _comparable(line.text) in credited:
            line.kind = Kind.FURNITURE  # the same caption again, printed without its credit
        if line.kind is Kind.CREDIT and index > 0:
            caption = lines[index - 1]
            if not line.after_blank and _is_caption(caption, line):
                caption.kind = Kind.FURNITURE
        if line.kind is Kind.PLAYER:
            for neighbour in (index - 1, index + 1):
                if 0 <= neighbour < len(lines) and _is_player_title(lines[neighbour]):
                    lines[neighbour].kind = Kind.FURNITURE


#: The most words a credit glued after a repeated caption may have ("Source: AAP").
_REPEAT_CREDIT_WORDS = 6


def _printed_twice(first: Line, second: Line) -> bool:
    """A sentence-like line printed again on the next line, maybe followed by a credit; a
    repeated headline (no full stop) is the page's title printed twice, and is left alone."""
    credited = cleaning.ends_in_photo_credit(second.text)
    if first.kind is not Kind.TEXT or (second.kind not in {Kind.HEADING, Kind.TEXT} and not credited):
        return False
    text, again = _comparable(first.text), _comparable(second.text)
    if cleaning.word_count(first.text) < 4 or not again.startswith(text):
        return False
    credit = again[len(text) :]
    return len(credit.split()) <= _REPEAT_CREDIT_WORDS or (
        bool(credit) and credited
    )  # "... for the LGBT community. (PHOTO: Police of the Republic of Slovakia)"


def _is_caption(line: Line, credit: Line) -> bool:
    """The line above a credit is its caption when it is short and either not a sentence, or a
    sentence that forms one block with the credit (blank lines around the pair).

    In a one-line-per-paragraph scrape a punctuated line right above a credit may be article
    text that precedes an image, and real sentences must never be dropped.
    """
    if line.kind not in {Kind.HEADING, Kind.TEXT} or line.date is not None:
        return False
    if cleaning.word_count(line.text) > cleaning.MAX_CAPTION_WORDS:
        return False
    return line.kind is Kind.HEADING or (line.after_blank and credit.before_blank)


def _is_player_title(line: Line) -> bool:
    """A short heading-like line next to player furniture (a punctuated line is article text)."""
    return (
        line.kind is Kind.HEADING
        and line.date is None
        and cleaning.word_count(line.text) <= cleaning.MAX_PLAYER_TITLE_WORDS
    )


def analyse(raw_lines: list[str], known_title: str | None = None, url: str | None = None) -> Layout:
    """Split a page's lines into header metadata and body paragraphs."""
    lines = read_lines(raw_lines)
    mark_context_furniture(lines)
    _keep_cut_off_ending(lines)
    layout = Layout()
    title_index = _title_index(lines, known_title)
    if known_title is None:
        slug = slug_words(url)
        title_index = _title_named_by_url(lines, slug, title_index)
        if title_index is not None and _unrelated_to_the_url(lines[title_index].text, slug):
            title_index = None  # "The Nation" above the date of a reprint: the paper, not the headline
        if title_index is not None:
            lines[title_index].text = _without_breadcrumb(lines[title_index].text, slug)
    if title_index is not None:
        layout.title = lines[title_index].text
        layout.section = _section_above(lines, title_index)
    layout.date = _publication_date(lines, title_index)
    layout.byline = next((cleaning.byline_of(line.text) for line in lines if line.kind is Kind.BYLINE), None)
    layout.tags = next((cleaning.tags_of(line.text) for line in lines if line.kind is Kind.TAGS), ())
    body_start = (title_index + 1) if title_index is not None else 0
    layout.paragraphs, layout.lead = _body(lines, body_start, known_title)
    if not layout.paragraphs and title_index is not None and lines[title_index].kind is Kind.TEXT:
        layout.paragraphs = [lines[title_index].text]  # a one-sentence article is its own headline
    return layout


#: Kinds of line that are never the article's words: furniture, credits, player notices.
_NOT_CONTENT = frozenset({Kind.FURNITURE, Kind.CREDIT, Kind.PLAYER})

#: A scrape cut off mid-sentence ends with a line this long or longer that has no full stop.
CUT_OFF_WORDS = 12


def _keep_cut_off_ending(lines: list[Line]) -> None:
    """ "Al-Shabab often launches attacks on Somali security forces, officials and army bas": the
    page's last line, long and unpunctuated because the scrape stopped mid-sentence, is the start
    of a paragraph, not a heading; after article text (or a short subheading) it stays. So does a
    long last line holding a full sentence before the cut ("... in Cabo Delgado. In 2021, Rwanda and
    the So"), after article text."""
    content = [line for line in lines if line.kind not in _NOT_CONTENT]
    if len(content) < 2 or content[-1].kind is not Kind.HEADING:
        return
    last, before = content[-1], content[-2]
    short_subheading = (
        before.kind is Kind.HEADING and cleaning.word_count(before.text) <= MAX_SECTION_WORDS * 2
    )
    cut_off = _reads_as_cut_off(last.text) and (before.kind is Kind.TEXT or short_subheading)
    cut_after_a_sentence = (
        before.kind is Kind.TEXT
        and INNER_SENTENCE_END.search(last.text) is not None
        and cleaning.word_count(last.text) >= CUT_OFF_WORDS
    )
    if cut_off or cut_after_a_sentence:
        last.kind = Kind.TEXT


def _reads_as_cut_off(text: str) -> bool:
    """Long, in sentence case, and ending on a lower-case word or a broken one: a sentence the
    scrape stopped in, not a headline, a caption or a promotion ("Join our WhatsApp Channel")."""
    words = text.split()
    capitalised = sum(1 for w in words if w[:1].isupper())
    return (
        len(words) >= CUT_OFF_WORDS
        and capitalised * 2 < len(words)
        and words[-1].lstrip("“\"‘'(")[:1].islower()
        and not any(mark in text for mark in ("|", ":"))
    )


#: How far below the headline its date line may sit (byline, share bar and caption between).
DATE_BELOW_TITLE_LINES = 4


def _publication_date(lines: list[Line], title_index: int | None) -> dt.date | None:
    """The date line just under the headline; else the page's first date line. A site's date
    bar ("Tuesday, July 1, 2025") sits above the headline and gives the day of the scrape."""
    if title_index is not None:
        for index in reversed(_title_repeats(lines, title_index)):
            below = lines[index + 1 : index + 1 + DATE_BELOW_TITLE_LINES]
            dated = next((line.date for line in below if line.date), None)
            if dated:
                return dated
    above_title = title_index or 0  # a date bar above the headline is the day of the scrape
    return next(
        (
            line.date
            for i, line in enumerate(lines)
            if line.date and not (i < above_title and _DATE_BAR.match(line.text))
        ),
        None,
    )


def _title_repeats(lines: list[Line], title_index: int) -> list[int]:
    """The headline's line and the lines further down that repeat it: a scrape that prints the
    headline, then the site's date bar and menus, then the page's own headline and its date, is
    dated by the date under the last one."""
    wanted = _comparable(lines[title_index].text)
    later = range(title_index + 1, min(len(lines), HEADER_SEARCH_LINES + title_index))
    return [title_index, *(i for i in later if wanted and _comparable(lines[i].text).endswith(wanted))]


def _title_index(lines: list[Line], known_title: str | None) -> int | None:
    """Where the headline is: above the date line if the header has one, else the first heading.

    A known title (from metadata) is only located, so that it is not repeated in the body.
    """
    if known_title is not None:
        wanted = _comparable(known_title)
        return next(
            (i for i, line in enumerate(lines[:HEADER_SEARCH_LINES]) if _comparable(line.text) == wanted),
            None,
        )
    header = _header(lines)
    for position, index in enumerate(header):
        if lines[index].date is not None:
            before = [i for i in header[:position] if _could_be_headline(lines[i])]
            if before:
                return before[-1]
    headings = [i for i in header if lines[i].kind is Kind.HEADING and lines[i].date is None]
    first_text = next((i for i in header if lines[i].kind is Kind.TEXT), len(lines))
    if (
        len(headings) >= 2
        and headings[0] < first_text
        and cleaning.word_count(lines[headings[0]].text) <= MAX_SECTION_WORDS
    ):
        longer = [i for i in headings[1:] if cleaning.word_count(lines[i].text) > MAX_SECTION_WORDS]
        if longer:
            return longer[0]
    prose = next(
        (
            i
            for i in header
            if lines[i].kind is Kind.TEXT and not _could_be_headline(lines[i]) and not _is_label(lines[i])
        ),
        None,
    )
    candidates = [i for i in header if _could_be_headline(lines[i]) and (prose is None or i < prose)]
    return candidates[0] if candidates else None


#: Share of the URL slug's words a line must contain to be recognised as the headline it spells.
SLUG_MATCH = 0.6
#: A line that spells this much of the slug, and says little else, is the headline even with a
#: full stop in it ("Out-of-control violence in Mexico. Deadly ambush on the National Guard.").
SLUG_SPELLED_OUT = 0.9


def _title_named_by_url(lines: list[Line], slug: set[str], guess: int | None) -> int | None:
    """The header line the page's address spells out ("/kurdish-militants-attack-turkish-police-
    kill-themselves"), which beats a guess from line shapes: sites put a region label, a menu
    item or a notice above their headline."""
    if len(slug) < 3:
        return guess
    best, best_score = guess, (0.0, 0.0)
    for index, line in enumerate(lines[:HEADER_SEARCH_LINES]):
        if line.kind not in {Kind.HEADING, Kind.TEXT} or line.date is not None:
            continue
        words = _slug_parts(line.text)
        if not words:
            continue
        # how much of the slug the line spells, then how little else it says ("You are here:
        # Home | News | <headline>" spells as much as the headline but is not it)
        score = (len(words & slug) / len(slug), len(words & slug) / len(words))
        if cleaning.word_count(line.text) > MAX_HEADLINE_WORDS and min(score) < SLUG_SPELLED_OUT:
            continue  # a long line is the headline only when it spells the slug and nothing else
        if line.text.rstrip().endswith(".") and min(score) < SLUG_SPELLED_OUT:
            continue  # a lead sentence restating the headline is body text
        if score[0] >= SLUG_MATCH and score > best_score:
            best, best_score = index, score
    return best


#: A URL slug this long spells the headline; a short line sharing none of its words is not it.
SPELLING_SLUG_WORDS = 4
#: Lines this short may be a masthead or a label rather than a headline.
MASTHEAD_WORDS = 3


#: A slug with this many English words names the story so fully that its headline shares one.
FULL_SLUG_WORDS = 5


def _unrelated_to_the_url(title: str, slug: set[str]) -> bool:
    """A line sharing no word with a slug that spells the headline is a masthead ("The Nation")
    or, when the slug is long, a promotion ("Recommended Sponsor - Buy Original Artwork")."""
    if _slug_parts(title) & slug or len(slug) < SPELLING_SLUG_WORDS:
        return False
    english = [w for w in slug if len(w) >= 3 and is_common_word(w)]  # not "udar-rf-po-bagatopoverhivtsi"
    return len(title.split()) <= MASTHEAD_WORDS or len(english) >= FULL_SLUG_WORDS


def _without_breadcrumb(title: str, slug: set[str]) -> str:
    """ "Home Muslim World News Hostages freed at Pakistani army headquarters": navigation glued
    before the headline; the headline starts at the first word of the URL's slug when every word
    before it is capitalised (a menu) and the rest holds most of the slug."""
    if len(slug) < 3:
        return title
    words = title.split()
    start = next((i for i, word in enumerate(words) if _slug_parts(word) & slug), None)
    if start is None:
        return title
    rest = words[start:]
    rest_words = set().union(*(_slug_parts(w) for w in rest))
    if (
        start == 0
        or not all(w[:1].isupper() for w in words[:start])
        or len(rest_words & slug) < SLUG_MATCH * len(slug)
    ):
        return title
    return " ".join(rest)


def _slug_parts(text: str) -> set[str]:
    """The slug words a line or one word of it spells: "Juba-Yei" spells "juba" and "yei", and
    "Libya’s" spells "libyas" as URLs write it as well as "libya"."""
    lower = text.lower()
    return set(re.findall(r"[a-z0-9]+", lower)) | set(re.findall(r"[a-z0-9]+", re.sub("['’]", "", lower)))


def slug_words(url: str | None) -> set[str]:
    """The words of the URL path segment that reads as a headline (the most hyphenated words)."""
    if not url:
        return set()
    path = urlsplit(url).path
    segments = [re.sub(r"\.\w{2,5}$", "", seg) for seg in path.split("/") if seg]
    best: list[str] = []
    for segment in segments:
        words = [w for w in re.split(r"[-_]+", segment.lower()) if w.isalpha()]
        if len(words) > len(best):
            best = words
    return set(best)


def _could_be_headline(line: Line) -> bool:
    """Headings, and short single sentences ("Is the coalition winning?"), but not paragraphs.

    A scrape without a headline line starts straight with the article; its first paragraph must
    stay in the body rather than become the title.
    """
    if line.date is not None or _METADATA_LINE.match(line.text) or _DATE_BAR.match(line.text):
        return False
    if _is_label(line) or _PICTOGRAPH.search(line.text):
        return False  # "LATEST STORIES:" labels a list; "Start the day smarter ☀️" is a promotion
    if line.list_item:
        return False  # "- AA captures junta artillery battalion": a related story in a list
    if line.kind is Kind.HEADING:
        return True
    return (
        line.kind is Kind.TEXT
        and cleaning.word_count(line.text) <= MAX_HEADLINE_WORDS
        and not INNER_SENTENCE_END.search(line.text)
        and not line.text.rstrip().endswith(".")  # headlines carry no full stop; lead sentences do
    )


def _is_label(line: Line) -> bool:
    """ "LATEST STORIES:", "Updated:": a line that labels what follows, neither headline nor prose."""
    return line.text.rstrip().endswith(":") and cleaning.word_count(line.text) <= MAX_SECTION_WORDS


#: Emoji and pictographs: promotions and menus use them, headlines do not.
_PICTOGRAPH = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")
#: "Editor: huaxia", "Source: Xinhua": a short labelled field of the page's metadata.
_METADATA_LINE = re.compile(r"^[A-Z][a-z]+(?: [a-z]+)?:\s*\S+(?:\s+\S+){0,3}$")
#: "FRIDAY, April 19, 2024 nationthailand": a site's date bar, whatever the scraper glued to it.
_DATE_BAR = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s+"
    r"(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}",
    re.IGNORECASE,
)


def _header(lines: list[Line]) -> list[int]:
    """Indexes of the lines before the first body sentence (where title, section and date live)."""
    header: list[int] = []
    for index, line in enumerate(lines[:HEADER_SEARCH_LINES]):
        header.append(index)
        if line.kind is Kind.TEXT and line.date is None and index > 0 and _opens_body(lines, index):
            break
    return header


def _opens_body(lines: list[Line], index: int) -> bool:
    """A sentence line after at least one heading-like line: the header is over."""
    return any(line.kind is Kind.HEADING for line in lines[:index])


def _section_above(lines: list[Line], title_index: int) -> str | None:
    """The short label right above the headline ("Conflicts"), skipping navigation furniture."""
    for line in reversed(lines[:title_index]):
        if line.kind in _NOT_CONTENT:
            continue
        if (
            line.kind is Kind.HEADING
            and line.date is None
            and cleaning.word_count(line.text) <= MAX_SECTION_WORDS
        ):
            return line.text
        return None
    return None


#: A paragraph this long printed again word for word is a repeat, not a second paragraph.
REPEATED_PARAGRAPH_WORDS = 8


def _body(lines: list[Line], start: int, known_title: str | None) -> tuple[list[str], str | None]:
    """The article's paragraphs, and its lead when furniture separates it from the rest."""
    paragraphs: list[str] = []
    lead: str | None = None
    furniture_since_last = False
    wanted = _comparable(known_title) if known_title else None
    seen: set[str] = set()
    for line in lines[start:]:
        if line.kind is not Kind.TEXT or line.date is not None:
            if paragraphs and line.kind in _NOT_CONTENT:
                furniture_since_last = True
            continue
        comparable = _comparable(line.text)
        if wanted is not None and comparable == wanted:
            continue
        if comparable in seen and cleaning.word_count(line.text) >= REPEATED_PARAGRAPH_WORDS:
            continue  # the page printed the story twice (an AMP copy, a "read more" repeat)
        seen.add(comparable)
        if len(paragraphs) == 1 and furniture_since_last:
            lead = paragraphs[0]
        paragraphs.append(line.text)
    return paragraphs, lead


def _comparable(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
