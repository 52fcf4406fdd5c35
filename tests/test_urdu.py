"""Urdu reports: every row of ``sitrep/data/ur/`` read in a sentence written for it, the grammar rules of
``sitrep.nlp.urdu``, Urdu places, the language routing of the pipeline and ``sitrep extract`` on the Urdu example.
The sentences are the team's own, not taken from any report."""

from __future__ import annotations

import json

import pytest

from sitrep.data import read_table
from sitrep.geo.urdu import find_urdu_places
from sitrep.model import Article, Claim
from sitrep.nlp.urdu import read_urdu_claims, urdu_sentences
from sitrep.nlp.urdu.writing import GAP, function_words
from sitrep.pipeline import extract
from tests.conftest import REPO
from tests.test_cli import run

URDU_EXAMPLE = REPO / "sitrep" / "examples" / "2025-05-06_makran-nama_tump-checkpost-ur.txt"


def _only(text: str) -> Claim:
    claims = read_urdu_claims(text)
    assert len(claims) == 1, [c.count for c in claims]
    return claims[0]


def _rows(name: str) -> list[tuple[str, ...]]:
    return [tuple(row.values()) for row in read_table(f"ur/{name}")]


def _assert_offsets(text: str, claims: list[Claim]) -> None:
    for claim in claims:
        assert text[claim.start : claim.end] == claim.quote
        assert claim.count.text in claim.quote


# -- one sentence per row --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("phrase", "outcome", "_bare"), [r for r in _rows("outcomes.tsv") if r[1] != "none"])
def test_outcome_row(phrase: str, outcome: str, _bare: str) -> None:
    phrase = phrase.replace(GAP, "قریبی پہاڑوں کی طرف")  # a few words in a phrase's gap
    text = f"حملے میں تین اہلکار {phrase} ہو گئے۔"
    claim = _only(text)
    assert (claim.outcome, claim.count.low, claim.count.high) == (outcome, 3, 3)
    _assert_offsets(text, [claim])


@pytest.mark.parametrize(("phrase",), [r[:1] for r in _rows("outcomes.tsv") if r[1] == "none"])
def test_a_word_holding_an_outcome_word_names_no_outcome(phrase: str) -> None:
    # Without its row, "اغوا کار" would be read as "اغوا" (abducted), "سزائے موت" as "موت" (death).
    assert read_urdu_claims(f"عدالت میں تین افراد کے {phrase} ہونے کا ذکر ہوا۔") == []


def test_kidnappers_arrested_are_no_abduction() -> None:
    # "پولیس نے تین اغوا کاروں کو گرفتار کر لیا": three kidnappers arrested, nobody abducted.
    claim = _only("پولیس نے تین اغوا کاروں کو گرفتار کر لیا۔")
    assert (claim.outcome, claim.count.low) == ("arrested", 3)


@pytest.mark.parametrize(("phrase", "victim", "_number", "_generic"), _rows("victims.tsv"))
def test_victim_row(phrase: str, victim: str, _number: str, _generic: str) -> None:
    # A soldier counted first: the plain words for people stay unnamed beside an armed side
    # (test_unnamed_people_are_civilians_unless_an_armed_side_is_counted), and comrades are the soldier's.
    claims = read_urdu_claims(f"دھماکے میں ایک سپاہی شہید جبکہ چار {phrase} زخمی ہوئے۔")
    claim = claims[-1]
    expected = "security_forces" if victim == "side" else victim
    if phrase in function_words("suspects"):
        expected = "militants"  # hurt suspects are the armed side (test_suspects_killed_are_the_armed_side…)
    assert (claim.victim, claim.victim_text, claim.count.low) == (expected, phrase, 4)


@pytest.mark.parametrize(
    ("phrase", "value"), [(p, int(v)) for p, k, v in _rows("numbers.tsv") if k == "number"]
)
def test_number_row(phrase: str, value: int) -> None:
    claim = _only(f"حملے میں {phrase} اہلکار زخمی ہوئے۔")
    assert (claim.count.low, claim.count.high, claim.count.text) == (value, value, phrase)


@pytest.mark.parametrize(
    ("phrase", "kind", "value"), [r for r in _rows("numbers.tsv") if r[1] in ("dozens", "hundreds")]
)
def test_unnumbered_plural_row(phrase: str, kind: str, value: str) -> None:
    claim = _only(f"دھماکے میں {phrase} شہری زخمی ہوئے۔")
    assert (claim.count.low, claim.count.high, claim.count.approximate) == (int(value), None, True)


@pytest.mark.parametrize(
    ("phrase", "kind", "name"),
    [r[:3] for r in _rows("claimants.tsv") if not r[1].startswith("previous")],
)
def test_claimant_row(phrase: str, kind: str, name: str) -> None:
    claim = _only(f"{phrase} کے مطابق دو اہلکار ہلاک ہوئے۔")
    assert claim.claimant.kind == kind
    if kind != "none":
        assert claim.claimant.name == (name or phrase) and claim.claimant.text == phrase


@pytest.mark.parametrize(("phrase", "actor"), _rows("actors.tsv"))
def test_actor_row(phrase: str, actor: str) -> None:
    claim = _only(f"{phrase} نے دعویٰ کیا کہ حملے میں پانچ اہلکار ہلاک ہوئے۔")
    assert (claim.claimant.kind, claim.claimant.name, claim.stance) == ("armed_group", actor, "claimed")


@pytest.mark.parametrize(
    ("phrase", "stance", "_form"),
    [r for r in _rows("reporting.tsv") if r[2] not in ("shift", "none", "untrue")],
)
def test_reporting_row(phrase: str, stance: str, _form: str) -> None:
    told = "نے صحافیوں " if phrase.startswith("کو ") else ""  # "کو بتایا" follows whom they told
    claim = _only(f"پولیس {told}{phrase} کہ تین اہلکار ہلاک ہوئے۔")
    assert (claim.claimant.kind, claim.stance) == ("security_forces", stance)


@pytest.mark.parametrize(("phrase", "verified"), _rows("verification.tsv"))
def test_verification_row(phrase: str, verified: str) -> None:
    claim = _only(f"حملے میں تین اہلکار ہلاک ہوئے۔ اس دعوے کی {phrase}۔")
    assert claim.verified is (verified == "yes")


@pytest.mark.parametrize(("phrase", "reach"), _rows("background.tsv"))
def test_background_row(phrase: str, reach: str) -> None:
    if (
        reach == "clause"
    ):  # a pluperfect verb ends the sentence, after the lede (which tells its own incident)
        text = f"آج چوکی پر حملہ ہوا۔ اس علاقے میں تین اہلکار ہلاک {phrase}۔"
    else:
        text = f"{phrase} اس علاقے میں تین اہلکار ہلاک ہوئے۔"
    assert _only(text).background
    assert not _only("گزشتہ رات اس علاقے میں تین اہلکار ہلاک ہوئے۔").background  # last night: this event


def test_a_town_named_for_its_hospital_is_a_mention() -> None:
    (turbat,) = find_urdu_places("زخمیوں کو تربت کے ٹیچنگ ہسپتال منتقل کر دیا گیا۔")
    assert (turbat.name, turbat.role) == ("Turbat", "mention")
    (turbat,) = find_urdu_places("تربت میں دھماکہ ہوا۔")
    assert turbat.role == "event"


# -- grammar ---------------------------------------------------------------------------------------------------


def test_sentences_end_at_urdu_marks_and_line_breaks() -> None:
    text = "پہلا جملہ۔ کیا یہ دوسرا ہے؟ تیسرا\nچوتھا"
    assert [text[s:e] for s, e in urdu_sentences(text)] == [
        "پہلا جملہ۔",
        "کیا یہ دوسرا ہے؟",
        "تیسرا",
        "چوتھا",
    ]


def test_a_sentence_opened_by_a_relative_pronoun_goes_on_with_the_one_before() -> None:
    text = "اہلکاروں کو قتل کر دیا گیا۔ جن کی لاشیں گزشتہ شب ملیں۔\nجن علاقوں میں کرفیو ہے وہاں سکول بند ہیں۔"
    assert [text[s:e] for s, e in urdu_sentences(text)] == [
        "اہلکاروں کو قتل کر دیا گیا۔ جن کی لاشیں گزشتہ شب ملیں۔",
        "جن علاقوں میں کرفیو ہے وہاں سکول بند ہیں۔",
    ]


@pytest.mark.parametrize("digits", ["12", "۱۲", "١٢"])
def test_urdu_and_eastern_arabic_digits(digits: str) -> None:
    claim = _only(f"حملے میں {digits}اہلکار زخمی ہوئے۔")
    assert (claim.count.low, claim.count.text) == (12, digits)


@pytest.mark.parametrize("clock", ["3:00", "۱۲:۱۰", "04:25"])
def test_a_clock_time_counts_no_one(clock: str) -> None:
    # Live pages stamp each update with its time: "00" is no figure of the dead.
    assert read_urdu_claims(f"[دوپہر {clock}] شہید اہلکاروں کی نماز جنازہ ادا کر دی گئی۔") == []
    claim = _only(f"[{clock}] پولیس کے مطابق 2 اہلکار شہید ہو گئے۔")
    assert (claim.count.low, claim.count.text) == (2, "2")


def test_bounds_at_least_and_more_than() -> None:
    assert _only("کم از کم سات مسافر زخمی ہوئے۔").count.model_dump(include={"low", "high"}) == {
        "low": 7,
        "high": None,
    }
    count = _only("تیس سے زائد دہشت گرد مارے گئے۔").count
    assert (count.low, count.high, count.text) == (31, None, "تیس سے زائد")


def test_a_figure_without_a_noun_takes_the_victim_before_it() -> None:
    # "اورچار": no space after the non-joining ر of "اور", as Urdu is often typed.
    claims = read_urdu_claims("دھماکے میں دو سپاہی شہید اورچار زخمی ہو گئے۔")
    assert [(c.outcome, c.victim, c.count.low) for c in claims] == [
        ("killed", "security_forces", 2),
        ("injured", "security_forces", 4),
    ]


def test_short_number_words_are_not_read_inside_other_words() -> None:
    assert read_urdu_claims("اردو اخبار کے مطابق سوات میں زخمی ہونے والوں کو ہسپتال لے جایا گیا۔") == []
    assert read_urdu_claims("بازار میں خواتین زخمی ہوئیں۔") == []  # "تین" (three) ends "خواتین" (women)


def test_one_before_a_plural_noun_is_the_article() -> None:
    # "ایک الگ حملے میں اہلکاروں کو یرغمال بنایا": "a separate attack", not one hostage.
    assert read_urdu_claims("ایک الگ حملے میں اہلکاروں کو یرغمال بنا لیا گیا۔") == []


def test_including_makes_a_part_of_the_figure() -> None:
    claims = read_urdu_claims("دھماکے میں ایک پولیس اہلکار سمیت پانچ راہگیر زخمی ہو گئے۔")
    assert [(c.victim, c.count.low, c.part_of) for c in claims] == [
        ("civilians", 5, None),
        ("security_forces", 1, "c1"),
    ]


def test_a_leading_phrase_gives_only_the_figures_after_it() -> None:
    text = "چوکی پر حملے میں ایک سپاہی شہید ہوا، پولیس کے مطابق دو حملہ آور بھی مارے گئے۔"
    claims = read_urdu_claims(text)
    assert [(c.victim, c.claimant.kind) for c in claims] == [
        ("security_forces", "none"),
        ("militants", "security_forces"),
    ]


def test_the_group_and_its_statement_refer_back_to_the_armed_group() -> None:
    text = (
        "بلوچ لبریشن آرمی نے ذمہ داری قبول کی ہے۔ حکام نے تین اہلکاروں کی ہلاکت کی تصدیق کی ہے۔ "
        "تنظیم کے ترجمان نے بیان میں کہا کہ بارہ اہلکار ہلاک ہوئے۔"
    )
    officials, group = read_urdu_claims(text)
    assert (officials.claimant.kind, officials.stance, officials.count.low) == ("government", "confirmed", 3)
    assert (group.claimant.name, group.stance, group.count.low) == (
        "BLA: Baloch Liberation Army",
        "claimed",
        12,
    )


# -- the pipeline and the CLI ------------------------------------------------------------------------------------


def test_an_urdu_article_is_read_with_places_and_events() -> None:
    text = URDU_EXAMPLE.read_text(encoding="utf-8").split("\n\n", 1)[1]  # the body, without the title line
    result = extract(Article(id="ur", text=text))
    assert result.article.language == "ur" and result.note is None
    _assert_offsets(text, result.claims)
    assert {p.name: p.role for p in result.places if p.name != "Balochistan"} == {
        "Kech": "mention",  # "ضلع کیچ کی تحصیل تمپ": the district frames its tehsil
        "Tump": "event",
        "Turbat": "mention",
    }
    assert all(c.place_ids for c in result.claims)
    assert result.events and result.events[0].fatalities.low == 7  # 3 Levies, 4 militants
    group = [c for c in result.claims if c.claimant.kind == "armed_group"]
    assert [(c.claimant.name, c.verified, c.count.low) for c in group] == [
        ("BLF: Baloch Liberation Front", False, 11)
    ]


def test_sitrep_extract_prints_urdu_claims_with_claimants_and_places() -> None:
    done = run("extract", "-f", "jsonl", str(URDU_EXAMPLE))
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[0])
    assert "پولیس کے مطابق" in result["claims"][0]["quote"]
    assert {c["claimant"]["kind"] for c in result["claims"]} >= {"security_forces", "armed_group"}
    assert any(p["name"] == "Kech" for p in result["places"])
    table = run("extract", "-f", "json", str(URDU_EXAMPLE))
    assert table.returncode == 0 and "BLF: Baloch Liberation Front" in table.stdout


def test_the_acled_notes_of_an_urdu_report_are_in_english(tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'ur.db'}"
    assert run("ingest", str(URDU_EXAMPLE), "--db", db).returncode == 0
    done = run("export", "-f", "acled", "--db", db, "--out", str(tmp_path / "ur.csv"))
    assert done.returncode == 0, done.stderr
    notes = (tmp_path / "ur.csv").read_text(encoding="utf-8")
    assert "3 security personnel killed" in notes and "at least 11 security personnel killed" in notes
    assert not any("\u0600" <= char <= "\u06ff" for char in notes), "Urdu words in the English notes"


# -- writing: letters, marks and spaces ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "حملے میں تین اہلکار ہلا ک ہو گئے۔",  # a space typed after the non-joining ا of "ہلاک"
        "حملے میں تین اہلکار مارےگئے۔",  # none typed after the ے of "مارے"
        "حملے میں تین اہلکار شہِید ہوئے۔",  # a vowel mark
        "حملے ميں تين اہلکار ہلاک ہوئے۔",  # Arabic-keyboard yeh
    ],
)
def test_spellings_of_one_phrase_are_read_alike(text: str) -> None:
    claim = _only(text)
    assert (claim.outcome, claim.victim, claim.count.low) == ("killed", "security_forces", 3)
    _assert_offsets(text, [claim])


