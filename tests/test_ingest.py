"""Ingest: real files in, clean `Article`s out (metadata detection, furniture removal, decoding)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefing.errors import IngestError
from briefing.ingest import discover, read_article
from briefing.ingest.dates import parse_date_line
from briefing.ingest.publishers import source_from_url
from briefing.model import Article

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "dw-2017-03-23-allies-vow-to-destroy-is.txt"
CORPUS = SHARED / "corpus"
CONTENT = ROOT / "content"

needs_shared = pytest.mark.skipif(not SEED.exists(), reason="../shared is not available")

#: A short article body used by the fixtures: two real sentences that must always survive.
SENTENCE_1 = "Iraqi forces retook the eastern bank of the Tigris on Tuesday, officials said."
SENTENCE_2 = "The coalition carried out twelve airstrikes near the city overnight, a spokesman added."


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read(tmp_path: Path, name: str, content: str | bytes) -> Article:
    return read_article(write(tmp_path, name, content), tmp_path)


def titles_of(tmp_path: Path, pages: dict[str, str]) -> dict[str, str | None]:
    """The title read from each page's header, with the same two sentences of body after it."""
    return {
        name: read(tmp_path, name, text + f"{SENTENCE_1} {SENTENCE_2}\n").title
        for name, text in pages.items()
    }


def body(article: Article) -> str:
    return "\n".join(article.paragraphs)


# --- the seed: a raw DW scrape ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> Article:
    return read_article(SEED, SEED.parent)


@needs_shared
def test_seed_metadata_is_detected(seed: Article) -> None:
    assert seed.title == "Allies vow to destroy 'IS'"
    assert seed.date == dt.date(2017, 3, 23)
    assert seed.source == "DW"
    assert seed.section == "Conflicts"
    assert seed.byline == "tj/se (AFP, dpa)"
    assert seed.url is None
    assert seed.source_path == SEED.name


@needs_shared
@pytest.mark.parametrize(
    "furniture",
    [
        "Skip to content",
        "Skip to main menu",
        "Skip next section",
        "This browser does not support the video element",
        "Image: picture-alliance",
        "USA Anti-IS-Koalition",  # image caption above a credit line
        "US hosts anti-IS meeting in Washington",  # video title next to the player
        "00:31",
        "Explore more",
        "Top Story",
        "More stories from DW",
        "Hunting down the leader",  # subheading
        "tj/se",
        "Conflicts",
        "March 23, 2017",
    ],
)
def test_seed_furniture_is_removed(seed: Article, furniture: str) -> None:
    assert furniture not in body(seed)


@needs_shared
def test_seed_glued_caption_loses_its_credit(seed: Article) -> None:
    assert "countriesImage" not in body(seed)
    assert not any("picture-alliance" in p for p in seed.paragraphs)


@needs_shared
@pytest.mark.parametrize(
    "sentence",
    [
        'A US-led 68-nation alliance says it remains "firmly united" in its resolve',
        "The statement underlined the allies' \"determination to intensify",
        "Tillerson also urged coalition members to step up",
        "The coalition has the goal of helping displaced people to return home",
        "During the meeting, news also came in about an attack outside the British Parliament",
    ],
)
def test_seed_article_sentences_survive(seed: Article, sentence: str) -> None:
    assert any(p.startswith(sentence) or sentence in p for p in seed.paragraphs)


@needs_shared
def test_seed_lead_is_the_first_paragraph_and_spaces_are_normal(seed: Article) -> None:
    assert seed.lead == seed.paragraphs[0]
    assert all("\u00a0" not in p and "  " not in p for p in seed.paragraphs)
    assert len(seed.paragraphs) == 13


# --- furniture patterns in text scrapes ------------------------------------------------------------


@pytest.mark.parametrize(
    "furniture",
    [
        "1. Skip to content\n  2. Home\n  3. World",
        "Image: Reuters/A. Photographer",
        "Photo: AFP",
        "This browser does not support the video element.",
        "Media playback is unsupported on your device",
        "02:14",
        "Read more: Why the battle for the city matters.",
        "Related: Coalition jets strike bridges.",
        "More stories",
        "Top story",
        "Explore more",
        "Share this with Facebook Twitter WhatsApp Email",
        "We use cookies to improve your experience. By continuing to browse you accept our use of cookies.",
        "Sign up for our newsletter to get the latest news in your inbox.",
        "Follow us on Twitter for updates.",
        "Advertisement",
        "© 2017 Example Media. All rights reserved.",
        "https://example.org/some/other/story",
        "Share this…",
        "Please enter your comment!",
        "S'il vous plaît entrez votre nom ici",
        "Text size:",
        "Police at the scene on Monday. Image used for representational purpose only. (HT file photo)",
        "Smoke rises over the town after the strike. / Photo: Reuters / Reuters",
        "FILE: A soldier stands guard along the border fence in North Waziristan.",
        "In this March 4, 2021 photo, soldiers patrol a street in the market town of Kalkal.",
        "File image of rescuers searching a destroyed building in Lviv | Photo Credit: AP",
        "A fighter holds a position against rebels in the province of Marib, April 6, 2021. AFP",
        # photo agencies' credits, the captions they close, and notices
        "REUTERS/YVES HERMAN",
        "EFE-EPA/STR",
        "People inspect the damage at the site of the strike in Beirut (REUTERS Photo)",
        "Smoke rises after gunmen fired a rocket-propelled grenade. (AFP PHOTO/IBRAHIM CHALHOUB)",
        "A police officer stands guard on a road leading to the police station. (Ahmad Fauzan/AP Photo)",
        "File Photo by Ali Haider/EPA-EFE",
        "Vehicles are parked near the burning hall. March 22, 2024. — Reuters",
        "Loading...",
        "Translated by RFA Burmese.",
        "(Reporting by Oleksandr Kozhukhar in Kyiv; Editing by Elaine Monaghan)",
        "PHOTOS BY: KEVIN TUNOI",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "The audio version of this article is generated by AI-based technology.",
        # comment sections, embedded posts, teasers and closing source credits
        "Your email address will not be published. Required fields are marked *",
        "%d bloggers like this:",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "irebukeu says:",
        "pic.twitter.com/ajJAndfvOt",
        "How did you feel after reading this news?",
        "Get Today’s Headlines in your inbox:",
        "The day’s top stories delivered every morning.",
        "error: Content is protected !!",
        "More to follow….",
        "*Click the Title above to view complete article on https://example.tv/.",
        "You can make a tax-deductible donation here.",
        "1. Keep our news free from ads and paywalls by making a donation to support our work!",
        "This is a breaking news story and may be updated as events unfold.",
        "Source: Radio Tamazuj.",
        "Photo by Example, CC BY 3.0 <>, via Wikimedia Commons.",
    ],
)
def test_furniture_lines_are_removed(tmp_path: Path, furniture: str) -> None:
    article = read(tmp_path, "a.txt", f"Forces retake bridge\n\n{SENTENCE_1}\n{furniture}\n{SENTENCE_2}\n")
    assert article.paragraphs == (SENTENCE_1, SENTENCE_2)


