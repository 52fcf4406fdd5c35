"""Toll evolution export: one CSV row per figure a claimant gave in one article, per event — and per campaign
for the figures no single place holds (``campaign_id`` set, ``event_id`` blank) — in publication order, so the
rise (or fall) of each source's toll can be charted. ``superseded`` marks a figure the same claimant's later
article replaced; ``stance`` "confirmed" a figure a claimant confirmed."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO

from sitrep.export._common import cell, csv_pieces
from sitrep.model import Dataset, DatasetCampaign, DatasetEvent, TollPoint

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
    return list(_rows(dataset.events, lambda: dataset.campaigns))


def _rows(
    events: Iterable[DatasetEvent], campaigns: Callable[[], Iterable[DatasetCampaign]]
) -> Iterator[dict[str, str]]:
    for event in events:
        for point in event.toll:
            yield _row(point, event.id, event.campaign_id)
    for campaign in campaigns():
        for point in campaign.toll:
            yield _row(point, "", campaign.id)


def pieces(
    events: Iterable[DatasetEvent], campaigns: Callable[[], Iterable[DatasetCampaign]]
) -> Iterator[str]:
    """The CSV, read as the events come; the campaigns' rows after them."""
    values = ([row[column] for column in COLUMNS] for row in _rows(events, campaigns))
    return csv_pieces(itertools.chain([COLUMNS], values))


def write(dataset: Dataset, stream: TextIO) -> None:
    for piece in pieces(dataset.events, lambda: dataset.campaigns):
        stream.write(piece)
