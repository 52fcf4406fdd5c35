"""Event typing: tactic words → ACLED event type / sub-event type and GTD attack type.

The table is ``sitrep/data/tactics.tsv``; Urdu reports read ``sitrep/data/ur/tactics.tsv``, whose rows copy the
English rows of the same words (a phrase with no event type hides a shorter one and names no tactic). A phrase
may have rows for different targets ("opened fire" on soldiers is an armed clash, on civilians an attack); the
row for the event's target is used, else the row for any target, else any row of the phrase. The
highest-priority tactic of an event decides its type.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from sitrep.data import read_table
from sitrep.nlp.lexicon import PhraseTable, Token

Target = Literal["armed", "civilians", "unknown"]


@dataclass(frozen=True, slots=True)
class EventType:
    event_type: str
    sub_event_type: str
    gtd_attack_type: str
    priority: int
    target: str  # any | armed | civilians
    by: str = ""  # "state": an action only state forces take (an intelligence-based operation)


@dataclass(frozen=True, slots=True)
class TacticMatch:
    phrase: str
    types: tuple[EventType, ...]  # the phrase's rows, one per target
    start: int  # character offsets in the text the tokens came from
    end: int

    def for_target(self, target: Target) -> EventType:
        # Nobody armed is named on the other side and no one is counted: read the words as ACLED reads an
        # attack on a vehicle, a shop or a crew — one-sided, on civilians.
        for wanted in (target if target != "unknown" else "civilians", "any"):
            for row in self.types:
                if row.target == wanted:
                    return row
        return self.types[0]


# The tactic table of each language the event stage reads; others read English's.
_TABLES = {"en": "tactics.tsv", "ur": "ur/tactics.tsv"}


def event_type(row: dict[str, str]) -> EventType:
    """The type a row of a tactics table gives (``tactics.tsv``, ``ur/tactics.tsv``)."""
    return EventType(
        row["event_type"],
        row["sub_event_type"],
        row["gtd_attack_type"],
        int(row["priority"]),
        row["target"],
        row.get("by", ""),
    )


class TacticReader:
    def __init__(self, table: str = "tactics.tsv") -> None:
        rows: dict[str, list[EventType]] = {}
        for row in read_table(table):
            types = rows.setdefault(row["phrase"], [])
            if not row["event_type"]:
                continue  # a phrase hiding a shorter one: matched, and dropped by ``find``
            types.append(event_type(row))
        self.table: PhraseTable[tuple[str, tuple[EventType, ...]]] = PhraseTable(
            [(phrase, (phrase, tuple(types))) for phrase, types in rows.items()]
        )

    def find(self, tokens: list[Token], offset: int = 0) -> list[TacticMatch]:
        """Tactic phrases in ``tokens``; ``offset`` is added to their character offsets."""
        return [
            TacticMatch(
                m.payload[0], m.payload[1], offset + tokens[m.start].start, offset + tokens[m.end - 1].end
            )
            for m in self.table.find_all(tokens)
            if m.payload[1]
        ]


# Weapons thrown or fired from afar, which name the event only when no one fought at close quarters.
_STANDOFF = frozenset({"Grenade", "Shelling/artillery/missile attack"})
# From this priority up, a Battles or Violence-against-civilians row is a ground assault ("stormed",
# "gun battle", "shootout") or gunfire beside the standoff weapon ("opened fire", "firing", "small arms"): the
# rockets or grenade were one weapon of a gunfight. Below it are words any report of violence uses
# ("attacked", "killed").
_ASSAULT_PRIORITY = 40


def choose_type(tactics: list[TacticMatch], target: Target) -> EventType | None:
    """The event's type: the highest-priority tactic, read for the event's target. Grenades or rockets used in
    a ground assault are its weapons: the assault names the event (ACLED codes a raid with guns and grenades
    as the clash or attack it was)."""
    if not tactics:
        return None
    rows = [t.for_target(target) for t in tactics]
    best = max(rows, key=lambda row: row.priority)
    if best.sub_event_type in _STANDOFF:
        assault = [
            row
            for row in rows
            if row.priority >= _ASSAULT_PRIORITY
            and row.event_type in ("Battles", "Violence against civilians")
            and row.sub_event_type not in _STANDOFF
        ]
        if assault:
            return max(assault, key=lambda row: row.priority)
    return best


def tactic_reader(language: str = "en") -> TacticReader:
    """The tactic words of ``language`` ("en", "ur"); English for a language without its own table."""
    return _reader(_TABLES.get(language, _TABLES["en"]))


@cache
def _reader(table: str) -> TacticReader:
    return TacticReader(table)
