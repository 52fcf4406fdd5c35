"""Dating a text: a text, its publication date and the caller's anchors in, every date expression dated out
(references to other events counted from the dates they name, statements marked)."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace

from sitrep.events.dates.days import DAY, NEAR, ONE_DAY, WEEK_OF_PUBLICATION, coarsest
from sitrep.events.dates.grammar import Grammar, load_grammar, norm
from sitrep.events.dates.read import Found, Pending, read_match
from sitrep.events.dates.scan import scan

_CLAUSE_END = re.compile(r"[,;:.!?()]|\s[-–—]\s")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_WORD = re.compile(r"[^\W\d_]+|[0-9]+")
# Words too common to find an event by: "the group" is everywhere, "group announced" is specific.
_WEAK = frozenset(
    "the a an its their his her this that these those of on in at to by and for with from".split()
)


class Context:
    """The text before the sentence; its dates are read once, and only when a reference needs them."""

    def __init__(
        self,
        text: str,
        published: dt.date | None,
        anchors: dict[str, dt.date],
        grammar: Grammar | None = None,
    ) -> None:
        self.text = text
        self._published = published
        self._anchors = anchors
        self._grammar = grammar
        self._found: list[Found] | None = None

    @property
    def found(self) -> list[Found]:
        if self._found is None:
            self._found = (
                resolve(self.text, self._published, self._anchors, None, self._grammar)
                if self.text.strip()
                else []
            )
        return self._found


def resolve(
    text: str,
    published: dt.date | None,
    anchors: dict[str, dt.date],
    context: Context | None,
    grammar: Grammar | None = None,
) -> list[Found]:
    """Every date expression of a text, in order, dated (those that cannot be dated are left out).
    ``grammar``: the language's (English by default)."""
    if grammar is None:
        grammar = load_grammar()
    elif grammar.normalise is not None:
        # Read the text as normalised (same length: the offsets hold), quote it as written.
        found = resolve(
            grammar.normalise(text), published, anchors, context, replace(grammar, normalise=None)
        )
        for item in found:
            item.text = text[item.start : item.end]
        return found
    matches = scan(text, grammar)
    found: list[Found] = []
    pending: list[Pending] = []
    for match in matches:
        try:
            item = read_match(match, text, grammar, published)
        except (OverflowError, ValueError):  # arithmetic past year 1 or 9999 (a nonsense publication date)
            continue
        if item is None:
            continue
        item.statement = (
            _before_reporting_phrase(text, item.end, grammar)
            if grammar.verbs_follow
            else _after_reporting_verb(text, item.start, grammar)
        )
        if isinstance(item, Found) and _NIGHT_INTO.search(text, max(0, item.start - 24), item.start):
            # "overnight into Wednesday": the night began the evening before, and the evening dates it.
            item.date -= ONE_DAY
            item.rule = f"evening before:{item.rule}"
        (pending if isinstance(item, Pending) else found).append(item)
    # References in text order, so that "two days later" can count from "the next day" before it.
    for item in pending:
        try:
            resolved = _resolve_reference(item, text, found, published, anchors, context)
        except (OverflowError, ValueError):
            continue
        if resolved is not None:
            bisect.insort(found, resolved, key=lambda f: f.start)
    return found


# A night named by the morning it ran into ("overnight into Wednesday", "the night to Sunday").
_NIGHT_INTO = re.compile(r"\b(?:overnight|night)\s+(?:into|to)\s+$", re.IGNORECASE)

# Verbs after which a recipient may come before the date ("told AFP on Wednesday").
_TELLING = frozenset({"told", "tells", "telling", "informed"})


def _after_reporting_verb(text: str, start: int, grammar: Grammar) -> bool:
    """Whether a date follows a reporting verb, so that it dates a statement ("police said on Wednesday")."""
    words = text[max(0, start - 80) : start].lower().rstrip(" ,\t\n").split()[-grammar.verb_words - 1 :]
    if not words:
        return False
    if len(words) >= 2 and words[-2] in _TELLING:
        return True
    if words[-1] not in grammar.verb_ends:  # the common case: no reporting verb at all
        return False
    return any(" ".join(words[-size:]) in grammar.verbs for size in range(1, len(words) + 1))


