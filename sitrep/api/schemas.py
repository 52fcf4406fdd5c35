"""The API's request and response models: what crosses the HTTP boundary, typed.

Events, claims and places reuse the dataset contract (``sitrep.model``); lists use the store's
``EventSummary``. Requests forbid unknown fields, so a typo ("fatalites") is an error, not a silent no-op.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sitrep.model import BySide, DatasetEvent, Figure, SourcedClaim, TollPoint
from sitrep.store.review import EventSummary

# A news article is kilobytes; the command line caps one at 5 MB and so does the API.
MAX_TEXT_CHARS = 5_000_000


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- responses ----------------------------------------------------------------------------------------------


class EventPage(Strict):
    total: int = Field(description="Events the filters select, over all pages.")
    limit: int
    offset: int
    events: list[EventSummary]


class ArticleOut(Strict):
    id: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    duplicate_of: str | None = Field(default=None, description="The original, for a near-duplicate.")
    ingested_at: dt.datetime | None = None


class ArticleDetail(ArticleOut):
    text: str
    events: list[str] = Field(default_factory=list)


class ArticlePage(Strict):
    total: int
    limit: int
    offset: int
    articles: list[ArticleOut]


class ChangeOut(Strict):
    """One entry of the audit trail."""

    id: int
    event_id: str = Field(description="The event the analyst acted on.")
    action: str = Field(description="accept | reject | reopen | edit | revert | merge | split | undo")
    who: str
    at: dt.datetime
    note: str | None = None
    before: dict[str, Any]
    after: dict[str, Any]
    events: list[str] = Field(description="Every event the change touched.")
    undoes: int | None = None
    undone_by: int | None = None


class Correction(Strict):
    machine: Any = Field(description="The value the pipeline gave (still in the store).")
    analyst: Any = Field(description="The value shown everywhere instead.")


class ReviewInfo(Strict):
    status: str | None = Field(default=None, description="accepted | rejected | null")
    corrected: bool = False
    merged_into: str | None = None
    split_from: str | None = None
    merged: list[str] = Field(default_factory=list, description="Events merged into this one.")
    splits: list[str] = Field(default_factory=list, description="Events split off this one.")
    corrections: dict[str, Correction] = Field(default_factory=dict)


class EventDetail(DatasetEvent):
    """An event with every claim, the articles that report it, its review and its history."""

    review: ReviewInfo
    articles: list[ArticleOut] = Field(default_factory=list)
    history: list[ChangeOut] = Field(default_factory=list)


class CampaignOut(Strict):
    id: str
    name: str
    actor: str | None = None
    events: int
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    fatalities_best: int = Field(
        description="The campaign's best figure (``fatalities.best``), else the sum of its events' best figures."
    )
    fatalities: Figure = Field(
        default_factory=Figure,
        description="The campaign's own reconciled range, from every claim of every article about it.",
    )
    injured: Figure = Field(default_factory=Figure)
    notes: str = ""


class CampaignDetail(Strict):
    id: str
    name: str
    actor: str | None = None
    events: list[EventSummary]
    claims: list[SourcedClaim] = Field(description="Campaign-wide claims no single event holds.")
    articles: list[ArticleOut]
    fatalities: Figure = Field(default_factory=Figure)
    injured: Figure = Field(default_factory=Figure)
    abducted: Figure = Field(default_factory=Figure)
    by_side: BySide = Field(default_factory=BySide)
    notes: str = ""
    toll: list[TollPoint] = Field(default_factory=list)


class PlaceOut(Strict):
    name: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    events: int
    fatalities_best: int


class DayCount(Strict):
    date: dt.date
    events: int
    fatalities_best: int


class TypeCount(Strict):
    event_type: str
    events: int


class DistrictCount(Strict):
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    events: int
    fatalities_best: int


class ReviewCounts(Strict):
    accepted: int = 0
    rejected: int = 0
    corrected: int = 0


class Stats(Strict):
    events: int
    undated: int
    fatalities_best: int
    articles: int
    claims: int
    campaigns: int
    campaign_ranges: list[CampaignOut] = Field(
        default_factory=list,
        description="The selected events' campaigns with their own contested ranges: the dashboard's headline.",
    )
    by_day: list[DayCount]
    by_type: list[TypeCount]
    by_district: list[DistrictCount]
    review: ReviewCounts


class Meta(Strict):
    version: str
    export_formats: list[str]
    acled_types: dict[str, list[str]]
    gtd_attack_types: list[str]
    editable: list[str]
    dashboard_built: bool = Field(description="Whether the dashboard's JavaScript libraries were built.")


class StoredArticle(Strict):
    input_id: str
    id: str = Field(description="The dataset id it is stored under.")
    outcome: Literal["new", "duplicate", "already stored"]
    duplicate_of: str | None = None
    new_events: int = 0
    merged_events: int = 0
    claims: int = 0


class IngestResult(Strict):
    stored: list[StoredArticle]
    problems: list[str]


class ReviewResult(Strict):
    change: ChangeOut
    event_id: str
    new_event: str | None = Field(default=None, description="A split: the new event's id.")


# --- requests -----------------------------------------------------------------------------------------------


class IngestRequest(Strict):
    """Either ``text`` (with optional metadata; needs no network) or ``url`` (a page or a feed, fetched)."""

    text: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)
    url: str | None = Field(default=None, max_length=4096, description="A page or feed to fetch.")
    id: str | None = Field(default=None, max_length=300, description="Text: the article's id.")
    title: str | None = Field(default=None, max_length=2000)
    published: dt.date | None = None
    source: str | None = Field(default=None, max_length=300)
    source_url: str | None = Field(default=None, max_length=4096, description="Text: where it was published.")

    @model_validator(mode="after")
    def _one_input(self) -> IngestRequest:
        if (self.text is None) == (self.url is None):
            raise ValueError("give either text or url")
        if self.text is not None and not self.text.strip():
            raise ValueError("text is empty")
        for link in (self.url, self.source_url):
            if link is not None and not link.lower().startswith(("http://", "https://")):
                raise ValueError("URLs must start with http:// or https://")
        return self


class Action(Strict):
    analyst: str = Field(min_length=1, max_length=100, description="Who makes the change (for the history).")
    note: str | None = Field(default=None, max_length=2000, description="Why.")


class JudgeRequest(Action):
    event_id: str


class PlaceChange(Strict):
    name: str = Field(min_length=1, max_length=300)
    country_code: str | None = Field(default=None, max_length=2)
    admin1: str | None = Field(default=None, max_length=300)
    admin2: str | None = Field(default=None, max_length=300)
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)


class FigureChange(Strict):
    low: int | None = Field(default=None, ge=0)
    best: int | None = Field(default=None, ge=0)
    high: int | None = Field(default=None, ge=0)


class EventChanges(Strict):
    """Only the fields given are changed; ``null`` clears a field that may be empty (actor2, date…)."""

    event_type: str | None = None
    sub_event_type: str | None = None
    gtd_attack_type: str | None = None
    actor1: str | None = Field(default=None, max_length=300)
    actor2: str | None = Field(default=None, max_length=300)
    inter1: int | None = Field(default=None, ge=1, le=8)
    inter2: int | None = Field(default=None, ge=1, le=8)
    date: dt.date | None = None
    date_precision: dict[str, int] | None = None
    place: PlaceChange | None = None
    fatalities: FigureChange | None = None
    injured: FigureChange | None = None
    abducted: FigureChange | None = None

    def given(self) -> dict[str, Any]:
        """The fields the request named, as plain values."""
        out: dict[str, Any] = {}
        for name in self.model_fields_set:
            value = getattr(self, name)
            out[name] = value.model_dump() if isinstance(value, BaseModel) else value
        for name in ("event_type", "sub_event_type", "gtd_attack_type"):
            if name in out and out[name] is None:
                raise ValueError(f"{name} cannot be empty")
        return out


class EditRequest(Action):
    event_id: str
    changes: EventChanges


class RevertRequest(Action):
    event_id: str
    fields: list[str] = Field(min_length=1)


class MergeRequest(Action):
    event_id: str = Field(description="The event that stays.")
    merge: list[str] = Field(min_length=1, description="The events merged into it.")


class SplitRequest(Action):
    event_id: str
    claim_ids: list[str] = Field(min_length=1, description="The claims that move to the new event.")


class UndoRequest(Action):
    change_id: int
