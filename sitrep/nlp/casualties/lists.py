"""Figures read together: a sentence's figures in, the same figures linked out — an outcome shared across a
list ("17 police and 31 civilians were killed"), parts of a whole ("including three children", "nine of the 12"),
"one and N others" as one figure, and "others" of the same kind as before."""

from __future__ import annotations

from sitrep.model import Count
from sitrep.nlp.casualties.outcomes import outcome_after
from sitrep.nlp.casualties.records import Figure
from sitrep.nlp.casualties.tokens import span_text
from sitrep.nlp.casualties.words import COORDINATORS, DEFINITE, POSSESSIVES, SOME_PEOPLE, CasualtyWords
from sitrep.nlp.lexicon import Token


def partitives(words: CasualtyWords, tokens: list[Token], figures: list[Figure]) -> None:
    """'Nine of the 12 abducted passengers were found dead', 'two of the 12 injured died': the first
    number counts what the predicate says of a part; the second names the group they are part of, which
    then lies inside the first figure's phrase and adds no figure of its own."""
    for part, group in zip(figures[:-1], figures[1:], strict=True):
        between = [t.norm for t in tokens[part.span_end : group.span_start]]
        # Only a known group ("of the 12"): "one of three men wounded … has died" also tells of the three.
        if len(between) != 2 or between[0] != "of" or between[1] not in DEFINITE:
            continue
        if part.victim is not None:
            if part.np_end > group.span_start and part.outcome is not None:
                group.outcome = None  # "four of the six soldiers were killed": the six are no figure
            continue
        probe = Figure(group.span_start, group.span_end, group.count, False, group.victim)
        probe.np_end = max(group.np_end, group.span_end)
        outcome_after(words, tokens, probe)
        if probe.outcome is None or probe.agent:
            continue
        part.victim, part.victim_text = group.victim, group.victim_text
        part.outcome, part.outcome_from, part.outcome_at = probe.outcome, "after", probe.outcome_at
        part.np_end = part.span_end


def one_and_others(words: CasualtyWords, tokens: list[Token], figures: list[Figure]) -> list[Figure]:
    """'the driver and two others were killed', 'a girl and four other children were hurt': one person and
    N others are N + 1 people, one figure (the word "other" says the first is one of them)."""
    out: list[Figure] = []
    for figure in figures:
        left = out[-1] if out else None
        if (
            left is None
            or (left.count.low, left.count.high) != (1, 1)
            or tokens[left.span_start].norm not in words.grammar.singular_words
            or left.np_end >= len(tokens)
            or tokens[left.np_end].norm != "and"
            or figure.span_start != left.np_end + 1
            or left.outcome not in (None, figure.outcome)
            or figure.outcome is None
        ):
            out.append(figure)
            continue
        bare = figure.victim_text.lower() in ("others", "other")
        if not bare and (figure.span_end >= len(tokens) or tokens[figure.span_end].norm != "other"):
            out.append(figure)
            continue
        low, high = figure.count.low, figure.count.high
        figure.count = Count(
            low=None if low is None else low + 1,
            high=None if high is None else high + 1,
            text=span_text(tokens, left.span_start, figure.np_end),
            approximate=figure.count.approximate,
        )
        figure.span_start = left.span_start
        if bare:  # "a policeman and four others": who the others are is not said
            figure.victim, figure.victim_text = SOME_PEOPLE, figure.count.text
        out[-1] = figure
    return out


def share_across_lists(tokens: list[Token], figures: list[Figure]) -> None:
    """'17 police and 31 civilians were killed' / 'killing 3 soldiers and 5 civilians': one outcome for a list."""

    def joined(left: Figure, right: Figure) -> bool:
        between = [t.norm for t in tokens[left.np_end : right.span_start]]
        if len(between) > 2 and between[0] == "of" and len(between) <= 4:
            # "five employees of the police and one driver": the first noun's "of" phrase, then the list goes on
            between = between[-1:]
        if len(between) == 2 and between[0] in COORDINATORS and between[1] in POSSESSIVES:
            between = between[:1]  # "a shopkeeper and his two sons were shot dead"
        return bool(between) and all(word in COORDINATORS for word in between)

    for left, right in zip(reversed(figures[:-1]), reversed(figures[1:]), strict=True):
        if (
            left.outcome is None
            and right.outcome is not None
            and right.outcome_from != "before"
            and joined(left, right)
        ):
            left.outcome, left.outcome_from = right.outcome, "coordination"
    for left, right in zip(figures[:-1], figures[1:], strict=True):
        if right.outcome is None and left.outcome_from == "before" and joined(left, right):
            right.outcome, right.outcome_from = left.outcome, "before"
            right.subset = left.subset


def link_subsets(tokens: list[Token], figures: list[Figure]) -> None:
    """'12 people were killed, including three children': the children are part of the 12."""
    for position, figure in enumerate(figures):
        if position == 0 or figure.span_start == 0:
            continue
        before = {tokens[i].norm for i in range(max(0, figure.span_start - 3), figure.span_start)}
        previous = figures[position - 1]
        if before & {"including", "among", "includes", "include"}:
            whole = previous
            figure.part_of = position - 1
        elif previous.part_of is not None and all(
            t.norm in COORDINATORS for t in tokens[previous.np_end : figure.span_start]
        ):
            # "including five women and four children": the second is a part of the same whole.
            whole = figures[previous.part_of]
            figure.part_of = previous.part_of
        else:
            continue
        if figure.outcome is None:
            figure.outcome, figure.outcome_from = whole.outcome, whole.outcome_from


def others_like_before(figures: list[Figure]) -> None:
    """'7 soldiers were killed, 4 injured', '…and three others wounded': the same kind of people as before."""
    for position in range(1, len(figures)):
        figure = figures[position]
        previous = figures[position - 1]
        if previous.part_of is not None and figure.part_of is None:
            # "12 people, including four policemen, were killed and 20 others injured": the others are
            # like the 12, not like the part named inside their aside
            previous = figures[previous.part_of]
        unnamed = figure.victim is None or figure.victim_text.lower() in ("others", "other")
        if unnamed and previous.victim and not previous.victim.generic and not figure.apart:
            figure.victim = previous.victim