def test_caption_above_a_credit_line_is_furniture(tmp_path: Path) -> None:
    scrape = f"Forces retake bridge\n\n{SENTENCE_1}\n\nSoldiers on the bridge at dawn.\nImage: Getty Images\n\n{SENTENCE_2}\n"
    article = read(tmp_path, "a.txt", scrape)
    assert article.paragraphs == (SENTENCE_1, SENTENCE_2)


def test_a_sentence_printed_twice_in_a_row_is_kept_once_and_a_credited_repeat_is_a_caption(
    tmp_path: Path,
) -> None:
    caption = "Residents inspect a damaged house in the village after the attack."
    scrape = f"Forces retake bridge\n\n{caption}\n{caption} Source: AAP\n\n{SENTENCE_1}\n\n{SENTENCE_2}\n"
    assert read(tmp_path, "a.txt", scrape).paragraphs == (SENTENCE_1, SENTENCE_2)
    scrape = f"Forces retake bridge\n\n{SENTENCE_1}\n{SENTENCE_1}\n\n{SENTENCE_2}\n"
    assert read(tmp_path, "b.txt", scrape).paragraphs == (SENTENCE_1, SENTENCE_2)  # a standfirst, once
    twice = read(tmp_path, "b.txt", f"Forces retake bridge\nForces retake bridge\n\n{SENTENCE_1}\n")
    assert twice.title == "Forces retake bridge"  # a headline printed twice is still the headline


def test_caption_glued_to_its_credit_is_removed(tmp_path: Path) -> None:
    scrape = f"Forces retake bridge\n\n{SENTENCE_1}\n\nSoldiers guard the bridgeImage: picture-alliance/dpa\n\n{SENTENCE_2}\n"
    article = read(tmp_path, "a.txt", scrape)
    assert article.paragraphs == (SENTENCE_1, SENTENCE_2)


def test_video_title_next_to_player_notice_is_removed(tmp_path: Path) -> None:
    scrape = (
        f"Forces retake bridge\n\n{SENTENCE_1}\n\nWatch: soldiers cross the river.\n\n"
        f"01:45\n\nThis browser does not support the video element.\n\n{SENTENCE_2}\n"
    )
    article = read(tmp_path, "a.txt", scrape)
    assert article.paragraphs == (SENTENCE_1, SENTENCE_2)


def test_agency_byline_goes_to_byline_not_body(tmp_path: Path) -> None:
    article = read(
        tmp_path, "a.txt", f"Forces retake bridge\n\n{SENTENCE_1}\n\n{SENTENCE_2}\n\nab/cd (Reuters, AP)\n"
    )
    assert article.byline == "ab/cd (Reuters, AP)"
    assert article.paragraphs == (SENTENCE_1, SENTENCE_2)


def test_reporter_byline_is_metadata(tmp_path: Path) -> None:
    article = read(
        tmp_path, "a.txt", f"Forces retake bridge\nBy Jane Doe and John Roe\n\n{SENTENCE_1}\n{SENTENCE_2}\n"
    )
    assert article.byline == "By Jane Doe and John Roe"
    assert article.title == "Forces retake bridge"
    assert article.paragraphs == (SENTENCE_1, SENTENCE_2)


def test_real_sentences_are_never_dropped(tmp_path: Path) -> None:
    tricky = [
        "Related attacks have killed at least 40 people this month, the UN said.",
        "By the end of the day, 3,000 families had fled.",
        "Share prices in Baghdad fell by 4 percent.",
        '"We will not stop," he said.',
        "Watching the strikes from a rooftop, residents counted 12 explosions.",
        "Topics discussed included security, reconstruction and the return of refugees.",
    ]
    article = read(tmp_path, "a.txt", "Forces retake bridge\n\n" + "\n".join(tricky) + "\n")
    assert list(article.paragraphs) == tricky


def test_csv_doubled_quotes_are_normalised(tmp_path: Path) -> None:
    scrape = (
        "Forces retake bridge\n\n"
        '"""Even in the heat of battle, care is needed,"" said an official. ""We will look into it."""\n'
        '"The coalition said it had ""definitively determined"" it was not responsible."\n'
    )
    article = read(tmp_path, "a.txt", scrape)
    assert article.paragraphs == (
        '"Even in the heat of battle, care is needed," said an official. "We will look into it."',
        'The coalition said it had "definitively determined" it was not responsible.',
    )


def test_url_line_is_metadata_and_names_the_source(tmp_path: Path) -> None:
    article = read(
        tmp_path, "a.txt", f"https://www.bbc.co.uk/news/world-123\n\nForces retake bridge\n\n{SENTENCE_1}\n"
    )
    assert article.url == "https://www.bbc.co.uk/news/world-123"
    assert article.source == "BBC"
    assert article.title == "Forces retake bridge"
    assert article.paragraphs == (SENTENCE_1,)


def test_bullets_and_broken_link_lines_are_repaired(tmp_path: Path) -> None:
    scrape = (
        "Strikes continue\n\nSyria\n.\u00a0\u00a0 Near Raqqa, two strikes destroyed a bridge.\n"
        "• Near Mosul, one strike hit a mortar team.\n"
        "Also today, the U.S.-led \ncoalition\n conducted five airstrikes, Davis said.\n"
    )
    article = read(tmp_path, "a.txt", scrape)
    assert article.paragraphs == (
        "Near Raqqa, two strikes destroyed a bridge.",
        "Near Mosul, one strike hit a mortar team.",
        "Also today, the U.S.-led coalition conducted five airstrikes, Davis said.",
    )


def test_partial_date_in_title_is_not_a_publication_date(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        "a.txt",
        f"January 10: Airstrikes continue in Syria and Iraq\n\nOn Jan. 9, 2017, {SENTENCE_1}\n",
    )
    assert article.title == "January 10: Airstrikes continue in Syria and Iraq"
    assert article.date is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("March 23, 2017", dt.date(2017, 3, 23)),
        ("23 March 2017", dt.date(2017, 3, 23)),
        ("Thursday 23 March 2017", dt.date(2017, 3, 23)),
        ("Published: Mar. 23, 2017 10:32 AM ET", dt.date(2017, 3, 23)),
        ("Updated 23 March 2017, 14:05 GMT", dt.date(2017, 3, 23)),
        ("2017-03-23", dt.date(2017, 3, 23)),
        ("Date 23.03.2017", dt.date(2017, 3, 23)),
        ("January 10", None),
        ("March 2017", None),
        ("On Dec. 6th, Iraqi forces attempted to seize the hospital.", None),
        ("February 30, 2017", None),
    ],
)
def test_date_lines(line: str, expected: dt.date | None) -> None:
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://www.centcom.mil/MEDIA/PRESS-RELEASES/x/", "CENTCOM"),
        ("https://www.state.gov/r/pa/prs/ps/2017/01/266200.htm", "US State Department"),
        ("https://www.dw.com/en/allies/a-1", "DW"),
        ("https://news.example-times.co.uk/world/1", "Example Times"),
        ("https://www.lagostimesng.com/2024/05/01/raid/", "Lagos Times"),  # a country code run on
        ("https://www.assamtime.com/raid/", "Assam Time"),
        ("https://english.alaraby.co.uk/news/airstrike-saada", "The New Arab"),  # a known outlet's subdomain
        (
            "https://www.smh.com.au/world/middle-east/market-bombing-20160229.html",
            "The Sydney Morning Herald",
        ),
        ("https://www.northernsun.com/raid/", "Northern Sun"),
        (None, None),
    ],
)
def test_source_from_url(url: str | None, expected: str | None) -> None:
    assert source_from_url(url) == expected


