"""Who takes part in an event: the actor dictionary, finding actors in text, and claims of responsibility.

The dictionary is data (``sitrep/data/actors.tsv``, its header documents the columns); users add or override
actors with files in the same format, in the ``SITREP_DATA`` overlay folder (``sitrep.data``), named by
``SITREP_ACTORS`` (``os.pathsep``-separated) or passed to ``load_actors(extra=...)``, without touching code.

Finding actors is one pass of a pyahocorasick automaton over a case-folded copy of the text (DESIGN §3). The
lexicon's ``tokenize`` + ``PhraseTable`` would be simpler, but tokenising alone costs ~0.4 ms per 300 words on
these machines, twice the budget of this step; the responsibility cues, read once per article and only when a
cue word occurs, do use them.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterable, Iterator, Sequence, Set
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import ahocorasick

from sitrep.data import TABLES, Row, read_file, read_table
from sitrep.nlp.lexicon import (
    PhraseTable,
    Token,
    has_any_word,
    lower_keeping_offsets,
    spaces_for,
    tokenize,
)

KIND_INTER: dict[str, int] = {
    "state_forces": 1,
    "rebel_group": 2,
    "political_militia": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external": 8,
    # ACLED's codebook files unidentified armed groups under political militias.
    "unidentified": 3,
}
_GENERIC = {"yes": True, "true": True, "no": False, "false": False, "": False}
NONSTATE_ARMED = frozenset({"rebel_group", "political_militia", "identity_militia"})
# The kinds of the sides that are not a state: armed groups, and the unidentified one a report leaves unnamed.
NON_STATE_KINDS = NONSTATE_ARMED | {"unidentified"}
ENV_VAR = "SITREP_ACTORS"
TABLE = "actors.tsv"


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor under its canonical name. ``generic`` is True when it was reached through a context-dependent
    alias ("soldiers", "gunmen"); ``ActorDictionary.get`` returns the entry itself, with ``generic`` False."""

    name: str
    kind: str
    inter: int
    country: str | None
    parent: str | None
    generic: bool = False

    @property
    def branch(self) -> str | None:
        """The branch part of a branch's name ("Frontier Corps" of "Police Forces of Pakistan Frontier Corps")."""
        if self.parent and self.name.startswith(self.parent + " "):
            return self.name[len(self.parent) + 1 :]
        return None


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a text; ``start``/``end`` are character offsets, ``text`` the words as written."""

    actor: Actor
    start: int
    end: int
    text: str


# ---------------------------------------------------------------------------------------------------------------
# Reading the TSV files


@dataclass
class _Record:
    """One actor's merged attributes; ``where`` is the file and line that defined it, for error messages."""

    name: str
    kind: str
    inter: int
    country: str | None
    parent: str | None
    where: str
    acled_names: list[str] = field(default_factory=list)
    aliases: dict[bool, list[str]] = field(default_factory=lambda: {False: [], True: []})


