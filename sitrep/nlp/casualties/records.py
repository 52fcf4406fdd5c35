"""The records a casualty reader works with: ``Mention`` (a figure it reports: outcome, victim, count,
token span, flags) out to attribution and claims, and ``Figure``, the working record a figure is built up in
while its noun, outcome and links are read."""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.model import Count, Outcome, Victim
from sitrep.nlp.casualties.words import VictimWord
from sitrep.nlp.lexicon import Token
from sitrep.nlp.numbers import CountSpan


@dataclass(slots=True)
class Mention:
    """A casualty figure in a sentence; offsets are relative to the sentence."""

    outcome: Outcome
    victim: Victim
    victim_text: str
    count: Count
    token_start: int
    token_end: int
    part_of: int | None = None  # index of the mention this one is a subset of
    definite: bool = False  # refers to people counted before ("the injured soldier", "two of the dead")
    background: bool = False  # an earlier incident or an aggregate statistic ("last year", "days ago")
    predicate: bool = False  # the outcome is said of them ("were killed"), not a word describing them
    subset: bool = False  # "the dead included three guards": a part of a total given before this sentence
    named: bool = False  # the figure names who it counts ("17 soldiers"), not a bare number ("17 were")
    by_name: bool = False  # one person called by name ("Jane Roe was shot"): counts only where no figure does
    ours: bool = False  # the speaker's own people ("three of our men"): their side is the claimant's


@dataclass(slots=True)
class Figure:
    span_start: int  # token indices of the figure
    span_end: int
    count: Count
    is_year_like: bool
    victim: VictimWord | None = None
    victim_text: str = ""
    np_end: int = 0  # token index after the figure's noun phrase
    outcome: Outcome | None = None
    outcome_from: str = ""  # noun | before | after | coordination
    outcome_at: int = 0  # token index of an outcome found after the noun phrase
    part_of: int | None = None
    definite: bool = False  # "the two injured", "two of the dead": people already counted
    described: Outcome | None = None  # an outcome word describing the people ("three injured men")
    subset: bool = False  # "the dead included three guards": a part of people counted before
    agent: bool = False  # "the man shot his wife": the people who did it, not a figure of victims
    by_name: bool = False  # a person's name, not a noun for people
    unknown_end: int = 0  # after a plural noun the lexicon does not know ("two ulema were …"), else 0
    apart: bool = False  # "killing himself and three others": others than the person named before


def first_person_plural(tokens: list[Token], figure: Figure) -> bool:
    """'three of our men', 'our two colleagues': the people counted are the speaker's own."""
    start = max(figure.span_start - 1, 0)
    return any(tokens[i].norm == "our" for i in range(start, max(figure.np_end, figure.span_end)))


def as_count(span: CountSpan) -> Count:
    return Count(low=span.low, high=span.high, text=span.text, approximate=span.approximate)
