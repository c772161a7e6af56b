"""The digest email: one period's briefings as text + HTML, with the digest PDF attached.

Mail is composed from the *built* site (`briefings.json` and `pdf/digest-<period>.pdf`), never from
a fresh extraction, so what readers receive is exactly what is published. Article text is
untrusted: the HTML part is rendered by Jinja with autoescaping, only http(s) URLs become links,
and styles are inline attributes (mail clients drop <style> and never load external CSS).

Two modes:

- dry run (`.eml` files): reproducible. Date is the newest briefing's date (00:00 UTC), and the
  Message-ID and MIME boundaries are derived from a hash of the content, so the same build gives
  byte-identical files that can be diffed or committed;
- real send: Date is now and the Message-ID comes from `email.utils.make_msgid`, as RFC 5322
  expects of a message that is actually sent.

Each recipient gets their own copy (one `To:` each), so a list of readers never sees each other.
The SMTP password is only ever read from the environment variable named by `mail.password_env`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import json
import os
import re
import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, getaddresses, make_msgid
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from .config import MailConfig, SiteConfig
from .errors import BriefingError
from .model import Briefing, Period
from .relate import group_periods
from .render.html import briefing_path, digest_pdf_path
from .render.templates import safe_url

DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
DRY_RUN_SENDER = "briefing@localhost"
UNDISCLOSED = "undisclosed-recipients:;"


class MailError(BriefingError):
    """The digest email cannot be composed or sent (no build, bad address, SMTP failure)."""


@dataclass(frozen=True)
class Digest:
    """What one email is about: a period and its briefings (newest first), from the built site."""

    period: Period
    briefings: list[Briefing]
    pdf: Path | None  # the built digest PDF, None when PDFs are disabled


@dataclass(frozen=True)
class SendReport:
    recipients: list[str]
    refused: dict[str, str]  # recipient -> the server's reason
    server: str


# --- reading the built site --------------------------------------------------------------------


def load_briefings(site_dir: Path) -> list[Briefing]:
    """The briefings as published; an unbuilt site is an error the user fixes by building."""
    path = site_dir / "briefings.json"
    if not path.is_file():
        raise MailError("no built site here: run `briefing build` first (or pass --build)", str(site_dir))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Briefing.from_dict(item) for item in data]
    except (ValueError, TypeError, KeyError) as exc:
        raise MailError(f"cannot read the built briefings ({exc}): rebuild the site", str(path)) from None


def find_digest(config: SiteConfig, site_dir: Path, period_key: str | None) -> Digest:
    """The period to mail (default: the newest) with its briefings and its built PDF."""
    briefings = load_briefings(site_dir)
    periods = group_periods(briefings, config.digest.period)
    if not periods:
        raise MailError("the site has no briefings to mail", str(site_dir / "briefings.json"))
    if period_key is None:
        period = periods[0]
    else:
        period = next((p for p in periods if p.key == period_key), None)
        if period is None:
            known = ", ".join(p.key for p in periods)
            raise MailError(f"no period '{period_key}' in the built site (known: {known})")
    by_slug = {b.slug: b for b in briefings}
    pdf = None
    if config.pdf.enabled:
        pdf = site_dir / digest_pdf_path(period.key)
        if not pdf.is_file():
            raise MailError(
                "digest PDF missing: run `briefing build` with PDFs enabled (or pass --build)", str(pdf)
            )
    return Digest(period, [by_slug[s] for s in period.briefings], pdf)


# --- composing ---------------------------------------------------------------------------------


def site_link(config: SiteConfig, path: str) -> str | None:
    """Absolute URL of a page of the published site; None without a usable base_url."""
    base = safe_url(config.base_url)
    return base.rstrip("/") + "/" + path if base else None


def message_domain(config: SiteConfig) -> str:
    """The right-hand side of Message-IDs: configured, else the sender's, else base_url's host."""
    if config.mail.domain:
        return config.mail.domain
    addresses = getaddresses([config.mail.sender]) if config.mail.sender else []
    if addresses and "@" in addresses[0][1]:
        return addresses[0][1].rsplit("@", 1)[1]
    host = urlsplit(config.base_url).hostname if config.base_url else None
    return host or "localhost"


def subject(config: SiteConfig, period: Period) -> str:
    return f"{config.digest.title}: {period.label}"


def text_body(config: SiteConfig, digest: Digest) -> str:
    """The plain-text alternative: readable in any client, links spelled out."""
    lines = [subject(config, digest.period), ""]
    count = len(digest.briefings)
    lines += [f"{count} briefing{'s' if count != 1 else ''} from {config.title}.", ""]
    for number, briefing in enumerate(digest.briefings, 1):
        meta = " · ".join(x for x in (_date(briefing), briefing.source) if x)
        lines += [f"{number}. {_one_line(briefing.title)}", f"   {meta}"]
        if briefing.summary:
            lines += ["", *_indent(" ".join(briefing.summary))]
        link = site_link(config, briefing_path(briefing.slug))
        if link:
            lines += ["", f"   Read: {link}"]
        lines.append("")
    if digest.pdf is not None:
        lines.append(f"The full digest is attached as {digest.pdf.name}.")
    unsubscribe = config.mail.list_unsubscribe
    if unsubscribe:
        lines.append(f"Unsubscribe: {unsubscribe}")
    return "\n".join(lines).rstrip() + "\n"


HTML_TEMPLATE = """\
<!doctype html>
<html lang="{{ config.language }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title></head>
<body style="margin:0;padding:0;background:#f4f4f2;">
<div style="max-width:640px;margin:0 auto;padding:24px 16px;font-family:Georgia,'Times New Roman',serif;\
color:#1f2328;line-height:1.5;">
<p style="margin:0 0 4px;font:600 13px/1.4 Arial,Helvetica,sans-serif;color:#59636e;\
text-transform:uppercase;letter-spacing:.05em;">{{ config.title }}</p>
<h1 style="margin:0 0 16px;font-size:24px;line-height:1.25;">{{ title }}</h1>
<p style="margin:0 0 24px;color:#59636e;">{{ count }} briefing{{ "s" if count != 1 }}.\
{% if pdf_name %} The full digest is attached as {{ pdf_name }}.{% endif %}</p>
{% for item in items %}
<div style="margin:0 0 16px;padding:16px;background:#ffffff;border:1px solid #d1d9e0;border-radius:6px;">
<h2 style="margin:0 0 4px;font-size:18px;line-height:1.3;">\
{% if item.link %}<a href="{{ item.link }}" style="color:#0b4f8a;text-decoration:none;">{{ item.title }}</a>\
{% else %}{{ item.title }}{% endif %}</h2>
<p style="margin:0 0 8px;font:13px/1.4 Arial,Helvetica,sans-serif;color:#59636e;">{{ item.meta }}</p>
{% if item.summary %}<p style="margin:0;">{{ item.summary }}</p>{% endif %}
{% if item.source_url %}<p style="margin:8px 0 0;font:13px/1.4 Arial,Helvetica,sans-serif;">\
<a href="{{ item.source_url }}" style="color:#59636e;">Original article</a></p>{% endif %}
</div>
{% endfor %}
{% if unsubscribe %}<p style="margin:24px 0 0;font:12px/1.4 Arial,Helvetica,sans-serif;color:#59636e;">\
<a href="{{ unsubscribe }}" style="color:#59636e;">Unsubscribe</a></p>{% endif %}
</div>
</body>
</html>
"""

_ENV = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def html_body(config: SiteConfig, digest: Digest) -> str:
    """The HTML alternative; every article-derived string goes through Jinja's autoescape."""
    items = [
        {
            "title": briefing.title,
            "meta": " · ".join(x for x in (_date(briefing), briefing.source) if x),
            "summary": " ".join(briefing.summary),
            "link": site_link(config, briefing_path(briefing.slug)),
            "source_url": safe_url(briefing.url),
        }
        for briefing in digest.briefings
    ]
    unsubscribe = config.mail.list_unsubscribe
    return _ENV.from_string(HTML_TEMPLATE).render(
        config=config,
        title=subject(config, digest.period),
        count=len(items),
        items=items,
        pdf_name=digest.pdf.name if digest.pdf else None,
        unsubscribe=unsubscribe if _unsubscribe_ok(unsubscribe) else None,
    )


