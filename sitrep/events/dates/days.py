"""Day arithmetic and date precision: dates and counts of days or months in, dates out.

Precision is a pair (ACLED time_precision, UCDP date_prec); the named pairs below are the ones the rules give.
A span of days is dated at its mid-point, cut at publication.
"""

from __future__ import annotations

import datetime as dt

Precision = tuple[int, int]  # (ACLED time_precision, UCDP date_prec)
DAY: Precision = (1, 1)
MONTH: Precision = (3, 4)
YEAR: Precision = (3, 5)
NEAR: Precision = (2, 2)  # within a few days of the date given
WEEK_OF_PUBLICATION: Precision = (2, 3)

ONE_DAY = dt.timedelta(days=1)


def add_months(year: int, month: int, delta: int) -> dt.date:
    index = year * 12 + (month - 1) + delta
    return dt.date(index // 12, index % 12 + 1, 1)


def month_end(first: dt.date) -> dt.date:
    return add_months(first.year, first.month, 1) - ONE_DAY


def midpoint(first: dt.date, last: dt.date, published: dt.date | None, *, before: bool = False) -> dt.date:
    """The mid-point of a span of days, the span cut at publication (or the day before it, for "earlier")."""
    if published is not None and first <= published:
        cut = published - ONE_DAY if before else published
        last = max(first, min(last, cut))
    return first + dt.timedelta(days=(last - first).days // 2)


def weekday_date(published: dt.date, weekday: int, shift: int | None, week: int | None) -> dt.date:
    monday = published - dt.timedelta(days=published.weekday())
    if week is not None:  # "Monday last week"
        return monday + dt.timedelta(days=7 * week + weekday)
    if shift is None:
        return published - dt.timedelta(days=(published.weekday() - weekday) % 7)
    if shift < 0:
        return published - dt.timedelta(days=(published.weekday() - weekday) % 7 or 7)
    if shift > 0:
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    return monday + dt.timedelta(days=weekday)


def day_month(published: dt.date, month: int, day: int, shift: int | None) -> dt.date | None:
    """A day and month with no year, within a year of publication (else None: "29 February" in 2023)."""
    if shift == 0:
        return safe_date(published.year, month, day)
    # A report leaves out the year only for a day close to publication.
    if shift is not None and shift > 0:
        years = (published.year, published.year + 1)
    else:
        years = (published.year, published.year - 1)
    for year in years:
        found = safe_date(year, month, day)
        if found is None:
            continue
        if shift is None and found <= published:
            return found
        if shift is not None and ((shift < 0 and found < published) or (shift > 0 and found > published)):
            return found
    return None


def month_first(published: dt.date, month: int, shift: int | None) -> dt.date:
    """The first day of a month named without a year."""
    year = published.year
    if shift is None:
        year -= month > published.month
    elif shift < 0:
        year -= month >= published.month
    elif shift > 0:
        year += month <= published.month
    return dt.date(year, month, 1)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31 February, 2023-13-45
        return None


def coarsest(*precisions: Precision) -> Precision:
    return (max(p[0] for p in precisions), max(p[1] for p in precisions))
