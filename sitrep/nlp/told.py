"""The claims an article's reader has kept so far, filed by the questions a new figure asks of them: was it said
before (a lede said again in the body), and which total does a list of the dead divide. Shared by the English
reader (``sitrep.nlp.claims``) and the Urdu one (``sitrep.nlp.urdu.claims``); light, so that neither drags in the
other's machinery."""

from __future__ import annotations

from collections.abc import Callable

from sitrep.model import Claim, Claimant


class Told:
    """The claims read so far, filed by the questions a new figure asks of them (the claims readers' ``_read_once`` and ``_whole``):
    a figure looks up the few that can answer, not every earlier claim, so an article's cost follows its
    length. Claims are added in text order: their starts never fall."""

    def __init__(self, by_claimant_words: bool = False, fold: Callable[[str], str] = str) -> None:
        # The Urdu reader tells claimants of one kind apart by their words: an RPO's toll said again by the
        # police spokesman is each one's claim, as the gold counts it. The English reader goes by kind only.
        # ``fold``: the words' spelling, however they were typed ("ٹي ٹي پي" is "ٹی ٹی پی").
        self.by_claimant_words = by_claimant_words
        self.fold = fold
        # (outcome, victim), and (outcome, None) for any victim → the start of the first such claim.
        self.first: dict[tuple[str, str | None], int] = {}
        # A lower bound → the victim of the last claim with that bound and a known victim; and by kind of
        # outcome too (the Urdu reader's: "6 اہلکار زخمی" says nothing of whom "6 لاشیں", six bodies, were;
        # three missing are the three taken).
        self.victim_of: dict[int | None, str] = {}
        self.victim_of_outcome: dict[tuple[str, int | None], str] = {}
        # The same figure (``said_key``) → victim → the start of the first such claim that is no part: a figure
        # was said before when that start is before its own sentence's.
        self.said: dict[tuple[str, int | None, int | None, str, str], dict[str, int]] = {}
        # outcome → (the last total, the last total of an earlier sentence than that one's).
        self.totals: dict[str, tuple[Claim, Claim | None]] = {}

    def add(self, claim: Claim) -> None:
        self.first.setdefault((claim.outcome, None), claim.start)
        self.first.setdefault((claim.outcome, claim.victim), claim.start)
        if claim.victim != "unspecified":
            self.victim_of[claim.count.low] = claim.victim
            self.victim_of_outcome[(outcome_kind(claim.outcome), claim.count.low)] = claim.victim
        if claim.part_of is not None:
            return
        key = said_key(
            claim.outcome,
            claim.count.low,
            claim.count.high,
            self._claimant(claim.claimant),
            claim.victim_text,
        )
        self.said.setdefault(key, {}).setdefault(claim.victim, claim.start)
        last = self.totals.get(claim.outcome)
        if last is None:
            self.totals[claim.outcome] = (claim, None)
        else:
            self.totals[claim.outcome] = (claim, last[1] if last[0].start == claim.start else last[0])

    def said_before(
        self,
        outcome: str,
        low: int | None,
        high: int | None,
        claimant: Claimant,
        victim: str,
        victim_text: str,
        start: int,
    ) -> bool:
        """Whether a sentence before ``start`` gave the same figure (``said_key``) of the same victims (or of
        victims either leaves unspecified)."""
        key = said_key(outcome, low, high, self._claimant(claimant), victim_text)
        return any(
            first < start and (said == victim or "unspecified" in (said, victim))
            for said, first in self.said.get(key, {}).items()
        )

    def _claimant(self, claimant: Claimant) -> str:
        return (
            f"{claimant.kind}:{self.fold(claimant.text or '')}" if self.by_claimant_words else claimant.kind
        )


def said_key(
    outcome: str, low: int | None, high: int | None, claimant: str, victim_text: str
) -> tuple[str, int | None, int | None, str, str]:
    """What makes two figures one said again: outcome, bounds and claimant (``Told._claimant``); for one person,
    the head of the words naming them too, the last word in English and Urdu alike ("a police officer" and "an
    officer", "ایک پولیس اہلکار" and "ایک اہلکار"; see ``sitrep.nlp.claims``)."""
    head = victim_text.lower().split()[-1:] if (low, high) == (1, 1) else []
    return outcome, low, high, claimant, " ".join(head)


_TAKEN = ("abducted", "arrested", "missing")


def outcome_kind(outcome: str) -> str:
    """Outcomes that may count the same people: the abducted, arrested and missing are all "taken"."""
    return "taken" if outcome in _TAKEN else outcome
