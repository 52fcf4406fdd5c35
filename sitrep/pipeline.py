"""Extract one article: the stages in order. In: an ``Article``; out: its ``ExtractResult``.

Article → language (``nlp.language``) → sentences (``nlp.sentences``) → casualty mentions (``nlp.casualties``)
→ attribution (``nlp.attribution``) → claims; places (``geo``); events and campaigns (``events.build``). Each
stage is its own module and can be run alone; this one only wires them together. Nothing here reads inputs
(``sources``) or stores (``store``, ``jobs``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from sitrep.events.actors import ActorDictionary, load_actors
from sitrep.events.build import build_events
from sitrep.geo.resolve import find_places
from sitrep.geo.urdu import find_urdu_places
from sitrep.model import Article, ArticleMeta, Campaign, Claim, Event, ExtractResult, Place
from sitrep.nlp.attribution import AttributionReader, attribution_reader
from sitrep.nlp.claims import Unit, assign_places, read_claims, read_units
from sitrep.nlp.language import detect_language
from sitrep.nlp.lexicon import tokenize
from sitrep.nlp.urdu import read_urdu_claims, urdu_sentences


@lru_cache(maxsize=4)
def _attribution_reader(actors: ActorDictionary) -> AttributionReader:
    """The attribution reader that knows the dictionary's armed groups (the shipped ones and an analyst's, from
    ``SITREP_ACTORS``) by their specific names."""
    groups = tuple(
        (actor.name.split(": ", 1)[-1], tuple(actors.specific_aliases(actor.name)))
        for actor in actors
        if actor.kind == "rebel_group"
    )
    return attribution_reader(groups)


def extract_claims(text: str, units: list[Unit] | None = None) -> list[Claim]:
    """Every casualty figure in ``text`` with its claimant, stance and verification, in text order."""
    return read_claims(text, _attribution_reader(load_actors()), units)


@dataclass
class Doc:
    """One article as the stages fill it in, in order."""

    article: Article
    language: str = "en"
    units: list[Unit] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    campaigns: list[Campaign] = field(default_factory=list)


def _units(doc: Doc) -> None:
    doc.units = read_units(doc.article.text)


def _places(doc: Doc) -> None:
    doc.places = find_places(doc.article.text)


def _claims(doc: Doc) -> None:
    doc.claims = assign_places(extract_claims(doc.article.text, doc.units), doc.places, doc.units)


def _events(doc: Doc) -> None:
    units = [(u.start, u.end, u.tokens) for u in doc.units]
    doc.events, doc.campaigns = build_events(
        doc.article.text, doc.article.published, units, doc.claims, doc.places, language=doc.language
    )


def _urdu_units(doc: Doc) -> None:
    # The event stage reads tokens for English cues only; Urdu sentences give it their spans.
    doc.units = [
        Unit(start, end, tokenize(doc.article.text[start:end]), True)
        for start, end in urdu_sentences(doc.article.text)
    ]


def _urdu_places(doc: Doc) -> None:
    doc.places = find_urdu_places(doc.article.text)


def _urdu_claims(doc: Doc) -> None:
    doc.claims = assign_places(read_urdu_claims(doc.article.text), doc.places, doc.units)


# The stages, by name, in the order they run: each reads what those before it left on the ``Doc``.
STAGES: tuple[tuple[str, Callable[[Doc], None]], ...] = (
    ("units", _units),  # the sentences worth reading, tokenised
    ("places", _places),  # place names resolved: event places and mentions
    ("claims", _claims),  # figures with claimant, stance and verification, tied to places
    ("events", _events),  # events and campaigns
)

# The stages of each language read (its own words, sentences and place names; events shared). "und" (unknown)
# is read as English, as before there were other languages.
STAGES_BY_LANGUAGE: dict[str, tuple[tuple[str, Callable[[Doc], None]], ...]] = {
    "en": STAGES,
    "und": STAGES,
    "ur": (("units", _urdu_units), ("places", _urdu_places), ("claims", _urdu_claims), ("events", _events)),
}


def extract(article: Article) -> ExtractResult:
    """The whole pipeline for one article: claims, places, events and campaigns.

    An article in a language without lexicons is kept with its language and not read.
    """
    language = article.language or detect_language(article.text)
    meta = ArticleMeta(**article.model_dump(exclude={"text", "language"}), language=language)
    stages = STAGES_BY_LANGUAGE.get(language)
    if stages is None:
        read = ", ".join(sorted(k for k in STAGES_BY_LANGUAGE if k != "und"))
        return ExtractResult(
            article=meta, note=f"not read: written in '{language}', the extractor reads {read}"
        )
    doc = Doc(article, language)
    for _name, stage in stages:
        stage(doc)
    return ExtractResult(
        article=meta, claims=doc.claims, places=doc.places, events=doc.events, campaigns=doc.campaigns
    )
