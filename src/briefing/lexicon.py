"""How common an English word is, from wordsegment's web word counts (shipped with the package).

Two stages need it: ingest splits run-together domain names only at common words, and extraction
drops a lone capitalised common word the model tagged as an organisation ("Blood", "Solidarity").
Extraction only asks whether a word is common, so it reads the list of common words alone (a few
thousand) instead of loading all of wordsegment's counts (about 85 MB) into every worker.
"""

from __future__ import annotations

import functools
from importlib import resources

#: How common a word must be to read as an English word rather than a name ("Blood", "Office").
COMMON_WORD_COUNT = 3_000_000


def unigram_counts() -> dict[str, float]:
    """wordsegment's word counts, loaded on first use: only domains that need them pay for it."""
    import wordsegment

    if not wordsegment.UNIGRAMS:
        wordsegment.load()
    return wordsegment.UNIGRAMS


@functools.cache
def _common_words() -> frozenset[str]:
    words = []
    with resources.files("wordsegment").joinpath("unigrams.txt").open(encoding="utf-8") as lines:
        for line in lines:
            word, _, count = line.partition("\t")
            if float(count) < COMMON_WORD_COUNT:
                break  # the file lists words from the most common down
            words.append(word)
    return frozenset(words)


def is_common_word(word: str) -> bool:
    return word.lower() in _common_words()
