"""Figures: the numbers that matter, with what they count."""

from __future__ import annotations

from ..model import Figure
from .analysis import Analysis


def find_figures(analysis: Analysis) -> list[Figure]:
    out: list[Figure] = []
    for ent in analysis.doc.ents:
        if ent.label_ != "CARDINAL":
            continue
        try:
            value = float(ent.text.replace(",", ""))
        except ValueError:
            continue
        sentence = analysis.sentence_at(ent.start_char)
        text = sentence.text if sentence else ent.sent.text
        out.append(Figure(value=value, unit=None, label=ent.root.head.text, text=text,
                          evidence=sentence.evidence() if sentence else None))
    return out