# --- Markdown --------------------------------------------------------------------------------------

MD_BODY = f"# A heading that is not the title\n\nMarch 1, 2016\n\n{SENTENCE_1} <span>Inline</span> *emphasis*.\n\n<div><script>alert(1)</script>{SENTENCE_2}</div>\n"


def test_markdown_front_matter_wins_over_detection(tmp_path: Path) -> None:
    front = (
        "---\ntitle: Front matter title\ndate: 2017-03-23\nsource: Example Wire\n"
        "url: https://www.bbc.co.uk/news/x\ntags: [Iraq, Mosul]\nsection: World\nbyline: Jane Doe\n---\n"
    )
    article = read(tmp_path, "a.md", front + MD_BODY)
    assert article.title == "Front matter title"
    assert article.date == dt.date(2017, 3, 23)
    assert article.source == "Example Wire"
    assert article.tags == ("Iraq", "Mosul")
    assert (article.section, article.byline) == ("World", "Jane Doe")
    assert article.paragraphs == (f"{SENTENCE_1} Inline emphasis.", SENTENCE_2)


def test_markdown_without_front_matter_detects_title_and_date(tmp_path: Path) -> None:
    article = read(tmp_path, "a.md", MD_BODY)
    assert article.title == "A heading that is not the title"
    assert article.date == dt.date(2016, 3, 1)
    assert not any("<" in p or "alert" in p for p in article.paragraphs)


def test_markdown_iso_string_date_and_source_from_url(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        "a.md",
        f"---\ndate: '2016-11-06T09:00:00Z'\nurl: https://www.centcom.mil/x\n---\n{SENTENCE_1}\n",
    )
    assert article.date == dt.date(2016, 11, 6)
    assert article.source == "CENTCOM"


def test_markdown_invalid_yaml_names_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "bad.md", f"---\ntitle: ok\ntags: [a, b\nsource: x\n---\n{SENTENCE_1}\n")
    with pytest.raises(IngestError) as caught:
        read_article(tmp_path / "bad.md", tmp_path)
    assert caught.value.path == "bad.md"
    assert caught.value.line in {3, 4}
    assert str(caught.value).startswith(f"bad.md:{caught.value.line}:")


def test_markdown_yaml_error_on_first_front_matter_line_is_line_2(tmp_path: Path) -> None:
    write(tmp_path, "bad.md", f"---\ntitle: [unclosed\n---\n{SENTENCE_1}\n")
    with pytest.raises(IngestError) as caught:
        read_article(tmp_path / "bad.md", tmp_path)
    assert caught.value.line is not None and caught.value.line >= 2


@pytest.mark.parametrize(
    ("field_lines", "field", "line"),
    [
        ("title: ok\ndate: yesterday\n", "date", 3),
        ("tags: 5\n", "tags", 2),
        ("source: CENTCOM\ntitle: 123\n", "title", 3),
        ("tags: [Iraq, 7]\n", "tags", 2),
    ],
)
def test_markdown_wrong_field_type_names_field_and_line(
    tmp_path: Path, field_lines: str, field: str, line: int
) -> None:
    write(tmp_path, "bad.md", f"---\n{field_lines}---\n{SENTENCE_1}\n")
    with pytest.raises(IngestError) as caught:
        read_article(tmp_path / "bad.md", tmp_path)
    assert field in caught.value.message
    assert (caught.value.path, caught.value.line) == ("bad.md", line)


def test_markdown_unclosed_front_matter_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="not closed"):
        read(tmp_path, "a.md", f"---\ntitle: x\n{SENTENCE_1}\n")


# --- HTML ------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Forces retake bridge | Example Times</title>
<meta property="og:title" content="Forces retake bridge">
<meta property="og:site_name" content="Example Times">
{date}
<link rel="canonical" href="https://www.example-times.com/world/forces-retake-bridge">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Forces retake bridge</h1>
<p>{s1}</p>
<figure><img src="a.jpg"><figcaption>Soldiers on the bridge. Photo: Reuters</figcaption></figure>
<h2>Airstrikes</h2>
<p>{s2}</p>
<p>Read more: Why the bridge matters.</p>
</article>
<footer><p>© 2017 Example Times. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def test_html_page_main_text_and_metadata(tmp_path: Path) -> None:
    date = '<meta property="article:published_time" content="2017-03-23T08:00:00+00:00">'
    article = read(tmp_path, "a.html", PAGE.format(date=date, s1=SENTENCE_1, s2=SENTENCE_2))
    assert article.title == "Forces retake bridge"
    assert article.date == dt.date(2017, 3, 23)
    assert article.source == "Example Times"
    assert article.url == "https://www.example-times.com/world/forces-retake-bridge"
    assert article.paragraphs == (SENTENCE_1, SENTENCE_2)


def test_html_without_date_metadata_has_no_date(tmp_path: Path) -> None:
    article = read(tmp_path, "a.html", PAGE.format(date="", s1=SENTENCE_1, s2=SENTENCE_2))
    assert article.date is None


# --- decoding --------------------------------------------------------------------------------------


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    text = f"Frappes près de Mossoul\n\nLe président français a déclaré que la coalition était unie. {SENTENCE_1}\n"
    article = read(tmp_path, "a.txt", text.encode("latin-1"))
    assert article.title == "Frappes près de Mossoul"
    assert article.paragraphs[0].startswith("Le président français a déclaré")


def test_mojibake_is_repaired_and_curly_quotes_kept(tmp_path: Path) -> None:
    text = "Forces retake bridge\n\n“We won’t stop,” the commander said in Mosul’s east.\n"
    article = read(tmp_path, "a.txt", text.encode("utf-8").decode("latin-1").encode("utf-8"))
    assert article.paragraphs == ("“We won’t stop,” the commander said in Mosul’s east.",)


def test_utf16_with_bom_is_text(tmp_path: Path) -> None:
    article = read(tmp_path, "a.txt", f"Forces retake bridge\n\n{SENTENCE_1}\n".encode("utf-16"))
    assert article.paragraphs == (SENTENCE_1,)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(256)) * 4, "binary"),
        (b"", "empty"),
        (b"  \n\t\n  ", "empty"),
        (b"Home\nWorld\nSkip to content\n00:31\n", "no article text"),
    ],
)
def test_unreadable_files_raise_ingest_error(tmp_path: Path, content: bytes, message: str) -> None:
    with pytest.raises(IngestError, match=message) as caught:
        read(tmp_path, "bad.txt", content)
    assert caught.value.path == "bad.txt"


def test_unsupported_and_missing(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="unsupported"):
        read(tmp_path, "a.docx", b"x")
    with pytest.raises(IngestError, match="not found"):
        discover(tmp_path / "nope")


def test_discover_is_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md", ".hidden.txt", "sub/c.html", ".git/d.txt", "notes.pdf"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)] == ["a.md", "b.txt", "sub/c.html"]


# --- the shipped sample content and the corpus -----------------------------------------------------


