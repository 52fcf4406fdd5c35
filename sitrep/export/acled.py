"""ACLED export: one CSV row per event with ACLED's columns, in ACLED's order and spelling.

How each column is filled (ACLED's conventions, DESIGN §1):

* ``event_id_cnty``: the ISO alpha-3 code of the event's country and a number made from the event id
  (``_common.event_number``: the id itself when it is all digits, else 12 digits of its hash), e.g.
  ``PAK482913007765``; ``XXX`` when the country is unknown. The same event keeps its number across exports.
* ``event_date`` ISO (YYYY-MM-DD); ``year``; ``time_precision`` = the event's ACLED date precision.
* ``disorder_type`` from the event and sub-event type by ``data/acled_disorder_types.tsv``.
* ``actor1``/``actor2``: sitrep's canonical names, with the period suffix ACLED gives a country's state forces
  added from the event date (``data/acled_actor_periods.tsv``): "Military Forces of Pakistan (2022-)". A branch
  stays in the actor column with the period after the parent force, as in ACLED's data: "Police Forces of
  Pakistan (2022-) Frontier Corps". ``assoc_actor_1``/``assoc_actor_2`` stay blank: sitrep does not code
  associated actors.
* ``inter1``/``inter2``/``interaction`` as numeric codes, the interaction being the two codes joined lower first
  (12; 20 for a rebel group acting alone). ACLED's exports since 2024 write them as words instead ("State
  forces", "State forces-Rebel group", "Rebel group only"); the codes follow ACLED's codebook up to 2023.
* ``civilian_targeting`` = "Civilian targeting" when either actor is civilians (inter code 7), else blank.
* ``iso`` (ISO 3166 numeric), ``country`` and ``region`` in ACLED's spelling (``data/countries.tsv``).
* ``admin1``/``admin2`` from the event's place; ``admin3`` only when the place is itself a third-level unit.
  ``location`` = the place's name; ``latitude``/``longitude``; ``geo_precision`` = the place's ACLED precision.
* ``source`` = the names of the event's sources, joined with "; "; ``source_scale`` and ``tags`` blank.
* ``notes`` = the event's notes: who claims what; disputes are stated there and nowhere else.
* ``fatalities`` = ACLED's single conservative figure from each claimant's latest figures
  (``sitrep.events.figures.acled_fatalities``: "dozens"
  read as 12 and the other readings of ``data/acled_conventions.tsv``; a perpetrator's claim only when no one
  else gives a figure; 0 when no death is reported).
* ``timestamp`` = the time of the export, in Unix seconds.
* **A campaign's total that no place holds** ("more than 200 killed across the province") follows ACLED's
  convention for a total that cannot be placed: the campaign's conservative figure (read from its campaign-wide
  claims as above), less the fatalities its events already carry, is divided equally across its N events in
  the export (the remainder of the division, one each, to the earliest events), and each such row's ``notes``
  say so ("… total fatalities divided equally across N events"). A campaign total is never added on top of
  its events': when they already carry as many, nothing is added. A campaign with no event has no row.
"""

from __future__ import annotations

import csv
import datetime as dt
import time
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TextIO

from sitrep.countries import country
from sitrep.data import read_table
from sitrep.events.figures import acled_fatalities
from sitrep.export._common import coordinate, event_numbers, event_sources, join
from sitrep.model import ArticleMeta, Dataset, DatasetEvent
from sitrep.resolve import latest_figures

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

_CIVILIANS = 7
_UNKNOWN_COUNTRY = "XXX"  # the code ICAO passports use for an unspecified state


@dataclass(frozen=True, slots=True)
class _Period:
    actor: str
    suffix: str
    start: dt.date | None
    end: dt.date | None


@cache
def _periods() -> tuple[_Period, ...]:
    return tuple(
        _Period(
            row["actor"],
            row["suffix"],
            dt.date.fromisoformat(row["start"]) if row["start"] else None,
            dt.date.fromisoformat(row["end"]) if row["end"] else None,
        )
        for row in read_table("acled_actor_periods.tsv")
    )


@cache
def _disorder_types() -> dict[tuple[str, str], str]:
    return {
        (r["event_type"], r["sub_event_type"]): r["disorder_type"]
        for r in read_table("acled_disorder_types.tsv")
    }


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type of an event type / sub-event type pair; blank for a type ACLED does not have."""
    table = _disorder_types()
    return table.get((event_type, sub_event_type)) or table.get((event_type, ""), "")


def actor_name(name: str | None, date: dt.date | None) -> str:
    """An actor as ACLED names it on ``date``: state forces get their period suffix, before any branch name."""
    if not name:
        return ""
    if date is None:
        return name
    for period in _periods():
        if name != period.actor and not name.startswith(period.actor + " "):
            continue
        if (period.start is None or date >= period.start) and (period.end is None or date <= period.end):
            return f"{period.actor} {period.suffix}{name[len(period.actor) :]}"
    return name


def _interaction(event: DatasetEvent) -> int | None:
    if event.interaction is not None:
        return event.interaction
    codes = sorted(c for c in (event.inter1, event.inter2) if c is not None)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


@dataclass(frozen=True, slots=True)
class _Share:
    """What an event gets of its campaign's unplaced total: the added fatalities and the words for ``notes``."""

    fatalities: int
    note: str


