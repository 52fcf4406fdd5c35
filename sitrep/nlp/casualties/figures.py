"""Figures and their people: a sentence's tokens and count spans in, the figures out — numbers that count
people (quantities of other things dropped by ``non_casualty.tsv``), "a soldier" and "he", outcome words with no
figure — each with its noun phrase read (victim, an outcome noun, "of them")."""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from sitrep.model import Count
from sitrep.nlp.casualties.predicates import dies_next, limb_wound, takes_object
from sitrep.nlp.casualties.records import Figure, as_count
from sitrep.nlp.casualties.tokens import (
    bracket_end,
    int_or_none,
    is_number,
    names_a_figure,
    names_a_speaker,
    negated,
    span_text,
)
from sitrep.nlp.casualties.words import (
    AGE_UNITS,
    AGE_WORDS,
    BARE_NOT_AFTER,
    DEFINITE,
    KIN_ADJECTIVES,
    MAIN_VERBS,
    NP_SKIP,
    NP_STOP,
    PARTITIVE_PRONOUNS,
    POSSESSIVES,
    QUOTE_MARKS,
    YEAR_RE,
    CasualtyWords,
    VictimWord,
)
from sitrep.nlp.lexicon import PhraseMatch, Token

_START = attrgetter("start")


def number_figures(words: CasualtyWords, sentence: str, tokens: list[Token]) -> list[Figure]:
    """The figures the count grammar finds in a sentence, less those that measure something else."""
    figures = []
    for span in words.grammar.find(sentence, tokens):
        first = bisect_left(tokens, span.start, key=_START)  # the first token at or after the figure
        if first == len(tokens):
            continue
        stop = first
        while stop < len(tokens) and tokens[stop].end <= span.end:
            stop += 1
        if span.text.lower() == "another" and (
            (stop < len(tokens) and is_number(tokens[stop], words.grammar.number_words))
            or (first > 0 and is_number(tokens[first - 1], words.grammar.number_words))
        ):
            continue  # "another two were injured", "one another": the number beside it is the figure
        year_like = bool(YEAR_RE.match(span.text.strip())) and not span.has_modifier
        if _measures_something_else(words, tokens, first, stop, year_like):
            continue
        figures.append(Figure(first, stop, as_count(span), year_like))
    return figures


def _measures_something_else(
    words: CasualtyWords, tokens: list[Token], first: int, stop: int, year_like: bool
) -> bool:
    if stop < len(tokens):
        unit = words.units_after.match_at(tokens, stop)
        if unit and (unit.payload == "any" or year_like):
            return True
    if first > 0:
        before = first - 1
        if tokens[before].norm == "." and before > 0:
            before -= 1  # "Sept. 13", "No. 4": the word before an abbreviation's full stop
        applies = words.words_before.get(tokens[before].norm)
        if applies and (applies == "any" or year_like):
            return True
    return False


def singular_figures(
    words: CasualtyWords, tokens: list[Token], taken: set[int], previous: VictimWord | None
) -> list[Figure]:
    """'a soldier', 'the officer' (adjectives allowed) and 'he'/'she' count 1; a pronoun stands for
    ``previous``, the last person named before this sentence."""
    figures = []
    determiners: set[int] = set()  # "a woman civilian": one person, not one for each noun
    for match in words.victims.find_all(tokens):
        if match.payload.number == "plural" or match.start in taken:
            continue
        if names_a_speaker(tokens, match.start, match.end):
            continue  # "according to a hospital official", "a police officer said": the source, not a victim
        if names_a_figure(tokens, match.end):
            continue  # "the official death toll", "the civilian casualty count"
        if (
            tokens[match.end - 1].possessive
            and match.end < len(tokens)
            and words.outcomes.match_at(tokens, match.end) is None
        ):
            continue  # "a journalist's son": the journalist is not the one counted ("the girl's injuries" is)
        word = tokens[match.start].norm
        if word in words.grammar.singular_words:  # "He was killed in the attack."
            row = words.grammar.singular_words[word]
            count = Count(low=int_or_none(row.low), high=int_or_none(row.high), text=tokens[match.start].text)
            figure = Figure(match.start, match.start, count, False)
            if previous is not None:
                figure.victim, figure.victim_text = previous, tokens[match.start].text
            figures.append(figure)
            continue
        for back in range(match.start - 1, max(match.start - 5, -1), -1):
            word = tokens[back].norm
            if word in POSSESSIVES and any(
                t.norm not in AGE_WORDS and t.norm not in KIN_ADJECTIVES and not t.norm[0].isdigit()
                for t in tokens[back + 1 : match.start]
            ):
                break  # "his brother", "her 7-year-old son"; not "his dog helped persuade Judge …"
            if word in words.grammar.singular_words:
                if back in determiners:
                    break
                determiners.add(back)
                row = words.grammar.singular_words[word]
                text = " ".join(t.text for t in tokens[back : match.end])
                count = Count(
                    low=int_or_none(row.low), high=int_or_none(row.high), text=text, approximate=False
                )
                figure = Figure(back, back + 1, count, False)
                figure.definite = word in DEFINITE
                figures.append(figure)
                break
            if word.isdigit() and back not in taken:
                continue  # "a 17-year-old boy": the age was already set aside as not a count
            if not tokens[back].is_word or word in NP_STOP or back in taken:
                break
    return figures


