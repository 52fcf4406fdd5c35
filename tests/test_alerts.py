"""Alerts (``sitrep.alerts``): rules files, what fires on a store, once-and-only-once sending, the webhook.

The store is built from tests/fixtures/alerts/spike.jsonl (short fictional reports written for these tests, see
make_spike.py there): Kech has one attack a week, then three in the week of 22-28 June; Panjgur has two a
week, then three. Evaluated as on 2025-06-28 with 7-day windows and a baseline of the 2 windows before.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sitrep.alerts import Sender, evaluate, load_rules, run_alerts
from sitrep.alerts.rules import Rule, RulesError
from sitrep.alerts.send import DeliveryError, Webhook, changed
from sitrep.store import open_engine
from sitrep.store.alerted import AlertRow
from tests.commands import sitrep
from tests.web_server import FixtureServer

FIXTURES = Path(__file__).parent / "fixtures" / "alerts"
SPIKE = FIXTURES / "spike.jsonl"
TODAY = dt.date(2025, 6, 28)

RULES = """
[deliver]
stdout = true
jsonl = "sent.jsonl"

[[rule]]
name = "kech-spike"
kind = "spike"
country = "PK"
admin2 = "Kech"
window = 7
baseline = 2

[[rule]]
name = "panjgur-spike"
kind = "spike"
admin2 = "Panjgur"
window = 7
baseline = 2

[[rule]]
name = "deadly"
min_best = 3

[[rule]]
name = "massacre"
min_high = 50
"""


@pytest.fixture(scope="module")
def spike_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture's store, ingested once; each test works on its own copy."""
    from sitrep.jobs.ingest import ingest

    path = tmp_path_factory.mktemp("spike") / "spike.db"
    engine = open_engine(f"sqlite:///{path}")
    try:
        assert ingest([str(SPIKE)], engine).new == 12
    finally:
        engine.dispose()
    return path


@pytest.fixture
def db(spike_db: Path, tmp_path: Path) -> str:
    copy = tmp_path / "store.db"
    copy.write_bytes(spike_db.read_bytes())
    return f"sqlite:///{copy}"


def write_rules(tmp_path: Path, text: str = RULES) -> Path:
    path = tmp_path / "rules.toml"
    path.write_text(text, encoding="utf-8")
    return path


# --- rules files ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[[rule]]\nname = "a"\nmin_best = "five"\n', ["rule 'a'", "min_best", "expected int"]),
        ('[[rule]]\nname = "a"\nkind = "flare"\n', ["rule 'a'", "kind", "'flare'"]),
        ('[[rule]]\nname = "a"\nadmin3 = "x"\n', ["rule 'a'", "admin3", "unknown key"]),
        ('[[rule]]\nname = "a"\ncountry = "Pakistan"\n', ["rule 'a'", "country", "alpha-2"]),
        ('[[rule]]\nkind = "spike"\n', ["rule #1", "name", "missing"]),
        ('[[rule]]\nname = "a"\nwindow = 0\nkind = "spike"\n', ["rule 'a'", "window", "at least 1"]),
        ('[[rule]]\nname = "a"\n[[rule]]\nname = "a"\n', ["rule 'a'", "name", "earlier rule"]),
        ('[[rule]]\nname = "a"\narea = "missing.geojson"\n', ["rule 'a'", "area", "cannot read"]),
        ("[[rule]\nname = 1\n", ["not valid TOML"]),
    ],
)
def test_a_bad_rules_file_is_one_line_naming_file_rule_and_key(
    tmp_path: Path, text: str, words: list[str]
) -> None:
    path = write_rules(tmp_path, text)
    with pytest.raises(RulesError) as caught:
        load_rules(path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(path))
    for word in words:
        assert word in message
    result = sitrep("alerts", "test", str(path), "--db", f"sqlite:///{tmp_path / 'none.db'}")
    assert result.returncode == 2
    assert result.stderr.strip() == f"sitrep: error: {message}"


