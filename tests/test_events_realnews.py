"""Events as full-length reports give them: one event per attack, datelines, the country of generic actors.

The reports below are the team's own invented text.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.model import Article, ExtractResult, Place
from sitrep.pipeline import extract


def _read(text: str, published: str = "2024-05-16") -> ExtractResult:
    return extract(Article(id="t", text=text, published=dt.date.fromisoformat(published)))


def _place(result: ExtractResult, place_id: str | None) -> Place | None:
    return next((p for p in result.places if p.id == place_id), None)


def test_town_tehsil_and_district_named_apart_are_one_attack() -> None:
    result = _read(
        "Three labourers were shot dead in Mand on Wednesday. "
        "The attack took place in Kech district, a Levies official said. "
        "Two more workers were injured in the firing in Kech district, he added."
    )
    assert len(result.events) == 1
    [event] = result.events
    place = _place(result, event.place_id)
    assert place is not None and place.admin2 == "Kech"
    assert place.kind != "admin2"  # the finest place named
    assert (event.fatalities.best, event.injured.best) == (3, 2)


def test_two_attacks_in_two_districts_stay_two_events() -> None:
    result = _read(
        "Gunmen killed two policemen at a checkpost in Kalat on Wednesday. "
        "In a separate attack the same day, a bomb killed four soldiers in Panjgur."
    )
    districts = sorted(p.admin2 for e in result.events if (p := _place(result, e.place_id)) and p.admin2)
    assert districts == ["Kalat", "Panjgur"]


def test_towns_listed_as_separate_attacks_stay_apart_in_one_district() -> None:
    result = _read("On Wednesday militants attacked posts in Tump and in Turbat, killing a soldier.")
    towns = {p.name for e in result.events if (p := _place(result, e.place_id))}
    assert {"Tump", "Turbat"} <= towns


def test_a_province_named_without_figures_is_not_a_second_event() -> None:
    result = _read(
        "Five miners were killed when armed men attacked a coal mine in Duki on Wednesday. "
        "Attacks on workers have risen across Balochistan, officials said."
    )
    assert len(result.events) == 1
    place = _place(result, result.events[0].place_id)
    assert place is not None and place.name == "Duki"


def test_province_level_figures_are_kept_when_no_smaller_place_is_named() -> None:
    result = _read("Security forces killed six militants in Balochistan on Wednesday, the military said.")
    [event] = result.events
    place = _place(result, event.place_id)
    assert place is not None and place.kind == "admin1"
    assert event.fatalities.best == 6 and event.claim_ids


@pytest.mark.parametrize(
    "text",
    [
        "Islamabad, May 15 Two Levies personnel were martyred on Wednesday when their vehicle hit a landmine "
        "in Kohlu, officials said.",
        "(Peshawar) A police constable was shot dead by unidentified gunmen in Bannu on Wednesday.",
    ],
)
def test_a_dateline_is_not_where_the_attack_happened(text: str) -> None:
    result = _read(text)
    [event] = result.events
    place = _place(result, event.place_id)
    assert place is not None and place.name in ("Kohlu", "Bannu")
    assert event.claim_ids


def test_a_dateline_alone_still_places_a_local_report() -> None:
    result = _read("DAYTON, Ohio - Two men were shot dead outside a bar late on Saturday, police said.")
    [event] = result.events
    place = _place(result, event.place_id)
    assert place is not None and place.admin1 == "Ohio"


def test_a_gunman_in_a_us_report_is_not_a_pakistani_group() -> None:
    result = _read(
        "DAYTON, Ohio — A gunman shot and killed two men outside a bar in Dayton, Ohio, late on Saturday, "
        "police said. Three other people were wounded."
    )
    assert result.events
    event = result.events[0]
    assert event.actor1 == "Unidentified Armed Group (United States)"
    assert "Pakistan" not in (event.actor2 or "")


def test_a_gunman_in_a_pakistani_report_stays_pakistani() -> None:
    result = _read("Unidentified gunmen shot dead two shopkeepers in Turbat, Kech district, on Wednesday.")
    [event] = result.events
    assert event.actor1 == "Unidentified Armed Group (Pakistan)"
    assert event.actor2 == "Civilians (Pakistan)"


def test_the_day_that_owns_the_attack_dates_it() -> None:
    # published on a Thursday: the funeral was on Wednesday, the attack on Tuesday
    result = _read(
        "Funeral prayers were held in Sibi on Wednesday for four guards killed in Tuesday's attack on the "
        "railway station.",
        published="2024-05-16",
    )
    [event] = result.events
    assert event.date == dt.date(2024, 5, 14)


def test_a_raid_repulsed_is_the_attackers_event() -> None:
    result = _read(
        "Two policemen were martyred and three attackers were killed when militants stormed a police "
        "station in Tank on Wednesday, police said."
    )
    [event] = result.events
    assert event.actor1 == "Unidentified Armed Group (Pakistan)"
    assert event.actor2 == "Police Forces of Pakistan"
    assert event.fatalities.best == 5  # the attackers count, as ACLED counts them
    assert event.by_side.militants.best == 3


def test_an_operation_that_kills_only_militants_is_the_forces_event() -> None:
    result = _read(
        "Security forces killed four militants in an operation in Kurram on Wednesday, the ISPR said."
    )
    [event] = result.events
    assert event.actor1 == "Military Forces of Pakistan"


def test_a_shooting_report_without_a_figure_still_yields_its_event() -> None:
    result = _read(
        "FRESNO, California - Detectives are investigating a shooting outside a grocery store in Fresno, "
        "California, on Saturday evening. The victim was taken to a hospital, police said."
    )
    assert len(result.events) == 1
    event = result.events[0]
    assert event.sub_event_type == "Attack"
    assert "Pakistan" not in (event.actor1 or "")


def test_name_heavy_english_is_read() -> None:
    roll = ", ".join(
        f"{rank} {name}"
        for rank, name in [
            ("Sepoy", "Rafiq Gul"),
            ("Naik", "Shams Wali"),
            ("Sepoy", "Daud Jan"),
            ("Lance Naik", "Pir Bakhsh"),
            ("Sepoy", "Hamid Zarin"),
            ("Havaldar", "Qadir Bux"),
        ]
    )
    result = _read(f"Martyred in Panjgur on Wednesday: {roll}. Three soldiers were killed in the ambush.")
    assert result.article.language in ("en", "und")
    assert result.events and result.claims


def test_grenades_in_a_gun_battle_are_its_weapons() -> None:
    result = _read(
        "Militants stormed a Levies post in Washuk on Wednesday and a gun battle followed in which they "
        "hurled grenades; two Levies men were martyred."
    )
    [event] = result.events
    assert event.sub_event_type == "Armed clash"


def test_a_grenade_thrown_alone_is_a_grenade_attack() -> None:
    result = _read(
        "Unknown men hurled a hand grenade at a shop in Turbat on Wednesday, injuring three people."
    )
    [event] = result.events
    assert event.sub_event_type == "Grenade"


def test_an_intelligence_based_operation_is_the_forces_clash() -> None:
    result = _read(
        "Security forces conducted an intelligence-based operation in Tank district on Wednesday and killed "
        "five terrorists involved in targeted killings, the ISPR said."
    )
    [event] = result.events
    assert event.actor1 == "Military Forces of Pakistan"
    assert event.sub_event_type == "Armed clash"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # published on Thursday 16 May 2024
        ("on Tuesday night", "2024-05-14"),
        ("late last night", "2024-05-15"),
        ("overnight", "2024-05-15"),  # the night before the paper: its evening
        ("overnight into Wednesday", "2024-05-14"),  # the night that ran into Wednesday began on Tuesday
        ("in the early hours of Wednesday", "2024-05-15"),  # the day that is named
    ],
)
def test_relative_dates_are_anchored_to_publication(words: str, expected: str) -> None:
    result = _read(
        f"Militants attacked a checkpost in Kalat {words}, killing a sepoy.", published="2024-05-16"
    )
    [event] = result.events
    assert event.date == dt.date.fromisoformat(expected)


def test_two_operations_in_one_district_are_two_events() -> None:
    result = _read(
        "Security forces killed four militants in an intelligence-based operation in the general area of "
        "Mir Ali on Wednesday, the ISPR said. In another intelligence-based operation in the general area of "
        "Spinwam, troops killed two militants."
    )
    towns = sorted(p.name for e in result.events if (p := _place(result, e.place_id)))
    assert towns == ["Mir Ali", "Spinwam"]


def test_a_named_group_the_forces_fought_is_the_second_actor() -> None:
    result = _read(
        "Troops killed six TTP militants during an intelligence-based operation in Khyber district on "
        "Wednesday, the military's media wing said."
    )
    [event] = result.events
    assert event.actor1 == "Military Forces of Pakistan"
    assert event.actor2 == "TTP: Tehreek-i-Taliban Pakistan"


def test_the_day_told_nearest_the_violence_dates_the_event() -> None:
    result = _read(
        "Neighbours gathered on Saturday evening to mourn two brothers who were shot dead outside their shop "
        "in Gwadar on Friday.",
        published="2024-05-19",
    )
    [event] = result.events
    assert event.date == dt.date(2024, 5, 17)


@pytest.mark.parametrize(
    "text",
    [
        "A bomb planted on the road hit a van travelling from Turbat to Gwadar near Pasni on Wednesday, killing "
        "three passengers. The injured were taken to Karachi.",
        "Three labourers from Punjab were shot dead near Pasni, about 100 km east of Gwadar, on Wednesday.",
    ],
)
def test_destinations_origins_and_landmarks_are_not_event_places(text: str) -> None:
    result = _read(text)
    names = {p.name for e in result.events if (p := _place(result, e.place_id))}
    assert names == {"Pasni"}


def test_a_neighbouring_country_named_as_a_border_is_not_the_event_place() -> None:
    result = _read(
        "A roadside bomb killed four Levies men on Wednesday in a district of Balochistan bordering Iran, "
        "officials said. The blast struck their vehicle near Mand."
    )
    places = {p.name for e in result.events if (p := _place(result, e.place_id))}
    assert "Iran" not in places
    assert "Mand" in places


def test_a_lede_without_a_place_is_set_where_the_violence_is_first_placed() -> None:
    result = _read(
        "Two railway guards were injured in a bomb explosion on Wednesday. The Quetta-bound passenger train "
        "had left Sibi in the morning. The bomb went off under the engine near Mach."
    )
    places = {p.name for e in result.events if (p := _place(result, e.place_id))}
    assert places == {"Mach"}


def test_the_datelines_country_and_filing_date_are_not_the_events() -> None:
    result = _read(
        "Balochistan [Pakistan], May 16 : Militants killed two soldiers in an attack on a post in Awaran on "
        "Tuesday, officials said.",
        published="2024-05-16",
    )
    [event] = result.events
    place = _place(result, event.place_id)
    assert place is not None and place.name == "Awaran"
    assert event.date == dt.date(2024, 5, 14)


def test_an_operation_told_in_the_passive_is_an_event_of_its_own() -> None:
    result = _read(
        "Security forces killed nine terrorists in two operations on Wednesday, the ISPR said. The first "
        "operation was carried out in Tank district. Another operation was conducted in Lakki Marwat district."
    )
    districts = sorted(p.admin2 for e in result.events if (p := _place(result, e.place_id)) and p.admin2)
    assert districts == ["Lakki Marwat", "Tank"]
    assert all(e.actor1 == "Military Forces of Pakistan" for e in result.events)


def test_people_among_the_dead_are_a_part_of_the_toll_not_a_lower_total() -> None:
    text = (
        "PESHAWAR: Four people were killed when a bomb planted on a motorcycle went off near a vegetable "
        "market in Khar, Bajaur, on Tuesday. A police official said two constables were among the dead. "
        "Rescue officials said four bodies and nine injured were taken to the district hospital."
    )
    result = _read(text)
    event = max(result.events, key=lambda e: len(e.claim_ids))
    assert (event.fatalities.low, event.fatalities.high) == (4, 4)
    constables = next(c for c in result.claims if c.count.low == 2 and c.outcome == "killed")
    assert constables.part_of is not None


def test_an_attack_told_a_day_later_at_another_town_of_the_district_is_another_event() -> None:
    result = _read(
        "A bomb wounded eleven people at a rally in Badaber on Monday. "
        "On Tuesday night gunmen attacked a police post in Matani, killing two policemen."
    )
    towns = sorted(p.name for e in result.events if (p := _place(result, e.place_id)))
    assert towns == ["Badaber", "Matani"]


def test_the_wounded_who_died_a_day_later_are_the_first_events_dead() -> None:
    result = _read(
        "A bomb wounded eleven people at a rally in Badaber on Monday. "
        "Two of the wounded died in a Peshawar hospital on Tuesday, police said."
    )
    assert len(result.events) == 1


def test_more_dead_days_later_than_the_wounded_counted_are_another_event() -> None:
    result = _read(
        "Militants attacked a Levies post in Peshawar on Monday, wounding one guard and abducting 22. "
        "On Wednesday 21 Levies men were killed in Peshawar, officials said."
    )
    assert sorted(str(e.date) for e in result.events) == ["2024-05-13", "2024-05-15"]
