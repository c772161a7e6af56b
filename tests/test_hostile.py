"""Hostile and broken input: every article is untrusted.

A bad article gets one clear error naming it (and the line, for front matter), the build goes on
with the others and lists it in the report and in build/build.log; `--strict` fails instead.
Nothing is read from outside content/, nothing is written outside the output folder, and a killed
build leaves the previous site as it was. Builds run through the real CLI in a subprocess where
exit code and message matter; the fuzz test drives the readers and extraction directly.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import extract, ingest
from briefing.errors import BriefingError, IngestError
from briefing.ingest import cleaning, layout
from briefing.model import Briefing
from briefing.render.json_out import schema

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
SEED = CONTENT / "dw-2017-03-23-allies-vow-to-destroy-is.txt"
MARKDOWN_SEED = CONTENT / "centcom-death-of-abu-jandal-al-kuwaiti.md"
BRIEFING = [sys.executable, "-m", "briefing"]
VALIDATOR = jsonschema.Draft202012Validator(schema())
GOOD_MD_BODY = "The coalition said on Monday that five fighters were killed near Mosul.\n"


def run(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BRIEFING, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout)


def files_below(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


# --- one build of a content folder full of hostile articles --------------------------------------

#: file name -> (bytes, the start of its line in build.log, or None when it must build fine)
HOSTILE: dict[str, tuple[bytes, str | None]] = {
    "bad-yaml.md": (
        b"---\ntitle: ok\ntags: [unclosed\n---\n" + GOOD_MD_BODY.encode(),
        "bad-yaml.md:3: error:",
    ),
    "bad-date.md": (
        b"---\ntitle: ok\ndate: yesterday\n---\n" + GOOD_MD_BODY.encode(),
        "bad-date.md:3: error:",
    ),
    "bad-tags.md": (
        b"---\ntitle: ok\nsource: x\ntags: 42\n---\n" + GOOD_MD_BODY.encode(),
        "bad-tags.md:4: error:",
    ),
    "impossible-date.md": (b"---\ndate: 2017-02-30\n---\n" + GOOD_MD_BODY.encode(), "impossible-date.md:2:"),
    "empty.txt": (b"", "empty.txt: error: empty file"),
    "whitespace.txt": (b"  \n\t\r\n   \n", "whitespace.txt: error: empty file"),
    "binary.txt": (bytes(range(256)) * 8, "binary.txt: error: binary file"),
    "numbers-only.txt": (
        b"123 456\n\n!!! ???\n\n1. 2. 3.\n\n* * *\n",
        "numbers-only.txt: error: no article text",
    ),
    "headings-only.md": (
        b"# Iraq\n\n## Mosul offensive\n\n### Latest\n",
        "headings-only.md: error: no article text",
    ),
    "latin-1.txt": (
        "Die Kämpfer in Mossul griffen am Montag an. Die Straße war gesperrt.\n".encode("latin-1"),
        None,
    ),
    "cp1252.txt": (
        "He said \u201cno\u201d \u2013 the attack killed five people in Mosul.\n".encode("cp1252"),
        None,
    ),
    "a/report.txt": (SEED.read_bytes(), None),
    "b/report.md": (MARKDOWN_SEED.read_bytes(), None),
    "Über uns.txt": (b"Officials in Baghdad said the bridge reopened on Tuesday.\n", None),
    "..hidden..name.txt": (b"Hidden files are skipped, like editor backups.\n", None),
    "two..dots..name.txt": (b"Officials in Erbil said the road was cleared of mines.\n", None),
    "with spaces and ; ' $(rm) .md": (GOOD_MD_BODY.encode(), None),
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site root (site.yaml, content/, build/) whose content holds every hostile case above."""
    root = tmp_path_factory.mktemp("hostile")
    (root / "site.yaml").write_text("title: Hostile\n", encoding="utf-8")
    content = root / "content"
    for name, (data, _) in HOSTILE.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_bytes(data)
    secret = root / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("The SECRET-TOKEN-1234 must never be published by anyone.\n", encoding="utf-8")
    (content / "leak.txt").symlink_to(secret)
    (content / "leakdir").symlink_to(secret.parent, target_is_directory=True)
    (content / "dangling.md").symlink_to(root / "nowhere.md")
    (content / "inside-link.txt").symlink_to(content / "latin-1.txt")
    return root


@pytest.fixture(scope="module")
def hostile_build(hostile_site: Path) -> subprocess.CompletedProcess[str]:
    return run("build", "--no-pdf", "-q", cwd=hostile_site)


