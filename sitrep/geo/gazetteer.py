"""The offline place index shipped in ``sitrep/data/geo/`` and the automaton that finds its names in text.

Files (built by ``scripts/build_gazetteer.py``):
  * ``places.tsv.gz``   one row per place: id, name, kind, unit, lat, lon, population, coord_source. Rows are
                        parsed only when a name points at them.
  * ``units.tsv.gz``    the (country_code, admin1, admin2) triples that ``unit`` indexes.
  * ``names.txt.gz``    one folded name (automaton key) per line.
  * ``postings.txt.gz`` aligned with names: ``[c|w];<row><type>,...`` -- ``c`` marks a name that is also a
                        common word or personal name, ``w`` a less common word; type p primary, v variant,
                        s unit suffix dropped, a alternate, d demonym. ``P;`` marks a publication name.
  * ``fuzzy_aliases.tsv.gz`` country, name: the small per-country tables fuzzy matching may use.

Matching is one pass of a pyahocorasick automaton over the folded words of the text joined by single spaces.
Keys are stored with a space on each side and the text is padded likewise, so the automaton can only report
names that start and end on word boundaries ("Kech" never fires inside "Kechi").
"""

from __future__ import annotations

import array
import gc
import gzip
import itertools
import re
import sys
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import ahocorasick

from sitrep.geo.normalize import TOKEN_RE, fold, name_key

NAME_TYPES = "pvsad"


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    """One row of the index."""

    row: int
    id: str
    name: str
    kind: str
    country_code: str
    admin1: str
    admin2: str
    lat: float | None
    lon: float | None
    population: int
    coord_source: str


@dataclass(frozen=True, slots=True)
class NameEntry:
    """What one indexed name points at."""

    common: bool  # also a common English word or personal name: needs a cue to count as a place
    wordlike: bool  # a less common English word: needs a cue where capital letters prove nothing
    publication: bool
    targets: tuple[tuple[int, str], ...]  # (place row, name type)
    name_types: frozenset[str]  # the types among targets, for tests that need not walk hundreds of targets


class NameMatch(NamedTuple):
    """An indexed name found in the text; offsets are in the original text, first and last token indices.

    A named tuple: a text makes dozens, and a tuple is made several times faster than a frozen dataclass."""

    start: int
    end: int
    first: int  # index of the first token
    last: int
    key: int