def test_a_short_word_is_not_read_across_a_space() -> None:
    # "دو" (two) is not found in "د و" (the end of one word and "و", and).
    assert read_urdu_claims("ایسے اسد و دیگر افراد زخمی ہوئے۔") == []


# -- figures named around the outcome word -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "value"), [("دو سو", 200), ("ایک درجن", 12), ("تین ہزار", 3000), ("سو", 100)]
)
def test_a_number_before_a_scale_word_multiplies_it(words: str, value: int) -> None:
    claim = _only(f"سیلاب نہیں، حملے میں {words} افراد ہلاک ہوئے۔")
    assert (claim.count.low, claim.count.high, claim.count.text) == (value, value, words)


@pytest.mark.parametrize("phrase", [r[0] for r in _rows("numbers.tsv") if r[1] == "vague"])
def test_several_is_no_figure(phrase: str) -> None:
    # "متعدد راہگیر زخمی" (several passers-by injured) gives no number to code, and the number after it is not its
    assert read_urdu_claims(f"دھماکے میں {phrase} راہگیر زخمی ہوئے۔") == []
    claim = _only(f"پولیس کے مطابق {phrase} گاڑیوں پر فائرنگ سے تین افراد زخمی ہوئے۔")
    assert (claim.count.low, claim.count.text) == (3, "تین")


@pytest.mark.parametrize("tally", [r[0] for r in _rows("numbers.tsv") if r[1] == "tally"])
def test_a_tally_after_the_outcome_word_gives_its_figure(tally: str) -> None:
    claims = read_urdu_claims(f"ہسپتال ذرائع کے مطابق دھماکے میں جاں بحق افراد {tally} بڑھ کر 14 ہو گئی۔")
    assert [(c.outcome, c.victim, c.count.low, c.claimant.kind) for c in claims] == [
        ("killed", "civilians", 14, "medical")  # people, where no armed side is counted
    ]


@pytest.mark.parametrize("who_were", [r[0] for r in _rows("numbers.tsv") if r[1] == "who_were"])
def test_those_among_the_dead_are_parts_of_the_total(who_were: str) -> None:
    text = f"حملے میں پانچ اہلکار شہید ہو گئے۔ شہید {who_were} اہلکاروں میں ایک کیپٹن اور دو سپاہی شامل ہیں۔"
    claims = read_urdu_claims(text)
    assert [(c.count.low, c.victim, c.part_of) for c in claims] == [
        (5, "security_forces", None),
        (1, "security_forces", "c1"),
        (2, "security_forces", "c1"),
    ]
    _assert_offsets(text, claims)


def test_those_who_were_without_among_name_no_figure() -> None:
    # "the injured were taken to hospital": no figure after the outcome word.
    assert read_urdu_claims("زخمی ہونے والوں کو تین گاڑیوں میں ہسپتال منتقل کیا گیا۔") == []


def test_a_figure_said_again_in_a_later_sentence_is_read_once() -> None:
    text = "بنوں میں چوکی پر حملے میں تین اہلکار زخمی ہو گئے۔ پولیس چوکی پر رات گئے حملہ ہوا اور 3 اہلکار زخمی ہوئے۔"
    assert [c.count.low for c in read_urdu_claims(text)] == [3]
    # Another claimant giving the same figure is a claim of its own.
    other = "حملے میں تین اہلکار زخمی ہو گئے۔ پولیس کے مطابق حملے میں تین اہلکار زخمی ہوئے۔"
    assert [c.claimant.kind for c in read_urdu_claims(other)] == ["none", "security_forces"]


def test_several_standing_alone_is_no_figure() -> None:
    # "where several are in a critical state": people already counted, not a new figure.
    assert (
        read_urdu_claims(
            "زخمیوں کو تربت منتقل کیا گیا جہاں متعدد کی حالت تشویشناک ہے اور ہلاکتوں کا خدشہ ہے۔"
        )
        == []
    )


@pytest.mark.parametrize(("phrase",), _rows("care_places.tsv"))
def test_care_place_row(phrase: str) -> None:
    (turbat,) = find_urdu_places(f"زخمیوں کو تربت {phrase} کیا گیا۔")
    assert (turbat.name, turbat.role) == ("Turbat", "mention")


def test_a_statement_goes_on_into_the_next_sentence() -> None:
    text = (
        "پولیس نے بتایا کہ چوکی پر رات گئے حملہ ہوا۔ حملے میں دو اہلکار شہید ہوئے۔ چار راہگیر بھی زخمی ہوئے۔\n"
        "پانچ دکانیں جل گئیں۔\n"
        "لیویز نے بتایا کہ چوکی پر حملہ ہوا۔\nبازار میں ایک اور دھماکے میں تین راہگیر ہلاک ہوئے۔\n"
        "ایک راہگیر کی حالت نازک ہے۔\nدو گاڑیاں بھی تباہ ہوئیں جبکہ سات افراد زخمی ہوئے۔"
    )
    assert [(c.count.low, c.claimant.name) for c in read_urdu_claims(text)] == [
        (2, "Police Forces of Pakistan"),
        (4, "Police Forces of Pakistan"),  # the rest of the statement's paragraph is the statement's
        (3, "Levies"),  # the next sentence in a new paragraph, as web desks make each sentence one
        (7, None),  # no further: two paragraphs on, the press names the speaker again when it goes on
    ]


@pytest.mark.parametrize("phrase", [r[0] for r in _rows("reporting.tsv") if r[2] == "none"])
def test_a_phrase_that_reports_nothing_leaves_the_speaker_named_before_it(phrase: str) -> None:
    # "کی اطلاع پر" (on a tip-off about) names no one who speaks
    text = f"آئی ایس پی آر کے مطابق فورسز نے خفیہ {phrase} کارروائی کی۔\nجھڑپ میں 8 دہشت گرد ہلاک ہو گئے۔"
    assert _only(text).claimant.name == "ISPR"


def test_the_number_a_participle_qualifies_is_counted_once() -> None:
    # "the two martyred personnel were identified": two of the three already counted, not a new figure.
    text = "حملے میں تین اہلکار شہید ہو گئے۔ شہید ہونے والے دو اہلکاروں کی شناخت ہو گئی ہے۔"
    assert [c.count.low for c in read_urdu_claims(text)] == [3]


@pytest.mark.parametrize("shift", [r[0] for r in _rows("reporting.tsv") if r[2] == "shift"])
def test_a_turn_to_another_matter_ends_the_statement(shift: str) -> None:
    text = f"پولیس نے بتایا کہ چوکی پر حملہ ہوا۔ {shift} بازار میں دھماکے سے تین راہگیر زخمی ہوئے۔"
    assert [(c.count.low, c.claimant.kind) for c in read_urdu_claims(text)] == [(3, "none")]


def test_a_claim_does_not_go_on() -> None:
    text = "تنظیم بی ایل اے نے حملے کی ذمہ داری قبول کی ہے۔ حملے میں دو اہلکار شہید ہوئے۔"
    assert [c.claimant.kind for c in read_urdu_claims(text)] == ["none"]


@pytest.mark.parametrize("told", ["نے میڈیا کو بتایا", "نے صحافیوں سے بات کرتے ہوئے کہا"])
def test_whom_the_claimant_told_is_no_claimant(told: str) -> None:
    claim = _only(f"پولیس {told} کہ حملے میں دو اہلکار شہید ہوئے۔")
    assert claim.claimant.kind == "security_forces"


@pytest.mark.parametrize("who_were", [r[0] for r in _rows("numbers.tsv") if r[1] == "who_were"])
def test_a_participle_before_a_number_gives_its_figure(who_were: str) -> None:
    claim = _only(f"بیان کے مطابق حملے میں ہلاک {who_were} 21 اہلکار ایک ہی یونٹ کے تھے۔")
    assert (claim.outcome, claim.victim, claim.count.low) == ("killed", "security_forces", 21)


def test_the_number_a_participle_qualifies_is_the_figure_of_those_among_them() -> None:
    # "of the six passengers abducted, four were recovered": six abducted, and no figure of four
    claim = _only("حکام کے مطابق اغوا کیے گئے 6 مسافروں میں سے 4 کو بازیاب کرا لیا گیا ہے۔")
    assert (claim.outcome, claim.count.low) == ("abducted", 6)


def test_a_tally_of_those_who_were_killed() -> None:
    claim = _only("دھماکے میں جاں بحق ہونے والوں کی تعداد 9 ہو گئی ہے۔")
    assert (claim.outcome, claim.count.low) == ("killed", 9)


@pytest.mark.parametrize(("phrase", "_side"), [r for r in _rows("non_casualty.tsv") if r[1] == "after"])
def test_a_number_counting_things_is_no_figure(phrase: str, _side: str) -> None:
    # "دو روز قبل اہلکار ہلاک ہوئے": two days ago, personnel (no number) were killed.
    assert read_urdu_claims(f"دو {phrase} پہلے حملہ ہوا جس میں اہلکار ہلاک ہوئے۔") == []
    claim = _only(f"تین {phrase} کے بعد چار اہلکار ہلاک ہوئے۔")
    assert claim.count.low == 4


def test_a_year_is_no_figure_unless_people_follow_it() -> None:
    assert read_urdu_claims("سن 2024 میں اہلکار ہلاک ہوئے۔") == []
    assert _only("حملے میں 1200 افراد ہلاک ہوئے۔").count.low == 1200


@pytest.mark.parametrize(("phrase", "_side"), [r for r in _rows("non_casualty.tsv") if r[1] == "before"])
def test_a_number_naming_something_is_no_figure(phrase: str, _side: str) -> None:
    # "ریسکیو 1122 کے عملے نے زخمیوں کو ہسپتال منتقل کیا": Rescue 1122's crew took the injured to hospital.
    assert read_urdu_claims(f"{phrase} 1122 کے عملے نے زخمیوں کو ہسپتال منتقل کیا۔") == []
    assert _only(f"{phrase} 15 کے قریب حملے میں دو راہگیر زخمی ہوئے۔").count.low == 2


# -- figures: ranges, approximations, reach ------------------------------------------------------------------


def test_a_range_between_two_numbers_is_one_figure() -> None:
    count = _only("حملے میں 15 سے 20 اہلکار زخمی ہوئے۔").count
    assert (count.low, count.high, count.text) == (15, 20, "15 سے 20")
    # Ages are no figure: "آٹھ سے بارہ سال" (eight to twelve years).
    assert read_urdu_claims("بچوں کی عمریں آٹھ سے بارہ سال تھیں اور وہ زخمی ہوئے۔") == []


def test_two_numbers_joined_by_or_are_one_range() -> None:
    count = _only("ہسپتال میں سات یا آٹھ لاشیں لائی گئیں۔").count
    assert (count.low, count.high, count.text) == (7, 8, "سات یا آٹھ")


def test_a_number_and_a_verb_of_being_after_an_outcome_noun_is_a_tally() -> None:
    claim = _only("علاقے کے عمائدین کا کہنا ہے کہ اموات 13 ہیں۔")
    assert (claim.outcome, claim.count.low, claim.claimant.kind) == ("killed", 13, "local_source")


def test_people_an_armed_group_owns_are_its_fighters() -> None:
    text = "سی ٹی ڈی نے کالعدم بلوچستان لبریشن آرمی کے 5 ارکان کو ہلاک کرنے کا دعویٰ کیا ہے۔"
    assert _only(text).victim == "militants"
    text = "رینجرز نے کالعدم لشکر جھنگوی سے تعلق رکھنے والے ۳ مبینہ ٹارگٹ کلرز کو گرفتار کر لیا۔"
    assert _only(text).victim == "militants"
    # Members of anything else are who they are: a student body's are civilians.
    assert _only("تنظیم کا کہنا ہے کہ اس کے 19 ارکان لاپتا ہیں۔").victim == "civilians"


def test_those_among_the_dead_after_the_noun_the_outcome_word_qualifies() -> None:
    claim = _only("ترجمان کا کہنا ہے کہ ہلاک دہشت گردوں میں 2 اہم کمانڈر بھی شامل ہیں۔")
    assert (claim.outcome, claim.count.low, claim.victim) == ("killed", 2, "militants")


def test_the_media_offices_a_group_rang_are_no_claimant() -> None:
    text = (
        "کالعدم ٹی ٹی پی کے ایک ترجمان نے نامعلوم مقام سے ذرائع ابلاغ کے دفاتر کو فون کر کے دعویٰ کیا کہ حملے میں"
        " نو اہلکار ہلاک ہوئے۔"
    )
    assert _only(text).claimant.kind == "armed_group"


def test_one_official_who_speaks_is_no_figure() -> None:
    assert (
        read_urdu_claims("لیویز کے ایک اہلکار کے مطابق لاشوں کو ضروری کارروائی کے لیے ہسپتال پہنچایا گیا۔")
        == []
    )


def test_some_of_a_people_named_before_them_are_of_that_people() -> None:
    claim = _only("ایک ہفتہ قبل اغوا کیے گئے چار لیویز اہلکاروں میں سے دو کی لاشیں برآمد ہوئی ہیں۔")
    assert (claim.outcome, claim.count.low, claim.victim) == ("killed", 2, "security_forces")


def test_some_of_those_a_participle_names_take_their_own_outcome_word() -> None:
    text = "حکام کا کہنا ہے کہ کوچوں سے اتار کر اغوا کیے جانے والے افراد میں سے سات کی لاشیں ملی ہیں۔"
    claim = _only(text)
    assert (claim.outcome, claim.count.low) == ("killed", 7)
    # … and those of them told of again are no new figure.
    assert (
        read_urdu_claims("ترجمان نے بتایا کہ ہلاک ہونے والوں میں سے تین کی میتیں پشاور بھیج دی گئیں۔") == []
    )


def test_a_post_of_an_organisation_named_with_the_place_it_serves() -> None:
    text = "سول اسپتال کراچی کی ایک ایمرجنسی افسر نے بتایا کہ اسپتال میں چھ لاشیں لائی گئیں۔"
    assert _only(text).claimant.kind == "medical"


def test_a_party_named_before_the_word_party_is_that_party() -> None:
    text = "حملے میں لشکر جھنگوی کے ملوث ہونے کا امکان ہے۔ ہزارہ ڈیموکریٹک پارٹی کے ترجمان نے کہا کہ مرنے والوں کی تعداد ۵ ہے۔"
    assert _only(text).claimant.kind == "other"
    # "اس پارٹی" (this party) refers back to the one named before.
    text = "عوامی نیشنل پارٹی نے احتجاج کیا۔ اس پارٹی کے ترجمان نے کہا کہ دو کارکن زخمی ہوئے۔"
    assert _only(text).claimant.name == "Awami National Party"


def test_a_post_right_after_the_organisations_name_is_its_own() -> None:
    assert (
        _only("سی ٹی ڈی حکام کے مطابق مقابلے میں چاروں دہشت گرد مارے گئے۔").claimant.kind == "security_forces"
    )


def test_people_joined_to_the_marked_object_are_the_verbs_object_too() -> None:
    text = "مسلح افراد نے دو پولیو ورکرز اور ان کی حفاظت پر مامور پولیس اہلکار کو اغوا کر لیا۔"
    claim = _only(text)
    assert (claim.outcome, claim.count.low, claim.victim) == ("abducted", 2, "civilians")


