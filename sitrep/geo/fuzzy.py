"""Fuzzy matching of unknown spellings against one country's small alias table.

Only ever used inside the document's focus country and only for a word in a place-like position ("in
Nasirabaad area"): fuzzy matching against the whole world turns Kech into Kerch and Kharan into Kharian.

A spelling is first reduced to a transliteration skeleton (Naseerabad = Nasirabad, Sangaan = Sangan), then
compared by edit distance through a deletion index, so a lookup touches a handful of aliases, not all.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Transliteration variants that English-language Pakistani, Afghan and Iranian press use interchangeably.
_SKELETON_RULES = (
    (re.compile(r"ee|ie"), "i"),
    (re.compile(r"oo|ou"), "u"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"q"), "k"),
    (re.compile(r"kh"), "k"),
    (re.compile(r"gh"), "g"),
    (re.compile(r"y"), "i"),
    (re.compile(r"w"), "v"),
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters: Sangaan, Killa
    (re.compile(r"[^a-z]"), ""),
)


def skeleton(name: str) -> str:
    for pattern, replacement in _SKELETON_RULES:
        name = pattern.sub(replacement, name)
    return name


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


class FuzzyIndex:
    """Alias keys of one country, searchable by skeleton and edit distance."""

    def __init__(self, keys: list[str]) -> None:
        self._by_skeleton: dict[str, list[str]] = {}
        self._by_deletion: dict[str, set[str]] = {}
        for key in keys:
            skel = skeleton(key)
            if len(skel) < 4:
                continue  # too short to fuzz safely
            self._by_skeleton.setdefault(skel, []).append(key)
            for deleted in _deletions(skel):
                self._by_deletion.setdefault(deleted, set()).add(skel)

    def search(self, name: str) -> list[str]:
        """Alias keys nearest to ``name``: the same skeleton, else (8+ letters) one edit, two from 11 letters."""
        query = skeleton(name)
        if len(query) < 4:
            return []  # short words collide with everything
        exact = self._by_skeleton.get(query)
        if exact:
            return list(exact)
        if len(query) < 8:
            return []  # "Jilani" is one letter from "Jiwani": short names only by skeleton
        limit = 2 if len(query) >= 11 else 1
        near: set[str] = set(self._by_deletion.get(query, ()))
        for deleted in _deletions(query):
            if deleted in self._by_skeleton:
                near.add(deleted)
            near.update(self._by_deletion.get(deleted, ()))
        scored = sorted((edit_distance(query, s, limit), s) for s in near)
        best = [s for d, s in scored if d <= limit and d == scored[0][0]] if scored else []
        return [key for s in best for key in self._by_skeleton[s]]


@lru_cache(maxsize=8)
def fuzzy_index(country_code: str) -> FuzzyIndex:
    from sitrep.geo.gazetteer import get_gazetteer

    return FuzzyIndex(get_gazetteer().fuzzy_aliases(country_code))
