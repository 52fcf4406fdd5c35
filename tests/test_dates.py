"""Event dates: one test per row of the time-expression table, plus explicit dates, calendar arithmetic,
references to other events, missing publication dates, odd input and speed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from sitrep.data import read_table
from sitrep.events.dates import EventDate, find_dates, find_event_date, incident_day

ROWS = read_table("time_expressions.tsv")
D = dt.date
THU = D(2023, 1, 5)  # a Thursday; its week runs Monday 2 to Sunday 8 January 2023


def _precision(acled: int, ucdp: int) -> dict[str, int]:
    return {"acled": acled, "ucdp": ucdp}


def _contains_phrase(text: str, phrase: str) -> bool:
    words = r"\s+".join(re.escape(word) for word in phrase.split())
    return re.search(rf"(?<!\w){words}(?!\w)", text, re.IGNORECASE) is not None


# --------------------------------------------------------------------------------------- the table, row by row


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['rule']}:{r['phrase']}" for r in ROWS])
def test_table_row_example_gives_its_date_and_precision(row: dict[str, str]) -> None:
    context, _, sentence = row["example"].rpartition(" | ")
    result = find_event_date(sentence, D.fromisoformat(row["published"]), context=context)
    assert result.date == D.fromisoformat(row["expect_date"]), result
    assert result.precision == _precision(int(row["expect_acled"]), int(row["expect_ucdp"])), result
    # The row itself must have been used: its phrase is part of the words the date was read from.
    assert _contains_phrase(result.text, row["phrase"]), (row["phrase"], result)


def test_table_rows_are_complete_and_unique() -> None:
    keys = [(row["phrase"], row["rule"]) for row in ROWS]
    assert len(keys) == len(set(keys))
    for row in ROWS:
        assert row["example"] and row["published"] and row["expect_date"], row
        if row["rule"] in {"weekday", "day", "week", "month", "year", "recent", "context", "unit"}:
            assert row["acled"] in {"1", "2", "3"} and row["ucdp"] in {"1", "2", "3", "4", "5"}, row


def test_every_weekday_and_month_is_in_the_table() -> None:
    weekdays = {int(row["value"]) for row in ROWS if row["rule"] == "weekday"}
    months = {int(row["value"]) for row in ROWS if row["rule"] in {"month_name", "month_cased"}}
    assert weekdays == set(range(7))
    assert months == set(range(1, 13))


# ------------------------------------------------------------------------------------------ explicit dates


@pytest.mark.parametrize(
    "sentence",
    [
        "The raid on 26 December 2022 left five dead.",
        "The raid on December 26, 2022 left five dead.",
        "The raid on Dec. 26, 2022 left five dead.",
        "The raid on the 26th of December, 2022 left five dead.",
        "The raid on Monday, December 26, 2022 left five dead.",
        "The raid (2022-12-26) left five dead.",
        "Logged at 2022-12-26T23:10:00Z: raid near Turbat.",
    ],
)
@pytest.mark.parametrize("published", [THU, D(2024, 6, 1), None])
def test_explicit_dates_do_not_depend_on_publication(sentence: str, published: dt.date | None) -> None:
    result = find_event_date(sentence, published)
    assert result.date == D(2022, 12, 26)
    assert result.precision == _precision(1, 1)


@pytest.mark.parametrize("sentence", ["The raid on 26/12/2022 left five dead.", "Raid on 12/26/2022."])
def test_numeric_day_month_order_is_never_guessed(sentence: str) -> None:
    result = find_event_date(sentence, THU)
    assert (result.date, result.rule) == (THU, "publication")
    assert find_dates(sentence, THU) == []


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("Militants attacked on March 12.", D(2023, 3, 11), D(2022, 3, 12)),  # not after publication
        ("Militants attacked on March 12.", D(2023, 3, 12), D(2023, 3, 12)),  # the same day
        ("A strike is called for next March 12.", D(2023, 3, 12), D(2024, 3, 12)),  # "next": after
        ("Militants attacked on Dec. 31.", D(2024, 1, 2), D(2023, 12, 31)),  # across the new year
        ("Militants attacked on 29 February.", D(2024, 3, 1), D(2024, 2, 29)),  # leap year
    ],
)
def test_day_and_month_without_year(sentence: str, published: dt.date, expected: dt.date) -> None:
    assert find_event_date(sentence, published).date == expected


@pytest.mark.parametrize(
    ("sentence", "expected", "acled"),
    [
        ("Gunmen torched the depot in October last year.", D(2023, 10, 16), 3),
        ("Since February of last year the road has been shut.", D(2023, 2, 14), 3),
        ("The dam was first attacked on 9 April last year.", D(2023, 4, 9), 1),
        ("The dam was first attacked on April 9 last year.", D(2023, 4, 9), 1),
        ("A second blast came in January this year.", D(2024, 1, 16), 3),
    ],
)
def test_a_month_said_with_last_or_this_year_is_of_that_year(
    sentence: str, expected: dt.date, acled: int
) -> None:
    found = find_event_date(sentence, D(2024, 6, 10))
    assert (found.date, found.precision["acled"]) == (expected, acled)


def test_a_month_word_that_is_no_month_leaves_its_year_phrase_to_be_read() -> None:
    # "march" in lower case is a walk, not the month; "last year" still dates the sentence.
    found = find_event_date("A protest march last year ended in clashes.", D(2024, 6, 10))
    assert found.date.year == 2023 and found.precision["ucdp"] == 5


def test_impossible_dates_are_not_read() -> None:
    for sentence in ("Militants attacked on 31 February 2023.", "Militants attacked on 2023-13-45."):
        assert find_event_date(sentence, THU).rule == "publication"
    # No 29 February within a year of a 2023 publication: not guessed from 2020.
    assert find_event_date("Militants attacked on 29 February.", D(2023, 3, 1)).rule == "publication"


def test_month_words_that_are_also_english_words() -> None:
    assert find_event_date("Militants may attack again, officials fear.", THU).rule == "publication"
    assert find_event_date("The long march reached Quetta.", THU).rule == "publication"
    assert find_event_date("Thousands took part in march against the killings.", THU).rule == "publication"
    assert find_event_date("Thousands took part in March against the killings.", THU).date == D(2022, 3, 16)
    assert find_event_date("Fighting broke out in Dec.", THU).rule == "publication"  # abbreviation alone
    assert find_event_date("The event began at 1900 hours.", THU).rule == "publication"  # not a year
    in_may = find_event_date("In May 5,000 people protested.", D(2023, 6, 1))
    assert (in_may.date, in_may.precision) == (D(2023, 5, 16), _precision(3, 4))


# ------------------------------------------------------------------------------------- weekday arithmetic


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("Militants attacked on Friday.", D(2023, 1, 2), D(2022, 12, 30)),  # back across the new year
        ("Militants attacked on Tuesday.", D(2023, 3, 1), D(2023, 2, 28)),  # back across a month end
        ("Militants attacked on Thursday.", D(2024, 3, 1), D(2024, 2, 29)),  # into a leap day
        ("Militants attacked on Monday.", D(2023, 1, 2), D(2023, 1, 2)),  # the publication day itself
        ("Militants attacked last Monday.", D(2023, 1, 2), D(2022, 12, 26)),  # "last": strictly before
        ("Traders will strike next Friday.", D(2022, 12, 30), D(2023, 1, 6)),  # "next": forward a year
        ("Militants attacked on Monday last week.", D(2023, 1, 1), D(2022, 12, 19)),  # Sunday publication
        ("Militants attacked on Wednesday this week.", D(2023, 1, 2), D(2023, 1, 4)),
        ("MILITANTS ATTACKED LATE ON TUESDAY NIGHT.", THU, D(2023, 1, 3)),
        ("Militants attacked in the early hours of Wednesday.", THU, D(2023, 1, 4)),
    ],
)
def test_weekdays(sentence: str, published: dt.date, expected: dt.date) -> None:
    result = find_event_date(sentence, published)
    assert (result.date, result.precision, result.rule) == (expected, _precision(1, 1), "weekday")


def test_last_week_is_the_previous_monday_to_sunday_coded_at_its_mid_point() -> None:
    for published in (D(2023, 1, 2), THU, D(2023, 1, 8)):  # Monday, Thursday, Sunday of one week
        result = find_event_date("Security forces raided a hideout last week.", published)
        assert (result.date, result.precision) == (D(2022, 12, 29), _precision(2, 3))


def test_periods_are_cut_at_publication() -> None:
    # "earlier this month" on 1 March: the month has no earlier day, so it is dated on the 1st, not after it.
    result = find_event_date("Earlier this month, militants blew up a pipeline.", D(2023, 3, 1))
    assert result.date == D(2023, 3, 1)
    # "December 2022" read on 10 December: the ten days so far, mid-point the 5th.
    assert find_event_date("Protests spread in December 2022.", D(2022, 12, 10)).date == D(2022, 12, 5)


# -------------------------------------------------------------------------------- references to other events

SENTENCE = "A day after the group announced the operation, militants attacked a camp in Kalat."


def test_a_day_after_an_anchor_the_caller_dated() -> None:
    result = find_event_date(SENTENCE, THU, anchors={"The Group Announced": D(2023, 1, 2)})
    assert (result.date, result.precision, result.rule) == (D(2023, 1, 3), _precision(1, 1), "after:anchor")
    two_days = SENTENCE.replace("A day", "Two days")
    assert find_event_date(two_days, THU, anchors={"the group announced": D(2023, 1, 2)}).date == D(
        2023, 1, 4
    )


def test_a_day_after_an_unknown_anchor_is_never_publication_plus_one() -> None:
    result = find_event_date(SENTENCE, THU)
    assert result.date == THU  # the latest possible day, not 6 January
    assert result.precision == _precision(2, 3)
    assert result.rule == "after:publication"
    before = find_event_date("The day before the group announced the operation, a bomb exploded.", THU)
    assert (before.date, before.precision) == (D(2023, 1, 4), _precision(2, 3))


def test_a_day_after_an_anchor_found_in_the_context() -> None:
    context = "On Monday, the group announced an offensive across Balochistan."
    result = find_event_date(SENTENCE, THU, context=context)
    assert (result.date, result.precision, result.rule) == (
        D(2023, 1, 3),
        _precision(1, 1),
        "after:anchor-context",
    )


def test_a_day_after_an_anchor_missing_from_the_context_counts_from_its_last_date_loosely() -> None:
    context = "Militants attacked a checkpoint in Kech on Monday."
    result = find_event_date(SENTENCE, THU, context=context)
    assert (result.date, result.precision, result.rule) == (
        D(2023, 1, 3),
        _precision(2, 2),
        "after:previous-date",
    )


def test_a_date_inside_the_anchor_and_the_cut_at_publication() -> None:
    result = find_event_date("Police found the body a day after Tuesday's raid.", THU)
    assert (result.date, result.rule) == (D(2023, 1, 4), "after:anchor-date")
    late = find_event_date(SENTENCE, THU, anchors={"the group announced": THU})  # would be 6 January
    assert (late.date, late.precision["ucdp"], late.rule) == (THU, 2, "after:anchor+cut")


def test_the_context_is_only_the_text_before_the_sentence() -> None:
    article = "On Monday, the group announced an offensive. " + SENTENCE + " On Wednesday it struck again."
    assert find_event_date(SENTENCE, THU, context=article).date == D(2023, 1, 3)


def test_references_in_one_text_count_from_the_date_before_them() -> None:
    text = "Militants attacked Kalat on Monday. The next day they struck Mastung, and two days later Noshki."
    found = find_dates(text, THU)
    assert [(text[start:end], event.date) for start, end, event in found] == [
        ("on Monday", D(2023, 1, 2)),
        ("The next day", D(2023, 1, 3)),
        ("two days later", D(2023, 1, 5)),
    ]
    # "The next day" counts from the most precise date of the sentence before, not from a vaguer one.
    text = "Gunmen struck late on Tuesday, a day after the ceasefire ended. The next day, troops arrived."
    assert find_dates(text, THU)[-1][2].date == D(2023, 1, 4)


# ---------------------------------------------------------------------------------------- statement dates


def test_a_statement_date_gives_way_to_the_event_date() -> None:
    result = find_event_date(
        "Police said on Wednesday that militants attacked the post on Monday night.", THU
    )
    assert (result.date, result.precision, result.text) == (
        D(2023, 1, 2),
        _precision(1, 1),
        "on Monday night",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Police said on Wednesday that three people were killed.",
        "A police officer told AFP on Wednesday that three died.",
    ],
)
def test_a_statement_date_alone_is_an_upper_bound(sentence: str) -> None:
    result = find_event_date(sentence, THU)
    assert (result.date, result.precision) == (D(2023, 1, 4), _precision(2, 2))
    assert result.rule.startswith("statement+")


# --------------------------------------------------------------------------- no date words, no publication


def test_no_date_words_is_the_publication_week() -> None:
    result = find_event_date("Militants attacked a checkpoint in Kech.", THU)
    assert result == EventDate(THU, _precision(2, 3), "", "publication")
    today = find_event_date("Militants attacked a checkpoint in Kech today.", THU)
    assert (today.date, today.precision) == (THU, _precision(1, 1))


def test_no_publication_date() -> None:
    assert find_event_date("Militants attacked a checkpoint in Kech.", None) == EventDate(
        None, {}, "", "none"
    )
    assert find_event_date("Militants attacked a checkpoint on Tuesday.", None).date is None
    assert find_event_date("Militants attacked a checkpoint yesterday.", None).precision == {}
    assert find_dates("Militants attacked on Tuesday, a week ago.", None) == []
    # What needs no publication date still works.
    assert find_event_date("The raid on 26 December 2022 left five dead.", None).date == D(2022, 12, 26)
    anchored = find_event_date(SENTENCE, None, anchors={"the group announced": D(2023, 1, 2)})
    assert anchored.date == D(2023, 1, 3)


def test_a_publication_datetime_is_read_as_its_day() -> None:
    result = find_event_date("Militants attacked on Monday.", dt.datetime(2023, 1, 5, 23, 59))
    assert result.date == D(2023, 1, 2) and type(result.date) is dt.date


# -------------------------------------------------------------------------------------------- odd input


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t",
        "ON TUESDAY",
        "کوئٹہ میں منگل کو دھماکہ ہوا۔ ۲۰۲۳-۰۱-۰۵",
        "İstanbul: militants attacked on Tuesday.",  # lower case is longer than the text
        "\x00\x01 on 31 Smarch 2023 ???",
        "on the 99th of December",
        "2023-02-30 and 2023-13-01 and 1899-01-01",
        "a day after",
        "the day before yesterday, the day after, a few days later.",
        "Tuesday " * 2000,
        "🙂 on Monday 🙂",
    ],
)
@pytest.mark.parametrize("published", [THU, None, D.min, D.max])
def test_odd_input_never_raises(text: str, published: dt.date | None) -> None:
    result = find_event_date(text, published, context=text, anchors={"": THU, "x": THU})
    assert isinstance(result, EventDate)
    assert (result.date is None) == (result.precision == {})
    for start, end, found in find_dates(text, published):
        assert text[start:end].strip() == found.text and found.date is not None


def test_odd_input_still_reads_what_it_can() -> None:
    assert find_event_date("ON TUESDAY", THU).date == D(2023, 1, 3)
    assert find_event_date("İstanbul: militants attacked on Tuesday.", THU).date == D(2023, 1, 3)
    assert find_event_date("کوئٹہ میں منگل کو دھماکہ ہوا۔", THU).rule == "publication"


def test_event_date_is_immutable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        find_event_date("on Monday", THU).date = None  # type: ignore[misc]


# ---------------------------------------------------------------------------------------------------- speed

ARTICLE = (
    "QUETTA: At least seven soldiers were killed and twelve injured when militants attacked a Frontier Corps "
    "camp in Panjgur district late on Tuesday, officials said on Wednesday. The attackers used rockets and small "
    "arms before trying to storm the perimeter of the camp, a security official told reporters, speaking on "
    "condition of anonymity. He said four attackers were killed in the exchange of fire that lasted for several "
    "hours, and that a search operation was under way in the surrounding mountains. The banned Balochistan "
    "Liberation Army claimed responsibility for the assault in a statement sent to journalists, saying its "
    "fighters had inflicted heavy losses on the troops a day after the group announced a new phase of its "
    "campaign. The claim could not be independently verified. The military's media wing confirmed the deaths "
    "of seven soldiers and said the injured had been shifted to the district headquarters hospital, where an "
    "emergency was declared. The provincial chief minister condemned the attack. Mobile internet services were "
    "suspended in the district as a precaution, residents said, and the main highway linking Panjgur with "
    "Turbat remained closed the next day. Last month, a similar assault on a police station in Kech killed "
    "three policemen. Separatist groups have stepped up attacks on security forces and development projects in "
    "the resource-rich province, which borders Iran and Afghanistan. The government says the insurgency is "
    "backed by foreign powers, a charge the groups deny. Analysts say the violence has intensified since the "
    "beginning of the year. Residents of the town described hearing loud explosions and heavy gunfire for "
    "hours, and several families left their homes for safer areas. Traders kept their shops closed, and schools "
    "in the district did not open, according to local officials, who appealed for calm and asked people to "
    "cooperate with the security forces during the search operation."
)


def test_a_300_word_article_gives_each_of_its_dates() -> None:
    # Speed is measured by bench/bench_extract.py, not asserted here: benchmarks are not timed tests.
    assert 280 <= len(ARTICLE.split()) <= 320
    assert len(find_dates(ARTICLE, THU)) == 5


def _spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of an invented text whose sentences end with '. '."""
    spans, start = [], 0
    for part in text.split(". "):
        spans.append((start, start + len(part) + 1))
        start += len(part) + 2
    return spans


