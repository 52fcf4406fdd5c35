"""Scoring sitrep against hand-checked and analyst-coded data."""

from sitrep.evaluate.devset import acled_note_items, score_claims, sentence_items, strip_coder_notes
from sitrep.evaluate.records import FORMATS, EvalInputError, Report, evaluate_file

__all__ = [
    "FORMATS",
    "EvalInputError",
    "Report",
    "acled_note_items",
    "evaluate_file",
    "score_claims",
    "sentence_items",
    "strip_coder_notes",
]
