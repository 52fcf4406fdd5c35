"""Events, round 2: sub-event types read as ACLED defines them, the main event's toll, and the perpetrator.

Every report below is the team's own invented text.
"""

from __future__ import annotations

import datetime as dt

from sitrep.model import Article, Event, ExtractResult
from sitrep.pipeline import extract


def _read(text: str, published: str = "2023-03-09") -> ExtractResult:
    return extract(Article(id="t", text=text, published=dt.date.fromisoformat(published)))


def _only(result: ExtractResult) -> Event:
    assert len(result.events) == 1, [e.sub_event_type for e in result.events]
    return result.events[0]


# -- sub-event types ------------------------------------------------------------------------------------------


def test_killing_a_militia_member_is_a_clash_between_armed_groups() -> None:
    event = _only(_read("On Tuesday BLF fighters shot dead a member of a pro-government militia in Tump."))
    assert event.sub_event_type == "Armed clash"


def test_killing_a_villager_stays_an_attack() -> None:
    event = _only(_read("On Tuesday BLF fighters shot dead a shopkeeper in Tump."))
    assert event.sub_event_type == "Attack"


def test_a_grenade_answered_with_fire_is_a_clash() -> None:
    event = _only(
        _read(
            "On Monday unknown men hurled a hand grenade at a police van in Kharan, wounding two constables. "
            "The police retaliated and the men fled."
        )
    )
    assert event.sub_event_type == "Armed clash"


def test_a_grenade_thrown_and_nothing_more_stays_a_grenade() -> None:
    event = _only(
        _read(
            "On Monday unknown men hurled a hand grenade at a police van in Kharan, wounding two constables."
        )
    )
    assert event.sub_event_type == "Grenade"


def test_rockets_fired_with_small_arms_is_a_clash() -> None:
    event = _only(
        _read(
            "On Friday militants attacked an army camp in Awaran with rockets and small arms, killing a soldier."
        )
    )
    assert event.sub_event_type == "Armed clash"


def test_rockets_and_gunfire_together_are_a_clash() -> None:
    event = _only(
        _read("A rocket attack and firing on a Levies post in Washuk on Friday left one Levies man dead.")
    )
    assert event.sub_event_type == "Armed clash"


def test_rockets_alone_stay_a_shelling() -> None:
    event = _only(_read("On Friday militants fired rockets at an army camp in Awaran, killing a soldier."))
    assert event.sub_event_type == "Shelling/artillery/missile attack"


def test_civilians_killed_for_helping_the_army_are_an_attack_on_civilians() -> None:
    # The army is named only as the reason the gunmen gave: the dead were civilians, so it is one-sided.
    event = _only(
        _read(
            "On Sunday gunmen shot dead two shopkeepers in Nushki, accusing them of selling food to the army."
        )
    )
    assert event.sub_event_type == "Attack"


# -- the main event's toll ------------------------------------------------------------------------------------


def test_dead_at_the_scene_and_dead_in_hospital_add_up() -> None:
    event = _only(
        _read(
            "A bomb went off near a bakery in Sibi on Monday. "
            '"Two customers died at the scene and three customers died later in hospital," the district police '
            "officer said."
        )
    )
    assert (event.fatalities.low, event.fatalities.high) == (5, 5)


def test_a_subset_in_one_sentence_is_not_added() -> None:
    event = _only(
        _read("A bomb went off near a bakery in Sibi on Monday, killing five people, two of them children.")
    )
    assert (event.fatalities.low, event.fatalities.high) == (5, 5)


def test_a_toll_that_rose_is_not_added_to_its_first_figure() -> None:
    result = _read(
        "A bomb went off near a bakery in Sibi on Monday. "
        "Four people were killed at first, and the number of people killed rose to six overnight, the police said."
    )
    [event] = [e for e in result.events if e.claim_ids]
    assert (event.fatalities.low, event.fatalities.high) == (6, 6)


def test_an_increment_inside_a_larger_toll_is_not_a_total() -> None:
    event = _only(
        _read(
            "Gunmen killed eight policemen in two ambushes in Tank on Thursday. "
            "A police spokesman said the second ambush killed six more policemen."
        )
    )
    assert (event.fatalities.low, event.fatalities.high) == (8, 8)


