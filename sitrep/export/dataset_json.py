"""JSON export: the ``Dataset`` document, ``{"events": [...], "campaigns": [...]}``. Each event is the extract
contract's event plus its article ids, every claim with its source, its place inline, notes and toll
evolution; reading the file back with ``Dataset.model_validate_json`` gives the same dataset."""

from __future__ import annotations

from typing import TextIO

from sitrep.model import Dataset


def write(dataset: Dataset, stream: TextIO) -> None:
    stream.write(dataset.model_dump_json(indent=1))
    stream.write("\n")