def read_noun_phrase(words: CasualtyWords, tokens: list[Token], figure: Figure) -> bool:
    """Find the figure's people noun and any outcome noun; False when the figure measures something else."""
    index, fillers, age_end = figure.span_end, 0, figure.span_end
    while index < len(tokens) and fillers <= 3:
        after_bracket = bracket_end(tokens, index)
        if after_bracket:  # "Two Frontier Corps (FC) personnel": step over a bracketed acronym
            index = after_bracket
            if figure.victim is not None:
                figure.np_end = index
            continue
        victim = words.victims.match_at(tokens, index)
        if victim:
            generic_first = victim.payload.generic and figure.victim is None
            if figure.victim is None or figure.victim.generic:
                figure.victim = victim.payload
                figure.victim_text = span_text(tokens, victim.start, victim.end)
            elif figure.np_end == victim.start:  # "law enforcement members": keep all the words
                figure.victim_text = span_text(
                    tokens, victim.start - len(figure.victim_text.split()), victim.end
                )
            index = figure.np_end = victim.end
            if generic_first and index < len(tokens) and tokens[index].norm == "of":
                index += 1  # "members of the Frontier Corps": keep looking for who
                continue
            if index < len(tokens) and (words.victims.match_at(tokens, index) or bracket_end(tokens, index)):
                continue  # "law enforcement members", "civilian workers", "Frontier Corps (FC)"
            break
        outcome = words.outcomes.match_at(tokens, index)
        if outcome and outcome.end < len(tokens) and words.victims.match_at(tokens, outcome.end):
            # "an injured man died": the participle describes the people; the verb after them, if any,
            # says what happened ("the four injured men" are injured).
            figure.described = outcome.payload.outcome
            index = outcome.end
            continue
        if outcome:
            figure.outcome, figure.outcome_from = outcome.payload.outcome, "noun"
            figure.np_end = outcome.end
            if index >= 2 and tokens[index - 2].norm == "of" and tokens[index - 1].norm in DEFINITE:
                figure.definite = True  # "two of the dead were identified": a part of a known toll
            elif (
                figure.outcome != "killed"
                and not (figure.span_start >= 1 and tokens[figure.span_start - 1].norm in DEFINITE | {"of"})
                and dies_next(words, tokens, outcome.end)
            ):
                figure.outcome = "killed"  # "two injured died in hospital": what became of the injured
            return True
        unit = words.units_after.match_at(tokens, index)
        if unit and unit.payload == "any":
            return False
        word = tokens[index].norm
        if word in NP_SKIP or word in QUOTE_MARKS:  # three "heavily armed terrorists"
            index += 1
            continue
        if (
            word[0].isdigit()
            and index == figure.span_end
            and figure.span_end - figure.span_start == 1
            and tokens[figure.span_start].norm in words.grammar.singular_words
            and index + 1 < len(tokens)
            and tokens[index + 1].norm in AGE_UNITS
        ):
            index += 2  # "a 12-year-old boy", "an 8-month-old baby": the age is part of the noun phrase
            if index < len(tokens) and tokens[index].norm == "old":
                index += 1
            age_end = index  # "a 10-year-old who was shot": the age alone names the person
            continue
        if not tokens[index].is_word or word in NP_STOP:
            break
        fillers += 1
        index += 1
    if figure.victim is None:
        figure.np_end = age_end
        at = figure.span_end
        if at + 1 < len(tokens) and tokens[at].norm == "of" and tokens[at + 1].norm in PARTITIVE_PRONOUNS:
            figure.np_end = at + 2  # "two of them were killed": the pronoun is the noun phrase's head
        if (
            0 < fillers <= 2
            and index < len(tokens)
            and tokens[index].norm in MAIN_VERBS
            and not figure.is_year_like
            and all(t.is_word for t in tokens[figure.span_end : index])
            and tokens[index - 1].text.islower()
            and tokens[index - 1].norm.endswith("s")
        ):
            figure.unknown_end = index
    elif figure.np_end < len(tokens):
        outcome = words.outcomes.match_at(tokens, figure.np_end)
        if outcome and takes_object(words, tokens, outcome.end):
            figure.agent = True  # "the gunman killed two people", "a man shot his neighbour"
        elif outcome:  # "31 civilian deaths", "17 soldiers' bodies"
            figure.outcome, figure.outcome_from = outcome.payload.outcome, "noun"
            if figure.outcome == "casualties" and limb_wound(words, tokens, outcome.end):
                figure.outcome = "injured"  # "a man shot in the foot"
    return True


def of_them(words: CasualtyWords, tokens: list[Token], figure: Figure) -> None:
    """'… opened fire on a van carrying miners, killing five of them': "them" are the people last named
    before the figure in the sentence."""
    end = figure.span_end
    if end + 1 >= len(tokens) or tokens[end].norm != "of" or tokens[end + 1].norm != "them":
        return
    named = [
        m for m in words.victims.find_all(tokens, 0, figure.span_start) if m.payload.number != "singular"
    ]
    if named and not named[-1].payload.generic:
        figure.victim = named[-1].payload
        figure.victim_text = span_text(tokens, named[-1].start, named[-1].end)


def bare_outcomes(tokens: list[Token], outcomes: list[PhraseMatch], covered: set[int]) -> list[Figure]:
    """'took hostages', 'heavy casualties': an outcome reported with no figure is a claim with a null count."""
    figures = []
    for match in outcomes:
        if not match.payload.bare or match.start in covered or negated(tokens, match.start):
            continue
        if match.end < len(tokens) and tokens[match.end].norm in ("unknown", "unclear"):
            continue  # "casualties unknown" says nothing happened or not
        if match.start > 0 and tokens[match.start - 1].norm in BARE_NOT_AFTER:
            continue
        words = span_text(tokens, match.start, match.end)
        figure = Figure(match.start, match.end, Count(text=words), False, np_end=match.end)
        figure.outcome, figure.outcome_from = match.payload.outcome, "noun"
        figure.victim_text = ""
        figures.append(figure)
    return figures
