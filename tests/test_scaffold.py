"""`briefing new` and `briefing init`: real files, never overwritten; a new site builds as is."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import yaml

from briefing.scaffold import WORKFLOW

BRIEFING = [sys.executable, "-m", "briefing"]


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BRIEFING, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def front_matter(path: Path) -> dict:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    assert body.strip()
    return yaml.safe_load(front)


def test_new_writes_front_matter_named_by_slug_and_refuses_to_overwrite(tmp_path: Path) -> None:
    title = 'Strikes near Mosul: "heavy" losses #2'
    result = run(
        tmp_path, "new", title, "--content", "articles", "--source", "DW", "--tag", "iraq", "--tag", "isis"
    )
    assert result.returncode == 0, result.stderr
    path = tmp_path / "articles" / "strikes-near-mosul-heavy-losses-2.md"
    assert tmp_path / result.stdout.strip() == path
    meta = front_matter(path)
    assert meta == {"title": title, "date": dt.date.today(), "source": "DW", "tags": ["iraq", "isis"]}

    path.write_text(path.read_text(encoding="utf-8") + "My edits.\n", encoding="utf-8")
    again = run(tmp_path, "new", title, "--content", "articles")
    assert again.returncode == 1
    assert "already exists" in again.stderr
    assert path.read_text(encoding="utf-8").endswith("My edits.\n")


def test_new_uses_the_configured_content_folder(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text("title: T\ncontent_dir: posts\n", encoding="utf-8")
    result = run(tmp_path, "new", "Hello")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "posts" / "hello.md").is_file()
    assert run(tmp_path, "new", "!!!").returncode == 1  # no usable file name


def test_a_new_article_without_source_builds_strictly(tmp_path: Path) -> None:
    """The blank `source:` that `new` writes means "not given", not an error."""
    assert run(tmp_path, "new", "Convoy hit near Idlib").returncode == 0
    result = run(tmp_path, "build", "--strict", "--no-pdf", "-q")
    assert result.returncode == 0, result.stderr


def test_init_makes_a_site_that_builds(tmp_path: Path) -> None:
    target = tmp_path / "desk"
    result = run(tmp_path, "init", str(target), "--title", "Desk: East")
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load((target / "site.yaml").read_text(encoding="utf-8"))["title"] == "Desk: East"
    assert (target / "templates" / "README.md").is_file()
    assert (target / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8") == WORKFLOW
    [example] = (target / "content").glob("*.md")
    assert front_matter(example)["date"] == dt.date.today()

    built = run(target, "build", "-q", "--strict", "--no-pdf")
    assert built.returncode == 0, built.stderr
    [briefing] = json.loads((target / "build" / "site" / "briefings.json").read_text(encoding="utf-8"))
    assert briefing["title"] == front_matter(example)["title"]
    assert briefing["date"] == dt.date.today().isoformat()
    assert "init" not in " ".join(briefing["body"])  # the writer's note stays in a YAML comment


def test_init_refuses_to_overwrite_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text("title: Mine\n", encoding="utf-8")
    result = run(tmp_path, "init", str(tmp_path))
    assert result.returncode == 1
    assert "site.yaml" in result.stderr
    assert (tmp_path / "site.yaml").read_text(encoding="utf-8") == "title: Mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site.yaml"]


def test_the_repository_workflow_is_the_template_init_writes(repo_root: Path) -> None:
    workflow = repo_root / ".github" / "workflows" / "publish.yml"
    assert workflow.read_text(encoding="utf-8") == WORKFLOW
    steps = yaml.safe_load(WORKFLOW)["jobs"]["build"]["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert "briefing build --strict" in runs and "apt-get install" in runs and "pip install ." in runs
    assert "actions/upload-pages-artifact" in uses
    assert yaml.safe_load(WORKFLOW)["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
