"""Sentences → who claims or denies an attack: the cue phrases of ``data/responsibility.tsv`` (and of its Urdu
sibling, ``data/ur/responsibility.tsv``: one table, as the words of one language never match another's) and the
actor each names."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence, Set
from dataclasses import dataclass
from functools import cache

from sitrep.data import read_table
from sitrep.events.actors.matching import LETTERS_RE, ActorDictionary
from sitrep.events.actors.records import (
    NONSTATE_ARMED,
    Actor,
    ActorMention,
)
from sitrep.nlp.lexicon import (
    PhraseTable,
    Token,
    has_any_word,
    tokenize,
)

# ---------------------------------------------------------------------------------------------------------------
# Responsibility

_NEGATION_WINDOW = 5  # words before a cue in which "no", "not"... void it
_AFTER_WINDOW = 40  # characters between an "after" cue ("claimed by") and its actor
_SENTENCE_STOPS = frozenset({".", "!", "?", ";"})
_COORDINATION_RE = re.compile(r"\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?", re.IGNORECASE)
# "The BRAS, an alliance of Baloch groups, claimed …": the words between commas after a group describe it; a
# group they name is not the one claiming. Group 1 opens the aside, group 2 closes it before the cue.
_APPOSITION_OPEN_RE = re.compile(r"\s*,\s+(?:an?|the|one|which|that)\b[^,.;:()]*", re.IGNORECASE)
_APPOSITION_CLOSE_RE = re.compile(r"[^,.;:()]*,\s*(?:\w+\s+){0,2}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Cue:
    role: str  # claim | deny | negation | anaphor
    side: str  # before | after | either | ""


@cache
def _responsibility_rows() -> list[dict[str, str]]:
    """``responsibility.tsv`` and its Urdu rows, read once for the three tables built from them (read-only)."""
    return read_table("responsibility.tsv") + read_table("ur/responsibility.tsv")


@cache
def _claim_and_deny_tokens() -> list[list[Token]]:
    """The tokens of each claim or deny phrase, in file order, tokenised once for the two tables that read them."""
    return [tokenize(row["phrase"]) for row in _responsibility_rows() if row["role"] in ("claim", "deny")]


@cache
def _cue_table() -> PhraseTable[_Cue]:
    return PhraseTable([(row["phrase"], _Cue(row["role"], row["side"])) for row in _responsibility_rows()])


@cache
def responsibility_cue_words() -> frozenset[str]:
    # The telling words of each claim or deny phrase (not "attack" or "said", which most reports have): a text
    # with none of them holds no cue, and the costlier reading is skipped.
    words = set()
    for tokens in _claim_and_deny_tokens():
        phrase = [token.norm for token in tokens if token.is_word]
        telling = [word for word in phrase if word not in _COMMON_CUE_WORDS] or phrase
        words.update(telling)
    return frozenset(words)


@cache
def _claim_phrases_by_word() -> tuple[frozenset[str], dict[str, list[frozenset[str]]]]:
    """The words of each claim or deny phrase, filed under its longest telling word (the least common, as a
    rule: "role", not "said", for "said it had no role"); and the words they are filed under."""
    by_word: dict[str, list[frozenset[str]]] = {}
    for tokens in _claim_and_deny_tokens():
        norms = [token.norm for token in tokens]
        if norms:  # the phrase table leaves out a phrase without tokens
            telling = [norm for norm in norms if norm not in _COMMON_CUE_WORDS] or norms
            by_word.setdefault(max(telling, key=len), []).append(frozenset(norms))
    return frozenset(by_word), by_word


@cache
def claim_phrase_words() -> frozenset[str]:
    """Every word of the claim and deny phrases."""
    return frozenset(
        word for phrases in _claim_phrases_by_word()[1].values() for phrase in phrases for word in phrase
    )


def may_state_responsibility(norms: Set[str]) -> bool:
    """Whether a text whose tokens have these norms can hold a claim or deny phrase: one needs all its words."""
    keys, by_word = _claim_phrases_by_word()
    if keys.isdisjoint(norms):  # the common case, without building a set
        return False
    return any(phrase <= norms for word in keys & norms for phrase in by_word[word])


@cache
def _cue_runs() -> frozenset[str]:
    # The cue words that are a single run of letters: only these can be words ``has_any_word`` finds.
    return frozenset(word for word in responsibility_cue_words() if LETTERS_RE.fullmatch(word))


def has_cue_word(text: str, norms: Set[str]) -> bool:
    """``has_any_word(text, responsibility_cue_words())`` for a text whose lower case keeps its length, given the
    norms of its tokens (then its lower-cased words): a norm among the cue words settles it without reading the
    text again; only texts without one are read."""
    return not _cue_runs().isdisjoint(norms) or has_any_word(text, responsibility_cue_words())


_COMMON_CUE_WORDS = frozenset(
    "the a an it its their they was were is be been being had have has said to of by out up that with do no "
    "not any attack attacks bombing blast explosion killing killings assault ambush abduction kidnapping "
    "carried took takes behind".split()
)


def _eligible(actor: Actor, role: str) -> bool:
    """Who can claim an attack: a named non-state armed group. Who can deny one: also a state's forces."""
    if actor.kind in NONSTATE_ARMED:
        return not actor.generic
    return role == "deny" and actor.kind == "state_forces"


