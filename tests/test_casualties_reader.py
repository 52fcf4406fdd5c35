"""nlp/casualties/reader.py: one sentence's casualty mentions, through ``CasualtyReader.read`` (invented
sentences)."""

from __future__ import annotations

from sitrep.nlp.casualties.reader import CasualtyReader, casualty_reader
from sitrep.nlp.casualties.words import VictimWord
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
