"""UCDP GED export: one CSV row per event with UCDP GED's columns, in GED's order and spelling.

Every GED column is present so tools that read GED files read this one; those sitrep cannot know (UCDP's
conflict, dyad and actor ids, ``active_year`` and ``code_status``, which depend on UCDP's own yearly counts) are
left empty. No number is made up: an empty cell means no source gives it.

**Rows.** GED holds organised violence only, with both sides known, and dated events: an event gets a row when
it has a type of violence (below) and a date. The others are left out (``leaves_out`` counts them, and the
command line says how many); ``include_undated`` keeps the undated ones, with their date columns empty. The
JSON, CSV and GeoJSON exports keep every event.

How the columns are filled (UCDP GED codebook facts as DESIGN §1 gives them; the rules are sitrep's):

* ``id`` = the event's number (as in the ACLED export); ``relid`` = sitrep's event id, to trace the row back.
* ``type_of_violence`` and the sides, from the two actors and their ACLED inter codes, for violent events only
  (Battles, Explosions/Remote violence, Violence against civilians; protests, riots and strategic developments
  are not GED events):
    3 one-sided: one side is civilians (or the event is Violence against civilians) -> side_a the perpetrator,
      side_b "Civilians";
    1 state-based: one side is a state force -> side_a the government, side_b the other actor;
    2 non-state: two non-state actors -> side_a actor1, side_b actor2;
    an actor acting alone: a non-state actor whose victims are civilians only is one-sided; a rebel group
      (inter 2, which ACLED defines by its fight against the state) or any non-state actor whose victims
      include security forces is state-based, against the government of the country the event took place in;
      otherwise (a state force alone, a militia with no victims known) the other side is unknown and the event
      gets no row.
  State forces are named "Government of <country>", civilians "Civilians", other actors by UCDP's name where
  ``data/ucdp_names.tsv`` has one, else sitrep's.
* ``gwnoa``/``gwnob`` = the Gleditsch-Ward number of the state on side A/B, empty for a non-state side;
  ``country_id`` = the GW number of the country the event took place in (``data/countries.tsv``, ``gwno``).
* ``priogrid_gid`` = the PRIO-GRID cell of the coordinates: 0.5-degree cells numbered row by row from 1 at
  (-90, -180), 720 to a row: ``floor((lat + 90) * 2) * 720 + floor((lon + 180) * 2) + 1`` (the formula gives
  the cell of all 6,416 rows of UCDP GED's Pakistan data).
* ``event_clarity`` = 2 (lower clarity) for what cannot be told apart as one event: a campaign's aggregate row
  (below), an event known only to the month or year (``date_prec`` 4-5), or placed no closer than its province
  (``where_prec`` 4 or more, or no place); else 1. Disputed figures do not lower it: ``low``/``high`` carry
  the dispute, as in GED.
* ``deaths_a``/``deaths_b`` from the event's deaths by side: a government side gets the security forces'
  deaths, a non-state armed side the militants'. When both sides are state or both non-state the deaths cannot
  be told apart and both stay empty. ``deaths_civilians`` = civilians, ``deaths_unknown`` = deaths whose side
  no source gives. Each is the side's ``best``.
* ``best``/``low``/``high`` = the event's reconciled fatalities (``sitrep.events.figures``), 0 when no source
  reports a death (the campaign's aggregate row may hold its deaths), so ``low <= best <= high``. Two differences
  from UCDP's own figures, both because each number here is one source's claim, not a sum: the four deaths_*
  columns need not add up to ``best`` (a source may give a total and no split), and ``high`` is the highest
  figure anyone claims, the perpetrator's included, where UCDP keeps only the highest *reliable* figure. In a
  one-sided event ``best`` counts every death a source reports (attackers too); UCDP counts only civilians.
* ``where_prec`` = the place's UCDP precision; ``where_coordinates`` = the place's name and kind ("Turbat
  town", "Kech district"); ``where_description`` = the place as the article wrote it; ``adm_1`` in UCDP's
  spelling (``data/ucdp_names.tsv``, else as named); ``adm_2`` = "<district> district", as GED writes it.
* ``year`` = the event's year; ``date_prec`` = the event's UCDP date precision (from its ACLED one when only that
  is known: day 1, week 3, month 4); ``date_start``/``date_end`` the window it allows, written as
  GED writes dates ("2025-03-11 00:00:00.000"): the day itself at precision 1; three days either side of the
  (mid-point) date at 2 and 3; the calendar month at 4; the calendar year at 5. The end is never later than
  the earliest publication date of the event's sources, the start never later than the end.
* ``source_article`` = one ``"office,date,headline"`` per article, joined with ";" (the headline, else the URL,
  else the article id); ``source_office``, ``source_date``, ``source_headline`` the same parts, ";"-joined;
  ``number_of_sources`` = the number of articles; ``source_original`` = who gave the figures (the claimants).
* **A campaign's deaths that no place holds** make one aggregate row more, as GED codes deaths it cannot
  place: ``relid`` the campaign's id, ``best``/``low``/``high`` what its campaign-wide figures count beyond the
  sum of its events' (nothing is counted twice; no row when the events already hold as many),
  ``where_prec`` 4 (the province, when all its events lie in one) else 6 (the country), the dates its days
  span (``date_prec`` 2 within six days, else 4), the type of violence and sides of its first event.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TextIO

from sitrep.countries import Country, country
from sitrep.data import read_table
from sitrep.events.actors import Actor, load_actors
from sitrep.export._common import (
    coordinate,
    event_number,
    event_numbers,
    event_sources,
    is_undated,
)
from sitrep.model import ArticleMeta, Dataset, DatasetCampaign, DatasetEvent
from sitrep.resolve.flat import current_claims, join

COLUMNS = (
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_a",
    "side_b_dset_id",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "iso3",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "gwnoa",
    "gwnob",
)

STATE_BASED, NON_STATE, ONE_SIDED = 1, 2, 3
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_STATE, _REBELS, _CIVILIANS = 1, 2, 7  # ACLED inter codes
_MONTH, _YEAR = 4, 5  # UCDP date precisions
_PROVINCE = 4  # UCDP where_prec: the first-level unit
_FROM_ACLED = {1: 1, 2: 3, 3: 4}  # ACLED time_precision -> UCDP date_prec (day, week, month)
# How GED names a place after its kind ("Tump town", "Kech district"); kinds not listed keep the bare name.
_KIND_WORDS = {"town": "town", "admin2": "district"}
_WINDOW = {2: 3, 3: 3}  # UCDP date precision -> days either side of the mid-point date


@cache
def _names() -> dict[tuple[str, str], str]:
    return {(row["kind"], row["name"]): row["ucdp"] for row in read_table("ucdp_names.tsv")}


def side_name(name: str | None, inter: int | None) -> str:
    """An actor as UCDP names a side: "Government of Pakistan", "Civilians", "BLA"."""
    if not name:
        return ""
    actor = _actor(name)
    kind = actor.kind if actor else None
    if inter == _CIVILIANS or kind == "civilians":
        return "Civilians"
    if (inter == _STATE or kind == "state_forces") and actor and actor.country:
        land = country(actor.country)
        if land and land.ucdp_name:
            return f"Government of {land.ucdp_name}"
    return _names().get(("actor", name), name)


def _actor(name: str | None) -> Actor | None:
    return load_actors().get(name) if name else None


def _is_state(name: str | None, inter: int | None) -> bool:
    actor = _actor(name)
    return inter == _STATE or (actor is not None and actor.kind == "state_forces")


def _is_civilians(name: str | None, inter: int | None) -> bool:
    actor = _actor(name)
    return inter == _CIVILIANS or (actor is not None and actor.kind == "civilians")


def _state_number(name: str | None) -> int | None:
    """The Gleditsch-Ward number of a state force's country; None for anyone else or an unknown country."""
    actor = _actor(name)
    land = country(actor.country) if actor and actor.kind == "state_forces" else None
    return land.gwno if land else None


