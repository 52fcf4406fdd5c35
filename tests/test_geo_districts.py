"""Districts as facts: the tehsils, towns and new district names of Balochistan and Khyber Pakhtunkhwa that the
GeoNames/OCHA index lacks (curated in sitrep/data/geo/supplement.tsv with their sources), the districts split or
renamed since 2017 (district_equivalents.tsv), and an official's jurisdiction that is no event place. Every
sentence here is invented for the test."""

from __future__ import annotations

import pytest

from sitrep.evaluate.places import same_district
from sitrep.geo.resolve import find_places
from sitrep.model import Article, Place
from sitrep.pipeline import extract


def event_place(text: str, written: str) -> Place:
    # The place's words may take the kind word after the name with them ("Tirah valley", "Bajur district").
    found = [p for p in find_places(text) if p.text.split(" valley")[0].split(" district")[0] == written]
    assert found, f"{written!r} not found in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "written", "district"),
    [
        ("Gunmen torched two trucks in Balnigor late on Tuesday.", "Balnigor", "Kech"),
        ("A hand grenade was hurled at a house in Gokdan on Friday.", "Gokdan", "Kech"),
        ("Two fishermen went missing off Suntsar last week.", "Suntsar", "Gwadar"),
        ("A mobile tower was set on fire in Kulanch valley.", "Kulanch", "Gwadar"),
        ("Border guards exchanged fire near Mashkel on Sunday.", "Mashkel", "Washuk"),
        ("A teacher was shot dead in Mamund on Wednesday.", "Mamund", "Bajaur"),
        ("A bomb went off in a market in Nawagai, injuring three.", "Nawagai", "Bajaur"),
        ("Militants attacked a checkpoint in Tirah valley overnight.", "Tirah", "Khyber"),
        ("A convoy came under fire near Bagan on Saturday.", "Bagan", "Kurram"),
        ("Shops stayed shut in Sadda after the clash.", "Sadda", "Kurram"),
        ("Two policemen were martyred in Kalaya on Monday.", "Kalaya", "Orakzai"),
        ("An arms dealer was killed in Darra Adam Khel.", "Darra Adam Khel", "Kohat"),
        ("Troops cleared a compound in Sararogha on Thursday.", "Sararogha", "South Waziristan"),
        ("Residents of Thall protested against the closure of the road.", "Thall", "Hangu"),
        ("A levies post was attacked in Gishkaur on Friday.", "Gishkaur", "Awaran"),
        ("Gunmen set fire to a school in Sar-e-Kharan.", "Sar-e-Kharan", "Kharan"),
        ("A gas pipeline was blown up near Phailawagh.", "Phailawagh", "Dera Bugti"),
        ("Gunmen attacked the police station in Tajori overnight.", "Tajori", "Lakki Marwat"),
        ("A constable was shot dead in Ghazni Khel on Sunday.", "Ghazni Khel", "Lakki Marwat"),
        ("Militants fired rockets at a post near Darra Pezu.", "Darra Pezu", "Lakki Marwat"),
        ("The police station in Hassan Khel came under attack.", "Hassan Khel", "Peshawar"),
        ("A car bomb went off in Khyber Bazaar, killing four.", "Khyber Bazaar", "Peshawar"),
        ("Firing from across the border hit houses in Arandu in Chitral.", "Arandu", "Chitral Lower"),
        ("Trucks were stopped at Kharlachi on Tuesday.", "Kharlachi", "Kurram"),
    ],
)
def test_curated_tehsils_and_towns_resolve_to_their_district(text: str, written: str, district: str) -> None:
    place = event_place(text, written)
    assert place.country_code == "PK" and place.admin2 == district


@pytest.mark.parametrize(
    ("text", "written", "district"),
    [
        (
            "Security was tightened across Upper South Waziristan district.",
            "Upper South Waziristan",
            "South Waziristan",
        ),
        ("Schools reopened in Lower Chitral on Monday.", "Lower Chitral", "Chitral Lower"),
        ("A landslide blocked the road in Bajur district.", "Bajur", "Bajaur"),
        ("Floods hit the outskirts of Timergara.", "Timergara", "Lower Dir"),
    ],
)
def test_new_and_variant_district_names(text: str, written: str, district: str) -> None:
    assert event_place(text, written).admin2 == district


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [
        ("Upper Kohistan", "Kohistan Upper"),
        ("Lower South Waziristan", "South Waziristan"),
        ("Upper South Waziristan", "South Waziristan district"),
        ("Bajour", "Bajaur"),
        ("Tank Frontier", "Tank"),
    ],
)
def test_split_and_respelt_districts_compare_equal(predicted: str, gold: str) -> None:
    assert same_district(predicted, gold)


def test_split_districts_stay_apart_from_their_neighbours() -> None:
    assert not same_district("Upper South Waziristan", "North Waziristan")
    assert not same_district("Lower Chitral", "Lower Dir")


def test_a_division_commissioner_names_no_event_place() -> None:
    text = (
        "A landmine killed a shepherd near Nal on Monday. Kalat Division Commissioner Ali Raza confirmed it."
    )
    places = find_places(text)
    assert [p.text for p in places if p.role == "event"] == ["Nal"]
    assert event_place(text, "Kalat").role == "mention"


def test_a_division_named_as_a_place_is_still_a_place() -> None:
    assert event_place("Two soldiers were wounded in Kalat division on Monday.", "Kalat").role == "event"


def test_the_district_people_were_abducted_from_is_where_the_event_was() -> None:
    result = extract(
        Article(id="t", text="Armed men kidnapped four road workers from Kharan district on Friday.")
    )
    places = {p.id: p for p in result.places}
    (event,) = result.events
    assert places[event.place_id or ""].admin2 == "Kharan"


def test_the_town_travellers_came_from_is_not_where_the_event_was() -> None:
    text = "Four labourers travelling from Quetta were shot dead in Mastung on Friday."
    result = extract(Article(id="t", text=text))
    places = {p.id: p for p in result.places}
    (event,) = result.events
    assert places[event.place_id or ""].admin2 == "Mastung"


def test_a_report_placed_only_in_a_province_is_about_the_district_whose_officials_speak() -> None:
    text = (
        "Gunmen ambushed a survey team in Balochistan province on Tuesday, killing a guard. "
        "The deputy commissioner of Washuk district said the team had been warned."
    )
    events = [p for p in find_places(text) if p.role == "event"]
    assert [p.admin2 for p in events if p.kind != "admin1"] == ["Washuk"]


def test_a_district_official_is_no_event_place_when_the_report_names_a_finer_one() -> None:
    text = (
        "Gunmen ambushed a survey team near Besima on Tuesday, killing a guard. "
        "The deputy commissioner of Kharan district said the team had been warned."
    )
    assert [p.text for p in find_places(text) if p.role == "event"] == ["Besima"]
