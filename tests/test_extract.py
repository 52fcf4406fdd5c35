"""Claim extraction on sentences written for these tests: figures, victims, claimants, stances, verification."""

from __future__ import annotations

import pytest

from sitrep.pipeline import extract_claims


def _figures(text: str) -> list[tuple[str, str, int | None, int | None]]:
    return [(c.outcome, c.victim, c.count.low, c.count.high) for c in extract_claims(text)]


def test_contested_campaign_report_keeps_every_figure_with_its_claimant() -> None:
    text = (
        "The militant group claimed its fighters killed more than 200 security personnel and took hostages. "
        "Provincial officials acknowledged dozens of deaths. "
        "Local leaders said at least 17 law enforcement members and 31 civilians were killed. "
        "Security forces said they had killed dozens of militants. "
        "The group's claims could not be independently verified."
    )
    claims = extract_claims(text)
    got = [
        (c.outcome, c.victim, c.count.low, c.count.high, c.claimant.kind, c.stance, c.verified)
        for c in claims
    ]
    assert got == [
        ("killed", "security_forces", 201, None, "armed_group", "claimed", False),
        ("abducted", "unspecified", None, None, "armed_group", "claimed", False),
        ("killed", "unspecified", 24, None, "government", "confirmed", None),
        ("killed", "security_forces", 17, None, "local_source", "reported", None),
        ("killed", "civilians", 31, 31, "local_source", "reported", None),
        ("killed", "militants", 24, None, "security_forces", "reported", None),
    ]
    assert claims[3].victim_text == "law enforcement members"
    assert claims[3].quote.startswith("Local leaders said")
    assert text[claims[3].start : claims[3].end] == claims[3].quote


@pytest.mark.parametrize(
    "text",
    [
        "The spokesperson said the operation was continuing more than 15 hours after its launch.",
        "A 17-year-old student was among the organisers of the rally.",
        "The attacks took place in 2019 and again in 2021.",
        "The assailants seized Rs 500,000 and two motorcycles.",
        "The convoy of 12 vehicles was 30 km from Turbat when it came under fire.",
        "Militants fired three rockets at the camp.",
        "The group announced phase two of its campaign in eleven districts.",
        "Fighters carried out 14 attacks in 11 towns on March 12.",
        "No casualties were reported.",
        "None of the 30 passengers were hurt.",
    ],
)
def test_quantities_that_are_not_casualties_are_not_claims(text: str) -> None:
    assert extract_claims(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A soldier was martyred in the attack.", [("killed", "security_forces", 1, 1)]),
        ("Gunmen shot dead two labourers.", [("killed", "civilians", 2, 2)]),
        ("The death toll rose to 12.", [("killed", "unspecified", 12, 12)]),
        ("Three passengers lost their lives.", [("killed", "civilians", 3, 3)]),
        ("The bodies of four miners were recovered.", [("killed", "civilians", 4, 4)]),
        ("Five policemen were wounded.", [("injured", "security_forces", 5, 5)]),
        ("Six pilgrims were kidnapped.", [("abducted", "civilians", 6, 6)]),
        ("Police detained 40 protesters.", [("arrested", "civilians", 40, 40)]),
        ("Two fishermen are missing.", [("missing", "civilians", 2, 2)]),
        ("The blast caused 12 casualties.", [("casualties", "unspecified", 12, 12)]),
        (
            "The attack killed 5 soldiers and wounded 12.",
            [("killed", "security_forces", 5, 5), ("injured", "security_forces", 12, 12)],
        ),
        (
            "Two Frontier Corps (FC) personnel were killed and three others wounded.",
            [("killed", "security_forces", 2, 2), ("injured", "security_forces", 3, 3)],
        ),
    ],
)
def test_outcomes_and_victims(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


def test_including_links_the_part_to_the_whole() -> None:
    claims = extract_claims("The blast killed 12 people, including three children.")
    assert [(c.victim, c.count.low, c.part_of) for c in claims] == [
        ("unspecified", 12, None),
        ("civilians", 3, claims[0].id),
    ]


@pytest.mark.parametrize(
    ("text", "kind", "stance"),
    [
        ("According to hospital sources, 9 people died.", "medical", "reported"),
        ("Nine people were killed, said a police official.", "security_forces", "reported"),
        ("The ISPR said 6 militants were killed.", "security_forces", "reported"),
        ("Residents told reporters that 4 civilians were killed.", "local_source", "reported"),
        ("The BLA claimed 15 soldiers were killed.", "armed_group", "claimed"),
        ("Officials confirmed 15 soldiers were killed.", "government", "confirmed"),
        ("HRCP alleged that 30 people were detained.", "rights_group", "alleged"),
        ("Unofficial sources suggest the death toll may be over a hundred.", "unofficial", "estimated"),
        ("Local media reported 3 deaths.", "media", "reported"),
        ("Three soldiers were killed in the attack.", "none", "reported"),
    ],
)
def test_claimant_kind_and_stance(text: str, kind: str, stance: str) -> None:
    [claim] = extract_claims(text)
    assert (claim.claimant.kind, claim.stance) == (kind, stance)


def test_claimant_is_carried_to_later_sentences_that_refer_back() -> None:
    text = (
        "The Balochistan Liberation Army issued a statement on Tuesday. "
        "It said its fighters had killed 40 soldiers. "
        "The group also claimed that 12 soldiers were captured."
    )
    claims = extract_claims(text)
    assert [(c.claimant.kind, c.claimant.name) for c in claims] == [
        ("armed_group", "Balochistan Liberation Army"),
        ("armed_group", "Balochistan Liberation Army"),
    ]


def test_a_figure_confirmed_by_another_party_is_verified() -> None:
    text = "The BLA claimed it had killed six soldiers. Officials confirmed six soldiers were killed."
    first, second = extract_claims(text)
    assert (first.claimant.kind, first.verified) == ("armed_group", True)
    assert (second.claimant.kind, second.stance, second.verified) == ("government", "confirmed", None)


def test_unverifiable_claims_of_both_sides() -> None:
    text = (
        "The military said 18 soldiers were killed. The group said 40 soldiers were killed. "
        "Neither side's account could be independently verified."
    )
    assert [c.verified for c in extract_claims(text)] == [False, False]


def test_odd_text_never_raises() -> None:
    for text in ["", "   ", "٣ افراد ہلاک", "KILLED KILLED 17 17", "—" * 50, "(((", "at least"]:
        extract_claims(text)


def test_an_article_in_another_language_is_kept_but_not_read() -> None:
    from sitrep.model import Article
    from sitrep.pipeline import extract

    french = (
        "Au moins douze soldats ont été tués mardi dans une attaque contre un poste de contrôle près de Turbat, "
        "selon des responsables locaux qui ont demandé à ne pas être nommés."
    )
    result = extract(Article(id="fr", text=french))
    assert result.article.language == "fr"
    assert result.claims == [] and result.events == []
    assert result.note and "'fr'" in result.note
    english = extract(
        Article(id="en", text="Twelve soldiers were killed in an attack near Turbat, officials said.")
    )
    assert english.article.language == "en" and english.note is None and english.claims
