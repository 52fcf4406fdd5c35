"""Sending alerts once and only once, and the deliveries (standard output, a JSON Lines file, a webhook).

State (table ``alerts``, ``sitrep.store.alerted``), per (rule, subject):

1. An alert never sent is recorded first, status ``sending``, with an idempotency key (the SHA-256 of rule,
   subject and version), in its own committed transaction; then delivered; then marked ``sent``.
2. An alert already ``sent`` is sent again only when its figures moved beyond the threshold
   (``changed``: best or high by at least ``max(2, 25 %)`` of what was sent, or a figure appearing): as an
   *update*, with the next version and a new key.
3. A crash (or a delivery failure) between recording and confirming leaves ``sending``: the next run delivers
   it again **with the same key**, so a receiver that keeps the keys it has seen (the webhook's
   ``Idempotency-Key`` header) drops the repeat. Delivery is at least once; with a deduplicating receiver,
   exactly once.

The webhook: a JSON POST with ``X-Sitrep-Signature: sha256=<hex HMAC-SHA256 of the body>`` (the key from the
environment variable the rules name, ``SITREP_ALERTS_SECRET`` by default) and ``Idempotency-Key``; retried on
a connection error, 429 or 5xx with back-off (1 s, 2 s, 4 s...); its host must resolve to public addresses
only, unless private ones are allowed, and the connection is pinned to a checked address (the fetcher's guard,
``Fetcher.post``), so a DNS answer that changes between the check and the POST is not followed.

E-mail: SMTP (``smtplib``), STARTTLS when the server offers it (``smtp_starttls = "auto"``) or refused without it
(``"required"``); credentials from ``$SITREP_SMTP_USER`` / ``$SITREP_SMTP_PASSWORD``, never sent without TLS.
The message's ``Message-ID`` is made from the idempotency key, so a mail system can drop a repeat too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import smtplib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from sitrep.alerts.evaluate import Alert, evaluate
from sitrep.alerts.rules import Deliveries, Rules
from sitrep.errors import SitrepError
from sitrep.sources.fetch import Fetcher, FetchProblem
from sitrep.store.alerted import AlertRow
from sitrep.store.db import reported, require_schema


class DeliveryError(SitrepError):
    """A delivery failed for good (after its retries): the alert stays 'sending' and is retried next run."""


def changed(sent: int | None, now: int | None) -> bool:
    """Whether a figure moved enough to send an update: appeared, or moved by at least max(2, 25 % of sent)."""
    if now is None:
        return False
    if sent is None:
        return True
    return abs(now - sent) >= max(2, 0.25 * sent)


def idempotency_key(rule: str, subject: str, version: int) -> str:
    return hashlib.sha256(f"{rule}\n{subject}\n{version}".encode()).hexdigest()


def signature(secret: str, body: bytes) -> str:
    """The ``X-Sitrep-Signature`` header's value for ``body``."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@dataclass(slots=True)
class Webhook:
    url: str
    secret: str
    allow_private: bool = False
    attempts: int = 4
    first_wait: float = 1.0
    timeout: float = 10.0
    sleep: Callable[[float], None] = time.sleep

    def post(self, alert: Alert) -> None:
        body = json.dumps(alert.as_json(), ensure_ascii=False, default=str).encode()
        headers = {
            "Content-Type": "application/json",
            "X-Sitrep-Signature": signature(self.secret, body),
            "Idempotency-Key": alert.idempotency_key,
        }
        reason = ""
        # The fetcher's guard: public addresses only (unless allowed), the connection pinned to a checked one.
        with Fetcher(allow_private=self.allow_private, total_timeout=self.timeout, min_interval=0) as client:
            for attempt in range(self.attempts):
                if attempt:
                    self.sleep(self.first_wait * 2 ** (attempt - 1))
                outcome = client.post(self.url, body, headers)
                if isinstance(outcome, FetchProblem):
                    if outcome.kind in ("invalid_url", "refused_address", "dns"):
                        hint = "; --allow-private to allow it" if outcome.kind == "refused_address" else ""
                        raise DeliveryError(f"webhook {self.url}: {outcome.what}{hint}")
                    reason = outcome.what
                    continue
                if 200 <= outcome < 300:
                    return
                reason = f"HTTP {outcome}"
                if outcome != 429 and outcome < 500:
                    break  # the receiver refuses it: sending it again will not help
        raise DeliveryError(f"webhook {self.url}: {reason} (after {attempt + 1} attempt(s))")


