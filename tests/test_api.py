"""The REST API (FastAPI's TestClient) over a real database made from the bundled examples, on SQLite and on
PostgreSQL (``store_url``): filters and paging, one event, the token on every write, review with history and
undo, corrections surviving re-ingestion, exports, ingest."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from sitrep.api.app import create_app
from sitrep.api.security import resolve_token
from sitrep.export import FORMATS
from sitrep.jobs.ingest import ingest
from sitrep.store.db import open_engine
from sitrep.store.filters import EventFilter
from sitrep.store.review import ApiTokenRow, token_digest
from tests.conftest import EXAMPLE_ARTICLES, EXAMPLES

TOKEN = "test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TURBAT_IED = "2025-04-08_kech-herald_turbat-ied.txt#e1"
TUMP_URDU = "2025-05-06_makran-nama_tump-checkpost-ur.txt#e1"  # 3 + 4 killed by the officials' count

# A second, independently worded report of the Turbat bombing (written for this test): same town and day, so
# ingest merges it into the stored event.
SECOND_TURBAT_REPORT = {
    "id": "dispatch-turbat-bomb",
    "title": "Two soldiers killed in Turbat roadside blast",
    "published": "2025-04-08",
    "url": "https://example.org/dispatch/2025/04/08/turbat-blast",
    "source": "The Makran Dispatch",
    "text": (
        "TURBAT, April 8 — A roadside bomb struck a Frontier Corps vehicle on the outskirts of Turbat in Kech "
        "district on Tuesday morning, killing four soldiers and wounding six, a district administration "
        "official said.\n\nThe official, speaking on condition of anonymity, said the wounded were taken to the "
        "district hospital. No group has claimed responsibility for the blast."
    ),
}


def ingest_examples(url: str) -> None:
    """The bundled examples, each .txt with the date its file name carries (their text has none)."""
    engine = open_engine(url)
    try:
        for path in sorted(EXAMPLES.iterdir()):
            if path.suffix == ".txt":
                ingest([str(path)], engine, published=dt.date.fromisoformat(path.name[:10]))
            elif path.suffix in (".html", ".jsonl"):
                ingest([str(path)], engine)
    finally:
        engine.dispose()


@pytest.fixture
def api(store_url: str) -> Iterator[TestClient]:
    ingest_examples(store_url)
    app = create_app(store_url, token_digests=[token_digest(TOKEN)], cache_max_age=0)
    with TestClient(app) as client:
        yield client


def event_url(event_id: str) -> str:
    return f"/api/events/{quote(event_id, safe='')}"


def all_events(api: TestClient, **params: object) -> list[dict]:
    page = api.get("/api/events", params={**params, "limit": 1000})
    assert page.status_code == 200, page.text
    return page.json()["events"]


# --- reading ------------------------------------------------------------------------------------------------


def test_events_list_filters(api: TestClient) -> None:
    everything = all_events(api)
    assert len(everything) >= 15
    assert api.get("/api/events").json()["total"] == len(everything)

    def ids(**params: object) -> set[str]:
        return {e["id"] for e in all_events(api, **params)}

    assert ids(date_from="2025-03-12", date_to="2025-03-12") == {
        e["id"] for e in everything if e["date"] == "2025-03-12"
    }
    assert ids(date_from="2025-04-01") == {
        e["id"] for e in everything if e["date"] and e["date"] >= "2025-04-01"
    }
    assert ids(country="pk") == {e["id"] for e in everything if e["country_code"] == "PK"}
    assert ids(admin1="balochistan") == {e["id"] for e in everything if e["admin1"] == "Balochistan"}
    kech = ids(admin2="Kech")
    assert kech == {e["id"] for e in everything if e["admin2"] == "Kech"} and 0 < len(kech) < len(everything)
    assert ids(actor="unidentified") == {e["id"] for e in everything if "Unidentified" in (e["actor1"] or "")}
    battles = ids(event_type="Battles")
    assert battles == {e["id"] for e in everything if e["event_type"] == "Battles"} and battles
    assert ids(event_type="armed clash") == {
        e["id"] for e in everything if e["sub_event_type"] == "Armed clash"
    }
    sandwall = ids(campaign="operation sandwall")
    assert sandwall == {e["id"] for e in everything if e["campaign_id"]} and len(sandwall) < len(everything)
    assert ids(min_fatalities=1) == {TURBAT_IED, TUMP_URDU}
    assert ids(min_fatalities=3) == {TUMP_URDU}
    assert ids(min_fatalities=8) == set()
    assert api.get("/api/events", params={"min_fatalities": -1}).status_code == 422
    assert api.get("/api/events", params={"date_from": "not a date"}).status_code == 422


BALOCHISTAN_E2 = "2025-03-12_meridian-wire_balochistan-attacks.txt#e2"


def test_quote_search_with_the_other_filters_paging_and_exports(api: TestClient) -> None:
    def ids(**params: object) -> list[str]:
        return [e["id"] for e in all_events(api, **params)]

    # "Hospital sources in Quetta said 40 wounded were brought in …": the one event with such a quote.
    assert ids(q="HOSPITAL sources") == [BALOCHISTAN_E2]
    assert ids(q="hospital", country="PK") == [BALOCHISTAN_E2]
    assert ids(q="hospital", admin2="Kech") == []
    assert set(ids(q="killed")) == {TURBAT_IED}
    assert ids(q="") == ids(), "an empty search selects everything"
    # Wildcards are plain characters: no quote holds them.
    assert ids(q="%") == [] and ids(q="_") == [] and ids(q="Hosp%sources") == []
    page = api.get("/api/events", params={"q": "hospital", "limit": 1, "offset": 1}).json()
    assert page["total"] == 1 and page["events"] == []
    assert api.get("/api/stats", params={"q": "hospital"}).json()["events"] == 1
    assert sum(p["events"] for p in api.get("/api/places", params={"q": "hospital"}).json()) == 1
    geojson = json.loads(api.get("/api/export/geojson", params={"q": "hospital"}).content)
    assert [f["properties"]["id"] for f in geojson["features"]] == [BALOCHISTAN_E2]
    rows = api.get("/api/export/csv", params={"q": "hospital"}).content.decode("utf-8").splitlines()
    assert len(rows) == 2 and rows[1].startswith(BALOCHISTAN_E2)
    # A corrected event is read in Python, not SQL: the search finds it there too.
    post(api, "/api/review/edit", {"event_id": BALOCHISTAN_E2, "analyst": "a", "changes": {"actor2": "X"}})
    assert ids(q="hospital") == [BALOCHISTAN_E2] and ids(q="hospital", admin2="Kech") == []
    assert api.get("/api/stats", params={"q": "hospital"}).json()["events"] == 1


def test_paging_gives_every_event_once_in_order(api: TestClient) -> None:
    everything = all_events(api)
    pages = [api.get("/api/events", params={"limit": 4, "offset": start}).json() for start in range(0, 40, 4)]
    assert all(p["total"] == len(everything) and p["limit"] == 4 for p in pages)
    assert [e["id"] for p in pages for e in p["events"]] == [e["id"] for e in everything]
    dates = [e["date"] for e in everything]
    assert dates == sorted(dates, key=lambda d: (d is None, d or "")), "by date, undated last"
    assert api.get("/api/events", params={"limit": 1001}).status_code == 422


def test_one_event_with_claims_articles_and_history(api: TestClient) -> None:
    event = api.get(event_url(TURBAT_IED)).json()
    assert event["id"] == TURBAT_IED and event["place"]["name"] == "Turbat"
    assert event["fatalities"] == {"low": 2, "best": 2, "high": 2, "rule": event["fatalities"]["rule"]}
    assert "police" in event["fatalities"]["rule"]
    claims = event["claims"]
    assert len(claims) == 2 and {c["outcome"] for c in claims} == {"killed", "injured"}
    for claim in claims:
        assert claim["claimant"]["name"] == "police" and claim["stance"] == "reported"
        assert claim["quote"] and claim["published"] == "2025-04-08"
    assert [a["id"] for a in event["articles"]] == ["2025-04-08_kech-herald_turbat-ied.txt"]
    assert event["history"] == [] and event["review"]["status"] is None
    assert api.get(event_url("no-such-event")).status_code == 404


def test_campaigns_articles_places_stats(api: TestClient) -> None:
    campaigns = api.get("/api/campaigns").json()
    assert [c["name"] for c in campaigns] == ["Operation Sandwall, Phase II"]
    campaign = api.get(f"/api/campaigns/{quote(campaigns[0]['id'], safe='')}").json()
    assert len(campaign["events"]) == campaigns[0]["events"] > 5
    assert campaign["claims"], "campaign-wide claims (figures no single town holds)"
    assert len(campaign["articles"]) == 3
    articles = api.get("/api/articles").json()
    assert articles["total"] == EXAMPLE_ARTICLES
    one = api.get(f"/api/articles/{quote(articles['articles'][0]['id'], safe='')}").json()
    assert one["text"] and one["events"]
    places = api.get("/api/places").json()
    assert sum(p["events"] for p in places) == len(all_events(api))
    stats = api.get("/api/stats").json()
    assert stats["events"] == len(all_events(api)) and stats["articles"] == EXAMPLE_ARTICLES
    assert sum(d["events"] for d in stats["by_day"]) + stats["undated"] == stats["events"]
    assert {d["admin2"] for d in stats["by_district"]} >= {"Kech", "Quetta"}
    assert api.get("/api/stats", params={"admin2": "Kech"}).json()["events"] == len(
        all_events(api, admin2="Kech")
    )


@pytest.mark.parametrize("touched_ids", ["bound", "subquery"])
def test_places_and_stats_counted_in_sql_agree_with_the_events_listed(
    api: TestClient, touched_ids: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Places, stats and campaigns are grouped by the database, with the events an analyst touched added in
    Python: every figure must equal a recount of the events the list shows, corrections included, whether the
    touched events' row ids are named in the queries or (more than a statement can bind) read by a subquery."""
    if touched_ids == "subquery":
        monkeypatch.setattr("sitrep.store.review.reader._MOST_BOUND_IDS", 0)
    everything = all_events(api)
    edited, rejected, accepted = everything[0]["id"], everything[1]["id"], everything[2]["id"]
    figures = {"low": 40, "best": 41, "high": 42}
    post(api, "/api/review/edit", {"event_id": edited, "analyst": "a", "changes": {"fatalities": figures}})
    post(api, "/api/review/reject", {"event_id": rejected, "analyst": "a"})
    post(api, "/api/review/accept", {"event_id": accepted, "analyst": "a"})
    # Added up from the maintained totals (all but the actor filter), counted from the events (actor, deaths).
    for params in (
        {},
        {"admin1": "Balochistan"},
        {"date_from": "2025-03-12", "date_to": "2025-03-31"},
        {"date_to": "2025-03-31"},
        {"country": "pk", "event_type": "Explosions/Remote violence"},
        {"campaign": "sandwall"},
        {"actor": "BLA"},
        {"min_fatalities": "1"},
    ):
        listed = all_events(api, **params)
        best = {e["id"]: e["fatalities"]["best"] or 0 for e in listed}
        stats = api.get("/api/stats", params=params).json()
        assert stats["events"] == len(listed) and stats["fatalities_best"] == sum(best.values())
        assert api.get("/api/events", params={**params, "limit": 1}).json()["total"] == len(listed)
        types = Counter(e["event_type"] for e in listed)
        assert {t["event_type"]: t["events"] for t in stats["by_type"]} == types
        districts = Counter((e["country_code"], e["admin1"], e["admin2"]) for e in listed if e["admin1"])
        assert {(d["country_code"], d["admin1"], d["admin2"]): d["events"] for d in stats["by_district"]} == (
            districts
        )
        days: dict[str, list[int]] = {}
        for e in listed:
            if e["date"]:
                days.setdefault(e["date"], []).append(best[e["id"]])
        assert {d["date"]: (d["events"], d["fatalities_best"]) for d in stats["by_day"]} == {
            day: (len(v), sum(v)) for day, v in days.items()
        }
        assert stats["undated"] == sum(1 for e in listed if not e["date"])
        ids = {e["id"] for e in listed}
        assert stats["review"] == {
            "accepted": int(accepted in ids),
            "rejected": 0,  # a rejected event is not listed, so not counted
            "corrected": int(edited in ids),
        }
        places = api.get("/api/places", params=params).json()
        by_place: dict[tuple, list[int]] = {}
        for e in listed:
            key = (e["place"], e["country_code"], e["admin1"], e["admin2"], e["lat"], e["lon"])
            by_place.setdefault(key, []).append(best[e["id"]])
        assert {
            (p["name"], p["country_code"], p["admin1"], p["admin2"], p["lat"], p["lon"]): (
                p["events"],
                p["fatalities_best"],
            )
            for p in places
        } == {key: (len(v), sum(v)) for key, v in by_place.items()}
        assert [p["events"] for p in places] == sorted((p["events"] for p in places), reverse=True)
    campaign = api.get("/api/campaigns").json()[0]
    members = [e for e in all_events(api) if e["campaign_id"] == campaign["id"]]
    assert campaign["events"] == len(members)
    assert campaign["first_date"] == min(e["date"] for e in members if e["date"])
    everything_now = all_events(api, include_rejected="true")
    assert api.get("/api/stats", params={"include_rejected": "true"}).json()["review"]["rejected"] == 1
    assert len(everything_now) == len(everything)


