"""JSON export: the ``Dataset`` document, ``{"events": [...], "campaigns": [...]}``. Each event is the extract
contract's event plus its article ids, every claim with its source, its place inline, notes and toll
evolution; reading the file back with ``Dataset.model_validate_json`` gives the same dataset."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TextIO

from sitrep.model import Dataset, DatasetCampaign, DatasetEvent


def pieces(
    events: Iterable[DatasetEvent], campaigns: Callable[[], Iterable[DatasetCampaign]]
) -> Iterator[str]:
    """The document one event at a time, the bytes ``Dataset.model_dump_json(indent=1)`` writes whole: the
    events are read once, as they come; ``campaigns`` is asked for after the last one."""
    yield '{\n "events": ['
    first = True
    for event in events:
        yield ("\n  " if first else ",\n  ") + _nested(event.model_dump_json(indent=1))
        first = False
    yield "]" if first else "\n ]"
    listed = [_nested(campaign.model_dump_json(indent=1)) for campaign in campaigns()]
    yield ',\n "campaigns": [' + ("\n  " + ",\n  ".join(listed) + "\n ]" if listed else "]") + "\n}\n"


def _nested(document: str) -> str:
    """A document written with one space of indent, as it reads two levels down in the whole one."""
    return document.replace("\n", "\n  ")


def write(dataset: Dataset, stream: TextIO) -> None:
    for piece in pieces(dataset.events, lambda: dataset.campaigns):
        stream.write(piece)
