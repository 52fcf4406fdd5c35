"""Urdu dates: every row of ``sitrep/data/ur/dates.tsv`` (and the number words of ``ur/numbers.tsv``) read in a
sentence written for it, the Urdu grammar's rules (``sitrep.events.dates.urdu``), and an Urdu article's event
date through ``sitrep.pipeline.extract``. The sentences are the team's own, not taken from any report.

Publication is Thursday 14 August 2025 unless a test says otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.data import read_table
from sitrep.events.dates import EventDate, find_event_date
from sitrep.model import Article
from sitrep.pipeline import extract

D = dt.date
THU = D(2025, 8, 14)
DAY = {"acled": 1, "ucdp": 1}
MONTH = {"acled": 3, "ucdp": 4}
NEAR = {"acled": 2, "ucdp": 2}
# The weekdays of the week up to publication: Monday 11 August … Thursday 14, Friday 8 … Sunday 10.
LATEST = {0: D(2025, 8, 11), 1: D(2025, 8, 12), 2: D(2025, 8, 13), 3: THU, 4: D(2025, 8, 8), 5: D(2025, 8, 9)}
LATEST[6] = D(2025, 8, 10)
# An Urdu sentence's context: Tuesday night's attack, for the phrases that count from the date told before.
TUESDAY_NIGHT = "منگل کی رات تربت میں ایک چوکی پر حملہ ہوا۔"


def _ur(sentence: str, published: dt.date | None = THU, context: str = "") -> EventDate:
    return find_event_date(sentence, published, context=context, language="ur")


def _rows(*rules: str) -> list[tuple[str, int, dict[str, int]]]:
    return [
        (
            row["phrase"],
            int(row["value"] or 0),
            {"acled": int(row["acled"] or 0), "ucdp": int(row["ucdp"] or 0)},
        )
        for row in read_table("ur/dates.tsv")
        if row["rule"] in rules
    ]


def _english(sentence: str) -> EventDate:
    return find_event_date(sentence, THU)


TESTED_RULES = {"weekday", "month_name", "month_abbr", "day", "week", "week_earlier", "weekend", "month"}
TESTED_RULES |= {
    "month_earlier",
    "year",
    "year_earlier",
    "recent",
    "context",
    "lead",
    "shift",
    "number",
    "unit",
}
TESTED_RULES |= {"ago", "later", "day_tail", "period_tail", "statement"}


def test_every_rule_of_the_table_has_a_test_below() -> None:
    assert {row["rule"] for row in read_table("ur/dates.tsv")} <= TESTED_RULES


# -- one sentence per row --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("phrase", "value", "_precision"), _rows("weekday"))
def test_weekday_row(phrase: str, value: int, _precision: dict[str, int]) -> None:
    result = _ur(f"کوئٹہ میں {phrase} کو ایک دھماکہ ہوا۔")
    assert result == EventDate(LATEST[value], DAY, f"{phrase} کو", "weekday")


@pytest.mark.parametrize(("phrase", "value", "_precision"), _rows("month_name", "month_abbr"))
def test_month_row_with_a_day(phrase: str, value: int, _precision: dict[str, int]) -> None:
    assert _ur(f"12 {phrase} 2024 کو مستونگ میں فائرنگ ہوئی۔").date == D(2024, value, 12)
    no_year = _ur(f"کیچ میں 3 {phrase} کو حملہ ہوا۔")  # the latest 3rd of the month on or before publication
    assert no_year.date == D(2025 if value <= 8 else 2024, value, 3)


@pytest.mark.parametrize(("phrase", "value", "precision"), _rows("month_name"))
def test_month_name_row_alone(phrase: str, value: int, precision: dict[str, int]) -> None:
    result = _ur(f"{phrase} میں ضلع کیچ میں کئی حملے ہوئے۔")
    assert result.date is not None and result.date.month == value
    assert (result.precision, result.rule, result.text) == (precision, "month", f"{phrase} میں")


@pytest.mark.parametrize(("phrase", "_value", "_precision"), _rows("month_abbr"))
def test_month_abbr_row_is_not_read_alone(phrase: str, _value: int, _precision: dict[str, int]) -> None:
    assert _ur(f"لانگ {phrase} میں ہزاروں افراد شریک ہوئے۔").rule == "publication"
    assert _ur(f"{phrase} 2024 میں احتجاج ہوا۔").date == D(2024, 3, 16)


@pytest.mark.parametrize(("phrase", "value", "precision"), _rows("day"))
def test_day_row(phrase: str, value: int, precision: dict[str, int]) -> None:
    result = _ur(f"ضلع کیچ میں {phrase} فائرنگ کا واقعہ پیش آیا۔")
    assert result == EventDate(THU + dt.timedelta(days=value), precision, phrase, f"day:{phrase}")


# The English phrase of time_expressions.tsv read by the same rule with the same value.
ENGLISH = {
    ("week", -1): "last week",
    ("week", 0): "this week",
    ("week_earlier", 0): "earlier this week",
    ("weekend", 0): "this weekend",
    ("weekend", -1): "last weekend",
    ("month", 0): "this month",
    ("month", -1): "last month",
    ("month_earlier", 0): "earlier this month",
    ("year", 0): "this year",
    ("year", -1): "last year",
    ("year_earlier", 0): "earlier this year",
    ("recent", 2): "the past 24 hours",
    ("recent", 4): "the past few days",
    ("recent", 7): "the past week",
}


@pytest.mark.parametrize(
    ("phrase", "rule", "value"),
    [
        (row["phrase"], row["rule"], int(row["value"]))
        for row in read_table("ur/dates.tsv")
        if row["rule"]
        in ("week", "week_earlier", "weekend", "month", "month_earlier", "year", "year_earlier")
        or row["rule"] == "recent"
    ],
)
def test_period_row_is_read_as_its_english_phrase(phrase: str, rule: str, value: int) -> None:
    result = _ur(f"{phrase} بلوچستان میں کئی حملے ہوئے۔")
    english = _english(f"Several attacks took place in Balochistan {ENGLISH[rule, value]}.")
    assert (result.date, result.precision, result.text) == (english.date, english.precision, phrase)
    assert result.rule == f"{rule}:{phrase}"


@pytest.mark.parametrize(("phrase", "value", "precision"), _rows("context"))
def test_context_row(phrase: str, value: int, precision: dict[str, int]) -> None:
    result = _ur(f"{phrase} علاقے سے دو لاشیں ملیں۔", context=TUESDAY_NIGHT)
    assert (result.date, result.precision, result.text) == (
        D(2025, 8, 12) + dt.timedelta(days=value),
        precision,
        phrase,
    )


def test_context_row_with_no_earlier_date_is_near_publication() -> None:
    result = _ur("اگلے روز علاقے سے دو لاشیں ملیں۔")
    assert (result.date, result.precision) == (THU, {"acled": 2, "ucdp": 3})


@pytest.mark.parametrize(("phrase", "_value", "_precision"), _rows("lead"))
def test_lead_row(phrase: str, _value: int, _precision: dict[str, int]) -> None:
    # After a lead a weekday needs no day word; a day and month keep theirs.
    assert _ur(f"{phrase} جمعہ مستونگ میں دھماکہ ہوا۔") == EventDate(
        D(2025, 8, 8), DAY, f"{phrase} جمعہ", "weekday"
    )
    assert _ur(f"{phrase} 12 اگست کو دھماکہ ہوا۔").text == f"{phrase} 12 اگست کو"


# "گزشتہ اتوار" strictly before publication, "اس اتوار" in its week, "آئندہ اتوار" strictly after.
SUNDAY = {-1: D(2025, 8, 10), 0: D(2025, 8, 17), 1: D(2025, 8, 17)}


@pytest.mark.parametrize(("phrase", "value", "_precision"), _rows("shift"))
def test_shift_row(phrase: str, value: int, _precision: dict[str, int]) -> None:
    result = _ur(f"{phrase} اتوار کو پنجگور میں جھڑپ ہوئی۔")
    assert (result.date, result.text, result.rule) == (SUNDAY[value], f"{phrase} اتوار کو", "weekday")


@pytest.mark.parametrize(("phrase", "value", "precision"), _rows("number"))
def test_vague_number_row(phrase: str, value: int, precision: dict[str, int]) -> None:
    result = _ur(f"{phrase} روز قبل اسی مقام پر حملہ ہوا تھا۔")
    assert (result.date, result.precision, result.rule) == (THU - dt.timedelta(days=value), precision, "ago")


@pytest.mark.parametrize(
    ("phrase", "value"),
    [(row["phrase"], int(row["value"])) for row in read_table("ur/numbers.tsv") if row["kind"] == "number"],
)
def test_number_word_of_the_claims_table(phrase: str, value: int) -> None:
    result = _ur(f"{phrase} دن پہلے اسی مقام پر حملہ ہوا تھا۔")
    assert (result.date, result.precision, result.text) == (
        THU - dt.timedelta(days=value),
        DAY,
        f"{phrase} دن پہلے",
    )


@pytest.mark.parametrize(("phrase", "hours", "precision"), _rows("unit"))
def test_unit_row(phrase: str, hours: int, precision: dict[str, int]) -> None:
    result = _ur(f"دو {phrase} قبل اسی مقام پر حملہ ہوا تھا۔")
    assert (result.date, result.precision) == (THU - dt.timedelta(days=2 * hours // 24), precision)


@pytest.mark.parametrize(("phrase", "_value", "_precision"), _rows("ago"))
def test_ago_row(phrase: str, _value: int, _precision: dict[str, int]) -> None:
    result = _ur(f"تین روز {phrase} خاران میں دھماکہ ہوا تھا۔")
    assert (result.date, result.text, result.rule) == (D(2025, 8, 11), f"تین روز {phrase}", "ago")


@pytest.mark.parametrize(("phrase", "_value", "_precision"), _rows("later"))
def test_later_row(phrase: str, _value: int, _precision: dict[str, int]) -> None:
    result = _ur(f"دو روز {phrase} علاقے سے ایک اور لاش ملی۔", context=TUESDAY_NIGHT)
    assert (result.date, result.rule) == (THU, "later:previous-date")


@pytest.mark.parametrize(("phrase", "_value", "_precision"), _rows("day_tail"))
def test_day_tail_row(phrase: str, _value: int, _precision: dict[str, int]) -> None:
    # After a weekday name it makes the name a date; after a day and month it widens the quote.
    assert _ur(f"کیچ میں منگل {phrase} حملہ ہوا۔") == EventDate(
        D(2025, 8, 12), DAY, f"منگل {phrase}", "weekday"
    )
    assert _ur(f"کیچ میں 10 اگست {phrase} حملہ ہوا۔").text == f"10 اگست {phrase}"


@pytest.mark.parametrize(("phrase", "_value", "_precision"), _rows("period_tail"))
def test_period_tail_row(phrase: str, _value: int, _precision: dict[str, int]) -> None:
    result = _ur(f"جون {phrase} ضلع کیچ میں کئی حملے ہوئے۔")
    assert result == EventDate(D(2025, 6, 15), MONTH, f"جون {phrase}", "month")
    assert _ur(f"2024 {phrase} کئی حملے ہوئے۔").date == D(2024, 7, 1)  # a year, at its mid-point


@pytest.mark.parametrize(("phrase", "_value", "_precision"), _rows("statement"))
def test_statement_row(phrase: str, _value: int, _precision: dict[str, int]) -> None:
    result = _ur(f"پولیس نے بدھ کو {phrase} کہ حملہ آور فرار ہو گئے۔")
    assert result == EventDate(D(2025, 8, 13), NEAR, "بدھ کو", "statement+weekday")


# -- the rules ---------------------------------------------------------------------------------------------------


def test_urdu_and_eastern_arabic_digits_are_quoted_as_written() -> None:
    assert _ur("۱۲ اگست ۲۰۲۴ء کو دھماکہ ہوا۔") == EventDate(
        D(2024, 8, 12), DAY, "۱۲ اگست ۲۰۲۴ء کو", "day-month-year"
    )
    assert _ur("١٢ اگست ٢٠٢٤ کو دھماکہ ہوا۔").date == D(2024, 8, 12)
    assert _ur("۳ روز قبل دھماکہ ہوا۔").date == D(2025, 8, 11)


def test_digits_typed_against_the_next_word_still_make_a_date() -> None:
    # Web pages often drop the space after digits: "12اور 13اکتوبر" is "12 اور 13 اکتوبر".
    assert _ur("12اور 13اکتوبر 2024 کی درمیانی شب آپریشن کیا گیا۔").date == D(2024, 10, 12)


def test_arabic_keyboard_letters_and_spelling_variants_read_as_the_rows() -> None:
    assert _ur("گذشتہ روز فائرنگ ہوئی۔").date == D(2025, 8, 13)  # ذ for ز
    assert _ur("جمعه كو فائرنگ ہوئی۔").date == D(2025, 8, 8)  # Arabic heh and kaf
    assert _ur("12 فروري 2024 کو فائرنگ ہوئی۔").date == D(2024, 2, 12)  # Arabic yeh


def test_yakum_is_the_first_of_the_month() -> None:
    assert _ur("یکم اگست کو حملہ ہوا۔") == EventDate(D(2025, 8, 1), DAY, "یکم اگست کو", "day-month")
    assert _ur("یکم جنوری 2024 کو حملہ ہوا۔").date == D(2024, 1, 1)


def test_a_day_and_month_without_year_is_the_latest_on_or_before_publication() -> None:
    assert _ur("12 اگست کو حملہ ہوا۔").date == D(2025, 8, 12)
    assert _ur("20 اگست کو حملہ ہوا۔").date == D(2024, 8, 20)


def test_a_year_shift_comes_before_the_date() -> None:
    assert _ur("گزشتہ سال 12 اگست کو حملہ ہوا۔").date == D(2024, 8, 12)
    last_august = _ur("گزشتہ سال اگست میں کئی حملے ہوئے۔")
    assert (last_august.date, last_august.precision) == (D(2024, 8, 16), MONTH)
    assert _ur("رواں سال جنوری میں کئی حملے ہوئے۔").date == D(2025, 1, 16)


def test_a_weekday_name_alone_is_not_a_date() -> None:
    for sentence in (
        "منگل باغ کے ساتھیوں نے چوکی پر حملہ کیا۔",  # a name
        "پیر صاحب کے مزار کے قریب دھماکہ ہوا۔",  # a saint
        "ہفتہ بھر علاقے میں کرفیو رہا۔",  # a week
        "منگل کوئٹہ میں کوئی واقعہ پیش نہیں آیا۔",  # "کو" is the start of Quetta, not "on"
    ):
        assert _ur(sentence).rule == "publication", sentence


def test_the_night_between_two_days_is_dated_by_its_evening() -> None:
    assert _ur("پیر اور منگل کی درمیانی شب چوکی پر حملہ ہوا۔").date == D(2025, 8, 11)
    between = _ur("12 اور 13 اگست کی درمیانی شب چوکی پر حملہ ہوا۔")
    assert (between.date, between.text) == (D(2025, 8, 12), "12 اور 13 اگست کی درمیانی شب")


def test_last_saturday_and_last_week() -> None:
    assert _ur("گزشتہ ہفتے کو چوکی پر حملہ ہوا۔") == EventDate(D(2025, 8, 9), DAY, "گزشتہ ہفتے کو", "weekday")
    assert _ur("گزشتہ ہفتے چوکی پر حملہ ہوا۔").rule == "week:گزشتہ ہفتے"


def test_kal_is_read_only_with_a_part_of_the_day() -> None:
    assert _ur("کل رات چوکی پر حملہ ہوا۔").date == D(2025, 8, 13)
    assert _ur("ہلاکتوں کی کل تعداد 12 ہو گئی۔").rule == "publication"  # total
    assert _ur("کل جماعتی کانفرنس میں حملے کی مذمت کی گئی۔").rule == "publication"  # all-party


def test_days_before_a_named_event_are_not_read() -> None:
    assert _ur("حملے سے دو روز قبل دھمکیاں ملی تھیں۔").rule == "publication"


def test_the_event_date_wins_over_the_statements() -> None:
    result = _ur("آئی ایس پی آر نے جمعرات کو جاری بیان میں کہا کہ منگل کی رات چوکی پر حملہ ہوا۔")
    assert result == EventDate(D(2025, 8, 12), DAY, "منگل کی رات", "weekday")


def test_no_date_words_give_the_publication_week_and_no_publication_no_date() -> None:
    assert _ur("چوکی پر حملے میں تین اہلکار شہید ہو گئے۔") == EventDate(
        THU, {"acled": 2, "ucdp": 3}, "", "publication"
    )
    assert _ur("منگل کو چوکی پر حملہ ہوا۔", None) == EventDate(None, {}, "", "none")
    assert _ur("12 اگست 2024 کو چوکی پر حملہ ہوا۔", None).date == D(2024, 8, 12)


def test_the_english_reader_does_not_read_urdu_words() -> None:
    assert find_event_date("کوئٹہ میں منگل کو دھماکہ ہوا۔", THU).rule == "publication"


def test_an_urdu_article_gives_its_event_the_date_of_the_attack() -> None:
    text = (
        "تربت: ضلع کیچ میں منگل کی رات نامعلوم مسلح افراد نے ایک چیک پوسٹ پر حملہ کیا جس میں تین اہلکار شہید"
        " ہو گئے۔\nپولیس نے بدھ کو بتایا کہ حملہ آور فرار ہو گئے اور علاقے میں سرچ آپریشن جاری ہے۔"
    )
    result = extract(Article(id="ur-dates", text=text, published=THU, language="ur"))
    assert [(e.date, e.date_precision) for e in result.events] == [(D(2025, 8, 12), DAY)]


@pytest.mark.parametrize(("phrase", "value", "_precision"), _rows("month_name", "month_abbr"))
def test_a_day_may_touch_its_month(phrase: str, value: int, _precision: dict[str, int]) -> None:
    # "27دسمبر کو": no space between the day's digits and the month, as Urdu is often typed.
    assert _ur(f"کیچ میں 3{phrase} کو حملہ ہوا۔").date == D(2025 if value <= 8 else 2024, value, 3)
