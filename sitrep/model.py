"""The output contract: what sitrep says about an article.

Every stage reads and returns these types. The JSON Schema in ``sitrep/schema/`` is generated from
``ExtractResult`` (``sitrep schema``) and checked against it by a test, so the two never drift. The contract
changes only by adding fields: a field is never renamed or removed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0.0"

Outcome = Literal["killed", "injured", "abducted", "arrested", "missing", "casualties"]
Victim = Literal["security_forces", "civilians", "militants", "unspecified"]
ClaimantKind = Literal[
    "armed_group",
    "government",
    "security_forces",
    "local_source",
    "medical",
    "media",
    "unofficial",
    "rights_group",
    "other",
    "none",
]
Stance = Literal["claimed", "confirmed", "reported", "alleged", "estimated", "denied"]
PlaceKind = Literal["country", "admin1", "admin2", "admin3", "town", "locality"]
PlaceRole = Literal["event", "mention"]


class Contract(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Article(Contract):
    """An article as read from its source; ``text`` is what the stages read and is not part of the output."""

    id: str
    text: str = Field(exclude=True)
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    language: str | None = Field(default=None, description="ISO 639-1 code, or 'und' when unknown.")


class Count(Contract):
    """A figure as written. ``low``/``high`` are bounds; both equal for an exact figure, null when unknown."""

    low: int | None = None
    high: int | None = None
    text: str = Field(description="The words of the figure as written, e.g. 'more than 200'.")
    approximate: bool = False


class Claimant(Contract):
    """Who states a figure. ``kind`` 'none' means the article says it in its own voice."""

    name: str | None = None
    kind: ClaimantKind = "none"
    text: str | None = Field(default=None, description="The words naming the claimant, as written.")


class Claim(Contract):
    """One figure for one outcome and one kind of victim, with who states it and how."""

    id: str
    outcome: Outcome
    victim: Victim
    victim_text: str = ""
    count: Count
    claimant: Claimant
    stance: Stance
    verified: bool | None = None
    quote: str = Field(description="The sentence the figure stands in.")
    start: int = Field(description="Character offset of the quoted sentence in the article text.")
    end: int
    place_ids: list[str] = Field(
        default_factory=list, description="Places named in the claim's sentence or the nearest one before it."
    )
    part_of: str | None = Field(
        default=None,
        description="Id of a claim this one is a subset of ('17 killed, including 5 children').",
    )
    background: bool = Field(
        default=False,
        description="A figure of an earlier incident or an aggregate statistic ('seven were killed in a "
        "similar attack last year'): kept as a claim, never counted in the article's events.",
    )


class Place(Contract):
    """A place named in the article, resolved against the gazetteer."""

    id: str
    name: str
    text: str
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: str | None = None
    kind: PlaceKind
    precision: dict[str, int] = Field(
        default_factory=dict, description="{'acled': geo_precision 1-3, 'ucdp': where_prec 1-7}."
    )
    role: PlaceRole = "event"
    start: int
    end: int


class Figure(Contract):
    """A reconciled figure for an event: lowest reliable, best, highest claimed; ``rule`` says how."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    rule: str = ""


class BySide(Contract):
    """Deaths of all parties, split by who died."""

    security_forces: Figure = Field(default_factory=Figure)
    civilians: Figure = Field(default_factory=Figure)
    militants: Figure = Field(default_factory=Figure)
    unspecified: Figure = Field(default_factory=Figure)


class Event(Contract):
    """One event as ACLED codes it: one place, one day, one actor pair, one sub-event type."""

    id: str
    event_type: str
    sub_event_type: str
    gtd_attack_type: str
    date: dt.date | None = Field(
        default=None,
        description="The day of the event; null marks an undated event (no day the text or its page date fixes), "
        "which the ACLED and UCDP exports leave out unless asked.",
    )
    date_precision: dict[str, int] = Field(
        default_factory=dict, description="{'acled': time_precision 1-3, 'ucdp': date_prec 1-5}."
    )
    actor1: str | None = None
    actor2: str | None = None
    inter1: int | None = Field(default=None, description="ACLED inter code of actor1 (1-8).")
    inter2: int | None = None
    interaction: int | None = Field(default=None, description="inter1 and inter2 joined, lower first.")
    claimed_by: list[str] = Field(default_factory=list)
    denied_by: list[str] = Field(default_factory=list)
    place_id: str | None = None
    fatalities: Figure = Field(default_factory=Figure)
    injured: Figure = Field(default_factory=Figure)
    abducted: Figure = Field(default_factory=Figure)
    by_side: BySide = Field(default_factory=BySide)
    claim_ids: list[str] = Field(default_factory=list)
    campaign_id: str | None = None
    tactics: list[str] = Field(default_factory=list, description="The tactic words the typing read.")


