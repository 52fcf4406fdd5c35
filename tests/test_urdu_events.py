"""Urdu events: the type and the actors of an Urdu report. Every row of ``sitrep/data/ur/tactics.tsv``,
``ur/actors.tsv``, ``ur/actor_words.tsv`` and ``ur/responsibility.tsv`` read in a sentence written for it, the
rules (Urdu word boundaries, who speaks, responsibility in Urdu word order) and one article through
``sitrep.pipeline.extract``. The sentences are the team's own, not taken from any report."""

from __future__ import annotations

import pytest

from sitrep.data import read_table
from sitrep.events.actors import load_actors, responsibility
from sitrep.events.sentences import read_sentences
from sitrep.events.tactics import EventType, choose_type, event_type, tactic_reader
from sitrep.model import Article, Event
from sitrep.nlp.lexicon import tokenize
from sitrep.nlp.urdu import urdu_sentences, within_words
from sitrep.pipeline import extract

_TACTICS = read_table("ur/tactics.tsv")
_ENGLISH = read_table("tactics.tsv")


def _tactics(sentence: str) -> dict[str, tuple[EventType, ...]]:
    return {m.phrase: m.types for m in tactic_reader("ur").find(tokenize(sentence))}


# -- tactics: one sentence per row ----------------------------------------------------------------------------


@pytest.mark.parametrize("row", [r for r in _TACTICS if r["event_type"]], ids=lambda r: r["phrase"])
def test_tactic_row(row: dict[str, str]) -> None:
    found = _tactics(f"ضلع میں گزشتہ روز {row['phrase']} کا واقعہ پیش آیا۔")
    assert event_type(row) in found[row["phrase"]]


@pytest.mark.parametrize("phrase", sorted({r["phrase"] for r in _TACTICS}))
def test_tactic_rows_copy_the_english_rows_of_their_words(phrase: str) -> None:
    rows = [r for r in _TACTICS if r["phrase"] == phrase]
    english = {r["english"] for r in rows}
    assert len(english) == 1  # one English phrase a Urdu phrase reads as
    if not rows[0]["event_type"]:
        assert english == {""}  # a phrase that hides a shorter one
        return
    (words,) = english
    assert {event_type(r) for r in rows} == {event_type(r) for r in _ENGLISH if r["phrase"] == words}


@pytest.mark.parametrize("row", [r for r in _TACTICS if not r["event_type"]], ids=lambda r: r["phrase"])
def test_hiding_row_names_no_tactic(row: dict[str, str]) -> None:
    assert _tactics(f"ضلع میں {row['phrase']} کا ذکر ہوا۔") == {}


def test_the_attacker_is_no_attack_but_a_suicide_attacker_is_a_suicide_bombing() -> None:
    assert _tactics("حملہ آوروں نے گاڑی روک لی۔") == {}
    found = _tactics("خودکش حملہ آور نے خود کو اڑا لیا۔")
    assert [t.sub_event_type for t in found["خودکش حملہ آور"]] == ["Suicide bomb"]


def test_compared_with_is_no_encounter() -> None:
    assert _tactics("گزشتہ سال کے مقابلے میں واقعات کم ہوئے۔") == {}
    found = _tactics("پولیس مقابلے میں دو ملزم مارے گئے۔")
    assert [t.sub_event_type for t in found["پولیس مقابلے"]] == ["Armed clash"]


def test_tactic_words_are_chosen_by_language() -> None:
    tokens = tokenize("نامعلوم افراد نے دستی بم پھینکا۔")
    assert tactic_reader("en").find(tokens) == []
    assert [m.phrase for m in tactic_reader("ur").find(tokens)] == ["دستی بم"]
    assert tactic_reader("ps") is tactic_reader("en")  # a language without its own table reads English's


def test_a_grenade_thrown_in_a_gunfight_is_the_gunfight() -> None:
    # The English rule of choose_type, on Urdu words: the firing names the event, the grenade was its weapon.
    found = tactic_reader("ur").find(tokenize("حملہ آوروں نے چوکی پر دستی بم پھینکے اور فائرنگ کی۔"))
    chosen = choose_type(found, "armed")
    assert chosen is not None and (chosen.event_type, chosen.sub_event_type) == ("Battles", "Armed clash")
    alone = choose_type(tactic_reader("ur").find(tokenize("دکان پر دستی بم پھینکا گیا۔")), "civilians")
    assert alone is not None and alone.sub_event_type == "Grenade"


# -- actors: one sentence per row -----------------------------------------------------------------------------


_ACTOR_ROWS = [(r["phrase"], r["actor"], "no") for r in read_table("ur/actors.tsv")] + [
    (r["phrase"], r["actor"], r["generic"]) for r in read_table("ur/actor_words.tsv")
]


@pytest.mark.parametrize(("phrase", "actor", "generic"), _ACTOR_ROWS)
def test_actor_row(phrase: str, actor: str, generic: str) -> None:
    text = f"کل {phrase} کا ذکر ہوا۔"
    mentions = load_actors().find(text)
    assert [(m.actor.name, m.text, m.actor.generic) for m in mentions] == [(actor, phrase, generic == "yes")]
    assert text[mentions[0].start : mentions[0].end] == phrase


