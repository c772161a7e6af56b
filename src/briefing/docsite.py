"""A site's `docs/` folder of Markdown, published as plain HTML pages beside the briefings.

The publishing workflow runs `python -m briefing.docsite docs build/site/docs` when a site has a
docs/ folder, so user documentation ships with the site it documents. Links between Markdown
files (`cli.md`) are rewritten to the generated pages (`cli.html`). The docs are the site
owner's own files, not untrusted articles, but they are still sanitised with nh3.
"""

from __future__ import annotations

import re
import sys
from html import escape
from pathlib import Path

import markdown
import nh3

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font: 16px/1.6 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1b1f24; }}
pre, code {{ background: #f3f4f6; }} pre {{ padding: .8rem; overflow-x: auto; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #d0d7de; padding: .3rem .5rem; }}
@media (prefers-color-scheme: dark) {{ body {{ background: #111418; color: #e6e8eb; }}
  pre, code {{ background: #1f242b; }} a {{ color: #8ab4f8; }} }}
</style>
</head>
<body>
<nav><a href="index.html">Documentation</a> · <a href="../index.html">Briefings</a></nav>
<main>
{body}
</main>
</body>
</html>
"""

MD_LINK = re.compile(r'href="(?![a-z]+:)([^"#]+)\.md(#[^"]*)?"')
ALLOWED_TAGS = nh3.ALLOWED_TAGS | {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}


def render_page(source: Path) -> str:
    text = source.read_text(encoding="utf-8")
    html = markdown.markdown(text, extensions=["extra", "sane_lists", "toc"])
    html = MD_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', html)
    body = nh3.clean(html, tags=ALLOWED_TAGS, url_schemes={"http", "https", "mailto"})
    heading = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
    title = heading.group(1).strip() if heading else source.stem
    return PAGE.format(title=escape(title), body=body)


def publish(source_dir: Path, target_dir: Path) -> list[Path]:
    """Render every Markdown file; `getting-started.md` (or the first page) is also `index.html`."""
    pages = sorted(source_dir.glob("*.md"))
    target_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for page in pages:
        out = target_dir / f"{page.stem}.html"
        out.write_text(render_page(page), encoding="utf-8")
        written.append(out)
    if pages and not (target_dir / "index.html").exists():
        first = next((p for p in pages if p.stem in {"index", "getting-started", "README"}), pages[0])
        index = target_dir / "index.html"
        index.write_text(render_page(first), encoding="utf-8")
        written.append(index)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m briefing.docsite DOCS_DIR TARGET_DIR", file=sys.stderr)
        return 2
    written = publish(Path(argv[0]), Path(argv[1]))
    print(f"wrote {len(written)} documentation pages to {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
