"""Cross-article resolution: which events are one incident, and how their figures are reconciled."""

from __future__ import annotations

import datetime as dt

from sitrep.model import Claimant, Count, DatasetEvent, Place, SourcedClaim
from sitrep.resolve import match_reasons, merge, reconcile, same_incident

TURBAT = Place(
    id="p1",
    name="Turbat",
    text="Turbat",
    country_code="PK",
    admin1="Balochistan",
    admin2="Kech",
    lat=26.0,
    lon=63.05,
    geonameid="1163054",
    kind="town",
    precision={"acled": 1, "ucdp": 1},
    start=0,
    end=6,
)
QUETTA = TURBAT.model_copy(update={"name": "Quetta", "admin2": "Quetta", "geonameid": "1167528"})
KECH = TURBAT.model_copy(
    update={"name": "Kech", "kind": "admin2", "geonameid": "adm2-kech", "precision": {"acled": 3, "ucdp": 3}}
)


def _claim(
    article: str,
    published: str,
    low: int,
    kind: str = "security_forces",
    name: str = "police",
    victim: str = "security_forces",
    stance: str = "reported",
) -> SourcedClaim:
    return SourcedClaim(
        id=f"{article}#c1",
        outcome="killed",
        victim=victim,
        count=Count(low=low, high=low, text=str(low)),
        claimant=Claimant(kind=kind, name=name),
        stance=stance,
        quote="",
        start=0,
        end=0,
        article_id=article,
        published=dt.date.fromisoformat(published),
    )


def _event(
    article: str,
    day: str,
    place: Place = TURBAT,
    precision: int = 1,
    sub: str = "Remote explosive/landmine/IED",
    actor1: str = "BLF: Baloch Liberation Front",
    claims: list[SourcedClaim] | None = None,
) -> DatasetEvent:
    event_type = {
        "Armed clash": "Battles",
        "Attack": "Violence against civilians",
        "Abduction/forced disappearance": "Violence against civilians",
    }.get(sub, "Explosions/Remote violence")
    claims = claims or []
    return reconcile(
        DatasetEvent(
            id=f"{article}-e1",
            event_type=event_type,
            sub_event_type=sub,
            gtd_attack_type="Bombing/Explosion",
            date=dt.date.fromisoformat(day),
            date_precision={"acled": precision, "ucdp": precision},
            actor1=actor1,
            actor2="Police Forces of Pakistan",
            place_id=place.id,
            place=place,
            article_ids=[article],
            claims=claims,
            claim_ids=[c.id for c in claims],
        )
    )


def test_same_place_and_day_is_one_incident() -> None:
    assert same_incident(_event("a", "2025-04-08"), _event("b", "2025-04-08"))


def test_two_days_in_one_town_are_never_merged() -> None:
    assert not same_incident(_event("a", "2025-04-08"), _event("b", "2025-04-09"))


def test_the_same_toll_a_day_apart_is_one_incident() -> None:
    # One outlet dates a night's blast to the evening, another to the next morning.
    evening = _event("a", "2025-04-08", claims=[_claim("a", "2025-04-09", 3)])
    morning = _event("b", "2025-04-09", claims=[_claim("b", "2025-04-09", 3)])
    assert same_incident(evening, morning)
    # Another toll, two days apart, or one dead each (too common a toll to tell incidents by): never merged.
    assert not same_incident(evening, _event("c", "2025-04-09", claims=[_claim("c", "2025-04-09", 5)]))
    assert not same_incident(evening, _event("d", "2025-04-10", claims=[_claim("d", "2025-04-10", 3)]))
    one = _event("e", "2025-04-08", claims=[_claim("e", "2025-04-09", 1)])
    assert not same_incident(one, _event("f", "2025-04-09", claims=[_claim("f", "2025-04-09", 1)]))


def test_a_merge_says_which_features_matched() -> None:
    evening = _event("a", "2025-04-08", claims=[_claim("a", "2025-04-09", 3)])
    morning = _event("b", "2025-04-09", place=KECH, claims=[_claim("b", "2025-04-09", 3)])
    reasons = match_reasons(evening, morning)
    assert reasons == [
        "same district: Kech (Turbat / Kech)",
        "dates within the window: 2025-04-08 / 2025-04-09",
        "same type: Remote explosive/landmine/IED",
        "same actor: BLF: Baloch Liberation Front",
        "same toll",
    ]
    assert match_reasons(evening, _event("c", "2025-04-08", place=QUETTA)) is None


def test_the_same_full_toll_at_one_place_within_a_week_is_one_incident() -> None:
    def told(article: str, day: str, dead: int, wounded: int) -> DatasetEvent:
        hurt = _claim(article, day, wounded).model_copy(update={"id": f"{article}#c2", "outcome": "injured"})
        return _event(article, day, claims=[_claim(article, day, dead), hurt])

    first = told("a", "2025-04-08", 1, 3)
    assert same_incident(first, told("b", "2025-04-13", 1, 3))  # a follow-up dated to its own news
    assert not same_incident(first, told("c", "2025-04-16", 1, 3))  # beyond the week
    assert not same_incident(first, told("d", "2025-04-13", 1, 2))  # another toll
    assert not same_incident(told("e", "2025-04-08", 0, 2), told("f", "2025-04-13", 0, 2))  # too common
    elsewhere = told("g", "2025-04-13", 1, 3).model_copy(update={"place": KECH})
    assert not same_incident(first, elsewhere), "only at the very same place"


