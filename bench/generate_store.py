"""Write a large store directly as rows, for the scale benchmarks (no extraction).

    python bench/generate_store.py [--db URL] [--events 1000000] [--seed 15] [--chunk 10000] [--no-minhash]

The schema comes from the project's own migrations (``sitrep.store.db.upgrade``); the rows are then written in
bulk: SQLAlchemy Core ``executemany`` on SQLite, ``COPY`` on PostgreSQL. Distributions, chosen to look like
a real store:

* places: Pakistan (70%) and United States towns and districts from the shipped place index
  (``sitrep/data/geo``), weighted by population; each article names 1-3 places, the first where it happened;
* dates: 2019-01-01 to 2025-12-31, more events in later years; an article is published 0-3 days after;
* 1-4 articles an event (60% one), 1-6 claims an event over its articles, claimants of every kind, outcomes
  mostly killed and injured; some claims give no number; the event's figures, toll and notes are made from
  its claims the way the reconciler shapes them (not by running it);
* a few campaigns (one per 2,000 events), holding 3% of the events and their articles;
* corrections: 0.5% of events carry an analyst's review (accepted, rejected or a corrected fatality figure),
  the rest none.

Deterministic: chunk ``k`` of ``--chunk`` events is made from its own generator seeded with (seed, k), and each
chunk is one transaction, so an interrupted run resumes where it stopped (the events already stored say which
chunk is next) and writes the same rows a single run would. Prints rows/s as it goes.

Time (this busy 2-core machine, SQLite on local disk, minhash on): see README "Measured".
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import gzip
import hashlib
import itertools
import json
import operator
import random
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import Connection, Engine, Table, func, select  # noqa: E402

from sitrep.store import tables  # noqa: E402
from sitrep.store.db import open_engine, upgrade, writing  # noqa: E402
from sitrep.store.review.tables import EventReviewRow  # noqa: E402

GEO = REPO / "sitrep" / "data" / "geo"
FIRST_DAY = dt.date(2019, 1, 1)
DAYS = (dt.date(2025, 12, 31) - FIRST_DAY).days + 1
MINHASH_BYTES = 512  # 128 little-endian uint32s, as sitrep.store.dedup makes them
EVENTS_PER_CAMPAIGN = 2000

# (event_type, sub_event_type, gtd_attack_type, weight)
EVENT_TYPES = (
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "Bombing/Explosion", 20),
    ("Explosions/Remote violence", "Suicide bomb", "Bombing/Explosion", 6),
    ("Explosions/Remote violence", "Grenade", "Bombing/Explosion", 5),
    ("Explosions/Remote violence", "Air/drone strike", "Bombing/Explosion", 3),
    ("Battles", "Armed clash", "Armed Assault", 25),
    ("Violence against civilians", "Attack", "Armed Assault", 20),
    ("Violence against civilians", "Abduction/forced disappearance", "Hostage Taking (Kidnapping)", 8),
    ("Strategic developments", "Arrests", "", 6),
    ("Strategic developments", "Looting/property destruction", "Facility/Infrastructure Attack", 4),
    ("Riots", "Mob violence", "Armed Assault", 3),
)
# (actor, inter code)
PK_ACTORS = (
    ("BLA: Baloch Liberation Army", 2),
    ("TTP: Tehreek-i-Taliban Pakistan", 2),
    ("BLF: Balochistan Liberation Front", 2),
    ("IS-KP: Islamic State Khorasan Province", 2),
    ("Unidentified Armed Group (Pakistan)", 3),
    ("Military Forces of Pakistan", 1),
    ("Police Forces of Pakistan", 1),
)
PK_TARGETS = (
    ("Civilians (Pakistan)", 7),
    ("Military Forces of Pakistan", 1),
    ("Police Forces of Pakistan Frontier Corps", 1),
    ("Police Forces of Pakistan Balochistan Levies", 1),
    ("", None),
)
US_ACTORS = (("Unidentified Armed Group (United States)", 3), ("Police Forces of the United States", 1))
US_TARGETS = (("Civilians (United States)", 7), ("", None))
# (claimant name, claimant kind, stance)
CLAIMANTS = (
    ("officials", "government", "confirmed"),
    ("provincial government official", "government", "confirmed"),
    ("Inter-Services Public Relations", "security_forces", "reported"),
    ("police", "security_forces", "reported"),
    ("Balochistan Liberation Army", "armed_group", "claimed"),
    ("Tehreek-i-Taliban Pakistan", "armed_group", "claimed"),
    ("tribal elders", "local_source", "reported"),
    ("residents", "local_source", "reported"),
    ("hospital officials", "medical", "confirmed"),
    ("local media", "media", "reported"),
    ("unofficial sources", "unofficial", "estimated"),
    ("rights group", "rights_group", "alleged"),
    (None, "none", "reported"),
)
OUTCOMES = (("killed", 55), ("injured", 30), ("abducted", 8), ("arrested", 4), ("missing", 3))
VICTIMS = (
    ("civilians", "civilians"),
    ("security_forces", "security personnel"),
    ("militants", "militants"),
    ("unspecified", "people"),
)
SIDES = ("security_forces", "civilians", "militants", "unspecified")
SOURCES = ("Meridian Wire", "Bolan Ledger", "Kech Herald", "Makran Dispatch", "Frontier Post", "Metro Daily")
TACTICS = ("suicide bomber", "roadside bomb", "gunmen", "explosives-laden vehicle", "grenade", "ambush")
CAMPAIGN_WORDS = (
    "Sandwall",
    "Black Storm",
    "Zarb",
    "Dawn",
    "Iron Gate",
    "Harvest",
    "Red Line",
    "Silent Night",
)


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: str
    name: str
    kind: str
    country_code: str
    admin1: str
    admin2: str
    lat: float
    lon: float


PlacesByCountry = dict[str, tuple[list[Place], list[float]]]


def load_places() -> PlacesByCountry:
    """The index's towns and districts of Pakistan and the United States with coordinates, and cumulative
    weights (population, at least 1,000) for choosing among them."""
    units = gzip.decompress((GEO / "units.tsv.gz").read_bytes()).decode("utf-8").split("\n")[1:]
    found: PlacesByCountry = {"PK": ([], []), "US": ([], [])}
    with gzip.open(GEO / "places.tsv.gz", "rt", encoding="utf-8") as rows:
        next(rows)
        for line in rows:
            f = line.rstrip("\n").split("\t")
            if f[2] not in ("town", "admin2") or not f[4] or not f[5]:
                continue
            country, admin1, admin2 = units[int(f[3])].split("\t")
            if country not in found or not admin1:
                continue
            places, weights = found[country]
            places.append(Place(f[0], f[1], f[2], country, admin1, admin2, float(f[4]), float(f[5])))
            weights.append(max(int(f[6] or 0), 1000) + (weights[-1] if weights else 0))
    return found


def _choice(rng: random.Random, items: Sequence[Any]) -> Any:
    return items[int(rng.random() * len(items))]


def _weighted(rng: random.Random, cumulative: list[float]) -> int:
    return bisect.bisect(cumulative, rng.random() * cumulative[-1])


_EMPTY = {"low": None, "best": None, "high": None, "rule": ""}
# Values are made as the database stores them (JSON as text, dates as ISO text): the rows then go to the
# driver as they are, without SQLAlchemy's per-value processing, which took half the time.
_json = json.JSONEncoder().encode  # json.dumps as SQLAlchemy calls it
_TOWN_PRECISION = _json({"acled": 1, "ucdp": 1})
_DISTRICT_PRECISION = _json({"acled": 2, "ucdp": 3})
_MATCHED = _json(["date", "place"])


def _figure(counts: list[tuple[int | None, int | None, str]]) -> dict[str, Any]:
    """low/best/high over the claims' counts (the reconciler's shape, simplified)."""
    lows = [low for low, _high, _who in counts if low is not None]
    if not lows:
        return {**_EMPTY, "rule": "no claim gives a number"} if counts else dict(_EMPTY)
    highs = [high if high is not None else low for low, high, _who in counts if low is not None]
    low, high = min(lows), max(highs)
    return {"low": low, "best": low, "high": high, "rule": f"low {low} from {counts[0][2]}; best the low"}


class Chunk:
    """The rows of events ``[first, first + size)``; ids continue from ``ids`` (table → next id)."""

    def __init__(
        self,
        seed: int,
        index: int,
        size: int,
        ids: dict[str, int],
        places: PlacesByCountry,
        minhash: bool,
        stamp: str,
    ) -> None:
        self.rng = random.Random(f"{seed}:{index}")
        self.stamp = stamp
        self.ids = ids
        self.places = places
        self.minhash = minhash
        self.rows: dict[str, list[dict[str, Any]]] = {
            name: []
            for name in ("articles", "places", "events", "claims", "event_articles", "campaign_articles")
        }
        self.reviews: list[dict[str, Any]] = []
        self.campaigns: list[dict[str, Any]] = []
        for number in range(index * size, (index + 1) * size):
            if number % EVENTS_PER_CAMPAIGN == 0:
                self._campaign(number)
            self._event(number)

    def _next(self, table: str) -> int:
        value = self.ids[table]
        self.ids[table] = value + 1
        return value

    def _campaign(self, number: int) -> None:
        rng = self.rng
        actor = _choice(rng, PK_ACTORS[:5])[0]
        name = f"Operation {_choice(rng, CAMPAIGN_WORDS)} {number // EVENTS_PER_CAMPAIGN + 1}"
        day = FIRST_DAY + dt.timedelta(days=int(rng.random() * DAYS))
        figure = {"low": 10, "best": 12, "high": 40, "rule": "campaign-wide: the officials' total"}
        self.campaigns.append(
            {
                "id": self._next("campaigns"),
                "uid": f"gen-k{number // EVENTS_PER_CAMPAIGN + 1:07d}",
                "name": name,
                "actor": actor,
                "name_key": name.lower(),
                "actor_key": actor,
                "fatalities": _json(figure),
                "injured": _json(_EMPTY),
                "abducted": _json(_EMPTY),
                "by_side": _json({side: _EMPTY for side in SIDES}),
                "toll": "[]",
                "notes": f"{actor} claims a campaign of attacks.",
                "date_first": day.isoformat(),
                "date_last": (day + dt.timedelta(days=int(rng.random() * 10))).isoformat(),
                "revision": 1,
                "named": True,
            }
        )

    def _place(
        self, article_id: int, article_uid: str, number: int, country: str, role: str
    ) -> tuple[dict[str, Any], Place]:
        places, weights = self.places[country]
        place = places[_weighted(self.rng, weights)]
        start = int(self.rng.random() * 300)
        row = {
            "id": self._next("places"),
            "uid": f"{article_uid}#p{number}",
            "article_id": article_id,
            "name": place.name,
            "text": place.name,
            "country_code": place.country_code,
            "admin1": place.admin1,
            "admin2": place.admin2 or None,
            "lat": place.lat,
            "lon": place.lon,
            "geonameid": place.geonameid.removeprefix("gn:"),
            "kind": place.kind,
            "precision": _TOWN_PRECISION if place.kind == "town" else _DISTRICT_PRECISION,
            "role": role,
            "start_char": start,
            "end_char": start + len(place.name),
        }
        self.rows["places"].append(row)
        return row, place

    def _event(self, number: int) -> None:
        rng = self.rng
        country = "PK" if rng.random() < 0.7 else "US"
        # More events in later years: the square root skews the day towards the end of the range.
        date = FIRST_DAY + dt.timedelta(days=min(DAYS - 1, int(DAYS * rng.random() ** 0.7)))
        event_type, sub_type, gtd, _w = rng.choices(EVENT_TYPES, cum_weights=_EVENT_CUM)[0]
        actor1, inter1 = _choice(rng, PK_ACTORS if country == "PK" else US_ACTORS)
        actor2, inter2 = _choice(rng, PK_TARGETS if country == "PK" else US_TARGETS)
        in_campaign = rng.random() < 0.03 and self.campaigns
        campaign = self.campaigns[-1] if in_campaign else None
        articles = rng.choices((1, 2, 3, 4), cum_weights=(60, 85, 95, 100))[0]
        claim_count = rng.randint(max(1, articles), 6) if articles <= 6 else articles
        event_id = self._next("events")
        article_ids: list[tuple[int, str, dt.date]] = []
        first_place: tuple[dict[str, Any], Place] | None = None
        for a in range(articles):
            article_id = self._next("articles")
            uid = f"gen-{article_id:08d}"
            published = date + dt.timedelta(days=int(rng.random() * 4))
            source = _choice(rng, SOURCES)
            place_count = rng.choices((1, 2, 3), cum_weights=(50, 85, 100))[0]
            names = []
            for p in range(1, place_count + 1):
                row, place = self._place(article_id, uid, p, country, "event" if p == 1 else "mention")
                names.append(place.name)
                if first_place is None:
                    first_place = (row, place)
            text = (
                f"{names[0].upper()}: {actor1 or 'Unknown attackers'} struck near {', '.join(names)} on "
                f"{date:%A, %d %B %Y}, officials said. ({source}, {uid}) The attack was the latest in a series "
                f"of {event_type.lower()} incidents in {first_place[1].admin1}; residents described "
                f"{_choice(rng, TACTICS)}s and said security forces had sealed off the area."
            )
            url = f"https://{source.lower().replace(' ', '')}.example/{published:%Y/%m}/{uid}"
            self.rows["articles"].append(
                {
                    "id": article_id,
                    "uid": uid,
                    "source_id": uid,
                    "url": url,
                    "url_sha256": hashlib.sha256(url.encode()).hexdigest(),
                    "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
                    "title": f"{event_type.split('/')[0]} in {names[0]}",
                    "published": published.isoformat(),
                    "source": source,
                    "author": None,
                    "language": "en",
                    "note": None,
                    "text": text,
                    "minhash": rng.randbytes(MINHASH_BYTES) if self.minhash else None,
                    "duplicate_of": None,
                    "similarity": None,
                    "superseded_by": None,
                    "ingested_at": self.stamp,
                }
            )
            self.rows["event_articles"].append(
                {"event_id": event_id, "article_id": article_id, "matched": "null" if a == 0 else _MATCHED}
            )
            if campaign is not None:
                self.rows["campaign_articles"].append(
                    {"campaign_id": campaign["id"], "article_id": article_id}
                )
            article_ids.append((article_id, uid, published))
        assert first_place is not None
        place_row, place = first_place
        by_outcome: dict[str, list[tuple[int | None, int | None, str]]] = {}
        by_side: dict[str, list[tuple[int | None, int | None, str]]] = {}
        toll = []
        notes = []
        for c in range(claim_count):
            article_id, article_uid, published = article_ids[c % articles]
            claimant, kind, stance = _choice(rng, CLAIMANTS)
            outcome = rng.choices(OUTCOMES, cum_weights=_OUTCOME_CUM)[0][0]
            victim, victim_text = _choice(rng, VICTIMS)
            low = None if rng.random() < 0.1 else int(rng.paretovariate(1.3))
            high = low if low is not None and rng.random() < 0.6 else None
            count_text = "dozens" if low is None else (f"at least {low}" if high is None else str(low))
            quote = f"{claimant or 'Officials'} said {count_text} {victim_text} were {outcome}."
            self.rows["claims"].append(
                {
                    "id": self._next("claims"),
                    "uid": f"{article_uid}#c{c // articles + 1}",
                    "article_id": article_id,
                    "event_id": event_id,
                    "campaign_id": campaign["id"] if campaign is not None else None,
                    "outcome": outcome,
                    "victim": victim,
                    "victim_text": victim_text,
                    "count_low": low,
                    "count_high": high,
                    "count_text": count_text,
                    "count_approximate": high is None,
                    "claimant_name": claimant,
                    "claimant_kind": kind,
                    "claimant_text": claimant,
                    "stance": stance,
                    "verified": kind in ("government", "medical"),
                    "quote": quote,
                    "start_char": 100 + 80 * c,
                    "end_char": 100 + 80 * c + len(quote),
                    "place_ids": _json([place_row["uid"]] if c < articles else []),
                    "part_of": None,
                    "background": False,
                }
            )
            who = f"{claimant or 'unnamed'} ({kind})"
            by_outcome.setdefault(outcome, []).append((low, high, who))
            if outcome == "killed":
                by_side.setdefault(victim, []).append((low, high, who))
            toll.append(
                {
                    "published": published.isoformat(),
                    "article_id": article_uid,
                    "claimant": claimant or kind,
                    "claimant_kind": kind,
                    "outcome": outcome,
                    "low": low,
                    "high": high,
                    "text": count_text,
                    "stance": stance,
                    "superseded": False,
                }
            )
            notes.append(f"{who} {stance} {count_text} {victim_text} {outcome}")
        uid = f"{article_ids[0][1]}#e1"
        self.rows["events"].append(
            {
                "id": event_id,
                "uid": uid,
                "event_type": event_type,
                "sub_event_type": sub_type,
                "gtd_attack_type": gtd,
                "date": date.isoformat(),
                "date_precision": _TOWN_PRECISION,
                "actor1": actor1,
                "actor2": actor2,
                "inter1": inter1,
                "inter2": inter2,
                "interaction": int(f"{inter1}{inter2 or 0}"),
                "claimed_by": _json([actor1] if inter1 != 1 and rng.random() < 0.3 else []),
                "denied_by": "[]",
                "place_id": place_row["id"],
                "country_code": place.country_code,
                "admin1": place.admin1,
                "admin2": place.admin2 or None,
                "place_key": f"{place.country_code}|{place.admin1}|{place.admin2}",
                "fatalities": _json(_figure(by_outcome.get("killed", []))),
                "injured": _json(_figure(by_outcome.get("injured", []))),
                "abducted": _json(_figure(by_outcome.get("abducted", []))),
                "by_side": _json({side: _figure(by_side.get(side, [])) for side in SIDES}),
                "campaign_id": campaign["id"] if campaign is not None else None,
                "tactics": _json([_choice(rng, TACTICS)] if rng.random() < 0.5 else []),
                "notes": "; ".join(notes) + ".",
                "toll": _json(toll),
                "revision": articles - 1,
                "updated_at": self.stamp,
            }
        )
        if rng.random() < 0.005:
            self._review(uid, rng)

    def _review(self, uid: str, rng: random.Random) -> None:
        draw = rng.random()
        fields: dict[str, Any] = {}
        if draw < 0.2:
            low = rng.randint(1, 30)
            fields["fatalities"] = {
                "low": low,
                "best": low,
                "high": low + 5,
                "rule": "set by analyst gen on 2026-01-01",
            }
        self.reviews.append(
            {
                "event_uid": uid,
                "status": None if fields else ("accepted" if draw < 0.8 else "rejected"),
                "edited": bool(fields),
                "fields": _json(fields),
                "merged_into": None,
                "split_from": None,
                "claim_ids": "[]",
                "updated_at": self.stamp,
                "updated_by": "gen",
            }
        )


_EVENT_CUM = list(itertools.accumulate(w for *_rest, w in EVENT_TYPES))
_OUTCOME_CUM = list(itertools.accumulate(w for _o, w in OUTCOMES))
# Insert order: a row's foreign keys point at rows inserted before it.
ORDER = ("campaigns", "articles", "places", "events", "claims", "event_articles", "campaign_articles")
TABLES: dict[str, Table] = {
    "campaigns": tables.campaigns,
    "articles": tables.articles,
    "places": tables.places,
    "events": tables.events,
    "claims": tables.claims,
    "event_articles": tables.event_articles,
    "campaign_articles": tables.campaign_articles,
    "event_reviews": EventReviewRow.__table__,
}


def _write(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert the rows, given as the database stores them: COPY on PostgreSQL (psycopg 3), else the driver's
    executemany through SQLAlchemy's connection."""
    if not rows:
        return
    keys = list(rows[0])
    values = map(operator.itemgetter(*keys), rows)
    columns = ", ".join(table.c[key].name for key in keys)
    if connection.dialect.name == "postgresql":
        cursor = connection.connection.driver_connection.cursor()
        with cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:
            for row in values:
                copy.write_row(row)
    else:
        marks = ", ".join("?" * len(keys))
        connection.exec_driver_sql(f"INSERT INTO {table.name} ({columns}) VALUES ({marks})", list(values))


