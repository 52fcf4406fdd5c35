"""nlp/claims.py: whether a figure is new to the article (``_read_once``, ``_whole`` over the claims told so far)
and which places a claim takes (``assign_places``), each against a plain reading of its rule (every earlier
claim, every place tried) on invented articles."""

from __future__ import annotations

import dataclasses
import random

from sitrep.model import Claim, Claimant, Count, Place
from sitrep.nlp.attribution import Attribution, attribution_reader
from sitrep.nlp.casualties.records import Mention
from sitrep.nlp.claims import Unit, _read_once, _whole, assign_places, read_claims
from sitrep.nlp.told import Told


def _plain_whole(mention: Mention, start: int, earlier: list[Claim]) -> str | None:
    if not mention.subset:
        return None
    for c in reversed(earlier):
        if c.outcome == mention.outcome and c.part_of is None and c.start < start:
            return c.id
    return None


def _plain_read_once(mention: Mention, attributed: Attribution, start: int, earlier: list[Claim]) -> bool:
    """The rule as its docstring tells it, every earlier claim read for every figure."""
    if mention.definite and any(
        c.outcome == mention.outcome
        and c.start < start
        and (not mention.predicate or c.victim == mention.victim)
        for c in earlier
    ):
        return False
    low, high = mention.count.low, mention.count.high
    if low is None and high is None:
        return True
    if not mention.named and mention.victim == "unspecified":
        same = next((c for c in reversed(earlier) if c.count.low == low and c.victim != "unspecified"), None)
        if same is not None:
            mention.victim = same.victim
    single = (low, high) == (1, 1)
    if single and not {"another", "second", "more"}.isdisjoint(mention.count.text.lower().split()):
        return True
    for claim in earlier:
        if single and claim.victim_text.lower() != mention.victim_text.lower():
            continue
        if (
            claim.start != start
            and claim.outcome == mention.outcome
            and (claim.count.low, claim.count.high) == (low, high)
            and claim.claimant.kind == attributed.claimant.kind
            and (claim.victim == mention.victim or "unspecified" in (claim.victim, mention.victim))
            and claim.part_of is None
            and mention.part_of is None
        ):
            return False
    return True


def _invented_mention(rng: random.Random) -> Mention:
    low = rng.choice([None, 1, 1, 2, 3])
    high = rng.choice([low, low, low, 5]) if low is not None else rng.choice([None, None, 4])
    words = rng.choice(["one", "another", "a second", "two"])
    return Mention(
        rng.choice(["killed", "injured"]),
        rng.choice(["civilians", "militants", "unspecified", "unspecified"]),
        rng.choice(["a man", "A Man", "a guard", ""]),
        Count(low=low, high=high, text=words),
        0,
        1,
        part_of=rng.choice([None, None, None, 0]),
        definite=rng.random() < 0.2,
        predicate=rng.random() < 0.5,
        subset=rng.random() < 0.2,
        named=rng.random() < 0.5,
    )


def test_a_figure_is_new_to_the_article_as_the_plain_rule_says() -> None:
    rng = random.Random(7)
    outcomes = {True: 0, False: 0}
    for _ in range(500):
        told, earlier = Told(), []
        start = 0
        for _ in range(rng.randint(1, 25)):
            start += rng.choice([0, 0, 10])  # several figures share a sentence
            mention = _invented_mention(rng)
            plain_mention = dataclasses.replace(mention)
            attributed = Attribution(
                Claimant(kind=rng.choice(["none", "medical", "armed_group"])), "reported"
            )
            new = _read_once(mention, attributed, start, told)
            assert new == _plain_read_once(plain_mention, attributed, start, earlier)
            assert mention.victim == plain_mention.victim
            outcomes[new] += 1
            if not new:
                continue
            part_of = _whole(mention, start, told)
            assert part_of == _plain_whole(mention, start, earlier)
            if mention.part_of is not None and earlier:
                part_of = earlier[-1].id
            claim = Claim(
                id=f"c{len(earlier) + 1}",
                outcome=mention.outcome,
                victim=mention.victim,
                victim_text=mention.victim_text,
                count=mention.count,
                claimant=attributed.claimant,
                stance="reported",
                quote="…",
                start=start,
                end=start + 10,
                part_of=part_of,
            )
            earlier.append(claim)
            told.add(claim)
    assert min(outcomes.values()) > 500  # figures both new and read before


def _plain_places(claims: list[Claim], places: list[Place], units: list[Unit]) -> list[list[str]]:
    event_places = [p for p in places if p.role == "event"]
    out = []
    for claim in claims:
        ids = [p.id for p in event_places if claim.start <= p.start < claim.end]
        before = [p for p in event_places if p.end <= claim.start]
        if not ids and before:
            last = before[-1]
            unit = next((u for u in units if u.start <= last.start < u.end), None)
            ids = [p.id for p in before if unit and unit.start <= p.start < unit.end] or [last.id]
        out.append(ids)
    return out


def test_a_claim_takes_the_places_of_its_sentence_or_the_nearest_before_as_the_plain_rule_says() -> None:
    rng = random.Random(11)
    borrowed = 0
    for _ in range(1000):
        units, at = [], 0
        for _ in range(rng.randint(0, 8)):
            at += rng.randint(0, 5)
            units.append(Unit(at, at + rng.randint(1, 30), [], True))
            at = units[-1].end
        places, at = [], 0
        for _ in range(rng.randint(0, 12)):
            at += rng.randint(0, 12)
            place = Place(
                id=f"p{len(places) + 1}",
                name="Kalat",
                text="Kalat",
                kind="town",
                role=rng.choice(["event", "event", "mention"]),
                start=at,
                end=at + rng.choice([1, 5, 5, 15]),  # now and then over the next place
            )
            places.append(place)
        claims = [
            Claim(
                id=f"c{i}",
                outcome="killed",
                victim="civilians",
                count=Count(low=2, high=2, text="two"),
                claimant=Claimant(kind="none"),
                stance="reported",
                quote="…",
                start=u.start,
                end=u.end,
            )
            for i, u in enumerate(units)
            if rng.random() < 0.7
        ]
        expected = _plain_places(claims, places, units)
        assert [c.place_ids for c in assign_places(claims, places, units)] == expected
        by_id = {p.id: p for p in places}
        borrowed += any(
            by_id[i].start < c.start for c, ids in zip(claims, expected, strict=True) for i in ids
        )
    assert borrowed > 100  # the invented claims do take places of a sentence before theirs


def test_a_lede_repeated_all_through_a_long_article_is_read_once() -> None:
    unit = "Two soldiers were killed in Kalat, police said. A hospital official said 3 people were injured. "
    claims = assign_places(read_claims(unit * 200, attribution_reader()), [], [])
    assert [(c.outcome, c.count.low, c.claimant.kind) for c in claims] == [
        ("killed", 2, "security_forces"),
        ("injured", 3, "medical"),
    ]
