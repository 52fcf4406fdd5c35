"""nlp/attribution.py: which statement a figure takes, through ``_statements_taken``, against a plain reading of
the rule (every statement tried for every figure) on invented sentences of statements, scopes and clauses."""

from __future__ import annotations

import random

from sitrep.model import Claimant, Count
from sitrep.nlp.attribution import (
    ArticleMemory,
    Attribution,
    AttributionReader,
    Report,
    _statements_taken,
    confirm_across_claimants,
)
from sitrep.nlp.casualties import casualty_reader
from sitrep.nlp.casualties.records import Mention
from sitrep.nlp.lexicon import tokenize


def _plain(
    reports: list[Report], mentions: list[Mention], clause_of: list[int], soft_of: list[int]
) -> list[Report | None]:
    """The rule as it reads: the governing statements, those of the figure's clause (soft clause), the nearest."""

    def distance(report: Report, mention: Mention) -> int:
        if report.end <= mention.token_start:
            return mention.token_start - report.end
        return max(0, report.start - mention.token_end)

    out: list[Report | None] = []
    for mention in mentions:
        at = mention.token_start
        governing = [r for r in reports if r.scope is None or r.scope[0] <= at < r.scope[1]]
        candidates = [r for r in governing if clause_of[r.start] == clause_of[at]]
        if len(candidates) > 1:
            candidates = [r for r in candidates if soft_of[r.start] == soft_of[at]] or candidates
        candidates = candidates or governing
        out.append(min(candidates, key=lambda r: distance(r, mention)) if candidates else None)
    return out


def _invented(rng: random.Random) -> tuple[list[Report], list[Mention], list[int], list[int]]:
    """A sentence of ``size`` tokens: statements without overlaps in text order, some with a scope (a relative
    clause or the rest of the sentence), rising clause and soft-clause numbers, figures anywhere in any order."""
    size = rng.randint(1, 40)
    reports, at = [], 0
    while True:
        at += rng.randint(0, 4)
        end = at + rng.randint(1, 3)
        if end > size:
            break
        scope = rng.choice([None, None, (max(0, at - rng.randint(0, 3)), size)])
        if rng.random() < 0.3:
            first = rng.randint(0, size - 1)
            scope = (first, rng.randint(first + 1, size))
        claimant = Claimant(kind="security_forces", text=f"speaker {len(reports)}")
        reports.append(Report(at, end, "reported", claimant, scope))
        at = end
    clause_of, soft_of, clause, soft = [], [], 0, 0
    for _ in range(size):
        if rng.random() < 0.1:
            clause += 1
            soft += 1
        elif rng.random() < 0.1:
            soft += 1
        clause_of.append(clause)
        soft_of.append(soft)
    mentions = []
    for _ in range(rng.randint(0, 8)):
        start = rng.randint(0, size - 1)
        end = rng.randint(start + 1, size)
        mentions.append(
            Mention("killed", "civilians", "people", Count(low=2, high=2, text="two"), start, end)
        )
    return reports, mentions, clause_of, soft_of


def test_the_statement_taken_is_the_one_the_plain_rule_names() -> None:
    rng = random.Random(15)
    scoped = 0
    for _ in range(3000):
        reports, mentions, clause_of, soft_of = _invented(rng)
        scoped += any(r.scope for r in reports)
        assert _statements_taken(reports, mentions, clause_of, soft_of) == _plain(
            reports, mentions, clause_of, soft_of
        )
    assert scoped > 1000  # the invented sentences do exercise scopes


def test_each_figure_of_a_long_sentence_takes_the_nearest_speaker_of_its_clause_and_its_hedge() -> None:
    unit = "Police said 3 soldiers were killed in Kalat, but the BLA said there may be 9 soldiers killed in Kalat, "
    text = (unit * 30).rstrip(", ") + "."
    tokens = tokenize(text)
    mentions = casualty_reader().read(text, tokens)
    attributions = AttributionReader().read_sentence(0, tokens, mentions, ArticleMemory(), 0)
    assert [
        (m.count.low, a.claimant.kind, a.stance) for m, a in zip(mentions, attributions, strict=True)
    ] == [
        (3, "security_forces", "reported"),
        (9, "armed_group", "estimated"),
    ] * 30


def _plain_confirmation(attributions: list[Attribution], mentions: list[Mention]) -> list[bool | None]:
    """Every confirmation tried for every figure."""

    def same(a: Mention, b: Mention) -> bool:
        return (
            a.outcome == b.outcome
            and a.count.low is not None
            and not (a.count.approximate or b.count.approximate)
            and (a.count.low, a.count.high) == (b.count.low, b.count.high)
            and (a.victim == b.victim or "unspecified" in (a.victim, b.victim))
        )

    pairs = list(zip(attributions, mentions, strict=True))
    confirmations = [(a, m) for a, m in pairs if a.stance == "confirmed" and a.claimant.kind != "none"]
    out = []
    for a, m in pairs:
        confirmed = any(o.claimant.kind != a.claimant.kind and same(m, om) for o, om in confirmations)
        out.append(True if a.verified is None and a.claimant.kind != "none" and confirmed else a.verified)
    return out


def test_a_figure_is_verified_by_the_same_figure_confirmed_by_another_kind_of_claimant() -> None:
    rng = random.Random(1515)
    kinds = ["none", "armed_group", "security_forces", "medical"]
    verified_somewhere = 0
    for _ in range(2000):
        attributions, mentions = [], []
        for _ in range(rng.randint(0, 10)):
            low = rng.choice([None, 1, 2, 3])
            high = rng.choice([low, low, 4]) if low is not None else None
            count = Count(low=low, high=high, text="some", approximate=rng.random() < 0.2)
            victim = rng.choice(["civilians", "militants", "unspecified"])
            outcome = rng.choice(["killed", "injured"])
            mentions.append(Mention(outcome, victim, "people", count, 0, 1))
            claimant = Claimant(kind=rng.choice(kinds))
            stance = rng.choice(["reported", "confirmed"])
            attributions.append(Attribution(claimant, stance, rng.choice([None, None, False])))
        expected = _plain_confirmation(attributions, mentions)
        confirm_across_claimants(attributions, mentions)
        assert [a.verified for a in attributions] == expected
        verified_somewhere += True in expected
    assert verified_somewhere > 100  # the invented figures do get confirmed
