"""nlp/casualties/lists.py: figures read together, through its own functions (invented sentences)."""

from __future__ import annotations

from sitrep.nlp.casualties import casualty_reader
from sitrep.nlp.casualties.figures import number_figures, read_noun_phrase, singular_figures
from sitrep.nlp.casualties.lists import link_subsets, one_and_others, others_like_before, share_across_lists
from sitrep.nlp.casualties.outcomes import outcome_after
from sitrep.nlp.casualties.records import Figure
from sitrep.nlp.lexicon import Token, tokenize


def _figures(text: str) -> tuple[list[Token], list[Figure]]:
    """The sentence's figures with their people and, where it follows them, their outcome."""
    words = casualty_reader().words
    tokens = tokenize(text)
    figures = number_figures(words, text, tokens)
    taken = {i for f in figures for i in range(f.span_start, f.span_end)}
    figures += singular_figures(words, tokens, taken, None)
    figures.sort(key=lambda f: f.span_start)
    for figure in figures:
        read_noun_phrase(words, tokens, figure)
        outcome_after(words, tokens, figure)
    return tokens, figures


def test_one_outcome_is_shared_across_a_list() -> None:
    tokens, figures = _figures("17 police and 31 civilians were killed.")
    assert [f.outcome for f in figures] == [None, "killed"]
    share_across_lists(tokens, figures)
    assert [(f.outcome, f.outcome_from) for f in figures] == [("killed", "coordination"), ("killed", "after")]


def test_a_part_named_after_including_is_linked_to_its_whole() -> None:
    tokens, figures = _figures("12 people were killed, including three children.")
    link_subsets(tokens, figures)
    assert [(f.part_of, f.outcome) for f in figures] == [(None, "killed"), (0, "killed")]


def test_one_person_and_others_are_one_figure() -> None:
    words = casualty_reader().words
    tokens, figures = _figures("A guard and two others were wounded.")
    [figure] = one_and_others(words, tokens, figures)
    assert (figure.count.low, figure.count.high, figure.count.text) == (3, 3, "A guard and two others")


def test_others_are_of_the_kind_named_before() -> None:
    _, figures = _figures("7 soldiers were killed and 4 others injured.")
    others_like_before(figures)
    assert [f.victim and f.victim.victim for f in figures] == ["security_forces", "security_forces"]
