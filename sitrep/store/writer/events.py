"""Deciding the merge: one new article's event (with dataset-wide ids) in, merged into the stored event the
same-incident rules pick or inserted as a new row out.

Each event is merged into the first stored event that ``sitrep.resolve.same_incident`` accepts among the
candidates (``candidates``: nearest first, then oldest), else inserted. Two events of one article are never
merged with each other: the extractor already decided they differ. Undated events are never merged: nothing
says they happened on the same day. Each merge stores why (``event_articles.matched``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import bindparam, insert, select, update

from sitrep.model import DatasetEvent
from sitrep.resolve import match_rank, match_reasons, merge, same_gazetteer_place
from sitrep.store.rows import EVENT_COLUMNS, events_from_rows, events_joined
from sitrep.store.tables import event_articles, events
from sitrep.store.writer.candidates import candidates_for, district, nearest_first, place_key
from sitrep.store.writer.memory import Memory
from sitrep.store.writer.records import Ids
from sitrep.store.writer.writes import Writes

_EVENT_BY_ROW = select(*EVENT_COLUMNS).select_from(events_joined()).where(events.c.id == bindparam("row"))
_INSERT_EVENT = insert(events).returning(events.c.id)
UPDATE_EVENT = update(events).where(events.c.id == bindparam("row"))
INSERT_EVENT_ARTICLES = insert(event_articles)


def merge_into_stored(
    writes: Writes, memory: Memory, article_row: int, new: DatasetEvent, new_campaign: int | None, ids: Ids
) -> bool:
    """Merge ``new`` into the stored event it is the same incident as, if any (True then)."""
    connection = writes.connection
    if new.place is None:
        return False
    linked = {link["event_id"] for link in ids.links}
    candidates = candidates_for(connection, new)
    matches = []
    for order, candidate in enumerate(nearest_first(candidates, new.place)):
        if candidate.row in linked:
            continue  # an event of this same article: the extractor already told them apart
        same_campaign = new_campaign is not None and candidate.campaign_row == new_campaign
        reasons = match_reasons(candidate.event, new, same_campaign=same_campaign)
        if reasons is not None:
            matches.append((order, candidate, reasons))
    if not matches:
        return False
    # Of several events at the first one's very place and day (two attacks in one town on one day), the
    # one its toll and type tell; else the nearest, then the oldest.
    first = matches[0][1].event
    _order, candidate, reasons = min(
        (m for m in matches if m is matches[0] or _same_spot(m[1].event, first)),
        key=lambda match: (match_rank(match[1].event, new), match[0]),
    )
    row, revision = candidate.row, candidate.revision
    cached_revision, stored = memory.events.pop(row, (None, None))
    if cached_revision != revision or stored is None:  # not in memory, or out of date
        full_row = connection.execute(_EVENT_BY_ROW, {"row": row}).one()
        [stored] = events_from_rows(connection, [full_row])
    merged = merge(stored, new)
    values = event_values(merged)
    campaign_row = candidate.campaign_row
    if campaign_row is None and new_campaign is not None:
        values["campaign_id"] = campaign_row = new_campaign  # a later article named the operation
        merged = merged.model_copy(update={"campaign_id": new.campaign_id})
    if campaign_row is not None:
        ids.merged_campaigns.add(campaign_row)
    writes.execute(UPDATE_EVENT, {**values, "revision": revision + 1, "row": row})
    memory.events[row] = (revision + 1, merged)
    ids.links.append({"event_id": row, "article_id": article_row, "matched": reasons})
    for claim in new.claims:
        ids.claim_events[claim.id] = row
    return True


def insert_event(
    writes: Writes,
    memory: Memory,
    article_row: int,
    event: DatasetEvent,
    place_row: int | None,
    campaign_row: int | None,
    ids: Ids,
) -> None:
    """A new events row for ``event``: a merge candidate from now on if it has a place and a date."""
    country_code, admin1, admin2 = district(event)
    key = place_key(country_code, admin1, admin2)
    row = writes.scalar(
        _INSERT_EVENT,
        {
            "uid": event.id,
            **event_values(event),
            "place_id": place_row,
            "country_code": country_code,
            "admin1": admin1,
            "admin2": admin2,
            "place_key": key,
            "campaign_id": campaign_row,
            "revision": 0,
        },
    )
    memory.events[row] = (0, event)
    ids.links.append({"event_id": row, "article_id": article_row, "matched": None})
    for claim in event.claims:
        ids.claim_events[claim.id] = row


def _same_spot(one: DatasetEvent, other: DatasetEvent) -> bool:
    """One gazetteer place and one day."""
    return same_gazetteer_place(one, other) and one.date == other.date


def scoped(event: DatasetEvent, uid: str, ids: Ids) -> DatasetEvent:
    """``to_dataset_event``'s event with dataset-wide ids: its own, its place's and its claims' place ids, and
    its campaign's (the stored campaign it merged into). Claim ids are scoped by ``to_dataset_event`` itself."""
    place = event.place
    if place is not None:
        place = place.model_copy(update={"id": f"{uid}#{place.id}"})
    event_claims = [
        c.model_copy(update={"place_ids": [f"{uid}#{p}" for p in c.place_ids]}) for c in event.claims
    ]
    return event.model_copy(
        update={
            "id": f"{uid}#{event.id}",
            "place": place,
            "place_id": place.id if place is not None else None,
            "claims": event_claims,
            "campaign_id": ids.campaign_uids.get(event.campaign_id) if event.campaign_id else None,
        }
    )


def event_values(event: DatasetEvent) -> dict[str, Any]:
    """The columns of an events row that ``merge``/``reconcile`` may change."""
    return {
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "gtd_attack_type": event.gtd_attack_type,
        "date": event.date,
        "date_precision": event.date_precision,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "inter1": event.inter1,
        "inter2": event.inter2,
        "interaction": event.interaction,
        "claimed_by": event.claimed_by,
        "denied_by": event.denied_by,
        "fatalities": event.fatalities.model_dump(),
        "injured": event.injured.model_dump(),
        "abducted": event.abducted.model_dump(),
        "by_side": event.by_side.model_dump(),
        "tactics": event.tactics,
        "notes": event.notes,
        "toll": [point.model_dump(mode="json") for point in event.toll],
        "updated_at": dt.datetime.now(dt.UTC),
    }
