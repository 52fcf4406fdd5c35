"""An article's sentences → incident sentences: each sentence with the claims, tactics, actors, event places and
date found in it, and who claims or denies the attack.

A sentence is an *incident sentence* when it has a tactic word or a casualty figure. The article's dateline (its
place and filing date) is set apart: its date is the filing day, its place the place of last resort.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from operator import itemgetter

from sitrep.data import read_table
from sitrep.events.actors import (
    NON_STATE_KINDS,
    ActorDictionary,
    ActorMention,
    claim_phrase_words,
    has_cue_word,
    may_state_responsibility,
    responsibility,
    responsibility_cue_words,
)
from sitrep.events.dates import EventDate, find_event_date, incident_day, tells_a_proceeding
from sitrep.events.tactics import TacticMatch, tactic_reader
from sitrep.model import Claim, Place
from sitrep.nlp.attribution import attribution_reader
from sitrep.nlp.lexicon import PhraseTable, Token, Tokens, has_any_word


@dataclass(slots=True)
class Sentence:
    """One sentence of the article with what the stages found in it."""

    start: int
    end: int
    tokens: list[Token]
    norms: Set[str]  # of its tokens
    claims: list[Claim] = field(default_factory=list)
    tactics: list[TacticMatch] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    date: EventDate | None = None

    @property
    def is_incident(self) -> bool:
        return bool(self.tactics or self.claims)


def read_sentences(
    text: str,
    published: date | None,
    sentences: Sequence[tuple[int, int, list[Token]]],
    claims: list[Claim],
    places: list[Place],
    actors: ActorDictionary,
    all_places: list[Place] | None = None,
    language: str = "en",
) -> list[Sentence]:
    """Each of ``sentences`` (start, end, tokens) with its claims, tactics and actors; an incident sentence also
    with its event places (of ``places``) and its date. ``all_places`` locate the dateline; ``language`` chooses
    the tactic, weapon-haul and date words, and how a speaker is named."""
    tactics = tactic_reader(language)
    tactic_words = tactics.table.first_words
    claims_at: dict[int, list[Claim]] = {}
    for claim in claims:
        claims_at.setdefault(claim.start, []).append(claim)
    event_places = [p for p in places if p.role == "event"]
    # In text order (as the places stage gives them) each sentence's places are a slice found by bisection.
    place_starts = [p.start for p in event_places]
    in_order = all(a <= b for a, b in zip(place_starts, place_starts[1:], strict=False))
    dateline = _dateline_end(text, all_places or [])
    follow_up: list[EventDate | None] = []  # the incident's day of a follow-up report, read once when needed
    mentions = actors.find(text)  # one automaton pass over the article, shared out to its sentences
    mention_starts = [m.start for m in mentions]  # in text order
    out = []
    for start, end, tokens in sentences:
        # The tokens' own index of their norms (built by the claims stage before us) serves as the set.
        norms = tokens.norms().keys() if isinstance(tokens, Tokens) else set(map(token_norm, tokens))
        # A sentence with no first word of a tactic phrase has none: skip the phrase matcher.
        found = tactics.find(tokens, offset=start) if not tactic_words.isdisjoint(norms) else []
        if (
            found
            and not _haul_words("haul", language).isdisjoint(norms)
            and _haul_words("use", language).isdisjoint(norms)
        ):
            found = [t for t in found if t.phrase not in _haul_words("weapon", language)]  # seized, not used
        named = mentions[bisect_left(mention_starts, start) : bisect_left(mention_starts, end)]
        if named:
            named = [m for m in named if not _speaks(tokens, m.start - start, m.end - start, language)]
            if any(m.actor.kind in NON_STATE_KINDS for m in named) and _suspects(tokens, norms):
                # A group named as a suspect or a guess is not the doer the report names.
                named = [m for m in named if m.actor.kind not in NON_STATE_KINDS]
        sentence = Sentence(start, end, tokens, norms, claims_at.get(start, []), found, [], named)
        if sentence.is_incident:
            if in_order:
                sentence.places = event_places[
                    bisect_left(place_starts, start) : bisect_left(place_starts, end)
                ]
            else:
                sentence.places = [p for p in event_places if start <= p.start < end]
            words = text[start:end]
            if start < dateline < end:  # the dateline's date is the filing day, not the event's
                words = " " * (dateline - start) + words[dateline - start :]
            sentence.date = find_event_date(words, published, context=text[:start], language=language)
            if _vague_or_a_proceedings(sentence.date, words):
                # No date words, only a month ("earlier this month"), or a charge's or a court's day ("were
                # indicted Thursday over the shooting"): in a follow-up report, the day of the incident it is
                # about, when the month holds it.
                if not follow_up:
                    follow_up.append(incident_day(text, published, [(s, e) for s, e, _t in sentences]))
                if follow_up[0] is not None and _holds_day(sentence.date, follow_up[0]):
                    sentence.date = follow_up[0]
        out.append(sentence)
    return out


def _vague_or_a_proceedings(date: EventDate, words: str) -> bool:
    """Whether a sentence's date may not be its incident's: none of its own, a month, or a day told with a
    charge, a court or a ceremony."""
    return date.rule == "publication" or date.precision.get("acled") == 3 or tells_a_proceeding(words)


def _holds_day(vague: EventDate, day: EventDate) -> bool:
    """Whether a sentence's date (none of its own, a month, a proceeding's day) may give way to ``day``."""
    if vague.rule == "publication" or vague.date is None or day.date is None:
        return True
    if vague.precision.get("acled") == 3:
        return (vague.date.year, vague.date.month) == (day.date.year, day.date.month)
    return day.date < vague.date  # a proceeding comes after its incident


# What follows a place that opens an article when it is the dateline ("QUETTA: …", "Islamabad, Dec 10 …",
# "(Karachi) …", "PESHAWAR - …", Urdu "پشاور… "): the place where the report was filed, not where the attack was.
_DATELINE_END = re.compile(r"\s*(?:[:,)\u2013\u2014\u2026]|-\s|\(|\[)")


# Words before a place that make it where someone went or came from, or a point of reference, not where the
# attack was: "taken to Quetta", "labourers from Punjab", "a train on its way to Quetta from Lahore",
# "200 km south-west of Peshawar", "east of the provincial capital Quetta", "a district bordering Iran", "the
# border with Afghanistan". Not "close to", "next to".
_AWAY = re.compile(
    r"(?:(?<!\bclose )(?<!\bnext )(?<!\badjacent )\b(?:to|from|towards?)"
    r"|\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of"
    r"|\bborder(?:s|ing|ed)?(?:\s+with)?)"
    r"\s+(?:the\s+)?(?:(?:provincial|federal)\s+)?(?:capital\s+(?:city\s+)?(?:of\s+)?)?$",
    re.IGNORECASE,
)


# After a place: a destination named as an adjective ("a Quetta-bound train", "Rawalpindi bound express").
_BOUND = re.compile(r"\s*-?\s*bound\b", re.IGNORECASE)


def is_away(text: str, place: Place) -> bool:
    """Whether the words around a place name it as a destination, an origin or a point of reference."""
    away = _AWAY.search(text, max(0, place.start - 48), place.start)
    if away is not None and place.role == "event" and away.group(0).lower().startswith("from"):
        # The places stage read "abducted from X", "bodies recovered from X" as where it happened.
        away = None
    return away is not None or _BOUND.match(text, place.end) is not None


# The rest of a dateline after its place: a country in brackets, the filing date, a news agency, the dash or
# colon ("Balochistan [Pakistan], September 16 :", "Islamabad, Mar 21 (UNI)", "PESHAWAR, Dec 5 -").
_MONTH = rf"(?:{'|'.join(calendar.month_abbr[1:])})[a-z]*\.?"  # "Sep", "Sept.", "September"
_DATELINE_TAIL = re.compile(
    r"(?:\s*[\[(][^\])\n]{1,40}[\])])?"
    rf"(?:\s*,?\s*(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{_MONTH})(?:\s*,?\s*\d{{4}})?)?"
    r"(?:\s*\([A-Za-z .]{1,12}\))?"
    r"\s*(?:[:\u2013\u2014]|-(?=\s))?"
)


def _dateline_end(text: str, places: list[Place]) -> int:
    """Where the article's dateline ends (0 when it opens with none)."""
    if not places or places[0].start > 2:  # the common case: the article opens with no place
        return 0
    head = len(text) - len(text.lstrip(" \n\t(["))
    first = places[0]
    if first.start != head or not _DATELINE_END.match(text, first.end):
        return 0
    tail = _DATELINE_TAIL.match(text, first.end)
    return tail.end() if tail else first.end


