"""Incidents: the violent or military events an article reports or recalls."""

from __future__ import annotations

from ..model import Actor, Incident
from .analysis import Analysis


def find_incidents(analysis: Analysis, actors: list[Actor]) -> list[Incident]:
    return []