@dataclass(frozen=True, slots=True)
class Violence:
    """An event's UCDP type of violence, its sides with their GW numbers, and the deaths of each side."""

    kind: int
    side_a: str
    side_b: str
    deaths_a: int | None = None
    deaths_b: int | None = None
    gwnoa: int | None = None
    gwnob: int | None = None


def violence(event: DatasetEvent) -> Violence | None:
    """The type of violence and the sides by the rules in the module docstring; None when GED would not code
    the event (not organised violence, or a side unknown)."""
    if event.event_type not in _VIOLENT:
        return None
    one = (event.actor1, event.inter1)
    two = (event.actor2, event.inter2)
    sides = event.by_side
    if _is_civilians(*two) or _is_civilians(*one) or event.event_type == "Violence against civilians":
        perpetrator = one if not _is_civilians(*one) else two
        if not perpetrator[0] or _is_civilians(*perpetrator):
            return None
        state = _is_state(*perpetrator)
        own = sides.security_forces if state else sides.militants
        return Violence(
            ONE_SIDED, side_name(*perpetrator), "Civilians", own.best, gwnoa=_state_number(perpetrator[0])
        )
    if one[0] and two[0]:
        if _is_state(*one) or _is_state(*two):
            government, other = (one, two) if _is_state(*one) else (two, one)
            if _is_state(*other):  # two states: their deaths cannot be told apart
                return Violence(
                    STATE_BASED,
                    side_name(*government),
                    side_name(*other),
                    gwnoa=_state_number(government[0]),
                    gwnob=_state_number(other[0]),
                )
            return Violence(
                STATE_BASED,
                side_name(*government),
                side_name(*other),
                sides.security_forces.best,
                sides.militants.best,
                gwnoa=_state_number(government[0]),
            )
        return Violence(NON_STATE, side_name(*one), side_name(*two))
    return _alone(event, one if one[0] else two)