def responsibility(
    text: str, actors: ActorDictionary, pieces: Sequence[tuple[int, list[Token]]] | None = None
) -> tuple[list[str], list[str]]:
    """(claimed_by, denied_by): canonical names of the actors the text says claim or deny the attack.

    "X claimed responsibility", "responsibility was claimed by X", "X, which claimed the attack as …",
    "the group denied involvement" (the last armed group named); "no group has claimed responsibility" gives
    nothing. The cue phrases are data: ``sitrep/data/responsibility.tsv``.

    A caller that has tokenised the text already passes ``pieces``: (offset in ``text``, the tokens ``tokenize``
    gives for the piece starting there), in order, together the tokens of the whole text.
    """
    if not has_any_word(text, responsibility_cue_words()):
        return [], []
    tokens: list[Token] = []
    offsets: list[int] = []  # per token, what places its piece-relative offsets in the text
    for offset, piece in pieces if pieces is not None else [(0, tokenize(text))]:
        tokens += piece
        offsets += [offset] * len(piece)
    mentions = actors.find(text)
    mention_starts = [mention.start for mention in mentions]
    stops = [token.start + offsets[i] for i, token in enumerate(tokens) if token.text in _SENTENCE_STOPS]
    matches = list(_cue_table().find_all(tokens))
    anaphors = [
        (tokens[m.start].start + offsets[m.start], tokens[m.end - 1].end + offsets[m.end - 1])
        for m in matches
        if m.payload.role == "anaphor"
    ]
    negations = {m.start for m in matches if m.payload.role == "negation"}
    found: dict[str, list[str]] = {"claim": [], "deny": []}
    for match in matches:
        cue = match.payload
        if cue.role not in found:
            continue
        begin = tokens[match.start].start + offsets[match.start]
        end = tokens[match.end - 1].end + offsets[match.end - 1]
        at = bisect.bisect_left(stops, begin)
        sentence_start = stops[at - 1] + 1 if at else 0
        sentence_end = stops[at] if at < len(stops) else len(text)
        window = range(max(0, match.start - _NEGATION_WINDOW), match.start)
        if any(i in negations and tokens[i].start + offsets[i] >= sentence_start for i in window):
            continue
        names: list[str] = []
        if cue.side in ("before", "either"):
            names = _actor_before(cue.role, begin, sentence_start, mentions, mention_starts, anaphors, text)
        if not names and cue.side in ("after", "either"):
            names = _actor_after(cue.role, end, sentence_end, mentions, mention_starts, text)
        for name in names:
            if name not in found[cue.role]:
                found[cue.role].append(name)
    return found["claim"], found["deny"]


def _actor_before(
    role: str,
    cue_start: int,
    sentence_start: int,
    mentions: list[ActorMention],
    mention_starts: list[int],
    anaphors: list[tuple[int, int]],
    text: str,
) -> list[str]:
    """The nearest eligible actor before the cue in its sentence, with those joined to it by "and" or commas;
    an anaphor ("the group", "it") nearer than any named actor stands for the last armed group named."""
    index = bisect.bisect_left(mention_starts, cue_start) - 1
    while index >= 0 and mentions[index].end > cue_start:
        index -= 1
    nearest_anaphor = max((a for a in anaphors if sentence_start <= a[0] and a[1] <= cue_start), default=None)
    while index >= 0 and mentions[index].start >= sentence_start:
        mention = mentions[index]
        if nearest_anaphor and nearest_anaphor[0] >= mention.end:
            break  # the anaphor is nearer
        if _eligible(mention.actor, role):
            if index > 0 and _in_apposition(
                mentions[index - 1], mention, cue_start, sentence_start, text, role
            ):
                index -= 1
                mention = mentions[index]
            names = [mention.actor.name]
            while index > 0:
                previous = mentions[index - 1]
                if not (
                    _COORDINATION_RE.fullmatch(text, previous.end, mention.start)
                    and _eligible(previous.actor, role)
                ):
                    break
                names.append(previous.actor.name)
                index, mention = index - 1, previous
            return names[::-1]
        index -= 1
    if nearest_anaphor:
        for mention in reversed(mentions[: bisect.bisect_left(mention_starts, nearest_anaphor[0])]):
            if mention.actor.kind in NONSTATE_ARMED and not mention.actor.generic:
                return [mention.actor.name] if _eligible(mention.actor, role) else []
    return []


def _in_apposition(
    head: ActorMention, inner: ActorMention, cue_start: int, sentence_start: int, text: str, role: str
) -> bool:
    """Whether ``inner`` is named in an aside that describes ``head`` ("X, an alliance of Y groups, claimed")."""
    return (
        head.start >= sentence_start
        and head.actor.name != inner.actor.name
        and _eligible(head.actor, role)
        and _APPOSITION_OPEN_RE.fullmatch(text, head.end, inner.start) is not None
        and _APPOSITION_CLOSE_RE.fullmatch(text, inner.end, cue_start) is not None
    )


def _actor_after(
    role: str,
    cue_end: int,
    sentence_end: int,
    mentions: list[ActorMention],
    mention_starts: list[int],
    text: str,
) -> list[str]:
    """The first eligible actor shortly after the cue in its sentence, with those joined to it."""
    index = bisect.bisect_left(mention_starts, cue_end)
    while index < len(mentions) and mentions[index].start - cue_end <= _AFTER_WINDOW:
        mention = mentions[index]
        if mention.end > sentence_end:
            break
        if _eligible(mention.actor, role):
            names = [mention.actor.name]
            while index + 1 < len(mentions):
                following = mentions[index + 1]
                if not (
                    following.end <= sentence_end
                    and _COORDINATION_RE.fullmatch(text, mention.end, following.start)
                    and _eligible(following.actor, role)
                ):
                    break
                names.append(following.actor.name)
                index, mention = index + 1, following
            return names
        index += 1
    return []
