"""Cross-article resolution: merging events that describe one incident and reconciling their figures."""

from sitrep.resolve.rules import (
    claim_id,
    match_reasons,
    merge,
    reconcile,
    reconcile_campaign,
    same_incident,
    to_dataset_event,
)

__all__ = ["claim_id", "match_reasons", "merge", "reconcile",
    "reconcile_campaign",
    "same_incident", "to_dataset_event"]
