"""The date of a sentence's event: a sentence, its publication date, the text before it and the caller's
anchors in, one ``EventDate`` out; ``find_dates`` gives every dated expression of a text."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from sitrep.data import read_table
from sitrep.events.dates.days import NEAR, WEEK_OF_PUBLICATION, coarsest
from sitrep.events.dates.grammar import norm
from sitrep.events.dates.read import Found
from sitrep.events.dates.resolve import Context, resolve
from sitrep.events.dates.urdu import load_urdu_grammar
from sitrep.events.tactics import tactic_reader  # its table names the attack words


@dataclass(frozen=True)
class EventDate:
    """A date with its precision, the words it was read from and the rule that read them."""

    date: dt.date | None
    precision: dict[str, int]  # {"acled": 1-3, "ucdp": 1-5}; {} when there is no date
    text: str
    rule: str


def _event_date(item: Found) -> EventDate:
    precision, rule = item.precision, item.rule
    if item.statement:  # the event was on the day of the statement or before it
        precision, rule = coarsest(precision, NEAR), "statement+" + rule
    return EventDate(item.date, {"acled": precision[0], "ucdp": precision[1]}, item.text.strip(), rule)


def as_date(value: dt.date | None) -> dt.date | None:
    # A datetime is a date whose arithmetic keeps the time of day: reduce it to the day.
    return value.date() if isinstance(value, dt.datetime) else value


def find_dates(text: str, published: dt.date | None) -> list[tuple[int, int, EventDate]]:
    """Every dated expression in a text as (start, end, EventDate), in text order.

    References ("the next day", "a day after X") count from the dates before them in the same text.
    Expressions that cannot be dated (a weekday when there is no publication date) are left out.
    """
    if not text:
        return []
    return [(f.start, f.end, _event_date(f)) for f in resolve(text, as_date(published), {}, None)]


# A possessive after a date and up to three words after it: "Tuesday's attack", "Sunday's twin blasts".
_POSSESSIVE = re.compile(r"(?:['\u2019]s)?\s+((?:[\w-]+\s+){0,2}[\w-]+)")


def _owns_an_attack(sentence: str, found: Found) -> bool:
    """Whether a date is the possessive of an attack word ("Tuesday's attack")."""
    if not found.text.endswith(("'s", "\u2019s")) and sentence[found.end : found.end + 2] not in (
        "'s",
        "\u2019s",
    ):
        return False
    match = _POSSESSIVE.match(sentence, found.end)
    if match is None:
        return False
    attack_words = tactic_reader().table.first_words
    return any(word in attack_words for word in match.group(1).lower().split())


@cache
def violence_words() -> frozenset[str]:
    """Words that tell of violence: the tactics' first words and the words of deaths and injuries."""
    outcomes = {
        row["phrase"].split()[0]
        for row in read_table("outcomes.tsv")
        if row["outcome"] in ("killed", "injured") and row["phrase"]
    }
    return frozenset(tactic_reader().table.first_words | outcomes)


def _attack_distances(sentence: str, found: list[Found]) -> list[int]:
    """Each date's distance in words to the nearest word of violence in the sentence. A date told after the
    violence ("were shot dead outside their shop on Friday") counts its distance; one told before it counts
    double, as news prose dates an event after its verb and opens with other days (a vigil, a funeral). With
    no word of violence, the dates keep their order."""
    words = violence_words()
    spans = [(m.start(), m.group()) for m in _WORD_SPAN.finditer(sentence.lower())]
    spots = [index for index, (_, word) in enumerate(spans) if word in words]
    if not spots:
        return [f.start for f in found]
    starts = [start for start, _ in spans]
    distances = []
    for f in found:
        first = bisect.bisect_left(starts, f.start)  # the date's first word
        last = max(first, bisect.bisect_left(starts, f.end) - 1)  # its last word
        distances.append(
            min(
                first - spot if spot < first else 2 * (spot - last)
                for spot in spots
                if not first <= spot <= last
            )
            if any(not first <= spot <= last for spot in spots)
            else 0
        )
    return distances


_WORD_SPAN = re.compile(r"[a-z]+(?:-[a-z]+)*")


def find_event_date(
    sentence: str,
    published: dt.date | None,
    context: str = "",
    anchors: dict[str, dt.date] | None = None,
    language: str = "en",
) -> EventDate:
    """The date of the event a sentence describes (the rules are in the package docstring, ``sitrep.events.dates``).

    ``context`` is the text before the sentence (or the whole article: only the part before the sentence is
    used); it dates references to other events. ``anchors`` maps lower-case phrases the caller has dated
    ("the group announced") to their dates, for "a day after the group announced …". ``language``: the
    words to read, English or Urdu ("ur", ``sitrep.events.dates.urdu``); the rules are the same.
    """
    published = as_date(published)
    sentence = sentence or ""
    context = context or ""
    if sentence.strip() and sentence in context:
        context = context[: context.index(sentence)]
    keys: dict[str, dt.date] = {}
    for key, date in (anchors or {}).items():
        day = as_date(date)
        if key.strip() and day is not None:
            keys[norm(key)] = day
    grammar = load_urdu_grammar() if language == "ur" else None
    found = resolve(sentence, published, keys, Context(context, published, keys, grammar), grammar)
    # Statement dates only when nothing else dates the sentence; then the most precise, then the first.
    pool = [f for f in found if not f.statement] or found
    if len(pool) > 1 and not any(f.derived for f in pool):
        # A day that owns an attack ("in Tuesday's attack", "Sunday's deadly blast") names the event's day;
        # the sentence's other dates are of what followed (a funeral, a statement, a rising toll). Not where
        # the sentence counts from that attack ("a day after Monday's raid"): that dates another event.
        pool = [f for f in pool if _owns_an_attack(sentence, f)] or pool
    if pool:
        dated = [(_event_date(f), f.start) for f in pool]
        if len({d.date for d, _ in dated}) > 1 and not any(f.derived for f in pool):
            # Days of different things (a vigil on Saturday for those shot on Friday): the one told nearest to
            # the violence is the event's.
            near = _attack_distances(sentence, pool)
            dated = [(d, near[i]) for i, (d, _) in enumerate(dated)]
        return min(dated, key=lambda d: (d[0].precision["ucdp"], d[0].precision["acled"], d[1]))[0]
    if published is None:
        return EventDate(None, {}, "", "none")
    acled, ucdp = WEEK_OF_PUBLICATION
    return EventDate(published, {"acled": acled, "ucdp": ucdp}, "", "publication")
