"""Which place a text puts inside which. In: the hits of a ``Doc`` in text order; out: each hit's container
linked ("X area of Y", "X in Y", "X, Y": Y contains X), a comma's link marked soft (a hint, not a constraint).
"""

from __future__ import annotations

import re

from sitrep.geo.hits import Doc, Hit, holds
from sitrep.geo.lexicon import Lexicon

# Between a place and its container: "X area of Y", "X in Y", "X, Y", "X Market in Y town".
_GAP_STOPWORDS = frozenset(
    {
        "and",
        "or",
        "but",
        "to",
        "from",
        "with",
        "by",
        "for",
        "after",
        "before",
        "as",
        "while",
        "when",
        "a",
        "an",
        "between",
        "via",
        "towards",
        "toward",
        "then",
        "than",
        "not",
    }
)


_CONTAINER_GAP = re.compile(
    r"^(?P<words>(?:\s*[A-Za-z]+){0,3}?)\s*(?:\bof|\bin|\bnear|,|\bwithin)\s+(?:the\s+)?$"
)


_CONTAINER_GAP_ENDINGS = ("of", "in", "near", ",", "the")  # "within" ends in "in"


def link_containers(doc: Doc, hits: list[Hit], lexicon: Lexicon) -> None:
    """ "X area of Y", "X in Y", "X, Y": Y contains X when only kind or facility words stand between them."""
    for a, b in zip(hits, hits[1:], strict=False):
        if a.container is not None or not (b.candidates or b.synthetic):
            continue
        gap_text = doc.text[a.end : b.start]
        # Cheap tests that every container gap passes ("area of ", ", ", "Market in the "): at most five words,
        # ending in a linking word and a space. They spare the backtracking regex the long gaps.
        if not (
            gap_text[-1:].isspace()
            and len(gap_text.split(None, 5)) <= 5
            and gap_text.rstrip().endswith(_CONTAINER_GAP_ENDINGS)
        ):
            continue
        gap = _CONTAINER_GAP.match(gap_text)
        soft = bool(gap) and "," in gap.group(0)
        if soft and not _comma_container(doc, b, a):
            continue
        if gap and all(
            w.lower() in lexicon.facilities
            or w.lower() in lexicon.kind_after
            or (w.islower() and w not in _GAP_STOPWORDS)  # "Chagai flour mill in Nushki"
            for w in gap.group("words").split()
        ):
            a.container = b
            a.soft_container = soft


def _comma_container(doc: Doc, b: Hit, a: Hit) -> bool:
    """ "Turbat, Kech" names a container; "Quetta, Nushki, Dalbandin" is a list. A comma container must be a
    unit (district, tehsil, province, country) — or a name one of whose units holds ``a`` ("Paris, Texas":
    a state, though towns abroad are called Texas too) — and must not itself continue a list."""
    if not b.candidates:
        return False
    state = any(r.kind == "admin1" and t == "p" for r, t in b.candidates)  # "North Fairmount, Ohio"
    if (
        not state
        and any(r.kind in ("town", "locality") for r, _t in b.candidates)
        and not any(holds(unit, record) for unit, _t in b.candidates for record, _u in a.candidates)
    ):
        return False  # "Turbat, Sibi" is a list of towns; "Turbat, Kech" a town and its district
    after = doc.text[b.end : b.end + 24].lstrip()
    if after.startswith(","):
        # "in Macon, Georgia, on Saturday": a comma closes the container; "Quetta, Nushki, Dalbandin" goes on
        # with another name.
        rest = after[1:].lstrip()
        return not rest[:1].isupper() and not rest.startswith(("and ", "or ", "&"))
    return not (after.startswith(("and ", "or ", "&")))
