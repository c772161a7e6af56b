"""Page furniture: recognise the lines of a scraped news page that are not article text.

A scrape of a news page interleaves the article with navigation ("Skip to content", numbered menu
lists), image captions and credits ("Image: picture-alliance/AP"), video players ("This browser
does not support the video element.", "00:31"), related-story teasers, share bars, cookie and
newsletter prompts, agency credits ("tj/se (AFP, dpa)") and section headings. The patterns here are
the general shapes these take across news sites, not any one site's strings, so unseen outlets are
cleaned too. The one structural rule that catches most of them: article paragraphs are sentences,
so a short line without sentence-final punctuation is a heading, label or link, never body text.
"""

from __future__ import annotations

import html
import re
from enum import Enum

#: Sentence-final punctuation, possibly followed by closing quotes or brackets.
SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")

#: A heading-like line (no sentence-final punctuation) longer than this many words is kept anyway:
#: long unpunctuated lines are article paragraphs that lost their full stop, not headings.
MAX_HEADING_WORDS = 20

#: Furniture lines (even cookie notices) are shorter than this; a longer line that happens to
#: contain "All rights reserved" or "newsletter" is an article paragraph (or a whole one-line
#: article) and is kept.
MAX_FURNITURE_WORDS = 60

#: A copyright notice glued to the end of the last paragraph ("... a granddaughter. ©2015 The
#: Hollywood Reporter. All rights reserved.").
TRAILING_COPYRIGHT = re.compile(
    r"(?<=[.!?\"”’])\s*(?:©|\(c\)|copyright\b)\s*(?:\d{4}\s*)?[^.!?]{0,60}\.?(?:\s*all rights reserved\.?)?\s*$",
    re.IGNORECASE,
)

#: Credits in brackets glued after the last sentence of a paragraph: "... the republic's leader
#: said. (AP Photo/Musa Sadulayev) (Musa Sadulayev, Copyright 2020 The Associated Press. All
#: rights reserved.)", "... to accommodate them. (AFP)".
TRAILING_CREDITS = re.compile(
    r"(?<=[.!?\"”’])(?:\s*\((?:[^()]{0,80}\b(?:[Pp]hoto|PHOTO|Copyright|All rights reserved)\b[^()]{0,80}"
    r"|AFP|AP|Reuters|REUTERS|EFE|dpa|Xinhua|Anadolu|IANS|PTI|ANI|with (?:a )?reports? from [^()]{2,60})\))+\s*$"
)

#: An embedded post's link and signature glued after a paragraph: "... to take action.
#: pic.twitter.com/WmiWPGWwPz — Collin Rugg (@CollinRugg) October 16, 2023".
TRAILING_POST = re.compile(
    r"(?<=[.!?\"”’])\s*pic\.twitter\.com/\w+(?:\s*[—–-]\s*[^()]{2,40}\(@\w{1,30}\)\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}, (?:19|20)\d{2})?\s*$",
    re.IGNORECASE,
)

#: A paper's name in capitals opening a reprinted story: "(TRINIDAD GUARDIAN) Although he ...".
LEADING_SOURCE = re.compile(r"^\([A-Z][A-Z .&'-]{2,40}\)\s+(?=[A-Z][a-z])")

#: Short lines next to a video player are its title; longer ones are article text.
MAX_PLAYER_TITLE_WORDS = 15

#: A caption directly above an image credit is at most this long.
MAX_CAPTION_WORDS = 30

#: Bullets scrapers leave at the start of list items ("• ", "· ", a lone ". " from a lost "•").
BULLET = re.compile(r"^(?:[•·▪■●◦‣∙*–—-]|\.(?!\.))\s+(?=\S)")

#: "1. Skip to content": the numbers of a scraped navigation list.
NUMBERED_ITEM = re.compile(r"^\d{1,2}[.)]\s+")

#: Credit labels that start a caption/credit line ("Image: ...", "Photo: ...", "Foto: ...").
CREDIT_LABEL = r"(?:image|images|photo|photos|photograph|picture|pictures|foto|bild|credit|credits|video)"
CREDIT_LINE = re.compile(rf"^{CREDIT_LABEL}\s*(?:credit|source|copyright)?\s*:\s*\S", re.IGNORECASE)

