"""The actor dictionary: aliases to ACLED names, case rules, user files, responsibility, ACLED comparison."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sitrep.events.actors import (
    KIND_INTER,
    ActorDictionary,
    ActorMention,
    acled_actor_matches,
    load_actors,
    responsibility,
)

BLA = "BLA: Baloch Liberation Army"
BLF = "BLF: Baloch Liberation Front"
TTP = "TTP: Tehreek-i-Taliban Pakistan"
MILITARY = "Military Forces of Pakistan"
POLICE = "Police Forces of Pakistan"
FC = "Police Forces of Pakistan Frontier Corps"
LEVIES = "Police Forces of Pakistan Balochistan Levies"
CTD = "Police Forces of Pakistan Counter Terrorism Department"
UNIDENTIFIED = "Unidentified Armed Group (Pakistan)"


def names(found: list[ActorMention]) -> list[str]:
    return [mention.actor.name for mention in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Balochistan Liberation Army attacked.", BLA),
        ("The Baloch Liberation Army attacked.", BLA),
        ("The BLA attacked.", BLA),
        ("the BLA's statement", BLA),
        ("the BLA-Jeeyand faction", BLA),
        ("the BLA-Azad faction", BLA),
        ("its Majeed Brigade", BLA),
        ("the Baloch Liberation Front", BLF),
        ("the Tehrik-e-Taliban Pakistan", TTP),
        ("the Pakistani Taliban", TTP),
        ("an FC post", FC),
        ("the paramilitary Frontier Corps", FC),
        ("a Levies check post", LEVIES),
        ("the Levies force", LEVIES),
        ("the CTD said", CTD),
        ("the Counter-Terrorism Department said", CTD),
        ("ISPR said", MILITARY),
        ("the army said", MILITARY),
        ("Pakistan's military said", MILITARY),
        ("Balochistan Police said", POLICE),
        ("the Coast Guards post", "Police Forces of Pakistan Coast Guard"),
        ("Jaish al-Adl fighters", "Jaish al-Adl"),
        ("IS-K claimed", "Islamic State Khorasan Province (ISKP)"),
        ("a death squad member", "Militia (Pro-Government)"),
        ("Unidentified gunmen opened fire", UNIDENTIFIED),
        ("Chinese nationals were hurt", "Civilians (China)"),
        ("the Afghan Taliban", "Military Forces of Afghanistan (2021-)"),
        ("the IRGC said", "Military Forces of Iran Islamic Revolutionary Guard Corps"),
    ],
)
def test_alias_gives_canonical_name(actors: ActorDictionary, text: str, expected: str) -> None:
    assert names(actors.find(text)) == [expected]


def test_branch_has_parent_force_and_inter(actors: ActorDictionary) -> None:
    (mention,) = actors.find("FC personnel were injured")
    assert mention.actor.parent == POLICE
    assert mention.actor.branch == "Frontier Corps"
    assert mention.actor.inter == 1 and mention.actor.kind == "state_forces"
    levies = actors.get(LEVIES)
    assert levies is not None and levies.parent == POLICE and levies.branch == "Balochistan Levies"
    assert actors.get(MILITARY) is not None and actors.get(MILITARY).parent is None


def test_mentions_carry_offsets_and_the_words_as_written(actors: ActorDictionary) -> None:
    # Line breaks and runs of spaces inside a name (CRLF files, hard-wrapped text) do not break it.
    text = "On Monday, BLF  militants attacked\n\nthe Frontier\r\nCorps camp; ISPR said."
    found = actors.find(text)
    assert [(m.text, m.actor.name) for m in found] == [
        ("BLF  militants", BLF),
        ("Frontier\r\nCorps", FC),
        ("ISPR", MILITARY),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_longest_name_wins_over_the_generic_word_inside_it(actors: ActorDictionary) -> None:
    assert names(actors.find("Baloch Liberation Army fighters")) == [BLA]
    assert names(actors.find("Pakistan Army soldiers")) == [MILITARY]


def test_generic_words_are_marked_and_named_groups_are_not(actors: ActorDictionary) -> None:
    (soldiers,) = actors.find("two soldiers were killed")
    assert soldiers.actor.name == MILITARY and soldiers.actor.generic
    (isp,) = actors.find("ISPR said")
    assert isp.actor.name == MILITARY and not isp.actor.generic
    assert actors.get(MILITARY).generic is False


@pytest.mark.parametrize(
    "word", ["militants", "gunmen", "assailants", "insurgents", "attackers", "terrorists"]
)
def test_bare_militants_is_an_unknown_actor_not_a_group(actors: ActorDictionary, word: str) -> None:
    (mention,) = actors.find(f"{word} attacked the post")
    assert mention.actor.name == UNIDENTIFIED
    assert mention.actor.kind == "unidentified" and mention.actor.inter == 3 and mention.actor.generic


def test_unidentified_gunmen(actors: ActorDictionary) -> None:
    (mention,) = actors.find("Unidentified gunmen shot dead two labourers")[:1]
    assert mention.actor.name == UNIDENTIFIED and mention.text == "Unidentified gunmen"


def test_generic_word_joined_to_a_group_is_that_group(actors: ActorDictionary) -> None:
    assert [(m.text, m.actor.name) for m in actors.find("BLA militants and militants of the BLF")] == [
        ("BLA militants", BLA),
        ("militants of the BLF", BLF),
    ]
    # An attacker of a state force is not that force.
    assert names(actors.find("attackers of the FC post")) == [UNIDENTIFIED, FC]


def test_acronyms_match_only_in_capitals(actors: ActorDictionary) -> None:
    assert names(actors.find("IS claimed the attack")) == ["Islamic State (Pakistan)"]
    assert actors.find("It is clear that this is what he said. Is it?") == []
    assert names(actors.find("LeT militants")) == ["LeT: Lashkar-e-Taiba"]
    assert actors.find("let them go; bla bla") == []
    assert names(actors.find("BRaS militants")) == ["BRAS: Baloch Raaji Ajoi e Sangar"]
    assert actors.find("a blast hit the bus") == []  # "bla" never inside a word


def test_capitalised_generic_word_inside_an_unknown_name_is_not_the_state(actors: ActorDictionary) -> None:
    assert actors.find("the Free Balochistan Army said") == []
    assert names(actors.find("The Army said")) == [MILITARY]


def test_get_unknown_is_none(actors: ActorDictionary) -> None:
    assert actors.get("Baloch Liberation Army") is None  # aliases are not names
    assert actors.get(BLA) is not None


def test_default_dictionary_is_cached() -> None:
    assert load_actors() is load_actors()


def test_data_rows_are_valid_and_neutral(actors: ActorDictionary) -> None:
    assert len(actors) >= 50 and actors.alias_count >= 400
    for actor in actors:
        assert actor.kind in KIND_INTER and 1 <= actor.inter <= 8, actor
        # One side's words ("terrorists", "martyrs", "khawarij") may be aliases, never names. The CTD's own
        # name ("Counter Terrorism Department") is a name, not a label.
        words = set(actor.name.lower().replace("-", " ").split())
        assert not words & {"terrorist", "terrorists", "martyr", "martyrs", "khawarij", "miscreants"}, actor
        if actor.parent:
            assert actors.get(actor.parent) is not None, actor


# --- user files ------------------------------------------------------------------------------------------


def write(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_user_file_adds_an_actor_without_code(tmp_path: Path) -> None:
    extra = write(
        tmp_path / "mine.tsv",
        "# my additions",
        "name\taliases\tkind\tcountry",
        "Jundallah (Pakistan)\tJundallah|Jundullah\trebel_group\tPK",
    )
    actors = load_actors(extra)
    (mention,) = actors.find("Jundullah claimed responsibility")
    assert mention.actor.name == "Jundallah (Pakistan)" and mention.actor.inter == 2
    assert names(actors.find("BLA")) == [BLA]  # the shipped dictionary is still there
    assert load_actors().get("Jundallah (Pakistan)") is None  # and the default one is untouched


def test_user_files_from_the_environment_and_later_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write(tmp_path / "a.tsv", "name\taliases\tkind", "Group A\tThe Outfit\trebel_group")
    second = write(tmp_path / "b.tsv", "name\taliases\tkind", "Group B\tThe Outfit\tpolitical_militia")
    monkeypatch.setenv("SITREP_ACTORS", f"{first}{__import__('os').pathsep}{second}")
    actors = load_actors()
    (mention,) = actors.find("The Outfit struck")
    assert mention.actor.name == "Group B" and mention.actor.inter == 3


def test_user_file_can_add_an_alias_to_a_shipped_actor(tmp_path: Path) -> None:
    extra = write(tmp_path / "alias.tsv", "name\taliases", f"{BLA}\tBalochistan Azadi Army")
    actors = load_actors(extra)
    assert names(actors.find("the Balochistan Azadi Army said")) == [BLA]
    assert names(actors.find("the BLA said")) == [BLA]


@pytest.mark.parametrize(
    ("lines", "line_number", "words"),
    [
        (["name\taliases\tkind", "Group X\tgroupx\trebels"], 2, "kind 'rebels'"),
        (["name\taliases\tkind\tinter", "", "Group X\tgroupx\trebel_group\t9"], 3, "inter '9'"),
        (["name\taliases", "Group X\tgroupx"], 2, "needs a kind"),
        (["name\talias\tkind", "Group X\tgroupx\trebel_group"], 1, "unknown column 'alias'"),
        (["name\taliases\tkind", "Group X\tgroupx\trebel_group\textra"], 2, "4 tab-separated fields"),
        (["name\taliases\tkind\tparent", "Group X\tgroupx\tstate_forces\tNo Such Force"], 2, "parent"),
        (["name\taliases\tkind\tcountry", "Group X\tgroupx\trebel_group\tPak"], 2, "country 'Pak'"),
    ],
)
def test_malformed_user_file_gives_one_line_naming_file_and_line(
    tmp_path: Path, lines: list[str], line_number: int, words: str
) -> None:
    bad = write(tmp_path / "bad.tsv", *lines)
    with pytest.raises(ValueError) as caught:
        load_actors(bad)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{bad}:{line_number}: ")
    assert words in message


def test_missing_user_file_is_a_value_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="nowhere.tsv"):
        load_actors(tmp_path / "nowhere.tsv")


# --- responsibility ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "claimed", "denied"),
    [
        ("The BLA claimed responsibility for the attack.", [BLA], []),
        ("Responsibility for the attack was claimed by the Baloch Liberation Front.", [BLF], []),
        (
            "The TTP, which claimed the attack as revenge for its commander's killing, said more would follow.",
            [TTP],
            [],
        ),
        ("ISKP owned the attack in Bajaur.", ["Islamic State Khorasan Province (ISKP)"], []),
        ("The attack, claimed by the BLA, killed five.", [BLA], []),
        ("The BLA and BLF jointly claimed responsibility for the attacks.", [BLA, BLF], []),
        ("Militants attacked a post in Kech. In a statement, the BLF claimed the attack.", [BLF], []),
        ("BLA militants attacked a camp. Later the group claimed responsibility.", [BLA], []),
        ("The BLA, which had attacked FC posts before, claimed responsibility.", [BLA], []),
        ("The TTP denied any involvement in the blast.", [], [TTP]),
        ("The TTP denied carrying out the bombing.", [], [TTP]),
        (
            "The TTP claimed the attack, while Jamaat-ul-Ahrar denied involvement.",
            [TTP],
            ["JuA: Jamaat-ul-Ahrar"],
        ),
        ("No group has claimed responsibility for the attack.", [], []),
        ("No one claimed responsibility, but police suspected the BLA.", [], []),
        ("The BLA did not claim responsibility for the blast.", [], []),
        ("Militants claimed responsibility.", [], []),  # an unnamed actor claims nothing for anyone
        ("The BLA said five soldiers were killed.", [], []),  # a figure, not a claim of the attack
        ("Police said the BLA was active in the area.", [], []),
    ],
)
def test_responsibility(actors: ActorDictionary, text: str, claimed: list[str], denied: list[str]) -> None:
    assert responsibility(text, actors) == (claimed, denied)


# --- comparing with ACLED ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        (POLICE, "Police Forces of Pakistan (2022-) Frontier Corps", True),
        (FC, "Police Forces of Pakistan (2022-) Frontier Corps", True),
        (FC, "Police Forces of Pakistan (2018-2022) Frontier Corps", True),
        (LEVIES, "Police Forces of Pakistan (2022-) Frontier Corps", False),
        (FC, "Police Forces of Pakistan (2022-)", False),
        (MILITARY, "Military Forces of Pakistan (2018-2022)", True),
        (MILITARY, "Police Forces of Pakistan (2018-2022)", False),
        (BLA, "BLA: Baloch Liberation Army", True),
        (BLA, "BLF: Baloch Liberation Front", False),
        (TTP, "TTP: Tehrik-i-Taliban", True),
        ("Military Forces of Afghanistan (2021-)", "Military Forces of Afghanistan (2021-)", True),
        (None, "", True),
        (None, "Civilians (Pakistan)", False),
        (BLA, "", False),
    ],
)
def test_acled_actor_matches(predicted: str | None, gold: str, expected: bool) -> None:
    assert acled_actor_matches(predicted, gold) is expected


def test_every_acled_actor_in_the_dev_data_has_an_entry(shared_dev: Path, actors: ActorDictionary) -> None:
    with (shared_dev / "acled_balochistan_2020_2022.csv").open(encoding="utf-8") as handle:
        gold = {
            row[column] for row in csv.DictReader(handle) for column in ("actor1", "actor2") if row[column]
        }
    missing = sorted(
        name for name in gold if not any(acled_actor_matches(a.name, name, actors) for a in actors)
    )
    assert not missing, missing
