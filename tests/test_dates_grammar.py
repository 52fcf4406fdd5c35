"""events/dates/grammar.py: the time-expression table compiled into one pattern, through its own functions."""

from __future__ import annotations

from sitrep.events.dates.grammar import any_case_pattern, load_grammar, norm


def test_phrases_are_normalised_to_single_spaced_lower_case() -> None:
    assert norm("  The  Early\tHours of ") == "the early hours of"


def test_the_grammar_is_compiled_once_with_its_word_tables() -> None:
    grammar = load_grammar()
    assert load_grammar() is grammar
    assert grammar.weekdays["tuesday"] == 1
    assert grammar.months["sept"].value == 9
    assert {"tuesday", "december", "2022"} <= grammar.triggers
    assert grammar.vague.precision is not None  # the vague number row ("a few") carries one
    assert "said" in grammar.verbs  # reporting verbs come from reporting.tsv


def test_the_pattern_reads_explicit_dates_by_branch() -> None:
    pattern = load_grammar().pattern
    match = pattern.match("on the 26th of december 2022")
    assert match is not None and match.group("dmy_d") == "26th" and match.group("dmy_y") == "2022"
    match = pattern.match("three days after the raid")
    assert match is not None and match.group("qty_n") == "three" and match.group("qty_dir") == "after"
    assert pattern.match("26/12/2022") is None  # numeric day/month order is never guessed


def test_the_any_case_pattern_reads_text_the_lower_case_pattern_cannot() -> None:
    match = any_case_pattern().match("On TUESDAY")
    assert match is not None and match.group("wd_name") == "TUESDAY"
    assert load_grammar().pattern.match("On TUESDAY") is None
