"""Figures of an Urdu sentence: the figure of each outcome word among the sentence's numbers (``numbers``).

A figure is the number nearest before an outcome word in the same clause ("9 فوجی اہلکار شہید"), with the victim
noun between them; or the clause's object reaching its verb ("7 مسافروں کو … قتل کر دیا"); or one the outcome word
names after itself (a tally, the number a participle qualifies, a list of those among the dead); figures joined by
"اور" share an outcome word; "ایک" may be the article, not a count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from sitrep.nlp.urdu.lexicon import Lexicon
from sitrep.nlp.urdu.numbers import VALUE_KINDS, Figure, Number, bounded
from sitrep.nlp.urdu.sentence import Read, Sentence
from sitrep.nlp.urdu.writing import (
    COMMAS,
    Match,
    alternation,
    clause_breaks,
    function_words,
    whole_word,
    word_after,
)

NEAR = 45  # characters between a number and its outcome word: "کیپٹن سمیت 9 فوجی اہلکار شہید" fits


# Words a number may stand from its outcome word with no victim noun between ("پانچ شدید زخمی", "20 سے زائد
# زخمی"): further, with no noun naming people, the number counts something else ("2 ایمبولینسیں اور ایک فائر
# وہیکل پہنچیں اور زخمیوں کو ...": two ambulances).
_BARE_WORDS = 2


def figure_before(text: str, numbers: list[Number], lo: int, at: int, lexicon: Lexicon) -> Figure | None:
    """The figure of the outcome word at ``at``: the last number in [lo, at), within reach, with its bounds: a
    noun naming people between them, or at most ``_BARE_WORDS`` words."""
    values = [n for n in numbers if lo <= n.start and n.end <= at and n.kind in VALUE_KINDS]
    if not values or at - values[-1].end > NEAR:
        return None
    figure = bounded(numbers, values[-1], at)
    between = text[figure.end : at]
    if whole_word("that").search(between):
        # "ایک صحافی نے نشاندہی کی کہ … ہلاک شدگان": "کہ" (that) opens the clause of what is said, which a figure
        # before it is no part of
        return None
    if (
        len(between.split()) > _BARE_WORDS
        and next(lexicon.victim_finder.find(text, figure.end, at), None) is None
        and not _of_those(numbers, figure)
    ):
        return None
    return figure


def _of_those(numbers: list[Number], figure: Figure) -> bool:
    """Whether "میں سے" (of those named before it: "زخمیوں میں سے 2 نے دوران علاج دم توڑ دیا", two of the
    injured died under treatment) stands right before the figure, which then counts people though no noun
    follows it: the "among" and "range" phrases of ``ur/numbers.tsv``, a space apart."""
    ranges = [n for n in numbers if n.kind == "range" and 0 <= figure.start - n.end <= 2]
    return any(
        m.kind == "among" and 0 <= r.start - m.end <= 2 for r in ranges for m in numbers if m.end <= r.start
    )


# From a figure marked as the object ("7 مسافروں کو", seven passengers) to the verb that ends its clause: "7
# مسافروں کو شناخت کے بعد بس سے اتار کر فائرنگ کر کے قتل کر دیا" (… took them off the bus and shot them dead).
OBJECT_REACH = 2 * NEAR


@cache
def _object_marker() -> re.Pattern[str]:
    """The object marker "کو" right after a noun: the object of the clause's verb."""
    return re.compile(r"\s*کو(?![^\s،۔])")


def object_before(text: str, numbers: list[Number], lo: int, at: int, lexicon: Lexicon) -> Figure | None:
    """The figure of the outcome verb at ``at`` when it is the clause's object, out of ``figure_before``'s
    reach: a number in [lo, at) within ``OBJECT_REACH``, its victim noun right after it and "کو" right after
    the noun. Numbers between that count no one ("ایک کارروائی میں", in an operation) are passed over."""
    for number in reversed([n for n in numbers if lo <= n.start and n.end <= at and n.kind in VALUE_KINDS]):
        if at - number.end > OBJECT_REACH:
            return None
        after = _SPACES.match(text, number.end).end()
        noun = next(lexicon.victim_finder.find(text, after, at), None)
        if noun is None or noun.start != after:
            continue  # "ایک کارروائی": a number counting no one
        if _object_marker().match(text, noun.end) is None and not _joined_object(text, noun, at, lexicon):
            return None  # a figure of people that is not the object: not this verb's
        return bounded(numbers, number, at)
    return None


@cache
def _and_then() -> re.Pattern[str]:
    """ "اور" (and) right after a noun, joining another object to it."""
    return re.compile(rf"\s*(?:{alternation('and')})\s")


