"""The stages of sitrep.events one by one: incident sentences, grouping into attacks, coding an event, campaigns.
Each is fed objects built here, not the output of the stage before it."""

from __future__ import annotations

from datetime import date

from sitrep.events.actors import load_actors
from sitrep.events.campaigns import coordinated_campaign, operation_name
from sitrep.events.coding import code_event, main_country, sole_armed_group
from sitrep.events.dates import EventDate
from sitrep.events.grouping import Group, drop_article_totals, group_sentences, without_past_mentions
from sitrep.events.sentences import Sentence, read_sentences, without_dateline
from sitrep.model import Claim, Claimant, Count, Place
from sitrep.nlp.lexicon import tokenize
from sitrep.nlp.sentences import split_sentences

DAY = date(2025, 3, 11)


def _place(pid: str, name: str, start: int, admin2: str | None = None, kind: str = "town") -> Place:
    return Place(
        id=pid,
        name=name,
        text=name,
        country_code="PK",
        admin1="Balochistan",
        admin2=admin2 or name,
        kind=kind,
        precision={"acled": 1 if kind == "town" else 3},
        start=start,
        end=start + len(name),
    )


def _claim(cid: str, low: int, start: int, outcome: str = "killed", victim: str = "security_forces") -> Claim:
    return Claim(
        id=cid,
        outcome=outcome,
        victim=victim,
        count=Count(low=low, high=low, text=str(low)),
        claimant=Claimant(kind="security_forces", name="police"),
        stance="reported",
        quote="",
        start=start,
        end=start + 10,
    )


def _sentences(text: str, claims: list[Claim], places: list[Place]) -> list[Sentence]:
    spans = [(s, e, tokenize(text[s:e])) for s, e in split_sentences(text)]
    return read_sentences(text, DAY, spans, claims, places, load_actors(), places)


def _day(day: date) -> EventDate:
    return EventDate(day, {"acled": 1}, day.isoformat(), "weekday")


def test_incident_sentences_carry_their_tactic_actor_place_and_date() -> None:
    text = "Gunmen of the BLA ambushed a convoy in Turbat on Monday. The weather was fine."
    [incident, other] = _sentences(text, [], [_place("p1", "Turbat", text.index("Turbat"))])
    assert incident.is_incident and not other.is_incident
    assert "ambushed" in [t.phrase for t in incident.tactics] and other.tactics == []
    assert [m.actor.name for m in incident.actors] == ["BLA: Baloch Liberation Army"]
    assert [p.name for p in incident.places] == ["Turbat"]
    assert incident.date is not None and incident.date.date == date(2025, 3, 10)
    assert other.places == [] and other.date is None


def test_the_dateline_place_is_set_apart_when_the_report_names_another() -> None:
    text = "QUETTA: Two soldiers were killed in Kalat on Monday."
    quetta, kalat = _place("p1", "Quetta", 0), _place("p2", "Kalat", text.index("Kalat"))
    # Kept where the places stage made the dateline an event place (the report names no other), else set apart.
    assert [p.name for p in without_dateline(text, [quetta, kalat])] == ["Quetta", "Kalat"]
    quetta = quetta.model_copy(update={"role": "mention"})
    assert [p.name for p in without_dateline(text, [quetta, kalat])] == ["Kalat"]


def test_two_sentences_about_one_district_on_one_day_are_one_attack() -> None:
    text = "A bomb exploded in Turbat on Monday, killing two soldiers. Police said the blast in Turbat hurt four."
    places = [_place("p1", "Turbat", text.index("Turbat")), _place("p2", "Turbat", text.rindex("Turbat"))]
    claims = [_claim("c1", 2, 0), _claim("c2", 4, text.index("Police"), outcome="injured")]
    groups, campaign_wide = group_sentences(_sentences(text, claims, places), places, has_campaign=False)
    assert campaign_wide == []
    assert [(g.place.name if g.place else None, [c.id for c in g.claims]) for g in groups] == [
        ("Turbat", ["c1", "c2"])
    ]


