"""An article → its campaign, if it tells one: a named operation ("Operation Sandwall, Phase II"), or one armed
group's coordinated attacks across one province (``data/campaign_cues.tsv``).
"""

from __future__ import annotations

import re
from functools import cache

from sitrep.data import read_table
from sitrep.events.actors import NON_STATE_KINDS
from sitrep.events.grouping import Group
from sitrep.events.sentences import Sentence

_OPERATION_RE = re.compile(
    r"\bOperation\s+[\"“']?(?P<name>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})[\"”']?"
    r"(?:,?\s+[Pp]hase\s+(?P<phase>[IVX]+|\d+|[Oo]ne|[Tt]wo|[Tt]hree))?"
)
_PHASE_RE = re.compile(r"\b(?P<ordinal>second|third|fourth|fifth|final)\s+phase\b", re.IGNORECASE)
_ORDINAL_PHASE = {"second": "II", "third": "III", "fourth": "IV", "fifth": "V", "final": "final"}


@cache
def _campaign_cues() -> tuple[frozenset[str], frozenset[str]]:
    """Plural attack nouns and words of coordination or spread: ``data/campaign_cues.tsv``."""
    rows = read_table("campaign_cues.tsv")
    return (
        frozenset(r["word"] for r in rows if r["kind"] == "attack"),
        frozenset(r["word"] for r in rows if r["kind"] == "cue"),
    )


# Districts an article must place one group's attacks in to be a campaign without coordination being said.
_CAMPAIGN_DISTRICTS = 3


def coordinated_campaign(sentences: list[Sentence], groups: list[Group]) -> tuple[str, str] | None:
    """The name and actor of an unnamed campaign ("BLA attacks in Balochistan"): one armed group's attacks told as
    coordinated or spread ("coordinated attacks across the province") and placed in two districts or more, or
    in none finer than the province; or placed in three districts or more; all in one province — else None. A
    single incident is no campaign, whatever its background says ("the latest in a series of attacks"), nor are
    attacks by several groups."""
    placed = [g.place for g in groups if g.place is not None]
    districts = {p.admin2 for p in placed if p.admin2 and p.precision.get("acled", 3) < 3}
    if len(districts) == 1:
        return None
    if len(districts) < _CAMPAIGN_DISTRICTS:
        attack_nouns, cues = _campaign_cues()
        if not any(s.norms & attack_nouns and s.norms & cues for s in sentences if s.is_incident):
            return None
    provinces = {p.admin1 for p in placed if p.admin1}
    if len(provinces) != 1:
        return None
    named = {
        m.actor.name
        for s in sentences
        if s.is_incident
        for m in s.actors
        if m.actor.kind in NON_STATE_KINDS and m.actor.kind != "unidentified" and not m.actor.generic
    }
    if len(named) != 1:
        return None
    [name] = named
    return f"{name.split(':')[0]} attacks in {provinces.pop()}", name


def operation_name(text: str) -> str | None:
    """The named operation an article tells, with its phase ("Operation Sandwall, Phase II"); else None."""
    if "Operation" not in text:  # the common case, without running the pattern over the whole text
        return None
    match = _OPERATION_RE.search(text)
    if match is None:
        return None
    name = f"Operation {match.group('name')}"
    phase = match.group("phase")
    if phase is None:
        ordinal = _PHASE_RE.search(text)
        phase = _ORDINAL_PHASE[ordinal.group("ordinal").lower()] if ordinal else None
    return f"{name}, Phase {phase}" if phase else name
