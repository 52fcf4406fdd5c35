"""Find and resolve every place an article names: ``find_places(text) -> list[Place]``.

Steps, each cheap enough for well under a millisecond on a 300-word article once the index is loaded:

1. **Candidates.** One automaton pass finds every indexed name on word boundaries; overlapping hits keep the
   longest ("Dera Murad Jamali", not "Dera").
2. **Is it a place at all?** A hit must be capitalised (unless the whole sentence is in capitals or title
   case), must not be an acronym ("BLA"), and must not sit inside a longer capitalised name ("Imran Khan",
   "Kalat Scouts"). Names that are also common words or personal names ("Hub", "Khan") need a cue: a locative
   word before ("in", "near"...) or a kind word after ("district", "town"...).
3. **Event or mention.** A place is a *mention* (never an event location) when it is a nationality or group
   adjective ("Pakistani", "Baloch"), part of a title ("Special Representative for Afghanistan"), a metonym
   ("Islamabad's narrative", "Kabul said", "Quetta-based"), part of an organisation's or outlet's name ("The
   Balochistan Post", "Balochistan Liberation Army"), or a dateline. Datelines ("QUETTA, March 12 --",
   "TURBAT:") say where the story was filed, not where the event was: the dateline occurrence is always a
   mention, and the place is an event only where the body names it as one (or, when the body names no event
   place at all, the dateline's town is: a local story). A place is also a mention where nothing happened
   in it: an origin or destination ("transferred to Quetta", "travelling from Khuzdar"; but people are
   abducted *from* where the event was), where the wounded were taken ("shifted to the Civil Hospital
   Quetta"), a home town ("a resident of Kasur", "belonged to Punjab", "Punjab labourers"), a reference
   point ("200 km west of Peshawar"; a short distance only makes the place approximate), a neighbour
   ("borders Afghanistan"), a road or street named after it ("Jinnah Road", "the Quetta-Karachi highway"),
   a town's police ("Valdosta police"), a country named without a locative word ("Pakistan personnel",
   "links with China") and a country in the possessive ("Pakistan's Sindh province"). The next names of a
   list share the reason ("labourers from Punjab and Sindh"). A name met as a surname ("Melissa Randolph")
   is that person throughout the report.
4. **Which place.** Candidates are scored by population (log), name type (primary or curated spelling over
   foreign alternates), kind, the document's focus (the country and province most of its other places point
   to, the country cues of ``country_cues.tsv`` such as "Levies", "sheriff" or ", Va.", plus
   ``country_hint``), kind words ("Kalat district" is the district, "Buleda tehsil" the tehsil) and
   containers ("X area of Y district", "X in Y", "X, Y" keep X inside Y). Districts come before towns of other
   districts (Naseerabad is the Balochistan district, not the Sindh town Nasirabad); a town and the district it
   heads resolve to the town unless the text says "district".
5. **Unknown localities.** "Lijje area in Kharan district" names a place the index lacks: first a fuzzy match
   against the focus country's small alias table, else a locality placed at its container's coordinates with
   the container's precision.

Precision follows ACLED (1 town, 2 near a town or part of a region, 3 larger region coded at its seat) and
UCDP where_prec (1 exact, 2 within ~25 km, 3 ADM2, 4 ADM1, 6 country).
"""

from __future__ import annotations

import bisect
import logging
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from sitrep.geo.fuzzy import fuzzy_index
from sitrep.geo.gazetteer import Gazetteer, NameEntry, NameMatch, PlaceRecord, Tokens, get_gazetteer, tokenize
from sitrep.geo.lexicon import CountryCue, Lexicon, get_lexicon
from sitrep.geo.normalize import name_key
from sitrep.geo.weights import place_weights
from sitrep.model import Place

log = logging.getLogger(__name__)

# Small words that may sit lower-case inside a multi-word name ("Dera Ismail Khan", "Bandar-e Abbas").
CONNECTORS = frozenset(
    {
        "of",
        "de",
        "del",
        "e",
        "i",
        "al",
        "el",
        "la",
        "le",
        "the",
        "and",
        "da",
        "do",
        "des",
        "du",
        "di",
        "ul",
        "ur",
        "us",
        "an",
        "am",
        "bin",
        "ibn",
        "s",
    }
)
UNIT_WORDS = frozenset(
    {
        "district",
        "tehsil",
        "province",
        "agency",
        "division",
        "city",
        "town",
        "region",
        "county",
        "governorate",
        "state",
        "area",
        "valley",
        "sub",
        "subdivision",
        "village",
    }
)
# Words before a name that are capitalised only because a sentence or title starts there.
SENTENCE_OPENERS = frozenset(
    {
        "in",
        "at",
        "near",
        "on",
        "from",
        "to",
        "the",
        "a",
        "an",
        "and",
        "but",
        "as",
        "when",
        "while",
        "after",
        "before",
        "since",
        "during",
        "meanwhile",
        "however",
        "outside",
        "inside",
        "across",
        "around",
        "district",
        "tehsil",
        "province",
        "city",
        "town",
    }
)
PRECISION = {  # kind -> (ACLED geo_precision, UCDP where_prec)
    "town": (1, 1),
    "locality": (1, 1),
    "admin3": (2, 2),
    "admin2": (3, 3),
    "admin1": (3, 4),
    "country": (3, 6),
}

_DATELINE_RES = (
    # "QUETTA, March 12 (Reuters) —", "TURBAT:", "ISLAMABAD (AP) -"; the dash may end its line
    re.compile(
        r"(?m)^[ \t]*(?P<name>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})"
        r"(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t]+\d{1,2})?(?:,[ \t]*\d{4})?)?[ \t]*(?:\([^)\n]{1,30}\))?"
        r"[ \t]*(?::|—|–|--|-)(?:[ \t]|(?=\n))"
    ),
    # "Quetta, March 12 (Reuters) —", "Kabul, Afghanistan —"
    re.compile(
        r"(?m)^[ \t]*(?P<name>[A-Z][a-z'’.\-]+(?: [A-Z][a-z'’.\-]+){0,2}),[ \t]*"
        r"(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?|[A-Z][a-z]+)[ \t]*(?:\([^)\n]{1,30}\))?"
        r"[ \t]*(?:—|–|--|-|:)[ \t]"
    ),
    # "Islamabad, Dec 10 A police officer...", "Quetta, March 12 (AFP) Two soldiers...": a date and no dash
    re.compile(
        r"(?m)^[ \t]*(?P<name>[A-Z][a-z'’.\-]+(?: [A-Z][a-z'’.\-]+){0,2}),[ \t]*"
        r"[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?[ \t]*(?:\([^)\n]{1,30}\))?[ \t]*(?=[A-Z\"“])"
    ),
    # "Lahore: The ...", "(Quetta) At least ...": a name and a colon, or a name in brackets, opening a line
    re.compile(
        r"(?m)^[ \t]*(?P<name>[A-Z][A-Za-z'’.\-]+(?: [A-Z][A-Za-z'’.\-]+){0,2})[ \t]*"
        r"(?::|(?:\([^)\n]{1,30}\))?[ \t]*(?:—|–|--)|\([^)\n]{1,30}\)[ \t]*-)[ \t]"
    ),
    re.compile(
        r"(?m)^[ \t]*\((?P<name>[A-Z][A-Za-z'’.\-]+(?: [A-Z][A-Za-z'’.\-]+){0,2})\)[ \t]*"
        r"(?:(?::|—|–|--|-)[ \t]*)?(?=[A-Z\"“])"
    ),
)
_DATELINE_PREFIX = r"(?m)^[ \t]*"
# The patterns above as one alternation (one match per line instead of one per pattern); branch i names its
# place "n<i>".
_DATELINE = re.compile(
    _DATELINE_PREFIX
    + "(?:"
    + "|".join(
        f"(?:{p.pattern.removeprefix(_DATELINE_PREFIX).replace('(?P<name>', f'(?P<n{i}>')})"
        for i, p in enumerate(_DATELINE_RES)
    )
    + ")"
)
# A sentence ends after . ! ? (closing quotes, space, then a capital or digit), at a blank line, or at a line
# break before a capital. Every branch opens with one of four characters, spelt as one class so that the regex
# engine skips straight to them instead of trying three branches at every position.
_SENTENCE_END = re.compile(
    r"[.!?\n](?:(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|(?<=\n)\s*\n|(?<=\n)(?=[A-Z]))"
)
# Between a place and its container: "X area of Y", "X in Y", "X, Y", "X Market in Y town".
_GAP_STOPWORDS = frozenset(
    {
        "and",
        "or",
        "but",
        "to",
        "from",
        "with",
        "by",
        "for",
        "after",
        "before",
        "as",
        "while",
        "when",
        "a",
        "an",
        "between",
        "via",
        "towards",
        "toward",
        "then",
        "than",
        "not",
    }
)
_CONTAINER_GAP = re.compile(
    r"^(?P<words>(?:\s*[A-Za-z]+){0,3}?)\s*(?:\bof|\bin|\bnear|,|\bwithin)\s+(?:the\s+)?$"
)
_CONTAINER_GAP_ENDINGS = ("of", "in", "near", ",", "the")  # "within" ends in "in"
# An unknown capitalised name before a kind word and a container: "Lijje area in", "Jamak locality of".
_UNKNOWN_BEFORE = re.compile(
    r"(?P<name>[A-Z][\w'’\-]+(?:[ \-][A-Z][\w'’\-]+){0,2})\s+(?P<kind>area|areas|village|locality|town|bazaar|bazar|"
    r"valley|mountains|hills|region)\s+(?:of|in|near)\s+(?:the\s+)?$"
)
_KIND_WORD_NEAR_END = re.compile(
    r"(?:area|areas|village|locality|town|bazaar|bazar|valley|mountains|hills|region)"
    r"\s+(?:of|in|near)\s+(?:the\s+)?$"
)
_UNKNOWN_AFTER_LOCATIVE = re.compile(
    r"\b(?:in|at|near|from|to)\s+(?:the\s+)?(?P<name>[A-Z][a-z][\w'’\-]{2,}(?:[ \-][A-Z][a-z][\w'’\-]+)?)"
    r"(?:\s+(?P<kind>area|village|locality|town|tehsil|district|bazaar|valley))?\b"
    r"|(?P<name2>[A-Z][a-z][\w'’\-]{2,}(?:[ \-][A-Z][a-z][\w'’\-]+)?)\s+(?P<kind2>area|village|tehsil|district)\b"
)


