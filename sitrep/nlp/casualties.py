"""Casualty figures in a sentence: a count, who it counts (victim) and what happened to them (outcome).

Works on one sentence's tokens. A figure becomes a mention only when it is tied to an outcome ("17 soldiers
were killed", "killing 17", "the death toll rose to 17") and, unless the outcome is right next to it, to a
noun for people; quantities that measure something else (hours, vehicles, districts, ages, dates, money) are
dropped by the context table ``sitrep/data/non_casualty.tsv``. Attribution is a later stage.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from operator import attrgetter

from sitrep.data import read_table
from sitrep.model import Count, Outcome, Victim
from sitrep.nlp.lexicon import (
    PhraseMatch,
    PhraseTable,
    Token,
    Tokens,
    positions,
    tokenize,
    toll_verbs,
)
from sitrep.nlp.numbers import CountGrammar, CountSpan, count_grammar

# Words that may stand between a figure and its noun ("dozens of the", "17 other").
_NP_SKIP = frozenset({"of", "the", "their", "its", "his", "her", "our", "these", "those", "other", "more"})
# Words that end the search for a figure's noun or outcome: clause words and prepositions.
_NP_STOP = frozenset(
    "and or but while whereas as in on at from by for with without into near after before during since "
    "when where who which that were was are is have has had been be being said says told when if than to "
    "including".split()
)
# Between an outcome word and a figure after it: "the death toll rose to 17", "killing at least 17".
_BRIDGE_BEFORE = frozenset(
    "rose risen climbed reached jumped increased stood stands stand is was has had have at to of the "
    "lives now reportedly allegedly also another further may might could be likely expected feared exceed "
    "exceeds exceeded all".split()
)
# Between a figure's noun and an outcome after it: "17 soldiers were reportedly killed".
_BRIDGE_AFTER = frozenset(
    "were was have has had been are is being be reportedly allegedly also all later subsequently "
    "apparently got left critically seriously severely fatally mortally badly among those the "
    "successfully effectively brutally mercilessly instantly immediately tragically reported confirmed said "
    "claimed to believed found sustained suffered received serious critical minor severe multiple bullet "
    "gunshot splinter accidentally inadvertently unintentionally mistakenly eventually ultimately then listed "
    "remains remained more so far thus".split()
)
# An aside between a figure's noun and its outcome: "20 others, among them children, injured", "two people —
# a constable and a passenger — were killed", "nine soldiers of the Pakistan Army were martyred". The word
# that opens it, and the words after a comma that show the comma opens one rather than ends the clause.
_ASIDE_OPENERS = frozenset(", — – ( including among of near close in on at from inside with aged".split())
# A relative clause ("six militants who stormed the post were killed") ends at the first bridge or outcome
# after one of its own words.
_RELATIVE = frozenset({"who", "which", "that"})
_MAIN_VERBS = frozenset({"were", "was", "have", "has", "had", "are", "is"})
# A place phrase ("near the camp", "on patrol") ends where the predicate starts: a verb or an adverb before it.
_PLACE_PREPOSITIONS = frozenset({"near", "close", "in", "on", "at", "from", "inside"})
_ASIDE_AFTER_COMMA = frozenset(
    "including among mostly mainly most all both many some a an one two three four five six seven eight nine "
    "ten who which aged".split()
)
_ASIDE_CLOSERS = frozenset({",", "—", "–"})
_PUNCTUATED_ASIDES = frozenset({",", "—", "–", "("})
_PREDICATE_START = (
    _BRIDGE_AFTER - {"the", "to", "among", "those", "all", "left", "got", "found"} | _MAIN_VERBS
)
_ASIDE_LONG = frozenset({",", "—", "–", "including", "among"})
_ASIDE_BREAKS = frozenset({".", ";", ":", "?", "!"})
# Clause words that end an aside with no punctuation ("including two boys", "near the camp"); prepositions
# do not ("close to the shop", "including one of the guards"); a pronoun starts a new clause ("on the night
# he was killed").
_ASIDE_PREPOSITIONS = frozenset(
    "and in on at from by for with without into near after before during since to of as including".split()
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_OF_THEM = frozenset({"them", "those", "these"})
# How many times a person was hit, between "shot" and what became of them ("shot multiple times and died").
_HOW_OFTEN = frozenset(
    {"multiple", "several", "many", "times", "once", "twice", "repeatedly", "three", "four"}
)
_ASIDE_STOPS = (_NP_STOP - _ASIDE_PREPOSITIONS) | _PRONOUNS
# Lower-case particles inside an organisation's name ("Fitna al Khwarij", "Tehreek-i-Taliban").
_NAME_PARTICLES = frozenset({"the", "al", "ul", "e", "i", "el", "ud", "un", "of", "-"})
_QUOTE_MARKS = frozenset({'"', "“", "”"})
# Words before a figure that make it a reference to people already counted: "the two injured", "the remaining
# three", "these five".
_DEFINITE = frozenset({"the", "these", "those"})
_DEFINITE_ADJECTIVES = frozenset({"remaining", "other", "same", "said", "latter", "former"})
_NEGATIONS = frozenset({"not", "no", "never", "none", "neither", "nor", "n't", "nobody", "without"})
# "the hostages were freed" speaks of hostages already counted; "any casualties" is not a report of some.
_BARE_NOT_AFTER = frozenset(
    {"the", "no", "any", "of", "these", "those", "their", "its", "his", "her", "zero"}
)
_COORDINATORS = frozenset({"and", ",", "plus"})
_SPEECH = frozenset({"said", "says", "told", "added", "confirmed", "stated"})
# Words that open the object of an outcome verb: "the man fatally shot his wife", "gunmen killed a guard" — the
# people before the verb did it, they are not the ones it counts ("the man shot himself" is his own wound).
_OBJECT_OPENERS = frozenset("a an the his her their its my our your him them another".split())
# A named person: deaths said with no auxiliary ("Roe died"), words of an age before a name, and capitalised
# words that open a sentence or name a time or a group rather than a person.
_LISTS = frozenset({",", "and", "&"})
_BEFORE_PLACE_NAMES = frozenset(
    "in at near from of on to into outside inside across around through toward towards".split()
)
_SUBORDINATORS = frozenset({"after", "before", "when", "while", "because", "since", "until", "as"})
_DEATH_NOUNS = frozenset({"death", "deaths", "killing", "killings", "slaying"})
_INTRANSITIVE_DEATHS = frozenset({"died", "dies", "passed", "succumbed", "perished"})
_AGE_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks"})
_AGE_WORDS = _AGE_UNITS | {"old", "a", "an"}
# "his" / "her" / "their" count one only right before the noun, its age or a word of kinship ("her young son",
# "their daughter").
_POSSESSIVES = frozenset({"his", "her", "their"})
_PARTITIVE_PRONOUNS = frozenset({"them", "those", "these", "us"})
_REFLEXIVES = frozenset({"himself", "herself", "themselves"})
# A clause about people ends where one of them speaks ("a guard who saw it told police …"); "were said to be"
# is no speech.
_SPEECH_VERBS = _SPEECH | {"tells", "claimed"}
_PASSIVE_BEFORE_SPEECH = frozenset({"were", "was", "is", "are", "been", "be", "being"})
_KIN_ADJECTIVES = frozenset(
    "young little baby infant teenage adult adopted older younger elder eldest oldest youngest own".split()
)
_WOUND_OWNERS = frozenset({"the", "his", "her", "their", "a"})
_NOT_NAMES = frozenset(
    "it they we i you this that these those there here who what which one all both each no none nobody "
    "sept police authorities officials government army state city county department office hospital express".split()
) | {name.lower() for name in (*calendar.day_name, *calendar.month_name, *calendar.month_abbr) if name}
_TOLL_NOUNS = frozenset({"toll", "death", "casualties", "deaths", "fatalities"})
# A passive verb coordinated with an outcome ("were offloaded from the bus and shot dead"): what a past
# participle ends with, and how many words the phrase between them may hold.
_PARTICIPLE_ENDINGS = ("ed", "en")
_PARTICIPLE_PREPOSITIONS = frozenset("at in on for near with by to from along inside outside as".split())
_COORDINATION_REACH = 9
# A plural noun the lexicon does not know, before a death or a wound, is read as civilians.
_UNKNOWN_NOUN_OUTCOMES = frozenset({"killed", "injured", "casualties"})
# A figure's name: "the official death toll", "the civilian casualty count" — the people word before it is an
# adjective of the figure, not one person counted.
_FIGURE_NOUNS = frozenset({"toll", "tally", "figure", "figures", "count"})
_FIGURE_NOUN_OPENERS = frozenset({"death", "casualty", "casualties", "fatality"})
_TOLL_PREPOSITIONS = frozenset({"from", "in", "of", "after"})
_SUBSET_WORDS = frozenset({"including", "included", "include", "includes"})
_YEAR_RE = re.compile(r"^(19|20)\d\d$")
_INCIDENT_NOUNS = frozenset(
    "attack attacks bombing bombings blast blasts massacre siege assault ambush raid explosion".split()
)
_IN = frozenset({"in", "since"})
_OPENING = 2  # a time phrase starting within the sentence's first words opens it ("But last year, …")
_START = attrgetter("start")
# After a verb of care (``sitrep/data/care_verbs.tsv``): the words that open the wound or condition ("with
# gunshot wounds", "for minor injuries", "in critical condition"), and the words that end the clause first.
_CARE_LINKS = frozenset({"with", "for", "in"})
_CARE_STOPS = frozenset(", and but or where who which after before when while".split())


@dataclass(frozen=True, slots=True)
class OutcomeWord:
    outcome: Outcome
    bare: bool  # reports the outcome even with no figure ("took hostages")


@dataclass(frozen=True, slots=True)
class VictimWord:
    victim: Victim
    number: str  # singular | plural | any ("personnel": "a Levies personnel" is said too)
    generic: bool


_UNKNOWN_PEOPLE = VictimWord("civilians", "plural", False)
_SOME_PEOPLE = VictimWord("unspecified", "plural", True)


@dataclass(slots=True)
class Mention:
    """A casualty figure in a sentence; offsets are relative to the sentence."""

    outcome: Outcome
    victim: Victim
    victim_text: str
    count: Count
    token_start: int
    token_end: int
    part_of: int | None = None  # index of the mention this one is a subset of
    definite: bool = False  # refers to people counted before ("the injured soldier", "two of the dead")
    background: bool = False  # an earlier incident or an aggregate statistic ("last year", "days ago")
    predicate: bool = False  # the outcome is said of them ("were killed"), not a word describing them
    subset: bool = False  # "the dead included three guards": a part of a total given before this sentence
    named: bool = False  # the figure names who it counts ("17 soldiers"), not a bare number ("17 were")
    by_name: bool = False  # one person called by name ("Jane Roe was shot"): counts only where no figure does
    ours: bool = False  # the speaker's own people ("three of our men"): their side is the claimant's


@dataclass(slots=True)
class _Figure:
    span_start: int  # token indices of the figure
    span_end: int
    count: Count
    is_year_like: bool
    victim: VictimWord | None = None
    victim_text: str = ""
    np_end: int = 0  # token index after the figure's noun phrase
    outcome: Outcome | None = None
    outcome_from: str = ""  # noun | before | after | coordination
    outcome_at: int = 0  # token index of an outcome found after the noun phrase
    part_of: int | None = None
    definite: bool = False  # "the two injured", "two of the dead": people already counted
    described: Outcome | None = None  # an outcome word describing the people ("three injured men")
    subset: bool = False  # "the dead included three guards": a part of people counted before
    agent: bool = False  # "the man shot his wife": the people who did it, not a figure of victims
    by_name: bool = False  # a person's name, not a noun for people
    unknown_end: int = 0  # after a plural noun the lexicon does not know ("two ulema were …"), else 0
    apart: bool = False  # "killing himself and three others": others than the person named before


class _OutcomeTable(PhraseTable[OutcomeWord]):
    """The outcome phrases; a phrase of outcome "none" ("death squad") matches as nothing."""

    def match_at(self, tokens: list[Token], index: int) -> PhraseMatch[OutcomeWord] | None:
        match = super().match_at(tokens, index)
        return None if match is None or match.payload.outcome == "none" else match

    def find_all(self, tokens: list[Token], start: int = 0, stop: int | None = None) -> Iterator[PhraseMatch]:
        return (m for m in super().find_all(tokens, start, stop) if m.payload.outcome != "none")


class CasualtyReader:
    def __init__(self, grammar: CountGrammar) -> None:
        self.grammar = grammar
        # "the death toll rises to 25", "the toll has touched 30": every toll verb bridges to its figure.
        self.bridge_before = _BRIDGE_BEFORE | toll_verbs()
        self.outcomes: PhraseTable[OutcomeWord] = _OutcomeTable(
            [
                (row["phrase"], OutcomeWord(row["outcome"], row["bare"] == "yes"))
                for row in read_table("outcomes.tsv")
            ]
        )
        self.victims: PhraseTable[VictimWord] = PhraseTable(
            [
                (
                    row["phrase"],
                    VictimWord(row["victim"], row["number"], row["generic"] == "yes"),
                )
                for row in read_table("victims.tsv")
            ]
        )
        context = read_table("non_casualty.tsv")
        self.units_after: PhraseTable[str] = PhraseTable(
            [(row["words"], row["applies_to"]) for row in context if row["side"] == "after"]
        )
        self.words_before = {row["words"]: row["applies_to"] for row in context if row["side"] == "before"}
        self.wound_sites: PhraseTable[str] = PhraseTable(
            [(row["word"], "injured") for row in read_table("wound_sites.tsv")]
        )
        self.care_verbs = frozenset(row["verb"] for row in read_table("care_verbs.tsv"))
        self.background: PhraseTable[str] = PhraseTable(
            [(row["phrase"], row["scope"]) for row in read_table("background.tsv")]
        )

    # -- figures ---------------------------------------------------------------------------------------------
    def _figures(self, sentence: str, tokens: list[Token]) -> list[_Figure]:
        figures = []
        for span in self.grammar.find(sentence, tokens):
            first = bisect_left(tokens, span.start, key=_START)  # the first token at or after the figure
            if first == len(tokens):
                continue
            stop = first
            while stop < len(tokens) and tokens[stop].end <= span.end:
                stop += 1
            if span.text.lower() == "another" and (
                (stop < len(tokens) and _is_number(tokens[stop], self.grammar.number_words))
                or (first > 0 and _is_number(tokens[first - 1], self.grammar.number_words))
            ):
                continue  # "another two were injured", "one another": the number beside it is the figure
            year_like = bool(_YEAR_RE.match(span.text.strip())) and not span.has_modifier
            if self._measures_something_else(tokens, first, stop, year_like):
                continue
            figures.append(_Figure(first, stop, _count(span), year_like))
        return figures

    def _measures_something_else(self, tokens: list[Token], first: int, stop: int, year_like: bool) -> bool:
        if stop < len(tokens):
            unit = self.units_after.match_at(tokens, stop)
            if unit and (unit.payload == "any" or year_like):
                return True
        if first > 0:
            before = first - 1
            if tokens[before].norm == "." and before > 0:
                before -= 1  # "Sept. 13", "No. 4": the word before an abbreviation's full stop
            applies = self.words_before.get(tokens[before].norm)
            if applies and (applies == "any" or year_like):
                return True
        return False

    def _singular_figures(
        self, tokens: list[Token], taken: set[int], previous: VictimWord | None
    ) -> list[_Figure]:
        """'a soldier', 'the officer' (adjectives allowed) and 'he'/'she' count 1; a pronoun stands for
        ``previous``, the last person named before this sentence."""
        figures = []
        determiners: set[int] = set()  # "a woman civilian": one person, not one for each noun
        for match in self.victims.find_all(tokens):
            if match.payload.number == "plural" or match.start in taken:
                continue
            if _names_a_speaker(tokens, match.start, match.end):
                continue  # "according to a hospital official", "a police officer said": the source, not a victim
            if _names_a_figure(tokens, match.end):
                continue  # "the official death toll", "the civilian casualty count"
            if (
                tokens[match.end - 1].possessive
                and match.end < len(tokens)
                and self.outcomes.match_at(tokens, match.end) is None
            ):
                continue  # "a journalist's son": the journalist is not the one counted ("the girl's injuries" is)
            word = tokens[match.start].norm
            if word in self.grammar.singular_words:  # "He was killed in the attack."
                row = self.grammar.singular_words[word]
                count = Count(low=_int(row.low), high=_int(row.high), text=tokens[match.start].text)
                figure = _Figure(match.start, match.start, count, False)
                if previous is not None:
                    figure.victim, figure.victim_text = previous, tokens[match.start].text
                figures.append(figure)
                continue
            for back in range(match.start - 1, max(match.start - 5, -1), -1):
                word = tokens[back].norm
                if word in _POSSESSIVES and any(
                    t.norm not in _AGE_WORDS and t.norm not in _KIN_ADJECTIVES and not t.norm[0].isdigit()
                    for t in tokens[back + 1 : match.start]
                ):
                    break  # "his brother", "her 7-year-old son"; not "his dog helped persuade Judge …"
                if word in self.grammar.singular_words:
                    if back in determiners:
                        break
                    determiners.add(back)
                    row = self.grammar.singular_words[word]
                    text = " ".join(t.text for t in tokens[back : match.end])
                    count = Count(low=_int(row.low), high=_int(row.high), text=text, approximate=False)
                    figure = _Figure(back, back + 1, count, False)
                    figure.definite = word in _DEFINITE
                    figures.append(figure)
                    break
                if word.isdigit() and back not in taken:
                    continue  # "a 17-year-old boy": the age was already set aside as not a count
                if not tokens[back].is_word or word in _NP_STOP or back in taken:
                    break
        return figures

    # -- noun phrase and outcome -------------------------------------------------------------------------------
    def _read_noun_phrase(self, tokens: list[Token], figure: _Figure) -> bool:
        """Find the figure's people noun and any outcome noun; False when the figure measures something else."""
        index, fillers, age_end = figure.span_end, 0, figure.span_end
        while index < len(tokens) and fillers <= 3:
            after_bracket = _after_bracket(tokens, index)
            if after_bracket:  # "Two Frontier Corps (FC) personnel": step over a bracketed acronym
                index = after_bracket
                if figure.victim is not None:
                    figure.np_end = index
                continue
            victim = self.victims.match_at(tokens, index)
            if victim:
                generic_first = victim.payload.generic and figure.victim is None
                if figure.victim is None or figure.victim.generic:
                    figure.victim = victim.payload
                    figure.victim_text = _join(tokens, victim.start, victim.end)
                elif figure.np_end == victim.start:  # "law enforcement members": keep all the words
                    figure.victim_text = _join(
                        tokens, victim.start - len(figure.victim_text.split()), victim.end
                    )
                index = figure.np_end = victim.end
                if generic_first and index < len(tokens) and tokens[index].norm == "of":
                    index += 1  # "members of the Frontier Corps": keep looking for who
                    continue
                if index < len(tokens) and (
                    self.victims.match_at(tokens, index) or _after_bracket(tokens, index)
                ):
                    continue  # "law enforcement members", "civilian workers", "Frontier Corps (FC)"
                break
            outcome = self.outcomes.match_at(tokens, index)
            if outcome and outcome.end < len(tokens) and self.victims.match_at(tokens, outcome.end):
                # "an injured man died": the participle describes the people; the verb after them, if any,
                # says what happened ("the four injured men" are injured).
                figure.described = outcome.payload.outcome
                index = outcome.end
                continue
            if outcome:
                figure.outcome, figure.outcome_from = outcome.payload.outcome, "noun"
                figure.np_end = outcome.end
                if index >= 2 and tokens[index - 2].norm == "of" and tokens[index - 1].norm in _DEFINITE:
                    figure.definite = True  # "two of the dead were identified": a part of a known toll
                elif (
                    figure.outcome != "killed"
                    and not (
                        figure.span_start >= 1 and tokens[figure.span_start - 1].norm in _DEFINITE | {"of"}
                    )
                    and self._dies_next(tokens, outcome.end)
                ):
                    figure.outcome = "killed"  # "two injured died in hospital": what became of the injured
                return True
            unit = self.units_after.match_at(tokens, index)
            if unit and unit.payload == "any":
                return False
            word = tokens[index].norm
            if word in _NP_SKIP or word in _QUOTE_MARKS:  # three "heavily armed terrorists"
                index += 1
                continue
            if (
                word[0].isdigit()
                and index == figure.span_end
                and figure.span_end - figure.span_start == 1
                and tokens[figure.span_start].norm in self.grammar.singular_words
                and index + 1 < len(tokens)
                and tokens[index + 1].norm in _AGE_UNITS
            ):
                index += 2  # "a 12-year-old boy", "an 8-month-old baby": the age is part of the noun phrase
                if index < len(tokens) and tokens[index].norm == "old":
                    index += 1
                age_end = index  # "a 10-year-old who was shot": the age alone names the person
                continue
            if not tokens[index].is_word or word in _NP_STOP:
                break
            fillers += 1
            index += 1
        if figure.victim is None:
            figure.np_end = age_end
            at = figure.span_end
            if (
                at + 1 < len(tokens)
                and tokens[at].norm == "of"
                and tokens[at + 1].norm in _PARTITIVE_PRONOUNS
            ):
                figure.np_end = at + 2  # "two of them were killed": the pronoun is the noun phrase's head
            if (
                0 < fillers <= 2
                and index < len(tokens)
                and tokens[index].norm in _MAIN_VERBS
                and not figure.is_year_like
                and all(t.is_word for t in tokens[figure.span_end : index])
                and tokens[index - 1].text.islower()
                and tokens[index - 1].norm.endswith("s")
            ):
                figure.unknown_end = index
        elif figure.np_end < len(tokens):
            outcome = self.outcomes.match_at(tokens, figure.np_end)
            if outcome and self._takes_object(tokens, outcome.end):
                figure.agent = True  # "the gunman killed two people", "a man shot his neighbour"
            elif outcome:  # "31 civilian deaths", "17 soldiers' bodies"
                figure.outcome, figure.outcome_from = outcome.payload.outcome, "noun"
                if figure.outcome == "casualties" and self._limb_wound(tokens, outcome.end):
                    figure.outcome = "injured"  # "a man shot in the foot"
        return True

    def _of_them(self, tokens: list[Token], figure: _Figure) -> None:
        """'… opened fire on a van carrying miners, killing five of them': "them" are the people last named
        before the figure in the sentence."""
        end = figure.span_end
        if end + 1 >= len(tokens) or tokens[end].norm != "of" or tokens[end + 1].norm != "them":
            return
        named = [
            m for m in self.victims.find_all(tokens, 0, figure.span_start) if m.payload.number != "singular"
        ]
        if named and not named[-1].payload.generic:
            figure.victim = named[-1].payload
            figure.victim_text = _join(tokens, named[-1].start, named[-1].end)

    def _partitives(self, tokens: list[Token], figures: list[_Figure]) -> None:
        """'Nine of the 12 abducted passengers were found dead', 'two of the 12 injured died': the first
        number counts what the predicate says of a part; the second names the group they are part of, which
        then lies inside the first figure's phrase and adds no figure of its own."""
        for part, group in zip(figures[:-1], figures[1:], strict=True):
            between = [t.norm for t in tokens[part.span_end : group.span_start]]
            # Only a known group ("of the 12"): "one of three men wounded … has died" also tells of the three.
            if len(between) != 2 or between[0] != "of" or between[1] not in _DEFINITE:
                continue
            if part.victim is not None:
                if part.np_end > group.span_start and part.outcome is not None:
                    group.outcome = None  # "four of the six soldiers were killed": the six are no figure
                continue
            probe = _Figure(group.span_start, group.span_end, group.count, False, group.victim)
            probe.np_end = max(group.np_end, group.span_end)
            self._outcome_after(tokens, probe)
            if probe.outcome is None or probe.agent:
                continue
            part.victim, part.victim_text = group.victim, group.victim_text
            part.outcome, part.outcome_from, part.outcome_at = probe.outcome, "after", probe.outcome_at
            part.np_end = part.span_end

    def _one_and_others(self, tokens: list[Token], figures: list[_Figure]) -> list[_Figure]:
        """'the driver and two others were killed', 'a girl and four other children were hurt': one person and
        N others are N + 1 people, one figure (the word "other" says the first is one of them)."""
        out: list[_Figure] = []
        for figure in figures:
            left = out[-1] if out else None
            if (
                left is None
                or (left.count.low, left.count.high) != (1, 1)
                or tokens[left.span_start].norm not in self.grammar.singular_words
                or left.np_end >= len(tokens)
                or tokens[left.np_end].norm != "and"
                or figure.span_start != left.np_end + 1
                or left.outcome not in (None, figure.outcome)
                or figure.outcome is None
            ):
                out.append(figure)
                continue
            bare = figure.victim_text.lower() in ("others", "other")
            if not bare and (figure.span_end >= len(tokens) or tokens[figure.span_end].norm != "other"):
                out.append(figure)
                continue
            low, high = figure.count.low, figure.count.high
            figure.count = Count(
                low=None if low is None else low + 1,
                high=None if high is None else high + 1,
                text=_join(tokens, left.span_start, figure.np_end),
                approximate=figure.count.approximate,
            )
            figure.span_start = left.span_start
            if bare:  # "a policeman and four others": who the others are is not said
                figure.victim, figure.victim_text = _SOME_PEOPLE, figure.count.text
            out[-1] = figure
        return out

    def _unknown_people(self, tokens: list[Token], figure: _Figure) -> None:
        """'Three ulema were shot dead', 'two refugees were wounded': a plural noun the lexicon does not know,
        then a passive death or wound, counts people all the same. Such nouns name civilians far more often
        than forces or armed men, whose nouns are a short list the lexicon holds; abductions, arrests and
        "missing" are left out, as things are captured and go missing too ("two posts were captured")."""
        figure.np_end = figure.unknown_end
        self._outcome_after(tokens, figure)
        if figure.outcome in _UNKNOWN_NOUN_OUTCOMES and not figure.agent:
            # "our two colleagues": the speaker's own people, whose side the claimant tells
            figure.victim = _SOME_PEOPLE if _first_person_plural(tokens, figure) else _UNKNOWN_PEOPLE
            figure.victim_text = _join(tokens, figure.span_end, figure.unknown_end)
        else:
            figure.outcome, figure.outcome_from, figure.agent = None, "", False
            figure.np_end = figure.span_end

    def _takes_object(self, tokens: list[Token], index: int) -> bool:
        """Whether an outcome verb ending at ``index`` goes on to its object ("killed two people", "shot his
        wife"), which makes the people before it the ones who did it."""
        if index >= len(tokens):
            return False
        word = tokens[index].norm
        if word == "at" and tokens[index - 1].norm == "shot":
            return True  # "two gunmen shot at the guards": they fired at them
        return word in _OBJECT_OPENERS or word[0].isdigit() or word in self.grammar.number_words

    def _outcome_before(self, tokens: list[Token], figure: _Figure, outcomes: list[PhraseMatch]) -> None:
        ends = {match.end: match for match in outcomes}
        index, bridged = figure.span_start, 0
        # "the wounded, including 10 policemen, …", "the dead included two children": a part of those people.
        at = index
        if at > 0 and tokens[at - 1].norm in _SUBSET_WORDS:
            at -= 1
            if at > 0 and tokens[at - 1].norm == ",":
                at -= 1
            match = ends.get(at)
            if match and not _negated(tokens, match.start):
                figure.outcome, figure.outcome_from = match.payload.outcome, "before"
                figure.subset = True
                if figure.outcome != "killed" and self._dies_in_relative(
                    tokens, max(figure.np_end, figure.span_end)
                ):
                    figure.outcome = "killed"  # "five were shot, including a boy who died": his own fate
                return
        # "Among the dead were two women", "among those injured was a child": the inverted "two women were
        # among the dead", a part of those people.
        if at > 0 and tokens[at - 1].norm in _MAIN_VERBS:
            match = ends.get(at - 1)
            if (
                match
                and match.start >= 2
                and tokens[match.start - 1].norm in _DEFINITE
                and tokens[match.start - 2].norm == "among"
            ):
                figure.outcome, figure.outcome_from = match.payload.outcome, "before"
                figure.subset = True
                return
        while index > 0 and bridged <= 3:
            match = ends.get(index)
            if match and not _negated(tokens, match.start):
                figure.outcome, figure.outcome_from = match.payload.outcome, "before"
                if figure.outcome == "casualties" and self._limb_wound(
                    tokens, max(figure.np_end, figure.span_end)
                ):
                    figure.outcome = "injured"  # "shot his brother in the arm"
                return
            if index >= 3 and tokens[index - 1].norm == "and" and tokens[index - 2].norm in _REFLEXIVES:
                index -= 2  # "blew himself up, killing himself and three others": the others are the figure
                figure.apart = True  # … and not of the attacker's kind
                continue
            if tokens[index - 1].norm not in self.bridge_before:
                self._toll_before(tokens, figure, ends, index)
                return
            index -= 1
            bridged += 1

    def _dies_in_relative(self, tokens: list[Token], index: int) -> bool:
        """Whether a relative clause at ``index`` tells a death ("who died", "who was later pronounced dead")."""
        if index >= len(tokens) or tokens[index].norm not in ("who", "that"):
            return False
        match = self._outcome_in_relative(tokens, index)
        return match is not None and match.payload.outcome == "killed"

    def _outcome_in_relative(self, tokens: list[Token], index: int) -> PhraseMatch[OutcomeWord] | None:
        """The outcome a relative clause opened at ``index`` ("who", "that") tells, past its auxiliaries and
        adverbs ("who was later shot"), unless negated."""
        at = index + 1
        while at < len(tokens) and tokens[at].norm in _BRIDGE_AFTER and at - index <= 4:
            at += 1
        match = self.outcomes.match_at(tokens, at) if at < len(tokens) else None
        return None if match is None or _negated(tokens, match.start) else match

    def _toll_before(
        self, tokens: list[Token], figure: _Figure, ends: dict[int, PhraseMatch], index: int
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
                if tokens[at].norm in _TOLL_PREPOSITIONS and (
                    tokens[match.start].norm in _TOLL_NOUNS or self._number_of(tokens, match.start)
                ):
                    figure.outcome, figure.outcome_from = match.payload.outcome, "before"
                return
            if tokens[at - 1].norm in _ASIDE_BREAKS:
                return

    def _number_of(self, tokens: list[Token], index: int) -> bool:
        """Whether "the number of" (and a people word) stands before ``index``: "the number of people
        killed in the attack has risen to 12" states a toll as "the death toll" does."""
        if index >= 1 and (
            tokens[index - 1].norm == "those" or self.victims.match_at(tokens, index - 1) is not None
        ):
            index -= 1
        return index >= 2 and tokens[index - 2].norm == "number" and tokens[index - 1].norm == "of"

    def _outcome_after(self, tokens: list[Token], figure: _Figure) -> None:
        index, bridged, asides, auxiliary = figure.np_end, 0, 0, False
        if (
            figure.victim is None
            and index + 1 < len(tokens)
            and tokens[index].norm == "of"
            and tokens[index + 1].norm in _OF_THEM
        ):
            index += 2  # "one of them has died": what became of some of those just counted
        while index < len(tokens) and bridged <= 4:
            match = self.outcomes.match_at(tokens, index)
            if match:
                if (bridged or asides) and not auxiliary and self._takes_object(tokens, match.end):
                    # "a boy accidentally shot his brother", "a man who is charged with killing two people":
                    # the boy fired; the man is the one accused, not a victim
                    figure.agent = True
                elif not _negated(tokens, match.start):
                    figure.outcome, figure.outcome_from = match.payload.outcome, "after"
                    figure.outcome_at = match.start
                    # "one policeman was among the dead": a part of the toll, told apart from it
                    figure.subset = figure.subset or (
                        match.start >= 2
                        and tokens[match.start - 2].norm == "among"
                        and tokens[match.start - 1].norm in ("the", "those")
                    )
                    if figure.outcome != "killed" and self._died_after(tokens, match.end):
                        figure.outcome = "killed"  # "was shot and later died": what became of them
                    elif figure.outcome == "casualties" and self._limb_wound(tokens, match.end):
                        figure.outcome = "injured"  # "was shot in the leg"
                return
            if tokens[index].norm in _QUOTE_MARKS:  # three "heavily armed" militants" were killed
                index += 1
                continue
            if (
                tokens[index].norm in ("who", "that")
                and (bridged == 0 or tokens[index - 1].norm == "more")
                and self._relative_outcome(tokens, figure, index)
            ):
                return  # "a teen who was shot", "two of the people that were shot", "two more who were hurt"
            if (
                tokens[index].norm == "in"
                and index + 1 < len(tokens)
                and self.outcomes.match_at(tokens, index + 1) is not None
            ):
                index += 1  # "was in critical condition"
                continue
            if (
                tokens[index].norm in _ASIDE_CLOSERS
                and bridged == 0
                and self._in_apposition(tokens, figure.span_start)
                and self._leads_on(tokens, index + 1)
            ):
                index += 1  # "the victims, a man and a woman, were shot": the list closes before the verb
                continue
            if tokens[index].norm in self.care_verbs:
                wound = self._wound_after_care(tokens, index)
                if wound is not None:
                    index = wound  # "were rushed to a hospital with gunshot wounds"
                    continue
            if auxiliary and bridged and tokens[index].norm not in _BRIDGE_AFTER:
                joined = self._coordinated_outcome(tokens, index)
                if joined is not None:  # "were offloaded from the bus and shot dead"
                    figure.outcome, figure.outcome_from = joined.payload.outcome, "after"
                    figure.outcome_at = joined.start
                    return
            if tokens[index].norm not in _BRIDGE_AFTER:
                # A bare number takes only a punctuated aside ("Six, including two boys, died"): "150 with a
                # wound" is a road number, not a count of the wounded.
                may_aside = asides < 2 and bridged == 0
                if figure.victim is None and tokens[index].norm not in _PUNCTUATED_ASIDES | {"who"}:
                    may_aside = False
                aside_end = self._aside_end(tokens, index) if may_aside else None
                if aside_end is None:
                    return
                index, asides = aside_end, asides + 1
                continue
            auxiliary = auxiliary or tokens[index].norm in _MAIN_VERBS or tokens[index].norm == "been"
            index += 1
            bridged += 1

    def _in_apposition(self, tokens: list[Token], start: int) -> bool:
        """Whether the figure at ``start`` stands in an apposition opened after a noun for people ("the
        victims, a man and a woman, …", "the victims — a guard and a driver — …"), within a short list."""
        for back in range(start - 1, max(start - 14, 0), -1):
            word = tokens[back].norm
            if word in _ASIDE_CLOSERS:
                return self.victims.match_at(tokens, back - 1) is not None
            if word in _ASIDE_BREAKS or word in _MAIN_VERBS:
                return False
        return False

    def _wound_after_care(self, tokens: list[Token], index: int) -> int | None:
        """Where the wound or condition told after a verb of care at ``index`` starts ("taken to Mercy Hospital
        with a gunshot wound", "treated for minor injuries", "flown to a trauma center in critical
        condition"), within the clause; None when none is told."""
        for at in range(index + 1, min(len(tokens), index + 10)):
            word = tokens[at].norm
            if word in _ASIDE_BREAKS or word in _CARE_STOPS:
                return None
            if word in _CARE_LINKS:
                start = at if word == "with" else at + 1
                if start + 1 < len(tokens) and tokens[start].norm in ("a", "an"):
                    start += 1  # "treated for a gunshot wound"
                if start < len(tokens) and self.outcomes.match_at(tokens, start) is not None:
                    return start
        return None

    def _relative_outcome(self, tokens: list[Token], figure: _Figure, index: int) -> bool:
        """'a man who was shot on Monday', 'a teen who was shot … has died': an outcome said of them in a
        relative clause; a death told after it in the sentence is what became of them."""
        match = self._outcome_in_relative(tokens, index)
        if match is None:
            return False
        figure.outcome, figure.outcome_from, figure.outcome_at = match.payload.outcome, "after", match.start
        if match.payload.outcome != "killed" and self._death_later(tokens, match.end):
            figure.outcome = "killed"
        return True

    def _death_later(self, tokens: list[Token], index: int) -> bool:
        """Whether a death is told within the clause after ``index`` ("… in the shooting on Main Street has
        died")."""
        for later in range(index, min(len(tokens), index + 14)):
            if tokens[later].norm in _ASIDE_BREAKS:
                return False
            death = self.outcomes.match_at(tokens, later)
            if death is not None and death.payload.outcome == "killed":
                return True
        return False

    def _named_figures(
        self, tokens: list[Token], outcomes: list[PhraseMatch], covered: set[int]
    ) -> list[_Figure]:
        """One person named by name: "Jane Roe was shot and killed", "Roe died at a hospital", "Roe's death",
        "the death of 16-year-old Jane Roe". The name is capitalised words with no people noun among them; the
        outcome follows it through an auxiliary ("was", "has been") or is a death ("died")."""
        figures = []
        for match in outcomes:
            outcome = match.payload.outcome
            if outcome == "killed" and tokens[match.start].norm in _DEATH_NOUNS:
                end = match.end
                if end < len(tokens) and tokens[end].norm == "of":
                    end += 1
                    while end < len(tokens) and (
                        tokens[end].norm[0].isdigit() or tokens[end].norm in _AGE_WORDS
                    ):
                        end += 1  # "the death of 16-year-old Jane Roe"
                    name = self._name_at(tokens, end, covered)
                    if name is not None:
                        figures.append(_named(tokens, [name], outcome, match.start))
                    continue
                back = match.start - 1
                if back > 0 and tokens[back].possessive:  # "Roe's death"
                    name = self._name_before(tokens, back + 1, covered)
                    if name is not None:
                        figures.append(_named(tokens, [name], outcome, match.start))
                continue
            if _negated(tokens, match.start) or tokens[match.start].norm in _TOLL_NOUNS:
                continue
            if outcome in ("killed", "casualties") and match.end < len(tokens):
                name = self._name_as_object(tokens, match.end, covered)
                if name is not None:  # "the shooting that killed Jane Roe", "fatally shot Sam Lee"
                    figure = _named(tokens, [name], outcome, match.start)
                    if outcome == "casualties" and self._limb_wound(tokens, name[1]):
                        figure.outcome = "injured"  # "shot Sam Lee in the leg"
                    figures.append(figure)
                    continue
            at, auxiliary = match.start, tokens[match.start].norm in _INTRANSITIVE_DEATHS
            if at > 0 and tokens[at - 1].norm == "in":
                at -= 1  # "was listed in good condition"
            while at > 0 and match.start - at < 5 and tokens[at - 1].norm in _BRIDGE_AFTER:
                at -= 1
                auxiliary = auxiliary or tokens[at].norm in _MAIN_VERBS
            if not auxiliary:
                continue
            if (
                at > 2
                and tokens[at - 1].norm == ","
                and tokens[at - 2].norm.isdigit()
                and tokens[at - 3].norm == ","
            ):
                at -= 3  # "Jane Roe, 17, was shot": the age between commas
            name = self._name_before(tokens, at, covered)
            names = [name] if name is not None else self._names_listed_before(tokens, at, covered)
            if names:
                figure = _named(tokens, names, outcome, match.start)
                if outcome != "killed" and self._died_after(tokens, match.end):
                    figure.outcome = "killed"
                elif outcome == "casualties" and self._limb_wound(tokens, match.end):
                    figure.outcome = "injured"
                figures.append(figure)
        return figures

    def _names_listed_before(self, tokens: list[Token], end: int, covered: set[int]) -> list[tuple[int, int]]:
        """The names of a list ending at ``end``, last name first: "Roe and Lee were shot", "Jane Roe, 24, Sam
        Lee, 19, and Ann Ford, 30, were wounded" — one person each, one figure for all. A list ends with
        "and"; anything but a name between its commas (a noun, a place, a figure) makes it no list of people."""
        names: list[tuple[int, int]] = []
        joined_by_and = False
        while True:
            start = end
            while start > 0 and end - start < 4 and _is_name_word(tokens[start - 1]):
                start -= 1
            if start == end or self._checked_name(tokens, start, end, covered) is None:
                return []
            names.append((start, end))
            at = start
            while at > 0 and tokens[at - 1].norm in _LISTS:
                joined_by_and = joined_by_and or (len(names) == 1 and tokens[at - 1].norm in ("and", "&"))
                at -= 1
            if at == start:  # the first name of the list: what stands before it must not go on a name
                if start > 0 and tokens[start - 1].norm in _BEFORE_PLACE_NAMES:
                    return []
                return names if len(names) > 1 and joined_by_and else []
            if at > 1 and tokens[at - 1].norm.isdigit() and tokens[at - 2].norm == ",":
                at -= 2  # "Jane Roe, 24, and Sam Lee": the age of the name before
            end = at

    def _name_as_object(self, tokens: list[Token], start: int, covered: set[int]) -> tuple[int, int] | None:
        """A person's full name right after a verb of killing or shooting, as its object: two to four
        capitalised words, not one's possessive ("killed Jane Roe's dog") nor words naming a people ("killed
        North Waziristan residents")."""
        name = self._name_at(tokens, start, covered)
        if name is None or name[1] - name[0] < 2 or tokens[name[1] - 1].possessive:
            return None
        after = name[1]
        if after < len(tokens) and (
            self.victims.match_at(tokens, after) is not None
            or self.outcomes.match_at(tokens, after) is not None
        ):
            return None
        return name

    def _name_before(self, tokens: list[Token], end: int, covered: set[int]) -> tuple[int, int] | None:
        """The span of a person's name ending at ``end``: one to four capitalised words."""
        start = end
        while start > 0 and end - start < 4 and _is_name_word(tokens[start - 1]):
            start -= 1
        if start == end or (
            start > 0
            and (
                _is_name_word(tokens[start - 1])
                or tokens[start - 1].norm in _LISTS
                or tokens[start - 1].norm in _BEFORE_PLACE_NAMES
            )
        ):
            # a longer name, the last of a list of names ("Ali, Khan and Roe were hurt"), or a place ("one of
            # those wounded in Lexington has died")
            return None
        return self._checked_name(tokens, start, end, covered)

    def _name_at(self, tokens: list[Token], start: int, covered: set[int]) -> tuple[int, int] | None:
        end = start
        while end < len(tokens) and end - start < 4 and _is_name_word(tokens[end]):
            end += 1
        return self._checked_name(tokens, start, end, covered) if end > start else None

    def _checked_name(
        self, tokens: list[Token], start: int, end: int, covered: set[int]
    ) -> tuple[int, int] | None:
        for index in range(start, end):
            word = tokens[index].norm
            if (
                index in covered
                or word in self.grammar.singular_words
                or word in _NOT_NAMES
                or word in self.grammar.number_words
                or self.victims.match_at(tokens, index) is not None
            ):
                return None
        return start, end

    def _limb_wound(self, tokens: list[Token], index: int) -> bool:
        """Whether "in the/his/her (left/right) <limb>" follows at ``index`` (``sitrep/data/wound_sites.tsv``)."""
        return self._after_wound_site(tokens, index) > index

    def _after_wound_site(self, tokens: list[Token], index: int) -> int:
        """The index after "in the/his/her (left/right) <limb>" at ``index``, else ``index``."""
        if (
            index + 2 >= len(tokens)
            or tokens[index].norm != "in"
            or tokens[index + 1].norm not in _WOUND_OWNERS
        ):
            return index
        at = index + 2
        if tokens[at].norm in ("left", "right") and at + 1 < len(tokens):
            at += 1
        site = self.wound_sites.match_at(tokens, at)
        return site.end if site is not None else index

    def _name_aside_end(self, tokens: list[Token], start: int) -> int | None:
        """The index after ", Jane Roe," or ", Jane Roe, 24," that starts at ``start`` (after the comma), when
        the outcome follows it."""
        end = start
        while end < len(tokens) and end - start < 4 and _is_name_word(tokens[end]):
            end += 1
        if end + 2 < len(tokens) and tokens[end].norm == "," and tokens[end + 1].norm.isdigit():
            end += 2  # the age
        if end < len(tokens) and tokens[end].norm == "," and self._leads_on(tokens, end + 1):
            return end + 1
        return None

    def _died_after(self, tokens: list[Token], index: int) -> bool:
        """Whether "and" (with bridging words: "and later", "but then") and a death follow at ``index``, after
        the place of the wound if it is told ("shot in the arm and later died")."""
        index = self._after_wound_site(tokens, index)
        while index < len(tokens) and tokens[index].norm in _HOW_OFTEN:
            index += 1  # "was shot multiple times and died", "shot twice in the chest and died"
        if index + 2 < len(tokens) and tokens[index].norm == "in" and tokens[index + 1].norm in _WOUND_OWNERS:
            index += 2  # where they were hit, a limb or not ("in the chest", "in his left side")
            if tokens[index].norm in ("left", "right", "upper", "lower") and index + 1 < len(tokens):
                index += 1
            index += 1
        if index >= len(tokens) or tokens[index].norm not in ("and", "but"):
            return False
        for at in range(index + 1, min(len(tokens), index + 4)):
            death = self.outcomes.match_at(tokens, at)
            if death is not None:
                return death.payload.outcome == "killed"
            if tokens[at].norm not in _BRIDGE_AFTER:
                return False
        return False

    def _coordinated_outcome(self, tokens: list[Token], index: int) -> PhraseMatch[OutcomeWord] | None:
        """'were offloaded from the bus and shot dead', 'were dragged out and gunned down': a passive verb
        that is no outcome, a short phrase after it, then "and" and an outcome said of the same people. The
        verb must look like a participle and the outcome must take no object ("and killed two" is someone
        else's act)."""
        word = tokens[index]
        if not word.is_word or not word.text.islower() or not word.norm.endswith(_PARTICIPLE_ENDINGS):
            return None
        for at in range(index + 1, min(len(tokens), index + _COORDINATION_REACH)):
            norm = tokens[at].norm
            if norm == "and":
                for then in range(at + 1, min(len(tokens), at + 3)):
                    match = self.outcomes.match_at(tokens, then)
                    if match is not None:
                        if _negated(tokens, match.start) or self._takes_object(tokens, match.end):
                            return None
                        return match
                    if tokens[then].norm not in _BRIDGE_AFTER:
                        return None
                return None
            if not tokens[at].is_word or (norm in _NP_STOP and norm not in _ASIDE_PREPOSITIONS):
                return None
        return None

    def _dies_next(self, tokens: list[Token], index: int) -> bool:
        """Whether a death with no object is the next predicate at ``index`` ("… later died", "… have
        succumbed to their wounds"), through bridging words only."""
        for at in range(index, min(len(tokens), index + 4)):
            death = self.outcomes.match_at(tokens, at)
            if death is not None:
                return death.payload.outcome == "killed" and not self._takes_object(tokens, death.end)
            if tokens[at].norm not in _BRIDGE_AFTER:
                return False
        return False

    def _leads_on(self, tokens: list[Token], index: int) -> bool:
        """Whether an outcome stands at ``index``, or after words that bridge to it ("were later killed")."""
        for at in range(index, min(len(tokens), index + 5)):
            if self.outcomes.match_at(tokens, at) is not None:
                return True
            if tokens[at].norm in self.care_verbs:  # "…, was treated at Mercy Hospital for a graze wound"
                return self._wound_after_care(tokens, at) is not None
            if tokens[at].norm not in _BRIDGE_AFTER:
                return False
        return False

    def _aside_end(self, tokens: list[Token], index: int) -> int | None:
        """The index after an aside that starts at ``index`` and is followed by the outcome or a bridge to it:
        a relative or participle clause ("who stormed the post", "working on a tower"), "of" with a name ("of
        the Pakistan Army"), a bracket, a comma or dash pair around an apposition ("…, including two
        policemen, …"), "including …", or a short place phrase ("near the camp"). None when none starts there."""
        opener = tokens[index].norm
        if (
            opener in _RELATIVE
            or (
                opener.endswith("ing")
                and len(opener) > 5
                and tokens[index].is_word
                and opener not in _ASIDE_OPENERS
            )
            or self._past_participle_clause(tokens, index)
        ):
            return self._clause_end(tokens, index, participle=opener not in _RELATIVE)
        if opener not in _ASIDE_OPENERS:
            return None
        if opener == "(":
            close = _after_bracket(tokens, index)
            return close if close and self._leads_on(tokens, close) else None
        if opener == "of":
            return self._of_end(tokens, index)
        if opener == "," and index + 1 < len(tokens) and _is_name_word(tokens[index + 1]):
            return self._name_aside_end(tokens, index + 1)  # "one of the victims, Sam Lee, 24, died"
        if opener == "," and (
            index + 1 >= len(tokens)
            or not (tokens[index + 1].norm in _ASIDE_AFTER_COMMA or tokens[index + 1].norm[0].isdigit())
        ):
            return None  # ", 45," is an age; ", including …" an apposition; other commas end the clause
        return self._phrase_end(tokens, index, opener)

    def _past_participle_clause(self, tokens: list[Token], index: int) -> bool:
        """'two policemen deputed for the security of …', 'soldiers posted at the picket', 'guards targeted by
        gunmen': a past participle and its preposition describe the people; the sentence's verb follows."""
        word = tokens[index]
        return (
            word.norm.endswith("ed")
            and len(word.norm) > 4
            and word.is_word
            and word.text.islower()
            and index + 1 < len(tokens)
            and tokens[index + 1].norm in _PARTICIPLE_PREPOSITIONS
            and self.outcomes.match_at(tokens, index) is None
        )

    def _clause_end(self, tokens: list[Token], index: int, participle: bool) -> int | None:
        """The end of a clause about the people: at the first bridge or outcome after one of its own words. A
        participle's clause ends at the sentence's verb ("… were killed"), not at a noun that happens to be an
        outcome word ("suffering from wounds")."""
        own_words = participle
        for end in range(index + 1, min(len(tokens), index + 12)):
            if tokens[end].norm in _ASIDE_BREAKS or tokens[end].norm in _RELATIVE:
                return None
            if participle and tokens[end].norm in _SUBORDINATORS:
                return None  # "two suspects running away after a boy was shot": the boy was shot
            if tokens[end].norm in _SPEECH_VERBS and tokens[end - 1].norm not in _PASSIVE_BEFORE_SPEECH:
                return None  # "a shopkeeper who saw the attack said four were killed": the four were
            if own_words and self._leads_on(tokens, end):
                return end if not participle or tokens[end].norm in _MAIN_VERBS else None
            if tokens[end].norm not in _BRIDGE_AFTER:
                own_words = True
        return None

    def _of_end(self, tokens: list[Token], index: int) -> int | None:
        """The end of "of" and a name ("of the Frontier Corps", "of Levies force"), which may be followed by a
        second aside ("… of Levies force guarding the post were killed"), or of a short phrase up to the verb
        ("five members of the same family were killed")."""
        end = index + 1
        capitalised = False
        while end < len(tokens) and end - index <= 6:
            token = tokens[end]
            force = self.victims.match_at(tokens, end)
            if force is not None:
                # "of the security forces" names a body as a capitalised name does, whatever its case
                capitalised = True
                end = force.end
                continue
            if token.is_word and token.text[0].isupper():
                capitalised = True
            elif token.norm not in _NAME_PARTICLES:
                break
            end += 1
        if not capitalised:
            for end in range(index + 1, min(len(tokens), index + 6)):
                if tokens[end].norm in _MAIN_VERBS:
                    return end if self._leads_on(tokens, end) else None
                if not tokens[end].is_word or tokens[end].norm in _ASIDE_STOPS:
                    return None
            return None
        if end >= len(tokens):
            return None
        if self._leads_on(tokens, end) or (tokens[end].norm != "of" and self._aside_end(tokens, end)):
            return end
        return None

    def _phrase_end(self, tokens: list[Token], index: int, opener: str) -> int | None:
        """The end of a punctuated apposition, an "including"/"among" phrase or a place phrase. A place phrase
        is short ("near the camp") and ends where the predicate starts; an apposition may list a few people."""
        punctuated = opener in _ASIDE_CLOSERS
        limit = min(len(tokens), index + (14 if opener in _ASIDE_LONG else 6))
        for end in range(index + 1, limit):
            norm = tokens[end].norm
            if norm in _ASIDE_BREAKS:
                return None
            if punctuated:
                if norm in _ASIDE_CLOSERS:
                    return end + 1 if self._leads_on(tokens, end + 1) else None
                continue
            if self._leads_on(tokens, end):
                if opener in _PLACE_PREPOSITIONS and norm not in _PREDICATE_START:
                    return None  # "three suspects in the killing of …": the outcome word is inside the phrase
                return end
            if norm in _ASIDE_CLOSERS:
                return end + 1 if self._leads_on(tokens, end + 1) else None
            if norm in ("who", "that") and opener in _PLACE_PREPOSITIONS:
                return end  # "a second child in the house who had been shot": the relative clause is theirs
            if norm in _ASIDE_STOPS:
                return None
        return None

    def read(
        self, sentence: str, tokens: list[Token] | None = None, previous: VictimWord | None = None
    ) -> list[Mention]:
        """The casualty mentions of one sentence; ``previous`` is the last person named before it."""
        tokens = tokenize(sentence) if tokens is None else tokens
        figures = self._figures(sentence, tokens)
        taken = {i for f in figures for i in range(f.span_start, f.span_end)}
        figures += self._singular_figures(tokens, taken, previous)
        figures.sort(key=lambda f: f.span_start)
        figures = [f for f in figures if self._read_noun_phrase(tokens, f)]
        outcomes = list(self.outcomes.find_all(tokens))
        for figure in figures:
            if figure.outcome == "casualties" and figure.outcome_from == "noun":
                # "the body of a man with gunshot wounds": the death told before the people wins
                self._outcome_before(tokens, figure, [m for m in outcomes if m.payload.outcome == "killed"])
            if figure.outcome is None:
                self._outcome_before(tokens, figure, outcomes)
            if figure.outcome is None:
                self._outcome_after(tokens, figure)
            if figure.outcome is None and figure.unknown_end:
                self._unknown_people(tokens, figure)
            if (
                figure.outcome in ("injured", "casualties")
                and figure.outcome_from == "noun"
                and figure.span_end < len(tokens)
                and tokens[figure.span_end].norm == "of"
                and self._death_later(tokens, figure.np_end)
            ):
                figure.outcome = "killed"  # "one of four women wounded in the shooting has died"
                figure.definite = False  # "one of the injured later died": one of them, but a new death
            if figure.outcome is None and figure.described is not None:
                figure.outcome, figure.outcome_from = figure.described, "noun"
        if len(figures) > 1:
            self._partitives(tokens, figures)
        for figure in figures:
            if figure.victim is None and figure.outcome is not None:
                self._of_them(tokens, figure)
        # People named inside another figure's aside ("two guards escorting three prisoners were killed") are
        # not what its outcome counts.
        spans = [
            (f.np_end, f.outcome_at) for f in figures if f.outcome_from == "after" and f.outcome_at > f.np_end
        ]
        if spans:
            figures = [
                f
                for f in figures
                if not any(
                    a <= f.span_start < b and not _subset_between(tokens, a, f.span_start) for a, b in spans
                )
            ]
        _share_across_lists(tokens, figures)
        if len(figures) > 1:
            figures = self._one_and_others(tokens, figures)
        _link_subsets(tokens, figures)
        _others_like_before(figures)
        covered = {i for f in figures for i in range(f.span_start, max(f.np_end, f.span_end))}
        if outcomes:
            # An outcome already said of a figure ("Four passengers, Ali and Khan, were injured") counts no name.
            said = {f.outcome_at for f in figures if f.outcome_from == "after"}
            figures += self._named_figures(tokens, [m for m in outcomes if m.start not in said], covered)
        figures += _bare_outcomes(tokens, outcomes, covered)

        mentions: list[Mention] = []
        kept: dict[int, int] = {}
        ours = "our" in tokens.norms() if isinstance(tokens, Tokens) else any(t.norm == "our" for t in tokens)
        for position, figure in enumerate(figures):
            if figure.outcome is None or figure.agent or _negated(tokens, figure.span_start):
                continue
            if figure.victim is None and (figure.is_year_like or figure.outcome_from == "coordination"):
                continue
            if (
                figure.victim is None
                and not figure.by_name  # "Roe, Lee and Ford": a name after a comma is no age
                and _names_a_number(tokens, figure.span_start, figure.span_end)
            ):
                continue
            whole = figures[figure.part_of] if figure.part_of is not None else None
            if (
                whole is not None
                and whole.outcome == figure.outcome
                and figure.span_end == figure.span_start + 1
                and (tokens[figure.span_start].norm in self.grammar.singular_words)
            ):
                continue  # "including a captain": names one of those counted, adds no figure
            kept[position] = len(mentions)
            mentions.append(
                Mention(
                    outcome=figure.outcome,
                    victim=figure.victim.victim if figure.victim else "unspecified",
                    victim_text=figure.victim_text,
                    count=figure.count,
                    token_start=figure.span_start,
                    token_end=figure.np_end,
                    # one of those hit who died is a death of its own, not a part of a figure of the dead
                    part_of=kept.get(figure.part_of)
                    if whole is not None and whole.outcome == figure.outcome
                    else None,
                    definite=figure.definite
                    or (
                        (
                            figure.described is not None
                            or (figure.outcome_from == "noun" and figure.victim is None)
                        )
                        and _definite_before(tokens, figure.span_start)
                    ),
                    named=figure.victim is not None and figure.victim_text.lower() not in ("others", "other"),
                    predicate=figure.outcome_from in ("after", "before", "coordination"),
                    subset=figure.subset,
                    by_name=figure.by_name,
                    ours=ours and _first_person_plural(tokens, figure),
                )
            )
        if mentions:
            self._mark_background(tokens, mentions)
        return mentions

    def _mark_background(self, tokens: list[Token], mentions: list[Mention]) -> None:
        """Mark the figures a background phrase covers. A time phrase that opens the sentence ("In October
        last year, seven were killed …") covers all its figures; one inside it covers the nearest figure ("a
        vigil for a man killed in 2014, wounding three" speaks of 2014 for the man only); a phrase of scope
        "after" ("comes days after …") covers the figures after it."""
        for match in self.background.find_all(tokens):
            self._cover(mentions, match.start, match.payload)
        for index in positions(tokens, _IN):
            if index + 1 < len(tokens) and _YEAR_RE.match(tokens[index + 1].norm):
                self._cover(
                    mentions, index, "sentence"
                )  # "in 2019", "since 2015": another year than the news
        for index in positions(tokens, _INCIDENT_NOUNS):
            # "the 2014 school attack killed 147": an incident named by its year is an earlier one
            year = next(
                (i for i in (index - 1, index - 2) if i >= 0 and _YEAR_RE.match(tokens[i].norm)), None
            )
            if year is not None:
                self._cover(
                    mentions,
                    year - 1 if year > 0 and tokens[year - 1].norm in _DEFINITE else year,
                    "sentence",
                )

    @staticmethod
    def _cover(mentions: list[Mention], cue: int, scope: str) -> None:
        if scope == "after":
            for mention in mentions:
                if mention.token_start >= cue:
                    mention.background = True
        elif cue <= _OPENING:
            for mention in mentions:
                mention.background = True
        else:
            nearest = min(mentions, key=lambda m: min(abs(m.token_start - cue), abs(m.token_end - cue)))
            nearest.background = True


def _is_name_word(token: Token) -> bool:
    return (
        token.is_word
        and token.text[0].isupper()
        and len(token.text) > 1
        and not token.text.isupper()  # "SHO", "DSP": a post or an acronym, not a name
        and token.norm not in _NP_STOP
        and token.norm not in _NP_SKIP
        and token.norm not in _NOT_NAMES
    )


def _named(tokens: list[Token], names: list[tuple[int, int]], outcome: Outcome, outcome_at: int) -> _Figure:
    """One figure for the people named: "Jane Roe" counts one; a list, "Jane Roe, Sam Lee and Ann Ford", one
    each (given last name first)."""
    spans = sorted(names)
    said = [_join(tokens, *span) for span in spans]
    text = said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
    start, end = spans[0][0], spans[-1][1]
    figure = _Figure(start, end, Count(low=len(said), high=len(said), text=text), False, np_end=end)
    figure.outcome, figure.outcome_from, figure.outcome_at, figure.victim_text = (
        outcome,
        "after",
        outcome_at,
        text,
    )
    figure.by_name = True
    return figure


def _share_across_lists(tokens: list[Token], figures: list[_Figure]) -> None:
    """'17 police and 31 civilians were killed' / 'killing 3 soldiers and 5 civilians': one outcome for a list."""

    def joined(left: _Figure, right: _Figure) -> bool:
        between = [t.norm for t in tokens[left.np_end : right.span_start]]
        if len(between) > 2 and between[0] == "of" and len(between) <= 4:
            # "five employees of the police and one driver": the first noun's "of" phrase, then the list goes on
            between = between[-1:]
        if len(between) == 2 and between[0] in _COORDINATORS and between[1] in _POSSESSIVES:
            between = between[:1]  # "a shopkeeper and his two sons were shot dead"
        return bool(between) and all(word in _COORDINATORS for word in between)

    for left, right in zip(reversed(figures[:-1]), reversed(figures[1:]), strict=True):
        if (
            left.outcome is None
            and right.outcome is not None
            and right.outcome_from != "before"
            and joined(left, right)
        ):
            left.outcome, left.outcome_from = right.outcome, "coordination"
    for left, right in zip(figures[:-1], figures[1:], strict=True):
        if right.outcome is None and left.outcome_from == "before" and joined(left, right):
            right.outcome, right.outcome_from = left.outcome, "before"
            right.subset = left.subset


def _bare_outcomes(tokens: list[Token], outcomes: list[PhraseMatch], covered: set[int]) -> list[_Figure]:
    """'took hostages', 'heavy casualties': an outcome reported with no figure is a claim with a null count."""
    figures = []
    for match in outcomes:
        if not match.payload.bare or match.start in covered or _negated(tokens, match.start):
            continue
        if match.end < len(tokens) and tokens[match.end].norm in ("unknown", "unclear"):
            continue  # "casualties unknown" says nothing happened or not
        if match.start > 0 and tokens[match.start - 1].norm in _BARE_NOT_AFTER:
            continue
        words = _join(tokens, match.start, match.end)
        figure = _Figure(match.start, match.end, Count(text=words), False, np_end=match.end)
        figure.outcome, figure.outcome_from = match.payload.outcome, "noun"
        figure.victim_text = ""
        figures.append(figure)
    return figures


def _others_like_before(figures: list[_Figure]) -> None:
    """'7 soldiers were killed, 4 injured', '…and three others wounded': the same kind of people as before."""
    for position in range(1, len(figures)):
        figure = figures[position]
        previous = figures[position - 1]
        if previous.part_of is not None and figure.part_of is None:
            # "12 people, including four policemen, were killed and 20 others injured": the others are
            # like the 12, not like the part named inside their aside
            previous = figures[previous.part_of]
        unnamed = figure.victim is None or figure.victim_text.lower() in ("others", "other")
        if unnamed and previous.victim and not previous.victim.generic and not figure.apart:
            figure.victim = previous.victim


def _link_subsets(tokens: list[Token], figures: list[_Figure]) -> None:
    """'12 people were killed, including three children': the children are part of the 12."""
    for position, figure in enumerate(figures):
        if position == 0 or figure.span_start == 0:
            continue
        before = {tokens[i].norm for i in range(max(0, figure.span_start - 3), figure.span_start)}
        previous = figures[position - 1]
        if before & {"including", "among", "includes", "include"}:
            whole = previous
            figure.part_of = position - 1
        elif previous.part_of is not None and all(
            t.norm in _COORDINATORS for t in tokens[previous.np_end : figure.span_start]
        ):
            # "including five women and four children": the second is a part of the same whole.
            whole = figures[previous.part_of]
            figure.part_of = previous.part_of
        else:
            continue
        if figure.outcome is None:
            figure.outcome, figure.outcome_from = whole.outcome, whole.outcome_from


def _names_a_number(tokens: list[Token], start: int, end: int) -> bool:
    """A number with no people noun that is an age, an address or part of a name, not a count: "Ann Lee, 46,",
    "at 13915 Oak Road", "Action News 5", "Unit 7". Counts of thousands are written with a comma ("1,200")."""
    text = tokens[start].text
    if end - start == 1 and text.isdigit() and len(text) >= 4:
        return True
    if start >= 2 and tokens[start - 1].norm == "," and tokens[start - 2].text[:1].isupper():
        return tokens[start - 2].is_word and start - 2 > 0  # "Ann Lee, 46": an age after a name
    before = tokens[start - 1] if start else None
    return before is not None and start > 1 and before.is_word and before.text[0].isupper() and text.isdigit()


def _names_a_speaker(tokens: list[Token], start: int, end: int) -> bool:
    """Whether the person named at tokens[start:end] is a source: 'according to a …', '… said'."""
    if end < len(tokens) and tokens[end].norm in _SPEECH:
        return True
    return any(tokens[i].norm == "according" for i in range(max(0, start - 5), start))


def _first_person_plural(tokens: list[Token], figure: _Figure) -> bool:
    """'three of our men', 'our two colleagues': the people counted are the speaker's own."""
    start = max(figure.span_start - 1, 0)
    return any(tokens[i].norm == "our" for i in range(start, max(figure.np_end, figure.span_end)))


def _names_a_figure(tokens: list[Token], index: int) -> bool:
    """Whether the words from ``index`` name a figure ("death toll", "tally", "casualty count")."""
    if index < len(tokens) and tokens[index].norm in _FIGURE_NOUN_OPENERS:
        index += 1
    return index < len(tokens) and tokens[index].norm in _FIGURE_NOUNS


def _subset_between(tokens: list[Token], start: int, stop: int) -> bool:
    """'…, including four women and two children, …': parts of the figure before, kept as their own claims."""
    return any(tokens[i].norm in _SUBSET_WORDS or tokens[i].norm == "among" for i in range(start, stop))


def _is_number(token: Token, number_words: frozenset[str]) -> bool:
    return token.norm[0].isdigit() or token.norm in number_words


def _definite_before(tokens: list[Token], index: int) -> bool:
    """'the two injured', 'the remaining three': a number after 'the' counts people named before."""
    for back in range(index - 1, max(index - 3, -1), -1):
        word = tokens[back].norm
        if word in _DEFINITE:
            return True
        if word not in _DEFINITE_ADJECTIVES:
            return False
    return False


def _after_bracket(tokens: list[Token], index: int) -> int | None:
    """The index after a short bracketed aside starting at ``index`` ("(FC)"), or None."""
    if tokens[index].norm != "(":
        return None
    for close in range(index + 1, min(index + 8, len(tokens))):  # "(FC)", "(Jane A. Roe Jr.)"
        if tokens[close].norm == ")":
            return close + 1
    return None


def _negated(tokens: list[Token], index: int) -> bool:
    """'were not injured', 'none of the 30 passengers': a negation up to three words before."""
    return any(tokens[i].norm in _NEGATIONS for i in range(max(0, index - 3), index))


def _join(tokens: list[Token], start: int, stop: int) -> str:
    return " ".join(token.text for token in tokens[start:stop])


def _int(value: str) -> int | None:
    return int(value) if value else None


def _count(span: CountSpan) -> Count:
    return Count(low=span.low, high=span.high, text=span.text, approximate=span.approximate)


@cache
def casualty_reader() -> CasualtyReader:
    return CasualtyReader(count_grammar())