def test_bad_articles_are_reported_and_the_rest_is_built(
    hostile_site: Path, hostile_build: subprocess.CompletedProcess[str]
) -> None:
    assert hostile_build.returncode == 0, hostile_build.stderr
    assert "Traceback" not in hostile_build.stderr
    log = (hostile_site / "build" / "build.log").read_text(encoding="utf-8").splitlines()
    for name, (_, expected) in HOSTILE.items():
        if expected is not None:
            assert any(line.startswith(expected) for line in log), (name, log)
            assert name in hostile_build.stderr
    built = json.loads((hostile_site / "build" / "site" / "briefings.json").read_text(encoding="utf-8"))
    sources = sorted(b["source_path"] for b in built)
    good = sorted(n for n, (_, e) in HOSTILE.items() if e is None and not n.startswith("."))
    assert sources == sorted([*good, "inside-link.txt"])
    by_source = {b["source_path"]: b for b in built}
    assert (
        "Kämpfer" in by_source["latin-1.txt"]["body"][0] and "Straße" in by_source["latin-1.txt"]["body"][0]
    )
    assert "\u201cno\u201d \u2013" in by_source["cp1252.txt"]["body"][0]
    assert by_source["a/report.txt"]["slug"] == "report" and by_source["b/report.md"]["slug"] == "report-2"
    for briefing in built:
        VALIDATOR.validate(briefing)


def test_every_line_of_the_log_names_a_file_and_a_severity(hostile_site: Path) -> None:
    log = (hostile_site / "build" / "build.log").read_text(encoding="utf-8").splitlines()
    assert log
    for line in log:
        where, severity, message = line.split(": ", 2)
        assert severity in {"error", "warning"} and message
        path = where.rsplit(":", 1)[0] if where.rsplit(":", 1)[-1].isdigit() else where
        assert os.path.lexists(hostile_site / "content" / path), line


def test_symlinks_out_of_content_are_skipped_with_a_warning(
    hostile_site: Path, hostile_build: subprocess.CompletedProcess[str]
) -> None:
    log = (hostile_site / "build" / "build.log").read_text(encoding="utf-8")
    assert "leak.txt: warning: skipped: symlink points outside the content folder" in log
    assert "leakdir: warning: skipped: symlink points outside the content folder" in log
    assert "dangling.md: warning: skipped: broken symlink" in log
    for data in files_below(hostile_site / "build").values():
        assert b"SECRET-TOKEN" not in data


def test_nothing_is_written_outside_the_output_folder(
    hostile_site: Path, hostile_build: subprocess.CompletedProcess[str]
) -> None:
    out = (hostile_site / "build").resolve()
    written = [p for p in hostile_site.rglob("*") if p.is_file() and not p.is_symlink()]
    outside = {
        p.relative_to(hostile_site).as_posix()
        for p in written
        if not p.resolve().is_relative_to(out)
        and p.parts[len(hostile_site.parts)] not in {"content", "outside"}
    }
    assert outside == {"site.yaml"}
    for page in (out / "site" / "briefings").iterdir():
        assert page.stem.replace("-", "").isalnum() and page.stem.isascii(), page.name


def test_the_log_and_site_are_deterministic_and_strict_fails(hostile_site: Path) -> None:
    first_log = (hostile_site / "build" / "build.log").read_bytes()
    first_json = (hostile_site / "build" / "site" / "briefings.json").read_bytes()
    again = run("build", "--no-pdf", "-q", cwd=hostile_site)
    assert again.returncode == 0, again.stderr
    assert (hostile_site / "build" / "build.log").read_bytes() == first_log
    assert (hostile_site / "build" / "site" / "briefings.json").read_bytes() == first_json

    strict = run("build", "--no-pdf", "-q", "--strict", cwd=hostile_site)
    assert strict.returncode != 0
    assert "--strict" in strict.stderr and "Traceback" not in strict.stderr
    assert (hostile_site / "build" / "build.log").read_bytes() == first_log  # written before failing
    assert (hostile_site / "build" / "site" / "briefings.json").read_bytes() == first_json


@pytest.mark.parametrize(
    ("site_yaml", "code", "expected"),
    [
        ("title: T\ntitel: typo\n", 0, "site.yaml:2: warning: unknown option 'titel'"),
        ("title: T\nmax_article_chars: lots\n", 1, "site.yaml:2:"),
        ("title: [unclosed\n", 1, "site.yaml:"),
    ],
)
def test_site_yaml_problems_name_the_line(tmp_path: Path, site_yaml: str, code: int, expected: str) -> None:
    (tmp_path / "site.yaml").write_text(site_yaml, encoding="utf-8")
    (tmp_path / "content").mkdir()
    result = run("build", "--no-pdf", "-q", cwd=tmp_path)
    assert result.returncode == code, result.stderr
    assert expected in result.stderr and "Traceback" not in result.stderr


# --- size and time -------------------------------------------------------------------------------


def test_a_5mb_article_is_read_in_bounded_time_and_analysed_up_to_the_cap() -> None:
    seed_lines = SEED.read_text(encoding="utf-8").splitlines()
    copies = 5_000_000 // SEED.stat().st_size + 1  # each copy's lines marked: a repeat is no new paragraph
    marked = (f"{line} Copy {n}." if line.strip() else line for n in range(copies) for line in seed_lines)
    data = "\n".join(marked).encode("utf-8")[:5_000_000]
    started = time.perf_counter()
    article = ingest.READERS[".txt"](data, "huge.txt")
    assert time.perf_counter() - started < 30  # about 5 s on a loaded 2-core machine
    briefing = next(extract.extract_many([(article, "huge")], max_chars=3_000))
    assert briefing.notes == ["Only the first 3,000 characters of this article were analysed."]
    assert len(briefing.body) == len(article.paragraphs) > 1_000  # nothing lost from the body
    VALIDATOR.validate(json.loads(json.dumps(briefing.to_dict())))


