"""Follow-up reports: a report's text, publication date and sentence spans in, the day of the incident it
follows up (an arrest, a charge, a trial, a vigil) out, when it gives exactly one; and whether a sentence tells
of such a proceeding."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from functools import cache

from sitrep.data import read_table
from sitrep.events.dates.choose import EventDate, as_date, find_dates, violence_words
from sitrep.nlp.lexicon import has_any_word

# A follow-up comes this long after its incident at least: within the week, figures with no date of their own
# are the week's news, which the publication date already stands for.
FOLLOW_UP_AFTER = dt.timedelta(days=7)


@cache
def _follow_up_words(*kinds: str) -> frozenset[str]:
    """The words of ``follow_up.tsv`` (of the given kinds; all without)."""
    return frozenset(row["word"] for row in read_table("follow_up.tsv") if not kinds or row["kind"] in kinds)


def tells_a_proceeding(sentence: str) -> bool:
    """Whether a sentence tells of a charge, a court or a ceremony (``follow_up.tsv``): a day it gives is the
    proceeding's ("indicted on Thursday", "the vigil on Sunday"), not the incident's."""
    return has_any_word(sentence, _follow_up_words("charge", "court", "memorial"))


def incident_day(
    text: str, published: dt.date | None, sentences: Sequence[tuple[int, int]]
) -> EventDate | None:
    """The day of the incident a follow-up report is about, when the report gives exactly one.

    A report of an arrest, charges, a trial, a sentencing or a vigil (the words of ``follow_up.tsv``) tells the
    incident's figures in sentences of their own, often with no date ("the shooting that left a boy dead"),
    and gives its day elsewhere ("The boy was shot on Nov. 3"). The incident's day is the one day, told to the
    day and over ``FOLLOW_UP_AFTER`` before publication, of a sentence with a word of violence ("shot", "killed", "fired"); dates a
    reporting verb gives (a statement's day) do not count. None when the report is no follow-up, tells violence
    on a day of the publication's week in a sentence with no word of a charge, a court or a ceremony (fresh news: an earlier day it gives
    is background), gives no such day
    or several (a trial's story of two shootings). ``sentences`` are character spans, in text order."""
    published = as_date(published)
    if published is None or not sentences or not has_any_word(text, _follow_up_words()):
        return None
    starts = [start for start, _end in sentences]
    days: dict[dt.date, EventDate] = {}
    recent = False  # violence told on a day of the publication's week: fresh news, not a follow-up
    for start, _end, found in find_dates(text, published):
        if found.date is None or found.rule.startswith("statement"):
            continue
        index = bisect.bisect_right(starts, start) - 1
        sentence = text[sentences[index][0] : sentences[index][1]] if index >= 0 else ""
        if not has_any_word(sentence, violence_words()):
            continue
        proceeding = tells_a_proceeding(sentence)
        if found.date > published - FOLLOW_UP_AFTER:
            # "Jurors watched a tape of the shooting Monday" is the trial's day, not new violence.
            recent = recent or not proceeding
        elif (
            found.precision.get("acled") == 1
            and not proceeding
            and not has_any_word(sentence, _follow_up_words("arrest"))
        ):
            # "They were arrested on Nov. 6 on murder charges" dates the arrest, not the incident.
            days.setdefault(found.date, found)
    if recent or len(days) != 1:
        return None
    [found] = days.values()
    return EventDate(found.date, found.precision, found.text, f"follow-up+{found.rule}")
