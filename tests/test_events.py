"""Events: typing, actors, individuation, campaigns and the per-event figure rules."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.events.figures import acled_fatalities, event_figures, reconcile
from sitrep.events.tactics import choose_type, tactic_reader
from sitrep.model import Article, Claim, Claimant, Count
from sitrep.nlp.lexicon import tokenize
from sitrep.pipeline import extract
from sitrep.sources.files import read_inputs
from tests.conftest import EXAMPLES


def _claim(
    claim_id: str,
    low: int | None,
    high: int | None,
    kind: str = "none",
    victim: str = "security_forces",
    outcome: str = "killed",
    stance: str = "reported",
    text: str = "",
    part_of: str | None = None,
) -> Claim:
    return Claim(
        id=claim_id,
        outcome=outcome,
        victim=victim,
        count=Count(low=low, high=high, text=text or str(low)),
        claimant=Claimant(kind=kind, name=kind),
        stance=stance,
        quote="",
        start=0,
        end=0,
        part_of=part_of,
    )


def test_contested_toll_low_best_high() -> None:
    claims = [
        _claim("c1", 201, None, kind="armed_group", stance="claimed", text="more than 200"),
        _claim("c2", 15, None, kind="government", stance="confirmed", text="at least 15"),
        _claim("c3", 17, None, kind="local_source", text="at least 17"),
        _claim("c4", 31, 31, kind="local_source", victim="civilians"),
        _claim("c5", 101, None, kind="unofficial", victim="unspecified", stance="estimated"),
    ]
    figure = reconcile(claims)
    # best by the default rule: the officials' total; the other rules are a switch away
    assert (figure.low, figure.best, figure.high) == (15, 15, 201)
    assert "official rule" in figure.rule and "armed_group" in figure.rule
    assert reconcile(claims, best_rule="most_reliable").best == 48
    assert "local_source" in reconcile(claims, best_rule="most_reliable").rule
    assert reconcile(claims, best_rule="lowest").best == 15


def test_best_rule_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    claims = [
        _claim("c1", 6, 6, kind="security_forces", victim="unspecified"),
        _claim("c2", 4, 4, kind="medical", victim="unspecified"),
        _claim("c3", 9, 9, kind="local_source", victim="unspecified"),
    ]
    # the officials' account: the largest official figure (a hospital's early count is superseded)
    assert reconcile(claims).best == 6
    monkeypatch.setenv("SITREP_BEST_RULE", "lowest")
    assert reconcile(claims).best == 4 and "lowest rule" in reconcile(claims).rule
    monkeypatch.setenv("SITREP_BEST_RULE", "median")
    with pytest.raises(ValueError, match="official"):
        reconcile(claims)


def test_no_official_figure_takes_the_lowest_from_a_non_perpetrator() -> None:
    claims = [
        _claim("c1", 30, 30, kind="armed_group", victim="security_forces", stance="claimed"),
        _claim("c2", 7, 7, kind="local_source", victim="security_forces"),
        _claim("c3", 5, 5, kind="media", victim="security_forces"),
    ]
    figure = reconcile(claims)
    assert (figure.low, figure.best, figure.high) == (5, 5, 30)


def test_a_figure_only_the_perpetrator_gives_still_counts() -> None:
    claims = [_claim("c1", 12, 12, kind="armed_group", victim="security_forces", stance="claimed")]
    figure = reconcile(claims)
    assert (figure.low, figure.best, figure.high) == (12, 12, 12)
    assert "perpetrator's own claim" in figure.rule


def test_attackers_killed_count_in_every_source_total() -> None:
    # the reporter counts the guards; the police count the guards and the two attackers shot dead
    claims = [
        _claim("c1", 3, 3, kind="none", victim="security_forces"),
        _claim("c2", 3, 3, kind="security_forces", victim="security_forces"),
        _claim("c3", 2, 2, kind="security_forces", victim="militants"),
    ]
    figures = event_figures(claims)
    fatalities, by_side = figures["fatalities"], figures["by_side"]
    assert (fatalities.low, fatalities.best, fatalities.high) == (5, 5, 5)
    assert (by_side.security_forces.best, by_side.militants.best) == (3, 2)


def test_a_repeated_figure_and_a_subset_are_not_counted_twice() -> None:
    claims = [
        _claim("c1", 12, 12, victim="unspecified"),
        _claim("c2", 12, 12, victim="unspecified"),
        _claim("c3", 3, 3, victim="civilians", part_of="c1"),
    ]
    assert (reconcile(claims).low, reconcile(claims).best) == (12, 12)


def test_deaths_split_by_side() -> None:
    claims = [
        _claim("c1", 18, 18, kind="security_forces"),
        _claim("c2", 41, 41, kind="security_forces", victim="militants"),
        _claim("c3", 33, 33, kind="rights_group", victim="civilians"),
    ]
    by_side = event_figures(claims)["by_side"]
    assert (by_side.security_forces.best, by_side.militants.best, by_side.civilians.best) == (18, 41, 33)
    # state forces counting militants they killed are the perpetrator: their figure stands, flagged as such
    assert by_side.militants.low == 41 and by_side.militants.high == 41
    assert "perpetrator's own claim" in by_side.militants.rule


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ([_claim("c1", 24, None, text="dozens")], 12),
        ([_claim("c1", None, None, text="several")], 3),
        ([_claim("c1", 5, 5, kind="armed_group", stance="claimed"), _claim("c2", 2, 2, kind="none")], 2),
        ([_claim("c1", 5, 5, kind="armed_group", stance="claimed")], 5),
        ([_claim("c1", None, None, outcome="casualties", text="an unspecified number of")], 0),
        ([], 0),
    ],
)
def test_acled_conservative_fatalities(claims: list[Claim], expected: int) -> None:
    assert acled_fatalities(claims) == expected


@pytest.mark.parametrize(
    ("sentence", "target", "sub_event_type", "gtd"),
    [
        (
            "A suicide bomber blew himself up and gunmen opened fire",
            "armed",
            "Suicide bomb",
            "Bombing/Explosion",
        ),
        ("Militants opened fire on the checkpost", "armed", "Armed clash", "Armed Assault"),
        ("Gunmen opened fire on a wedding party", "civilians", "Attack", "Armed Assault"),
        ("A roadside bomb hit the convoy", "armed", "Remote explosive/landmine/IED", "Bombing/Explosion"),
        (
            "Six passengers were abducted from a bus",
            "civilians",
            "Abduction/forced disappearance",
            "Hostage Taking (Kidnapping)",
        ),
        ("Authorities suspended mobile internet across the province", "unknown", "Other", ""),
        (
            "Fighters took control of the town",
            "armed",
            "Non-state actor overtakes territory",
            "Armed Assault",
        ),
    ],
)
def test_tactic_typing(sentence: str, target: str, sub_event_type: str, gtd: str) -> None:
    chosen = choose_type(tactic_reader().find(tokenize(sentence)), target)
    assert chosen is not None
    assert (chosen.sub_event_type, chosen.gtd_attack_type) == (sub_event_type, gtd)


def _events(text: str, published: str = "2025-04-08"):
    return extract(Article(id="t", text=text, published=dt.date.fromisoformat(published)))


def test_single_incident_event() -> None:
    result = _events(
        "TURBAT, April 8 — Two Frontier Corps (FC) personnel were killed and three others wounded on Tuesday "
        "when a roadside bomb struck their vehicle near Turbat in Kech district, police said. "
        "The Balochistan Liberation Front claimed responsibility for the attack."
    )
    [event] = result.events
    place = {p.id: p for p in result.places}[event.place_id]
    assert (event.event_type, event.sub_event_type) == (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    )
    assert (place.name, place.admin2) == ("Turbat", "Kech")
    assert event.date == dt.date(2025, 4, 8) and event.date_precision == {"acled": 1, "ucdp": 1}
    assert event.actor1 == "BLF: Baloch Liberation Front"
    assert event.actor2 == "Police Forces of Pakistan Frontier Corps"  # the branch, as ACLED names it
    assert (event.inter1, event.inter2, event.interaction) == (2, 1, 12)
    assert event.claimed_by == ["BLF: Baloch Liberation Front"]
    assert (event.fatalities.best, event.injured.best) == (2, 3)
    assert event.by_side.security_forces.best == 2


def test_unidentified_gunmen_stay_unidentified() -> None:
    [event] = _events("Unidentified gunmen shot dead two labourers in Kharan on Monday.").events
    assert event.actor1 == "Unidentified Armed Group (Pakistan)"
    assert event.actor2 == "Civilians (Pakistan)"
    assert event.sub_event_type == "Attack"


def test_statements_only_make_no_event() -> None:
    result = _events("The foreign minister said Pakistan wanted good relations with its neighbours.")
    assert result.events == [] and result.campaigns == []


def test_campaign_across_towns() -> None:
    articles = {a.id: a for a in read_inputs([str(EXAMPLES)])}
    result = extract(articles["2025-03-12_meridian-wire_balochistan-attacks.txt"])
    [campaign] = result.campaigns
    assert campaign.name == "Operation Sandwall, Phase II"
    assert campaign.actor == "BLA: Baloch Liberation Army"
    places = {p.id: p.name for p in result.places}
    towns = {places[e.place_id] for e in result.events if e.place_id}
    assert {"Nushki", "Quetta", "Dalbandin", "Kharan", "Gwadar", "Mastung", "Tump", "Turbat", "Sibi"} <= towns
    assert all(e.campaign_id == campaign.id for e in result.events)
    # the campaign-wide figures (200+, dozens, 17 + 31) belong to the campaign, not to one town
    assert {"c1", "c3", "c4", "c5"} <= set(campaign.claim_ids)
    nushki = next(e for e in result.events if places.get(e.place_id) == "Nushki")
    assert nushki.sub_event_type == "Suicide bomb"


def test_a_follow_up_report_dates_its_figures_to_the_incident_it_gives_the_day_of() -> None:
    text = (
        "MARKSVILLE, La. — Two officers were indicted on murder charges over the shooting that left a 6-year-old "
        "boy dead and his father wounded.\n\nThe boy was shot in his father's car on Nov. 3 after a chase, police "
        "said.\n\nThe officers will stand trial next year."
    )
    [event] = extract(Article(id="indictment", text=text, published=dt.date(2015, 12, 10))).events
    assert (event.date, event.date_precision["acled"]) == (dt.date(2015, 11, 3), 1)
    assert (event.fatalities.best, event.injured.best) == (1, 1)
    # The same figures in fresh news, with an earlier shooting in the background: the publication's week.
    fresh = (
        "Two men were shot dead and a suspect was arrested, police said.\n\nThe shootings happened on Tuesday.\n\n"
        "A woman was shot on the same street on June 3."
    )
    events = extract(Article(id="fresh", text=fresh, published=dt.date(2016, 7, 8))).events
    assert all(e.date != dt.date(2016, 6, 3) for e in events if e.fatalities.best)


def test_a_follow_up_report_dated_only_to_the_month_takes_the_day_it_gives_in_that_month() -> None:
    text = (
        "Police say they have arrested a man in a gun battle earlier this month that left one dead and three "
        "others injured.\n\nThe man was charged with murder on Saturday.\n\nInvestigators say more than 20 rounds "
        "were fired Dec. 8 in front of a market."
    )
    events = extract(Article(id="arrest", text=text, published=dt.date(2015, 12, 21))).events
    [counted] = [e for e in events if e.fatalities.best]
    assert (counted.date, counted.date_precision["acled"]) == (dt.date(2015, 12, 8), 1)


def test_a_proceedings_day_in_a_follow_up_is_not_the_incidents() -> None:
    text = (
        "A grand jury indicted two officers on Thursday over a shooting that left a boy dead and his father "
        "wounded.\n\nThe officers were arrested on Nov. 6 on the same charges.\n\nThe boy was shot in his "
        "father's car on Nov. 3, police said."
    )
    [event] = extract(Article(id="grand-jury", text=text, published=dt.date(2015, 12, 10))).events
    assert (event.date, event.fatalities.best, event.injured.best) == (dt.date(2015, 11, 3), 1, 1)


def test_an_incident_of_months_before_recalled_by_fresh_news_is_background() -> None:
    text = (
        "DAYTON, Ohio — A man was shot dead outside a bar on Saturday night, police said.\n\n"
        "On June 3, 2015, two men were killed at the same bar."
    )
    result = extract(Article(id="recall", text=text, published=dt.date(2017, 5, 8)))
    assert [(e.date, e.fatalities.best) for e in result.events] == [(dt.date(2017, 5, 6), 1)]
    assert [c.background for c in result.claims if c.count.low == 2] == [True]
    # A follow-up's incident is its news however old: a trial report keeps it.
    trial = "Jurors heard the case of a man accused of shooting two people dead in a bar on June 3, 2015."
    events = extract(Article(id="trial", text=trial, published=dt.date(2017, 5, 8))).events
    assert [e.date for e in events] == [dt.date(2015, 6, 3)]


# Two attacks in one town on one day that the text tells apart ("in a separate attack") are two events, as
# ACLED codes them; an incident told apart at another place opens nothing new where the first one was.
TWO_ATTACKS_ONE_TOWN = (
    "QUETTA, May 6 — A bomb planted on a motorcycle exploded in a crowded market in Quetta on Tuesday, killing "
    "five shoppers, police said.\n\nIn a separate attack hours later, gunmen shot dead two policemen at a "
    "checkpost on the city's eastern bypass, officials said."
)


@pytest.mark.parametrize(
    "opening",
    ["In a separate attack hours later,", "In another shooting hours later,", "Separately,"],
)
def test_attacks_told_apart_in_one_town_on_one_day_are_two_events(opening: str) -> None:
    text = TWO_ATTACKS_ONE_TOWN.replace("In a separate attack hours later,", opening)
    result = _events(text, "2025-05-06")
    places = {p.id: p.name for p in result.places}
    told = sorted((places[e.place_id], e.fatalities.best) for e in result.events)
    assert told == [("Quetta", 2), ("Quetta", 5)]


def test_the_same_attack_told_again_stays_one_event() -> None:
    text = TWO_ATTACKS_ONE_TOWN.replace(
        "In a separate attack hours later, gunmen shot dead two policemen at a checkpost on the city's eastern "
        "bypass, officials said.",
        "The blast also damaged a dozen shops, and the market was closed for the day, officials said.",
    )
    assert len(_events(text, "2025-05-06").events) == 1