def test_a_verb_after_the_writers_turn_does_not_speak_for_what_came_before() -> None:
    text = "مارچ میں ایک کمپنی کے 3 انجینئرز اغوا ہوئے جو بعد میں رہا ہوئے، تاہم حکام اس کی تردید کرتے ہیں۔"
    assert _only(text).claimant.kind == "none"


def test_a_constituencys_letters_inside_a_partys_name_name_no_constituency() -> None:
    # "پی کے" before a number is a provincial seat ("پی کے 70"); in "اے این پی کے تین" it is ANP's genitive.
    claim = _only("حملے میں اے این پی کے تین کارکن جاں بحق ہو گئے۔")
    assert (claim.count.low, claim.victim) == (3, "civilians")
    assert read_urdu_claims("حلقہ پی کے 70 سے امیدوار زخمی نہیں ہوا۔") == []


def test_text_typed_without_spaces_after_digits_and_commas_reads_alike() -> None:
    # Web pages often drop the space after digits and commas.
    assert _only("حملوں میں 2ہزار سے زائد افراد جاں بحق ہوئے۔").count.low == 2001
    assert _only("حملوں میں 2 ہزار سے زائد افراد جاں بحق ہوئے۔").count.low == 2001  # no year: "2024" is one
    assert (
        read_urdu_claims("دھماکے میں 5 افراد جاں بحق ہوئے۔ پولیس کے مطابق اب تک 4لاشوں کی شناخت ہو سکی ہے۔")[
            -1
        ].count.low
        == 5
    )
    text = "مارچ میں ایک کمپنی کے 3انجینئرز اغوا ہوئے جو بعد میں رہا ہوئے،تاہم حکام اس کی تردید کرتے ہیں۔"
    assert _only(text).claimant.kind == "none"


def test_a_claimant_is_one_however_its_letters_were_typed() -> None:
    # A statement's figure said again with Arabic-keyboard letters ("ٹي ٹي پي") is the same claim, read once.
    text = (
        "ٹی ٹی پی کے ترجمان نے دعویٰ کیا کہ حملے میں تین اہلکار ہلاک ہوئے۔ "
        "ٹي ٹي پي کے ترجمان نے مزید دعویٰ کیا کہ حملے میں تین اہلکار ہلاک ہوئے۔"
    )
    assert len(read_urdu_claims(text)) == 1


def test_both_of_the_two_counted_before_is_no_new_figure() -> None:
    text = (
        "پولیس کے مطابق فائرنگ سے دو اہلکار جاں بحق ہو گئے۔ "
        "ڈی پی او نے بتایا کہ دونوں اہلکاروں کو سر میں گولیاں مار کر قتل کیا گیا۔"
    )
    assert [(c.count.low, c.count.text) for c in read_urdu_claims(text)] == [(2, "دو")]


def test_the_article_of_the_people_s_employer_is_no_count_of_them() -> None:
    text = "سپین وام سے اغوا کیے گئے ایک نجی تعمیراتی کمپنی کے 4 مزدوروں کو بازیاب کرا لیا گیا۔"
    claim = _only(text)
    assert (claim.outcome, claim.count.low) == ("abducted", 4)


def test_the_doer_of_a_sentence_nobody_reports_tells_what_it_did() -> None:
    claim = _only("واقعے کے بعد سی ٹی ڈی نے قریبی آبادی سے 2 مشتبہ افراد کو حراست میں لے لیا۔")
    assert (claim.outcome, claim.claimant.kind) == ("arrested", "security_forces")


def test_one_of_an_age_is_one() -> None:
    claim = _only("فائرنگ کے تبادلے میں پاک فوج کا ایک ۲۳ سالہ سپاہی شہید ہو گیا۔")
    assert (claim.count.low, claim.victim) == (1, "security_forces")


def test_weapons_taken_are_no_people_taken() -> None:
    assert read_urdu_claims("تنظیم کے ارکان نو ہتھیار اپنے ساتھ لے گئے۔") == []


def test_people_counted_with_a_policeman_among_them_are_of_both_sides() -> None:
    text = "شہر میں فائرنگ کے مختلف واقعات میں پولیس اہلکار سمیت 5 افراد جاں بحق ہو گئے۔"
    assert _only(text).victim == "unspecified"
    assert _only("شہر میں فائرنگ کے مختلف واقعات میں 5 افراد جاں بحق ہو گئے۔").victim == "civilians"


def test_an_injured_mans_death_before_the_new_toll_is_in_the_toll() -> None:
    text = "ترجمان نے بتایا کہ ایک زخمی دوران علاج دم توڑ گیا جس سے جاں بحق افراد کی تعداد تین ہو گئی۔"
    assert [(c.outcome, c.count.low) for c in read_urdu_claims(text)] == [("killed", 3)]
    # Told alone, the death is a figure.
    assert _only("ترجمان نے بتایا کہ ایک زخمی دوران علاج دم توڑ گیا۔").count.low == 1


def test_a_movement_and_its_head_speak() -> None:
    text = "حق دو تحریک کے سربراہ نے الزام عائد کیا کہ پولیس کی فائرنگ سے 2 مظاہرین جاں بحق ہو گئے۔"
    assert _only(text).claimant.kind == "other"


def test_a_toll_lists_those_among_its_dead() -> None:
    text = "دھماکے میں جاں بحق افراد کی تعداد 4 ہو گئی جن میں 3 پولیس اہلکار اور ایک شہری شامل ہیں۔"
    claims = read_urdu_claims(text)
    assert [(c.count.low, c.victim, c.part_of is not None) for c in claims] == [
        (4, "unspecified", False),
        (3, "security_forces", True),
        (1, "civilians", True),
    ]


def test_of_whom_refers_to_the_people_of_its_clause() -> None:
    text = "تنظیم کے ترجمان نے دعویٰ کیا کہ گاڑی میں ایف سی اہلکار سوار تھے جن میں سے 10 مارے گئے۔"
    assert _only(text).victim == "security_forces"


def test_our_correspondent_is_the_reports_own_voice() -> None:
    assert _only("مردان سے نامہ نگار کے مطابق فائرنگ سے دو افراد زخمی ہو گئے۔").claimant.kind == "none"


def test_a_word_made_into_a_state_by_its_ending_names_no_people() -> None:
    # "دہشت گردی" (terrorism) holds "دہشت گرد" (terrorists): the dead are the policemen counted.
    claim = _only("رواں برس ضلع میں 27 پولیس اہلکار دہشت گردی کی کارروائیوں میں شہید ہوئے۔")
    assert (claim.count.low, claim.victim) == (27, "security_forces")
    # "مردان" (Mardan) holds "مرد" (man): a place, no people.
    assert _only("فائرنگ سے دو اہلکار مردان میں زخمی ہوئے۔").victim == "security_forces"


def test_one_counted_with_where_it_befell_them_between_noun_and_verb() -> None:
    claims = read_urdu_claims("دھماکے میں دو اہلکار اور ایک کمسن بچہ موقع پر جاں بحق ہو گئے۔")
    assert sorted((c.count.low, c.victim) for c in claims) == [(1, "civilians"), (2, "security_forces")]
    # Without such words between, "ایک" before a noun and more words is still the article.
    assert read_urdu_claims("ایک اہم کمانڈر کے گھر پر حملے میں زخمی ہوئے۔") == []


def test_an_injured_man_who_died_is_a_death_however_far_the_verb() -> None:
    claim = _only(
        "دھماکے کا ایک اور زخمی اہلکار پیر کی رات کوئٹہ کے سی ایم ایچ میں دوران علاج جاں بحق ہو گیا۔"
    )
    assert (claim.outcome, claim.count.low, claim.victim) == ("killed", 1, "security_forces")


def test_a_claim_called_untrue_by_the_speaker_is_not_the_speakers_figure() -> None:
    text = (
        "تنظیم کے ترجمان نے دعویٰ کیا کہ حملے میں ۱۴ اہلکار ہلاک ہوئے۔ "
        "حکومت کے ترجمان نے کہا کہ 'تمام اہلکار محفوظ ہیں' اور ۱۴ ہلاکتوں کا دعویٰ 'دشمن کا پروپیگنڈا' ہے۔"
    )
    claims = read_urdu_claims(text)
    assert [(c.count.low, c.claimant.kind) for c in claims] == [(14, "none")]
    # Quotation marks inside a phrase are read through: the denial is found.
    alone = _only("حکومت کے ترجمان نے کہا کہ ۱۴ ہلاکتوں کا دعویٰ 'دشمن کا پروپیگنڈا' ہے۔")
    assert (alone.claimant.kind, alone.stance) == ("government", "denied")


def test_a_verb_before_the_writers_turn_does_not_speak_for_what_follows() -> None:
    text = "پولیس نے ۳ اموات کی تصدیق کی تھی، تاہم ایک زخمی دکاندار رات گئے ہسپتال میں دم توڑ گیا۔"
    claims = read_urdu_claims(text)
    assert [(c.count.low, c.claimant.kind) for c in claims] == [(3, "security_forces"), (1, "none")]


@pytest.mark.parametrize("phrase", [r[0] for r in _rows("numbers.tsv") if r[1] == "about_after"])
def test_approximate_after_the_number(phrase: str) -> None:
    count = _only(f"پولیس نے 30 {phrase} کارکنوں کو گرفتار کر لیا۔").count
    assert (count.low, count.approximate, count.text) == (30, True, f"30 {phrase}")


def test_a_number_far_from_its_outcome_word_needs_a_noun_of_people() -> None:
    # Two ambulances arrived and took the injured: no figure of injured.
    assert (
        read_urdu_claims("اطلاع ملتے ہی 2 ایمبولینسیں اور ایک فائر وہیکل پہنچیں اور زخمیوں کو منتقل کیا گیا۔")
        == []
    )
    assert _only("دھماکے میں 5 شدید زخمی ہوئے۔").count.low == 5  # one word between: the figure
    assert _only("دھماکے میں چار نامعلوم راہگیر زخمی ہوئے۔").count.low == 4  # a noun of people between


def test_a_list_among_the_dead_ends_at_shamil_or_its_clause() -> None:
    text = "حکام نے بتایا کہ ہلاک ہونے والوں میں چار اہلکار اور تین شہری شامل ہیں، جبکہ پانچ افراد زخمی ہوئے۔"
    claims = read_urdu_claims(text)
    assert [(c.outcome, c.count.low, c.victim) for c in claims] == [
        ("killed", 4, "security_forces"),
        ("killed", 3, "civilians"),
        ("injured", 5, "unspecified"),
    ]


@pytest.mark.parametrize("whom", [r[0] for r in _rows("numbers.tsv") if r[1] == "among_whom"])
def test_parts_named_after_among_whom(whom: str) -> None:
    text = f"شیلنگ سے 25 افراد زخمی ہوئے {whom} 6 خواتین بھی شامل ہیں۔"
    claims = read_urdu_claims(text)
    assert [(c.count.low, c.victim, c.part_of) for c in claims] == [
        (
            25,
            "civilians",
            None,
        ),  # the only victims named are civilians (see test_unnamed_people_among_civilians)
        (6, "civilians", "c1"),
    ]
    # Without "شامل" it is a state of some of them, not a count: "two of them are critical".
    assert [
        c.count.low for c in read_urdu_claims(f"دھماکے میں 14 افراد زخمی ہوئے {whom} 5 کی حالت نازک ہے۔")
    ] == [14]


def test_one_as_an_article_before_an_outcome_and_a_noun_is_no_count() -> None:
    assert read_urdu_claims("ایک لاپتہ نوجوان کی والدہ نے احتجاج کیا۔") == []
    assert _only("فائرنگ سے ایک زخمی ہو گیا۔").count.low == 1


# -- claimants: verbs opening what was said, channels, chains -------------------------------------------------


def test_a_verb_opening_ke_gives_the_figures_after_it() -> None:
    text = (
        "حملے میں حکام کے مطابق سات افراد ہلاک ہوئے، جبکہ بی ایل اے نے دعویٰ کیا ہے کہ پندرہ اہلکار مارے گئے۔"
    )
    assert [(c.count.low, c.claimant.kind) for c in read_urdu_claims(text)] == [
        (7, "government"),
        (15, "armed_group"),
    ]


def test_where_a_statement_was_put_is_no_claimant() -> None:
    claim = _only("ٹی ٹی پی کے ترجمان نے سوشل میڈیا پر جاری بیان میں کہا کہ چھ اہلکار ہلاک ہوئے۔")
    assert (claim.claimant.kind, claim.claimant.name) == ("armed_group", "TTP: Tehreek-i-Taliban Pakistan")


def test_a_phrase_without_a_claimant_of_its_own_continues_its_speaker() -> None:
    claim = _only("ڈپٹی کمشنر نے واقعے کی تصدیق کرتے ہوئے بتایا کہ دو اہلکار اغوا کر لیے گئے۔")
    assert (claim.claimant.kind, claim.claimant.text) == ("government", "ڈپٹی کمشنر")


# -- verification: which figures a later sentence speaks of ------------------------------------------------


def test_verification_of_these_claims_is_of_the_claimed_figures() -> None:
    text = (
        "حکام کے مطابق سات افراد ہلاک ہوئے۔ بی ایل اے نے دعویٰ کیا کہ پندرہ اہلکار مارے گئے۔ "
        "تنظیم کے ترجمان نے بیان جاری کیا۔ آزاد ذرائع سے ان دعووں کی تصدیق نہیں ہو سکی۔"
    )
    assert [(c.count.low, c.verified) for c in read_urdu_claims(text)] == [(7, None), (15, False)]


def test_verification_of_a_named_claimant_is_of_its_figures() -> None:
    text = "پولیس کے مطابق دو اہلکار زخمی ہوئے۔ تنظیم نے کہا کہ چار اہلکار ہلاک ہوئے۔ پولیس نے تصدیق نہیں کی۔"
    assert [(c.count.low, c.verified) for c in read_urdu_claims(text)] == [(2, False), (4, None)]


@pytest.mark.parametrize(("words", "value"), [("ڈیڑھ درجن", 18), ("ڈھائی سو", 250), ("ڈیڑھ سو", 150)])
def test_halves_before_a_scale_word(words: str, value: int) -> None:
    assert _only(f"دھماکے میں {words} افراد زخمی ہوئے۔").count.low == value
    assert read_urdu_claims("حملہ ڈیڑھ بجے ہوا اور لوگ زخمی ہوئے۔") == []  # half past one: no figure


@pytest.mark.parametrize("of_them", [r[0] for r in _rows("numbers.tsv") if r[1] == "of_them"])
def test_a_figure_of_them_is_a_part(of_them: str) -> None:
    text = f"ہسپتال میں بارہ زخمی لائے گئے، {of_them} پانچ شدید زخمیوں کو کوئٹہ ریفر کر دیا گیا۔"
    assert [(c.count.low, c.part_of) for c in read_urdu_claims(text)] == [(12, None), (5, "c1")]


