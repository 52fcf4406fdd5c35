"""Articles: every article read, and one with its text and the events it reports."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from sqlalchemy import func, select

from sitrep.api.deps import (
    MAX_PAGE,
    articles_out,
    reading,
)
from sitrep.api.schemas import (
    ArticleDetail,
    ArticlePage,
)
from sitrep.store.tables import (
    ArticleRow,
    EventArticleRow,
    EventRow,
)

router = APIRouter()


@router.get("/api/articles", response_model=ArticlePage, tags=["articles"])
def list_articles(
    http: Request,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ArticlePage:
    """Every article read, by publication date."""
    with reading(http) as reader:
        session = reader.session
        total = session.execute(select(func.count()).select_from(ArticleRow)).scalar_one()
        page = select(ArticleRow.id).order_by(ArticleRow.published, ArticleRow.id).offset(offset).limit(limit)
        ids = list(session.execute(page).scalars())
        articles = articles_out(session, ArticleRow.id.in_(ids), (ArticleRow.published,))
    return ArticlePage(total=total, limit=limit, offset=offset, articles=articles)


@router.get("/api/articles/{article_id:path}", response_model=ArticleDetail, tags=["articles"])
def get_article(http: Request, article_id: str) -> ArticleDetail:
    """One article with its text and the events it reports."""
    with reading(http) as reader:
        session = reader.session
        found = articles_out(session, ArticleRow.uid == article_id)
        if not found:
            raise HTTPException(404, f"no article {article_id!r}")
        row = session.execute(select(ArticleRow).where(ArticleRow.uid == article_id)).scalar_one()
        events = session.execute(
            select(EventRow.uid)
            .join(EventArticleRow, EventArticleRow.event_id == EventRow.id)
            .where(EventArticleRow.article_id == row.id)
            .order_by(EventRow.id)
        ).scalars()
        return ArticleDetail(**found[0].model_dump(), text=row.text, events=list(events))