# --- the map's bounds ---------------------------------------------------------------------------------------

TURBAT_BOX = (62.5, 25.5, 63.5, 26.5)  # west, south, east, north: Turbat and Tump (Kech), not Gwadar
QUETTA_BOX = (66.5, 29.9, 67.5, 30.5)


def bbox(box: tuple[float, ...]) -> str:
    return ",".join(str(v) for v in box)


def inside(event: dict, box: tuple[float, ...]) -> bool:
    west, south, east, north = box
    return event["lat"] is not None and south <= event["lat"] <= north and west <= event["lon"] <= east


def listed_in_pages(api: TestClient, size: int, **params: object) -> tuple[set[int], list[str]]:
    """Every page of ``size`` events the filters select: the totals the pages gave, and the events in order."""
    totals, ids, offset = set(), [], 0
    while True:
        page = api.get("/api/events", params={**params, "limit": size, "offset": offset}).json()
        totals.add(page["total"])
        ids += [e["id"] for e in page["events"]]
        offset += size
        if offset >= page["total"]:
            return totals, ids


def test_events_places_and_stats_in_the_maps_bounds(api: TestClient) -> None:
    everything = all_events(api)

    def ids(**params: object) -> set[str]:
        return {e["id"] for e in all_events(api, **params)}

    in_turbat = {e["id"] for e in everything if inside(e, TURBAT_BOX)}
    assert TURBAT_IED in in_turbat and 1 < len(in_turbat) < len(everything)
    assert ids(bbox=bbox(TURBAT_BOX)) == in_turbat
    # With the other filters and the date window.
    assert ids(bbox=bbox(TURBAT_BOX), date_from="2025-04-01") == {TURBAT_IED, TUMP_URDU}
    assert ids(bbox=bbox(TURBAT_BOX), date_from="2025-04-01", date_to="2025-04-30") == {TURBAT_IED}
    assert ids(bbox=bbox(TURBAT_BOX), admin2="Quetta") == set()
    # A point (a zero-size box): the events at one marker.
    turbat = next(e for e in everything if e["id"] == TURBAT_IED)
    at_point = {e["id"] for e in everything if (e["lat"], e["lon"]) == (turbat["lat"], turbat["lon"])}
    assert ids(bbox=bbox((turbat["lon"], turbat["lat"]) * 2)) == at_point
    # The antimeridian: west > east crosses it (every example lies between 60 and 70 degrees east).
    assert ids(bbox="170,-90,-170,90") == set()
    assert ids(bbox="60,0,-170,90") == {e["id"] for e in everything if e["lat"] is not None}
    assert ids(bbox="-180,-90,180,90") == {e["id"] for e in everything if e["lat"] is not None}

    places = api.get("/api/places", params={"bbox": bbox(TURBAT_BOX)}).json()
    assert places and all(inside(p, TURBAT_BOX) for p in places)
    assert sum(p["events"] for p in places) == len(in_turbat)
    assert api.get("/api/places", params={"bbox": bbox(TURBAT_BOX), "limit": 1}).json() == places[:1]
    assert api.get("/api/places", params={"limit": 0}).status_code == 422
    stats = api.get("/api/stats", params={"bbox": bbox(TURBAT_BOX)}).json()
    assert stats["events"] == len(in_turbat)

    wide = "60,24,70,31"
    in_view = [e["id"] for e in everything if inside(e, (60, 24, 70, 31))]
    assert len(in_view) > 6
    assert listed_in_pages(api, 3, bbox=wide) == ({len(in_view)}, in_view), "each once, in the list's order"