@dataclass(slots=True)
class Tokens:
    """The words of a text: their folded forms and where each starts and ends in the original text."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    haystack: str = ""  # the words joined by single spaces, one space on each side (set by find_names)

    @property
    def spans(self) -> list[tuple[int, int]]:
        return list(zip(self.starts, self.ends, strict=True))


_WORD_SPLIT = re.compile(f"({TOKEN_RE.pattern})")
# ASCII_TOKEN_RE's words as bytes.translate tables: one keeps the word bytes and blanks the rest, the other
# blanks the word bytes and marks every other byte, so that bytes.split() yields the words, or the gaps.
_ASCII_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789")
_KEEP_WORDS = bytes(i if i in _ASCII_WORD_BYTES else 32 for i in range(256))
_KEEP_GAPS = bytes(32 if i in _ASCII_WORD_BYTES else 120 for i in range(256))


def tokenize(text: str) -> Tokens:
    folded = fold(text)
    if folded.isascii():
        # Two C-level byte translations and splits give the words and the gaps between them; the running sum
        # of their lengths, interleaved, gives every offset, with no Python code per token.
        raw = folded.encode("ascii")
        words = raw.translate(_KEEP_WORDS).decode("ascii").split()
        if not words:
            return Tokens([], [], [])
        gaps = list(map(len, raw.translate(_KEEP_GAPS).split()))
        if raw[0] in _ASCII_WORD_BYTES:
            gaps.insert(0, 0)  # no gap before the first word
        lengths = [0] * (2 * len(words))
        lengths[0::2] = gaps[: len(words)]
        lengths[1::2] = map(len, words)
        offsets = list(itertools.accumulate(lengths, initial=0))
        return Tokens(words, offsets[1::2], offsets[2::2])
    # One C-level split gives separators and words alternately; the running sum of their lengths gives every
    # offset, with no Python code per token.
    parts = _WORD_SPLIT.split(folded)
    offsets = list(itertools.accumulate(map(len, parts), initial=0))
    # Word i is part 2i + 1: it starts where part 2i + 1 starts and ends where part 2i + 2 starts.
    return Tokens(parts[1::2], offsets[1:-1:2], offsets[2::2])


def _float_or_none(value: str) -> float | None:
    return float(value) if value else None


class Gazetteer:
    """The place index in memory. Load once (``get_gazetteer()``) and share: it is read-only after load."""

    def __init__(self, data_dir: Path | None = None) -> None:
        # Half a million new strings would trigger many useless cyclic-GC passes; none of them are cycles.
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            self._load(data_dir)
        finally:
            if gc_was_enabled:
                gc.enable()

    def _load(self, data_dir: Path | None) -> None:
        base = Path(data_dir) if data_dir else Path(str(resources.files("sitrep") / "data" / "geo"))
        # zlib releases the GIL: the 20 MB of place rows inflate in a thread while the automaton is built.
        inflated: dict[str, bytes] = {}
        worker = threading.Thread(
            target=lambda: inflated.update(rows=gzip.decompress((base / "places.tsv.gz").read_bytes())),
            daemon=True,
        )
        worker.start()
        keys = gzip.decompress((base / "names.txt.gz").read_bytes()).decode("utf-8").split("\n")
        self._postings = gzip.decompress((base / "postings.txt.gz").read_bytes()).decode("utf-8").split("\n")
        if len(keys) != len(self._postings):
            raise ValueError(f"corrupt place index in {base}: names and postings differ in length")
        self._key_length = list(map(len, keys))  # a hit's start = its end - the key's length
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        list(map(self._automaton.add_word, keys, range(len(keys))))  # map() keeps the insertions in C
        self._automaton.make_automaton()
        units_text = gzip.decompress((base / "units.tsv.gz").read_bytes()).decode("utf-8")
        self._units = units_text.split("\n")[1:]  # split into fields only when a row needs one
        self._offsets = array.array("I")
        self._offsets.frombytes(gzip.decompress((base / "places.offsets.gz").read_bytes()))
        if sys.byteorder != "little":
            self._offsets.byteswap()
        worker.join()
        if "rows" not in inflated:
            raise ValueError(f"could not read {base / 'places.tsv.gz'}")
        # Rows stay bytes until a name points at them: a text touches a few dozen of 270k rows.
        self._rows = inflated["rows"]
        self._record_cache: dict[int, PlaceRecord] = {}
        self._entry_cache: dict[int, NameEntry] = {}
        self._readings_cache: dict[int, tuple[tuple[PlaceRecord, str], ...]] = {}
        self._kinds_cache: dict[int, frozenset[str]] = {}
        self._base = base
        self._fuzzy: dict[str, list[str]] | None = None

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @property
    def name_count(self) -> int:
        return len(self._postings)

    def record(self, row: int) -> PlaceRecord:
        cached = self._record_cache.get(row)
        if cached is None:
            line = self._rows[self._offsets[row] : self._offsets[row + 1] - 1].decode("utf-8")
            f = line.split("\t")
            cc, admin1, admin2 = self._units[int(f[3])].split("\t")
            cached = PlaceRecord(
                row,
                f[0],
                f[1],
                f[2],
                cc,
                admin1,
                admin2,
                _float_or_none(f[4]),
                _float_or_none(f[5]),
                int(f[6]),
                f[7],
            )
            self._record_cache[row] = cached
        return cached

    def entry(self, key: int) -> NameEntry:
        cached = self._entry_cache.get(key)
        if cached is None:
            flags, _, targets = self._postings[key].partition(";")
            parsed = tuple((int(t[:-1]), t[-1]) for t in targets.split(",") if t)
            cached = NameEntry(
                "c" in flags, "w" in flags, "P" in flags, parsed, frozenset(t for _row, t in parsed)
            )
            self._entry_cache[key] = cached
        return cached

    def readings(self, key: int) -> tuple[tuple[PlaceRecord, str], ...]:
        """The places an indexed name points at, with the name's type for each, in index order."""
        cached = self._readings_cache.get(key)
        if cached is None:
            cached = tuple((self.record(row), name_type) for row, name_type in self.entry(key).targets)
            self._readings_cache[key] = cached
        return cached

    def kinds(self, key: int) -> frozenset[str]:
        """The kinds of place (town, admin2...) an indexed name points at."""
        cached = self._kinds_cache.get(key)
        if cached is None:
            cached = self._kinds_cache[key] = frozenset(record.kind for record, _t in self.readings(key))
        return cached

    def fuzzy_aliases(self, country_code: str) -> list[str]:
        """The folded names of one focus country that fuzzy matching may map an unknown spelling to."""
        if self._fuzzy is None:
            table: dict[str, list[str]] = {}
            text = gzip.decompress((self._base / "fuzzy_aliases.tsv.gz").read_bytes()).decode("utf-8")
            for line in text.split("\n"):
                cc, _, key = line.partition("\t")
                table.setdefault(cc, []).append(key)
            self._fuzzy = table
        return self._fuzzy.get(country_code, [])

    def lookup(self, name: str) -> tuple[int, NameEntry] | None:
        """The key index and entry of an exact name (folded first); None when the index lacks it."""
        key = self._automaton.get(f" {name_key(name)} ", None)
        return None if key is None else (key, self.entry(key))

    def find_names(
        self, text: str, tokens: Tokens | None = None, capitalised: bool = False
    ) -> tuple[Tokens, list[NameMatch]]:
        """Every indexed name in ``text`` on word boundaries (overlapping ones included), in text order.

        With ``capitalised``, only names whose first character in ``text`` is an upper-case letter or a digit:
        most hits in news prose are lower-case words, and dropping them here costs one character test each.
        """
        tokens = tokens or tokenize(text)
        words = tokens.words
        if not words:
            return tokens, []
        haystack = tokens.haystack = " " + " ".join(words) + " "
        key_length = self._key_length
        text_starts, text_ends = tokens.starts, tokens.ends
        found = []
        # Keys carry a sentinel space at each end and the haystack has one space before every word, so every
        # hit is word-aligned and token indices are counts of spaces: the hit ending at the space after token
        # ``last`` has last + 1 spaces before that space. Hits come in order of their ends, so the spaces are
        # counted once over the haystack, from one hit to the next.
        spaces_before, counted_to = 0, 0
        for end, key in self._automaton.iter(haystack):
            spaces_before += haystack.count(" ", counted_to, end)
            counted_to = end
            last = spaces_before - 1
            length = key_length[key]
            # A one-word key is that word and its two sentinels; a longer one spans as many more words as it
            # holds inner spaces.
            first = (
                last if length == len(words[last]) + 2 else last - haystack.count(" ", end - length + 2, end)
            )
            start = text_starts[first]
            if capitalised and not (text[start].isupper() or text[start].isdigit()):
                continue
            found.append((start, -text_ends[last], first, last, key))
        # Text order, longest first at one start; one start and end is one key, so the tuples never tie.
        found.sort()
        return tokens, [
            NameMatch(start, -neg_end, first, last, key) for start, neg_end, first, last, key in found
        ]


_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    return Gazetteer()


def get_gazetteer() -> Gazetteer:
    """The shared index of the installed package, loaded on first use."""
    with _LOCK:
        return _default()
