"""Per-event figures from the event's claims: low / best / high, and deaths split by side.

The rules, in one place (each figure shown in ``Figure.rule``):

1. **One total per claimant.** A claimant's figure for an outcome is the sum of the figures it gives for
   different victims ("17 police and 31 civilians" = 48), or its figure for unspecified victims, whichever is
   larger; a figure it repeats for the same victims counts once (its largest). Subsets ("including three children", ``part_of``) are never added again. Denials are left out.
2. **low** = the lowest total stated by a party other than the perpetrator, or in the article's own voice. The
   perpetrator is an armed group speaking of deaths it caused among others, or state forces / government
   speaking of militants they killed.
3. **high** = the highest total anyone claims, the perpetrator's included (an upper bound where it is given,
   else the lower bound: "more than 200" gives 201).
4. **best** = the lowest total from the most reliable kind of source present, in this order: the article's own
   voice and medical sources; local sources, rights groups, media and others; government and security forces;
   unofficial sources; armed groups. Within a kind the lowest total is taken (ACLED's conservative reading).
5. No figure is averaged or rounded: every number is a claim's number or one claimant's sum of its own
   figures. Figures with no number ("several", "took hostages") never set a bound.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import NamedTuple

from sitrep.model import BySide, Claim, Count, Figure
from sitrep.nlp.lexicon import has_any_word, read_table

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
_STATE = {"government", "security_forces"}


class _Total(NamedTuple):  # a named tuple: a frozen dataclass sets each field through object.__setattr__
    claimant: str  # a label for the rule text
    kind: str
    low: int
    high: int | None
    perpetrator: bool


def _is_perpetrator(claim: Claim) -> bool:
    kind = claim.claimant.kind
    if kind == "armed_group":
        return claim.victim != "militants"
    return kind in _STATE and claim.victim == "militants"


def _claimant_key(claim: Claim) -> tuple[str, str]:
    return (claim.claimant.kind, (claim.claimant.name or "").lower())


def _totals(claims: list[Claim]) -> list[_Total]:
    """One total per claimant, by rule 1."""
    by_claimant: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.part_of is None and claim.stance != "denied" and claim.count.low is not None:
            by_claimant[_claimant_key(claim)].append(claim)
    totals = []
    for (kind, name), own in by_claimant.items():
        # A figure a claimant repeats for the same victims counts once: keep its largest per kind of victim.
        largest: dict[str, Claim] = {}
        for claim in own:
            if claim.victim not in largest or (claim.count.low or 0) > (largest[claim.victim].count.low or 0):
                largest[claim.victim] = claim
        sides = [c for v, c in largest.items() if v != "unspecified"]
        unspecified = [c for v, c in largest.items() if v == "unspecified"]
        low_sides = sum(c.count.low or 0 for c in sides)
        low_unspecified = max((c.count.low or 0 for c in unspecified), default=0)
        use_sides = low_sides >= low_unspecified
        chosen = sides if use_sides else [max(unspecified, key=lambda c: c.count.low or 0)]
        low = low_sides if use_sides else low_unspecified
        highs = [c.count.high for c in chosen]
        high = sum(h for h in highs if h is not None) if all(h is not None for h in highs) else None
        perpetrator = any(_is_perpetrator(c) for c in chosen)
        totals.append(_Total(name or kind, kind, low, high, perpetrator))
    return totals


def reconcile(claims: list[Claim]) -> Figure:
    """low / best / high for one outcome from the claims about it (the rules in the module docstring)."""
    return Figure(**_figure_fields(claims))


def _figure_fields(claims: list[Claim]) -> dict[str, int | str | None]:
    """``reconcile``'s figure as the fields to build it from: an event validates its figures with itself, in one
    pass, instead of building each of its eight figures as a model of its own."""
    if not claims:  # most events lack most outcomes
        return {"rule": ""}
    totals = _totals(claims)
    if not totals:
        return {"rule": "no claim gives a number"}
    parts = []
    trusted = [t for t in totals if not t.perpetrator]
    low = min(trusted, key=lambda t: t.low) if trusted else None
    if low:
        parts.append(f"low {low.low} from {low.claimant} ({low.kind})")
    high = max(totals, key=lambda t: t.high if t.high is not None else t.low)
    high_value = high.high if high.high is not None else high.low
    parts.append(f"high {high_value} from {high.claimant} ({high.kind})")
    most_reliable = min(_RELIABILITY.get(t.kind, 1) for t in totals)
    best = min((t for t in totals if _RELIABILITY.get(t.kind, 1) == most_reliable), key=lambda t: t.low)
    parts.append(f"best {best.low} from {best.claimant} ({best.kind})")
    return {"low": low.low if low else None, "best": best.low, "high": high_value, "rule": "; ".join(parts)}


def split_by_side(deaths: list[Claim]) -> BySide:
    """Deaths of all parties by who died, each side reconciled by the same rules."""
    return _by_side(_by_side_fields(deaths))


def _by_side(fields: dict[str, dict[str, int | str | None]]) -> BySide:
    return BySide(**{side: Figure(**value) for side, value in fields.items()})


def _by_side_fields(deaths: list[Claim]) -> dict[str, dict[str, int | str | None]]:
    by_side: dict[str, list[Claim]] = {
        "security_forces": [],
        "civilians": [],
        "militants": [],
        "unspecified": [],
    }
    for claim in deaths:
        if claim.part_of is None and claim.victim in by_side:
            by_side[claim.victim].append(claim)
    return {side: _figure_fields(claims) for side, claims in by_side.items()}


def event_figures(claims: list[Claim]) -> dict[str, Figure | BySide]:
    """The event's ``fatalities``, ``injured``, ``abducted`` and ``by_side``."""
    fields = event_figure_fields(claims)
    by_side = fields.pop("by_side")
    figures: dict[str, Figure | BySide] = {name: Figure(**value) for name, value in fields.items()}
    figures["by_side"] = _by_side(by_side)
    return figures