def test_a_list_right_after_a_plural_outcome_word_needs_shamil() -> None:
    text = "دھماکے میں بیس افراد زخمی ہوئے۔ زخمیوں میں چار بچے بھی شامل ہیں۔"
    assert [(c.count.low, c.victim, c.part_of) for c in read_urdu_claims(text)] == [
        (20, "civilians", None),
        (4, "civilians", "c1"),
    ]
    # "two of the injured are critical": a state, not a count.
    assert [
        c.count.low for c in read_urdu_claims("بیس افراد زخمی ہوئے۔ زخمیوں میں سے دو کی حالت نازک ہے۔")
    ] == [20]


@pytest.mark.parametrize(
    "text", ["ایک کارروائی میں گرفتار کیا گیا۔", "ہلاک ہونے والوں میں ایک اہم کمانڈر بھی شامل ہے۔"]
)
def test_one_before_a_word_naming_no_person_is_the_article(text: str) -> None:
    assert read_urdu_claims(text) == []
    assert _only("حملے میں ایک اور اہلکار زخمی ہوا۔").count.low == 1  # "one more"


def test_a_bare_figure_takes_no_victims_from_the_same_number_of_another_outcome() -> None:
    text = "پولیس کے مطابق 6 اہلکار زخمی ہوئے۔ ہسپتال حکام نے بتایا کہ 6 لاشیں لائی گئیں۔"
    assert [(c.outcome, c.victim) for c in read_urdu_claims(text)] == [
        ("injured", "security_forces"),
        ("killed", "unspecified"),
    ]
    # the missing and the taken may be the same people
    text = "اہل خانہ کے مطابق تین طلبہ لاپتہ ہیں۔ ان کا کہنا تھا کہ تینوں کو حراست میں لیا گیا تھا۔"
    assert [c.victim for c in read_urdu_claims(text)] == ["civilians", "civilians"]


def test_a_bare_figure_takes_the_victims_of_the_same_number_before() -> None:
    text = "فائرنگ سے تین شہری جاں بحق ہو گئے۔ ہسپتال حکام کے مطابق تین لاشیں لائی گئیں۔"
    assert [(c.count.low, c.victim, c.claimant.kind) for c in read_urdu_claims(text)] == [
        (3, "civilians", "none"),
        (3, "civilians", "medical"),
    ]


def test_every_function_word_role_is_one_a_rule_reads() -> None:
    roles = {row["role"] for row in read_table("ur/function_words.tsv")}
    read = {
        "clause_break",
        "but_rather",
        "identification",
        "martyrs",
        "locative",
        "byline",
        "suspects",
        "age",
        "purpose",
        "how_many",
        "protest",
        "alleged",
        "its_own",
        "members",
        "between",
        "fight",
        "brought",
        "another",
        "infinitive",
        "succumbing",
        "glues",
        "case_marker",
        "addressee",
        "that",
        "and",
        "from",
        "genitive",
        "within",
        "claims",
        "even",
        "negation",
        "degree",
        "manner",
        "turn",
        "demonstrative",
        "belonging",
        "of",
        "emphatic",
        "party",
        "agent",
        "relative",
        "people",
        "possessive",
        "over_a_year",
        "needs_noun",
        "link",
        "vehicle",
    }
    assert roles == read


def test_a_claim_named_inside_what_another_says_of_it_is_the_claimants() -> None:
    # The spokesman repeats the group's figure to deny it: the three are the group's claim, not his.
    text = "ترجمان نے کہا کہ بی ایل اے کا پانچ اہلکاروں کی ہلاکت کا دعویٰ بے بنیاد ہے۔"
    claim = _only(text)
    assert (claim.count.low, claim.claimant.kind, claim.stance) == (5, "armed_group", "claimed")
    said_again = "بی ایل اے نے پانچ اہلکاروں کو ہلاک کرنے کا دعویٰ کیا۔ " + text
    assert [(c.count.low, c.claimant.kind) for c in read_urdu_claims(said_again)] == [(5, "armed_group")]


def test_figures_joined_by_and_share_their_outcome_word() -> None:
    text = "فائرنگ کے تبادلے میں دو سپاہی اور چار راہگیر زخمی ہو گئے۔"
    assert sorted((c.count.low, c.victim, c.outcome) for c in read_urdu_claims(text)) == [
        (2, "security_forces", "injured"),
        (4, "civilians", "injured"),
    ]
    # An outcome word of its own between them keeps each figure to its word.
    text = "دو سپاہی شہید اور چار راہگیر زخمی ہو گئے۔"
    assert [(c.count.low, c.outcome) for c in read_urdu_claims(text)] == [(2, "killed"), (4, "injured")]


def test_an_object_figure_reaches_its_verb_at_the_end_of_the_clause() -> None:
    text = "مسلح افراد نے ٹرک روک کر پانچ مزدوروں کو شناختی کارڈ دیکھنے کے بعد نیچے اتار کر قتل کر دیا۔"
    assert (_only(text).count.low, _only(text).victim) == (5, "civilians")
    # passing over a number that counts no one
    claim = _only("اس کے تین ساتھیوں کو پولیس نے اگلے روز ایک چھاپے کے دوران گرفتار کر لیا۔")
    assert (claim.outcome, claim.count.low) == ("arrested", 3)
    # a figure that is no object stays out of reach
    text = "پانچ مزدور شناختی کارڈ دیکھنے کے بعد ٹرک سے اتارے گئے اور پھر کچھ دیر بعد انہیں قتل کر دیا گیا۔"
    assert read_urdu_claims(text) == []


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("بی ایل اے کے ترجمان نے کہا کہ جھڑپ میں ہمارے تین ساتھی مارے گئے۔", "militants"),
        ("چوکی پر حملے میں دو دہشت گرد مارے گئے جبکہ ان کا ایک ساتھی زخمی ہوا۔", "militants"),
        ("ایف سی کے ترجمان نے بتایا کہ ان کے دو ساتھی زخمی ہوئے۔", "security_forces"),
    ],
)
def test_comrades_are_of_the_side_counted_before_else_of_the_claimant(text: str, victim: str) -> None:
    assert read_urdu_claims(text)[-1].victim == victim


def test_an_injured_person_who_died_is_a_death() -> None:
    claim = _only("ڈاکٹروں کے مطابق ایک زخمی ہسپتال میں دم توڑ گیا۔")
    assert (claim.outcome, claim.count.low) == ("killed", 1)
    claim = _only("ڈاکٹروں کے مطابق ایک زخمی بچی ہسپتال میں دم توڑ گئی۔")  # "ایک" counts her, no article
    assert (claim.outcome, claim.count.low, claim.victim) == ("killed", 1, "civilians")
    # injured first, then a death of its own: the figure stays with the injured
    claim = _only("دھماکے میں چار راہگیر زخمی ہو گئے جو بعد میں دم توڑ گئے۔")
    assert (claim.outcome, claim.count.low) == ("injured", 4)


def test_a_pluperfect_puts_its_own_clause_in_the_past_a_time_phrase_the_rest() -> None:
    text = (
        "ڈاکوؤں نے تین مزدوروں کو اغوا کر لیا، مزدور کٹائی کے لیے یہاں آئے ہوئے تھے، جبکہ فائرنگ سے دو اہلکار"
        " زخمی ہو گئے۔"
    )
    assert [c.background for c in read_urdu_claims(text)] == [False, False]
    text = "اس سے قبل، اسی سڑک پر دو اہلکار شہید ہوئے۔"
    assert _only(text).background
    text = "آج چار اہلکار زخمی ہوئے، جبکہ گزشتہ سال اسی چوکی پر دو اہلکار شہید ہوئے۔"
    assert [c.background for c in read_urdu_claims(text)] == [False, True]


def test_a_number_word_is_a_whole_word() -> None:
    # "ہزارہ" (Hazara) holds "ہزار" (thousand)
    assert read_urdu_claims("ہزارہ برادری کے افراد نے دھرنا دیا اور کہا کہ قتل بند کیے جائیں۔") == []


def test_those_of_whom_a_figure_is_counted_are_people() -> None:
    claim = _only("ڈاکٹر نے بتایا کہ زخمیوں میں سے 2 نے بعد ازاں ہسپتال میں دم توڑ دیا۔")
    assert (claim.outcome, claim.count.low) == ("killed", 2)
    # where those of them come from is no figure
    assert read_urdu_claims("جاں بحق ہونے والوں میں سے 4 کا تعلق پشین سے ہے۔") == []
    assert read_urdu_claims("جاں بحق ہونے والوں میں سے 3 کا تعلق ژوب اور 2 کا لورالائی سے ہے۔") == []


def test_a_claim_noun_owned_by_another_noun_names_no_claimant() -> None:
    # "پولیس کے 6 اہلکاروں": the police's six men; the claim is the group's, the speaker of the sentence
    text = "ٹی ٹی پی نے حملے کی ذمہ داری قبول کرتے ہوئے پولیس کے 6 اہلکاروں کو ہلاک کرنے کا دعویٰ کیا۔"
    assert (_only(text).claimant.kind, _only(text).count.low) == ("armed_group", 6)


def test_a_statement_goes_on_with_its_named_speaker() -> None:
    text = "آئی ایس پی آر کے مطابق کارروائی خفیہ اطلاع پر کی گئی۔ جھڑپ میں دو جوان شہید ہو گئے۔"
    assert _only(text).claimant.name == "ISPR"


def test_independent_sources_checking_a_claim_are_no_claimant() -> None:
    text = (
        "پولیس کے مطابق تین اہلکار شہید ہوئے۔ ٹی ٹی پی نے دعویٰ کیا کہ پانچ اہلکار ہلاک ہوئے۔"
        " آزاد ذرائع سے اس دعوے کی تصدیق نہیں ہو سکی۔"
    )
    assert [(c.count.low, c.verified) for c in read_urdu_claims(text)] == [(3, None), (5, False)]
    # a claimant named in passing who gave no figure leaves it to "any claim"
    text = (
        "ٹی ٹی پی نے دعویٰ کیا کہ 27 اہلکار ہلاک ہوئے۔ سرکاری حکام نے کچھ نہیں کہا۔"
        " میڈیا کی رسائی نہ ہونے کے باعث کسی دعوے کی تصدیق ممکن نہیں۔"
    )
    assert [(c.count.low, c.verified) for c in read_urdu_claims(text)] == [(27, False)]


def test_one_with_a_word_before_its_noun_still_counts() -> None:
    claim = _only("فائرنگ سے ایک خاتون پولیو ورکر زخمی ہوئی۔")
    assert (claim.count.low, claim.victim) == (1, "civilians")
    assert read_urdu_claims("ایک کارروائی کے بعد پولیس نے اہلکار گرفتار کیے۔") == []


def test_a_statement_opening_a_list_goes_on_over_it() -> None:
    text = (
        "بی ایل اے کے ترجمان نے بیان میں کہا کہ سرمچاروں نے درج ذیل کارروائیاں کیں:\n"
        "1۔ کیچ میں چوکی پر حملے میں چار اہلکار ہلاک ہوئے۔\n"
        "2۔ پنجگور میں گاڑی کو نشانہ بنایا گیا۔ اس میں دو اہلکار ہلاک ہوئے۔\n"
        "پولیس نے بتایا کہ ایک اہلکار زخمی ہوا۔"
    )
    assert [(c.count.low, c.claimant.kind) for c in read_urdu_claims(text)] == [
        (4, "armed_group"),
        (2, "armed_group"),
        (1, "security_forces"),
    ]


def test_not_even_one_is_no_figure() -> None:
    assert read_urdu_claims("ایک سال میں کئی حملے ہوئے مگر ایک بھی ملزم گرفتار نہیں ہوا۔") == []
    assert _only("فائرنگ میں ایک بھی اہلکار بچ نہ سکا اور ایک اہلکار زخمی ہوا۔").count.low == 1


def test_an_armed_groups_arrest_is_an_abduction() -> None:
    claim = _only(
        "بی ایل اے کے ترجمان نے دعویٰ کیا کہ سرمچاروں نے تین سرکاری اہلکاروں کو حراست میں لے لیا ہے۔"
    )
    assert (claim.outcome, claim.count.low) == ("abducted", 3)
    assert _only("پولیس نے کارروائی کے دوران تین ملزمان کو حراست میں لے لیا۔").outcome == "arrested"


def test_unnamed_people_are_civilians_unless_an_armed_side_is_counted() -> None:
    # Every victim named is a civilian (labourers): the people counted later are civilians too.
    text = "فائرنگ سے پانچ مزدور جاں بحق ہو گئے۔ پولیس کے مطابق زخمیوں کی تعداد تین ہے۔"
    assert [(c.outcome, c.victim) for c in read_urdu_claims(text)] == [
        ("killed", "civilians"),
        ("injured", "civilians"),
    ]
    # Once another side is counted, "افراد" (people) is what tells the two apart: left unnamed.
    text = "حملے میں دو اہلکار شہید اور تین مزدور جاں بحق ہوئے، جبکہ چار افراد زخمی ہوئے۔"
    assert [(c.count.low, c.victim) for c in read_urdu_claims(text)] == [
        (2, "security_forces"),
        (3, "civilians"),
        (4, "unspecified"),
    ]
    # Nor are people unnamed in an article naming no one: an attack's unnamed dead are civilians.
    assert [c.victim for c in read_urdu_claims("فائرنگ سے چار افراد جاں بحق ہو گئے۔")] == ["civilians"]
    # A background figure's side does not count: it is another incident.
    text = "گزشتہ سال ایسے حملوں میں 12 اہلکار مارے گئے تھے۔ آج کے دھماکے میں چار افراد زخمی ہوئے۔"
    assert [(c.count.low, c.victim, c.background) for c in read_urdu_claims(text)] == [
        (12, "security_forces", True),
        (4, "civilians", False),
    ]


def test_reports_are_those_of_the_source_named_before_them() -> None:
    text = "سوشل میڈیا پر آنے والی اطلاعات کے مطابق دس افراد ہلاک ہوئے۔"
    assert [(c.claimant.kind, c.claimant.name) for c in read_urdu_claims(text)] == [
        ("unofficial", "social media")
    ]
    text = "پولیس نے ان اطلاعات کی تردید کی کہ دس افراد ہلاک ہوئے۔"
    assert [(c.claimant.kind, c.stance) for c in read_urdu_claims(text)] == [("security_forces", "denied")]
    # Reports with no source before them are the article's own voice.
    assert [c.claimant.kind for c in read_urdu_claims("اطلاعات کے مطابق دس افراد ہلاک ہوئے۔")] == ["none"]


def test_one_person_said_again_by_a_fuller_name_is_said_before() -> None:
    # "ایک اہلکار" and then "ایک پولیس اہلکار": the same head noun, the same one person.
    text = (
        "چوکی پر حملے میں ایک اہلکار شہید ہو گیا۔ دہشت گردوں نے رات گئے حملہ کیا، ایک پولیس اہلکار شہید ہوا۔"
    )
    assert [(c.count.low, c.victim) for c in read_urdu_claims(text)] == [(1, "security_forces")]
    # Another head noun is another person: a soldier, then a passer-by.
    text = "حملے میں ایک سپاہی شہید ہو گیا۔ فائرنگ سے ایک راہگیر بھی جاں بحق ہوا۔"
    assert [c.victim for c in read_urdu_claims(text)] == ["security_forces", "civilians"]


