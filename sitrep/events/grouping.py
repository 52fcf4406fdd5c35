"""Incident sentences → groups, one per attack: one place × one day × one attack the text tells apart, with the
claims each holds, and the figures that belong to no single event set aside (campaign-wide, background, article
totals). How ACLED individuates events: one place a day, the finest place named.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import NamedTuple

from sitrep.data import read_table
from sitrep.events.dates import EventDate
from sitrep.events.sentences import Sentence, token_norm
from sitrep.model import Claim, Place


@dataclass
class Group:
    """The sentences and claims of one attack: at one place, on one day."""

    place: Place | None
    day: date | None
    date: EventDate | None
    sentences: list[Sentence] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    attack: int = 0  # the attacks the text told apart before this one ("in a separate attack")


def group_sentences(
    sentences: list[Sentence], places: list[Place], has_campaign: bool
) -> tuple[list[Group], list[Claim]]:
    """The attacks the incident sentences tell (merged one per district and day), and, when the
    article tells a campaign, the claims only the campaign can hold (several places, or none finer than a
    province)."""
    # A sentence of violence that names no place, before any that does, is set where the article first places
    # violence; failing that, at the article's first event place.
    first_place = next((p for s in sentences if s.is_incident for p in s.places), None) or next(
        (p for p in places if p.role == "event"), None
    )
    groups: dict[tuple[str | None, date | None, int], Group] = {}
    campaign_claims: list[Claim] = []
    place: Place | None = None
    when: EventDate | None = None
    # Per place and day, the attacks the text has told apart there so far ("in a separate attack").
    apart: dict[tuple[str | None, date | None], int] = {}
    for sentence in sentences:
        if not sentence.is_incident:
            continue
        own_places = _distinct(sentence.places)
        if sentence.date is not None and sentence.date.rule != "publication" or when is None:
            when = sentence.date
        fine_places = [p for p in own_places if p.precision.get("acled", 3) < 3]
        # Figures of a campaign that no single place can hold: several places, or none / a whole province.
        campaign_wide = len(own_places) > 1 or not fine_places
        targets = own_places or [place or first_place]
        if len(targets) > 1 and targets[0].start == sentence.start:
            # A place opening the sentence beside others is its dateline ("QUETTA: … in Kalat"): the figures
            # go to a place named in the report itself.
            targets = [*targets[1:], targets[0]]
        if has_campaign and not fine_places:
            targets = []  # a summary of the whole campaign ("attacks across the province"), not an event
        day = when.date if when else None
        if targets and sentence.tactics and _tells_another_attack(sentence):
            for target in targets:  # another attack where one is already told
                spot = (target.id if target else None, day)
                if (*spot, apart.get(spot, 0)) in groups:
                    apart[spot] = apart.get(spot, 0) + 1
        for target in targets:
            spot = (target.id if target else None, day)
            key = (*spot, apart.get(spot, 0))
            group = groups.setdefault(key, Group(target, day, when, attack=key[2]))
            group.sentences.append(sentence)
        if has_campaign and campaign_wide:
            campaign_claims.extend(sentence.claims)
        else:
            spot = (targets[0].id if targets[0] else None, day)
            groups[(*spot, apart.get(spot, 0))].claims.extend(sentence.claims)
        if own_places:
            place = own_places[0] if len(own_places) == 1 else place
    return _merge(list(groups.values())), campaign_claims


# How fine a place is, for the place an event keeps when several of its mentions are merged: a village or town
# over a tehsil over a district.
_FINENESS = {"locality": 0, "town": 0, "admin3": 1, "admin2": 2, "admin1": 3, "country": 4}


def _district(place: Place | None) -> tuple[str | None, str | None, str] | None:
    """The district a place lies in (None for a province, a country or no place): two mentions in one
    district on one day are one event, as ACLED codes one place a day."""
    if place is None or place.kind in ("admin1", "country"):
        return None
    return (place.country_code, place.admin1, (place.admin2 or place.name).casefold())


def _covers(coarse: Place | None, fine: Place) -> bool:
    """A province, country or missing place that may stand for ``fine`` (it contains it)."""
    if coarse is None:
        return True
    if coarse.kind == "country":
        return coarse.country_code == fine.country_code
    return (
        coarse.kind == "admin1" and coarse.admin1 == fine.admin1 and coarse.country_code == fine.country_code
    )


def _join(into: Group, other: Group, keep_day: bool = False) -> None:
    """``other``'s sentences and claims into ``into``, which keeps the finer place and a known day."""
    if other.place is not None and (
        into.place is None or _FINENESS[other.place.kind] < _FINENESS[into.place.kind]
    ):
        into.place = other.place
    if into.day is None and other.day is not None and not keep_day:
        into.day, into.date = other.day, other.date
    if other.sentences and into.sentences and other.sentences[0].start > into.sentences[-1].start:
        into.sentences.extend(other.sentences)  # all told later: the merged order without sorting it again
    else:
        sentences = {id(s): s for s in into.sentences + other.sentences}
        into.sentences = sorted(sentences.values(), key=_sentence_start)
    if other.claims and into.claims and other.claims[0].start > into.claims[-1].start:
        into.claims.extend(other.claims)
    else:
        into.claims = sorted({c.id: c for c in into.claims + other.claims}.values(), key=_claim_start)


