"""ACLED export: one CSV row per event with ACLED's columns, in ACLED's order and spelling.

How each column is filled (ACLED's conventions, DESIGN §1):

* ``event_id_cnty``: the ISO alpha-3 code of the event's country and a number made from the event id
  (``_common.event_number``: the id itself when it is all digits, else 12 digits of its hash), e.g.
  ``PAK482913007765``; ``XXX`` when the country is unknown. The same event keeps its number across exports.
* **Rows**: one per dated event. Undated events are left out (ACLED has no row without a date; ``leaves_out``
  counts them and the command line says how many) unless ``include_undated`` keeps them, dates left blank.
* ``event_date`` ISO (YYYY-MM-DD); ``year``; ``time_precision`` = the event's ACLED date precision: 1 a day,
  2 a week or a few days (the mid-point date), 3 a month or vaguer (from its UCDP one when only that is known).
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
* ``source`` = the outlets of the event's articles, joined with "; " as ACLED joins them: the outlet's name, else
  its web domain, else (a file with no metadata) the article id, so every row names where it comes from.
* ``source_scale`` = the outlets' reach by ``data/source_scales.tsv`` (an outlet by name or web domain -> Local,
  Subnational, National, Regional, International, New media), "Other" for an outlet the table lacks; several
  joined with "-" in the table's order ("National-International"). ``tags`` blank.
* ``notes`` in ACLED's manner, written from the event and its claims in sitrep's neutral words: "On 11 March
  2025, armed clash involving <actor1> and <actor2> in Quetta (Quetta, Balochistan)." ("Around <date>" at
  time precision 2, "In <month>" at 3), then who claims what, each claimant's latest figures in the claimant's
  stance ("Balochistan Liberation Army claimed more than 200 security personnel killed; officials confirmed at
  least 15 security personnel killed"), then which claimants' figures were not independently verified. Victims
  are named by sitrep's categories (security personnel, civilians, militants, people), never in a party's own
  words. Disputes are stated there and nowhere else; the figures' rules (in the JSON export) are not repeated.
* ``fatalities`` = ACLED's single conservative figure from each claimant's latest figures
  (``sitrep.events.figures.acled_fatalities``: "dozens"
  read as 12 and the other readings of ``data/acled_conventions.tsv``; a perpetrator's claim only when no one
  else gives a figure; 0 when no death is reported).
* ``timestamp`` = the time of the export, in Unix seconds.
* **A campaign's total that no place holds** ("more than 200 killed across the province") follows ACLED's
  convention for a total that cannot be placed: the campaign's conservative figure (read from its campaign-wide
  claims as above), less the fatalities its events already carry, is divided equally across its N events in
  the export (the remainder of the division, one each, to the earliest events), and each such row's ``notes``
  give the campaign's claims and say so ("… total fatalities divided equally across N events"). The events
  left out (undated) keep their own fatalities out of the export but take no share. A campaign total is never added on top of
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
from urllib.parse import urlsplit

from sitrep.countries import country
from sitrep.data import DataFileError, read_table
from sitrep.events.figures import acled_fatalities
from sitrep.export._common import Source, coordinate, event_numbers, event_sources, is_undated
from sitrep.model import ArticleMeta, Count, Dataset, DatasetEvent, SourcedClaim
from sitrep.resolve import latest_figures
from sitrep.resolve.flat import join

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


# How a time precision opens the notes; an undated event (kept only when asked) has no date to give.
_WHEN = {1: "On {day}", 2: "Around {day}", 3: "In {month}"}
_FROM_UCDP = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3}  # UCDP date_prec -> ACLED time_precision
_VICTIMS = {"security_forces": "security personnel", "unspecified": "people"}
_OUTCOMES = {"casualties": "killed or injured"}
_CLAIMANT_KINDS = {
    "armed_group": "an armed group",
    "government": "officials",
    "security_forces": "security forces",
    "local_source": "local sources",
    "medical": "medical sources",
    "media": "the media",
    "unofficial": "unofficial sources",
    "rights_group": "a rights group",
    "other": "others",
}
_OTHER_SCALE = "Other"


def time_precision(event: DatasetEvent) -> int | None:
    """The event's ACLED time precision (from its UCDP one when only that is known); None when undated."""
    if event.date is None:
        return None
    if "acled" in event.date_precision:
        return event.date_precision["acled"]
    return _FROM_UCDP.get(event.date_precision.get("ucdp", 1), 3)


@dataclass(frozen=True, slots=True)
class _Scales:
    by_name: dict[str, str]
    by_domain: dict[str, str]
    order: dict[str, int]


