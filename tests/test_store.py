"""The event store, on SQLite and PostgreSQL (``store_url``): ingesting, idempotence, near-duplicates, merging
across articles, atomicity under a crash, the query API and the schema migrations."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import string
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from sitrep.jobs.ingest import IngestSummary, ingest
from sitrep.model import Article
from sitrep.pipeline import extract
from sitrep.sources.files import read_inputs
from sitrep.store import count_events, list_events, load_dataset, open_engine
from sitrep.store.tables import ArticleRow, Base, ClaimRow, EventArticleRow, EventRow, PlaceRow
from sitrep.store.writer import ArticleWriter, Extracted, Outcome
from sitrep.store.writer.transaction import Transaction as _Transaction
from tests.conftest import EXAMPLE_ARTICLES, EXAMPLES

MERIDIAN = EXAMPLES / "2025-03-12_meridian-wire_balochistan-attacks.txt"
BOLAN = EXAMPLES / "2025-03-13_bolan-ledger_balochistan-toll.html"
KECH = EXAMPLES / "2025-04-08_kech-herald_turbat-ied.txt"
MAKRAN = EXAMPLES / "feed.jsonl"
# The store's own tables (other modules add theirs to the same metadata).
TABLES = [
    "articles",
    "article_bands",
    "places",
    "campaigns",
    "events",
    "claims",
    "event_articles",
    "campaign_articles",
]

# A second, independently worded report of the Turbat bombing (written for this test): another outlet, other
# figures, the same town and day.
SECOND_TURBAT_REPORT = {
    "id": "dispatch-turbat-bomb",
    "title": "Two soldiers killed in Turbat roadside blast",
    "published": "2025-04-08",
    "url": "https://example.org/dispatch/2025/04/08/turbat-blast",
    "source": "The Makran Dispatch",
    "text": (
        "TURBAT, April 8 — A roadside bomb struck a Frontier Corps vehicle on the outskirts of Turbat in Kech "
        "district on Tuesday morning, killing two soldiers and wounding four, a district administration "
        "official said.\n\nThe official, speaking on condition of anonymity, said the wounded were taken to the "
        "district hospital. No group has claimed responsibility for the blast."
    ),
}


def store(
    url: str, *inputs: Path | str, published: str | None = None, workers: int = 1, dask: str | None = None
) -> IngestSummary:
    engine = open_engine(url)
    try:
        day = dt.date.fromisoformat(published) if published else None
        return ingest([str(i) for i in inputs], engine, published=day, workers=workers, dask=dask)
    finally:
        engine.dispose()


def counts(url: str) -> dict[str, int]:
    engine = open_engine(url)
    try:
        with engine.connect() as connection:
            return {t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}
    finally:
        engine.dispose()


def dataset(url: str, **filters: object) -> dict:
    engine = open_engine(url)
    try:
        return load_dataset(engine, **filters).model_dump(mode="json")
    finally:
        engine.dispose()


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def campaign_batch(url: str) -> None:
    """The three campaign articles; the first carries no date of its own."""
    store(url, MERIDIAN, published="2025-03-12")
    store(url, BOLAN, MAKRAN)


# --- ingesting, idempotence --------------------------------------------------------------------------------


def test_ingest_examples_stores_articles_claims_places_events(store_url: str) -> None:
    summary = store(store_url, EXAMPLES)
    assert (summary.new, summary.duplicates, summary.already_stored, summary.failed) == (
        EXAMPLE_ARTICLES,
        0,
        0,
        0,
    )
    expected = [extract(a) for a in read_inputs([str(EXAMPLES)]) if isinstance(a, Article)]
    stored = counts(store_url)
    assert stored["articles"] == EXAMPLE_ARTICLES
    assert stored["claims"] == sum(len(r.claims) for r in expected)
    assert stored["places"] == sum(len(r.places) for r in expected)
    assert stored["events"] == summary.new_events == summary.events_in_database
    assert stored["campaigns"] == 1  # the three campaign articles name one operation

    data = dataset(store_url)
    claim_ids = [c["id"] for e in data["events"] for c in e["claims"]]
    assert len(claim_ids) == len(set(claim_ids)), "a claim is held by one event"
    assert all(c["article_id"] and c["quote"] for e in data["events"] for c in e["claims"])
    makran = next(c for e in data["events"] for c in e["claims"] if c["article_id"].startswith("makran"))
    assert makran["published"] == "2025-03-15" and makran["source"] == "The Makran Dispatch"


def test_ingesting_again_changes_nothing(store_url: str) -> None:
    store(store_url, EXAMPLES)
    before_counts, before_data = counts(store_url), dataset(store_url)
    summary = store(store_url, EXAMPLES)
    assert (summary.new, summary.already_stored, summary.new_events, summary.merged_events) == (
        0,
        EXAMPLE_ARTICLES,
        0,
        0,
    )
    assert counts(store_url) == before_counts
    assert dataset(store_url) == before_data


def test_writer_itself_refuses_the_same_text(store_url: str) -> None:
    """The database check, not only the pre-extraction shortcut (``known_as``, which ``store`` never asks): the
    same normalised text, at another URL too (the same URL with new text is a revision:
    tests/test_store_sources.py)."""
    from sitrep.store.dedup import signature, text_sha256, url_sha256

    store(store_url, MAKRAN)
    before = counts(store_url)
    [original] = [a for a in read_inputs([str(MAKRAN)]) if isinstance(a, Article)]
    reflowed = original.model_copy(
        update={"id": "copy", "text": "  " + original.text.upper().replace(" ", "\n")}
    )
    elsewhere = original.model_copy(update={"id": "mirror", "url": "https://example.org/mirror/toll"})
    engine = open_engine(store_url)
    writer = ArticleWriter(engine)
    try:
        for article in (reflowed, elsewhere):
            item = Extracted(
                article,
                extract(article),
                text_sha256(article.text),
                url_sha256(article.url),
                signature(article.text),
            )
            stored = writer.store(item)
            assert stored.outcome is Outcome.already_stored
            assert stored.uid == "makran-dispatch-2025-03-15-balochistan-toll"
    finally:
        engine.dispose()
    assert counts(store_url) == before


def test_two_inputs_with_one_id_get_distinct_dataset_ids(store_url: str, tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", [{**SECOND_TURBAT_REPORT, "id": "story", "url": None}])
    other = {"id": "story", "published": "2025-03-15", "text": json.loads(MAKRAN.read_text())["text"]}
    second = write_jsonl(tmp_path / "b.jsonl", [other])
    store(store_url, first, second)
    engine = open_engine(store_url)
    with engine.connect() as connection:
        uids = connection.execute(select(ArticleRow.uid).order_by(ArticleRow.id)).scalars().all()
    engine.dispose()
    assert uids == ["story", "story~2"]


# --- near-duplicates ---------------------------------------------------------------------------------------


def _lightly_edited(record: dict) -> dict:
    """A syndicated copy: another outlet's id and URL, a new headline, a few words changed."""
    text = record["text"].replace("Pakistan's military", "The Pakistani military", 1)
    text = text.replace("on Saturday", "on Saturday afternoon", 1).replace("ISLAMABAD, March 15 — ", "", 1)
    return {
        **record,
        "id": "syndicated-copy",
        "url": "https://example.org/other-outlet/military-toll",
        "source": "Other Outlet",
        "title": "Pakistan military gives Balochistan toll",
        "text": text + "\n\n(Reporting by staff; editing by the desk.)",
    }


