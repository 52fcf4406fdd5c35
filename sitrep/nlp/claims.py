"""Claims: every casualty figure of an article with its claimant, stance and verification. In: the article's
text; out: ``Claim``s in text order (the casualty reader finds figures, the attribution reader says who gives
them), each then tied to the event places of its sentence (``assign_places``).

Only the spans worth reading are read (``read_units``): sentence splitting is the costliest step.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cache
from typing import NamedTuple

from sitrep.model import Claim, Place
from sitrep.nlp.attribution import (
    ArticleMemory,
    Attribution,
    AttributionReader,
    anonymity_words,
    confirm_across_claimants,
)
from sitrep.nlp.casualties import Mention, casualty_reader
from sitrep.nlp.lexicon import Token, WordSpotter, first_words, key_words, tokenize
from sitrep.nlp.sentences import paragraphs, split_sentences
from sitrep.nlp.told import Told


class Unit(NamedTuple):
    """A sentence (or a whole paragraph with no figure) worth reading, with its tokens."""

    start: int
    end: int
    tokens: list[Token]
    may_hold_figure: bool
    line: int = -1  # the index of the line it starts on (paragraphs are lines in many stored reports)


@cache
def _unit_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Words that make a span worth reading: outcome, outcome-or-tactic, context, and all of them."""
    outcome_words = key_words("outcomes.tsv")
    split_words = outcome_words | first_words("tactics.tsv")
    # Of the anonymity words only the rare ones: "He spoke on condition of anonymity" has no other word to be
    # read by, while "identified" or "named" would keep many sentences for nothing.
    context_words = key_words("reporting.tsv", "verification.tsv") | {
        w for w in anonymity_words() if w.startswith(("anonym", "unnamed", "authori"))
    }
    return outcome_words, split_words, context_words, split_words | context_words


@cache
def _paragraph_spotter() -> WordSpotter:
    """Finds whether a paragraph must be split (list 0) or only holds context words (list 1)."""
    _, split_words, context_words, _ = _unit_words()
    return WordSpotter(split_words, context_words)


def read_units(text: str) -> list[Unit]:
    """The spans of ``text`` the stages read, with their tokens.

    Sentence splitting is the costliest step, so only paragraphs with an outcome or tactic word are split. A
    paragraph with only reporting or verification phrases is read whole: it can name a claimant that a later
    sentence refers back to, or say that earlier figures could not be verified. Other paragraphs are skipped.
    A split paragraph's sentences are tokenised before they are tested: the tokens answer the test and are
    kept for the stages (nearly every sentence of a split paragraph is kept).
    """
    outcome_words, split_words, context_words, any_words = _unit_words()
    spotter = _paragraph_spotter()
    units = []
    line, counted_to = 0, 0
    for start, end in paragraphs(text):
        found = spotter.first_list(text[start:end])
        if found == 0:
            for sentence_start, sentence_end in split_sentences(text, start, end):
                tokens = tokenize(text[sentence_start:sentence_end])
                norms = tokens.norms()
                figure = not outcome_words.isdisjoint(norms)
                if figure or not any_words.isdisjoint(norms):
                    line, counted_to = line + text.count("\n", counted_to, sentence_start), sentence_start
                    units.append(Unit(sentence_start, sentence_end, tokens, figure, line))
        elif found == 1:
            line, counted_to = line + text.count("\n", counted_to, start), start
            units.append(Unit(start, end, tokenize(text[start:end]), False, line))
    return units


def read_claims(text: str, attribution: AttributionReader, units: list[Unit] | None = None) -> list[Claim]:
    """Every casualty figure in ``text`` with its claimant, stance and verification, in text order.
    ``attribution`` knows the armed groups by name (``sitrep.pipeline.extract_claims`` gives the shipped and
    the analyst's ones)."""
    casualties = casualty_reader()
    memory = ArticleMemory()
    # The sentence's text is sliced once and shared by its claims' quotes (one copy however many figures).
    found: list[tuple[tuple[int, int, str], Mention, Attribution]] = []
    for index, (start, end, tokens, may_hold_figure, line) in enumerate(
        read_units(text) if units is None else units
    ):
        sentence = text[start:end]
        mentions = casualties.read(sentence, tokens) if may_hold_figure else []
        attributions = attribution.read_sentence(index, tokens, mentions, memory, line)
        found.extend(((start, end, sentence), m, a) for m, a in zip(mentions, attributions, strict=True))

    mentions = [m for _, m, _ in found]
    attributions = [a for _, _, a in found]
    confirm_across_claimants(attributions, mentions)

    claims: list[Claim] = []
    told = Told()
    ids: dict[tuple[int, int], str] = {}  # (sentence start, mention's index in its sentence) → claim id
    local: dict[int, int] = {}
    # A person called by name ("Jane Roe died") is one of those a figure of this news counts, where it gives one.
    counted = {m.outcome for m in mentions if not m.by_name and not m.background}
    for (start, end, sentence), mention, attributed in found:
        position = local[start] = local.get(start, -1) + 1
        if mention.by_name and mention.outcome in counted:
            continue
        if not _read_once(mention, attributed, start, told):
            continue
        ids[(start, position)] = claim_id = f"c{len(claims) + 1}"
        claims.append(
            Claim(
                id=claim_id,
                outcome=mention.outcome,
                victim=mention.victim,
                victim_text=mention.victim_text,
                count=mention.count,
                claimant=attributed.claimant,
                stance=attributed.stance,
                verified=attributed.verified,
                quote=sentence,
                start=start,
                end=end,
                part_of=ids.get((start, mention.part_of))
                if mention.part_of is not None
                else _whole(mention, start, told),
                background=mention.background,
            )
        )
        told.add(claims[-1])
    if claims and all(c.background for c in claims):
        # A follow-up report ("police arrested a man over a shooting last week that left two dead") has no
        # newer news: the incident it recalls is its subject.
        claims = [c.model_copy(update={"background": False}) for c in claims]
    return claims


