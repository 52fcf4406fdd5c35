"""The country and province a report is about. In: a ``Doc``, its hits and the publication's country; out: the
country cues' votes (``country_cues.tsv``: "Levies", "sheriff", ", Va.") with the state abbreviations found,
and the focus country and province. The weights of each vote are rows of ``place_weights.tsv`` (``focus_*``).
"""

from __future__ import annotations

import re

from sitrep.geo.gazetteer import PlaceRecord
from sitrep.geo.hits import Doc, Hit
from sitrep.geo.lexicon import CountryCue, Lexicon
from sitrep.geo.readings import best_without_focus
from sitrep.geo.weights import place_weights


def cue_votes(doc: Doc, lexicon: Lexicon) -> tuple[dict[tuple[str, str], float], dict[int, str]]:
    """Focus votes of the country cues (``country_cues.tsv``) the text holds, each distinct cue once:
    (country, unit or "") -> weight; and the token positions of the state abbreviations found, with their state. One automaton
    pass over the space-joined words finds the cue phrases; only those are then read in the text."""
    words = doc.tokens.words
    if not words:
        return {}, {}
    haystack = doc.tokens.haystack or " " + " ".join(words) + " "
    found: dict[CountryCue, float] = {}
    abbreviations: dict[int, str] = {}
    weights = place_weights()
    spaces, counted_to = 0, 0
    for end, (length, cues) in lexicon.cue_finder.iter(haystack):
        # The phrase's first word is the token after the space the match starts with. Matches come in order
        # of their ends, and so of their starts: the spaces before are counted once, from match to match.
        key_start = end - sum(len(w) + 1 for w in cues[0].words)  # the sentinel space before the phrase
        if key_start >= counted_to:
            spaces += haystack.count(" ", counted_to, key_start + 1)
            counted_to = key_start + 1
            index = spaces - 1
        else:  # an overlapping phrase that starts before the previous one ("county sheriff" / "sheriff")
            index = haystack.count(" ", 0, key_start + 1) - 1
        if index < 0 or index + length > len(words):
            continue
        for cue in cues:
            pins = cue.abbreviation or cue.postal
            if (pins or cue not in found) and _cue_at(doc, cue, index):
                found[cue] = weights.focus_abbreviation if pins else weights.focus_cue
                if pins:
                    abbreviations[index] = cue.admin1
    votes: dict[tuple[str, str], float] = {}
    for cue, weight in found.items():
        unit = (cue.country_code, cue.admin1)
        votes[unit] = votes.get(unit, 0.0) + weight
    return votes, abbreviations


def _cue_at(doc: Doc, cue: CountryCue, index: int) -> bool:
    """Whether ``cue`` is written at token ``index`` as it must be (words, case, a state abbreviation's comma)."""
    words, text, starts, ends = doc.tokens.words, doc.text, doc.tokens.starts, doc.tokens.ends
    last = index + len(cue.words) - 1
    if last >= len(words) or (last > index and tuple(words[index : last + 1]) != cue.words):
        return False
    if cue.capitalised and not text[starts[index]].isupper():
        return False
    if cue.all_caps and any(not text[starts[i] : ends[i]].isupper() for i in range(index, last + 1)):
        return False
    if cue.postal:
        return _postal_code_at(doc, index)
    return not cue.abbreviation or (
        index > 0
        and "," in text[ends[index - 1] : starts[index]]
        and text[ends[last] : ends[last] + 1] == "."
    )


# What follows a postal code that closes a town's name: a bracket, a dash, a colon, a comma or the line's end
# ("GREENWOOD, SC (WXYZ) —"); or a ZIP code ("Denham Springs LA 70727").
_AFTER_POSTAL = re.compile(r"[ \t]*(?:[(\-\u2013\u2014:,]|\n|$)")


_ZIP = re.compile(r"[ \t]+\d{5}\b")


def _postal_code_at(doc: Doc, index: int) -> bool:
    """Whether the two capitals at token ``index`` are a state's postal code after a capitalised town."""
    text, starts, ends = doc.text, doc.tokens.starts, doc.tokens.ends
    if index == 0 or ends[index] - starts[index] != 2 or not text[starts[index - 1]].isupper():
        return False
    if _ZIP.match(text, ends[index]):
        return text[ends[index - 1] : starts[index]] in (" ", ", ")
    return (
        text[ends[index - 1] : starts[index]] == ", " and _AFTER_POSTAL.match(text, ends[index]) is not None
    )