class _DistinctAttackWords(NamedTuple):
    cues: frozenset[str]
    nouns: frozenset[str]
    openers: frozenset[str]
    told: frozenset[str]


@cache
def _distinct_attack_words() -> _DistinctAttackWords:
    """The words of ``data/distinct_attacks.tsv``, by kind."""
    rows = read_table("distinct_attacks.tsv")
    kinds = ("cue", "noun", "opener", "told")
    return _DistinctAttackWords(*(frozenset(r["word"] for r in rows if r["kind"] == kind) for kind in kinds))


def _tells_another_attack(sentence: Sentence) -> bool:
    """Whether the sentence tells an attack apart from the one before ("in a separate attack", "another
    blast", "Separately, gunmen …"); "the second ambush" points back at one already told."""
    words = _distinct_attack_words()
    if not sentence.norms & words.cues and not sentence.norms & words.openers:
        return False
    norms = [token_norm(token) for token in sentence.tokens]
    if norms and norms[0] in words.openers:
        return True
    return any(
        norm in words.cues
        and any(after in words.nouns for after in norms[index + 1 : index + 3])
        and (index == 0 or norms[index - 1] not in words.told)
        for index, norm in enumerate(norms)
    )


def _listed_apart(one: Group, other: Group) -> bool:
    """Two towns or tehsils of one district that are two attacks: named together as the places of several
    ("attacks in Tump and Turbat"), or each told with figures of its own, or each told without any (two
    operations, one per area). A place told without figures beside one told with them is the same attack
    described again ("the blast in Turbat … the injured from Satellite Town")."""
    if one.attack != other.attack:
        return True  # the text told them apart ("in a separate attack")
    if one.place is None or other.place is None or one.place.name == other.place.name:
        return False
    towns = ("town", "locality", "admin3")
    if one.place.kind not in towns or other.place.kind not in towns:
        return False
    if bool(one.claims) == bool(other.claims):
        return True
    shared = {id(s) for s in one.sentences}
    return any(id(s) in shared for s in other.sentences)


def _sentence_start(sentence: Sentence) -> int:
    return sentence.start


def _claim_start(claim: Claim) -> int:
    return claim.start


