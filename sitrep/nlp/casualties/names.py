"""People named by name: tokens and the sentence's outcome words in, one figure per person or list named
("Jane Roe was shot", "Roe died", "the death of Jane Roe", "Roe and Lee were wounded") out."""

from __future__ import annotations

from sitrep.model import Count, Outcome
from sitrep.nlp.casualties.predicates import died_after, limb_wound
from sitrep.nlp.casualties.records import Figure
from sitrep.nlp.casualties.tokens import is_name_word, negated, span_text
from sitrep.nlp.casualties.words import (
    AGE_WORDS,
    BEFORE_PLACE_NAMES,
    BRIDGE_AFTER,
    DEATH_NOUNS,
    INTRANSITIVE_DEATHS,
    LISTS,
    MAIN_VERBS,
    NOT_NAMES,
    TOLL_NOUNS,
    CasualtyWords,
)
from sitrep.nlp.lexicon import PhraseMatch, Token


def named_figures(
    words: CasualtyWords, tokens: list[Token], outcomes: list[PhraseMatch], covered: set[int]
) -> list[Figure]:
    """One person named by name: "Jane Roe was shot and killed", "Roe died at a hospital", "Roe's death",
    "the death of 16-year-old Jane Roe". The name is capitalised words with no people noun among them; the
    outcome follows it through an auxiliary ("was", "has been") or is a death ("died")."""
    figures = []
    for match in outcomes:
        outcome = match.payload.outcome
        if outcome == "killed" and tokens[match.start].norm in DEATH_NOUNS:
            end = match.end
            if end < len(tokens) and tokens[end].norm == "of":
                end += 1
                while end < len(tokens) and (tokens[end].norm[0].isdigit() or tokens[end].norm in AGE_WORDS):
                    end += 1  # "the death of 16-year-old Jane Roe"
                name = _name_at(words, tokens, end, covered)
                if name is not None:
                    figures.append(_named(tokens, [name], outcome, match.start))
                continue
            back = match.start - 1
            if back > 0 and tokens[back].possessive:  # "Roe's death"
                name = _name_before(words, tokens, back + 1, covered)
                if name is not None:
                    figures.append(_named(tokens, [name], outcome, match.start))
            continue
        if negated(tokens, match.start) or tokens[match.start].norm in TOLL_NOUNS:
            continue
        if outcome in ("killed", "casualties") and match.end < len(tokens):
            name = _name_as_object(words, tokens, match.end, covered)
            if name is not None:  # "the shooting that killed Jane Roe", "fatally shot Sam Lee"
                figure = _named(tokens, [name], outcome, match.start)
                if outcome == "casualties" and limb_wound(words, tokens, name[1]):
                    figure.outcome = "injured"  # "shot Sam Lee in the leg"
                figures.append(figure)
                continue
        at, auxiliary = match.start, tokens[match.start].norm in INTRANSITIVE_DEATHS
        if at > 0 and tokens[at - 1].norm == "in":
            at -= 1  # "was listed in good condition"
        while at > 0 and match.start - at < 5 and tokens[at - 1].norm in BRIDGE_AFTER:
            at -= 1
            auxiliary = auxiliary or tokens[at].norm in MAIN_VERBS
        if not auxiliary:
            continue
        if (
            at > 2
            and tokens[at - 1].norm == ","
            and tokens[at - 2].norm.isdigit()
            and tokens[at - 3].norm == ","
        ):
            at -= 3  # "Jane Roe, 17, was shot": the age between commas
        name = _name_before(words, tokens, at, covered)
        names = [name] if name is not None else _names_listed_before(words, tokens, at, covered)
        if names:
            figure = _named(tokens, names, outcome, match.start)
            if outcome != "killed" and died_after(words, tokens, match.end):
                figure.outcome = "killed"
            elif outcome == "casualties" and limb_wound(words, tokens, match.end):
                figure.outcome = "injured"
            figures.append(figure)
    return figures


