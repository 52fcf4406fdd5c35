"""sitrep.geo.consistency: what the whole report says about each of its places."""

from __future__ import annotations

from sitrep.geo.consistency import declared_unit, frame_by_dateline, last_resort, one_sense
from sitrep.geo.hits import Hit
from tests.geo_text import named, record, resolved_hits


def test_a_dateline_and_a_state_abbreviation_declare_the_state() -> None:
    hits = resolved_hits("MACON, Ga. — A man was shot in Macon on Friday, and another in Atlanta.")
    assert declared_unit(hits, "US") == "Georgia"
    assert declared_unit(hits, None) is None


def test_two_states_named_alike_declare_none() -> None:
    assert declared_unit(resolved_hits("Shootings in Alabama left two dead."), "US") == "Alabama"
    assert declared_unit(resolved_hits("Shootings in Alabama and Georgia left two dead."), "US") is None


def test_a_local_story_reads_an_ambiguous_town_as_a_neighbourhood_of_its_dateline_city() -> None:
    hits = resolved_hits("CHICAGO — A man was shot in Austin on Friday.")
    austin = named(hits, "Austin")
    assert austin.chosen is not None and austin.chosen.admin1 == "Texas"
    frame_by_dateline(hits, "US")
    assert austin.chosen is None and austin.near
    assert austin.synthetic == {"name": "Austin", "container": named(hits, "CHICAGO").chosen}


def test_a_name_pinned_by_its_container_means_that_place_throughout() -> None:
    kech, quetta = record("Kech", "admin2", "PK"), record("Quetta", "town", "PK")
    container = Hit(30, 34, 6, 6, "Kech", None, [], chosen=kech)
    pinned = Hit(20, 26, 4, 4, "Turbat", None, [(quetta, "p")], chosen=quetta, container=container, key=7)
    other = Hit(50, 56, 9, 9, "Turbat", None, [(kech, "p"), (quetta, "p")], chosen=kech, key=7)
    one_sense([pinned, container, other])
    assert other.chosen is quetta


def test_a_country_is_context_when_a_finer_place_is_named_and_the_event_place_when_none_is() -> None:
    hits = resolved_hits("Terrorism in Pakistan rose. Two were killed in Kech district.")
    last_resort(hits)
    assert (named(hits, "Pakistan").role, named(hits, "Pakistan").why) == ("mention", "country_in")
    hits = resolved_hits("An attack in Pakistan killed two.")
    last_resort(hits)
    assert named(hits, "Pakistan").role == "event"
