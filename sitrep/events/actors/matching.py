"""Text → actor mentions: the dictionary of canonical actors and the one automaton pass that finds their aliases in
a case-folded copy of the text (DESIGN §3)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick

from sitrep.events.actors.records import (
    NONSTATE_ARMED,
    Actor,
    ActorMention,
    ActorRecord,
)
from sitrep.nlp.lexicon import (
    lower_keeping_offsets,
    spaces_for,
)
from sitrep.nlp.urdu.writing import within_words

# ---------------------------------------------------------------------------------------------------------------
# Matching

# Folding keeps the text's length: lower case, hyphens/apostrophes/whitespace to a space. Other punctuation
# stays, so a phrase never runs across a comma or full stop. Runs of spaces are squeezed separately.
_FOLDED_TO_SPACE = "-‐‑‒–—−'’‘`´ʼ\t\n\r\f\v\u00a0\u2002\u2003\u2009\u200a\u202f\u3000"
_WORD_RE = re.compile(r"[^\W_]+")
LETTERS_RE = re.compile(r"[^\W\d_]+")  # a word as ``has_any_word`` reads it
# A capitalised word right before a generic alias written with a capital ("Free Balochistan Army") makes the
# alias part of a name we do not know; these words do not ("The Army said").
_OPENERS = frozenset("The A An Its Their His Her Our This That These Those".split())
_PREVIOUS_WORD_RE = re.compile(r"([^\W\d_][\w.]*) +$")


def acled_key(name: str) -> str:
    """An ACLED actor name as compared: lower case, spaces squeezed."""
    return " ".join(name.lower().split())


def _fold_text(text: str) -> str:
    return spaces_for(lower_keeping_offsets(text), _FOLDED_TO_SPACE)


def fold_alias(alias: str) -> str:
    return " ".join(_fold_text(alias).split())


def _is_acronym(word: str) -> bool:
    """Written with two or more capitals ("IS", "LeT", "BRaS"): an acronym, matched only in capitals."""
    return sum(char.isupper() for char in word) >= 2


def _written_as_acronym(word: str) -> bool:
    """Two or more capitals, or a long acronym in title case ("Isis", as some outlets write it)."""
    capitals = sum(char.isupper() for char in word)
    return capitals >= 2 or (capitals == 1 and len(word) >= 4 and word[0].isupper())


@dataclass(frozen=True, slots=True)
class _Alias:
    actor: Actor
    acronyms: tuple[int, ...]  # positions of the words that must be written as acronyms
    generic: bool  # the actor's, copied here to save a look-up per hit


class ActorDictionary:
    """Canonical actors and the automaton that finds their aliases. Build once; read-only and shareable."""

    def __init__(self, records: Iterable[ActorRecord]) -> None:
        self._actors: dict[str, Actor] = {}
        self._acled: dict[str, str] = {}
        # As written in the files (case kept): other stages read names with their own matchers.
        self._specific: dict[str, tuple[str, ...]] = {}
        alias_of: dict[tuple[str, tuple[int, ...]], _Alias] = {}
        for record in records:
            base = Actor(record.name, record.kind, record.inter, record.country, record.parent, False)
            self._actors[record.name] = base
            self._specific[record.name] = tuple(record.aliases[False])
            for acled_name in record.acled_names:
                self._acled[acled_key(acled_name)] = record.name
            aliases: list[tuple[str, bool]] = [(alias, False) for alias in record.aliases[False]]
            aliases += [(alias, True) for alias in record.aliases[True]]
            if ":" not in record.name and "(" not in record.name:
                aliases.append((record.name, False))
            for alias, generic in aliases:
                words = _WORD_RE.findall(alias)
                acronyms = tuple(i for i, word in enumerate(words) if _is_acronym(word))
                actor = Actor(record.name, record.kind, record.inter, record.country, record.parent, generic)
                # Later definitions of the same words win; "IS" and a lower-case "is" would be two entries.
                alias_of[(fold_alias(alias), acronyms)] = _Alias(actor, acronyms, generic)
        by_key: dict[str, list[_Alias]] = {}
        for (key, _), entry in alias_of.items():
            by_key.setdefault(key, []).append(entry)
        self._entries: list[tuple[_Alias, ...]] = []
        self._key_length: list[int] = []
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for key, entries in by_key.items():
            entries.sort(key=lambda entry: -len(entry.acronyms))  # the stricter reading first
            self._automaton.add_word(key, len(self._entries))
            self._entries.append(tuple(entries))
            self._key_length.append(len(key))
        self._automaton.make_automaton()
        self._has_generic = any(entry.actor.generic for entries in self._entries for entry in entries)

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    @property
    def alias_count(self) -> int:
        """How many distinct alias spellings (after folding) the automaton knows."""
        return len(self._entries)

    def get(self, name: str) -> Actor | None:
        return self._actors.get(name)

    def specific_aliases(self, name: str) -> tuple[str, ...]:
        """The aliases that name the actor outright (not its common nouns), as the files write them, the
        shipped file's first; empty for an unknown name."""
        return self._specific.get(name, ())

    def from_acled(self, acled_name: str) -> str | None:
        """The canonical name an ACLED spelling listed in ``acled_names`` stands for."""
        return self._acled.get(acled_key(acled_name))

    def find(self, text: str) -> list[ActorMention]:
        """Actors named in ``text``, left to right, the longest alias at each place, without overlaps."""
        folded, shifts = _squeeze(_fold_text(text))
        length = len(folded)
        key_length, entries = self._key_length, self._entries
        hits: list[tuple[int, int, int]] = []
        for last, index in self._automaton.iter(folded):
            start = last - key_length[index] + 1
            # Whole words only: "bla" must not fire inside "blast". Urdu writes some words against a name
            # ("اورپولیس", "لیویزکے"): its rule decides (never true of a Latin-script hit).
            if (
                (start and folded[start - 1].isalnum()) or (last + 1 < length and folded[last + 1].isalnum())
            ) and not within_words(folded, start, last + 1):
                continue
            hits.append((start, -last, index))
        if not hits:
            return []
        hits.sort()  # by start, the longest first
        chosen: list[ActorMention] = []
        reached = shift_at = shift = 0
        for start, minus_last, index in hits:
            if start < reached:
                continue
            begin, end = start, 1 - minus_last
            if shifts:  # back to offsets in the text; hits come in order, so the shifts are walked once
                while shift_at < len(shifts) and shifts[shift_at][0] < start:
                    shift = shifts[shift_at][1]
                    shift_at += 1
                end = _unsqueeze(end - 1, shifts) + 1
                begin = start + shift
            # The checks run only where a hit would be taken; a failed one leaves the place to a shorter hit.
            for entry in entries[index]:
                if (not entry.acronyms or _acronyms_kept(entry, text, begin, end)) and (
                    not entry.generic or not text[begin].isupper() or not _inside_name(text, begin)
                ):
                    chosen.append(ActorMention(entry.actor, begin, end, text[begin:end]))
                    reached = start + key_length[index]
                    break
        return _absorb_generic(chosen, text) if self._has_generic else chosen


