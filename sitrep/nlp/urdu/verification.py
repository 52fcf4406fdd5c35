"""What an Urdu report says of independent verification, and of which figures."""

from __future__ import annotations

import re
from functools import cache

from sitrep.model import Claim
from sitrep.nlp.urdu.claimants import Claimants
from sitrep.nlp.urdu.lexicon import Lexicon
from sitrep.nlp.urdu.writing import alternation


def verified_in(text: str, start: int, end: int, lexicon: Lexicon) -> bool | None:
    """What the sentence says of independent verification (None: nothing)."""
    found = next(lexicon.verification_finder.find(text, start, end), None)
    return lexicon.verification[found.phrase] if found else None


@cache
def _claims_word() -> re.Pattern[str]:
    """ "ان دعووں کی تصدیق نہیں ہو سکی" (these claims could not be verified): the claims made, not the figures."""
    return re.compile(rf"(?<!\w)(?:{alternation('claims')})(?!\w)")


@cache
def _means() -> re.Pattern[str]:
    """After a claimant's words, "سے" (from): the means of checking ("آزاد ذرائع سے", from independent sources),
    not whose figures are checked."""
    return re.compile(r"\s*سے(?!\S)")


def unverified_by_later_sentences(
    text: str, sentences: list[tuple[int, int]], claims: list[Claim], lexicon: Lexicon
) -> list[Claim]:
    """A sentence with no figure of its own that says whether figures could be verified speaks, as the English
    reader reads it, of the figures of the claimants it names (those that gave figures); of "these claims" (the
    figures claimed); else of the last sentence with figures before it."""
    updates: dict[str, bool] = {}
    claimants = Claimants(text, text, lexicon)  # no memory: a word that refers back names no one here
    for start, end in sentences:
        said = next(lexicon.verification_finder.find(text, start, end), None)
        before = [c for c in claims if c.end <= start]
        if said is None or not before or any(start <= c.start < end for c in claims):
            continue
        named = {
            claimants.resolve(m).kind
            for m in lexicon.claimant_finder.find(text, start, end)
            if not said.start <= m.start < said.end
            and lexicon.claimants.get(m.phrase, ("armed_group",))[0] != "none"
            and not _means().match(text, m.end)
        } - {"none"}
        # Of the claimants it names that gave figures; else of "these claims"; else of the last figures.
        targets = [c for c in before if c.claimant.kind in named]
        if (
            not targets
            and _claims_word().search(text, start, end)
            and any(c.stance == "claimed" for c in before)
        ):
            targets = [c for c in before if c.stance == "claimed"]
        if not targets:
            last = before[-1].start
            targets = [c for c in before if c.start == last]
        updates |= {c.id: lexicon.verification[said.phrase] for c in targets if c.verified is None}
    return [c.model_copy(update={"verified": updates[c.id]}) if c.id in updates else c for c in claims]
