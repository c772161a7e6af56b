"""One parse of an article, shared by every extractor (actors, figures, incidents, summary).

Parsing is the expensive step (~0.15 s for a 600-word article), so it happens once; extractors
read sentences and entities from the `Analysis` and never call spaCy themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ..model import PARAGRAPH_SEPARATOR, Article, Evidence

#: Verbs that introduce what someone said: their subject is a speaker, and a place or date on
#: them is where or when it was said, not where or when the reported event happened.
SPEECH_VERBS = frozenset({"say", "tell", "add", "state", "announce", "confirm", "explain", "note", "insist"})


def first_conjunct(token: Token) -> Token:
    """The first member of the list a token is in ("A, B and C" -> A): the parse hangs each later
    member on the one before, and what governs the list (a "to", a preposition, a title) sits on
    the first."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


@dataclass(frozen=True)
class Sentence:
    """A sentence of the body, never crossing a paragraph boundary."""

    index: int  # position among all sentences of the article
    paragraph: int  # index of the paragraph it belongs to
    start: int  # character offsets into Article.body_text
    end: int
    span: Span

    @property
    def text(self) -> str:
        return self.span.text.strip()

    def evidence(self) -> Evidence:
        return Evidence(sentence=self.text, start=self.start, end=self.end)


@dataclass
class Analysis:
    article: Article
    doc: Doc

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def date(self) -> dt.date | None:
        return self.article.date

    @cached_property
    def paragraph_starts(self) -> list[int]:
        starts, pos = [], 0
        for paragraph in self.article.paragraphs:
            starts.append(pos)
            pos += len(paragraph) + len(PARAGRAPH_SEPARATOR)
        return starts

    def paragraph_of(self, char: int) -> int:
        index = 0
        for i, start in enumerate(self.paragraph_starts):
            if start <= char:
                index = i
        return index

    @cached_property
    def sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        for sent in self.doc.sents:
            for piece in _split_at_paragraphs(sent):
                text = piece.text
                stripped = text.strip()
                if not stripped or not any(c.isalnum() for c in stripped):
                    continue
                lead = len(text) - len(text.lstrip())
                start = piece.start_char + lead
                end = start + len(stripped)
                out.append(Sentence(len(out), self.paragraph_of(start), start, end, piece))
        return out

    def sentence_at(self, char: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= char < sentence.end + 1:
                return sentence
        return None


def _split_at_paragraphs(sent: Span) -> list[Span]:
    """spaCy sometimes runs a sentence over a blank line (headings, list items): split it there."""
    pieces: list[Span] = []
    start = sent.start
    for token in sent:
        if token.i > sent.start and "\n" in token.text and token.is_space:
            if token.i > start:
                pieces.append(sent.doc[start : token.i])
            start = token.i + 1
    if start < sent.end:
        pieces.append(sent.doc[start : sent.end])
    return pieces


def analyse(article: Article, doc: Doc) -> Analysis:
    return Analysis(article=article, doc=doc)
