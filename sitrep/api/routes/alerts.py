"""Alerts: the most recent ones ``sitrep alerts`` (or ``watch`` / ``ingest --alerts``) sent, newest first."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel
from sqlalchemy import func, select

from sitrep.api.deps import MAX_PAGE, reading
from sitrep.store.alerted import AlertRow

router = APIRouter()


class AlertPage(BaseModel):
    total: int
    alerts: list[dict[str, Any]]


@router.get("/api/alerts", response_model=AlertPage, tags=["alerts"])
def list_alerts(http: Request, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20) -> AlertPage:
    """The latest alerts as sent (rule, event or campaign, figures, claimants, quotes, links), each with its
    ``status`` (``sent``, or ``sending`` while a delivery is unconfirmed) and ``updated_at``."""
    with reading(http) as reader:
        session = reader.session
        total = session.execute(select(func.count()).select_from(AlertRow)).scalar_one()
        rows = session.execute(
            select(AlertRow).order_by(AlertRow.updated_at.desc(), AlertRow.id.desc()).limit(limit)
        ).scalars()
        alerts = [
            {**json.loads(row.payload), "status": row.status, "updated_at": row.updated_at.isoformat()}
            for row in rows
        ]
    return AlertPage(total=total, alerts=alerts)
