"""UCDP GED export: one CSV row per event with UCDP GED's columns, in GED's order and spelling.

Every GED column is present so tools that read GED files read this one; those sitrep cannot know (UCDP's
conflict, dyad and actor ids, ``active_year``, ``code_status``, ``priogrid_gid``, ``country_id``,
``event_clarity``, Gleditsch-Ward numbers) are left empty. No number is made up: an empty cell means no source
gives it.

How the columns sitrep can fill are filled:

* ``id`` = the event's number (as in the ACLED export); ``relid`` = sitrep's event id, to trace the row back.
* ``type_of_violence`` and the sides, from the two actors, for violent events only (Battles,
  Explosions/Remote violence, Violence against civilians; protests, riots and strategic developments are not
  GED events and get neither):
    3 one-sided: one side is civilians (or the event is Violence against civilians) -> side_a the perpetrator,
      side_b "Civilians";
    1 state-based: one side is a state force -> side_a the government, side_b the other actor;
    2 non-state: two non-state actors -> side_a actor1, side_b actor2;
    blank: a non-state actor acting alone (the opponent is unknown).
  State forces are named "Government of <country>", civilians "Civilians", other actors by UCDP's name where
  ``data/ucdp_names.tsv`` has one, else sitrep's.
* ``deaths_a``/``deaths_b`` from the event's deaths by side: a government side gets the security forces'
  deaths, a non-state armed side the militants'. When both sides are state or both non-state the deaths cannot
  be told apart and both stay empty. ``deaths_civilians`` = civilians, ``deaths_unknown`` = deaths whose side
  no source gives. Each is the side's ``best``.
* ``best``/``low``/``high`` = the event's reconciled fatalities (``sitrep.events.figures``). Two differences
  from UCDP's own figures, both because each number here is one source's claim, not a sum: the four deaths_*
  columns need not add up to ``best`` (a source may give a total and no split), and ``high`` is the highest
  figure anyone claims, the perpetrator's included, where UCDP keeps only the highest *reliable* figure. In a
  one-sided event ``best`` counts every death a source reports (attackers too); UCDP counts only civilians.
* ``where_prec`` = the place's UCDP precision; ``where_coordinates`` = the place's name and kind ("Turbat
  town", "Kech district"); ``where_description`` = the place as the article wrote it; ``adm_1`` in UCDP's
  spelling (``data/ucdp_names.tsv``, else as named); ``adm_2`` = "<district> district", as GED writes it.
* ``date_prec`` = the event's UCDP date precision; ``date_start``/``date_end`` the window it allows, written as
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
from collections.abc import Mapping
from functools import cache
from typing import TextIO

from sitrep.countries import Country, country
from sitrep.data import read_table
from sitrep.events.actors import load_actors
from sitrep.export._common import coordinate, current_claims, event_number, event_numbers, event_sources, join
from sitrep.model import ArticleMeta, Dataset, DatasetCampaign, DatasetEvent

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
_STATE, _CIVILIANS = 1, 7
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
    actor = load_actors().get(name)
    kind = actor.kind if actor else None
    if inter == _CIVILIANS or kind == "civilians":
        return "Civilians"
    if (inter == _STATE or kind == "state_forces") and actor and actor.country:
        land = country(actor.country)
        if land and land.ucdp_name:
            return f"Government of {land.ucdp_name}"
    return _names().get(("actor", name), name)


def _is_state(name: str | None, inter: int | None) -> bool:
    actor = load_actors().get(name) if name else None
    return inter == _STATE or (actor is not None and actor.kind == "state_forces")


def _is_civilians(name: str | None, inter: int | None) -> bool:
    actor = load_actors().get(name) if name else None
    return inter == _CIVILIANS or (actor is not None and actor.kind == "civilians")


def violence(event: DatasetEvent) -> tuple[int | None, str, str, int | None, int | None]:
    """(type_of_violence, side_a, side_b, deaths_a, deaths_b) by the rules in the module docstring."""
    if event.event_type not in _VIOLENT:
        return None, "", "", None, None
    one = (event.actor1, event.inter1)
    two = (event.actor2, event.inter2)
    sides = event.by_side
    if _is_civilians(*two) or _is_civilians(*one) or event.event_type == "Violence against civilians":
        perpetrator = one if not _is_civilians(*one) else two
        if not perpetrator[0] or _is_civilians(*perpetrator):
            return None, "", "Civilians", None, None
        own = sides.security_forces if _is_state(*perpetrator) else sides.militants
        return ONE_SIDED, side_name(*perpetrator), "Civilians", own.best, None
    if _is_state(*one) or _is_state(*two):
        government, other = (one, two) if _is_state(*one) else (two, one)
        if other[0] and _is_state(*other):  # two states: deaths cannot be told apart
            return STATE_BASED, side_name(*government), side_name(*other), None, None
        deaths_b = sides.militants.best if other[0] else None
        return STATE_BASED, side_name(*government), side_name(*other), sides.security_forces.best, deaths_b
    if one[0] and two[0]:
        return NON_STATE, side_name(*one), side_name(*two), None, None
    return None, side_name(*one) or side_name(*two), "", None, None


def _ged_date(day: dt.date) -> str:
    return f"{day.isoformat()} 00:00:00.000"


def date_window(event: DatasetEvent, published: list[dt.date]) -> tuple[dt.date, dt.date] | None:
    """The first and last day the event's date and UCDP precision allow, cut at the first publication."""
    day = event.date
    if day is None:
        return None
    precision = event.date_precision.get("ucdp", 1)
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
    event: DatasetEvent, number: int, articles: Mapping[str, ArticleMeta] | None = None
) -> dict[str, str]:
    """One event as a UCDP GED row (all values as written in the CSV)."""
    place = event.place
    land = country(place.country_code if place else None)
    kind, side_a, side_b, deaths_a, deaths_b = violence(event)
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
        "country": land.ucdp_name if land else "",
        "iso3": land.iso3 if land else "",
        "region": land.ucdp_region if land else "",
        "date_prec": str(event.date_precision.get("ucdp", "")) if event.date else "",
        "date_start": _ged_date(window[0]) if window else "",
        "date_end": _ged_date(window[1]) if window else "",
        "deaths_a": _number(deaths_a),
        "deaths_b": _number(deaths_b),
        "deaths_civilians": _number(event.by_side.civilians.best),
        "deaths_unknown": _number(event.by_side.unspecified.best),
        "best": _number(event.fatalities.best),
        "high": _number(event.fatalities.high),
        "low": _number(event.fatalities.low),
    }
    return {column: values.get(column, "") for column in COLUMNS}


def rows(dataset: Dataset, articles: Mapping[str, ArticleMeta] | None = None) -> list[dict[str, str]]:
    numbers = event_numbers(dataset)
    table = [row(event, numbers[event.id], articles) for event in dataset.events]
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
    if figures["best"] is None or not members:
        return None
    first = members[0]
    values = row(first, event_number(campaign.id), articles)
    kind, side_a, side_b, _, _ = violence(first)
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
            "date_prec": "" if span is None else ("2" if span <= 6 else "4"),
            "date_start": _ged_date(days[0]) if days[0] else "",
            "date_end": _ged_date(days[1]) if days[1] else "",
            "deaths_a": "",
            "deaths_b": "",
            "deaths_civilians": _number(
                _beyond(campaign.by_side.civilians.best, [e.by_side.civilians.best for e in members])
            ),
            "deaths_unknown": "",
            **{bound: _number(value) for bound, value in figures.items()},
        }
    )
    if not provinces:
        values["adm_1"] = ""
    return values


def write(dataset: Dataset, stream: TextIO, articles: Mapping[str, ArticleMeta] | None = None) -> None:
    table = rows(dataset, articles)  # before the header: a refused dataset writes nothing
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
