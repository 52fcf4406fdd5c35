"""Resolved hits become places. In: a ``Doc``'s hits with their chosen readings (or an unknown locality's
container); out: ``Place`` records (ids p1, p2, … in text order) with coordinates and ACLED/UCDP precision.
"""

from __future__ import annotations

from sitrep.geo.gazetteer import Gazetteer, PlaceRecord
from sitrep.geo.hits import Doc, Hit
from sitrep.model import Place

PRECISION = {  # kind -> (ACLED geo_precision, UCDP where_prec)
    "town": (1, 1),
    "locality": (1, 1),
    "admin3": (2, 2),
    "admin2": (3, 3),
    "admin1": (3, 4),
    "country": (3, 6),
}


def _district_seat(gazetteer: Gazetteer, record: PlaceRecord) -> PlaceRecord | None:
    """The district (admin2) place a record lies in, for coordinates when the record has none."""
    found = gazetteer.lookup(record.admin2) if record.admin2 else None
    if found is None:
        return None
    for row, _t in found[1].targets:
        candidate = gazetteer.record(row)
        if (
            candidate.kind == "admin2"
            and candidate.country_code == record.country_code
            and candidate.lat is not None
        ):
            return candidate
    return None


def record_place(
    gazetteer: Gazetteer,
    record: PlaceRecord,
    place_id: str,
    text: str,
    start: int,
    end: int,
    role: str = "event",
    near: bool = False,
) -> Place:
    """The ``Place`` of a gazetteer record named at [start, end): one known only to its district is placed at the
    district seat with district-level precision; a town the text puts near the event ("near Turbat") has
    district-level ACLED precision."""
    acled, ucdp = PRECISION[record.kind]
    lat, lon = record.lat, record.lon
    if lat is None:
        seat = _district_seat(gazetteer, record)
        if seat is not None:
            lat, lon, acled, ucdp = seat.lat, seat.lon, 2, 3
    elif near and record.kind in ("town", "locality"):
        acled, ucdp = 2, 2
    return Place(
        id=place_id,
        name=record.name,
        text=text,
        country_code=record.country_code or None,
        admin1=record.admin1 or None,
        admin2=(record.admin2 or None) if record.kind not in ("country", "admin1") else None,
        lat=lat,
        lon=lon,
        geonameid=record.id[3:] if record.id.startswith("gn:") else record.id,
        kind=record.kind,  # type: ignore[arg-type]
        precision={"acled": acled, "ucdp": ucdp},
        role=role,  # type: ignore[arg-type]
        start=start,
        end=end,
    )


def to_places(doc: Doc, gazetteer: Gazetteer, hits: list[Hit]) -> list[Place]:
    """A ``Place`` for each hit with a reading or a container, in the hits' order; the others are dropped."""
    places: list[Place] = []
    # A dateline place is an event only if the body names it as one; the dateline itself stays a mention.
    for hit in hits:
        record = hit.chosen
        if record is None and "container" not in hit.synthetic:
            continue
        text = doc.text[hit.start : hit.end]
        if record is not None:
            place_id = f"p{len(places) + 1}"
            places.append(
                record_place(gazetteer, record, place_id, text, hit.start, hit.end, hit.role, hit.near)
            )
        else:
            container: PlaceRecord = hit.synthetic["container"]  # type: ignore[assignment]
            ucdp = 3 if container.kind == "admin2" else 2
            lat, lon = container.lat, container.lon
            if lat is None:
                seat = _district_seat(gazetteer, container)
                if seat is not None:
                    lat, lon, ucdp = seat.lat, seat.lon, 3
            places.append(
                Place(
                    id=f"p{len(places) + 1}",
                    name=str(hit.synthetic["name"]),
                    text=text,
                    country_code=container.country_code or None,
                    admin1=container.admin1 or None,
                    admin2=container.admin2 or None,
                    lat=lat,
                    lon=lon,
                    geonameid=None,
                    kind="locality",
                    precision={"acled": 2, "ucdp": ucdp},
                    role=hit.role,  # type: ignore[arg-type]
                    start=hit.start,
                    end=hit.end,
                )
            )
    return places
