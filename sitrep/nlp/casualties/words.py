"""The casualty vocabulary: the data files (outcomes, victims, non_casualty, wound_sites, care_verbs,
background) and the count grammar in, the phrase tables a reader matches and the word sets its rules name out.

The word sets are the small closed classes of English the rules step over or stop at (auxiliaries, prepositions,
determiners); the open vocabularies (outcome phrases, people nouns, units) are data files.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass

from sitrep.data import read_table
from sitrep.model import Outcome, Victim
from sitrep.nlp.lexicon import PhraseMatch, PhraseTable, Token, toll_verbs
from sitrep.nlp.numbers import CountGrammar

# Words that may stand between a figure and its noun ("dozens of the", "17 other").
NP_SKIP = frozenset({"of", "the", "their", "its", "his", "her", "our", "these", "those", "other", "more"})
# Words that end the search for a figure's noun or outcome: clause words and prepositions.
NP_STOP = frozenset(
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
BRIDGE_AFTER = frozenset(
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
ASIDE_OPENERS = frozenset(", — – ( including among of near close in on at from inside with aged".split())
# A relative clause ("six militants who stormed the post were killed") ends at the first bridge or outcome
# after one of its own words.
RELATIVE = frozenset({"who", "which", "that"})
MAIN_VERBS = frozenset({"were", "was", "have", "has", "had", "are", "is"})
# A place phrase ("near the camp", "on patrol") ends where the predicate starts: a verb or an adverb before it.
PLACE_PREPOSITIONS = frozenset({"near", "close", "in", "on", "at", "from", "inside"})
ASIDE_AFTER_COMMA = frozenset(
    "including among mostly mainly most all both many some a an one two three four five six seven eight nine "
    "ten who which aged".split()
)
ASIDE_CLOSERS = frozenset({",", "—", "–"})
PUNCTUATED_ASIDES = frozenset({",", "—", "–", "("})
PREDICATE_START = BRIDGE_AFTER - {"the", "to", "among", "those", "all", "left", "got", "found"} | MAIN_VERBS
ASIDE_LONG = frozenset({",", "—", "–", "including", "among"})
ASIDE_BREAKS = frozenset({".", ";", ":", "?", "!"})
# Clause words that end an aside with no punctuation ("including two boys", "near the camp"); prepositions
# do not ("close to the shop", "including one of the guards"); a pronoun starts a new clause ("on the night
# he was killed").
ASIDE_PREPOSITIONS = frozenset(
    "and in on at from by for with without into near after before during since to of as including".split()
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
OF_THEM = frozenset({"them", "those", "these"})
# How many times a person was hit, between "shot" and what became of them ("shot multiple times and died").
HOW_OFTEN = frozenset(
    {"multiple", "several", "many", "times", "once", "twice", "repeatedly", "three", "four"}
)
ASIDE_STOPS = (NP_STOP - ASIDE_PREPOSITIONS) | _PRONOUNS
# Lower-case particles inside an organisation's name ("Fitna al Khwarij", "Tehreek-i-Taliban").
NAME_PARTICLES = frozenset({"the", "al", "ul", "e", "i", "el", "ud", "un", "of", "-"})
QUOTE_MARKS = frozenset({'"', "“", "”"})
# Words before a figure that make it a reference to people already counted: "the two injured", "the remaining
# three", "these five".
DEFINITE = frozenset({"the", "these", "those"})
DEFINITE_ADJECTIVES = frozenset({"remaining", "other", "same", "said", "latter", "former"})
NEGATIONS = frozenset({"not", "no", "never", "none", "neither", "nor", "n't", "nobody", "without"})
# "the hostages were freed" speaks of hostages already counted; "any casualties" is not a report of some.
BARE_NOT_AFTER = frozenset({"the", "no", "any", "of", "these", "those", "their", "its", "his", "her", "zero"})
COORDINATORS = frozenset({"and", ",", "plus"})
SPEECH = frozenset({"said", "says", "told", "added", "confirmed", "stated"})
# Words that open the object of an outcome verb: "the man fatally shot his wife", "gunmen killed a guard" — the
# people before the verb did it, they are not the ones it counts ("the man shot himself" is his own wound).
OBJECT_OPENERS = frozenset("a an the his her their its my our your him them another".split())
# A named person: deaths said with no auxiliary ("Roe died"), words of an age before a name, and capitalised
# words that open a sentence or name a time or a group rather than a person.
LISTS = frozenset({",", "and", "&"})
BEFORE_PLACE_NAMES = frozenset(
    "in at near from of on to into outside inside across around through toward towards".split()
)
SUBORDINATORS = frozenset({"after", "before", "when", "while", "because", "since", "until", "as"})
DEATH_NOUNS = frozenset({"death", "deaths", "killing", "killings", "slaying"})
INTRANSITIVE_DEATHS = frozenset({"died", "dies", "passed", "succumbed", "perished"})
AGE_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks"})
AGE_WORDS = AGE_UNITS | {"old", "a", "an"}
# "his" / "her" / "their" count one only right before the noun, its age or a word of kinship ("her young son",
# "their daughter").
POSSESSIVES = frozenset({"his", "her", "their"})
PARTITIVE_PRONOUNS = frozenset({"them", "those", "these", "us"})
REFLEXIVES = frozenset({"himself", "herself", "themselves"})
# A clause about people ends where one of them speaks ("a guard who saw it told police …"); "were said to be"
# is no speech.
SPEECH_VERBS = SPEECH | {"tells", "claimed"}
PASSIVE_BEFORE_SPEECH = frozenset({"were", "was", "is", "are", "been", "be", "being"})
KIN_ADJECTIVES = frozenset(
    "young little baby infant teenage adult adopted older younger elder eldest oldest youngest own".split()
)
WOUND_OWNERS = frozenset({"the", "his", "her", "their", "a"})
NOT_NAMES = frozenset(
    "it they we i you this that these those there here who what which one all both each no none nobody "
    "sept police authorities officials government army state city county department office hospital express".split()
) | {name.lower() for name in (*calendar.day_name, *calendar.month_name, *calendar.month_abbr) if name}
TOLL_NOUNS = frozenset({"toll", "death", "casualties", "deaths", "fatalities"})
# A passive verb coordinated with an outcome ("were offloaded from the bus and shot dead"): what a past
# participle ends with, and how many words the phrase between them may hold.
PARTICIPLE_ENDINGS = ("ed", "en")
PARTICIPLE_PREPOSITIONS = frozenset("at in on for near with by to from along inside outside as".split())
COORDINATION_REACH = 9
# A plural noun the lexicon does not know, before a death or a wound, is read as civilians.
UNKNOWN_NOUN_OUTCOMES = frozenset({"killed", "injured", "casualties"})
# A figure's name: "the official death toll", "the civilian casualty count" — the people word before it is an
# adjective of the figure, not one person counted.
FIGURE_NOUNS = frozenset({"toll", "tally", "figure", "figures", "count"})
FIGURE_NOUN_OPENERS = frozenset({"death", "casualty", "casualties", "fatality"})
TOLL_PREPOSITIONS = frozenset({"from", "in", "of", "after"})
SUBSET_WORDS = frozenset({"including", "included", "include", "includes"})
YEAR_RE = re.compile(r"^(19|20)\d\d$")
INCIDENT_NOUNS = frozenset(
    "attack attacks bombing bombings blast blasts massacre siege assault ambush raid explosion".split()
)
IN = frozenset({"in", "since"})
OPENING = 2  # a time phrase starting within the sentence's first words opens it ("But last year, …")
# After a verb of care (``sitrep/data/care_verbs.tsv``): the words that open the wound or condition ("with
# gunshot wounds", "for minor injuries", "in critical condition"), and the words that end the clause first.
CARE_LINKS = frozenset({"with", "for", "in"})
CARE_STOPS = frozenset(", and but or where who which after before when while".split())


@dataclass(frozen=True, slots=True)
class OutcomeWord:
    outcome: Outcome
    bare: bool  # reports the outcome even with no figure ("took hostages")


@dataclass(frozen=True, slots=True)
class VictimWord:
    victim: Victim
    number: str  # singular | plural | any ("personnel": "a Levies personnel" is said too)
    generic: bool


UNKNOWN_PEOPLE = VictimWord("civilians", "plural", False)
SOME_PEOPLE = VictimWord("unspecified", "plural", True)


class _OutcomeTable(PhraseTable[OutcomeWord]):
    """The outcome phrases; a phrase of outcome "none" ("death squad") matches as nothing."""

    def match_at(self, tokens: list[Token], index: int) -> PhraseMatch[OutcomeWord] | None:
        match = super().match_at(tokens, index)
        return None if match is None or match.payload.outcome == "none" else match

    def find_all(self, tokens: list[Token], start: int = 0, stop: int | None = None) -> Iterator[PhraseMatch]:
        return (m for m in super().find_all(tokens, start, stop) if m.payload.outcome != "none")


class CasualtyWords:
    """The phrase tables and word sets a casualty reader matches, read once from the data files."""

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
