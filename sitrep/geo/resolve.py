"""Find and resolve every place an article names. In: an article's text (its sentences and the publication's
country when known); out: its places, ``find_places(text) -> list[Place]``, and its event places ranked,
``rank_event_places``. This module runs the steps below in order; each lives in a module of its own.

Steps, each cheap enough for well under a millisecond on a 300-word article once the index is loaded:

1. **Candidates.** One automaton pass finds every indexed name on word boundaries; overlapping hits keep the
   longest ("Dera Murad Jamali", not "Dera").
2. **Is it a place at all?** A hit must be capitalised (unless the whole sentence is in capitals or title
   case), must not be an acronym ("BLA"), and must not sit inside a longer capitalised name ("Imran Khan",
   "Kalat Scouts"). Names that are also common words or personal names ("Hub", "Khan") need a cue: a locative
   word before ("in", "near"...) or a kind word after ("district", "town"...).
3. **Event or mention.** A place is a *mention* (never an event location) when it is a nationality or group
   adjective ("Pakistani", "Baloch"), part of a title ("Special Representative for Afghanistan"), a metonym
   ("Islamabad's narrative", "Kabul said", "Quetta-based"), part of an organisation's or outlet's name ("The
   Balochistan Post", "Balochistan Liberation Army"), or a dateline. Datelines ("QUETTA, March 12 --",
   "TURBAT:") say where the story was filed, not where the event was: the dateline occurrence is always a
   mention, and the place is an event only where the body names it as one (or, when the body names no event
   place at all, the dateline's town is: a local story). A place is also a mention where nothing happened
   in it: an origin or destination ("transferred to Quetta", "travelling from Khuzdar"; but people are
   abducted *from* where the event was), where the wounded were taken ("shifted to the Civil Hospital
   Quetta"), a home town ("a resident of Kasur", "belonged to Punjab", "Punjab labourers"), a reference
   point ("200 km west of Peshawar"; a short distance only makes the place approximate), a neighbour
   ("borders Afghanistan"), a road or street named after it ("Jinnah Road", "the Quetta-Karachi highway"),
   a town's police ("Valdosta police"), a country named without a locative word ("Pakistan personnel",
   "links with China") and a country in the possessive ("Pakistan's Sindh province"). The next names of a
   list share the reason ("labourers from Punjab and Sindh"). A name met as a surname ("Melissa Randolph")
   is that person throughout the report.
4. **Which place.** Candidates are scored by population (log), name type (primary or curated spelling over
   foreign alternates), kind, the document's focus (the country and province most of its other places point
   to, the country cues of ``country_cues.tsv`` such as "Levies", "sheriff" or ", Va.", plus
   ``country_hint``), kind words ("Kalat district" is the district, "Buleda tehsil" the tehsil) and
   containers ("X area of Y district", "X in Y", "X, Y" keep X inside Y). Districts come before towns of other
   districts (Naseerabad is the Balochistan district, not the Sindh town Nasirabad); a town and the district it
   heads resolve to the town unless the text says "district". Every weight and threshold of this step (and
   of the focus votes, the declared state and the event-place ranking) is a row of
   ``data/geo/place_weights.tsv`` (``prior_*``, ``score_*``, ``focus_*``, ``abroad_*``, ``declared_*``,
   ``event_*``), read into ``sitrep.geo.weights.PlaceWeights``; the table's comments say how a score is built.
5. **Unknown localities.** "Lijje area in Kharan district" names a place the index lacks: first a fuzzy match
   against the focus country's small alias table, else a locality placed at its container's coordinates with
   the container's precision.

Then the report is read whole (``consistency``): a name means one place throughout, the state the text
declares keeps its names inside it and makes those elsewhere mentions, a local story's dateline frames its
neighbourhoods, and when no event place is left a dateline, a town's police or a country after "in" is one.

Where each step lives: ``hits`` (the ``Hit`` and ``Doc`` records and the tests shared by every step), step 1-2
``names`` (with ``words``), step 3 ``roles`` and ``datelines``, step 4 ``focus``, ``containers`` and
``readings``, step 5 ``unknown``, then ``consistency`` and ``places`` (hits → ``Place`` records).

Precision follows ACLED (1 town, 2 near a town or part of a region, 3 larger region coded at its seat) and
UCDP where_prec (1 exact, 2 within ~25 km, 3 ADM2, 4 ADM1, 6 country).
"""

from __future__ import annotations

import bisect
import logging

