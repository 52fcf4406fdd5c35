"""Articles about one incident in the store, on SQLite and PostgreSQL (``store_url``): near-duplicates become
sources of the events they duplicate, a newer revision at the same URL replaces the old one's claims (kept in
the toll), merges say why and can be split back out, and two writers at once leave one event per incident.

Every article here is written for these tests."""

from __future__ import annotations

import datetime as dt
import random
import string
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sitrep.export import acled, ucdp
from sitrep.model import Article, Dataset
from sitrep.sources.files import read_inputs
from sitrep.store import open_engine
from sitrep.store.review import ReviewedReader, ReviewWriter
from sitrep.store.tables import ArticleRow
from tests.test_store import (
    BOLAN,
    KECH,
    SECOND_TURBAT_REPORT,
    campaign_batch,
    counts,
    dataset,
    store,
    write_jsonl,
)

TURBAT_URL = "https://example.org/frontier/2025/04/08/turbat-bomb"
# One page, three versions: the toll rose twice; the residents' figure of the first version was dropped.
TURBAT_V1 = {
    "id": "frontier-turbat-bomb",
    "title": "Roadside bomb kills soldiers near Turbat",
    "published": "2025-04-08",
    "url": TURBAT_URL,
    "source": "The Frontier Post-Dispatch",
    "text": (
        "TURBAT, April 8 — A roadside bomb struck a Frontier Corps vehicle on the outskirts of Turbat in Kech "
        "district on Tuesday morning, killing two soldiers and wounding four, a district administration "
        "official said.\n\nLocal residents said at least five people were killed in the blast. No group has "
        "claimed responsibility."
    ),
}
TURBAT_V2 = {
    **TURBAT_V1,
    "text": (
        "TURBAT, April 8 — Four soldiers were killed and six wounded when a roadside bomb struck a Frontier "
        "Corps vehicle on the outskirts of Turbat in Kech district on Tuesday morning, a district administration "
        "official said in the evening.\n\nThe wounded were taken to the district hospital. No group has claimed "
        "responsibility."
    ),
}
TURBAT_V3 = {
    **TURBAT_V1,
    "text": (
        "TURBAT, April 8 — Six soldiers were killed when a roadside bomb struck a Frontier Corps vehicle on the "
        "outskirts of Turbat in Kech district on Tuesday, a district administration official said late on "
        "Tuesday.\n\nNo group has claimed responsibility for the blast."
    ),
}


def _the_event(url: str) -> dict:
    [event] = dataset(url)["events"]
    return event


def _article_rows(url: str) -> dict[str, tuple[str | None, str | None]]:
    """uid → (uid of the article that superseded it, its URL hash)."""
    engine = open_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                select(ArticleRow.id, ArticleRow.uid, ArticleRow.superseded_by, ArticleRow.url_sha256)
            ).all()
    finally:
        engine.dispose()
    uids = {row.id: row.uid for row in rows}
    return {row.uid: (uids.get(row.superseded_by), row.url_sha256) for row in rows}


# --- near-duplicates are sources ---------------------------------------------------------------------------


def test_near_duplicate_is_a_source_of_every_event_and_campaign_of_its_original(
    store_url: str, tmp_path: Path
) -> None:
    campaign_batch(store_url)
    before_counts, before = counts(store_url), dataset(store_url)
    [bolan] = [a for a in read_inputs([str(BOLAN)]) if isinstance(a, Article)]
    copy = {
        "id": "bolan-syndicated",
        "url": "https://example.org/syndication/bolan-toll",
        "source": "Syndication Desk",
        "published": str(bolan.published),
        "text": bolan.text.replace("said", "told reporters", 1)
        + "\n\n(Distributed by the syndication desk.)",
    }
    summary = store(store_url, write_jsonl(tmp_path / "copy.jsonl", [copy]))
    assert (summary.new, summary.duplicates) == (0, 1)

    after = dataset(store_url)
    fed = [e for e in before["events"] if bolan.id in e["article_ids"]]
    assert fed, "the Bolan Ledger reports events of the campaign"
    for event in after["events"]:
        was = next(e for e in before["events"] if e["id"] == event["id"])
        if bolan.id in was["article_ids"]:
            assert event["article_ids"] == [*was["article_ids"], "bolan-syndicated"]
            [source] = [s for s in event["sources"] if s["article_id"] == "bolan-syndicated"]
            [reason] = source["matched"]
            assert reason.startswith(f"near-duplicate of {bolan.id} (similarity 0.")
        else:
            assert event["article_ids"] == was["article_ids"]
        # Nothing counted twice: the copy's claims are the original's.
        assert event["claims"] == was["claims"] and event["fatalities"] == was["fatalities"]
    [campaign] = after["campaigns"]
    assert campaign["article_ids"][-1] == "bolan-syndicated"
    assert counts(store_url)["claims"] == before_counts["claims"]

    summary = store(store_url, write_jsonl(tmp_path / "again.jsonl", [copy]))
    assert summary.already_stored == 1 and dataset(store_url) == after