def test_lightly_edited_copy_is_a_duplicate_and_its_claims_are_not_added(
    store_url: str, tmp_path: Path
) -> None:
    store(store_url, MAKRAN)
    before_counts, before_data = counts(store_url), dataset(store_url)
    copy = write_jsonl(tmp_path / "copy.jsonl", [_lightly_edited(json.loads(MAKRAN.read_text()))])
    summary = store(store_url, copy)  # a new run: the original is found through its stored LSH bands
    assert (summary.new, summary.duplicates) == (0, 1)
    after = counts(store_url)
    assert after["articles"] == before_counts["articles"] + 1
    linked = ("articles", "article_bands", "event_articles", "campaign_articles")  # the copy's row, its bands
    assert {t: n for t, n in after.items() if t not in linked} == {
        t: n for t, n in before_counts.items() if t not in linked
    }
    # Every event of the original now lists the copy among its sources; no claim or figure changed.
    data = dataset(store_url)
    assert len(data["events"]) == len(before_data["events"])
    for event, before in zip(data["events"], before_data["events"], strict=True):
        assert event["article_ids"] == [*before["article_ids"], "syndicated-copy"]
        similarity = next(s["matched"] for s in event["sources"] if s["article_id"] == "syndicated-copy")
        assert similarity[0].startswith("near-duplicate of makran")
        assert {k: v for k, v in event.items() if k not in ("article_ids", "sources")} == {
            k: v for k, v in before.items() if k not in ("article_ids", "sources")
        }
    engine = open_engine(store_url)
    with engine.connect() as connection:
        duplicate_of, similarity = connection.execute(
            select(ArticleRow.duplicate_of, ArticleRow.similarity).where(ArticleRow.uid == "syndicated-copy")
        ).one()
        original = connection.execute(
            select(ArticleRow.id).where(ArticleRow.uid.startswith("makran"))
        ).scalar()
    engine.dispose()
    assert duplicate_of == original and 0.5 <= similarity < 1


