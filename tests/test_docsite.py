"""The docs/ folder is published as HTML beside the site, with working links between pages."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.docsite import publish


def test_repository_docs_become_linked_pages(tmp_path: Path, repo_root: Path) -> None:
    written = publish(repo_root / "docs", tmp_path)
    names = {p.name for p in written}
    assert {"index.html", "getting-started.html", "site-yaml.html", "cli.html"} <= names
    for page in written:
        for target in re.findall(r'href="([^"#:]+\.html)', page.read_text(encoding="utf-8")):
            if not target.startswith("../"):
                assert (tmp_path / target).is_file(), f"{page.name} links to missing {target}"


def test_docs_are_sanitised(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(
        "# Hi\n\n<script>alert(1)</script>[x](javascript:alert(2))\n", encoding="utf-8"
    )
    html = publish(docs, tmp_path / "out")[0].read_text(encoding="utf-8")
    assert "<script>alert" not in html and "javascript:" not in html
