"""Casualty figures as US local crime reports write them. Every sentence here was written by the team for the
test (the names, streets and towns are made up)."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.events.figures import event_figures
from sitrep.model import Article, Claim, Claimant, Count
from sitrep.pipeline import extract, extract_claims


def _figures(text: str) -> list[tuple]:
    return [(c.outcome, c.count.low, c.count.high) for c in extract_claims(text)]


def _main_event(text: str) -> tuple[int, int]:
    result = extract(Article(id="t", text=text, published=dt.date(2024, 3, 12)))
    event = max(result.events, key=lambda e: len(e.claim_ids))
    return event.fatalities.best or 0, event.injured.best or 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "shot" says a person was hit, not whether they lived: a casualty.
        ("A woman was shot outside a laundromat on Birch Avenue late Friday.", [("casualties", 1, 1)]),
        ("A child was accidentally shot at a home in Dover Township on Sunday.", [("casualties", 1, 1)]),
        ("Four teenagers were shot near the skate park on Tuesday.", [("casualties", 4, 4)]),
        # the ways a death is told
        ("A 31-year-old man was shot and killed on Elm Street early Saturday.", [("killed", 1, 1)]),
        ("An 11-year-old boy has been fatally shot while deer hunting with relatives.", [("killed", 1, 1)]),
        ("A motorist was shot to death at a red light on Route 9.", [("killed", 1, 1)]),
        ("One teen was pronounced dead at the scene.", [("killed", 1, 1)]),
        ("A man was shot and later died at a hospital, deputies said.", [("killed", 1, 1)]),
        (
            "Three men were shot, one fatally, outside a bar on Fifth Street.",
            [("casualties", 3, 3), ("killed", 1, 1)],
        ),
        # a relative clause tells what happened to the person; a death after it is what became of them
        ("A 14-year-old who was shot on Monday night has died.", [("killed", 1, 1)]),
        (
            "A 9-year-old who was killed in the accidental shooting will be buried on Friday.",
            [("killed", 1, 1)],
        ),
        # the ways a wounding is told
        ("A 22-year-old man was shot in the leg during the robbery.", [("injured", 1, 1)]),
        ("His cousin was listed in critical condition on Friday night.", [("injured", 1, 1)]),
        ("A 6-year-old girl was hospitalized after the shooting at the campground.", [("injured", 1, 1)]),
        (
            "One woman is dead and another is in stable condition, police said.",
            [("killed", 1, 1), ("injured", 1, 1)],
        ),
        # "shot at" is fired upon, not hit
        ("A delivery driver was shot at but escaped unhurt.", []),
    ],
)
def test_us_outcome_phrases(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The one before an outcome verb with an object did it: only the one after it is hurt.
        "Police said a 12-year-old boy accidentally shot his 8-year-old sister in the arm.",
        "The homeowner shot the intruder in the kitchen.",
    ],
)
def test_the_shooter_is_not_a_victim(text: str) -> None:
    assert len(_figures(text)) == 1
    assert extract_claims(text)[0].victim_text.lower() in ("sister", "intruder", "")


def test_the_one_who_fired_at_others_is_not_hit() -> None:
    assert _figures("Two gunmen shot at the patrol car and fled.") == []


def test_a_person_named_by_name_counts_one_where_no_figure_does() -> None:
    assert _figures("Marla Quint was shot and killed on Tuesday in her driveway.") == [("killed", 1, 1)]
    assert _figures("Since Marla Quint's death in June, her family has pressed for charges.") == [
        ("killed", 1, 1)
    ]
    assert _figures("A man was charged in the shooting death of 17-year-old Deon Farris.") == [
        ("killed", 1, 1)
    ]
    # a figure already counts the dead: the name is one of them, not one more
    text = "Two people were killed in the shooting on Pine Street. Deon Farris died at the scene."
    assert _figures(text) == [("killed", 2, 2)]
    # a title in capitals or a list after a figure names no new person
    assert _figures("Three guards, including Omar and Saleem Khan, were injured.") == [("injured", 3, 3)]


def test_a_possessive_reaches_only_its_own_noun() -> None:
    assert _figures("Her brother was wounded in the shooting.") == [("injured", 1, 1)]
    assert _figures("The death of his horse led Judge Amos Reyes to refuse bail.") == []


def test_a_participle_clause_ends_where_another_clause_starts() -> None:
    text = "Police released video of two men running away after a 15-year-old was shot on the corner."
    assert _figures(text) == [("casualties", 1, 1)]


def _claim(claim_id: str, outcome: str, low: int, text: str, victim_text: str = "", start: int = 0) -> Claim:
    return Claim(
        id=claim_id,
        outcome=outcome,
        victim="unspecified",
        victim_text=victim_text,
        count=Count(low=low, high=low, text=text),
        claimant=Claimant(kind="none"),
        stance="reported",
        quote="",
        start=start,
        end=start + 10,
    )


def test_those_hit_less_the_dead_are_wounded() -> None:
    # "Four were shot, one fatally": three wounded, though no one says "injured".
    claims = [_claim("c1", "casualties", 4, "Four"), _claim("c2", "killed", 1, "one")]
    figures = event_figures(claims)
    assert (figures["fatalities"].best, figures["injured"].best) == (1, 3)
    assert "rule 8" in figures["injured"].rule
    # "A man was shot … He died": nobody left wounded.
    claims = [_claim("c1", "casualties", 1, "A man", "man"), _claim("c2", "killed", 1, "He", "He", start=50)]
    assert event_figures(claims)["injured"].best is None
    # A stated figure of injured larger than the difference stands.
    claims = [
        _claim("c1", "casualties", 2, "two"),
        _claim("c2", "killed", 1, "one"),
        _claim("c3", "injured", 3, "three", start=50),
    ]
    assert event_figures(claims)["injured"].best == 3


def test_people_listed_one_by_one_in_a_sentence_are_added() -> None:
    claims = [
        _claim("c1", "casualties", 1, "A 6 year old", "girl"),
        _claim("c2", "casualties", 1, "a 40 year old", "woman"),
    ]
    assert event_figures(claims)["injured"].best == 2
    claims = [_claim("c1", "casualties", 1, "he", "he"), _claim("c2", "casualties", 3, "three", "others")]
    assert event_figures(claims)["injured"].best == 4
    # a single beside a toll in one sentence is one of the toll, not one more
    claims = [_claim("c1", "killed", 1, "A woman", "woman"), _claim("c2", "killed", 3, "three")]
    assert event_figures(claims)["fatalities"].best == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "MILLBROOK, Ohio — Three men were shot, one fatally, outside a corner store on Grant Avenue on "
            "Saturday night, police said. The two other men were taken to a hospital with wounds that were not "
            "life-threatening.",
            (1, 2),
        ),
        (
            "A 17-year-old girl was shot in the shoulder on Walnut Street on Sunday afternoon, police said. "
            "She was taken to Mercy Hospital in stable condition. No arrests have been made.",
            (0, 1),
        ),
        (
            "A 29-year-old man was shot on Linden Avenue early Monday, police said. He was taken to a hospital, "
            "where he was pronounced dead.",
            (1, 0),
        ),
    ],
)
def test_us_report_main_event(text: str, expected: tuple[int, int]) -> None:
    assert _main_event(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two clerks suffered minor injuries in the holdup.", [("injured", 2, 2)]),
        (
            "A boy who suffered serious injuries in the crossfire on Oak Lane has died, the coroner said.",
            [("killed", 1, 1)],
        ),
        ("The victim (Ray D. Collins Jr.) died at the hospital.", [("killed", 1, 1)]),
        ("He suffered fatal gunshot wounds.", [("killed", 1, 1)]),
    ],
)
def test_gravity_of_the_wound_and_asides(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


def test_the_one_wounded_told_again_is_one_of_the_dead() -> None:
    claims = [
        _claim("c1", "killed", 1, "A 4 year old", "girl"),
        _claim("c2", "injured", 1, "she", "she", start=50),
    ]
    figures = event_figures(claims)
    assert (figures["fatalities"].best, figures["injured"].best) == (1, None)
    assert "rule 9" in figures["injured"].rule
    # "the other man" is someone else
    claims = [
        _claim("c1", "killed", 1, "a man", "man"),
        _claim("c2", "injured", 1, "the other man", "man", 50),
    ]
    assert event_figures(claims)["injured"].best == 1
    # with nobody dead, a wounded person told again is wounded
    assert event_figures([_claim("c1", "injured", 1, "the girl", "girl")])["injured"].best == 1


def test_a_name_with_its_age_or_its_condition() -> None:
    assert _figures("Dana Pruitt, 19, was shot in the back on Friday.") == [("casualties", 1, 1)]
    assert _figures("Pruitt was listed in fair condition on Saturday.") == [("injured", 1, 1)]


def test_different_names_are_different_people() -> None:
    claims = [
        _claim("c1", "killed", 1, "Nora Vance", "Nora Vance"),
        _claim("c2", "killed", 1, "Eli Ward", "Eli Ward", start=50),
        _claim("c3", "killed", 1, "Vance", "Vance", start=90),  # the first one again
    ]
    assert event_figures(claims)["fatalities"].best == 2
    # pronouns are not names
    claims = [_claim("c1", "killed", 1, "He", "He"), _claim("c2", "killed", 1, "She", "She", start=50)]
    assert event_figures(claims)["fatalities"].best == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 40-year-old man was shot in his left thigh outside the diner.", [("injured", 1, 1)]),
        ("Dana Pruitt, 19, was shot in the ankle.", [("injured", 1, 1)]),
        ("Police said a teen accidentally shot his 10-year-old cousin in the hand.", [("injured", 1, 1)]),
        # the place of the wound does not outweigh a death told after it
        ("A man was shot in the arm and later died at the hospital.", [("killed", 1, 1)]),
        # a wound elsewhere says nothing of the outcome
        ("A woman was shot in the chest on Friday.", [("casualties", 1, 1)]),
    ],
)
def test_a_wound_to_a_limb_is_a_wounding(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


def test_one_fate_per_name() -> None:
    # "Roe was shot", then "Roe died": one person, dead, nobody wounded
    claims = [
        _claim("c1", "casualties", 1, "Roe", "Roe"),
        _claim("c2", "killed", 1, "Jane Roe", "Jane Roe", 50),
    ]
    figures = event_figures(claims)
    assert (figures["fatalities"].best, figures["injured"].best) == (1, None)
    # nobody died: a person named as hit is wounded beside another named as wounded
    claims = [_claim("c1", "casualties", 1, "Roe", "Roe"), _claim("c2", "injured", 1, "Lee", "Lee", 50)]
    assert event_figures(claims)["injured"].best == 2


def test_relative_clauses_with_that_and_more() -> None:
    assert _figures("Deputies found three men that were shot behind the warehouse.") == [("casualties", 3, 3)]
    text = "Officers found one man dead and two more who were wounded in the apartment."
    assert _figures(text) == [("killed", 1, 1), ("injured", 2, 2)]


def test_kin_told_with_her_or_his() -> None:
    text = "Troopers said a father and his teenage son were found shot to death in the barn."
    assert _figures(text) == [("killed", 1, 1), ("killed", 1, 1)]
    assert _main_event("GREENVILLE, Ohio — " + text) == (2, 0)


def test_ages_in_months_and_the_killing_of_a_named_person() -> None:
    assert _figures("A 10-month-old girl was shot in the foot on Saturday.") == [("injured", 1, 1)]
    assert _figures("He is charged in the slaying of Rhea Moss.") == [("killed", 1, 1)]


def test_one_of_the_wounded_who_died_and_a_place_is_no_name() -> None:
    # "in Millbrook has died": the place before the verb is nobody; the one who died is one of the three
    text = "One of three men wounded in the shooting outside a bar in Millbrook has died."
    assert _figures(text) == [("killed", 1, 1), ("injured", 3, 3)]


def test_a_body_camera_is_no_body() -> None:
    text = (
        "The jury watched footage from a deputy's body camera of the shooting that killed a 9-year-old girl."
    )
    assert _figures(text) == [("killed", 1, 1)]


def test_a_name_in_apposition_and_one_victim_told_three_ways() -> None:
    assert _figures("One of the victims, Sam Lee, 24, died at a hospital.") == [("killed", 1, 1)]
    text = (
        "HARTWELL, Ga. — Jane Roe, 31, was shot outside her apartment on Elm Street on Friday night, police "
        "said. The victim was taken to a hospital, where she died early Saturday. Police arrested a "
        "19-year-old man in the shooting."
    )
    assert _main_event(text) == (1, 0)
    text = (
        "HARTWELL, Ga. — Two men were shot outside a bar on Elm Street on Friday night, police said. One of "
        "the victims, Sam Lee, 24, died at a hospital. The other man is in stable condition."
    )
    assert _main_event(text) == (1, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the wound a person carries tells they were hit: "with", "suffering from", "suffered a"
        ("Deputies found a man suffering from a gunshot wound behind a feed store.", [("casualties", 1, 1)]),
        ("Officers found a 17-year-old with gunshot wounds on Larch Court.", [("casualties", 1, 1)]),
        ("A cashier suffered a gunshot wound to the hip during the holdup.", [("casualties", 1, 1)]),
        # a verb of care, then where they were taken, then the wound or condition
        ("Two brothers were rushed to a trauma center with gunshot wounds.", [("casualties", 2, 2)]),
        ("A third man later arrived at Grace Hospital with a gunshot wound.", [("casualties", 1, 1)]),
        ("Three teens were treated for non-life-threatening injuries.", [("injured", 3, 3)]),
        ("A store clerk was treated for a graze wound to the shoulder.", [("injured", 1, 1)]),
        ("The driver was airlifted to Mercy Medical Center in critical condition.", [("injured", 1, 1)]),
        # the care verb alone, or a clause that ends before any wound, says nothing of a wound
        ("The dog was taken to a shelter in Pine Bluff on Tuesday.", []),
    ],
)
def test_wounds_told_by_the_care_given(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


def test_one_accused_of_killing_is_not_a_victim() -> None:
    # the relative clause tells what the accused did: only the people killed are counted
    text = "A teen who is charged with killing three neighbors appeared in court on Monday."
    assert _figures(text) == [("killed", 3, 3)]
    text = "Two men who police say shot a clerk were arrested on Friday."
    assert ("casualties", 2, 2) not in _figures(text)


def test_a_death_that_brings_the_toll_to_a_figure_is_inside_it() -> None:
    text = (
        "DELMAR, Md. — A man wounded in the shooting at a cookout on Ash Street last week has died, bringing "
        "the number of dead to four, police said."
    )
    assert _main_event(text)[0] == 4


def test_people_of_different_kinds_listed_one_by_one_are_added() -> None:
    # "a man" names nobody's kin, "his stepson" does: still two people hit in one sentence
    text = (
        "CORBIN, Ky. — A man and his stepson were shot on the porch of their home on Willow Lane on Sunday "
        "night, deputies said."
    )
    assert _main_event(text) == (0, 2)


def test_nobody_dead_where_only_the_wounded_are_counted() -> None:
    text = (
        "QUETTA: Three labourers were wounded when a roadside bomb went off near a water pump in Mastung "
        "district on Monday, Levies officials said."
    )
    result = extract(Article(id="t", text=text, published=dt.date(2024, 3, 12)))
    (event,) = result.events
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (0, 0, 0)
    assert event.fatalities.rule.startswith("rule 11")
    # with no figure of anyone, nothing is known of the dead
    text = "QUETTA: Unknown men fired on a passenger van near Mastung on Friday night, Levies officials said."
    result = extract(Article(id="t", text=text, published=dt.date(2024, 3, 12)))
    assert all(e.fatalities.low is None for e in result.events)


def test_a_list_of_names_counts_each_person_once() -> None:
    text = "Officers said Tom Reyes, Ana Cole and Lee Park were wounded outside the arena."
    assert _figures(text) == [("injured", 3, 3)]
    # ages between commas, and a comma before "and"
    text = "Dana Lott, 24, Mia Bates, 16, and Carl Webb, 25, were shot inside a parked van."
    assert _figures(text) == [("casualties", 3, 3)]
    # places joined by "and" are nobody
    assert _figures("Residents of Fairview and Glen Rock were shaken by the shooting.") == []


def test_names_in_a_list_keep_their_own_fates() -> None:
    # three hit, two of them said to die by name: two dead, the third wounded
    text = (
        "SELMA, Ala. — Dana Lott, Mia Bates and Carl Webb were shot inside a parked van on Cedar Road on "
        "Saturday night. Bates was pronounced dead at the scene. Lott and Webb were taken to a hospital, "
        "where Webb later died."
    )
    assert _main_event(text) == (2, 1)
    # names told in two sentences are added, a name told again is not
    text = (
        "SELMA, Ala. — Reyes and Cole were shot outside a diner on Cedar Road on Saturday night. Park was "
        "shot in the arm. Cole was shot in the shoulder, police said."
    )
    assert _main_event(text) == (0, 3)


def test_an_aside_before_the_care_given_and_a_relative_clause_after_a_place() -> None:
    # the aside (an age, "who is 31") leads on to the verb of care and the wound told after it
    text = "A cashier, who is 31, was treated at Valley Hospital for a graze wound to her arm."
    assert _figures(text) == [("injured", 1, 1)]
    assert _figures("Two men, both 19, were rushed to a hospital with gunshot wounds.") == [
        ("casualties", 2, 2)
    ]
    # a place phrase, then who was hit: the relative clause speaks of the people, not of the place
    text = "Deputies found a third man in the yard who had been shot in the arm."
    assert _figures(text) == [("casualties", 1, 1)]
    text = "Three suspects in a car that was stopped on Route 4 were arrested."
    assert _figures(text) == [("arrested", 3, 3)]


def test_one_of_those_hit_who_died_is_a_death_of_its_own() -> None:
    text = "Six people were shot, including a 16-year-old girl who died, at a graduation party on Elm Court."
    assert _figures(text) == [("casualties", 6, 6), ("killed", 1, 1)]
    text = "BELTON, Mo. — " + text
    assert _main_event(text) == (1, 5)
    # one of those wounded, named with no fate of their own, adds no figure
    assert _figures("Nine guards were wounded, including a sergeant, in the raid.") == [("injured", 9, 9)]


def test_dead_told_apart_in_a_sentence_of_their_own_are_added() -> None:
    text = (
        "QUETTA: A driver was killed on the spot when gunmen fired on a truck near Kalat on Monday. Two other "
        "men died on the way to hospital, Levies officials said."
    )
    result = extract(Article(id="t", text=text, published=dt.date(2024, 3, 12)))
    (event,) = result.events
    assert (event.fatalities.low, event.fatalities.high) == (3, 3)
    text = "MOBILE, Ala. — A man was shot and killed on Pine Street on Friday night. Police said a second man also died."
    assert _main_event(text) == (2, 0)
    # hit, and told apart from the dead: the wounded
    text = (
        "MOBILE, Ala. — One man died at the scene of the shooting on Pine Street on Friday night. Two other "
        "men were taken to a hospital with gunshot wounds, police said."
    )
    assert _main_event(text) == (1, 2)
    # "killing two and wounding nine others": apart from a figure of their own sentence, nothing to add
    text = (
        "MOBILE, Ala. — A gunman killed two people and wounded nine others at a bowling alley on Friday. "
        "Police said four others were treated for cuts and bruises."
    )
    assert _main_event(text)[0] == 2


def test_some_of_them_told_with_an_auxiliary() -> None:
    text = "Five teens were shot outside a skating rink late Friday, and one of them has died."
    assert _figures(text) == [("casualties", 5, 5), ("killed", 1, 1)]
    text = "MOBILE, Ala. — Four men were shot outside a gas station on Friday night. Two of them have died."
    assert _main_event(text) == (2, 2)


@pytest.mark.parametrize(
    "later",
    [
        "One of the injured later succumbed to his wounds at the district hospital.",
        "Later, an injured constable also succumbed to his wounds at the district hospital.",
    ],
)
def test_one_of_the_wounded_who_died_later_is_one_more_dead(later: str) -> None:
    text = (
        "BANNU: Two policemen were martyred on the spot when militants attacked a checkpost near Domel on "
        "Monday, police said. " + later
    )
    result = extract(Article(id="t", text=text, published=dt.date(2024, 3, 12)))
    event = max(result.events, key=lambda e: len(e.claim_ids))
    assert (event.fatalities.low, event.fatalities.high) == (3, 3)


def test_the_wounded_told_again_are_no_new_dead() -> None:
    text = (
        "BANNU: Two policemen were martyred and four were injured when militants attacked a checkpost near "
        "Domel on Monday, police said. Two of the injured are in critical condition."
    )
    result = extract(Article(id="t", text=text, published=dt.date(2024, 3, 12)))
    event = max(result.events, key=lambda e: len(e.claim_ids))
    assert (event.fatalities.low, event.injured.best) == (2, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # how often and where they were hit stand between "shot" and the death
        ("A taxi driver was shot three times in the chest and died at the scene.", [("killed", 1, 1)]),
        ("Roe was shot multiple times and died on the way to a hospital.", [("killed", 1, 1)]),
        # a death told before the people wins over the wound they carry
        ("The body of a 40-year-old woman with gunshot wounds was found in a ditch.", [("killed", 1, 1)]),
        # more wordings of a death
        ("A 19-year-old was pronounced deceased at the scene.", [("killed", 1, 1)]),
        ("A deputy was mortally wounded during the standoff.", [("killed", 1, 1)]),
        ("The crash claimed the life of a 15-year-old passenger.", [("killed", 1, 1)]),
    ],
)
def test_more_wordings_of_a_death(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


def test_a_full_name_after_a_verb_of_killing_is_its_victim() -> None:
    text = "Police arrested a roofer in the shooting that killed Jane Roe near her home."
    assert _figures(text) == [("killed", 1, 1)]
    assert _figures("Detectives say Sam Lee fatally shot Dora Kent on Friday.") == [("killed", 1, 1)]
    assert _figures("Dora Kent shot Sam Lee in the leg during an argument.") == [("injured", 1, 1)]
    # a people named by their place, or someone's possession, is no person's name
    assert _figures("The blast killed North Waziristan residents.") == []
    assert _figures("Gunmen shot Dora Kent's dog on Friday.") == []


def test_the_wounded_who_died_are_dead_not_wounded_too() -> None:
    text = (
        "TULSA, Okla. — Two brothers were wounded in a shooting outside a tire shop on Elm Street on Friday "
        "night, police said. One of them died on Saturday."
    )
    result = extract(Article(id="t", text=text, published=dt.date(2024, 3, 12)))
    # the death a day later is the shooting's, not an attack of its own
    (event,) = result.events
    assert (event.fatalities.best, event.injured.best) == (1, 1)
    # where people are told hit, "of them" speaks of those (rule 8 takes the dead from them)
    text = (
        "TULSA, Okla. — Three men were found with gunshot wounds outside a tire shop on Elm Street on Friday "
        "night. One of them was pronounced dead at the scene, and two others were wounded, police said."
    )
    assert _main_event(text) == (1, 2)


def test_people_listed_in_an_apposition_to_the_victims() -> None:
    text = (
        "EUGENE, Ore. — The victims, a 33-year-old man and a 29-year-old woman, were shot outside a pizza "
        "parlor on Maple Avenue on Friday night, police said."
    )
    assert _main_event(text) == (0, 2)
    text = (
        "Officers said the victims — a clerk and a cashier — were rushed to a hospital with gunshot wounds."
    )
    assert _figures(text) == [("casualties", 1, 1), ("casualties", 1, 1)]
    # under a figure of their own, the people listed are its parts, not more figures
    assert _figures("Two victims, a clerk and a cashier, were shot on Friday.") == [("casualties", 2, 2)]


def test_their_before_one_relative_counts_one() -> None:
    text = "KENT, Wash. — A man, his wife and their daughter were shot inside their home on Birch Lane on Friday."
    assert _main_event(text) == (0, 3)
    # "their" before people in the plural counts nobody by itself
    assert _figures("Their neighbors were not hurt.") == []