def test_state_labels_map_to_neutral_names() -> None:
    actors = load_actors()
    found = actors.find("فتنہ الخوارج کے دہشت گرد")
    assert [m.actor.name for m in found] == [
        "TTP: Tehreek-i-Taliban Pakistan",
        "Unidentified Armed Group (Pakistan)",
    ]
    # "فتنہ الہندوستان" names no one group: ACLED's umbrella actor for Baloch armed groups, as in English.
    assert [m.actor.name for m in actors.find("فتنہ الہندوستان کے حملے")] == ["Baloch Separatists (Pakistan)"]


# -- Urdu word boundaries -------------------------------------------------------------------------------------


def test_a_name_written_against_and_or_a_case_marker_is_found() -> None:
    actors = load_actors()
    found = actors.find("اورپولیس نے لیویزکے اہلکاروں کو بلایا")
    assert [(m.actor.name, m.text) for m in found] == [
        ("Police Forces of Pakistan", "پولیس"),
        ("Police Forces of Pakistan Balochistan Levies", "لیویز"),
    ]


def test_a_name_is_not_read_inside_a_longer_word() -> None:
    actors = load_actors()
    assert actors.find("دہشت گردی کے خلاف جنگ") == []  # terrorism, not terrorists
    assert [m.actor.name for m in actors.find("فوجی قافلہ")] == ["Military Forces of Pakistan"]  # listed
    assert actors.find("فوجداری مقدمہ") == []  # criminal (case): "فوج" joins the next letter
    assert [m.text for m in actors.find("the BLA blast")] == ["BLA"]  # English words: as before


@pytest.mark.parametrize(
    ("text", "start", "end", "whole"),
    [
        ("اورپولیس", 3, 8, True),  # "and" against the name
        ("لیویزکے", 0, 5, True),  # a case marker after a non-joining letter
        ("دہشت گردی", 0, 8, False),  # a longer word
        ("بیورپولیس", 4, 9, False),  # "ر" ending a word that is not "اور"/"پر"
        ("blast", 0, 3, False),
    ],
)
def test_within_words(text: str, start: int, end: int, whole: bool) -> None:
    assert within_words(text, start, end) is whole


# -- who speaks is not a party --------------------------------------------------------------------------------


def _sentence_actors(text: str) -> list[list[str]]:
    spans = urdu_sentences(text)
    units = [(s, e, tokenize(text[s:e])) for s, e in spans]
    read = read_sentences(text, None, units, [], [], load_actors(), language="ur")
    return [[m.text for m in s.actors] for s in read]


def test_the_source_of_a_statement_is_no_party() -> None:
    text = (
        "پولیس کے مطابق نامعلوم مسلح افراد نے فائرنگ کی۔ "
        "بی ایل اے کے ترجمان نے کہا کہ فورسز کی گاڑی کو نشانہ بنایا گیا۔ "
        "فوج نے تصدیق کی کہ دو اہلکار زخمی ہوئے۔ "
        "پولیس نے علاقے میں ناکے لگا دیے۔"
    )
    assert _sentence_actors(text) == [["نامعلوم مسلح افراد"], ["فورسز"], [], ["پولیس"]]


# -- responsibility -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "row", [r for r in read_table("ur/responsibility.tsv") if r["role"] == "claim"], ids=lambda r: r["phrase"]
)
def test_claim_row(row: dict[str, str]) -> None:
    text = f"حملے کے بعد بی ایل ایف نے {row['phrase']}۔"
    assert responsibility(text, load_actors()) == (["BLF: Baloch Liberation Front"], [])


@pytest.mark.parametrize(
    "row", [r for r in read_table("ur/responsibility.tsv") if r["role"] == "deny"], ids=lambda r: r["phrase"]
)
def test_deny_row(row: dict[str, str]) -> None:
    text = f"ٹی ٹی پی نے حملے میں {row['phrase']} کر دیا۔"
    assert responsibility(text, load_actors()) == ([], ["TTP: Tehreek-i-Taliban Pakistan"])


@pytest.mark.parametrize(
    "row",
    [r for r in read_table("ur/responsibility.tsv") if r["role"] == "negation"],
    ids=lambda r: r["phrase"],
)
def test_negation_row(row: dict[str, str]) -> None:
    # Urdu negates after the verb: the group named did not claim the attack.
    text = f"حملے کے بعد ٹی ٹی پی نے {row['phrase']} کی۔"
    assert responsibility(text, load_actors()) == ([], [])


@pytest.mark.parametrize(
    "row",
    [r for r in read_table("ur/responsibility.tsv") if r["role"] == "anaphor"],
    ids=lambda r: r["phrase"],
)
def test_anaphor_row(row: dict[str, str]) -> None:
    text = f"حملہ جماعت الاحرار کے جنگجوؤں نے کیا۔ {row['phrase']} نے حملے کی ذمہ داری قبول کر لی۔"
    assert responsibility(text, load_actors()) == (["JuA: Jamaat-ul-Ahrar"], [])


