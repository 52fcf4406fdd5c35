"""Two events of one incident → one: the finer place and date, the named actors, every claim of both."""

from __future__ import annotations

from sitrep.model import (
    DatasetEvent,
)
from sitrep.resolve.figures import reconcile
from sitrep.resolve.matching import (
    known_actor,
)


def merge(into: DatasetEvent, new: DatasetEvent) -> DatasetEvent:
    """``into`` with ``new``'s claims and articles added (nothing counted twice), figures recomputed."""
    known = {c.id for c in into.claims}
    claims = into.claims + [c for c in new.claims if c.id not in known]
    articles = into.article_ids + [a for a in new.article_ids if a not in into.article_ids]
    sources = into.sources + [s for s in new.sources if s.article_id not in into.article_ids]
    more_precise = new if _precision(new) < _precision(into) else into
    merged = into.model_copy(
        update={
            "claims": claims,
            "claim_ids": [c.id for c in claims],
            "article_ids": articles,
            "sources": sources,
            "claimed_by": sorted(set(into.claimed_by) | set(new.claimed_by)),
            "denied_by": sorted(set(into.denied_by) | set(new.denied_by)),
            "tactics": sorted(set(into.tactics) | set(new.tactics)),
            "date": more_precise.date,
            "date_precision": more_precise.date_precision,
            **_actors_after_merge(into, new),
        }
    )
    return reconcile(merged)


def _actors_after_merge(into: DatasetEvent, new: DatasetEvent) -> dict[str, object]:
    """A known actor replaces an unidentified one, with its inter code; the interaction follows."""
    fields: dict[str, object] = {}
    if not known_actor(into.actor1) and known_actor(new.actor1):
        fields.update(actor1=new.actor1, inter1=new.inter1)
    if not into.actor2 and new.actor2:
        fields.update(actor2=new.actor2, inter2=new.inter2)
    if fields:
        inter1 = fields.get("inter1", into.inter1)
        inter2 = fields.get("inter2", into.inter2)
        if inter1 is not None:
            fields["interaction"] = (
                inter1 * 10 if inter2 is None else min(inter1, inter2) * 10 + max(inter1, inter2)
            )
    return fields


def _precision(event: DatasetEvent) -> int:
    return event.date_precision.get("acled", 9) if event.date else 9
