"""The word lists the place resolver reads (``sitrep/data/geo/``, through ``sitrep.data.read_table``), loaded once.

They are data so that an analyst can extend them without touching code: ``context_cues.tsv`` (locative,
motion, kind, metonymy, institution, relation and facility words), ``title_patterns.txt`` (regular expressions
for titles such as "Special Representative for"). Demonyms, publication names and personal-name words are
compiled into the index by ``scripts/build_gazetteer.py`` and are not read here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from sitrep.data import read_table
from sitrep.geo.normalize import name_key

Phrases = frozenset[tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class CountryCue:
    """A phrase of ``country_cues.tsv``: the country (and unit) it points to and how it must be written."""

    words: tuple[str, ...]
    country_code: str
    admin1: str
    capitalised: bool  # the first word must start with a capital in the text
    all_caps: bool  # every word must be in capitals ("FC")
    abbreviation: bool  # only after a comma and before a full stop ("Norfolk, Va.")
    postal: bool = False  # a postal code: after a comma and before a bracket or a dash, or before a ZIP code


@dataclass(frozen=True)
class Lexicon:
    locative: Phrases
    motion: Phrases
    near: Phrases
    kind_after: dict[str, str]  # folded word after a name -> the kind it announces
    metonymy_verbs: Phrases
    metonymy_nouns: frozenset[str]
    institutions: Phrases
    relations: Phrases
    facilities: frozenset[str]
    titles: re.Pattern[str]
    origin_after: frozenset[str]  # folded word after a name that makes it an origin or a group of people
    street_after: frozenset[str]  # folded word after a name that makes it part of a road's name
    from_event: re.Pattern[str]  # a verb that makes "from <place>" the event location, at the end of a clause
    transfer: re.Pattern[
        str
    ]  # "<verb> to <a hospital ...>" right before a name: where the wounded were taken
    care_words: frozenset[str]  # the facility words of ``transfer``: a cheap test before the pattern
    country_cues: dict[str, tuple[CountryCue, ...]]  # first folded word -> the cues starting with it
    cue_finder: ahocorasick.Automaton  # " w1 w2 " -> the cues of those words, for one pass over a text
    not_places: frozenset[str]  # folded names that are never places (not_place_names.txt)
    local_force: frozenset[str]  # folded word after a name that makes it a town's police
    person_after: frozenset[
        str
    ]  # folded word after a name that makes it someone's home town ("a Quetta man")
    directions: frozenset[str]  # compass words that name a part of a place beside its name
    longest_before: int  # longest phrase (in words) that is looked for before a name
    before: dict[
        tuple[str, ...], frozenset[str]
    ]  # phrase -> its categories (locative, motion, near, relation)

    def __post_init__(self) -> None:
        # Most words end no cue phrase and start none: one set lookup on that word rules a position out.
        lengths: dict[str, set[int]] = defaultdict(set)
        for phrase in self.before:
            lengths[phrase[-1]].add(len(phrase))
        object.__setattr__(
            self, "_before_lengths", {word: tuple(sorted(found)) for word, found in lengths.items()}
        )
        object.__setattr__(self, "_first_words", {})
        # Case-insensitive matching costs `re` about three times exact matching. On ASCII text a pattern
        # spelt in plain lower case finds the same titles exactly in the lower-cased text.
        source = self.titles.pattern
        exact = re.compile(source, self.titles.flags & ~re.IGNORECASE) if _plain_lower_case(source) else None
        object.__setattr__(self, "_titles_in_lower_case", exact)

    def ends_in_title(self, text: str) -> bool:
        """Whether a title pattern matches ``text`` (the text right before a name)."""
        exact = self._titles_in_lower_case
        if exact is not None and text.isascii():
            return exact.search(text.lower()) is not None
        return self.titles.search(text) is not None

    def categories_before(self, words: list[str], index: int) -> frozenset[str]:
        """Categories of every phrase ending right before token ``index`` ('the' may sit between), one pass."""
        end = index - 1 if index > 0 and words[index - 1] == "the" else index
        found: frozenset[str] = frozenset()
        if end <= 0:
            return found
        # Only the lengths of the phrases that end in this word can match.
        for length in self._before_lengths.get(words[end - 1], ()):
            if length > end:
                break
            categories = self.before.get(tuple(words[end - length : end]))
            if categories:
                found = found | categories
        return found

    def phrase_before(self, words: list[str], index: int, phrases: Phrases, skip_the: bool = True) -> bool:
        """Whether one of ``phrases`` ends right before token ``index`` (an article 'the' may sit between)."""
        end = index
        if skip_the and end > 0 and words[end - 1] == "the":
            end -= 1
        for length in range(1, self.longest_before + 1):
            if end - length < 0:
                break
            if tuple(words[end - length : end]) in phrases:
                return True
        return False

    def phrase_after(self, words: list[str], index: int, phrases: Phrases, longest: int = 3) -> bool:
        """Whether one of ``phrases`` starts at token ``index``."""
        first_words = self._first_words.get(phrases)
        if first_words is None:
            first_words = self._first_words[phrases] = frozenset(phrase[0] for phrase in phrases)
        if index >= len(words) or words[index] not in first_words:
            return False
        return any(tuple(words[index : index + length]) in phrases for length in range(1, longest + 1))


# Constructs whose case-insensitive reading differs from their reading on lower-cased text: escapes that name a
# character by number, inline flags and other (?...) groups but (?:...), and ranges in classes ("[!-_]" holds
# the capitals).
_CASE_SENSITIVE_SYNTAX = re.compile(r"\\[0-9xuUN]|\(\?(?!:)|\[[^\]]*[^\\\[]-[^\]]")


def _plain_lower_case(source: str) -> bool:
    """Whether a case-insensitive pattern finds the same matches on lower-cased ASCII text without the flag."""
    return source == source.lower() and _CASE_SENSITIVE_SYNTAX.search(source) is None


def _alternation(phrases: set[tuple[str, ...]]) -> str:
    """A regex alternation of folded phrases, longest first, words joined by any run of spaces."""
    return "|".join(r"\s+".join(map(re.escape, p)) for p in sorted(phrases, key=len, reverse=True))


def _clause_end_pattern(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


def _load_country_cues() -> dict[str, tuple[CountryCue, ...]]:
    by_first: dict[str, list[CountryCue]] = defaultdict(list)
    for row in read_table("geo/country_cues.tsv"):
        country, admin1, phrase, form = row["country"], row["admin1"], row["phrase"], row["form"]
        words = tuple(name_key(phrase).split())
        if not words:
            continue
        letters = [c for c in phrase if c.isalpha()]
        cue = CountryCue(
            words,
            country.upper(),
            admin1,
            capitalised=phrase[:1].isupper(),
            all_caps=len(letters) > 1 and all(c.isupper() for c in letters),
            abbreviation=form == "abbr",
            postal=form == "postal",
        )
        by_first[words[0]].append(cue)
    return {word: tuple(cues) for word, cues in by_first.items()}


def _cue_finder(cues: dict[str, tuple[CountryCue, ...]]) -> ahocorasick.Automaton:
    by_words: dict[tuple[str, ...], list[CountryCue]] = defaultdict(list)
    for group in cues.values():
        for cue in group:
            by_words[cue.words].append(cue)
    automaton = ahocorasick.Automaton()
    for words, found in by_words.items():
        # A space on each side: matches start and end on word boundaries of the space-joined words.
        automaton.add_word(f" {' '.join(words)} ", (len(words), tuple(found)))
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    categories: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    kind_after: dict[str, str] = {}
    for row in read_table("geo/context_cues.tsv"):
        category, phrase = row["category"], row["phrase"]
        words = tuple(name_key(phrase).split())
        if not words:
            continue
        if category.startswith("kind:"):
            # Only the first word decides ("sub-division" folds to "sub division": "sub" is enough).
            kind_after.setdefault(words[0], category[5:])
        else:
            categories[category].add(words)
    title_lines = [row["pattern"] for row in read_table("geo/title_patterns.txt")]
    # One alternation: a single search per name instead of one per pattern.
    titles = re.compile("|".join(f"(?:{line})" for line in title_lines), re.IGNORECASE)
    before: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for category, label in (
        ("locative", "locative"),
        ("motion", "motion"),
        ("near", "near"),
        ("relation_before", "relation"),
        ("origin_before", "origin"),
        ("context_before", "context"),
    ):
        for phrase in categories[category]:
            before[phrase].add(label)
    cues = _load_country_cues()
    return Lexicon(
        locative=frozenset(categories["locative"]),
        motion=frozenset(categories["motion"]),
        near=frozenset(categories["near"]),
        kind_after=kind_after,
        metonymy_verbs=frozenset(categories["metonymy_verb"]),
        metonymy_nouns=frozenset(w[0] for w in categories["metonymy_noun"]),
        institutions=frozenset(categories["institution"]),
        relations=frozenset(categories["relation_before"]),
        facilities=frozenset(w[0] for w in categories["facility"]),
        titles=titles,
        origin_after=frozenset(w[0] for w in categories["origin_after"]),
        street_after=frozenset(w[0] for w in categories["street"]),
        from_event=_clause_end_pattern(
            rf"\b(?:{_alternation(categories['from_event_verb'])})\b[^.;:!?\n]{{0,60}}\bfrom\s+(?:the\s+)?$"
        ),
        transfer=_clause_end_pattern(
            rf"\b(?:{_alternation(categories['transfer_verb'])})\s+(?:back\s+)?(?:to|in|at)\s+"
            rf"(?:[^.;:!?\n\s]+\s+){{0,6}}?(?:{_alternation(categories['care_place'])})\b"
            # then only the facility's own capitalised name and a linking word: "Civil Hospital Quetta",
            # "a hospital in Turbat", never "hospital after the blast in Turbat"
            r"(?-i:(?:\s+[A-Z(][\w'’.()\-]*){0,4})(?:\s*,|\s+in|\s+at|\s+of)?\s+(?:the\s+)?$"
        ),
        care_words=frozenset(w[0] for w in categories["care_place"]),
        country_cues=cues,
        cue_finder=_cue_finder(cues),
        local_force=frozenset(w[0] for w in categories["local_force"]),
        person_after=frozenset(w[0] for w in categories["person_after"]),
        directions=frozenset(w[0] for w in categories["direction"]),
        not_places=frozenset(name_key(row["name"]) for row in read_table("geo/not_place_names.txt")),
        longest_before=max(len(p) for p in before),
        before={phrase: frozenset(labels) for phrase, labels in before.items()},
    )