def test_bad_bounds_are_refused_with_one_line(api: TestClient) -> None:
    for value, says in (
        ("1,2,3", "4 numbers"),
        ("a,b,c,d", "4 numbers"),
        ("1,2,3,4,5", "4 numbers"),
        ("nan,0,1,1", "finite"),
        ("0,10,5,5", "south <= north"),
        ("0,-95,5,5", "south <= north"),
        ("-200,0,5,5", "-180..180"),
        ("170,0,190,5", "-180..180"),
    ):
        for path in ("/api/events", "/api/places", "/api/stats"):
            answer = api.get(path, params={"bbox": value})
            assert answer.status_code == 422, (path, value, answer.text)
            detail = answer.json()["detail"]
            assert isinstance(detail, str) and "\n" not in detail, detail
            assert detail.startswith("bbox") and says in detail, detail


def test_corrections_apply_inside_the_bounds(api: TestClient) -> None:
    """The events a review touched are read apart from the others (built in Python): a moved event enters and
    leaves the bounds, a rejected one leaves the list, a corrected toll counts in the places."""
    everything = all_events(api)
    in_turbat = [e for e in everything if inside(e, TURBAT_BOX)]
    quetta = next(e["id"] for e in everything if e["place"] == "Quetta" and inside(e, QUETTA_BOX))
    tump = next(e["id"] for e in in_turbat if e["place"] == "Tump")
    place = {"name": "Turbat", "country_code": "PK", "admin1": "Balochistan", "admin2": "Kech"}
    moved = {"place": {**place, "lat": 26.0012, "lon": 63.0485}}
    post(api, "/api/review/edit", {"event_id": quetta, "analyst": "a", "changes": moved})
    figures = {"low": 40, "best": 41, "high": 42}
    post(
        api, "/api/review/edit", {"event_id": TURBAT_IED, "analyst": "a", "changes": {"fatalities": figures}}
    )
    post(api, "/api/review/reject", {"event_id": tump, "analyst": "a"})

    listed = all_events(api, bbox=bbox(TURBAT_BOX))
    assert {e["id"] for e in listed} == {e["id"] for e in in_turbat} - {tump} | {quetta}
    assert next(e for e in listed if e["id"] == TURBAT_IED)["fatalities"]["best"] == 41
    assert next(e for e in listed if e["id"] == quetta)["corrected"]
    assert quetta not in {e["id"] for e in all_events(api, bbox=bbox(QUETTA_BOX))}
    assert tump in {e["id"] for e in all_events(api, bbox=bbox(TURBAT_BOX), include_rejected="true")}
    dates = [e["date"] for e in listed]
    assert dates == sorted(dates, key=lambda d: (d is None, d or "")), "by date, undated last"
    # Paged: the corrected events take their places among the others, each once (small pages of a box
    # holding most events are read by walking the dates, larger ones from the box's places: both agree).
    assert listed_in_pages(api, 1, bbox=bbox(TURBAT_BOX)) == ({len(listed)}, [e["id"] for e in listed])
    for params in ({}, {"date_from": "2025-03-12"}):  # the second: the first corrected event is past page 1
        wide = [e["id"] for e in all_events(api, bbox="60,24,70,31", **params)]
        assert listed_in_pages(api, 2, bbox="60,24,70,31", **params) == ({len(wide)}, wide)
    # Places in the bounds: the recount of the events listed there, corrections included.
    places = api.get("/api/places", params={"bbox": bbox(TURBAT_BOX)}).json()
    by_place: dict[tuple, list[int]] = {}
    for e in listed:
        by_place.setdefault((e["place"], e["lat"], e["lon"]), []).append(e["fatalities"]["best"] or 0)
    assert {(p["name"], p["lat"], p["lon"]): (p["events"], p["fatalities_best"]) for p in places} == {
        key: (len(v), sum(v)) for key, v in by_place.items()
    }
    assert any(p["fatalities_best"] >= 41 for p in places)