def event_figure_fields(claims: list[Claim]) -> dict[str, dict]:
    """``event_figures`` as plain fields, for ``Event(**event_figure_fields(claims), …)`` to validate at once."""
    by_outcome: dict[str, list[Claim]] = {"killed": [], "injured": [], "abducted": []}
    for claim in claims:  # one pass, in order
        if claim.outcome in by_outcome:
            by_outcome[claim.outcome].append(claim)
    return {
        "fatalities": _figure_fields(by_outcome["killed"]),
        "injured": _figure_fields(by_outcome["injured"]),
        "abducted": _figure_fields(by_outcome["abducted"]),
        "by_side": _by_side_fields(by_outcome["killed"]),
    }


@cache
def _killing_words() -> frozenset[str]:
    return frozenset(row["phrase"] for row in read_table("outcomes.tsv") if row["outcome"] == "killed")


@cache
def _acled_values() -> dict[str, int]:
    return {row["words"]: int(row["value"]) for row in read_table("acled_conventions.tsv")}


def _acled_count(count: Count) -> Count:
    """A claim's count read by ACLED's conventions for vague figures ("dozens" = 12, no number = 3)."""
    values = _acled_values()
    words = " ".join(count.text.lower().split())
    for phrase, value in values.items():
        if words == phrase or words.endswith(" " + phrase):
            return Count(low=value, high=value, text=count.text)
    if count.low is None and count.high is None:
        return Count(low=values["unnumbered"], high=values["unnumbered"], text=count.text)
    if count.low is None:
        return Count(low=count.high, high=count.high, text=count.text)
    return count


def acled_fatalities(claims: list[Claim]) -> int:
    """ACLED's single conservative fatality figure for an event: the ``low`` of rule 2 with vague figures
    read by ACLED's conventions; a perpetrator's claim counts only when no one else gives a figure."""
    # "killed and wounded several" (casualties, unsplit, but saying some died) counts as deaths when no death
    # is reported apart; "an unspecified number of casualties" says nobody died for certain (ACLED: 0).
    if any(c.outcome == "killed" for c in claims):
        deaths = [c for c in claims if c.outcome == "killed"]
    else:
        deaths = [c for c in claims if c.outcome == "casualties" and has_any_word(c.quote, _killing_words())]
    killed = [c.model_copy(update={"count": _acled_count(c.count)}) for c in deaths if c.stance != "denied"]
    totals = _totals(killed)
    if not totals:
        return 0
    trusted = [t for t in totals if not t.perpetrator] or totals
    return min(t.low for t in trusted)
