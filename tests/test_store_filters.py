"""``sitrep.store.filters``: filter values in, SQL conditions on events and campaigns out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine, and_, select

from sitrep.store.filters import EventFilter, campaign_key
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
