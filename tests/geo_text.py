"""Invented sentences read as ``sitrep.geo.resolve`` reads them, up to a chosen step, for the tests of the
modules of ``sitrep/geo`` (each test then calls its own module's function on what this returns)."""

from __future__ import annotations

from sitrep.geo.containers import link_containers
from sitrep.geo.datelines import dateline_spans
from sitrep.geo.focus import cue_votes, document_focus
from sitrep.geo.gazetteer import PlaceRecord, get_gazetteer
from sitrep.geo.hits import Doc, Hit, sentence_starts
from sitrep.geo.lexicon import get_lexicon
from sitrep.geo.names import select_hits
from sitrep.geo.readings import choose_reading


def doc_of(text: str) -> Doc:
    """The ``Doc`` of ``text``, its sentences found here."""
    tokens, _matches = get_gazetteer().find_names(text, capitalised=True)
    return Doc(text, tokens, sentence_starts(text, None), {})


def hits_of(text: str) -> tuple[Doc, list[Hit]]:
    """The place names of ``text`` with their cues and roles (steps 1-3), not yet linked or resolved."""
    gazetteer, lexicon = get_gazetteer(), get_lexicon()
    tokens, matches = gazetteer.find_names(text, capitalised=True)
    doc = Doc(text, tokens, sentence_starts(text, None), {})
    _votes, abbreviations = cue_votes(doc, lexicon)
    return doc, select_hits(doc, gazetteer, matches, lexicon, dateline_spans(text), set(abbreviations))


def resolved_hits(text: str, country_hint: str | None = None) -> list[Hit]:
    """The hits of ``text`` linked to their containers and each given its reading under the document's focus."""
    doc, hits = hits_of(text)
    votes, _abbreviations = cue_votes(doc, get_lexicon())
    focus_cc, focus_admin1 = document_focus(hits, country_hint, votes)
    link_containers(doc, hits, get_lexicon())
    for hit in hits:
        choose_reading(hit, focus_cc, focus_admin1, country_hint)
    return hits


def named(hits: list[Hit], written: str) -> Hit:
    """The one hit written ``written``."""
    (found,) = [hit for hit in hits if hit.written == written]
    return found


def record(name: str, kind: str, country_code: str) -> PlaceRecord:
    """The index's place of that name, kind and country."""
    gazetteer = get_gazetteer()
    found = gazetteer.lookup(name)
    assert found is not None, name
    (place,) = {
        gazetteer.record(row).row: gazetteer.record(row)
        for row, _t in found[1].targets
        if gazetteer.record(row).kind == kind and gazetteer.record(row).country_code == country_code
    }.values()
    return place