from sitrep.geo.consistency import (
    declared_unit,
    elsewhere_is_mention,
    frame_by_dateline,
    keep_inside,
    last_resort,
    one_sense,
)
from sitrep.geo.containers import link_containers
from sitrep.geo.datelines import dateline_spans
from sitrep.geo.focus import cue_votes, document_focus
from sitrep.geo.gazetteer import get_gazetteer, tokenize
from sitrep.geo.hits import Doc, sentence_starts
from sitrep.geo.lexicon import get_lexicon
from sitrep.geo.names import select_hits
from sitrep.geo.places import to_places
from sitrep.geo.readings import choose_reading
from sitrep.geo.unknown import fill_unknown_localities, unknown_locality_hits
from sitrep.geo.weights import place_weights
from sitrep.model import Place

log = logging.getLogger(__name__)


def find_places(
    text: str, sentences: list[tuple[int, int]] | None = None, country_hint: str | None = None
) -> list[Place]:
    """Every place ``text`` names, resolved against the offline gazetteer, in text order (ids p1, p2, ...).

    ``sentences`` (character spans) are used when given, else found here; ``country_hint`` is the ISO code
    of the publication's country when known. Never raises on odd input: it returns what it could resolve.
    """
    if not text or not text.strip():
        return []
    place_weights()  # read before the guard below: a malformed overlay weight is the user's error to see
    try:
        return _find_places(text, sentences, (country_hint or "").upper() or None)
    except Exception:  # a place stage must never take extraction down with it
        log.exception("place resolution failed; returning no places for this text")
        return []


def rank_event_places(text: str, places: list[Place]) -> list[Place]:
    """Event places, most likely event location first: after a locative word ("in", "at", "near"), earlier in
    the text, more specific, and tied to a district. Origins and destinations ("from", "to") rank last."""
    lexicon = get_lexicon()
    weights = place_weights()
    tokens = tokenize(text)
    starts = tokens.starts

    def salience(item: tuple[int, Place]) -> tuple[float, int]:
        order, place = item
        score = 0.0
        index = bisect.bisect_left(starts, place.start)
        if lexicon.phrase_before(tokens.words, index, lexicon.locative):
            score += weights.event_locative
        if lexicon.phrase_before(tokens.words, index, lexicon.motion):
            score += weights.event_motion
        score += weights.event_kind.get(place.kind, 0.0)
        if place.admin2:
            score += weights.event_in_district
        score -= weights.event_position * place.start / max(1, len(text)) * 100  # earlier is likelier, gently
        return (-score, order)

    events = [(i, p) for i, p in enumerate(places) if p.role == "event"]
    return [p for _i, p in sorted(events, key=salience)]


def _find_places(text: str, sentences: list[tuple[int, int]] | None, country_hint: str | None) -> list[Place]:
    gazetteer = get_gazetteer()
    lexicon = get_lexicon()
    tokens, matches = gazetteer.find_names(text, capitalised=True)
    if not tokens.words:
        return []
    doc = Doc(text, tokens, sentence_starts(text, sentences), {})
    datelines = dateline_spans(text)

    votes, abbreviations = cue_votes(doc, lexicon)
    hits = select_hits(doc, gazetteer, matches, lexicon, datelines, set(abbreviations))
    if abbreviations:
        hits = [h for h in hits if h.first not in abbreviations]  # "Pueblo, Colo.": "Colo" is the state
        for hit in hits:
            state = abbreviations.get(hit.last + 1)
            inside = [(r, t) for r, t in hit.candidates if r.admin1 == state] if state else []
            if inside:
                hit.candidates, hit.pinned = inside, True  # "LaGrange, Ga.": the LaGrange in Georgia
    focus_cc, focus_admin1 = document_focus(hits, country_hint, votes)
    # Unknown names are looked for only where a fuzzy alias table exists for the document's country.
    hits.extend(
        unknown_locality_hits(doc, hits, lexicon, fuzzy=bool(focus_cc and gazetteer.fuzzy_aliases(focus_cc)))
    )
    hits.sort(key=lambda h: h.start)
    link_containers(doc, hits, lexicon)
    declared = declared_unit(hits, focus_cc)
    if declared is not None:
        focus_admin1 = declared
        keep_inside(hits, focus_cc, declared)
    for hit in hits:
        choose_reading(hit, focus_cc, focus_admin1, country_hint)
    fill_unknown_localities(hits)
    one_sense(hits)
    frame_by_dateline(hits, focus_cc)
    if declared is not None:
        elsewhere_is_mention(hits, focus_cc, declared)
    last_resort(hits)
    return to_places(doc, gazetteer, hits)
