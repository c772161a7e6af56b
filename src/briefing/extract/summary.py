"""Extractive summary: the few article sentences that say what happened.

News puts the essentials first, so position is the strongest single signal (the "Lead-3" baseline
is hard to beat). Position alone fails when the lead is a teaser, a quote, a heading or page
furniture, and when the third sentence is a detail while a later one carries the main event. So a
sentence's score mixes:

- a lead prior that decays with position among the eligible sentences;
- centrality: personalised PageRank (LexRank-style) over TF-IDF cosine similarity of content
  lemmas, biased towards the lead, so sentences that share the article's recurring content win;
- similarity to the headline, which names the story;
- coverage of what the other extractors found: key actors, figures and incidents. Those are
  hints, not facts (the extractors may be imperfect), so they only nudge the ranking.

Sentences are then chosen greedily with MMR (maximal marginal relevance) so the summary does not
say the same thing twice, within the word budget, and returned in article order.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from ..config import SummaryConfig
from ..model import Actor, Figure, Incident
from .analysis import Analysis, Sentence

#: Sentences shorter than this (in words) are usually headings, captions or fragments.
MIN_WORDS = 6
#: Longer sentences are usually run-ons (lists, mis-split paragraphs) that eat the word budget.
MAX_WORDS = 55
#: Weights of the score components (each scaled to 0..1 before mixing).
WEIGHTS = {"lead": 0.6, "centrality": 0.2, "title": 0.1, "actors": 0.05, "events": 0.15}
#: How fast the lead prior decays: weight 1 / (1 + position / LEAD_SCALE).
LEAD_SCALE = 2.0
#: PageRank damping: the share of a sentence's score that comes from its neighbours.
DAMPING = 0.85
#: MMR trade-off between relevance and novelty (1 = ignore redundancy).
MMR_LAMBDA = 0.65
#: Stop adding sentences once the summary reaches this share of the word budget: reference
#: summaries are 50-90 words, and a shorter summary with the right content reads (and scores) better.
TARGET_SHARE = 0.7
#: A "title" longer than this is not a headline (e.g. a one-line file read as title) and is ignored.
MAX_TITLE_WORDS = 30
#: Opening characters that mark a sentence as a quotation rather than the reporter's account.
QUOTE_OPENERS = "\"'“‘«„"
#: Furniture that survives ingest on some pages ("Image: ...", "Skip to content").
FURNITURE = re.compile(r"^(?:\d+\.\s*)?(?:skip\b|image:|photo:|read more\b|watch\b)|\bimage:", re.IGNORECASE)
QUOTE_CHARS = re.compile(r"[\"“”«»„]")


@dataclass
class Candidate:
    """A sentence with what the ranking needs to know about it."""

    sentence: Sentence
    text: str  # verbatim, whitespace normalised
    words: int
    terms: Counter[str]  # content lemmas
    eligible: bool
    position: int = 0  # rank among eligible sentences (drives the lead prior)


def summarize(
    analysis: Analysis,
    actors: list[Actor],
    figures: list[Figure],
    incidents: list[Incident],
    config: SummaryConfig,
) -> list[str]:
    """2 to `config.max_sentences` verbatim sentences within `config.max_words`, in article order."""
    candidates = [_candidate(sentence) for sentence in analysis.sentences]
    if not candidates:
        return []
    pool = _pool(candidates)
    for position, candidate in enumerate(pool):
        candidate.position = position
    vectors = _tfidf(pool)
    similarity = _cosine_matrix(vectors)
    scores = _scores(pool, vectors, similarity, analysis.article.title, actors, figures, incidents)
    chosen = _select(pool, scores, similarity, config)
    chosen.sort(key=lambda i: pool[i].sentence.index)
    return [pool[i].text for i in chosen]


def _candidate(sentence: Sentence) -> Candidate:
    text = " ".join(sentence.text.split())
    terms = Counter(
        token.lemma_.lower()
        for token in sentence.span
        if not (token.is_stop or token.is_punct or token.is_space) and (token.is_alpha or token.like_num)
    )
    candidate = Candidate(sentence, text, len(text.split()), terms, eligible=False)
    candidate.eligible = _is_statement(candidate)
    return candidate


def _is_statement(candidate: Candidate) -> bool:
    """Whether a sentence can stand in a summary: a complete reported statement of fair length.

    Questions, quotations (the reporter's own account summarises better than a speaker's words),
    headings and fragments (no verb, no closing punctuation) and page furniture are left out.
    """
    text = candidate.text
    if not MIN_WORDS <= candidate.words <= MAX_WORDS:
        return False
    if text.endswith("?") or text[0] in QUOTE_OPENERS or FURNITURE.search(text):
        return False
    if not re.search(r"[.!][\"'”’)\]]*$", text):
        return False
    if not any(token.pos_ in ("VERB", "AUX") for token in candidate.sentence.span):
        return False
    if not text[0].isupper() and not text[0].isdigit():
        return False  # spaCy split mid-sentence
    return _quoted_share(text) <= 0.5


def _quoted_share(text: str) -> float:
    """Share of characters inside double quotes: mostly-quote sentences are speech, not report."""
    inside, total, quoted = False, 0, 0
    for char in text:
        if QUOTE_CHARS.match(char):
            inside = not inside
            continue
        total += 1
        quoted += inside
    return quoted / total if total else 0.0


def _pool(candidates: list[Candidate]) -> list[Candidate]:
    """The eligible sentences; when fewer than two, every sentence with a few words (never empty)."""
    eligible = [c for c in candidates if c.eligible]
    if len(eligible) >= 2:
        return eligible
    relaxed = [c for c in candidates if c.eligible or c.words >= 3]
    return relaxed or candidates


def _tfidf(pool: list[Candidate]) -> list[dict[str, float]]:
    """Sentence vectors: log term frequency times inverse sentence frequency within the article.

    Within-article IDF needs no background corpus and still demotes words every sentence uses.
    """
    df: Counter[str] = Counter()
    for candidate in pool:
        df.update(candidate.terms.keys())
    n = len(pool)
    idf = {term: math.log((n + 1) / (count + 0.5)) for term, count in df.items()}
    return [{t: (1 + math.log(c)) * idf[t] for t, c in cand.terms.items()} for cand in pool]


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def _cosine_matrix(vectors: list[dict[str, float]]) -> np.ndarray:
    n = len(vectors)
    matrix = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            matrix[i, j] = matrix[j, i] = _cosine(vectors[i], vectors[j])
    return matrix


def _lead_prior(pool: list[Candidate]) -> np.ndarray:
    return np.array([1.0 / (1.0 + c.position / LEAD_SCALE) for c in pool])


def _centrality(similarity: np.ndarray, prior: np.ndarray) -> np.ndarray:
    """Personalised PageRank over the similarity graph, teleporting to the lead.

    Plain LexRank favours long sentences that repeat everything; biasing the random walk towards
    the lead keeps "central" anchored to what the story is about.
    """
    n = len(prior)
    rows = similarity.sum(axis=1, keepdims=True)
    transition = np.divide(similarity, rows, out=np.full_like(similarity, 1.0 / n), where=rows > 0)
    teleport = prior / prior.sum()
    rank = np.full(n, 1.0 / n)
    for _ in range(50):
        updated = (1 - DAMPING) * teleport + DAMPING * transition.T @ rank
        if np.abs(updated - rank).sum() < 1e-8:
            return updated
        rank = updated
    return rank


def _scaled(values: np.ndarray) -> np.ndarray:
    top = values.max() if len(values) else 0.0
    return values / top if top > 0 else np.zeros_like(values)


def _scores(
    pool: list[Candidate],
    vectors: list[dict[str, float]],
    similarity: np.ndarray,
    title: str,
    actors: list[Actor],
    figures: list[Figure],
    incidents: list[Incident],
) -> np.ndarray:
    prior = _lead_prior(pool)
    centrality = _scaled(_centrality(similarity, prior))
    headline = _title_similarity(pool, title)
    named = _scaled(_actor_coverage(pool, actors))
    events = _event_coverage(pool, figures, incidents)
    return (
        WEIGHTS["lead"] * prior
        + WEIGHTS["centrality"] * centrality
        + WEIGHTS["title"] * headline
        + WEIGHTS["actors"] * named
        + WEIGHTS["events"] * events
    )


def _title_similarity(pool: list[Candidate], title: str) -> np.ndarray:
    """Share of the headline's content words a sentence uses (lowercased surface forms).

    The headline is not parsed (extractors never call spaCy), so word forms stand in for lemmas.
    """
    words = {w for w in re.findall(r"[a-z0-9]+", title.lower()) if len(w) > 2}
    if not words or len(title.split()) > MAX_TITLE_WORDS:
        return np.zeros(len(pool))
    shares = []
    for candidate in pool:
        present = set(re.findall(r"[a-z0-9]+", candidate.text.lower()))
        shares.append(len(words & present) / len(words))
    return np.array(shares)


def _actor_coverage(pool: list[Candidate], actors: list[Actor]) -> np.ndarray:
    """How many of the key actors a sentence names, weighted by their rank."""
    key_actors = _key_actor_names(actors)
    return np.array(
        [
            sum(weight for names, weight in key_actors if any(_mentions(c.text, n) for n in names))
            for c in pool
        ]
    )


def _event_coverage(pool: list[Candidate], figures: list[Figure], incidents: list[Incident]) -> np.ndarray:
    """1 for evidence of an incident (what happened), 0.5 for a sentence with a figure, else 0."""
    figure_starts = {f.evidence.start for f in figures if f.evidence}
    incident_starts = {e.start for incident in incidents for e in incident.evidence}
    values = []
    for candidate in pool:
        inside = range(candidate.sentence.start, candidate.sentence.end + 1)
        has_figure = any(start in inside for start in figure_starts)
        has_incident = any(start in inside for start in incident_starts)
        values.append(1.0 if has_incident else 0.5 * has_figure)
    return np.array(values)


def _key_actor_names(actors: list[Actor], limit: int = 5) -> list[tuple[list[str], float]]:
    """The top actors' surface forms with a weight that falls with their rank."""
    ranked = sorted(actors, key=lambda a: (-a.salience, -a.mentions))[:limit]
    return [([a.name, *a.aliases], 1.0 / (1 + rank)) for rank, a in enumerate(ranked) if a.name]


def _mentions(text: str, name: str) -> bool:
    return bool(name) and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def _select(
    pool: list[Candidate], scores: np.ndarray, similarity: np.ndarray, config: SummaryConfig
) -> list[int]:
    """Greedy MMR within the word budget; stop near the target length once two sentences are in."""
    limit = max(1, config.max_sentences)
    target = TARGET_SHARE * config.max_words
    chosen: list[int] = []
    words = 0
    while len(chosen) < limit:
        if len(chosen) >= 2 and words >= target:
            break
        best, best_value = None, -math.inf
        for i, candidate in enumerate(pool):
            if i in chosen or words + candidate.words > config.max_words:
                continue
            redundancy = max((similarity[i, j] for j in chosen), default=0.0)
            value = MMR_LAMBDA * scores[i] - (1 - MMR_LAMBDA) * redundancy
            if value > best_value:
                best, best_value = i, value
        if best is None:
            break
        chosen.append(best)
        words += pool[best].words
    if not chosen:  # every sentence is longer than the budget: the best one beats an empty summary
        chosen.append(int(np.argmax(scores)))
    return chosen
