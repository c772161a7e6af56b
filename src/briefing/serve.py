"""`briefing serve`: build, serve the site on 127.0.0.1, rebuild on change, reload the browser.

Live reload never touches the built files: the HTTP handler adds one `<script src="/__reload.js">`
to HTML *responses*. The script polls `/__reload`, which answers with the build generation (a
counter bumped after every rebuild, failed or not), and reloads the page when it changed. An
external script rather than inline code, so a theme's Content-Security-Policy of `script-src
'self'` still allows it.

A failed rebuild (bad site.yaml, template error) is printed in the terminal and served instead of
every page as an error overlay; the server keeps running and the next good build replaces it.
The previous good site stays on disk (builds are atomic), so static files keep working meanwhile.

Watching uses watchfiles in two threads: content/ and templates/ recursively, and the folder of
site.yaml non-recursively (watching a file directly misses editors' save-by-rename; watching the
site folder recursively would also watch build/ and .venv/). When a watched folder appears or the
config moves it, the recursive watcher re-arms with the new folders.
"""

from __future__ import annotations

import html
import json
import queue
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import watchfiles

from .build import build
from .config import LoadedConfig, SiteConfig, load_config
from .errors import BriefingError

HOST = "127.0.0.1"
RELOAD_PATH = "/__reload"
SCRIPT_PATH = "/__reload.js"
POLL_MS = 700

RELOAD_SCRIPT = f"""\
(function () {{
  var me = document.currentScript;
  var generation = Number(me.getAttribute("data-generation"));
  function poll() {{
    fetch("{RELOAD_PATH}", {{cache: "no-store"}})
      .then(function (r) {{ return r.json(); }})
      .then(function (d) {{
        if (d.generation !== generation) {{ location.reload(); }} else {{ setTimeout(poll, {POLL_MS}); }}
      }})
      .catch(function () {{ setTimeout(poll, {POLL_MS * 3}); }});
  }}
  setTimeout(poll, {POLL_MS});
}})();
"""

Log = Callable[[str], None]


@dataclass
class BuildState:
    """What the handler threads read: the generation and the last build's error (None if it worked)."""

    generation: int = 0
    error: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def snapshot(self) -> tuple[int, str | None]:
        with self.lock:
            return self.generation, self.error

    def finished(self, error: str | None) -> int:
        with self.lock:
            self.generation += 1
            self.error = error
            return self.generation


@dataclass
class Site:
    """The paths serve needs, from the config as last loaded (the output folder never moves)."""

    config_path: Path | None
    root: Path
    out_dir: Path
    content_override: Path | None
    pdf: bool | None
    config: SiteConfig | None = None

    @property
    def site_dir(self) -> Path:
        return self.out_dir / "site"

    def load(self) -> LoadedConfig:
        """Read site.yaml again: every rebuild sees the current config (or fails on a bad one)."""
        loaded = load_config(self.config_path, root=self.root)
        self.config = loaded.config
        return loaded

    def watched_dirs(self) -> list[Path]:
        """content/ and templates/ (as configured) that exist now."""
        config = self.config or SiteConfig(root=self.root)
        dirs = [
            self.content_override or config.resolve(config.content_dir),
            config.resolve(config.templates_dir),
        ]
        return [d.resolve() for d in dirs if d.is_dir()]

    def expected_dirs(self) -> set[Path]:
        config = self.config or SiteConfig(root=self.root)
        content = self.content_override or config.resolve(config.content_dir)
        return {content.resolve(), config.resolve(config.templates_dir)}


def rebuild(site: Site, state: BuildState, log: Log) -> bool:
    """One build; any failure becomes the served error instead of stopping the server."""
    started = time.perf_counter()
    try:
        loaded = site.load()
        report = build(
            loaded.config,
            content_dir=site.content_override,
            out_dir=site.out_dir,
            pdf=site.pdf,
            problems=loaded.problems,
        )
    except BriefingError as exc:
        generation = state.finished(str(exc))
        log(f"build failed (generation {generation}): {exc}")
        return False
    except Exception:  # a bug in briefing or a theme: still keep serving, show the traceback
        text = traceback.format_exc()
        generation = state.finished(text)
        log(f"build crashed (generation {generation}):\n{text}")
        return False
    for problem in report.problems:
        log(str(problem))
    generation = state.finished(None)
    seconds = time.perf_counter() - started
    log(f"built {report.articles} briefings in {seconds:.1f}s (generation {generation})")
    return True


# --- HTTP ----------------------------------------------------------------------------------------


class DevServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int, site: Site, state: BuildState) -> None:
        self.site = site
        self.state = state
        super().__init__((HOST, port), DevHandler)


