"""The extractive summary: which sentences are chosen, how many, and in what form."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from briefing.config import SummaryConfig
from briefing.extract.analysis import Analysis, analyse
from briefing.extract.nlp import nlp
from briefing.extract.summary import summarize
from briefing.model import Article, Evidence, Incident

Analyse = Callable[..., Analysis]


@pytest.fixture(scope="session")
def make_analysis() -> Analyse:
    """Parse paragraphs into an `Analysis` with the one session-wide spaCy pipeline."""
    pipeline = nlp()

    def build(paragraphs: list[str], title: str = "Test article") -> Analysis:
        article = Article(source_path="test.txt", title=title, paragraphs=tuple(paragraphs))
        return analyse(article, pipeline(article.body_text))

    return build


def run(analysis: Analysis, config: SummaryConfig | None = None, **found: list) -> list[str]:
    return summarize(
        analysis,
        found.get("actors", []),
        found.get("figures", []),
        found.get("incidents", []),
        config or SummaryConfig(),
    )


STRIKE = [
    "An air strike killed 12 civilians at a market in the northern Iraqi city of Mosul on Friday.",
    "Local officials said the strike hit the market in Mosul shortly after morning prayers.",
    "The weather in the region has been unusually warm for the time of year.",
    "Residents of Mosul said the civilians killed in the strike on the market were mostly traders.",
    "The football league announced a new sponsor for the coming season.",
]


def test_sentences_are_verbatim_in_article_order_and_within_budget(make_analysis: Analyse) -> None:
    analysis = make_analysis([" ".join(STRIKE)], title="Air strike kills civilians at Mosul market")
    chosen = run(analysis)
    body = analysis.article.body_text
    assert 2 <= len(chosen) <= 4
    assert all(sentence in body for sentence in chosen)
    assert [body.index(s) for s in chosen] == sorted(body.index(s) for s in chosen)
    assert sum(len(s.split()) for s in chosen) <= 90


def test_central_later_sentence_beats_off_topic_third_sentence(make_analysis: Analyse) -> None:
    analysis = make_analysis([" ".join(STRIKE)], title="Air strike kills civilians at Mosul market")
    chosen = run(analysis, SummaryConfig(max_words=60, max_sentences=3))
    assert STRIKE[0] in chosen
    assert STRIKE[3] in chosen
    assert STRIKE[2] not in chosen and STRIKE[4] not in chosen


def test_questions_quotes_headings_and_furniture_are_skipped(make_analysis: Analyse) -> None:
    paragraphs = [
        "Skip to main content",
        "Fighting in Mosul",
        '"We will never give up this city to the terrorists, whatever it costs us," the commander said.',
        "Iraqi forces have recaptured the university district of Mosul from militants after heavy fighting.",
        "Will the offensive end before the summer?",
        "Image: AP Photo/Iraqi forces enter the university district of Mosul",
        "Commanders said the militants had used the university laboratories to make weapons.",
        "The offensive to retake Mosul began in October with the support of coalition air strikes.",
    ]
    chosen = run(make_analysis(paragraphs))
    assert chosen, "an article with statements must get a summary"
    assert not any(s.startswith(('"', "Skip", "Image")) or s.endswith("?") for s in chosen)
    assert "Fighting in Mosul" not in chosen
    assert chosen[0].startswith("Iraqi forces have recaptured")


def test_near_duplicate_sentences_are_not_both_chosen(make_analysis: Analyse) -> None:
    paragraphs = [
        "A car bomb killed at least 28 people in the Baghdad commercial district of Al-Sinek on Saturday.",
        "At least 28 people were killed by a car bomb in the Al-Sinek commercial district of Baghdad.",
        "Islamic State militants said in a statement that they had carried out the attack.",
        "The government announced three days of mourning for the victims of the bombing.",
    ]
    chosen = run(make_analysis(paragraphs), SummaryConfig(max_words=90, max_sentences=2))
    assert len(chosen) == 2
    assert not (paragraphs[0] in chosen and paragraphs[1] in chosen)


def test_config_limits_sentences_and_words(make_analysis: Analyse) -> None:
    analysis = make_analysis([" ".join(STRIKE)])
    assert len(run(analysis, SummaryConfig(max_words=200, max_sentences=2))) == 2
    short = run(analysis, SummaryConfig(max_words=35, max_sentences=4))
    assert sum(len(s.split()) for s in short) <= 35


def test_incident_evidence_pulls_its_sentence_into_the_summary(make_analysis: Analyse) -> None:
    paragraphs = [
        "The foreign ministers of the coalition met in Washington on Wednesday to review the campaign.",
        "The delegates discussed funding for reconstruction and the return of displaced people.",
        "A suicide bomber killed nine soldiers at a checkpoint near the town of Tal Afar on Tuesday.",
    ]
    analysis = make_analysis(paragraphs)
    config = SummaryConfig(max_words=40, max_sentences=2)
    assert paragraphs[2] not in run(analysis, config)
    bombing = analysis.sentences[2]
    incident = Incident(
        type="bombing",
        location="Tal Afar",
        date=None,
        killed=9,
        injured=None,
        perpetrator=None,
        description="Suicide bombing at a checkpoint",
        evidence=[Evidence(bombing.text, bombing.start, bombing.end)],
    )
    assert paragraphs[2] in run(analysis, config, incidents=[incident])


def test_whitespace_is_normalised(make_analysis: Analyse) -> None:
    analysis = make_analysis(
        [
            "Coalition aircraft   conducted 26 strikes\tagainst militants in Syria and Iraq on Monday.",
            "In Syria, twelve strikes near Raqqa engaged six tactical units and destroyed two vehicles.",
        ]
    )
    chosen = run(analysis)
    assert (
        chosen[0] == "Coalition aircraft conducted 26 strikes against militants in Syria and Iraq on Monday."
    )
    assert all("  " not in s and "\t" not in s for s in chosen)


def test_empty_and_one_sentence_articles(make_analysis: Analyse) -> None:
    assert run(make_analysis([])) == []
    only = "Militants attacked a police station in the city of Kirkuk overnight."
    assert run(make_analysis([only])) == [only]
