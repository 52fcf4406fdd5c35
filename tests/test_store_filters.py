"""``sitrep.store.filters``: filter values in, SQL conditions on events and campaigns out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, and_, select

from sitrep.store.filters import BBox, EventFilter, campaign_key
from sitrep.store.tables import events
from sitrep.store.writer import ArticleWriter
from tests.writer_fixtures import QUETTA, TURBAT, extracted, sqlite_store


def _selected(engine: Engine, where: EventFilter) -> list[str]:
    with engine.connect() as connection:
        query = select(events.c.uid).where(and_(True, *where.conditions())).order_by(events.c.uid)
        return list(connection.execute(query).scalars())


def _two_attacks(engine: Engine) -> None:
    writer = ArticleWriter(engine)
    try:
        writer.store(extracted("quetta-report", QUETTA))
        writer.store(extracted("turbat-report", TURBAT))
    finally:
        writer.close()


def test_campaign_names_match_on_their_words() -> None:
    assert campaign_key("Operation Nightfall, Phase II") == "operation nightfall phase ii"
    assert campaign_key("  OPERATION  nightfall!") == campaign_key("operation nightfall")


def test_text_filters_ignore_case(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        _two_attacks(engine)
        assert _selected(engine, EventFilter(admin2="kech")) == ["turbat-report#e1"]
        assert _selected(engine, EventFilter(country="pk")) == ["quetta-report#e1", "turbat-report#e1"]
        assert _selected(engine, EventFilter(event_type="EXPLOSIONS/REMOTE VIOLENCE")) == ["turbat-report#e1"]


def test_dates_are_inclusive(tmp_path: Path) -> None:
    may_3 = dt.date(2025, 5, 3)
    with sqlite_store(tmp_path) as engine:
        _two_attacks(engine)
        assert len(_selected(engine, EventFilter(date_from=may_3, date_to=may_3))) == 2
        assert _selected(engine, EventFilter(date_from=may_3 + dt.timedelta(days=1))) == []


def test_campaigns_without_events_only_when_no_place_or_type_is_asked() -> None:
    assert EventFilter(country="PK").campaign_conditions() is None
    assert EventFilter(event_type="Battles").campaign_conditions() is None
    assert EventFilter().campaign_conditions() == []
    assert len(EventFilter(actor="BLA", date_from=dt.date(2025, 5, 1)).campaign_conditions() or []) == 2


def test_bounds_select_events_by_their_places_coordinates(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        _two_attacks(engine)
        # Turbat is at about 26.0 N, 63.0 E and Quetta at 30.2 N, 67.0 E.
        assert _selected(engine, EventFilter(bbox=BBox.parse("62.5,25.5,63.5,26.5"))) == ["turbat-report#e1"]
        assert len(_selected(engine, EventFilter(bbox=BBox.parse("60,20,70,35")))) == 2
        assert _selected(engine, EventFilter(bbox=BBox.parse("170,-90,-170,90"))) == []
        assert len(_selected(engine, EventFilter(bbox=BBox.parse("60,-90,-170,90")))) == 2  # across ±180
        assert _selected(engine, EventFilter(country="PK", bbox=BBox.parse("66,29,68,31"))) == [
            "quetta-report#e1"
        ]
    assert EventFilter(bbox=BBox(0, 0, 1, 1)).campaign_conditions() is None


def test_bounds_contain_their_edges_and_wrap_across_the_antimeridian() -> None:
    box = BBox.parse("10,-5,20,5")
    assert box.contains(5, 20) and box.contains(-5, 10) and not box.contains(0, 21)
    assert not box.contains(None, 15) and not box.contains(0, None)
    across = BBox.parse("170,-10,-170,10")
    assert across.crosses_antimeridian
    assert across.contains(0, 175) and across.contains(0, -175) and across.contains(0, 180)
    assert not across.contains(0, 0) and not across.contains(11, 175)
    for bad in ("", "1,2,3", "1,2,3,x", "inf,0,1,1", "0,5,1,4", "0,-91,1,1", "181,0,182,1"):
        with pytest.raises(ValueError, match="^bbox"):
            BBox.parse(bad)
