"""Reading one sentence: its text (and tokens, and the last person named before it) in, its casualty
mentions out — figures found, their people and outcomes read, linked across the sentence, then kept or dropped."""

from __future__ import annotations

from bisect import bisect_left
from collections import deque
from functools import cache

from sitrep.nlp.casualties.background import mark_background
from sitrep.nlp.casualties.figures import (
    bare_outcomes,
    number_figures,
    of_them,
    read_noun_phrase,
    singular_figures,
)
from sitrep.nlp.casualties.lists import (
    link_subsets,
    one_and_others,
    others_like_before,
    partitives,
    share_across_lists,
)
from sitrep.nlp.casualties.names import named_figures
from sitrep.nlp.casualties.outcomes import outcome_after, outcome_before, outcomes_by_end, unknown_people
from sitrep.nlp.casualties.predicates import death_later
from sitrep.nlp.casualties.records import Figure, Mention, first_person_plural
from sitrep.nlp.casualties.tokens import definite_before, names_a_number, negated, subset_marks
from sitrep.nlp.casualties.words import CasualtyWords, VictimWord
from sitrep.nlp.lexicon import Token, Tokens, tokenize
from sitrep.nlp.numbers import CountGrammar, count_grammar


class CasualtyReader:
    """Reads a sentence's casualty figures with the word tables of ``words``."""

    def __init__(self, grammar: CountGrammar) -> None:
        self.words = CasualtyWords(grammar)

    def read(
        self, sentence: str, tokens: list[Token] | None = None, previous: VictimWord | None = None
    ) -> list[Mention]:
        """The casualty mentions of one sentence; ``previous`` is the last person named before it."""
        words = self.words
        tokens = tokenize(sentence) if tokens is None else tokens
        figures = number_figures(words, sentence, tokens)
        taken = {i for f in figures for i in range(f.span_start, f.span_end)}
        figures += singular_figures(words, tokens, taken, previous)
        figures.sort(key=lambda f: f.span_start)
        figures = [f for f in figures if read_noun_phrase(words, tokens, f)]
        outcomes = list(words.outcomes.find_all(tokens))
        ends = outcomes_by_end(outcomes)  # once a sentence, not once a figure
        deaths = outcomes_by_end([m for m in outcomes if m.payload.outcome == "killed"])
        for figure in figures:
            if figure.outcome == "casualties" and figure.outcome_from == "noun":
                # "the body of a man with gunshot wounds": the death told before the people wins
                outcome_before(words, tokens, figure, deaths)
            if figure.outcome is None:
                outcome_before(words, tokens, figure, ends)
            if figure.outcome is None:
                outcome_after(words, tokens, figure)
            if figure.outcome is None and figure.unknown_end:
                unknown_people(words, tokens, figure)
            if (
                figure.outcome in ("injured", "casualties")
                and figure.outcome_from == "noun"
                and figure.span_end < len(tokens)
                and tokens[figure.span_end].norm == "of"
                and death_later(words, tokens, figure.np_end)
            ):
                figure.outcome = "killed"  # "one of four women wounded in the shooting has died"
                figure.definite = False  # "one of the injured later died": one of them, but a new death
            if figure.outcome is None and figure.described is not None:
                figure.outcome, figure.outcome_from = figure.described, "noun"
        if len(figures) > 1:
            partitives(words, tokens, figures)
        for figure in figures:
            if figure.victim is None and figure.outcome is not None:
                of_them(words, tokens, figure)
        figures = _outside_asides(tokens, figures)
        share_across_lists(tokens, figures)
        if len(figures) > 1:
            figures = one_and_others(words, tokens, figures)
        link_subsets(tokens, figures)
        others_like_before(figures)
        covered = {i for f in figures for i in range(f.span_start, max(f.np_end, f.span_end))}
        if outcomes:
            # An outcome already said of a figure ("Four passengers, Ali and Khan, were injured") counts no name.
            said = {f.outcome_at for f in figures if f.outcome_from == "after"}
            figures += named_figures(words, tokens, [m for m in outcomes if m.start not in said], covered)
        figures += bare_outcomes(tokens, outcomes, covered)

        mentions: list[Mention] = []
        kept: dict[int, int] = {}
        ours = "our" in tokens.norms() if isinstance(tokens, Tokens) else any(t.norm == "our" for t in tokens)
        for position, figure in enumerate(figures):
            if figure.outcome is None or figure.agent or negated(tokens, figure.span_start):
                continue
            if figure.victim is None and (figure.is_year_like or figure.outcome_from == "coordination"):
                continue
            if (
                figure.victim is None
                and not figure.by_name  # "Roe, Lee and Ford": a name after a comma is no age
                and names_a_number(tokens, figure.span_start, figure.span_end)
            ):
                continue
            whole = figures[figure.part_of] if figure.part_of is not None else None
            if (
                whole is not None
                and whole.outcome == figure.outcome
                and figure.span_end == figure.span_start + 1
                and (tokens[figure.span_start].norm in words.grammar.singular_words)
            ):
                continue  # "including a captain": names one of those counted, adds no figure
            kept[position] = len(mentions)
            mentions.append(
                Mention(
                    outcome=figure.outcome,
                    victim=figure.victim.victim if figure.victim else "unspecified",
                    victim_text=figure.victim_text,
                    count=figure.count,
                    token_start=figure.span_start,
                    token_end=figure.np_end,
                    # one of those hit who died is a death of its own, not a part of a figure of the dead
                    part_of=kept.get(figure.part_of)
                    if whole is not None and whole.outcome == figure.outcome
                    else None,
                    definite=figure.definite
                    or (
                        (
                            figure.described is not None
                            or (figure.outcome_from == "noun" and figure.victim is None)
                        )
                        and definite_before(tokens, figure.span_start)
                    ),
                    named=figure.victim is not None and figure.victim_text.lower() not in ("others", "other"),
                    predicate=figure.outcome_from in ("after", "before", "coordination"),
                    subset=figure.subset,
                    by_name=figure.by_name,
                    ours=ours and first_person_plural(tokens, figure),
                )
            )
        if mentions:
            mark_background(words, tokens, mentions)
        return mentions