def test_sample_content_shows_every_format_once() -> None:
    paths = discover(CONTENT)
    assert {p.suffix for p in paths} == {".txt", ".md", ".html"}
    stems = [p.stem for p in paths]
    assert len(stems) == len(set(stems))


@pytest.mark.parametrize("path", sorted(CONTENT.iterdir()), ids=lambda p: p.name)
def test_sample_content_ingests(path: Path) -> None:
    article = read_article(path, CONTENT)
    assert article.title and article.source and article.paragraphs
    assert article.title not in article.paragraphs
    assert all(p.strip() == p and p for p in article.paragraphs)


def test_sample_html_page_drops_its_navigation_and_footer() -> None:
    article = read_article(CONTENT / "centcom-sdf-initiate-next-phase-of-raqqah-isolation.html", CONTENT)
    assert article.date == dt.date(2016, 12, 10)
    assert article.source == "CENTCOM"
    assert not any("MacDill" in p or "Privacy" in p or "Skip to" in p for p in article.paragraphs)
    assert article.paragraphs[0].startswith("The Syrian Democratic Forces announced the start")


@needs_shared
@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_corpus_files_ingest_with_title_and_source(path: Path) -> None:
    article = read_article(path, CORPUS)
    assert article.source in {"CENTCOM", "US State Department", "DW"}
    assert article.title and not article.title.endswith(".")
    # every line of the file that reads as a sentence is kept
    sentences = [
        line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip().endswith(".")
    ]
    text = " ".join(" ".join(p.split()) for p in article.paragraphs)
    for sentence in sentences:
        if "browser does not support" in sentence:
            continue
        assert " ".join(sentence.lstrip(". \u00a0").split())[:40] in text


def test_tag_line_becomes_tags(tmp_path: Path) -> None:
    article = read(
        tmp_path, "a.txt", f"Forces retake bridge\n\n{SENTENCE_1}\n\nKeywords Iraq, Mosul, Tigris\n"
    )
    assert article.tags == ("Iraq", "Mosul", "Tigris")
    assert article.paragraphs == (SENTENCE_1,)


def test_one_line_article_without_headline_keeps_all_text(tmp_path: Path) -> None:
    line = f"(CNN){SENTENCE_1} {SENTENCE_2} Residents said the newsletter of the council was closed. " * 3
    article = read(tmp_path, "a.txt", line.strip() + " ©2015 Example Media. All rights reserved.\n")
    assert article.paragraphs == (line.strip(),)
    assert article.source == "CNN"
    assert article.title.startswith("Iraqi forces retook the eastern bank")


def test_header_with_sections_byline_and_dated_line(tmp_path: Path) -> None:
    scrape = (
        "https://www.theguardian.com/world/2017/jan/13/x\nWorld\nMiddle East\nForces retake bridge\n"
        "By Jane Doe in Beirut\nFri 13 Jan 2017 08.50 GMT\nShare on Facebook\n\n"
        f"{SENTENCE_1}\n{SENTENCE_2}\n\nMost viewed\n"
    )
    article = read(tmp_path, "a.txt", scrape)
    assert (article.title, article.section, article.byline) == (
        "Forces retake bridge",
        "Middle East",
        "By Jane Doe in Beirut",
    )
    assert (article.date, article.source) == (dt.date(2017, 1, 13), "The Guardian")
    assert article.paragraphs == (SENTENCE_1, SENTENCE_2)


def test_scrape_without_headline_keeps_its_first_paragraphs(tmp_path: Path) -> None:
    """A page that starts straight with the article: a short last paragraph is not its headline,
    and nothing before it is dropped."""
    article = read(
        tmp_path,
        "no-headline.txt",
        "https://example.org/world/hotel-assault\n\n"
        "Militants' deadly assault on a seaside hotel has raised fresh questions about the group, "
        "despite a heightened counterterrorism campaign in the country.\n"
        "The militants detonated a car bomb outside the hotel on Sunday afternoon, killing 11 civilians, "
        "a government spokesman said on Monday.\n"
        "Hours later, the group launched a similar attack on an army base, killing five soldiers.\n",
    )
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("Militants' deadly assault")


def test_captions_with_spaced_credits_and_their_repeats_are_furniture(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        "captions.txt",
        "Shelling kills three in Donetsk\n\n"
        "A hospital damaged in a shelling attack in Donetsk.\n"
        "A hospital damaged in a shelling attack in Donetsk. Photograph: Itar-Tass/Barcroft Media\n\n"
        f"{SENTENCE_1} {SENTENCE_2}\n",
    )
    assert not any("hospital damaged" in p for p in article.paragraphs)
    assert not any("Photograph" in p for p in article.paragraphs)


def test_dates_from_iso_url_paths_and_date_stamps(tmp_path: Path) -> None:
    from_url = read(
        tmp_path,
        "a.txt",
        f"http://abc.net.au/news/2015-07-18/car-bomb/6630146\n\nCar bomb\n\n{SENTENCE_1} {SENTENCE_2}\n",
    )
    assert from_url.date == dt.date(2015, 7, 18)
    stamped = read(tmp_path, "b.txt", f"Gunmen ambush police\n\n date 2019-10-15 {SENTENCE_1} {SENTENCE_2}\n")
    assert stamped.date == dt.date(2019, 10, 15)
    assert stamped.paragraphs[0].startswith(SENTENCE_1.split()[0])


def test_a_blog_on_a_hosting_platform_is_its_own_publisher() -> None:
    assert source_from_url("https://sidtoday.wordpress.com/2021/09/05/missile/") == "Sidtoday"
    assert source_from_url("https://www.theguardian.com/world/2014/aug/08/x") == "The Guardian"


def test_a_caption_ending_in_a_photo_credit_is_furniture(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        "ap.txt",
        "Gunmen ambush police convoy\n\n"
        "Senate Minority Leader Mitch McConnell is helped by colleagues after he froze at the "
        "microphones, at the Capitol in Washington. (AP Photo/J. Scott Applewhite)\n\n"
        f"{SENTENCE_1} {SENTENCE_2}\n",
    )
    assert not any("McConnell" in p for p in article.paragraphs)


def test_a_label_glued_onto_the_first_word_is_split_off(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        "glued.txt",
        "Boko Haram attacks Borno village\n\n"
        "Boko HaramFifteen people were killed when Boko Haram attacked a remote village in Borno State.\n\n"
        f"{SENTENCE_1} {SENTENCE_2}\n",
    )
    assert article.paragraphs[0].startswith("Fifteen people were killed")


def test_the_headline_the_url_spells_beats_a_label_above_it(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        "aggregator.txt",
        "https://theworldnews.net/ca-news/kurdish-militants-attack-turkish-police-kill-themselves\n\n"
        "Canada\n"
        "This article was added by the user . TheWorldNews is not responsible for the content of the platform.\n\n"
        "Kurdish militants attack Turkish police, kill themselves\n\n"
        "Sign up to receive the daily top stories from the National Post, a division of Postmedia Network Inc.\n\n"
        f"{SENTENCE_1} {SENTENCE_2}\n",
    )
    assert article.title == "Kurdish militants attack Turkish police, kill themselves"
    assert article.paragraphs == (f"{SENTENCE_1} {SENTENCE_2}",)