def document_focus(
    hits: list[Hit], country_hint: str | None, cue_votes: dict[tuple[str, str], float] | None = None
) -> tuple[str | None, str | None]:
    """The country and first-level unit the document is about.

    Each name votes for the country (and province) of its best reading before focus is known: "Sibi" votes
    Pakistan (a district of 135,000) over Mali (a town of 26,000). Event names weigh more than mentions
    ("Special Representative for Afghanistan" says little about where things happen); explicit country and
    province names weigh more than towns.
    """
    countries: dict[str, float] = {}
    provinces: dict[tuple[str, str], float] = {}
    voted: set[int | None] = set()
    country_voted: dict[int | None, float] = {}  # name -> the weight it has given its country
    sure: dict[str, float] = {}  # the votes of names that exist in one country only: the tie-break
    weights = place_weights()
    for hit in hits:
        if not hit.candidates:
            continue
        best = best_without_focus(hit)
        if not best.country_code:
            continue
        if hit.why == "metonymy" and best.kind in ("town", "locality"):
            continue  # "Estrada said": a person's name as often as a town's
        alternate_only, one_country, spread = _name_facts(hit, best)
        # A dateline says where the story was filed: a fair hint of the region it is about.
        weight = (
            weights.focus_event if hit.role == "event" or hit.why == "dateline" else weights.focus_mention
        )
        if alternate_only:
            weight *= weights.focus_other_name_factor  # only another name of the place ("Kasi" for Varanasi)
        if best.kind in ("country", "admin1") and hit.role == "event" and one_country:
            weight = weights.focus_country_or_province_named
        # A name repeated is one piece of evidence: a surname read as a foreign hamlet ("Tran said … Tran was
        # charged") must not outvote the places a US story names once each.
        extra = weight - country_voted.get(hit.key, 0.0)
        if extra <= 0:
            continue
        country_voted[hit.key] = weight
        countries[best.country_code] = countries.get(best.country_code, 0.0) + extra
        if one_country:
            sure[best.country_code] = sure.get(best.country_code, 0.0) + extra
        if best.admin1 and hit.key not in voted:
            # A name found in several provinces of the country ("Paoli" in three US states) is a guess: its
            # vote is shared among them, and a name repeated is still one vote.
            voted.add(hit.key)
            unit = (best.country_code, best.admin1)
            provinces[unit] = provinces.get(unit, 0.0) + weight / spread
    for (cc, admin1), weight in (cue_votes or {}).items():
        countries[cc] = countries.get(cc, 0.0) + weight
        if admin1:
            provinces[(cc, admin1)] = provinces.get((cc, admin1), 0.0) + weight
    if country_hint:
        countries[country_hint] = countries.get(country_hint, 0.0) + weights.focus_country_hint
    if not countries:
        return None, None
    focus_cc = max(sorted(countries), key=lambda cc: (countries[cc], sure.get(cc, 0.0)))
    in_focus = {unit: v for unit, v in provinces.items() if unit[0] == focus_cc}
    focus_admin1 = max(sorted(in_focus), key=lambda u: in_focus[u])[1] if in_focus else None
    return focus_cc, focus_admin1


# (name key, kind cue) -> what document_focus reads of a name's readings beside its best one (_name_facts).
_NAME_FACTS: dict[tuple[int, str | None], tuple[bool, bool, int]] = {}


def _name_facts(hit: Hit, best: PlaceRecord) -> tuple[bool, bool, int]:
    """Whether ``best`` is reached by other names only, whether every reading is in its country, and in how
    many provinces of that country the name is found. Cached per name: common names have hundreds of readings."""
    cache_key = (
        (hit.key, hit.kind_cue) if hit.key is not None and hit.container is None and not hit.pinned else None
    )
    facts = _NAME_FACTS.get(cache_key) if cache_key else None
    if facts is None:
        cc = best.country_code
        facts = (
            all(t == "a" for r, t in hit.candidates if r is best),
            all(r.country_code == cc for r, _t in hit.candidates),
            max(1, len({r.admin1 for r, _t in hit.candidates if r.country_code == cc})),
        )
        if cache_key:
            _NAME_FACTS[cache_key] = facts
    return facts
