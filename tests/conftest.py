"""Shared fixtures. spaCy is loaded once per test session (functools.cache in briefing.extract.nlp)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
SEED = REPO / "content" / "dw-2017-03-23-allies-vow-to-destroy-is.txt"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the sample content/ folder that a test may change."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target