def _outside_asides(tokens: list[Token], figures: list[Figure]) -> list[Figure]:
    """The figures not named inside another figure's aside ("two guards escorting three prisoners were killed":
    the prisoners are not what "killed" counts): an aside runs from a figure's noun phrase to the outcome found
    after it, and a figure in it stays only after "including" or "among" there (a part of the first figure).

    In one pass however many figures and asides a sentence holds: a figure at ``s`` falls in an aside that
    opens at ``a`` (a <= s, no subset word in a..s) and closes after ``s``. The figures are visited by
    position with the asides opened since the last subset word before them in a window whose two ends only
    move right; the window keeps its furthest close first (a sliding maximum)."""
    asides = sorted(
        (f.np_end, f.outcome_at) for f in figures if f.outcome_from == "after" and f.outcome_at > f.np_end
    )
    if not asides:
        return figures
    subsets = subset_marks(tokens)
    inside: set[int] = set()
    window: deque[tuple[int, int]] = deque()  # (opens, closes), closes falling from the first
    added = 0
    for position in sorted(range(len(figures)), key=lambda i: figures[i].span_start):
        at = figures[position].span_start
        while added < len(asides) and asides[added][0] <= at:
            while window and window[-1][1] <= asides[added][1]:
                window.pop()  # closes no later than the newer one: never the furthest again
            window.append(asides[added])
            added += 1
        subset = bisect_left(subsets, at) - 1  # the last subset word before the figure
        floor = subsets[subset] + 1 if subset >= 0 else 0
        while window and window[0][0] < floor:
            window.popleft()
        if window and window[0][1] > at:
            inside.add(position)
    return [f for i, f in enumerate(figures) if i not in inside]


@cache
def casualty_reader() -> CasualtyReader:
    return CasualtyReader(count_grammar())
