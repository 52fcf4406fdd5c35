"""nlp/casualties/background.py: earlier incidents marked, through ``mark_background`` (invented sentences)."""

from __future__ import annotations

from sitrep.model import Count
from sitrep.nlp.casualties import casualty_reader
from sitrep.nlp.casualties.background import mark_background
from sitrep.nlp.casualties.records import Mention
from sitrep.nlp.lexicon import tokenize


def _marked(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    mentions = [Mention("killed", "civilians", "", Count(text=""), start, end) for start, end in spans]
    mark_background(casualty_reader().words, tokenize(text), mentions)
    return [m.background for m in mentions]


def test_a_time_phrase_opening_the_sentence_covers_every_figure() -> None:
    # Last(0) year(1) ,(2) seven(3) were(4) killed(5) and(6) two(7) hurt(8)
    assert _marked("Last year, seven were killed and two hurt.", [(3, 4), (7, 8)]) == [True, True]


def test_a_year_inside_the_sentence_covers_the_nearest_figure_only() -> None:
    # Three(0) died(1) on(2) Monday(3) at(4) a(5) vigil(6) for(7) a(8) man(9) killed(10) in(11) 2014(12)
    text = "Three died on Monday at a vigil for a man killed in 2014."
    assert _marked(text, [(0, 1), (8, 10)]) == [False, True]


def test_a_phrase_of_scope_after_covers_the_figures_after_it() -> None:
    # Three(0) died(1) on(2) Monday(3) ,(4) a(5) week(6) after(7) two(8) were(9) shot(10)
    text = "Three died on Monday, a week after two were shot."
    assert _marked(text, [(0, 1), (8, 9)]) == [False, True]


def test_a_sentence_with_no_background_words_marks_nothing() -> None:
    assert _marked("Seven were killed on Monday.", [(0, 1)]) == [False]
