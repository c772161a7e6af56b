"""`briefing check` on a real build: passes as built, fails with file-level messages when broken."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "content"  # the repository's own sample articles
ARTICLES = ["dw-2017-03-23-allies-vow-to-destroy-is.txt", "centcom-death-of-abu-jandal-al-kuwaiti.md"]
BRIEFING = [sys.executable, "-m", "briefing"]
DW = "dw-2017-03-23-allies-vow-to-destroy-is"


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BRIEFING, *args], cwd=root, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("check-site")
    (root / "content").mkdir()
    for name in ARTICLES:
        shutil.copy(CORPUS / name, root / "content" / name)
    (root / "site.yaml").write_text("title: Check\nbase_url: https://example.org/b/\n", encoding="utf-8")
    result = run(root, "build", "-q")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture
def copy(built: Path, tmp_path: Path) -> Path:
    target = tmp_path / "site-copy"
    shutil.copytree(built / "build", target / "build")
    shutil.copy(built / "site.yaml", target / "site.yaml")
    return target


def test_a_good_build_passes(built: Path) -> None:
    result = run(built, "check")
    assert result.returncode == 0, result.stderr
    assert "0 problems" in result.stderr
    pages = int(result.stderr.split("checked ")[1].split(" pages")[0])
    assert pages >= 3  # index and both briefings were really looked at


def test_corruptions_are_reported_per_file(copy: Path) -> None:
    site = copy / "build" / "site"
    # 1. a deleted link target
    (site / "briefings" / "centcom-death-of-abu-jandal-al-kuwaiti.html").unlink()
    # 2. a broken anchor and a link escaping the site, added to a real page
    page = site / "briefings" / f"{DW}.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace(
        "</main>", '<a href="../index.html#no-such-id">x</a><a href="../../secret.txt">y</a></main>', 1
    )
    page.write_text(html, encoding="utf-8")
    # 3. invalid JSON, and JSON that parses but breaks the schema
    (site / "briefings" / f"{DW}.json").write_text('{"slug": ', encoding="utf-8")
    (site / "briefings.json").write_text('[{"slug": "x"}]\n', encoding="utf-8")

    result = run(copy, "check")
    assert result.returncode == 1
    lines = result.stderr.splitlines()

    def reported(prefix: str, text: str) -> bool:
        return any(line.startswith(prefix) and text in line for line in lines)

    assert reported("site/index.html:", "broken link 'briefings/centcom-death-of-abu-jandal-al-kuwaiti.html'")
    assert reported(f"site/briefings/{DW}.html:", "broken anchor '../index.html#no-such-id'")
    assert reported(f"site/briefings/{DW}.html:", "link outside the site '../../secret.txt'")
    assert reported(f"site/briefings/{DW}.json:", "invalid JSON")
    assert reported("site/briefings.json:", "'title' is a required property")
    assert not reported("site/briefings/centcom", "")  # the remaining JSON is still valid


def test_html_that_does_not_hold_together_is_reported(copy: Path) -> None:
    index = copy / "build" / "site" / "index.html"
    html = index.read_text(encoding="utf-8").replace("<main", '<p id="dup"></p><p id="dup"></span><main', 1)
    index.write_text(html, encoding="utf-8")
    result = run(copy, "check", "--out", str(copy / "build"))
    assert result.returncode == 1
    assert "site/index.html: line" in result.stderr
    assert "duplicate id 'dup'" in result.stderr
    assert "stray end tag </span>" in result.stderr


def test_missing_site_is_an_error(tmp_path: Path) -> None:
    result = run(tmp_path, "check")
    assert result.returncode == 1
    assert "briefing build" in result.stderr
