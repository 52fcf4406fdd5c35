"""``sitrep.store.writer.records``: what enters and leaves the writer, and the ids one article's steps share."""

from __future__ import annotations

import dataclasses

import pytest

from sitrep.store.writer.records import Ids, Outcome, Stored
from tests.writer_fixtures import QUETTA, extracted


def test_outcomes_are_the_words_the_summary_reports() -> None:
    assert [outcome.value for outcome in Outcome] == ["new", "duplicate", "already stored"]
    assert f"{Outcome.already_stored}" == "already stored"


def test_a_stored_report_starts_with_no_events_and_no_revision() -> None:
    stored = Stored(Outcome.new, "quetta-report", "quetta-report")
    assert (stored.new_events, stored.merged_events, stored.revision_of, stored.duplicate_of) == (
        0,
        0,
        None,
        None,
    )


def test_each_article_gets_ids_of_its_own() -> None:
    first = Ids()
    first.links.append({"event_id": 1, "article_id": 1, "matched": None})
    first.merged_campaigns.add(3)
    second = Ids()
    assert (second.links, second.merged_campaigns, second.claim_events) == ([], set(), {})


def test_an_extracted_item_cannot_change_on_its_way_to_the_store() -> None:
    item = extracted("quetta-report", QUETTA)
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.text_sha256 = "0" * 64  # type: ignore[misc]
