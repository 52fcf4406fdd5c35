"""Who takes part in an event: the actor dictionary, finding actors in text, and claims of responsibility.

The dictionary is data (``sitrep/data/actors.tsv``, its header documents the columns); users add or override
actors with files in the same format, in the ``SITREP_DATA`` overlay folder (``sitrep.data``), named by
``SITREP_ACTORS`` (``os.pathsep``-separated) or passed to ``load_actors(extra=...)``, without touching code.

Finding actors is one pass of a pyahocorasick automaton over a case-folded copy of the text (DESIGN §3). The
lexicon's ``tokenize`` + ``PhraseTable`` would be simpler, but tokenising alone costs ~0.4 ms per 300 words on
these machines, twice the budget of this step; the responsibility cues, read once per article and only when a
cue word occurs, do use them.

The package's modules, each a step: ``records`` (the shared records and kinds), ``matching`` (the dictionary and
finding mentions), ``loading`` (the data files → a dictionary), ``responsibility`` (who claims or denies an
attack), ``acled`` (comparing names with ACLED's). This module is their public face.
"""

from sitrep.events.actors.acled import acled_actor_matches
from sitrep.events.actors.loading import load_actors
from sitrep.events.actors.matching import ActorDictionary
from sitrep.events.actors.records import (
    ENV_VAR,
    KIND_INTER,
    NON_STATE_KINDS,
    NONSTATE_ARMED,
    Actor,
    ActorMention,
)
from sitrep.events.actors.responsibility import (
    claim_phrase_words,
    has_cue_word,
    may_state_responsibility,
    responsibility,
    responsibility_cue_words,
)

__all__ = [
    "ENV_VAR",
    "KIND_INTER",
    "NONSTATE_ARMED",
    "NON_STATE_KINDS",
    "Actor",
    "ActorDictionary",
    "ActorMention",
    "acled_actor_matches",
    "claim_phrase_words",
    "has_cue_word",
    "load_actors",
    "may_state_responsibility",
    "responsibility",
    "responsibility_cue_words",
]
