"""The actor records every other part of sitrep.events.actors shares: an actor, a mention of one in text, one
actor's attributes as the data files give them, and the kinds with their ACLED inter codes."""

from __future__ import annotations

from dataclasses import dataclass, field

KIND_INTER: dict[str, int] = {
    "state_forces": 1,
    "rebel_group": 2,
    "political_militia": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external": 8,
    # ACLED's codebook files unidentified armed groups under political militias.
    "unidentified": 3,
}
GENERIC_VALUES = {"yes": True, "true": True, "no": False, "false": False, "": False}
NONSTATE_ARMED = frozenset({"rebel_group", "political_militia", "identity_militia"})
# The kinds of the sides that are not a state: armed groups, and the unidentified one a report leaves unnamed.
NON_STATE_KINDS = NONSTATE_ARMED | {"unidentified"}
ENV_VAR = "SITREP_ACTORS"
TABLE = "actors.tsv"


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor under its canonical name. ``generic`` is True when it was reached through a context-dependent
    alias ("soldiers", "gunmen"); ``ActorDictionary.get`` returns the entry itself, with ``generic`` False."""

    name: str
    kind: str
    inter: int
    country: str | None
    parent: str | None
    generic: bool = False

    @property
    def branch(self) -> str | None:
        """The branch part of a branch's name ("Frontier Corps" of "Police Forces of Pakistan Frontier Corps")."""
        if self.parent and self.name.startswith(self.parent + " "):
            return self.name[len(self.parent) + 1 :]
        return None


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a text; ``start``/``end`` are character offsets, ``text`` the words as written."""

    actor: Actor
    start: int
    end: int
    text: str


@dataclass
class ActorRecord:
    """One actor's merged attributes; ``where`` is the file and line that defined it, for error messages."""

    name: str
    kind: str
    inter: int
    country: str | None
    parent: str | None
    where: str
    acled_names: list[str] = field(default_factory=list)
    aliases: dict[bool, list[str]] = field(default_factory=lambda: {False: [], True: []})