def _joined_object(text: str, noun: Match, at: int, lexicon: Lexicon) -> bool:
    """Whether the people a noun counts are joined by "اور" to others "کو" marks as the verb's object, in one
    clause with no number between: "دو پولیو ورکرز اور ان کی حفاظت پر مامور پولیس اہلکار کو اغوا کر لیا"."""
    joined = _and_then().match(text, noun.end)
    if joined is None:
        return False
    between = text[joined.end() : at]
    if any(c.isdigit() for c in between) or any(p in between for p in _CLAUSE_MARKS):
        return False
    other = next(
        (
            m
            for m in lexicon.victim_finder.find(text, joined.end(), at)
            if _object_marker().match(text, m.end)
        ),
        None,
    )
    return other is not None


def up_to_the_object(text: str, nouns: list[Match]) -> list[Match]:
    """A figure's victim nouns up to the one "کو" marks as the verb's object: in "تینوں نوجوانوں کو … سادہ لباس
    اہلکار اٹھا کر لے گئے" the youths were taken, by the men in plain clothes."""
    marked = next((i for i, noun in enumerate(nouns) if _object_marker().match(text, noun.end)), None)
    return nouns if marked is None else nouns[: marked + 1]


def counted_nouns(text: str, figure: Figure, nouns: list[Match]) -> list[Match]:
    """The nouns a figure counts: those right after it, when it is written with its noun ("4 دہشت گرد"), not the
    nouns of what is told of them before the outcome word ("4 دہشت گرد اپنے ہی ساتھیوں کی فائرنگ سے مارے گئے",
    killed by their own comrades' fire; "ایک ملزم … پولیس مقابلے کے دوران مارا گیا")."""
    if not nouns or text[figure.end : nouns[0].start].strip() not in ("", *function_words("alleged")):
        return nouns  # (a figure is written with its noun over "مبینہ", alleged: "تین مبینہ شدت پسند")
    return _adjacent(text, nouns)


def _adjacent(text: str, nouns: Iterable[Match]) -> list[Match]:
    """The first noun and those written right after it, one noun phrase ("خاتون پولیو ورکر")."""
    run: list[Match] = []
    for noun in nouns:
        if run and text[run[-1].end : noun.start].strip():
            break
        run.append(noun)
    return run


# From an outcome word to the phrase that puts its figure after it: "جاں بحق افراد کی تعداد 12 ہو گئی" (the
# number of dead rose to 12), "شہید ہونے والے اہلکاروں میں دو ... شامل ہیں" (among the personnel killed were two).
_AFTER_REACH = 30


_AMONG_REACH = 25  # from "ہونے والے" (those who were) to its "میں" (among), a noun between


_RIGHT_AFTER = 3  # from "ہونے والے" to the number it qualifies: a space


