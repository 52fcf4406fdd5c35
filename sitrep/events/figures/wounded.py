"""The dead and the wounded told apart (rules 8, 9, 11–13): the wounded from those hit, the wounded who died,
others told apart, nobody dead where only the living are counted."""

from __future__ import annotations

from sitrep.events.figures.counting import (
    counted_claims,
    sum_of,
)
from sitrep.events.figures.words import outcome_words
from sitrep.model import Claim, Count
from sitrep.nlp.lexicon import has_any_word

# Words that tell people apart from those counted just before: "two other passengers", "a second man".
_APART = frozenset({"other", "others", "second", "third", "fourth", "fifth", "sixth"})
# Words of the wounded in a figure of the dead: one of the wounded who died ("an injured constable died").
_WOUNDED = frozenset({"injured", "wounded"})


def _apart(claim: Claim) -> bool:
    """Whether a claim's people are told apart from those counted before it ("two others", "two other men", "a
    second man"): a word of ``_APART`` in its figure or right after it."""
    text = claim.count.text
    if not text or claim.count.low is None:
        return False
    if claim.count.low != claim.count.high:
        return False  # "at least seven others": a bound, not people one can add
    words = text.lower().split()
    at = claim.quote.find(text)
    if at < 0 or has_any_word(claim.quote[:at], outcome_words()):
        return False  # "killing two and wounding nine others": apart from a figure of its own sentence
    after = claim.quote[at + len(text) : at + len(text) + 24].lower().split()
    if claim.outcome == "killed" and (
        _WOUNDED.intersection(words) or after[:3] in (["of", "the", "injured"], ["of", "the", "wounded"])
    ):
        return True  # "an injured constable also died", "one of the injured later succumbed": a new death
    if words[0] in ("the", "these", "those"):
        return False  # "the other victim", "the second man": one of a set already counted
    return bool(_APART.intersection(words)) or (bool(after) and after[0].strip(",.;:") in _APART)


def others_told_apart(claims: list[Claim]) -> list[Claim]:
    """Rule 12: dead told apart from the dead just before, in a sentence of their own ("a passenger was killed
    on the spot. Two other passengers died in hospital"; "a second man also died"), are added to them; people
    hit but told apart from the dead ("one man died. Two other men were taken to hospital with gunshot
    wounds") are the wounded. The sum is the first figure's claimant's, or the later one's where the article
    itself told the first."""
    if len(claims) < 2 or not any(map(_apart, claims)):  # the common case: nothing told apart
        return claims
    out: list[Claim] = []
    for claim in sorted(claims, key=lambda c: c.start):
        before = out[-1] if out else None
        if (
            before is None
            or before.start >= claim.start  # another figure of its own sentence is what it is told apart from
            or before.background
            or claim.background
            or before.part_of is not None
            or claim.part_of is not None
            or not _apart(claim)
        ):
            out.append(claim)
        elif before.outcome == claim.outcome == "killed" and before.count.low is not None:
            low, high = sum_of([before, claim])
            owner = claim if before.claimant.kind == "none" else before
            count = Count(low=low, high=high, text=f"{before.count.text} + {claim.count.text}")
            victim = before.victim if before.victim == claim.victim else "unspecified"
            out[-1] = owner.model_copy(update={"count": count, "victim": victim, "start": claim.start})
        elif before.outcome == "killed" and claim.outcome == "casualties":
            out.append(claim.model_copy(update={"outcome": "injured"}))
        else:
            out.append(claim)
    return out


def _of_the_wounded(claim: Claim, them: bool) -> bool:
    """Whether a figure of dead counts people told before as wounded: "one of the injured later died", "an
    injured constable died", and where ``them`` can only be the wounded, "one of them died"."""
    text = claim.count.text
    at = claim.quote.find(text) if text else -1
    if at < 0:
        return False
    after = claim.quote[at + len(text) : at + len(text) + 24].lower().split()[:3]
    return (
        bool(_WOUNDED.intersection(text.lower().split()))
        or after in (["of", "the", "injured"], ["of", "the", "wounded"])
        or (them and after[:2] in (["of", "them"], ["of", "those"]))
    )


def less_the_wounded_who_died(injured: dict, killed: list[Claim], hit: list[Claim]) -> dict:
    """Rule 13: the wounded who died are counted dead, not wounded too ("two men were wounded … one of them
    died": one dead, one wounded). "Of them" speaks of the wounded only where no one is told hit (rule 8
    takes the dead from those)."""
    best = injured.get("best")
    if not isinstance(best, int) or not killed:
        return injured
    them = not hit
    died = sum(
        c.count.low or 0
        for c in killed
        if c.part_of is None and not c.background and c.count.low == c.count.high and _of_the_wounded(c, them)
    )
    if not died:
        return injured
    value = max(best - died, 0)
    rule = f"rule 13: {best} wounded less {died} of them dead"
    return {"low": value, "best": value, "high": value, "rule": rule}


NOBODY_DEAD = "rule 11: people counted hurt or taken, no death told: none dead"


def living_counted(by_outcome: dict[str, list[Claim]]) -> bool:
    """Rule 11: whether the event counts people wounded, hit or taken with a number (a report that tells no
    death beside them says nobody died)."""
    return any(
        c.count.low is not None and c.stance != "denied"
        for outcome in ("injured", "casualties", "abducted")
        for c in by_outcome[outcome]
    )


_ANOTHER_PERSON = frozenset({"other", "second", "third", "fourth", "remaining", "surviving"})


def told_again(injured: list[Claim]) -> bool:
    """Rule 9: every figure of injured is one person referred to again ("she", "the girl")."""
    counted = counted_claims(injured)
    return bool(counted) and all(
        (c.count.low, c.count.high) == (1, 1)
        and c.count.text.lower().split()[:1] in (["the"], ["he"], ["she"])
        and not _ANOTHER_PERSON.intersection(c.count.text.lower().split())  # "the other man" is someone else
        for c in counted
    )


def wounded_from_hit(hit: dict[str, int | str | None], dead: dict[str, int | str | None]) -> dict | None:
    """Rule 8: those hit less the dead, or None when that leaves nobody."""
    hit_best, dead_best = hit.get("best"), dead.get("best") or 0
    if not isinstance(hit_best, int) or not isinstance(dead_best, int) or hit_best <= dead_best:
        return None
    value = hit_best - dead_best
    rule = f"best {value} by rule 8: {hit_best} hit less {dead_best} dead"
    return {"low": value, "best": value, "high": value, "rule": rule}
