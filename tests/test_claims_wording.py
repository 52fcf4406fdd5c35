"""How South Asian and wire news word casualty figures: the outcome phrases, the people nouns and the counts a
report may use. Every sentence here was written by the team for the test; each case varies the verb, the
word order or the noun so that a rule must state the pattern, not one sentence."""

from __future__ import annotations

import pytest

from sitrep.nlp.casualties import casualty_reader
from sitrep.pipeline import extract_claims


def _figures(text: str) -> list[tuple]:
    return [(c.outcome, c.victim, c.count.low, c.count.high) for c in extract_claims(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two sepoys laid down their lives while repelling the raid.", [("killed", "security_forces", 2, 2)]),
        ("A naik laid down his life defending the picket.", [("killed", "security_forces", 1, 1)]),
        (
            "Four soldiers sacrificed their lives in the clearance operation.",
            [("killed", "security_forces", 4, 4)],
        ),
        (
            "Three wounded constables breathed their last on the way to hospital.",
            [("killed", "security_forces", 3, 3)],
        ),
        ("The raiders opened fire, martyring three troopers.", [("killed", "security_forces", 3, 3)]),
        ("Two Levies men attained martyrdom at the checkpoint.", [("killed", "security_forces", 2, 2)]),
        ("Eight insurgents were eliminated in the follow-up search.", [("killed", "militants", 8, 8)]),
        ("Troops stormed the compound, eliminating five militants.", [("killed", "militants", 5, 5)]),
        ("Six herders were held captive for a week.", [("abducted", "civilians", 6, 6)]),
        ("Nine travellers were taken captive at the roadblock.", [("abducted", "civilians", 9, 9)]),
    ],
)
def test_outcome_phrases_of_south_asian_reports(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Five security men were hurt when the convoy was ambushed.", [("injured", "security_forces", 5, 5)]),
        ("Three khasadars were wounded at the border post.", [("injured", "security_forces", 3, 3)]),
        ("Two infiltrators were killed near the fence.", [("killed", "militants", 2, 2)]),
        ("Four Taliban were killed when their hideout was raided.", [("killed", "militants", 4, 4)]),
        ("Three dacoits died in the encounter.", [("killed", "militants", 3, 3)]),
        ("Seven citizens were injured by the falling debris.", [("injured", "civilians", 7, 7)]),
        ("Two locals died in the crossfire.", [("killed", "civilians", 2, 2)]),
        ("Eleven wedding guests were wounded in the grenade blast.", [("injured", "civilians", 11, 11)]),
        ("Four patients were hurt when the ward was hit.", [("injured", "civilians", 4, 4)]),
        ("Two clerics were shot dead outside the seminary.", [("killed", "civilians", 2, 2)]),
        ("A businessman was kidnapped from his shop.", [("abducted", "civilians", 1, 1)]),
        ("Twelve schoolchildren were injured in the stampede.", [("injured", "civilians", 12, 12)]),
        ("Three political activists went missing after the rally.", [("missing", "civilians", 3, 3)]),
        (
            "Five members of a family were killed when the shell hit their house.",
            [("killed", "civilians", 5, 5)],
        ),
        ("Four members of the same family were wounded.", [("injured", "civilians", 4, 4)]),
        ("Six Hazaras were shot dead at the vegetable market.", [("killed", "civilians", 6, 6)]),
    ],
)
def test_people_nouns_of_south_asian_reports(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


def _kinds(text: str) -> list[tuple]:
    return [(c.outcome, c.count.low, c.claimant.kind) for c in extract_claims(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The outlawed group asserted that 40 troops had died in the assault.",
            [("killed", 40, "armed_group")],
        ),
        ("Survivors recounted that at least nine pilgrims were hurt.", [("injured", 9, "local_source")]),
        ("Levies officials put the number of dead at 17.", [("killed", 17, "security_forces")]),
        ("The district administration placed the death toll at 8.", [("killed", 8, "government")]),
        ("Police reiterated that three guards were wounded.", [("injured", 3, "security_forces")]),
        (
            "The commissioner held a briefing, stating that six drivers were missing.",
            [("missing", 6, "government")],
        ),
    ],
)
def test_reporting_verbs_of_news_prose(text: str, expected: list[tuple]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Among the dead were three constables.", [("killed", "security_forces", 3, 3)]),
        ("Among those wounded was a schoolgirl.", [("injured", "civilians", 1, 1)]),
        ("Among the injured are nine pilgrims, officials said.", [("injured", "civilians", 9, 9)]),
    ],
)
def test_among_the_dead_were_is_a_part_of_those_people(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected
    assert all(m.subset for m in casualty_reader().read(text))


@pytest.mark.parametrize(
    "text",
    [
        "The official death toll stood at 31.",
        "The civilian death toll reached 31.",
        "An official tally put the dead at 31.",
    ],
)
def test_a_people_word_naming_a_figure_is_no_person(text: str) -> None:
    assert [c.count.low for c in extract_claims(text)] == [31]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three injured died at the trauma centre.", [("killed", "unspecified", 3, 3)]),
        ("Two more wounded later succumbed to their wounds.", [("killed", "unspecified", 2, 2)]),
        ("Four injured were moved to the city hospital.", [("injured", "unspecified", 4, 4)]),
    ],
)
def test_the_injured_who_died_are_dead(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seven travellers were pulled off the coach and shot dead.", [("killed", "civilians", 7, 7)]),
        ("Four herders were marched into the hills and executed.", [("killed", "civilians", 4, 4)]),
        ("Two engineers were stopped near the bridge and kidnapped.", [("abducted", "civilians", 2, 2)]),
        # the outcome with an object is the act of someone named after "and", not of the people before it
        (
            "Two attackers were cornered in the orchard and killed a guard.",
            [("killed", "security_forces", 1, 1)],
        ),
        ("Three trucks were torched and burnt.", []),
    ],
)
def test_a_passive_verb_coordinated_with_an_outcome(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The number of people killed in the twin blasts has climbed to 27.",
            [("killed", "unspecified", 27, 27)],
        ),
        ("The number of those hurt in the clashes rose to 60.", [("injured", "unspecified", 60, 60)]),
        ("The number of schools shut in the district rose to 60.", []),
    ],
)
def test_the_number_of_people_killed_is_a_toll(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


def test_killing_all_n_counts_the_n() -> None:
    assert _figures("Commandos stormed the hotel, killing all four gunmen.") == [
        ("killed", "militants", 4, 4)
    ]


@pytest.mark.parametrize(
    "recap",
    [
        "Earlier this week, three guards were killed at a toll plaza.",
        "In the past month, 40 insurgents have been killed in the valley.",
        "In an earlier attack, two traders were shot dead at the same market.",
        "So far this month, 19 people have died in such attacks.",
    ],
)
def test_an_earlier_incident_in_a_report_is_background(recap: str) -> None:
    text = f"Four shepherds were wounded in a mortar attack on Sunday, officials said. {recap}"
    assert [c.background for c in extract_claims(text)] == [False, True]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people nouns no lexicon lists still count when a passive death or wound follows
        ("Two pastry cooks were wounded in the blast.", [("injured", "civilians", 2, 2)]),
        ("Four Uzbek hikers were shot dead near the pass.", [("killed", "civilians", 4, 4)]),
        # things are not people, and things are captured or go missing too
        ("Five trucks were damaged in the blast.", []),
        ("Two pickets were captured by the insurgents.", []),
        ("Three rifles went missing from the armoury.", []),
        ("Two shells were fired, wounding three herders.", [("injured", "civilians", 3, 3)]),
    ],
)
def test_an_unknown_plural_noun_before_a_death_or_wound_counts_people(
    text: str, expected: list[tuple]
) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The cook and three others were wounded in the blast.", [("injured", "unspecified", 4, 4)]),
        ("A boy and two other pupils were hurt.", [("injured", "civilians", 3, 3)]),
        ("The raiders shot dead a watchman and at least two others.", [("killed", "unspecified", 3, None)]),
        # two people named apart stay two figures; so does a plural and "others"
        (
            "A constable and a shopkeeper were killed.",
            [("killed", "security_forces", 1, 1), ("killed", "civilians", 1, 1)],
        ),
        (
            "Three guards and two others were injured.",
            [("injured", "security_forces", 3, 3), ("injured", "security_forces", 2, 2)],
        ),
    ],
)
def test_one_person_and_n_others_is_one_figure(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Market bombing: death toll rises to 19", [("killed", "unspecified", 19, 19)]),
        ("The toll from the grenade attack has touched 33.", [("killed", "unspecified", 33, 33)]),
        ("The number of wounded swelled to 70 by evening.", [("injured", "unspecified", 70, 70)]),
        ("Eleven villagers have so far died in the feud.", [("killed", "civilians", 11, 11)]),
        ("Six constables have thus far been hurt.", [("injured", "security_forces", 6, 6)]),
    ],
)
def test_toll_verbs_and_so_far_bridge_to_the_figure(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a provincial emergency service is a government body; a charity's ambulance service is neither
        # a hospital nor an official source
        (
            "Rescue 1122 officials said nine injured were moved to the trauma centre.",
            [("injured", 9, "government")],
        ),
        ("Rescue workers said four bodies were pulled from the rubble.", [("killed", 4, "government")]),
        (
            "A spokesman for the Edhi Foundation said six bodies were shifted to the morgue.",
            [("killed", 6, "other")],
        ),
        ("Doctors at the district hospital said 14 wounded were admitted.", [("injured", 14, "medical")]),
    ],
)
def test_rescue_services_and_charities_are_not_hospitals(text: str, expected: list[tuple]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three sarmachars were killed in the hills, the statement said.", [("killed", "militants", 3, 3)]),
        ("Four members of a death squad were shot dead near the market.", [("killed", "militants", 4, 4)]),
    ],
)
def test_armed_groups_words_for_fighters(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Eleven soldiers were killed, Gwahram Baloch said in an emailed statement.",
            [("killed", 11, "armed_group")],
        ),
        ("Muhammad Khurasani claimed that 14 policemen had died.", [("killed", 14, "armed_group")]),
    ],
)
def test_a_groups_standing_spokesman_speaks_for_it(text: str, expected: list[tuple]) -> None:
    assert _kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Two of our men were martyred at the picket," the station house officer said.', "security_forces"),
        ('"Three of our comrades were killed in the raid," the group\'s spokesman said.', "militants"),
        ('"Five of our men were hurt when the shells fell," a village elder told reporters.', "civilians"),
        ("Our three colleagues were wounded in the ambush, a police spokesman said.", "security_forces"),
    ],
)
def test_our_men_are_the_speakers_own_side(text: str, expected: str) -> None:
    assert [c.victim for c in extract_claims(text)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two constables deputed for the security of a vaccination team were martyred.",
            [("killed", "security_forces", 2, 2)],
        ),
        (
            "Three sentries posted at the gate of the jail were wounded.",
            [("injured", "security_forces", 3, 3)],
        ),
        ("Four traders targeted by gunmen near the bazaar were killed.", [("killed", "civilians", 4, 4)]),
        ("Five policemen arrived at the scene and were attacked.", []),
    ],
)
def test_a_past_participle_clause_describes_the_people(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


def test_an_of_phrase_naming_a_force_then_including() -> None:
    assert _figures("Nine personnel of the security forces including a major were martyred.") == [
        ("killed", "security_forces", 9, 9)
    ]
    assert _figures("Nine personnel of the security forces including two officers were martyred.") == [
        ("killed", "security_forces", 9, 9),
        ("killed", "security_forces", 2, 2),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Six of the 15 kidnapped drivers were later found dead.", [("killed", "civilians", 6, 6)]),
        ("Three of the 40 injured died overnight.", [("killed", "unspecified", 3, 3)]),
        ("Two of the eight guards were wounded.", [("injured", "security_forces", 2, 2)]),
    ],
)
def test_n_of_the_m_counts_the_part(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


def test_a_person_and_their_relatives_share_the_outcome() -> None:
    assert _figures("A tailor and his three nephews were gunned down.") == [
        ("killed", "civilians", 1, 1),
        ("killed", "civilians", 3, 3),
    ]


def test_elected_officials_are_civilians() -> None:
    assert _figures("A sitting MNA was wounded in the ambush.") == [("injured", "civilians", 1, 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A vendor who saw the blast said three people were killed.", [("killed", "unspecified", 3, 3)]),
        (
            "A porter who was nearby told reporters that five people were hurt.",
            [("injured", "unspecified", 5, 5)],
        ),
        (
            "Two porters who were said to be wounded were carried down the hill.",
            [("injured", "civilians", 2, 2)],
        ),
    ],
)
def test_a_relative_clause_ends_where_its_person_speaks(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


def test_disaster_management_authorities_are_government() -> None:
    assert _kinds("The PDMA said 30 people had died in the clashes.") == [("killed", 30, "government")]


def test_others_after_a_total_and_its_part_are_like_the_total() -> None:
    text = "At least nine people, including three constables, were killed and 14 others wounded."
    assert _figures(text) == [
        ("killed", "unspecified", 9, None),
        ("killed", "security_forces", 3, 3),
        ("injured", "unspecified", 14, 14),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Raiders fired on a jeep carrying engineers, wounding three of them.",
            [("injured", "civilians", 3, 3)],
        ),
        (
            "The convoy was ambushed near the pass. Two of them were killed.",
            [("killed", "unspecified", 2, 2)],
        ),
    ],
)
def test_n_of_them(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two cousins were done to death in the feud.", [("killed", "civilians", 2, 2)]),
        ("A vendor was hacked to death near the canal.", [("killed", "civilians", 1, 1)]),
        ("Three tribesmen were burnt alive in their hut.", [("killed", "civilians", 3, 3)]),
        ("Four hostages were tortured to death.", [("killed", "unspecified", 4, 4)]),
        ("Nine villagers were slaughtered by the raiders.", [("killed", "civilians", 9, 9)]),
        ("Police nabbed five suspects after the raid.", [("arrested", "unspecified", 5, 5)]),
    ],
)
def test_killing_verbs_with_to_death(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


def test_an_incident_named_by_its_year_is_background() -> None:
    text = "Three guards were wounded at the depot on Friday. The 2016 hospital bombing killed 70 people."
    assert [(c.count.low, c.background) for c in extract_claims(text)] == [(3, False), (70, True)]


def test_a_sentence_passed_on_people_is_no_casualty_figure() -> None:
    text = "Two guards were wounded on Friday. A court had sentenced three men to death for the 2019 raid."
    assert [c.count.low for c in extract_claims(text)] == [2]


def test_nationals_counted_and_the_war_on_terror_is_background() -> None:
    text = (
        "Four Punjabis were shot dead at a brick kiln on Sunday. "
        "Over 80,000 Pakistanis have died in the war on terror, officials say."
    )
    assert [(c.victim, c.count.low, c.background) for c in extract_claims(text)] == [
        ("civilians", 4, False),
        ("civilians", 80001, True),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bomber set off his vest, killing himself and four others.", [("killed", "unspecified", 4, 4)]),
        ("The attacker blew himself up, killing himself and nine pilgrims.", [("killed", "civilians", 9, 9)]),
    ],
)
def test_killing_himself_and_n_others_counts_the_others(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The outfit claimed 25 troops were killed; there was no official confirmation.",
        "The rebels said 18 guards had died, but officials did not confirm the figure.",
        "The group said 40 soldiers were killed, a toll that is yet to be verified.",
    ],
)
def test_an_unconfirmed_figure_is_not_verified(text: str) -> None:
    assert [c.verified for c in extract_claims(text)] == [False]


def test_an_outlet_spoken_to_is_no_claimant() -> None:
    assert _kinds("Talking to Geo News, Sher Khan said six people were hurt.") == [("injured", 6, "none")]
    assert _kinds("Speaking to The Express Tribune, the DPO said six people were hurt.") == [
        ("injured", 6, "security_forces")
    ]
