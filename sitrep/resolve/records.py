"""An article's extraction → the dataset's records: an event with its sourced claims and article, and the id a
claim keeps across articles."""

from __future__ import annotations

from sitrep.model import (
    ArticleMeta,
    DatasetEvent,
    Event,
    ExtractResult,
    SourcedClaim,
)
from sitrep.resolve.figures import reconcile


def claim_id(article_id: str, local_id: str) -> str:
    """A claim's dataset id: unique across articles."""
    return f"{article_id}#{local_id}"


def to_dataset_event(
    event: Event, result: ExtractResult, article: ArticleMeta, *, reconciled: bool = True
) -> DatasetEvent:
    """One article's event as a dataset event: its claims with their source, its place inline. ``reconciled``:
    with its figures, notes and toll (without: for merging into another event, which recomputes them)."""
    claims_by_id = {c.id: c for c in result.claims}
    places = {p.id: p for p in result.places}
    claims = [
        SourcedClaim(
            **claims_by_id[local].model_dump(exclude={"id", "part_of"}),
            id=claim_id(article.id, local),
            part_of=claim_id(article.id, claims_by_id[local].part_of)
            if claims_by_id[local].part_of
            else None,
            article_id=article.id,
            published=article.published,
            source=article.source,
            url=article.url,
        )
        for local in event.claim_ids
        if local in claims_by_id
    ]
    dataset_event = DatasetEvent(
        **event.model_dump(exclude={"claim_ids"}),
        claim_ids=[c.id for c in claims],
        article_ids=[article.id],
        claims=claims,
        place=places.get(event.place_id) if event.place_id else None,
    )
    return reconcile(dataset_event) if reconciled else dataset_event
