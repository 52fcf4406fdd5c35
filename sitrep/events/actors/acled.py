"""Predicted actor names against ACLED's: the same actor under ACLED's spellings, period suffixes and branches."""

from __future__ import annotations

import re

from sitrep.events.actors.loading import load_actors
from sitrep.events.actors.matching import ActorDictionary, acled_key

# ---------------------------------------------------------------------------------------------------------------
# Comparing with ACLED

_PERIOD_RE = re.compile(r"\s*\(\s*(?:\d{4})?\s*-\s*(?:\d{4})?\s*\)")
_ACRONYM_PREFIX_RE = re.compile(r"^[^\s:]+:\s*")


def _split_force(name: str, actors: ActorDictionary) -> tuple[str, str | None]:
    """(force, branch) of an actor string, periods removed: "Police Forces of Pakistan (2022-) Frontier Corps"
    gives ("police forces of pakistan", "frontier corps"); a name without a branch gives (name, None)."""
    period = _PERIOD_RE.search(name)
    if period and name[period.end() :].strip():
        return acled_key(name[: period.start()]), acled_key(name[period.end() :])
    plain = _PERIOD_RE.sub("", name)
    canonical = actors.from_acled(plain) or plain
    actor = actors.get(canonical)
    if actor and actor.parent and actor.branch:
        return acled_key(actor.parent), acled_key(actor.branch)
    return acled_key(canonical), None


def acled_actor_matches(predicted: str | None, gold: str, actors: ActorDictionary | None = None) -> bool:
    """Whether a canonical actor name agrees with an ACLED actor string.

    ACLED's period suffixes ("(2018-2022)", "(2022-)") are ignored. A branch in the gold string may be left out:
    gold "Police Forces of Pakistan (2022-) Frontier Corps" matches "Police Forces of Pakistan" and the Frontier
    Corps branch, not the Levies; but where ACLED names no branch, predicting one is a different actor (ACLED
    names the branch whenever its source does). Spellings listed in ``acled_names`` count as the actor's own;
    the acronym before ACLED's colon is not needed. An empty gold actor (ACLED's "only" events) matches None.
    """
    if not gold.strip():
        return not predicted
    if not predicted:
        return False
    actors = actors or load_actors()
    force_p, branch_p = _split_force(predicted, actors)
    force_g, branch_g = _split_force(gold, actors)
    if _ACRONYM_PREFIX_RE.sub("", force_p) != _ACRONYM_PREFIX_RE.sub("", force_g):
        return False
    return branch_p is None or branch_p == branch_g