class Campaign(Contract):
    """A named operation spanning several events ("Operation …, Phase II"), or one actor's coordinated attacks
    across districts on one or a few days, and its campaign-wide claims (those no single place holds)."""

    id: str
    name: str
    actor: str | None = None
    event_ids: list[str] = Field(default_factory=list)
    claim_ids: list[str] = Field(default_factory=list)
    named: bool = Field(
        default=True,
        description="True for an operation the text names; false for coordinated attacks the text describes "
        "('attacks across the province'), named here by actor and region.",
    )
    date_first: dt.date | None = Field(default=None, description="The first day of its events or claims.")
    date_last: dt.date | None = None


class SourcedClaim(Claim):
    """A claim as kept in the dataset: its ``id`` is unique across articles ("<article id>#c1") and it says
    which article it came from and when that was published."""

    article_id: str
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    superseded_by: str | None = Field(
        default=None,
        description="A newer revision of this claim's article (the same URL, new text) replaced it: the id of "
        "that revision. Kept for the toll history, counted in no figure.",
    )


class TollPoint(Contract):
    """One step of a toll's evolution: what one claimant said, in one article, on one day."""

    published: dt.date | None = None
    article_id: str
    claimant: str
    claimant_kind: ClaimantKind
    outcome: Outcome
    low: int | None = None
    high: int | None = None
    text: str
    stance: Stance | None = Field(
        default=None, description="'confirmed' marks a figure a claimant confirmed."
    )
    superseded: bool = Field(
        default=False,
        description="A later article gives this claimant's newer figures: this one no longer counts.",
    )


class EventSource(Contract):
    """One article reporting an event, and why it was joined to the event."""

    article_id: str
    matched: list[str] | None = Field(
        default=None,
        description="The features that made the article join the event (a merge's reasons, or the original "
        "it nearly duplicates); null where the article began the event.",
    )


class DatasetEvent(Event):
    """An event of the reconciled dataset: merged across articles, every claim kept with its source."""

    article_ids: list[str] = Field(default_factory=list)
    claims: list[SourcedClaim] = Field(default_factory=list)
    place: Place | None = None
    notes: str = Field(default="", description="Who claims what, in words; the figures' rules.")
    toll: list[TollPoint] = Field(
        default_factory=list, description="Figures per source over publication time."
    )
    sources: list[EventSource] = Field(
        default_factory=list,
        description="The articles of ``article_ids``, each with why it joined the event.",
    )


class DatasetCampaign(Campaign):
    """A campaign of the reconciled dataset: its own figures per outcome and side, built from every claim of
    every article about it (``sitrep.resolve.reconcile_campaign`` says how), beside its events' figures."""

    article_ids: list[str] = Field(default_factory=list)
    claims: list[SourcedClaim] = Field(
        default_factory=list, description="The campaign-wide claims: figures no single place holds."
    )
    fatalities: Figure = Field(default_factory=Figure)
    injured: Figure = Field(default_factory=Figure)
    abducted: Figure = Field(default_factory=Figure)
    by_side: BySide = Field(default_factory=BySide)
    notes: str = Field(default="", description="Who claims what for the whole campaign; the figures' rules.")
    toll: list[TollPoint] = Field(
        default_factory=list, description="Campaign-wide figures over publication time."
    )


class Dataset(Contract):
    """The ``sitrep export --format json`` document."""

    events: list[DatasetEvent] = Field(default_factory=list)
    campaigns: list[DatasetCampaign] = Field(default_factory=list)


class ArticleMeta(Contract):
    id: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    language: str | None = None


class ExtractResult(Contract):
    """One article's extraction: the unit of ``sitrep extract`` output (one JSON object per article)."""

    article: ArticleMeta
    claims: list[Claim] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    campaigns: list[Campaign] = Field(default_factory=list)
    note: str | None = Field(default=None, description="Why the article was not read, when it was not.")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one ``ExtractResult``, as committed in ``sitrep/schema/``."""
    schema = ExtractResult.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://sitrep.invalid/schema/extract-{SCHEMA_VERSION}.json",
        "version": SCHEMA_VERSION,
        **schema,
    }