def without_dateline(text: str, places: list[Place]) -> list[Place]:
    """The places without the article's dateline (its place and a country bracketed after it), unless the
    places stage made the dateline the event place (the report names no other)."""
    end = _dateline_end(text, places)
    return [p for p in places if p.start >= end or p.role == "event"] if end else places


def claimed_and_denied(
    text: str, sentences: list[Sentence], actors: ActorDictionary
) -> tuple[list[str], list[str]]:
    """Who claims or denies the attack, read from the sentences with a responsibility cue word (it is costly)."""
    if not (text.isascii() or len(text.lower()) == len(text)):
        # A character that lengthens in lower case ("İ") makes token norms and the words ``has_any_word`` reads
        # differ: read the sentences' text, as before tokens were reused here.
        cue_words = responsibility_cue_words()
        cue_text = " ".join(
            text[s.start : s.end] for s in sentences if has_any_word(text[s.start : s.end], cue_words)
        )
        return responsibility(cue_text, actors) if cue_text else ([], [])
    # Most articles hold no claim or deny phrase, and then there is nothing to read. In the joined sentences a
    # phrase lies within one sentence, which then has all its words, or runs on from a sentence's last token.
    phrase_words = claim_phrase_words()
    if not any(
        may_state_responsibility(s.norms) or (s.tokens and s.tokens[-1].norm in phrase_words)
        for s in sentences
    ):
        return [], []
    cued = [i for i, s in enumerate(sentences) if has_cue_word(text[s.start : s.end], s.norms)]
    if not cued:
        return [], []
    # With the sentence before each: "the group claimed responsibility" names the group the sentence before
    # named ("Fighters of the BLF ambushed a convoy. The group claimed responsibility.").
    cue_sentences = [sentences[i] for i in sorted({j for i in cued for j in (i - 1, i) if j >= 0})]
    # The sentences joined by spaces, with their tokens placed in the joined text (no token spans a space, so
    # these are the tokens the joined text has).
    pieces = []
    offset = 0
    for sentence in cue_sentences:
        pieces.append((offset, sentence.tokens))
        offset += sentence.end - sentence.start + 1
    cue_text = " ".join(text[s.start : s.end] for s in cue_sentences)
    return responsibility(cue_text, actors, pieces)