def test_a_separate_attack_at_the_same_place_is_a_group_of_its_own() -> None:
    text = (
        "A bomb exploded in Turbat on Monday, killing two soldiers. "
        "In a separate attack in Turbat, gunmen shot dead a guard."
    )
    places = [_place("p1", "Turbat", text.index("Turbat")), _place("p1", "Turbat", text.rindex("Turbat"))]
    claims = [_claim("c1", 2, 0), _claim("c2", 1, text.index("In a"))]
    groups, _ = group_sentences(_sentences(text, claims, places), places, has_campaign=False)
    assert [[c.id for c in g.claims] for g in groups] == [["c1"], ["c2"]]


def test_a_total_of_two_events_figures_leaves_the_event_that_told_it() -> None:
    kech, kalat = _place("p1", "Turbat", 0, "Kech"), _place("p2", "Kalat", 50)
    one = Group(kech, DAY, _day(DAY), claims=[_claim("c1", 6, 0), _claim("total", 7, 20)])
    other = Group(kalat, DAY, _day(DAY), claims=[_claim("c2", 1, 50)])
    drop_article_totals([one, other])
    assert [c.id for c in one.claims] == ["c1"] and [c.id for c in other.claims] == ["c2"]


def test_a_figureless_mention_of_an_attack_weeks_before_is_dropped() -> None:
    recent = Group(_place("p1", "Turbat", 0), DAY, _day(DAY), claims=[_claim("c1", 2, 0)])
    old_day = date(2025, 1, 5)
    old = Group(_place("p2", "Kalat", 50), old_day, _day(old_day))
    assert without_past_mentions([recent, old]) == [recent]


def test_coding_a_group_names_the_sides_and_the_type() -> None:
    text = "BLA fighters ambushed a convoy in Turbat on Monday, killing three soldiers."
    place = _place("p1", "Turbat", text.index("Turbat"))
    sentences = _sentences(text, [_claim("c1", 3, 0)], [place])
    groups, _ = group_sentences(sentences, [place], has_campaign=False)
    actors = load_actors()
    event = code_event("e1", groups[0], [], [], actors, sole_armed_group(sentences, actors), None, "PK")
    assert event is not None
    assert (event.actor1, event.sub_event_type, event.date) == (
        "BLA: Baloch Liberation Army",
        "Armed clash",
        date(2025, 3, 10),
    )
    assert event.fatalities.best == 3 and event.claim_ids == ["c1"]


def test_the_main_country_is_where_most_event_places_lie() -> None:
    places = [_place("p1", "Turbat", 0), _place("p2", "Kalat", 10)]
    abroad = Place(id="p3", name="Kabul", text="Kabul", country_code="AF", kind="town", start=20, end=25)
    assert main_country([*places, abroad]) == ("PK", 2)
    assert main_country([]) == (None, 0)


def test_operation_names_and_phases() -> None:
    assert operation_name("The group said Operation Herof, phase 2 had begun.") == "Operation Herof, Phase 2"
    assert (
        operation_name("It announced the second phase of Operation Sandwall.")
        == "Operation Sandwall, Phase II"
    )
    assert operation_name("The operation continued.") is None


def test_one_groups_coordinated_attacks_in_two_districts_are_a_campaign() -> None:
    text = "BLA fighters carried out coordinated attacks in Turbat and Kalat on Monday."
    places = [
        _place("p1", "Turbat", text.index("Turbat"), "Kech"),
        _place("p2", "Kalat", text.index("Kalat")),
    ]
    sentences = _sentences(text, [], places)
    groups, _ = group_sentences(sentences, places, has_campaign=False)
    assert coordinated_campaign(sentences, groups) == (
        "BLA attacks in Balochistan",
        "BLA: Baloch Liberation Army",
    )
    # One district alone is one incident, whatever words tell it.
    assert coordinated_campaign(sentences, groups[:1]) is None
