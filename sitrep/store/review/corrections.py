"""Corrections: the fields an analyst may edit, their ACLED/GTD vocabularies, and how an edit is checked
and applied over the machine's event."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from sitrep.errors import ConflictError, NotFoundError, SitrepError
from sitrep.model import (
    DatasetEvent,
    Figure,
    Place,
)

# ACLED's event types and sub-event types (exact strings) and GTD's attack types: an edit must use them.
ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
GTD_ATTACK_TYPES = (
    "",
    "Assassination",
    "Armed Assault",
    "Bombing/Explosion",
    "Hijacking",
    "Hostage Taking (Barricade Incident)",
    "Hostage Taking (Kidnapping)",
    "Facility/Infrastructure Attack",
    "Unarmed Assault",
    "Unknown",
)
# Fields an analyst may correct, in the order the history shows them.
EDITABLE = (
    "event_type",
    "sub_event_type",
    "gtd_attack_type",
    "actor1",
    "actor2",
    "inter1",
    "inter2",
    "date",
    "date_precision",
    "place",
    "fatalities",
    "injured",
    "abducted",
)
FIGURES = ("fatalities", "injured", "abducted")
ACCEPTED, REJECTED = "accepted", "rejected"


class ReviewError(SitrepError, ValueError):
    """A review action that cannot be done as asked (unknown event, bad value); the message says why."""


class ReviewNotFound(ReviewError, NotFoundError):
    """The event or change named does not exist."""


class ReviewConflict(ReviewError, ConflictError):
    """A review action that conflicts with the events' current review (e.g. undo after a later change)."""


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return None
    return int(f"{codes[0]}{codes[1] if len(codes) > 1 else 0}")


def apply_fields(event: DatasetEvent, fields: dict[str, Any]) -> DatasetEvent:
    """``event`` with an analyst's overrides (as stored, JSON values) in place of the machine's."""
    update: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "date":
            update["date"] = dt.date.fromisoformat(value) if value else None
        elif name in FIGURES:
            update[name] = Figure(**value)
        elif name == "place":
            base = event.place
            place = {
                "id": base.id if base else f"{event.id}#analyst-place",
                "text": base.text if base else value["name"],
                "kind": base.kind if base else "town",
                "precision": base.precision if base else {},
                "start": base.start if base else 0,
                "end": base.end if base else 0,
                **value,
            }
            update["place"] = Place(**place)
            update["place_id"] = place["id"]
        else:
            update[name] = value
    if "inter1" in fields or "inter2" in fields:
        update["interaction"] = _interaction(
            update.get("inter1", event.inter1), update.get("inter2", event.inter2)
        )
    return event.model_copy(update=update)


def shown(event: DatasetEvent, name: str) -> Any:
    """A field's value as the history shows it (JSON)."""
    if name == "place":
        place = event.place
        if place is None:
            return None
        return {k: getattr(place, k) for k in ("name", "country_code", "admin1", "admin2", "lat", "lon")}
    value = getattr(event, name)
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def validate_fields(event: DatasetEvent, fields: dict[str, Any], who: str) -> dict[str, Any]:
    """The edit as stored: checked against ACLED's taxonomy and the figure rules, figures given their rule."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ReviewError(f"not an editable field: {', '.join(sorted(unknown))}")
    event_type = fields.get("event_type", event.event_type)
    sub_type = fields.get("sub_event_type", event.sub_event_type)
    if ("event_type" in fields or "sub_event_type" in fields) and sub_type not in ACLED_TYPES.get(
        event_type, ()
    ):
        raise ReviewError(f"{sub_type!r} is not an ACLED sub-event type of {event_type!r}")
    if "gtd_attack_type" in fields and fields["gtd_attack_type"] not in GTD_ATTACK_TYPES:
        raise ReviewError(f"{fields['gtd_attack_type']!r} is not a GTD attack type")
    for name in ("inter1", "inter2"):
        if name in fields and fields[name] is not None and not 1 <= fields[name] <= 8:
            raise ReviewError(f"{name} must be an ACLED inter code 1-8")
    stored = dict(fields)
    today = dt.datetime.now(dt.UTC).date().isoformat()
    for name in FIGURES:
        if name not in fields:
            continue
        value = fields[name] or {}
        low, best, high = (value.get(k) for k in ("low", "best", "high"))
        numbers = [n for n in (low, best, high) if n is not None]
        if any(n < 0 for n in numbers) or numbers != sorted(numbers):
            raise ReviewError(f"{name}: low ≤ best ≤ high, none negative")
        stored[name] = {"low": low, "best": best, "high": high, "rule": f"set by analyst {who} on {today}"}
    if "place" in fields and fields["place"] is not None:
        place = fields["place"]
        if not (place.get("name") or "").strip():
            raise ReviewError("place: a name is required")
        stored["place"] = {
            k: place.get(k) for k in ("name", "country_code", "admin1", "admin2", "lat", "lon") if k in place
        }
    elif "place" in fields:
        raise ReviewError("place: an event keeps a place; give one to replace it")
    if "date" in fields:
        day = fields["date"]
        stored["date"] = day.isoformat() if isinstance(day, dt.date) else day
        # An analyst typing a date means that day, unless a precision comes with it.
        if day is not None and "date_precision" not in fields:
            stored["date_precision"] = {"acled": 1, "ucdp": 1}
    if "date_precision" in fields:
        precision = fields["date_precision"] or {}
        if not (1 <= precision.get("acled", 1) <= 3 and 1 <= precision.get("ucdp", 1) <= 5):
            raise ReviewError("date_precision: acled 1-3, ucdp 1-5")
        stored["date_precision"] = {k: precision[k] for k in ("acled", "ucdp") if k in precision}
    return stored
