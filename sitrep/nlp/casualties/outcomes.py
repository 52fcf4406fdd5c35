"""Outcomes tied to a figure: a figure and its sentence's tokens in, the figure's outcome (killed, injured, …)
set from the words before it ("killing 17", "the toll rose to 25") or after it ("17 soldiers were killed")."""

from __future__ import annotations

from sitrep.nlp.casualties.asides import end_of_aside, in_apposition
from sitrep.nlp.casualties.predicates import (
    coordinated_outcome,
    death_later,
    died_after,
    dies_in_relative,
    leads_on,
    limb_wound,
    outcome_in_relative,
    takes_object,
    wound_after_care,
)
from sitrep.nlp.casualties.records import Figure, first_person_plural
from sitrep.nlp.casualties.tokens import negated, span_text
from sitrep.nlp.casualties.words import (
    ASIDE_BREAKS,
    ASIDE_CLOSERS,
    BRIDGE_AFTER,
    DEFINITE,
    MAIN_VERBS,
    OF_THEM,
    PUNCTUATED_ASIDES,
    QUOTE_MARKS,
    REFLEXIVES,
    SOME_PEOPLE,
    SUBSET_WORDS,
    TOLL_NOUNS,
    TOLL_PREPOSITIONS,
    UNKNOWN_NOUN_OUTCOMES,
    UNKNOWN_PEOPLE,
    CasualtyWords,
)
from sitrep.nlp.lexicon import PhraseMatch, Token, toll_verbs


def outcome_before(
    words: CasualtyWords, tokens: list[Token], figure: Figure, ends: dict[int, PhraseMatch]
) -> None:
    """The outcome told before the figure ("killed 9 pilgrims", "including 10 policemen"); ``ends`` are the
    sentence's outcome phrases by the token index after them (made once a sentence, see ``outcomes_by_end``)."""
    index, bridged = figure.span_start, 0
    # "the wounded, including 10 policemen, …", "the dead included two children": a part of those people.
    at = index
    if at > 0 and tokens[at - 1].norm in SUBSET_WORDS:
        at -= 1
        if at > 0 and tokens[at - 1].norm == ",":
            at -= 1
        match = ends.get(at)
        if match and not negated(tokens, match.start):
            figure.outcome, figure.outcome_from = match.payload.outcome, "before"
            figure.subset = True
            if figure.outcome != "killed" and dies_in_relative(
                words, tokens, max(figure.np_end, figure.span_end)
            ):
                figure.outcome = "killed"  # "five were shot, including a boy who died": his own fate
            return
    # "Among the dead were two women", "among those injured was a child": the inverted "two women were
    # among the dead", a part of those people.
    if at > 0 and tokens[at - 1].norm in MAIN_VERBS:
        match = ends.get(at - 1)
        if (
            match
            and match.start >= 2
            and tokens[match.start - 1].norm in DEFINITE
            and tokens[match.start - 2].norm == "among"
        ):
            figure.outcome, figure.outcome_from = match.payload.outcome, "before"
            figure.subset = True
            return
    while index > 0 and bridged <= 3:
        match = ends.get(index)
        if match and not negated(tokens, match.start):
            figure.outcome, figure.outcome_from = match.payload.outcome, "before"
            if figure.outcome == "casualties" and limb_wound(
                words, tokens, max(figure.np_end, figure.span_end)
            ):
                figure.outcome = "injured"  # "shot his brother in the arm"
            return
        if index >= 3 and tokens[index - 1].norm == "and" and tokens[index - 2].norm in REFLEXIVES:
            index -= 2  # "blew himself up, killing himself and three others": the others are the figure
            figure.apart = True  # … and not of the attacker's kind
            continue
        if tokens[index - 1].norm not in words.bridge_before:
            _toll_before(words, tokens, figure, ends, index)
            return
        index -= 1
        bridged += 1


def outcomes_by_end(outcomes: list[PhraseMatch]) -> dict[int, PhraseMatch]:
    """Outcome phrases by the token index after them (they do not overlap: one ends at each index at most)."""
    return {match.end: match for match in outcomes}


def _toll_before(
    words: CasualtyWords, tokens: list[Token], figure: Figure, ends: dict[int, PhraseMatch], index: int
) -> None:
    """'The toll from Monday's blast has risen to 31': a toll noun, a short phrase naming the incident, then
    a verb of rising or standing before the figure."""
    verbs = toll_verbs()
    verb = next((i for i in range(index, figure.span_start) if tokens[i].norm in verbs), None)
    if verb is None:
        return
    for at in range(index, max(index - 7, 0), -1):
        match = ends.get(at)
        if match is not None:
            if tokens[at].norm in TOLL_PREPOSITIONS and (
                tokens[match.start].norm in TOLL_NOUNS or _number_of(words, tokens, match.start)
            ):
                figure.outcome, figure.outcome_from = match.payload.outcome, "before"
            return
        if tokens[at - 1].norm in ASIDE_BREAKS:
            return


def _number_of(words: CasualtyWords, tokens: list[Token], index: int) -> bool:
    """Whether "the number of" (and a people word) stands before ``index``: "the number of people
    killed in the attack has risen to 12" states a toll as "the death toll" does."""
    if index >= 1 and (
        tokens[index - 1].norm == "those" or words.victims.match_at(tokens, index - 1) is not None
    ):
        index -= 1
    return index >= 2 and tokens[index - 2].norm == "number" and tokens[index - 1].norm == "of"