def _alone(event: DatasetEvent, actor: tuple[str | None, int | None]) -> Violence | None:
    """An actor acting alone (module docstring): its opponent told by who died, or by what a rebel group is."""
    if not actor[0] or _is_state(*actor):
        return None  # a state force alone: whom it fought is not known
    sides = event.by_side
    hit_forces = bool(sides.security_forces.best or sides.security_forces.high)
    hit_civilians = bool(sides.civilians.best or sides.civilians.high)
    if hit_civilians and not hit_forces:
        return Violence(ONE_SIDED, side_name(*actor), "Civilians", sides.militants.best)
    if not (hit_forces or actor[1] == _REBELS):
        return None
    land = country(event.place.country_code if event.place else None)
    if land is None or not land.ucdp_name:
        return None  # whose government it fought is not known
    return Violence(
        STATE_BASED,
        f"Government of {land.ucdp_name}",
        side_name(*actor),
        sides.security_forces.best,
        sides.militants.best,
        gwnoa=land.gwno,
    )


def priogrid_gid(lat: float | None, lon: float | None) -> int | None:
    """The PRIO-GRID cell of a point (module docstring); None without a point or outside the globe."""
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    # The north pole and the antimeridian belong to the last row and column, not to a 361st or 721st.
    row = min(math.floor((lat + 90) * 2), 359)
    col = min(math.floor((lon + 180) * 2), 719)
    return row * 720 + col + 1


def date_precision(event: DatasetEvent) -> int | None:
    """The event's UCDP date precision, from its ACLED one when only that is known; None when undated."""
    if event.date is None:
        return None
    if "ucdp" in event.date_precision:
        return event.date_precision["ucdp"]
    return _FROM_ACLED.get(event.date_precision.get("acled", 1), 1)


def event_clarity(event: DatasetEvent) -> int:
    """1 (clear) or 2 (lower clarity) by the module docstring's rule, for an event's own row."""
    place = event.place
    where = place.precision.get("ucdp") if place else None
    vague_place = where is None or where >= _PROVINCE
    vague_date = (date_precision(event) or _YEAR) >= _MONTH
    return 2 if vague_place or vague_date else 1


def _ged_date(day: dt.date) -> str:
    return f"{day.isoformat()} 00:00:00.000"