def figures_after(sentence: Sentence, outcome: Match, stop: int, lexicon: Lexicon) -> list[tuple[Read, str]]:
    """The figures an outcome word names after itself, each with its role: "total" (a tally), "definite" (the
    number a participle qualifies: "the three killed", people already counted when a figure of the outcome was
    read before, as the English reader reads "the two injured were shifted") or "part" (a list of those among
    the dead, parts of the total before). ``stop`` is where the next outcome word starts."""
    numbers = sentence.numbers
    # "مارے جانے والوں میں چھ غیر ملکی" (among those killed, six foreigners), "مارے جانے والے 9 افراد" (the nine
    # killed): "جانے والوں" (who were) starts inside the outcome word "مارے جانے"
    after = [
        n
        for n in numbers
        if n.end <= stop
        and (outcome.end <= n.start or (n.start < outcome.end < n.end and n.kind == "who_were"))
    ]
    near = [n for n in after if n.start - outcome.end <= _AFTER_REACH]
    # "ہلاک ہونے والوں کی تعداد 9" (the number of those killed): the tally decides.
    lead = next((n for n in near if n.kind == "tally"), None) or next(
        (n for n in near if n.kind == "who_were"), None
    )
    if lead is None:
        # "گولیوں سے زخمی نو افراد کو لایا گیا" (nine people injured by bullets): the outcome word qualifies the
        # figure and noun right after it, as "ہونے والے" does
        right = next((n for n in after if n.kind in VALUE_KINDS), None)
        figure = bounded(numbers, right, stop) if right is not None else None
        if right is not None and figure is not None and figure.start - outcome.end <= _RIGHT_AFTER:
            noun = next(lexicon.victim_finder.find(sentence.seen, figure.end, stop), None)
            if noun is not None and not sentence.seen[figure.end : noun.start].strip():
                return [(_read_with_noun(sentence, outcome, right, stop, [], lexicon), "definite")]
            # "اموات 13 ہیں" (the deaths are 13): the number and a verb of being right after the word, a tally
            being = next((n for n in after if n.start >= figure.end), None)
            if (
                being is not None
                and being.kind in ("included", "became")
                and being.start - figure.end <= _RIGHT_AFTER
            ):
                return [(_read_with_noun(sentence, outcome, right, stop, [], lexicon), "total")]
        # "زخمیوں میں چار بچے بھی شامل ہیں" (among the injured are four children): a list right after the word
        # (closed by "شامل": "زخمیوں میں سے دو کی حالت نازک ہے", two of them critical, is a state, not a count)
        # … or after the noun the word qualifies: "ہلاک دہشت گردوں میں 2 اہم کمانڈر بھی شامل ہیں"
        noun = next(lexicon.victim_finder.find(sentence.seen, outcome.end, stop), None)
        start = (
            noun.end
            if noun is not None and not sentence.seen[outcome.end : noun.start].strip()
            else outcome.end
        )
        among = next((n for n in after if n.kind == "among" and 0 <= n.start - start <= _RIGHT_AFTER), None)
        closed = among and any(n.kind == "included" and n.start > among.end for n in after)
        return _list_of_parts(sentence, outcome, among, stop, lexicon) if closed else []
    values = [n for n in after if n.start >= lead.end and n.kind in VALUE_KINDS]
    if lead.kind == "who_were":
        among = next((n for n in after if n.kind == "among" and n.start >= lead.end), None)
        if among is not None and _of().match(sentence.seen, among.start):
            # "ہلاک ہونے والوں میں سے تین کی میتیں …" (three of those killed): some of them, told of again, or
            # with an outcome word of their own ("اغوا کیے جانے والے افراد میں سے سات کی لاشیں"), not a list
            among = None
        if (
            among is not None
            and among.start - lead.end <= _AMONG_REACH
            and _people_between(sentence, lead, among, lexicon)
        ):
            return _list_of_parts(sentence, outcome, among, stop, lexicon)
        # "جاں بحق ہونے والے پانچ افراد" (the five people killed): the number right after, or its quantity phrase
        # ("زخمی ہونے والے کم از کم 7 اہلکاروں")
        first = bounded(numbers, values[0], stop) if values else None
        if (
            first is not None
            and len(values) > 1
            and _article(sentence.seen, values[0], lexicon)
            and _owner_then().fullmatch(sentence.seen, values[0].end, values[1].start)
        ):
            # "اغوا کیے گئے ایک نجی کمپنی کے 4 مزدوروں" (4 labourers of a private company): "ایک" is the company's
            # article, the number after the genitive the people's
            return [(_read_with_noun(sentence, outcome, values[1], stop, [], lexicon), "definite")]
        values = values[:1] if first is not None and first.start - lead.end <= _RIGHT_AFTER else []
        role = "definite"
    else:
        values = values[:1] if values and values[0].start - lead.end <= _AFTER_REACH else []
        role = "total"
    named = list(lexicon.victim_finder.find(sentence.seen, outcome.end, lead.start))
    # A list of those among them ("… کی تعداد 4 ہو گئی جن میں 3 پولیس اہلکار …") names the parts, not the toll.
    whom = next((n.start for n in numbers if n.kind == "among_whom" and n.start >= lead.end), stop)
    return [(_read_with_noun(sentence, outcome, v, min(stop, whom), named, lexicon), role) for v in values]


def _people_between(sentence: Sentence, lead: Number, among: Number, lexicon: Lexicon) -> bool:
    """Whether "ہونے والے" and its "میں" hold nothing but the people it qualifies: "شہید ہونے والے اہلکاروں میں"
    (among the personnel killed), not "ہلاک ہونے والے دہشت گرد 2017 میں" (in 2017)."""
    gap = sentence.seen[lead.end : among.start].strip()
    if not gap:
        return True
    if any(lead.end <= n.start and n.end <= among.start and n.kind in VALUE_KINDS for n in sentence.numbers):
        return False  # "اغوا کیے گئے 6 مسافروں میں سے 4 …": the six are the figure, four a part said of them
    noun = next(lexicon.victim_finder.find(sentence.seen, lead.end, among.start), None)
    return (
        noun is not None
        and sentence.seen[noun.start : among.start].strip() == sentence.seen[noun.start : noun.end]
    )


