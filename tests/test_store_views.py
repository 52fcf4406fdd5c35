"""The store's views for other tools (``events_current``, ``claims_current``, migration 0012), on SQLite and on
PostgreSQL: for a store built from the examples and reviewed through the API (an edit, a rejection, a merge, a
split, an undo, then an article merging into a reviewed event), their rows are what the exports give, in plain
columns of the declared types."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from sitrep.api.app import create_app
from sitrep.jobs.ingest import ingest
from sitrep.resolve.flat import record
from sitrep.store.db import open_engine
from sitrep.store.review import Filters, ReviewedReader, token_digest
from sitrep.store.review.tables import CURRENT_COLUMNS
from tests.test_api import AUTH, SECOND_TURBAT_REPORT, TOKEN, TURBAT_IED, event_url, ingest_examples

# The claims view's columns and the ``SourcedClaim`` value each one shows.
CLAIM_COLUMNS: dict[str, Any] = {
    "event_id": None,  # the event holding the claim
    "outcome": lambda c: c.outcome,
    "victim": lambda c: c.victim,
    "victim_text": lambda c: c.victim_text,
    "count_low": lambda c: c.count.low,
    "count_high": lambda c: c.count.high,
    "count_text": lambda c: c.count.text,
    "approximate": lambda c: c.count.approximate,
    "claimant_name": lambda c: c.claimant.name,
    "claimant_kind": lambda c: c.claimant.kind,
    "claimant_text": lambda c: c.claimant.text,
    "stance": lambda c: c.stance,
    "verified": lambda c: c.verified,
    "quote": lambda c: c.quote,
    "background": lambda c: c.background,
    "article_id": lambda c: c.article_id,
    "published": lambda c: c.published,
    "source": lambda c: c.source,
    "url": lambda c: c.url,
    "superseded_by": lambda c: c.superseded_by,
}
CLAIM_TYPES = {
    "count_low": int,
    "count_high": int,
    "approximate": bool,
    "verified": bool,
    "background": bool,
    "published": dt.date,
}
# The flat export has no review columns: the API's list gives those.
REVIEW_COLUMNS = {"review_status", "corrected"}


@pytest.fixture
def api(store_url: str) -> Iterator[TestClient]:
    ingest_examples(store_url)
    app = create_app(store_url, token_digests=[token_digest(TOKEN)], cache_max_age=0)
    with TestClient(app) as client:
        yield client


@pytest.fixture
def engine(store_url: str) -> Iterator[Engine]:
    engine = open_engine(store_url)
    yield engine
    engine.dispose()


def post(api: TestClient, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = api.post(path, json=body, headers=AUTH)
    assert response.status_code == 200, response.text
    return response.json()


def _plain(value: Any) -> Any:
    """A value as both databases and the exports can be compared on: dates as ISO text."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _view(engine: Engine, name: str) -> dict[str, dict[str, Any]]:
    with engine.connect() as connection:
        rows = connection.execute(text(f"SELECT * FROM {name}")).mappings().all()
    out = {row["id"]: {k: _plain(v) for k, v in row.items() if k != "id"} for row in rows}
    assert len(out) == len(rows), f"{name}: one row per id"
    return out


def _booleans(row: dict[str, Any], names: Any) -> dict[str, Any]:
    """SQLite gives booleans as 0/1."""
    return {k: (None if v is None else bool(v)) if k in names else v for k, v in row.items()}


def assert_views_are_the_export(api: TestClient, engine: Engine) -> None:
    with Session(engine) as session:
        exported = list(ReviewedReader(session).stream(Filters()))
    listed = {e["id"]: e for e in api.get("/api/events", params={"limit": 1000}).json()["events"]}
    assert set(listed) == {e.id for e in exported}

    events = _view(engine, "events_current")
    assert set(events) == set(listed)
    for event in exported:
        flat = record(event)
        want = {name: _plain(flat[name]) for name, _kind in CURRENT_COLUMNS if name not in REVIEW_COLUMNS}
        want |= {"review_status": listed[event.id]["status"], "corrected": listed[event.id]["corrected"]}
        assert _booleans(events[event.id], {"corrected"}) == want, event.id

    claims = _view(engine, "claims_current")
    want_claims = {
        claim.id: {
            name: event.id if show is None else _plain(show(claim)) for name, show in CLAIM_COLUMNS.items()
        }
        for event in exported
        for claim in event.claims
    }
    booleans = {name for name, kind in CLAIM_TYPES.items() if kind is bool}
    assert {k: _booleans(v, booleans) for k, v in claims.items()} == want_claims


