"""Places, counts and what the server offers: the map, the timeline and the dashboard's forms read these."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response
from sqlalchemy import func, select

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
    ACCEPTED,
    ACLED_TYPES,
    EDITABLE,
    GTD_ATTACK_TYPES,
    REJECTED,
    EventSummary,
)
from sitrep.store.tables import (
    ArticleRow,
    CampaignRow,
    ClaimRow,
)

router = APIRouter()


@router.get("/api/places", response_model=list[PlaceOut], tags=["places"])
def list_places(request: Request, filters: FiltersDep) -> Response:
    """The places of the selected events, with how many events and best fatalities each."""

    def build() -> list[PlaceOut]:
        counts: Counter[tuple[Any, ...]] = Counter()
        deaths: Counter[tuple[Any, ...]] = Counter()
        with reading(request) as reader:
            for e in reader.summaries(filters):
                key = (e.place, e.country_code, e.admin1, e.admin2, e.lat, e.lon)
                counts[key] += 1
                deaths[key] += e.fatalities.best or 0
        ordered = sorted(counts, key=lambda k: (-counts[k], str(k[0])))
        fields = ("name", "country_code", "admin1", "admin2", "lat", "lon")
        return [
            PlaceOut(**dict(zip(fields, k, strict=True)), events=counts[k], fatalities_best=deaths[k])
            for k in ordered
        ]

    return cached(request, build)


@router.get("/api/stats", response_model=Stats, tags=["stats"])
def stats(request: Request, filters: FiltersDep) -> Response:
    """Counts for the selected events: per day (the timeline), per type, per district (the map's shading)."""

    def build() -> Stats:
        days: Counter[dt.date] = Counter()
        day_deaths: Counter[dt.date] = Counter()
        types: Counter[str] = Counter()
        districts: Counter[tuple[Any, ...]] = Counter()
        district_deaths: Counter[tuple[Any, ...]] = Counter()
        review = ReviewCounts()
        events = undated = deaths = 0
        campaigns: dict[str, list[EventSummary]] = defaultdict(list)
        with reading(request) as reader:
            for e in reader.summaries(filters):
                best = e.fatalities.best or 0
                events += 1
                deaths += best
                if e.date is None:
                    undated += 1
                else:
                    days[e.date] += 1
                    day_deaths[e.date] += best
                types[e.event_type] += 1
                if e.admin2 or e.admin1:
                    districts[(e.country_code, e.admin1, e.admin2)] += 1
                    district_deaths[(e.country_code, e.admin1, e.admin2)] += best
                if e.campaign_id:
                    campaigns[e.campaign_id].append(e)
                review.accepted += e.status == ACCEPTED
                review.rejected += e.status == REJECTED
                review.corrected += e.corrected
            session = reader.session
            articles = session.execute(select(func.count()).select_from(ArticleRow)).scalar_one()
            claims = session.execute(select(func.count()).select_from(ClaimRow)).scalar_one()
            campaign_rows = session.execute(
                select(CampaignRow).where(CampaignRow.uid.in_(sorted(campaigns))).order_by(CampaignRow.id)
            ).scalars()
            ranges = [campaign_out(row, campaigns[row.uid]) for row in campaign_rows]
        return Stats(
            campaign_ranges=ranges,
            events=events,
            undated=undated,
            fatalities_best=deaths,
            articles=articles,
            claims=claims,
            campaigns=len(campaigns),
            by_day=[DayCount(date=d, events=days[d], fatalities_best=day_deaths[d]) for d in sorted(days)],
            by_type=[TypeCount(event_type=t, events=n) for t, n in types.most_common()],
            by_district=[
                DistrictCount(
                    country_code=c,
                    admin1=a1,
                    admin2=a2,
                    events=n,
                    fatalities_best=district_deaths[(c, a1, a2)],
                )
                for (c, a1, a2), n in districts.most_common()
            ],
            review=review,
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
        dashboard_built=(WEB_DIR / "static" / "vendor" / "leaflet" / "leaflet.js").is_file(),
    )
