"""Claims as full-length news reports write them. Every sentence here was written by the team for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.model import Article, Claim
from sitrep.nlp.attribution import ArticleMemory, attribution_reader
from sitrep.nlp.claims import read_units
from sitrep.nlp.lexicon import key_words, tokenize
from sitrep.pipeline import extract, extract_claims


def _figures(text: str) -> list[tuple]:
    return [(c.outcome, c.victim, c.count.low, c.count.high) for c in extract_claims(text)]


def _kinds(text: str) -> list[tuple]:
    return [(c.outcome, c.count.low, c.claimant.kind) for c in extract_claims(text)]


# -- attribution -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Eleven guards were killed in the raid on the depot, confirmed a government spokesman.",
            [("killed", 11, "government")],
        ),
        (
            "Three porters died when the truck hit a mine near the pass, police said.",
            [("killed", 3, "security_forces")],
        ),
        (
            "Twelve insurgents were killed in the hills, according to the ISPR.",
            [("killed", 12, "security_forces")],
        ),
        # A quote joined by "while" is one statement, its speaker named after it.
        (
            '"One guard died on the spot while four were hurt," the district police chief said.',
            [("killed", 1, "security_forces"), ("injured", 4, "security_forces")],
        ),
        # "…, said a press note issued by X": the speaker follows the verb.
        (
            "Troops killed nine insurgents near the ridge, said a press note issued by the ISPR.",
            [("killed", 9, "security_forces")],
        ),
        # A passive names no speaker: "by" names who killed them, and the soldiers are not the source.
        ("Four soldiers were claimed to be killed by the rebels in the ambush.", [("killed", 4, "none")]),
        ("The raid, which killed two guards, was claimed by the TTP.", [("killed", 2, "none")]),
        # "while" parts two statements when each names its speaker.
        (
            "Villagers said the gunmen had killed at least six people, while officials put the toll at four.",
            [("killed", 6, "local_source"), ("killed", 4, "government")],
        ),
        # The person who speaks is not a casualty.
        ("According to a hospital official, 27 bodies were brought in.", [("killed", 27, "medical")]),
        # A group that claims the attack owns the figures of its sentence.
        (
            "The Balochistan Liberation Army claimed responsibility for the blast, which killed three soldiers.",
            [("killed", 3, "armed_group")],
        ),
        # A newspaper named with capitals is a media claimant.
        (
            "Six shepherds were abducted from the valley, The Frontier Post reported.",
            [("abducted", 6, "media")],
        ),
        (
            "The Prime Minister expressed grief over the martyrdom of five policemen in the raid.",
            [("killed", 5, "government")],
        ),
    ],
)
def test_attribution_after_the_figure(text: str, expected: list[tuple]) -> None:
    assert _kinds(text) == expected


def test_reported_speech_goes_on_across_a_paragraph_and_stops_at_the_next() -> None:
    text = (
        "The army said its troops raided a hideout near the river on Friday. In the firefight that followed, "
        "six insurgents were killed.\n\nSeparately, two farmers were wounded in a blast near the market."
    )
    assert _kinds(text) == [("killed", 6, "security_forces"), ("injured", 2, "none")]


def test_a_single_newline_also_ends_a_paragraph_of_reported_speech() -> None:
    text = "Police said the convoy was stopped at dusk.\nThree drivers were later found dead."
    assert _kinds(text) == [("killed", 3, "none")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Four insurgents died after security forces retaliated, the ISPR said.",
            "Inter-Services Public Relations",
        ),
        ("Security forces killed two gunmen near the border post, the military said.", "military"),
        ("Officials also said three labourers were abducted from the site.", "officials"),
    ],
)
def test_a_claimant_is_a_party_never_a_clause_fragment(text: str, name: str) -> None:
    claims = extract_claims(text)
    assert claims and all(c.claimant.name == name for c in claims)


def test_acronyms_are_read_only_as_capitalised_whole_words() -> None:
    reader, memory = attribution_reader(), ArticleMemory()
    lower = tokenize("the road is closed")
    assert reader._claimant_in(lower, 0, len(lower), memory) is None
    upper = tokenize("IS fighters")
    found = reader._claimant_in(upper, 0, len(upper), memory)
    assert found is not None and found.name == "Islamic State"


def test_a_title_refers_back_to_the_person_named_with_a_role() -> None:
    text = (
        "District government spokesman Karim Baig said the post was attacked at night.\n\n"
        '"Two guards lost their lives and one was hurt," Mr Baig said.'
    )
    assert _kinds(text) == [("killed", 2, "government"), ("injured", 1, "government")]


# -- figures with words between number and outcome -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nine soldiers of the Frontier Corps were martyred in the assault.",
            [("killed", "security_forces", 9, 9)],
        ),
        ("The death toll rose to 12, according to the police.", [("killed", "unspecified", 12, 12)]),
        ("Troops neutralised five insurgents in the orchard.", [("killed", "militants", 5, 5)]),
        ("Three women were among the dead.", [("killed", "civilians", 3, 3)]),
        ("Bodies of two drivers were recovered from the ravine.", [("killed", "civilians", 2, 2)]),
        ("Seven khwarij were killed in the raid.", [("killed", "militants", 7, 7)]),
        ("Five labourers working at the quarry were shot dead.", [("killed", "civilians", 5, 5)]),
        ("Four militants who attacked the post were killed.", [("killed", "militants", 4, 4)]),
        ("Three villagers near the bridge also lost their lives.", [("killed", "civilians", 3, 3)]),
        (
            "Two watchmen were killed and another three injured.",
            [("killed", "civilians", 2, 2), ("injured", "civilians", 3, 3)],
        ),
        (
            "The blast killed one porter and left two others with serious injuries.",
            [("killed", "civilians", 1, 1), ("injured", "civilians", 2, 2)],
        ),
        ("Two people —  a cook and a guard — were killed in the attack.", [("killed", "unspecified", 2, 2)]),
        ("A death squad member was shot at but escaped.", []),
        ("An injured man died in hospital.", [("killed", "unspecified", 1, 1)]),
        ("As many as 23 passengers were killed.", [("killed", "civilians", 23, 23)]),
    ],
)
def test_words_between_number_and_outcome(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


def test_a_total_and_its_parts_are_linked() -> None:
    claims = extract_claims("Nine people, including four women and two children, died in the blast.")
    assert [(c.victim, c.count.low, c.outcome) for c in claims] == [
        ("unspecified", 9, "killed"),
        ("civilians", 4, "killed"),
        ("civilians", 2, "killed"),
    ]
    assert [c.part_of for c in claims] == [None, "c1", "c1"]


def test_the_injured_including_a_group_is_a_figure_of_the_injured() -> None:
    assert _figures("The wounded, including eight policemen, were taken to the city hospital.") == [
        ("injured", "security_forces", 8, 8)
    ]


def test_a_named_member_of_a_total_adds_no_figure() -> None:
    assert _figures("Six soldiers, including a captain, were martyred.") == [
        ("killed", "security_forces", 6, 6)
    ]


# -- a figure is read once -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Two soldiers were killed in the ambush. The martyred soldiers were identified as Aslam and Nadir.",
        "Two soldiers were killed in the ambush. The injured were shifted to the district hospital.",
        "Two soldiers were killed in the ambush. Two of the dead were identified by their families.",
        "A constable was killed at the gate. The constable was later buried in his village.",
    ],
)
def test_definite_references_are_not_new_figures(text: str) -> None:
    first = _figures(text.split(". ")[0] + ".")
    assert len(first) == 1
    assert _figures(text) == first


def test_the_same_figure_by_the_same_claimant_is_one_claim() -> None:
    text = (
        "Police said five porters were hurt when the bridge collapsed.\n\n"
        "The porters were carrying supplies to the camp.\n\nFive porters were injured, police added."
    )
    assert _kinds(text) == [("injured", 5, "security_forces")]


def test_a_second_claimant_keeps_its_own_claim() -> None:
    text = "Police said four guards were killed.\n\nA hospital doctor said four guards were killed."
    assert _kinds(text) == [("killed", 4, "security_forces"), ("killed", 4, "medical")]


def test_a_subset_never_replaces_the_total() -> None:
    claims = extract_claims("Seven pilgrims were killed in the crash. Two of the victims died at the scene.")
    assert ("killed", "civilians", 7, 7) in [(c.outcome, c.victim, c.count.low, c.count.high) for c in claims]


def test_a_bare_number_counts_the_people_named_before_with_that_figure() -> None:
    text = 'Gunmen killed six masons at the site, police said.\n\n"Six were killed on the spot," an official said.'
    assert _figures(text) == [("killed", "civilians", 6, 6), ("killed", "civilians", 6, 6)]


# -- background figures ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("Last year, 40 people were killed in similar attacks on the highway.", [True]),
        ("More than 2,000 people were killed in such attacks last year.", [True]),
        ("In October, nine miners were abducted from the same field.", [True]),
        ("The blast killed three people, a week after six soldiers died nearby.", [False, True]),
        ("The raid killed two guards at a shrine built in 1890.", [False]),
    ],
)
def test_background_figures_are_kept_and_marked(text: str, background: list[bool]) -> None:
    claims = extract_claims("Four guards were wounded in a blast on Monday.\n\n" + text)
    assert [c.background for c in claims[1:]] == background
    assert claims[0].background is False


def test_a_follow_up_report_keeps_its_incident_as_news() -> None:
    claims = extract_claims("Police arrested a suspect over a shooting last week that left two people dead.")
    assert [(c.count.low, c.background) for c in claims if c.outcome == "killed"] == [(2, False)]


def test_events_leave_background_figures_out() -> None:
    text = (
        "QUETTA: Three labourers were killed in a bomb blast in Kalat on Tuesday, police said.\n\n"
        "Last year, 40 labourers were killed in attacks in Kalat."
    )
    result = extract(Article(id="t", text=text, published=dt.date(2024, 5, 8)))
    background = [c for c in result.claims if c.background]
    assert [c.count.low for c in background] == [40]
    assert result.events
    assert all(e.fatalities.high != 40 and e.fatalities.best != 40 for e in result.events)


# -- numbers that are not counts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Islamabad, Dec 10 A guard was killed at the gate.",
        "On Sept. 13 a guard was killed at the gate.",
        "A guard was killed at house No. 4 in the colony.",
        "A guard was killed on Hwy 61 near the bridge.",
        "A guard aged 45 was killed at the gate.",
    ],
)
def test_dates_house_and_road_numbers_and_ages_are_not_counts(text: str) -> None:
    claims: list[Claim] = extract_claims(text)
    assert [(c.outcome, c.count.low) for c in claims] == [("killed", 1)]


def test_one_person_in_two_places_of_a_round_up_is_two_claims() -> None:
    text = (
        "A man was shot dead outside a bakery on the north side.\n\n"
        "In a separate shooting, a gunman fired at two brothers, killing one."
    )
    assert [(c.outcome, c.count.low) for c in extract_claims(text)] == [("killed", 1), ("killed", 1)]


def test_cops_are_a_claimant() -> None:
    assert _kinds("A cyclist was killed by a stray bullet on Friday, cops said.") == [
        ("killed", 1, "security_forces")
    ]


def test_a_claim_of_an_act_does_not_speak_for_the_next_sentence() -> None:
    text = (
        "The rebels claimed to have shot down a drone over the valley. Four guards were killed in the attack."
    )
    assert _kinds(text) == [("killed", 4, "none")]


def test_a_quote_spanning_sentences_keeps_its_writer() -> None:
    text = (
        'A local activist took to Twitter to write, "The camp was hit at dawn. '
        'Three porters were also killed in the fire."'
    )
    assert _kinds(text) == [("killed", 3, "rights_group")]


def test_a_force_name_and_a_participle_clause_between_figure_and_outcome() -> None:
    assert _figures("Two personnel of Levies force guarding the judge were killed.") == [
        ("killed", "security_forces", 2, 2)
    ]
    assert _figures("Four guards escorting three prisoners were shot dead.") == [
        ("killed", "security_forces", 4, 4)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police arrested three suspects in the killing of a shopkeeper.", [("arrested", 3), ("killed", 1)]),
        ("Five members of the same family were killed when a shell hit their home.", [("killed", 5)]),
        ("Six soldiers on patrol near the border were martyred.", [("killed", 6)]),
        ("A 12-year-old boy was among those killed.", [("killed", 1)]),
        ("The toll from Friday's bombing has risen to 31.", [("killed", 31)]),
        ("The driver, who was hit in the neck, died on the way to hospital.", [("killed", 1)]),
    ],
)
def test_phrases_between_the_people_and_what_happened_to_them(text: str, expected: list[tuple]) -> None:
    assert [(c.outcome, c.count.low) for c in extract_claims(text)] == expected


def test_a_year_since_marks_an_aggregate_as_background() -> None:
    text = "Two guards were shot dead at the gate on Monday. Officials said 900 people had been killed since 2015."
    assert [(c.count.low, c.background) for c in extract_claims(text)] == [(2, False), (900, True)]


def test_a_list_goes_on_after_an_of_phrase() -> None:
    text = "The dead included two guards, four clerks of the court and one visiting lawyer."
    assert _figures(text) == [
        ("killed", "security_forces", 2, 2),
        ("killed", "civilians", 4, 4),
        ("killed", "civilians", 1, 1),
    ]


def test_a_semicolon_goes_on_with_the_same_speaker() -> None:
    text = "The army says two soldiers were martyred in the raid; in all 14 insurgents were killed."
    assert _kinds(text) == [("killed", 2, "security_forces"), ("killed", 14, "security_forces")]


def test_phrases_are_spotted_by_an_uncommon_word() -> None:
    words = key_words("reporting.tsv")
    assert "per" in words and "as" not in words  # "as per": "as" alone is in nearly every paragraph
    # A paragraph with "as" and no reporting phrase is not read for a claimant; one with "as per" is.
    text = "Traffic moved slowly as a precaution.\n\nThe figures were released as per the rules."
    assert [text[u.start : u.end] for u in read_units(text)] == [
        "The figures were released as per the rules."
    ]


def test_a_definite_person_of_another_group_is_news() -> None:
    text = "Two soldiers were killed at the checkpost.\n\nIn a second attack, the driver of a bus was killed."
    assert _figures(text) == [("killed", "security_forces", 2, 2), ("killed", "civilians", 1, 1)]
    again = "A police officer was shot dead at the gate.\n\nThe officer died on the spot."
    assert [(c.outcome, c.count.low) for c in extract_claims(again)] == [("killed", 1)]


def test_the_dead_included_links_the_parts_to_the_earlier_total() -> None:
    text = (
        "Eight people were killed when gunmen stormed the office on Monday. The dead included two guards and "
        "six clerks."
    )
    claims = extract_claims(text)
    assert [(c.count.low, c.part_of) for c in claims] == [(8, None), (2, "c1"), (6, "c1")]


def test_a_place_phrase_ends_before_a_new_clause() -> None:
    claims = extract_claims("A photo shows him with his two sisters on the night he was killed.")
    assert [c.count.low for c in claims] == [1]  # "he", not the two sisters


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two soldiers embraced shahadat in the exchange of fire.", [("killed", "security_forces", 2, 2)]),
        ("Seven porters sustained serious injuries.", [("injured", "civilians", 7, 7)]),
    ],
)
def test_more_ways_news_says_killed_or_injured(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


def test_a_possessive_acronym_is_still_an_acronym() -> None:
    assert _kinds("The BLA's spokesman said in a statement that 12 personnel were killed.") == [
        ("killed", 12, "armed_group")
    ]


def test_parts_of_one_list_are_not_parts_of_each_other() -> None:
    claims = extract_claims("The casualties included five guards and three drivers.")
    assert [c.part_of for c in claims] == [None, None]
