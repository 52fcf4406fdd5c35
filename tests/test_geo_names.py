"""sitrep.geo.names: which indexed names in a text stand for places, and with which cues."""

from __future__ import annotations

from tests.geo_text import hits_of, named


def _written(text: str) -> list[str]:
    return [hit.written for hit in hits_of(text)[1]]


def test_a_name_glued_to_a_capitalised_word_is_part_of_a_longer_name() -> None:
    # "Kalat Scouts" is a force; "near Kalat" the town
    doc, hits = hits_of("The Kalat Scouts patrolled the road near Kalat.")
    (kalat,) = hits
    assert doc.text[kalat.start : kalat.end] == "Kalat" and kalat.start > 20
    assert kalat.locative and kalat.near


def test_an_acronym_in_prose_is_no_place() -> None:
    assert _written("The BLA claimed the attack in Turbat.") == ["Turbat"]


def test_a_name_that_is_a_common_word_needs_a_cue() -> None:
    assert _written("Traders called it the Hub of the trade.") == []
    assert _written("A blast hit a market in Hub.") == ["Hub"]


def test_a_kind_word_after_a_name_is_its_cue() -> None:
    _doc, hits = hits_of("Two soldiers were killed in Kech district.")
    assert named(hits, "Kech district").kind_cue is None  # the indexed name holds the word itself
    _doc, hits = hits_of("Two soldiers were killed in Buleda area.")
    buleda = named(hits, "Buleda")
    assert buleda.kind_cue == "locality" and buleda.near


def test_the_names_of_a_dateline_an_organisation_and_a_demonym_are_mentions() -> None:
    _doc, hits = hits_of("QUETTA: The Pakistan Army said Pakistani troops were attacked in Turbat.")
    assert [(h.written, h.role, h.why) for h in hits] == [
        ("QUETTA", "mention", "dateline"),
        ("Pakistan", "mention", "organisation"),
        ("Pakistani", "mention", "demonym"),
        ("Turbat", "event", ""),
    ]


def test_places_in_and_after_outlet_names_read_the_same_however_often_the_outlets_are_named() -> None:
    unit = "The Balochistan Post said 3 soldiers were killed in Kalat, Dawn reported from Quetta. "
    _doc, once = hits_of(unit)
    _doc, often = hits_of(unit * 300)
    assert len(once) >= 2 and len(often) == 300 * len(once)
    read = [(h.written, h.role, h.why) for h in once]
    assert [(h.written, h.role, h.why) for h in often] == read * 300
