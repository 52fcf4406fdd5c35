"""Places named in Urdu script: the names of ``sitrep/data/ur/places.tsv`` (team-written provinces and districts,
GeoNames' Arabic-script alternate names of towns), each resolved to its gazetteer record by id. In: an Urdu
article's text; out: ``Place``s in text order, as the English resolver gives them.

A province named with a place inside it frames the report and is a mention; every other place is an event place,
the event stage choosing among them as it does for English, except a town named as where the wounded were
taken ("تربت کے ہسپتال", Turbat's hospital: ``ur/care_places.tsv``), a mention.
"""

from __future__ import annotations

from functools import cache

from sitrep.data import read_table
from sitrep.geo.gazetteer import PlaceRecord, get_gazetteer
from sitrep.geo.places import PRECISION
from sitrep.model import Place
from sitrep.nlp.urdu import PhraseFinder


@cache
def _urdu_names() -> tuple[PhraseFinder, dict[str, PlaceRecord]]:
    """The Urdu names with the gazetteer record each maps to (a row whose id the gazetteer lacks is skipped)."""
    gazetteer = get_gazetteer()
    records: dict[str, PlaceRecord] = {}
    for row in read_table("ur/places.tsv"):
        found = gazetteer.lookup(row["name"])
        for record, _ in gazetteer.readings(found[0]) if found else ():
            if record.id == row["place"]:
                records[row["phrase"]] = record
                break
    return PhraseFinder(list(records)), records


def find_urdu_places(text: str) -> list[Place]:
    """Every place named in the Urdu ``text`` that the supplement knows, in text order."""
    finder, records = _urdu_names()
    places = []
    for match in finder.find(text):
        record = records[match.phrase]
        places.append(
            Place(
                id=f"p{len(places) + 1}",
                name=record.name,
                text=match.phrase,
                country_code=record.country_code or None,
                admin1=record.admin1 or None,
                admin2=(record.admin2 or None) if record.kind not in ("country", "admin1") else None,
                lat=record.lat,
                lon=record.lon,
                geonameid=record.id[3:] if record.id.startswith("gn:") else None,
                kind=record.kind,  # type: ignore[arg-type]
                precision=dict(zip(("acled", "ucdp"), PRECISION[record.kind], strict=True)),
                start=match.start,
                end=match.end,
            )
        )
    places = [p.model_copy(update={"role": "mention"}) if _is_care_place(text, p) else p for p in places]
    # A province named with a district or town inside it frames the report ("بلوچستان کے ضلع کیچ"): a mention.
    inside = {p.admin1 for p in places if p.kind != "admin1"}
    return [
        p.model_copy(update={"role": "mention"}) if p.kind == "admin1" and p.admin1 in inside else p
        for p in places
    ]


_CARE_REACH = 25  # characters from a place name to the hospital word it names: "تربت کے ٹیچنگ ہسپتال"


@cache
def _care_finder() -> PhraseFinder:
    return PhraseFinder([row["phrase"] for row in read_table("ur/care_places.tsv")])


def _is_care_place(text: str, place: Place) -> bool:
    """Whether the place is named as where the wounded or dead were taken (a hospital word right after it)."""
    stop = min(len(text), place.end + _CARE_REACH)
    return next(_care_finder().find(text, place.end, stop), None) is not None
