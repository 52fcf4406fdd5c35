"""Writing one article and its claims: an ``Extracted`` article in, its rows written in one transaction and a
``Stored`` report out.

The order of the decisions: the article is already stored (same normalised text: nothing is written); it is a
newer revision of a stored article (``revisions``); it is a near-duplicate of a stored article
(``duplicates``); or it is new: its places, campaigns (``campaigns``), events (``events``: merged or inserted)
and claims are written.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert

from sitrep.model import ExtractResult
from sitrep.resolve import claim_id, reconcile, to_dataset_event
from sitrep.store.review.current import refresh_for_articles
from sitrep.store.tables import claims
from sitrep.store.writer.articles import insert_article
from sitrep.store.writer.campaigns import reconcile_campaigns, upsert_campaigns
from sitrep.store.writer.duplicates import add_bands, link_duplicate, near_duplicate, original_of
from sitrep.store.writer.events import INSERT_EVENT_ARTICLES, insert_event, merge_into_stored, scoped
from sitrep.store.writer.memory import Memory
from sitrep.store.writer.records import Extracted, Ids, Outcome, Replaces, Stored
from sitrep.store.writer.revisions import insert_revision, supersede
from sitrep.store.writer.writes import Writes

_INSERT_CLAIMS = insert(claims)


class Transaction:
    """The writes of one article, on one connection inside its transaction."""

    def __init__(self, writes: Writes, memory: Memory) -> None:
        self.writes = writes
        self.connection = writes.connection
        self.memory = memory
        self.replaced: Replaces | None = None  # the stored article this one is a newer revision of

    def store(self, item: Extracted) -> tuple[Stored, int | None]:
        article = item.article
        near = near_duplicate(self.connection, item.signature)
        original = original_of(self.connection, near)
        meta = item.result.article
        values = {
            "source_id": article.id,
            "url": article.url,
            "url_sha256": item.url_sha256,
            "text_sha256": item.text_sha256,
            "title": article.title,
            "published": article.published,
            "source": article.source,
            "author": article.author,
            "language": meta.language,
            "note": item.result.note,
            "text": article.text,
            "minhash": item.signature,
            "duplicate_of": original.id if original is not None else None,
            "similarity": near.similarity if near is not None and original is not None else None,
            "ingested_at": dt.datetime.now(dt.UTC),
        }
        inserted = insert_article(self.writes, item, values)
        if isinstance(inserted, Stored):
            return inserted, None
        if isinstance(inserted, Replaces):
            self.replaced = inserted
            # Its old version is not its original: another article may still be.
            near = near_duplicate(self.connection, item.signature, exclude={inserted.row})
            original = original_of(self.connection, near)
            if original is not None and original.id == inserted.row:  # via a copy of its old version
                near = original = None
            values["duplicate_of"] = original.id if original is not None else None
            values["similarity"] = near.similarity if near is not None and original is not None else None
            inserted = insert_revision(self.writes, inserted, values)
        uid, article_row = inserted
        add_bands(self.writes, article_row, item.signature)
        last = self.memory.last_article_row
        if last is None or article_row != last + 1:  # someone else wrote since (see ``Memory``)
            self.memory.forget_events()
        revision_of = None
        if self.replaced is not None:
            revision_of = self.replaced.uid
            supersede(self.writes, self.memory, self.replaced, article_row)
        if original is not None:
            assert near is not None
            link_duplicate(self.writes, self.memory, original.id, original.uid, article_row, near.similarity)
            stored = Stored(Outcome.duplicate, article.id, uid, original.uid, near.similarity, revision_of)
            self._refresh_reviewed(article_row)
            return stored, article_row

        stored = Stored(Outcome.new, article.id, uid, revision_of=revision_of)
        meta = meta.model_copy(update={"id": uid})
        ids = Ids()
        self._insert_places(article_row, uid, item.result, ids)
        upsert_campaigns(self.connection, article_row, uid, item.result, ids)
        for event in item.result.events:
            # Not reconciled yet: merging recomputes the figures from all the claims anyway.
            dataset_event = scoped(to_dataset_event(event, item.result, meta, reconciled=False), uid, ids)
            campaign_row = ids.campaign_rows.get(event.campaign_id) if event.campaign_id else None
            if merge_into_stored(self.writes, self.memory, article_row, dataset_event, campaign_row, ids):
                stored.merged_events += 1
            else:
                place_row = ids.place_rows.get(event.place_id) if event.place_id else None
                new = reconcile(dataset_event)
                insert_event(self.writes, self.memory, article_row, new, place_row, campaign_row, ids)
                stored.new_events += 1
        if ids.links:
            self.writes.execute_many(INSERT_EVENT_ARTICLES, ids.links)
        self._insert_claims(article_row, uid, item.result, ids)
        touched = set(ids.campaign_rows.values()) | ids.merged_campaigns
        if touched:
            reconcile_campaigns(self.writes, touched)
        self._refresh_reviewed(article_row)
        return stored, article_row

    def _refresh_reviewed(self, article_row: int) -> None:
        """The store views' rows of reviewed events this article changed (``sitrep.store.review.current``):
        those it merged into or joined as a source, and those its old revision fed."""
        rows = [article_row] if self.replaced is None else [article_row, self.replaced.row]
        refresh_for_articles(self.connection, rows)

    def _insert_places(self, article_row: int, uid: str, result: ExtractResult, ids: Ids) -> None:
        if not result.places:
            return
        rows = [
            {
                **place.model_dump(exclude={"id", "start", "end"}),
                "uid": f"{uid}#{place.id}",
                "article_id": article_row,
                "start_char": place.start,
                "end_char": place.end,
            }
            for place in result.places
        ]
        row_ids = self.writes.places(rows, article_row)
        ids.place_rows = {place.id: row_ids[f"{uid}#{place.id}"] for place in result.places}

    def _insert_claims(self, article_row: int, uid: str, result: ExtractResult, ids: Ids) -> None:
        if not result.claims:
            return
        claim_campaigns = {
            claim: ids.campaign_rows[campaign.id]
            for campaign in result.campaigns
            for claim in campaign.claim_ids
        }
        rows = []
        for claim in result.claims:
            dataset_id = claim_id(uid, claim.id)
            rows.append(
                {
                    "uid": dataset_id,
                    "article_id": article_row,
                    "event_id": ids.claim_events.get(dataset_id),
                    "campaign_id": claim_campaigns.get(claim.id),
                    "outcome": claim.outcome,
                    "victim": claim.victim,
                    "victim_text": claim.victim_text,
                    "count_low": claim.count.low,
                    "count_high": claim.count.high,
                    "count_text": claim.count.text,
                    "count_approximate": claim.count.approximate,
                    "claimant_name": claim.claimant.name,
                    "claimant_kind": claim.claimant.kind,
                    "claimant_text": claim.claimant.text,
                    "stance": claim.stance,
                    "verified": claim.verified,
                    "quote": claim.quote,
                    "start_char": claim.start,
                    "end_char": claim.end,
                    "place_ids": [f"{uid}#{p}" for p in claim.place_ids],
                    "part_of": claim_id(uid, claim.part_of) if claim.part_of else None,
                    "background": claim.background,
                }
            )
        self.writes.execute_many(_INSERT_CLAIMS, rows)