#: A caption with the credit glued on by the scraper: "...Arab countriesImage: picture-alliance/AP".
GLUED_CREDIT = re.compile(
    rf"(?:(?<=[\w.)\"'”’])|(?<=[.)\"'”’]\s))(?:{CREDIT_LABEL.title()}|{CREDIT_LABEL.upper()})(?::|\s/)\s*\S.*$"
)

#: A caption's closing credit in brackets: "(AP Photo/J. Scott Applewhite)", "(Photo: Reuters)".
PHOTO_CREDIT_END = re.compile(
    r"\((?:[A-Z][\w.&-]*\s+)?(?:Photo|Photograph|Picture|Image|Foto)s?\s*(?:/|:|\bby\b)\s*[^()]{2,80}\)\s*$"
    r"|\((?:[A-Z][\w.&-]*\s+){1,3}(?:file\s+)?(?:photo|Photo|PHOTO)s?\)\s*$"  # "(PNP photo)", "(AFP photo)"
)

#: A photo agency's credit closing a caption, or standing alone: "REUTERS/YVES HERMAN",
#: "EFE-EPA/STR", "(REUTERS Photo)", "(AFP PHOTO/IBRAHIM CHALHOUB)", "(Ahmad Fauzan/AP Photo)",
#: "File Photo by Ali Haider/EPA-EFE", "Robina Asido/DMS", "March 22, 2024. — Reuters".
_PHOTO_AGENCIES = r"(?:REUTERS|Reuters|AFP|AP|EPA|EFE|EPA-EFE|EFE-EPA|DMS|STR|Getty Images|ANADOLU|Anadolu|XINHUA|Xinhua|IANS|PTI|PA)"
#: A wire agency credited at the end of a caption: "... in the Chechen capital. Source: Reuters".
SOURCE_CREDIT_END = re.compile(rf"[.!?\"”]\s+Source:\s*{_PHOTO_AGENCIES}\.?$")
AGENCY_PHOTO_CREDIT = re.compile(
    rf"(?:(?:^|\s)(?:{_PHOTO_AGENCIES})/[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){{0,3}}"
    rf"|(?:^|\s)[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){{0,3}}(?:/{_PHOTO_AGENCIES})+(?:\s+Photo)?"
    rf"|\([^()]*\bPHOTO\b[^()]*\)|\((?:{_PHOTO_AGENCIES})\s+Photo\)"
    rf"|\.\s+[—–-]\s+{_PHOTO_AGENCIES})\)?\.?\s*$"
)

#: Wire photo captions end with where and the full date the picture was taken ("..., in
#: Mogadishu, Somalia, on Jan. 8, 2020.", "... Donetsk, Ukraine July 5, 2022. REUTERS/Name",
#: "Police inspect the scene of a bombing in Narathiwat, 14 July 2015.").
CAPTION_DATE_END = re.compile(
    r"(?:(?:,\s*|\s+on\s+)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+(?:19|20)\d{2}\."
    r"|,\s+\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d{2}\.)"
    r"(?:\s+[A-Z]{2,}/[A-Z][\w .'-]+|\s+(?:AFP|AP|Reuters|EPA|Getty Images|Xinhua|Anadolu))?\s*$",
    re.IGNORECASE,
)

#: Bare times and durations from video/audio players ("00:31", "Video 02:14", "3:05 min").
PLAYER_TIME = re.compile(
    r"^(?:(?:video|audio|duration|watch|listen)\s*:?\s*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:min|mins|minutes))?$",
    re.IGNORECASE,
)

#: Notices printed by media players that failed to load.
PLAYER_NOTICE = re.compile(
    r"(?:this browser does not support the (?:video|audio) element|"
    r"media playback is (?:unsupported|not supported)|your browser does not support|"
    r"please enable javascript|javascript is (?:disabled|required)|"
    r"to play this (?:video|audio|content) you need|video (?:is )?(?:unavailable|not available))",
    re.IGNORECASE,
)

