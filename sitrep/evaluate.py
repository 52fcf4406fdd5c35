"""Scoring sitrep against hand-checked and analyst-coded data.

ACLED notes carry coder conventions that real news never has; ``strip_coder_notes`` removes them so that a
score measures reading prose, not reading the coder's summary line.
"""

from __future__ import annotations

import re

# Each pattern removes one ACLED coder convention; order matters (parentheticals before sentences).
_CODER_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # "(coded as Baloch Separatists)", "(suspected Baloch Separatists)" after an actor.
    (re.compile(r"\s*\((?:coded as|suspected|likely|possibly)[^()]*\)", re.I), ""),
    # "... coded as military" inside a phrase without brackets.
    (re.compile(r",?\s*coded (?:as|at) [^.,;]*", re.I), ""),
    # "(Kech, Balochistan)", "(Kech district, Balochistan)", "(Balochistan)".
    (re.compile(r"\s*\((?:[A-Z][\w .'-]*,\s*)?Balochistan\)"), ""),
    (re.compile(r"\s*\([A-Z][\w .'-]*(?:,\s*[A-Z][\w .'-]*)?\)(?=[\s.,;]|$)"), ""),
    # Closing fatality bookkeeping: "3 fatalities.", "Fatalities uncorroborated.", "There were no fatalities."
    (re.compile(r"(?:^|(?<=[.!?]))\s*[^.!?]*\bfatalit(?:y|ies)\b[^.!?]*(?:[.!?]|$)", re.I), " "),
]


def strip_coder_notes(notes: str) -> str:
    """ACLED ``notes`` with the coder's conventions removed, leaving the reported prose."""
    text = notes
    for pattern, replacement in _CODER_PATTERNS:
        text = pattern.sub(replacement, text)
    return re.sub(r"\s{2,}", " ", text).strip()
