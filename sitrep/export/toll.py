"""Toll evolution export: one CSV row per figure a claimant gave in one article, per event, in publication
order, so the rise (or fall) of each source's toll can be charted."""

from __future__ import annotations

import csv
from typing import TextIO

from sitrep.export._common import cell
from sitrep.model import Dataset

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
)


def rows(dataset: Dataset) -> list[dict[str, str]]:
    return [
        {
            "event_id": event.id,
            "published": cell(point.published),
            "article_id": point.article_id,
            "claimant": point.claimant,
            "claimant_kind": point.claimant_kind,
            "outcome": point.outcome,
            "low": cell(point.low),
            "high": cell(point.high),
            "text": point.text,
        }
        for event in dataset.events
        for point in event.toll
    ]


def write(dataset: Dataset, stream: TextIO) -> None:
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(dataset))
