"""Asides between a figure's people and their outcome: tokens and the position after the people in, the
position after the aside ("who stormed the post", "of the Frontier Corps", ", including two boys,", "near the
camp") out, when the outcome follows it; else None."""

from __future__ import annotations

from sitrep.nlp.casualties.predicates import leads_on
from sitrep.nlp.casualties.tokens import bracket_end, is_name_word
from sitrep.nlp.casualties.words import (
    ASIDE_AFTER_COMMA,
    ASIDE_BREAKS,
    ASIDE_CLOSERS,
    ASIDE_LONG,
    ASIDE_OPENERS,
    ASIDE_STOPS,
    BRIDGE_AFTER,
    MAIN_VERBS,
    NAME_PARTICLES,
    PARTICIPLE_PREPOSITIONS,
    PASSIVE_BEFORE_SPEECH,
    PLACE_PREPOSITIONS,
    PREDICATE_START,
    RELATIVE,
    SPEECH_VERBS,
    SUBORDINATORS,
    CasualtyWords,
)
from sitrep.nlp.lexicon import Token


def end_of_aside(words: CasualtyWords, tokens: list[Token], index: int) -> int | None:
    """The index after an aside that starts at ``index`` and is followed by the outcome or a bridge to it:
    a relative or participle clause ("who stormed the post", "working on a tower"), "of" with a name ("of
    the Pakistan Army"), a bracket, a comma or dash pair around an apposition ("…, including two
    policemen, …"), "including …", or a short place phrase ("near the camp"). None when none starts there."""
    opener = tokens[index].norm
    if (
        opener in RELATIVE
        or (
            opener.endswith("ing")
            and len(opener) > 5
            and tokens[index].is_word
            and opener not in ASIDE_OPENERS
        )
        or _past_participle_clause(words, tokens, index)
    ):
        return _clause_end(words, tokens, index, participle=opener not in RELATIVE)
    if opener not in ASIDE_OPENERS:
        return None
    if opener == "(":
        close = bracket_end(tokens, index)
        return close if close and leads_on(words, tokens, close) else None
    if opener == "of":
        return _of_end(words, tokens, index)
    if opener == "," and index + 1 < len(tokens) and is_name_word(tokens[index + 1]):
        return _name_aside_end(words, tokens, index + 1)  # "one of the victims, Sam Lee, 24, died"
    if opener == "," and (
        index + 1 >= len(tokens)
        or not (tokens[index + 1].norm in ASIDE_AFTER_COMMA or tokens[index + 1].norm[0].isdigit())
    ):
        return None  # ", 45," is an age; ", including …" an apposition; other commas end the clause
    return _phrase_end(words, tokens, index, opener)


def _past_participle_clause(words: CasualtyWords, tokens: list[Token], index: int) -> bool:
    """'two policemen deputed for the security of …', 'soldiers posted at the picket', 'guards targeted by
    gunmen': a past participle and its preposition describe the people; the sentence's verb follows."""
    word = tokens[index]
    return (
        word.norm.endswith("ed")
        and len(word.norm) > 4
        and word.is_word
        and word.text.islower()
        and index + 1 < len(tokens)
        and tokens[index + 1].norm in PARTICIPLE_PREPOSITIONS
        and words.outcomes.match_at(tokens, index) is None
    )


def _clause_end(words: CasualtyWords, tokens: list[Token], index: int, participle: bool) -> int | None:
    """The end of a clause about the people: at the first bridge or outcome after one of its own words. A
    participle's clause ends at the sentence's verb ("… were killed"), not at a noun that happens to be an
    outcome word ("suffering from wounds")."""
    own_words = participle
    for end in range(index + 1, min(len(tokens), index + 12)):
        if tokens[end].norm in ASIDE_BREAKS or tokens[end].norm in RELATIVE:
            return None
        if participle and tokens[end].norm in SUBORDINATORS:
            return None  # "two suspects running away after a boy was shot": the boy was shot
        if tokens[end].norm in SPEECH_VERBS and tokens[end - 1].norm not in PASSIVE_BEFORE_SPEECH:
            return None  # "a shopkeeper who saw the attack said four were killed": the four were
        if own_words and leads_on(words, tokens, end):
            return end if not participle or tokens[end].norm in MAIN_VERBS else None
        if tokens[end].norm not in BRIDGE_AFTER:
            own_words = True
    return None