def test_an_increment_alone_in_its_event_is_its_toll() -> None:
    result = _read(
        "Troops killed three militants in a raid in Mir Ali on Friday. "
        "In another raid in Spinwam, one more militant was killed."
    )
    tolls = sorted(e.fatalities.low for e in result.events if e.fatalities.low is not None)
    assert tolls == [1, 3]


def test_an_increment_after_a_smaller_figure_adds_to_it() -> None:
    event = _only(
        _read(
            "Gunmen opened fire on a Levies post in Kalat on Sunday, killing two guards, a Levies official said. "
            "He said the gunmen then shot dead three more guards before escaping."
        )
    )
    assert (event.fatalities.low, event.fatalities.high) == (5, 5)


def test_an_increment_from_another_kind_of_source_is_not_added() -> None:
    event = _only(
        _read(
            "Gunmen opened fire on a Levies post in Kalat on Sunday, killing two guards, a Levies official said. "
            "Residents said three more guards were killed."
        )
    )
    assert (event.fatalities.low, event.fatalities.high) == (2, 3)


def test_a_second_person_of_the_same_kind_is_not_a_repeat() -> None:
    result = _read(
        "A constable was killed when a grenade hit a police van in Hangu on Tuesday. "
        "A second constable died in hospital in the evening."
    )
    assert [c.count.low for c in result.claims if c.outcome == "killed"] == [1, 1]
    assert _only(result).fatalities.low == 2
    # Told again with the same words, the one constable stays one.
    again = _read(
        "A constable was killed when a grenade hit a police van in Hangu on Tuesday. "
        "The police said a constable was killed."
    )
    assert _only(again).fatalities.low == 1


def test_attackers_shot_dead_are_added_to_the_people_they_killed() -> None:
    event = _only(
        _read(
            "Six people were killed when gunmen stormed a guest house in Gwadar on Monday. "
            "The two attackers were shot dead by the police."
        )
    )
    assert (event.fatalities.low, event.fatalities.high) == (8, 8)


def test_attackers_counted_inside_the_toll_are_not_added_again() -> None:
    event = _only(
        _read(
            "Six people, including two attackers, were killed when gunmen stormed a guest house in Gwadar on Monday."
        )
    )
    assert (event.fatalities.low, event.fatalities.high) == (6, 6)


# -- the perpetrator ------------------------------------------------------------------------------------------


def test_a_group_only_suspected_is_not_the_actor() -> None:
    event = _only(
        _read(
            "Gunmen killed two policemen at a checkpost in Tank on Monday. "
            "Police said the TTP was the main suspect."
        )
    )
    assert event.actor1 is None or event.actor1.startswith("Unidentified Armed Group")


def test_a_group_named_beside_no_claim_is_a_guess_not_the_actor() -> None:
    event = _only(
        _read(
            "Gunmen killed two policemen at a checkpost in Tank on Monday. "
            "No group has claimed the attack, but the TTP often strikes in the district."
        )
    )
    assert event.actor1 is None or event.actor1.startswith("Unidentified Armed Group")


def test_suspected_militants_of_a_named_group_still_name_it() -> None:
    event = _only(_read("Suspected TTP militants killed two policemen at a checkpost in Tank on Monday."))
    assert event.actor1 == "TTP: Tehreek-i-Taliban Pakistan"


def test_forces_that_beat_off_an_attack_are_not_its_first_actor() -> None:
    event = _only(
        _read(
            "Unknown attackers fired on a Levies post in Washuk on Sunday night. "
            "The Levies repulsed the attack and one attacker was killed, officials said."
        )
    )
    assert event.actor1 is None or event.actor1.startswith("Unidentified Armed Group")
    assert event.actor2 is not None and "Levies" in event.actor2


def test_forces_in_their_own_operation_stay_its_first_actor() -> None:
    event = _only(
        _read("Security forces killed four militants in an intelligence-based operation in Kech on Sunday.")
    )
    assert event.actor1 == "Military Forces of Pakistan"


# -- weapons found are not weapons used ------------------------------------------------------------------------


def test_explosives_recovered_in_an_operation_do_not_make_it_a_bombing() -> None:
    event = _only(
        _read(
            "Security forces killed three militants in an intelligence-based operation in Kech on Sunday. "
            "Rifles, grenades and explosives were recovered from the hideout."
        )
    )
    assert event.sub_event_type == "Armed clash"


def test_a_bomb_found_and_defused_is_a_disrupted_weapon() -> None:
    event = _only(_read("Police found a bomb near a school in Turbat on Sunday and defused it."))
    assert event.sub_event_type == "Disrupted weapons use"