# --- the token ----------------------------------------------------------------------------------------------

WRITES = [
    ("/api/review/accept", {"event_id": TURBAT_IED, "analyst": "a"}),
    ("/api/review/reject", {"event_id": TURBAT_IED, "analyst": "a"}),
    ("/api/review/reopen", {"event_id": TURBAT_IED, "analyst": "a"}),
    ("/api/review/edit", {"event_id": TURBAT_IED, "analyst": "a", "changes": {"actor2": None}}),
    ("/api/review/revert", {"event_id": TURBAT_IED, "analyst": "a", "fields": ["actor2"]}),
    ("/api/review/merge", {"event_id": TURBAT_IED, "analyst": "a", "merge": ["x"]}),
    ("/api/review/split", {"event_id": TURBAT_IED, "analyst": "a", "claim_ids": ["x"]}),
    ("/api/review/undo", {"change_id": 1, "analyst": "a"}),
    ("/api/ingest", {"text": "Gunmen killed two people."}),
    ("/api/no-such-endpoint", {}),
]


@pytest.mark.parametrize("path,body", WRITES, ids=[w[0] for w in WRITES])
def test_every_write_needs_the_token_whatever_its_body(api: TestClient, path: str, body: dict) -> None:
    bodies = [
        json.dumps(body).encode(),
        b"{not json",
        b"",
        b"\x00\xff" * 10,
        json.dumps({"x": [1] * 100}).encode(),
    ]
    wrong = [
        {},
        {"Authorization": "Bearer wrong-token-0123456789"},
        {"Authorization": TOKEN},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": "Bearer "},
    ]
    for headers in wrong:
        for content in bodies:
            response = api.post(
                path, content=content, headers={**headers, "Content-Type": "application/json"}
            )
            assert response.status_code == 401, (path, headers, content, response.text)
            assert response.headers["www-authenticate"] == "Bearer"
        for method in ("PUT", "PATCH", "DELETE"):
            assert api.request(method, path, content=b"{", headers=headers).status_code == 401
    assert api.get("/api/events").json()["total"] > 0, "nothing was written"
    assert api.get(event_url(TURBAT_IED)).json()["history"] == []