def test_a_lead_sentence_that_restates_the_url_stays_in_the_body(tmp_path: Path) -> None:
    lead = "Eight soldiers have been killed in a jihadist attack in the restive north of the country, sources said."
    article = read(
        tmp_path,
        "lead.txt",
        f"http://www.example.com/stories/271789-eight-soldiers-killed-in-jihadist-attack\n\n{lead}\n\n{SENTENCE_1}\n",
    )
    assert article.paragraphs[0] == lead


def test_publisher_names_dates_in_slugs_and_more_furniture(tmp_path: Path) -> None:
    assert source_from_url("https://www.thedailystar.net/news/world/x") == "The Daily Star"
    assert source_from_url("https://indianexpress.com/article/india/x/") == "Indian Express"
    assert source_from_url("https://garoweonline.com/en/news/x") == "Garowe Online"  # not "Ga Rowe Online"
    assert source_from_url("https://zbcnews.co.zw/x") == "ZBC News"  # not "Zbcnews"
    assert source_from_url("https://lagosenglish.com/x") == "Lagos English"
    assert source_from_url("https://caspiandiscourse.com/x") == "Caspian Discourse"  # two long rare words
    assert source_from_url("https://radiodalsan.com/x") == "Radio Dalsan"  # an outlet word and a name
    assert source_from_url("https://atolltimes.mv/post/x") == "Atoll Times"
    assert source_from_url("https://allafrica.com/x") == "Allafrica"  # a brand, not "ALL Africa"
    assert source_from_url("https://www.newindianexpress.com/x") == "New Indian Express"
    assert source_from_url("https://todayincanada.ca/x") == "Today in Canada"
    assert source_from_url("https://news.online.ua/x") == "Online.ua"  # not the word "Online"
    assert source_from_url("https://www.bbc.co.uk/news/x") == "BBC"
    article = read(
        tmp_path,
        "smh.txt",
        "https://www.smh.com.au/world/car-bomb-in-market-kills-scores-20140715-zthqz.html\n\n"
        "Car bomb in market kills scores\n\n"
        "We're sorry, this feature is currently unavailable. We're working to restore it. Please try again later.\n"
        "FILE PHOTO: Commandos simulate a raid on a militant camp. Picture taken April 18, 2018. REUTERS/Aaron Ross/\n\n"
        f"{SENTENCE_1} {SENTENCE_2}\n",
    )
    assert article.date == dt.date(2014, 7, 15)
    assert article.paragraphs == (f"{SENTENCE_1} {SENTENCE_2}",)


def test_wire_captions_breadcrumbs_and_archive_notices(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        "wire.txt",
        "https://twocircles.net/2009oct10/hostages_freed_pakistani_army_headquarters.html\n\n"
        "Home Muslim World News Hostages freed at Pakistani army headquarters\n\n"
        "Security forces walk past the wreckage of vehicles after a bomb attack near the palace, "
        "in Mogadishu, Somalia, on Jan. 8, 2020.\n"
        "Ammar Abdullah, Reuters\n"
        "Related News:\n"
        "This archived news story is available only for your personal, non-commercial use.\n\n"
        f"{SENTENCE_1} {SENTENCE_2}\n",
    )
    assert article.title == "Hostages freed at Pakistani army headquarters"
    assert article.date == dt.date(2009, 10, 10)
    assert article.paragraphs == (f"{SENTENCE_1} {SENTENCE_2}",)


def test_a_publisher_is_named_as_its_page_spells_its_domain(tmp_path: Path) -> None:
    """ "prothomalo.com" is "Prothom Alo" when the story says "told Prothom Alo"; a domain the
    page never spells falls back to the split domain ("thesaveratimes" -> "The Savera Times")."""
    article = tmp_path / "camp.txt"
    article.write_text(
        "https://en.prothomalo.com/bangladesh/x\n\nThree killed in camp shooting\n\n"
        "Three people were shot dead at a refugee camp on Monday, police said.\n\n"
        "A police officer told Prothom Alo that two suspects were arrested after the shooting.\n",
        encoding="utf-8",
    )
    assert read_article(article, tmp_path).source == "Prothom Alo"
    assert source_from_url("https://thesaveratimes.com/?p=1") == "The Savera Times"
    assert source_from_url("https://thecitypaperbogota.com/news/x") == "Thecitypaperbogota"
    # small words of other languages, and a comma, inside the name the page spells
    assert (
        source_from_url("https://www.journaldukivu.com/x", "Read more on Journal du Kivu.")
        == "Journal du Kivu"
    )
    assert (
        source_from_url(
            "https://sahelnewsbamako.com/x", "In a statement seen by Sahel News, Bamako, the army said"
        )
        == "Sahel News, Bamako"
    )


def test_day_first_dated_captions_and_comment_prompts_are_furniture() -> None:
    from briefing.ingest.cleaning import Kind, classify

    assert classify("Police inspect the scene of a bombing in Narathiwat, 14 July 2015.") is Kind.FURNITURE
    assert classify("Have something to say? Paid Subscribers get all access to make & read comments.") is (
        Kind.FURNITURE
    )
    assert classify("The attack took place on 14 July 2015.") is Kind.TEXT


def test_a_datelines_date_and_an_iso_date_in_a_slug_date_the_story(tmp_path: Path) -> None:
    """ "Kyiv, 16 March 2024 (dpa) —" dates the story even below a site's date bar."""
    from briefing.ingest.dates import date_from_url

    article = tmp_path / "odesa.txt"
    article.write_text(
        "https://example.org/en/story/odesa-attack\n\n• Thursday, 19 December 2024\n\n"
        "Missile attack kills 20 in Odesa\n\n"
        "Kyiv, 16 March 2024 (dpa) — At least 20 people were killed in a missile attack on Odesa.\n\n"
        "Rescue workers were among the dead, officials said on Friday.\n",
        encoding="utf-8",
    )
    assert read_article(article, tmp_path).date == dt.date(2024, 3, 16)
    assert date_from_url("https://www.voanews.com/a/a-13-2008-02-17-voa3/334353.html") == dt.date(2008, 2, 17)
    assert date_from_url("https://example.at/20201103/vienna-shooting") == dt.date(2020, 11, 3)
    assert date_from_url("https://example.com/23032024-concert-hall-attack/") == dt.date(2024, 3, 23)
    assert date_from_url("https://example.com/05032024-concert-hall-attack/") is None  # May 3 or March 5


def test_header_furniture_is_not_the_headline(tmp_path: Path) -> None:
    """Skip links, labelled metadata fields, a site's date bar and a breadcrumb that ends in the
    headline all sit where a headline could; none of them is it."""
    pages = {
        "skip.txt": "https://example.org/view/AEN2010\n\nGo to Contents Go to Navigation\n\n"
        "North fires shells onto the island; two soldiers killed\n\n",
        "fields.txt": "https://example.org/20230108/c.html\n\nClashes in the oil-rich province kill 13\n\n"
        "Source: Xinhua\n\nEditor: huaxia\n\n2023-01-08 21:42:45\n\n",
        "datebar.txt": "https://example.org/news/30206889\n\nFRIDAY, April 19, 2024 examplenews\n\n"
        "Attack mars the holiday\n\n",
        "crumbs.txt": "https://example.org/juba-yei-road-attacks-kill-10/\n\n"
        "You are here: Home  |  News   |   Juba-Yei road attacks kill 10\n\nJuba-Yei road attacks kill 10\n\n",
        "stop.txt": "https://example.org/2020/06/violence-in-the-valley-deadly-ambush-on-the-convoy/\n\n"
        "Violence in the valley. Deadly ambush on the convoy.\n\n",
    }
    titles = titles_of(tmp_path, pages)
    assert titles == {
        "skip.txt": "North fires shells onto the island; two soldiers killed",
        "fields.txt": "Clashes in the oil-rich province kill 13",
        "datebar.txt": "Attack mars the holiday",
        "crumbs.txt": "Juba-Yei road attacks kill 10",
        "stop.txt": "Violence in the valley. Deadly ambush on the convoy.",
    }


