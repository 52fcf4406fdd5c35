"""Claims → the one fatality figure ACLED would code, by its conventions (``data/acled_conventions.tsv``)."""

from __future__ import annotations

from sitrep.events.figures.counting import (
    claimant_totals,
)
from sitrep.events.figures.words import acled_values, killing_words
from sitrep.model import Claim, Count
from sitrep.nlp.lexicon import has_any_word


def _acled_count(count: Count) -> Count:
    """A claim's count read by ACLED's conventions for vague figures ("dozens" = 12, no number = 3)."""
    values = acled_values()
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
        deaths = [c for c in claims if c.outcome == "casualties" and has_any_word(c.quote, killing_words())]
    killed = [c.model_copy(update={"count": _acled_count(c.count)}) for c in deaths if c.stance != "denied"]
    totals = claimant_totals(killed)
    if not totals:
        return 0
    trusted = [t for t in totals if not t.perpetrator] or totals
    return min(t.low for t in trusted)
