"""site.yaml -> a typed, validated `SiteConfig`.

Validation happens here, at the edge, so no later stage ever sees an untyped settings dict. Every
option is a dataclass field whose `doc` metadata is its user documentation (the site.yaml reference
in docs/ is generated from it). Wrong types are errors naming `site.yaml:LINE`; unknown keys are
warnings with the same location (errors under `--strict`). A bare site.yaml with just a title works.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from .errors import ConfigError
from .model import Problem

Period = Literal["day", "week", "month", "all"]

#: Default NLP input cap: ~35,000 words, about 10 s of spaCy; a 5 MB scrape would take minutes.
DEFAULT_MAX_ARTICLE_CHARS = 200_000


def option(default: Any, doc: str) -> Any:
    """A config option with its documentation attached."""
    if isinstance(default, list | dict):
        return field(default_factory=lambda: type(default)(default), metadata={"doc": doc})
    if dataclasses.is_dataclass(default):
        return field(default_factory=lambda: dataclasses.replace(default), metadata={"doc": doc})
    return field(default=default, metadata={"doc": doc})


@dataclass(frozen=True)
class DigestConfig:
    period: Period = option("week", "How briefings are grouped into digest PDFs: day, week, month or all.")
    title: str = option("Briefing digest", "Title printed on the digest cover and in the PDF metadata.")


@dataclass(frozen=True)
class PdfConfig:
    enabled: bool = option(True, "Render a PDF per briefing and a digest PDF per period.")
    page_size: str = option("A4", "CSS page size for PDFs, e.g. A4 or Letter.")


@dataclass(frozen=True)
class SummaryConfig:
    max_words: int = option(90, "Word budget of a briefing's summary.")
    max_sentences: int = option(4, "At most this many sentences in a summary (at least 2 are chosen).")


@dataclass(frozen=True)
class MailConfig:
    sender: str = option("", "The From address of digest emails, e.g. `Briefing desk <desk@example.org>`.")
    to: list[str] = option([], "Recipients (people or list addresses); each gets their own copy.")
    host: str = option("localhost", "SMTP server host name.")
    port: int = option(0, "SMTP port; 0 means the standard one for `security` (587, 465 or 25).")
    security: Literal["starttls", "ssl", "none"] = option(
        "starttls", "starttls (upgrade a plain connection), ssl (TLS from the start) or none."
    )
    username: str = option("", "SMTP login; when set, briefing authenticates (AUTH) before sending.")
    password_env: str = option(
        "BRIEFING_SMTP_PASSWORD", "Environment variable that holds the SMTP password (never site.yaml)."
    )
    list_unsubscribe: str = option(
        "", "Unsubscribe address for the List-Unsubscribe header: a mailto: or https: URL."
    )
    domain: str = option(
        "", "Domain of Message-IDs; default: the domain of `sender`, else the host of base_url."
    )
    timeout: int = option(30, "Seconds to wait for the SMTP server before giving up.")


@dataclass(frozen=True)
class SiteConfig:
    title: str = option("Briefings", "The site's name, shown in headers, feeds and PDF metadata.")
    description: str = option("", "One line about the site, used on the index and in feeds.")
    base_url: str = option("", "Absolute URL the site is published at (for canonical links and feeds).")
    language: str = option("en", "Language code of the site (the `lang` of every page).")
    author: str = option("", "Author or organisation named in feeds and PDF metadata.")
    content_dir: str = option("content", "Folder of input articles, relative to site.yaml.")
    output_dir: str = option("build", "Folder the build writes into, relative to site.yaml.")
    templates_dir: str = option(
        "templates", "Folder of your template overrides, relative to site.yaml; missing is fine."
    )
    max_article_chars: int = option(
        DEFAULT_MAX_ARTICLE_CHARS, "Longer article text is truncated before analysis (the briefing says so)."
    )
    digest: DigestConfig = option(DigestConfig(), "Digest PDFs.")
    pdf: PdfConfig = option(PdfConfig(), "PDF output.")
    summary: SummaryConfig = option(SummaryConfig(), "Summary extraction.")
    mail: MailConfig = option(MailConfig(), "Digest email (`briefing mail`).")
    per_page: int = option(
        20, "Items per page of the briefing, actor, incident and archive lists; 0 puts each on one page."
    )
    feed_items: int = option(50, "Newest briefings listed in the Atom and RSS feeds.")

    # Where the config came from; not an option.
    root: Path = field(default=Path("."), metadata={"internal": True})
    path: Path | None = field(default=None, metadata={"internal": True})

    def resolve(self, relative: str) -> Path:
        return (self.root / relative).resolve()


@dataclass(frozen=True)
class LoadedConfig:
    config: SiteConfig
    problems: list[Problem]


def load_config(path: Path | None, *, root: Path | None = None) -> LoadedConfig:
    """Read site.yaml (or defaults when `path` is None). Raises ConfigError on invalid input."""
    if path is None:
        base = (root or Path.cwd()).resolve()
        return LoadedConfig(SiteConfig(root=base), [])
    display = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("config file not found", display) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", display) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"invalid YAML: {problem}", display, line) from None
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict):
        raise ConfigError("expected a mapping of options at the top level", display, 1)
    problems: list[Problem] = []
    values = _convert_section(SiteConfig, data, node, display, problems, prefix="")
    config = SiteConfig(**values, root=path.resolve().parent, path=path.resolve())
    return LoadedConfig(config, problems)


def _key_lines(node: yaml.Node | None) -> dict[str, tuple[int, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): (k.start_mark.line + 1, v) for k, v in node.value}


def _convert_section(
    cls: type, data: dict, node: yaml.Node | None, path: str, problems: list[Problem], prefix: str
) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if not f.metadata.get("internal")}
    lines = _key_lines(node)
    values: dict[str, Any] = {}
    for key, raw in data.items():
        line, value_node = lines.get(str(key), (None, None))
        name = f"{prefix}{key}"
        if key not in fields:
            known = ", ".join(sorted(fields))
            problems.append(Problem(path, f"unknown option '{name}' (known: {known})", line))
            continue
        expected = hints[key]
        if dataclasses.is_dataclass(expected):
            if raw is None:
                continue
            if not isinstance(raw, dict):
                raise ConfigError(f"option '{name}' must be a mapping", path, line)
            sub = _convert_section(expected, raw, value_node, path, problems, prefix=f"{name}.")
            values[key] = expected(**sub)
        else:
            values[key] = _check_type(name, raw, expected, path, line)
    return values


def _check_type(name: str, value: Any, expected: Any, path: str, line: int | None) -> Any:
    origin = typing.get_origin(expected)
    if origin is Literal:
        choices = typing.get_args(expected)
        if value not in choices:
            wanted = ", ".join(map(str, choices))
            raise ConfigError(f"option '{name}' must be one of {wanted}, not {value!r}", path, line)
        return value
    if origin in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(expected) if a is not type(None)]
        if value is None:
            return None
        return _check_type(name, value, args[0], path, line)
    if origin is list:
        (item,) = typing.get_args(expected)
        if not isinstance(value, list) or not all(isinstance(v, item) for v in value):
            raise ConfigError(f"option '{name}' must be a list of {item.__name__}", path, line)
        return value
    if expected is bool:
        ok = isinstance(value, bool)
    elif expected is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif expected is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif expected is str:
        ok = isinstance(value, str)
    else:  # pragma: no cover - a new option type must be handled here
        raise TypeError(f"unsupported config type {expected!r}")
    if not ok:
        got = type(value).__name__
        raise ConfigError(f"option '{name}' must be {expected.__name__}, not {got} {value!r}", path, line)
    return value


def iter_options(cls: type = SiteConfig, prefix: str = "") -> typing.Iterator[tuple[str, Any, Any, str]]:
    """(dotted name, type, default, doc) for every option: the source of the generated reference."""
    hints = typing.get_type_hints(cls)
    defaults = cls()
    for f in dataclasses.fields(cls):
        if f.metadata.get("internal"):
            continue
        value = getattr(defaults, f.name)
        if dataclasses.is_dataclass(hints[f.name]):
            yield from iter_options(hints[f.name], prefix=f"{prefix}{f.name}.")
        else:
            yield f"{prefix}{f.name}", hints[f.name], value, f.metadata.get("doc", "")