@pytest.mark.parametrize(
    "line",
    [
        "(" + "Ab" + "anda" * 40 + " !",  # was exponential in the agency-credit pattern
        "(A" + " and A" * 200 + " !",
        "By A" + ", B" * 5_000 + " !",
    ],
)
def test_credit_patterns_do_not_backtrack_catastrophically(line: str) -> None:
    started = time.perf_counter()
    cleaning.classify(line)
    assert time.perf_counter() - started < 0.5


def test_joining_broken_lines_is_linear() -> None:
    started = time.perf_counter()
    joined = layout.join_broken_lines(["a b", *["c"] * 200_000])
    assert time.perf_counter() - started < 2  # was quadratic: minutes
    assert joined == ["a b " + " ".join(["c"] * 200_000)]


@pytest.mark.parametrize("pattern", ["[", "[a](", "<a ", "![", "\\[", "&#"])
def test_markdown_inline_markup_floods_are_read_in_linear_time(pattern: str) -> None:
    data = ("The attack was repelled on Monday. " + pattern * 20_000 + "\n").encode()
    started = time.perf_counter()
    try:
        ingest.READERS[".md"](data, "flood.md")
    except IngestError as exc:
        assert str(exc).startswith("flood.md")
    assert time.perf_counter() - started < 5  # Python-Markdown alone: minutes


def test_markdown_links_still_work_in_ordinary_paragraphs() -> None:
    article = ingest.READERS[".md"](b"See [the statement](https://example.org) issued in Baghdad.\n", "ok.md")
    assert article.paragraphs == ("See the statement issued in Baghdad.",)


# --- atomic output -------------------------------------------------------------------------------


def test_a_killed_build_leaves_the_previous_site_intact(tmp_path: Path) -> None:
    small, big, out = tmp_path / "small", tmp_path / "big", tmp_path / "out"
    small.mkdir()
    (small / "seed.txt").write_bytes(SEED.read_bytes())
    first = run("build", "--content", str(small), "--out", str(out), "--no-pdf", "-q", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    before = files_below(out / "site")

    for copy in range(40):
        (big / f"copy-{copy:02d}").mkdir(parents=True)
        for path in CONTENT.iterdir():
            (big / f"copy-{copy:02d}" / path.name).write_bytes(path.read_bytes())
    args = ["build", "--content", str(big), "--out", str(out), "--no-pdf", "--no-cache", "-q", "-j", "1"]
    process = subprocess.Popen([*BRIEFING, *args], cwd=tmp_path, start_new_session=True)
    time.sleep(1.5)
    assert process.poll() is None, "the big build finished too early to be interrupted"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert files_below(out / "site") == before

    # A build killed while rendering leaves its staging folder; the next build clears it.
    (out / ".site-staging-killed" / "briefings").mkdir(parents=True)
    (out / ".site-previous-killed").mkdir()
    again = run("build", "--content", str(small), "--out", str(out), "--no-pdf", "-q", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert files_below(out / "site") == before
    assert sorted(p.name for p in out.iterdir()) == [".cache", "build.log", "site"]


# --- fuzzing -------------------------------------------------------------------------------------

SEED_TEXT = SEED.read_text(encoding="utf-8")
FRONT_MATTER_GARBAGE = st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"%@`#,? \n\tab1é")), max_size=60)


@st.composite
def mutated_article(draw: st.DrawFn) -> str:
    """A real article, truncated, with NULs, front-matter garbage or a huge line put in."""
    text = SEED_TEXT[: draw(st.integers(0, len(SEED_TEXT)))]
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        insert = draw(
            st.one_of(
                st.just("\x00"),
                FRONT_MATTER_GARBAGE.map(lambda g: f"---\n{g}\n---\n"),
                st.integers(1_000, 200_000).map(lambda n: "word " * (n // 5)),
                st.text(max_size=40),
            )
        )
        text = text[:at] + insert + text[at:]
    if draw(st.booleans()):
        text = f"---\n{draw(FRONT_MATTER_GARBAGE)}\n---\n{text}"
    return text


ARTICLE_BYTES = st.one_of(
    st.binary(max_size=2_000),
    st.text(max_size=2_000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    mutated_article().map(lambda t: t.encode("utf-8")),
    mutated_article().map(lambda t: t.encode("cp1252", "replace")),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(data=ARTICLE_BYTES, suffix=st.sampled_from(sorted(ingest.READERS)))
def test_any_input_gives_a_clean_error_or_a_valid_briefing(data: bytes, suffix: str) -> None:
    name = f"fuzz/case{suffix}"
    try:
        article = ingest.READERS[suffix](data, name)
    except BriefingError as exc:
        assert isinstance(exc, IngestError)
        assert str(exc).startswith(name) and exc.message
        return
    (briefing,) = extract.extract_many([(article, "fuzz-case")], max_chars=4_000)
    assert isinstance(briefing, Briefing)
    VALIDATOR.validate(json.loads(json.dumps(briefing.to_dict())))
