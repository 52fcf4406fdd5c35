"""events/dates/resolve.py: a text's expressions dated, references counted from the dates they name, through
``resolve`` (invented texts)."""

from __future__ import annotations

import datetime as dt

from sitrep.events.dates.resolve import Context, resolve

THU = dt.date(2023, 1, 5)


def _dates(text: str, anchors: dict[str, dt.date] | None = None) -> list[tuple[str, dt.date, str]]:
    return [(f.text, f.date, f.rule) for f in resolve(text, THU, anchors or {}, None)]


def test_the_next_day_counts_from_the_last_date_before_it() -> None:
    text = "Gunmen attacked the post on Monday. The next day, the army sealed the valley."
    assert _dates(text) == [
        ("on Monday", dt.date(2023, 1, 2), "weekday"),
        ("The next day", dt.date(2023, 1, 3), "context:previous-date"),
    ]


def test_an_event_named_by_an_anchor_dates_the_reference() -> None:
    text = "The curfew began a day after the bridge collapsed."
    [(_, date, rule)] = _dates(text, {"the bridge collapsed": dt.date(2022, 12, 20)})
    assert (date, rule) == (dt.date(2022, 12, 21), "after:anchor")


def test_a_date_after_a_reporting_verb_is_marked_as_a_statement() -> None:
    found = resolve("Three guards died, the ministry said on Wednesday.", THU, {}, None)
    assert [(f.text, f.statement) for f in found] == [("on Wednesday", True)]


def test_the_context_dates_a_reference_the_sentence_cannot() -> None:
    context = Context("The depot burned on 1 January 2023.", THU, {})
    [found] = resolve("The following day, looters arrived.", THU, {}, context)
    assert (found.date, found.rule) == (dt.date(2023, 1, 2), "context:previous-date")