@dataclass(slots=True)
class _Hit:
    """One name occurrence on its way to becoming a Place."""

    start: int
    end: int
    first: int
    last: int
    written: str
    entry: NameEntry | None
    candidates: list[tuple[PlaceRecord, str]]
    sentence: int = 0
    role: str = "event"
    why: str = ""
    kind_cue: str | None = None
    near: bool = False
    locative: bool = False
    motion: bool = False
    container: _Hit | None = None
    chosen: PlaceRecord | None = None
    score_margin: float = 0.0
    synthetic: dict[str, object] = field(default_factory=dict)  # an unknown locality: its own fields
    visited: bool = False
    soft_container: bool = False  # linked by a comma only: a hint, not a constraint
    relation: bool = False  # after "relations with", "talks with"...
    origin: bool = False  # after "a resident of", "belonged to", "hailing from"...
    context: bool = False  # after "borders", "neighbouring"...
    pinned: bool = False  # its state is written after it ("LaGrange, Ga."): no other reading is left
    key: int | None = None  # the indexed name found (None for an unknown locality)


@dataclass(slots=True)
class _Doc:
    text: str
    tokens: Tokens
    sentence_starts: list[int]
    caps_sentences: dict[int, bool]


def find_places(
    text: str, sentences: list[tuple[int, int]] | None = None, country_hint: str | None = None
) -> list[Place]:
    """Every place ``text`` names, resolved against the offline gazetteer, in text order (ids p1, p2, ...).

    ``sentences`` (character spans) are used when given, else found here; ``country_hint`` is the ISO code
    of the publication's country when known. Never raises on odd input: it returns what it could resolve.
    """
    if not text or not text.strip():
        return []
    place_weights()  # read before the guard below: a malformed overlay weight is the user's error to see
    try:
        return _find_places(text, sentences, (country_hint or "").upper() or None)
    except Exception:  # a place stage must never take extraction down with it
        log.exception("place resolution failed; returning no places for this text")
        return []


def rank_event_places(text: str, places: list[Place]) -> list[Place]:
    """Event places, most likely event location first: after a locative word ("in", "at", "near"), earlier in
    the text, more specific, and tied to a district. Origins and destinations ("from", "to") rank last."""
    lexicon = get_lexicon()
    weights = place_weights()
    tokens = tokenize(text)
    starts = tokens.starts

    def salience(item: tuple[int, Place]) -> tuple[float, int]:
        order, place = item
        score = 0.0
        index = bisect.bisect_left(starts, place.start)
        if lexicon.phrase_before(tokens.words, index, lexicon.locative):
            score += weights.event_locative
        if lexicon.phrase_before(tokens.words, index, lexicon.motion):
            score += weights.event_motion
        score += weights.event_kind.get(place.kind, 0.0)
        if place.admin2:
            score += weights.event_in_district
        score -= weights.event_position * place.start / max(1, len(text)) * 100  # earlier is likelier, gently
        return (-score, order)

    events = [(i, p) for i, p in enumerate(places) if p.role == "event"]
    return [p for _i, p in sorted(events, key=salience)]


# --------------------------------------------------------------------------------------------------------------


def _find_places(text: str, sentences: list[tuple[int, int]] | None, country_hint: str | None) -> list[Place]:
    gazetteer = get_gazetteer()
    lexicon = get_lexicon()
    tokens, matches = gazetteer.find_names(text, capitalised=True)
    if not tokens.words:
        return []
    doc = _Doc(text, tokens, _sentence_starts(text, sentences), {})
    datelines = _dateline_spans(text)

    cue_votes, abbreviations = _cue_votes(doc, lexicon)
    hits = _select_hits(doc, gazetteer, matches, lexicon, datelines, set(abbreviations))
    if abbreviations:
        hits = [h for h in hits if h.first not in abbreviations]  # "Pueblo, Colo.": "Colo" is the state
        for hit in hits:
            state = abbreviations.get(hit.last + 1)
            inside = [(r, t) for r, t in hit.candidates if r.admin1 == state] if state else []
            if inside:
                hit.candidates, hit.pinned = inside, True  # "LaGrange, Ga.": the LaGrange in Georgia
    focus_cc, focus_admin1 = _focus(hits, country_hint, cue_votes)
    # Unknown names are looked for only where a fuzzy alias table exists for the document's country.
    hits.extend(
        _unknown_locality_hits(doc, hits, lexicon, fuzzy=bool(focus_cc and gazetteer.fuzzy_aliases(focus_cc)))
    )
    hits.sort(key=lambda h: h.start)
    _link_containers(doc, hits, lexicon)
    declared = _declared_unit(hits, focus_cc)
    if declared is not None:
        focus_admin1 = declared
        _keep_inside(hits, focus_cc, declared)
    for hit in hits:
        _choose(hit, focus_cc, focus_admin1, country_hint)
    _fill_unknown_localities(hits)
    _one_sense(hits)
    _frame_by_dateline(hits, focus_cc)
    if declared is not None:
        _elsewhere_is_mention(hits, focus_cc, declared)
    return _to_places(doc, gazetteer, hits)


def _sentence_starts(text: str, sentences: list[tuple[int, int]] | None) -> list[int]:
    if sentences:
        return sorted(start for start, _end in sentences)
    return [0, *map(re.Match.end, _SENTENCE_END.finditer(text))]


_NONE: frozenset[str] = frozenset()
# Words after a name that make the location approximate: "Turbat area", "Quetta outskirts".
_NEAR_AFTER = frozenset({"area", "areas", "outskirts", "suburbs", "vicinity"})
# The last word of every pattern in title_patterns.txt, folded (keep in step with that file).
_TITLE_LAST_WORDS = frozenset(
    {
        "of",
        "for",
        "to",
        "on",
        "the",
        "governor",
        "commissioner",
        "dc",
        "ac",
        "ig",
        "igp",
        "police",
        "minister",
        "secretary",
        "general",
        "chief",
    }
)
# The first letter of each word of four letters or more: findall makes one-character strings, mostly shared.
_LONG_WORD_INITIAL = re.compile(r"\b([^\W\d_])[^\W_]{3,}")


def _is_caps_sentence(doc: _Doc, sentence: int) -> bool:
    """Whether capital letters say nothing in a sentence (all caps, or a Title Case headline); cached."""
    cached = doc.caps_sentences.get(sentence)
    if cached is None:
        starts = doc.sentence_starts
        end = starts[sentence + 1] if sentence + 1 < len(starts) else len(doc.text)
        chunk = doc.text[starts[sentence] if sentence >= 0 else 0 : end]
        initials = _LONG_WORD_INITIAL.findall(chunk)
        total = len(initials)
        # The long words that start with anything but a lower-case letter (C-level counting).
        upper = total - sum(map(str.islower, initials))
        weights = place_weights()
        cached = total >= weights.caps_sentence_min_words and upper / total >= weights.caps_sentence_share
        doc.caps_sentences[sentence] = cached
    return cached


def _dateline_spans(text: str) -> list[tuple[int, int]]:
    # A dateline opens the article or one of its first paragraphs (after a headline, a caption or a video
    # notice): only the first four lines with text qualify. Every pattern starts at a line start and stays on
    # its line, so each is tried at those positions only.
    head = text[:2000]
    line_starts: list[int] = []
    position = 0
    while len(line_starts) < 4 and position < len(head):
        line_end = head.find("\n", position)
        line = head[position : line_end if line_end >= 0 else len(head)].lstrip()
        if line:
            if line[0].isupper() or line[0] == "(":  # every pattern opens with a capital or a bracket
                line_starts.append(position)
            else:
                line_starts.append(-1)  # a line with text that cannot be a dateline still counts
        if line_end < 0:
            break
        position = line_end + 1
    spans = []
    for line_start in line_starts:
        m = _DATELINE.match(head, line_start) if line_start >= 0 else None
        if m:
            # The whole dateline: a state or country after the town ("DAYTON, Ohio —") was filed from too.
            spans.append(m.span())
    return spans


