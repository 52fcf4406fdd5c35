"""The words the figure rules read: outcome words, killing words and ACLED's readings of vague figures."""

from __future__ import annotations

from functools import cache

from sitrep.data import read_table
from sitrep.model import Count


@cache
def outcome_words() -> frozenset[str]:
    """The one-word outcome phrases ("killed", "wounded", "shot")."""
    return frozenset(row["phrase"] for row in read_table("outcomes.tsv") if " " not in row["phrase"])


@cache
def killing_words() -> frozenset[str]:
    return frozenset(row["phrase"] for row in read_table("outcomes.tsv") if row["outcome"] == "killed")


@cache
def acled_values() -> dict[str, int]:
    return {row["words"]: int(row["value"]) for row in read_table("acled_conventions.tsv")}


def vague_count(count: Count) -> bool:
    words = " ".join(count.text.lower().split())
    return any(words == phrase or words.endswith(" " + phrase) for phrase in acled_values())