def test_area_polygon_with_a_hole(tmp_path: Path) -> None:
    square = [[60, 20], [70, 20], [70, 30], [60, 30], [60, 20]]
    hole = [[64, 24], [66, 24], [66, 26], [64, 26], [64, 24]]
    (tmp_path / "area.geojson").write_text(
        json.dumps({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [square, hole]}})
    )
    rule = load_rules(write_rules(tmp_path, '[[rule]]\nname = "a"\narea = "area.geojson"\n')).rules[0]
    assert rule.area is not None
    assert rule.area.contains(21.0, 61.0)
    assert not rule.area.contains(25.0, 65.0)  # in the hole
    assert not rule.area.contains(31.0, 61.0)
    assert not rule.area.contains(None, None)


# --- what fires ----------------------------------------------------------------------------------------------


def fired(db: str, rules_path: Path, today: dt.date = TODAY) -> dict[str, list[str]]:
    engine = open_engine(db)
    try:
        with Session(engine) as session:
            alerts = evaluate(session, load_rules(rules_path), today)
    finally:
        engine.dispose()
    found: dict[str, list[str]] = {}
    for alert in alerts:
        found.setdefault(alert.rule, []).append(alert.subject)
    return found


def test_a_quiet_district_spikes_and_a_busy_one_with_as_many_events_does_not(db: str, tmp_path: Path) -> None:
    found = fired(db, write_rules(tmp_path))
    # Kech: 3 events this week against a median of 1 (threshold max(3, 2)); Panjgur: 3 against 2 (needs 4).
    assert list(found["kech-spike"]) == [f"spike:PK/Kech:{TODAY.toordinal() // 7}"]
    assert "panjgur-spike" not in found
    assert found["deadly"] == ["event:kech-0625#e1"]  # the only event with 3 killed
    assert "massacre" not in found
    # A week later the Kech window holds nothing: no spike.
    assert "kech-spike" not in fired(db, write_rules(tmp_path), TODAY + dt.timedelta(days=7))


def test_spike_on_fatalities_uses_the_same_rule(db: str, tmp_path: Path) -> None:
    rules = write_rules(
        tmp_path,
        '[[rule]]\nname = "k"\nkind = "spike"\nadmin2 = "Kech"\nmeasure = "fatalities"\nwindow = 7\nbaseline = 2\n'
        "factor = 6.0\n",
    )
    # Kech killed 6 this week (2 + 3 + 1) against a median of 1: fires at factor 6, not at 7.
    assert "k" in fired(db, rules)
    assert "k" not in fired(db, write_rules(tmp_path, rules.read_text().replace("6.0", "7.0")))


