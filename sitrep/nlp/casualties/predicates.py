"""What follows a word: tokens and a position in, whether an outcome, a death or a wound is told there (past
auxiliaries and adverbs, "and later died", "rushed to hospital with gunshot wounds"), or where it starts, out."""

from __future__ import annotations

from sitrep.nlp.casualties.tokens import negated
from sitrep.nlp.casualties.words import (
    ASIDE_BREAKS,
    ASIDE_PREPOSITIONS,
    BRIDGE_AFTER,
    CARE_LINKS,
    CARE_STOPS,
    COORDINATION_REACH,
    HOW_OFTEN,
    NP_STOP,
    OBJECT_OPENERS,
    PARTICIPLE_ENDINGS,
    WOUND_OWNERS,
    CasualtyWords,
    OutcomeWord,
)
from sitrep.nlp.lexicon import PhraseMatch, Token


def takes_object(words: CasualtyWords, tokens: list[Token], index: int) -> bool:
    """Whether an outcome verb ending at ``index`` goes on to its object ("killed two people", "shot his
    wife"), which makes the people before it the ones who did it."""
    if index >= len(tokens):
        return False
    word = tokens[index].norm
    if word == "at" and tokens[index - 1].norm == "shot":
        return True  # "two gunmen shot at the guards": they fired at them
    return word in OBJECT_OPENERS or word[0].isdigit() or word in words.grammar.number_words


def leads_on(words: CasualtyWords, tokens: list[Token], index: int) -> bool:
    """Whether an outcome stands at ``index``, or after words that bridge to it ("were later killed")."""
    for at in range(index, min(len(tokens), index + 5)):
        if words.outcomes.match_at(tokens, at) is not None:
            return True
        if tokens[at].norm in words.care_verbs:  # "…, was treated at Mercy Hospital for a graze wound"
            return wound_after_care(words, tokens, at) is not None
        if tokens[at].norm not in BRIDGE_AFTER:
            return False
    return False


def wound_after_care(words: CasualtyWords, tokens: list[Token], index: int) -> int | None:
    """Where the wound or condition told after a verb of care at ``index`` starts ("taken to Mercy Hospital
    with a gunshot wound", "treated for minor injuries", "flown to a trauma center in critical
    condition"), within the clause; None when none is told."""
    for at in range(index + 1, min(len(tokens), index + 10)):
        word = tokens[at].norm
        if word in ASIDE_BREAKS or word in CARE_STOPS:
            return None
        if word in CARE_LINKS:
            start = at if word == "with" else at + 1
            if start + 1 < len(tokens) and tokens[start].norm in ("a", "an"):
                start += 1  # "treated for a gunshot wound"
            if start < len(tokens) and words.outcomes.match_at(tokens, start) is not None:
                return start
    return None


def limb_wound(words: CasualtyWords, tokens: list[Token], index: int) -> bool:
    """Whether "in the/his/her (left/right) <limb>" follows at ``index`` (``sitrep/data/wound_sites.tsv``)."""
    return _after_wound_site(words, tokens, index) > index


def _after_wound_site(words: CasualtyWords, tokens: list[Token], index: int) -> int:
    """The index after "in the/his/her (left/right) <limb>" at ``index``, else ``index``."""
    if index + 2 >= len(tokens) or tokens[index].norm != "in" or tokens[index + 1].norm not in WOUND_OWNERS:
        return index
    at = index + 2
    if tokens[at].norm in ("left", "right") and at + 1 < len(tokens):
        at += 1
    site = words.wound_sites.match_at(tokens, at)
    return site.end if site is not None else index