def _list_of_parts(
    sentence: Sentence, outcome: Match, among: Number, stop: int, lexicon: Lexicon
) -> list[tuple[Read, str]]:
    """The figures listed after "میں" (among), each a part: up to "شامل" (are included), else to the clause's
    end ("ہلاک ہونے والوں میں چار اہلکار اور تین شہری شامل ہیں، جبکہ پانچ افراد زخمی ہوئے")."""
    seen = sentence.seen
    included = next(
        (n for n in sentence.numbers if n.kind == "included" and among.end <= n.start < stop), None
    )
    closes = [c for c in sentence.clauses if c > among.end]
    end = included.end if included else min([stop, *closes])
    listed = [n for n in sentence.numbers if among.end <= n.start and n.end <= end and n.kind in VALUE_KINDS]
    values = [n for n in listed if not _article(seen, n, lexicon)]
    if len(listed) > 1 and all(seen[n.start : n.end] == "ایک" for n in listed):
        # "شہید ہونے والوں میں ایک ہیڈ کانسٹیبل اور ایک سپاہی شامل ہیں": people named one by one, by rank or
        # trade, are who the dead were, not figures (implicit counts, as "a head constable" is in English)
        return []
    named = list(lexicon.victim_finder.find(seen, outcome.end, among.start))
    reads = []
    for at, number in enumerate(values):
        limit = values[at + 1].start if at + 1 < len(values) else end
        reads.append((_read_with_noun(sentence, outcome, number, limit, named, lexicon), "part"))
    return reads


# From an outcome word to the "جن میں" (among whom) of its figure: "زخمی ہو گئے جن میں", "جاں بحق ہونے کی تصدیق کی، جن
# میں" (a reporting verb between).
_WHOM_REACH = 30


def parts_among_whom(sentence: Sentence, outcome: Match, stop: int, lexicon: Lexicon) -> list[Read]:
    """The figures of a list "جن میں … شامل ہیں" (among whom are …), or "جن میں سے … کی تھیں" (of which … were
    …'s), right after an outcome word and its figure: parts of that figure. Only a closed list: "جن میں سے دو کی
    حالت نازک ہے" (two of them critical) is a state, not a count of a casualty."""
    whom = next(
        (
            n
            for n in sentence.numbers
            if n.kind in ("among_whom", "of_them") and outcome.end <= n.start < stop
        ),
        None,
    )
    if whom is None or whom.start - outcome.end > _WHOM_REACH:
        return []
    included = next(
        (n for n in sentence.numbers if n.kind == "included" and whom.end <= n.start < stop), None
    )
    if included is None:
        return []
    if whom.kind == "of_them" and not word_after("possessive").match(sentence.seen, included.start):
        # "جن میں سے" (of whom) lists parts only as whose they were: "9 لاشیں … جن میں سے تین حملہ آوروں کی تھیں"
        # (three were the attackers'); "جن میں سے دو اب بھی … قبضے میں ہیں" (two are still held) is a state
        return []
    return _parts_between(sentence, outcome, whom, included, lexicon)


def _parts_between(
    sentence: Sentence, outcome: Match, whom: Number, included: Number, lexicon: Lexicon
) -> list[Read]:
    """The figures of a list from its "جن میں" (among whom) to its "شامل" (are included), each with its noun."""
    values = [
        n
        for n in sentence.numbers
        if whom.end <= n.start and n.end <= included.start and n.kind in VALUE_KINDS
    ]
    return [
        _read_with_noun(
            sentence, outcome, v, values[i + 1].start if i + 1 < len(values) else included.start, [], lexicon
        )
        for i, v in enumerate(values)
    ]


_COMMA_BEFORE = re.compile(rf"[{COMMAS}]\s*$")


class SetOff(NamedTuple):
    """A list "، جن میں … شامل ہیں،" set between commas after a figure, before the figure's outcome word."""

    comma: int  # where the comma opening the list stands: the figure is told before it
    parts: list[Read]


def list_set_off(sentence: Sentence, figure: Figure, outcome: Match, lexicon: Lexicon) -> SetOff | None:
    """The list set off by commas that holds ``figure``, a number of the parts, not the whole: "ایک ہی خاندان کے
    تین افراد، جن میں ایک خاتون اور اس کی دو بیٹیاں شامل ہیں، فائرنگ سے جاں بحق ہو گئے" (three of one family,
    among whom a woman and her two daughters, were killed): the three are the figure, the woman and the two
    daughters its parts."""
    seen, numbers = sentence.seen, sentence.numbers
    whom = next((n for n in reversed(numbers) if n.kind == "among_whom" and n.end <= figure.start), None)
    included = next(
        (n for n in numbers if n.kind == "included" and figure.end <= n.start < outcome.start), None
    )
    if whom is None or included is None:
        return None
    opening = _COMMA_BEFORE.search(seen, max(0, whom.start - 3), whom.start)
    closed = any(mark in seen[included.end : outcome.start] for mark in COMMAS)
    if opening is None or not closed or any(mark in seen[whom.end : included.start] for mark in COMMAS):
        return None
    # One person named in the list ("ایک خاتون") is who one of them was, not a count, as one named by rank is.
    parts = _parts_between(sentence, outcome, whom, included, lexicon)
    return SetOff(opening.start(), [p for p in parts if seen[p.figure.start : p.figure.end] != "ایک"])


