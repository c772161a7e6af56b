"""Extractive summary: the sentences that say what happened."""

from __future__ import annotations

from ..config import SummaryConfig
from ..model import Actor, Figure, Incident
from .analysis import Analysis


def summarize(
    analysis: Analysis,
    actors: list[Actor],
    figures: list[Figure],
    incidents: list[Incident],
    config: SummaryConfig,
) -> list[str]:
    return [s.text for s in analysis.sentences[:3]]
