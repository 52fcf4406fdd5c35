"""sitrep.resolve module by module: records, matching, merging, figures and notes, on events built here."""

from __future__ import annotations

from sitrep.resolve.figures import latest_figures, reconcile
from sitrep.resolve.matching import distance_km, match_rank, match_reasons
from sitrep.resolve.merging import merge
from sitrep.resolve.notes import notes
from sitrep.resolve.records import claim_id
from tests.test_resolve import QUETTA, TURBAT, _claim, _event


def test_a_claims_dataset_id_carries_its_article() -> None:
    assert claim_id("2025-04-08_kech-herald.txt", "c3") == "2025-04-08_kech-herald.txt#c3"


def test_distance_between_places_and_none_without_coordinates() -> None:
    far = distance_km(TURBAT, TURBAT.model_copy(update={"lat": 27.0}))
    assert far is not None and 110 < far < 112  # one degree of latitude
    assert distance_km(TURBAT, QUETTA.model_copy(update={"lat": None})) is None


def test_match_reasons_name_what_matched_and_none_for_a_mismatch() -> None:
    reasons = match_reasons(_event("a", "2025-04-08"), _event("b", "2025-04-08"))
    assert reasons is not None and any("place" in r for r in reasons) and any("date" in r for r in reasons)
    assert match_reasons(_event("a", "2025-04-08"), _event("b", "2025-04-08", place=QUETTA)) is None
    same, other = _event("a", "2025-04-08"), _event("b", "2025-04-08")
    assert match_rank(same, other) == match_rank(other, same)


def test_merging_keeps_every_claim_and_every_article() -> None:
    one = _event("a", "2025-04-08", claims=[_claim("a", "2025-04-08", 2)])
    two = _event("b", "2025-04-08", claims=[_claim("b", "2025-04-09", 3, kind="medical", name="hospital")])
    merged = merge(one, two)
    assert merged.article_ids == ["a", "b"]
    assert [c.id for c in merged.claims] == ["a#c1", "b#c1"]


def test_a_claimants_latest_figure_is_the_one_that_counts() -> None:
    earlier, later = _claim("a", "2025-04-08", 2), _claim("b", "2025-04-09", 5)
    assert latest_figures([earlier, later]) == [later]
    event = reconcile(_event("a", "2025-04-08", claims=[earlier, later]))
    assert (event.fatalities.low, event.fatalities.high) == (5, 5)


def test_notes_say_who_claims_what() -> None:
    event = _event(
        "a",
        "2025-04-08",
        claims=[
            _claim("a", "2025-04-08", 15, kind="government", name="officials"),
            _claim("a", "2025-04-08", 40),
        ],
    )
    assert notes(event).startswith(
        "Officials (officials) reports 15 security personnel killed; "
        "Security forces (police) reports 40 security personnel killed. Fatalities: low 15"
    )