@pytest.mark.parametrize(
    ("slug", "headline", "printed_first"),
    [
        ("ministry-death-toll", "Ministry: Death Toll from Armed Clashes Rises to 16", False),
        # the scrape prints the headline, then the date bar and menus, then the page's headline
        ("libyas-ministry-death-toll", "Libya’s Ministry: Death Toll from Armed Clashes Rises to 16", True),
    ],
)
def test_the_date_under_a_headline_below_a_long_menu_dates_the_story(
    tmp_path: Path, slug: str, headline: str, printed_first: bool
) -> None:
    menu = "".join(f"{item}\n" for item in ["Home", "World", "Economy", "Sport", "Politics", "Opinion"] * 3)
    top = f"{headline}\n\n" if printed_first else ""
    article = read(
        tmp_path,
        "menu.txt",
        f"https://example.org/25568/{slug}-from-armed-clashes-rises-to-16\n\n{top}"
        f"Tuesday, July 1, 2025\nExampleReview\n{menu}\n"
        f"{headline}\n\nJuly 23, 2022\n\n"
        f"{SENTENCE_1} {SENTENCE_2}\n",
    )
    assert article.title == headline
    assert article.date == dt.date(2022, 7, 23)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Published - September 15, 2024 02:57 am IST - KYIV", dt.date(2024, 9, 15)),
        ("Ekleme: 03.07.2024 10:15:50 / Güncelleme: 03.07.2024 10:15:50 / English News", dt.date(2024, 7, 3)),
        ("English 14/10/2019 13:47 Reuters Mexico City", None),  # no label, and day-month order unsure
        ("Published on Monday, officials said the attack began on September 15, 2024 at dawn", None),
    ],
)
def test_a_labelled_timestamp_opening_a_line_dates_the_page(line: str, date: dt.date | None) -> None:
    assert parse_date_line(line) == date


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("by Jane Mwangi March 4, 2023 9:15 AM 3 min read", dt.date(2023, 3, 4)),
        ("8:20 pm on 12 June 2019", dt.date(2019, 6, 12)),
        ("Posted at Jun 12 2019 08:20 PM | Updated as of Jun 13 2019 10:00 AM", dt.date(2019, 6, 12)),
        ("Fri Jun 14 2019 icon-facebook icon-twitter", dt.date(2019, 6, 14)),
        ("14 Jun 2019 at 09:30hrs | Views", dt.date(2019, 6, 14)),
        ("2019.06.14", dt.date(2019, 6, 14)),
        ("By August 3, 2023", dt.date(2023, 8, 3)),  # a byline whose author the scrape lost
        ("By the end of March 2023", None),
        ("Troops entered the town on June 14, 2019 at dawn", None),
        ("Opinion by Jane Mwangi, Nairobi, June 14, 2019", None),
    ],
)
def test_a_header_line_of_dates_and_date_words_dates_the_page(line: str, date: dt.date | None) -> None:
    assert parse_date_line(line) == date


def test_a_site_date_bar_above_the_headline_is_not_the_story_date(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        "bar.txt",
        "https://example.org/six-killed-in-attack-on-island/\n\nFriday , June 14 2019\n"
        f"Six killed in attack on island\n\n{SENTENCE_1} {SENTENCE_2}\n",
    )
    assert article.date is None


def test_a_sentence_naming_an_agency_poll_is_article_text(tmp_path: Path) -> None:
    line = "Police said the AP/NORC poll showed little support for the operation."
    article = read(tmp_path, "a.txt", f"Forces retake bridge\n\n{SENTENCE_1}\n{line}\n{SENTENCE_2}\n")
    assert line in article.paragraphs


def test_credits_glued_after_a_paragraphs_last_sentence_go_and_the_text_stays(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        "credits.txt",
        "Officer killed in Chechnya\n\n"
        "Police work at the scene in the center of Grozny, Russia, Monday, Dec. 28, 2020. "
        "Two brothers attacked police with knives on Monday in Chechnya, killing an officer and injuring "
        "another, the republic's leader said. (AP Photo/Musa Sadulayev) (Musa Sadulayev, Copyright 2020 "
        "The Associated Press. All rights reserved.)\n\n"
        "A security member stands guard inside a damaged police compound in Bara, Pakistan (Qazi Rauf/AP/PA)\n\n"
        f"{SENTENCE_1} {SENTENCE_2} (AFP)\n\n"
        "For the latest news, follow us on Twitter @Example. We are also on Facebook and YouTube.\n\n"
        "Comments are closed on this story.\n",
    )
    body = " ".join(article.paragraphs)
    assert "the republic's leader said." in body
    for furniture in (
        "Sadulayev",
        "Copyright",
        "Police work",
        "security member",
        "(AFP)",
        "follow us",
        "Comments are",
    ):
        assert furniture not in body, furniture


def test_labels_promotions_and_credited_captions_are_not_the_headline(tmp_path: Path) -> None:
    """A list label ("LATEST STORIES:"), a promotion with emoji, a caption that ends in its credit
    and a long headline the URL spells word for word: only the headline is the title."""
    pages = {
        "label.txt": "https://example.org/?p=135545\n\nLATEST STORIES:\n"
        "Suspect identified in deadly shooting at Quebec mosque\n\nUpdated:\n",
        "promo.txt": "https://example.org/story/news/world/2019/11/06/family-ambushed-wedding/4175532002/\n\n"
        "Start the day smarter ☀️ Notable deaths in 2022 Virus numbers by state\n\n"
        "Motive one of the many questions after family is massacred in Mexico\n\n",
        "credit.txt": "http://example.org/articles/41587/\n\n"
        "House in Tbilisi where alleged terrorists lived. Photo by Galina Gotua for the Caucasian Knot.\n\n"
        "24 November 2017, 09:14\n\nTenants fail to identify the suspect by photo\n\n",
        "stock.txt": "https://example.org/world/germany-far-right-coup-plot-thwarted-as-police-carry-out-raids\n\n"
        "Far-right coup plot thwarted in Germany after police carry out raids\n\n"
        "Germany far-right coup plot thwarted as police carry out raids on extremists’ homes iStock\n\n",
        "long.txt": "https://example.org/us-news/a-gunman-clad-in-tactical-gear-and-armed-with-a-semi-automatic-rifle"
        "-killed-2-and-injured-5-others-in-phoenix-shooting-police-say/\n\nUS News\n\n"
        "A gunman clad in tactical gear and armed with a semi-automatic rifle killed 2 and injured 5 others in"
        " Phoenix shooting, police say\n\n",
    }
    titles = titles_of(tmp_path, pages)
    assert titles == {
        "label.txt": "Suspect identified in deadly shooting at Quebec mosque",
        "promo.txt": "Motive one of the many questions after family is massacred in Mexico",
        "credit.txt": "Tenants fail to identify the suspect by photo",
        "stock.txt": "Far-right coup plot thwarted in Germany after police carry out raids",
        "long.txt": "A gunman clad in tactical gear and armed with a semi-automatic rifle killed 2 and injured 5"
        " others in Phoenix shooting, police say",
    }


