"""Text folding shared by the gazetteer build and the run-time matcher.

Both sides must fold names identically or the automaton never fires, so the one definition lives here and
``scripts/build_gazetteer.py`` imports it.

Folding keeps string length (one character in, one character out) so that offsets found in the folded
text are offsets in the original: lower case, diacritics removed ("Quetta" = "QUETTA" = "Quéttá"), and every
character that is not a letter or digit becomes a space (so "Dera-Murad-Jamali" = "Dera Murad Jamali").
"""

from __future__ import annotations

import re
import unicodedata

TOKEN_RE = re.compile(r"[^\W_]+")


class _FoldTable(dict[int, str]):
    """Lazily filled ``str.translate`` table: each code point is folded once, then looked up."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)).lower()
        if len(base) == 1 and base.isalnum():
            folded = base
        else:
            lowered = char.lower()
            # Letters without a one-character base (Urdu, Greek with two-char lowercase...) stay letters so
            # that they still separate words; everything else is a word break.
            folded = lowered if len(lowered) == 1 and lowered.isalnum() else " "
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Words of folded ASCII text: a cheaper class than the Unicode one, same result on ASCII.
ASCII_TOKEN_RE = re.compile(r"[a-z0-9]+")


def _fold_char(match: re.Match[str]) -> str:
    return _FOLD_TABLE[ord(match.group())]


def fold(text: str) -> str:
    """``text`` lower-cased and stripped of diacritics, same length, punctuation kept."""
    if text.isascii():
        return text.lower()
    others = _NON_ASCII.findall(text)
    if len(others) * 20 < len(text):
        # Mostly ASCII (news with curly quotes and dashes): fold only the few other characters, one str.replace
        # per distinct character (a text has two or three) rather than a Python call per occurrence. That is
        # the same as folding each occurrence unless one character folds to another one being replaced.
        distinct = set(others)
        folded = {char: _FOLD_TABLE[ord(char)] for char in distinct}
        if all(new == char or new not in distinct for char, new in folded.items()):
            for char, new in folded.items():
                text = text.replace(char, new)
            return text.lower()
        return _NON_ASCII.sub(_fold_char, text).lower()
    return text.translate(_FOLD_TABLE)


def token_re(folded: str) -> re.Pattern[str]:
    """The word pattern for a folded text (the ASCII one when it applies)."""
    return ASCII_TOKEN_RE if folded.isascii() else TOKEN_RE


def name_key(name: str) -> str:
    """The automaton key of a place name: folded words joined by single spaces ('' when no words)."""
    return " ".join(TOKEN_RE.findall(fold(name)))
