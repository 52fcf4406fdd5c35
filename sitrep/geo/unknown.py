"""Places the index lacks. In: a ``Doc`` and its hits; out: hits for unknown names in place-like positions
("Lijje area in Kharan district", "in Naseerabaad area"), their near spellings among the focus country's
aliases, and, where none fits, a locality placed at its container.
"""

from __future__ import annotations

import bisect
import re
from collections import deque

from sitrep.geo.fuzzy import fuzzy_index
from sitrep.geo.gazetteer import PlaceRecord, get_gazetteer, tokenize
from sitrep.geo.hits import Doc, Hit, effective_record
from sitrep.geo.lexicon import Lexicon

# An unknown capitalised name before a kind word and a container: "Lijje area in", "Jamak locality of".
_UNKNOWN_BEFORE = re.compile(
    r"(?P<name>[A-Z][\w'’\-]+(?:[ \-][A-Z][\w'’\-]+){0,2})\s+(?P<kind>area|areas|village|locality|town|bazaar|bazar|"
    r"valley|mountains|hills|region)\s+(?:of|in|near)\s+(?:the\s+)?$"
)


_KIND_WORD_NEAR_END = re.compile(
    r"(?:area|areas|village|locality|town|bazaar|bazar|valley|mountains|hills|region)"
    r"\s+(?:of|in|near)\s+(?:the\s+)?$"
)


# A name's words are at most 42 characters: the pattern is tried at every capital of the text, and an
# unbounded word made it read to the end of a long run of letters each time (quadratic on a line of "QuettaQuetta…").
_UNKNOWN_AFTER_LOCATIVE = re.compile(
    r"\b(?:in|at|near|from|to)\s+(?:the\s+)?(?P<name>[A-Z][a-z][\w'’\-]{2,40}(?:[ \-][A-Z][a-z][\w'’\-]{1,40})?)"
    r"(?:\s+(?P<kind>area|village|locality|town|tehsil|district|bazaar|valley))?\b"
    r"|(?P<name2>[A-Z][a-z][\w'’\-]{2,40}(?:[ \-][A-Z][a-z][\w'’\-]{1,40})?)\s+(?P<kind2>area|village|tehsil|district)\b"
)


class _Taken:
    """Character spans already taken, merged where they overlap and kept in order: whether a new span
    overlaps one of them is a bisection, not a test of every span."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []  # they rise too: merged spans do not overlap
        for start, end in sorted(spans):
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        last = bisect.bisect_left(self.starts, end) - 1  # the last span that starts before ``end``
        return last >= 0 and self.ends[last] > start


_BEFORE_CONTAINER = (
    80  # characters before a container read for "<Name> area in": the unknown name stands there
)


def unknown_locality_hits(doc: Doc, hits: list[Hit], lexicon: Lexicon, fuzzy: bool) -> list[Hit]:
    """Capitalised names the index lacks, in place-like positions: fuzzy-matched later or kept as localities.
    ``hits`` are in text order; no new name overlaps one of them or a name found before it."""
    text = doc.text
    taken = _Taken([(h.start, h.end) for h in hits])
    found: list[Hit] = []
    starts = doc.tokens.starts
    # Names found before a container lie in the window before it: one found for an earlier container can
    # overlap a new one only while that container is less than a window behind (kept here, oldest first).
    recent: deque[tuple[int, int, int]] = deque()  # (container start, name start, name end)

    # "Lijje area in Kharan district": a name before a kind word and a known container.
    words = doc.tokens.words
    for container in hits:
        if container.first < 3 or words[container.first - 1] not in ("of", "in", "near", "the"):
            continue  # cheap test before the patterns
        window = text[max(0, container.start - _BEFORE_CONTAINER) : container.start]
        if not _KIND_WORD_NEAR_END.search(window):
            continue
        m = _UNKNOWN_BEFORE.search(window)
        if not m:
            continue
        s = container.start - len(window) + m.start("name")
        e = s + len(m.group("name"))
        while recent and recent[0][0] <= container.start - _BEFORE_CONTAINER:
            recent.popleft()
        if (
            taken.overlaps(s, e)
            or any(s < found_end and found_start < e for _, found_start, found_end in recent)
            or m.group("name").split()[0].lower() in ("the", "a", "an")
        ):
            continue
        first = bisect.bisect_left(starts, s)
        last = bisect.bisect_left(starts, e) - 1
        hit = Hit(s, e, first, last, m.group("name"), None, [], container.sentence)
        hit.near = True
        hit.container = container
        hit.synthetic = {"name": m.group("name"), "kind_word": m.group("kind")}
        found.append(hit)
        recent.append((container.start, s, e))
    # "in Naseerabaad area": a misspelling of a focus-country name, left for fuzzy matching. The matches do not
    # overlap each other, so the names found here need not be taken.
    if fuzzy:
        taken = _Taken([(h.start, h.end) for h in (*hits, *found)])
    for m in _UNKNOWN_AFTER_LOCATIVE.finditer(text) if fuzzy else ():
        group = "name" if m.group("name") else "name2"
        s, e = m.span(group)
        if taken.overlaps(s, e):
            continue
        first = bisect.bisect_left(starts, s)
        last = bisect.bisect_left(starts, e) - 1
        sentence = bisect.bisect_right(doc.sentence_starts, s) - 1
        hit = Hit(s, e, first, last, m.group(group), None, [], sentence)
        hit.locative = group == "name"
        hit.kind_cue = lexicon.kind_after.get((m.group("kind") or m.group("kind2") or "").lower())
        hit.synthetic = {"name": m.group(group), "fuzzy_only": True}
        found.append(hit)
    return found


def fuzzy_candidates(
    hit: Hit, focus_cc: str | None, focus_admin1: str | None = None
) -> list[tuple[PlaceRecord, str]]:
    """Focus-country places whose alias is a near spelling of an unknown name (never worldwide)."""
    if not focus_cc:
        return []
    gazetteer = get_gazetteer()
    name = str(hit.synthetic["name"])
    out: list[tuple[PlaceRecord, str]] = []
    for key in fuzzy_index(focus_cc).search(" ".join(tokenize(name).words)):
        found = gazetteer.lookup(key)
        if found is None:
            continue
        out.extend(
            (gazetteer.record(row), "v")
            for row, _t in found[1].targets
            if gazetteer.record(row).country_code == focus_cc
        )
    if out and focus_admin1:
        # A near spelling is a guess: a guess in another province than the report's is likelier wrong than an
        # unlisted village ("Jahani-Aap" in a Balochistan report is not Jahanian, Punjab).
        out = [(r, t) for r, t in out if r.admin1 == focus_admin1]
    if out:
        hit.synthetic["fuzzy"] = True
    return out


def fill_unknown_localities(hits: list[Hit]) -> None:
    """Unknown names with a resolved container become localities placed at the container."""
    for hit in hits:
        if hit.chosen is not None or not hit.synthetic or hit.synthetic.get("fuzzy_only"):
            continue
        container = effective_record(hit.container)
        if container is None or container.kind in ("country", "admin1"):
            continue
        hit.synthetic["container"] = container
        if hit.container is not None and hit.container.role == "mention":
            hit.role, hit.why = "mention", hit.container.why