def _acronyms_kept(entry: _Alias, text: str, begin: int, end: int) -> bool:
    words = _WORD_RE.findall(text, begin, end)
    return all(i < len(words) and _written_as_acronym(words[i]) for i in entry.acronyms)


def _inside_name(text: str, begin: int) -> bool:
    """A capitalised word just before ("Free Balochistan Army") makes a generic alias part of a longer name."""
    previous = _PREVIOUS_WORD_RE.search(text, max(0, begin - 40), begin)
    return bool(previous and previous.group(1)[0].isupper() and previous.group(1) not in _OPENERS)


def _squeeze(folded: str) -> tuple[str, list[tuple[int, int]]]:
    """Runs of spaces squeezed to one ("Baloch\\n\\nLiberation"); returns the text and the shifts to undo it."""
    run = folded.find("  ")
    if run < 0:
        return folded, []
    # str.find, not a regex: a text has a few runs and hundreds of single spaces a regex would stop at.
    pieces: list[str] = []
    shifts: list[tuple[int, int]] = []  # (position in the squeezed text after which, total removed so far)
    kept = removed = 0
    while run >= 0:
        end = run + 2
        while end < len(folded) and folded[end] == " ":
            end += 1
        pieces.append(folded[kept : run + 1])
        shifts.append((run - removed, removed + end - run - 1))
        removed += end - run - 1
        kept = end
        run = folded.find("  ", end)
    pieces.append(folded[kept:])
    return "".join(pieces), shifts


def _unsqueeze(position: int, shifts: list[tuple[int, int]]) -> int:
    if not shifts:
        return position
    at = bisect.bisect_left(shifts, (position, -1)) - 1
    return position + (shifts[at][1] if at >= 0 else 0)


# A generic alias joined to a named one is the same actor: "BLA militants", "FC's personnel",
# "militants of the BLF", "soldiers from the Frontier Corps".
_AFTER_NAME_RE = re.compile(r"(?:['’]s?)? +")
_BEFORE_NAME_RE = re.compile(
    r" +(?:of|from|belonging to|affiliated with|linked to|loyal to|with) +(?:the +)?", re.IGNORECASE
)


def _compatible(generic: Actor, named: Actor) -> bool:
    if generic.kind == "unidentified":
        return named.kind in NONSTATE_ARMED
    return generic.kind == named.kind and generic.country == named.country


def _absorb_generic(mentions: list[ActorMention], text: str) -> list[ActorMention]:
    merged: list[ActorMention] = []
    previous: ActorMention | None = None
    for mention in mentions:
        if previous is not None and previous.actor.generic != mention.actor.generic:
            generic, named = (mention, previous) if mention.actor.generic else (previous, mention)
            joiner = _AFTER_NAME_RE if generic is mention else _BEFORE_NAME_RE
            joined = joiner.fullmatch(text, previous.end, mention.start)
            if joined and _compatible(generic.actor, named.actor):
                span = text[previous.start : mention.end]
                previous = merged[-1] = ActorMention(named.actor, previous.start, mention.end, span)
                continue
        merged.append(mention)
        previous = mention
    return merged