def outcome_after(words: CasualtyWords, tokens: list[Token], figure: Figure) -> None:
    index, bridged, asides, auxiliary = figure.np_end, 0, 0, False
    if (
        figure.victim is None
        and index + 1 < len(tokens)
        and tokens[index].norm == "of"
        and tokens[index + 1].norm in OF_THEM
    ):
        index += 2  # "one of them has died": what became of some of those just counted
    while index < len(tokens) and bridged <= 4:
        match = words.outcomes.match_at(tokens, index)
        if match:
            if (bridged or asides) and not auxiliary and takes_object(words, tokens, match.end):
                # "a boy accidentally shot his brother", "a man who is charged with killing two people":
                # the boy fired; the man is the one accused, not a victim
                figure.agent = True
            elif not negated(tokens, match.start):
                figure.outcome, figure.outcome_from = match.payload.outcome, "after"
                figure.outcome_at = match.start
                # "one policeman was among the dead": a part of the toll, told apart from it
                figure.subset = figure.subset or (
                    match.start >= 2
                    and tokens[match.start - 2].norm == "among"
                    and tokens[match.start - 1].norm in ("the", "those")
                )
                if figure.outcome != "killed" and died_after(words, tokens, match.end):
                    figure.outcome = "killed"  # "was shot and later died": what became of them
                elif figure.outcome == "casualties" and limb_wound(words, tokens, match.end):
                    figure.outcome = "injured"  # "was shot in the leg"
            return
        if tokens[index].norm in QUOTE_MARKS:  # three "heavily armed" militants" were killed
            index += 1
            continue
        if (
            tokens[index].norm in ("who", "that")
            and (bridged == 0 or tokens[index - 1].norm == "more")
            and _relative_outcome(words, tokens, figure, index)
        ):
            return  # "a teen who was shot", "two of the people that were shot", "two more who were hurt"
        if (
            tokens[index].norm == "in"
            and index + 1 < len(tokens)
            and words.outcomes.match_at(tokens, index + 1) is not None
        ):
            index += 1  # "was in critical condition"
            continue
        if (
            tokens[index].norm in ASIDE_CLOSERS
            and bridged == 0
            and in_apposition(words, tokens, figure.span_start)
            and leads_on(words, tokens, index + 1)
        ):
            index += 1  # "the victims, a man and a woman, were shot": the list closes before the verb
            continue
        if tokens[index].norm in words.care_verbs:
            wound = wound_after_care(words, tokens, index)
            if wound is not None:
                index = wound  # "were rushed to a hospital with gunshot wounds"
                continue
        if auxiliary and bridged and tokens[index].norm not in BRIDGE_AFTER:
            joined = coordinated_outcome(words, tokens, index)
            if joined is not None:  # "were offloaded from the bus and shot dead"
                figure.outcome, figure.outcome_from = joined.payload.outcome, "after"
                figure.outcome_at = joined.start
                return
        if tokens[index].norm not in BRIDGE_AFTER:
            # A bare number takes only a punctuated aside ("Six, including two boys, died"): "150 with a
            # wound" is a road number, not a count of the wounded.
            may_aside = asides < 2 and bridged == 0
            if figure.victim is None and tokens[index].norm not in PUNCTUATED_ASIDES | {"who"}:
                may_aside = False
            aside_end = end_of_aside(words, tokens, index) if may_aside else None
            if aside_end is None:
                return
            index, asides = aside_end, asides + 1
            continue
        auxiliary = auxiliary or tokens[index].norm in MAIN_VERBS or tokens[index].norm == "been"
        index += 1
        bridged += 1


def _relative_outcome(words: CasualtyWords, tokens: list[Token], figure: Figure, index: int) -> bool:
    """'a man who was shot on Monday', 'a teen who was shot … has died': an outcome said of them in a
    relative clause; a death told after it in the sentence is what became of them."""
    match = outcome_in_relative(words, tokens, index)
    if match is None:
        return False
    figure.outcome, figure.outcome_from, figure.outcome_at = match.payload.outcome, "after", match.start
    if match.payload.outcome != "killed" and death_later(words, tokens, match.end):
        figure.outcome = "killed"
    return True


def unknown_people(words: CasualtyWords, tokens: list[Token], figure: Figure) -> None:
    """'Three ulema were shot dead', 'two refugees were wounded': a plural noun the lexicon does not know,
    then a passive death or wound, counts people all the same. Such nouns name civilians far more often
    than forces or armed men, whose nouns are a short list the lexicon holds; abductions, arrests and
    "missing" are left out, as things are captured and go missing too ("two posts were captured")."""
    figure.np_end = figure.unknown_end
    outcome_after(words, tokens, figure)
    if figure.outcome in UNKNOWN_NOUN_OUTCOMES and not figure.agent:
        # "our two colleagues": the speaker's own people, whose side the claimant tells
        figure.victim = SOME_PEOPLE if first_person_plural(tokens, figure) else UNKNOWN_PEOPLE
        figure.victim_text = span_text(tokens, figure.span_end, figure.unknown_end)
    else:
        figure.outcome, figure.outcome_from, figure.agent = None, "", False
        figure.np_end = figure.span_end