def test_different_article_is_not_a_duplicate(store_url: str, tmp_path: Path) -> None:
    store(store_url, MAKRAN)
    summary = store(store_url, write_jsonl(tmp_path / "turbat.jsonl", [SECOND_TURBAT_REPORT]))
    assert (summary.new, summary.duplicates) == (1, 0)


# --- merging across articles -------------------------------------------------------------------------------


def test_campaign_articles_merge_their_events_at_the_same_town(store_url: str) -> None:
    campaign_batch(store_url)
    data = dataset(store_url)
    quetta = [e for e in data["events"] if e["place"] and e["place"]["name"] == "Quetta"]
    merged = [e for e in quetta if len(e["article_ids"]) > 1]
    assert merged, "the Quetta attack is reported by the Meridian Wire and the Bolan Ledger"
    assert {a.split("_")[1] for a in merged[0]["article_ids"]} == {"meridian-wire", "bolan-ledger"}
    assert len({e["date"] for e in quetta}) == len(quetta), "events of different days are never fused"
    [campaign] = data["campaigns"]
    assert campaign["name"] == "Operation Sandwall, Phase II"
    assert len(campaign["article_ids"]) == 3
    assert len({c.split("#")[0] for c in campaign["claim_ids"]}) == 3, "campaign-wide claims of all three"
    assert set(campaign["event_ids"]) == {
        e["id"] for e in data["events"] if e["campaign_id"] == campaign["id"]
    }


def test_one_event_holds_claims_from_two_articles(store_url: str, tmp_path: Path) -> None:
    store(store_url, KECH, published="2025-04-08")
    store(store_url, write_jsonl(tmp_path / "second.jsonl", [SECOND_TURBAT_REPORT]))
    data = dataset(store_url)
    [bombing] = [e for e in data["events"] if e["sub_event_type"] == "Remote explosive/landmine/IED"]
    assert bombing["article_ids"] == ["2025-04-08_kech-herald_turbat-ied.txt", "dispatch-turbat-bomb"]
    assert {c["article_id"] for c in bombing["claims"]} == set(bombing["article_ids"])
    assert bombing["claim_ids"] == [c["id"] for c in bombing["claims"]]
    assert {p["article_id"] for p in bombing["toll"]} == set(bombing["article_ids"])
    # Police (Kech Herald) say three injured, the official (second report) four: both kept, range recomputed.
    assert (bombing["injured"]["low"], bombing["injured"]["high"]) == (3, 4)
    assert bombing["fatalities"]["best"] == 2
    assert "district administration official" in bombing["notes"]
    engine = open_engine(store_url)
    try:
        with engine.connect() as connection:
            links = connection.execute(
                select(ArticleRow.uid, EventArticleRow.matched)
                .join(ArticleRow, ArticleRow.id == EventArticleRow.article_id)
                .order_by(ArticleRow.id)
            ).all()
    finally:
        engine.dispose()
    reasons = dict(links)
    assert reasons["2025-04-08_kech-herald_turbat-ied.txt"] is None  # it began the event
    assert reasons["dispatch-turbat-bomb"][:2] == ["same place: Turbat", "same date: 2025-04-08"]


