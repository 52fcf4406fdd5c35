"""``sitrep.store.writer.candidates``: which stored events a new one is compared with, and in what order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitrep.store.query import load_dataset
from sitrep.store.writer import ArticleWriter
from sitrep.store.writer import candidates as candidates_module
from sitrep.store.writer.candidates import Candidates, as_candidate, nearest_first, place_key, unit_key
from tests.writer_fixtures import QUETTA, TURBAT, extracted, sqlite_store

MAY_3 = dt.date(2025, 5, 3)


def _store_both(engine: object) -> None:
    writer = ArticleWriter(engine)  # type: ignore[arg-type]
    try:
        writer.store(extracted("quetta-report", QUETTA))
        writer.store(extracted("turbat-report", TURBAT))
    finally:
        writer.close()


def test_keys_name_the_district_and_the_province() -> None:
    assert place_key("PK", "Balochistan", "Kech") == "PK|Balochistan|Kech"
    assert place_key("PK", None, None) == "PK||"
    assert place_key(None, "Balochistan", "Kech") is None


def test_unit_key_of_an_event_without_a_place_is_none(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        _store_both(engine)
        [event, *_] = load_dataset(engine).events
    assert unit_key(event) == "PK|Balochistan"
    assert unit_key(event.model_copy(update={"place": None})) is None


def test_candidates_are_the_province_events_within_a_month(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        _store_both(engine)
        with engine.connect() as connection:
            near = Candidates().near(connection, "PK|Balochistan", MAY_3 + dt.timedelta(days=20))
            far = Candidates().near(connection, "PK|Balochistan", MAY_3 + dt.timedelta(days=40))
            elsewhere = Candidates().near(connection, "PK|Sindh", MAY_3)
    assert [c.event.id for c in near] == ["quetta-report#e1", "turbat-report#e1"]
    assert (far, elsewhere) == ([], [])


def test_the_nearest_comes_first(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        _store_both(engine)
        turbat = next(e for e in load_dataset(engine).events if e.id == "turbat-report#e1")
        with engine.connect() as connection:
            found = Candidates().near(connection, "PK|Balochistan", MAY_3)
    assert turbat.place is not None
    assert [c.event.id for c in nearest_first(found, turbat.place)] == [
        "turbat-report#e1",
        "quetta-report#e1",
    ]


def test_months_past_the_cap_are_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with sqlite_store(tmp_path) as engine:
        _store_both(engine)
        quetta = next(e for e in load_dataset(engine).events if e.id == "quetta-report#e1")
        candidates = Candidates()
        with engine.connect() as connection:
            candidates.near(connection, "PK|Balochistan", MAY_3)
            # Held in memory: a state added now is found without reading the database.
            candidates.add("PK|Balochistan", as_candidate(99, 0, None, quetta, quetta.place))
            assert 99 in [c.row for c in candidates.near(connection, "PK|Balochistan", MAY_3)]
            monkeypatch.setattr(candidates_module, "CACHED_CANDIDATES", 0)
            candidates.trim()
            rows = [c.row for c in candidates.near(connection, "PK|Balochistan", MAY_3)]
    assert 99 not in rows and len(rows) == 2


def test_an_undated_event_is_no_candidate(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        _store_both(engine)
        [event, *_] = load_dataset(engine).events
    with pytest.raises(AssertionError):
        as_candidate(1, 0, None, event.model_copy(update={"date": None}), event.place)
