"""Places in full-length reports (issue 12): where nothing happened is a mention, never an event place.

Every sentence here is the team's own invention; nothing is copied or paraphrased from the dev files.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.geo.resolve import find_places
from sitrep.model import Article, Place
from sitrep.pipeline import extract
from sitrep.sources.files import InputProblem, dateline_date, read_inputs


def roles(text: str) -> dict[str, str]:
    """Written name -> role; a name written twice must have one role throughout (else the test says so)."""
    found: dict[str, str] = {}
    for place in find_places(text):
        assert found.setdefault(place.text, place.role) == place.role, f"{place.text!r} has two roles"
    return found


def event_place_texts(text: str) -> set[str]:
    """The written names of the places the whole pipeline sets its events at."""
    result = extract(Article(id="own", text=text))
    places = {p.id: p for p in result.places}
    return {places[e.place_id].text for e in result.events if e.place_id in places}


# ---- whole reports: zero events at non-event places ------------------------------------------------------------

# Invented reports, each with the places where nothing happened in them.
REPORTS = [
    (
        "QUETTA, March 12 — Gunmen on motorbikes shot dead three shopkeepers in Kharan bazaar on Tuesday "
        "evening, police said.\n\n"
        "Two of the wounded were later transferred to Karachi for treatment. The injured were shifted to the "
        "Civil Hospital Quetta. One of the dead belonged to Multan, and another was a resident of Rahim Yar "
        "Khan district.\n\n"
        "Islamabad condemned the killings, while Kabul denied that the gunmen came from across the border.",
        {"Kharan"},
        {"QUETTA", "Quetta", "Karachi", "Multan", "Rahim Yar Khan district", "Islamabad", "Kabul"},
    ),
    (
        "A roadside bomb struck a van of the Levies on the Quetta-Karachi highway near Khuzdar, killing two "
        "men. The wounded were taken to a hospital in Sibi.",
        {"Khuzdar"},
        {"Quetta", "Karachi", "Sibi"},
    ),
    (
        "Islamabad, Jan 4 Two soldiers were killed when militants attacked a check post in Panjgur, the "
        "military said. Both soldiers hailed from Punjab and Sindh.",
        {"Panjgur"},
        {"Islamabad", "Punjab", "Sindh"},
    ),
    (
        "Lahore: Militants ambushed a police patrol near Tank on Friday, killing four constables. The "
        "attack happened some 300 kilometres south-west of Peshawar. India-backed groups were blamed by "
        "officials, who said the district borders Afghanistan.",
        {"Tank"},
        {"Lahore", "Peshawar", "Afghanistan"},
    ),
]


@pytest.mark.parametrize(("text", "event_places", "not_event_places"), REPORTS)
def test_no_event_is_placed_where_nothing_happened(
    text: str, event_places: set[str], not_event_places: set[str]
) -> None:
    placed = event_place_texts(text)
    assert placed, "the report's attack yields an event"
    assert placed <= event_places, f"events at {placed - event_places}"
    found = roles(text)
    for name in not_event_places:
        assert found.get(name, "mention") == "mention", f"{name!r} is {found.get(name)}"


# ---- one pattern at a time -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("The wounded were rushed to Turbat for treatment.", "Turbat"),
        ("The bodies were shifted to the District Headquarters Hospital Gwadar.", "Gwadar"),
        ("The injured were taken to a hospital in Loralai after the firing.", "Loralai"),
        ("One of the dead was a resident of Kasur district.", "Kasur district"),
        ("The slain driver belonged to Mardan.", "Mardan"),
        ("Both guards hailed from Swat.", "Swat"),
        ("The train was travelling from Peshawar when it was hit near Sibi.", "Peshawar"),
        ("A Karachi bound bus was stopped by gunmen near Hub.", "Karachi"),
        ("Six Punjab labourers were hurt in the blast near Kalat.", "Punjab"),
        ("The blast hit a market 200 km north of Karachi on Monday.", "Karachi"),
        ("The province shares a long border with Iran.", "Iran"),
        ("The district borders Afghanistan, officials said.", "Afghanistan"),
        ("Pakistan personnel were attacked near Zhob.", "Pakistan"),
        ("Kabul ruled out any talks after the attack in Chaman.", "Kabul"),
        ("The coalition government in Islamabad called a meeting.", "Islamabad"),
        ("Shots were fired on Kansas Avenue late on Friday, police said.", "Kansas"),
    ],
)
def test_non_event_places_are_mentions(text: str, written: str) -> None:
    assert roles(text)[written] == "mention"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # people are taken from where the event was
        ("Gunmen kidnapped two engineers from Washuk district on Sunday.", "Washuk district"),
        ("The bodies of three men were recovered from Kohlu on Monday.", "Kohlu"),
        # "close to" and "between" are locations, not routes
        ("A bomb went off close to Mastung on Friday.", "Mastung"),
        ("Troops clashed with militants in the hills between Zamran and Tump.", "Tump"),
        # a short distance is near the place
        ("The blast took place 6 km from Turbat.", "Turbat"),
        # a country after a locative word is a location
        ("Two soldiers were killed in Afghanistan on Monday.", "Afghanistan"),
    ],
)
def test_event_places_stay_events(text: str, written: str) -> None:
    assert roles(text)[written] == "event"


def test_a_short_distance_makes_the_place_approximate() -> None:
    place = next(p for p in find_places("The blast took place 6 km from Turbat.") if p.text == "Turbat")
    assert place.precision == {"acled": 2, "ucdp": 2}


def test_a_list_of_home_towns_shares_the_reason() -> None:
    found = roles("The victims were residents of Okara, Sahiwal and Pakpattan, police said.")
    assert found == {"Okara": "mention", "Sahiwal": "mention", "Pakpattan": "mention"}


def test_a_connector_compound_is_one_name_not_the_town_inside_it() -> None:
    places = find_places("Militants fired at a post at Sarai-e-Kalat area in Dandar area.")
    assert not any(p.name == "Kalat" for p in places)


# ---- datelines -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Islamabad, Feb 9 A soldier was killed in an attack in Kharan, officials said.", "Islamabad"),
        ("Lahore: Gunmen shot dead two traders in Quetta on Monday.", "Lahore"),
        ("(Karachi) Two policemen were hurt in a grenade attack in Turbat.", "Karachi"),
        ("PESHAWAR, March 12 — A bomb killed two people in Bannu.", "PESHAWAR"),
    ],
)
def test_dateline_is_a_mention_when_the_body_names_the_place(text: str, written: str) -> None:
    assert roles(text)[written] == "mention"


def test_dateline_alone_is_the_event_place() -> None:
    # A local story that names no other place happened where it was filed.
    places = [p for p in find_places("HOUSTON — A man was shot dead outside a store on Friday night.")]
    assert [(p.text, p.role, p.country_code) for p in places] == [("HOUSTON", "event", "US")]


def test_the_state_after_a_dateline_town_is_part_of_the_dateline() -> None:
    # "Ohio" was filed from too: it is no event place of its own, and the town stays the event place when
    # the body names only a hospital elsewhere.
    text = (
        "DAYTON, Ohio — Two men were wounded in a shooting outside a bar on Tuesday night, police said. "
        "Both were taken to a hospital in Cincinnati."
    )
    assert roles(text) == {"DAYTON": "event", "Ohio": "mention", "Cincinnati": "mention"}
    assert event_place_texts(text) == {"DAYTON"}


# ---- the document's country ----------------------------------------------------------------------------------


def event_place(text: str, written: str) -> Place:
    return next(p for p in find_places(text) if p.text == written)


def test_us_crime_report_words_pick_us_places() -> None:
    text = "A girl was hurt in a Durham apartment on Sunday, the county sheriff said."
    place = event_place(text, "Durham")
    assert (place.country_code, place.admin1) == ("US", "North Carolina")
    # without those words the larger Canadian region is read: the cue is what changed it
    assert event_place("A girl was hurt in Durham on Sunday.", "Durham").country_code != "US"


def test_state_abbreviation_after_a_town_picks_the_state() -> None:
    place = event_place("NORFOLK, Va. — Two men were wounded in a shooting on Saturday.", "NORFOLK")
    assert (place.country_code, place.admin1) == ("US", "Virginia")


def test_pakistani_forces_and_groups_keep_a_small_place_abroad_out() -> None:
    # "Dinan" is only a small French town: in a report about the FC it is an unlisted local place.
    text = "FC personnel came under fire in Dinan area, the ISPR said."
    assert not any(p.text == "Dinan" for p in find_places(text))
    assert any(p.text == "Dinan" for p in find_places("Tourists visited Dinan on Sunday."))


def test_ordinary_words_listed_as_never_places_are_dropped() -> None:
    assert find_places("First responders found the man in a car. Northeast winds were strong.") == []


# ---- .txt inputs ---------------------------------------------------------------------------------------------


def read_one(path: Path) -> Article:
    items = list(read_inputs([str(path)]))
    assert len(items) == 1 and not isinstance(items[0], InputProblem), items
    article = items[0]
    assert isinstance(article, Article)
    return article


def test_txt_dateline_is_kept_in_the_text_and_gives_the_date(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("QUETTA, March 12, 2024 — Two men were hurt in a blast in Pishin.\n\nMore follows.\n")
    article = read_one(path)
    assert article.title is None
    assert article.text.startswith("QUETTA, March 12, 2024 —")
    assert article.published == date(2024, 3, 12)
    assert roles(article.text) == {"QUETTA": "mention", "Pishin": "event"}


def test_txt_title_then_dateline(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Blast hurts two\n\nTURBAT: Two men were hurt in a blast on Monday.\n")
    article = read_one(path)
    assert article.title == "Blast hurts two"
    assert article.text.startswith("TURBAT:")
    assert article.published is None  # a dateline without a year gives no date


def test_txt_headline_with_a_colon_is_still_a_title(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Quetta: two hurt in blast\n\nTwo men were hurt in a blast on Monday.\n")
    assert read_one(path).title == "Quetta: two hurt in blast"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("GWADAR, Sept. 3, 2023 (AP) — text", date(2023, 9, 3)),
        ("Quetta, Dec 1, 2022 - text", date(2022, 12, 1)),
        ("QUETTA, March 12 — text", None),
        ("A normal sentence, March 12, 2024 — text", None),
    ],
)
def test_dateline_date(line: str, expected: date | None) -> None:
    assert dateline_date(line) == expected


def test_a_military_site_named_after_a_town_is_in_that_town() -> None:
    # "<town> army camp" is a place in the town; "<province> government" is an institution
    found = roles("Militants stormed the Zhob army camp at dawn. The Balochistan government condemned it.")
    assert found == {"Zhob": "event", "Balochistan": "mention"}


def test_a_country_in_the_possessive_only_says_whose_province() -> None:
    found = roles("Gunmen attacked a police station in Pakistan's Sindh province on Monday.")
    assert found == {"Pakistan": "mention", "Sindh province": "event"}
    # the cue before the country holds for its province too
    found = roles("The group, based in Iran's Sistan province, denied any role.")
    assert found.get("Sistan province", "mention") == "mention"


def test_a_foreign_citys_other_name_needs_a_locative_word() -> None:
    # "Kasi" is another name of Varanasi; as the subject of "was shot" it is a person's surname
    text = "Kasi was shot dead on Monday near a market in Quetta, police said."
    assert roles(text) == {"Quetta": "event"}


def test_a_surname_is_a_person_throughout_the_report() -> None:
    text = "Police said Maria Lyons, 30, was hurt. Lyons told officers she was shot near Peoria."
    assert roles(text) == {"Peoria": "event"}
    # a direction or a title before a name is no first name: the place stays a place elsewhere
    text = "Gunmen attacked a convoy in Upper Kurram. Schools in Kurram were shut on Monday."
    assert roles(text).get("Kurram") == "event"


def test_a_name_found_in_many_provinces_votes_weakly_for_one() -> None:
    # "Paoli" is in three US states: repeated, it still must not outvote the state the dateline names.
    text = (
        "PAOLI, Ind. — A man was stabbed on Tuesday. The man, 40, of Paoli, and his wife, 38, of Paoli, "
        "had argued, police said. Paoli police are investigating."
    )
    assert {p.admin1 for p in find_places(text) if p.name == "Paoli"} == {"Indiana"}


def test_a_compass_word_names_a_part_of_the_place() -> None:
    place = event_place("Two men were shot late on Friday in West Louisville.", "Louisville")
    assert (place.role, place.admin1, place.precision["acled"]) == ("event", "Kentucky", 2)
    place = event_place("A girl was hit by a stray bullet at a home in New Orleans East.", "New Orleans")
    assert (place.role, place.admin1) == ("event", "Louisiana")


def test_a_local_police_force_places_a_report_that_names_no_other_place() -> None:
    place = event_place("The Valdosta Police Department said a man was shot at a gas station.", "Valdosta")
    assert (place.role, place.admin1) == ("event", "Georgia")
    # beside a place of the event itself, the force's town is only who speaks
    assert roles("Quetta police said two men were shot dead in Kalat.") == {
        "Quetta": "mention",
        "Kalat": "event",
    }


def test_two_capitals_joined_by_and_both_speak() -> None:
    found = roles("Islamabad and Kabul traded accusations after the raid in Chaman.")
    assert found == {"Islamabad": "mention", "Kabul": "mention", "Chaman": "event"}
    # two places of the event joined by "and" stay events
    assert roles("Five soldiers were killed in Kurram and Orakzai.") == {
        "Kurram": "event",
        "Orakzai": "event",
    }


def test_a_city_dateline_frames_its_neighbourhood_names() -> None:
    # "Austin" is a town in several US states, none of them Illinois: under a Chicago dateline it is a part of
    # Chicago, placed at the city.
    place = event_place("CHICAGO — Two teens were shot late on Sunday in Austin, police said.", "Austin")
    assert (place.role, place.kind, place.admin1) == ("event", "locality", "Illinois")
    # a name found in one province keeps its reading under a capital's dateline
    place = event_place("ISLAMABAD: Two soldiers were killed in an attack in Turbat.", "Turbat")
    assert (place.kind, place.admin2) == ("town", "Kech")


def test_a_dateline_after_a_headline_and_a_notice_is_still_a_dateline() -> None:
    text = (
        "Watch the video\n\nTwo hurt in overnight shooting\n\n"
        "TEMPLE HILLS, Md. — Two firefighters were shot while answering a call, police said."
    )
    place = event_place(text, "TEMPLE HILLS")
    assert place.admin1 == "Maryland"


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("Quetta, March 12: Two soldiers were killed in Kalat.", "Quetta"),
        ("Peshawar (AFP) — A bomb killed two people in Bannu.", "Peshawar"),
    ],
)
def test_more_dateline_forms(text: str, dateline: str) -> None:
    assert roles(text)[dateline] == "mention"


def test_a_country_is_context_unless_the_report_names_nothing_finer() -> None:
    text = (
        "The group operates from hideouts in Afghanistan, officials said. Two soldiers were killed in Zhob."
    )
    assert roles(text) == {"Afghanistan": "mention", "Zhob": "event"}
    assert roles("Two soldiers were killed in Afghanistan on Monday.") == {"Afghanistan": "event"}


def test_a_home_town_before_a_person_is_a_mention_and_the_last_resort() -> None:
    assert roles("A Karachi resident was shot dead in Hub on Friday.") == {
        "Karachi": "mention",
        "Hub": "event",
    }
    assert roles("A Dickinson man was shot on Tuesday, the county sheriff said.") == {"Dickinson": "event"}


def test_a_capital_before_a_modal_verb_is_its_government() -> None:
    assert roles("Islamabad will respond to the attack in Turbat.") == {
        "Islamabad": "mention",
        "Turbat": "event",
    }


def test_a_state_abbreviation_is_not_a_town() -> None:
    # "Colo" is also a small town elsewhere: after "Pueblo," it is Colorado
    assert roles("PUEBLO, Colo. - A teen was hurt in a shooting on Sunday.") == {"PUEBLO": "event"}


def test_a_name_means_one_place_throughout_a_report() -> None:
    text = (
        "(BROOKLYN) - Officers looked into a shooting near the town of Brooklyn in Morgan County on Friday."
    )
    assert {p.admin1 for p in find_places(text) if p.name == "Brooklyn"} == {"Indiana"}


def test_a_state_written_after_a_town_pins_it() -> None:
    text = (
        "LAFAYETTE, La. — The gunman, who lived in LaGrange, Ga., bought the pistol in Phenix City, Ala., "
        "police said. He opened fire in a cinema in Lafayette."
    )
    found = {p.text: (p.role, p.admin1) for p in find_places(text)}
    assert found["LaGrange"] == ("mention", "Georgia")  # a home, not the scene, and not a Lafayette suburb
    assert found["Phenix City"][1] == "Alabama"
    assert found["Lafayette"] == ("event", "Louisiana")


def test_a_state_spelled_out_after_a_town_is_the_state_that_holds_it() -> None:
    # "Georgia" is a country and a US state: after a town it is the one that holds the town; and a town the text
    # places in a state is kept even where the report's other words point to another country.
    found = {
        p.text: p for p in find_places("A man was shot dead in Macon, Georgia, on Saturday, police said.")
    }
    assert (found["Macon"].country_code, found["Macon"].admin1, found["Macon"].role) == (
        "US",
        "Georgia",
        "event",
    )
    assert (found["Georgia"].country_code, found["Georgia"].kind) == ("US", "admin1")
    found = {p.text: p for p in find_places("Two soldiers were killed in Tbilisi, Georgia, on Monday.")}
    assert found["Georgia"].country_code == found["Tbilisi"].country_code == "GE"
    # A state whose name is also a town's abroad ("Texas") still holds the town before it.
    found = {p.text: p for p in find_places("Two men were shot in Paris, Texas, late on Friday.")}
    assert (found["Paris"].country_code, found["Paris"].admin1) == ("US", "Texas")
    # A comma after the state closes it; a comma before another name goes on with a list of towns.
    towns = find_places("Blasts hit Quetta, Nushki, Dalbandin and Turbat on Friday.")
    assert {p.text for p in towns if p.role == "event"} == {"Quetta", "Nushki", "Dalbandin", "Turbat"}


@pytest.mark.parametrize(
    ("text", "home"),
    [
        ("Police said Ali Raza, 30, of Mardan was hurt in the blast in Peshawar.", "Mardan"),
        ("Dana Morrow of Findlay was wounded in a shooting in Toledo, the county sheriff said.", "Findlay"),
    ],
)
def test_a_person_of_a_town_is_from_there(text: str, home: str) -> None:
    assert roles(text)[home] == "mention"
    # a title before "of" is not a person: it keeps its own reason
    assert roles("The Governor of Balochistan visited Kalat.") == {"Balochistan": "mention", "Kalat": "event"}


def test_the_state_a_story_names_constrains_its_other_names() -> None:
    # A county found in several states is the one in the state the story names, whatever the populations.
    found = {
        p.text: p
        for p in find_places("A boy was killed Thursday near the Elbert County line, Georgia deputies said.")
    }
    assert (found["Elbert County"].admin1, found["Elbert County"].role) == ("Georgia", "event")


def test_a_small_town_of_another_state_is_no_event_place_of_a_local_story() -> None:
    # In a Detroit story a name found only as a small town in Indiana is a street or a neighbourhood there.
    text = "DETROIT (AP) — One man died and five were wounded in a shooting in Chalmers early Sunday, Detroit police said."
    found = {p.text: p for p in find_places(text)}
    assert found["Chalmers"].role == "mention"
    assert {(p.admin1, p.role) for p in find_places(text) if p.role == "event"} == {("Michigan", "event")}
    # Without a state the story declares, the name keeps its reading.
    alone = find_places(
        "One man died and five were wounded in a shooting in Chalmers early Sunday, police said."
    )
    assert [(p.text, p.role) for p in alone] == [("Chalmers", "event")]


def test_a_town_the_text_places_in_another_state_stays_an_event_place() -> None:
    found = {
        p.text: p
        for p in find_places("MACON, Ga. — The suspect was later arrested in Ludlow, Vt., police said.")
    }
    assert (found["Ludlow"].admin1, found["Ludlow"].role) == ("Vermont", "event")


def test_a_town_named_like_a_person_is_a_place_before_a_common_noun_or_its_police() -> None:
    # "Detroit" and "Orlando" are also personal names: alone they need a cue, and these are cues.
    found = find_places("Four men were held after a shooting at a Detroit community hall on Sunday.")
    assert [(p.text, p.admin1, p.role) for p in found] == [("Detroit", "Michigan", "event")]
    found = find_places("Two men were hurt on Friday, Orlando police said.")
    assert [(p.text, p.admin1) for p in found] == [("Orlando", "Florida")]
    # A word capitalised only because it opens the sentence does not make the town a surname.
    found = find_places("A boy was hurt.\n\nInitial New Orleans Police Department reports say he will live.")
    assert [(p.text, p.admin1) for p in found] == [("New Orleans", "Louisiana")]


def test_a_postal_code_after_a_town_pins_its_state() -> None:
    # A dateline whose dash ends its line, with the state as a postal code; and an address with a ZIP code.
    found = find_places("GREENWOOD, SC (WXYZ) –\n\nGreenwood police said a teenager was shot at a party.")
    assert {p.admin1 for p in found if p.name == "Greenwood"} == {"South Carolina"}
    found = find_places("Cards may be sent to PO Box 12, Denham Springs LA 70727.")
    assert [(p.text, p.admin1) for p in found] == [("Denham Springs", "Louisiana")]


def test_a_city_known_by_a_short_form_of_a_state_name_is_the_city_of_the_story() -> None:
    # "Columbia" is also the District of Columbia's name; in a South Carolina story it is the city there, and
    # "a man, of Columbia" is where he lived.
    text = "GREENWOOD, SC (WXYZ) –\n\nPolice identified the victim as Malik Jones, of Columbia."
    [columbia] = [p for p in find_places(text) if p.text == "Columbia"]
    assert (columbia.admin1, columbia.kind, columbia.role) == ("South Carolina", "town", "mention")


def test_a_city_known_alone_declares_its_state_though_a_city_abroad_shares_its_name() -> None:
    # "Philadelphia" is also an old name of a capital abroad: in a US story it still declares Pennsylvania.
    text = "Two teenagers were shot near Ludlow on Saturday night in West Philadelphia, police said."
    found = {p.text: p.admin1 for p in find_places(text)}
    assert found == {"Ludlow": "Pennsylvania", "Philadelphia": "Pennsylvania"}


def test_a_name_repeated_is_one_vote_for_the_reports_country() -> None:
    # A surname that is also a hamlet abroad, repeated, does not outvote the county the report names once.
    text = (
        "Prosecutors say Tran fired at the tenants. Officers found Tran in the basement. Tran was arrested and "
        "is being held in the Salt Lake County jail."
    )
    assert {p.country_code for p in find_places(text)} == {"US"}


def test_a_town_named_with_a_state_that_lacks_it_is_placed_at_the_state_not_at_a_namesake() -> None:
    found = find_places("Two men were shot in Quietbrook Heights, Ohio, on Tuesday night.")
    assert all(p.admin1 == "Ohio" for p in found)
    # A town of that name found only in other states is not taken either.
    [fairmount, ohio] = find_places("Four people were shot on Tuesday in Fairmount, Ohio, police said.")
    assert (fairmount.text, fairmount.admin1, fairmount.kind, fairmount.role) == (
        "Fairmount",
        "Ohio",
        "admin1",
        "event",
    )
    assert ohio.text == "Ohio"


def test_a_town_before_a_state_abbreviation_is_a_place_wherever_it_stands() -> None:
    """The dateline after a line of page furniture, and the same name as a spokeswoman's surname later: "Quincy,
    Ill." is still the town, in Illinois, and the event's place."""
    text = (
        "Please enable JavaScript to watch this video\n\nQuincy, Ill. - A man was shot and wounded outside a bar "
        "on Saturday night, police said.\n\nPolice spokeswoman Dana Quincy said the man was taken to a hospital "
        "in stable condition."
    )
    result = extract(Article(id="t", text=text, published=date(2016, 5, 8)))
    places = {p.id: p for p in result.places}
    [event] = result.events
    assert event.place_id is not None
    assert (places[event.place_id].name, places[event.place_id].admin1) == ("Quincy", "Illinois")