def test_bodies_found_after_a_blast_keep_the_blast() -> None:
    event = _only(
        _read("A bomb exploded near a school in Turbat on Sunday; two bodies were found in the rubble.")
    )
    assert event.sub_event_type == "Remote explosive/landmine/IED"


def test_an_attack_on_a_truck_with_no_one_counted_is_one_sided() -> None:
    event = _only(_read("On Monday BLF fighters attacked a cement truck and its crew in Hub."))
    assert event.sub_event_type == "Attack"


def test_shells_fired_at_a_camp_are_a_shelling() -> None:
    event = _only(_read("On Monday militants fired shells at an army camp in Panjgur. No one was hurt."))
    assert event.sub_event_type == "Shelling/artillery/missile attack"


def test_captives_killed_make_the_abduction_an_attack() -> None:
    event = _only(_read("On Monday gunmen killed two of the five shepherds they had abducted near Kohlu."))
    assert event.sub_event_type == "Attack"


def test_an_abduction_with_no_one_killed_stays_an_abduction() -> None:
    event = _only(_read("On Monday gunmen abducted five shepherds near Kohlu."))
    assert event.sub_event_type == "Abduction/forced disappearance"


def test_a_lede_total_over_two_operations_is_not_the_first_operations_toll() -> None:
    result = _read(
        "Security forces killed nine militants in two separate operations in Khyber district on Sunday. "
        "In the first operation in Bara, seven militants were killed. "
        "In the second operation in Jamrud, two more militants were killed."
    )
    tolls = sorted(
        (e.fatalities.low, e.fatalities.high) for e in result.events if e.fatalities.low is not None
    )
    assert tolls == [(2, 2), (7, 7)]


def test_violence_against_civilians_has_civilians_as_its_second_actor() -> None:
    event = _only(
        _read("On Sunday BLF gunmen shot dead two drivers of an army-run construction firm in Turbat.")
    )
    assert event.sub_event_type == "Attack"
    assert event.actor2 == "Civilians (Pakistan)"


def test_rockets_and_other_weapons_are_a_clash() -> None:
    event = _only(
        _read(
            "On Friday militants attacked a Levies post in Washuk with rockets and other weapons, killing a guard."
        )
    )
    assert event.sub_event_type == "Armed clash"


def test_attackers_wounded_are_not_added_to_the_people_wounded() -> None:
    event = _only(
        _read(
            "Six people were wounded when gunmen attacked a bus in Gwadar on Monday. "
            "Two attackers were also wounded and arrested."
        )
    )
    assert event.injured.low == 6


def test_policemen_shot_without_warning_are_an_attack() -> None:
    event = _only(
        _read(
            "On Saturday gunmen opened fire without warning on two constables on patrol in Lakki Marwat, killing both."
        )
    )
    assert event.sub_event_type == "Attack"


def test_an_ambushed_passenger_van_is_an_attack() -> None:
    event = _only(_read("On Saturday gunmen ambushed a passenger van near Kohlu, killing three travellers."))
    assert event.sub_event_type == "Attack"


def test_an_ambushed_army_convoy_is_a_clash() -> None:
    event = _only(_read("On Saturday militants ambushed an army convoy near Kohlu, killing three soldiers."))
    assert event.sub_event_type == "Armed clash"


def test_a_grenade_at_an_off_duty_officers_house_stays_a_grenade() -> None:
    event = _only(
        _read("On Saturday militants lobbed a grenade at the house of an off-duty police officer in Panjgur.")
    )
    assert event.sub_event_type == "Grenade"


# -- earlier attacks mentioned in passing ---------------------------------------------------------------------


def test_an_earlier_attack_mentioned_without_figures_makes_no_event() -> None:
    result = _read(
        "Gunmen shot dead four road workers in Washuk district on Wednesday, police said. "
        "In March 2021, gunmen ambushed labourers in Kharan.",
        published="2023-03-09",
    )
    assert len(result.events) == 1
    assert result.events[0].fatalities.low == 4


def test_an_attack_years_ago_mentioned_in_passing_makes_no_event() -> None:
    result = _read(
        "Gunmen shot dead four road workers in Washuk district on Wednesday, police said. "
        "Two years ago, gunmen ambushed labourers in Kharan."
    )
    assert len(result.events) == 1