def test_an_outcome_word_typed_against_its_noun() -> None:
    # "اہلکار" ends in a letter that does not join: "اہلکارشہید" reads as "اہلکار شہید".
    text = "حملے میں 1 اہلکارشہید اور 5 افرادزخمی ہوگئے۔"
    assert [(c.outcome, c.count.low, c.victim) for c in read_urdu_claims(text)] == [
        ("killed", 1, "security_forces"),
        ("injured", 5, "unspecified"),
    ]
    # Not after a letter that joins: "ہمارے" (our) holds no "مارے" (killed).
    assert read_urdu_claims("حملے میں ہمارے تین ساتھی بچ گئے۔") == []


def test_a_toll_said_again_by_a_second_official_is_theirs_too() -> None:
    # The RPO and then the police spokesman give the same toll: each one's claim.
    text = (
        "آر پی او کے مطابق مقابلے میں ایک اہلکار شہید ہو گیا۔ "
        "ترجمان پنجاب پولیس کے مطابق حملے میں ایک اہلکار شہید ہوا۔"
    )
    assert len(read_urdu_claims(text)) == 2
    # The same official saying it again is said before.
    text = "پولیس کے مطابق ایک اہلکار شہید ہو گیا۔ پولیس کے مطابق حملے میں ایک اہلکار شہید ہوا۔"
    assert len(read_urdu_claims(text)) == 1


def test_the_doer_says_what_the_verb_says() -> None:
    # "سی ٹی ڈی نے … بی ایل اے سے تعلق رکھنے والے 3 … گرفتار کرنے کا دعویٰ کیا": the CTD claims, not the BLA.
    text = "سی ٹی ڈی نے کارروائی کرتے ہوئے کالعدم بی ایل اے سے تعلق رکھنے والے 3 مبینہ دہشت گرد گرفتار کرنے کا دعویٰ کیا ہے۔"
    assert [(c.outcome, c.claimant.kind) for c in read_urdu_claims(text)] == [("arrested", "security_forces")]


def test_a_claim_noun_denied_is_the_deniers_denial() -> None:
    text = "کالعدم بی ایل اے نے حملے کی ذمہ داری قبول کی۔ تنظیم کے ترجمان نے دو حملہ آوروں کی ہلاکت کے دعوے کی تردید کی۔"
    assert [(c.count.low, c.claimant.kind, c.stance) for c in read_urdu_claims(text)] == [
        (2, "armed_group", "denied")
    ]


def test_one_badly_hurt_is_a_count() -> None:
    text = "فائرنگ سے دو افراد جاں بحق اور ایک شدید زخمی ہو گیا۔"
    assert [(c.outcome, c.count.low) for c in read_urdu_claims(text)] == [("killed", 2), ("injured", 1)]
    # "ایک" before a word that is no degree and no person stays the article.
    assert read_urdu_claims("ایک شدید حملے میں زخمی ہو گیا۔") == []


def test_the_object_noun_is_the_victim() -> None:
    # The youths ("نوجوانوں کو") were taken, by the men in plain clothes ("اہلکار").
    text = "بھائی نے بتایا کہ تینوں نوجوانوں کو گھر سے سادہ لباس اہلکار اٹھا کر لے گئے۔"
    assert [(c.outcome, c.count.low, c.victim, c.claimant.kind) for c in read_urdu_claims(text)] == [
        ("abducted", 3, "civilians", "local_source")
    ]


def test_the_true_number_is_a_tally() -> None:
    text = "تاجر یونین کے صدر نے دعویٰ کیا کہ جاں بحق افراد کی اصل تعداد 10 سے زائد ہے۔"
    assert [(c.count.low, c.count.high, c.claimant.kind) for c in read_urdu_claims(text)] == [
        (11, None, "other")
    ]


def test_among_those_killed_holds_only_people() -> None:
    # "ہلاک ہونے والے دہشت گرد 2017 میں …": "میں" is "in 2017", not "among the killed".
    text = "ہلاک ہونے والے دہشت گرد 2017 میں پولیس پر ہونے والے متعدد حملوں میں ملوث تھے۔"
    assert read_urdu_claims(text) == []
    text = "شہید ہونے والے اہلکاروں میں دو افسر بھی شامل ہیں۔"
    assert [(c.count.low, c.victim) for c in read_urdu_claims(text)] == [(2, "security_forces")]


def test_a_relative_clause_between_commas_is_set_in() -> None:
    text = "مسلح افراد لیویز کے دو اہلکاروں کو، جو چھٹی پر گھر جا رہے تھے، اپنے ساتھ لے گئے۔"
    assert [(c.outcome, c.count.low) for c in read_urdu_claims(text)] == [("abducted", 2)]
    # A comma with no relative pronoun after it still ends the figure's clause.
    assert read_urdu_claims("مسلح افراد لیویز کے دو اہلکاروں کو، چھٹی کے دن، اپنے ساتھ لے گئے۔") == []


def test_a_speakers_label_speaks_to_the_end_of_its_line() -> None:
    text = (
        "صحافی: آپ کے کتنے ساتھی مارے گئے؟\n"
        "کانسٹیبل: تین ساتھی وہیں شہید ہو گئے۔ ہمیں بتایا گیا کہ گاڑی الٹ گئی تھی۔ بعد میں دو اہلکار زخمی ملے۔\n"
        "کوئٹہ: دھماکے میں دو افراد جاں بحق ہو گئے۔"
    )
    assert [(c.count.low, c.victim, c.claimant.kind) for c in read_urdu_claims(text)] == [
        (3, "security_forces", "security_forces"),  # the constable's comrades
        (2, "security_forces", "security_forces"),  # two sentences on, still his line
        (2, "unspecified", "none"),  # a dateline is no speaker, and the label's line has ended
    ]


@pytest.mark.parametrize("phrase", [r[0] for r in _rows("reporting.tsv") if r[2] == "untrue"])
def test_untrue_row(phrase: str) -> None:
    # The speaker calls the figure untrue: the speaker's denial; the words before it are not a claimant.
    claim = _only(f"پولیس کا کہنا تھا کہ سوشل میڈیا پر تین اہلکاروں کی ہلاکت کی خبریں {phrase}۔")
    assert (claim.claimant.kind, claim.stance) == ("security_forces", "denied")


def test_a_figure_repeated_only_to_deny_it_is_the_first_claimants() -> None:
    text = "بی ایل اے نے دعویٰ کیا کہ حملے میں سات اہلکار ہلاک ہوئے۔ ایف سی کے ترجمان نے سات اہلکاروں کی ہلاکت کے دعوے کی سختی سے تردید کی۔"
    assert [(c.count.low, c.claimant.kind, c.stance) for c in read_urdu_claims(text)] == [
        (7, "armed_group", "claimed")
    ]
    # A denial of a figure no one gave before is kept.
    text = "ایف سی کے ترجمان نے سات اہلکاروں کی ہلاکت کی تردید کی۔"
    assert [(c.count.low, c.stance) for c in read_urdu_claims(text)] == [(7, "denied")]


def test_a_joined_figure_may_have_its_owner_before_it() -> None:
    text = "حملے میں ۳ لیویز اہلکار اور ریلوے کا ایک ملازم جاں بحق ہو گئے۔"
    assert sorted((c.count.low, c.victim) for c in read_urdu_claims(text)) == [
        (1, "civilians"),
        (3, "security_forces"),
    ]


def test_comrades_in_an_armed_groups_claim_are_its_fighters() -> None:
    text = "ٹی ٹی پی نے دعویٰ کیا کہ لڑائی میں 15 فوجی مارے گئے جبکہ اس کے صرف تین ساتھی جان سے گئے۔"
    assert [(c.count.low, c.victim) for c in read_urdu_claims(text)] == [
        (15, "security_forces"),
        (3, "militants"),
    ]


def test_among_whom_after_the_verb_that_reports_the_toll() -> None:
    text = "ترجمان نے 6 افراد کے جاں بحق ہونے کی تصدیق کی، جن میں ایف سی کے 4 اہلکار اور 2 راہگیر شامل ہیں۔"
    assert [(c.count.low, c.victim, c.part_of) for c in read_urdu_claims(text)] == [
        (6, "unspecified", None),
        (4, "security_forces", "c1"),
        (2, "civilians", "c1"),
    ]


def test_the_lede_tells_its_own_incident_even_in_the_pluperfect() -> None:
    text = "بازار میں دستی بم حملے میں ایک شخص جاں بحق جبکہ چھ افراد زخمی ہو گئے تھے۔ بعد میں ایک اور زخمی دم توڑ گیا۔"
    assert [(c.outcome, c.count.low, c.background) for c in read_urdu_claims(text)][:2] == [
        ("killed", 1, False),
        ("injured", 6, False),
    ]
    # Later in the article, a pluperfect clause is an earlier incident's.
    text = "آج دھماکے میں دو افراد جاں بحق ہو گئے۔ اسی بازار میں دس افراد زخمی ہوئے تھے۔"
    assert [c.background for c in read_urdu_claims(text)] == [False, True]


def test_only_a_victim_named_in_the_sentence_carries_to_its_next_figure() -> None:
    text = "دھماکے میں 2 پولیس اہلکار جاں بحق ہو گئے۔ ہسپتال میں 2 لاشیں اور 4 زخمی لائے گئے۔"
    assert [(c.count.low, c.victim) for c in read_urdu_claims(text)] == [
        (2, "security_forces"),
        (4, "unspecified"),
    ]
    text = "حملے میں 2 اہلکار شہید، 4 زخمی اور 3 لاپتہ ہو گئے۔"
    assert {c.victim for c in read_urdu_claims(text)} == {"security_forces"}


def test_a_year_named_whole_is_a_years_count() -> None:
    text = "ادارے کے مطابق 2024 میں صوبے میں 246 افراد ہلاک ہوئے۔"
    assert [c.background for c in read_urdu_claims(text)] == [True]
    text = "ایچ آر سی پی کے مطابق ۲۰۱۳ سے ۲۰۱۷ کے دوران 509 افراد ہلاک ہوئے۔"
    assert [c.background for c in read_urdu_claims(text)] == [True]
    # A year with its day or month is a date: the incident's own.
    for text in (
        "ستمبر 2024 میں دھماکے میں تین افراد جاں بحق ہو گئے۔",
        "۲ نومبر ۲۰۲۵ء کو دھماکے میں تین افراد جاں بحق ہو گئے۔",
    ):
        assert [c.background for c in read_urdu_claims(text)] == [False]


def test_the_izafat_he_with_hamza_reads_as_he() -> None:
    text = "محکمۂ انسداد دہشت گردی کے مطابق مقابلے میں تین دہشت گرد ہلاک ہو گئے۔"
    assert [c.claimant.name for c in read_urdu_claims(text)] == ["Counter Terrorism Department"]


def test_a_place_name_is_whole_words() -> None:
    # Jandola (a road named for it, so a mention), never Jand inside it.
    places = find_urdu_places("مسلح افراد نے دونوں خواتین کو جنڈولہ روڈ پر چھوڑ دیا۔")
    assert [(p.name, p.role) for p in places] == [("Jandola", "mention")]
    # "اور" typed against a name that ends in a letter that does not join still leaves it whole.
    assert [p.name for p in find_urdu_places("قبل ازیں پنجگوراور تربت میں حملے ہوئے۔")] == [
        "Panjgur",
        "Turbat",
    ]


def test_a_name_opening_the_report_is_cued() -> None:
    # "چمن" (also: a garden) opening the report with a case marker after it is the place.
    assert [
        (p.name, p.role) for p in find_urdu_places("چمن کے مال روڈ پر ایک دکان پر دستی بم پھینکا گیا۔")
    ] == [("Chaman", "event")]
    # Not inside the report without a cue.
    assert find_urdu_places("حملے کے بعد چمن کے پھول مرجھا گئے۔") == []
    # "کے قریب" (near) is a place word after a name.
    assert [p.name for p in find_urdu_places("نامعلوم افراد نے سوئی کے قریب گیس پائپ لائن اڑا دی۔")] == [
        "Sui"
    ]


def test_a_denial_may_call_a_claim_baseless_or_contrary_to_fact() -> None:
    text = (
        "ٹی ٹی پی نے دعویٰ کیا کہ حملے میں پانچ اہلکار مارے گئے۔ "
        "پولیس کا کہنا تھا کہ پانچ اہلکاروں کی ہلاکت کا دعویٰ حقیقت کے برعکس ہے۔"
    )
    assert [(c.claimant.kind, c.stance) for c in read_urdu_claims(text)] == [("armed_group", "claimed")]
    # The people a claim counts are not its owner: "3 سرمچاروں کے … دعوے" is no claim of the fighters'.
    text = (
        "آئی ایس پی آر کے مطابق جھڑپ میں 3 دہشت گرد مارے گئے۔ "
        "ترجمان نے آئی ایس پی آر کی جانب سے 3 سرمچاروں کے مارے جانے کے دعوے کو بے بنیاد قرار دیا۔"
    )
    assert [(c.count.low, c.claimant.name) for c in read_urdu_claims(text)] == [(3, "ISPR")]


def test_confirmation_with_words_between_the_doer_and_the_verb() -> None:
    text = "آئی ایس پی آر نے جمعرات کو جاری بیان میں تصدیق کی کہ حملے میں تین جوان شہید ہوئے۔"
    assert [(c.claimant.name, c.stance) for c in read_urdu_claims(text)] == [("ISPR", "confirmed")]


def test_both_counts_only_the_people_named_after_it() -> None:
    text = "ضلعی پولیس سربراہ نے دونوں اہلکاروں کی شہادت کی تصدیق کی۔"
    assert [(c.count.low, c.victim) for c in read_urdu_claims(text)] == [(2, "security_forces")]
    assert (
        read_urdu_claims("دونوں جانب سے فائرنگ کے بعد علاقے میں خوف و ہراس پھیل گیا، دونوں زخمی ہو گئے۔")
        == []
    )


def test_an_outcome_word_qualifying_the_people_after_it() -> None:
    text = "صبح دو زخمی اہلکاروں کو ہیلی کاپٹر کے ذریعے کراچی منتقل کیا گیا۔"
    assert [(c.outcome, c.count.low, c.victim) for c in read_urdu_claims(text)] == [
        ("injured", 2, "security_forces")
    ]
    text = "ڈاکٹر نے بتایا کہ ہسپتال میں گولیوں سے زخمی نو افراد کو لایا گیا۔"
    assert [(c.outcome, c.count.low) for c in read_urdu_claims(text)] == [("injured", 9)]
    text = "حملے میں زخمی ہونے والے کم از کم 7 اہلکاروں کو بنوں منتقل کیا گیا۔"
    assert [(c.count.low, c.count.high) for c in read_urdu_claims(text)] == [(7, None)]


@pytest.mark.parametrize("mark", ["\u0640", "\u200d", "\u200e", "\u200f"])
def test_a_word_is_read_over_tatweel_and_invisible_marks(mark: str) -> None:
    text = f"حملے میں تین اہلکار شہ{mark}ید ہو گئے۔"
    (claim,) = read_urdu_claims(text)
    assert (claim.outcome, claim.count.low) == ("killed", 3)
    assert claim.quote == text  # the text as written, marks and all