def next_ids(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            name: (connection.scalar(select(func.max(TABLES[name].c.id))) or 0) + 1
            for name in ("campaigns", "articles", "places", "events", "claims")
        }


def generate(url: str, events: int, seed: int, chunk: int, minhash: bool, out: TextIO = sys.stdout) -> None:
    engine = open_engine(url)
    upgrade(engine)
    with engine.connect() as connection:
        have = connection.scalar(select(func.count()).select_from(tables.events)) or 0
    if have % chunk:
        raise SystemExit(
            f"{have} events stored: not a whole number of {chunk}-event chunks (another --chunk?)"
        )
    places = load_places()
    ids = next_ids(engine)
    # How each database's driver takes a timestamp as text (SQLite: SQLAlchemy's own storage format).
    stamp = "2026-01-01 00:00:00.000000" if engine.dialect.name == "sqlite" else "2026-01-01 00:00:00+00"
    started = time.perf_counter()
    written = 0
    first = have // chunk
    last = -(-events // chunk)
    print(f"{have:,} events already stored; writing chunks {first}..{last - 1} of {chunk:,}", file=out)
    for index in range(first, last):
        made = Chunk(seed, index, chunk, ids, places, minhash, stamp)
        with writing(engine.connect()) as connection, connection.begin():
            if engine.dialect.name == "sqlite":
                connection.exec_driver_sql("PRAGMA cache_size = -1000000")
            for name in ORDER:
                rows = made.campaigns if name == "campaigns" else made.rows[name]
                _write(connection, TABLES[name], rows)
                written += len(rows)
            _write(connection, TABLES["event_reviews"], made.reviews)
            written += len(made.reviews)
        elapsed = time.perf_counter() - started
        print(
            f"{(index + 1) * chunk:>10,} events  {written:>11,} rows  {elapsed:7.1f} s  "
            f"{written / elapsed:>9,.0f} rows/s",
            file=out,
            flush=True,
        )
    # Fresh planner statistics: the read benchmarks must not be judged on a planner that has none.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        if engine.dialect.name == "postgresql":
            # COPY wrote the ids itself: each id sequence must go on after them, or the next row a writer
            # inserts takes id 1, which is taken.
            for table in TABLES.values():
                if "id" in table.c:
                    connection.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), max(id)) FROM {table.name}"
                    )
        connection.exec_driver_sql("ANALYZE")
    engine.dispose()


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--db", default="sqlite:///bench/store-1m.db", help="SQLAlchemy URL (SQLite or PostgreSQL)"
    )
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--chunk", type=int, default=10_000, help="events per transaction (resume unit)")
    parser.add_argument("--no-minhash", action="store_true", help="leave articles' MinHash signatures null")
    args = parser.parse_args(list(argv) if argv is not None else None)
    generate(args.db, args.events, args.seed, args.chunk, not args.no_minhash)


if __name__ == "__main__":
    main()
