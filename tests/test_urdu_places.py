"""Urdu place names (``sitrep/data/ur/places.tsv``, ``place_cues.tsv``, ``sitrep.geo.urdu``): every row resolves
to its gazetteer record and is read in a sentence written for it, the names that are also ordinary words count only
beside a place word, and a town named inside its district is the event's place. The sentences are the team's own,
not taken from any report."""

from __future__ import annotations

import pytest

from sitrep.data import read_table
from sitrep.geo.urdu import find_urdu_places, resolve_row
from sitrep.model import Article
from sitrep.pipeline import extract

ROWS = read_table("ur/places.tsv")
CUED = [r["phrase"] for r in ROWS if r["cue"]]

# An ordinary sentence for every name marked cue, using the name as the word it also is: no place in it.
ORDINARY = {
    "مند": "ضرورت مند خاندانوں میں راشن تقسیم کیا گیا۔",
    "دشت": "قافلہ کئی دن تک دشت میں سفر کرتا رہا۔",
    "خار": "پھولوں کے ساتھ خار بھی ہوتے ہیں۔",
    "سوئی": "سوئی گیس کی فراہمی کئی گھنٹے معطل رہی۔",
    "بھاگ": "حملہ آور واردات کے بعد بھاگ گئے۔",
    "ٹل": "بروقت کارروائی سے بڑا خطرہ ٹل گیا۔",
    "مکین": "علاقہ مکین بدامنی کے خلاف سراپا احتجاج ہیں۔",
    "قصور": "اس واقعے میں عوام کا کوئی قصور نہیں۔",
    "باغ": "بچے شام کو باغ میں کھیلتے ہیں۔",
    "حویلی": "بارش سے پرانی حویلی کی چھت گر گئی۔",
    "نگر": "وہ برسوں نگر نگر گھومتا رہا۔",
    "اٹک": "مذاکرات ایک نکتے پر اٹک گئے۔",
    "تنگی": "مہنگائی سے لوگ تنگی کا شکار ہیں۔",
    "لکی": "لکی ڈرا میں اسے انعام ملا۔",
    "ناگ": "کھیت میں ایک کالا ناگ دیکھا گیا۔",
    "نال": "سپاہی نے بندوق کی نال صاف کی۔",
    "چھتر": "بادشاہ کے سر پر شاہی چھتر تھا۔",
    "بیلہ": "دریا کنارے بیلہ میں مویشی چرتے ہیں۔",
    "شاہرگ": "گولی اس کی شاہرگ کو چھو کر گزری۔",
    "زہری": "نواب ثناء اللہ زہری نے اجلاس کی صدارت کی۔",
    "شیوہ": "وعدہ خلافی اس کا شیوہ بن چکی ہے۔",
    "چمن": "اسکول کے چمن میں پھول کھلے ہیں۔",
    "حب": "حب الوطنی کا تقاضا ہے کہ سب متحد رہیں۔",
    "کرم": "یہ اللہ کا کرم ہے کہ کوئی جانی نقصان نہیں ہوا۔",
    "مری": "اس حادثے میں ایک بچی مری نہیں، زخمی ہوئی۔",
    "قمبر": "قمبر علی نے پریس کانفرنس سے خطاب کیا۔",
    "نیلم": "انگوٹھی میں نیلم جڑا ہوا تھا۔",
    "دوآبہ": "دو دریاؤں کے بیچ کی زمین کو دوآبہ کہتے ہیں۔",
    "زیارت": "زائرین مزار کی زیارت کے لیے روانہ ہو گئے۔",
    "شیرانی": "مولانا محمد خان شیرانی نے جلسے سے خطاب کیا۔",
    "لوٹی": "ڈاکوؤں نے مسافروں کی نقدی لوٹی اور فرار ہو گئے۔",
    "جھٹ پٹ": "اس نے جھٹ پٹ سارا کام نمٹا دیا۔",
    "تمبو": "متاثرین کھلے آسمان تلے تمبو میں رہ رہے ہیں۔",
    "گلستان": "شیخ سعدی کی گلستان فارسی ادب کی مشہور کتاب ہے۔",
    "ڈگر": "حکومت پرانی ڈگر پر چل رہی ہے۔",
    "غازی": "وہ جنگ سے غازی بن کر لوٹا۔",
    "صافی": "اس نے صافی سے پسینہ پونچھا۔",
    "غلام خان": "غلام خان نے عدالت میں درخواست دائر کی۔",
    "ٹوپی": "بچے نے سر پر اونی ٹوپی پہن رکھی تھی۔",
    "چوبارہ": "مکان کی چھت پر ایک چوبارہ بنا ہوا تھا۔",
    "جتوئی": "غلام مصطفیٰ جتوئی نگران وزیر اعظم رہے۔",
    "رکھنی": "حکومت کو مذاکرات کی راہ کھلی رکھنی چاہیے۔",
    "رکنی": "فائرنگ کو ہر حال میں رکنی چاہیے تھی۔",
    "متنی": "ماہرین نے قرارداد کا متنی جائزہ لیا۔",
    "بُنِی": "حکومت خاموش تماشائی بُنِی ہوئی ہے۔",  # vowel marks as a careful typist writes them
    "ڈگری": "اس نے جامعہ سے قانون کی ڈگری حاصل کی۔",
    "دوڑ": "وہ سو میٹر کی دوڑ میں اول آیا۔",
    "قاضی احمد": "قاضی احمد نے مقدمے کی سماعت کی۔",
    "مٹھی": "اس نے غصے سے مٹھی بند کر لی۔",
    "مورو": "موروثی سیاست کا خاتمہ ضروری ہے۔",
    "شیوا": "جھوٹ بولنا اس کا شیوا نہیں۔",
    "پروا": "اسے کسی کی پروا نہیں۔",
}