def _is_capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def _select_hits(
    doc: _Doc,
    gazetteer: Gazetteer,
    matches: list[NameMatch],
    lexicon: Lexicon,
    datelines: list[tuple[int, int]],
    abbreviated: set[int] = frozenset(),  # type: ignore[assignment]
) -> list[_Hit]:
    """The name matches that stand for places. ``matches`` holds capitalised matches only (lower case is never
    a name, even in a Title Case headline), sorted by start, longest first. ``abbreviated``: token positions
    just after a name that hold a state's abbreviation ("Norfolk, Va.")."""
    text, words = doc.text, doc.tokens.words
    sentence_starts = doc.sentence_starts
    hits: list[_Hit] = []
    surnames: set[int] = set()  # names met after a first name ("Melissa Randolph")
    publications: list[tuple[int, int]] = []
    covered_until = -1
    for match in matches:
        start = match.start
        entry = gazetteer.entry(match.key)
        if entry.publication:
            publications.append((start, match.end))
            continue
        in_publication = bool(publications) and any(s <= start < e for s, e in publications)
        if start < covered_until and not in_publication:
            continue  # inside a longer name already taken
        # Cues first: a common word without one is dropped before any other test. In each cue the word test
        # goes first; it rules out most positions before the punctuation between the words is read.
        # "in East Baltimore": the cue stands before the compass word
        cue_at = (
            match.first - 1
            if match.first > 0 and words[match.first - 1] in lexicon.directions
            else match.first
        )
        before = lexicon.categories_before(words, cue_at)
        if before and not _joined_to_previous(doc, cue_at):
            before = _NONE
        after = words[match.last + 1] if match.last + 1 < len(words) else ""
        if (after in lexicon.kind_after or after in _NEAR_AFTER) and not _joined_to_next(doc, match.last):
            after = ""
        kind_cue = lexicon.kind_after.get(after)
        locative, motion = "locative" in before, "motion" in before
        in_dateline = bool(datelines) and any(s <= start < e for s, e in datelines)
        # A dateline is a place by position: "NORFOLK, Va. —" needs no "in" before it; nor does a name with a
        # state's abbreviation after it, wherever it stands ("Norfolk, Va. - A woman …").
        cued = locative or motion or (kind_cue is not None) or in_dateline or match.last + 1 in abbreviated
        if not cued and after in lexicon.local_force:
            # "New Orleans police", "Orlando police said": a person's name is not followed by "police"
            cued = _joined_to_next(doc, match.last)
        if not cued and match.first > 0 and words[match.first - 1] in ("a", "an") and after.isalpha():
            # "a Detroit community hall", "an Orlando nightclub": an indefinite article, the name, a common noun
            # (a person is "a Mr. Orlando", never "an Orlando nightclub")
            following = match.last + 1
            cued = (
                text[doc.tokens.starts[following]].islower()
                and _joined_to_next(doc, match.last)
                and _joined_to_previous(doc, match.first)
            )
        if entry.common and not cued:
            continue
        never = _NEVER_A_PLACE.get(match.key)
        if never is None:
            never = _never_a_place(match.key, text[start : match.end], lexicon)
        if never:
            continue
        sentence = bisect.bisect_right(sentence_starts, start) - 1
        if not _looks_like_a_name(doc, match, sentence):
            continue
        sentence_initial = start == sentence_starts[sentence] if sentence >= 0 else True
        if entry.wordlike and not cued and (sentence_initial or _is_caps_sentence(doc, sentence)):
            continue
        role, why = "event", ""
        embedded = _embedded_in_longer_name(doc, match, lexicon, sentence_initial)
        if embedded:
            # "Pakistan Army", "Balochistan Liberation Army": an organisation; "Imran Khan": a person.
            if "d" in entry.name_types or _has_kind(gazetteer, match.key, ("country", "admin1")):
                role, why = "mention", "organisation"
            else:
                if embedded == "surname":
                    surnames.add(match.key)
                continue
        hit = _Hit(
            start,
            match.end,
            match.first,
            match.last,
            text[start : match.end],
            entry,
            list(gazetteer.readings(match.key)),
            sentence,
            role=role,
            why=why,
            kind_cue=kind_cue,
            near="near" in before
            or after in _NEAR_AFTER
            or (
                (cue_at != match.first or after in lexicon.directions)
                and _beside_direction(doc, match, lexicon)
            ),
            locative=locative,
            motion=motion,
            relation="relation" in before,
            origin="origin" in before,
            context="context" in before,
            key=match.key,
        )
        if in_publication:
            hit.role, hit.why = "mention", "publication"
        elif in_dateline:
            hit.role, hit.why = "mention", "dateline"
        elif entry.name_types <= {"d"}:  # demonyms only
            hit.role, hit.why = "mention", "demonym"
        elif hit.role == "event":
            why = _mention_reason(doc, match, lexicon, hit)
            if why:
                hit.role, hit.why = "mention", why
        hits.append(hit)
        covered_until = max(covered_until, match.end)
    _share_list_roles(text, hits)
    if surnames:
        # "Melissa Randolph ... Randolph said": a name met as a person's surname is that person elsewhere in
        # the report too, unless a locative or kind word makes it a place ("in Randolph", "Randolph town"), or
        # a state's abbreviation follows it ("Norfolk, Va.", though "Sentara Norfolk" is a hospital's name).
        hits = [
            h
            for h in hits
            if h.key not in surnames
            or h.locative
            or h.kind_cue
            or h.role != "event"
            or h.last + 1 in abbreviated
        ]
    return hits


# Why a place is no event location, where the next names of a list share that reason: "labourers from Punjab
# and Sindh", "residents of Kasur, Multan and Gilgit".
_LIST_REASONS = frozenset({"origin", "route", "context", "reference"})
_LIST_GAPS = frozenset({" and ", ", ", " or ", ", and ", " & ", " and the ", ", the "})


def _share_list_roles(text: str, hits: list[_Hit]) -> None:
    for a, b in zip(hits, hits[1:], strict=False):
        if b.why == "metonymy" and a.role == "event" and not a.locative and text[a.end : b.start] == " and ":
            a.role, a.why = "mention", "metonymy"  # "Islamabad and Kabul said": both speak
            continue
        if text[a.end : b.start] in ("'s ", "’s ") and b.role == "event":
            # "based in Pakistan's Balochistan province": the cue before the country holds for its province
            reason = "relation" if a.relation else "origin" if a.origin else "context" if a.context else ""
            if reason:
                b.role, b.why = "mention", reason
            continue
        if (
            a.role == "mention"
            and a.why in _LIST_REASONS
            and b.role == "event"
            and not (b.locative or b.motion)
            and text[a.end : b.start] in _LIST_GAPS
        ):
            b.role, b.why = "mention", a.why


# Index key -> whether its name is listed in not_place_names.txt (names added since the index was built).
_NEVER_A_PLACE: dict[int, bool] = {}


def _never_a_place(key: int, written: str, lexicon: Lexicon) -> bool:
    never = _NEVER_A_PLACE.get(key)
    if never is None:
        never = _NEVER_A_PLACE[key] = name_key(written) in lexicon.not_places
    return never


# Punctuation that ends a phrase between two words.
_PHRASE_BREAK = re.compile(r'[.!?;:,()\[\]"“”\n]')


def _joined_to_next(doc: _Doc, index: int) -> bool:
    """Whether token ``index`` and the next one belong to one phrase (no sentence or clause punctuation)."""
    starts = doc.tokens.starts
    if index + 1 >= len(starts):
        return False
    return _PHRASE_BREAK.search(doc.text, doc.tokens.ends[index], starts[index + 1]) is None


def _joined_to_previous(doc: _Doc, index: int) -> bool:
    return index > 0 and _joined_to_next(doc, index - 1)


def _has_kind(gazetteer: Gazetteer, key: int, kinds: tuple[str, ...]) -> bool:
    return not gazetteer.kinds(key).isdisjoint(kinds)


def _looks_like_a_name(doc: _Doc, match: NameMatch, sentence: int) -> bool:
    text, starts, ends, words = doc.text, doc.tokens.starts, doc.tokens.ends, doc.tokens.words
    if match.first == match.last:
        first_word = text[match.start : match.end]  # capitalised: find_names tested it
        # An acronym ("BLA", "FC", "CTD") in mixed-case prose; datelines are all caps and longer. The sentence
        # test reads the whole sentence: it goes last.
        return not (
            len(first_word) <= place_weights().acronym_max_letters
            and first_word.isupper()
            and match.start - (text.rfind("\n", 0, match.start) + 1) > 2
            and not _is_caps_sentence(doc, sentence)
        )
    for i in range(match.first + 1, match.last + 1):
        if (
            not _is_capitalised(text[starts[i] : ends[i]])
            and words[i] not in CONNECTORS
            and words[i] not in UNIT_WORDS
        ):
            return False
    return True


