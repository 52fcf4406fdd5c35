"""Background: a sentence's tokens and mentions in, the mentions an earlier incident or an aggregate covers
("last year", "in 2019", "the 2014 school attack", "comes days after …") marked as background."""

from __future__ import annotations

from sitrep.nlp.casualties.records import Mention
from sitrep.nlp.casualties.words import DEFINITE, IN, INCIDENT_NOUNS, OPENING, YEAR_RE, CasualtyWords
from sitrep.nlp.lexicon import Token, positions


def mark_background(words: CasualtyWords, tokens: list[Token], mentions: list[Mention]) -> None:
    """Mark the figures a background phrase covers. A time phrase that opens the sentence ("In October
    last year, seven were killed …") covers all its figures; one inside it covers the nearest figure ("a
    vigil for a man killed in 2014, wounding three" speaks of 2014 for the man only); a phrase of scope
    "after" ("comes days after …") covers the figures after it."""
    for match in words.background.find_all(tokens):
        _cover(mentions, match.start, match.payload)
    for index in positions(tokens, IN):
        if index + 1 < len(tokens) and YEAR_RE.match(tokens[index + 1].norm):
            _cover(mentions, index, "sentence")  # "in 2019", "since 2015": another year than the news
    for index in positions(tokens, INCIDENT_NOUNS):
        # "the 2014 school attack killed 147": an incident named by its year is an earlier one
        year = next((i for i in (index - 1, index - 2) if i >= 0 and YEAR_RE.match(tokens[i].norm)), None)
        if year is not None:
            _cover(
                mentions,
                year - 1 if year > 0 and tokens[year - 1].norm in DEFINITE else year,
                "sentence",
            )


def _cover(mentions: list[Mention], cue: int, scope: str) -> None:
    if scope == "after":
        for mention in mentions:
            if mention.token_start >= cue:
                mention.background = True
    elif cue <= OPENING:
        for mention in mentions:
            mention.background = True
    else:
        nearest = min(mentions, key=lambda m: min(abs(m.token_start - cue), abs(m.token_end - cue)))
        nearest.background = True