def test_the_group_between_responsibility_and_its_verb_claims() -> None:
    text = "حملے کی ذمہ داری کالعدم بی ایل اے نے قبول کر لی۔"
    assert responsibility(text, load_actors()) == (["BLA: Baloch Liberation Army"], [])


# -- through the pipeline -------------------------------------------------------------------------------------


def _events(text: str) -> list[Event]:
    return extract(Article(id="ur-events", text=text, language="ur")).events


def test_an_urdu_article_gives_type_actors_and_claimant() -> None:
    text = (
        "ضلع کیچ کے علاقے تمپ میں ایف سی کے قافلے پر ریموٹ کنٹرول بم دھماکے میں تین اہلکار شہید اور دو زخمی "
        "ہو گئے۔ دھماکے کے بعد نامعلوم مسلح افراد نے قافلے پر فائرنگ بھی کی۔ کالعدم بلوچ لبریشن فرنٹ کے "
        "ترجمان نے میڈیا کو جاری بیان میں حملے کی ذمہ داری قبول کر لی۔"
    )
    events = _events(text)
    assert len(events) == 1
    event = events[0]
    assert (event.event_type, event.sub_event_type) == (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    )
    assert event.actor1 == "BLF: Baloch Liberation Front"
    assert event.actor2 == "Police Forces of Pakistan Frontier Corps"
    assert event.claimed_by == ["BLF: Baloch Liberation Front"]
    assert (event.inter1, event.inter2) == (2, 1)


def test_an_operation_of_the_forces_is_theirs() -> None:
    text = (
        "شمالی وزیرستان میں سیکیورٹی فورسز نے انٹیلی جنس بیسڈ آپریشن کے دوران فتنہ الخوارج کے چار دہشت گرد "
        "ہلاک کر دیے۔"
    )
    events = _events(text)
    assert len(events) == 1
    event = events[0]
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert (event.actor1, event.actor2) == ("Military Forces of Pakistan", "TTP: Tehreek-i-Taliban Pakistan")
    assert event.claimed_by == []


def test_unidentified_gunmen_shooting_a_civilian() -> None:
    text = "کوئٹہ کے علاقے سریاب میں نامعلوم مسلح افراد کی فائرنگ سے ایک دکاندار جاں بحق ہو گیا۔"
    events = _events(text)
    assert len(events) == 1
    event = events[0]
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Pakistan)", "Civilians (Pakistan)")


# -- weapons found are not weapons used -----------------------------------------------------------------------


def _sentence_tactics(text: str) -> list[str]:
    spans = urdu_sentences(text)
    units = [(s, e, tokenize(text[s:e])) for s, e in spans]
    read = read_sentences(text, None, units, [], [], load_actors(), language="ur")
    return [t.phrase for s in read for t in s.tactics]


_HAUL = read_table("ur/weapon_haul.tsv")


@pytest.mark.parametrize("phrase", [r["phrase"] for r in _HAUL if r["role"] == "weapon"])
def test_haul_weapon_row(phrase: str) -> None:
    assert phrase in {r["phrase"] for r in _TACTICS}  # a tactic phrase, which the haul takes away
    assert _sentence_tactics(f"چھاپے کے دوران {phrase} برآمد کر لیے گئے۔") == []


@pytest.mark.parametrize("phrase", [r["phrase"] for r in _HAUL if r["role"] == "haul"])
def test_haul_row(phrase: str) -> None:
    assert _sentence_tactics(f"اہلکاروں نے دستی بم اور اسلحہ {phrase} کر لیا۔") == []


@pytest.mark.parametrize("phrase", [r["phrase"] for r in _HAUL if r["role"] == "use"])
def test_haul_use_row(phrase: str) -> None:
    assert "دستی بم" in _sentence_tactics(f"ایک دستی بم برآمد ہوا جبکہ دوسرا دستی بم {phrase} گیا۔")


def test_a_second_incident_told_apart_in_one_town_is_another_event() -> None:
    # "دوسرا واقعہ … پیش آیا" (the second incident happened …): two attacks in one town on one day, as ACLED codes
    text = (
        "کوئٹہ میں پیر کو فائرنگ کے واقعات میں ایک دکاندار جاں بحق اور دو اہلکار زخمی ہو گئے۔\n"
        "پہلا واقعہ صبح مسجد روڈ پر پیش آیا جہاں مسلح افراد نے ایک دکاندار کو فائرنگ کر کے قتل کر دیا۔\n"
        "دوسرا واقعہ شام کو ائیرپورٹ روڈ پر پیش آیا جہاں مسلح افراد نے ایف سی کی چوکی پر حملہ کیا جس میں دو اہلکار زخمی ہوئے۔"
    )
    result = extract(Article(id="two", text=text, language="ur"))
    assert len(result.events) == 2