def assert_plain_types(engine: Engine) -> None:
    """Numbers are numbers, dates are dates (ISO text on SQLite), booleans booleans: per value on SQLite
    (``typeof``), per column on PostgreSQL (``information_schema``)."""
    declared = {
        "events_current": dict(CURRENT_COLUMNS),
        "claims_current": {name: CLAIM_TYPES.get(name, str) for name in CLAIM_COLUMNS},
    }
    with engine.connect() as connection:
        for view, columns in declared.items():
            if engine.dialect.name == "sqlite":
                sqlite_kinds = {int: {"integer"}, bool: {"integer"}, float: {"real"}, str: {"text"}}
                sqlite_kinds[dt.date] = {"text"}
                for name, kind in columns.items():
                    found = set(
                        connection.execute(text(f"SELECT DISTINCT typeof({name}) FROM {view}")).scalars()
                    )
                    assert found - {"null"} <= sqlite_kinds[kind], (view, name, found)
                    if kind in (int, float, bool):
                        # A number given as text (a Datasette filter: "?corrected=1") is compared as a number:
                        # the view's column has its type's affinity.
                        values = connection.execute(text(f"SELECT DISTINCT {name} FROM {view}")).scalars()
                        for value in (v for v in values if v is not None):
                            matching = text(f"SELECT count(*) FROM {view} WHERE {name} = :value")
                            as_text = connection.execute(matching, {"value": str(value)}).scalar()
                            assert as_text == connection.execute(matching, {"value": value}).scalar(), (
                                view,
                                name,
                            )
                    if kind is dt.date:
                        for day in connection.execute(text(f"SELECT {name} FROM {view}")).scalars():
                            assert day is None or dt.date.fromisoformat(day)
                continue
            pg_kinds = {
                int: {"integer"},
                bool: {"boolean"},
                float: {"double precision"},
                str: {"character varying", "text"},
                dt.date: {"date"},
            }
            found = dict(
                connection.execute(
                    text(
                        "SELECT column_name, data_type FROM information_schema.columns "
                        "WHERE table_schema = current_schema() AND table_name = :view"
                    ),
                    {"view": view},
                ).all()
            )
            for name, kind in columns.items():
                assert found[name] in pg_kinds[kind], (view, name, found[name])


def test_views_give_the_reviewed_dataset_in_plain_columns(
    api: TestClient, engine: Engine, tmp_path: Path
) -> None:
    assert_views_are_the_export(api, engine)  # nothing reviewed: the events as stored
    everything = api.get("/api/events", params={"limit": 1000}).json()["events"]
    quetta = [e["id"] for e in everything if e["place"] == "Quetta"]
    nushki = next(e["id"] for e in everything if e["place"] == "Nushki")
    dalbandin = next(e["id"] for e in everything if e["place"] == "Dalbandin")
    fixed = {"fatalities": {"low": 3, "best": 5, "high": 9}, "actor2": "Frontier Corps", "date": "2025-03-10"}
    post(api, "/api/review/edit", {"event_id": nushki, "analyst": "amina", "changes": fixed})
    post(api, "/api/review/accept", {"event_id": quetta[0], "analyst": "amina"})
    post(api, "/api/review/reject", {"event_id": dalbandin, "analyst": "amina"})
    merged = post(api, "/api/review/merge", {"event_id": quetta[0], "merge": [quetta[1]], "analyst": "amina"})
    turbat = api.get(event_url(TURBAT_IED)).json()
    killed = next(c["id"] for c in turbat["claims"] if c["outcome"] == "killed")
    split = post(
        api, "/api/review/split", {"event_id": TURBAT_IED, "claim_ids": [killed], "analyst": "amina"}
    )

    assert_views_are_the_export(api, engine)
    events = _view(engine, "events_current")
    assert events[nushki]["fatalities_best"] == 5 and events[nushki]["actor2"] == "Frontier Corps"
    assert events[nushki]["date"] == "2025-03-10" and events[nushki]["corrected"]
    assert quetta[1] not in events and dalbandin not in events, "merged away and rejected: left out"
    assert events[split["new_event"]]["fatalities_best"] == 2 and events[TURBAT_IED]["fatalities_best"] == 0
    assert _view(engine, "claims_current")[killed]["event_id"] == split["new_event"]
    assert_plain_types(engine)

    # Another report merges into the split event: its view row changes with the article's transaction.
    feed = tmp_path / "second.jsonl"
    feed.write_text(json.dumps(SECOND_TURBAT_REPORT) + "\n", encoding="utf-8")
    ingest([str(feed)], engine)
    assert _view(engine, "events_current")[TURBAT_IED]["claim_count"] > 1
    assert_views_are_the_export(api, engine)

    post(api, "/api/review/undo", {"change_id": merged["change"]["id"], "analyst": "amina"})
    post(api, "/api/review/undo", {"change_id": split["change"]["id"], "analyst": "amina"})
    assert quetta[1] in _view(engine, "events_current")
    assert_views_are_the_export(api, engine)


def test_migrating_a_reviewed_store_fills_the_views(api: TestClient, engine: Engine) -> None:
    """A store reviewed before revision 0012: the migration builds the reviewed rows of what it holds."""
    from sitrep.store.db import upgrade

    turbat = api.get(event_url(TURBAT_IED)).json()
    killed = next(c["id"] for c in turbat["claims"] if c["outcome"] == "killed")
    post(api, "/api/review/split", {"event_id": TURBAT_IED, "claim_ids": [killed], "analyst": "amina"})
    # Back to revision 0011 by hand (migrations are never run down), then up again.
    with engine.begin() as connection:
        for statement in ("DROP VIEW claims_current", "DROP VIEW events_current"):
            connection.execute(text(statement))
        # The tables of 0012 and of the revisions after it (0013: alerts).
        for table in ("reviewed_claims", "reviewed_events", "alerts"):
            connection.execute(text(f"DROP TABLE {table}"))
        connection.execute(text("UPDATE alembic_version SET version_num = '0011'"))
    upgrade(engine)
    assert_views_are_the_export(api, engine)
    assert_plain_types(engine)