def test_a_link_to_another_story_is_not_the_articles() -> None:
    text = (
        "کوئٹہ میں دھماکے سے دو افراد زخمی ہو گئے۔\n"
        "یہ بھی پڑھیں: مستونگ میں موٹر سائیکل بم دھماکا، 4 افراد جاں بحق\n"
        "یہ بھی پڑھیں\n"
        "لکی مروت: فائرنگ سے پولیس اہلکار شہید\n"
        "پولیس کے مطابق زخمیوں کو ہسپتال منتقل کر دیا گیا۔"
    )
    assert [(c.outcome, c.count.low) for c in read_urdu_claims(text)] == [("injured", 2)]
    assert [p.name for p in find_urdu_places(text)] == ["Quetta"]


def test_a_post_speaks_for_the_organisation_it_is_held_in() -> None:
    text = "ہیومن رائٹس کمیشن آف پاکستان کے ایک علاقائی کوآرڈینیٹر نے بتایا کہ دو افراد ہلاک ہوئے۔"
    assert [c.claimant.name for c in read_urdu_claims(text)] == ["Human Rights Commission of Pakistan"]
    # Of an organisation the lists do not know, the post itself speaks.
    text = "انسداد پولیو پروگرام کے صوبائی کوآرڈینیٹر نے بتایا کہ دو افراد ہلاک ہوئے۔"
    assert [c.claimant.name for c in read_urdu_claims(text)] == ["coordinator"]


def test_one_before_a_singulars_oblique_form_counts() -> None:
    # "بچے" before "کو" is "بچہ" (a child) in its oblique form, not "children".
    assert [(c.outcome, c.count.low) for c in read_urdu_claims("مسلح افراد نے ایک بچے کو اغوا کر لیا۔")] == [
        ("abducted", 1)
    ]
    # "وں" is plural only: "ایک" stays the article of the attack.
    assert read_urdu_claims("ایک الگ حملے میں اہلکاروں کو یرغمال بنا لیا گیا۔") == []


def test_a_figure_is_no_part_of_the_clause_said_after_it() -> None:
    # "ایک صحافی" (a journalist) speaks; the dead are counted in the clause "کہ" opens.
    claims = read_urdu_claims("ایک صحافی نے نشاندہی کی کہ ہلاک شدگان کی تعداد 15 بتائی جا رہی ہے۔")
    assert [(c.outcome, c.count.low) for c in claims] == [("killed", 15)]


def test_where_a_figure_is_put_is_its_source_when_no_one_puts_it() -> None:
    claim = _only("سوشل میڈیا پر ہلاکتوں کی تعداد 15 بتائی جا رہی ہے۔")
    assert (claim.claimant.kind, claim.count.low) == ("unofficial", 15)
    # Where a named speaker put it stays where, not who.
    claim = _only("پولیس نے سوشل میڈیا پر بتایا کہ 3 اہلکار شہید ہوئے۔")
    assert claim.claimant.kind == "security_forces"


def test_a_part_naming_no_people_is_of_the_wholes() -> None:
    claims = read_urdu_claims("بمباری سے 23 شدت پسند مارے گئے جن میں 6 غیر ملکی بھی شامل تھے۔")
    assert [(c.count.low, c.victim) for c in claims] == [(23, "militants"), (6, "militants")]


def test_they_written_with_do_chashmi_he_refers_back() -> None:
    # "انھوں" and "انہوں" (they) are both written; each refers back to the speaker named before.
    claims = read_urdu_claims(
        "پولیس نے بتایا کہ چوکی پر حملہ ہوا۔\nانھوں نے کہا کہ حملے میں دو اہلکار شہید ہوئے۔"
    )
    assert [c.claimant.kind for c in claims] == ["security_forces"]


def test_an_age_between_one_and_its_noun_leaves_one_counting() -> None:
    claims = read_urdu_claims("دھماکے میں 7 افراد زخمی ہوئے جن میں ایک 10 سالہ بچہ بھی شامل ہے۔")
    assert [(c.count.low, c.victim) for c in claims] == [(7, "civilians"), (1, "civilians")]


def test_injured_who_could_not_bear_their_wounds_are_dead() -> None:
    claims = read_urdu_claims("شام تک مزید دو زخمی اہلکار زخموں کی تاب نہ لاتے ہوئے چل بسے۔")
    assert [(c.outcome, c.victim, c.count.low) for c in claims] == [("killed", "security_forces", 2)]


def test_who_rejects_a_claim_is_the_doer_not_its_owner() -> None:
    claim = _only("آر پی او نے ٹی ٹی پی کے دعوے کو مسترد کرتے ہوئے کہا کہ ہمارے 2 جوان شہید ہوئے ہیں۔")
    assert (claim.count.low, claim.claimant.kind) == (2, "security_forces")


def test_a_list_among_whom_closed_by_a_genitive_and_its_verb() -> None:
    claims = read_urdu_claims("اسپتال میں 5 لاشیں لائی گئیں جن میں 3 حملہ آوروں کی ہیں۔")
    assert [(c.count.low, c.victim, c.part_of is not None) for c in claims] == [
        (5, "unspecified", False),
        (3, "militants", True),
    ]


def test_a_list_among_whom_closed_by_a_plural_copula() -> None:
    claims = read_urdu_claims("11 زخمیوں کو طبی امداد دی گئی جن میں 4 پولیس اہلکار ہیں۔")
    assert [(c.count.low, c.victim) for c in claims] == [(11, "unspecified"), (4, "security_forces")]
    # A state of some of them is no list: "two of them are critical".
    assert [c.count.low for c in read_urdu_claims("11 افراد زخمی ہوئے جن میں سے دو کی حالت نازک ہے۔")] == [11]


@pytest.mark.parametrize(
    "name", ["claimants", "reporting", "victims", "outcomes", "numbers", "places", "actors"]
)
def test_a_word_list_names_each_phrase_once(name: str) -> None:
    phrases = [row[0] for row in _rows(f"{name}.tsv")]
    assert sorted({p for p in phrases if phrases.count(p) > 1}) == []


def test_a_doer_in_a_sentence_that_reports_nothing_is_whom_a_back_reference_means() -> None:
    text = (
        "انسانی حقوق کمیشن پاکستان نے واقعے کی تحقیقات کا مطالبہ کیا ہے۔ "
        "کمیشن کے مطابق رواں سال صوبے میں 26 افراد مارے گئے۔"
    )
    assert [c.claimant.name for c in read_urdu_claims(text)] == ["Human Rights Commission of Pakistan"]


@pytest.mark.parametrize(
    ("words", "value"),
    [("1,012", 1012), ("۲٬۵۰۷", 2507), ("تین سو اکہتر", 371), ("دو ہزار پانچ سو", 2500), ("ایک سو دو", 102)],
)
def test_a_number_written_in_parts_is_one_figure(words: str, value: int) -> None:
    assert _only(f"حملوں میں {words} افراد جاں بحق ہوئے۔").count.low == value


def test_a_colon_after_a_reporting_verb_opens_what_is_said() -> None:
    text = 'ہسپتال کے میڈیکل سپرنٹنڈنٹ نے ایک ٹی وی چینل کو فون پر بتایا: "ہمارے پاس چھ لاشیں لائی گئیں۔"'
    claim = _only(text)
    assert (claim.count.low, claim.claimant.kind) == (6, "medical")
    # "is said to be" reports nothing: a resident is no claimant
    assert read_urdu_claims("زخمی ہونے والا نوجوان وڈھ کا رہائشی بتایا جاتا ہے۔") == []


def test_suspects_killed_are_the_armed_side_and_taken_alive_stay_unspecified() -> None:
    claims = read_urdu_claims("پولیس مقابلے میں 4 ملزمان ہلاک ہو گئے جبکہ 2 ملزمان کو گرفتار کر لیا گیا۔")
    assert [(c.outcome, c.victim) for c in claims] == [("killed", "militants"), ("arrested", "unspecified")]


def test_a_page_of_briefs_reads_each_under_its_own_dateline() -> None:
    text = (
        "پنجگور (نامہ نگار) گزشتہ روز نامعلوم افراد کی فائرنگ سے ایک شخص جاں بحق ہو گیا۔ "
        "مقتول کے ورثا کا کہنا ہے کہ اس کی کسی سے دشمنی نہیں تھی۔\n"
        "خاران (نمائندہ) شہر کے قریب فائرنگ سے دو افراد زخمی ہو گئے۔"
    )
    # Each brief's dateline is its event place, as a lone report's is when its body names no other.
    assert [(p.name, p.role) for p in find_urdu_places(text)] == [("Panjgur", "event"), ("Kharan", "event")]
    # The relatives of the first brief do not speak in the second.
    assert [(c.count.low, c.claimant.kind) for c in read_urdu_claims(text)] == [(1, "none"), (2, "none")]


def test_a_figure_counts_the_noun_written_with_it() -> None:
    claim = _only("فائرنگ کے تبادلے میں 4 دہشت گرد اپنے ہی ساتھیوں کی فائرنگ سے مارے گئے۔")
    assert (claim.victim, claim.victim_text) == ("militants", "دہشت گرد")
    claim = _only("واردات میں ملوث ایک ملزم منگھوپیر میں پولیس مقابلے کے دوران مارا گیا۔")
    assert (claim.victim, claim.victim_text) == ("militants", "ملزم")


def test_a_body_is_one_dead() -> None:
    claims = read_urdu_claims("ہسپتال میں ایک بچے کی لاش اور 5 زخمی لائے گئے۔")
    assert [(c.outcome, c.count.low, c.victim) for c in claims] == [
        ("killed", 1, "civilians"),
        ("injured", 5, "civilians"),
    ]


def test_the_institute_refers_back_to_the_institution_last_named() -> None:
    text = (
        "پکس نے اپنی ماہانہ رپورٹ جاری کر دی ہے۔ "
        "اس کے علاوہ سیکیورٹی فورسز نے کارروائیوں میں 185 عسکریت پسندوں کو ہلاک کرنے کا دعویٰ کیا۔ "
        "ادارے کا کہنا ہے کہ جنوری میں ہلاکتوں کی مجموعی تعداد 284 رہی۔"
    )
    assert [(c.count.low, c.claimant.kind) for c in read_urdu_claims(text)] == [
        (185, "security_forces"),
        (284, "other"),
    ]


def test_a_bare_figure_in_another_place_shares_the_noun_after_it() -> None:
    claims = read_urdu_claims("حملوں میں مستونگ میں تین اور جوہان میں ایک اہلکار ہلاک ہوا۔")
    assert sorted((c.count.low, c.victim) for c in claims) == [(1, "security_forces"), (3, "security_forces")]


def test_the_organisation_refers_back_to_the_group_or_body_last_named() -> None:
    text = (
        "بی ایل اے نے حملے کی ذمہ داری قبول کر لی۔ "
        "وائس فار بلوچ مسنگ پرسنز کے چیئرمین نے پریس کانفرنس کی۔ "
        "تنظیم کے مطابق اس سال 40 افراد لاپتہ ہوئے۔"
    )
    assert [c.claimant.kind for c in read_urdu_claims(text)] == ["rights_group"]


def test_a_tally_takes_no_people_from_the_clause_after_it() -> None:
    text = "شہید ہونے والے اہلکاروں کی تعداد دو ہو گئی ہے جبکہ لیڈی ہیلتھ ورکر کی حالت خطرے سے باہر ہے۔"
    assert [(c.count.low, c.victim) for c in read_urdu_claims(text)] == [(2, "security_forces")]


def test_an_officer_speaks_for_the_body_named_before_him() -> None:
    claim = _only("ضلعی انتظامیہ کے ایک افسر نے بتایا کہ چار افراد کو حراست میں لیا گیا۔")
    assert claim.claimant.kind == "government"


def test_details_are_those_of_whoever_put_them_out() -> None:
    text = (
        "آئی ایس پی آر نے نومبر کے دوران کارروائیوں کی تفصیلات بھی جاری کیں، جن کے مطابق:\n"
        "۱۔ ان کارروائیوں میں ۵۷ خوارج ہلاک ہوئے۔"
    )
    assert [(c.count.low, c.claimant.name) for c in read_urdu_claims(text)] == [(57, "ISPR")]


def test_a_later_clause_with_its_own_speaker_is_that_speakers() -> None:
    text = (
        "ریلوے پولیس کے ایس پی نے بتایا تھا کہ دھماکے میں 3 مسافر جاں بحق ہوئے، "
        "تاہم ڈپٹی کمشنر نے جاں بحق افراد کی تعداد 5 بتائی۔"
    )
    assert [(c.count.low, c.claimant.kind) for c in read_urdu_claims(text)] == [
        (3, "security_forces"),
        (5, "government"),
    ]


def test_the_sentences_doer_says_what_its_later_claim_noun_says() -> None:
    text = (
        "بی ایل ایف نے حملے کی ذمہ داری قبول کرتے ہوئے 12 اہلکاروں کو ہلاک کرنے کا دعویٰ کیا "
        "اور کہا کہ کارروائی میں اس کے 2 ساتھی مارے گئے۔"
    )
    assert [(c.count.low, c.victim, c.claimant.kind) for c in read_urdu_claims(text)] == [
        (12, "security_forces", "armed_group"),
        (2, "militants", "armed_group"),
    ]


def test_a_protest_leaders_comrades_are_civilians() -> None:
    claim = _only(
        "احتجاج کی قیادت کرنے والے ایک مذہبی رہنما نے دعویٰ کیا کہ پولیس کی فائرنگ سے ان کے 3 ساتھی شہید ہوئے۔"
    )
    assert (claim.victim, claim.claimant.kind) == ("civilians", "other")


def test_a_statement_does_not_go_on_into_an_earlier_incident() -> None:
    text = (
        "پولیس نے بتایا کہ حملے میں تین اہلکار شہید ہوئے۔ "
        "رواں برس مارچ میں بھی اسی علاقے میں دو اہلکار مارے گئے تھے۔"
    )
    assert [(c.count.low, c.claimant.kind) for c in read_urdu_claims(text)] == [
        (3, "security_forces"),
        (2, "none"),
    ]


def test_a_quotation_is_its_speakers_to_its_closing_mark() -> None:
    text = (
        'بی ایل اے کے ترجمان نے بیان میں کہا: "ہم نے کیمپ پر حملہ کیا۔ اس کارروائی میں ہمارے 6 ساتھی مارے گئے۔\n'
        'دشمن کے 12 اہلکار ہلاک ہوئے۔"\nبازار میں دھماکے سے دو افراد زخمی ہوئے۔'
    )
    assert [(c.count.low, c.claimant.kind) for c in read_urdu_claims(text)] == [
        (6, "armed_group"),
        (12, "armed_group"),
        (2, "none"),
    ]


