"""What enters the writer and leaves it: an ``Extracted`` article in, a ``Stored`` report out; and the ids one
article's writes pass between their steps (``Ids``, ``Replaces``)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from sitrep.model import Article, ExtractResult


class Outcome(enum.StrEnum):
    new = "new"
    duplicate = "duplicate"
    already_stored = "already stored"


@dataclass(frozen=True, slots=True)
class Extracted:
    """An article with what the pipeline found in it and its fingerprints (computed by an extraction worker)."""

    article: Article
    result: ExtractResult
    text_sha256: str
    url_sha256: str | None
    signature: bytes | None


@dataclass(slots=True)
class Stored:
    """What ``store`` did with one article."""

    outcome: Outcome
    article_id: str  # the input's id
    uid: str  # the dataset id it is stored under (already stored: of the stored article it matched)
    duplicate_of: str | None = None  # a duplicate: the dataset id of the original
    similarity: float | None = None
    # A newer revision (same URL, new text): the dataset id of the article it replaced.
    revision_of: str | None = None
    new_events: int = 0
    merged_events: int = 0


@dataclass(frozen=True, slots=True)
class Replaces:
    """The stored article at an article's URL whose text differs: the new one is its newer revision."""

    row: int
    uid: str


@dataclass(slots=True)
class Ids:
    """An article's local ids ("p6", "k1") and the rows they became; the event row each claim went to; the
    ``event_articles`` rows of its events, written together at the end."""

    place_rows: dict[str, int] = field(default_factory=dict)
    campaign_rows: dict[str, int] = field(default_factory=dict)
    campaign_uids: dict[str, str] = field(default_factory=dict)
    claim_events: dict[str, int] = field(default_factory=dict)  # dataset claim id → event row
    merged_campaigns: set[int] = field(default_factory=set)  # campaigns of the stored events merged into
    links: list[dict[str, Any]] = field(default_factory=list)  # event_articles rows
