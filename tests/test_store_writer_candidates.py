"""``sitrep.store.writer.candidates``: which stored events a new one is compared with, and in what order."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from sqlalchemy import update

from sitrep.model import DatasetEvent, Place
from sitrep.resolve import NEAR_KM, distance_km
from sitrep.store.query import load_dataset
from sitrep.store.tables import events, places
from sitrep.store.writer import ArticleWriter
from sitrep.store.writer.candidates import _place_terms, candidates_for, nearest_first, place_key, unit_key
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


def _event(engine: object, uid: str) -> DatasetEvent:
    return next(e for e in load_dataset(engine).events if e.id == uid)  # type: ignore[arg-type]


def test_candidates_are_the_events_of_the_province_within_the_rules_reach_in_time(tmp_path: Path) -> None:
    """A week either side: from May 10 the stored May 3 is reached, from May 11 not; dated only to the month,
    the whole month: May 31 reaches May 3 but June 1 does not; and a stored event dated only to the month is
    reached from anywhere in its month."""
    with sqlite_store(tmp_path) as engine:
        _store_both(engine)
        turbat = _event(engine, "turbat-report#e1")
        by_month = {"acled": 3, "ucdp": 3}

        def found(day: dt.date, place: Place | None = None, precision: dict | None = None) -> list[str]:
            changes = {
                "date": day,
                "place": place or turbat.place,
                "date_precision": precision or {"acled": 1},
            }
            with engine.connect() as connection:
                return [c.event.id for c in candidates_for(connection, turbat.model_copy(update=changes))]

        assert found(dt.date(2025, 5, 10)) == ["turbat-report#e1"]
        assert found(dt.date(2025, 4, 26)) == ["turbat-report#e1"]  # a week before
        assert found(dt.date(2025, 5, 11)) == found(dt.date(2025, 4, 25)) == []
        assert found(dt.date(2025, 5, 31), precision=by_month) == ["turbat-report#e1"]
        assert found(dt.date(2025, 6, 1), precision=by_month) == []
        sindh = turbat.place.model_copy(update={"admin1": "Sindh"}) if turbat.place else None
        assert found(MAY_3, sindh) == []
        with engine.begin() as connection:  # the stored event known only to the month
            connection.execute(update(events).values(date_precision=by_month))
        assert found(dt.date(2025, 5, 31)) == ["turbat-report#e1"]
        assert found(dt.date(2025, 6, 1)) == []
    assert turbat.date == MAY_3


def test_candidates_are_at_places_the_rules_could_accept(tmp_path: Path) -> None:
    """From Turbat, Quetta (some 500 km away, another district) is no candidate; from a report placed only at
    the province, both are; from a town 20 km from Turbat, Turbat is (near), and from one 30 km away only if it
    shares Turbat's district and one of the two places is known only to the district."""
    with sqlite_store(tmp_path) as engine:
        _store_both(engine)
        turbat, quetta = _event(engine, "turbat-report#e1"), _event(engine, "quetta-report#e1")
        assert turbat.place is not None and turbat.place.lat is not None and turbat.place.lon is not None

        def found(place: Place) -> list[str]:
            with engine.connect() as connection:
                return [
                    c.event.id for c in candidates_for(connection, turbat.model_copy(update={"place": place}))
                ]

        def town(km_north: float, admin2: str | None, precision: int = 1) -> Place:
            assert turbat.place is not None and turbat.place.lat is not None
            return turbat.place.model_copy(
                update={
                    "lat": turbat.place.lat + km_north / 111.19,
                    "geonameid": "0",
                    "admin2": admin2,
                    "precision": {"acled": precision},
                }
            )

        province = turbat.place.model_copy(update={"kind": "admin1", "geonameid": "1", "admin2": None})
        assert found(turbat.place) == ["turbat-report#e1"]
        assert quetta.place is not None and found(quetta.place) == ["quetta-report#e1"]
        assert found(province) == ["quetta-report#e1", "turbat-report#e1"]
        assert found(town(20, "Elsewhere")) == ["turbat-report#e1"]
        assert found(town(30, "Elsewhere")) == []
        assert turbat.place.precision["acled"] < 3  # Turbat is a town
        assert found(town(30, turbat.place.admin2)) == []
        assert found(town(30, turbat.place.admin2, precision=3)) == ["turbat-report#e1"]
        with engine.begin() as connection:  # the stored places known only to their district
            connection.execute(update(places).values(precision={"acled": 3}))
        assert found(town(30, turbat.place.admin2)) == ["turbat-report#e1"]


def test_the_nearest_comes_first(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        _store_both(engine)
        turbat, quetta = _event(engine, "turbat-report#e1"), _event(engine, "quetta-report#e1")
        province = (
            turbat.place.model_copy(update={"kind": "admin1", "admin2": None}) if turbat.place else None
        )
        with engine.connect() as connection:
            found = candidates_for(connection, turbat.model_copy(update={"place": province}))
    assert [c.event.id for c in found] == ["quetta-report#e1", "turbat-report#e1"]  # oldest first
    assert turbat.place is not None and quetta.place is not None
    assert [c.event.id for c in nearest_first(found, turbat.place)] == [
        "turbat-report#e1",
        "quetta-report#e1",
    ]
    assert [c.event.id for c in nearest_first(found, quetta.place)] == [
        "quetta-report#e1",
        "turbat-report#e1",
    ]


def test_an_undated_event_or_one_without_a_place_has_no_candidates(tmp_path: Path) -> None:
    with sqlite_store(tmp_path) as engine:
        _store_both(engine)
        turbat = _event(engine, "turbat-report#e1")
        with engine.connect() as connection:
            undated = candidates_for(connection, turbat.model_copy(update={"date": None}))
            unplaced = candidates_for(connection, turbat.model_copy(update={"place": None}))
    assert (undated, unplaced) == ([], [])


def test_the_box_holds_every_place_the_rules_call_near() -> None:
    """Around places from the equator to the far north, points just inside ``NEAR_KM`` in every direction fall in
    the box the query uses."""
    for lat in (0.0, 30.2, 61.0, 78.5):
        centre = Place(
            id="p1", name="c", text="c", country_code="XX", lat=lat, lon=40.0, kind="town", start=0, end=1
        )
        terms = _place_terms(centre)
        for bearing in range(0, 360, 15):
            # A point NEAR_KM × 0.999 away along ``bearing`` (the direct geodesic on the sphere).
            d, b = NEAR_KM * 0.999 / 6371.0, math.radians(bearing)
            phi1 = math.radians(lat)
            phi2 = math.asin(math.sin(phi1) * math.cos(d) + math.cos(phi1) * math.sin(d) * math.cos(b))
            lon2 = 40.0 + math.degrees(
                math.atan2(
                    math.sin(b) * math.sin(d) * math.cos(phi1), math.cos(d) - math.sin(phi1) * math.sin(phi2)
                )
            )
            point = centre.model_copy(update={"lat": math.degrees(phi2), "lon": lon2})
            assert (distance_km(centre, point) or 0) <= NEAR_KM
            assert terms["south"] <= point.lat <= terms["north"], (lat, bearing)
            assert terms["west"] <= point.lon <= terms["east"], (lat, bearing)