def _read_with_noun(
    sentence: Sentence, outcome: Match, number: Number, limit: int, named: list[Match], lexicon: Lexicon
) -> Read:
    """A figure named after its outcome word, with the victim noun right after it (else the one named with the
    outcome word: "شہید اہلکاروں کی تعداد 5")."""
    figure = bounded(sentence.numbers, number, limit)
    # Not past a conjunction opening another clause ("… تعداد دو ہو گئی ہے جبکہ لیڈی ہیلتھ ورکر کی حالت …"); a
    # comma may set the people after it ("تعداد ایک ہے، لیویز کا وہ سپاہی …").
    conjunction = whole_word("clause_break").search(sentence.seen, figure.end, limit)
    nouns = [
        m
        for m in lexicon.victim_finder.find(
            sentence.seen, figure.end, conjunction.start() if conjunction else limit
        )
        if m.start - figure.end <= NEAR
    ]
    noun = (nouns[:1] or named[-1:] or [None])[0]
    victim = lexicon.victims[noun.phrase] if noun else "unspecified"
    return Read(figure, outcome.phrase, victim, sentence.text[noun.start : noun.end] if noun else "")


# From "زخمی" (an injured person) to the verb of their death: "زخمی دوران علاج دم توڑ گیا"
_WOUNDED_REACH = 25
_WOUNDED_CLAUSE = 80  # the same with the injured word before its noun: within the clause


@cache
def _succumbing() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation('succumbing')})")


# "زخمی ہو گئے جو بعد میں دم توڑ گئے": injured first, a state of its own
_AUXILIARY = re.compile(r"(?<!\S)ہو")


def wounded_who_died(sentence: Sentence, outcomes: list[Match], at: int, lexicon: Lexicon) -> bool:
    """Whether the injured word ``outcomes[at]`` names the people a death word right after it counts, as a
    noun ("ایک زخمی دوران علاج دم توڑ گیا", one of the injured died under treatment): within
    ``_WOUNDED_REACH`` of it, in one clause, with no number and no "ہو" (a verb of its own) between."""
    if at + 1 >= len(outcomes):
        return False
    injured, death = outcomes[at], outcomes[at + 1]
    if lexicon.outcomes[injured.phrase] != "injured" or lexicon.outcomes[death.phrase] != "killed":
        return False
    # "زخموں کی تاب نہ لاتے ہوئے" (unable to bear their wounds) says no more than the death after it
    between = _succumbing().sub("", sentence.seen[injured.end : death.start])
    # "زخمی" before the noun it qualifies ("ایک اور زخمی اہلکار … سی ایم ایچ میں دوران علاج جاں بحق ہو گیا") names
    # who died however far the death word is told after where and when.
    qualifies = next(lexicon.victim_finder.find(sentence.seen, injured.end, death.start), None)
    adjective = qualifies is not None and not sentence.seen[injured.end : qualifies.start].strip()
    # So does the hospital they died in: "ایک زخمی الائیڈ ہسپتال فیصل آباد میں چل بسا", "دو زخمی بچے پشاور کے ایک
    # ہسپتال میں دم توڑ گئے" (whose "ایک" is the article, no count).
    hospitals = list(lexicon.care_places.find(sentence.seen, injured.end, death.start))
    if len(between) > (_WOUNDED_CLAUSE if adjective or hospitals else _WOUNDED_REACH):
        return False
    return (
        _AUXILIARY.search(between) is None
        and not any(injured.end <= c <= death.start for c in sentence.clauses)
        and not any(
            injured.end <= n.start < death.start
            and n.kind in VALUE_KINDS
            and not _names_a_hospital(sentence, n, hospitals)
            for n in sentence.numbers
        )
    )


def _names_a_hospital(sentence: Sentence, number: Number, hospitals: list[Match]) -> bool:
    """Whether ``number`` is the article "ایک" of a hospital word after it, at most one word between ("ایک
    ہسپتال", "ایک نجی ہسپتال")."""
    if sentence.seen[number.start : number.end] != "ایک":
        return False
    return any(_ONE_WORD.fullmatch(sentence.seen, number.end, h.start) for h in hospitals)


_ONE_WORD = re.compile(r"\s+(?:\S+\s+)?")  # from a word to the next but one


def toll_follows(sentence: Sentence, death: Match, later: list[Match], lexicon: Lexicon) -> bool:
    """Whether the death of an injured person is followed in its sentence by the new toll of the dead: "ایک زخمی
    دوران علاج دم توڑ گیا جس سے جاں بحق افراد کی تعداد تین ہو گئی" (the toll, three, counts the one who died)."""
    kind = lexicon.outcomes[death.phrase]
    return any(
        lexicon.outcomes[w.phrase] == kind and _tally_after(sentence.numbers, w, _AFTER_REACH) for w in later
    )


