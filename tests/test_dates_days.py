"""events/dates/days.py: precision and day arithmetic, through its own functions (invented dates)."""

from __future__ import annotations

import datetime as dt

from sitrep.events.dates.days import (
    add_months,
    coarsest,
    day_month,
    midpoint,
    month_end,
    month_first,
    safe_date,
    weekday_date,
)

THU = dt.date(2023, 1, 5)  # a Thursday; its week runs Monday 2 to Sunday 8 January 2023


def test_months_are_added_across_year_ends_both_ways() -> None:
    assert add_months(2023, 11, 3) == dt.date(2024, 2, 1)
    assert add_months(2023, 1, -1) == dt.date(2022, 12, 1)
    assert month_end(dt.date(2024, 2, 1)) == dt.date(2024, 2, 29)  # a leap year


def test_a_span_is_dated_at_its_midpoint_cut_at_publication() -> None:
    first, last = dt.date(2023, 1, 1), dt.date(2023, 1, 31)
    assert midpoint(first, last, None) == dt.date(2023, 1, 16)
    assert midpoint(first, last, dt.date(2023, 1, 9)) == dt.date(2023, 1, 5)
    # "earlier this month": the day before publication is the latest possible
    assert midpoint(first, last, dt.date(2023, 1, 9), before=True) == dt.date(2023, 1, 4)


def test_a_weekday_is_the_latest_on_or_before_publication_unless_shifted() -> None:
    assert weekday_date(THU, 1, None, None) == dt.date(2023, 1, 3)  # Tuesday
    assert weekday_date(THU, 3, None, None) == THU  # "on Thursday" in Thursday's paper
    assert weekday_date(THU, 3, -1, None) == dt.date(2022, 12, 29)  # "last Thursday"
    assert weekday_date(THU, 3, 1, None) == dt.date(2023, 1, 12)  # "next Thursday"
    assert weekday_date(THU, 0, None, -1) == dt.date(2022, 12, 26)  # "Monday last week"


def test_a_day_and_month_without_a_year_fall_within_a_year_of_publication() -> None:
    assert day_month(THU, 12, 20, None) == dt.date(2022, 12, 20)
    assert day_month(THU, 1, 4, None) == dt.date(2023, 1, 4)
    assert day_month(THU, 1, 4, 1) == dt.date(2024, 1, 4)  # "next 4 January"
    assert day_month(dt.date(2023, 6, 1), 2, 29, None) is None  # no 29 February in 2023 or 2022
    assert month_first(THU, 11, None) == dt.date(2022, 11, 1)


def test_impossible_dates_are_none_and_precision_takes_the_coarser_of_each() -> None:
    assert safe_date(2023, 2, 30) is None
    assert safe_date(2023, 2, 28) == dt.date(2023, 2, 28)
    assert coarsest((1, 1), (2, 3), (3, 2)) == (3, 3)