def _embedded_in_longer_name(doc: _Doc, match: NameMatch, lexicon: Lexicon, sentence_initial: bool) -> str:
    """Whether the name is glued to other capitalised words that are not place words: "surname" after one
    ("Imran Khan"), "joined" in a compound ("Madag-e-Kalat") or before one ("Kalat Scouts"); else ""."""
    text, starts, ends, words = doc.text, doc.tokens.starts, doc.tokens.ends, doc.tokens.words
    if match.first > 0 and not sentence_initial:
        s, e = starts[match.first - 1], ends[match.first - 1]
        joined = text[e : match.start]
        previous = text[s:e]
        if (
            joined in (" ", "-")
            and _is_capitalised(previous)
            and not previous.isupper()
            and words[match.first - 1] not in SENTENCE_OPENERS
            and words[match.first - 1] not in lexicon.facilities
            and words[match.first - 1] not in lexicon.directions
        ):
            # A first name before it makes a surname ("Melissa Randolph"); a title ("Commissioner Kharan") or
            # a word such as "Upper" or "Lake" does not, nor a word capitalised only because it opens the
            # sentence before a town's police ("Initial New Orleans police reports").
            word = words[match.first - 1]
            if (
                s in doc.sentence_starts
                and match.last + 1 < len(words)
                and words[match.last + 1] in lexicon.local_force
            ):
                return ""
            titled = word in _TITLE_LAST_WORDS or word in lexicon.not_places
            return "surname" if joined == " " and not titled else "joined"
        if (
            joined == "-"
            and words[match.first - 1] in CONNECTORS
            and s > 1
            and text[s - 1] == "-"
            and text[s - 2].isalpha()
        ):
            return "joined"  # "Madag-e-Kalat", "Dera-i-Kalan": a longer name joined by a connector
    if match.last + 1 < len(words):
        s, e = starts[match.last + 1], ends[match.last + 1]
        joined = text[match.end : s]
        following = text[s:e]
        if (
            joined == " "
            and _is_capitalised(following)
            and not following.isupper()
            and words[match.last + 1] not in lexicon.facilities
            and words[match.last + 1] not in lexicon.kind_after
            and not _is_capitalised_place_word(words[match.last + 1])
            and words[match.last + 1] not in lexicon.directions
            and words[match.last + 1] not in lexicon.local_force
            # "Mashkai Tank area": a landmark of the place, named as an area; the place is still meant
            and not (match.last + 2 < len(words) and words[match.last + 2] in _NEAR_AFTER)
        ):
            return "joined"
    return ""


@lru_cache(maxsize=4096)  # a word's answer never changes; the capitalised words of news repeat a lot
def _is_capitalised_place_word(word: str) -> bool:
    # "Quetta Balochistan", "Turbat Kech": a following place name is a container, not a surname.
    gazetteer = get_gazetteer()
    found = gazetteer.lookup(word)
    return (
        found is not None
        and not found[1].common
        and _has_kind(gazetteer, found[0], ("admin1", "admin2", "country"))
    )


def _mention_reason(doc: _Doc, match: NameMatch, lexicon: Lexicon, hit: _Hit) -> str:
    text, words = doc.text, doc.tokens.words
    # Every title pattern ends in a preposition or a title word: test that word before running the regex.
    if (
        match.first > 0
        and words[match.first - 1] in _TITLE_LAST_WORDS
        and lexicon.ends_in_title(text[max(0, match.start - 80) : match.start])
    ):
        return "title"
    nxt = match.last + 1
    if (
        text[match.end : match.end + 1] == "-"
        and nxt < len(words)
        and _is_capitalised(text[doc.tokens.starts[nxt]])
    ):
        return "compound"  # "China-Pakistan corridor", "Pakistan-Iran border": a modifier, not a location
    if (
        match.start > 0
        and text[match.start - 1] == "-"
        and match.first > 0
        and _is_capitalised(text[doc.tokens.starts[match.first - 1]])
        and doc.tokens.ends[match.first - 1] == match.start - 1
    ):
        return "compound"
    possessive = nxt < len(words) and words[nxt] == "s" and text[match.end : match.end + 1] in ("'", "’")
    if (
        possessive
        and nxt + 1 < len(doc.tokens.starts)
        and _is_capitalised(text[doc.tokens.starts[nxt + 1]])
        and _has_kind(get_gazetteer(), match.key, ("country", "admin1"))
    ):
        return "possessive"  # "Pakistan's Balochistan province": the country only says whose province
    if possessive and nxt + 1 < len(words) and words[nxt + 1] in lexicon.metonymy_nouns:
        return "metonymy"
    if (
        not hit.locative
        and lexicon.phrase_after(words, nxt, lexicon.metonymy_verbs)
        and _joined_to_next(doc, match.last)
    ):
        return "metonymy"
    if nxt < len(words) and words[nxt] in lexicon.local_force and _joined_to_next(doc, match.last):
        return "police"  # "Valdosta Police Department", "Quetta police said"
    if (
        lexicon.phrase_after(words, nxt, lexicon.institutions, longest=2)
        and _joined_to_next(doc, match.last)
        and not _institution_site(words, nxt, lexicon)
    ):
        return "institution"
    if hit.relation:
        return "relation"
    if hit.origin:
        return "origin"
    if hit.context:
        return "context"
    return _route_reason(doc, match, lexicon, hit)