def compose(
    config: SiteConfig, digest: Digest, recipient: str | None, *, now: dt.datetime | None = None
) -> EmailMessage:
    """One recipient's message. `now=None` composes the reproducible (dry-run) form."""
    msg = EmailMessage(policy=SMTP)
    msg["Subject"] = subject(config, digest.period)
    msg["From"] = _address(config.mail.sender or DRY_RUN_SENDER, "mail.sender")
    msg["To"] = _address(recipient, "mail.to") if recipient else UNDISCLOSED
    msg["Date"] = format_datetime(now or _reproducible_date(digest))
    text, html = text_body(config, digest), html_body(config, digest)
    seed = _seed(config, digest, recipient, text, html)
    domain = message_domain(config)
    msg["Message-ID"] = (
        make_msgid(f"digest-{digest.period.key}", domain)
        if now
        else f"<digest-{digest.period.key}.{seed[:24]}@{domain}>"
    )
    if config.mail.list_unsubscribe:
        if not _unsubscribe_ok(config.mail.list_unsubscribe):
            raise MailError("mail.list_unsubscribe must be a mailto:, http: or https: URL")
        msg["List-Unsubscribe"] = f"<{config.mail.list_unsubscribe}>"
        if config.mail.list_unsubscribe.startswith(("http:", "https:")):
            msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058
    msg.set_content(text, subtype="plain", cte="quoted-printable")
    msg.add_alternative(html, subtype="html", cte="quoted-printable")
    if digest.pdf is not None:
        msg.add_attachment(
            digest.pdf.read_bytes(), maintype="application", subtype="pdf", filename=digest.pdf.name
        )
    if now is None:
        _fix_boundaries(msg, seed)
    return msg