def _tally_after(numbers: list[Number], word: Match, reach: int) -> bool:
    """Whether a tally ("کی تعداد") with its value after it stands within ``reach`` after the outcome word."""
    tally = next((n for n in numbers if n.kind == "tally" and n.start >= word.end), None)
    if tally is None or tally.start - word.end > reach:
        return False
    return any(n.kind in VALUE_KINDS and n.start >= tally.end for n in numbers)


def tallied(numbers: list[Number], word: Match) -> bool:
    """Whether the outcome word heads a tally right after it: "ہلاکتوں کی تعداد 3 ہو گئی" (the toll rose to three),
    whose figure is the tally's, not a number told before the word."""
    return _tally_after(numbers, word, _RIGHT_AFTER)


def _including_before(numbers: list[Number], lo: int, figure: Figure) -> Number | None:
    """ "سمیت" (including) right before ``figure``, after ``lo``."""
    including = [n for n in numbers if n.kind == "including" and lo <= n.start and n.end <= figure.start]
    return including[-1] if including and figure.start - including[-1].end <= 2 else None


def part_including(
    text: str, numbers: list[Number], lo: int, figure: Figure, lexicon: Lexicon
) -> tuple[Figure, Match] | None:
    """A figure with its victim noun right before "سمیت" (including) before ``figure``: part of it."""
    including = _including_before(numbers, lo, figure)
    if including is None:
        return None
    part = figure_before(text, numbers, lo, including.start, lexicon)
    if part is None:
        return None
    nouns = list(lexicon.victim_finder.find(text, part.end, including.start))
    return (part, nouns[-1]) if nouns else None


def named_with_no_number(
    text: str, numbers: list[Number], lo: int, figure: Figure, lexicon: Lexicon
) -> str | None:
    """The side of the one person named with no number right before "سمیت" (including) before ``figure``:
    "پولیس اہلکار سمیت 5 افراد" (five people, a policeman among them) counts a man of the forces."""
    including = _including_before(numbers, lo, figure)
    if including is None:
        return None
    nouns = list(lexicon.victim_finder.find(text, max(lo, including.start - 25), including.start))
    if not nouns or text[nouns[-1].end : including.start].strip():
        return None
    return lexicon.victims[nouns[-1].phrase]


_SPACES = re.compile(r"\s*")  # where the next word starts
_CLAUSE_MARKS = "،,؛۔"  # a comma, semicolon or full stop: what a figure's people do not reach across


@cache
def _joining() -> re.Pattern[str]:
    """Between two figures of one outcome word: "اور" (and), as in "11 اہلکار اور 3 شہری جاں بحق", and the one
    or two words owning the second figure, if any ("3 لیویز اہلکار اور ریلوے کا ایک ملازم", and one employee of the
    railway; "4 شہری اور پاک فوج کا ایک سپاہی"). (A comma opens a clause, which a figure does not reach across.)"""
    return re.compile(
        rf"\s*(?:{alternation('and')})(?![^\s])\s*(?:(?:[^\s\d،۔]+\s+){{1,2}}(?:{alternation('possessive')})\s+)?"
    )


@cache
def _in_another_place() -> re.Pattern[str]:
    """Between a bare figure and the next of the same people elsewhere: "اور جوہان میں" (and in Johan)."""
    return re.compile(
        rf"\s*(?:{alternation('and')})\s+(?:[^\s\d،۔]+\s+){{1,3}}?(?:{alternation('locative')})\s+"
    )


def joined_before(
    text: str, numbers: list[Number], lo: int, figure: Figure, lexicon: Lexicon, shared: Match | None = None
) -> list[tuple[Figure, Match]]:
    """The figures joined to ``figure`` before it, each with its victim noun, that share its outcome word: "11
    پولیس اہلکار اور 3 پولیو ورکرز جاں بحق" (11 policemen and 3 polio workers killed), nearest first. Each is
    a number, its noun right after it, and "اور" right after the noun; or a number of the same people (``shared``,
    the noun of ``figure``) in another place: "مستونگ میں تین اور جوہان میں ایک اہلکار ہلاک ہوا" (three in
    Mastung and one in Johan)."""
    joined: list[tuple[Figure, Match]] = []
    values = [n for n in numbers if lo <= n.start and n.kind in VALUE_KINDS]
    at = figure.start
    for number in reversed([n for n in values if n.end <= at]):
        part = bounded(numbers, number, at)
        after = _SPACES.match(text, part.end).end()
        noun = next(lexicon.victim_finder.find(text, after, at), None)
        elsewhere = _in_another_place().match(text, part.end)
        another = text[part.start : part.end] == "ایک"  # "ایک اور دھماکے میں": in another blast
        if (
            shared is not None
            and not joined
            and not another
            and elsewhere is not None
            and elsewhere.end() == at
        ):
            joined.append((part, shared))
            at = part.start
            continue
        if noun is None or noun.start != after:
            break
        gap = _joining().match(text, noun.end)
        if gap is None or gap.end() != at:
            break
        joined.append((part, noun))
        at = part.start
    return joined