@dataclass(slots=True)
class Mailer:
    deliver: Deliveries
    user: str | None = None
    password: str | None = None
    timeout: float = 20.0

    def message(self, alert: Alert) -> EmailMessage:
        message = EmailMessage()
        update = "update: " if alert.version > 0 else ""
        message["Subject"] = f"[sitrep] {update}" + alert.line().split(": ", 1)[1]
        message["From"] = self.deliver.email_from
        message["To"] = ", ".join(self.deliver.email_to)
        message["Message-ID"] = f"<{alert.idempotency_key}@sitrep.alerts>"
        message.set_content(alert.block() + "\n")
        return message

    def send(self, alert: Alert) -> None:
        d = self.deliver
        where = f"e-mail via {d.smtp_host}:{d.smtp_port}"
        try:
            with smtplib.SMTP(d.smtp_host, d.smtp_port, timeout=self.timeout) as smtp:
                smtp.ehlo()
                secure = d.smtp_starttls != "off" and smtp.has_extn("starttls")
                if secure:
                    smtp.starttls(context=ssl.create_default_context())
                    smtp.ehlo()
                elif d.smtp_starttls == "required":
                    raise DeliveryError(
                        f"{where}: the server does not offer STARTTLS (smtp_starttls = required)"
                    )
                if self.user:
                    if not secure:
                        raise DeliveryError(f"{where}: refusing to send the SMTP credentials without TLS")
                    smtp.login(self.user, self.password or "")
                smtp.send_message(self.message(alert))
        except (smtplib.SMTPException, OSError) as problem:
            raise DeliveryError(f"{where}: {type(problem).__name__}: {problem}") from None


@dataclass(slots=True)
class Sender:
    """Delivers one alert everywhere the rules say."""

    deliver: Deliveries
    print_line: Callable[[str], None] = print
    allow_private: bool = False
    webhook_attempts: int = 4
    webhook_wait: float = 1.0
    _webhook: Webhook | None = field(default=None, init=False)
    _mailer: Mailer | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.deliver.email_to:
            user = os.environ.get("SITREP_SMTP_USER")
            self._mailer = Mailer(self.deliver, user, os.environ.get("SITREP_SMTP_PASSWORD"))
        if self.deliver.webhook:
            secret = os.environ.get(self.deliver.webhook_secret_env)
            if not secret:
                raise DeliveryError(
                    f"webhook: set the signing key in the environment variable {self.deliver.webhook_secret_env}"
                )
            self._webhook = Webhook(
                self.deliver.webhook,
                secret,
                self.allow_private,
                attempts=self.webhook_attempts,
                first_wait=self.webhook_wait,
            )

    def send(self, alert: Alert) -> None:
        if self.deliver.stdout:
            self.print_line(alert.line())
        if self.deliver.jsonl is not None:
            try:
                with self.deliver.jsonl.open("a", encoding="utf-8") as out:
                    out.write(json.dumps(alert.as_json(), ensure_ascii=False, default=str) + "\n")
            except OSError as problem:
                raise DeliveryError(
                    f"{self.deliver.jsonl}: cannot write: {problem.strerror or problem}"
                ) from None
        if self._webhook is not None:
            self._webhook.post(alert)
        if self._mailer is not None:
            self._mailer.send(alert)


@dataclass(slots=True)
class RunReport:
    fired: int = 0
    sent: int = 0
    updates: int = 0
    resent: int = 0  # unconfirmed sends delivered again with their key
    failed: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"alerts: {self.fired} firing, {self.sent} sent ({self.updates} updates, {self.resent} repeated "
            f"unconfirmed), {len(self.failed)} failed"
        )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def run_alerts(engine: Engine, rules: Rules, sender: Sender, today: dt.date | None = None) -> RunReport:
    """Evaluates the rules on the store and sends what is new or changed (see the module docstring)."""
    require_schema(engine, create=False)
    report = RunReport()
    with reported(engine.url), Session(engine) as session:
        alerts = evaluate(session, rules, today or _now().date())
        session.rollback()  # the read's transaction: each alert below has its own
        report.fired = len(alerts)
        for alert in alerts:
            row = session.execute(
                select(AlertRow).where(AlertRow.rule == alert.rule, AlertRow.subject == alert.subject)
            ).scalar_one_or_none()
            payload = ""
            if row is None:
                alert.version = 0
            elif row.status == "sending":
                alert.version = row.version  # never confirmed: the same send, the same key
                report.resent += 1
            elif changed(row.best, alert.best) or changed(row.high, alert.high):
                alert.version = row.version + 1
                report.updates += 1
            else:
                continue
            alert.idempotency_key = idempotency_key(alert.rule, alert.subject, alert.version)
            payload = json.dumps(alert.as_json(), ensure_ascii=False, default=str)
            if row is None:
                row = AlertRow(rule=alert.rule, subject=alert.subject)
                session.add(row)
            row.version, row.idempotency_key, row.status = alert.version, alert.idempotency_key, "sending"
            row.low, row.best, row.high, row.payload, row.updated_at = (
                alert.low,
                alert.best,
                alert.high,
                payload,
                _now(),
            )
            session.commit()  # recorded before it leaves: a crash from here on resends with the same key
            try:
                sender.send(alert)
            except DeliveryError as problem:
                report.failed.append(str(problem))
                continue
            row.status = "sent"
            session.commit()
            report.sent += 1
    return report
