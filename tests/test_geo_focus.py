"""sitrep.geo.focus: the country and province a report is about, from its names and its country cues."""

from __future__ import annotations

from sitrep.geo.focus import cue_votes, document_focus
from sitrep.geo.lexicon import get_lexicon
from sitrep.geo.weights import place_weights
from tests.geo_text import doc_of, hits_of


def test_a_country_cue_votes_once_however_often_it_is_written() -> None:
    votes, abbreviations = cue_votes(
        doc_of("Two Levies men were shot. The Levies said more were hurt."), get_lexicon()
    )
    assert votes == {("PK", ""): place_weights().focus_cue}
    assert abbreviations == {}


def test_a_state_abbreviation_after_a_town_votes_for_its_state_and_is_located() -> None:
    doc = doc_of("A man was shot in Eutaw, Ala., on Friday.")
    votes, abbreviations = cue_votes(doc, get_lexicon())
    assert votes == {("US", "Alabama"): place_weights().focus_abbreviation}
    ((index, state),) = abbreviations.items()
    assert (doc.tokens.words[index], state) == ("ala", "Alabama")


def test_a_postal_code_counts_only_where_a_town_is_closed_by_it() -> None:
    _votes, pinned = cue_votes(doc_of("GREENWOOD, SC (WXYZ) — A man was shot."), get_lexicon())
    assert list(pinned.values()) == ["South Carolina"]
    _votes, pinned = cue_votes(doc_of("The SC ruled on Friday."), get_lexicon())
    assert pinned == {}


def test_the_publications_country_outweighs_one_ambiguous_name() -> None:
    doc, hits = hits_of("A man was shot near Hyderabad.")
    assert document_focus(hits, None) == ("IN", "Telangana")
    # the hint names no province: Hyderabad's own vote went to the Indian one
    assert document_focus(hits, "PK") == ("PK", None)


def test_a_country_cue_with_no_name_still_gives_the_country() -> None:
    doc, hits = hits_of("Two Levies men were shot on Sunday.")
    assert document_focus(hits, None, cue_votes(doc, get_lexicon())[0]) == ("PK", None)
    assert document_focus([], None) == (None, None)