# "200 kilometres south-west of", "48 km (30 miles) east of the provincial capital", "10 miles from":
# a distance from a reference place, right before its name.
_DISTANCE = re.compile(
    r"\b(?P<n>\d[\d,]*(?:\.\d+)?)\s*-?\s*(?P<unit>km|kms|kilometres?|kilometers?|miles?)\b"
    r"(?:\s*\([^()]{0,30}\))?\s+(?:[a-z\-]+\s+){0,2}?(?:of|from)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}?$",
    re.IGNORECASE,
)
_DISTANCE_UNITS = frozenset(
    {"km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "mile", "miles"}
)


def _route_reason(doc: _Doc, match: NameMatch, lexicon: Lexicon, hit: _Hit) -> str:
    """Why a place that a motion word, a distance, a transfer or a following word sets apart is no event
    location: "route", "reference", "care", "origin", "street"; "" when it may be one."""
    text, words, first = doc.text, doc.tokens.words, match.first
    recent = words[max(0, first - 7) : first]
    if not _DISTANCE_UNITS.isdisjoint(recent):
        m = _DISTANCE.search(text, max(0, match.start - 90), match.start)
        if m and m.end() == match.start:
            km = float(m.group("n").replace(",", ""))
            if m.group("unit").lower().startswith("mi"):
                km *= 1.609
            if km >= place_weights().reference_km:  # a reference point, not the event's town
                return "reference"
            hit.near = True
            return ""
    if not lexicon.care_words.isdisjoint(recent) and lexicon.transfer.search(
        text, max(0, match.start - 120), match.start
    ):
        return "care"  # where the wounded or the dead were taken
    if first > 1 and words[first - 1] == "of" and _person_before_of(doc, first - 2, lexicon):
        return "origin"  # "Kyle Markins of Findlay", "Ali Khan, 30, of Mardan": where someone is from
    if hit.motion and not hit.locative:
        # "transferred to Quetta", "coming from Dera Ismail Khan": an origin or destination; but people are
        # abducted or recovered from where the event was.
        cue = words[first - 2] if first > 1 and words[first - 1] == "the" else words[first - 1]
        if cue == "between":
            return ""  # "the area between Zamran and Tump": a stretch of land, not a route's end
        if cue != "from" or not lexicon.from_event.search(text, max(0, match.start - 90), match.start):
            return "route"
    # The words after the name: set lookups first, the punctuation between words only when one is a cue.
    last = match.last
    following = words[last + 1] if last + 1 < len(words) else ""
    if following in lexicon.origin_after and _joined_to_next(doc, last):
        return "origin"  # "Punjab workers", "Rawalpindi bound"
    if following in lexicon.person_after and _joined_to_next(doc, last):
        return "person"  # "a Dickinson man", "a Quetta resident": where someone is from
    if following in lexicon.street_after and _joined_to_next(doc, last):
        return "street"  # "Jinnah Road"
    if (
        last + 2 < len(words)
        and words[last + 2] in lexicon.street_after
        and _joined_to_next(doc, last)
        and _joined_to_next(doc, last + 1)
    ):
        return "street"  # "Virginia Beach Blvd"
    return ""


def _person_before_of(doc: _Doc, index: int, lexicon: Lexicon) -> bool:
    """Whether token ``index`` ends a person's description before "of <place>": an age ("Ali Khan, 30, of")
    or a surname ("Kyle Markins of"), not a title, a unit or a facility ("Governor of", "District of")."""
    words, text, starts, ends = doc.tokens.words, doc.text, doc.tokens.starts, doc.tokens.ends
    word = words[index]
    if word.isdigit():
        return len(word) <= 2 and "," in text[ends[index] : starts[index + 1]]  # "30, of"
    written = text[starts[index] : ends[index]]
    return (
        written[:1].isupper()
        and not written.isupper()
        and (_joined_to_next(doc, index) or text[ends[index] : starts[index + 1]] == ", ")  # "Ann Lee, of"
        and word not in lexicon.facilities
        and word not in lexicon.kind_after
        and word not in lexicon.not_places
        and word not in _TITLE_LAST_WORDS
        and word not in SENTENCE_OPENERS
        and index > 0
        and _is_capitalised(text[starts[index - 1] : ends[index - 1]])  # a first name and a surname
    )


def _beside_direction(doc: _Doc, match: NameMatch, lexicon: Lexicon) -> bool:
    """ "East Baltimore", "New Orleans East": a part of the place, so the place only approximately."""
    words = doc.tokens.words
    before = match.first > 0 and words[match.first - 1] in lexicon.directions
    after = match.last + 1 < len(words) and words[match.last + 1] in lexicon.directions
    return (before and _joined_to_previous(doc, match.first)) or (after and _joined_to_next(doc, match.last))


def _institution_site(words: list[str], index: int, lexicon: Lexicon) -> bool:
    """Whether the institution words at ``index`` name a site in the place: "Bannu military cantonment",
    "Nushki army camps" are locations, unlike "Balochistan government"."""
    for length in (2, 1):
        if tuple(words[index : index + length]) in lexicon.institutions:
            following = words[index + length] if index + length < len(words) else ""
            return following in lexicon.facilities or following.rstrip("s") in lexicon.facilities
    return False


def _unknown_locality_hits(doc: _Doc, hits: list[_Hit], lexicon: Lexicon, fuzzy: bool) -> list[_Hit]:
    """Capitalised names the index lacks, in place-like positions: fuzzy-matched later or kept as localities."""
    text = doc.text
    taken = [(h.start, h.end) for h in hits]
    found: list[_Hit] = []
    starts = doc.tokens.starts

    def overlaps(s: int, e: int) -> bool:
        return any(s < he and hs < e for hs, he in taken)

    # "Lijje area in Kharan district": a name before a kind word and a known container.
    words = doc.tokens.words
    for container in hits:
        if container.first < 3 or words[container.first - 1] not in ("of", "in", "near", "the"):
            continue  # cheap test before the patterns
        window = text[max(0, container.start - 80) : container.start]
        if not _KIND_WORD_NEAR_END.search(window):
            continue
        m = _UNKNOWN_BEFORE.search(window)
        if not m:
            continue
        s = container.start - len(window) + m.start("name")
        e = s + len(m.group("name"))
        if overlaps(s, e) or m.group("name").split()[0].lower() in ("the", "a", "an"):
            continue
        first = bisect.bisect_left(starts, s)
        last = bisect.bisect_left(starts, e) - 1
        hit = _Hit(s, e, first, last, m.group("name"), None, [], container.sentence)
        hit.near = True
        hit.container = container
        hit.synthetic = {"name": m.group("name"), "kind_word": m.group("kind")}
        found.append(hit)
        taken.append((s, e))
    # "in Naseerabaad area": a misspelling of a focus-country name, left for fuzzy matching.
    for m in _UNKNOWN_AFTER_LOCATIVE.finditer(text) if fuzzy else ():
        group = "name" if m.group("name") else "name2"
        s, e = m.span(group)
        if overlaps(s, e):
            continue
        first = bisect.bisect_left(starts, s)
        last = bisect.bisect_left(starts, e) - 1
        sentence = bisect.bisect_right(doc.sentence_starts, s) - 1
        hit = _Hit(s, e, first, last, m.group(group), None, [], sentence)
        hit.locative = group == "name"
        hit.kind_cue = lexicon.kind_after.get((m.group("kind") or m.group("kind2") or "").lower())
        hit.synthetic = {"name": m.group(group), "fuzzy_only": True}
        found.append(hit)
        taken.append((s, e))
    return found


def _link_containers(doc: _Doc, hits: list[_Hit], lexicon: Lexicon) -> None:
    """ "X area of Y", "X in Y", "X, Y": Y contains X when only kind or facility words stand between them."""
    for a, b in zip(hits, hits[1:], strict=False):
        if a.container is not None or not (b.candidates or b.synthetic):
            continue
        gap_text = doc.text[a.end : b.start]
        # Cheap tests that every container gap passes ("area of ", ", ", "Market in the "): at most five words,
        # ending in a linking word and a space. They spare the backtracking regex the long gaps.
        if not (
            gap_text[-1:].isspace()
            and len(gap_text.split(None, 5)) <= 5
            and gap_text.rstrip().endswith(_CONTAINER_GAP_ENDINGS)
        ):
            continue
        gap = _CONTAINER_GAP.match(gap_text)
        soft = bool(gap) and "," in gap.group(0)
        if soft and not _comma_container(doc, b, a):
            continue
        if gap and all(
            w.lower() in lexicon.facilities
            or w.lower() in lexicon.kind_after
            or (w.islower() and w not in _GAP_STOPWORDS)  # "Chagai flour mill in Nushki"
            for w in gap.group("words").split()
        ):
            a.container = b
            a.soft_container = soft


def _comma_container(doc: _Doc, b: _Hit, a: _Hit) -> bool:
    """ "Turbat, Kech" names a container; "Quetta, Nushki, Dalbandin" is a list. A comma container must be a
    unit (district, tehsil, province, country) — or a name one of whose units holds ``a`` ("Paris, Texas":
    a state, though towns abroad are called Texas too) — and must not itself continue a list."""
    if not b.candidates:
        return False
    state = any(r.kind == "admin1" and t == "p" for r, t in b.candidates)  # "North Fairmount, Ohio"
    if (
        not state
        and any(r.kind in ("town", "locality") for r, _t in b.candidates)
        and not any(_holds(unit, record) for unit, _t in b.candidates for record, _u in a.candidates)
    ):
        return False  # "Turbat, Sibi" is a list of towns; "Turbat, Kech" a town and its district
    after = doc.text[b.end : b.end + 24].lstrip()
    if after.startswith(","):
        # "in Macon, Georgia, on Saturday": a comma closes the container; "Quetta, Nushki, Dalbandin" goes on
        # with another name.
        rest = after[1:].lstrip()
        return not rest[:1].isupper() and not rest.startswith(("and ", "or ", "&"))
    return not (after.startswith(("and ", "or ", "&")))


def _cue_votes(doc: _Doc, lexicon: Lexicon) -> tuple[dict[tuple[str, str], float], dict[int, str]]:
    """Focus votes of the country cues (``country_cues.tsv``) the text holds, each distinct cue once:
    (country, unit or "") -> weight; and the token positions of the state abbreviations found, with their state. One automaton
    pass over the space-joined words finds the cue phrases; only those are then read in the text."""
    words = doc.tokens.words
    if not words:
        return {}, {}
    haystack = doc.tokens.haystack or " " + " ".join(words) + " "
    found: dict[CountryCue, float] = {}
    abbreviations: dict[int, str] = {}
    weights = place_weights()
    spaces, counted_to = 0, 0
    for end, (length, cues) in lexicon.cue_finder.iter(haystack):
        # The phrase's first word is the token after the space the match starts with. Matches come in order
        # of their ends, and so of their starts: the spaces before are counted once, from match to match.
        key_start = end - sum(len(w) + 1 for w in cues[0].words)  # the sentinel space before the phrase
        if key_start >= counted_to:
            spaces += haystack.count(" ", counted_to, key_start + 1)
            counted_to = key_start + 1
            index = spaces - 1
        else:  # an overlapping phrase that starts before the previous one ("county sheriff" / "sheriff")
            index = haystack.count(" ", 0, key_start + 1) - 1
        if index < 0 or index + length > len(words):
            continue
        for cue in cues:
            pins = cue.abbreviation or cue.postal
            if (pins or cue not in found) and _cue_at(doc, cue, index):
                found[cue] = weights.focus_abbreviation if pins else weights.focus_cue
                if pins:
                    abbreviations[index] = cue.admin1
    votes: dict[tuple[str, str], float] = {}
    for cue, weight in found.items():
        unit = (cue.country_code, cue.admin1)
        votes[unit] = votes.get(unit, 0.0) + weight
    return votes, abbreviations


def _cue_at(doc: _Doc, cue: CountryCue, index: int) -> bool:
    """Whether ``cue`` is written at token ``index`` as it must be (words, case, a state abbreviation's comma)."""
    words, text, starts, ends = doc.tokens.words, doc.text, doc.tokens.starts, doc.tokens.ends
    last = index + len(cue.words) - 1
    if last >= len(words) or (last > index and tuple(words[index : last + 1]) != cue.words):
        return False
    if cue.capitalised and not text[starts[index]].isupper():
        return False
    if cue.all_caps and any(not text[starts[i] : ends[i]].isupper() for i in range(index, last + 1)):
        return False
    if cue.postal:
        return _postal_code_at(doc, index)
    return not cue.abbreviation or (
        index > 0
        and "," in text[ends[index - 1] : starts[index]]
        and text[ends[last] : ends[last] + 1] == "."
    )


# What follows a postal code that closes a town's name: a bracket, a dash, a colon, a comma or the line's end
# ("GREENWOOD, SC (WXYZ) —"); or a ZIP code ("Denham Springs LA 70727").
_AFTER_POSTAL = re.compile(r"[ \t]*(?:[(\-\u2013\u2014:,]|\n|$)")
_ZIP = re.compile(r"[ \t]+\d{5}\b")


def _postal_code_at(doc: _Doc, index: int) -> bool:
    """Whether the two capitals at token ``index`` are a state's postal code after a capitalised town."""
    text, starts, ends = doc.text, doc.tokens.starts, doc.tokens.ends
    if index == 0 or ends[index] - starts[index] != 2 or not text[starts[index - 1]].isupper():
        return False
    if _ZIP.match(text, ends[index]):
        return text[ends[index - 1] : starts[index]] in (" ", ", ")
    return (
        text[ends[index - 1] : starts[index]] == ", " and _AFTER_POSTAL.match(text, ends[index]) is not None
    )


def _focus(
    hits: list[_Hit], country_hint: str | None, cue_votes: dict[tuple[str, str], float] | None = None
) -> tuple[str | None, str | None]:
    """The country and first-level unit the document is about.

    Each name votes for the country (and province) of its best reading before focus is known: "Sibi" votes
    Pakistan (a district of 135,000) over Mali (a town of 26,000). Event names weigh more than mentions
    ("Special Representative for Afghanistan" says little about where things happen); explicit country and
    province names weigh more than towns.
    """
    countries: dict[str, float] = {}
    provinces: dict[tuple[str, str], float] = {}
    voted: set[int | None] = set()
    country_voted: dict[int | None, float] = {}  # name -> the weight it has given its country
    sure: dict[str, float] = {}  # the votes of names that exist in one country only: the tie-break
    weights = place_weights()
    for hit in hits:
        if not hit.candidates:
            continue
        best = _best_without_focus(hit)
        if not best.country_code:
            continue
        if hit.why == "metonymy" and best.kind in ("town", "locality"):
            continue  # "Estrada said": a person's name as often as a town's
        alternate_only, one_country, spread = _name_facts(hit, best)
        # A dateline says where the story was filed: a fair hint of the region it is about.
        weight = (
            weights.focus_event if hit.role == "event" or hit.why == "dateline" else weights.focus_mention
        )
        if alternate_only:
            weight *= weights.focus_other_name_factor  # only another name of the place ("Kasi" for Varanasi)
        if best.kind in ("country", "admin1") and hit.role == "event" and one_country:
            weight = weights.focus_country_or_province_named
        # A name repeated is one piece of evidence: a surname read as a foreign hamlet ("Tran said … Tran was
        # charged") must not outvote the places a US story names once each.
        extra = weight - country_voted.get(hit.key, 0.0)
        if extra <= 0:
            continue
        country_voted[hit.key] = weight
        countries[best.country_code] = countries.get(best.country_code, 0.0) + extra
        if one_country:
            sure[best.country_code] = sure.get(best.country_code, 0.0) + extra
        if best.admin1 and hit.key not in voted:
            # A name found in several provinces of the country ("Paoli" in three US states) is a guess: its
            # vote is shared among them, and a name repeated is still one vote.
            voted.add(hit.key)
            unit = (best.country_code, best.admin1)
            provinces[unit] = provinces.get(unit, 0.0) + weight / spread
    for (cc, admin1), weight in (cue_votes or {}).items():
        countries[cc] = countries.get(cc, 0.0) + weight
        if admin1:
            provinces[(cc, admin1)] = provinces.get((cc, admin1), 0.0) + weight
    if country_hint:
        countries[country_hint] = countries.get(country_hint, 0.0) + weights.focus_country_hint
    if not countries:
        return None, None
    focus_cc = max(sorted(countries), key=lambda cc: (countries[cc], sure.get(cc, 0.0)))
    in_focus = {unit: v for unit, v in provinces.items() if unit[0] == focus_cc}
    focus_admin1 = max(sorted(in_focus), key=lambda u: in_focus[u])[1] if in_focus else None
    return focus_cc, focus_admin1


# (name key, kind cue) -> what _focus reads of a name's readings beside its best one; see _name_facts.
_NAME_FACTS: dict[tuple[int, str | None], tuple[bool, bool, int]] = {}


def _name_facts(hit: _Hit, best: PlaceRecord) -> tuple[bool, bool, int]:
    """Whether ``best`` is reached by other names only, whether every reading is in its country, and in how
    many provinces of that country the name is found. Cached per name: common names have hundreds of readings."""
    cache_key = (
        (hit.key, hit.kind_cue) if hit.key is not None and hit.container is None and not hit.pinned else None
    )
    facts = _NAME_FACTS.get(cache_key) if cache_key else None
    if facts is None:
        cc = best.country_code
        facts = (
            all(t == "a" for r, t in hit.candidates if r is best),
            all(r.country_code == cc for r, _t in hit.candidates),
            max(1, len({r.admin1 for r, _t in hit.candidates if r.country_code == cc})),
        )
        if cache_key:
            _NAME_FACTS[cache_key] = facts
    return facts


# (place row, name type) -> the part of a reading's score that no document changes. Rows are those of the
# shared index (get_gazetteer), the only one resolution reads.
_PRIORS: dict[tuple[int, str], float] = {}


def _prior(record: PlaceRecord, name_type: str) -> float:
    prior = _PRIORS.get((record.row, name_type))
    if prior is None:
        weights = place_weights()
        # Tehsils and curated localities carry no population: they are given a typical one.
        population = record.population or weights.unknown_population.get(record.kind, 0)
        prior = (
            math.log10(population + weights.prior_population_offset)
            + weights.kind_prior[record.kind]
            + weights.name_type_prior[name_type]
        )
        if record.id.startswith("sup:"):
            prior += weights.prior_curated  # curated for the places conflict reporting names
        _PRIORS[(record.row, name_type)] = prior
    return prior


# (name key, kind cue) -> the best reading of that name before any document focus is known.
_BEST_WITHOUT_FOCUS: dict[tuple[int, str | None], PlaceRecord] = {}


def _best_without_focus(hit: _Hit) -> PlaceRecord:
    """The reading a name votes for in ``_focus``: it depends on the name and its kind cue only (no container is
    linked yet), so it is ranked once per name and cue."""
    cache_key = (
        (hit.key, hit.kind_cue) if hit.key is not None and hit.container is None and not hit.pinned else None
    )
    best = _BEST_WITHOUT_FOCUS.get(cache_key) if cache_key else None
    if best is None:
        if len(hit.candidates) == 1:
            best = hit.candidates[0][0]  # nothing to compare
        else:
            # The first reading with the highest (score, -row), as max() with a key picks it.
            ranks = [(_score(hit, r, t, None, None, None), -r.row) for r, t in hit.candidates]
            best = hit.candidates[ranks.index(max(ranks))][0]
        if cache_key:
            _BEST_WITHOUT_FOCUS[cache_key] = best
    return best


def _score(
    hit: _Hit,
    record: PlaceRecord,
    name_type: str,
    focus_cc: str | None,
    focus_admin1: str | None,
    country_hint: str | None,
) -> float:
    """A reading's score: its prior plus what the document adds (``place_weights.tsv`` says how)."""
    score = _PRIORS.get((record.row, name_type))
    if score is None:
        score = _prior(record, name_type)
    weights = place_weights()
    if focus_cc and record.country_code == focus_cc:
        score += weights.score_focus_country
        if focus_admin1 and record.admin1 == focus_admin1:
            score += weights.score_focus_province
    if country_hint and record.country_code == country_hint:
        score += weights.score_country_hint
    cue = hit.kind_cue
    if cue:
        if cue == record.kind:
            # "X town" also names tehsils and districts after X
            score += weights.score_kind_cue_town if cue == "town" else weights.score_kind_cue_exact
        elif cue in ("town", "locality") and record.kind in ("town", "admin3", "locality"):
            score += weights.score_kind_cue_settlement
        elif {cue, record.kind} == {"admin2", "admin3"}:
            score += weights.score_kind_cue_neighbour  # "Kech tehsil" / "Dasht district"
    container = hit.container.chosen if hit.container else None
    if container is not None and container is not record:
        if container.kind in ("admin2", "admin3", "town") and record.admin2 == container.admin2:
            score += weights.score_container_district
        elif (container.admin1 and record.admin1 == container.admin1) or (
            container.kind == "country" and record.country_code == container.country_code
        ):
            score += weights.score_container_province
    return score


def _choose(hit: _Hit, focus_cc: str | None, focus_admin1: str | None, country_hint: str | None) -> None:
    if hit.chosen is not None or hit.visited:
        return
    hit.visited = True  # each hit is decided once, container chains included
    if hit.container is not None:
        _readings_holding(hit.container, hit)
        _choose(hit.container, focus_cc, focus_admin1, country_hint)  # "X in Y": Y first
    if hit.synthetic.get("fuzzy_only") or (hit.synthetic and not hit.candidates):
        hit.candidates = _fuzzy_candidates(hit, focus_cc, focus_admin1)
        if not hit.candidates:
            return
    container = _effective_record(hit.container)
    if container is not None and container.kind in ("country", "admin1"):
        # "Paris, Texas", "Macon, Georgia": a town named with its state or country is the one inside it.
        inside = [(r, t) for r, t in hit.candidates if _holds(container, r)]
        if inside:
            hit.candidates = inside
        elif hit.soft_container and container.kind == "admin1":
            # "NORTH FAIRMOUNT, Ohio": a place of that state the index lacks, not a namesake elsewhere; it is
            # placed at the state.
            hit.candidates = [(container, "p")]
    if container is not None and container.kind in ("admin2", "admin3", "town"):
        inside = [(r, t) for r, t in hit.candidates if r.admin2 == container.admin2 and r is not container]
        if not inside and hit.soft_container:
            inside = hit.candidates
        if not inside:
            # "Bhat area in Kharan district": no Bhat in Kharan, so not the Bhat in India either; a locality
            # of Kharan it is.
            hit.candidates = []
            hit.synthetic.setdefault("name", hit.written)
            return
        hit.candidates = inside
    if (
        len(hit.candidates) <= 1
        or hit.container is not None
        or hit.synthetic
        or hit.key is None
        or hit.pinned
    ):
        _rank(hit, focus_cc, focus_admin1, country_hint)
        return
    # A name with no container is ranked on its readings, its kind cue and the focus alone: once per such tuple.
    cache_key = (hit.key, hit.kind_cue, focus_cc, focus_admin1, country_hint)
    decision = _DECISIONS.get(cache_key)
    if decision is None:
        _rank(hit, focus_cc, focus_admin1, country_hint)
        _DECISIONS[cache_key] = (hit.chosen, hit.score_margin, not hit.candidates)
    else:
        hit.chosen, hit.score_margin, dropped = decision
        if dropped:
            hit.candidates = []


def _readings_holding(container: _Hit, hit: _Hit) -> None:
    """ "Macon, Georgia": of the container's readings keep those that hold one of the hit's (the US state, not
    the country), when some do; the container is then pinned to them."""
    if (
        container.chosen is not None
        or container.visited
        or len(container.candidates) < 2
        or not hit.candidates
    ):
        return
    holding = [(r, t) for r, t in container.candidates if any(_holds(r, x) for x, _ in hit.candidates)]
    if holding and len(holding) < len(container.candidates):
        container.candidates, container.pinned = holding, True


def _holds(unit: PlaceRecord, record: PlaceRecord) -> bool:
    """Whether ``record`` lies inside ``unit`` (a country, province or district; a town holds nothing)."""
    if unit is record or unit.country_code != record.country_code:
        return False
    if unit.kind == "country":
        return True
    if unit.kind == "admin1":
        return record.admin1 == unit.admin1
    if unit.kind in ("admin2", "admin3"):
        return record.admin1 == unit.admin1 and record.admin2 == unit.admin2
    return False


# (name key, kind cue, focus country, focus province, country hint) -> what _rank decided for a name with no
# container: (chosen place, score margin, whether every reading was dropped).
_DECISIONS: dict[
    tuple[int, str | None, str | None, str | None, str | None], tuple[PlaceRecord | None, float, bool]
] = {}


def _rank(hit: _Hit, focus_cc: str | None, focus_admin1: str | None, country_hint: str | None) -> None:
    """Pick the best of a hit's remaining readings (or drop them all when only an unlikely foreign one is left)."""
    if len(hit.candidates) == 1:
        scored = [(0.0, 0, hit.candidates[0][0])]  # nothing to compare: the score is never read
    else:
        scored = sorted(
            ((_score(hit, r, t, focus_cc, focus_admin1, country_hint), -r.row, r) for r, t in hit.candidates),
            reverse=True,
        )
    if not scored:
        return
    best = scored[0][2]
    if focus_cc and best.country_code != focus_cc and not _plausibly_abroad(hit, scored[0][2], focus_cc):
        hit.candidates = []  # "Dandar area" in a Pakistani report is not the Afghan village Ḏanḏar
        return
    hit.score_margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 99.0
    if best.kind in ("admin1", "admin2") and hit.kind_cue != best.kind:
        # A district (or province) and the town that heads it share coordinates: without "district" the town
        # is meant ("Kalat", "Kabul", "Islamabad").
        for _s, _r, record in scored[1:]:
            if (
                record.kind == "town"
                and record.lat == best.lat
                and record.lon == best.lon
                and best.lat is not None
            ):
                best = record
                break
    hit.chosen = best


def _plausibly_abroad(hit: _Hit, best: PlaceRecord, focus_cc: str) -> bool:
    """Whether a place outside the focus country is likely meant: a country, a province, a large place named
    by its own name, or a city known abroad by an exonym. A small foreign village reached only because the
    local place is missing from the index is not."""
    if best.kind == "country":
        return True
    container = hit.container.chosen if hit.container is not None else None
    if container is not None and _holds(container, best):
        return True  # "Macon, Georgia": the text says which state or country it is in
    weights = place_weights()
    if best.kind == "admin1":
        # A province abroad, unless it is a parish or a small region that shares an English word ("Northeast")
        return best.population >= weights.abroad_province_population
    if any(r.country_code == focus_cc for r, _t in hit.candidates):
        return True  # a real choice between readings was made by score
    name_types = {t for r, t in hit.candidates if r is best}
    if name_types <= {"a"} and not (hit.locative or hit.kind_cue):
        return False  # a foreign city's other name where no "in" says a place is meant: "Kasi was shot"
    threshold = (
        weights.abroad_own_name_population
        if name_types & {"p", "v", "s"}
        else weights.abroad_other_name_population
    )
    return best.population >= threshold


def _effective_record(hit: _Hit | None) -> PlaceRecord | None:
    """What a hit stands for once chosen: its place, or for an unknown locality the place containing it."""
    seen = 0
    while hit is not None and seen < 8:
        if hit.chosen is not None:
            return hit.chosen
        hit, seen = hit.container, seen + 1
    return None


def _fuzzy_candidates(
    hit: _Hit, focus_cc: str | None, focus_admin1: str | None = None
) -> list[tuple[PlaceRecord, str]]:
    """Focus-country places whose alias is a near spelling of an unknown name (never worldwide)."""
    if not focus_cc:
        return []
    gazetteer = get_gazetteer()
    name = str(hit.synthetic["name"])
    out: list[tuple[PlaceRecord, str]] = []
    for key in fuzzy_index(focus_cc).search(" ".join(tokenize(name).words)):
        found = gazetteer.lookup(key)
        if found is None:
            continue
        out.extend(
            (gazetteer.record(row), "v")
            for row, _t in found[1].targets
            if gazetteer.record(row).country_code == focus_cc
        )
    if out and focus_admin1:
        # A near spelling is a guess: a guess in another province than the report's is likelier wrong than an
        # unlisted village ("Jahani-Aap" in a Balochistan report is not Jahanian, Punjab).
        out = [(r, t) for r, t in out if r.admin1 == focus_admin1]
    if out:
        hit.synthetic["fuzzy"] = True
    return out


def _fill_unknown_localities(hits: list[_Hit]) -> None:
    """Unknown names with a resolved container become localities placed at the container."""
    for hit in hits:
        if hit.chosen is not None or not hit.synthetic or hit.synthetic.get("fuzzy_only"):
            continue
        container = _effective_record(hit.container)
        if container is None or container.kind in ("country", "admin1"):
            continue
        hit.synthetic["container"] = container
        if hit.container is not None and hit.container.role == "mention":
            hit.role, hit.why = "mention", hit.container.why


def _one_sense(hits: list[_Hit]) -> None:
    """A name means one place throughout a report: where one occurrence is pinned down by its container
    ("Brooklyn in Morgan County"), the others ("BROOKLYN —") take the same reading."""
    pinned = {
        h.key: h.chosen
        for h in hits
        if h.container is not None and h.chosen is not None and h.key is not None
    }
    if not pinned:
        return
    for hit in hits:
        record = pinned.get(hit.key)
        if (
            record is not None
            and hit.container is None
            and hit.chosen is not record
            and any(r is record for r, _t in hit.candidates)
        ):
            hit.chosen = record


def _declared_unit(hits: list[_Hit], focus_cc: str | None) -> str | None:
    """The first-level unit (state, province) the text itself declares it is set in, when one leads.

    Local news names its state: the dateline ("PHILADELPHIA —", "MACON, Ga. —", weighed double), a state
    written out ("Louisiana State Police", "in Alabama") or abbreviated after a town ("Eutaw, Ala."), a city
    known by its name alone ("Detroit"), a county or town found in one state only. A name repeated votes once.
    Town names found in several states do not vote: the same names are streets, neighbourhoods and hamlets in
    every state. None when no unit leads (a tie, or none)."""
    if not focus_cc:
        return None
    votes: dict[str, float] = {}
    voted: dict[int | None, float] = {}
    for hit in hits:
        unit, weight = _unit_declared_by(hit, focus_cc)
        if unit and weight > voted.get(hit.key, 0.0):
            votes[unit] = votes.get(unit, 0.0) + weight - voted.get(hit.key, 0.0)
            voted[hit.key] = weight
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
        return None
    return ranked[0][0]


def _unit_declared_by(hit: _Hit, focus_cc: str) -> tuple[str | None, float]:
    """The unit one name declares the text to be set in, and the weight of its word (see ``_declared_unit``)."""
    if not hit.candidates or hit.why in ("publication", "demonym"):
        return None, 0.0
    # Where someone comes from, goes to or works ("a Georgia man", "the University of Tennessee") is weaker
    # evidence than a place named for itself; a dateline stronger.
    weights = place_weights()
    weight = weights.declared_dateline if hit.why == "dateline" else weights.declared_named
    if hit.why in ("person", "origin", "route", "organisation", "institution", "care"):
        weight = weights.declared_weak
    units = {r.admin1 for r, _t in hit.candidates if r.kind == "admin1" and r.country_code == focus_cc}
    if hit.pinned:
        units = {r.admin1 for r, _t in hit.candidates}  # "Eutaw, Ala.": the abbreviation left one state
    if len(units) == 1:
        return next(iter(units)), weight
    if units or hit.why == "metonymy":  # "Griffin said": a person as often as a town
        return None, 0.0
    best = _best_without_focus(hit)
    if best.country_code != focus_cc or not best.admin1 or best.kind not in ("town", "admin2", "admin3"):
        return None, 0.0
    # Its own county or district may share the name ("Philadelphia County"), and the focus country is already
    # chosen: only places in other states of that country compete.
    # A city known by its name alone ("Detroit") declares its state.
    if best.population >= weights.known_city_population and all(
        r.population * weights.known_city_ratio <= best.population
        for r, _t in hit.candidates
        if r.admin1 != best.admin1 and r.country_code == focus_cc
    ):
        return best.admin1, weight
    if any(r.admin1 != best.admin1 for r, _t in hit.candidates if r.country_code == focus_cc):
        return None, 0.0  # "WILLIAMSBURG —": a town name found in several states says none of them
    # A county or district names its state; a small town found in one state only may still be a street.
    return best.admin1, weight if best.kind != "town" else weight / weights.declared_town_divisor


def _keep_inside(hits: list[_Hit], focus_cc: str | None, admin1: str) -> None:
    """A name with readings both inside the unit the text declares and elsewhere takes the inside one: in a
    Georgia story "Elbert County" is Georgia's. A name that is a state's or country's own keeps its readings, and
    a major city elsewhere is still meant when the inside reading is a hamlet beside it."""
    contained = {h.key for h in hits if h.container is not None}  # one sense: its container decides
    weights = place_weights()
    for hit in hits:
        if hit.pinned or hit.container is not None or len(hit.candidates) < 2 or hit.key in contained:
            continue
        if any(r.kind in ("country", "admin1") and t == "p" for r, t in hit.candidates):
            continue  # "Georgia" is a state or a country; "Columbia" (District of Columbia) is a city's name
        inside = [(r, t) for r, t in hit.candidates if r.country_code == focus_cc and r.admin1 == admin1]
        if not inside or len(inside) == len(hit.candidates):
            continue
        largest_inside = max(r.population for r, _t in inside)
        largest_outside = max(r.population for r, _t in hit.candidates if (r, _t) not in inside)
        if (
            largest_outside >= weights.major_city_population
            and largest_inside * weights.major_city_ratio < largest_outside
        ):
            continue
        hit.candidates, hit.pinned = inside, True


def _elsewhere_is_mention(hits: list[_Hit], focus_cc: str | None, admin1: str) -> None:
    """In a story set in one state, a name whose reading lies in another state or country is a street, a
    neighbourhood or a business named like a town there ("Ludlow", "Chalmers"), or a place someone comes from:
    a mention, not where the event was. The text can still set an event there ("in Ludlow, Vt."; a pinned or
    contained name), and a city known by its name alone stays what it is ("Dallas"). A name found in one
    state or province only yields only where the story places something in its own state (an event place, or
    the town whose police or officials speak): a dateline alone says where a wire story was filed, and
    "ISLAMABAD — ... in Panjgur" is about Panjgur."""
    set_inside = any(
        h.chosen is not None
        and h.chosen.country_code == focus_cc
        and h.chosen.admin1 == admin1
        and h.chosen.kind in ("town", "locality", "admin2", "admin3")
        and (h.role == "event" or h.why in ("police", "title"))
        for h in hits
    )
    known_city = place_weights().known_city_population
    for hit in hits:
        record = hit.chosen
        if record is None or hit.role != "event" or hit.pinned or hit.container is not None:
            continue
        if record.kind not in ("town", "locality", "admin2", "admin3"):
            continue
        if (record.country_code == focus_cc and record.admin1 == admin1) or record.population >= known_city:
            continue
        units = {(r.country_code, r.admin1) for r, _t in hit.candidates}
        if len(units) < 2 and not set_inside:
            continue
        hit.role, hit.why = "mention", "elsewhere"


def _frame_by_dateline(hits: list[_Hit], focus_cc: str | None) -> None:
    """A local story filed from a city names the city's own neighbourhoods: "CHICAGO — A shooting in Austin"
    is Chicago's Austin, not Austin, Texas. A town name that the report's country has in several provinces,
    none of them the dateline's, is read as a locality of the dateline's town. A name found in one province
    only ("ISLAMABAD: ... in Turbat") keeps its reading."""
    dateline = next((h for h in hits if h.why == "dateline" and h.chosen is not None), None)
    if dateline is None or dateline.chosen is None or dateline.chosen.kind != "town":
        return
    seat = dateline.chosen
    if seat.country_code != focus_cc or not seat.admin1:
        return
    for hit in hits:
        record = hit.chosen
        if (
            hit is dateline
            or record is None
            or record.kind not in ("town", "locality")
            or hit.container
            or hit.pinned
        ):
            continue
        if record.country_code != focus_cc or record.admin1 == seat.admin1 or hit.kind_cue == "town":
            continue
        provinces = {r.admin1 for r, _t in hit.candidates if r.country_code == focus_cc}
        if len(provinces) >= 2 and seat.admin1 not in provinces:
            hit.chosen = None
            hit.synthetic = {"name": hit.written, "container": seat}
            hit.near = True


def _last_resort(hits: list[_Hit]) -> None:
    """Countries are context, and some mentions stand in for a place the body never names.

    A country is too coarse to place an attack: "sanctuaries in Afghanistan", "terrorism in Pakistan" name
    context, so a country is an event place only in a report that names no finer one. A report whose body
    names no event place at all is about the town it was filed from (a local paper's "HOUSTON —" story): its
    dateline becomes the event place; with no dateline, the town whose police report it ("Valdosta police
    said"), else the home town of its subject ("a Dickinson man was shot"), else a country after "in"."""
    fallback: dict[str, _Hit] = {}
    has_event = False
    provinces: set[str] = set()  # the provinces of event places when no event place is finer than one
    finer = False
    for hit in hits:
        if hit.chosen is None and "container" not in hit.synthetic:
            continue
        if hit.chosen is not None and hit.chosen.kind == "country" and hit.role == "event":
            hit.role, hit.why = "mention", "country" if not hit.locative else "country_in"
        if hit.role == "event":
            has_event = True
            if hit.chosen is not None and hit.chosen.kind == "admin1":
                provinces.add(hit.chosen.name)
            else:
                finer = True
        elif hit.chosen is not None and hit.why not in fallback:
            fallback[hit.why] = hit
    if has_event:
        # "an attack in Balochistan province … the deputy commissioner of Kharan district said": a report placed
        # only in a province, whose district officials or police speak, is about their district.
        local = fallback.get("title") or fallback.get("police")
        if (
            not finer
            and local is not None
            and local.chosen is not None
            and local.chosen.kind in ("admin2", "town", "admin3")
            and local.chosen.admin1 in provinces
        ):
            local.role, local.why = "event", ""
        return
    for why, kinds in (
        ("dateline", ("town", "admin2", "admin3", "locality", "admin1")),
        ("police", ("town", "admin2", "admin3")),
        ("person", ("town", "admin2", "admin3", "locality")),
        ("country_in", ("country",)),
    ):
        hit = fallback.get(why)
        if hit is not None and hit.chosen is not None and hit.chosen.kind in kinds:
            hit.role, hit.why = "event", ""
            return


def _district_seat(gazetteer: Gazetteer, record: PlaceRecord) -> PlaceRecord | None:
    """The district (admin2) place a record lies in, for coordinates when the record has none."""
    found = gazetteer.lookup(record.admin2) if record.admin2 else None
    if found is None:
        return None
    for row, _t in found[1].targets:
        candidate = gazetteer.record(row)
        if (
            candidate.kind == "admin2"
            and candidate.country_code == record.country_code
            and candidate.lat is not None
        ):
            return candidate
    return None


def _to_places(doc: _Doc, gazetteer: Gazetteer, hits: list[_Hit]) -> list[Place]:
    places: list[Place] = []
    _last_resort(hits)
    # A dateline place is an event only if the body names it as one; the dateline itself stays a mention.
    for hit in hits:
        record = hit.chosen
        if record is None and "container" not in hit.synthetic:
            continue
        text = doc.text[hit.start : hit.end]
        if record is not None:
            acled, ucdp = PRECISION[record.kind]
            lat, lon = record.lat, record.lon
            if lat is None:
                seat = _district_seat(gazetteer, record)
                if seat is not None:
                    # Known only to its district: placed at the district seat, with district-level precision.
                    lat, lon, acled, ucdp = seat.lat, seat.lon, 2, 3
            elif hit.near and record.kind in ("town", "locality"):
                acled, ucdp = 2, 2
            places.append(
                Place(
                    id=f"p{len(places) + 1}",
                    name=record.name,
                    text=text,
                    country_code=record.country_code or None,
                    admin1=record.admin1 or None,
                    admin2=(record.admin2 or None) if record.kind not in ("country", "admin1") else None,
                    lat=lat,
                    lon=lon,
                    geonameid=record.id[3:] if record.id.startswith("gn:") else record.id,
                    kind=record.kind,
                    precision={"acled": acled, "ucdp": ucdp},
                    role=hit.role,  # type: ignore[arg-type]
                    start=hit.start,
                    end=hit.end,
                )
            )
        else:
            container: PlaceRecord = hit.synthetic["container"]  # type: ignore[assignment]
            ucdp = 3 if container.kind == "admin2" else 2
            lat, lon = container.lat, container.lon
            if lat is None:
                seat = _district_seat(gazetteer, container)
                if seat is not None:
                    lat, lon, ucdp = seat.lat, seat.lon, 3
            places.append(
                Place(
                    id=f"p{len(places) + 1}",
                    name=str(hit.synthetic["name"]),
                    text=text,
                    country_code=container.country_code or None,
                    admin1=container.admin1 or None,
                    admin2=container.admin2 or None,
                    lat=lat,
                    lon=lon,
                    geonameid=None,
                    kind="locality",
                    precision={"acled": 2, "ucdp": ucdp},
                    role=hit.role,  # type: ignore[arg-type]
                    start=hit.start,
                    end=hit.end,
                )
            )
    return places
