"""sitrep.geo.unknown: places the index lacks, found by position, near spellings and containers."""

from __future__ import annotations

import random
from bisect import bisect_left

from sitrep.geo.hits import Doc, Hit
from sitrep.geo.lexicon import get_lexicon
from sitrep.geo.unknown import (
    _UNKNOWN_AFTER_LOCATIVE,
    _UNKNOWN_BEFORE,
    _Taken,
    fill_unknown_localities,
    fuzzy_candidates,
    unknown_locality_hits,
)
from tests.geo_text import doc_of, hits_of, named, record, resolved_hits


def test_an_unknown_name_before_a_kind_word_and_a_container_is_a_hit() -> None:
    doc, hits = hits_of("Two soldiers were killed in Lijje area in Kharan district.")
    (lijje,) = unknown_locality_hits(doc, hits, get_lexicon(), fuzzy=False)
    assert (lijje.written, lijje.near, lijje.synthetic["kind_word"]) == ("Lijje", True, "area")
    assert lijje.container is named(hits, "Kharan district")


def test_a_misspelt_name_after_in_is_looked_up_only_where_fuzzy_aliases_exist() -> None:
    doc, hits = hits_of("Gunmen attacked a post in Naseerabaad area on Monday.")
    assert unknown_locality_hits(doc, hits, get_lexicon(), fuzzy=False) == []
    (guess,) = unknown_locality_hits(doc, hits, get_lexicon(), fuzzy=True)
    assert guess.synthetic == {"name": "Naseerabaad", "fuzzy_only": True} and guess.locative
    readings = fuzzy_candidates(guess, "PK")
    assert {(r.name, r.kind) for r, _t in readings} >= {("Nasirabad", "admin2")}
    assert guess.synthetic["fuzzy"] is True
    assert fuzzy_candidates(guess, None) == []  # never worldwide


def test_an_unknown_locality_is_placed_in_its_resolved_container() -> None:
    text = "Two soldiers were killed in Lijje area in Kharan district."
    hits = resolved_hits(text)
    (lijje,) = unknown_locality_hits(doc_of(text), hits, get_lexicon(), fuzzy=False)
    fill_unknown_localities([lijje, *hits])
    assert lijje.synthetic["container"] is record("Kharan", "admin2", "PK")


def _plain_unknown_locality_hits(doc: Doc, hits: list[Hit], fuzzy: bool) -> list[Hit]:
    """The step as first written: every name tested against every span taken so far."""
    text, starts, words = doc.text, doc.tokens.starts, doc.tokens.words
    taken = [(h.start, h.end) for h in hits]
    found: list[Hit] = []

    def overlaps(s: int, e: int) -> bool:
        return any(s < he and hs < e for hs, he in taken)

    for container in hits:
        if container.first < 3 or words[container.first - 1] not in ("of", "in", "near", "the"):
            continue
        window = text[max(0, container.start - 80) : container.start]
        m = _UNKNOWN_BEFORE.search(window)
        if not m:
            continue
        s = container.start - len(window) + m.start("name")
        e = s + len(m.group("name"))
        if overlaps(s, e) or m.group("name").split()[0].lower() in ("the", "a", "an"):
            continue
        hit = Hit(s, e, bisect_left(starts, s), bisect_left(starts, e) - 1, m.group("name"), None, [], 0)
        hit.container = container
        found.append(hit)
        taken.append((s, e))
    for m in _UNKNOWN_AFTER_LOCATIVE.finditer(text) if fuzzy else ():
        group = "name" if m.group("name") else "name2"
        s, e = m.span(group)
        if overlaps(s, e):
            continue
        found.append(
            Hit(s, e, bisect_left(starts, s), bisect_left(starts, e) - 1, m.group(group), None, [], 0)
        )
        taken.append((s, e))
    return found


def test_unknown_names_are_those_the_plain_step_finds_however_many() -> None:
    pieces = [
        "Lijje area in Kharan district",
        "Jamak locality of Kech",
        "in Naseerabaad area",
        "near the Zehri Jhal valley in Khuzdar",
        "Kharan area in Kalat",
        "Turbat",
        "in Gwadar",
        "A area in Kech",
        ", ",
        " and ",
        ". ",
    ]
    rng = random.Random(80)
    names = 0
    for round_ in range(150):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 40 if round_ % 10 else 400)))
        doc, hits = hits_of(text)
        if hits and rng.random() < 0.5:  # a name read twice (two hits at one place): its unknown name once
            twice = rng.randrange(len(hits))
            hits.insert(twice, hits[twice])
        fuzzy = rng.random() < 0.5
        found = unknown_locality_hits(doc, hits, get_lexicon(), fuzzy=fuzzy)
        plain = _plain_unknown_locality_hits(doc, hits, fuzzy)
        assert [(h.start, h.end, h.written, h.first, h.last, h.container) for h in found] == [
            (h.start, h.end, h.written, h.first, h.last, h.container) for h in plain
        ]
        names += len(found)
    assert names > 1000


def test_spans_taken_overlap_a_new_span_as_a_test_of_every_span_says() -> None:
    rng = random.Random(81)
    for _ in range(2000):
        spans = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 60)
            spans.append((start, start + rng.randint(1, 12)))
        taken = _Taken(spans)
        for start in range(70):
            for end in range(start + 1, start + 8):
                assert taken.overlaps(start, end) == any(start < e and s < end for s, e in spans)


def test_a_long_run_of_letters_is_no_name_and_the_names_after_it_are_still_found() -> None:
    text = "Quetta" * 2000 + " area. Gunmen attacked a post in Naseerabaad area."
    doc, hits = hits_of(text)
    found = unknown_locality_hits(doc, hits, get_lexicon(), fuzzy=True)
    assert "Naseerabaad" in [h.written for h in found]
    assert all(len(h.written) <= 85 for h in found)  # a name's words are at most 42 characters