#: Whole-line furniture phrases: navigation, promotion, sharing, legal and prompt lines.
FURNITURE_LINES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^skip (?:to|next section|navigation|ad|advert)\b",
        r"^(?:go|jump) to (?:(?:main )?content|contents|navigation|menu)\b",
        r"^(?:image|photo|picture|media|video) (?:caption|copyright|source|credit)s?\b",
        r"^(?:copyright|©|\(c\))\s*(?:©\s*)?\d{4}\b",
        r"\ball rights reserved\b",
        r"^(?:read more|read also|also read|see also|related|more on this(?: story)?|more from|watch|listen|"
        r"recommended|most read|top stor(?:y|ies)|explore more|editor'?s picks?|more stories|"
        r"related (?:stories|articles|content|topics|coverage)|you (?:may|might) also like|"
        r"advertisement|sponsored|share this|share on|follow us)\s*(?:[:|»>›–—…-]|\.\.\.|$)",
        r"^(?:share|tweet|email|print|save|comment)(?:\s+(?:this|on|via|article|story|page|link))*"
        r"(?:\s+(?:facebook|twitter|x|whatsapp|messenger|linkedin|reddit|pinterest|telegram|email))+",
        r"^(?:advertisement|advert|sponsored content|ad feedback|story continues below(?: advertisement)?)$",
        r"^(?:send us your feedback|feedback:|report an? (?:error|typo)|permalink\b|print this page|"
        r"copy (?:the |this )?link|link copied|click here\b|tap here\b)",
        r"^(?:follow|like) (?:us|@?\w+) on (?:twitter|facebook|instagram|telegram|x|youtube|tiktok|whatsapp)\b",
        r"\bfollow us on (?:twitter|facebook|instagram|telegram|x|youtube|tiktok|whatsapp)\b",
        r"^comments (?:are|have been) (?:closed|disabled)\b",
        r"^download (?:the|our) \w+(?: \w+)? app\b",
        r"^(?:sign up|subscribe|register)\b.{0,80}\b(?:newsletter|alerts?|updates|briefing|inbox|for free)\b",
        r"\bnewsletter\b.{0,80}\b(?:sign up|subscribe|inbox|delivered|register)\b",
        r"\bcookies?\b.{0,120}\b(?:we use|use of|accept|consent|settings|policy|browsing|continuing)\b",
        r"\b(?:we use|this (?:site|website) uses) cookies\b",
        r"^(?:terms of (?:use|service)|privacy (?:policy|notice)|cookie (?:policy|settings))\b",
        r"^(?:https?://|www\.)\S+$",
        r"^(?:updated|published|posted|last updated)\s*:?$",
        r"^(?:sign up|subscribe) to (?:receive|get)\b",
        r"^by (?:clicking|signing up|subscribing)\b.{0,200}\b(?:consent|agree|newsletter|terms)\b",
        r"\byou (?:can|may) unsubscribe\b",
        r"\bis not responsible for the content\b",
        r"^this article was (?:added|submitted|posted) by\b",
        r"^(?:author|authors) of the article\s*:?$",
        r"\bthis (?:feature|video|content) is (?:currently )?(?:unavailable|not available)\b",
        r"^please try again later\.?$",
        r"^(?:loading|share|share post|guardando favorito|search|menu)\W*$",
        r"^(?:close|open|toggle) (?:this )?(?:search|menu|navigation)\b",  # "Close this search box."
        r"^see (?:our|my) (?:last|previous|earlier|latest) (?:post|report|story|update)s?\b",
        r"^(?:recommended|our|featured) sponsors?\b",
        r"^this (?:report|story|article) (?:by [\w .'-]{2,40} )?was (?:first )?published\b",
        r"^[A-Z][\w.-]*:$",  # "Trend:": one word labelling what follows, such as the outlet's name
        r"\bmay not be (?:published|reproduced), broadcast, rewritten or redistributed\b",
        r"^the audio version of this article\b",
        r"^your subscription (?:could not be saved|has been successful)\b",
        r"^support our (?:award-winning |independent )?journalism\b",
        r"^continue reading(?: on)?\s*:?$",
        r"^\(?(?:reporting|additional reporting|writing|editing) by [A-Z][^.]*\)?\.?$",
        r"^(?:translated|edited|compiled) by [A-Z][\w .,'-]*\.?$",
        r"^photos? by\s*:",
        r"\(\w[\w ]* - Tags: [A-Z ,]+\)$",
        r"^file (?:photo|picture|image)\s*(?::|of\b)",  # "File photo:", "File image of rescuers..."
        r"^file\s*:\s*\S",  # "FILE: A soldier stands guard along the border fence"
        r"\s\|\s*(?:photo|image|picture)\s*(?:credit|courtesy)\s*:\s*[^|]{2,60}$",
        r"^(?:picture|photo) taken\b.{0,60}$",
        # wire captions: "In this Dec. 10, 2018 photo, police guard ...", "In this file image made
        # from video, ..."
        r"^in this (?:[\w.,]+ ){0,5}(?:photo|image|picture|photograph|handout|frame grab)\b",
        r"^[A-Z]{2,}(?:/[A-Z][\w .'-]+)+$",
        r"\bavailable only for your personal,? non-commercial use\b",
        r"\bdoes not constitute a republication\b",
        r"^(?:related|latest|more|top) news\s*:?$",
        r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}\s*[,/]\s*(?:Reuters|AP|AFP|Getty Images|EPA|Anadolu)$",
        # comment forms ("Please enter your comment!", the same in the theme's other languages)
        r"^(?:please enter your (?:comment|name|email)|you have entered an incorrect email|leave a (?:reply|comment)"
        r"|s'il vous pla[iî]t entrez votre|save my name, email|have something to say\?)\b",
        r"\b(?:subscribers?|log ?in|sign ?in|register)\b.{0,40}\b(?:read|post|make|write|leave) (?:&|and )?(?:read )?comments\b",
        r"^(?:text size|font size|listen to (?:this )?article|reading time)\s*:?\s*\S{0,12}$",
        # comment sections and blog themes: "Your email address will not be published.", "%d bloggers
        # like this:", "This site uses Akismet to reduce spam.", "irebukeu says:"
        r"^your email address will not be published\b",
        r"^%d bloggers like this\b",
        r"\bthis site uses akismet\b",
        r"^[\w.-]{2,30} says:$",
        # embedded posts: "pic.twitter.com/ajJAndfvOt"
        r"^pic\.twitter\.com/\w+$",
        # prompts and teasers: "How did you feel after reading this news?", "More to follow…",
        # "Click to play video", "Click the title above to view complete article on ..."
        r"^how did you feel after reading\b",
        r"\bin your inbox\s*:?$",  # "Get Today's Headlines in your inbox:"
        r"\b(?:delivered|sent) (?:every|each) (?:morning|day|evening|week)\b",
        r"^error\s*:\s*content is protected\b",
        r"^more to follow\W*$",
        r"^click to (?:play|watch|view)\b",
        r"^\W*click the (?:title|link|headline) above\b",
        r"\btax-deductible donation\b",
        r"\b(?:by making a donation|support our work|donations from (?:our )?readers)\b",
        r"^this is a (?:breaking|developing) (?:news )?story\b",
        r"^are you a (?:dedicated|loyal|regular) reader of\b",
        # a story's closing source credit: "Source: Radio Tamazuj."
        r"^source\s*:\s*[A-Z][\w .&'-]{1,40}\.?$",
        r"^\(with (?:a )?reports? from [^()]{2,60}\)$",
        r"\bvia wikimedia commons\.?$",
        # captions: "Image used for representational purpose only. (HT file photo)", "... / Photo: Reuters"
        r"\bfor representational purposes? only\b",
        r"\((?:[\w.&-]+\s+)?file (?:photo|picture|image)\)\s*$",
        rf"\s/\s*{CREDIT_LABEL}\s*:\s*[^/]{{2,60}}(?:/[^/]{{2,60}})?$",
    )
)