def test_a_follow_up_report_gives_the_day_of_the_incident_it_is_about() -> None:
    text = (
        "Two officers were indicted on murder charges on Thursday over the shooting that left a boy dead. "
        "The boy was shot in his father's car on Nov. 3. "
        "Jurors will hear the case in the spring."
    )
    day = incident_day(text, dt.date(2015, 12, 10), _spans(text))
    assert day is not None and day.date == dt.date(2015, 11, 3) and day.precision["acled"] == 1
    assert day.rule.startswith("follow-up+")


def test_no_incident_day_for_fresh_news_two_earlier_days_or_a_report_without_follow_up_words() -> None:
    # Fresh news: violence told on a day of the publication's week; the earlier day is background.
    fresh = (
        "A man was shot dead on Wednesday night and a suspect was arrested. "
        "A woman was shot on the same street on June 3."
    )
    assert incident_day(fresh, dt.date(2016, 7, 8), _spans(fresh)) is None
    # Two earlier days of violence: which one the figures are of is not said.
    two = "A man was charged over the killings. One man was shot on May 2. Another was shot on June 3."
    assert incident_day(two, dt.date(2016, 7, 8), _spans(two)) is None
    # No word of a follow-up: an undated report is the publication's week.
    plain = "A teenager was wounded in a shooting. Another teen was shot on June 3 nearby."
    assert incident_day(plain, dt.date(2016, 7, 8), _spans(plain)) is None


def test_a_trial_day_in_a_sentence_about_the_shooting_does_not_make_the_report_fresh_news() -> None:
    text = (
        "Jurors watched a video of the shooting on Monday in the murder trial of a former deputy. "
        "The deputy opened fire on a car on Nov. 3, 2015, killing a boy."
    )
    day = incident_day(text, dt.date(2017, 3, 20), _spans(text))
    assert day is not None and day.date == dt.date(2015, 11, 3)