# --- a newer revision at the same URL ----------------------------------------------------------------------


def test_revision_at_the_same_url_replaces_the_old_claims_and_keeps_them_in_the_toll(
    store_url: str, tmp_path: Path
) -> None:
    store(store_url, write_jsonl(tmp_path / "v1.jsonl", [TURBAT_V1]))
    first = _the_event(store_url)
    assert (first["fatalities"]["low"], first["fatalities"]["high"]) == (2, 5)

    summary = store(store_url, write_jsonl(tmp_path / "v2.jsonl", [TURBAT_V2]))
    assert (summary.new, summary.already_stored, summary.revisions) == (1, 0, 1)
    assert (summary.new_events, summary.merged_events) == (0, 1)
    assert "1 revisions of stored articles" in summary.line()
    event = _the_event(store_url)
    revision = "frontier-turbat-bomb~rev2"
    assert event["id"] == first["id"] and event["article_ids"] == ["frontier-turbat-bomb", revision]
    # The residents' five are gone from the figures with the version that said it: the official's four now.
    assert (event["fatalities"]["low"], event["fatalities"]["best"], event["fatalities"]["high"]) == (4, 4, 4)
    assert event["injured"]["best"] == 6
    assert "residents" not in event["notes"].lower()
    old = [c for c in event["claims"] if c["article_id"] == "frontier-turbat-bomb"]
    new = [c for c in event["claims"] if c["article_id"] == revision]
    assert len(old) == 3 and all(c["superseded_by"] == revision for c in old)
    assert len(new) == 2 and all(c["superseded_by"] is None for c in new)
    killed = [(p["article_id"], p["low"]) for p in event["toll"] if p["outcome"] == "killed"]
    assert ("frontier-turbat-bomb", 2) in killed and (revision, 4) in killed, "the toll history keeps both"
    [merged] = [s for s in event["sources"] if s["article_id"] == revision]
    assert merged["matched"] and merged["matched"][0] == "same place: Turbat"
    # The exports count the revision's figures only.
    exported = Dataset.model_validate(dataset(store_url))
    [acled_row] = acled.rows(exported, timestamp=0)
    [ucdp_row] = ucdp.rows(exported)
    assert acled_row["fatalities"] == "4" and "residents" not in ucdp_row["source_original"]
    rows = _article_rows(store_url)
    assert rows["frontier-turbat-bomb"][0] == revision and rows["frontier-turbat-bomb"][1] is None
    assert rows[revision][0] is None and rows[revision][1] is not None

    # The same text at the same URL, either version, or the whole batch again: nothing changes.
    before_counts, before = counts(store_url), dataset(store_url)
    again = store(store_url, tmp_path / "v1.jsonl", tmp_path / "v2.jsonl")
    assert (again.new, again.already_stored, again.revisions) == (0, 2, 0)
    assert counts(store_url) == before_counts and dataset(store_url) == before

    # A third version: it replaces the second, whose claims join the first's in the history.
    summary = store(store_url, write_jsonl(tmp_path / "v3.jsonl", [TURBAT_V3]))
    assert summary.revisions == 1
    event = _the_event(store_url)
    third = "frontier-turbat-bomb~rev3"
    assert event["article_ids"] == ["frontier-turbat-bomb", revision, third]
    assert event["fatalities"]["best"] == 6 and event["injured"]["best"] is None
    assert {c["superseded_by"] for c in event["claims"] if c["article_id"] == revision} == {third}
    assert _article_rows(store_url)[revision][0] == third