def _named(text: str) -> list[tuple[str, str]]:
    return [(p.text, p.name) for p in find_urdu_places(text)]


# -- every row -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['phrase']}-{r['place']}" for r in ROWS])
def test_row_resolves_to_its_gazetteer_record(row: dict[str, str]) -> None:
    record = resolve_row(row)
    assert record is not None, f"{row['phrase']}: {row['place']} is not a reading of {row['name']!r}"
    assert (record.id, record.name, record.country_code) == (row["place"], row["name"], "PK")


def test_each_name_has_one_row() -> None:
    phrases = [r["phrase"] for r in ROWS]
    assert len(phrases) == len(set(phrases))
    assert {r["cue"] for r in ROWS} <= {"", "c"}


@pytest.mark.parametrize("row", [r for r in ROWS if r["source"] == "team"], ids=lambda r: r["phrase"])
def test_team_row_is_read_in_a_sentence(row: dict[str, str]) -> None:
    # A name that is also an ordinary word is written with a place word after it, as reports do.
    text = f"دھماکہ {row['phrase']} کے علاقے میں ہوا۔" if row["cue"] else f"دھماکہ {row['phrase']} میں ہوا۔"
    found = [p for p in find_urdu_places(text) if p.text == row["phrase"]]
    assert found, f"{row['phrase']} ({row['place']}) is not found"
    assert found[0].name == row["name"] and text[found[0].start : found[0].end] == row["phrase"]


# -- names that are also ordinary words ----------------------------------------------------------------------


def test_every_cued_name_has_an_ordinary_sentence() -> None:
    assert sorted(CUED) == sorted(ORDINARY)


@pytest.mark.parametrize("phrase", CUED)
def test_cued_name_is_silent_in_ordinary_text(phrase: str) -> None:
    assert phrase in ORDINARY[phrase]
    assert _named(ORDINARY[phrase]) == []


@pytest.mark.parametrize("phrase", CUED)
def test_cued_name_is_silent_without_a_place_word(phrase: str) -> None:
    assert _named(f"دھماکہ {phrase} میں ہوا۔") == []


@pytest.mark.parametrize(("cue", "side"), [tuple(r.values()) for r in read_table("ur/place_cues.tsv")])
def test_place_word_lets_a_cued_name_count(cue: str, side: str) -> None:
    text = f"فائرنگ {cue} مند میں ہوئی۔" if side == "before" else f"فائرنگ مند {cue} میں ہوئی۔"
    assert ("مند", "Mand") in _named(text)


def test_a_cued_name_counts_only_as_a_whole_word() -> None:
    assert _named("باجوڑ کی تحصیل خار میں دھماکہ ہوا۔") == [("باجوڑ", "Bajaur"), ("خار", "Khar")]
    # "خارج" (expelled) after a place word: the finder may read a name glued to the next letter, not a cued one.
    assert _named("شہر خارج کر دیا گیا۔") == []


def test_a_cued_name_counts_listed_with_a_place() -> None:
    text = "ضلع کیچ کے علاقوں تمپ، مند اور دشت میں سرچ آپریشن کیا گیا۔"
    assert [name for _, name in _named(text)] == ["Kech", "Tump", "Mand", "Dasht"]
    # Not beside a word that is no place: "اور" joins it to "پہاڑوں".
    assert _named("قافلہ دشت اور پہاڑوں سے گزرا۔") == []