def test_alerts_test_prints_a_block_per_alert_and_sends_nothing(db: str, tmp_path: Path) -> None:
    rules = write_rules(tmp_path)
    result = sitrep("alerts", "test", str(rules), "--db", db, "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "alert: deadly: Remote explosive/landmine/IED" in out
    assert "Tump, Kech, Balochistan, PK, 2025-06-25, killed low/best/high 3/3/3" in out
    assert "    deputy commissioner  killed 3 (2025-06-25)\n    deputy commissioner  injured 4" in out
    assert 'quote (deputy commissioner): "TUMP, June 25 — Three people were killed' in out
    assert "link: https://example.org/fixture/kech-0625" in out
    assert "dashboard: http://127.0.0.1:8000/#event=kech-0625%23e1" in out
    assert "threshold: 3 = max(3, 2 × 1)" in out
    assert out.rstrip().endswith(f"2 alert(s) would fire (4 rule(s) in {rules})")
    assert not (tmp_path / "sent.jsonl").exists()
    engine = open_engine(db)
    try:
        with Session(engine) as session:
            assert session.execute(select(AlertRow)).all() == []
    finally:
        engine.dispose()


def test_a_rejected_event_does_not_fire(db: str, tmp_path: Path) -> None:
    from sitrep.store.review import ReviewWriter

    engine = open_engine(db)
    try:
        with Session(engine) as session:
            ReviewWriter(session).judge("kech-0625#e1", "rejected", "tester", "not an attack")
            session.commit()
    finally:
        engine.dispose()
    found = fired(db, write_rules(tmp_path))
    assert "deadly" not in found
    assert "kech-spike" not in found  # two events left this week: below 3


# --- once and only once --------------------------------------------------------------------------------------


def lines_of(path: Path) -> list[dict]:
    return (
        [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []
    )


def test_a_restart_does_not_resend(db: str, tmp_path: Path) -> None:
    rules = write_rules(tmp_path)
    args = ("alerts", "run", str(rules), "--db", db, "--today", TODAY.isoformat())
    first = sitrep(*args)
    assert first.returncode == 0, first.stderr
    assert "alerts: 2 firing, 2 sent (0 updates" in first.stdout
    sent = lines_of(tmp_path / "sent.jsonl")
    assert sorted(a["rule"] for a in sent) == ["deadly", "kech-spike"]
    assert all(not a["update"] and len(a["idempotency_key"]) == 64 for a in sent)
    again = sitrep(*args)  # a new process: only the database remembers
    assert again.returncode == 0, again.stderr
    assert "alerts: 2 firing, 0 sent" in again.stdout
    assert len(lines_of(tmp_path / "sent.jsonl")) == 2


def set_rows(db: str, **values: object) -> None:
    engine = open_engine(db)
    try:
        with engine.begin() as connection:
            connection.execute(update(AlertRow).where(AlertRow.rule == "deadly").values(**values))
    finally:
        engine.dispose()


def run(db: str, rules: Path, sender: Sender | None = None):  # noqa: ANN201 - a RunReport
    engine = open_engine(db)
    try:
        loaded = load_rules(rules)
        return run_alerts(engine, loaded, sender or Sender(loaded.deliver, print_line=lambda _: None), TODAY)
    finally:
        engine.dispose()


def test_changed_figures_send_an_update_and_small_changes_do_not(db: str, tmp_path: Path) -> None:
    rules = write_rules(tmp_path)
    assert run(db, rules).sent == 2
    set_rows(db, best=2, high=2)  # as if sent when the toll was 2: 3 is not far enough from it
    assert run(db, rules).sent == 0
    set_rows(db, best=1, high=1)  # sent at 1: 3 is an update
    report = run(db, rules)
    assert (report.sent, report.updates) == (1, 1)
    update_line = lines_of(tmp_path / "sent.jsonl")[-1]
    assert update_line["update"] is True and update_line["version"] == 1
    first = next(a for a in lines_of(tmp_path / "sent.jsonl") if a["rule"] == "deadly")
    assert update_line["rule"] == "deadly" and update_line["idempotency_key"] != first["idempotency_key"]
    assert run(db, rules).sent == 0
    # At least max(2, 25 % of what was sent): 10 → 12 is not enough (2.5 needed), 10 → 13 is.
    assert (changed(10, 12), changed(10, 13), changed(None, 1), changed(4, None)) == (
        False,
        True,
        True,
        False,
    )
    assert (changed(100, 124), changed(100, 125)) == (False, True)


def test_a_crash_after_recording_resends_with_the_same_key(db: str, tmp_path: Path) -> None:
    rules = write_rules(tmp_path)
    assert run(db, rules).sent == 2
    first = {a["rule"]: a["idempotency_key"] for a in lines_of(tmp_path / "sent.jsonl")}
    set_rows(db, status="sending")  # the process died after sending, before recording it as sent
    report = run(db, rules)
    assert (report.sent, report.resent) == (1, 1)
    repeat = lines_of(tmp_path / "sent.jsonl")[-1]
    assert repeat["rule"] == "deadly" and repeat["idempotency_key"] == first["deadly"]
    assert run(db, rules).sent == 0


# --- the webhook, to a real receiver on loopback ---------------------------------------------------------------


class Receiver(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), ReceiverHandler)
        self.statuses: list[int] = []  # answers to give first, then 200
        self.received: list[tuple[dict[str, str], bytes]] = []


class ReceiverHandler(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
        status = self.server.statuses.pop(0) if self.server.statuses else 200
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def webhook_rules(tmp_path: Path, receiver: Receiver) -> Path:
    url = f"http://127.0.0.1:{receiver.server_address[1]}/hook"
    return write_rules(tmp_path, RULES.replace('jsonl = "sent.jsonl"', f'webhook = "{url}"'))


def test_webhook_is_signed_retried_and_carries_the_key(
    db: str, tmp_path: Path, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITREP_ALERTS_SECRET", "s3cret")
    loaded = load_rules(webhook_rules(tmp_path, receiver))
    waits: list[float] = []
    sender = Sender(loaded.deliver, print_line=lambda _: None, allow_private=True)
    assert sender._webhook is not None
    sender._webhook.sleep = waits.append
    receiver.statuses = [503, 503]  # the first alert goes through at the third attempt
    report = run(db, loaded.path, sender)
    assert (report.sent, report.failed) == (2, [])
    assert waits == [1.0, 2.0]
    assert len(receiver.received) == 4
    for headers, body in receiver.received:
        expected = "sha256=" + hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
        assert headers["x-sitrep-signature"] == expected
        assert headers["idempotency-key"] == json.loads(body)["idempotency_key"]
    assert len({h["idempotency-key"] for h, _ in receiver.received}) == 2  # the retries repeat the key


def test_webhook_that_keeps_failing_leaves_the_alert_to_resend(
    db: str, tmp_path: Path, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITREP_ALERTS_SECRET", "s3cret")
    rules = webhook_rules(tmp_path, receiver)
    receiver.statuses = [400]  # refused: not retried
    result = sitrep("alerts", "run", str(rules), "--db", db, "--today", TODAY.isoformat(), "--allow-private")
    assert result.returncode == 1
    assert "webhook http://127.0.0.1:" in result.stderr and "HTTP 400 (after 1 attempt(s))" in result.stderr
    assert "Traceback" not in result.stderr
    keys = [h["idempotency-key"] for h, _ in receiver.received]
    again = sitrep("alerts", "run", str(rules), "--db", db, "--today", TODAY.isoformat(), "--allow-private")
    assert again.returncode == 0, again.stderr
    assert "1 repeated unconfirmed" in again.stdout
    assert keys[0] == receiver.received[-1][0]["idempotency-key"]  # the receiver can drop it if it had it


def test_webhook_to_a_private_address_is_refused_unless_allowed(
    db: str, tmp_path: Path, receiver: Receiver
) -> None:
    rules = webhook_rules(tmp_path, receiver)
    missing = sitrep("alerts", "run", str(rules), "--db", db, "--today", TODAY.isoformat())
    assert missing.returncode == 1
    assert missing.stderr == (
        "sitrep: error: webhook: set the signing key in the environment variable SITREP_ALERTS_SECRET\n"
    )
    refused = sitrep(
        "alerts",
        "run",
        str(rules),
        "--db",
        db,
        "--today",
        TODAY.isoformat(),
        env={"SITREP_ALERTS_SECRET": "k"},
    )
    assert refused.returncode == 1
    assert "refused address 127.0.0.1 (loopback); --allow-private to allow it" in refused.stderr
    assert receiver.received == []
    engine = open_engine(db)
    try:
        with Session(engine) as session:
            alert = evaluate(session, load_rules(rules), TODAY)[0]
    finally:
        engine.dispose()
    with pytest.raises(DeliveryError, match="only http and https"):
        Webhook("ftp://example.org/x", "k").post(alert)


# --- hooks ---------------------------------------------------------------------------------------------------


def test_ingest_with_alerts_sends_once_across_runs(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'hook.db'}"
    # Rules with no date bound that matter here: the fixture's dates are in 2025, so look back far enough.
    rules = write_rules(
        tmp_path, '[deliver]\njsonl = "sent.jsonl"\n[[rule]]\nname = "d"\nmin_best = 3\ndays = 100000\n'
    )
    first = sitrep("ingest", "-q", "--db", db, "--alerts", str(rules), str(SPIKE))
    assert first.returncode == 0, first.stderr
    assert "alert: d: Remote explosive/landmine/IED" in first.stdout
    again = sitrep("ingest", "-q", "--db", db, "--alerts", str(rules), str(SPIKE))
    assert again.returncode == 0, again.stderr
    assert "12 already stored" in again.stdout and "alerts: 1 firing, 0 sent" in again.stdout
    assert [a["subject"] for a in lines_of(tmp_path / "sent.jsonl")] == ["event:kech-0625#e1"]


@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_migration_creates_exactly_the_alerts_table(store_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from sitrep.store.db import upgrade

    def ours(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
        table = obj if type_ == "table" else getattr(obj, "table", None)
        return getattr(table, "name", name) == AlertRow.__tablename__

    engine = open_engine(store_url)
    try:
        upgrade(engine)
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"include_object": ours})
            assert compare_metadata(context, AlertRow.metadata) == []
    finally:
        engine.dispose()


def test_rule_defaults_are_the_documented_ones() -> None:
    rule = Rule(name="x")
    assert (rule.kind, rule.days, rule.window, rule.baseline, rule.at_least, rule.factor) == (
        "event",
        30,
        7,
        4,
        3,
        2.0,
    )


def test_once_only_on_each_database(store_url: str, tmp_path: Path) -> None:
    """The state's reads and writes on SQLite and PostgreSQL: sent once, an unconfirmed one again, then none."""
    from sitrep.jobs.ingest import ingest

    engine = open_engine(store_url)
    try:
        assert ingest([str(SPIKE)], engine).new == 12
    finally:
        engine.dispose()
    rules = write_rules(tmp_path)
    assert run(store_url, rules).sent == 2
    assert run(store_url, rules).sent == 0
    set_rows(store_url, status="sending")
    assert (run(store_url, rules).resent, run(store_url, rules).sent) == (1, 0)
    assert [a["rule"] for a in lines_of(tmp_path / "sent.jsonl")].count("deadly") == 2


def test_the_readme_shows_what_the_examples_fire(tmp_path: Path) -> None:
    """The README's rules file and `alerts test` output, run on the bundled examples."""
    import re

    from sitrep.jobs.ingest import ingest

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Alerts:", 1)[1]
    rules_text = re.search(r"```toml\n(.*?)```", section, re.S)
    shown = re.search(
        r"\$ sitrep alerts test rules.toml --today 2025-04-10\n(.*?)\$ sitrep alerts run", section, re.S
    )
    assert rules_text and shown
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    engine = open_engine(db)
    try:
        ingest([str(Path(__file__).parents[1] / "sitrep" / "examples")], engine)
    finally:
        engine.dispose()
    (tmp_path / "rules.toml").write_text(rules_text.group(1), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sitrep", "alerts", "test", "rules.toml", "--db", db, "--today", "2025-04-10"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == shown.group(1)


# --- e-mail, to a real SMTP server on loopback (aiosmtpd) ------------------------------------------------------


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, list]]:
    pytest.importorskip("aiosmtpd")
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    received: list = []

    class Keep(Message):
        def handle_message(self, message: object) -> None:
            received.append(message)

    import socket

    with socket.socket() as probe:  # a free port: the controller checks its server by connecting to it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, received
    finally:
        controller.stop()


def mail_rules(tmp_path: Path, port: int, starttls: str = "auto") -> Path:
    deliver = (
        f'email_to = ["desk@example.org"]\nemail_from = "sitrep@example.org"\nsmtp_host = "127.0.0.1"\n'
        f'smtp_port = {port}\nsmtp_starttls = "{starttls}"'
    )
    return write_rules(tmp_path, RULES.replace('jsonl = "sent.jsonl"', deliver))


def test_email_carries_the_alert_block(db: str, tmp_path: Path, smtp_server: tuple[int, list]) -> None:
    port, received = smtp_server
    report = run(db, mail_rules(tmp_path, port))
    assert (report.sent, report.failed) == (2, [])
    assert len(received) == 2
    deadly = next(m for m in received if "deadly" in m["Subject"])
    assert deadly["Subject"].startswith("[sitrep] deadly: Remote explosive/landmine/IED")
    assert deadly["To"] == "desk@example.org" and deadly["From"] == "sitrep@example.org"
    body = deadly.get_payload(decode=True).decode()
    assert (
        "deputy commissioner  killed 3" in body
        and "dashboard: http://127.0.0.1:8000/#event=kech-0625%23e1" in body
    )
    engine = open_engine(db)
    try:
        with Session(engine) as session:
            key = session.execute(
                select(AlertRow.idempotency_key).where(AlertRow.rule == "deadly")
            ).scalar_one()
    finally:
        engine.dispose()
    assert deadly["Message-ID"] == f"<{key}@sitrep.alerts>"
    assert run(db, mail_rules(tmp_path, port)).sent == 0 and len(received) == 2


def test_email_without_starttls_when_required_or_with_credentials_is_refused(
    db: str, tmp_path: Path, smtp_server: tuple[int, list], monkeypatch: pytest.MonkeyPatch
) -> None:
    port, received = smtp_server  # this server offers no STARTTLS
    report = run(db, mail_rules(tmp_path, port, "required"))
    assert report.sent == 0
    assert report.failed[0] == (
        f"e-mail via 127.0.0.1:{port}: the server does not offer STARTTLS (smtp_starttls = required)"
    )
    monkeypatch.setenv("SITREP_SMTP_USER", "analyst")
    monkeypatch.setenv("SITREP_SMTP_PASSWORD", "pw")
    report = run(db, mail_rules(tmp_path, port))
    assert report.failed[0].endswith("refusing to send the SMTP credentials without TLS")
    assert received == []


def test_watch_with_alerts_sends_after_the_round_and_not_again_after_a_restart(
    server: FixtureServer, tmp_path: Path
) -> None:
    """Two `watch --once` processes (a restart): the alert goes once, the second round finds it sent."""
    from email.utils import format_datetime

    reports = [json.loads(line) for line in SPIKE.read_text(encoding="utf-8").splitlines()]
    items = "".join(
        f"<item><title>{r['title']}</title><guid isPermaLink='false'>{r['id']}</guid>"
        f"<pubDate>{format_datetime(dt.datetime.fromisoformat(r['published'] + 'T08:00:00+00:00'))}</pubDate>"
        f"<description>{r['text']}</description></item>"  # no link: the description is the article
        for r in reports
        if r["id"].startswith("kech")
    )
    body = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>K</title>{items}</channel></rss>'.encode()
    )
    server.routes["/feeds/kech.rss"] = lambda handler: handler.send(200, body, "application/rss+xml")
    db = f"sqlite:///{tmp_path / 'watch.db'}"
    rules = write_rules(
        tmp_path, '[deliver]\njsonl = "sent.jsonl"\n[[rule]]\nname = "d"\nmin_best = 3\ndays = 100000\n'
    )
    args = (
        "watch",
        "--once",
        "--allow-private",
        "--db",
        db,
        "--alerts",
        str(rules),
        f"{server.base}/feeds/kech.rss",
    )
    first = sitrep(*args)
    assert first.returncode == 0, first.stderr
    assert "alerts: 1 firing, 1 sent" in first.stdout
    again = sitrep(*args)
    assert again.returncode == 0, again.stderr
    assert "alerts: 1 firing, 0 sent" in again.stdout
    assert [a["subject"] for a in lines_of(tmp_path / "sent.jsonl")] == ["event:kech-0625#e1"]


def test_the_api_lists_recent_alerts(db: str, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from sitrep.api.app import create_app

    with TestClient(create_app(db, token_digests=[], cache_max_age=0)) as client:
        assert client.get("/api/alerts").json() == {"total": 0, "alerts": []}
        run(db, write_rules(tmp_path))
        answer = client.get("/api/alerts", params={"limit": 1}).json()
    assert answer["total"] == 2 and len(answer["alerts"]) == 1
    latest = answer["alerts"][0]
    assert latest["rule"] == "deadly" and latest["status"] == "sent"  # sent after the spike
    assert latest["figures"] == {"low": 3, "best": 3, "high": 3}
    assert latest["claimants"][0]["claimant"] == "deputy commissioner"
    assert latest["dashboard"].endswith("#event=kech-0625%23e1")
