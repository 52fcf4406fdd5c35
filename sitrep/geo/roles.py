"""Why a place named is no event location. In: a name's match in a ``Doc`` and the words around it; out: the
reason it is a mention ("title", "metonymy", "police", "institution", "relation", "origin", "route",
"reference", "care", "street", "person", "compound", "possessive"), or "" when it may be where the event was.

The next names of a list share the reason ("labourers from Punjab and Sindh").
"""

from __future__ import annotations

import re

from sitrep.geo.gazetteer import NameMatch, get_gazetteer
from sitrep.geo.hits import Doc, Hit, has_kind, is_capitalised, joined_to_next, joined_to_previous
from sitrep.geo.lexicon import Lexicon
from sitrep.geo.weights import place_weights
from sitrep.geo.words import SENTENCE_OPENERS, TITLE_LAST_WORDS

# Why a place is no event location, where the next names of a list share that reason: "labourers from Punjab
# and Sindh", "residents of Kasur, Multan and Gilgit".
_LIST_REASONS = frozenset({"origin", "route", "context", "reference"})


_LIST_GAPS = frozenset({" and ", ", ", " or ", ", and ", " & ", " and the ", ", the "})


def share_list_roles(text: str, hits: list[Hit]) -> None:
    """Give the next names of a list the reason of the first ("Islamabad and Kabul said", "from Punjab and
    Sindh"), and a country's cue to the province it owns ("based in Pakistan's Balochistan province")."""
    for a, b in zip(hits, hits[1:], strict=False):
        if b.why == "metonymy" and a.role == "event" and not a.locative and text[a.end : b.start] == " and ":
            a.role, a.why = "mention", "metonymy"  # "Islamabad and Kabul said": both speak
            continue
        if text[a.end : b.start] in ("'s ", "’s ") and b.role == "event":
            # "based in Pakistan's Balochistan province": the cue before the country holds for its province
            reason = "relation" if a.relation else "origin" if a.origin else "context" if a.context else ""
            if reason:
                b.role, b.why = "mention", reason
            continue
        if (
            a.role == "mention"
            and a.why in _LIST_REASONS
            and b.role == "event"
            and not (b.locative or b.motion)
            and text[a.end : b.start] in _LIST_GAPS
        ):
            b.role, b.why = "mention", a.why


def mention_reason(doc: Doc, match: NameMatch, lexicon: Lexicon, hit: Hit) -> str:
    """Why the name at ``match`` is a mention, not where something happened; "" when it may be an event place."""
    text, words = doc.text, doc.tokens.words
    # Every title pattern ends in a preposition or a title word: test that word before running the regex.
    if (
        match.first > 0
        and words[match.first - 1] in TITLE_LAST_WORDS
        and lexicon.ends_in_title(text[max(0, match.start - 80) : match.start])
    ):
        return "title"
    nxt = match.last + 1
    if (
        text[match.end : match.end + 1] == "-"
        and nxt < len(words)
        and is_capitalised(text[doc.tokens.starts[nxt]])
    ):
        return "compound"  # "China-Pakistan corridor", "Pakistan-Iran border": a modifier, not a location
    if (
        match.start > 0
        and text[match.start - 1] == "-"
        and match.first > 0
        and is_capitalised(text[doc.tokens.starts[match.first - 1]])
        and doc.tokens.ends[match.first - 1] == match.start - 1
    ):
        return "compound"
    possessive = nxt < len(words) and words[nxt] == "s" and text[match.end : match.end + 1] in ("'", "’")
    if (
        possessive
        and nxt + 1 < len(doc.tokens.starts)
        and is_capitalised(text[doc.tokens.starts[nxt + 1]])
        and has_kind(get_gazetteer(), match.key, ("country", "admin1"))
    ):
        return "possessive"  # "Pakistan's Balochistan province": the country only says whose province
    if possessive and nxt + 1 < len(words) and words[nxt + 1] in lexicon.metonymy_nouns:
        return "metonymy"
    if (
        not hit.locative
        and lexicon.phrase_after(words, nxt, lexicon.metonymy_verbs)
        and joined_to_next(doc, match.last)
    ):
        return "metonymy"
    if nxt < len(words) and words[nxt] in lexicon.local_force and joined_to_next(doc, match.last):
        return "police"  # "Valdosta Police Department", "Quetta police said"
    if (
        lexicon.phrase_after(words, nxt, lexicon.institutions, longest=2)
        and joined_to_next(doc, match.last)
        and not _institution_site(words, nxt, lexicon)
    ):
        return "institution"
    if hit.relation:
        return "relation"
    if hit.origin:
        return "origin"
    if hit.context:
        return "context"
    return _route_reason(doc, match, lexicon, hit)