# Three outlets' reports of one party shooting (written for these tests): one names only the state, one the
# suburb it files from, one the neighbouring city in another county; and a shooting elsewhere in the state that
# day with another toll.
PARTY_SHOOTING_REPORTS = [
    {
        "id": "state-wire-party",
        "published": "2025-06-08",
        "text": "Two men were shot dead and three people were wounded at a birthday party in Michigan late on "
        "Saturday, state police said. No arrests have been made.",
    },
    {
        "id": "suburb-paper-party",
        "published": "2025-06-08",
        "text": "FERNDALE, Mich. — Two men were killed and three people were wounded when gunfire erupted at a "
        "birthday party late on Saturday, police said.\n\nThe shooting happened shortly before midnight.",
    },
    {
        "id": "city-station-party",
        "published": "2025-06-08",
        "text": "DETROIT — Gunfire at a crowded house party on the city's east side left two young men dead and "
        "three other guests hurt on Saturday night, according to investigators.\n\nOfficers are still looking "
        "for the gunman.",
    },
    {
        "id": "capital-paper-robbery",
        "published": "2025-06-08",
        "text": "LANSING, Mich. — A store clerk was shot dead during a robbery on Saturday evening, police said.",
    },
]


def test_reports_placed_at_nested_or_near_places_merge_when_their_tolls_agree(
    store_url: str, tmp_path: Path
) -> None:
    store(store_url, write_jsonl(tmp_path / "party.jsonl", PARTY_SHOOTING_REPORTS))
    events = dataset(store_url)["events"]
    [party] = [e for e in events if "state-wire-party" in e["article_ids"]]
    assert sorted(party["article_ids"]) == ["city-station-party", "state-wire-party", "suburb-paper-party"]
    [robbery] = [e for e in events if "capital-paper-robbery" in e["article_ids"]]
    assert robbery["article_ids"] == ["capital-paper-robbery"]


# --- a crash mid-batch -------------------------------------------------------------------------------------


