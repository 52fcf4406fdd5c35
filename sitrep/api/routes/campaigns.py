"""Campaigns: every campaign with its own contested range, and one campaign in full."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from sqlalchemy import select

from sitrep.api.deps import (
    articles_out,
    cached,
    reading,
)
from sitrep.api.schemas import (
    CampaignDetail,
    CampaignOut,
)
from sitrep.model import Figure
from sitrep.store.filters import EventFilter
from sitrep.store.review import (
    Filters,
    Tally,
)
from sitrep.store.rows import campaign_from_row
from sitrep.store.tables import (
    ArticleRow,
    CampaignArticleRow,
    CampaignRow,
)

router = APIRouter()


def campaign_out(row: CampaignRow, events: Tally) -> CampaignOut:
    """A campaign as listed: its own contested range first, its (visible) events' dates and count."""
    fatalities = Figure(**(row.fatalities or {}))
    return CampaignOut(
        id=row.uid,
        name=row.name,
        actor=row.actor,
        events=events.events,
        first_date=events.first or row.date_first,
        last_date=events.last or row.date_last,
        fatalities_best=fatalities.best if fatalities.best is not None else events.fatalities_best,
        fatalities=fatalities,
        injured=Figure(**(row.injured or {})),
        notes=row.notes,
    )


@router.get("/api/campaigns", response_model=list[CampaignOut], tags=["campaigns"])
def list_campaigns(request: Request) -> Response:
    """Every named operation, with its (visible) events' dates and summed best fatalities."""

    def build() -> list[CampaignOut]:
        with reading(request) as reader:
            grouped = reader.tallies(Filters(), "campaign_id")
            rows = reader.session.execute(select(CampaignRow).order_by(CampaignRow.id)).scalars()
            return [campaign_out(row, grouped.get((row.uid,), Tally())) for row in rows]

    return cached(request, build)


@router.get("/api/campaigns/{campaign_id:path}", response_model=CampaignDetail, tags=["campaigns"])
def get_campaign(http: Request, campaign_id: str) -> CampaignDetail:
    """A campaign: its events, the campaign-wide claims no single event holds, its articles."""
    with reading(http) as reader:
        row = reader.session.execute(select(CampaignRow).where(CampaignRow.uid == campaign_id)).scalar()
        if row is None:
            raise HTTPException(404, f"no campaign {campaign_id!r}")
        events = [
            e
            for e in reader.summaries(Filters(EventFilter(campaign=campaign_id)))
            if e.campaign_id == row.uid
        ]
        events.sort(key=lambda e: (e.date is None, e.date or dt.date.min, e.id))
        articles = articles_out(
            reader.session,
            ArticleRow.id.in_(
                select(CampaignArticleRow.article_id).where(CampaignArticleRow.campaign_id == row.id)
            ),
            (ArticleRow.published,),
        )
        claims = reader.campaign_claims(row.uid)
    found = campaign_from_row(row, claims)
    return CampaignDetail(
        events=events,
        articles=articles,
        **found.model_dump(
            include={
                "id",
                "name",
                "actor",
                "claims",
                "fatalities",
                "injured",
                "abducted",
                "by_side",
                "notes",
                "toll",
            }
        ),
    )
