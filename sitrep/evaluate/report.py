"""What an evaluation returns: per-field agreement with error examples, mergeable across the two halves."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sitrep.model import Claim, Event, ExtractResult, Place


@dataclass
class FieldScore:
    """How many times a field was scored and found right; ``examples`` describe some of the misses."""

    scored: int = 0
    correct: float = 0  # a count of items found right, or a sum of shares (``add_share``)
    examples: list[str] = field(default_factory=list)

    def add(self, ok: bool, example: str, keep: int) -> None:
        self.scored += 1
        self.correct += ok
        if not ok and len(self.examples) < keep:
            self.examples.append(example)

    def add_share(self, share: float) -> None:
        """One item scored with partial credit (B-cubed's per-article shares): ``accuracy`` is then their mean."""
        self.scored += 1
        self.correct += share

    @property
    def accuracy(self) -> float:
        return self.correct / self.scored if self.scored else 0.0


@dataclass
class Report:
    """Per-field agreement; ``metrics()`` is what ``--json`` prints."""

    fmt: str
    records: int = 0
    fields: dict[str, FieldScore] = field(default_factory=dict)
    extra: dict[str, float] = field(default_factory=dict)

    def field(self, name: str) -> FieldScore:
        return self.fields.setdefault(name, FieldScore())

    def metrics(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {"records": self.records}
        for name, score in self.fields.items():
            if not score.scored:
                continue
            out[f"{name}_accuracy"] = round(score.accuracy, 4)
            out[f"{name}_scored"] = score.scored
        out.update(self.extra)
        return out

    def without_examples(self) -> Report:
        """The same counts with no error examples (half B is scored, its errors are not read)."""
        fields = {name: FieldScore(s.scored, s.correct) for name, s in self.fields.items()}
        return Report(self.fmt, self.records, fields, dict(self.extra))

    def merged(self, other: Report) -> Report:
        """Both reports' counts added (the whole set from its two halves); examples kept from ``self`` only,
        so that a merge with half B never shows B's errors. Ratios in ``extra`` cannot be added and are
        dropped; whole-number counts there are summed."""
        out = Report(self.fmt, self.records + other.records)
        for name in [*self.fields, *(n for n in other.fields if n not in self.fields)]:
            mine, theirs = self.fields.get(name, FieldScore()), other.fields.get(name, FieldScore())
            out.fields[name] = FieldScore(
                mine.scored + theirs.scored, mine.correct + theirs.correct, list(mine.examples)
            )
        for name, value in self.extra.items():
            if isinstance(value, int) and isinstance(other.extra.get(name, 0), int):
                out.extra[name] = value + int(other.extra.get(name, 0))
        return out


@dataclass
class Record:
    """One dev item: its key (the id its half is drawn from), text, publication date and gold coding."""

    key: str
    text: str
    published: dt.date | None
    gold: dict[str, Any]
    title: str | None = None
    where: str = ""

    @property
    def label(self) -> str:
        """How error examples name the record: file and line where known, else its key."""
        return self.where or self.key


def main_event(result: ExtractResult) -> tuple[Event | None, list[Claim], Place | None]:
    """The event a one-incident record describes: the one holding most claims, else the first."""
    if not result.events:
        return None, [], None
    event = max(result.events, key=lambda e: (len(e.claim_ids), -result.events.index(e)))
    claims = {c.id: c for c in result.claims}
    places = {p.id: p for p in result.places}
    return event, [claims[i] for i in event.claim_ids if i in claims], places.get(event.place_id or "")
