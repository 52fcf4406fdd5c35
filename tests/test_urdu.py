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
from sitrep.pipeline import extract
from tests.conftest import REPO
from tests.test_cli import run

# Beside examples/, not in it: the demo store and the tests built on it hold the four English examples.
URDU_EXAMPLE = REPO / "sitrep" / "examples-ur" / "2025-05-06_makran-nama_tump-checkpost-ur.txt"


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


@pytest.mark.parametrize(("phrase", "outcome", "_bare"), _rows("outcomes.tsv"))
def test_outcome_row(phrase: str, outcome: str, _bare: str) -> None:
    text = f"حملے میں تین اہلکار {phrase} ہو گئے۔"
    claim = _only(text)
    assert (claim.outcome, claim.count.low, claim.count.high) == (outcome, 3, 3)
    _assert_offsets(text, [claim])


@pytest.mark.parametrize(("phrase", "victim", "_number", "_generic"), _rows("victims.tsv"))
def test_victim_row(phrase: str, victim: str, _number: str, _generic: str) -> None:
    claim = _only(f"دھماکے میں چار {phrase} زخمی ہوئے۔")
    assert (claim.victim, claim.victim_text, claim.count.low) == (victim, phrase, 4)


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
    [r[:3] for r in _rows("claimants.tsv") if r[1] not in ("previous", "previous_armed_group")],
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


@pytest.mark.parametrize(("phrase", "stance", "_form"), _rows("reporting.tsv"))
def test_reporting_row(phrase: str, stance: str, _form: str) -> None:
    claim = _only(f"پولیس {phrase} کہ تین اہلکار ہلاک ہوئے۔")
    assert (claim.claimant.kind, claim.stance) == ("security_forces", stance)


@pytest.mark.parametrize(("phrase", "verified"), _rows("verification.tsv"))
def test_verification_row(phrase: str, verified: str) -> None:
    claim = _only(f"حملے میں تین اہلکار ہلاک ہوئے۔ اس دعوے کی {phrase}۔")
    assert claim.verified is (verified == "yes")


@pytest.mark.parametrize(("phrase",), _rows("background.tsv"))
def test_background_row(phrase: str) -> None:
    if "تھ" in phrase:  # a pluperfect verb ends the sentence
        text = f"اس علاقے میں تین اہلکار ہلاک {phrase}۔"
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


@pytest.mark.parametrize("digits", ["12", "۱۲", "١٢"])
def test_urdu_and_eastern_arabic_digits(digits: str) -> None:
    claim = _only(f"حملے میں {digits}اہلکار زخمی ہوئے۔")
    assert (claim.count.low, claim.count.text) == (12, digits)


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
