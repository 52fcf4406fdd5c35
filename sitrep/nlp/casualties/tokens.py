"""Token tests: a sentence's tokens and a position in, a yes or no (negated, a name word, an age, a speaker)
or a span's words out. Shared by every step that reads a figure."""

from __future__ import annotations

from sitrep.nlp.casualties.words import (
    DEFINITE,
    DEFINITE_ADJECTIVES,
    FIGURE_NOUN_OPENERS,
    FIGURE_NOUNS,
    NEGATIONS,
    NOT_NAMES,
    NP_SKIP,
    NP_STOP,
    SPEECH,
    SUBSET_WORDS,
)
from sitrep.nlp.lexicon import Token


def is_name_word(token: Token) -> bool:
    return (
        token.is_word
        and token.text[0].isupper()
        and len(token.text) > 1
        and not token.text.isupper()  # "SHO", "DSP": a post or an acronym, not a name
        and token.norm not in NP_STOP
        and token.norm not in NP_SKIP
        and token.norm not in NOT_NAMES
    )


def names_a_number(tokens: list[Token], start: int, end: int) -> bool:
    """A number with no people noun that is an age, an address or part of a name, not a count: "Ann Lee, 46,",
    "at 13915 Oak Road", "Action News 5", "Unit 7". Counts of thousands are written with a comma ("1,200")."""
    text = tokens[start].text
    if end - start == 1 and text.isdigit() and len(text) >= 4:
        return True
    if start >= 2 and tokens[start - 1].norm == "," and tokens[start - 2].text[:1].isupper():
        return tokens[start - 2].is_word and start - 2 > 0  # "Ann Lee, 46": an age after a name
    before = tokens[start - 1] if start else None
    return before is not None and start > 1 and before.is_word and before.text[0].isupper() and text.isdigit()


def names_a_speaker(tokens: list[Token], start: int, end: int) -> bool:
    """Whether the person named at tokens[start:end] is a source: 'according to a …', '… said'."""
    if end < len(tokens) and tokens[end].norm in SPEECH:
        return True
    return any(tokens[i].norm == "according" for i in range(max(0, start - 5), start))


def names_a_figure(tokens: list[Token], index: int) -> bool:
    """Whether the words from ``index`` name a figure ("death toll", "tally", "casualty count")."""
    if index < len(tokens) and tokens[index].norm in FIGURE_NOUN_OPENERS:
        index += 1
    return index < len(tokens) and tokens[index].norm in FIGURE_NOUNS


def subset_marks(tokens: list[Token]) -> list[int]:
    """Where words stand that name parts of the figure before ('…, including four women and two children, …',
    'among them'), kept as their own claims: their token indexes, in order."""
    return [i for i, token in enumerate(tokens) if token.norm in SUBSET_WORDS or token.norm == "among"]


def is_number(token: Token, number_words: frozenset[str]) -> bool:
    return token.norm[0].isdigit() or token.norm in number_words


def definite_before(tokens: list[Token], index: int) -> bool:
    """'the two injured', 'the remaining three': a number after 'the' counts people named before."""
    for back in range(index - 1, max(index - 3, -1), -1):
        word = tokens[back].norm
        if word in DEFINITE:
            return True
        if word not in DEFINITE_ADJECTIVES:
            return False
    return False


def bracket_end(tokens: list[Token], index: int) -> int | None:
    """The index after a short bracketed aside starting at ``index`` ("(FC)"), or None."""
    if tokens[index].norm != "(":
        return None
    for close in range(index + 1, min(index + 8, len(tokens))):  # "(FC)", "(Jane A. Roe Jr.)"
        if tokens[close].norm == ")":
            return close + 1
    return None


def negated(tokens: list[Token], index: int) -> bool:
    """'were not injured', 'none of the 30 passengers': a negation up to three words before."""
    return any(tokens[i].norm in NEGATIONS for i in range(max(0, index - 3), index))


def span_text(tokens: list[Token], start: int, stop: int) -> str:
    return " ".join(token.text for token in tokens[start:stop])


def int_or_none(value: str) -> int | None:
    return int(value) if value else None
