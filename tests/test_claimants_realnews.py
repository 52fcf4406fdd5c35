"""Who states a figure, as English news prose names them. Every sentence here was written by the team."""

from __future__ import annotations

import pytest

from sitrep.pipeline import extract_claims


def _kinds(text: str) -> list[tuple]:
    return [(c.outcome, c.count.low, c.claimant.kind) for c in extract_claims(text)]


# -- a person's title or the body they serve decides the kind ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Superintendent of Police Gul Zaman said five constables were hurt in the ambush.",
            "security_forces",
        ),
        ("Inspector Shabbir Hussain said two watchmen were shot dead at the gate.", "security_forces"),
        ("Two herders were found dead, Deputy Commissioner Saleem Jatoi told reporters.", "government"),
        ("Dr Kiran Mengal at the teaching hospital said 11 wounded had been admitted.", "medical"),
        ("A Levies official said four road workers were kidnapped near the dam.", "security_forces"),
        ("Levies sources said four road workers were kidnapped near the dam.", "security_forces"),
        ("Officials at the district hospital said nine bodies were brought in.", "medical"),
        ("Three lady health workers were wounded, an official of the health department said.", "government"),
        ("The provincial health ministry said 14 pilgrims were injured.", "government"),
        ("A spokesman for the Frontier Corps said three soldiers were wounded.", "security_forces"),
        ("The Japanese embassy said one engineer was injured in the blast.", "government"),
        ("The Awami National Party said six of its workers were killed at the rally.", "other"),
        ("A local think tank said 310 people were killed in the province last year.", "other"),
        ("The Hafiz Gul Bahadur group said its fighters killed eight soldiers.", "armed_group"),
        ("Jamaat-ul-Ahrar said its men killed seven policemen.", "armed_group"),
        ("The TTP media wing said its fighters killed four soldiers.", "armed_group"),
    ],
)
def test_the_title_or_body_decides_the_kind(text: str, kind: str) -> None:
    claims = extract_claims(text)
    assert claims and [c.claimant.kind for c in claims] == [kind] * len(claims)


def test_a_police_party_is_a_patrol_not_a_political_party() -> None:
    assert _kinds("A police party official said three constables were injured at the post.") == [
        ("injured", 3, "security_forces")
    ]


def test_a_mixed_case_acronym_is_read_only_as_written() -> None:
    assert _kinds("JuA said its men killed seven policemen.") == [("killed", 7, "armed_group")]
    # "jua" in lower case is no group: the figure is the article's own.
    assert _kinds("Seven policemen were killed near jua village.") == [("killed", 7, "none")]


# -- officials who are not named ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Officials who asked not to be named said at least 14 troops were killed.",
        "Speaking on condition of anonymity, a police officer said 14 troops were killed.",
        "At least 14 troops were killed, a security official said, requesting anonymity.",
        "An unnamed district official said at least 14 troops were killed.",
    ],
)
def test_an_official_who_is_not_named_is_an_unofficial_source(text: str) -> None:
    assert _kinds(text) == [("killed", 14, "unofficial")]


def test_anonymity_said_in_the_next_sentence_marks_the_last_speaker() -> None:
    text = (
        "Nine guards died in the assault on the camp, a provincial official said. He spoke on condition of "
        "anonymity as he was not authorised to brief journalists."
    )
    assert _kinds(text) == [("killed", 9, "unofficial")]


def test_anonymity_of_another_speaker_leaves_an_official_named() -> None:
    text = (
        "Nine guards died in the assault on the camp, a provincial official said.\n\n"
        "A villager who declined to be named said the attackers wore uniforms."
    )
    assert _kinds(text) == [("killed", 9, "government")]


# -- which statement governs a figure ------------------------------------------------------------------------


def test_a_statement_in_a_relative_clause_speaks_only_for_that_clause() -> None:
    text = "Five guards were killed and eight hurt in the blast, which police said was set off by remote."
    assert _kinds(text) == [("killed", 5, "none"), ("injured", 8, "none")]


def test_a_figure_inside_a_relative_clause_takes_its_speaker() -> None:
    text = "The ambush, which officials said left six porters dead, happened at dusk."
    assert _kinds(text) == [("killed", 6, "government")]


def test_with_no_statement_in_its_clause_a_figure_takes_the_sentences() -> None:
    text = "Three drivers died in the fire, but the other trucks escaped, the Levies said."
    assert _kinds(text) == [("killed", 3, "security_forces")]


def test_a_named_speaker_after_the_verb_gives_the_role_that_follows_the_name() -> None:
    text = "Gunmen killed two teachers outside the school, said Rahim Dad, the district police chief."
    assert _kinds(text) == [("killed", 2, "security_forces")]


def test_a_speaker_named_after_the_verb_is_never_sought_in_the_statement() -> None:
    # Nothing says who Rahim Dad is: the insurgents of the statement are not the speaker.
    text = "Insurgents killed two teachers outside the school, said Rahim Dad."
    assert [c.claimant.kind for c in extract_claims(text)] != ["armed_group"]


def test_an_abbreviated_title_does_not_end_the_speakers_words() -> None:
    text = "The ward took in 12 injured people, confirmed Dr. Nasreen Akhtar."
    assert _kinds(text) == [("injured", 12, "medical")]


def test_a_person_named_with_a_role_is_known_again_by_name() -> None:
    text = (
        "Assistant Commissioner Wali Dad Kakar said the road was closed after the attack. Station house "
        'officer Imdad Ali said the attackers fled.\n\n"Four passengers were wounded," Mr Kakar said.'
    )
    assert _kinds(text) == [("injured", 4, "government")]


