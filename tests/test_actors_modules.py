"""sitrep.events.actors module by module: records, matching over a dictionary built here, loading, ACLED names
and responsibility."""

from __future__ import annotations

from pathlib import Path

from sitrep.events.actors.acled import acled_actor_matches
from sitrep.events.actors.loading import load_actors
from sitrep.events.actors.matching import ActorDictionary, acled_key, fold_alias
from sitrep.events.actors.records import KIND_INTER, ActorRecord
from sitrep.events.actors.responsibility import responsibility

FRONT = "Free Valley Front"


def _dictionary() -> ActorDictionary:
    front = ActorRecord(FRONT, "rebel_group", KIND_INTER["rebel_group"], "PK", None, "test:1")
    front.aliases[False].extend(["FVF", "Valley Front"])
    front.acled_names.append("FVF: Free Valley Front")
    troops = ActorRecord("Military Forces of Pakistan", "state_forces", 1, "PK", None, "test:2")
    troops.aliases[True].append("troops")
    return ActorDictionary([front, troops])


def test_an_acronym_alias_is_found_only_in_capitals_and_a_name_in_any_case() -> None:
    actors = _dictionary()
    found = actors.find("The FVF said the valley front ambushed troops; fvf is not the group.")
    assert [(m.actor.name, m.actor.generic) for m in found] == [
        (FRONT, False),
        (FRONT, False),
        ("Military Forces of Pakistan", True),
    ]


def test_offsets_of_a_mention_are_the_texts_own() -> None:
    text = "Fighters of the  Valley   Front attacked."
    [mention] = _dictionary().find(text)
    assert text[mention.start : mention.end] == "Valley   Front"


def test_folding_keeps_letters_and_squeezes_punctuation_that_joins_words() -> None:
    assert fold_alias("Ajoi-e-Sangar") == fold_alias("ajoi e sangar")
    assert acled_key("  FVF:  Free Valley Front ") == "fvf: free valley front"


def test_acled_spellings_are_the_same_actor() -> None:
    actors = _dictionary()
    assert actors.from_acled("FVF: Free Valley Front") == FRONT
    assert acled_actor_matches(FRONT, "FVF: Free Valley Front", actors)
    assert not acled_actor_matches(FRONT, "Military Forces of Pakistan", actors)


def test_a_later_file_adds_an_alias_to_a_shipped_actor(tmp_path: Path) -> None:
    extra = tmp_path / "more.tsv"
    extra.write_text("name\taliases\nBLA: Baloch Liberation Army\tBalochistan Azadi Army\n", encoding="utf-8")
    [mention] = load_actors(extra).find("the Balochistan Azadi Army said")
    assert mention.actor.name == "BLA: Baloch Liberation Army"


def test_a_claim_and_a_denial_are_told_apart() -> None:
    actors = load_actors()
    claimed, denied = responsibility("The BLA claimed responsibility for the attack.", actors)
    assert (claimed, denied) == (["BLA: Baloch Liberation Army"], [])
    claimed, denied = responsibility("The TTP denied any involvement in the blast.", actors)
    assert (claimed, denied) == ([], ["TTP: Tehreek-i-Taliban Pakistan"])
    assert responsibility("No group has claimed responsibility so far.", actors) == ([], [])