def date_window(event: DatasetEvent, published: list[dt.date]) -> tuple[dt.date, dt.date] | None:
    """The first and last day the event's date and UCDP precision allow, cut at the first publication."""
    day = event.date
    if day is None:
        return None
    precision = date_precision(event) or 1
    if precision in _WINDOW:
        start, end = day - dt.timedelta(days=_WINDOW[precision]), day + dt.timedelta(days=_WINDOW[precision])
    elif precision == 4:
        start = day.replace(day=1)
        end = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    elif precision >= 5:
        start, end = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    else:
        start = end = day
    if published:
        # An event is reported after it happens: the window ends at the earliest report, never before the date.
        end = max(min(end, min(published)), day)
    return min(start, end), end


def _where_coordinates(event: DatasetEvent, land: Country | None) -> str:
    place = event.place
    if place is None:
        return ""
    if place.kind == "admin1":
        return _names().get(("admin1", place.name), place.name)
    if place.kind == "country" and land and land.ucdp_name:
        return land.ucdp_name
    word = _KIND_WORDS.get(place.kind)
    return f"{place.name} {word}" if word else place.name


def _positional(values: list[str]) -> str:
    """Parts of several sources, ";"-joined in source order (blanks kept so the parts line up)."""
    return ";".join(values) if any(values) else ""


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def row(
    event: DatasetEvent,
    number: int,
    articles: Mapping[str, ArticleMeta] | None = None,
    sides: Violence | None = None,
) -> dict[str, str]:
    """One event as a UCDP GED row (all values as written in the CSV); ``sides``: its ``violence``, when the
    caller has it already."""
    place = event.place
    land = country(place.country_code if place else None)
    sides = sides or violence(event)
    kind = sides.kind if sides else None
    side_a, side_b = (sides.side_a, sides.side_b) if sides else ("", "")
    dyad = f"{side_a} - {side_b}" if side_a and side_b else ""
    sources = event_sources(event, articles)
    published = [s.published for s in sources if s.published]
    window = date_window(event, published)
    originals = [
        c.claimant.name or c.claimant.text or c.claimant.kind
        for c in current_claims(event)
        if c.claimant.kind != "none"
    ]
    has_point = place is not None and place.lat is not None and place.lon is not None
    figures = event.fatalities
    # No figure at all: no source reports a death (0, as the ACLED export writes it); else the figures as made.
    unreported = figures.low is None and figures.best is None and figures.high is None
    values = {
        "id": str(number),
        "relid": event.id,
        "year": str(event.date.year) if event.date else "",
        "type_of_violence": _number(kind),
        "conflict_name": dyad if kind in (NON_STATE, ONE_SIDED) else "",
        "dyad_name": dyad,
        "side_a": side_a,
        "side_b": side_b,
        "number_of_sources": str(len(sources)) if sources else "",
        "source_article": ";".join(
            f'"{s.name or ""},{s.published.isoformat() if s.published else ""},{s.title or s.url or s.article_id}"'
            for s in sources
        ),
        "source_office": _positional([s.name or "" for s in sources]),
        "source_date": _positional([s.published.isoformat() if s.published else "" for s in sources]),
        "source_headline": _positional([s.title or "" for s in sources]),
        "source_original": join(originals, ";"),
        "where_prec": str(place.precision.get("ucdp", "")) if place else "",
        "where_coordinates": _where_coordinates(event, land),
        "where_description": place.text if place else "",
        "adm_1": _names().get(("admin1", place.admin1), place.admin1) if place and place.admin1 else "",
        "adm_2": f"{place.admin2} district" if place and place.admin2 else "",
        "latitude": coordinate(place.lat) if has_point else "",
        "longitude": coordinate(place.lon) if has_point else "",
        "geom_wkt": f"POINT ({coordinate(place.lon)} {coordinate(place.lat)})" if has_point else "",
        "priogrid_gid": _number(priogrid_gid(place.lat, place.lon) if place else None),
        "country": land.ucdp_name if land else "",
        "iso3": land.iso3 if land else "",
        "country_id": _number(land.gwno if land else None),
        "region": land.ucdp_region if land else "",
        "event_clarity": str(event_clarity(event)),
        "date_prec": _number(date_precision(event)),
        "date_start": _ged_date(window[0]) if window else "",
        "date_end": _ged_date(window[1]) if window else "",
        "deaths_a": _number(sides.deaths_a if sides else None),
        "deaths_b": _number(sides.deaths_b if sides else None),
        "deaths_civilians": _number(event.by_side.civilians.best),
        "deaths_unknown": _number(event.by_side.unspecified.best),
        "best": "0" if unreported else _number(figures.best),
        "high": "0" if unreported else _number(figures.high),
        "low": "0" if unreported else _number(figures.low),
        "gwnoa": _number(sides.gwnoa if sides else None),
        "gwnob": _number(sides.gwnob if sides else None),
    }
    return {column: values.get(column, "") for column in COLUMNS}