def _outlet_key(name: str) -> str:
    key = " ".join(name.casefold().split())
    return key[4:] if key.startswith("the ") else key


@cache
def _scales() -> _Scales:
    rows = read_table("source_scales.tsv")
    order = [row["scale"] for row in rows if row["outlet"] == "order"]
    by_name, by_domain = {}, {}
    for row in rows:
        if row["outlet"] == "order":
            continue
        if row["scale"] not in order:
            raise DataFileError(f"{row.where}: scale {row['scale']!r} is not one of {', '.join(order)}")
        if row["outlet"]:
            by_name[_outlet_key(row["outlet"])] = row["scale"]
        if row["domain"]:
            by_domain[row["domain"].casefold()] = row["scale"]
    return _Scales(by_name, by_domain, {scale: index for index, scale in enumerate(order)})


def _host(url: str | None) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    return host[4:] if host.startswith("www.") else host


def source_label(source: Source) -> str:
    """How the ``source`` column names an article's outlet: its name, else its web domain, else the article."""
    return source.name or _host(source.url) or source.article_id


def source_scale(source: Source) -> str:
    """An outlet's reach by ``data/source_scales.tsv``: by its name, else by its web domain (or a parent
    domain); "Other" when the table lacks it."""
    table = _scales()
    if source.name and (scale := table.by_name.get(_outlet_key(source.name))):
        return scale
    parts = _host(source.url).split(".")
    for start in range(len(parts) - 1):
        if scale := table.by_domain.get(".".join(parts[start:])):
            return scale
    return _OTHER_SCALE


def source_scales(sources: list[Source]) -> str:
    """The distinct scales of an event's outlets, joined with "-" in the table's order."""
    order = _scales().order
    found = {source_scale(s) for s in sources} or {_OTHER_SCALE}
    return "-".join(sorted(found, key=lambda scale: order.get(scale, len(order))))


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _claimant(claim: SourcedClaim) -> str:
    """Who gives a figure, as the notes name them: the name, else the words the article used, else the kind;
    a figure in the article's own voice is its outlet's."""
    if claim.claimant.kind == "none":
        return claim.source or "the report"
    return claim.claimant.name or claim.claimant.text or _CLAIMANT_KINDS.get(claim.claimant.kind, "others")


def _figure(claim: SourcedClaim) -> str:
    """A claim's figure in neutral words: "more than 200 security personnel killed"."""
    victim = _VICTIMS.get(claim.victim, claim.victim)
    outcome = _OUTCOMES.get(claim.outcome, claim.outcome)
    count = claim.count
    if claim.stance == "denied" and count.high == 0:
        return f"that any {victim} were {outcome}"
    if count.low is None and count.high is None:
        return f"an unspecified number of {victim} {outcome}"
    words = count.text
    if not words.isascii():  # written in another script ("تین"): the notes are English, so the bounds
        words = _bounds(count)
    elif words[:1].isupper() and not words[:2].isupper():  # "Two" opening a sentence; "FC" stays
        words = words[:1].lower() + words[1:]
    return f"{words} {victim} {outcome}"


def _bounds(count: Count) -> str:
    """A figure from its bounds, for notes in English: "3", "at least 11", "up to 40", "about 24"."""
    if count.low == count.high:
        number = str(count.low)
    elif count.high is None:
        number = f"at least {count.low}"
    elif count.low is None:
        number = f"up to {count.high}"
    else:
        number = f"{count.low} to {count.high}"
    return f"about {number}" if count.approximate and count.high is not None else number


def who_claims_what(claims: list[SourcedClaim]) -> str:
    """Each claimant's latest figures in its stance, then whose figures were not independently verified:
    "Police reported two security personnel killed and three security personnel injured." """
    grouped: dict[tuple[str, str], list[str]] = {}
    unverified: list[str] = []
    for claim in latest_figures(claims):
        who = _claimant(claim)
        grouped.setdefault((who, claim.stance), []).append(_figure(claim))
        if claim.verified is False:
            unverified.append(who)
    if not grouped:
        return ""
    said = "; ".join(f"{who} {stance} {' and '.join(figures)}" for (who, stance), figures in grouped.items())
    text = _first_upper(said) + "."
    if unverified:
        names = list(dict.fromkeys(unverified))
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        text += f" The figures of {listed} could not be independently verified."
    return text


