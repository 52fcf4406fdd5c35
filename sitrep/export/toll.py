"""Toll evolution export: one CSV row per figure a claimant gave in one article, per event — and per campaign
for the figures no single place holds (``campaign_id`` set, ``event_id`` blank) — in publication order, so the
rise (or fall) of each source's toll can be charted. ``superseded`` marks a figure the same claimant's later
article replaced; ``stance`` "confirmed" a figure a claimant confirmed."""

from __future__ import annotations

import csv
from typing import TextIO

from sitrep.export._common import cell
from sitrep.model import Dataset, TollPoint

COLUMNS = (
    "event_id",
    "published",
    "article_id",
    "claimant",
    "claimant_kind",
    "outcome",
    "low",
    "high",
    "text",
    "stance",
    "superseded",
    "campaign_id",
)


def _row(point: TollPoint, event_id: str, campaign_id: str | None) -> dict[str, str]:
    return {
        "event_id": event_id,
        "published": cell(point.published),
        "article_id": point.article_id,
        "claimant": point.claimant,
        "claimant_kind": point.claimant_kind,
        "outcome": point.outcome,
        "low": cell(point.low),
        "high": cell(point.high),
        "text": point.text,
        "stance": point.stance or "",
        "superseded": "true" if point.superseded else "false",
        "campaign_id": campaign_id or "",
    }


def rows(dataset: Dataset) -> list[dict[str, str]]:
    events = [_row(point, event.id, event.campaign_id) for event in dataset.events for point in event.toll]
    campaigns = [_row(point, "", campaign.id) for campaign in dataset.campaigns for point in campaign.toll]
    return events + campaigns


def write(dataset: Dataset, stream: TextIO) -> None:
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(dataset))
