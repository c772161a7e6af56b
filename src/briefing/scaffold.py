"""`briefing new` and `briefing init`: the files a user would otherwise copy from the docs.

Both refuse to overwrite anything: a scaffold is only useful if running it twice, or in the wrong
folder, can never destroy work. `init` checks every target before writing the first file, so it
either writes the whole site or nothing.

The GitHub Actions workflow `init` writes is `WORKFLOW`, the same text as this repository's own
`.github/workflows/publish.yml` (a test keeps the two identical). It installs briefing with
`pip install .` when the site is a Python project (this repository) and from `requirements.txt`
otherwise (a site made by `init`, which writes one).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from . import __version__
from .errors import BriefingError
from .relate import slugify


class ScaffoldError(BriefingError):
    """A scaffold would overwrite an existing file, or its title makes no usable file name."""


def article_text(
    title: str, date: dt.date, source: str = "", tags: tuple[str, ...] = (), body: str = "", note: str = ""
) -> str:
    """Markdown with YAML front matter; yaml.safe_dump quotes titles with colons, quotes, #...

    `note` becomes a YAML comment: guidance for the writer that never reaches the briefing."""
    meta = {"title": title, "date": date, "source": source, "tags": list(tags)}
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000)
    comment = "".join(f"# {line}\n" for line in note.splitlines())
    text = body or "Write the article here: one paragraph per block, separated by blank lines.\n"
    return f"---\n{comment}{front}---\n\n{text}"


def new_article(
    title: str,
    content_dir: Path,
    *,
    date: dt.date | None = None,
    source: str = "",
    tags: tuple[str, ...] = (),
) -> Path:
    """Create `content_dir/<slug>.md`; never replaces an existing file (opened with mode "x")."""
    if not title.strip():
        raise ScaffoldError("the title is empty")
    slug = slugify(title, fallback="")
    if not slug:
        raise ScaffoldError(f"cannot make a file name from the title {title!r}")
    content_dir.mkdir(parents=True, exist_ok=True)
    path = content_dir / f"{slug}.md"
    text = article_text(title.strip(), date or dt.date.today(), source, tags)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise ScaffoldError("already exists; choose another title or edit it", str(path)) from None
    return path


def site_files(title: str, today: dt.date) -> dict[str, str]:
    """Relative path -> text of every file of a new site."""
    site_yaml = (
        "# Every option is documented in briefing's docs/site-yaml.md; only `title` is needed.\n"
        + yaml.safe_dump({"title": title}, allow_unicode=True, width=1000)
        + 'description: ""\n'
        + "# base_url: https://example.org/briefings/   # where the site is published (feeds, mail links)\n"
        + "digest:\n  period: week\n"
    )
    return {
        "site.yaml": site_yaml,
        f"content/{EXAMPLE_SLUG}.md": article_text(
            EXAMPLE_TITLE, today, "Example Desk", ("example",), body=EXAMPLE_BODY, note=EXAMPLE_NOTE
        ),
        "templates/README.md": TEMPLATES_README,
        ".github/workflows/publish.yml": WORKFLOW,
        "requirements.txt": REQUIREMENTS,
        ".gitignore": "/build/\n",
    }


def init_site(target: Path, title: str, *, today: dt.date | None = None) -> list[Path]:
    """Write a new site into `target` (created if needed); nothing is written if any file exists."""
    files = site_files(title, today or dt.date.today())
    existing = [name for name in files if (target / name).exists()]
    if existing:
        raise ScaffoldError(f"would overwrite {', '.join(existing)}; nothing was written", str(target))
    written = []
    for name, text in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
        written.append(path)
    return written


EXAMPLE_TITLE = "Example: ceasefire talks resume in Geneva"
EXAMPLE_SLUG = "example-ceasefire-talks"
EXAMPLE_NOTE = """\
An example article written by `briefing init`: replace it with real articles, as Markdown with
front matter like this file, raw text scrapes (.txt) or saved web pages (.html)."""
EXAMPLE_BODY = """\
Delegations from the government and the Coastal Front met in Geneva on Monday for a new \
round of ceasefire talks, the United Nations said.

UN envoy Maria Lind said at least 40 civilians had been killed in the region since the last \
truce collapsed in March, and more than 12,000 people had fled their homes.

The talks are expected to last three days. A previous round in January ended without agreement.
"""

TEMPLATES_README = """\
# Template overrides

Templates in this folder replace the built-in theme's templates of the same name. To change one
part of a page, extend the built-in template and override a block, for example in `base.html`:

```jinja
{% extends "default:base.html" %}
{% block footer %}<p>Published by our desk.</p>{% endblock %}
```

Files under `static/` here are copied over the theme's static files (e.g. `static/style.css`).
See briefing's docs/theming.md for the templates and their blocks.
"""

REQUIREMENTS = f"""\
# How CI installs briefing (.github/workflows/publish.yml). Point this at where you get it from:
# a release wheel, a git URL (briefing @ git+https://...), or a package index.
briefing=={__version__}
"""

WORKFLOW = """\
# Build the site with briefing and publish build/site to GitHub Pages.
# Enable it once in the repository: Settings -> Pages -> Source: GitHub Actions.
name: Publish

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-24.04
    timeout-minutes: 30
    steps:
      - uses: actions/checkout@v4

      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"

      - name: System libraries for WeasyPrint (PDFs)
        run: |
          sudo apt-get update -qq
          sudo apt-get install -y -qq --no-install-recommends \\
            libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core

      - name: Install briefing
        run: |
          python -m pip install --upgrade pip
          if [ -f pyproject.toml ]; then pip install .; else pip install -r requirements.txt; fi

      - name: Restore the extraction cache (unchanged articles are not re-analysed)
        uses: actions/cache@v4
        with:
          path: build/.cache
          key: briefing-${{ hashFiles('site.yaml', 'content/**') }}
          restore-keys: briefing-

      - name: Build
        run: briefing build --strict --quiet

      - name: Check links, anchors and JSON
        run: briefing check

      - name: Publish docs/ beside the site (when the site has a docs folder)
        run: if [ -d docs ]; then python -m briefing.docsite docs build/site/docs; fi

      - uses: actions/configure-pages@v5

      - uses: actions/upload-pages-artifact@v4
        with:
          path: build/site

  deploy:
    needs: build
    runs-on: ubuntu-24.04
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""
