"""Reading one match: a match of the date grammar in, its date and precision out, or a reference still
to count from another date ("the next day", "a day after X")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sitrep.events.dates.days import (
    DAY,
    MONTH,
    ONE_DAY,
    YEAR,
    Precision,
    add_months,
    coarsest,
    day_month,
    midpoint,
    month_end,
    month_first,
    safe_date,
    weekday_date,
)
from sitrep.events.dates.grammar import Grammar, Row, norm


@dataclass(slots=True)
class Found:
    """An expression read: its date with the expression's own precision, before statement lowering."""

    start: int
    end: int
    text: str
    date: dt.date
    precision: Precision
    rule: str
    statement: bool = False
    derived: bool = False  # counted from another date ("the next day")


@dataclass(slots=True)
class Pending:
    """An expression that counts from another date, resolved once the plain dates are known."""

    start: int
    end: int
    text: str
    days: int  # signed offset from the reference date
    precision: Precision
    direction: str  # after | before | later | earlier | context
    statement: bool = False


def read_match(
    match: re.Match[str], source: str, grammar: Grammar, published: dt.date | None
) -> Found | Pending | None:
    """Date one match; None when the words are not a date after all ("may", "Dec" alone, 31 June)."""
    kind = match.lastgroup or ""  # the branch: the tail group does not capture, so the branch closes last
    group = match.group
    start, end = match.span()
    if kind == "qty":  # "moved in a day after": "in" is not part of the expression
        start = match.start("qty")
    elif (
        kind in ("dmy", "mdy", "my")
        and source[end - 1] == "."
        and grammar.months[norm(group(f"{kind}_m")).rstrip(".")].rule != "month_abbr"
    ):
        end -= 1  # "on 12 June." ends a sentence; "on 7 Feb." may be an abbreviation's point
    text = source[start:end]
    shift = grammar.shifts[norm(group("shift"))] if group("shift") else None
    date: dt.date | None
    precision, rule = DAY, kind

    if kind == "iso":
        date = safe_date(int(group("iso_y")), int(group("iso_m")), int(group("iso_d")))
    elif kind in ("dmy", "mdy"):
        month = _month_row(grammar, source, match, f"{kind}_m", alone=False)
        if month is None:
            return None
        day = int(re.sub(r"[^0-9]", "", group(f"{kind}_d")))
        if group(f"{kind}_y"):
            date, rule = safe_date(int(group(f"{kind}_y")), month.value, day), "day-month-year"
        elif group(f"{kind}_ys") and published is not None:  # "on March 3 last year"
            year = published.year + grammar.shifts[norm(group(f"{kind}_ys"))]
            date, rule = safe_date(year, month.value, day), "day-month-year shift"
        elif published is None:
            return None
        else:
            date, rule = day_month(published, month.value, day, shift), "day-month"
    elif kind == "my":
        month = _month_row(grammar, source, match, "my_m", alone=False)
        if month is None:
            return None
        first = dt.date(int(group("my_y")), month.value, 1)
        date, precision, rule = midpoint(first, month_end(first), published), MONTH, "month-year"
    elif kind == "rel":
        return _read_relative(grammar.relative[norm(group("rel"))], start, end, text, published)
    elif kind == "qty":
        return _read_quantity(match, grammar, published, start, end, text)
    elif published is None:  # what is left is placed relative to publication
        return None
    elif kind == "wd":
        weekday = grammar.weekdays[norm(group("wd_name"))]
        week = grammar.shifts[norm(group("wd_week"))] if group("wd_week") else None
        date, rule = weekday_date(published, weekday, shift, week), "weekday"
    else:
        # A bare month name or year needs a period lead ("in", "since", "mid-") or a shift ("last August").
        lead_words = set(re.split(r"[\s-]+", norm(group("lead") or "")))
        year_shift = grammar.shifts[norm(group("mon_ys"))] if kind == "mon" and group("mon_ys") else None
        if (
            shift is None
            and year_shift is None
            and lead_words.isdisjoint(grammar.period_leads)
            and norm(source[match.end(kind) : end]) not in grammar.period_tails  # Urdu "اگست میں"
        ):
            return None
        if kind == "mon":
            month = _month_row(grammar, source, match, "mon_m", alone=True)
            if month is None and year_shift is not None:  # "a long march last year": the year is still read
                phrase = norm(source[match.start("mon_ys") : end])
                row = grammar.relative.get(phrase)
                start = match.start("mon_ys")
                return None if row is None else _read_relative(row, start, end, source[start:end], published)
            if month is None:
                return None
            if year_shift is not None:  # "in March last year", "March of this year"
                first = dt.date(published.year + year_shift, month.value, 1)
            else:
                first = month_first(published, month.value, shift)
            date, precision, rule = (
                midpoint(first, month_end(first), published),
                month.precision or MONTH,
                "month",
            )
        else:
            year = int(group("yr"))
            date, precision, rule = (
                midpoint(dt.date(year, 1, 1), dt.date(year, 12, 31), published),
                YEAR,
                "year",
            )
    return None if date is None else Found(start, end, text, date, precision, rule)