def test_a_claim_that_opens_a_quotation_is_its_groups_to_the_closing_mark_only() -> None:
    text = (
        'بی ایل اے کے ترجمان نے دعویٰ کیا کہ "ہم نے کیمپ پر حملہ کیا۔ اس کارروائی میں ہمارے 6 ساتھی مارے گئے۔" '
        "بازار میں دھماکے سے دو افراد زخمی ہوئے۔"
    )
    assert [(c.count.low, c.victim, c.claimant.kind, c.stance) for c in read_urdu_claims(text)] == [
        (6, "militants", "armed_group", "claimed"),
        (2, "unspecified", "none", "reported"),
    ]


def test_the_text_of_a_statement_is_its_speakers() -> None:
    text = 'بی ایل ایف کے ترجمان نے ذمہ داری قبول کی ہے۔ بیان کا متن یہ ہے: "حملے میں دشمن کے 12 اہلکار ہلاک ہوئے۔"'
    assert (_only(text).claimant.kind, _only(text).count.low) == ("armed_group", 12)


@pytest.mark.parametrize("post", ["ڈی پی او لکی مروت", "وزیراعلیٰ بلوچستان", "ڈپٹی کمشنر ڈیرہ اسماعیل خان"])
def test_a_post_followed_by_the_place_it_serves_is_the_doer(post: str) -> None:
    # The doer of a sentence with no reporting phrase is whom a later "ان کا کہنا تھا" refers back to.
    text = (
        f"ہسپتال کے ڈاکٹر نے بتایا کہ دو لاشیں لائی گئیں۔ {post} نے جنازے میں شرکت کی۔ "
        'اس موقع پر ان کا کہنا تھا: "چار اہلکار شہید ہوئے۔"'
    )
    assert [(c.count.low, c.claimant.kind) for c in read_urdu_claims(text)][-1][1] in (
        "security_forces",
        "government",
    )


def test_the_party_refers_back_to_the_party_named_before() -> None:
    text = (
        "بلوچستان نیشنل پارٹی نے احتجاج کا اعلان کیا۔ "
        'پارٹی کے سیکرٹری اطلاعات نے کہا: "حملے میں ہمارے پانچ ساتھی شہید ہوئے۔"'
    )
    claim = _only(text)
    assert (claim.claimant.kind, claim.claimant.name, claim.victim) == (
        "other",
        "Balochistan National Party",
        "civilians",
    )


def test_a_comma_and_a_quote_mark_after_a_verb_open_what_was_said() -> None:
    text = (
        "جماعت کے ترجمان نے دعویٰ کیا کہ سات کارکن مارے گئے۔ "
        "وزیر داخلہ نے اس دعوے کو رد کرتے ہوئے کہا، 'سات ہلاکتوں کی بات بالکل بے بنیاد ہے۔'"
    )
    assert [(c.count.low, c.stance) for c in read_urdu_claims(text)] == [(7, "claimed")]


def test_people_named_one_by_one_among_the_dead_are_no_figures() -> None:
    text = "حملے میں دو اہلکار شہید ہوئے۔ شہید ہونے والوں میں ایک ہیڈ کانسٹیبل اور ایک سپاہی شامل ہیں۔"
    assert [(c.count.low, c.part_of) for c in read_urdu_claims(text)] == [(2, None)]
    text = "حملے میں نو افراد جاں بحق ہوئے۔ جاں بحق ہونے والوں میں ایک اہلکار اور تین بچے شامل ہیں۔"
    assert [c.count.low for c in read_urdu_claims(text)] == [9, 1, 3]


@pytest.mark.parametrize(
    "denial",
    [
        "ان خبروں کو غلط قرار دیا کہ حملے میں 12 اہلکار مارے گئے ہیں۔",
        "ان خبروں کو بے بنیاد اور من گھڑت قرار دیا جن میں 12 اہلکاروں کی ہلاکت کا دعویٰ کیا گیا تھا۔",
    ],
)
def test_what_denied_reports_said_is_their_sources(denial: str) -> None:
    claim = _only(f"ایف سی ترجمان نے سوشل میڈیا پر گردش کرنے والی {denial}")
    assert (claim.count.low, claim.claimant.kind, claim.stance) == (12, "unofficial", "reported")


def test_a_denial_and_what_the_denier_then_says_stay_the_deniers() -> None:
    text = "پولیس نے سوشل میڈیا پر گردش کرنے والی خبروں کی تردید کی اور کہا کہ حملے میں دو اہلکار زخمی ہوئے۔"
    assert _only(text).claimant.kind == "security_forces"


@pytest.mark.parametrize("several", ["کئی ماہ", "متعدد گاڑیوں", "درجنوں دکانوں"])
def test_several_of_a_unit_or_a_thing_counts_no_one(several: str) -> None:
    assert read_urdu_claims(f"پولیس کے مطابق {several} سے لاپتہ تین افراد کی لاشیں ملیں۔")[0].count.low == 3
    assert [c.count.text for c in read_urdu_claims(f"ان کے بیٹے {several} سے لاپتہ تھے۔")] == []


def test_not_one_number_but_another_is_the_other() -> None:
    claim = _only("ورثا کا کہنا ہے کہ اغوا ہونے والوں کی تعداد ۵ نہیں بلکہ ۶ تھی۔")
    assert (claim.outcome, claim.count.low, claim.claimant.kind) == ("abducted", 6, "local_source")


def test_took_with_them_reaches_over_the_words_between() -> None:
    claim = _only(
        "مسلح افراد نے کوچ روک کر ۸ مسافروں کو نیچے اتارا اور اپنے ساتھ قریبی پہاڑوں کی جانب لے گئے۔"
    )
    assert (claim.outcome, claim.count.low, claim.victim) == ("abducted", 8, "civilians")
    # not over a clause's end, nor onto "اپنے ساتھیوں" (their comrades)
    assert read_urdu_claims("پولیس نے ۸ ملزمان کو اپنے ساتھ رکھا، پھر تھانے لے گئے۔") == []
    assert [c.outcome for c in read_urdu_claims("حملہ آور ۳ لاشیں چھوڑ کر اپنے ساتھیوں کی گاڑی لے گئے۔")] == [
        "killed"
    ]


def test_what_a_speaker_says_according_to_reports_is_the_speakers() -> None:
    claim = _only('ڈی آئی جی نے صحافیوں کو بتایا کہ "ابتدائی اطلاعات کے مطابق 7 افراد جاں بحق ہوئے ہیں۔"')
    assert (claim.count.low, claim.claimant.kind) == (7, "security_forces")
    assert _only("ابتدائی اطلاعات کے مطابق 7 افراد جاں بحق ہوئے ہیں۔").claimant.kind == "none"


def test_a_whole_naming_no_one_with_a_part_of_another_side_is_of_both() -> None:
    text = "ہسپتال میں ایک نوجوان کی لاش لائی گئی جبکہ گیارہ زخمیوں کو طبی امداد دی گئی جن میں چار پولیس اہلکار ہیں۔"
    assert [(c.count.low, c.victim) for c in read_urdu_claims(text)] == [
        (1, "civilians"),
        (11, "unspecified"),
        (4, "security_forces"),
    ]


@pytest.mark.parametrize(
    "identified", ["ان میں سے تین کی شناخت ہو گئی ہے۔", "اب تک 3 لاشوں کی شناخت ہو سکی ہے۔"]
)
def test_the_dead_who_were_identified_are_no_figure_of_their_own(identified: str) -> None:
    claims = read_urdu_claims(f"دھماکے میں سات افراد جاں بحق ہوئے۔ {identified}")
    assert [c.count.low for c in claims] == [7]


def test_one_man_named_by_rank_among_the_forces_counted_is_no_figure() -> None:
    assert [
        c.count.low for c in read_urdu_claims("حملے میں ایک اے ایس آئی سمیت 6 پولیس اہلکار زخمی ہوئے۔")
    ] == [6]
    claims = read_urdu_claims("دھماکے میں ایک خاتون سمیت 5 افراد جاں بحق ہوئے۔")
    assert [(c.count.low, c.victim) for c in claims] == [(5, "civilians"), (1, "civilians")]


def test_a_doer_of_another_kind_speaks_for_what_it_did() -> None:
    text = (
        "ہسپتال کے ڈاکٹر نے بتایا کہ دو زخمیوں کو لایا گیا۔ "
        "پولیس نے رات گئے شہر میں چھاپے مار کر ۳۷ افراد کو حراست میں لے لیا۔"
    )
    assert [(c.count.low, c.claimant.kind) for c in read_urdu_claims(text)] == [
        (2, "medical"),
        (37, "security_forces"),
    ]


def test_the_doer_of_a_relative_clause_is_not_the_sentences() -> None:
    text = (
        "ڈپٹی کمشنر نے بتایا کہ دو افراد جاں بحق ہوئے۔ "
        'وزیراعلیٰ نے اجلاس میں کہا "جاں بحق ہونے والوں کی تعداد ایک ہے، لیویز کا وہ سپاہی جس نے مزاحمت کی۔"'
    )
    assert [c.claimant.kind for c in read_urdu_claims(text)] == ["government", "government"]


def test_news_put_somewhere_and_denied_is_that_places() -> None:
    text = "رینجرز کے ترجمان نے بعض ٹی وی چینلز پر نشر ہونے والی 5 ہلاکتوں کی خبروں کو بے بنیاد قرار دیا۔"
    claim = _only(text)
    assert (claim.count.low, claim.claimant.kind, claim.stance) == (5, "media", "reported")


def test_an_izafat_mark_before_a_space_is_read_through() -> None:
    claim = _only("بلوچستان کے وزیرِ داخلہ نے بتایا کہ سات افراد جاں بحق ہوئے۔")
    assert (claim.claimant.kind, claim.claimant.name) == ("government", "interior minister")


def test_an_organisation_named_as_a_new_one_is_not_the_group_before() -> None:
    text = (
        "حکام نے حملے کا الزام لشکرِ اسلام پر عائد کیا ہے۔ اساتذہ کی ایک تنظیم نے احتجاج کا اعلان کیا ہے۔ "
        "تنظیم کے ایک رہنما کا کہنا تھا کہ رواں برس نو اساتذہ کو قتل کیا جا چکا ہے۔"
    )
    assert _only(text).claimant.kind == "other"


def test_the_martyrs_are_the_dead_of_the_speakers_side() -> None:
    claim = _only("ڈی پی او نے شہدا کی تعداد 3 ہونے کی تصدیق کی۔")
    assert (claim.count.low, claim.victim) == (3, "security_forces")


def test_a_tally_right_after_the_outcome_word_is_its_figure() -> None:
    # "… میں سے دو … چل بسے جس کے بعد اموات کی تعداد 6": the two of the injured who died are not the toll's figure
    claims = read_urdu_claims(
        "ضلعی پولیس افسر نے بتایا کہ زخمیوں میں سے دو ہسپتال میں چل بسے جس کے بعد اموات کی تعداد 6 ہو گئی ہے۔"
    )
    assert [(c.outcome, c.count.low) for c in claims] == [("killed", 2), ("killed", 6)]


def test_a_number_joined_to_an_age_is_an_age() -> None:
    # "پانچ اور سات سال کے تین بچے": three children aged five and seven, not five children
    claim = _only("اسپتال کے ترجمان کے مطابق زخمیوں میں پانچ اور سات سال کے تین بچے شامل ہیں۔")
    assert (claim.outcome, claim.count.low, claim.victim) == ("injured", 3, "civilians")


def test_those_killed_list_their_parts_after_a_passive_participle() -> None:
    # "مارے جانے والوں میں" (among those killed): "جانے والوں" begins inside the outcome word "مارے جانے"
    whole, part = read_urdu_claims(
        "پولیس کے مطابق فائرنگ سے چار افراد جاں بحق ہوئے۔ مارے جانے والوں میں دو خواتین بھی شامل ہیں۔"
    )
    assert (part.count.low, part.part_of) == (2, whole.id)


def test_a_rider_of_a_counted_vehicle_is_a_person() -> None:
    # "دو موٹر سائیکل" counts vehicles; "دو موٹر سائیکل سوار" (two motorcyclists) counts people
    claim = _only("پولیس کے مطابق فائرنگ سے دو موٹر سائیکل سوار جاں بحق ہو گئے۔")
    assert (claim.outcome, claim.count.low, claim.victim) == ("killed", 2, "civilians")


def test_a_source_named_at_the_end_of_a_sentence_gives_what_came_before() -> None:
    claim = _only(
        "رواں برس صوبے میں 40 سے زیادہ اہلکار حملوں میں مارے گئے، ایک تحقیقی ادارے کے اعداد و شمار کے مطابق۔"
    )
    assert (claim.count.low, claim.claimant.kind) == (41, "other")


def test_one_man_named_by_rank_in_a_list_among_the_dead_is_no_figure() -> None:
    claim = _only("آئی ایس پی آر کے مطابق جھڑپ میں دو جوان شہید ہو گئے جن میں ایک حوالدار بھی شامل ہے۔")
    assert (claim.count.low, claim.victim) == (2, "security_forces")


@pytest.mark.parametrize(
    "text",
    [
        "گروہ کے تین دیگر ارکان فرار ہیں جن کی گرفتاری کے لیے چھاپے مارے جا رہے ہیں۔",
        "مسلح افراد دو انجینئروں کو اغوا کرنے کے لیے کیمپ میں داخل ہوئے تھے۔",
    ],
)
def test_what_was_to_be_done_is_no_outcome(text: str) -> None:
    # "گرفتاری کے لیے" (for the arrest of), "اغوا کرنے کے لیے" (to abduct): a purpose, not what befell anyone
    assert read_urdu_claims(text) == []


def test_a_hospitals_administration_is_the_hospital() -> None:
    claim = _only("سول اسپتال کی انتظامیہ کے مطابق اسپتال میں چھ زخمی لائے گئے۔")
    assert (claim.count.low, claim.claimant.kind) == (6, "medical")


def test_one_more_told_with_an_ordinal_is_one() -> None:
    claim = _only("پولیس کے مطابق چوکی پر موجود ایک تیسرا اہلکار بازو پر گولی لگنے سے زخمی ہوا۔")
    assert (claim.outcome, claim.count.low, claim.victim) == ("injured", 1, "security_forces")


def test_one_injured_person_brought_to_hospital_is_counted() -> None:
    # "a wounded soldier said" names a speaker; "one injured woman was brought" counts her
    assert read_urdu_claims("ایک زخمی اہلکار نے بتایا کہ حملہ آور فرار ہو گئے۔") == []
    claim = _only("ہسپتال کی انتظامیہ کے مطابق صرف ایک زخمی خاتون ہسپتال لائی گئی۔")
    assert (claim.outcome, claim.count.low, claim.victim) == ("injured", 1, "civilians")


@pytest.mark.parametrize("became", [r[0] for r in _rows("numbers.tsv") if r[1] == "became"])
def test_the_toll_an_outcome_word_became_is_a_tally(became: str) -> None:
    # "ہلاکتیں 9 ہو گئیں" (the deaths became nine), after "مزید 3 … دم توڑ گئے" (three more died)
    claims = read_urdu_claims(f"ڈاکٹروں کے مطابق مزید 2 زخمی دم توڑ گئے جس کے بعد ہلاکتیں 7 {became}۔")
    assert [(c.outcome, c.count.low) for c in claims] == [("killed", 2), ("killed", 7)]


