"""PDFs through WeasyPrint (placeholder until the theme lands)."""

from __future__ import annotations

from pathlib import Path

from ..config import SiteConfig
from ..model import Corpus


def render_pdfs(corpus: Corpus, config: SiteConfig, site_dir: Path) -> list[Path]:
    return []