#: One agency's name in a credit: a word and up to three more ("AFP", "Agence France Presse").
#: Possessive quantifiers: a name never gives characters back, so "(Abandaanda...)" or
#: "(A and A and ...)" cannot make the matcher try every way of splitting words at "and"/"&"
#: (that backtracking was exponential in the line length).
AGENCY_NAME = r"[A-Za-z][\w.&'-]*+(?:\s+(?!and\b)[\w.&'-]++){0,3}+"

#: Agency credits at the end of a story: "tj/se (AFP, dpa)", "(Reuters)", "mm/rc (AP, Reuters)".
AGENCY_BYLINE = re.compile(
    rf"^(?:[a-z]{{1,4}}(?:/[a-z]{{1,4}})*+\s*)?\(\s*{AGENCY_NAME}(?:\s*(?:,|and|&)\s*{AGENCY_NAME})*+\s*\)$"
)

#: Credits are short; longer lines are never matched against the byline patterns, which bounds
#: their cost on hostile input (a 5 MB line starting with "By ").
MAX_BYLINE_WORDS = 30
MAX_BYLINE_CHARS = 300

#: Reporter credits: "By Jane Doe", "By Jane Doe and John Roe, BBC News", "Reporting by ...".
PERSON_BYLINE = re.compile(
    r"^(?:[Bb]y|[Ww]ritten by|[Aa]uthors?|[Ww]ords by)\s*:?\s+(?P<who>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|"
    r"de|del|da|di|van|von|der|al|el|bin|ibn|la|le|in|for|at),?)*(?:,\s*[A-Z][\w .'’-]*)*)$"
)
REPORTING_BYLINE = re.compile(
    r"^\(?(?:additional )?(?:reporting|writing|editing|compiled|produced) by\b.*$", re.IGNORECASE
)

