"""sitrep.geo.hits: the records every step shares and the small tests of how words sit in a text."""

from __future__ import annotations

from sitrep.geo.hits import (
    Hit,
    effective_record,
    holds,
    is_capitalised,
    is_caps_sentence,
    joined_to_next,
    sentence_starts,
)
from tests.geo_text import doc_of, record


def test_sentence_starts_are_given_spans_sorted_or_found_at_full_stops_and_line_breaks() -> None:
    assert sentence_starts("ignored", [(12, 20), (0, 11)]) == [0, 12]
    assert sentence_starts("Two died. Three fled.\nQuetta was calm.", None) == [0, 10, 22]


def test_capitals_say_nothing_in_a_title_case_headline_but_do_in_prose() -> None:
    doc = doc_of(
        "Gunmen Kill Three Soldiers In Turbat Market Attack\nGunmen killed three soldiers in Turbat."
    )
    assert is_caps_sentence(doc, 0)
    assert not is_caps_sentence(doc, 1)


def test_a_comma_parts_two_words_a_space_does_not() -> None:
    doc = doc_of("Turbat, Kech police said")
    assert not joined_to_next(doc, 0)  # "Turbat," | "Kech"
    assert joined_to_next(doc, 1)  # "Kech police"
    assert is_capitalised("Kech") and is_capitalised("9th") and not is_capitalised("police")


def test_a_province_holds_its_towns_a_town_holds_nothing() -> None:
    balochistan = record("Balochistan", "admin1", "PK")
    quetta = record("Quetta", "town", "PK")
    assert holds(balochistan, quetta)
    assert not holds(quetta, balochistan)
    assert not holds(balochistan, balochistan)
    assert not holds(record("Punjab", "admin1", "PK"), quetta)


def test_an_unresolved_hit_stands_for_the_place_of_its_container() -> None:
    kharan = record("Kharan", "admin2", "PK")
    container = Hit(20, 26, 4, 4, "Kharan", None, [], chosen=kharan)
    unknown = Hit(0, 5, 0, 0, "Lijje", None, [], container=container)
    assert effective_record(unknown) is kharan
    assert effective_record(Hit(0, 5, 0, 0, "Lijje", None, [])) is None
