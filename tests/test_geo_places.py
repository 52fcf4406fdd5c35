"""sitrep.geo.places: resolved hits become Place records with coordinates and ACLED/UCDP precision."""

from __future__ import annotations

from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.hits import Hit
from sitrep.geo.places import to_places
from tests.geo_text import doc_of, record


def test_a_town_near_which_something_happened_is_placed_approximately() -> None:
    text = "Gunmen attacked a post near Turbat and in Kech district."
    turbat, kech = record("Turbat", "town", "PK"), record("Kech", "admin2", "PK")
    hits = [
        Hit(28, 34, 5, 5, "Turbat", None, [], chosen=turbat, near=True),
        Hit(42, 55, 8, 9, "Kech district", None, [], chosen=kech),
    ]
    first, second = to_places(doc_of(text), get_gazetteer(), hits)
    assert (first.id, first.name, first.text, first.precision) == (
        "p1",
        "Turbat",
        "Turbat",
        {"acled": 2, "ucdp": 2},
    )
    assert (first.admin1, first.admin2) == ("Balochistan", "Kech")
    assert (second.id, second.kind, second.precision) == ("p2", "admin2", {"acled": 3, "ucdp": 3})


def test_an_unknown_locality_is_placed_at_its_district_with_its_name() -> None:
    text = "Two soldiers were killed in Lijje area in Kharan district."
    kharan = record("Kharan", "admin2", "PK")
    lijje = Hit(
        28, 33, 5, 5, "Lijje", None, [], role="event", synthetic={"name": "Lijje", "container": kharan}
    )
    dropped = Hit(0, 3, 0, 0, "Two", None, [])  # neither a reading nor a container: no place
    (place,) = to_places(doc_of(text), get_gazetteer(), [dropped, lijje])
    assert (place.name, place.kind, place.geonameid, place.admin2) == ("Lijje", "locality", None, "Kharan")
    assert (place.lat, place.lon) == (kharan.lat, kharan.lon)
    assert place.precision == {"acled": 2, "ucdp": 3}