#: "Tags: a, b" / "Keywords a, b" / "Topics: a, b" lines that list the story's subjects.
TAG_LINE = re.compile(
    r"^(?:tags|keywords|topics|related topics|subjects)\s*:?\s+(?P<tags>.+)$", re.IGNORECASE
)

#: Whitespace characters (including no-break and thin spaces) that become one plain space.
SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


class Kind(Enum):
    """What a scraped line is, for deciding whether it belongs in the article body."""

    TEXT = "text"  # an article sentence/paragraph
    HEADING = "heading"  # short, no sentence-final punctuation: title, section, subheading, link
    FURNITURE = "furniture"  # navigation, prompts, share bars, legal lines
    CREDIT = "credit"  # an image credit: the caption line right above it is furniture too
    PLAYER = "player"  # video/audio player furniture: the short line next to it is its title
    BYLINE = "byline"  # agency or reporter credit
    TAGS = "tags"  # a keyword list


def is_list_item(raw: str) -> bool:
    """Whether the scrape printed the line as an item of a bulleted list."""
    return bool(BULLET.match(raw.strip()))


def normalise_line(raw: str) -> str:
    """One line as article text: spaces collapsed, CSV-doubled quotes undone, list bullets dropped."""
    line = SPACES.sub(" ", raw).strip()
    line = unwrap_csv_quotes(unescape_entities(line))
    line = BULLET.sub("", line).strip()
    return TRAILING_COPYRIGHT.sub("", line) if word_count(line) > 12 else line


def strip_trailing_credits(text: str) -> str:
    """A paragraph without the credits glued to it: a paper's name in capitals before its first
    sentence, an embedded post's link and signature or photo and agency credits after its last. A caption
    (one sentence) that ends in its photo credit ("... in Washington. (AP Photo/J. Scott
    Applewhite)", then perhaps a copyright note) is left whole, to be found as furniture; a
    caption the scraper glued to the story's first sentence is not, so that sentence stays."""
    text = LEADING_SOURCE.sub("", TRAILING_POST.sub("", text))
    stripped = TRAILING_CREDITS.sub("", text)
    if stripped == text:
        return text
    sentences = SENTENCE_BREAK.split(stripped, maxsplit=1)
    if len(sentences) > 1:  # "... Honduras, Tuesday, June 20, 2023. A riot at the prison has ...":
        return sentences[1] if CAPTION_DATE_END.search(sentences[0]) else stripped  # the caption goes
    rest = text
    while rest != stripped:
        if ends_in_photo_credit(rest):
            return text
        rest = re.sub(r"\s*\([^()]*\)\s*$", "", rest)
    return stripped