@cache
def _haul_words(role: str, language: str = "en") -> frozenset[str]:
    """The words of ``weapon_haul.tsv`` (``ur/weapon_haul.tsv`` for Urdu) with a role: haul (found, seized),
    weapon, use (exploded, hurled)."""
    table = "ur/weapon_haul.tsv" if language == "ur" else "weapon_haul.tsv"
    return frozenset(row["phrase"] for row in read_table(table) if row["role"] == role)


@cache
def _off_guard_words() -> PhraseTable[str]:
    return PhraseTable([(row["phrase"], row["phrase"]) for row in read_table("off_guard.tsv")])


def off_guard(tokens: list[Token], norms: Set[str]) -> bool:
    table = _off_guard_words()
    return not table.first_words.isdisjoint(norms) and next(iter(table.find_all(tokens)), None) is not None


@cache
def _suspect_words() -> PhraseTable[str]:
    return PhraseTable([(row["phrase"], row["phrase"]) for row in read_table("suspects.tsv")])


def _suspects(tokens: list[Token], norms: Set[str]) -> bool:
    """Whether a sentence names someone as a suspect or a guess ("the prime suspect", "no group claimed")."""
    table = _suspect_words()
    return not table.first_words.isdisjoint(norms) and next(iter(table.find_all(tokens)), None) is not None


def _speaks(tokens: list[Token], start: int, end: int, language: str = "en") -> bool:
    """An actor named as the source of a statement ("…, police said", "according to the army") is a claimant,
    not a party to the event."""
    after = bisect_left(tokens, end, key=_token_start)  # the first token after the actor
    if language == "ur":
        return _speaks_urdu(tokens, after)
    reporting = attribution_reader().reporting
    if after < len(tokens) and tokens[after].norm in reporting.first_words:
        match = reporting.match_at(tokens, after)
        if match and match.payload.form == "verb":
            return True
    before = bisect_right(tokens, start, key=_token_end)  # the tokens before the actor
    return before >= 2 and tokens[before - 2].norm == "according" and tokens[before - 1].norm == "to"


# The genitive case markers: "بی ایل اے کے ترجمان" (the BLA's spokesman), "پولیس کا بیان" (the police's statement).
_GENITIVE = frozenset({"کے", "کی", "کا"})


@cache
def _urdu_voice() -> tuple[PhraseTable[str], frozenset[str]]:
    """The Urdu reporting phrases (``ur/reporting.tsv``), which follow who speaks ("پولیس کے مطابق", "… نے
    کہا"), and the claimant words that speak for whoever is named before them ("ترجمان" a spokesman, "بیان" a
    statement: kind "previous" in ``ur/claimants.tsv``)."""
    phrases = PhraseTable([(row["phrase"], row["phrase"]) for row in read_table("ur/reporting.tsv")])
    words = frozenset(row["phrase"] for row in read_table("ur/claimants.tsv") if row["kind"] == "previous")
    return phrases, words


def _speaks_urdu(tokens: list[Token], after: int) -> bool:
    """Urdu names the speaker first: an actor followed by a reporting phrase ("پولیس کے مطابق", "فوج نے
    تصدیق کی"), or by its spokesman or statement ("بی ایل اے کے ترجمان نے کہا"), is the voice of the report."""
    if after >= len(tokens):
        return False
    phrases, speakers = _urdu_voice()
    if phrases.match_at(tokens, after) is not None:
        return True
    return after + 1 < len(tokens) and tokens[after].norm in _GENITIVE and tokens[after + 1].norm in speakers


# Token fields by position, for map and bisect. Tokens are in text order: their starts and ends are sorted.
token_norm, _token_start, _token_end = itemgetter(1), itemgetter(2), itemgetter(3)