def test_residents_of_the_area_is_not_a_place_word() -> None:
    assert _named("علاقہ مکین سڑکوں پر نکل آئے۔") == []
    assert _named("جنوبی وزیرستان کی تحصیل مکین میں دھماکہ ہوا۔") == [
        ("جنوبی وزیرستان", "South Waziristan"),
        ("مکین", "Makin"),
    ]


# -- a town inside its district --------------------------------------------------------------------------------


def test_a_district_named_with_its_town_frames_it() -> None:
    roles = {p.name: p.role for p in find_urdu_places("ضلع کیچ کی تحصیل تمپ میں فائرنگ ہوئی۔")}
    assert roles == {"Kech": "mention", "Tump": "event"}
    # A town of another district, or one named as where the wounded were taken, leaves the district an event.
    roles = {p.name: p.role for p in find_urdu_places("پنجگور اور تمپ میں فائرنگ ہوئی۔")}
    assert roles == {"Panjgur": "event", "Tump": "event"}
    text = "ضلع کیچ میں فائرنگ سے زخمی ہونے والوں کو تربت کے ہسپتال منتقل کیا گیا۔"
    assert {p.name: p.role for p in find_urdu_places(text)} == {"Kech": "event", "Turbat": "mention"}


@pytest.mark.parametrize(
    ("text", "town", "district"),
    [
        ("ضلع کیچ کی تحصیل تمپ میں فائرنگ سے دو اہلکار جاں بحق ہو گئے۔", "Tump", "Kech"),
        ("ضلع کیچ کے علاقے دشت میں مسلح افراد کی فائرنگ سے ایک شخص جاں بحق ہو گیا۔", "Dasht", "Kech"),
        (
            "شمالی وزیرستان کی تحصیل میر علی میں دھماکے سے تین افراد زخمی ہو گئے۔",
            "Mir Ali",
            "North Waziristan",
        ),
        ("ڈیرہ بگٹی کے علاقے سوئی میں بارودی سرنگ کے دھماکے سے چار مزدور زخمی ہوئے۔", "Sui", "Dera Bugti"),
        ("باجوڑ کی تحصیل ماموند میں حملے کے دوران دو پولیس اہلکار جاں بحق ہو گئے۔", "Mamund", "Bajaur"),
        ("ضلع کچھی کے علاقے مچھ میں راکٹ حملے میں پانچ افراد زخمی ہو گئے۔", "Mach", "Kachhi"),
        ("ترجمان نے کہا کہ مستونگ ہی کے علاقے دشت سے دو ملازمین اغوا ہو گئے۔", "Mastung", "Mastung"),
        (
            "لکی مروت کے علاقے تاجوری میں پولیس چوکی پر حملے میں ایک اہلکار شہید ہو گیا۔",
            "Tajori",
            "Lakki Marwat",
        ),
        ("پشاور کے خیبر بازار میں دھماکے سے چار افراد جاں بحق ہو گئے۔", "Khyber Bazaar", "Peshawar"),
    ],
)
def test_a_town_inside_its_district_is_the_event_place(text: str, town: str, district: str) -> None:
    result = extract(Article(id="ur", text=text))
    assert result.article.language == "ur" and result.events
    places = {p.id: p for p in result.places}
    place = places[result.events[0].place_id]
    assert (place.name, place.admin2, place.role) == (town, district, "event")


def _away_rows() -> list[tuple[str, str, str]]:
    return [(r["phrase"], r["side"], r["kind"]) for r in read_table("ur/away_places.tsv")]


@pytest.mark.parametrize(("phrase", "side", "kind"), _away_rows())
def test_away_row_makes_the_place_a_mention(phrase: str, side: str, kind: str) -> None:
    text = f"مزدور {phrase} کوئٹہ سے ہیں۔" if side == "before" else f"مزدور کوئٹہ {phrase} تھے۔"
    (quetta,) = find_urdu_places(text)
    assert (quetta.name, quetta.role) == ("Quetta", "mention")


def test_where_people_set_out_for_a_destination_is_a_mention_too() -> None:
    places = find_urdu_places("قافلہ گوادر سے تربت جا رہا تھا کہ کیچ میں دھماکہ ہوا۔")
    assert [(p.name, p.role) for p in places] == [
        ("Gwadar", "mention"),
        ("Turbat", "mention"),
        ("Kech", "event"),
    ]


def test_a_list_shares_where_its_people_belong() -> None:
    places = find_urdu_places("اغوا ہونے والوں کا تعلق کوئٹہ اور خیبر پختونخوا سے ہے۔")
    assert {p.role for p in places} == {"mention"}
    assert {p.role for p in find_urdu_places("کوئٹہ اور تربت میں دھماکے ہوئے۔")} == {"event"}


