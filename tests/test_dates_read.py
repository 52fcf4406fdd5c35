"""events/dates/read.py: one match of the date grammar dated, through ``read_match`` (invented phrases)."""

from __future__ import annotations

import datetime as dt

from sitrep.events.dates.grammar import load_grammar
from sitrep.events.dates.read import Found, Pending, read_match
from sitrep.events.dates.scan import scan

THU = dt.date(2023, 1, 5)


def _read(text: str, published: dt.date | None = THU) -> Found | Pending | None:
    grammar = load_grammar()
    [match] = scan(text, grammar)
    return read_match(match, text, grammar, published)


def test_an_explicit_date_is_read_to_the_day() -> None:
    found = _read("The checkpoint was stormed on December 26, 2022.")
    assert isinstance(found, Found)
    assert (found.date, found.precision, found.rule) == (dt.date(2022, 12, 26), (1, 1), "day-month-year")
    assert found.text == "on December 26, 2022"


def test_a_month_with_a_year_is_its_midpoint_at_month_precision() -> None:
    found = _read("Fighting flared in November 2022.")
    assert isinstance(found, Found)
    assert (found.date, found.precision, found.rule) == (dt.date(2022, 11, 15), (3, 4), "month-year")


def test_a_count_of_days_from_another_event_waits_for_its_reference() -> None:
    pending = _read("The market reopened two days after the bombing.")
    assert isinstance(pending, Pending)
    assert (pending.days, pending.direction) == (2, "after")
    earlier = _read("Troops withdrew three days before the vote.")
    assert isinstance(earlier, Pending) and earlier.days == -3


def test_words_that_are_no_date_read_as_none() -> None:
    assert _read("The rebels may attack again.") is None  # "may" in lower case is no month
    assert _read("The raid was on 31 June.") is None
    assert _read("The raid was on Tuesday.", published=None) is None  # a weekday needs a publication date