def test_malformed_body_with_the_token_is_a_validation_error(api: TestClient) -> None:
    response = api.post(
        "/api/review/edit", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 422
    response = api.post(
        "/api/review/edit",
        json={"event_id": TURBAT_IED, "analyst": "a", "changes": {"fatalites": {}}},
        headers=AUTH,
    )
    assert response.status_code == 422, "unknown fields are refused, not ignored"


def test_token_generated_once_and_stored_hashed(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITREP_TOKEN", raising=False)
    engine = open_engine(store_url)
    try:
        from sitrep.store.db import upgrade

        upgrade(engine)
        digests, token = resolve_token(engine)
        assert token and len(token) >= 32 and digests == [token_digest(token)]
        again, none = resolve_token(engine)
        assert none is None and again == digests, "printed once: a restart keeps the token"
        with Session(engine) as session:
            stored = list(session.execute(select(ApiTokenRow.sha256)).scalars())
        assert stored == digests and token not in stored
        replaced, new = resolve_token(engine, new=True)
        assert new and new != token and replaced == [token_digest(new)]
        monkeypatch.setenv("SITREP_TOKEN", TOKEN)
        assert resolve_token(engine) == ([token_digest(TOKEN)], None)
        monkeypatch.setenv("SITREP_TOKEN", "short")
        with pytest.raises(ValueError, match="at least"):
            resolve_token(engine)
    finally:
        engine.dispose()


# --- review -------------------------------------------------------------------------------------------------


def post(api: TestClient, path: str, body: dict, status: int = 200) -> dict:
    response = api.post(path, json=body, headers=AUTH)
    assert response.status_code == status, response.text
    return response.json()


def test_edit_shows_in_history_and_undo_restores(api: TestClient) -> None:
    changes = {
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "fatalities": {"low": 2, "best": 3, "high": 5},
        "date": "2025-04-07",
        "place": {
            "name": "Turbat outskirts",
            "country_code": "PK",
            "admin1": "Balochistan",
            "admin2": "Kech",
            "lat": 26.0,
            "lon": 63.05,
        },
    }
    result = post(
        api,
        "/api/review/edit",
        {"event_id": TURBAT_IED, "analyst": "amina", "note": "per FIR", "changes": changes},
    )
    assert result["change"]["action"] == "edit" and result["change"]["who"] == "amina"
    event = api.get(event_url(TURBAT_IED)).json()
    assert event["fatalities"]["best"] == 3 and "analyst amina" in event["fatalities"]["rule"]
    assert event["sub_event_type"] == "Attack" and event["date"] == "2025-04-07"
    assert event["place"]["name"] == "Turbat outskirts"
    corrections = event["review"]["corrections"]
    assert (
        corrections["fatalities"]["machine"]["best"] == 2
        and corrections["fatalities"]["analyst"]["best"] == 3
    )
    assert corrections["sub_event_type"] == {"machine": "Remote explosive/landmine/IED", "analyst": "Attack"}
    [change] = event["history"]
    assert change["before"]["fatalities"]["best"] == 2 and change["after"]["fatalities"]["best"] == 3
    assert change["before"]["date"] == "2025-04-08" and change["after"]["date"] == "2025-04-07"
    assert change["note"] == "per FIR" and change["at"]

    # Lists, filters, stats and exports read the corrected values.
    assert TURBAT_IED in {e["id"] for e in all_events(api, event_type="Violence against civilians")}
    assert TURBAT_IED not in {e["id"] for e in all_events(api, event_type="Explosions/Remote violence")}
    assert {e["id"] for e in all_events(api, min_fatalities=3)} == {TURBAT_IED, TUMP_URDU}
    assert {e["id"] for e in all_events(api, date_from="2025-04-07", date_to="2025-04-07")} == {TURBAT_IED}
    summary = next(e for e in all_events(api) if e["id"] == TURBAT_IED)
    assert summary["corrected"] and summary["place"] == "Turbat outskirts"
    everything = all_events(api)
    pages = [
        api.get("/api/events", params={"limit": 3, "offset": s}).json()["events"] for s in range(0, 30, 3)
    ]
    assert [e["id"] for p in pages for e in p] == [e["id"] for e in everything], "paging stays exact"
    assert api.get("/api/stats").json()["review"]["corrected"] == 1
    exported = json.loads(api.get("/api/export/json").content)
    assert next(e for e in exported["events"] if e["id"] == TURBAT_IED)["fatalities"]["best"] == 3

    undo = post(api, "/api/review/undo", {"change_id": change["id"], "analyst": "bilal"})
    assert undo["change"]["action"] == "undo" and undo["change"]["undoes"] == change["id"]
    event = api.get(event_url(TURBAT_IED)).json()
    assert (
        event["fatalities"]["best"] == 2
        and event["date"] == "2025-04-08"
        and event["place"]["name"] == "Turbat"
    )
    assert event["review"]["corrected"] is False
    assert [c["action"] for c in event["history"]] == ["edit", "undo"]
    assert event["history"][0]["undone_by"] == undo["change"]["id"]
    post(api, "/api/review/undo", {"change_id": change["id"], "analyst": "bilal"}, status=409)
    # Undoing the undo redoes the edit.
    post(api, "/api/review/undo", {"change_id": undo["change"]["id"], "analyst": "amina"})
    assert api.get(event_url(TURBAT_IED)).json()["fatalities"]["best"] == 3


def test_edit_is_checked(api: TestClient) -> None:
    def edit(changes: dict, status: int = 422) -> None:
        post(api, "/api/review/edit", {"event_id": TURBAT_IED, "analyst": "a", "changes": changes}, status)

    edit({"sub_event_type": "Picnic"})
    edit({"event_type": "Battles"})  # the machine's sub-event type is not a Battles one
    edit({"fatalities": {"low": 5, "best": 3}})
    edit({"inter1": 9})
    edit({})
    edit({"actor1": api.get(event_url(TURBAT_IED)).json()["actor1"]})  # no change
    post(api, "/api/review/edit", {"event_id": "nope", "analyst": "a", "changes": {"actor2": None}}, 404)
    post(api, "/api/review/edit", {"event_id": TURBAT_IED, "analyst": "", "changes": {"actor2": None}}, 422)
    assert api.get(event_url(TURBAT_IED)).json()["history"] == []


def test_undo_refused_after_a_later_change(api: TestClient) -> None:
    first = post(
        api, "/api/review/edit", {"event_id": TURBAT_IED, "analyst": "a", "changes": {"actor2": None}}
    )
    post(api, "/api/review/accept", {"event_id": TURBAT_IED, "analyst": "b"})
    refused = api.post(
        "/api/review/undo", json={"change_id": first["change"]["id"], "analyst": "a"}, headers=AUTH
    )
    assert refused.status_code == 409 and "undo that first" in refused.json()["detail"]


def test_correction_survives_reingestion(api: TestClient, store_url: str, tmp_path: Path) -> None:
    post(
        api,
        "/api/review/edit",
        {
            "event_id": TURBAT_IED,
            "analyst": "amina",
            "changes": {"fatalities": {"low": 2, "best": 2, "high": 3}, "actor2": "Frontier Corps"},
        },
    )
    before = api.get(event_url(TURBAT_IED)).json()
    feed = tmp_path / "second.jsonl"
    feed.write_text(json.dumps(SECOND_TURBAT_REPORT) + "\n", encoding="utf-8")
    engine = open_engine(store_url)
    try:
        for _ in range(2):  # a new report merging into the event, then a plain re-run of everything
            ingest([str(feed)], engine)
            ingest([str(EXAMPLES)], engine)
    finally:
        engine.dispose()
    after = api.get(event_url(TURBAT_IED)).json()
    assert len(after["claims"]) > len(before["claims"]), "the new report merged into the event"
    assert "dispatch-turbat-bomb" in [a["id"] for a in after["articles"]]
    machine = after["review"]["corrections"]["fatalities"]["machine"]
    assert machine["high"] == 4, "the machine's figures moved with the new claims"
    assert after["fatalities"] == before["fatalities"], "the analyst's figures did not"
    assert after["actor2"] == "Frontier Corps"
    assert after["history"] == before["history"]


def test_reject_merge_split_and_their_undo(api: TestClient) -> None:
    everything = all_events(api)
    quetta = [e["id"] for e in everything if e["place"] == "Quetta"]
    assert len(quetta) >= 2
    target, source = quetta[0], quetta[1]
    target_claims = len(api.get(event_url(target)).json()["claims"])
    source_claims = len(api.get(event_url(source)).json()["claims"])

    rejected = post(api, "/api/review/reject", {"event_id": source, "analyst": "a", "note": "not an event"})
    assert source not in {e["id"] for e in all_events(api)}
    assert source in {e["id"] for e in all_events(api, include_rejected="true")}
    assert api.get("/api/stats").json()["events"] == len(everything) - 1
    assert source not in {e["id"] for e in json.loads(api.get("/api/export/json").content)["events"]}
    post(api, "/api/review/undo", {"change_id": rejected["change"]["id"], "analyst": "a"})
    assert len(all_events(api)) == len(everything)

    merged = post(api, "/api/review/merge", {"event_id": target, "merge": [source], "analyst": "a"})
    ids = {e["id"] for e in all_events(api)}
    assert target in ids and source not in ids and len(ids) == len(everything) - 1
    event = api.get(event_url(target)).json()
    assert len(event["claims"]) == target_claims + source_claims and event["review"]["merged"] == [source]
    assert api.get(event_url(source)).json()["review"]["merged_into"] == target
    assert [c["action"] for c in api.get(event_url(source)).json()["history"]] == ["reject", "undo", "merge"]
    post(api, "/api/review/accept", {"event_id": source, "analyst": "a"}, status=409)
    post(api, "/api/review/undo", {"change_id": merged["change"]["id"], "analyst": "a"})
    assert len(all_events(api)) == len(everything)

    turbat = api.get(event_url(TURBAT_IED)).json()
    killed = next(c["id"] for c in turbat["claims"] if c["outcome"] == "killed")
    split = post(api, "/api/review/split", {"event_id": TURBAT_IED, "claim_ids": [killed], "analyst": "a"})
    child = split["new_event"]
    assert child and child.startswith(TURBAT_IED)
    assert [c["id"] for c in api.get(event_url(child)).json()["claims"]] == [killed]
    parent = api.get(event_url(TURBAT_IED)).json()
    # Only the wounded are left in the parent: none dead by the figure rules (rule 11), not the split-off two.
    assert killed not in [c["id"] for c in parent["claims"]] and parent["fatalities"]["best"] == 0
    assert api.get(event_url(child)).json()["fatalities"]["best"] == 2
    listed = [e["id"] for e in all_events(api)]
    assert listed.index(child) == listed.index(TURBAT_IED) + 1, "a split-off event sorts after its source"
    post(
        api,
        "/api/review/split",
        {"event_id": TURBAT_IED, "claim_ids": [c["id"] for c in parent["claims"]], "analyst": "a"},
        status=422,
    )
    post(api, "/api/review/undo", {"change_id": split["change"]["id"], "analyst": "a"})
    assert child not in {e["id"] for e in all_events(api)}
    assert len(api.get(event_url(TURBAT_IED)).json()["claims"]) == 2
    changes = api.get("/api/review/changes").json()
    assert [c["action"] for c in changes][:2] == ["undo", "split"]


# --- exports, ingest, the server's edges --------------------------------------------------------------------


def test_exports_download(api: TestClient) -> None:
    for fmt in FORMATS:
        response = api.get(f"/api/export/{fmt}", params={"admin2": "Kech"})
        assert response.status_code == 200, (fmt, response.text)
        assert response.headers["content-disposition"].startswith("attachment; filename=")
        assert response.content
    document = json.loads(api.get("/api/export/json", params={"admin2": "Kech"}).content)
    assert {e["id"] for e in document["events"]} == {e["id"] for e in all_events(api, admin2="Kech")}
    geojson = json.loads(api.get("/api/export/geojson").content)
    assert geojson["type"] == "FeatureCollection" and geojson["features"]
    acled = api.get("/api/export/acled").content.decode("utf-8")
    assert acled.splitlines()[0].startswith("event_id_cnty,event_date")
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(api.get("/api/export/parquet").content))
    assert table.num_rows == len(all_events(api))
    assert api.get("/api/export/xlsx").status_code == 404


def test_streamed_exports_write_the_bytes_of_the_whole_dataset(api: TestClient, store_url: str) -> None:
    """GeoJSON, CSV, toll, JSON and Parquet are sent as the events are read, the stored ones merged in order with those a review
    touched (a split-off event, a corrected date): the bytes equal the writer's over the whole dataset."""
    from sitrep.export import STREAMED, write_dataset
    from sitrep.store.review import Filters, ReviewedReader

    turbat = api.get(event_url(TURBAT_IED)).json()
    killed = next(c["id"] for c in turbat["claims"] if c["outcome"] == "killed")
    post(api, "/api/review/split", {"event_id": TURBAT_IED, "claim_ids": [killed], "analyst": "a"})
    first = all_events(api)[0]["id"]
    post(api, "/api/review/edit", {"event_id": first, "analyst": "a", "changes": {"date": "2025-04-30"}})
    everything = [e["id"] for e in all_events(api)]
    for size in (1, 2, 5):  # the touched events (the split-off one, the moved one) land on the right pages
        pages = [
            api.get("/api/events", params={"limit": size, "offset": s}).json() for s in range(0, 30, size)
        ]
        assert [e["id"] for p in pages for e in p["events"]] == everything
    assert {"geojson", "csv", "toll", "json", "parquet"} == STREAMED
    engine = open_engine(store_url)
    try:
        for fmt in sorted(STREAMED):
            for params in ({}, {"admin2": "Kech"}):
                with Session(engine) as session:
                    dataset = ReviewedReader(session).dataset(Filters(EventFilter(**params)))
                whole = io.BytesIO()
                write_dataset(dataset, fmt, whole)
                if fmt == "json":  # pydantic's whole document, with the store's campaign
                    assert dataset.campaigns
                    assert whole.getvalue() == (dataset.model_dump_json(indent=1) + "\n").encode()
                streamed = api.get(f"/api/export/{fmt}", params=params)
                assert streamed.status_code == 200 and streamed.content == whole.getvalue(), (fmt, params)
    finally:
        engine.dispose()


def test_text_ingest_works_offline(api: TestClient) -> None:
    body = {
        "text": SECOND_TURBAT_REPORT["text"],
        "title": SECOND_TURBAT_REPORT["title"],
        "published": "2025-04-08",
        "source": "The Makran Dispatch",
        "source_url": SECOND_TURBAT_REPORT["url"],
    }
    result = post(api, "/api/ingest", body)
    [stored] = result["stored"]
    assert stored["outcome"] == "new" and stored["claims"] >= 2 and stored["merged_events"] == 1
    event = api.get(event_url(TURBAT_IED)).json()
    assert stored["id"] in [a["id"] for a in event["articles"]]
    # Why it joined the event, beside the article that began it (no reasons).
    assert [s["article_id"] for s in event["sources"]] == event["article_ids"]
    joined = next(s for s in event["sources"] if s["article_id"] == stored["id"])
    assert joined["matched"][0] == "same place: Turbat" and event["sources"][0]["matched"] is None
    again = post(api, "/api/ingest", body)
    assert again["stored"][0]["outcome"] == "already stored"
    post(api, "/api/ingest", {"text": "x", "url": "https://example.org/"}, status=422)
    post(api, "/api/ingest", {"text": "   "}, status=422)
    post(api, "/api/ingest", {"text": "Two killed.", "source_url": "javascript:alert(1)"}, status=422)


def test_text_ingest_bad_text_is_a_422_and_a_figure_beyond_any_count_is_stored(api: TestClient) -> None:
    events_before = len(all_events(api))
    # A lone surrogate cannot be written as UTF-8: FastAPI's own 422 echoed it and failed with a 500.
    for body in (
        b'{"text": "Two killed \\ud800 in Turbat."}',
        b'{"text": "Two killed.", "title": "\\udfff"}',
    ):
        response = api.post("/api/ingest", content=body, headers={**AUTH, "Content-Type": "application/json"})
        assert response.status_code == 422, response.text
        assert response.json()["detail"][0]["type"] == "string_unicode"
    # A NUL, which PostgreSQL's text cannot hold: refused with the one line the command line gives.
    result = post(api, "/api/ingest", {"text": "Two killed\u0000 in Turbat.", "id": "nul"}, status=422)
    assert result == {
        "stored": [],
        "problems": ["nul: field 'text' holds a NUL character (U+0000) at character 10: not text"],
    }
    assert len(all_events(api)) == events_before
    result = post(
        api, "/api/ingest", {"text": "Police said 123456789012345678901 people were killed in Turbat."}
    )
    assert result["stored"][0]["outcome"] == "new" and result["stored"][0]["claims"] == 1


def test_url_ingest_refuses_private_addresses(api: TestClient) -> None:
    for url in (
        "http://127.0.0.1:9/article",
        "http://10.0.0.1/x",
        "http://[::1]/x",
        "http://169.254.169.254/",
    ):
        result = post(api, "/api/ingest", {"url": url}, status=422)
        assert result["stored"] == [] and "refused address" in result["problems"][0], result
    post(api, "/api/ingest", {"url": "file:///etc/passwd"}, status=422)


def test_docs_work_offline_and_headers(api: TestClient) -> None:
    docs = api.get("/docs")
    assert docs.status_code == 200
    assert "cdn" not in docs.text.lower() and "https://" not in docs.text
    assert "/static/vendor/swagger-ui/" in docs.text or "/openapi.json" in docs.text
    assert "/api/events" in api.get("/openapi.json").json()["paths"]
    page = api.get("/")
    assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    preflight = api.options(
        "/api/review/edit",
        headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in preflight.headers, "CORS is off"
    cross = api.get("/api/events", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in cross.headers


def test_loopback_server_accepts_only_loopback_host_names(store_url: str) -> None:
    from sitrep.api.server import LOOPBACK_NAMES, is_loopback

    ingest_examples(store_url)
    app = create_app(store_url, token_digests=[token_digest(TOKEN)], allowed_hosts=LOOPBACK_NAMES)
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        assert client.get("/api/meta").status_code == 200
        assert client.get("/api/meta", headers={"Host": "localhost:8000"}).status_code == 200
        assert client.get("/api/meta", headers={"Host": "attacker.example"}).status_code == 400
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")


def test_serve_defaults_to_loopback() -> None:
    import inspect

    from sitrep.api.server import serve
    from sitrep.cli.store import serve_command

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(serve_command).parameters["host"].default == "127.0.0.1"


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX only")
def test_reading_the_api_does_not_load_the_nlp_pipeline() -> None:
    import subprocess
    import sys

    code = "import sys, sitrep.api; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_app_for_several_workers_reads_its_settings_from_the_environment(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``uvicorn --factory sitrep.api.server:app_from_environment --workers N``: each worker builds the app from
    SITREP_DB and the write token, and makes no token of its own."""
    from sitrep.api.server import app_from_environment

    ingest_examples(store_url)
    monkeypatch.setenv("SITREP_DB", store_url)
    monkeypatch.setenv("SITREP_TOKEN", TOKEN)
    monkeypatch.setenv("SITREP_API_CACHE", "0")
    with TestClient(app_from_environment()) as client:
        assert client.get("/api/stats").json()["events"] > 5
        judged = client.post(
            "/api/review/accept", json={"event_id": TURBAT_IED, "analyst": "a"}, headers=AUTH
        )
        assert judged.status_code == 200, judged.text
        refused = client.post("/api/review/accept", json={"event_id": TURBAT_IED, "analyst": "a"})
        assert refused.status_code == 401
    with Session(open_engine(store_url)) as session:
        assert session.execute(select(ApiTokenRow)).first() is None, "a worker must not store a token"


def test_requests_arriving_together_share_one_read_of_the_review(store_url: str) -> None:
    """Requests at a new data version wait for one of them to read the review, then all use that one read:
    a fresh server with 50 requests at once read every review and built every touched event 50 times."""
    import threading

    from sitrep.store.review import ReviewSnapshots

    ingest_examples(store_url)
    engine = open_engine(store_url)
    snapshots = ReviewSnapshots()
    start = threading.Barrier(8)
    got: list[object] = []

    def ask() -> None:
        with Session(engine) as session:
            start.wait()
            got.append(snapshots.at(("v", 1), session))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(got) == 8 and len({id(shared) for shared in got}) == 1
        with Session(engine) as session:
            assert snapshots.at(("v", 2), session) is not got[0]  # a new version: read again
    finally:
        engine.dispose()


def test_acled_and_ucdp_downloads_leave_undated_events_out_unless_asked(api: TestClient) -> None:
    """An undated event is left out of the ACLED and UCDP files, and a header says how many were; the
    ``include_undated`` parameter keeps it. The other formats keep it without asking."""
    text = "KHUZDAR — Gunmen shot dead three shopkeepers in Khuzdar, police said. No group claimed responsibility."
    post(api, "/api/ingest", {"text": text, "title": "Three shot dead in Khuzdar", "source": "Dawn"})
    undated = [e for e in all_events(api) if e["date"] is None]
    assert len(undated) == 1
    dated = len(all_events(api)) - 1
    for fmt in ("acled", "ucdp"):
        left = api.get(f"/api/export/{fmt}")
        assert left.headers["x-sitrep-undated-left-out"] == "1", fmt
        kept = api.get(f"/api/export/{fmt}", params={"include_undated": True})
        assert "x-sitrep-undated-left-out" not in kept.headers, fmt
        assert len(kept.text.splitlines()) == len(left.text.splitlines()) + 1, fmt
    assert len(api.get("/api/export/acled").text.splitlines()) == 1 + dated
    document = json.loads(api.get("/api/export/json").content)
    assert undated[0]["id"] in {e["id"] for e in document["events"]}