def test_a_place_reported_from_stays_an_event_place() -> None:
    (nushki,) = find_urdu_places("ضلع نوشکی سے فائرنگ کا واقعہ رپورٹ ہوا۔")
    assert nushki.role == "event"


@pytest.mark.parametrize("dateline", ["کوئٹہ: ", "کوئٹہ (نمائندہ) ", "کوئٹہ… ", "کوئٹہ - "])
def test_the_dateline_is_where_the_report_was_filed(dateline: str) -> None:
    places = find_urdu_places(f"{dateline}مستونگ میں دھماکہ ہوا۔")
    assert [(p.name, p.role) for p in places] == [("Quetta", "mention"), ("Mastung", "event")]
    # Named again in the body it is an event place.
    assert find_urdu_places("مستونگ: مستونگ میں دھماکہ ہوا۔")[1].role == "event"


def test_both_places_of_a_two_place_dateline_are_where_it_was_filed() -> None:
    text = "پشاور، بنوں (نمائندگان جنگ) شمالی وزیرستان کے علاقے میر علی میں 3 دہشت گرد ہلاک ہو گئے۔"
    roles = {p.name: p.role for p in find_urdu_places(text)}
    assert (roles["Peshawar"], roles["Bannu"], roles["Mir Ali"]) == ("mention", "mention", "event")


def test_the_places_of_a_road_name_are_mentions() -> None:
    places = find_urdu_places("ضلع کرم میں ٹل پاراچنار روڈ پر فائرنگ ہوئی۔")
    assert [(p.name, p.role) for p in places] == [
        ("Kurram", "event"),
        ("Thall", "mention"),
        ("Parachinar", "mention"),
    ]


def test_where_people_belong_over_a_place_word_and_along_a_list() -> None:
    (chakwal,) = find_urdu_places("شہید کیپٹن کا تعلق ضلع چکوال سے تھا۔")
    assert chakwal.role == "mention"
    places = find_urdu_places("مغویوں کا تعلق بنوں، کرک اور پنجاب کے ضلع میانوالی سے ہے۔")
    assert {p.role for p in places} == {"mention"} and len(places) == 4


def test_a_report_naming_no_event_place_is_about_its_dateline() -> None:
    places = find_urdu_places("کوئٹہ: زخمیوں کو کراچی کے ہسپتال منتقل کر دیا گیا۔")
    assert [(p.name, p.role) for p in places] == [("Quetta", "event"), ("Karachi", "mention")]
    # a name that is also an ordinary word counts as a dateline
    (chaman,) = find_urdu_places("چمن: سرحد پار سے گولہ باری میں دو شہری جاں بحق ہو گئے۔")
    assert (chaman.name, chaman.role) == ("Chaman", "event")


def test_where_people_belonged_is_a_mention() -> None:
    places = find_urdu_places("ضلع کرم میں حملہ ہوا۔ شہید اہلکاروں کا تعلق ہنگو اور بنوں سے تھا۔")
    assert [(p.name, p.role) for p in places] == [
        ("Kurram", "event"),
        ("Hangu", "mention"),
        ("Bannu", "mention"),
    ]


@pytest.mark.parametrize(("written", "district"), [("نوشکے", "Nushki"), ("حیدر آباد", "Hyderabad")])
def test_spellings_the_press_uses(written: str, district: str) -> None:
    assert [p.admin2 for p in find_urdu_places(f"{written} میں دھماکہ ہوا۔")] == [district]


@pytest.mark.parametrize(
    ("district", "place"), [("خیبر", "باغ"), ("مستونگ", "دشت"), ("لکی مروت", "سرائے نورنگ")]
)
def test_a_place_set_inside_a_district_is_read_in_that_district(district: str, place: str) -> None:
    text = f"سکیورٹی فورسز نے ضلع {district} کے علاقے {place} میں کارروائی کی۔"
    places = find_urdu_places(text)
    named = next(p for p in places if p.text == place)
    district_place = next(p for p in places if p.text == district)
    assert named.admin2 == district_place.admin2


def test_where_rockets_were_fired_from_is_a_mention_and_an_agency_is_its_district() -> None:
    text = "پشاور: شہر کے نواحی علاقے متنی پر رات گئے 3 راکٹ گرے جس سے ایک شخص زخمی ہو گیا۔ پولیس کے مطابق راکٹ باجوڑ ایجنسی کی جانب سے داغے گئے۔"
    places = {p.name: p.role for p in find_urdu_places(text)}
    assert places["Bajaur"] == "mention"
