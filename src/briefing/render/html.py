"""HTML pages from Jinja templates (placeholder until the theme lands)."""

from __future__ import annotations

from pathlib import Path

from ..config import SiteConfig
from ..model import Corpus


def render_html(corpus: Corpus, config: SiteConfig, site_dir: Path) -> list[Path]:
    index = site_dir / "index.html"
    index.write_text("<!doctype html><title>briefings</title>\n", encoding="utf-8")
    return [index]
