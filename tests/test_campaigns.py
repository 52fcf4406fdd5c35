"""Campaign figures: a campaign's own low/best/high from every claim of every article about it, province-only
claims included, stored, exported and listed first. The articles here are written for these tests."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from sitrep.export import acled, toll, ucdp
from sitrep.jobs.ingest import ingest
from sitrep.model import (
    Claimant,
    Count,
    Dataset,
    DatasetCampaign,
    Event,
    Figure,
    SourcedClaim,
)
from sitrep.resolve import reconcile_campaign
from sitrep.store import load_dataset, open_engine
from tests.conftest import EXAMPLES

# A first report that names only the province, and a second outlet's report of the same wave a day later that
# names the towns.
PROVINCE_ONLY = {
    "id": "wire-wave-day1",
    "title": "Separatists claim wave of attacks",
    "published": "2025-08-26",
    "source": "Test Wire",
    "text": (
        "QUETTA, Aug 26 — Militants of the Baloch Liberation Army carried out coordinated attacks across "
        "Balochistan on Monday, the group said in a statement, claiming to have killed more than 100 soldiers."
        "\n\nProvincial officials said 14 security personnel and 23 civilians were killed in the attacks. "
        "The figures could not be independently verified."
    ),
}
TOWNS_NEXT_DAY = {
    "id": "ledger-wave-day2",
    "title": "Toll rises after attacks in three districts",
    "published": "2025-08-27",
    "source": "Test Ledger",
    "text": (
        "TURBAT, Aug 27 — Fighters of the Baloch Liberation Army stormed a checkpost in Turbat, set fire to "
        "trucks on the highway near Kalat and attacked a police station in Mastung on Monday.\n\n"
        "Provincial officials said on Tuesday that 19 security personnel and 23 civilians had been killed in "
        "the wave of attacks."
    ),
}


def _claim(
    article: str, published: str, kind: str, name: str, victim: str, low: int, high: int | None
) -> SourcedClaim:
    return SourcedClaim(
        id=f"{article}#c{low}",
        outcome="killed",
        victim=victim,
        count=Count(low=low, high=high, text=str(low)),
        claimant=Claimant(kind=kind, name=name),
        stance="confirmed" if kind == "government" else "claimed",
        quote="",
        start=0,
        end=0,
        article_id=article,
        published=dt.date.fromisoformat(published),
    )


def _placed(event_id: str, day: str, low: int, best: int, high: int) -> Event:
    return Event(
        id=event_id,
        event_type="Battles",
        sub_event_type="Armed clash",
        gtd_attack_type="Armed Assault",
        date=dt.date.fromisoformat(day),
        fatalities=Figure(low=low, best=best, high=high, rule="test"),
    )


def _campaign(*claims: SourcedClaim) -> DatasetCampaign:
    return DatasetCampaign(id="k1", name="Operation Test", claims=list(claims))


def test_campaign_range_runs_from_the_officials_to_the_group_and_latest_figures_supersede() -> None:
    officials_day1 = _claim("a", "2025-08-26", "government", "officials", "security_forces", 10, 10)
    officials_day2 = _claim("b", "2025-08-27", "government", "officials", "security_forces", 15, 15)
    group = _claim("a", "2025-08-26", "armed_group", "BLA", "security_forces", 201, None)
    campaign = reconcile_campaign(_campaign(officials_day1, group, officials_day2), [])
    assert (campaign.fatalities.low, campaign.fatalities.best, campaign.fatalities.high) == (15, 15, 201)
    assert "(government)" in campaign.fatalities.rule and "(armed_group)" in campaign.fatalities.rule
    superseded = {(p.article_id, p.low): p.superseded for p in campaign.toll}
    assert superseded == {("a", 10): True, ("b", 15): False, ("a", 201): False}
    assert [p.stance for p in campaign.toll if p.claimant == "officials"] == ["confirmed", "confirmed"]
    assert "Officials (officials) confirms 15 security personnel killed" in campaign.notes


def test_a_campaign_total_covers_its_events_and_is_raised_where_they_hold_more() -> None:
    officials = _claim("a", "2025-08-26", "government", "officials", "security_forces", 15, 15)
    events = [_placed("e1", "2025-08-25", 4, 4, 4), _placed("e2", "2025-08-26", 5, 5, 9)]
    covered = reconcile_campaign(_campaign(officials), events)
    assert (covered.fatalities.low, covered.fatalities.best, covered.fatalities.high) == (15, 15, 15)
    assert "hold no more" in covered.fatalities.rule  # never 15 + 9 on top
    more = [*events, _placed("e3", "2025-08-26", 8, 8, 8)]
    raised = reconcile_campaign(_campaign(officials), more)
    assert (raised.fatalities.low, raised.fatalities.best, raised.fatalities.high) == (17, 17, 21)
    assert "raised" in raised.fatalities.rule
    alone = reconcile_campaign(_campaign(), events)
    assert (alone.fatalities.low, alone.fatalities.high) == (9, 13)
    assert (alone.date_first, alone.date_last) == (dt.date(2025, 8, 25), dt.date(2025, 8, 26))


def _ingest(url: str, tmp_path: Path, *records: dict) -> None:
    path = tmp_path / f"{records[0]['id']}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    engine = open_engine(url)
    try:
        ingest([str(path)], engine)
    finally:
        engine.dispose()


def _dataset(url: str) -> Dataset:
    engine = open_engine(url)
    try:
        return load_dataset(engine)
    finally:
        engine.dispose()


def test_a_province_only_report_keeps_its_claims_in_a_campaign_that_a_later_report_joins(
    store_url: str, tmp_path: Path
) -> None:
    _ingest(store_url, tmp_path, PROVINCE_ONLY)
    first = _dataset(store_url)
    assert first.events == [], "no town is named: the report is the campaign's, not an event's"
    [campaign] = first.campaigns
    assert not campaign.named and campaign.name == "BLA attacks in Balochistan"
    assert {c.article_id for c in campaign.claims} == {"wire-wave-day1"}
    assert (campaign.fatalities.low, campaign.fatalities.high) == (37, 101 + 23)

    _ingest(store_url, tmp_path, TOWNS_NEXT_DAY)
    second = _dataset(store_url)
    [campaign] = second.campaigns
    assert campaign.article_ids == ["wire-wave-day1", "ledger-wave-day2"]
    assert {e.place.name for e in second.events if e.place} >= {"Turbat", "Mastung"}
    assert all(e.campaign_id == campaign.id for e in second.events)
    # The officials' later count (19 + 23) supersedes their first (14 + 23); the group's claim stays the high.
    assert (campaign.fatalities.low, campaign.fatalities.best, campaign.fatalities.high) == (42, 42, 124)
    assert [p.superseded for p in campaign.toll if p.claimant_kind == "government"] == [
        True,
        True,
        False,
        False,
    ]

    # ACLED: the campaign's unplaced total is divided equally across its events, said in the notes, and
    # nothing is added to events outside it.
    rows = list(csv.DictReader(io.StringIO(_written(acled.write, second))))
    assert len(rows) == len(second.events) >= 2
    shares = sorted(int(r["fatalities"]) for r in rows)
    assert sum(shares) == 42 and shares[-1] - shares[0] <= 1
    assert all(f"divided equally across {len(rows)} events" in r["notes"] for r in rows)
    # UCDP: one aggregate row for the deaths no place holds, at the province.
    ged = list(csv.DictReader(io.StringIO(_written(ucdp.write, second))))
    [aggregate] = [r for r in ged if r["relid"] == campaign.id]
    assert (aggregate["where_prec"], aggregate["best"], aggregate["high"]) == ("4", "42", "124")
    # Toll: the campaign-wide figures with the campaign's id, the superseded ones marked.
    toll_rows = [r for r in csv.DictReader(io.StringIO(_written(toll.write, second))) if r["campaign_id"]]
    assert {r["superseded"] for r in toll_rows if r["claimant_kind"] == "government"} == {"true", "false"}


def test_a_revised_page_replaces_its_old_figures_in_the_campaign(store_url: str, tmp_path: Path) -> None:
    page = {**PROVINCE_ONLY, "url": "https://example.org/wire/wave"}
    _ingest(store_url, tmp_path, page)
    revised = {
        **page,
        "id": "wire-wave-day1-updated",
        "text": page["text"].replace("14 security personnel", "20 security personnel"),
    }
    _ingest(store_url, tmp_path, revised)
    [campaign] = _dataset(store_url).campaigns
    assert (campaign.fatalities.low, campaign.fatalities.high) == (43, 124)  # 20 + 23, no longer 14 + 23
    old = [p for p in campaign.toll if p.low == 14]
    assert old and all(p.superseded for p in old), "the old figure stays in the toll, marked"


def _written(write: object, dataset: Dataset) -> str:
    stream = io.StringIO()
    write(dataset, stream)  # type: ignore[operator]
    return stream.getvalue()


def test_the_examples_ingested_without_flags_tell_the_campaign_story(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'sitrep.db'}"
    engine = open_engine(url)
    try:
        ingest([str(EXAMPLES)], engine)
        data = load_dataset(engine)
    finally:
        engine.dispose()
    assert all(e.date is not None for e in data.events), "dated from the text, the dateline or the file name"
    [campaign] = data.campaigns
    assert len(campaign.article_ids) == 3
    figure = campaign.fatalities
    low_part, high_part = figure.rule.removeprefix("campaign-wide: ").split("; ")[:2]
    assert low_part.endswith("(government)") and high_part.endswith("(armed_group)")
    assert figure.low is not None and figure.high is not None and figure.low < figure.high
    assert figure.high > 200, "the group's claim of more than 200 is the high"
