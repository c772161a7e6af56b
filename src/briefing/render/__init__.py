"""Stage 4, render: the corpus -> files under the site folder (HTML, JSON, feeds, PDFs)."""