def test_a_statement_cited_inside_a_quotation_keeps_the_quoted_speakers_voice() -> None:
    text = (
        'A rights activist wrote online, "The Baloch Liberation Tigers in a statement owned the blast. '
        'Three guards were also killed in the fire."'
    )
    assert _kinds(text) == [("killed", 3, "rights_group")]


def test_a_quotation_running_over_paragraphs_keeps_its_speaker() -> None:
    text = (
        'The district health officer said: "Our ward has taken 12 bodies since noon.\n\n'
        '"Four of the wounded are children."\n\nIn a separate incident, three guards were hurt in a raid.'
    )
    assert _kinds(text) == [("killed", 12, "medical"), ("injured", 4, "medical"), ("injured", 3, "none")]


def test_a_closed_quotation_does_not_speak_for_the_next_paragraph() -> None:
    text = 'The district health officer said: "Our ward is full."\n\nFour of the wounded are children.'
    assert _kinds(text) == [("injured", 4, "none")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("TBP reported that four guards were killed in the raid.", "media"),
        ('"Six of the injured are in a critical state," a nurse at the ward said.', "medical"),
    ],
)
def test_more_claimants_by_name(text: str, kind: str) -> None:
    claims = extract_claims(text)
    assert claims and {c.claimant.kind for c in claims} == {kind}


def test_hospital_administration_is_the_hospital() -> None:
    claims = extract_claims("The hospital administration said 16 wounded men were being treated.")
    assert [c.claimant.kind for c in claims] == ["medical"]


def test_a_subject_set_off_by_an_aside_still_speaks() -> None:
    text = "Police, however, said Rahim Dad and his two sons were injured in the firing."
    assert {c.claimant.kind for c in extract_claims(text)} == {"security_forces"}


def test_an_attack_claimed_by_a_group_is_not_a_figure_the_group_states() -> None:
    assert _kinds("The ambush, claimed by the BLF, killed five soldiers.") == [("killed", 5, "none")]
    assert _kinds("The BLF claimed five soldiers were killed.") == [("killed", 5, "armed_group")]


def test_the_official_refers_back_to_the_official_named_before() -> None:
    text = "A hospital official said the wards were full. The official added that 12 wounded were admitted."
    assert _kinds(text) == [("injured", 12, "medical")]
    # With no official named before, an official is a government official.
    assert _kinds("Police said the road was shut. The officials added that 12 wounded were admitted.") == [
        ("injured", 12, "government")
    ]


def test_who_is_told_is_not_who_speaks() -> None:
    text = "Villagers in the valley gave another account, telling Frontier Radio that nine herders were abducted."
    assert _kinds(text) == [("abducted", 9, "local_source")]


def test_a_name_set_off_by_commas_is_known_again() -> None:
    text = (
        "An official of the Levies Force, Karam Ali Jatoi, said the road was shut.\n\n"
        "Jatoi said four guards were wounded in the night."
    )
    assert _kinds(text) == [("injured", 4, "security_forces")]


def test_according_to_a_name_then_its_role() -> None:
    text = "According to Sana Marri, the assistant commissioner, six farmers were kidnapped from the fields."
    assert _kinds(text) == [("abducted", 6, "government")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("According to the FIR, four cousins were abducted at gunpoint.", "security_forces"),
        ("Per the ISPR, four soldiers were martyred in the exchange of fire.", "security_forces"),
        ("Prices rose 4 per cent after two guards were injured.", "none"),
    ],
)
def test_documents_and_per(text: str, kind: str) -> None:
    claims = extract_claims(text)
    assert claims and {c.claimant.kind for c in claims} == {kind}


def test_a_partys_president_speaks_for_the_party() -> None:
    assert _kinds("ANP president Gul Khan said four party workers were killed.") == [("killed", 4, "other")]
    assert _kinds("The President said four soldiers were martyred.") == [("killed", 4, "government")]


def test_sources_close_to_a_group_speak_for_it() -> None:
    assert _kinds("Sources close to the TTP said nine of its fighters were killed.") == [
        ("killed", 9, "armed_group")
    ]


@pytest.mark.parametrize("opening", ["Meanwhile,", "In another incident,", "Separately,"])
def test_a_turn_to_another_matter_ends_the_paragraphs_reported_speech(opening: str) -> None:
    text = f"Police said they were looking for the attackers. {opening} two shepherds were shot dead near the dam."
    assert _kinds(text) == [("killed", 2, "none")]
    assert _kinds(f"{opening} police said two shepherds were shot dead.") == [
        ("killed", 2, "security_forces")
    ]


def test_who_is_sent_the_statement_is_not_who_speaks() -> None:
    text = "Gohram Baloch, spokesman for the BLF, in a statement sent to the media, said 12 soldiers were killed."
    assert _kinds(text) == [("killed", 12, "armed_group")]


def test_a_chief_named_with_the_force_is_known_again_by_surname() -> None:
    text = (
        "Kalat police chief Noor Ahmed Lango said a van was hit near the bazaar.\n\n"
        "Eight people were injured, Lango told reporters."
    )
    assert _kinds(text) == [("injured", 8, "security_forces")]


def test_a_statement_joined_by_and_speaks_only_for_what_follows() -> None:
    assert _kinds("Four guards were killed and the officials said an inquiry was ordered.") == [
        ("killed", 4, "none")
    ]
    assert _kinds("Police said four guards were killed and officials said two more were hurt.") == [
        ("killed", 4, "security_forces"),
        ("injured", 2, "government"),
    ]


def test_a_relative_clause_after_a_comma_speaks_only_for_itself() -> None:
    text = "The gunmen, who the police said came from the hills, killed four guards."
    assert _kinds(text) == [("killed", 4, "none")]


def test_speakers_joined_by_and_after_a_comma_speak_for_the_sentence() -> None:
    assert _kinds("Four guards were killed, Levies and police said.") == [("killed", 4, "security_forces")]
