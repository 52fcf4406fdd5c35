"""Places, counts and what the server offers: the map, the timeline and the dashboard's forms read these."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response
from sqlalchemy import select

from sitrep.api.deps import (
    WEB_DIR,
    FiltersDep,
    cached,
    reading,
    sitrep_version,
)
from sitrep.api.routes.campaigns import Request, campaign_out
from sitrep.api.schemas import (
    DayCount,
    DistrictCount,
    Meta,
    PlaceOut,
    ReviewCounts,
    Stats,
    TypeCount,
)
from sitrep.export import FORMATS
from sitrep.store.review import (
    ACLED_TYPES,
    EDITABLE,
    GTD_ATTACK_TYPES,
)
from sitrep.store.tables import (
    CampaignRow,
)
from sitrep.store.totals import stored_rows
from sitrep.web import vendor

router = APIRouter()


@router.get("/api/places", response_model=list[PlaceOut], tags=["places"])
def list_places(
    request: Request,
    filters: FiltersDep,
    limit: Annotated[
        int | None, Query(ge=1, description="Only the places with the most events (the map's cap).")
    ] = None,
) -> Response:
    """The places of the selected events (``bbox``: those inside the map's bounds), with how many events and
    best fatalities each, most events first."""
    fields = ("place", "country_code", "admin1", "admin2", "lat", "lon")

    def build() -> list[PlaceOut]:
        with reading(request) as reader:
            tallies = reader.tallies(filters, *fields)
        ordered = sorted(
            tallies.items(), key=lambda item: (-item[1].events, str(item[0][0]), _sortable(item[0]))
        )
        return [
            PlaceOut(
                **dict(zip(("name", *fields[1:]), key, strict=True)),
                events=tally.events,
                fatalities_best=tally.fatalities_best,
            )
            for key, tally in ordered[:limit]
        ]

    return cached(request, build)


def _sortable(key: tuple[Any, ...]) -> tuple[Any, ...]:
    """A group key that sorts whatever its None values: ties in a count are then in one order every time."""
    return tuple((value is None, value if value is not None else 0) for value in key)


@router.get("/api/stats", response_model=Stats, tags=["stats"])
def stats(request: Request, filters: FiltersDep) -> Response:
    """Counts for the selected events: per day (the timeline), per type, per district (the map's shading)."""

    def build() -> Stats:
        with reading(request) as reader:
            by_day = reader.tallies(filters, "date")
            by_type = reader.tallies(filters, "event_type")
            by_district = reader.tallies(filters, "country_code", "admin1", "admin2")
            by_campaign = reader.tallies(filters, "campaign_id")
            accepted, rejected, corrected = reader.review_counts(filters)
            session = reader.session
            articles, claims = stored_rows(session, "articles"), stored_rows(session, "claims")
            campaign_uids = sorted(uid for (uid,) in by_campaign if uid)
            campaign_rows = session.execute(
                select(CampaignRow).where(CampaignRow.uid.in_(campaign_uids)).order_by(CampaignRow.id)
            ).scalars()
            ranges = [campaign_out(row, by_campaign[(row.uid,)]) for row in campaign_rows]
        days = sorted((day, tally) for (day,), tally in by_day.items() if day is not None)
        undated = by_day.get((None,))
        districts = [(key, tally) for key, tally in by_district.items() if key[2] or key[1]]
        return Stats(
            campaign_ranges=ranges,
            events=sum(t.events for t in by_day.values()),
            undated=undated.events if undated else 0,
            fatalities_best=sum(t.fatalities_best for t in by_day.values()),
            articles=articles,
            claims=claims,
            campaigns=len(campaign_uids),
            by_day=[DayCount(date=d, events=t.events, fatalities_best=t.fatalities_best) for d, t in days],
            by_type=[
                TypeCount(event_type=t, events=tally.events)
                for (t,), tally in sorted(by_type.items(), key=lambda item: (-item[1].events, item[0][0]))
            ],
            by_district=[
                DistrictCount(
                    country_code=c, admin1=a1, admin2=a2, events=t.events, fatalities_best=t.fatalities_best
                )
                for (c, a1, a2), t in sorted(
                    districts, key=lambda item: (-item[1].events, _sortable(item[0]))
                )
            ],
            review=ReviewCounts(accepted=accepted, rejected=rejected, corrected=corrected),
        )

    return cached(request, build)


@router.get("/api/meta", response_model=Meta, tags=["stats"])
def meta() -> Meta:
    """What this server offers: export formats, the taxonomy an edit must use, the editable fields."""
    return Meta(
        version=sitrep_version(),
        export_formats=list(FORMATS),
        acled_types={k: list(v) for k, v in ACLED_TYPES.items()},
        gtd_attack_types=list(GTD_ATTACK_TYPES),
        editable=list(EDITABLE),
        dashboard_built=not vendor.missing(WEB_DIR / "static" / "vendor"),
    )
