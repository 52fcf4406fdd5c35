"""The API's write token: only its SHA-256 is stored."""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import (
    delete,
    select,
)
from sqlalchemy.orm import Session

from sitrep.store.review.tables import ApiTokenRow


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def stored_token_digests(session: Session) -> list[str]:
    return list(session.execute(select(ApiTokenRow.sha256).order_by(ApiTokenRow.id)).scalars())


def replace_token(session: Session, token: str) -> None:
    """Keep only ``token`` (as its SHA-256: the token itself is never stored)."""
    session.execute(delete(ApiTokenRow))
    session.add(ApiTokenRow(sha256=token_digest(token), created_at=dt.datetime.now(dt.UTC)))