def test_credits_and_posts_glued_to_a_paragraph_go_and_the_paragraph_stays(tmp_path: Path) -> None:
    glued = {
        f"(TRINIDAD GUARDIAN) {SENTENCE_1}": SENTENCE_1,
        f"{SENTENCE_1} (with a report from R. Tutas)": SENTENCE_1,
        f"{SENTENCE_1} pic.twitter.com/WmiWPGWwPz — Collin Rugg (@CollinRugg) October 16, 2023": SENTENCE_1,
    }
    for text, kept in glued.items():
        assert read(tmp_path, "a.txt", f"Forces retake bridge\n\n{text}\n{SENTENCE_2}\n").paragraphs == (
            kept,
            SENTENCE_2,
        )


def test_a_video_players_prompt_under_the_headline_is_furniture(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        "a.txt",
        "https://example.org/news/6133630/thailand-suspected-rebel-attack/\n\n"
        "15 dead in suspected rebel attack at southern Thailand security posts\n\n"
        "Click to play video '15 killed in southern Thailand’s deadliest attack in years' 15 killed in southern"
        " Thailand’s deadliest attack in years\n"
        "WATCH: 15 dead in southern Thailand's deadliest attack in 15 years – Nov 6, 2019\n\n"
        f"{SENTENCE_1}\n\n{SENTENCE_2}\n",
    )
    assert article.paragraphs == (SENTENCE_1, SENTENCE_2)


def test_a_last_line_the_scrape_cut_off_mid_sentence_stays_in_the_body(tmp_path: Path) -> None:
    cut = "Al-Shabab often launches attacks on Somali security forces, officials and army bas"
    promo = "Join our WhatsApp Channel to get the latest news, exclusives and videos on WhatsApp"
    assert read(tmp_path, "a.txt", f"Forces retake bridge\n\n{SENTENCE_1}\n\n{cut}\n").paragraphs == (
        SENTENCE_1,
        cut,
    )
    assert read(tmp_path, "b.txt", f"Forces retake bridge\n\n{SENTENCE_1}\n\n{promo}\n").paragraphs == (
        SENTENCE_1,
    )


def test_dates_after_an_outlets_name_slashed_day_first_and_day_first_in_the_url() -> None:
    from briefing.ingest.dates import date_from_dateline, date_from_url

    assert parse_date_line("Narinjara News, 8 May 2024") == dt.date(2024, 5, 8)
    assert parse_date_line("Friday 21/08/2015") == dt.date(2015, 8, 21)
    assert parse_date_line("08/21/2015") == dt.date(2015, 8, 21)
    assert parse_date_line("08/06/2015") is None  # August 6 or June 8: not guessed
    assert parse_date_line("Gunmen killed 5, 8 May 2024") is None
    assert date_from_dateline("Hill Voice, 17 May 2023, Bandarban: A gunfight took place.") == dt.date(
        2023, 5, 17
    )
    assert date_from_dateline("BEIRUT, Jan 5, 2020 (AFP) - Gunmen attacked.") == dt.date(2020, 1, 5)
    assert date_from_url("https://example.org/en/20/05/2018/church-attackers-killed/") == dt.date(2018, 5, 20)


def test_a_paragraph_printed_again_word_for_word_is_kept_once(tmp_path: Path) -> None:
    article = read(
        tmp_path, "a.txt", f"Forces retake bridge\n\n{SENTENCE_1}\n\n{SENTENCE_2}\n\n{SENTENCE_1}\n"
    )
    assert article.paragraphs == (SENTENCE_1, SENTENCE_2)


def test_list_items_and_search_boxes_are_not_the_headline(tmp_path: Path) -> None:
    """A bulleted list of related stories above the headline, and a site's search box."""
    listed = (
        "https://example.org/news/lkk.html\n\n- Regime launches counteroffensive on rebel-held base\n"
        "- AA captures junta artillery battalion\nJunta and KNLA forces clash in Lay Kay Kaw\n"
        f"{SENTENCE_1}\n{SENTENCE_2}\n"
    )
    search = f"Search\nClose this search box.\n\nChad launches operation against Boko Haram\n\n{SENTENCE_1}\n"
    assert read(tmp_path, "a.txt", listed).title == "Junta and KNLA forces clash in Lay Kay Kaw"
    article = read(tmp_path, "b.txt", search)
    assert article.title == "Chad launches operation against Boko Haram"
    assert article.paragraphs == (SENTENCE_1,)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("(Last Updated On: November 16, 2019)", dt.date(2019, 11, 16)),
        ("January 15 2023, 1.15pm Updated: January 15 2023, 5.09pm", dt.date(2023, 1, 15)),
        ("Saturday\u060c 14 April 2018 - 12:21 PM", dt.date(2018, 4, 14)),
        ("Fiona Simpson31 January 2017", dt.date(2017, 1, 31)),  # the byline glued to the date
    ],
)
def test_date_lines_with_labels_in_brackets_colons_and_arabic_commas(line: str, date: dt.date) -> None:
    assert parse_date_line(line) == date


def test_captions_credited_by_an_outlets_photo_and_wire_taglines_are_furniture(tmp_path: Path) -> None:
    caption = "POLICE officers arrive at Sitio Cambaga, where two soldiers were killed in an ambush Saturday. (PNP photo)"
    repeated = "Zámecká Street in Bratislava just after the attack in which a gunman shot two people."
    credited = f"{repeated} (PHOTO: Police of the Republic of Slovakia)"
    tagline = "This report by The Canadian Press was first published Sept. 5, 2022."
    article = read(
        tmp_path,
        "a.txt",
        f"Forces retake bridge\n\n{caption}\n\n{repeated}\n{credited}\n{SENTENCE_1}\n\nTrend:\n\n"
        f"{SENTENCE_2}\n\n{tagline}\n",
    )
    assert article.paragraphs == (SENTENCE_1, SENTENCE_2)


def test_sentences_ending_in_a_date_and_a_cut_off_last_paragraph_stay(tmp_path: Path) -> None:
    """A sentence that ends "... starting from September 4, 2020." is no dated caption, and a last
    line the scrape stopped in after a full sentence ("... In 2021, Rwanda and the So") is text."""
    dated = (
        "The party also accused officials of what it called arranged attacks starting from September 4, 2020."
    )
    cut = "The origins of this terrorist group trace back to 2017 in Cabo Delgado. In 2021, Rwanda and the So"
    article = read(tmp_path, "a.txt", f"Forces retake bridge\n\n{SENTENCE_1}\n\n{dated}\n\n{cut}\n")
    assert article.paragraphs == (SENTENCE_1, dated, cut)