def _lead(event: DatasetEvent) -> str:
    """The notes' opening: when, what, who, where ("On 11 March 2025, armed clash involving X and Y in …")."""
    precision = time_precision(event)
    if event.date is None or precision is None:
        when = "On an unknown date"
    else:
        day = f"{event.date.day} {event.date:%B %Y}"
        when = _WHEN.get(precision, "In {month}").format(day=day, month=f"{event.date:%B %Y}")
    what = event.sub_event_type or event.event_type or "event"
    what = what[:1].lower() + what[1:]  # ACLED's types capitalise their first word only ("Air/drone strike")
    actors = " and ".join(a for a in (event.actor1, event.actor2) if a)
    place = event.place
    where = ""
    if place is not None:
        within = ", ".join(dict.fromkeys(p for p in (place.admin2, place.admin1) if p))
        where = f" in {place.name}" + (f" ({within})" if within else "")
    return f"{when}, {what}{f' involving {actors}' if actors else ''}{where}."


@dataclass(frozen=True, slots=True)
class _Share:
    """What an event gets of its campaign's unplaced total: the added fatalities and the words for ``notes``."""

    fatalities: int
    note: str


def _campaign_shares(dataset: Dataset, keep: set[str]) -> dict[str, _Share]:
    """Each exported campaign event's share of its campaign's total that no place holds (the module
    docstring's rule); ``keep``: the ids of the events exported."""
    by_id = {event.id: event for event in dataset.events}
    shares: dict[str, _Share] = {}
    for campaign in dataset.campaigns:
        members = [by_id[e] for e in campaign.event_ids if e in by_id]
        exported = [e for e in members if e.id in keep]
        if not exported or not campaign.claims:
            continue
        total = acled_fatalities(latest_figures(campaign.claims))
        placed = sum(acled_fatalities(latest_figures(e.claims)) for e in members)
        unplaced = total - placed
        if unplaced <= 0:
            continue
        each, rest = divmod(unplaced, len(exported))
        claims = who_claims_what(campaign.claims)
        note = (
            f"Across {campaign.name}: {claims} "
            f"{total} fatalities reported for the whole campaign, {unplaced} of them not placed; "
            f"total fatalities divided equally across {len(exported)} events."
        )
        ordered = sorted(exported, key=lambda e: (e.date is None, e.date, e.id))
        for index, event in enumerate(ordered):
            shares[event.id] = _Share(each + (1 if index < rest else 0), note)
    return shares


def notes(event: DatasetEvent, share: _Share | None = None) -> str:
    """The ``notes`` cell (module docstring): the lead, who claims what, the campaign share's words."""
    return " ".join(
        part for part in (_lead(event), who_claims_what(event.claims), share and share.note) if part
    )


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
    sources = event_sources(event, articles)
    precision = time_precision(event)
    values: dict[str, object] = {
        "event_id_cnty": f"{land.iso3 if land else _UNKNOWN_COUNTRY}{number}",
        "event_date": event.date.isoformat() if event.date else "",
        "year": event.date.year if event.date else "",
        "time_precision": precision if precision is not None else "",
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
        "source": join([source_label(s) for s in sources]),
        "source_scale": source_scales(sources),
        "notes": notes(event, share),
        "fatalities": acled_fatalities(latest_figures(event.claims)) + (share.fatalities if share else 0),
        "tags": "",
        "timestamp": timestamp,
    }
    return {column: str(values[column]) for column in COLUMNS}


def kept(event: DatasetEvent, include_undated: bool = False) -> bool:
    """Whether the event gets a row: it is dated, or undated ones are asked for."""
    return include_undated or not is_undated(event)


def rows(
    dataset: Dataset,
    timestamp: int | None = None,
    articles: Mapping[str, ArticleMeta] | None = None,
    include_undated: bool = False,
) -> list[dict[str, str]]:
    """The dataset's events (dated ones only unless ``include_undated``) as ACLED rows; ``timestamp`` defaults
    to now."""
    stamp = int(time.time()) if timestamp is None else timestamp
    numbers = event_numbers(dataset)
    exported = [event for event in dataset.events if kept(event, include_undated)]
    shares = _campaign_shares(dataset, {event.id for event in exported})
    return [row(event, numbers[event.id], stamp, articles, shares.get(event.id)) for event in exported]


def write(
    dataset: Dataset,
    stream: TextIO,
    timestamp: int | None = None,
    articles: Mapping[str, ArticleMeta] | None = None,
    include_undated: bool = False,
) -> None:
    table = rows(
        dataset, timestamp, articles, include_undated
    )  # before the header: a refused dataset writes nothing
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
