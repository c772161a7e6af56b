"""briefing: news articles in, structured intelligence briefings out (site, JSON, PDF)."""

__version__ = "0.1.0"
