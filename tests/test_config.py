"""site.yaml is validated at the edge: wrong types are errors, unknown keys warnings, both with lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import SiteConfig, iter_options, load_config
from briefing.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "site.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bare_title_gives_defaults(tmp_path: Path) -> None:
    loaded = load_config(write(tmp_path, "title: My briefings\n"))
    assert loaded.problems == []
    assert loaded.config.title == "My briefings"
    assert loaded.config.digest.period == "week"
    assert loaded.config.root == tmp_path.resolve()


def test_empty_file_is_all_defaults(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, "")).config.title == SiteConfig().title


def test_nested_options_are_read(tmp_path: Path) -> None:
    config = load_config(
        write(tmp_path, "title: T\ndigest:\n  period: month\npdf:\n  enabled: false\n")
    ).config
    assert config.digest.period == "month"
    assert config.pdf.enabled is False


def test_unknown_key_is_a_warning_with_its_line(tmp_path: Path) -> None:
    loaded = load_config(write(tmp_path, "title: T\n\ncolour: blue\n"))
    (problem,) = loaded.problems
    assert problem.line == 3
    assert "unknown option 'colour'" in problem.message
    assert str(problem).startswith(f"{tmp_path / 'site.yaml'}:3: warning:")


def test_unknown_nested_key_names_the_dotted_option(tmp_path: Path) -> None:
    loaded = load_config(write(tmp_path, "digest:\n  periode: week\n"))
    assert [(p.line, "digest.periode" in p.message) for p in loaded.problems] == [(2, True)]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("title: T\npdf:\n  enabled: yes please\n", 3, "pdf.enabled' must be bool"),
        ("title: [a, b]\n", 1, "'title' must be str"),
        ("title: T\nsummary:\n  max_words: many\n", 3, "summary.max_words' must be int"),
        ("title: T\ndigest:\n  period: fortnight\n", 3, "must be one of day, week, month, all"),
        ("title: T\ndigest: weekly\n", 2, "'digest' must be a mapping"),
    ],
)
def test_wrong_types_are_errors_with_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    assert caught.value.line == line
    assert words in caught.value.message
    assert str(caught.value).startswith(f"{tmp_path / 'site.yaml'}:{line}:")


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, "title: T\ndigest:\n  period: [week\n"))
    assert caught.value.line is not None and caught.value.line >= 3
    assert "invalid YAML" in caught.value.message


def test_yaml_tags_are_not_executed(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        load_config(write(tmp_path, "title: !!python/object/apply:os.system ['echo hacked']\n"))


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.yaml")


def test_every_option_is_documented() -> None:
    options = list(iter_options())
    assert len(options) >= 10
    assert all(doc for _name, _type, _default, doc in options)