def _campaign_shares(dataset: Dataset) -> dict[str, _Share]:
    """Each campaign event's share of its campaign's total that no place holds (the module docstring's rule)."""
    by_id = {event.id: event for event in dataset.events}
    shares: dict[str, _Share] = {}
    for campaign in dataset.campaigns:
        members = [by_id[e] for e in campaign.event_ids if e in by_id]
        if not members or not campaign.claims:
            continue
        total = acled_fatalities(latest_figures(campaign.claims))
        placed = sum(acled_fatalities(latest_figures(e.claims)) for e in members)
        unplaced = total - placed
        if unplaced <= 0:
            continue
        each, rest = divmod(unplaced, len(members))
        note = (
            f"{campaign.name}: {total} fatalities reported for the whole campaign, {unplaced} of them not placed; "
            f"total fatalities divided equally across {len(members)} events."
        )
        ordered = sorted(members, key=lambda e: (e.date is None, e.date, e.id))
        for index, event in enumerate(ordered):
            shares[event.id] = _Share(each + (1 if index < rest else 0), note)
    return shares


def row(
    event: DatasetEvent,
    number: int,
    timestamp: int,
    articles: Mapping[str, ArticleMeta] | None = None,
    share: _Share | None = None,
) -> dict[str, str]:
    """One event as an ACLED row (all values as written in the CSV); ``share``: its part of its campaign's
    unplaced total."""
    place = event.place
    land = country(place.country_code if place else None)
    civilian_targeting = _CIVILIANS in (event.inter1, event.inter2)
    interaction = _interaction(event)
    values: dict[str, object] = {
        "event_id_cnty": f"{land.iso3 if land else _UNKNOWN_COUNTRY}{number}",
        "event_date": event.date.isoformat() if event.date else "",
        "year": event.date.year if event.date else "",
        "time_precision": event.date_precision.get("acled", "") if event.date else "",
        "disorder_type": disorder_type(event.event_type, event.sub_event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": actor_name(event.actor1, event.date),
        "assoc_actor_1": "",
        "inter1": event.inter1 if event.inter1 is not None else "",
        "actor2": actor_name(event.actor2, event.date),
        "assoc_actor_2": "",
        "inter2": event.inter2 if event.inter2 is not None else "",
        "interaction": interaction if interaction is not None else "",
        "civilian_targeting": "Civilian targeting" if civilian_targeting else "",
        "iso": land.iso_numeric if land else "",
        "region": land.acled_region if land else "",
        "country": land.acled_name if land else "",
        "admin1": (place.admin1 or "") if place else "",
        "admin2": (place.admin2 or "") if place else "",
        "admin3": place.name if place and place.kind == "admin3" else "",
        "location": place.name if place else "",
        "latitude": coordinate(place.lat if place else None),
        "longitude": coordinate(place.lon if place else None),
        "geo_precision": place.precision.get("acled", "") if place else "",
        "source": join([s.name or "" for s in event_sources(event, articles)]),
        "source_scale": "",
        "notes": f"{event.notes} {share.note}".strip() if share else event.notes,
        "fatalities": acled_fatalities(latest_figures(event.claims)) + (share.fatalities if share else 0),
        "tags": "",
        "timestamp": timestamp,
    }
    return {column: str(values[column]) for column in COLUMNS}


def rows(
    dataset: Dataset,
    timestamp: int | None = None,
    articles: Mapping[str, ArticleMeta] | None = None,
) -> list[dict[str, str]]:
    """The dataset's events as ACLED rows; ``timestamp`` defaults to now."""
    stamp = int(time.time()) if timestamp is None else timestamp
    numbers = event_numbers(dataset)
    shares = _campaign_shares(dataset)
    return [row(event, numbers[event.id], stamp, articles, shares.get(event.id)) for event in dataset.events]


def write(
    dataset: Dataset,
    stream: TextIO,
    timestamp: int | None = None,
    articles: Mapping[str, ArticleMeta] | None = None,
) -> None:
    table = rows(dataset, timestamp, articles)  # before the header: a refused dataset writes nothing
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
