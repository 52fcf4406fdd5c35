"""One event as a flat row of typed values: the columns of the ``csv`` and ``parquet`` exports, and of the
``events_current`` view's rows the store builds for reviewed events (one definition, so they cannot drift).

Lists (actors claiming, article ids, tactics) are joined with "; ". Figures are given per outcome
(fatalities, injured, abducted) and per side of the dead (``killed_<side>_*``) as low / best / high;
``acled_fatalities`` is ACLED's single conservative figure, as in the ACLED export.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from sitrep.events.figures import acled_fatalities
from sitrep.model import DatasetEvent, Figure, SourcedClaim

ColumnType = Literal["str", "int", "float", "date"]

_SIDES = ("security_forces", "civilians", "militants", "unspecified")


def _figure_columns(prefix: str) -> list[tuple[str, ColumnType]]:
    return [(f"{prefix}_{part}", "int") for part in ("low", "best", "high")]


COLUMNS: tuple[tuple[str, ColumnType], ...] = (
    ("id", "str"),
    ("date", "date"),
    ("date_precision_acled", "int"),
    ("date_precision_ucdp", "int"),
    ("event_type", "str"),
    ("sub_event_type", "str"),
    ("gtd_attack_type", "str"),
    ("actor1", "str"),
    ("actor2", "str"),
    ("inter1", "int"),
    ("inter2", "int"),
    ("interaction", "int"),
    ("claimed_by", "str"),
    ("denied_by", "str"),
    ("campaign_id", "str"),
    ("place_name", "str"),
    ("place_text", "str"),
    ("place_kind", "str"),
    ("country_code", "str"),
    ("admin1", "str"),
    ("admin2", "str"),
    ("latitude", "float"),
    ("longitude", "float"),
    ("geonameid", "str"),
    ("geo_precision_acled", "int"),
    ("geo_precision_ucdp", "int"),
    *_figure_columns("fatalities"),
    ("acled_fatalities", "int"),
    *_figure_columns("injured"),
    *_figure_columns("abducted"),
    *(column for side in _SIDES for column in _figure_columns(f"killed_{side}")),
    ("fatalities_rule", "str"),
    ("article_ids", "str"),
    ("claim_count", "int"),
    ("tactics", "str"),
    ("notes", "str"),
)
COLUMN_NAMES = tuple(name for name, _ in COLUMNS)

Value = str | int | float | dt.date | None


def _figure(prefix: str, figure: Figure) -> dict[str, Value]:
    return {f"{prefix}_low": figure.low, f"{prefix}_best": figure.best, f"{prefix}_high": figure.high}


def record(event: DatasetEvent) -> dict[str, Value]:
    """One event as typed values (None where unknown), keyed by column name."""
    place = event.place
    values: dict[str, Value] = {
        "id": event.id,
        "date": event.date,
        "date_precision_acled": event.date_precision.get("acled") if event.date else None,
        "date_precision_ucdp": event.date_precision.get("ucdp") if event.date else None,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "gtd_attack_type": event.gtd_attack_type,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "inter1": event.inter1,
        "inter2": event.inter2,
        "interaction": event.interaction,
        "claimed_by": join(event.claimed_by),
        "denied_by": join(event.denied_by),
        "campaign_id": event.campaign_id,
        "place_name": place.name if place else None,
        "place_text": place.text if place else None,
        "place_kind": place.kind if place else None,
        "country_code": place.country_code if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geonameid": place.geonameid if place else None,
        "geo_precision_acled": place.precision.get("acled") if place else None,
        "geo_precision_ucdp": place.precision.get("ucdp") if place else None,
        **_figure("fatalities", event.fatalities),
        "acled_fatalities": acled_fatalities(current_claims(event)),
        **_figure("injured", event.injured),
        **_figure("abducted", event.abducted),
        **{
            k: v
            for side in _SIDES
            for k, v in _figure(f"killed_{side}", getattr(event.by_side, side)).items()
        },
        "fatalities_rule": event.fatalities.rule,
        "article_ids": join(event.article_ids),
        "claim_count": len(event.claims),
        "tactics": join(event.tactics),
        "notes": event.notes,
    }
    return {name: values[name] for name in COLUMN_NAMES}


def current_claims(event: DatasetEvent) -> list[SourcedClaim]:
    """The event's claims but those of an article a newer revision replaced (kept for the toll only)."""
    return [c for c in event.claims if c.superseded_by is None]


def join(values: list[str], separator: str = "; ") -> str:
    """Distinct non-empty values in order, joined."""
    return separator.join(dict.fromkeys(v for v in values if v))
