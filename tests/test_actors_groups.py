"""The armed groups and forces of Pakistan and its neighbours under the names news gives them; the state's own
labels read neutrally; a claim made in the sentence after the attack; the analyst's actor file read by the
claimant stage too. Every sentence here is invented for the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitrep.events.actors import ActorDictionary, ActorMention, responsibility
from sitrep.model import Article
from sitrep.pipeline import extract, extract_claims

TTP = "TTP: Tehreek-i-Taliban Pakistan"
BALOCH = "Baloch Separatists (Pakistan)"
FC = "Police Forces of Pakistan Frontier Corps"


def specific(found: list[ActorMention]) -> list[str]:
    return [m.actor.name for m in found if not m.actor.generic]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The state's labels stand for the groups they label; the actor keeps its neutral name.
        ("troops fought terrorists of Fitna al Khwarij near the border", TTP),
        ("a hideout of Fitna-ul-Khawarij was destroyed", TTP),
        ("the Tahreek-e-Taliban Pakistan denied it", TTP),
        ("militants of Fitna al Hindustan set a bank on fire", BALOCH),
        ("the Fitna-e-Hindustan network", BALOCH),
        ("Baloch National Army fighters", "BNA: Baloch Nationalist Army"),
        ("a cell of ISIS-Khorasan", "Islamic State Khorasan Province (ISKP)"),
        ("the Lashkar-e-Tayyaba founder", "LeT: Lashkar-e-Taiba"),
        ("Jaish-e-Muhammed cadres", "JeM: Jaish-e-Mohammed"),
        ("men of the Lashkar-e-Islami", "LeI: Lashkar-e-Islam"),
        ("Ansar-ul-Islam volunteers in the valley", "Ansar-ul-Islam (Pakistan)"),
        ("the banned Sipah-e-Sahaba Pakistan", "SSP: Sipah-e-Sahaba Pakistan"),
        ("Jaysh al-Adl crossed the border", "Jaish al-Adl"),
        # Frontier Corps regiments by their own names.
        ("a Khyber Rifles picket", FC),
        ("the Tochi Scouts headquarters", FC),
        ("a Zhob Militia convoy", FC),
        # The tribal police of the former agencies are police.
        ("two Khasadar personnel", "Police Forces of Pakistan"),
    ],
)
def test_group_and_force_names_in_news(actors: ActorDictionary, text: str, expected: str) -> None:
    assert specific(actors.find(text)) == [expected]


def test_the_police_rank_ssp_is_no_sectarian_group(actors: ActorDictionary) -> None:
    assert specific(actors.find("The SSP of the district visited the site.")) == []


def test_state_label_names_the_doer_of_an_attack() -> None:
    text = (
        "Three soldiers died when militants of Fitna al Hindustan attacked a post in Kech district on Friday."
    )
    (event,) = extract(Article(id="t1", text=text, published=dt.date(2025, 5, 3))).events
    assert event.actor1 == BALOCH


def test_the_group_claims_in_the_sentence_after_the_attack() -> None:
    text = (
        "Fighters of the Hafiz Gul Bahadur group ambushed a police van in Bannu district, killing two constables. "
        "The group claimed responsibility in a message to reporters."
    )
    (event,) = extract(Article(id="t2", text=text, published=dt.date(2024, 9, 9))).events
    assert event.claimed_by == ["Hafiz Gul Bahadur Group"]


def test_a_denial_in_the_next_sentence_is_no_claim() -> None:
    text = (
        "A bomb hidden in a cart killed four shoppers in a market of Bannu on Sunday. "
        "The TTP denied involvement in the blast."
    )
    (event,) = extract(Article(id="t3", text=text, published=dt.date(2024, 9, 9))).events
    assert event.claimed_by == [] and event.denied_by == [TTP]


def test_claimant_stage_reads_the_analysts_actor_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("name\taliases\tkind\tcountry\nKhan Brigade (Pakistan)\tKhan Brigade\trebel_group\tPK\n")
    text = "Two guards were killed in the raid, the Khan Brigade said."
    (claim,) = extract_claims(text)
    assert claim.claimant.kind != "armed_group"  # a name the shipped dictionary does not know
    monkeypatch.setenv("SITREP_ACTORS", str(extra))
    (claim,) = extract_claims(text)
    assert (claim.claimant.kind, claim.claimant.name) == ("armed_group", "Khan Brigade (Pakistan)")
    monkeypatch.delenv("SITREP_ACTORS")
    assert extract_claims(text)[0].claimant.kind != "armed_group"


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        # The attack named with its kind.
        ("The Lashkar-e-Jhangvi claimed the suicide bombing of the shrine.", ["LeJ: Lashkar-e-Jhangvi"]),
        ("The BLF claimed the rocket attack on the camp.", ["BLF: Baloch Liberation Front"]),
        # An article before 'responsibility'.
        ("The TTP owned the responsibility of the ambush.", [TTP]),
        ("Jamaat-ul-Ahrar took the responsibility for the blast.", ["JuA: Jamaat-ul-Ahrar"]),
        # The group's statement that its fighters struck.
        ("The BRA said its fighters had fired rockets at the post.", ["BRA: Baloch Republican Army"]),
        ("A BLF spokesman said their fighters mined the road.", ["BLF: Baloch Liberation Front"]),
        ("The ambush was later claimed by the Baloch Republican Guard.", ["BRG: Baloch Republican Guard"]),
        ("Gul Bahadur's group claimed the raid on the police station.", ["Hafiz Gul Bahadur Group"]),
        # An aside that describes the group names no second claimant.
        (
            "The BRAS, an alliance of Baloch armed groups, claimed responsibility.",
            ["BRAS: Baloch Raaji Ajoi e Sangar"],
        ),
        ("Jamaat-ul-Ahrar, a splinter of the TTP, claimed the attack.", ["JuA: Jamaat-ul-Ahrar"]),
        # Still two claimants when two are listed.
        (
            "The BLA and the BRG claimed responsibility.",
            ["BLA: Baloch Liberation Army", "BRG: Baloch Republican Guard"],
        ),
        # Forces saying what they targeted claim nothing; nor does a denial of any claim.
        ("The army said it targeted hideouts of the BLA.", []),
        ("No group has claimed the suicide attack so far.", []),
    ],
)
def test_claims_of_responsibility(actors: ActorDictionary, text: str, claimed: list[str]) -> None:
    assert responsibility(text, actors)[0] == claimed


@pytest.mark.parametrize(
    "background",
    [
        "The TTP has carried out similar attacks in the district.",
        "Baloch separatists are active in the area and often target convoys.",
    ],
)
def test_a_group_named_only_as_background_is_not_the_doer(background: str) -> None:
    text = f"A bomb killed three policemen in Bannu district on Monday. {background}"
    (event,) = extract(Article(id="t4", text=text, published=dt.date(2024, 3, 4))).events
    assert event.actor1 == "Unidentified Armed Group (Pakistan)"