def _merge(groups: list[Group]) -> list[Group]:
    """One event per attack: the mentions of one district on one day (town, tehsil and district named in
    different sentences) are one event at the finest place named. A province, a country or no place is the
    place of an event only when the report names nothing smaller for that day: such a group joins the one
    district group it can stand for; beside several districts it is kept only for the figures it holds
    (a province-level claim is never dropped), and a group without figures is dropped when the same day has
    an event at a named district (a province named without figures is context, not a second attack)."""
    if len(groups) < 2:
        return groups
    fine: dict[tuple[object, ...], Group] = {}
    coarse: list[Group] = []
    for group in groups:
        district = _district(group.place)
        key: tuple[object, ...] = (district, group.day)
        if district is None:
            coarse.append(group)
            continue
        while key in fine and _listed_apart(fine[key], group):
            key = (*key, group.place.id if group.place else None)
        if key in fine:
            _join(fine[key], group)
        else:
            fine[key] = group
    # An undated mention of a district joins that district's one dated event.
    for (district, day, *apart), group in list(fine.items()):
        if day is not None:
            continue
        dated = [g for (d, when, *_), g in fine.items() if d == district and when is not None]
        if len(dated) == 1:
            _join(dated[0], group)
            del fine[(district, day, *apart)]
    # A group dated only to the week (a statement's day, the publication's week) is the district's event of a
    # day in that week: a precisely dated one first.
    for key, group in list(fine.items()):
        if group.day is None or group.date is None or group.date.precision.get("acled", 1) != 2:
            continue
        week = _neighbours(
            fine, key, group, lambda days, g, group: abs(days) < 7 and not _listed_apart(g, group)
        )
        week.sort(key=lambda g: g.date is None or g.date.precision.get("acled", 1) != 1)
        if week:
            _join(week[0], group, keep_day=True)
            del fine[key]
    # A mention of the district without figures a day before or after its event (a date read from a
    # neighbouring sentence, an overnight attack) is that event, not another attack.
    for key, group in list(fine.items()):
        if group.claims or group.day is None:
            continue
        near = _neighbours(
            fine,
            key,
            group,
            lambda days, g, group: bool(g.claims) and abs(days) <= 1 and not _listed_apart(g, group),
        )
        if len(near) == 1:
            _join(near[0], group)
            del fine[key]
    _join_later_deaths(fine)
    kept = list(fine.values())
    # One province (or country, or no place) on one day is one group before it is weighed against districts.
    by_area: dict[tuple[object, ...], Group] = {}
    for group in coarse:
        place = group.place
        area = (
            (place.kind, place.country_code, place.admin1, group.day)
            if place
            else (None, None, None, group.day)
        )
        if area in by_area:
            _join(by_area[area], group)
        else:
            by_area[area] = group
    coarse = list(by_area.values())
    for group in coarse:
        same_day = [g for g in kept if group.day is None or g.day is None or g.day == group.day]
        inside = [g for g in same_day if g.place is not None and _covers(group.place, g.place)]
        if len({_district(g.place) for g in inside}) == 1:
            _join(inside[0], group)
        elif group.claims or not same_day:
            kept.append(group)
    return sorted(kept, key=lambda g: g.sentences[0].start if g.sentences else 0)


def _neighbours(
    fine: dict[tuple[object, ...], Group],
    key: tuple[object, ...],
    group: Group,
    fits: Callable[[int, Group, Group], bool],
) -> list[Group]:
    """The other dated groups of ``group``'s district (``key[0]``) that ``fits`` takes: it is given how many
    days before ``group``'s day each is, the other group, and ``group``."""
    assert group.day is not None
    return [
        g
        for (district, when, *_), g in fine.items()
        if g is not group
        and district == key[0]
        and when is not None
        and fits((group.day - when).days, g, group)
    ]


def _join_later_deaths(fine: dict[tuple[object, ...], Group]) -> None:
    """Deaths told on a later day in a district whose earlier event counted people hurt ("a woman was wounded
    on Friday … she died on Saturday", "the victim died of his wounds two days later") are that event's: the
    wounded who died, not another attack. Only a group whose figures are all deaths, no more than the wounded
    counted (21 hostages killed two days after an attack that wounded one are another event), within a week
    after, and not an attack told at another place of the district ("on Tuesday night gunmen attacked a post
    in Matani", after Monday's blast in Badaber)."""
    for key, group in list(fine.items()):
        if group.day is None or not group.claims or any(c.outcome != "killed" for c in group.claims):
            continue
        earlier = _neighbours(
            fine,
            key,
            group,
            lambda days, g, group: (
                0 < days <= 7
                and _most(g.claims, ("injured", "casualties")) >= _most(group.claims, ("killed",)) > 0
                and not (_elsewhere(g, group) and any(s.tactics for s in group.sentences))
            ),
        )
        if len(earlier) == 1:
            _join(earlier[0], group)
            del fine[key]