def test_crash_inside_an_article_leaves_only_whole_articles(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store(store_url, MERIDIAN, published="2025-03-12")
    after_first = counts(store_url), dataset(store_url)

    real_insert_claims = _Transaction._insert_claims

    def crash(self: _Transaction, *args: object) -> None:
        raise RuntimeError("simulated crash after the article, its places and event merges were written")

    # The Bolan Ledger merges into the Meridian Wire's events before its claims are written: all undone.
    monkeypatch.setattr(_Transaction, "_insert_claims", crash)
    with pytest.raises(RuntimeError, match="simulated crash"):
        store(store_url, BOLAN, MAKRAN)
    assert (counts(store_url), dataset(store_url)) == after_first

    monkeypatch.setattr(_Transaction, "_insert_claims", real_insert_claims)
    summary = store(store_url, BOLAN, MAKRAN)
    assert (summary.new, summary.already_stored) == (2, 0)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    campaign_batch(reference)
    assert counts(store_url) == counts(reference)
    assert dataset(store_url) == dataset(reference)


def _unique_copies(articles: list[Article], copies: int, seed: int = 5) -> list[dict]:
    """Copies of ``articles`` that are not near-duplicates of one another: each gets a paragraph of random
    non-words (with "the", "of", "and" between them, so it still reads as English to the language check) one
    and a half times its length; two copies then share about a quarter of their 3-word shingles."""
    rng = random.Random(seed)
    records = []
    for number in range(copies):
        for article in articles:
            words = len(article.text.split()) * 3 // 4
            noise = " ".join(
                f"zq{''.join(rng.choices(string.ascii_lowercase, k=6))} {('the', 'of', 'and')[i % 3]}"
                for i in range(words)
            )
            records.append(
                {
                    "id": f"{article.id}~{number}",
                    "published": str(article.published or "2025-03-12"),
                    "text": f"{article.text}\n\n{noise}.",
                }
            )
    return records


def test_killed_ingest_leaves_whole_articles_and_rerun_completes(store_url: str, tmp_path: Path) -> None:
    examples = [a for a in read_inputs([str(EXAMPLES)]) if isinstance(a, Article)]
    records = _unique_copies(examples, 60)
    batch = write_jsonl(tmp_path / "batch.jsonl", records)
    engine = open_engine(store_url)
    command = [sys.executable, "-m", "sitrep", "ingest", str(batch), "--db", store_url, "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        stored = 0
        while stored < 15 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.02)
            try:
                with engine.connect() as connection:
                    stored = connection.execute(select(func.count()).select_from(ArticleRow)).scalar_one()
            except Exception:  # the database may not exist yet
                stored = 0
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    assert process.returncode == -signal.SIGKILL, process.stderr.read() if process.stderr else ""

    by_uid = {r["id"]: r for r in records}
    with engine.connect() as connection:
        articles = connection.execute(select(ArticleRow.id, ArticleRow.uid, ArticleRow.duplicate_of)).all()
        claims = dict(
            connection.execute(select(ClaimRow.article_id, func.count()).group_by(ClaimRow.article_id)).all()
        )
        places = dict(
            connection.execute(select(PlaceRow.article_id, func.count()).group_by(PlaceRow.article_id)).all()
        )
        # A claim held by an event is held by an event that lists its article.
        orphans = connection.execute(
            select(func.count())
            .select_from(ClaimRow)
            .where(ClaimRow.event_id.is_not(None))
            .where(
                ~select(EventArticleRow.event_id)
                .where(
                    EventArticleRow.event_id == ClaimRow.event_id,
                    EventArticleRow.article_id == ClaimRow.article_id,
                )
                .exists()
            )
        ).scalar_one()
        events_without_articles = connection.execute(
            select(func.count())
            .select_from(EventRow)
            .where(~select(EventArticleRow.event_id).where(EventArticleRow.event_id == EventRow.id).exists())
        ).scalar_one()
    engine.dispose()
    assert 15 <= len(articles) < len(records), "killed mid-batch"
    for row_id, uid, duplicate_of in articles:
        record = by_uid[uid]
        result = extract(Article(id=uid, text=record["text"], published=record["published"]))
        if duplicate_of is not None:  # a (rare) near-duplicate keeps its row only
            result.claims, result.places = [], []
        assert claims.get(row_id, 0) == len(result.claims), f"{uid}: claims half-written"
        assert places.get(row_id, 0) == len(result.places), f"{uid}: places half-written"
    assert orphans == 0 and events_without_articles == 0

    summary = store(store_url, batch)
    assert summary.already_stored == len(articles)
    assert summary.new == len(records) - len(articles)
    assert counts(store_url)["articles"] == len(records)


# --- parallel extraction -----------------------------------------------------------------------------------


def test_two_workers_store_the_same_dataset_as_one(store_url: str, tmp_path: Path) -> None:
    inputs = [MERIDIAN, BOLAN, MAKRAN, KECH]
    store(store_url, *inputs, published="2025-03-12", workers=2)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    store(reference, *inputs, published="2025-03-12", workers=1)
    assert dataset(store_url) == dataset(reference)


def test_extracting_on_a_dask_cluster_stores_the_same_dataset_as_one_process(
    store_url: str, tmp_path: Path
) -> None:
    """``ingest --dask``: two local Dask worker processes extract, this process writes, in input order."""
    distributed = pytest.importorskip("dask.distributed")
    inputs = [MERIDIAN, BOLAN, MAKRAN, KECH]
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        summary = store(store_url, *inputs, published="2025-03-12", dask=cluster.scheduler_address)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    assert summary.line() == store(reference, *inputs, published="2025-03-12").line()
    assert dataset(store_url) == dataset(reference)


def test_cached_events_store_what_reloading_them_would(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer keeps merged events in memory; with no cache every merge reloads them from the database."""
    import sitrep.store.writer.memory as writer_module

    second = write_jsonl(tmp_path / "second.jsonl", [SECOND_TURBAT_REPORT])
    campaign_batch(store_url)
    store(store_url, KECH, second, published="2025-04-08")
    monkeypatch.setattr(writer_module, "CACHED_EVENTS", 0)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    campaign_batch(reference)
    store(reference, KECH, second, published="2025-04-08")
    assert dataset(store_url) == dataset(reference)


# --- the query API -----------------------------------------------------------------------------------------


@pytest.fixture
def campaign_store(store_url: str) -> str:
    campaign_batch(store_url)
    store(store_url, KECH, published="2025-04-08")
    return store_url


def test_filters_select_in_sql(campaign_store: str) -> None:
    everything = dataset(campaign_store)["events"]
    assert len(everything) > 5

    def ids(**filters: object) -> set[str]:
        return {e["id"] for e in dataset(campaign_store, **filters)["events"]}

    day = dt.date(2025, 3, 11)
    assert ids(date_from=day, date_to=day) == {e["id"] for e in everything if e["date"] == "2025-03-11"}
    assert ids(date_from=dt.date(2025, 4, 1)) == {e["id"] for e in everything if e["date"] >= "2025-04-01"}
    assert ids(country="pk") == {e["id"] for e in everything if e["place"]["country_code"] == "PK"}
    assert ids(admin2="kech") == {e["id"] for e in everything if e["place"]["admin2"] == "Kech"}
    assert 0 < len(ids(admin2="kech")) < len(everything)
    assert ids(admin1="Balochistan") == {e["id"] for e in everything if e["place"]["admin1"] == "Balochistan"}
    unidentified = {e["id"] for e in everything if "Unidentified" in (e["actor1"] or "")}
    assert ids(actor="unidentified armed") == unidentified and unidentified
    armed_clash = {e["id"] for e in everything if e["sub_event_type"] == "Armed clash"}
    assert ids(event_type="Armed clash") == armed_clash and armed_clash
    battles = {e["id"] for e in everything if e["event_type"] == "Battles"}
    assert ids(event_type="battles") == battles
    in_campaign = {e["id"] for e in everything if e["campaign_id"]}
    assert ids(campaign="operation sandwall") == in_campaign and 0 < len(in_campaign) < len(everything)
    assert ids(campaign="no such operation") == set()
    assert ids(actor="%") == set(), "LIKE wildcards are matched literally"

    kech_only = dataset(campaign_store, admin2="Kech")
    campaign_events = [e for c in kech_only["campaigns"] for e in c["event_ids"]]
    assert set(campaign_events) <= {e["id"] for e in kech_only["events"]}


def test_list_events_pages_through_the_same_events(campaign_store: str) -> None:
    engine = open_engine(campaign_store)
    try:
        whole = load_dataset(engine).events
        pages = [list_events(engine, offset=start, limit=4) for start in range(0, len(whole) + 4, 4)]
        assert [e for page in pages for e in page] == whole
        assert count_events(engine) == len(whole)
        assert count_events(engine, admin2="Kech") == len(list_events(engine, admin2="Kech", limit=1000))
        dates = [e.date for e in whole]
        assert dates == sorted(dates, key=lambda d: (d is None, d or dt.date.min)), "by date, undated last"
    finally:
        engine.dispose()


def test_load_articles_gives_the_exporters_their_metadata(campaign_store: str) -> None:
    from sitrep.store.query import load_articles

    engine = open_engine(campaign_store)
    try:
        events = load_dataset(engine).events
        wanted = {a for e in events for a in e.article_ids}
        found = load_articles(engine, wanted)
        assert set(found) == wanted
        bolan = found["2025-03-13_bolan-ledger_balochistan-toll.html"]
        assert (bolan.source, bolan.published.isoformat()) == ("The Bolan Ledger", "2025-03-13")
        assert bolan.title and bolan.language == "en"
        assert set(load_articles(engine)) >= wanted
    finally:
        engine.dispose()


def test_load_dataset_accepts_a_session(campaign_store: str) -> None:
    from sqlalchemy.orm import Session

    engine = open_engine(campaign_store)
    try:
        with Session(engine) as session:
            assert load_dataset(session) == load_dataset(engine)
    finally:
        engine.dispose()


# --- the schema ---------------------------------------------------------------------------------------------


def test_the_known_revisions_are_the_migration_scripts_in_order() -> None:
    """``REVISIONS`` (read without Alembic, for a light command's start-up) lists every migration, oldest first."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from sitrep.store.db import MIGRATIONS, REVISIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    scripts = [script.revision for script in ScriptDirectory.from_config(config).walk_revisions()]
    assert list(REVISIONS) == scripts[::-1]


@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_migrations_create_exactly_the_models(store_url: str) -> None:
    """The migrations and the declarative models describe the same schema (tables of models not imported
    here, such as other modules' tables, are left out of the comparison)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from sitrep.store.db import head_revision, upgrade

    def modelled(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
        table = obj if type_ == "table" else getattr(obj, "table", None)
        return getattr(table, "name", name) in Base.metadata.tables

    engine = open_engine(store_url)
    try:
        assert upgrade(engine) == (None, head_revision())
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"include_object": modelled})
            differences = compare_metadata(context, Base.metadata)
        assert differences == []
        assert {"articles", "events", "claims", "places", "campaigns"} <= set(Base.metadata.tables)
    finally:
        engine.dispose()


def test_migration_0008_stores_the_bands_of_articles_stored_before(store_url: str) -> None:
    """A store from before ``article_bands``: upgrading computes its articles' bands from their stored
    signatures, and a copy of such an article is then found as a near-duplicate."""
    from sitrep.store.db import upgrade
    from sitrep.store.dedup import band_keys, signature, text_sha256
    from sitrep.store.tables import article_bands, articles
    from tests.writer_fixtures import LONG, LONG_COPY, extracted

    engine = open_engine(store_url)
    try:
        upgrade(engine, "0007")
        rows = [
            {"uid": uid, "text": body, "minhash": signature(body)}
            for uid, body in (("checkpost", LONG), ("short", "Four killed."))
        ]
        with engine.begin() as connection:
            for row in rows:
                connection.execute(
                    articles.insert().values(
                        **row,
                        source_id=row["uid"],
                        text_sha256=text_sha256(row["text"]),
                        ingested_at=dt.datetime(2025, 5, 4, tzinfo=dt.UTC),
                    )
                )
        assert upgrade(engine, "0008") == ("0007", "0008")
        with engine.connect() as connection:
            stored = connection.execute(select(article_bands.c.article_id, article_bands.c.band)).all()
        assert sorted(stored) == sorted((1, band) for band in band_keys(signature(LONG)))  # none for "short"
        writer = ArticleWriter(engine)
        try:
            copy = writer.store(extracted("checkpost-copy", LONG_COPY))
        finally:
            writer.close()
        assert (copy.outcome, copy.duplicate_of) == (Outcome.duplicate, "checkpost")
    finally:
        engine.dispose()


def test_the_writer_s_candidate_queries_run_on_their_indexes(store_url: str) -> None:
    """Near-duplicate candidates (``article_bands`` by band), merge candidates (events by country, unit and
    date) and an actor's campaigns near some days are index searches, never a scan of the store: the database's own plan says which it uses
    (PostgreSQL told to avoid scans where it can, as it would on a large table)."""
    from sitrep.store.db import upgrade
    from sitrep.store.writer.campaigns import _CAMPAIGN_NEAR
    from sitrep.store.writer.candidates import _IN_UNIT, _NEAR_PLACE
    from sitrep.store.writer.duplicates import _SHARING_A_BAND

    may = dt.date(2025, 5, 3)
    unit = {"country_code": "PK", "admin1": "Balochistan", "earliest": may, "latest": may}
    unit |= {"near_first": may, "near_last": may, "month_first": may, "month_last": may}
    box = {"south": 25.0, "north": 26.0, "west": 62.0, "east": 64.0}
    queries = [
        _SHARING_A_BAND.params(bands=[1, 2, 3]),
        _IN_UNIT.params(**unit),
        _NEAR_PLACE.params(**unit, **box, geonameid="1", admin2="Kech", coarse=False),
        _CAMPAIGN_NEAR.params(actor_key="TTP", earliest=may, latest=may),
    ]
    engine = open_engine(store_url)
    try:
        upgrade(engine)
        sqlite = engine.dialect.name == "sqlite"
        plans = []
        with engine.connect() as connection:
            if not sqlite:
                connection.exec_driver_sql("SET enable_seqscan = off")
            for query in queries:
                sql = query.compile(dialect=engine.dialect, compile_kwargs={"literal_binds": True})
                plan = connection.exec_driver_sql(f"{'EXPLAIN QUERY PLAN' if sqlite else 'EXPLAIN'} {sql}")
                plans.append(" / ".join(str(row[-1]) for row in plan))
    finally:
        engine.dispose()
    assert "article_bands" in plans[0] and ("PRIMARY KEY" in plans[0] or "pk_article_bands" in plans[0]), (
        plans[0]
    )
    assert "ix_events_unit_date" in plans[1], plans[1]
    assert "ix_events_unit_date" in plans[2], plans[2]
    assert "ix_campaigns_actor_key_date_last" in plans[3], plans[3]


def test_postgres_url_is_the_one_under_test(store_url: str) -> None:
    """Guards the fixture itself: a PostgreSQL run really talks to PostgreSQL, in its own schema."""
    engine = open_engine(store_url)
    try:
        assert engine.dialect.name == make_url(store_url).get_backend_name()
        if engine.dialect.name == "postgresql":
            with engine.connect() as connection:
                assert connection.execute(text("SELECT current_schema()")).scalar().startswith("sitrep_test_")
    finally:
        engine.dispose()


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX only")
def test_store_module_imports_without_the_nlp_pipeline() -> None:
    """Readers (exporters, the API) import sitrep.store without loading spaCy."""
    code = "import sys, sitrep.store; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_background_figures_are_stored_as_claims_and_counted_in_no_event(
    store_url: str, tmp_path: Path
) -> None:
    report = tmp_path / "turbat.txt"
    report.write_text(
        "Gunmen kill three labourers in Kech\n\n"
        "Three labourers were shot dead by gunmen at a construction site in Turbat on Monday, police said.\n\n"
        "Last year, more than 40 people were killed in similar attacks in the district, according to officials.\n",
        encoding="utf-8",
    )
    assert store(store_url, report, published="2031-03-04").new == 1
    engine = open_engine(store_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(ClaimRow.count_low, ClaimRow.background, ClaimRow.event_id).order_by(ClaimRow.id)
            ).all()
    finally:
        engine.dispose()
    assert [(low, background) for low, background, _ in rows] == [(3, False), (41, True)]
    assert rows[1].event_id is None  # kept, but in no event
    (event,) = dataset(store_url)["events"]
    assert event["fatalities"]["high"] == 3
    assert [c["background"] for c in event["claims"]] == [False]


def test_reports_of_two_attacks_in_one_town_on_one_day_join_the_one_they_tell(
    store_url: str, tmp_path: Path
) -> None:
    """A wire tells two attacks in Quetta on one day apart; two later reports, one of each, join the event their
    toll and type tell, never the first candidate in the town."""
    day = "2025-05-06"
    reports = [
        {
            "id": "wire-two-attacks",
            "published": day,
            "text": (
                "QUETTA, May 6 — A bomb planted on a motorcycle exploded in a crowded market in Quetta on Tuesday, "
                "killing five shoppers, police said.\n\nIn a separate attack hours later, gunmen shot dead two "
                "policemen at a checkpost on the city's eastern bypass, officials said."
            ),
        },
        {
            "id": "ledger-market-bomb",
            "published": day,
            "text": "QUETTA, May 6 — A bomb exploded in a busy market in Quetta on Tuesday, killing five people "
            "and wounding eleven, police said. No group claimed the blast.",
        },
        {
            "id": "dispatch-checkpost",
            "published": day,
            "text": "QUETTA, May 6 — Gunmen shot dead two policemen at a checkpost in Quetta on Tuesday evening "
            "before fleeing, a police official said.",
        },
    ]
    store(store_url, write_jsonl(tmp_path / "reports.jsonl", reports))
    events = {e["fatalities"]["best"]: e for e in dataset(store_url)["events"]}
    assert sorted(events) == [2, 5]
    assert events[5]["article_ids"] == ["wire-two-attacks", "ledger-market-bomb"]
    assert events[2]["article_ids"] == ["wire-two-attacks", "dispatch-checkpost"]
