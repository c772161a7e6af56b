"""How common an English word is, from wordsegment's web word counts (shipped with the package).

Two stages need it: ingest splits run-together domain names only at common words, and extraction
drops a lone capitalised common word the model tagged as an organisation ("Blood", "Solidarity").
"""

from __future__ import annotations


def unigram_counts() -> dict[str, float]:
    """wordsegment's word counts, loaded on first use: only articles that need them pay for it."""
    import wordsegment

    if not wordsegment.UNIGRAMS:
        wordsegment.load()
    return wordsegment.UNIGRAMS


def word_count(word: str) -> float:
    return unigram_counts().get(word.lower(), 0)


#: How common a word must be to read as an English word rather than a name ("Blood", "Office").
COMMON_WORD_COUNT = 3_000_000