#: Where one sentence ends and the next begins, abbreviations aside ("Sen. John", "Dec. 28").
SENTENCE_BREAK = re.compile(r"(?:(?<=[a-z]{3}[.!?])|(?<=\d{4}[.!?]))\s+(?=[A-Z])")


def ends_in_photo_credit(line: str) -> bool:
    """Whether a line closes with a photo credit, which makes the sentence before it a caption."""
    short = word_count(line) <= MAX_CAPTION_WORDS
    return bool(
        PHOTO_CREDIT_END.search(line)
        or (short and line.endswith(").") and PHOTO_CREDIT_END.search(line[:-1]))  # "... (Photo: X)."
        or AGENCY_PHOTO_CREDIT.search(line)
        or (short and CAPTION_CREDIT_SENTENCE.search(line))
    )


#: A caption closed by a credit that is a sentence of its own or a stock library's name: "House in
#: Tbilisi where the suspects lived. Photo by Galina Gotua for the Caucasian Knot.", "... raids on
#: extremists' homes iStock".
CAPTION_CREDIT_SENTENCE = re.compile(
    r"(?:[.!?]\s+(?:Photo|Photograph|Picture|Image)s?\s*(?:by|:)\s+[A-Z][^.!?]{2,80}\.?"
    r"|\s(?:iStock|Shutterstock|Alamy|Getty Images)(?:/[\w .'-]+)?)\s*$"
)


#: A label or caption glued onto the first word of a paragraph ("Boko HaramFifteen people were
#: killed"): a short capitalised phrase ending in a lower-case letter, then with no space a word
#: that opens sentences (a number word or an article) and the rest of the sentence.
GLUED_LABEL = re.compile(
    r"^(?P<label>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,5}?[a-z])"
    r"(?P<rest>(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|"
    r"Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty|Thirty|Forty|Fifty|Hundreds|Dozens|"
    r"Thousands|The|A|An|At) [a-z].{40,})$"
)


def split_glued_label(line: str) -> tuple[str | None, str]:
    """("Boko Haram", "Fifteen people were killed ...") for a glued label, else (None, line)."""
    match = GLUED_LABEL.match(line)
    if match is None:
        return None, line
    return match.group("label"), match.group("rest")


#: A numeric entity whose "#" the scrape lost: "this weekend&39;s attack".
BROKEN_ENTITY = re.compile(r"&(\d{2,5});")


def unescape_entities(line: str) -> str:
    """ "weekend&#39;s", "weekend&39;s", "Q&amp;A": character references the page's source leaked
    into the scrape, read as the characters they stand for (as text, never as markup)."""
    if "&" not in line:
        return line
    return html.unescape(BROKEN_ENTITY.sub(r"&#\1;", line))


def unwrap_csv_quotes(line: str) -> str:
    """`"He said ""yes"" today."` -> `He said "yes" today.` (a CSV field pasted as text).

    Only a line that is wholly wrapped in quotes and contains doubled quotes is a CSV field; a
    paragraph that merely starts and ends with a quotation is left alone.
    """
    if len(line) >= 3 and line.startswith('"') and line.endswith('"') and '""' in line[1:-1]:
        inner = line[1:-1]
        if inner.count('"') % 2 == 0 or '""' in inner:
            return inner.replace('""', '"').strip()
    return line


def ends_sentence(line: str) -> bool:
    return bool(SENTENCE_END.search(line))


def word_count(line: str) -> int:
    return len(line.split())


def has_letters(line: str) -> bool:
    """True when the line has a letter: "123 456", "!!! ???" or "* * *" are never article text."""
    return any(char.isalpha() for char in line)


def is_heading_like(line: str) -> bool:
    """A short line that does not end like a sentence: headings, labels, menu items, captions."""
    return not ends_sentence(line) and word_count(line) <= MAX_HEADING_WORDS


def strip_glued_credit(line: str) -> tuple[str, bool]:
    """Split "captionImage: credit" into ("caption", True); other lines come back unchanged."""
    match = GLUED_CREDIT.search(line)
    if not match or match.start() == 0 or word_count(match.group(0)) > 12:
        return line, False
    return line[: match.start()].rstrip(), True


