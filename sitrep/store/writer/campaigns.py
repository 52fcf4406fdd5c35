"""Campaign upkeep: a new article's campaigns in, joined to the stored campaign each continues or inserted;
the campaigns an article touched in, their figures, notes, toll and days reconciled again.

Campaigns merge on their normalised name and actor; one group's coordinated attacks told without a name join
the campaign of that actor within ``CAMPAIGN_DAYS`` (in the same province when neither is named), and a named
operation adopts such a campaign stored before. Every campaign the article touched is then reconciled again
(``sitrep.resolve.reconcile_campaign``) from its own claims and its events.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from sitrep.model import Campaign, Event, ExtractResult
from sitrep.resolve import reconcile_campaign
from sitrep.store.filters import campaign_key
from sitrep.store.rows import campaign_claims, campaign_from_row
from sitrep.store.tables import campaign_articles, campaigns, events
from sitrep.store.writer.records import Ids
from sitrep.store.writer.writes import Writes

# How many days apart two reports of one group's coordinated attacks may date them and still be one campaign.
CAMPAIGN_DAYS = 3

_FIND_CAMPAIGN = select(campaigns.c.id, campaigns.c.uid, campaigns.c.date_first, campaigns.c.date_last).where(
    campaigns.c.name_key == bindparam("name_key"), campaigns.c.actor_key == bindparam("actor_key")
)
# One actor's campaign whose days come within ``CAMPAIGN_DAYS`` of another's: coordinated attacks told without a
# name, or the named operation they belong to.
_CAMPAIGN_NEAR = (
    select(
        campaigns.c.id,
        campaigns.c.uid,
        campaigns.c.date_first,
        campaigns.c.date_last,
        campaigns.c.named,
        campaigns.c.name_key,
    )
    .where(
        campaigns.c.actor_key == bindparam("actor_key"),
        campaigns.c.date_first <= bindparam("latest"),
        campaigns.c.date_last >= bindparam("earliest"),
    )
    .order_by(campaigns.c.named.desc(), campaigns.c.id)
)
_INSERT_CAMPAIGN = insert(campaigns).returning(campaigns.c.id)
_UPDATE_CAMPAIGN = update(campaigns).where(campaigns.c.id == bindparam("row"))
_CAMPAIGN_BY_ROW = select(campaigns).where(campaigns.c.id == bindparam("row"))
_CAMPAIGN_EVENTS = select(
    *(events.c[name] for name in ("uid", "event_type", "sub_event_type", "gtd_attack_type", "date")),
    *(events.c[name] for name in ("fatalities", "injured", "abducted", "by_side")),
).where(events.c.campaign_id == bindparam("row"))
INSERT_CAMPAIGN_ARTICLE = insert(campaign_articles)
# The campaigns an article is a source of.
CAMPAIGNS_OF_ARTICLE = select(campaign_articles.c.campaign_id).where(
    campaign_articles.c.article_id == bindparam("row")
)


def upsert_campaigns(
    connection: Connection, article_row: int, uid: str, result: ExtractResult, ids: Ids
) -> None:
    """Each campaign of the article joins the stored one it continues, else is inserted: a named one by its
    name and actor; coordinated attacks without a name by actor, province and days (``CAMPAIGN_DAYS``),
    also joining the named operation of those days — which in turn adopts such a campaign stored before
    anyone named it."""
    execute = connection.execute
    for campaign in result.campaigns:
        name_key = campaign_key(campaign.name)
        actor_key = campaign.actor or ""
        found = execute(_FIND_CAMPAIGN, {"name_key": name_key, "actor_key": actor_key}).first()
        if found is None:
            found = _campaign_near(connection, campaign, name_key, actor_key)
            if found is not None and campaign.named and not found.named:
                execute(
                    _UPDATE_CAMPAIGN,
                    {"row": found.id, "name": campaign.name, "name_key": name_key, "named": True},
                )
        if found is not None:
            days = [
                d for d in (found.date_first, found.date_last, campaign.date_first, campaign.date_last) if d
            ]
            if days and (min(days), max(days)) != (found.date_first, found.date_last):
                execute(_UPDATE_CAMPAIGN, {"row": found.id, "date_first": min(days), "date_last": max(days)})
            found = (found.id, found.uid)
        else:
            new_uid = f"{uid}#{campaign.id}"
            if not campaign.named:  # unique per province and first day: the same words recur yearly
                name_key = f"{name_key} {campaign.date_first or new_uid}"
            row = execute(
                _INSERT_CAMPAIGN,
                {
                    "name_key": name_key,
                    "actor_key": actor_key,
                    "uid": new_uid,
                    "name": campaign.name,
                    "actor": campaign.actor,
                    "named": campaign.named,
                    "date_first": campaign.date_first,
                    "date_last": campaign.date_last,
                },
            ).scalar_one()
            found = (row, new_uid)
        ids.campaign_rows[campaign.id], ids.campaign_uids[campaign.id] = found
        execute(INSERT_CAMPAIGN_ARTICLE, {"campaign_id": found[0], "article_id": article_row})


def _campaign_near(connection: Connection, campaign: Campaign, name_key: str, actor_key: str) -> Any:
    """The stored campaign of the same actor within ``CAMPAIGN_DAYS`` of this one that it continues: for
    unnamed attacks, a named operation or unnamed attacks in the same province; for a named operation,
    unnamed attacks only (another name is another operation)."""
    if not actor_key or campaign.date_first is None or campaign.date_last is None:
        return None
    window = dt.timedelta(days=CAMPAIGN_DAYS)
    for near in connection.execute(
        _CAMPAIGN_NEAR,
        {
            "actor_key": actor_key,
            "earliest": campaign.date_first - window,
            "latest": campaign.date_last + window,
        },
    ):
        if campaign.named and near.named:
            continue  # another name is another operation
        if not (campaign.named or near.named or near.name_key.startswith(name_key)):
            continue  # unnamed attacks in another province
        return near
    return None


def reconcile_campaigns(writes: Writes, rows: set[int]) -> None:
    """Recompute the figures, notes, toll and days of these campaigns from their claims and events."""
    connection = writes.connection
    execute = connection.execute
    own_claims = campaign_claims(connection, sorted(rows))
    for row in sorted(rows):
        stored = execute(_CAMPAIGN_BY_ROW, {"row": row}).one()
        campaign_events = [
            Event(
                id=e.uid,
                event_type=e.event_type,
                sub_event_type=e.sub_event_type,
                gtd_attack_type=e.gtd_attack_type,
                date=e.date,
                fatalities=e.fatalities,
                injured=e.injured,
                abducted=e.abducted,
                by_side=e.by_side,
            )
            for e in execute(_CAMPAIGN_EVENTS, {"row": row})
        ]
        campaign = reconcile_campaign(campaign_from_row(stored, own_claims[row]), campaign_events)
        writes.execute(
            _UPDATE_CAMPAIGN,
            {
                "row": row,
                **{
                    name: getattr(campaign, name).model_dump()
                    for name in ("fatalities", "injured", "abducted", "by_side")
                },
                "notes": campaign.notes,
                "toll": [point.model_dump(mode="json") for point in campaign.toll],
                "date_first": campaign.date_first,
                "date_last": campaign.date_last,
                "revision": stored.revision + 1,
            },
        )
