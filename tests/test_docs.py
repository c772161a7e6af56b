"""The user docs: every option and command documented, generated references not stale, links valid."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import click
import pytest

from briefing.cli import main
from briefing.config import iter_options

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"


@pytest.fixture(scope="module")
def gen_docs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_docs", REPO / "scripts" / "gen_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_option_has_documentation() -> None:
    undocumented = [name for name, _kind, _default, doc in iter_options() if len(doc.strip()) < 10]
    assert undocumented == [], "add a doc= to these options in config.py"


def test_every_command_and_parameter_has_help() -> None:
    for name, command in main.commands.items():
        assert (command.help or "").strip(), f"briefing {name} has no help"
        for param in command.params:
            if isinstance(param, click.Option):
                assert (param.help or "").strip(), f"briefing {name} {param.opts[0]} has no help"


def test_generated_references_are_up_to_date(gen_docs: ModuleType) -> None:
    for path, text in gen_docs.generated().items():
        assert path.is_file(), f"{path.name} missing: run python scripts/gen_docs.py"
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} is stale: run python scripts/gen_docs.py"
        )


def test_generated_references_name_every_option_and_command() -> None:
    site_yaml = (DOCS / "site-yaml.md").read_text(encoding="utf-8")
    for name, _kind, _default, doc in iter_options():
        assert f"| `{name}` |" in site_yaml and doc.replace("|", "\\|") in site_yaml, name
    cli = (DOCS / "cli.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert f"## briefing {name}\n" in cli
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.opts[-1] in cli, f"{name} {param.opts[-1]}"


def test_check_mode_detects_staleness(
    gen_docs: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gen_docs, "DOCS", tmp_path)
    assert gen_docs.main(["--check"]) == 1  # nothing generated yet in tmp_path
    assert gen_docs.main([]) == 0
    assert gen_docs.main(["--check"]) == 0
    (tmp_path / "cli.md").write_text("old\n", encoding="utf-8")
    assert gen_docs.main(["--check"]) == 1


def test_generation_does_not_depend_on_the_terminal(tmp_path: Path) -> None:
    env = {"COLUMNS": "40", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_docs.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr


def test_links_between_docs_resolve() -> None:
    for page in DOCS.glob("*.md"):
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if "://" in target:
                continue
            assert (page.parent / target).exists(), f"{page.name}: broken link {target}"
    expected = {"getting-started.md", "site-yaml.md", "cli.md", "theming.md", "json.md", "publishing.md"}
    assert expected <= {p.name for p in DOCS.glob("*.md")}
