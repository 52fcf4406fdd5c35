"""sitrep.geo.unknown: places the index lacks, found by position, near spellings and containers."""

from __future__ import annotations

from sitrep.geo.lexicon import get_lexicon
from sitrep.geo.unknown import fill_unknown_localities, fuzzy_candidates, unknown_locality_hits
from tests.geo_text import doc_of, hits_of, named, record, resolved_hits


def test_an_unknown_name_before_a_kind_word_and_a_container_is_a_hit() -> None:
    doc, hits = hits_of("Two soldiers were killed in Lijje area in Kharan district.")
    (lijje,) = unknown_locality_hits(doc, hits, get_lexicon(), fuzzy=False)
    assert (lijje.written, lijje.near, lijje.synthetic["kind_word"]) == ("Lijje", True, "area")
    assert lijje.container is named(hits, "Kharan district")


def test_a_misspelt_name_after_in_is_looked_up_only_where_fuzzy_aliases_exist() -> None:
    doc, hits = hits_of("Gunmen attacked a post in Naseerabaad area on Monday.")
    assert unknown_locality_hits(doc, hits, get_lexicon(), fuzzy=False) == []
    (guess,) = unknown_locality_hits(doc, hits, get_lexicon(), fuzzy=True)
    assert guess.synthetic == {"name": "Naseerabaad", "fuzzy_only": True} and guess.locative
    readings = fuzzy_candidates(guess, "PK")
    assert {(r.name, r.kind) for r, _t in readings} >= {("Nasirabad", "admin2")}
    assert guess.synthetic["fuzzy"] is True
    assert fuzzy_candidates(guess, None) == []  # never worldwide


def test_an_unknown_locality_is_placed_in_its_resolved_container() -> None:
    text = "Two soldiers were killed in Lijje area in Kharan district."
    hits = resolved_hits(text)
    (lijje,) = unknown_locality_hits(doc_of(text), hits, get_lexicon(), fuzzy=False)
    fill_unknown_localities([lijje, *hits])
    assert lijje.synthetic["container"] is record("Kharan", "admin2", "PK")
