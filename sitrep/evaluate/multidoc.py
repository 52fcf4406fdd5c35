"""Cross-article event resolution, scored: do several outlets' articles about one incident end as one event?

The input is JSON Lines of articles (``id``, ``text``, ``title``, ``published``, ``url``) whose ``gold`` names the
incident each reports (``gold.incident``), as ``gva_multidoc_dev.jsonl``. The articles are ingested, in file order,
into a new SQLite store of their own through the same path as ``sitrep ingest`` (extraction, deduplication,
merging), and the stored events are read back.

Each article is placed in one predicted cluster: the articles whose *main event* is the same — the event holding
most of the article's claims (on a tie, the first stored). An article in no event is a cluster of its own. Then:

- **B-cubed precision / recall** over articles (Bagga and Baldwin's measure): for each article, the share of its
  predicted cluster that reports its incident, and the share of its incident's articles in its predicted cluster,
  averaged over articles;
- **in an event**: the share of articles that are in some stored event (a near-duplicate that was dropped, or an
  article read as no incident, is in none);
- **one event per incident**: the share of incidents whose articles all share one main event;
- **events per incident**: the distinct main events of an incident's articles, summed over incidents
  (``incident_events``) and divided by the incidents that have any.

Halves are drawn from the incident id, so that an incident's articles stay together; each half is ingested into
its own store, and the whole is the two halves' scores added up.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from sitrep.evaluate.halves import Half, half_of
from sitrep.evaluate.realnews import read_articles
from sitrep.evaluate.report import Record, Report
from sitrep.jobs.ingest import ingest
from sitrep.model import Article, DatasetEvent
from sitrep.store.db import open_engine
from sitrep.store.query import load_dataset


def score_multidoc(path: Path, examples: int = 5, half: Half | None = None) -> Report:
    """Ingest the file's articles (or one half of its incidents) into a fresh store and score the events."""
    records = [r for r in read_articles(path, ["incident"]) if half is None or half_of(_incident(r)) == half]
    report = Report("multidoc", records=len(records))
    with tempfile.TemporaryDirectory(prefix="sitrep-multidoc-") as folder:
        engine = open_engine(f"sqlite:///{Path(folder) / 'multidoc.db'}")
        try:
            ingest([], engine, items=[_article(r) for r in records])
            events = load_dataset(engine).events
        finally:
            engine.dispose()
    score_clusters(report, {r.key: _incident(r) for r in records}, main_events(events), examples)
    precision, recall = report.field("bcubed_precision").accuracy, report.field("bcubed_recall").accuracy
    if precision + recall:
        report.extra["bcubed_f1"] = round(2 * precision * recall / (precision + recall), 4)
    return report


def main_events(events: Iterable[DatasetEvent]) -> dict[str, str]:
    """Article id → the id of its main event: the one holding most of its claims, the first stored on a tie."""
    best: dict[str, tuple[int, str]] = {}
    for event in events:
        claims_from: dict[str, int] = defaultdict(int)
        for claim in event.claims:
            claims_from[claim.article_id] += 1
        for article_id in event.article_ids:
            count = claims_from.get(article_id, 0)
            if article_id not in best or count > best[article_id][0]:
                best[article_id] = (count, event.id)
    return {article_id: event_id for article_id, (_, event_id) in best.items()}


def score_clusters(
    report: Report, incidents: dict[str, str], main_event: dict[str, str], examples: int
) -> None:
    """Add the B-cubed scores of one predicted clustering (``main_event``: article → event; articles missing
    from it are in no event) against the gold one (``incidents``: article → incident)."""
    predicted: dict[str, set[str]] = defaultdict(set)
    gold: dict[str, set[str]] = defaultdict(set)
    for article_id, incident in incidents.items():
        predicted[main_event.get(article_id, f"none:{article_id}")].add(article_id)
        gold[incident].add(article_id)
    for article_id, incident in incidents.items():
        cluster = predicted[main_event.get(article_id, f"none:{article_id}")]
        together = len(cluster & gold[incident])
        report.field("bcubed_precision").add_share(together / len(cluster))
        report.field("bcubed_recall").add_share(together / len(gold[incident]))
        report.field("in_an_event").add(
            article_id in main_event, f"{article_id}: in no event (incident {incident})", examples
        )
    incident_events = 0
    incidents_with_events = 0
    for incident, articles in gold.items():
        events = {main_event[a] for a in articles if a in main_event}
        incident_events += len(events)
        incidents_with_events += bool(events)
        placed = sum(a in main_event for a in articles)
        report.field("one_event_per_incident").add(
            len(events) == 1 and placed == len(articles),
            f"incident {incident}: {len(articles)} articles, {placed} in an event, {len(events)} distinct events",
            examples,
        )
    report.extra["incident_events"] = report.extra.get("incident_events", 0) + incident_events
    report.extra["incidents_with_events"] = (
        report.extra.get("incidents_with_events", 0) + incidents_with_events
    )
    if incidents_with_events:
        report.extra["events_per_incident"] = round(incident_events / incidents_with_events, 2)


def _incident(record: Record) -> str:
    return str(record.gold["incident"])


def _article(record: Record) -> Article:
    return Article(id=record.key, text=record.text, title=record.title, published=record.published)
