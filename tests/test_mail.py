"""`briefing mail`: a real build of two real articles, mailed to a real SMTP server on loopback."""

from __future__ import annotations

import email
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session

from briefing.build import build
from briefing.config import load_config

CORPUS = Path(__file__).resolve().parents[1] / "content"  # the repository's own sample articles
ARTICLES = ["dw-2017-03-23-allies-vow-to-destroy-is.txt", "centcom-death-of-abu-jandal-al-kuwaiti.md"]
BRIEFING = [sys.executable, "-m", "briefing"]
HOSTILE_TITLE = '<script>alert("x")</script> & <b>bold</b>'
#: A minimal, valid PDF: stands in for the digest when the renderer wrote none (PDFs disabled).
PLACEHOLDER_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


class Inbox:
    """aiosmtpd handler that keeps every message and the logins it saw."""

    def __init__(self) -> None:
        self.messages: list[tuple[Envelope, EmailMessage]] = []
        self.logins: list[tuple[str, str]] = []

    async def handle_DATA(self, server: object, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or envelope.content
        self.messages.append((envelope, email.message_from_bytes(raw, policy=default)))  # type: ignore[arg-type]
        return "250 OK"

    def authenticate(
        self, server: object, session: Session, envelope: Envelope, mechanism: str, data: object
    ) -> AuthResult:
        if isinstance(data, LoginPassword):
            self.logins.append((data.login.decode(), data.password.decode()))
            return AuthResult(success=data.password == b"s3cret")
        return AuthResult(success=False)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server() -> Iterator[tuple[Controller, Inbox]]:
    inbox = Inbox()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=inbox.authenticate,
        auth_require_tls=False,
        # smtplib retries a failed PLAIN with LOGIN, which this server then leaves hanging.
        auth_exclude_mechanism=["LOGIN"],
        decode_data=False,
    )
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two corpus articles (one with a hostile title) built for real, with the digest PDF."""
    root = tmp_path_factory.mktemp("mail-site")
    content = root / "content"
    content.mkdir()
    for name in ARTICLES:
        shutil.copy(CORPUS / name, content / name)
    hostile = (CORPUS / ARTICLES[0]).read_text(encoding="utf-8").replace("Allies vow", HOSTILE_TITLE, 1)
    (content / "zz-hostile.txt").write_text(hostile, encoding="utf-8")
    (root / "site.yaml").write_text(
        "title: Mail desk\nbase_url: https://example.org/briefings/\ndigest:\n  period: all\n",
        encoding="utf-8",
    )
    config = load_config(root / "site.yaml").config
    build(config)
    site_dir = root / "build" / "site"
    digest = site_dir / "pdf" / "digest-all.pdf"
    if not digest.is_file():  # the renderer did not write one (PDFs switched off or not implemented)
        digest.parent.mkdir(exist_ok=True)
        digest.write_bytes(PLACEHOLDER_PDF)
    return root


def configure(root: Path, port: int, extra: str = "") -> None:
    (root / "site.yaml").write_text(
        "title: Mail desk\nbase_url: https://example.org/briefings/\ndigest:\n  period: all\n"
        "mail:\n  sender: Briefing desk <desk@example.org>\n"
        "  to: [alice@example.com, Bob <bob@example.net>]\n"
        f"  host: 127.0.0.1\n  port: {port}\n  security: none\n  timeout: 10\n"
        "  list_unsubscribe: https://example.org/unsubscribe\n" + extra,
        encoding="utf-8",
    )


def run(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*BRIEFING, "mail", *args], cwd=root, capture_output=True, text=True, timeout=120, env=env
    )


def parts(message: EmailMessage) -> tuple[str, str, list[EmailMessage]]:
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert text is not None and html is not None
    return text.get_content(), html.get_content(), list(message.iter_attachments())


def test_send_delivers_one_copy_per_recipient_with_both_bodies_and_the_pdf(
    site: Path, smtp_server: tuple[Controller, Inbox]
) -> None:
    controller, inbox = smtp_server
    configure(site, controller.port)
    result = run(site)
    assert result.returncode == 0, result.stderr
    assert "to 2 of 2 recipients" in result.stderr

    assert [env.rcpt_tos for env, _ in inbox.messages] == [["alice@example.com"], ["bob@example.net"]]
    assert inbox.logins == []  # no username configured: no AUTH
    pdf = (site / "build" / "site" / "pdf" / "digest-all.pdf").read_bytes()
    for (envelope, message), to in zip(inbox.messages, ["alice@example.com", "bob@example.net"], strict=True):
        assert envelope.mail_from == "desk@example.org"
        assert message["From"] == "Briefing desk <desk@example.org>"
        assert message["To"].addresses[0].addr_spec == to
        assert message["Subject"] == "Briefing digest: All briefings"
        assert message["Message-ID"].endswith("@example.org>")
        assert message["List-Unsubscribe"] == "<https://example.org/unsubscribe>"
        assert message["Date"].datetime.year >= 2024  # a real send is dated now
        text, html, attachments = parts(message)
        assert [a.get_filename() for a in attachments] == ["digest-all.pdf"]
        assert attachments[0].get_content_type() == "application/pdf"
        assert attachments[0].get_content() == pdf

        for slug in ("dw-2017-03-23-allies-vow-to-destroy-is", "centcom-death-of-abu-jandal-al-kuwaiti"):
            assert f"https://example.org/briefings/briefings/{slug}.html" in text
            assert f'href="https://example.org/briefings/briefings/{slug}.html"' in html
        assert "Abu Jandal" in text and "Abu Jandal" in html
        assert "2017-03-23" in text
        # Untrusted article text is escaped in HTML and left as text in plain text.
        assert HOSTILE_TITLE in text
        assert "<script>" not in html and "<b>bold</b>" not in html
        assert "&lt;script&gt;" in html
    assert inbox.messages[0][1]["Message-ID"] != inbox.messages[1][1]["Message-ID"]


def test_auth_uses_the_password_from_the_environment_only(
    site: Path, smtp_server: tuple[Controller, Inbox]
) -> None:
    controller, inbox = smtp_server
    configure(site, controller.port, "  username: desk\n  password_env: TEST_SMTP_PASSWORD\n")
    env = {k: v for k, v in os.environ.items() if k != "TEST_SMTP_PASSWORD"}

    missing = run(site, env=env)
    assert missing.returncode == 1
    assert "TEST_SMTP_PASSWORD" in missing.stderr
    assert inbox.messages == []

    wrong = run(site, env={**env, "TEST_SMTP_PASSWORD": "nope"})
    assert wrong.returncode == 1
    assert "login" in wrong.stderr
    assert inbox.messages == []

    good = run(site, env={**env, "TEST_SMTP_PASSWORD": "s3cret"})
    assert good.returncode == 0, good.stderr
    assert inbox.logins[-1] == ("desk", "s3cret")
    assert len(inbox.messages) == 2


def test_starttls_is_required_not_opportunistic(site: Path, smtp_server: tuple[Controller, Inbox]) -> None:
    controller, inbox = smtp_server
    configure(site, controller.port)
    text = (site / "site.yaml").read_text(encoding="utf-8").replace("security: none", "security: starttls")
    (site / "site.yaml").write_text(text, encoding="utf-8")
    result = run(site)
    assert result.returncode == 1
    assert "does not offer STARTTLS" in result.stderr
    assert inbox.messages == []


def test_dry_run_writes_reproducible_eml_files(site: Path) -> None:
    configure(site, 9)  # nothing listens there: a dry run must not connect
    first = run(site, "--dry-run")
    assert first.returncode == 0, first.stderr
    paths = [Path(line) for line in first.stdout.split()]
    assert [p.parent for p in paths] == [site / "build" / "mail"] * 2
    snapshot = [p.read_bytes() for p in paths]
    second = run(site, "--dry-run", "--period", "all")
    assert [p.read_bytes() for p in paths] == snapshot  # byte-identical: date and ids from content

    message = email.message_from_bytes(snapshot[1], policy=default)
    assert message["To"].addresses[0].addr_spec == "bob@example.net"
    assert message["Date"].datetime.date().isoformat() == "2017-03-23"  # the newest briefing's date
    assert message.is_multipart() and message.get_content_type() == "multipart/mixed"
    text, html, attachments = parts(message)  # type: ignore[arg-type]
    assert "Abu Jandal" in text and "<!doctype html>" in html
    assert attachments[0].get_content() == (site / "build" / "site" / "pdf" / "digest-all.pdf").read_bytes()
    assert second.returncode == 0


def test_unknown_period_and_unbuilt_site_are_one_line_errors(site: Path, tmp_path: Path) -> None:
    configure(site, 9)
    unknown = run(site, "--dry-run", "--period", "1999-W01")
    assert unknown.returncode == 1
    assert "no period '1999-W01'" in unknown.stderr and "known: all" in unknown.stderr

    (tmp_path / "site.yaml").write_text("title: Empty\n", encoding="utf-8")
    unbuilt = run(tmp_path, "--dry-run")
    assert unbuilt.returncode == 1
    assert "briefing build" in unbuilt.stderr
    assert "Traceback" not in unbuilt.stderr