def _split_list(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _merge(records: dict[str, _Record], where: str, row: dict[str, str]) -> None:
    """Fold one row into ``records``: given attributes replace earlier ones, aliases add up (later files win)."""
    name = row.get("name", "")
    if not name:
        raise ValueError(f"{where}: empty name")
    kind = row.get("kind", "")
    if kind and kind not in KIND_INTER:
        raise ValueError(f"{where}: kind {kind!r} is not one of {', '.join(KIND_INTER)}")
    inter_text = row.get("inter", "")
    if inter_text and not (inter_text.isdigit() and 1 <= int(inter_text) <= 8):
        raise ValueError(f"{where}: inter {inter_text!r} is not an ACLED inter code 1-8")
    country = row.get("country", "")
    if country and not (len(country) == 2 and country.isalpha() and country.isupper()):
        raise ValueError(f"{where}: country {country!r} is not an ISO 3166 alpha-2 code such as PK")
    generic_text = row.get("generic", "").lower()
    if generic_text not in _GENERIC:
        raise ValueError(f"{where}: generic {row['generic']!r} is not yes or no")
    record = records.get(name)
    if record is None:
        if not kind:
            raise ValueError(f"{where}: new actor {name!r} needs a kind")
        record = _Record(name, kind, 0, None, None, where)
        records[name] = record
    if kind:
        record.kind = kind
        record.inter = KIND_INTER[kind]
    if inter_text:
        record.inter = int(inter_text)
    if country:
        record.country = country
    if row.get("parent"):
        record.parent = row["parent"]
        record.where = where  # the parent is checked once all files are read
    record.acled_names.extend(_split_list(row.get("acled_names", "")))
    for alias in _split_list(row.get("aliases", "")):
        if not _fold_alias(alias):
            raise ValueError(f"{where}: alias {alias!r} has no letters or digits")
        record.aliases[_GENERIC[generic_text]].append(alias)


# ---------------------------------------------------------------------------------------------------------------
# Matching

# Folding keeps the text's length: lower case, hyphens/apostrophes/whitespace to a space. Other punctuation
# stays, so a phrase never runs across a comma or full stop. Runs of spaces are squeezed separately.
_FOLDED_TO_SPACE = "-‐‑‒–—−'’‘`´ʼ\t\n\r\f\v\u00a0\u2002\u2003\u2009\u200a\u202f\u3000"
_WORD_RE = re.compile(r"[^\W_]+")
_LETTERS_RE = re.compile(r"[^\W\d_]+")  # a word as ``has_any_word`` reads it
# A capitalised word right before a generic alias written with a capital ("Free Balochistan Army") makes the
# alias part of a name we do not know; these words do not ("The Army said").
_OPENERS = frozenset("The A An Its Their His Her Our This That These Those".split())
_PREVIOUS_WORD_RE = re.compile(r"([^\W\d_][\w.]*) +$")


def _fold_text(text: str) -> str:
    return spaces_for(lower_keeping_offsets(text), _FOLDED_TO_SPACE)


def _fold_alias(alias: str) -> str:
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

    def __init__(self, records: Iterable[_Record]) -> None:
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
                self._acled[_acled_key(acled_name)] = record.name
            aliases: list[tuple[str, bool]] = [(alias, False) for alias in record.aliases[False]]
            aliases += [(alias, True) for alias in record.aliases[True]]
            if ":" not in record.name and "(" not in record.name:
                aliases.append((record.name, False))
            for alias, generic in aliases:
                words = _WORD_RE.findall(alias)
                acronyms = tuple(i for i, word in enumerate(words) if _is_acronym(word))
                actor = Actor(record.name, record.kind, record.inter, record.country, record.parent, generic)
                # Later definitions of the same words win; "IS" and a lower-case "is" would be two entries.
                alias_of[(_fold_alias(alias), acronyms)] = _Alias(actor, acronyms, generic)
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
        return self._acled.get(_acled_key(acled_name))

    def find(self, text: str) -> list[ActorMention]:
        """Actors named in ``text``, left to right, the longest alias at each place, without overlaps."""
        folded, shifts = _squeeze(_fold_text(text))
        length = len(folded)
        key_length, entries = self._key_length, self._entries
        hits: list[tuple[int, int, int]] = []
        for last, index in self._automaton.iter(folded):
            start = last - key_length[index] + 1
            # Whole words only: "bla" must not fire inside "blast".
            if (start and folded[start - 1].isalnum()) or (last + 1 < length and folded[last + 1].isalnum()):
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


# ---------------------------------------------------------------------------------------------------------------
# Loading


def _build(sources: list[list[Row]]) -> ActorDictionary:
    records: dict[str, _Record] = {}
    for rows in sources:
        for row in rows:
            _merge(records, row.where, row)
    for record in records.values():
        if record.parent and record.parent not in records:
            raise ValueError(f"{record.where}: parent {record.parent!r} is not an actor name")
    return ActorDictionary(records.values())


@cache
def _default_dictionary() -> ActorDictionary:
    return _build([read_table(TABLE)])


@lru_cache(maxsize=8)
def _dictionary_with(files: tuple[tuple[str, int, int], ...]) -> ActorDictionary:
    # Keyed by path, modification time and size, so an edited user file is read again.
    return _build([read_table(TABLE)] + [read_file(Path(path), TABLES[TABLE]) for path, _, _ in files])


def load_actors(extra: Path | str | None = None) -> ActorDictionary:
    """The actor dictionary: the shipped one, plus the files named by ``SITREP_ACTORS`` and then ``extra``.

    Later files win: a row for a known name replaces the attributes it gives and adds its aliases; an alias
    defined again points at the later actor. A malformed file raises ValueError naming its file and line.
    """
    paths = [part for part in os.environ.get(ENV_VAR, "").split(os.pathsep) if part.strip()]
    if extra is not None:
        paths.append(str(extra))
    if not paths:
        return _default_dictionary()
    keys = []
    for path in paths:
        try:
            status = Path(path).stat()
        except OSError as error:
            raise ValueError(f"{path}: cannot read actor file: {error.strerror}") from None
        keys.append((path, status.st_mtime_ns, status.st_size))
    return _dictionary_with(tuple(keys))


# ---------------------------------------------------------------------------------------------------------------
# Comparing with ACLED

_PERIOD_RE = re.compile(r"\s*\(\s*(?:\d{4})?\s*-\s*(?:\d{4})?\s*\)")
_ACRONYM_PREFIX_RE = re.compile(r"^[^\s:]+:\s*")


def _acled_key(name: str) -> str:
    return " ".join(name.lower().split())


def _split_force(name: str, actors: ActorDictionary) -> tuple[str, str | None]:
    """(force, branch) of an actor string, periods removed: "Police Forces of Pakistan (2022-) Frontier Corps"
    gives ("police forces of pakistan", "frontier corps"); a name without a branch gives (name, None)."""
    period = _PERIOD_RE.search(name)
    if period and name[period.end() :].strip():
        return _acled_key(name[: period.start()]), _acled_key(name[period.end() :])
    plain = _PERIOD_RE.sub("", name)
    canonical = actors.from_acled(plain) or plain
    actor = actors.get(canonical)
    if actor and actor.parent and actor.branch:
        return _acled_key(actor.parent), _acled_key(actor.branch)
    return _acled_key(canonical), None


def acled_actor_matches(predicted: str | None, gold: str, actors: ActorDictionary | None = None) -> bool:
    """Whether a canonical actor name agrees with an ACLED actor string.

    ACLED's period suffixes ("(2018-2022)", "(2022-)") are ignored. A branch in the gold string may be left out:
    gold "Police Forces of Pakistan (2022-) Frontier Corps" matches "Police Forces of Pakistan" and the Frontier
    Corps branch, not the Levies; but where ACLED names no branch, predicting one is a different actor (ACLED
    names the branch whenever its source does). Spellings listed in ``acled_names`` count as the actor's own;
    the acronym before ACLED's colon is not needed. An empty gold actor (ACLED's "only" events) matches None.
    """
    if not gold.strip():
        return not predicted
    if not predicted:
        return False
    actors = actors or load_actors()
    force_p, branch_p = _split_force(predicted, actors)
    force_g, branch_g = _split_force(gold, actors)
    if _ACRONYM_PREFIX_RE.sub("", force_p) != _ACRONYM_PREFIX_RE.sub("", force_g):
        return False
    return branch_p is None or branch_p == branch_g


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
    """``responsibility.tsv``, read once for the three tables built from it (read-only)."""
    return read_table("responsibility.tsv")


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
    return frozenset(word for word in responsibility_cue_words() if _LETTERS_RE.fullmatch(word))


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
            if index > 0 and _in_apposition(mentions[index - 1], mention, cue_start, sentence_start, text, role):
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