def rows(
    dataset: Dataset, articles: Mapping[str, ArticleMeta] | None = None, include_undated: bool = False
) -> list[dict[str, str]]:
    """The rows of the events GED codes (``violence``) that are dated (or all, ``include_undated``), then the campaigns' aggregate rows. A campaign's figures
    beyond its events' are reckoned with all its events, so those left out take their deaths with them."""
    numbers = event_numbers(dataset)
    table = []
    for event in dataset.events:
        sides = violence(event)
        if sides is not None and (include_undated or not is_undated(event)):
            table.append(row(event, numbers[event.id], articles, sides))
    by_id = {event.id: event for event in dataset.events}
    for campaign in dataset.campaigns:
        aggregate = campaign_row(campaign, [by_id[e] for e in campaign.event_ids if e in by_id], articles)
        if aggregate is not None:
            table.append(aggregate)
    return table


def _beyond(total: int | None, parts: list[int | None]) -> int | None:
    """What a campaign-wide figure counts beyond its events' figures; None when nothing."""
    if total is None:
        return None
    rest = total - sum(p or 0 for p in parts)
    return rest if rest > 0 else None


def campaign_row(
    campaign: DatasetCampaign, members: list[DatasetEvent], articles: Mapping[str, ArticleMeta] | None = None
) -> dict[str, str] | None:
    """The aggregate GED row of a campaign's deaths that no place holds (module docstring), or None."""
    figures = {
        bound: _beyond(getattr(campaign.fatalities, bound), [getattr(e.fatalities, bound) for e in members])
        for bound in ("best", "low", "high")
    }
    coded = [(e, sides) for e in members if (sides := violence(e)) is not None]
    if figures["best"] is None or not coded:
        return None
    first, sides = coded[0]
    values = row(first, event_number(campaign.id), articles, sides)
    provinces = {e.place.admin1 for e in members if e.place is not None and e.place.admin1}
    land = country(first.place.country_code if first.place else None)
    days = (campaign.date_first, campaign.date_last)
    span = (days[1] - days[0]).days if days[0] and days[1] else None
    values.update(
        {
            "relid": campaign.id,
            "where_prec": "4" if len(provinces) == 1 else "6",
            "where_coordinates": next(iter(provinces))
            if len(provinces) == 1
            else (land.ucdp_name if land else ""),
            "where_description": campaign.name,
            "adm_2": "",
            "latitude": "",
            "longitude": "",
            "geom_wkt": "",
            "event_clarity": "2",  # an aggregate: its deaths cannot be told apart by event
            "priogrid_gid": "",
            "date_prec": "" if span is None else ("2" if span <= 6 else "4"),
            "date_start": _ged_date(days[0]) if days[0] else "",
            "date_end": _ged_date(days[1]) if days[1] else "",
            "deaths_a": "",
            "deaths_b": "",
            "deaths_civilians": _number(
                _beyond(campaign.by_side.civilians.best, [e.by_side.civilians.best for e in members])
            ),
            "deaths_unknown": "",
            "best": _number(figures["best"]),
            # Bounds no member already reaches: nothing beyond them at the least, the best at the most.
            "low": _number(figures["low"] or 0),
            "high": _number(max(figures["high"] or 0, figures["best"])),
        }
    )
    if not provinces:
        values["adm_1"] = ""
    return values


def write(
    dataset: Dataset,
    stream: TextIO,
    articles: Mapping[str, ArticleMeta] | None = None,
    include_undated: bool = False,
) -> None:
    table = rows(dataset, articles, include_undated)  # before the header: a refused dataset writes nothing
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
