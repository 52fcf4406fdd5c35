"""Casualty figures in a sentence: a sentence (its tokens) in, mentions out — a count, who it counts (victim)
and what happened to them (outcome).

Works on one sentence's tokens. A figure becomes a mention only when it is tied to an outcome ("17 soldiers
were killed", "killing 17", "the death toll rose to 17") and, unless the outcome is right next to it, to a
noun for people; quantities that measure something else (hours, vehicles, districts, ages, dates, money) are
dropped by the context table ``sitrep/data/non_casualty.tsv``. Attribution is a later stage.

The steps, one module each, lowest first: ``words`` (the vocabulary), ``tokens`` (token tests), ``records``
(``Mention`` and the working ``Figure``), ``predicates`` (what follows a word), ``asides`` (what may stand
between people and their outcome), ``outcomes`` (a figure's outcome), ``figures`` (figures and their people),
``names`` (people named by name), ``lists`` (figures read together), ``background`` (earlier incidents) and
``reader`` (one sentence, all steps in order).
"""

from sitrep.nlp.casualties.reader import CasualtyReader, casualty_reader
from sitrep.nlp.casualties.records import Mention
from sitrep.nlp.casualties.words import OutcomeWord, VictimWord

__all__ = ["CasualtyReader", "Mention", "OutcomeWord", "VictimWord", "casualty_reader"]
