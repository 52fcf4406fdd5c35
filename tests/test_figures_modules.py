"""sitrep.events.figures module by module, on claims built here: totals per claimant, the wounded, the ranges
and their best rules, ACLED's single figure."""

from __future__ import annotations

from sitrep.events.figures.acled import acled_fatalities
from sitrep.events.figures.counting import claimant_totals, official_total
from sitrep.events.figures.ranges import reconcile
from sitrep.events.figures.words import vague_count
from sitrep.events.figures.wounded import wounded_from_hit
from sitrep.model import Claim, Claimant, Count

_SENTENCE = iter(range(0, 10_000, 100))


def _claim(
    low: int | None,
    kind: str,
    victim: str = "unspecified",
    high: int | None = -1,
    text: str | None = None,
    name: str | None = None,
) -> Claim:
    start = next(_SENTENCE)  # each claim in a sentence of its own
    return Claim(
        id=f"c{start}",
        outcome="killed",
        victim=victim,
        count=Count(low=low, high=low if high == -1 else high, text=text or str(low)),
        claimant=Claimant(kind=kind, name=name or kind),
        stance="reported",
        quote="",
        start=start,
        end=start + 50,
    )


def test_a_claimants_figures_for_different_victims_add_up_to_its_total() -> None:
    claims = [_claim(17, "local_source", "security_forces"), _claim(31, "local_source", "civilians")]
    [total] = claimant_totals(claims)
    assert (total.low, total.high, total.perpetrator) == (48, 48, False)


def test_an_armed_group_counting_the_forces_it_killed_is_the_perpetrator() -> None:
    [total] = claimant_totals(
        [_claim(200, "armed_group", "security_forces", high=None, text="more than 200")]
    )
    assert total.perpetrator and total.high is None


def test_the_official_account_is_the_largest_official_figure() -> None:
    claims = [_claim(15, "government"), _claim(12, "security_forces"), _claim(100, "unofficial")]
    assert official_total(claims) == (15, 15)
    assert official_total([_claim(100, "unofficial")]) is None


def test_low_best_high_and_the_best_rules() -> None:
    claims = [
        _claim(15, "government"),
        _claim(48, "local_source"),
        _claim(200, "armed_group", "security_forces"),
    ]
    official = reconcile(claims, "official")
    assert (official.low, official.best, official.high) == (15, 15, 200)
    assert "official rule" in official.rule
    assert reconcile(claims, "lowest").best == 15
    assert reconcile([_claim(48, "local_source"), _claim(60, "media")], "most_reliable").best == 48


def test_those_hit_less_the_dead_are_wounded() -> None:
    hit = {"low": 4, "best": 4, "high": 4, "rule": ""}
    assert wounded_from_hit(hit, {"low": 1, "best": 1, "high": 1, "rule": ""})["best"] == 3
    assert wounded_from_hit(hit, {"low": 4, "best": 4, "high": 4, "rule": ""}) is None


def test_acled_reads_vague_figures_by_its_conventions() -> None:
    dozens = _claim(24, "local_source", high=None, text="dozens")
    assert vague_count(dozens.count)
    assert acled_fatalities([dozens]) == 12
    assert acled_fatalities([_claim(None, "local_source", high=None, text="killed")]) == 3
    # A perpetrator's claim counts only when no one else gives a figure.
    assert acled_fatalities([_claim(5, "government"), _claim(40, "armed_group", "security_forces")]) == 5