def _article(text: str, number: Number, lexicon: Lexicon) -> bool:
    """Whether a listed "ایک" is the article: no noun of people right after it ("ایک اہم کمانڈر", "ایک ہی
    خاندان کے دو بچے")."""
    if text[number.start : number.end] != "ایک":
        return False
    after = _SPACES.match(text, number.end).end()
    age = _age().match(text, after)
    after = age.end() if age else after  # "ایک ۱۰ سالہ بچہ": one child, ten years old
    noun = next(lexicon.victim_finder.find(text, after, min(len(text), after + 25)), None)
    return noun is None or noun.start != after


@cache
def _age() -> re.Pattern[str]:
    """An age after "ایک" (a number, or a number word, then "سالہ"): "ایک ۱۰ سالہ بچہ"."""
    return re.compile(rf"\S+\s*(?:{alternation('age')})\s+")


@cache
def _not_one() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "بھی" right after "ایک" (even one), and the negation after the outcome word that makes it "not one"."""
    return (
        re.compile(rf"(?:{alternation('even')})(?!\S)"),
        whole_word("negation"),
    )


_NOT_REACH = 15  # from the outcome word to its negation: "گرفتار نہیں ہوا", "ہلاک نہیں ہوا"


@cache
def _degree() -> re.Pattern[str]:
    """How badly, between a figure and its outcome word: "شدید" (badly), "معمولی" (slightly)."""
    return re.compile(rf"(?:{alternation('degree')})\s*")


@cache
def _manner() -> re.Pattern[str]:
    """Where or how, between a counted noun and its outcome word: "موقع پر" (on the spot), "بھی" (too)."""
    return re.compile(rf"\s*(?:(?:{alternation('manner')}|{alternation('degree')})\s*)+")


def oblique_singular(text: str, noun: Match) -> bool:
    """Whether a plural-looking noun in "ے" is a singular's oblique form, before a case marker: "ایک کم سن بچے کو"
    (one young child), as "بچہ" becomes "بچے" before "کو"; not "اہلکاروں کو" (in "وں", plural only)."""
    return (
        text[noun.end - 1 : noun.end] == "ے" and word_after("case_marker").match(text, noun.end) is not None
    )


_CLAUSE_END = re.compile(rf"{clause_breaks().pattern}|[۔؟?!\n]")  # where a clause or its sentence ends


def one_as_article(text: str, figure: Figure, outcome: Match, lexicon: Lexicon) -> bool:
    """Whether "ایک" (one, a) is the article, not a count: before a word that names no person and is no outcome
    word ("ایک کارروائی میں گرفتار", arrested in an operation; "ایک اہم کمانڈر"), or before an outcome word that
    qualifies the noun after it ("ایک لاپتہ نوجوان کی والدہ", a missing youth's mother; as English reads "a
    wounded soldier said"). "ایک اور" (one more) counts; "ایک بھی … نہیں" (not one) does not."""
    if text[figure.start : figure.end] != "ایک":
        return False
    after = _SPACES.match(text, figure.end).end()
    age = _age().match(text, after)
    after = age.end() if age else after  # "ایک ۲۳ سالہ سپاہی شہید ہو گیا": one soldier, 23 years old
    even, negation = _not_one()
    if even.match(text, after) and negation.search(text, outcome.end, outcome.end + _NOT_REACH):
        return True  # "ایک بھی ملزم گرفتار نہیں ہوا": not one suspect arrested
    if after == outcome.start:
        noun = next(lexicon.victim_finder.find(text, outcome.end, min(len(text), outcome.end + 20)), None)
        if noun is None or text[outcome.end : noun.start].strip():
            return False
        # … but for one brought to a hospital or moved: "ایک زخمی خاتون پولیو ورکر لائی گئی" (one injured woman
        # polio worker was brought), as a hospital counts
        end = _adjacent(text, lexicon.victim_finder.find(text, noun.start, min(len(text), noun.end + 30)))[
            -1
        ].end
        clause = _CLAUSE_END.search(text, end)
        return whole_word("brought").search(text, end, clause.start() if clause else len(text)) is None
    if word_after("another").match(text, figure.end) or _object_marker().match(text, figure.end):
        return False  # "ایک اور", "ایک تیسرا اہلکار" (one more, a third), "ایک کو" (one of them): one counted
    if _degree().fullmatch(text, after, outcome.start):
        return False  # "ایک شدید زخمی ہو گیا": one badly hurt
    noun = next(lexicon.victim_finder.find(text, after, outcome.start), None)
    if noun is None or noun.start == after:
        return noun is None
    # One word before a noun the outcome word follows: "ایک لیڈی پولیو ورکر زخمی ہوئی" (a lady polio worker).
    # What stands between the noun and its outcome word may say how it befell them ("ایک کمسن بچہ موقع پر جاں بحق").
    between = text[noun.end : outcome.start]
    told_how = not between.strip() or _manner().fullmatch(between) is not None
    return len(text[after : noun.start].split()) != 1 or not told_how


_OF_A_GROUP_REACH = 60  # characters back from a figure to the start of the armed group's name owning it


def of_an_armed_group(text: str, figure: Figure, lexicon: Lexicon) -> bool:
    """Whether the figure counts people an armed group owns, named right before it with the genitive: "کالعدم
    بلوچستان لبریشن آرمی کے 5 ارکان" (five members of the BLA), "ٹی ٹی پی کے تین کارندے"."""
    names = lexicon.claimant_finder.find(text, max(0, figure.start - _OF_A_GROUP_REACH), figure.start)
    return any(
        name.phrase in lexicon.actors and _belonging().fullmatch(text, name.end, figure.start) is not None
        for name in names
    )


@cache
def _belonging() -> re.Pattern[str]:
    """The genitive, or "سے تعلق رکھنے والے" (belonging to): "لشکر جھنگوی سے تعلق رکھنے والے ۳ مبینہ ٹارگٹ کلرز"."""
    return re.compile(rf"\s*(?:{alternation('belonging')})\s*")


def names_the_speaker(text: str, noun: Match, lexicon: Lexicon) -> bool:
    """Whether a figure's noun is the claimant of a reporting phrase right after it: "لیویز کے ایک اہلکار کے مطابق"
    (according to an official of the Levies) names who speaks, not one of the dead."""
    after = _SPACES.match(text, noun.end).end()
    report = next(lexicon.reporting_finder.find(text, after, min(len(text), after + 30)), None)
    return report is not None and report.start == after and lexicon.reporting[report.phrase][1] != "none"


@cache
def _of() -> re.Pattern[str]:
    """ "میں سے" (of, from among)."""
    return re.compile(rf"(?:{alternation('of')})(?!\S)")


def whole_before_of_them(text: str, numbers: list[Number], figure: Figure, lexicon: Lexicon) -> Match | None:
    """The people noun right before "میں سے" (of) right before the figure: "چار لیویز اہلکاروں میں سے دو کی لاشیں"
    (the bodies of two of the four Levies men) counts Levies men; or the one in the clause "جن میں سے" (of whom)
    refers to: "گاڑی میں ایف سی اہلکار سوار تھے جن میں سے 10 مارے گئے" (FC men, ten of whom were killed)."""
    nouns = list(lexicon.victim_finder.find(text, max(0, figure.start - 40), figure.start))
    if nouns and _of().fullmatch(text[nouns[-1].end : figure.start].strip()):
        return nouns[-1]
    whom = _of_them_before(numbers, figure)
    if whom is None:
        return None
    before = list(lexicon.victim_finder.find(text, max(0, whom.start - _OF_WHOM_REACH), whom.start))
    if not before:
        return None
    # the people "جن" refers to, in its clause, with no figure of their own
    counted = any(n.kind in VALUE_KINDS and before[-1].end <= n.start < whom.start for n in numbers)
    apart = any(p in text[before[-1].end : whom.start] for p in _CLAUSE_MARKS)
    return None if counted or apart else before[-1]


_OF_WHOM_REACH = 40  # characters back from "جن میں سے" to the people it refers to: "اہلکار سوار تھے"


@cache
def _owner_then() -> re.Pattern[str]:
    """A few words and the genitive: "نجی کمپنی کے" (of a private company)."""
    return re.compile(rf"(?:\s+[^\s\d،۔]+){{1,4}}\s+(?:{alternation('possessive')})\s+")


def _of_them_before(numbers: list[Number], figure: Figure) -> Number | None:
    """ "جن میں سے" / "ان میں سے" (of whom, of them) right before the figure."""
    return next((n for n in numbers if n.kind == "of_them" and 0 <= figure.start - n.end <= 2), None)


def follows_of_them(numbers: list[Number], figure: Figure) -> bool:
    """Whether the figure comes right after "جن میں سے" / "ان میں سے" (of whom, of them)."""
    return _of_them_before(numbers, figure) is not None