def test_a_week_dated_report_merges_within_three_days() -> None:
    assert same_incident(_event("a", "2025-04-08"), _event("b", "2025-04-10", precision=2))
    assert not same_incident(_event("a", "2025-04-08"), _event("b", "2025-04-14", precision=2))


def test_different_towns_are_different_incidents() -> None:
    assert not same_incident(_event("a", "2025-04-08"), _event("b", "2025-04-08", place=QUETTA))


def test_district_level_report_merges_with_a_town_in_that_district() -> None:
    assert same_incident(_event("a", "2025-04-08"), _event("b", "2025-04-08", place=KECH))


def test_types_and_actors_must_not_contradict() -> None:
    ied = _event("a", "2025-04-08")
    assert same_incident(ied, _event("b", "2025-04-08", sub="Armed clash"))  # a plain clash report
    assert not same_incident(ied, _event("b", "2025-04-08", sub="Abduction/forced disappearance"))
    assert same_incident(ied, _event("b", "2025-04-08", actor1="Unidentified Armed Group (Pakistan)"))
    assert not same_incident(ied, _event("b", "2025-04-08", actor1="TTP: Tehreek-i-Taliban Pakistan"))
    assert same_incident(
        ied, _event("b", "2025-04-08", sub="Abduction/forced disappearance"), same_campaign=True
    )


def test_merge_keeps_every_claim_once_and_the_latest_toll_per_claimant() -> None:
    first = _event("a", "2025-04-08", claims=[_claim("a", "2025-04-08", 2)])
    later = _event("b", "2025-04-08", claims=[_claim("b", "2025-04-10", 5)])
    group = _event(
        "c",
        "2025-04-08",
        claims=[_claim("c", "2025-04-09", 20, kind="armed_group", name="BLF", stance="claimed")],
    )
    merged = merge(merge(first, later), group)
    assert merged.article_ids == ["a", "b", "c"]
    assert [c.id for c in merged.claims] == ["a#c1", "b#c1", "c#c1"]
    # police said 2, then 5: the later toll supersedes; the group's 20 is the high
    assert (merged.fatalities.low, merged.fatalities.best, merged.fatalities.high) == (5, 5, 20)
    assert [(p.published.isoformat(), p.low) for p in merged.toll] == [
        ("2025-04-08", 2),
        ("2025-04-09", 20),
        ("2025-04-10", 5),
    ]
    assert "Armed group (BLF) claims 20 security personnel killed" in merged.notes
    # merging the same article again adds nothing
    assert merge(merged, later).claims == merged.claims


def _us(name: str, kind: str, lat: float, lon: float, admin2: str | None = "Wayne County") -> Place:
    precision = {"town": 1, "locality": 1, "admin2": 3, "admin1": 3}[kind]
    return Place(
        id="p1",
        name=name,
        text=name,
        country_code="US",
        admin1="Michigan",
        admin2=admin2 if kind != "admin1" else None,
        lat=lat,
        lon=lon,
        geonameid=f"gn-{name}",
        kind=kind,  # type: ignore[arg-type]
        precision={"acled": precision, "ucdp": precision},
        start=0,
        end=len(name),
    )


CITY = _us("Rivertown", "town", 42.33, -83.05)
SUBURB = _us("Elm Park", "town", 42.40, -83.15, admin2="Oakland County")  # about 11 km away, another county
FAR_TOWN = _us("Lakeside", "town", 42.96, -85.67, admin2="Kent County")  # about 220 km away
STATE = _us("Michigan", "admin1", 44.25, -85.5)


def _shooting(article: str, place: Place, dead: int, day: str = "2025-06-07") -> DatasetEvent:
    claims = [_claim(article, day, dead, victim="civilians")]
    return _event(
        article,
        day,
        place=place,
        sub="Attack",
        actor1="Unidentified Armed Group (United States)",
        claims=claims,
    )


def test_a_state_level_report_is_the_same_incident_as_one_in_a_town_of_that_state() -> None:
    assert same_incident(_shooting("a", STATE, 1), _shooting("b", CITY, 1))
    assert same_incident(_shooting("a", CITY, 2), _shooting("b", STATE, 2))
    # Another toll, or another day, is another incident somewhere in the state.
    assert not same_incident(_shooting("a", STATE, 1), _shooting("b", CITY, 2))
    assert not same_incident(_shooting("a", STATE, 1), _shooting("b", CITY, 1, day="2025-06-08"))
    other_state = STATE.model_copy(update={"admin1": "Ohio", "name": "Ohio"})
    assert not same_incident(_shooting("a", other_state, 1), _shooting("b", CITY, 1))


def test_near_places_are_one_incident_only_when_the_tolls_agree() -> None:
    assert same_incident(_shooting("a", CITY, 3), _shooting("b", SUBURB, 3))
    assert not same_incident(_shooting("a", CITY, 3), _shooting("b", SUBURB, 1))
    # Far apart: two incidents, whatever the toll.
    assert not same_incident(_shooting("a", CITY, 3), _shooting("b", FAR_TOWN, 3))
