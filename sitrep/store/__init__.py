"""The event store: articles, claims, places, events and campaigns in SQLite or PostgreSQL.

In: extracted articles (``writer``, called by ``sitrep.jobs.ingest``, which runs the pipeline above this
layer); out: the reconciled dataset. ``load_dataset`` and
``list_events`` read them back as the contract's ``Dataset`` / ``DatasetEvent``; ``sitrep.store.db`` opens
databases and applies the migrations shipped in ``sitrep/store/migrations``.
"""

from sitrep.store.db import StoreError, database_url, open_engine, require_schema, upgrade
from sitrep.store.filters import EventFilter
from sitrep.store.query import count_events, list_events, load_dataset

__all__ = [
    "EventFilter",
    "StoreError",
    "count_events",
    "database_url",
    "list_events",
    "load_dataset",
    "open_engine",
    "require_schema",
    "upgrade",
]
