"""nlp/casualties/reader.py: one sentence's casualty mentions, through ``CasualtyReader.read`` (invented
sentences)."""

from __future__ import annotations

import random

from sitrep.model import Count
from sitrep.nlp.casualties.reader import CasualtyReader, _outside_asides, casualty_reader
from sitrep.nlp.casualties.records import Figure
from sitrep.nlp.casualties.words import SUBSET_WORDS, VictimWord
from sitrep.nlp.lexicon import Token, tokenize
from sitrep.nlp.numbers import count_grammar


def _read(text: str) -> list[tuple[str, str, int | None, int | None]]:
    return [(m.outcome, m.victim, m.count.low, m.part_of) for m in casualty_reader().read(text)]


def test_a_figure_of_people_tied_to_an_outcome_is_a_mention() -> None:
    assert _read("Militants killed 17 soldiers near the camp.") == [("killed", "security_forces", 17, None)]
    assert _read("The convoy carried 17 soldiers.") == []


def test_parts_of_a_total_point_to_it() -> None:
    assert _read("12 people were killed, including three children.") == [
        ("killed", "unspecified", 12, None),
        ("killed", "civilians", 3, 0),
    ]


def test_a_pronoun_stands_for_the_person_named_before() -> None:
    reader = CasualtyReader(count_grammar())
    [mention] = reader.read(
        "He was killed in the attack.", previous=VictimWord("civilians", "singular", False)
    )
    assert (mention.victim, mention.count.low) == ("civilians", 1)


def test_flags_say_how_the_figure_was_told() -> None:
    [mention] = casualty_reader().read("Three of our men were killed last year.")
    assert (mention.ours, mention.background, mention.predicate) == (True, True, True)
    assert casualty_reader() is casualty_reader()


def _plain_outside_asides(tokens: list[Token], figures: list[Figure]) -> list[Figure]:
    """Every aside tried for every figure, every word between them read."""
    asides = [
        (f.np_end, f.outcome_at) for f in figures if f.outcome_from == "after" and f.outcome_at > f.np_end
    ]

    def subset_between(start: int, stop: int) -> bool:
        return any(tokens[i].norm in SUBSET_WORDS or tokens[i].norm == "among" for i in range(start, stop))

    return [
        f
        for f in figures
        if not any(a <= f.span_start < b and not subset_between(a, f.span_start) for a, b in asides)
    ]


def test_figures_inside_an_aside_are_dropped_as_the_plain_rule_drops_them() -> None:
    rng = random.Random(150)
    dropped = 0
    for _ in range(3000):
        size = rng.randint(1, 30)
        tokens = tokenize(
            " ".join(rng.choice(["two", "men", "including", "among", "were", "and"]) for _ in range(size))
        )
        figures = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randint(0, size - 1)
            figure = Figure(
                start, start + 1, Count(low=2, high=2, text="two"), False, np_end=rng.randint(start, size)
            )
            figure.outcome_from = rng.choice(["after", "after", "before", "noun"])
            figure.outcome_at = rng.randint(0, size)
            figures.append(figure)
        expected = _plain_outside_asides(tokens, figures)
        assert [id(f) for f in _outside_asides(tokens, figures)] == [id(f) for f in expected]
        dropped += len(expected) < len(figures)
    assert dropped > 300  # the invented sentences do drop figures


def test_prisoners_escorted_by_the_guards_killed_are_not_counted_however_long_the_sentence() -> None:
    assert _read("Two guards escorting three prisoners were killed.") == [
        ("killed", "security_forces", 2, None)
    ]
    many = "Two guards escorting three prisoners were killed, " * 40
    assert _read(many.rstrip(", ") + ".") == [("killed", "security_forces", 2, None)] * 40