def _before_reporting_phrase(text: str, end: int, grammar: Grammar) -> bool:
    """Whether a reporting phrase follows a date, so that it dates a statement (Urdu: "پولیس نے بدھ کو بتایا")."""
    rest = text[end : end + 80].lstrip(" ,\t\n").split()[: grammar.verb_words]
    return any(" ".join(rest[:size]) in grammar.verbs for size in range(1, len(rest) + 1))


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding a position starts: after the last . ! or ? followed by a space."""
    while position > 0:
        position = max(
            text.rfind(".", 0, position), text.rfind("!", 0, position), text.rfind("?", 0, position)
        )
        if position < 0:
            return 0
        if position + 1 < len(text) and text[position + 1].isspace():
            return position + 1
    return 0


def _previous_date(text: str, position: int, found: list[Found]) -> Found | None:
    """The date a reference counts from: of the dates in the last sentence that has one (before the
    position, statements aside), the most precise; "late on Tuesday, a day after X. The next day…" counts
    from Tuesday."""
    before = [f for f in found if f.end <= position and not f.statement]
    if not before:
        return None
    first = _sentence_start(text, before[-1].start)
    same_sentence = [f for f in before if f.start >= first]
    return min(same_sentence, key=lambda f: (f.precision[1], f.precision[0], f.start))


def _anchor_from_dict(phrase: str, anchors: dict[str, dt.date]) -> dt.date | None:
    """The date of the anchor phrase that X names first (the longest on a tie)."""
    lowered = norm(phrase)
    best: tuple[int, int] | None = None
    best_date: dt.date | None = None
    for key, date in anchors.items():
        hit = re.search(rf"(?<!\w){re.escape(key)}(?!\w)", lowered)
        if hit is not None and (best is None or (hit.start(), -len(key)) < best):
            best, best_date = (hit.start(), -len(key)), date
    return best_date


def _occurrences(phrase: str, haystack: str) -> Iterator[int]:
    """Where X's opening words (two specific ones at least) occur in an earlier text, the latest first."""
    words = _WORD.findall(phrase.lower())[:6]
    while words and words[0] in _WEAK:  # "the group announced" is looked for as "group announced"
        words.pop(0)
    lowered = haystack.lower()
    if len(lowered) != len(haystack):
        return
    for size in range(len(words), 1, -1):
        if sum(word not in _WEAK for word in words[:size]) < 2:
            continue
        # str.rfind, not a regex: the earlier text may be a whole article.
        needle = " ".join(words[:size])
        index = lowered.rfind(needle)
        while index >= 0:
            stop = index + len(needle)
            if (index == 0 or not lowered[index - 1].isalnum()) and (
                stop == len(lowered) or not lowered[stop].isalnum()
            ):
                yield index
            index = lowered.rfind(needle, 0, index)


def _date_of_phrase(phrase: str, haystack: str, dates: list[Found]) -> Found | None:
    """The date of the sentence where X occurs in an earlier text, nearest to X."""
    for position in _occurrences(phrase, haystack):
        # X named by another reference ("a day after the group announced") is not dated there.
        if any(f.derived and 0 <= position - f.end <= 6 for f in dates):
            continue
        near = _nearest_in_sentence(haystack, position, dates)
        if near is not None:
            return near
    return None


def _nearest_in_sentence(text: str, position: int, found: list[Found]) -> Found | None:
    """The plain date nearest a position in its sentence; statements count (X may be one), dates counted
    from another do not (they would date X by the reference that named it)."""
    first = _sentence_start(text, position)
    stop = _SENTENCE_END.search(text, position)
    last = stop.end() if stop else len(text)
    inside = [f for f in found if first <= f.start < last and not f.derived]
    return min(inside, key=lambda f: abs(f.start - position), default=None)


def _resolve_reference(
    item: Pending,
    text: str,
    found: list[Found],
    published: dt.date | None,
    anchors: dict[str, dt.date],
    context: Context | None,
) -> Found | None:
    offset = dt.timedelta(days=item.days)
    reference: dt.date | None = None
    precision = item.precision
    how = ""
    phrase, phrase_end = "", item.end
    if item.direction in ("after", "before"):
        clause = _CLAUSE_END.search(text, item.end)
        phrase_end = clause.start() if clause else len(text)
        phrase = text[item.end : phrase_end].strip()
    named = bool(phrase)  # "the day after." names no event: it counts like "the next day"
    if named:
        # 1. the caller dated X; 2. X holds a date; 3. X is found in the earlier text or the context.
        reference, how = _anchor_from_dict(phrase, anchors), "anchor"
        if reference is None:
            inner = next((f for f in found if item.end <= f.start < phrase_end), None)
            if inner is not None:
                reference, precision, how = inner.date, coarsest(precision, inner.precision), "anchor-date"
        if reference is None:
            earlier = [(text[: item.start], [f for f in found if f.end <= item.start])]
            if context is not None and context.text:
                earlier.append((context.text, context.found))
            for haystack, dates in earlier:
                near = _date_of_phrase(phrase, haystack, dates)
                if near is not None:
                    reference, precision = near.date, coarsest(precision, near.precision)
                    how = "anchor-context"
                    break
    if reference is None:
        # 4. the last date mentioned before; an X we could not find is only near it.
        previous = _previous_date(text, item.start, found)
        if previous is None and context is not None:
            previous = _previous_date(context.text, len(context.text), context.found)
        if previous is not None:
            reference, how = previous.date, "previous-date"
            precision = coarsest(precision, previous.precision, NEAR if named else DAY)
    if reference is None:
        # 5. publication: the latest possible date, never publication + offset.
        if published is None:
            return None
        date = published + min(offset, dt.timedelta(0))
        precision = coarsest(precision, WEEK_OF_PUBLICATION)
        return Found(
            item.start,
            item.end,
            item.text,
            date,
            precision,
            f"{item.direction}:publication",
            item.statement,
            derived=True,
        )
    date = reference + offset
    rule = f"{item.direction}:{how}"
    if published is not None and date > published:  # a past event cannot follow its report
        date, precision, rule = published, coarsest(precision, NEAR), rule + "+cut"
    return Found(item.start, item.end, item.text, date, precision, rule, item.statement, derived=True)
