"""One Urdu sentence with an outcome word, and what its figures share: its claimant's side, which of its clauses
tell of an earlier incident, its verification; and the ``Claim`` a figure read in it becomes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from sitrep.model import Claim, Claimant, Count
from sitrep.nlp.urdu.lexicon import Lexicon, urdu_lexicon
from sitrep.nlp.urdu.numbers import Figure, Number
from sitrep.nlp.urdu.writing import function_words, word_after


class Read(NamedTuple):
    figure: Figure
    outcome: str
    victim: str
    victim_text: str


def background_spans(
    text: str, start: int, end: int, clauses: list[int], lexicon: Lexicon, lede: bool = False
) -> list[tuple[int, int]]:
    """Where a sentence's figures are of an earlier incident (``ur/background.tsv``): a pluperfect ("ہوئے تھے")
    puts its own clause in the past; a time phrase ("گزشتہ سال", "قبل ازیں") its clause and the rest of the
    sentence. By clause, as the Urdu press runs a whole report on with commas: "… کام کے لیے یہاں آئے ہوئے تھے،
    …" (the labourers had come here) puts no other clause's figures in the past. Not a pluperfect in the
    ``lede``, the article's first sentence, which tells its own incident ("… چھ افراد زخمی ہو گئے تھے", had been
    injured, before a toll that rose)."""
    spans = [(year.start(), end) for year in _whole_years(text, start, end, lexicon)]
    for cue in lexicon.background.find(text, start, end):
        if lede and lexicon.background_reach[cue.phrase] == "clause":
            continue
        opened = max([start, *(c for c in clauses if c <= cue.start)])
        closed = min([end, *(c for c in clauses if c > cue.start)])
        spans.append((opened, closed if lexicon.background_reach[cue.phrase] == "clause" else end))
    return spans


_YEAR = re.compile(r"(?<![0-9۰-۹])(?:19|20|۱۹|۲۰)[0-9۰-۹]{2}(?![0-9۰-۹])\s*ء?")


def _whole_years(text: str, start: int, end: int, lexicon: Lexicon) -> list[re.Match[str]]:
    """Years named whole, with no day or month before them, and "میں" (in), "سے" (since), "تک" (until) or "کے
    دوران" (during) after: "2024 میں صوبے میں 246 افراد ہلاک ہوئے", "2013 سے 2017 کے دوران": the figures after
    are a year's count or earlier years', as "گزشتہ سال" makes them (its clause and the rest of the sentence)."""
    years = []
    for year in _YEAR.finditer(text, start, end):
        before = text[max(start, year.start() - 12) : year.start()].split()
        dated = bool(before) and (before[-1] in lexicon.months or before[-1][-1:].isdigit())
        if not dated and word_after("over_a_year").match(text, year.end()):
            years.append(year)
    return years


# Whose comrades a claimant's are: a party's, a rights body's or a community's workers and members are civilians.
_SIDES = {
    "armed_group": "militants",
    "security_forces": "security_forces",
    "other": "civilians",
    "rights_group": "civilians",
    "local_source": "civilians",
}


def side_of(claimant: Claimant) -> str:
    """Whose comrades a claimant speaks of ("ہمارے ساتھی", "ان کے ساتھی"): a group's, its fighters; the
    forces', their men; a party's, a rights body's or a community's, civilians; anyone else's, unspecified."""
    return _SIDES.get(claimant.kind, "unspecified")


@dataclass(frozen=True)
class Sentence:
    """One sentence with an outcome word, and what its figures share."""

    seen: str  # the text as the finders read it (``urdu_letters``)
    text: str  # the text as written: quotes and figures are cut from it
    span: tuple[int, int]
    numbers: list[Number]
    clauses: list[int]  # where each clause after the first starts
    verified: bool | None
    past: list[tuple[int, int]]  # where figures are of an earlier incident (``background_spans``)
    turns: list[int] = field(default_factory=list)  # where the writer turns from a speaker: "تاہم" (however)

    def claim(
        self, read: Read, claimant: Claimant, stance: str, made: int, part_of: str | None = None
    ) -> Claim:
        figure = read.figure
        start, end = self.span
        outcome = urdu_lexicon().outcomes[read.outcome]
        if outcome == "arrested" and claimant.kind == "armed_group":
            # An armed group's "arrest" ("سرمچاروں نے دو اہلکاروں کو حراست میں لیا") is an abduction, as ACLED
            # codes a non-state actor's detention; and the arrests it reports of the state's are disappearances.
            outcome = "abducted"
        victim = side_of(claimant) if read.victim == "side" else read.victim
        if victim == "unspecified" and not read.victim_text and read.outcome in function_words("martyrs"):
            victim = side_of(
                claimant
            )  # "شہدا کی تعداد 3" in a DPO's words: his men; in a party's, its workers
        if outcome in ("killed", "injured") and read.victim_text in function_words("suspects"):
            # Suspects killed or hurt ("پولیس مقابلے میں 4 ملزمان ہلاک") fought the police or forces: the armed side,
            # as ACLED codes an encounter; taken alive they stay unspecified.
            victim = "militants"
        return Claim(
            id=f"c{made + 1}",
            outcome=outcome,  # type: ignore[arg-type]
            victim=victim,  # type: ignore[arg-type]
            victim_text=read.victim_text,
            count=Count(
                low=figure.low,
                high=figure.high,
                text=self.text[figure.start : figure.end],
                approximate=figure.approximate,
            ),
            claimant=claimant,
            stance=stance,  # type: ignore[arg-type]
            verified=self.verified,
            quote=self.text[start:end],
            start=start,
            end=end,
            background=any(since <= figure.start < until for since, until in self.past),
            part_of=part_of,
        )
