"""Storing extracted articles: ``Extracted`` articles in, one transaction each, merged into the events already
stored; a ``Stored`` report per article out.

``ArticleWriter.store`` decides, in this order: the article is already stored (same normalised text: nothing
is written); it is a newer revision of a stored article (same URL, other text: see below); it is a
near-duplicate of a stored article (its row is stored pointing at the original and linked as a source to every
event and campaign the original is linked to, ``matched`` saying so; its claims are not stored: they are the
original's claims again); or it is new. A new article's places, campaigns, events and claims are written in the
same transaction as the article row, so a crash leaves either all of it or none of it.

A revision (a publisher updated the page: the toll rose) is stored as an article of its own, ``<old uid>~rev2``
(``~rev3``…): the old article's claims keep their ids, which exports and analysts' reviews refer to. The old
row gives up its URL to the revision and points at it (``superseded_by``); its claims stay with their events,
shown in the toll but counted in no figure (``reconcile`` skips superseded claims), and the events they fed are
recomputed. Then the revision is stored like any article: its events merge into the stored ones (usually those
its old version fed), its claims come in.

Each event of a new article is merged into the first stored event that ``sitrep.resolve.same_incident``
accepts (``merge`` then recomputes its figures, notes and toll), else inserted. Candidates are the stored
events the rules could accept — the same country and first-level unit (state, province), dated within a week
of it or in its month, at a place the same, nested or near — found by one indexed query (``candidates``), the
nearest first, then the oldest. Two events of one article are never merged with
each other: the extractor already decided they differ. Undated events are never merged: nothing says they
happened on the same day. Each merge stores why (``event_articles.matched``). Campaigns merge on their
normalised name and actor; one group's coordinated attacks told without a name join the campaign of that actor
within ``CAMPAIGN_DAYS`` (in the same province when neither is named), and a named operation adopts such a
campaign stored before. Every campaign the article touched is then reconciled again
(``sitrep.resolve.reconcile_campaign``) from its own claims and its events.

The statements are built once (SQLAlchemy Core with bound parameters): building them per article cost more
than running them. The writer keeps in memory the full events it merged into lately instead of reading their
claims back for every article; it trusts that memory only while no other process has written since its last
transaction (see ``memory``). Nothing it keeps grows with the store: known texts, near-duplicates (``article_bands``)
and merge candidates are indexed lookups per article.

The package, one module per job: ``records`` (what enters and leaves), ``article_writer`` (the writer of one
process), ``transaction`` (one article: the order of the decisions, its places and claims), ``articles`` (the
article's row), ``duplicates`` (near-duplicates), ``revisions`` (a newer text at a stored URL), ``candidates``
(finding merge candidates), ``events`` (deciding the merge), ``campaigns`` (campaign upkeep), ``memory`` (what
is kept between articles) and ``writes`` (running the statements fast on SQLite).
"""

from sitrep.store.writer.article_writer import ArticleWriter
from sitrep.store.writer.records import Extracted, Outcome, Stored

__all__ = ["ArticleWriter", "Extracted", "Outcome", "Stored"]