def _most(claims: list[Claim], outcomes: tuple[str, ...]) -> int:
    """The largest lower bound the claims give for the outcomes (1 for a figure without a number)."""
    return max((c.count.low or 1 for c in claims if c.outcome in outcomes), default=0)


def _elsewhere(one: Group, other: Group) -> bool:
    """Whether two groups are set at two named places, not one place named twice."""
    return one.place is not None and other.place is not None and one.place.name != other.place.name


def without_past_mentions(groups: list[Group]) -> list[Group]:
    """Without the groups that only mention an earlier attack ("last year, labourers were gunned down in the
    same area"): no figure of their own, dated over a week before every event the report gives figures for."""
    counted = [g.day for g in groups if g.claims and g.day is not None]
    if not counted:
        return groups
    return [g for g in groups if g.claims or g.day is None or any((day - g.day).days <= 7 for day in counted)]


# Fresh news is dated within this many days of publication; an incident told with figures this many days before
# its newest incident is background.
FRESH_DAYS = 7
BACKGROUND_DAYS = 60


def without_background_incidents(groups: list[Group], published: date | None) -> list[Group]:
    """Without the incidents of months or years before that fresh news recalls with their figures ("On June 3,
    2015, two men were killed at the same bar"): their claims are background, kept but in no event. Only in a
    report of fresh news (figures it dates within ``FRESH_DAYS`` of publication in its own words): a follow-up's
    incident is its news however old. Only incidents dated to the day: a year or a month is often told in the sentence of the
    fresh news itself ("opened fire on a vigil for a man slain in 2014, killing one")."""
    if published is None:
        return groups
    # The report's own day words count, not the publication date standing in for them.
    fresh = [
        g.day
        for g in groups
        if g.claims
        and g.day is not None
        and g.date is not None
        and g.date.rule != "publication"
        and (published - g.day).days <= FRESH_DAYS
    ]
    if not fresh:
        return groups
    newest = max(fresh)
    kept = []
    for group in groups:
        # Only a day told: a year ("a man slain in 2014") may share the fresh news's sentence.
        if (
            group.claims
            and group.day is not None
            and group.date is not None
            and group.date.precision.get("acled") == 1
            and (newest - group.day).days > BACKGROUND_DAYS
        ):
            for claim in group.claims:
                claim.background = True
            continue
        kept.append(group)
    return kept


def drop_article_totals(groups: list[Group]) -> None:
    """A figure that is the sum of the figures of several events ("seven militants were killed in two
    operations" beside six in one and one in the other) is the article's total, not one event's: it is left
    out of the event whose sentence told it (it stays a claim of the article)."""

    def largest(claims: list[Claim], outcome: str, victim: str, without: Claim | None = None) -> int:
        return max(
            (
                c.count.low or 0
                for c in claims
                if c is not without and c.outcome == outcome and c.victim == victim and c.part_of is None
            ),
            default=0,
        )

    for group in groups:
        for claim in list(group.claims):
            if claim.count.low is None or claim.count.low != claim.count.high:
                continue
            parts = [largest(group.claims, claim.outcome, claim.victim, claim)] + [
                largest(other.claims, claim.outcome, claim.victim) for other in groups if other is not group
            ]
            if sum(1 for n in parts if n) >= 2 and sum(parts) == claim.count.low:
                group.claims.remove(claim)


def _distinct(places: list[Place]) -> list[Place]:
    """The places a sentence sets events in: one per name, and no container of another place named with it
    ("Turbat in Kech district" is one event at Turbat; "Quetta, Balochistan" one at Quetta)."""
    seen: dict[str, Place] = {}
    for place in places:
        seen.setdefault(f"{place.name}|{place.admin2}|{place.admin1}", place)
    distinct = list(seen.values())
    return [p for p in distinct if not any(_contains(p, other) for other in distinct if other is not p)]


def _contains(container: Place, place: Place) -> bool:
    if container.kind == "country":
        return place.country_code == container.country_code
    if container.kind == "admin1":
        return place.kind != "admin1" and place.admin1 == container.admin1
    if container.kind == "admin2":
        return place.kind not in ("admin1", "admin2") and place.admin2 == container.admin2
    return False