def _of_end(words: CasualtyWords, tokens: list[Token], index: int) -> int | None:
    """The end of "of" and a name ("of the Frontier Corps", "of Levies force"), which may be followed by a
    second aside ("… of Levies force guarding the post were killed"), or of a short phrase up to the verb
    ("five members of the same family were killed")."""
    end = index + 1
    capitalised = False
    while end < len(tokens) and end - index <= 6:
        token = tokens[end]
        force = words.victims.match_at(tokens, end)
        if force is not None:
            # "of the security forces" names a body as a capitalised name does, whatever its case
            capitalised = True
            end = force.end
            continue
        if token.is_word and token.text[0].isupper():
            capitalised = True
        elif token.norm not in NAME_PARTICLES:
            break
        end += 1
    if not capitalised:
        for end in range(index + 1, min(len(tokens), index + 6)):
            if tokens[end].norm in MAIN_VERBS:
                return end if leads_on(words, tokens, end) else None
            if not tokens[end].is_word or tokens[end].norm in ASIDE_STOPS:
                return None
        return None
    if end >= len(tokens):
        return None
    if leads_on(words, tokens, end) or (tokens[end].norm != "of" and end_of_aside(words, tokens, end)):
        return end
    return None


def _phrase_end(words: CasualtyWords, tokens: list[Token], index: int, opener: str) -> int | None:
    """The end of a punctuated apposition, an "including"/"among" phrase or a place phrase. A place phrase
    is short ("near the camp") and ends where the predicate starts; an apposition may list a few people."""
    punctuated = opener in ASIDE_CLOSERS
    limit = min(len(tokens), index + (14 if opener in ASIDE_LONG else 6))
    for end in range(index + 1, limit):
        norm = tokens[end].norm
        if norm in ASIDE_BREAKS:
            return None
        if punctuated:
            if norm in ASIDE_CLOSERS:
                return end + 1 if leads_on(words, tokens, end + 1) else None
            continue
        if leads_on(words, tokens, end):
            if opener in PLACE_PREPOSITIONS and norm not in PREDICATE_START:
                return None  # "three suspects in the killing of …": the outcome word is inside the phrase
            return end
        if norm in ASIDE_CLOSERS:
            return end + 1 if leads_on(words, tokens, end + 1) else None
        if norm in ("who", "that") and opener in PLACE_PREPOSITIONS:
            return end  # "a second child in the house who had been shot": the relative clause is theirs
        if norm in ASIDE_STOPS:
            return None
    return None


def _name_aside_end(words: CasualtyWords, tokens: list[Token], start: int) -> int | None:
    """The index after ", Jane Roe," or ", Jane Roe, 24," that starts at ``start`` (after the comma), when
    the outcome follows it."""
    end = start
    while end < len(tokens) and end - start < 4 and is_name_word(tokens[end]):
        end += 1
    if end + 2 < len(tokens) and tokens[end].norm == "," and tokens[end + 1].norm.isdigit():
        end += 2  # the age
    if end < len(tokens) and tokens[end].norm == "," and leads_on(words, tokens, end + 1):
        return end + 1
    return None


def in_apposition(words: CasualtyWords, tokens: list[Token], start: int) -> bool:
    """Whether the figure at ``start`` stands in an apposition opened after a noun for people ("the
    victims, a man and a woman, …", "the victims — a guard and a driver — …"), within a short list."""
    for back in range(start - 1, max(start - 14, 0), -1):
        word = tokens[back].norm
        if word in ASIDE_CLOSERS:
            return words.victims.match_at(tokens, back - 1) is not None
        if word in ASIDE_BREAKS or word in MAIN_VERBS:
            return False
    return False
