"""Dates: a sentence (and the article before it) in, the date of the event it describes out, with ACLED and UCDP
date precision.

Our own rules, not dateparser's: dateparser reads "a day after the group announced" as publication + 1 and has
nothing for "late last night" or "the early hours of Wednesday". The phrases, and the numbers that go with
them, are the rows of ``sitrep/data/time_expressions.tsv``; ``grammar`` compiles them into one regular
expression (once), ``scan`` finds the expressions, ``read`` dates each, ``resolve`` counts references from
the dates they name, ``choose`` picks the sentence's date and ``follow_up`` finds a follow-up's incident day,
by the rules below.

Reading expressions
  * Explicit dates: ISO ``2022-12-26`` and month-name forms ("26 December 2022", "December 26, 2022",
    "Dec. 26", "the 26th of December"). Numeric "26/12/2022" is never read: sources differ on day/month order.
  * A day and month with no year: the latest such day on or before publication, looked for in the publication
    year and the year before only (a report drops the year of recent days); "next" moves it strictly after,
    "last" strictly before, "this" into the publication year.
  * A weekday: the latest such day on or before publication ("on Tuesday" in Tuesday's paper is that day);
    "last" strictly before, "next"/"coming" strictly after, "this" the publication's Monday-Sunday week;
    "Monday last week" that week's Monday. Part-of-day words ("late on", "the early hours of", "night") widen
    the quoted text but never move the date: ACLED codes the day that is named.
  * Periods (this/last week, the weekend, this/last month or year, "the past week"): the span of days, cut at
    publication (a reported event cannot be later), dated at its mid-point, rounded down. ACLED codes a week
    at its mid-point; we do the same for months and years. Weeks run Monday-Sunday.
  * References to another event X ("a day after X", "two days before X") are read from, in order:
      1. ``anchors``: X contains a phrase the caller already dated;
      2. a date inside X ("a day after Tuesday's raid");
      3. X's words found in the earlier text or ``context``: the date nearest them in that sentence;
      4. the last date mentioned before: date +/- offset, no finer than ACLED 2 / UCDP 2;
      5. publication: "after" gives the publication date (the latest possible), "before" publication minus
         the offset (the latest possible), ACLED 2 / UCDP 3. Never publication + offset.
    "the next day", "two days later", "that day" count from the last date mentioned before (the text, then
    ``context``), else step 5. A date computed past publication is cut to publication, UCDP 2 at best.
  * A date right after a reporting verb ("police said on Wednesday", "told AFP on Wednesday", reporting.tsv)
    dates a statement, not the event: the event was on that day or before, so its precision is lowered to
    ACLED 2 / UCDP 2 and the rule is prefixed "statement+". Other dates in the sentence are preferred.

Choosing the date of a sentence (``find_event_date``)
  * Of the expressions read, the most precise (UCDP, then ACLED) wins; on a tie, the first in the sentence.
  * No date words at all: the publication date, ACLED 2 / UCDP 3 ("reported within the week"). News reports
    mostly cover the last day or two, so publication is the likeliest single day; the week precision says we
    do not know which. Words such as "today" or "on Tuesday" are read by the rules above (ACLED 1 / UCDP 1).
  * No publication date: only explicit dates with a year, anchors and the context can date an event;
    otherwise the date is None and the precision {}.

Urdu (``find_event_date(..., language="ur")``): the words of ``sitrep/data/ur/dates.tsv`` by the same rules and
precision, the pattern Urdu's (``urdu``: postpositions after the date, a weekday name only with a day word after it,
a statement's verb after its date). ``incident_day`` and ``tells_a_proceeding`` read English words only.

Precision: ACLED time_precision 1 day, 2 week or weekend, 3 month (also for a year: ACLED has nothing
coarser); UCDP date_prec 1 day, 2 two to six days, 3 a week, 4 a month, 5 a year.
"""

from sitrep.events.dates.choose import EventDate, find_dates, find_event_date
from sitrep.events.dates.follow_up import incident_day, tells_a_proceeding

__all__ = ["EventDate", "find_dates", "find_event_date", "incident_day", "tells_a_proceeding"]
