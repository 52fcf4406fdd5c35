"""Claims → low / best / high with the rule shown (rules 4–7), for each outcome of an event and for its dead by
side; the best rule an analyst chooses."""

from __future__ import annotations

import os

from sitrep.events.figures.counting import (
    ClaimantTotal,
    claimant_totals,
    official_total,
    one_fate_per_name,
)
from sitrep.events.figures.wounded import (
    NOBODY_DEAD,
    less_the_wounded_who_died,
    living_counted,
    others_told_apart,
    told_again,
    wounded_from_hit,
)
from sitrep.model import BySide, Claim, Figure

_RELIABILITY = {
    "none": 0,
    "medical": 0,
    "local_source": 1,
    "rights_group": 1,
    "media": 1,
    "other": 1,
    "government": 2,
    "security_forces": 2,
    "unofficial": 3,
    "armed_group": 4,
}

BEST_RULES = ("official", "lowest", "most_reliable")
DEFAULT_BEST_RULE = "official"
BEST_RULE_SETTING = "SITREP_BEST_RULE"


def best_rule_setting() -> str:
    """The best rule in force: ``SITREP_BEST_RULE`` when it names one of ``BEST_RULES``, else the default."""
    chosen = os.environ.get(BEST_RULE_SETTING, "").strip().lower()
    if chosen and chosen not in BEST_RULES:
        raise ValueError(f"{BEST_RULE_SETTING}={chosen!r}: the best rules are {', '.join(BEST_RULES)}")
    return chosen or DEFAULT_BEST_RULE


def reconcile(claims: list[Claim], best_rule: str | None = None) -> Figure:
    """low / best / high for one outcome from the claims about it (the rules in the module docstring)."""
    return Figure(**_figure_fields(claims, best_rule or best_rule_setting()))


def _bound(total: ClaimantTotal) -> int:
    return total.high if total.high is not None else total.low


def _figure_fields(
    claims: list[Claim], best_rule: str = DEFAULT_BEST_RULE, fill: bool = True
) -> dict[str, int | str | None]:
    """``reconcile``'s figure as the fields to build it from: an event validates its figures with itself, in one
    pass, instead of building each of its eight figures as a model of its own."""
    if not claims:  # most events lack most outcomes
        return {"rule": ""}
    totals = claimant_totals(claims, fill)
    if not totals:
        return {"rule": "no claim gives a number"}
    parts = []
    trusted = [t for t in totals if not t.perpetrator]
    own_claim = not trusted
    low = min(trusted or totals, key=lambda t: t.low)
    parts.append(f"low {low.low} from {low.claimant} ({low.kind})")
    high = max(totals, key=_bound)
    parts.append(f"high {_bound(high)} from {high.claimant} ({high.kind})")
    if best_rule == "official":
        official = official_total(claims) if not own_claim else None
        if official is not None and official[0] < low.low:
            # The officials counted only some of the dead (the attackers, say): their total is a floor.
            best_value = low.low
            parts.append(
                f"best {best_value} by the official rule: the officials' partial total, raised to the low"
            )
        elif official is not None:
            best_value = min(official[0], _bound(high))
            parts.append(f"best {best_value} by the official rule: the officials' total")
        else:
            best_value = low.low
            parts.append(f"best {best_value} by the official rule: no official figure, the low")
    elif best_rule == "lowest":
        best_value = low.low
        parts.append(f"best {best_value} by the lowest rule")
    elif best_rule == "most_reliable":
        most_reliable = min(_RELIABILITY.get(t.kind, 1) for t in totals)
        best = min((t for t in totals if _RELIABILITY.get(t.kind, 1) == most_reliable), key=lambda t: t.low)
        best_value = best.low
        parts.append(f"best {best_value} by the most_reliable rule: from {best.claimant} ({best.kind})")
    else:
        raise ValueError(f"unknown best rule {best_rule!r}: the best rules are {', '.join(BEST_RULES)}")
    if own_claim:
        parts.append("perpetrator's own claim")
    return {"low": low.low, "best": best_value, "high": _bound(high), "rule": "; ".join(parts)}


def split_by_side(deaths: list[Claim], best_rule: str | None = None) -> BySide:
    """Deaths of all parties by who died, each side reconciled by the same rules."""
    return _by_side(_by_side_fields(deaths, best_rule or best_rule_setting()))


def _by_side(fields: dict[str, dict[str, int | str | None]]) -> BySide:
    return BySide(**{side: Figure(**value) for side, value in fields.items()})


def _by_side_fields(deaths: list[Claim], best_rule: str) -> dict[str, dict[str, int | str | None]]:
    by_side: dict[str, list[Claim]] = {
        "security_forces": [],
        "civilians": [],
        "militants": [],
        "unspecified": [],
    }
    for claim in deaths:
        if claim.part_of is None and claim.victim in by_side:
            by_side[claim.victim].append(claim)
    # A side's figures are its own: nothing is filled in from the other sides.
    return {side: _figure_fields(claims, best_rule, fill=False) for side, claims in by_side.items()}


def event_figures(claims: list[Claim], best_rule: str | None = None) -> dict[str, Figure | BySide]:
    """The event's ``fatalities``, ``injured``, ``abducted`` and ``by_side``."""
    fields = event_figure_fields(claims, best_rule)
    by_side = fields.pop("by_side")
    figures: dict[str, Figure | BySide] = {name: Figure(**value) for name, value in fields.items()}
    figures["by_side"] = _by_side(by_side)
    return figures


def event_figure_fields(claims: list[Claim], best_rule: str | None = None) -> dict[str, dict]:
    """``event_figures`` as plain fields, for ``Event(**event_figure_fields(claims), …)`` to validate at once.
    ``best_rule`` is one of ``BEST_RULES``; by default the ``SITREP_BEST_RULE`` setting, else "official"."""
    rule = best_rule or best_rule_setting()
    by_outcome: dict[str, list[Claim]] = {"killed": [], "injured": [], "abducted": [], "casualties": []}
    for claim in one_fate_per_name(others_told_apart(claims)):  # one pass, in order
        # Background figures (earlier incidents, yearly statistics) stay claims but count in no event's figures.
        if claim.outcome in by_outcome and not claim.background:
            by_outcome[claim.outcome].append(claim)
    fatalities = _figure_fields(by_outcome["killed"], rule)
    if not by_outcome["killed"] and living_counted(by_outcome):
        fatalities = {"low": 0, "best": 0, "high": 0, "rule": NOBODY_DEAD}
    injured = _figure_fields(by_outcome["injured"], rule)
    injured = less_the_wounded_who_died(injured, by_outcome["killed"], by_outcome["casualties"])
    if (fatalities.get("best") or 0) and told_again(by_outcome["injured"]):
        injured = {"rule": "rule 9: the one wounded is told again, one of the dead"}
    if by_outcome["casualties"]:
        wounded = wounded_from_hit(_figure_fields(by_outcome["casualties"], rule), fatalities)
        if wounded is not None and wounded["best"] > (injured.get("best") or 0):
            injured = wounded
    return {
        "fatalities": fatalities,
        "injured": injured,
        "abducted": _figure_fields(by_outcome["abducted"], rule),
        "by_side": _by_side_fields(by_outcome["killed"], rule),
    }