def byline_of(line: str) -> str | None:
    """The credit text when the line is an agency or reporter credit, else None."""
    if len(line) > MAX_BYLINE_CHARS or word_count(line) > MAX_BYLINE_WORDS:
        return None
    if AGENCY_BYLINE.match(line) or REPORTING_BYLINE.match(line):
        return line.strip("() ") if line.startswith("(") and line.endswith(")") else line
    match = PERSON_BYLINE.match(line)
    if match and word_count(line) <= 14 and not line.endswith("."):
        return line
    return None


def tags_of(line: str) -> tuple[str, ...]:
    """The tags listed on a "Tags: a, b" line (empty when the line is not one).

    Without a colon ("Keywords Iraq, Syria") the line must not read as a sentence, so that
    "Topics discussed included security." stays article text.
    """
    match = TAG_LINE.match(line)
    if not match or (":" not in line[: match.start("tags")] and ends_sentence(line)):
        return ()
    parts = re.split(r"\s*[,;|]\s*", match.group("tags").strip(" ."))
    return tuple(p for p in parts if p and word_count(p) <= 5)


def classify(line: str) -> Kind:
    """The kind of one normalised, non-empty line, judged on its own."""
    bare = NUMBERED_ITEM.sub("", line)
    if CREDIT_LINE.match(bare):
        return Kind.CREDIT
    if ends_in_photo_credit(bare) or (
        word_count(bare) <= MAX_CAPTION_WORDS + 15 and CAPTION_DATE_END.search(bare)
    ):
        return Kind.FURNITURE  # a photo caption: "... at the Capitol. (AP Photo/J. Scott Applewhite)"
    if _doubled_around_a_label(bare) or _language_switch(bare):
        return Kind.FURNITURE  # "X File photo X": an image's alt text and caption; "اردو": a menu
    if DATA_DUMP.search(bare):
        return Kind.FURNITURE  # 'string(336) "[{"id":"3087376",...': a page's data printed raw
    if PLAYER_TIME.match(bare) or PLAYER_NOTICE.search(bare):
        return Kind.PLAYER
    if word_count(bare) <= MAX_FURNITURE_WORDS and any(p.search(bare) for p in FURNITURE_LINES):
        return Kind.FURNITURE
    if byline_of(line):
        return Kind.BYLINE
    if tags_of(line):
        return Kind.TAGS
    if is_heading_like(bare) or (bare != line and is_heading_like(bare.rstrip("."))):
        return Kind.HEADING
    return Kind.TEXT


#: Words an image's label may hold between its alt text and its caption ("File photo").
MAX_IMAGE_LABEL_WORDS = 4
MIN_DOUBLED_WORDS = 5


#: Data a broken page prints instead of rendering it: JSON records ('[{"id":"3087376","sort":...'),
#: a PHP dump's 'string(336) "'. Two quoted keys with values are never prose.
DATA_DUMP = re.compile(r'(?:^|[\[{,]\s*)"[\w-]+"\s*:\s*(?:"[^"]*"|\d+)\s*,\s*"[\w-]+"\s*:|^string\(\d+\) "')


def _doubled_around_a_label(line: str) -> bool:
    """ "Two killed in attack on FC camp File photo Two killed in attack on FC camp": a headline
    printed as an image's alt text and again as its caption, around a label."""
    words = line.split()
    for label in range(MAX_IMAGE_LABEL_WORDS + 1):
        half, odd = divmod(len(words) - label, 2)
        if not odd and half >= MIN_DOUBLED_WORDS and words[:half] == words[len(words) - half :]:
            return True
    return False


def _language_switch(line: str) -> bool:
    """ "اردو", "हिन्दी": a link to the site in another script, in an English page's menu."""
    return len(line.split()) <= 2 and has_letters(line) and not re.search(r"[A-Za-z]", line)


def is_furniture_paragraph(text: str) -> bool:
    """True for a paragraph from structured input (Markdown, HTML) that is still page furniture.

    Structured input marks headings itself, so only the explicit furniture shapes apply here, not
    the "short line without punctuation" rule.
    """
    kind = classify(text)
    return kind in {Kind.FURNITURE, Kind.CREDIT, Kind.PLAYER, Kind.BYLINE}
