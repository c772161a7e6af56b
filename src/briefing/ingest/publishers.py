"""Who published an article: from its URL's domain, or from the publisher's name on the page.

A briefing shows its source ("DW", "BBC", "CENTCOM") the way analysts cite it, which is rarely the
domain name itself. `KNOWN_PUBLISHERS` maps the domains of well-known news outlets, agencies and
government bodies to their usual citation; any other domain falls back to a readable name built
from the domain ("news.example-times.co.uk" -> "Example Times", "ukrinform.net" -> "Ukrinform"). When the file has no URL, page furniture often names the outlet ("More stories
from DW", "© 2017 BBC"), which `source_from_text` recognises.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit

from ..lexicon import COMMON_WORD_COUNT, is_common_word, unigram_counts

#: Registrable domain (or a distinctive host) -> how the publisher is usually cited.
KNOWN_PUBLISHERS: dict[str, str] = {
    # International broadcasters and newspapers
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "dw.com": "DW",
    "dw.de": "DW",
    "cnn.com": "CNN",
    "aljazeera.com": "Al Jazeera",
    "aljazeera.net": "Al Jazeera",
    "france24.com": "France 24",
    "rfi.fr": "RFI",
    "euronews.com": "Euronews",
    "voanews.com": "VOA",
    "rferl.org": "RFE/RL",
    "npr.org": "NPR",
    "pbs.org": "PBS",
    "cbsnews.com": "CBS News",
    "nbcnews.com": "NBC News",
    "abcnews.go.com": "ABC News",
    "foxnews.com": "Fox News",
    "skynews.com": "Sky News",
    "news.sky.com": "Sky News",
    "theguardian.com": "The Guardian",
    "guardian.co.uk": "The Guardian",
    "independent.co.uk": "The Independent",
    "telegraph.co.uk": "The Telegraph",
    "thetimes.co.uk": "The Times",
    "dailymail.co.uk": "Daily Mail",
    "ft.com": "Financial Times",
    "economist.com": "The Economist",
    "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post",
    "wsj.com": "The Wall Street Journal",
    "latimes.com": "Los Angeles Times",
    "usatoday.com": "USA Today",
    "politico.com": "Politico",
    "politico.eu": "Politico",
    "thehill.com": "The Hill",
    "axios.com": "Axios",
    "bloomberg.com": "Bloomberg",
    "time.com": "Time",
    "newsweek.com": "Newsweek",
    "spiegel.de": "Der Spiegel",
    "lemonde.fr": "Le Monde",
    "haaretz.com": "Haaretz",
    "timesofisrael.com": "The Times of Israel",
    "jpost.com": "The Jerusalem Post",
    "middleeasteye.net": "Middle East Eye",
    "al-monitor.com": "Al-Monitor",
    "alarabiya.net": "Al Arabiya",
    "arabnews.com": "Arab News",
    "thenationalnews.com": "The National",
    "rudaw.net": "Rudaw",
    "kurdistan24.net": "Kurdistan 24",
    "dailysabah.com": "Daily Sabah",
    "hurriyetdailynews.com": "Hürriyet Daily News",
    "rt.com": "RT",
    "tass.com": "TASS",
    "kyivindependent.com": "The Kyiv Independent",
    "scmp.com": "South China Morning Post",
    "hindustantimes.com": "Hindustan Times",
    "thehindu.com": "The Hindu",
    "dawn.com": "Dawn",
    # Regional outlets whose domain does not spell the name they are cited by
    "alaraby.co.uk": "The New Arab",
    "newarab.com": "The New Arab",
    "aawsat.com": "Asharq Al-Awsat",
    "ahram.org.eg": "Ahram Online",
    "presstv.ir": "Press TV",
    "tasnimnews.com": "Tasnim News Agency",
    "tribune.com.pk": "The Express Tribune",
    "brecorder.com": "Business Recorder",
    "geo.tv": "Geo News",
    "arynews.tv": "ARY News",
    "indiatimes.com": "The Times of India",
    "ndtv.com": "NDTV",
    "tolonews.com": "TOLOnews",
    "pajhwok.com": "Pajhwok Afghan News",
    "khaama.com": "Khaama Press",
    "thedailystar.net": "The Daily Star",
    "inquirer.net": "Philippine Daily Inquirer",
    "philstar.com": "The Philippine Star",
    "mb.com.ph": "Manila Bulletin",
    "pna.gov.ph": "Philippine News Agency",
    "smh.com.au": "The Sydney Morning Herald",
    "theage.com.au": "The Age",
    "abc.net.au": "ABC News",
    "nzherald.co.nz": "The New Zealand Herald",
    "punchng.com": "Punch",
    "vanguardngr.com": "Vanguard",
    "channelstv.com": "Channels TV",
    "nation.africa": "Nation",
    "standardmedia.co.ke": "The Standard",
    "monitor.co.ug": "Daily Monitor",
    "hiiraan.com": "Hiiraan Online",
    "news24.com": "News24",
    "iol.co.za": "IOL",
    "pravda.com.ua": "Ukrainska Pravda",
    "meduza.io": "Meduza",
    "elpais.com": "El País",
    "insightcrime.org": "InSight Crime",
    "batimes.com.ar": "Buenos Aires Times",
    "nypost.com": "New York Post",
    "nydailynews.com": "New York Daily News",
    "express.co.uk": "Daily Express",
    "mirror.co.uk": "Daily Mirror",
    "standard.co.uk": "Evening Standard",
    "thesun.co.uk": "The Sun",
    # News agencies
    "reuters.com": "Reuters",
    "apnews.com": "AP",
    "ap.org": "AP",
    "afp.com": "AFP",
    "aa.com.tr": "Anadolu Agency",
    "xinhuanet.com": "Xinhua",
    "news.cn": "Xinhua",
    "sana.sy": "SANA",
    "irna.ir": "IRNA",
    # Governments, militaries, international bodies and NGOs
    "centcom.mil": "CENTCOM",
    "defense.gov": "US Department of Defense",
    "state.gov": "US State Department",
    "whitehouse.gov": "The White House",
    "army.mil": "US Army",
    "af.mil": "US Air Force",
    "navy.mil": "US Navy",
    "marines.mil": "US Marine Corps",
    "inherentresolve.mil": "CJTF-OIR",
    "africom.mil": "AFRICOM",
    "eucom.mil": "EUCOM",
    "gov.uk": "UK Government",
    "nato.int": "NATO",
    "un.org": "United Nations",
    "news.un.org": "UN News",
    "ohchr.org": "OHCHR",
    "unhcr.org": "UNHCR",
    "reliefweb.int": "ReliefWeb",
    "icrc.org": "ICRC",
    "hrw.org": "Human Rights Watch",
    "amnesty.org": "Amnesty International",
    "crisisgroup.org": "International Crisis Group",
    "understandingwar.org": "Institute for the Study of War",
    "longwarjournal.org": "Long War Journal",
    "airwars.org": "Airwars",
    "acleddata.com": "ACLED",
}

#: Second-level labels under which country-code domains register names ("bbc.co.uk", "aa.com.tr").
GENERIC_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "go", "or", "ne", "gob", "mil"}

#: Furniture sentences that name the site they belong to ("Skip to more DW sites",
#: "More stories from DW", "DW's Top Story", "© 2017 BBC", "Copyright 2017 Reuters").
PUBLISHER_IN_FURNITURE: tuple[re.Pattern[str], ...] = (
    re.compile(r"^skip to more (?P<name>[\w&.' -]{2,40}?) sites?$", re.IGNORECASE),
    re.compile(
        r"^(?:skip next section )?more (?:stories|news|articles) from (?P<name>[\w&.' -]{2,40})$", re.I
    ),
    re.compile(r"^(?:skip next section )?(?P<name>[\w&.-]{2,30})'s top stor(?:y|ies)$", re.IGNORECASE),
    re.compile(
        r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?P<name>[A-Z][\w&.' -]{1,40}?)"
        r"(?:\.|,)?(?:\s+all rights reserved\.?)?$",
        re.IGNORECASE,
    ),
)


#: An opening dateline crediting an outlet: optional place in capitals, the outlet in brackets,
#: then a dash or the text itself ("(CNN)They may...", "MOSUL, Iraq (AP) — Iraqi forces...").
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .'-]{1,30}(?:,\s*[A-Z][\w .'-]{1,30})?\s+)?\((?P<name>[A-Z][A-Za-z]{1,15}(?:\s[A-Z][a-z]+)?)\)"
    r"\s*(?:[-–—]\s*)?(?=[A-Z\"“'‘])"
)


def host_of(url: str | None) -> str | None:
    """The lower-case host of a URL without "www."; None when it has none."""
    if not url:
        return None
    host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    host = re.sub(r"^www\d*\.", "", host)
    return host or None


def source_from_url(url: str | None, page_text: str = "") -> str | None:
    """The publisher for a URL: a known outlet's citation name, else the name as the page spells
    the domain ("prothomalo.com" and "told Prothom Alo"), else a name made from the domain."""
    host = host_of(url)
    if not host:
        return None
    labels = host.split(".")
    for start in range(len(labels) - 1):
        candidate = ".".join(labels[start:])
        if candidate in KNOWN_PUBLISHERS:
            return KNOWN_PUBLISHERS[candidate]
    return _spelled_in_page(labels, page_text) or _name_from_domain(labels)


#: Runs of capitalised words (with the small words inside outlet names) that may spell a domain.
_CAPITALISED_RUN = re.compile(
    r"\b[A-Z][\w&'’-]*(?:,?\s+(?:of|the|and|on|in|for|du|de|des|la|le|da|do|del|di|[A-Z][\w&'’-]*)){0,4}"
)


def _spelled_in_page(labels: list[str], page_text: str) -> str | None:
    """The outlet's name as the page writes it, found by its letters: "Prothom Alo" for
    "prothomalo", "HumAngle" for "humanglemedia" is not (the letters must match whole)."""
    if not page_text or len(labels) < 2:
        return None
    core = labels[:-1]
    if len(core) > 1 and core[-1] in GENERIC_SECOND_LEVEL:
        core = core[:-1]
    label = core[-1].replace("-", "")  # "abs-cbn.com" is spelled "ABS-CBN"
    if len(label) < 5 or not label.isalpha():
        return None
    wanted = {label, label + labels[-1]}  # "amu.tv" may be spelled "Amu TV"
    for match in _CAPITALISED_RUN.finditer(page_text):
        words = match.group(0).split()
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                spelled = " ".join(words[i:j]).rstrip("’',")
                if _letters(spelled) in wanted and spelled.lower() != spelled:
                    return _as_cited(spelled)
    return None


def _letters(text: str) -> str:
    """The ASCII letters and digits a name spells: "EL PAÍS" spells "elpais"."""
    folded = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[^a-z0-9]", "", folded)


def _as_cited(spelled: str) -> str:
    """A masthead in capitals ("EL PAÍS", "ABC NEWS") is cited in title case ("El País", "ABC
    News"): short words stay capitals (acronyms) unless they are articles or prepositions."""
    words = spelled.split()
    if len(words) < 2 or not spelled.isupper():
        return spelled
    cited = []
    for i, word in enumerate(words):
        small = word.lower() in _MASTHEAD_SMALL_WORDS
        if small:
            cited.append(word.capitalize() if i == 0 else word.lower())
        elif len(word) <= 3 and word.isalpha() and not _very_common(word.lower()):
            cited.append(word)  # "ABC", "NTV"
        else:
            cited.append(word.capitalize())
    return " ".join(cited)


#: Articles and prepositions that French, Spanish and Portuguese outlet names run into the
#: place after them: "journaldebruxelles", "journalducameroun".
_ROMANCE_ARTICLES = ("del", "des", "de", "du", "da", "do")


#: Articles and prepositions of mastheads in several languages: "EL PAÍS", "LE MONDE", "THE TIMES".
_MASTHEAD_SMALL_WORDS = frozenset(
    {"the", "of", "and", "el", "la", "le", "les", "los", "las", "di", *_ROMANCE_ARTICLES}
)


#: Hosting platforms whose sub-domains are separate publications.
BLOG_HOSTS = frozenset(
    {
        "wordpress.com",
        "blogspot.com",
        "substack.com",
        "medium.com",
        "tumblr.com",
        "typepad.com",
        "wixsite.com",
    }
)


def _name_from_domain(labels: list[str]) -> str | None:
    """ "news.example-times.co.uk" -> "Example Times": the registrable label, words capitalised."""
    if len(labels) < 2:
        return None
    core = labels[:-1]
    if len(core) > 1 and core[-1] in GENERIC_SECOND_LEVEL:
        core = core[:-1]
    name = core[-1]
    if ".".join(labels[-2:]) in BLOG_HOSTS and len(labels) > 2 and labels[-3] != "www":
        name = labels[-3]  # "sidtoday.wordpress.com": the blog is the publisher, not its host
    if name.isdigit():
        return None
    words = [w for w in re.split(r"[-_]+", name) if w]
    if len(words) == 1:
        words = _segmented(words[0]) or words
    if len(words) == 1 and is_common_word(words[0]):
        return f"{name.capitalize()}.{labels[-1]}"  # "online.ua" is cited "Online.ua", not "Online"
    return " ".join(_cited_word(w, i) for i, w in enumerate(words)) or None


def _cited_word(word: str, index: int) -> str:
    if index and word in _FUNCTION_WORDS:
        return word  # "Express and Star"
    acronym = len(word) <= 3 and word not in _FUNCTION_WORDS and not _very_common(word)
    return word.upper() if acronym else word.capitalize()  # "BBC", "TBS News"; but "New Arab"


def _very_common(word: str) -> bool:
    return unigram_counts().get(word, 0) >= _COMMON_SHORT_WORD


_FUNCTION_WORDS = frozenset({"the", "and", "of", "a", "in", "on", "for", *_ROMANCE_ARTICLES})


def _segmented(label: str) -> list[str] | None:
    """A domain label run together from words ("indianexpress") split into them, when every word
    is a common one; None when in doubt. The word list is loaded only when a domain needs it."""
    if not label.isalpha():
        return None
    import wordsegment

    counts = unigram_counts()
    words = wordsegment.segment(label.lower())
    if 2 <= len(words) <= 4 and all(
        (_common_word(word, counts.get(word, 0)) or (i == 0 and word == "new")) and word != "a"
        for i, word in enumerate(words)
    ):  # "New" opens so many outlets' names that it is split off like a long word
        return words
    return _outlet_words(label.lower()) or _long_pieces(label.lower())


#: The shortest piece `_long_pieces` accepts: long pieces are words or names, short ones guesses.
_LONG_PIECE = 5


def _long_pieces(label: str) -> list[str] | None:
    """ "mideastdiscourse" -> "Mideast Discourse", "novayagazeta" -> "Novaya Gazeta": a label that
    wordsegment splits into two or three long pieces is those words, however rare ("allafrica"
    and "thaipbs" have a short piece and stay whole)."""
    import wordsegment

    pieces = wordsegment.segment(label)
    article = pieces[:1] if pieces[:1] == ["the"] else []  # "themalaysianreserve": "The Malaysian Reserve"
    named = pieces[len(article) :]
    fewest = 1 if article else 2  # one long word after "the" is a name; alone it is the label itself
    if fewest <= len(named) <= 3 and all(len(p) >= _LONG_PIECE and p.isalpha() for p in named):
        return None if _shares_a_letter(named) else article + named
    return None


#: How much more common a word must be than the piece it overlaps to mark a blend of two words.
_BLEND_RATIO = 100


def _shares_a_letter(pieces: list[str]) -> bool:
    """ "venezuelanalysis" is "Venezuela" and "analysis" sharing an "a", a brand written as one
    word: the split "venezuela nalysis" leaves a piece that is a far commoner word with the letter
    before it."""
    counts = unigram_counts()
    return any(
        counts.get(before[-1] + after, 0) >= _BLEND_RATIO * max(counts.get(after, 0), 1)
        for before, after in itertools.pairwise(pieces)
    )


def _common_word(word: str, count: float) -> bool:
    """Common enough to split off (lexicon's bar for a common word) and four letters or more:
    "thedailystar" -> "The Daily Star", but "garoweonline" is not "Ga Rowe Online"; brands that
    run a short word on ("allafrica") stay as written."""
    return word in _FUNCTION_WORDS or (len(word) >= 4 and count >= COMMON_WORD_COUNT)


#: Short words this common are words, not acronyms, when a split leaves them ("Two Circles").
_COMMON_SHORT_WORD = 100_000_000


#: Words that outlets put in their names; a domain that starts or ends with one is split there
#: even when the rest is a rare word or a name ("radiodalsan" -> "Radio Dalsan", "atolltimes").
OUTLET_WORDS = frozenset(
    [
        "times",
        "news",
        "post",
        "star",
        "network",
        "daily",
        "herald",
        "tribune",
        "radio",
        "online",
        "press",
        "journal",
        "today",
        "world",
        "express",
        "mail",
        "gazette",
        "observer",
        "standard",
        "guardian",
        "monitor",
        "telegraph",
        "voice",
        "mirror",
        "chronicle",
        "report",
        "insider",
        "wire",
        "media",
        "reporter",
        "bulletin",
        "courier",
        "dispatch",
        "sentinel",
        "review",
        "weekly",
        "globe",
        "tv",
        "english",
        "sun",
        "time",
    ]
)


#: Outlet words that broadcasters put after a three-letter acronym ("TVC News", "GMA Network").
_AFTER_ACRONYMS = frozenset({"news", "network", "world", "tv", "radio"})

#: Longest first, so "network" is tried before "news" would match less of it; words of one length
#: in a fixed order, so a build does not depend on the process's string hashing.
_OUTLET_WORDS_LONGEST_FIRST = sorted(OUTLET_WORDS, key=lambda word: (-len(word), word))

#: Country codes that outlets run onto their names: "premiumtimesng" is Premium Times (Nigeria).
_COUNTRY_SUFFIXES = ("ngr", "ng", "pk", "ke", "gh", "ug", "tz")


def _outlet_words(label: str) -> list[str] | None:
    for suffix in _COUNTRY_SUFFIXES:
        named = label.removesuffix(suffix)
        if named != label and any(named.endswith(word) for word in OUTLET_WORDS):
            return _outlet_words(named)
    if label.startswith("the") and len(label) - 3 >= 4 and (rest := _outlet_words(label[3:])):
        return ["the", *rest]  # "thesaveratimes" -> The Savera Times; "thecitypaperbogota" stays
    for word in _OUTLET_WORDS_LONGEST_FIRST:
        shortest = 3 if word in _AFTER_ACRONYMS else 4  # "tvcnews" -> TVC News; "sidtoday" stays
        if label.endswith(word) and len(label) - len(word) >= shortest:
            rest = label[: -len(word)]
            return [*(_outlet_words(rest) or _long_pieces(rest) or [rest]), word]
        if label.startswith(word) and len(label) - len(word) >= 4:
            rest = label[len(word) :]
            romance = _after_article(rest) if word == "journal" else None  # "journaldebruxelles"
            return [word, *(_outlet_words(rest) or _long_pieces(rest) or romance or [rest])]
    return None


def _after_article(rest: str) -> list[str] | None:
    """ "debruxelles" -> ["de", "bruxelles"]: the article and the name it introduces."""
    for article in _ROMANCE_ARTICLES:
        if rest.startswith(article) and len(rest) - len(article) >= 5:
            return [article, rest[len(article) :]]
    return None


def source_from_text(lines: Iterable[str]) -> str | None:
    """The publisher named by page furniture lines, if any line names it."""
    for line in lines:
        stripped = re.sub(r"^\d+\.\s*", "", line.strip())
        for pattern in PUBLISHER_IN_FURNITURE:
            match = pattern.match(stripped)
            if match:
                return canonical_publisher(match.group("name").strip(" .,"))
    return None


def source_from_dateline(paragraph: str) -> str | None:
    """The outlet credited in a story's opening dateline: "(CNN)Text", "BAGHDAD (Reuters) - Text"."""
    match = DATELINE.match(paragraph)
    return canonical_publisher(match.group("name")) if match else None


def canonical_publisher(name: str) -> str:
    """Map a name seen on the page ("Deutsche Welle", "DW.COM") to the citation form ("DW")."""
    if re.fullmatch(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", name.strip(), re.IGNORECASE):
        return source_from_url(f"https://{name.strip()}") or name
    by_name = {value.lower(): value for value in KNOWN_PUBLISHERS.values()}
    aliases = {
        "deutsche welle": "DW",
        "bbc news": "BBC",
        "associated press": "AP",
        "the associated press": "AP",
    }
    key = name.lower()
    return aliases.get(key) or by_name.get(key) or name
