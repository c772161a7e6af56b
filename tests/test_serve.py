"""`briefing serve` as a user runs it: a subprocess, real sockets, real file changes, bounded waits."""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "content"  # the repository's own sample articles
ARTICLE = "centcom-death-of-abu-jandal-al-kuwaiti.md"
DEADLINE = 90.0  # seconds for any one step; a rebuild of two articles takes a few


class Served:
    """A running `briefing serve` and the lines it printed."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.url = self.wait_line(lambda line: line.startswith("serving ")).split()[1]

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.output.append(line)
            self.lines.put(line.rstrip("\n"))

    def wait_line(self, wanted: Callable[[str], bool]) -> str:
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                assert self.process.poll() is None, "".join(self.output)
                continue
            if wanted(line):
                return line
        raise AssertionError(f"timed out; output so far:\n{''.join(self.output)}")

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8")

    def generation(self) -> int:
        status, body = self.get("/__reload")
        assert status == 200
        return json.loads(body)["generation"]

    def wait_generation(self, after: int) -> int:
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            current = self.generation()
            if current > after:
                return current
            time.sleep(0.2)
        raise AssertionError(f"no rebuild after generation {after}:\n{''.join(self.output)}")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Served, Path]]:
    (tmp_path / "content").mkdir()
    shutil.copy(CORPUS / ARTICLE, tmp_path / "content" / ARTICLE)
    (tmp_path / "site.yaml").write_text("title: Live desk\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "serve", "--port", "0", "--no-pdf"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield Served(process), tmp_path
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def test_serve_rebuilds_reloads_shows_errors_and_recovers(served: tuple[Served, Path]) -> None:
    server, root = served
    assert server.url.startswith("http://127.0.0.1:")

    status, index = server.get("/")
    assert status == 200
    assert "Abu Jandal" in index
    first = server.generation()
    assert f'src="/__reload.js" data-generation="{first}"' in index
    built = (root / "build" / "site" / "index.html").read_text(encoding="utf-8")
    assert "__reload" not in built  # injected into responses only, never into the built files
    status, script = server.get("/__reload.js")
    assert status == 200 and "/__reload" in script

    # A content change: rebuilt, new generation, the new article is served.
    article = (CORPUS / ARTICLE).read_text(encoding="utf-8")
    (root / "content" / "second.md").write_text(article.replace("Abu Jandal", "Abu Zaytun"), encoding="utf-8")
    second = server.wait_generation(first)
    status, index = server.get("/")
    assert status == 200 and "Abu Zaytun" in index
    assert f'data-generation="{second}"' in index

    # A broken site.yaml: the error is served instead of pages (escaped), the server stays up.
    (root / "site.yaml").write_text("title: Live desk\npdf:\n  enabled: <maybe>\n", encoding="utf-8")
    third = server.wait_generation(second)
    status, page = server.get("/")
    assert status == 500
    assert "Build failed" in page and "site.yaml:3" in page
    assert "&lt;maybe&gt;" in page and "<maybe>" not in page
    assert f'data-generation="{third}"' in page
    server.wait_line(lambda line: "build failed" in line and "site.yaml:3" in line)
    status, page = server.get("/briefings/second.html")
    assert status == 500 and "Build failed" in page

    # Fixed: recovered on the next build.
    (root / "site.yaml").write_text("title: Live desk again\n", encoding="utf-8")
    server.wait_generation(third)
    status, index = server.get("/")
    assert status == 200 and "Live desk again" in index and "Build failed" not in index
    assert server.process.poll() is None
