"""events/dates/follow_up.py: a follow-up report's incident day, through ``incident_day`` and
``tells_a_proceeding`` (invented reports)."""

from __future__ import annotations

import datetime as dt
import re

from sitrep.events.dates.follow_up import FOLLOW_UP_AFTER, incident_day, tells_a_proceeding

PUBLISHED = dt.date(2023, 3, 20)


def _spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^.]+\.", text)]


def test_a_proceeding_is_a_charge_a_court_or_a_ceremony() -> None:
    assert tells_a_proceeding("The driver was indicted on Thursday.")
    assert tells_a_proceeding("A vigil was held on Sunday.")
    assert not tells_a_proceeding("The driver was arrested on Thursday.")  # an arrest is no proceeding
    assert not tells_a_proceeding("The driver fled on Thursday.")


def test_the_one_day_of_violence_weeks_before_a_trial_is_the_incidents() -> None:
    text = "A jury heard the case against Sam Ode. The clerk was shot dead on February 10. Ode denies it."
    day = incident_day(text, PUBLISHED, _spans(text))
    assert day is not None
    assert (day.date, day.rule) == (dt.date(2023, 2, 10), "follow-up+day-month")
    assert PUBLISHED - day.date > FOLLOW_UP_AFTER


def test_no_incident_day_without_follow_up_words_or_with_two_days_of_violence() -> None:
    plain = "The clerk was shot dead on February 10. The shop reopened."
    assert incident_day(plain, PUBLISHED, _spans(plain)) is None
    two = "A jury heard the case. A clerk was shot dead on February 10. A guard was shot on February 12."
    assert incident_day(two, PUBLISHED, _spans(two)) is None
    assert incident_day(two, None, _spans(two)) is None