def _whole(mention: Mention, start: int, told: Told) -> str | None:
    """For "the dead included three guards": the id of the last total with the same outcome in an earlier
    sentence (not a figure of the same list)."""
    if not mention.subset or mention.outcome not in told.totals:
        return None
    last, before = told.totals[mention.outcome]
    whole = last if last.start < start else before
    return whole.id if whole else None


# Words that make a figure of one a further person: "another", "a second", "one more".
_ONE_MORE = frozenset("another second third fourth fifth more".split())


def _read_once(mention: Mention, attributed: Attribution, start: int, told: Told) -> bool:
    """Whether a figure is new to the article, given the claims read before it; may name its victims.

    - A definite reference ("the martyred soldiers were identified", "the two injured were shifted", "two of
      the dead") speaks of people already counted when an earlier claim has the same outcome; "the driver
      was killed", said as news of them, when an earlier claim also counts the same victim group. (A number said of them as news, "the remaining two are critical", is a figure: the
      casualty stage does not mark it definite.)
    - A bare number ("Six were killed on the spot") counts the people an earlier claim with the same figure
      named ("six labourers"): it takes their victim group.
    - The same figure for the same outcome and victims from the same kind of claimant in another sentence (a
      lede repeated in the body, "five hurt" then "five injured") is read once.
    """
    if mention.definite:
        first = told.first.get((mention.outcome, mention.victim if mention.predicate else None))
        if first is not None and first < start:
            return False
    low, high = mention.count.low, mention.count.high
    if low is None and high is None:
        return True
    if not mention.named and mention.victim == "unspecified" and low in told.victim_of:
        mention.victim = told.victim_of[low]
    # One person is too common a figure: "a man was shot dead" here and "killing one" there are often two
    # incidents of a round-up, so a single is merged only when named with the same words.
    single = (low, high) == (1, 1)
    if single and not _ONE_MORE.isdisjoint(mention.count.text.lower().split()):
        return True  # "another policeman died", "a second guard succumbed": one more person, not a repeat
    if mention.part_of is not None:
        return True
    return not told.said_before(
        mention.outcome, low, high, attributed.claimant, mention.victim, mention.victim_text, start
    )


def assign_places(claims: list[Claim], places: list[Place], units: list[Unit]) -> list[Claim]:
    """Each claim's ``place_ids``: the event places of its sentence, else of the nearest sentence before it.

    ``places`` are in text order (by start) and ``units`` are spans of the text in order, without overlaps:
    a sentence's places are bisected slices, not a scan of every place for every claim; and the claims of one
    sentence share one list, made once (nothing changes a claim's ``place_ids`` in place)."""
    event_places = [p for p in places if p.role == "event"]
    starts = [p.start for p in event_places]
    unit_starts = [u.start for u in units]

    def sentence_places(start: int, end: int) -> list[str]:
        first = bisect_left(starts, start)
        ids = [p.id for p in event_places[first : bisect_left(starts, end)]]
        last = first - 1  # the last event place that ends before the sentence
        while last >= 0 and event_places[last].end > start:
            last -= 1
        if ids or last < 0:
            return ids
        at = event_places[last].start
        unit = bisect_right(unit_starts, at) - 1
        if unit >= 0 and at < units[unit].end:
            inside = event_places[
                bisect_left(starts, units[unit].start) : bisect_left(starts, units[unit].end)
            ]
            ids = [p.id for p in inside if p.end <= start]
        return ids or [event_places[last].id]

    made: dict[tuple[int, int], list[str]] = {}
    out = []
    for claim in claims:
        span = (claim.start, claim.end)
        ids = made[span] if span in made else made.setdefault(span, sentence_places(*span))
        out.append(claim.model_copy(update={"place_ids": ids}) if ids else claim)
    return out