def test_a_number_in_brackets_after_a_name_is_an_age() -> None:
    claims = read_urdu_claims(
        "جاں بحق ہونے والوں میں دکاندار حاجی شیر علی (62) اور ان کا بھتیجا نعیم (19) شامل ہیں۔"
    )
    assert claims == []


def test_the_unnamed_dead_of_a_fight_between_two_sides_are_not_called_civilians() -> None:
    text = "پولیس کے مطابق زمین کے تنازع پر دو قبائل کے درمیان جھڑپ میں پانچ افراد جاں بحق ہو گئے۔"
    assert _only(text).victim == "unspecified"
    assert _only("پولیس کے مطابق بازار میں دھماکے سے پانچ افراد جاں بحق ہو گئے۔").victim == "civilians"


def test_a_source_after_the_last_comma_gives_a_ticker_line() -> None:
    claim = _only("بنوں: چیک پوسٹ پر حملے میں 2 اہلکار شہید، پولیس")
    assert (claim.count.low, claim.claimant.kind) == (2, "security_forces")


def test_a_statement_label_after_a_live_pages_time_stamp_gives_its_line() -> None:
    text = 'صبح 8:40 — آئی ایس پی آر کا بیان: "جوابی کارروائی میں 3 دہشت گرد ہلاک ہو گئے۔"'
    claim = _only(text)
    assert (claim.count.low, claim.victim, claim.claimant.name) == (3, "militants", "ISPR")


def test_its_own_members_in_a_groups_statement_are_its_fighters() -> None:
    text = "بی ایل اے نے دعویٰ کیا کہ کیمپ میں 12 اہلکار ہلاک ہوئے، جبکہ حملے میں شریک اس کے 3 ارکان بھی مارے گئے۔"
    assert [(c.count.low, c.victim) for c in read_urdu_claims(text)] == [
        (12, "security_forces"),
        (3, "militants"),
    ]


def test_a_figure_is_written_with_its_noun_over_alleged() -> None:
    text = (
        "سی ٹی ڈی کے مطابق اس کی تحویل میں موجود تین مبینہ شدت پسند اپنے ہی ساتھیوں کی فائرنگ سے ہلاک ہو گئے۔"
    )
    assert _only(text).victim == "militants"


def test_one_marked_as_the_object_is_one_counted() -> None:
    # "ایک کو … گرفتار کر لیا گیا" (one of them was arrested): "ایک" with "کو" is one person, not an article
    claims = read_urdu_claims("سی ٹی ڈی کے مطابق جھڑپ میں 3 دہشت گرد مارے گئے جبکہ ایک کو گرفتار کر لیا گیا۔")
    assert [(c.outcome, c.count.low, c.victim) for c in claims] == [
        ("killed", 3, "militants"),
        ("arrested", 1, "militants"),
    ]


def test_an_organisation_of_someone_is_a_new_one() -> None:
    # "پولیو ورکرز کی نمائندہ تنظیم" (the polio workers' body) is not the armed group named before
    text = (
        "ٹی ٹی پی نے حملے کی ذمہ داری قبول کی۔ پولیو ورکرز کی نمائندہ تنظیم کا موقف مختلف ہے۔"
        " تنظیم کے ایک عہدیدار نے کہا کہ حملے میں ہمارے تین ساتھی جان سے گئے۔"
    )
    assert _only(text).claimant.kind == "other"


def test_an_official_of_a_body_named_in_his_sentence_speaks_for_it() -> None:
    text = "بی ایل اے نے ذمہ داری قبول کی۔ ایک ٹرانسپورٹر تنظیم کے عہدیدار نے کہا کہ حملے میں چار ڈرائیور مارے گئے۔"
    assert _only(text).claimant.kind == "other"


def test_a_list_among_them_after_the_figure_gives_its_parts() -> None:
    text = "اسسٹنٹ کمشنر نے بتایا کہ مسلح افراد جن 5 مسافروں کو ساتھ لے گئے ان میں 3 سرکاری ملازمین بھی شامل ہیں۔"
    whole, part = read_urdu_claims(text)
    assert (whole.count.low, part.count.low, part.part_of) == (5, 3, whole.id)


def test_the_people_counted_with_a_protest_are_protesters() -> None:
    # Beside counted police, plain people stay unspecified; those told with the protest are civilians
    text = (
        "پولیس کے مطابق پتھراؤ سے 5 اہلکار زخمی ہوئے۔"
        " کمیٹی کے رہنماؤں کا کہنا ہے کہ پولیس کی فائرنگ سے 8 مظاہرین زخمی ہوئے اور 12 افراد کو احتجاج کے دوران گرفتار کیا گیا۔"
    )
    assert [(c.count.low, c.victim) for c in read_urdu_claims(text)] == [
        (5, "security_forces"),
        (8, "civilians"),
        (12, "civilians"),
    ]


def test_whom_a_news_agency_cites_speaks_for_it() -> None:
    text = "خبر رساں ادارے روئٹرز نے دو سیکیورٹی عہدیداروں کے حوالے سے بتایا کہ حملے میں ۵ فوجی مارے گئے۔"
    assert _only(text).claimant.kind == "security_forces"
    # whom a spokesman told is no claimant
    told = _only(
        "ریسکیو 1122 کے ترجمان نے خبر رساں ادارے روئٹرز کو بتایا کہ 31 زخمیوں کو ہسپتال منتقل کیا گیا۔"
    )
    assert told.claimant.kind != "media"


def test_the_people_arrested_in_a_report_of_a_protest_are_protesters() -> None:
    text = (
        "کراچی میں اساتذہ کے احتجاجی مظاہرے پر پولیس نے لاٹھی چارج کیا جس سے 3 اہلکار بھی زخمی ہوئے۔"
        " ایس ایس پی کے مطابق 20 افراد کو حراست میں لیا گیا۔"
    )
    assert [(c.outcome, c.victim) for c in read_urdu_claims(text)] == [
        ("injured", "security_forces"),
        ("arrested", "civilians"),
    ]


def test_the_answer_to_a_how_many_question_gives_its_figures() -> None:
    text = "کتنے افراد جاں بحق ہوئے؟ پولیس کے مطابق 6، جبکہ ہسپتال ذرائع 8 بتا رہے ہیں۔"
    assert [(c.outcome, c.count.low, c.claimant.kind) for c in read_urdu_claims(text)] == [
        ("killed", 6, "security_forces"),
        ("killed", 8, "medical"),
    ]


def test_an_owner_of_two_words_joins_the_second_figure_of_a_list() -> None:
    claims = read_urdu_claims("فوج کے مطابق فائرنگ سے 3 شہری اور لیویز فورس کا ایک سپاہی شہید ہوئے۔")
    assert sorted((c.count.low, c.victim) for c in claims) == [(1, "security_forces"), (3, "civilians")]


def test_an_injured_person_who_died_in_a_hospital_is_dead() -> None:
    # The hospital's "ایک" is its article, and the hospital's name does not part the injured word from the death
    for text, figure in (
        ("رات کو تین زخمی مزدور کوئٹہ کے ایک نجی ہسپتال میں دم توڑ گئے۔", 3),
        ("اگلے روز ایک زخمی سول ہسپتال کوئٹہ میں چل بسا۔", 1),
    ):
        claim = _only(text)
        assert (claim.outcome, claim.count.low) == ("killed", figure)
    # … but a number of people between the two is a figure of its own
    assert [c.outcome for c in read_urdu_claims("پانچ زخمی ہوئے اور ہسپتال میں دو دم توڑ گئے۔")] == [
        "injured",
        "killed",
    ]


def test_a_body_that_wrote_a_report_speaks_through_it() -> None:
    sdma = _only("صوبائی ڈیزاسٹر مینجمنٹ اتھارٹی کی رپورٹ میں 4 اموات کا ذکر ہے۔")
    assert (sdma.count.low, sdma.claimant.kind) == (4, "government")
    jit = _only("جے آئی ٹی کی رپورٹ میں تین مزدوروں کی ہلاکت کی تصدیق کی گئی۔")
    assert (jit.count.low, jit.claimant.kind) == (3, "government")
    party = read_urdu_claims(
        "پولیس نے دو افراد کو گرفتار کیا۔ بی این ایم نے اپنی رپورٹ میں کہا کہ چھاپے میں 6 افراد لاپتہ کیے گئے۔"
    )[-1]
    assert (party.count.low, party.claimant.kind) == (6, "other")


def test_a_mosque_committee_is_a_local_source() -> None:
    claim = _only("مسجد کمیٹی کا موقف ہے کہ حملے میں 5 نمازی شہید ہوئے۔")
    assert (claim.count.low, claim.claimant.kind) == (5, "local_source")


def test_the_killed_of_a_passive_participle_are_counted() -> None:
    # "مارے جانے والے" (those who were killed) qualifies the number right after it, as "ہلاک ہونے والے" does
    claim = _only("مقامی لوگوں کا کہنا ہے کہ کارروائی میں مارے جانے والے 4 افراد چرواہے تھے۔")
    assert (claim.outcome, claim.count.low) == ("killed", 4)


def test_the_dead_counted_before_leave_their_number_to_a_later_outcome() -> None:
    # The four killed were counted; what the rights body says of them is that they had been missing
    text = (
        "سی ٹی ڈی کے مطابق مقابلے میں 4 دہشت گرد مارے گئے۔"
        " انسانی حقوق کمیشن کا کہنا ہے کہ مارے جانے والے چاروں افراد پہلے سے لاپتہ تھے۔"
    )
    assert [(c.outcome, c.count.low, c.claimant.kind) for c in read_urdu_claims(text)] == [
        ("killed", 4, "security_forces"),
        ("missing", 4, "rights_group"),
    ]


def test_the_group_word_of_its_own_clause_beats_the_forces_named_before_it() -> None:
    text = (
        "بی ایل ایف نے حملے کی ذمہ داری قبول کی۔"
        " ترجمان نے کہا کہ یہ حملہ فورسز کے اس آپریشن کا بدلہ ہے جس میں، تنظیم کے بقول، تین چرواہے مارے گئے تھے۔"
    )
    assert _only(text).claimant.kind == "armed_group"
    # … while a group named before the comma keeps its word
    text = "گزشتہ ماہ بی ایل اے نے ایک حملے کی ذمہ داری قبول کی تھی، جس میں تنظیم کے مطابق ۴ اہلکار مارے گئے تھے۔"
    assert _only(text).claimant.name == "BLA: Baloch Liberation Army"


def test_the_air_force_and_the_navy_speak_for_their_men() -> None:
    claim = _only("پاک بحریہ کے ترجمان نے بتایا کہ حملے میں دو سیلرز زخمی ہوئے۔")
    assert (claim.victim, claim.claimant.name) == ("security_forces", "Pakistan Navy")
    claim = _only("پاک فضائیہ کے ایک ترجمان کے مطابق فائرنگ سے فضائیہ کا ایک اہلکار شہید ہوا۔")
    assert claim.claimant.name == "Pakistan Air Force"


def test_a_list_set_off_by_commas_gives_the_parts_of_the_figure_before_it() -> None:
    text = "پولیس کے مطابق ایک گاڑی میں سوار چار مسافر، جن میں ایک بچہ اور دو خواتین شامل تھیں، فائرنگ سے جاں بحق ہو گئے۔"
    whole, *parts = read_urdu_claims(text)
    assert (whole.count.low, whole.part_of) == (4, None)
    # the child named singly is who one of them was, as one named by rank is; the two women a count
    assert [(p.count.low, p.part_of) for p in parts] == [(2, whole.id)]
    # a relative clause set off with no list keeps its figure before it
    assert _only("مسلح افراد نے تین اہلکاروں کو، جو ڈیوٹی سے واپس آ رہے تھے، اغوا کر لیا۔").count.low == 3


def test_an_institution_brought_in_with_a_is_a_new_one() -> None:
    # "ایک ادارے" (an institute) is not the claimant named before
    text = (
        "مقامی عمائدین کا کہنا ہے کہ حملے میں پانچ افراد مارے گئے۔"
        " امریکہ میں قائم ایک تحقیقی ادارے کے مطابق 2010 سے اب تک 900 سے زیادہ افراد ہلاک ہوئے۔"
    )
    assert [c.claimant.kind for c in read_urdu_claims(text)] == ["local_source", "other"]


def test_bodies_spelt_nash_and_an_end_met_are_deaths() -> None:
    assert _only("لیویز کے مطابق پہاڑی علاقے سے دو افراد کی نعشیں ملی ہیں۔").outcome == "killed"
    claim = _only("آئی ایس پی آر کے مطابق کارروائی میں چار دہشت گرد اپنے انجام کو پہنچے۔")
    assert (claim.outcome, claim.count.low, claim.victim) == ("killed", 4, "militants")


def test_of_which_closed_by_a_genitive_lists_whose_they_were() -> None:
    text = "ہسپتال کے ترجمان نے بتایا کہ سات لاشیں لائی گئیں جن میں سے دو خودکش حملہ آوروں کی ہیں۔"
    whole, part = read_urdu_claims(text)
    assert (part.count.low, part.victim, part.part_of) == (2, "militants", whole.id)
    # … and of which some are still held is a state, no part
    held = read_urdu_claims("ان کے مطابق چھ افراد اغوا کیے گئے جن میں سے تین اب بھی مغوی ہیں۔")
    assert [c.count.low for c in held] == [6]


def test_a_post_on_a_platform_is_social_medias_word() -> None:
    claim = _only("دھماکے کے بعد ٹوئٹر پر ایک پیغام پھیلا جس میں لکھا تھا کہ 40 نمازی شہید ہو گئے ہیں۔")
    assert (claim.count.low, claim.claimant.kind) == (40, "unofficial")
    news = _only("شام کو بعض نجی ٹی وی چینلوں نے چھ اہلکاروں کی ہلاکت کی خبر نشر کی۔")
    assert (news.count.low, news.claimant.kind) == (6, "media")


def test_taken_off_a_bus_and_led_away_is_an_abduction() -> None:
    claim = _only("لیویز کے مطابق مسلح افراد 3 مسافروں کو کوچ سے اتار کر قریبی پہاڑوں کی جانب لے گئے۔")
    assert (claim.outcome, claim.count.low) == ("abducted", 3)


def test_a_shia_partys_and_an_emergency_centres_word() -> None:
    claim = _only("ایم ڈبلیو ایم کے ایک رہنما نے کہا کہ حملے میں 9 زائرین جاں بحق ہوئے۔")
    assert (claim.count.low, claim.victim, claim.claimant.kind) == (9, "civilians", "other")
    claim = _only("ایمرجنسی آپریشنز سنٹر کے ترجمان کے مطابق پولیو ٹیم پر حملے میں ایک رضاکار زخمی ہوا۔")
    assert claim.claimant.kind == "government"


def test_a_word_naming_a_vehicles_kind_is_no_speaker() -> None:
    # "مسافر گاڑی" is a passenger vehicle, not passengers speaking: the post on social media gives the figure
    text = "مسافر گاڑی پر فائرنگ کے بعد فیس بک پر ایک پوسٹ میں لکھا گیا کہ 30 افراد مارے گئے۔"
    assert _only(text).claimant.kind == "unofficial"
