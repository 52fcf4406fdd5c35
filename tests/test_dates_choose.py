"""events/dates/choose.py: the date of a sentence's event, through ``find_event_date`` and ``find_dates``
(invented sentences)."""

from __future__ import annotations

import datetime as dt

from sitrep.events.dates.choose import EventDate, as_date, find_dates, find_event_date

THU = dt.date(2023, 1, 5)


def test_a_sentence_without_date_words_is_dated_at_publication_week_precision() -> None:
    assert find_event_date("Two farmers were shot near the canal.", THU) == EventDate(
        THU, {"acled": 2, "ucdp": 3}, "", "publication"
    )
    assert find_event_date("Two farmers were shot near the canal.", None) == EventDate(None, {}, "", "none")


def test_the_day_that_owns_the_attack_is_the_events() -> None:
    date = find_event_date("On Wednesday mourners buried those killed in Monday's ambush.", THU)
    assert date.date == dt.date(2023, 1, 2)


def test_a_statement_date_only_counts_when_nothing_else_dates_the_sentence() -> None:
    date = find_event_date("Four guards were killed, officials said on Wednesday.", THU)
    assert (date.date, date.precision, date.rule) == (
        dt.date(2023, 1, 4),
        {"acled": 2, "ucdp": 2},
        "statement+weekday",
    )
    date = find_event_date("Four guards were killed on Tuesday, officials said on Wednesday.", THU)
    assert (date.date, date.rule) == (dt.date(2023, 1, 3), "weekday")


def test_find_dates_lists_every_dated_expression_with_offsets() -> None:
    text = "Shelling began on 2 January and stopped yesterday."
    assert [(text[s:e], d.date) for s, e, d in find_dates(text, THU)] == [
        ("on 2 January", dt.date(2023, 1, 2)),
        ("yesterday", dt.date(2023, 1, 4)),
    ]
    assert find_dates("", THU) == []


def test_a_datetime_is_reduced_to_its_day() -> None:
    assert as_date(dt.datetime(2023, 1, 5, 23, 59)) == THU
    assert as_date(None) is None