class DevHandler(SimpleHTTPRequestHandler):
    """Static files from the site folder, plus the reload endpoints and the error overlay."""

    server: DevServer

    def __init__(self, request: object, client_address: object, server: DevServer) -> None:
        super().__init__(request, client_address, server, directory=str(server.site.site_dir))

    def do_GET(self) -> None:
        self.respond(head=False)

    def do_HEAD(self) -> None:
        self.respond(head=True)

    def respond(self, *, head: bool) -> None:
        path = urlsplit(self.path).path
        generation, error = self.server.state.snapshot()
        if path == RELOAD_PATH:
            body = json.dumps({"generation": generation, "ok": error is None}).encode()
            return self.send_bytes(200, "application/json", body, head)
        if path == SCRIPT_PATH:
            return self.send_bytes(200, "text/javascript; charset=utf-8", RELOAD_SCRIPT.encode(), head)
        target = Path(self.translate_path(self.path))
        page = target / "index.html" if target.is_dir() and path.endswith("/") else target
        is_page = page.suffix.lower() in (".html", ".htm") or path.endswith("/")
        if error is not None and (is_page or not target.exists()):
            return self.send_bytes(500, "text/html; charset=utf-8", error_page(error, generation), head)
        if page.suffix.lower() in (".html", ".htm") and page.is_file():
            body = inject(page.read_bytes(), generation)
            return self.send_bytes(200, "text/html; charset=utf-8", body, head)
        if head:
            super().do_HEAD()
        else:
            super().do_GET()

    def send_bytes(self, status: int, content_type: str, body: bytes, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # a reload must show the new build
        super().end_headers()

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Quiet: a page load is a dozen requests; errors still go to stderr through log_error."""


def script_tag(generation: int) -> bytes:
    return f'<script src="{SCRIPT_PATH}" data-generation="{generation}"></script>'.encode()


def inject(page: bytes, generation: int) -> bytes:
    """The page with the reload script before its last </body> (appended when there is none)."""
    at = page.lower().rfind(b"</body>")
    tag = script_tag(generation)
    return page + tag if at < 0 else page[:at] + tag + page[at:]


def error_page(error: str, generation: int) -> bytes:
    """The overlay served while the last build failed; the error text is escaped."""
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Build failed</title></head>\n'
        '<body style="margin:0;font:16px/1.5 system-ui,sans-serif;background:#1f0d0d;color:#fbeaea">\n'
        '<div style="max-width:60rem;margin:2rem auto;padding:1.5rem;border:2px solid #e5534b;'
        'border-radius:8px;background:#2d1414">\n<h1 style="margin-top:0;color:#ff938a">Build failed</h1>\n'
        '<pre style="white-space:pre-wrap;font:14px/1.45 ui-monospace,monospace">'
        f"{html.escape(error)}</pre>\n"
        "<p>Fix the problem and save: this page reloads by itself when the build succeeds.</p>\n"
        f"</div>\n{script_tag(generation).decode()}\n</body></html>\n"
    ).encode()


# --- watching ------------------------------------------------------------------------------------


class _Either:
    """A stop event for watchfiles that fires when either of two events is set."""

    def __init__(self, *events: threading.Event) -> None:
        self.events = events

    def is_set(self) -> bool:
        return any(e.is_set() for e in self.events)


def watch_tree(site: Site, changes: queue.Queue[set], stop: threading.Event, rearm: threading.Event) -> None:
    """Recursive watch of content/ and templates/; restarts with new folders when `rearm` is set."""
    while not stop.is_set():
        rearm.clear()
        dirs = site.watched_dirs()
        if not dirs:
            rearm.wait(0.5)
            continue
        for batch in watchfiles.watch(*dirs, stop_event=_Either(stop, rearm), raise_interrupt=False):
            changes.put(batch)


def watch_root(site: Site, changes: queue.Queue[set], stop: threading.Event, rearm: threading.Event) -> None:
    """Non-recursive watch of site.yaml's folder: the config file and the watched folders appearing."""

    def relevant(change: watchfiles.Change, path: str) -> bool:
        resolved = Path(path).resolve()
        if site.config_path is not None and resolved == site.config_path.resolve():
            return True
        return resolved in site.expected_dirs()

    for batch in watchfiles.watch(
        site.root, watch_filter=relevant, recursive=False, stop_event=stop, raise_interrupt=False
    ):
        if any(Path(p).resolve() in site.expected_dirs() for _, p in batch):
            rearm.set()
        changes.put(batch)


def describe(batch: Iterable[tuple[watchfiles.Change, str]], root: Path) -> str:
    names = sorted({_relative(Path(p), root) for _, p in batch})
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


# --- the command -------------------------------------------------------------------------------


def serve(site: Site, port: int, log: Log, ready: Callable[[str], None] | None = None) -> None:
    """Build, serve and rebuild until interrupted (Ctrl-C or SIGTERM)."""
    state = BuildState()
    stop, rearm = threading.Event(), threading.Event()
    changes: queue.Queue[set] = queue.Queue()
    # Watch before the first build: the watchers are armed by the time the URL is announced, and
    # an edit made during the first build still triggers a rebuild.
    for target in (watch_tree, watch_root):
        threading.Thread(target=target, args=(site, changes, stop, rearm), daemon=True).start()
    _stop_on_sigterm()
    try:
        rebuild(site, state, log)
        server = DevServer(port, site, state)
    except BaseException:
        stop.set()
        raise
    url = f"http://{HOST}:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, name="briefing-http", daemon=True).start()
    (ready or log)(f"serving {url} (Ctrl-C to stop)")
    try:
        while True:
            try:
                batch = changes.get(timeout=0.5)
            except queue.Empty:
                continue
            while not changes.empty():  # changes that arrived during the last build: one rebuild
                batch |= changes.get_nowait()
            log(f"changed: {describe(batch, site.root)}")
            before = site.expected_dirs()
            rebuild(site, state, log)
            if site.expected_dirs() != before:
                rearm.set()
    except KeyboardInterrupt:
        log("stopping")
    finally:
        stop.set()
        server.shutdown()
        server.server_close()


def _stop_on_sigterm() -> None:
    """SIGTERM (from a process manager or a test) stops like Ctrl-C: sockets closed cleanly."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