# "200 kilometres south-west of", "48 km (30 miles) east of the provincial capital", "10 miles from":
# a distance from a reference place, right before its name.
_DISTANCE = re.compile(
    r"\b(?P<n>\d[\d,]*(?:\.\d+)?)\s*-?\s*(?P<unit>km|kms|kilometres?|kilometers?|miles?)\b"
    r"(?:\s*\([^()]{0,30}\))?\s+(?:[a-z\-]+\s+){0,2}?(?:of|from)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?$",
    re.IGNORECASE,
)


_DISTANCE_UNITS = frozenset(
    {"km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "mile", "miles"}
)


def _route_reason(doc: Doc, match: NameMatch, lexicon: Lexicon, hit: Hit) -> str:
    """Why a place that a motion word, a distance, a transfer or a following word sets apart is no event
    location: "route", "reference", "care", "origin", "street"; "" when it may be one."""
    text, words, first = doc.text, doc.tokens.words, match.first
    recent = words[max(0, first - 7) : first]
    if not _DISTANCE_UNITS.isdisjoint(recent):
        m = _DISTANCE.search(text, max(0, match.start - 90), match.start)
        if m and m.end() == match.start:
            km = float(m.group("n").replace(",", ""))
            if m.group("unit").lower().startswith("mi"):
                km *= 1.609
            if km >= place_weights().reference_km:  # a reference point, not the event's town
                return "reference"
            hit.near = True
            return ""
    if not lexicon.care_words.isdisjoint(recent) and lexicon.transfer.search(
        text, max(0, match.start - 120), match.start
    ):
        return "care"  # where the wounded or the dead were taken
    if first > 1 and words[first - 1] == "of" and _person_before_of(doc, first - 2, lexicon):
        return "origin"  # "Kyle Markins of Findlay", "Ali Khan, 30, of Mardan": where someone is from
    if hit.motion and not hit.locative:
        # "transferred to Quetta", "coming from Dera Ismail Khan": an origin or destination; but people are
        # abducted or recovered from where the event was.
        cue = words[first - 2] if first > 1 and words[first - 1] == "the" else words[first - 1]
        if cue == "between":
            return ""  # "the area between Zamran and Tump": a stretch of land, not a route's end
        if cue != "from" or not lexicon.from_event.search(text, max(0, match.start - 90), match.start):
            return "route"
    # The words after the name: set lookups first, the punctuation between words only when one is a cue.
    last = match.last
    following = words[last + 1] if last + 1 < len(words) else ""
    if following in lexicon.origin_after and joined_to_next(doc, last):
        return "origin"  # "Punjab workers", "Rawalpindi bound"
    if following in lexicon.person_after and joined_to_next(doc, last):
        return "person"  # "a Dickinson man", "a Quetta resident": where someone is from
    if following in lexicon.street_after and joined_to_next(doc, last):
        return "street"  # "Jinnah Road"
    if (
        last + 2 < len(words)
        and words[last + 2] in lexicon.street_after
        and joined_to_next(doc, last)
        and joined_to_next(doc, last + 1)
    ):
        return "street"  # "Virginia Beach Blvd"
    return ""


def _person_before_of(doc: Doc, index: int, lexicon: Lexicon) -> bool:
    """Whether token ``index`` ends a person's description before "of <place>": an age ("Ali Khan, 30, of")
    or a surname ("Kyle Markins of"), not a title, a unit or a facility ("Governor of", "District of")."""
    words, text, starts, ends = doc.tokens.words, doc.text, doc.tokens.starts, doc.tokens.ends
    word = words[index]
    if word.isdigit():
        return len(word) <= 2 and "," in text[ends[index] : starts[index + 1]]  # "30, of"
    written = text[starts[index] : ends[index]]
    return (
        written[:1].isupper()
        and not written.isupper()
        and (joined_to_next(doc, index) or text[ends[index] : starts[index + 1]] == ", ")  # "Ann Lee, of"
        and word not in lexicon.facilities
        and word not in lexicon.kind_after
        and word not in lexicon.not_places
        and word not in TITLE_LAST_WORDS
        and word not in SENTENCE_OPENERS
        and index > 0
        and is_capitalised(text[starts[index - 1] : ends[index - 1]])  # a first name and a surname
    )


def beside_direction(doc: Doc, match: NameMatch, lexicon: Lexicon) -> bool:
    """ "East Baltimore", "New Orleans East": a part of the place, so the place only approximately."""
    words = doc.tokens.words
    before = match.first > 0 and words[match.first - 1] in lexicon.directions
    after = match.last + 1 < len(words) and words[match.last + 1] in lexicon.directions
    return (before and joined_to_previous(doc, match.first)) or (after and joined_to_next(doc, match.last))


def _institution_site(words: list[str], index: int, lexicon: Lexicon) -> bool:
    """Whether the institution words at ``index`` name a site in the place: "Bannu military cantonment",
    "Nushki army camps" are locations, unlike "Balochistan government"."""
    for length in (2, 1):
        if tuple(words[index : index + length]) in lexicon.institutions:
            following = words[index + length] if index + length < len(words) else ""
            return following in lexicon.facilities or following.rstrip("s") in lexicon.facilities
    return False