def test_a_caption_whose_credit_closes_before_its_full_stop_is_furniture(tmp_path: Path) -> None:
    caption = "At least two police officers were reportedly injured (Photo: Twitter/@azucenau)."
    long_paragraph = f"{SENTENCE_1} {SENTENCE_2} " * 3 + "(Photo: Reuters)."
    article = read(
        tmp_path,
        "a.txt",
        f"Forces retake bridge\n\n{SENTENCE_1}\n\n{caption}\n{caption}\n\n{long_paragraph}\n",
    )
    assert article.paragraphs == (SENTENCE_1, long_paragraph)


def test_entities_a_reprints_masthead_and_captions_credited_to_an_agency_twice(tmp_path: Path) -> None:
    """Leaked character references ("weekend&39;s") are read as characters; a paper's name above the
    date of a reprint ("The Nation") is not the headline the URL spells; a caption printed twice,
    each copy credited "Source: Reuters", goes whole; "See our last post on Peru." is furniture."""
    caption = "A man looks into a burnt-out car near the Press House in Grozny. Source: Reuters"
    article = read(
        tmp_path,
        "a.txt",
        "http://example.net/2013/12/28/attacks-in-yala-and-narathiwat-injure-four-security-officials/\n\n"
        f"The Nation\nDecember 28, 2013 1:00 am\n\n{caption}\n\n{caption}\n\n"
        f"{SENTENCE_1}\n\nAmong those dead from this weekend&39;s attack were children.\n\n"
        "See our last post on Peru.\n",
    )
    assert article.title != "The Nation"
    assert article.paragraphs == (SENTENCE_1, "Among those dead from this weekend's attack were children.")


def test_a_masthead_in_capitals_names_the_publisher_as_cited() -> None:
    assert (
        source_from_url("https://english.elpais.com/international/x", "Recomendaciones EL PAÍS") == "El País"
    )


def test_a_promotion_sharing_no_word_with_a_long_english_slug_is_not_the_headline(tmp_path: Path) -> None:
    """A slug that spells the story in English words ("home-detention-for-new-caledonias-unrest-...")
    rules out a line sharing none of them; a transliterated slug ("udar-rf-po-...") rules out nothing."""
    promo = read(
        tmp_path,
        "a.txt",
        "https://example.nz/2024/05/17/home-detention-for-new-caledonias-unrest-ringleaders-tiktok-banned/\n\n"
        f"READ: AFP told: Learn assassin’s ways\n\n{SENTENCE_1}\n\n{SENTENCE_2}\n",
    )
    assert promo.title != "READ: AFP told: Learn assassin’s ways"
    foreign = read(
        tmp_path,
        "b.txt",
        "https://example.com/en/2023/01/16/udar-rf-po-bagatopoverhivtsi-v-dnipri-pid-zavalamy-znajshly-shhe-tila\n\n"
        f"Death toll rises following missile strike on high-rise building in Dnipro\n\n{SENTENCE_1}\n",
    )
    assert foreign.title == "Death toll rises following missile strike on high-rise building in Dnipro"


def test_a_french_outlet_name_run_into_its_place_is_split_at_the_article() -> None:
    assert source_from_url("https://www.journalducameroun.com/en/x") == "Journal du Cameroun"
    assert source_from_url("https://newsdonbass.com/x") == "News Donbass"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("04 Maret 2019 17:54", dt.date(2019, 3, 4)),
        ("12 juillet 2021", dt.date(2021, 7, 12)),
        ("Published: 3 marzo 2020", dt.date(2020, 3, 3)),
    ],
)
def test_date_lines_in_the_languages_international_outlets_print(line: str, date: dt.date) -> None:
    assert parse_date_line(line) == date


def test_a_headline_doubled_around_an_image_label_and_a_language_link_are_furniture(tmp_path: Path) -> None:
    """ "X File photo X" is an image's alt text and its caption; "اردو" links the site in Urdu."""
    doubled = "Three soldiers killed in attack on border post in Kurram File photo Three soldiers killed in attack on border post in Kurram"
    article = read(
        tmp_path, "a.txt", f"Forces retake bridge\n\nاردو\n\n{doubled}\n\n{SENTENCE_1}\n\n{SENTENCE_2}\n"
    )
    assert article.paragraphs == (SENTENCE_1, SENTENCE_2)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://venezuelanalysis.com/news/1/", "Venezuelanalysis"),  # "Venezuela" + "analysis" share an "a"
        ("https://mideastdiscourse.com/2020/1/", "Mideast Discourse"),  # control: two words, nothing shared
    ],
)
def test_a_domain_blending_two_words_is_one_name(url: str, expected: str) -> None:
    assert source_from_url(url) == expected


def test_a_domain_opening_with_the_keeps_its_article_before_rare_words() -> None:
    """ "themalaysianreserve": "The" and long pieces however rare ("Malaysian"); "allafrica" stays whole."""
    assert source_from_url("https://themalaysianreserve.com/2020/04/20/x/") == "The Malaysian Reserve"
    assert source_from_url("https://allafrica.com/stories/1.html") == "Allafrica"


@pytest.mark.parametrize(
    "page",
    [
        # a wire's name, a comma and the date, on a line of its own
        "Mortar strike kills four\n\nReuters , Thursday 25 Mar 2021\n\n{s1}\n\n{s2}\n",
        # an outlet's dateline with a month-first date, glued to the story
        "Bandits killed in Port-au-Prince\n\nTHE HAITI FACTOR, March 25, 2021._{s1}\n\n{s2}\n",
        # a city's dateline after a standfirst
        "Forces retake Caracas\n\n{s2}\n\nMérida, March 25, 2021 ( – {s1}\n",
    ],
)
def test_dates_after_a_wire_or_an_outlet_name_and_in_a_later_dateline(tmp_path: Path, page: str) -> None:
    article = read(tmp_path, "a.txt", page.format(s1=SENTENCE_1, s2=SENTENCE_2))
    assert article.date == dt.date(2021, 3, 25)


def test_a_sentence_opening_with_a_date_phrase_is_no_dateline(tmp_path: Path) -> None:
    """A control for the datelines above: lowercase words before the comma make a sentence."""
    page = f"Police raid\n\nIn the early hours of Thursday, July 21, 2022, police began a raid.\n\n{SENTENCE_1}\n"
    assert read(tmp_path, "a.txt", page).date is None


def test_a_data_dump_after_the_story_is_furniture(tmp_path: Path) -> None:
    """A broken page prints its related-story records raw after the story ('string(336) "[{"id":...');
    two quoted keys with values are never prose, even as the last paragraph."""
    dump = (
        'string(336) "[{"id":"3087376","sort":"9557151","pic":"1508.jpg","title":"Somalia\'s deadliest attack'
        ' ever kills 276, injures 300 "} ,{"id":"3091851","sort":"9557146","title":"Base was target of'
        ' truck bomb: Intelligence"} ,{"id":"3091852","sort":"9557145","title":"Army says it retook'
        ' the town after three days of heavy fighting with the insurgents"} ]"'
    )
    article = read(tmp_path, "a.txt", f"Forces retake bridge\n\n{SENTENCE_1}\n\n{SENTENCE_2}\n\n{dump}\n")
    assert article.paragraphs == (SENTENCE_1, SENTENCE_2)
