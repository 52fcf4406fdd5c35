"""``sitrep.store.writer.memory``: what the writer keeps between articles, and how much of it."""

from __future__ import annotations

import pytest

from sitrep.model import DatasetEvent
from sitrep.store.writer import memory as memory_module
from sitrep.store.writer.memory import Memory


def _event(uid: str) -> DatasetEvent:
    return DatasetEvent(
        id=uid, event_type="Battles", sub_event_type="Armed clash", gtd_attack_type="Armed Assault"
    )


def test_trim_keeps_the_events_written_last(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory_module, "CACHED_EVENTS", 2)
    memory = Memory()
    for row in (1, 2, 3):
        memory.events[row] = (0, _event(f"a#e{row}"))
    memory.trim()
    assert list(memory.events) == [2, 3]


def test_forgetting_the_events_keeps_the_last_article_written() -> None:
    memory = Memory()
    memory.events[1] = (0, _event("a#e1"))
    memory.last_article_row = 1
    memory.forget_events()
    assert (dict(memory.events), memory.last_article_row) == ({}, 1)