def _month_row(grammar: Grammar, source: str, match: re.Match[str], name: str, *, alone: bool) -> Row | None:
    word = source[match.start(name) : match.end(name)]
    row = grammar.months[norm(word).rstrip(".")]
    if row.rule == "month_cased" and not word[0].isupper():  # "militants may attack", "a long march"
        return None
    if row.rule == "month_abbr" and alone:  # "Dec" alone is too often something else
        return None
    return row


def _read_relative(
    row: Row, start: int, end: int, text: str, published: dt.date | None
) -> Found | Pending | None:
    precision = row.precision or DAY
    if row.rule == "context":
        return Pending(start, end, text, row.value, precision, "context")
    if published is None:
        return None
    value = row.value
    date: dt.date
    if row.rule == "day":
        date = published + dt.timedelta(days=value)
    elif row.rule in ("week", "week_earlier"):
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=value)
        date = midpoint(monday, monday + dt.timedelta(days=6), published, before=row.rule == "week_earlier")
    elif row.rule == "weekend":
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
        if value < 0:  # the latest weekend over before publication, then further back
            if saturday + ONE_DAY >= published:
                saturday -= dt.timedelta(weeks=1)
            saturday -= dt.timedelta(weeks=-value - 1)
        else:
            saturday += dt.timedelta(weeks=value)
        date = midpoint(saturday, saturday + ONE_DAY, published)
    elif row.rule in ("month", "month_earlier"):
        first = add_months(published.year, published.month, value)
        date = midpoint(first, month_end(first), published, before=row.rule == "month_earlier")
    elif row.rule in ("year", "year_earlier"):
        first = dt.date(published.year + value, 1, 1)
        date = midpoint(first, first.replace(month=12, day=31), published, before=row.rule == "year_earlier")
    else:  # recent: the last `value` days, publication included
        date = midpoint(published - dt.timedelta(days=max(value, 1) - 1), published, published)
    return Found(start, end, text, date, precision, f"{row.rule}:{row.phrase}")


def _read_quantity(
    match: re.Match[str], grammar: Grammar, published: dt.date | None, start: int, end: int, text: str
) -> Found | Pending | None:
    unit = grammar.units[norm(match.group("qty_u"))]
    direction = grammar.directions[norm(match.group("qty_dir"))]
    number_word = match.group("qty_n")
    number: Row | None
    if number_word is None:  # "days after X" is a few days; "day after X" is one
        number = grammar.vague if unit.phrase.endswith("s") else None
        count = number.value if number else 1
    elif number_word.isdigit():
        number, count = None, int(number_word)
    else:
        number = grammar.numbers[norm(number_word)]
        count = number.value
    precision = unit.precision or DAY
    # A vague count ("a few days") blurs whole days; "a few hours" still points at the same day.
    if number is not None and number.precision is not None and unit.value >= 24:
        precision = coarsest(precision, number.precision)
    days = count * unit.value // 24
    if direction == "ago":
        if published is None:
            return None
        return Found(start, end, text, published - dt.timedelta(days=days), precision, "ago")
    signed = -days if direction in ("before", "earlier") else days
    return Pending(start, end, text, signed, precision, direction)