def test_revisions_in_one_batch_store_what_separate_runs_do(store_url: str, tmp_path: Path) -> None:
    """One run reads the first version, then the second (the writer's memory: its caches, its near-duplicate
    index, its known texts) and ends where two runs end."""
    batch = write_jsonl(tmp_path / "both.jsonl", [TURBAT_V1, TURBAT_V2])
    summary = store(store_url, batch)
    assert (summary.new, summary.revisions) == (2, 1)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    store(reference, write_jsonl(tmp_path / "v1.jsonl", [TURBAT_V1]))
    store(reference, write_jsonl(tmp_path / "v2.jsonl", [TURBAT_V2]))
    assert dataset(store_url) == dataset(reference)


def test_lightly_revised_page_with_a_syndicated_copy_is_a_revision_not_a_copy(
    store_url: str, tmp_path: Path
) -> None:
    """The revision changes a few words; a syndicated copy of its first version is stored. The revision is
    nearly the copy, and the copy points at the first version: neither makes it a duplicate of itself."""
    padding = (
        " The provincial government condemned the attack and ordered an inquiry into the security lapse."
    )
    first = {**TURBAT_V1, "text": TURBAT_V1["text"] + padding * 2}
    copy = {
        **first,
        "id": "syndicated-turbat",
        "url": "https://example.org/syndication/turbat",
        "text": first["text"] + "\n\n(Syndicated.)",
    }
    revised = {
        **first,
        "text": first["text"].replace(
            "killing two soldiers and wounding four", "killing four soldiers and wounding six"
        ),
    }
    summary = store(store_url, write_jsonl(tmp_path / "both.jsonl", [first, copy]))
    assert (summary.new, summary.duplicates) == (1, 1)
    summary = store(store_url, write_jsonl(tmp_path / "revised.jsonl", [revised]))
    assert (summary.new, summary.duplicates, summary.revisions) == (1, 0, 1)
    event = _the_event(store_url)
    assert event["article_ids"] == ["frontier-turbat-bomb", "syndicated-turbat", "frontier-turbat-bomb~rev2"]
    assert event["fatalities"]["low"] == 4 and event["injured"]["best"] == 6


# --- merges explained and reversible -----------------------------------------------------------------------


def test_merged_in_article_can_be_split_back_out_by_review(store_url: str, tmp_path: Path) -> None:
    store(store_url, KECH, published="2025-04-08")
    store(store_url, write_jsonl(tmp_path / "second.jsonl", [SECOND_TURBAT_REPORT]))
    data = dataset(store_url)
    [bombing] = [e for e in data["events"] if len(e["article_ids"]) == 2]
    kech, second = bombing["article_ids"]
    assert [s["matched"] is None for s in bombing["sources"]] == [True, False], "why the second joined"
    moved = [c["id"] for c in bombing["claims"] if c["article_id"] == second]
    assert moved

    engine = open_engine(store_url)
    try:
        with Session(engine) as session:
            _change, child = ReviewWriter(session).split(bombing["id"], moved, "analyst", "another blast")
            session.commit()
        with Session(engine) as session:
            reader = ReviewedReader(session)
            parent, split_off = reader.build(bombing["id"]), reader.build(child)
        assert parent is not None and split_off is not None
        assert [c.id for c in split_off.event.claims] == moved
        assert split_off.event.article_ids == [second]
        assert [s.article_id for s in split_off.event.sources] == [second]
        assert {c.article_id for c in parent.event.claims} == {kech}
        # Each keeps its own article's figures: the police's three wounded, the official's four.
        assert parent.event.fatalities.best == split_off.event.fatalities.best == 2
        assert (parent.event.injured.best, split_off.event.injured.best) == (3, 4)
    finally:
        engine.dispose()


# --- two writers at once -----------------------------------------------------------------------------------

_TOWNS = [("Turbat", "Kech"), ("Gwadar", "Gwadar"), ("Khuzdar", "Khuzdar"), ("Panjgur", "Panjgur")]
_NUMBERS = ["two", "three", "four", "five", "six", "seven"]


def _noise(rng: random.Random, words: int) -> str:
    """Random non-words with "the", "of", "and" between them: two reports that share a template are then not
    near-duplicates of each other (and still read as English)."""
    return " ".join(
        f"zq{''.join(rng.choices(string.ascii_lowercase, k=6))} {('the', 'of', 'and')[i % 3]}"
        for i in range(words)
    )