def died_after(words: CasualtyWords, tokens: list[Token], index: int) -> bool:
    """Whether "and" (with bridging words: "and later", "but then") and a death follow at ``index``, after
    the place of the wound if it is told ("shot in the arm and later died")."""
    index = _after_wound_site(words, tokens, index)
    while index < len(tokens) and tokens[index].norm in HOW_OFTEN:
        index += 1  # "was shot multiple times and died", "shot twice in the chest and died"
    if index + 2 < len(tokens) and tokens[index].norm == "in" and tokens[index + 1].norm in WOUND_OWNERS:
        index += 2  # where they were hit, a limb or not ("in the chest", "in his left side")
        if tokens[index].norm in ("left", "right", "upper", "lower") and index + 1 < len(tokens):
            index += 1
        index += 1
    if index >= len(tokens) or tokens[index].norm not in ("and", "but"):
        return False
    for at in range(index + 1, min(len(tokens), index + 4)):
        death = words.outcomes.match_at(tokens, at)
        if death is not None:
            return death.payload.outcome == "killed"
        if tokens[at].norm not in BRIDGE_AFTER:
            return False
    return False


def dies_next(words: CasualtyWords, tokens: list[Token], index: int) -> bool:
    """Whether a death with no object is the next predicate at ``index`` ("… later died", "… have
    succumbed to their wounds"), through bridging words only."""
    for at in range(index, min(len(tokens), index + 4)):
        death = words.outcomes.match_at(tokens, at)
        if death is not None:
            return death.payload.outcome == "killed" and not takes_object(words, tokens, death.end)
        if tokens[at].norm not in BRIDGE_AFTER:
            return False
    return False


def death_later(words: CasualtyWords, tokens: list[Token], index: int) -> bool:
    """Whether a death is told within the clause after ``index`` ("… in the shooting on Main Street has
    died")."""
    for later in range(index, min(len(tokens), index + 14)):
        if tokens[later].norm in ASIDE_BREAKS:
            return False
        death = words.outcomes.match_at(tokens, later)
        if death is not None and death.payload.outcome == "killed":
            return True
    return False


def outcome_in_relative(
    words: CasualtyWords, tokens: list[Token], index: int
) -> PhraseMatch[OutcomeWord] | None:
    """The outcome a relative clause opened at ``index`` ("who", "that") tells, past its auxiliaries and
    adverbs ("who was later shot"), unless negated."""
    at = index + 1
    while at < len(tokens) and tokens[at].norm in BRIDGE_AFTER and at - index <= 4:
        at += 1
    match = words.outcomes.match_at(tokens, at) if at < len(tokens) else None
    return None if match is None or negated(tokens, match.start) else match


def dies_in_relative(words: CasualtyWords, tokens: list[Token], index: int) -> bool:
    """Whether a relative clause at ``index`` tells a death ("who died", "who was later pronounced dead")."""
    if index >= len(tokens) or tokens[index].norm not in ("who", "that"):
        return False
    match = outcome_in_relative(words, tokens, index)
    return match is not None and match.payload.outcome == "killed"


def coordinated_outcome(
    words: CasualtyWords, tokens: list[Token], index: int
) -> PhraseMatch[OutcomeWord] | None:
    """'were offloaded from the bus and shot dead', 'were dragged out and gunned down': a passive verb
    that is no outcome, a short phrase after it, then "and" and an outcome said of the same people. The
    verb must look like a participle and the outcome must take no object ("and killed two" is someone
    else's act)."""
    word = tokens[index]
    if not word.is_word or not word.text.islower() or not word.norm.endswith(PARTICIPLE_ENDINGS):
        return None
    for at in range(index + 1, min(len(tokens), index + COORDINATION_REACH)):
        norm = tokens[at].norm
        if norm == "and":
            for then in range(at + 1, min(len(tokens), at + 3)):
                match = words.outcomes.match_at(tokens, then)
                if match is not None:
                    if negated(tokens, match.start) or takes_object(words, tokens, match.end):
                        return None
                    return match
                if tokens[then].norm not in BRIDGE_AFTER:
                    return None
            return None
        if not tokens[at].is_word or (norm in NP_STOP and norm not in ASIDE_PREPOSITIONS):
            return None
    return None