def _fix_boundaries(msg: EmailMessage, seed: str) -> None:
    """Replace the random MIME boundaries with ones derived from the content (dry runs only)."""
    for number, part in enumerate(p for p in msg.walk() if p.is_multipart()):
        part.set_boundary(f"=_briefing_{seed[:32]}_{number}")


def _seed(config: SiteConfig, digest: Digest, recipient: str | None, text: str, html: str) -> str:
    digest_hash = hashlib.sha256()
    for piece in (config.mail.sender, recipient or "", digest.period.key, text, html):
        digest_hash.update(piece.encode("utf-8") + b"\0")
    if digest.pdf is not None:
        digest_hash.update(digest.pdf.read_bytes())
    return digest_hash.hexdigest()


def _reproducible_date(digest: Digest) -> dt.datetime:
    dates = [b.date for b in digest.briefings if b.date]
    day = max(dates) if dates else dt.date(1970, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _address(value: str, option_name: str) -> Address:
    """Parse one address strictly: a typo in site.yaml should fail here, not at the SMTP server."""
    parsed = getaddresses([value]) if value else []
    if len(parsed) != 1 or not re.fullmatch(r"[^@\s]+@[^@\s]+", parsed[0][1]):
        raise MailError(f"option '{option_name}': not an email address: {value!r}")
    name, addr = parsed[0]
    local, domain = addr.rsplit("@", 1)
    return Address(display_name=name, username=local, domain=domain)


def _unsubscribe_ok(value: str) -> bool:
    return bool(value) and urlsplit(value).scheme.lower() in ("mailto", "http", "https")


def _date(briefing: Briefing) -> str:
    return briefing.date.isoformat() if briefing.date else "undated"


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _indent(paragraph: str, width: int = 76) -> list[str]:
    """Wrap a paragraph at `width` columns, indented to sit under its numbered title."""
    lines, current = [], ""
    for word in paragraph.split():
        if current and len(current) + 1 + len(word) > width - 3:
            lines.append("   " + current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append("   " + current)
    return lines


# --- writing and sending -----------------------------------------------------------------------


def eml_name(period_key: str, recipient: str | None, number: int) -> str:
    if recipient is None:
        return f"digest-{period_key}.eml"
    safe = re.sub(r"[^A-Za-z0-9.@_-]+", "_", _address(recipient, "mail.to").addr_spec)
    return f"digest-{period_key}.{number:03d}.{safe}.eml"


def write_eml(config: SiteConfig, digest: Digest, mail_dir: Path) -> list[Path]:
    """Dry run: one reproducible .eml per recipient (one without To when none is configured)."""
    mail_dir.mkdir(parents=True, exist_ok=True)
    recipients: list[str | None] = list(config.mail.to) or [None]
    written = []
    for number, recipient in enumerate(recipients, 1):
        path = mail_dir / eml_name(digest.period.key, recipient, number)
        path.write_bytes(compose(config, digest, recipient).as_bytes())
        written.append(path)
    return written


def connect(mail: MailConfig) -> smtplib.SMTP:
    """Open the SMTP session the config asks for; STARTTLS is required, never opportunistic."""
    port = mail.port or DEFAULT_PORTS[mail.security]
    where = f"{mail.host}:{port}"
    try:
        if mail.security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                mail.host, port, timeout=mail.timeout, context=ssl.create_default_context()
            )
        else:
            smtp = smtplib.SMTP(mail.host, port, timeout=mail.timeout)
        smtp.ehlo()
        if mail.security == "starttls":
            if not smtp.has_extn("starttls"):
                smtp.close()
                raise MailError(f"{where} does not offer STARTTLS (set mail.security to match the server)")
            smtp.starttls(context=ssl.create_default_context())
            smtp.ehlo()
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(f"cannot connect to SMTP server {where}: {exc}") from None
    return smtp


def login(smtp: smtplib.SMTP, mail: MailConfig) -> None:
    """AUTH with the password from the environment; refuses to send it in clear over the network."""
    if not mail.username:
        return
    password = os.environ.get(mail.password_env)
    if not password:
        raise MailError(f"mail.username is set but the environment variable {mail.password_env} is empty")
    if mail.security == "none" and not _is_loopback(mail.host):
        raise MailError(f"refusing to send the SMTP password unencrypted to {mail.host}: use starttls or ssl")
    try:
        smtp.login(mail.username, password)
    except smtplib.SMTPException as exc:
        raise MailError(f"SMTP login as {mail.username!r} failed: {exc}") from None


def send(config: SiteConfig, digest: Digest, *, now: dt.datetime | None = None) -> SendReport:
    """Send one copy per recipient in one SMTP session; refused recipients are reported, not fatal."""
    mail = config.mail
    if not mail.sender:
        raise MailError("set mail.sender in site.yaml before sending")
    if not mail.to:
        raise MailError("set mail.to (a list of recipients) in site.yaml before sending")
    moment = now or dt.datetime.now(dt.UTC)
    messages = [(recipient, compose(config, digest, recipient, now=moment)) for recipient in mail.to]
    refused: dict[str, str] = {}
    smtp = connect(mail)
    try:
        login(smtp, mail)
        for recipient, message in messages:
            try:
                smtp.send_message(message)
            except smtplib.SMTPRecipientsRefused as exc:
                refused.update({r: _reason(v) for r, v in exc.recipients.items()})
            except smtplib.SMTPResponseException as exc:
                refused[recipient] = _reason((exc.smtp_code, exc.smtp_error))
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(f"sending failed: {exc}") from None
    finally:
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()
    port = mail.port or DEFAULT_PORTS[mail.security]
    return SendReport(list(mail.to), refused, f"{mail.host}:{port}")


def _reason(value: tuple[int, bytes | str]) -> str:
    code, text = value
    return f"{code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}"


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(socket.gethostbyname(host)).is_loopback
    except (OSError, ValueError):
        return False