def _names_listed_before(
    words: CasualtyWords, tokens: list[Token], end: int, covered: set[int]
) -> list[tuple[int, int]]:
    """The names of a list ending at ``end``, last name first: "Roe and Lee were shot", "Jane Roe, 24, Sam
    Lee, 19, and Ann Ford, 30, were wounded" — one person each, one figure for all. A list ends with
    "and"; anything but a name between its commas (a noun, a place, a figure) makes it no list of people."""
    names: list[tuple[int, int]] = []
    joined_by_and = False
    while True:
        start = end
        while start > 0 and end - start < 4 and is_name_word(tokens[start - 1]):
            start -= 1
        if start == end or _checked_name(words, tokens, start, end, covered) is None:
            return []
        names.append((start, end))
        at = start
        while at > 0 and tokens[at - 1].norm in LISTS:
            joined_by_and = joined_by_and or (len(names) == 1 and tokens[at - 1].norm in ("and", "&"))
            at -= 1
        if at == start:  # the first name of the list: what stands before it must not go on a name
            if start > 0 and tokens[start - 1].norm in BEFORE_PLACE_NAMES:
                return []
            return names if len(names) > 1 and joined_by_and else []
        if at > 1 and tokens[at - 1].norm.isdigit() and tokens[at - 2].norm == ",":
            at -= 2  # "Jane Roe, 24, and Sam Lee": the age of the name before
        end = at


def _name_as_object(
    words: CasualtyWords, tokens: list[Token], start: int, covered: set[int]
) -> tuple[int, int] | None:
    """A person's full name right after a verb of killing or shooting, as its object: two to four
    capitalised words, not one's possessive ("killed Jane Roe's dog") nor words naming a people ("killed
    North Waziristan residents")."""
    name = _name_at(words, tokens, start, covered)
    if name is None or name[1] - name[0] < 2 or tokens[name[1] - 1].possessive:
        return None
    after = name[1]
    if after < len(tokens) and (
        words.victims.match_at(tokens, after) is not None
        or words.outcomes.match_at(tokens, after) is not None
    ):
        return None
    return name


def _name_before(
    words: CasualtyWords, tokens: list[Token], end: int, covered: set[int]
) -> tuple[int, int] | None:
    """The span of a person's name ending at ``end``: one to four capitalised words."""
    start = end
    while start > 0 and end - start < 4 and is_name_word(tokens[start - 1]):
        start -= 1
    if start == end or (
        start > 0
        and (
            is_name_word(tokens[start - 1])
            or tokens[start - 1].norm in LISTS
            or tokens[start - 1].norm in BEFORE_PLACE_NAMES
        )
    ):
        # a longer name, the last of a list of names ("Ali, Khan and Roe were hurt"), or a place ("one of
        # those wounded in Lexington has died")
        return None
    return _checked_name(words, tokens, start, end, covered)


def _name_at(
    words: CasualtyWords, tokens: list[Token], start: int, covered: set[int]
) -> tuple[int, int] | None:
    end = start
    while end < len(tokens) and end - start < 4 and is_name_word(tokens[end]):
        end += 1
    return _checked_name(words, tokens, start, end, covered) if end > start else None


def _checked_name(
    words: CasualtyWords, tokens: list[Token], start: int, end: int, covered: set[int]
) -> tuple[int, int] | None:
    for index in range(start, end):
        word = tokens[index].norm
        if (
            index in covered
            or word in words.grammar.singular_words
            or word in NOT_NAMES
            or word in words.grammar.number_words
            or words.victims.match_at(tokens, index) is not None
        ):
            return None
    return start, end


def _named(tokens: list[Token], names: list[tuple[int, int]], outcome: Outcome, outcome_at: int) -> Figure:
    """One figure for the people named: "Jane Roe" counts one; a list, "Jane Roe, Sam Lee and Ann Ford", one
    each (given last name first)."""
    spans = sorted(names)
    said = [span_text(tokens, *span) for span in spans]
    text = said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
    start, end = spans[0][0], spans[-1][1]
    figure = Figure(start, end, Count(low=len(said), high=len(said), text=text), False, np_end=end)
    figure.outcome, figure.outcome_from, figure.outcome_at, figure.victim_text = (
        outcome,
        "after",
        outcome_at,
        text,
    )
    figure.by_name = True
    return figure
