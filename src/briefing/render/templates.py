"""The Jinja environment shared by the HTML pages and the PDFs, and its template lookup chain.

Lookup order (Pelican/Datasette style):

1. ``default:NAME`` always means the built-in theme's NAME, so an override can
   ``{% extends "default:base.html" %}`` and replace a single block instead of copying the file;
2. the site's override folder (``SiteConfig.templates_dir``; a missing folder is fine);
3. the built-in theme, ``briefing/theme/default/templates`` (found through the package loader, so it
   works from a wheel as well as from a checkout).

Autoescaping is on for every template and StrictUndefined turns a typo in a template into an error
instead of silently empty output. Article text is untrusted: no filter here returns markup.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import jinja2.meta

from ..config import SiteConfig
from ..errors import BuildError

THEME_PACKAGE = "briefing"
THEME_TEMPLATES = "theme/default/templates"
DEFAULT_PREFIX = "default"
STATIC_DIR = "static"

_PAGE_SIZE = re.compile(r"^[A-Za-z0-9. ]{1,40}$")


def builtin_loader() -> jinja2.BaseLoader:
    """The built-in theme's templates, loaded through importlib so installed packages work."""
    return jinja2.PackageLoader(THEME_PACKAGE, THEME_TEMPLATES)


def override_dir(config: SiteConfig) -> Path:
    """The site's own template folder (it may not exist)."""
    return config.resolve(config.templates_dir)


def make_loader(config: SiteConfig) -> jinja2.BaseLoader:
    """`default:` prefix first (so it can never be shadowed), then overrides, then the theme."""
    loaders: list[jinja2.BaseLoader] = [
        jinja2.PrefixLoader({DEFAULT_PREFIX: builtin_loader()}, delimiter=":")
    ]
    overrides = override_dir(config)
    if overrides.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(overrides)))
    loaders.append(builtin_loader())
    return jinja2.ChoiceLoader(loaders)


def make_environment(config: SiteConfig, bytecode_dir: Path | None = None) -> jinja2.Environment:
    """A fresh environment for one build: autoescape everywhere, strict undefined, our filters.
    With `bytecode_dir`, compiled templates are kept there between builds (Jinja keys them by
    the template's source, so an edited template is compiled again)."""
    cache = None
    if bytecode_dir is not None:
        bytecode_dir.mkdir(parents=True, exist_ok=True)
        cache = jinja2.FileSystemBytecodeCache(str(bytecode_dir))
    env = jinja2.Environment(
        loader=make_loader(config),
        bytecode_cache=cache,
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "htm", "xml", "svg"), default_for_string=True, default=True
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    env.globals.update(
        config=config, page_size=page_size(config), site_url=functools.partial(site_url, config.base_url)
    )
    return env


@contextmanager
def template_errors() -> Iterator[None]:
    """Turn Jinja failures (usually in a user's override) into one-line, located build errors."""
    try:
        yield
    except jinja2.TemplateSyntaxError as exc:
        raise BuildError(
            f"template syntax error: {exc.message}", exc.filename or exc.name, exc.lineno
        ) from None
    except jinja2.TemplateNotFound as exc:
        raise BuildError(f"template not found: {exc.name}") from None
    except jinja2.UndefinedError as exc:
        raise BuildError(f"template error: {exc.message}") from None


def template_sources(env: jinja2.Environment, names: Iterable[str]) -> dict[str, str] | None:
    """The source of each template `names` are, extend, include or import, directly or not, as the
    lookup chain finds it, by name; None when one of them names a template only at run time."""
    sources: dict[str, str] = {}
    todo = list(names)
    with template_errors():
        while todo:
            name = todo.pop()
            if name in sources:
                continue
            sources[name] = env.loader.get_source(env, name)[0] if env.loader else ""
            for referenced in jinja2.meta.find_referenced_templates(env.parse(sources[name], name)):
                if referenced is None:
                    return None
                todo.append(referenced)
    return sources


def render(env: jinja2.Environment, name: str, **context: Any) -> str:
    """Render one template to a string, with template errors reported as BuildError."""
    with template_errors():
        return env.get_template(name).render(**context)


def copy_static(config: SiteConfig, site_dir: Path) -> Path:
    """Copy the theme's static files, and the override folder's `static/` in their place.

    Idempotent, so both the HTML and the PDF renderer can call it, and a second call writes
    nothing: PDF workers may be reading the stylesheet by then (a copy truncates the file first).
    """
    target = site_dir / STATIC_DIR
    theme = resources.files(THEME_PACKAGE).joinpath("theme/default/static")
    with resources.as_file(theme) as theme_path:
        sources = static_files(theme_path)
        sources.update(static_files(override_dir(config) / STATIC_DIR))  # the override wins
        for rel, source in sources.items():
            copy_if_changed(source, target / rel)
    return target


def static_files(folder: Path) -> dict[str, Path]:
    """The files below `folder` by relative path (none if it does not exist)."""
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def copy_if_changed(source: Path, target: Path) -> None:
    """`shutil.copy2`, unless `target` already is such a copy (same size and modification time)."""
    try:
        have, want = target.stat(), source.stat()
        if (have.st_size, have.st_mtime_ns) == (want.st_size, want.st_mtime_ns):
            return
    except OSError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)


def page_size(config: SiteConfig) -> str:
    """The CSS page size; it goes inside a <style> element where escaping does not apply, so only a
    plain token ("A4", "Letter", "A5 landscape") is accepted."""
    size = config.pdf.page_size.strip()
    return size if _PAGE_SIZE.match(size) else "A4"


# --- filters -------------------------------------------------------------------------------------


def format_date(value: dt.date | str | None, fmt: str = "long") -> str:
    """ "23 March 2017" (long) or "2017-03-23" (iso); "undated" when there is no date."""
    if value is None or value == "":
        return "undated"
    date = dt.date.fromisoformat(value) if isinstance(value, str) else value
    if fmt == "iso":
        return date.isoformat()
    return f"{date.day} {date.strftime('%B %Y')}"


def format_number(value: float | int | None) -> str:
    """Thousands separators; floats that are whole print without ".0"."""
    if value is None:
        return "–"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def humanize(value: str | None) -> str:
    """`armed_group` -> `armed group`."""
    return (value or "").replace("_", " ")


def safe_url(value: str | None) -> str | None:
    """Only http(s) URLs may become links: an article's `url` is untrusted (javascript:, file:)."""
    if not value:
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in ("http", "https") else None


def site_url(base_url: str, path: str) -> str | None:
    """Absolute URL of a site path when base_url is configured (PDFs have no page to be relative
    to, and a relative link would resolve to the build's temporary folder); None otherwise."""
    base = safe_url(base_url)
    if not base:
        return None
    return base.rstrip("/") + "/" + path.lstrip("/")


FILTERS: dict[str, Callable[..., Any]] = {
    "date": format_date,
    "number": format_number,
    "humanize": humanize,
    "safe_url": safe_url,
}
