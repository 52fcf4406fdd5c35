"""sitrep.geo.readings: which reading of a name wins."""

from __future__ import annotations

from sitrep.geo.readings import best_without_focus
from sitrep.geo.resolve import find_places
from tests.geo_text import hits_of, named, resolved_hits


def _chosen(text: str, written: str, country_hint: str | None = None) -> tuple[str, str, str, str]:
    chosen = named(resolved_hits(text, country_hint), written).chosen
    assert chosen is not None
    return chosen.name, chosen.kind, chosen.country_code, chosen.admin1


def test_a_kind_word_picks_the_district_and_no_kind_word_its_town() -> None:
    assert _chosen("Two soldiers were killed in Kalat district.", "Kalat district")[:2] == ("Kalat", "admin2")
    assert _chosen("Two soldiers were killed in Kalat.", "Kalat")[:2] == ("Kalat", "town")


def test_the_publications_country_picks_its_namesake() -> None:
    assert _chosen("A man was shot near Hyderabad.", "Hyderabad")[2:] == ("IN", "Telangana")
    assert _chosen("A man was shot near Hyderabad.", "Hyderabad", "PK")[2:] == ("PK", "Sindh")


def test_a_state_named_after_a_town_keeps_the_town_inside_it() -> None:
    assert _chosen("A man was shot in Paris.", "Paris")[2] == "FR"
    assert _chosen("Deputies said a man was shot in Paris, Texas.", "Paris") == (
        "Paris",
        "town",
        "US",
        "Texas",
    )


def test_before_any_focus_a_name_votes_for_its_likeliest_reading() -> None:
    _doc, hits = hits_of("Gunmen shot two men in Sibi.")
    best = best_without_focus(named(hits, "Sibi"))
    assert (best.country_code, best.kind) == ("PK", "admin2")  # a district of 135,000, not the town in Mali


def test_a_chain_of_containers_as_long_as_the_text_is_read_from_its_far_end() -> None:
    # Once a recursion as deep as the chain: the place stage then failed and the text had no places at all.
    text = "Two soldiers were killed in " + "Lijje area in " * 3000 + "Kharan district."
    assert {(p.name, p.admin2) for p in find_places(text)} == {("Lijje", "Kharan"), ("Kharan", "Kharan")}
