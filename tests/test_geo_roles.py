"""sitrep.geo.roles: why a place named is no event location."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import get_gazetteer
from sitrep.geo.hits import Hit
from sitrep.geo.lexicon import get_lexicon
from sitrep.geo.roles import mention_reason, share_list_roles
from tests.geo_text import doc_of, hits_of


@pytest.mark.parametrize(
    ("text", "name", "why"),
    [
        ("The Special Representative for Afghanistan visited Quetta.", "Afghanistan", "title"),
        ("Quetta police said two men were shot in Turbat.", "Quetta", "police"),
        ("The Balochistan government condemned the attack in Gwadar.", "Balochistan", "institution"),
        ("The wounded were shifted to the Civil Hospital Quetta after the blast.", "Quetta", "care"),
        ("The convoy was travelling to Quetta when it was attacked.", "Quetta", "route"),
        ("The blast hit a checkpoint 200 km west of Peshawar.", "Peshawar", "reference"),
        ("Islamabad said the attack had been planned abroad.", "Islamabad", "metonymy"),
        ("Gunmen attacked the convoy on Sibi Road.", "Sibi", "street"),
        ("A Quetta resident was shot in the attack.", "Quetta", "person"),
    ],
)
def test_the_words_around_a_name_say_why_it_is_a_mention(text: str, name: str, why: str) -> None:
    doc = doc_of(text)
    gazetteer = get_gazetteer()
    _tokens, matches = gazetteer.find_names(text, capitalised=True)
    match = next(m for m in matches if text[m.start : m.end] == name)
    hit = Hit(match.start, match.end, match.first, match.last, name, None, [], key=match.key)
    hit.locative = text[: match.start].rstrip().endswith((" in", " at"))
    hit.motion = text[: match.start].rstrip().endswith((" to", " from"))
    assert mention_reason(doc, match, get_lexicon(), hit) == why


def test_a_short_distance_makes_the_place_near_not_a_reference() -> None:
    _doc, hits = hits_of("Gunmen attacked a checkpoint 10 km from Bannu.")
    (bannu,) = hits
    assert (bannu.role, bannu.near) == ("event", True)


def test_the_next_names_of_a_list_share_the_first_ones_reason() -> None:
    _doc, hits = hits_of("Labourers from Punjab and Sindh were killed in Turbat.")
    assert [(h.written, h.role, h.why) for h in hits] == [
        ("Punjab", "mention", "route"),
        ("Sindh", "mention", "route"),
        ("Turbat", "event", ""),
    ]


def test_a_country_cue_carries_over_to_its_province() -> None:
    text = "He was based in Pakistan's Balochistan province."
    first = Hit(16, 24, 4, 4, "Pakistan", None, [], role="mention", why="relation", relation=True)
    second = Hit(27, 38, 7, 7, "Balochistan", None, [])
    share_list_roles(text, [first, second])
    assert (second.role, second.why) == ("mention", "relation")
