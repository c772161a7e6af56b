"""The build as users run it: the real CLI on real articles, its report, errors and atomic output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from briefing.build import assign_slugs, build
from briefing.config import load_config
from briefing.errors import BuildError
from briefing.model import Article
from briefing.render.json_out import schema

BRIEFING = [sys.executable, "-m", "briefing"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BRIEFING, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> Path:
    """The sample content/ built once (without PDFs: test_render covers them) through the real CLI."""
    out = tmp_path_factory.mktemp("sample-build")
    result = run(
        "build", "--content", str(repo_root / "content"), "--out", str(out), "--no-pdf", cwd=repo_root
    )
    assert result.returncode == 0, result.stderr
    assert "built " in result.stderr
    return out / "site"


def test_every_article_becomes_a_briefing_json_valid_against_the_schema(
    sample_build: Path, repo_root: Path
) -> None:
    articles = sorted(p for p in (repo_root / "content").iterdir() if p.suffix in {".txt", ".md", ".html"})
    everything = json.loads((sample_build / "briefings.json").read_text(encoding="utf-8"))
    assert sorted(b["source_path"] for b in everything) == sorted(p.name for p in articles)
    validator = jsonschema.Draft202012Validator(schema())
    for briefing in everything:
        validator.validate(briefing)
        single = json.loads(
            (sample_build / "briefings" / f"{briefing['slug']}.json").read_text(encoding="utf-8")
        )
        assert single == briefing


def test_every_format_is_represented_in_the_sample(sample_build: Path) -> None:
    everything = json.loads((sample_build / "briefings.json").read_text(encoding="utf-8"))
    assert {Path(b["source_path"]).suffix for b in everything} == {".txt", ".md", ".html"}
    assert all(b["title"] and b["body"] and b["summary"] for b in everything)


def test_briefings_are_listed_newest_first(sample_build: Path) -> None:
    dates = [b["date"] for b in json.loads((sample_build / "briefings.json").read_text(encoding="utf-8"))]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    assert dates[: len(dated)] == dated  # undated ones come last


def test_extract_prints_one_briefing(repo_root: Path) -> None:
    seed = repo_root / "content" / "dw-2017-03-23-allies-vow-to-destroy-is.txt"
    result = run("extract", str(seed), cwd=repo_root)
    assert result.returncode == 0, result.stderr
    briefing = json.loads(result.stdout)
    jsonschema.validate(briefing, schema())
    assert briefing["date"] == "2017-03-23"
    assert "Tillerson" in json.dumps(briefing["actors"])


def test_bad_config_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text("title: T\npdf:\n  enabled: maybe\n", encoding="utf-8")
    result = run("build", cwd=tmp_path)
    assert result.returncode == 1
    assert "site.yaml:3:" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreadable_article_is_reported_and_the_rest_is_built(tmp_path: Path, repo_root: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "good.txt").write_text(
        (repo_root / "content" / "dw-2017-03-23-allies-vow-to-destroy-is.txt").read_text(encoding="utf-8")
    )
    (content / "empty.txt").write_text("   \n\n", encoding="utf-8")
    result = run("build", "--content", str(content), "--out", str(tmp_path / "out"), "--no-pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "empty.txt" in result.stderr
    assert "1 errors" in result.stderr
    built = json.loads((tmp_path / "out" / "site" / "briefings.json").read_text(encoding="utf-8"))
    assert [b["source_path"] for b in built] == ["good.txt"]

    strict = run(
        "build",
        "--content",
        str(content),
        "--out",
        str(tmp_path / "out"),
        "--no-pdf",
        "--strict",
        cwd=tmp_path,
    )
    assert strict.returncode == 1
    assert "empty.txt" in strict.stderr


def test_failed_build_leaves_the_previous_site_intact(tmp_path: Path, repo_root: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    seed = repo_root / "content" / "dw-2017-03-23-allies-vow-to-destroy-is.txt"
    (content / "seed.txt").write_bytes(seed.read_bytes())
    config = load_config(None, root=tmp_path).config
    build(config, content_dir=content, out_dir=tmp_path / "out", pdf=False)
    site = tmp_path / "out" / "site"
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}

    (content / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(BuildError):
        build(config, content_dir=content, out_dir=tmp_path / "out", pdf=False, strict=True)
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert "broken.txt" in (tmp_path / "out" / "build.log").read_text(encoding="utf-8")


def test_duplicate_slugs_are_disambiguated_deterministically() -> None:
    articles = [
        Article(source_path=p, title="t", paragraphs=("x",))
        for p in ["a/Report.txt", "b/report.md", "report.txt"]
    ]
    assert assign_slugs(articles) == ["report", "report-2", "report-3"]


def test_two_builds_give_identical_json(tmp_path: Path, sample_build: Path, repo_root: Path) -> None:
    result = run(
        "build", "--content", str(repo_root / "content"), "--out", str(tmp_path), "--no-pdf", cwd=repo_root
    )
    assert result.returncode == 0, result.stderr
    for path in sorted(sample_build.rglob("*.json")):
        assert (tmp_path / "site" / path.relative_to(sample_build)).read_bytes() == path.read_bytes(), (
            path.name
        )


def test_two_full_builds_are_byte_identical(tmp_path: Path, repo_root: Path) -> None:
    """HTML, JSON, feeds and PDFs: no timestamps, random ids or output paths leak into the files."""
    content = tmp_path / "content"
    content.mkdir()
    for name in [
        "dw-2017-03-23-allies-vow-to-destroy-is.txt",
        "centcom-sdf-initiate-next-phase-of-raqqah-isolation.html",
    ]:
        (content / name).write_bytes((repo_root / "content" / name).read_bytes())
    (tmp_path / "site.yaml").write_text("title: Twice\nbase_url: https://example.org/\n", encoding="utf-8")
    config = load_config(tmp_path / "site.yaml").config
    build(config, content_dir=content, out_dir=tmp_path / "first", use_cache=False)
    build(config, content_dir=content, out_dir=tmp_path / "second", use_cache=False)

    def files(root: Path) -> dict[str, bytes]:
        return {
            p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
        }

    first, second = files(tmp_path / "first" / "site"), files(tmp_path / "second" / "site")
    assert any(name.endswith(".pdf") for name in first)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
