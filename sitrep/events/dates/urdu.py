"""Urdu date words: the rows of ``sitrep/data/ur/dates.tsv`` (and the number words of ``ur/numbers.tsv``) in, a
``Grammar`` out that the shared reader (``read``, ``resolve``, ``choose``) dates by the English rules.

Only the pattern is Urdu's, as Urdu puts its postpositions after the date: "منگل کو" (on Tuesday), "12 اگست
کی رات" (on the night of 12 August), "اگست میں" (in August), "دو روز قبل" (two days ago). It has the named
groups ``read_match`` reads; a group Urdu has no words for never matches. The differences:

- a weekday name is a date only with a day word after it ("کو", "کی صبح", "کے روز"), "اور" and another
  weekday ("پیر اور منگل کی درمیانی شب": the night began on Monday, which dates it, as "overnight into
  Tuesday" does in English) or "بروز" before it: alone the names are also words (پیر saint, ہفتہ week);
- a bare month or year is a period with a period word after it ("میں", "کے دوران"), not a lead before it;
- a year shift comes before the date ("گزشتہ سال 12 اگست", "گزشتہ سال اگست میں");
- a shift word that begins a relative phrase is the phrase's ("گزشتہ ویک اینڈ", not "گزشتہ" + "ویک اینڈ");
- "12 اور 13 اگست" (the night of the 12th to the 13th) is the first day; the day's digits may touch the month
  ("27دسمبر"), as Urdu is often typed;
- "X سے دو روز قبل" (two days before X) is not read (see the table's header);
- a statement's date has its reporting phrase after it ("پولیس نے بدھ کو بتایا").
"""

from __future__ import annotations

import re
from functools import cache

from sitrep.data import read_table
from sitrep.events.dates.grammar import (
    RULES,
    YEAR,
    Grammar,
    Row,
    alternation,
    make_grammar,
    norm,
    read_rows,
    sort_words,
)

TABLE = "ur/dates.tsv"
_TAIL_RULES = ("day_tail", "period_tail", "statement")

# One letter for each letter the press types two ways (an Arabic keyboard's ي ك ه, the spelling گذشتہ), Western
# digits for Urdu and Eastern-Arabic ones, ASCII punctuation for Urdu's. One character for one: offsets hold.
# The hamza of a year ("2025ء") and the zero-width non-joiner become spaces: they only separate words here.
LETTERS = str.maketrans(
    "يىكهەذ۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩۔،؛؟ء\u200c",
    "ییکہہز01234567890123456789.,;?  ",
)


# "یکم" is the first of a month ("یکم اگست"): read as the day number 1, in as many characters.
_FIRST = re.compile(r"(?<!\w)یکم(?!\w)")


def normalise(text: str) -> str:
    """The text as the Urdu grammar reads it: one spelling of each letter, Western digits, "یکم" as 1. Of the
    same length, so that offsets into it are the text's."""
    return _FIRST.sub("01 ", text.translate(LETTERS))


def _number_rows() -> list[Row]:
    """The number words of the claims' table ("دو", "تین"), for "دو روز قبل": one list of Urdu numbers."""
    return [
        Row(norm(row["phrase"]), "number", int(row["value"]), None)
        for row in read_table("ur/numbers.tsv")
        if row["kind"] == "number"
    ]


@cache
def load_urdu_grammar() -> Grammar:
    rows = _number_rows() + read_rows(TABLE, RULES | set(_TAIL_RULES))
    words = sort_words(rows, TABLE, skip=_TAIL_RULES)
    shift = alternation(list(words.shifts))
    weekday = alternation(list(words.weekdays))
    month = alternation(list(words.months))
    day_tail = alternation([row.phrase for row in words.by_rule("day_tail")])
    tails = alternation([row.phrase for row in words.by_rule("day_tail", "period_tail")])
    relative = alternation(list(words.relative))
    day = r"(?:[12][0-9]|3[01]|0?[1-9])(?![0-9])"
    years = r"(?:سال|برس)"  # "گزشتہ سال" (last year) before a date
    # A weekday is a date after a lead ("بروز"), or before a day word or "and" another weekday.
    weekday_is_a_date = rf"(?(lead)|(?=\s+(?:{day_tail}|اور\s+(?:{weekday}))(?!\w)))"
    # Branch order: explicit dates, weekdays (before relative phrases: "گزشتہ ہفتے کو" is last Saturday,
    # "گزشتہ ہفتے" last week), months, relative phrases, counted units, bare years.
    pattern = rf"""
        (?<!\w)
        (?P<lead>(?:(?:{alternation([row.phrase for row in words.leads])})\s+)+)?
        (?:(?P<shift>{shift})\s+(?!{relative}(?!\w)))?
        (?:
            (?P<dmy>(?:(?P<dmy_ys>{shift})\s+{years}\s+)?(?:(?:{weekday}),?\s+)?
                (?P<dmy_d>{day})(?:\s*(?:اور|تا)\s+{day}|\s*[-–]\s*{day})?\s*(?P<dmy_m>{month})
                (?:\s*,?\s*(?P<dmy_y>{YEAR}))?)
          | (?P<my>(?P<my_m>{month}),?\s+(?P<my_y>{YEAR}))
          | (?P<wd>(?P<wd_name>{weekday})(?P<wd_week>(?!))?{weekday_is_a_date})
          | (?P<mon>(?:(?P<mon_ys>{shift})\s+{years}\s+)?(?P<mon_m>{month}))
          | (?P<rel>{relative})
          | (?P<qty>(?<!سے\s)(?P<qty_n>{alternation(list(words.numbers))}|[0-9]{{1,3}})\s+
                (?P<qty_u>{alternation(list(words.units))})\s+(?P<qty_dir>{alternation(list(words.directions))}))
          | (?P<yr>{YEAR})
        )
        (?:\s+(?:{tails}))?
        (?!\w)
    """
    return make_grammar(
        words,
        pattern,
        frozenset(row.phrase for row in words.by_rule("statement")),
        vocabulary=frozenset({"اور", "تا"}),
        period_tails=frozenset(row.phrase for row in words.by_rule("period_tail")),
        verbs_follow=True,
        normalise=normalise,
        digits_touch_words=True,
    )