def _incident_reports(count: int) -> list[tuple[dict, dict]]:
    """``count`` bombings, each in one town on one day (days three apart), each told by two outlets."""
    rng = random.Random(13)
    reports = []
    for number in range(count):
        town, district = _TOWNS[number % len(_TOWNS)]
        day = dt.date(2025, 1, 2) + dt.timedelta(days=3 * number)
        killed, wounded = _NUMBERS[number % 5], _NUMBERS[number % 5 + 1]
        wire = {
            "id": f"wire-{number}",
            "published": str(day),
            "source": "The Frontier Wire",
            "url": f"https://example.org/wire/{number}",
            "text": (
                f"{town.upper()}, {day:%B} {day.day} — A roadside bomb struck a paramilitary vehicle near {town} in "
                f"{district} district on {day:%A}, killing {killed} soldiers and wounding {wounded} others, police "
                f"said.\n\nNo group claimed responsibility for the attack.\n\n{_noise(rng, 60)}."
            ),
        }
        courier = {
            "id": f"courier-{number}",
            "published": str(day),
            "source": "Coastal Courier",
            "url": f"https://example.org/courier/{number}",
            "text": (
                f"{killed.capitalize()} security personnel were killed and {wounded} injured when an improvised "
                f"explosive device went off beside their convoy in {town}, {district} district, on {day:%A} "
                f"{day:%B} {day.day}, a senior official told reporters.\n\nThe injured were moved to a hospital in "
                f"the town.\n\n{_noise(rng, 60)}."
            ),
        }
        reports.append((wire, courier))
    return reports


# A writer process: extracts its articles, says it is ready, waits for the word, then stores them one
# transaction each, as ``sitrep ingest`` does (extracting first: the writers then run in step, article for article).
_WRITER = """
import json, sys
from sitrep.model import Article
from sitrep.pipeline import extract
from sitrep.store import open_engine
from sitrep.store.dedup import signature, text_sha256, url_sha256
from sitrep.store.writer import ArticleWriter, Extracted

url, path = sys.argv[1], sys.argv[2]
articles = [Article(**json.loads(line)) for line in open(path)]
items = [
    Extracted(a, extract(a), text_sha256(a.text), url_sha256(a.url), signature(a.text)) for a in articles
]
engine = open_engine(url)
writer = ArticleWriter(engine)
print("ready", flush=True)
sys.stdin.readline()
outcomes = [str(writer.store(item).outcome) for item in items]
print(" ".join(outcomes), flush=True)
writer.close()
engine.dispose()
"""


def test_two_writers_at_once_leave_one_event_per_incident(store_url: str, tmp_path: Path) -> None:
    """Each incident's two reports go to different writers, in the same order, started together: without the
    write lock both look for the incident, find nothing and insert it."""
    reports = _incident_reports(40)
    store(store_url)  # the schema, before two processes race to create it
    halves: list[list[dict]] = [[], []]
    for number, (wire, courier) in enumerate(reports):
        halves[number % 2].append(wire)
        halves[1 - number % 2].append(courier)
    files = [write_jsonl(tmp_path / f"writer{n}.jsonl", half) for n, half in enumerate(halves)]
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, store_url, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in files
    ]
    try:
        for writer in writers:
            assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        for writer in writers:
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.flush()
        outputs = [writer.communicate(timeout=300) for writer in writers]
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
    for writer, (out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err  # the second writer waited for the lock, it did not fail
        assert out.split() == ["new"] * len(reports), out

    data = dataset(store_url)
    by_articles = sorted(sorted(e["article_ids"]) for e in data["events"])
    expected = sorted(sorted([wire["id"], courier["id"]]) for wire, courier in reports)
    assert by_articles == expected, "one event per incident, holding both of its reports"


def test_incident_reports_are_one_event_each_from_one_writer(store_url: str, tmp_path: Path) -> None:
    """What the two-writer test expects, from one writer: the reports merge, no two incidents do."""
    reports = _incident_reports(4)
    store(store_url, write_jsonl(tmp_path / "all.jsonl", [r for pair in reports for r in pair]))
    events = dataset(store_url)["events"]
    assert sorted(sorted(e["article_ids"]) for e in events) == sorted(
        sorted([wire["id"], courier["id"]]) for wire, courier in reports
    )
