"""Which indexed names in a text stand for places. In: the index's capitalised name matches in a ``Doc``; out:
``Hit``s, each with its cues (locative, kind word, near) and, where it is no event location, its reason.

A hit must be capitalised as a name is (not an acronym, not a word capitalised by a headline), must not be
part of a longer name ("Imran Khan", "Kalat Scouts"), and a name that is also a common word needs a cue. A
name met as a person's surname ("Melissa Randolph") is that person throughout the report.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

from sitrep.geo.gazetteer import Gazetteer, NameMatch, get_gazetteer
from sitrep.geo.hits import (
    Doc,
    Hit,
    has_kind,
    is_capitalised,
    is_caps_sentence,
    joined_to_next,
    joined_to_previous,
)
from sitrep.geo.lexicon import Lexicon
from sitrep.geo.normalize import name_key
from sitrep.geo.roles import beside_direction, mention_reason, share_list_roles
from sitrep.geo.weights import place_weights
from sitrep.geo.words import CONNECTORS, NEAR_AFTER, SENTENCE_OPENERS, TITLE_LAST_WORDS, UNIT_WORDS

_NONE: frozenset[str] = frozenset()


def select_hits(
    doc: Doc,
    gazetteer: Gazetteer,
    matches: list[NameMatch],
    lexicon: Lexicon,
    datelines: list[tuple[int, int]],
    abbreviated: set[int] = frozenset(),  # type: ignore[assignment]
) -> list[Hit]:
    """The name matches that stand for places. ``matches`` holds capitalised matches only (lower case is never
    a name, even in a Title Case headline), sorted by start, longest first. ``abbreviated``: token positions
    just after a name that hold a state's abbreviation ("Norfolk, Va.")."""
    text, words = doc.text, doc.tokens.words
    sentence_starts = doc.sentence_starts
    hits: list[Hit] = []
    surnames: set[int] = set()  # names met after a first name ("Melissa Randolph")
    # Where the publication names met so far end, at the latest: matches come by start, so every one of them
    # began before the current match, which is inside one when it starts before that end.
    publications_end = -1
    covered_until = -1
    for match in matches:
        start = match.start
        entry = gazetteer.entry(match.key)
        if entry.publication:
            publications_end = max(publications_end, match.end)
            continue
        in_publication = start < publications_end
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
        if before and not joined_to_previous(doc, cue_at):
            before = _NONE
        after = words[match.last + 1] if match.last + 1 < len(words) else ""
        if (after in lexicon.kind_after or after in NEAR_AFTER) and not joined_to_next(doc, match.last):
            after = ""
        kind_cue = lexicon.kind_after.get(after)
        locative, motion = "locative" in before, "motion" in before
        in_dateline = bool(datelines) and any(s <= start < e for s, e in datelines)
        # A dateline is a place by position: "NORFOLK, Va. —" needs no "in" before it; nor does a name with a
        # state's abbreviation after it, wherever it stands ("Norfolk, Va. - A woman …").
        cued = locative or motion or (kind_cue is not None) or in_dateline or match.last + 1 in abbreviated
        if not cued and after in lexicon.local_force:
            # "New Orleans police", "Orlando police said": a person's name is not followed by "police"
            cued = joined_to_next(doc, match.last)
        if not cued and match.first > 0 and words[match.first - 1] in ("a", "an") and after.isalpha():
            # "a Detroit community hall", "an Orlando nightclub": an indefinite article, the name, a common noun
            # (a person is "a Mr. Orlando", never "an Orlando nightclub")
            following = match.last + 1
            cued = (
                text[doc.tokens.starts[following]].islower()
                and joined_to_next(doc, match.last)
                and joined_to_previous(doc, match.first)
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
        if entry.wordlike and not cued and (sentence_initial or is_caps_sentence(doc, sentence)):
            continue
        role, why = "event", ""
        embedded = _embedded_in_longer_name(doc, match, lexicon, sentence_initial)
        if embedded:
            # "Pakistan Army", "Balochistan Liberation Army": an organisation; "Imran Khan": a person.
            if "d" in entry.name_types or has_kind(gazetteer, match.key, ("country", "admin1")):
                role, why = "mention", "organisation"
            else:
                if embedded == "surname":
                    surnames.add(match.key)
                continue
        hit = Hit(
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
            or after in NEAR_AFTER
            or (
                (cue_at != match.first or after in lexicon.directions)
                and beside_direction(doc, match, lexicon)
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
            why = mention_reason(doc, match, lexicon, hit)
            if why:
                hit.role, hit.why = "mention", why
        hits.append(hit)
        covered_until = max(covered_until, match.end)
    share_list_roles(text, hits)
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


# Index key -> whether its name is listed in not_place_names.txt (names added since the index was built).
_NEVER_A_PLACE: dict[int, bool] = {}


def _never_a_place(key: int, written: str, lexicon: Lexicon) -> bool:
    never = _NEVER_A_PLACE.get(key)
    if never is None:
        never = _NEVER_A_PLACE[key] = name_key(written) in lexicon.not_places
    return never


def _looks_like_a_name(doc: Doc, match: NameMatch, sentence: int) -> bool:
    text, starts, ends, words = doc.text, doc.tokens.starts, doc.tokens.ends, doc.tokens.words
    if match.first == match.last:
        first_word = text[match.start : match.end]  # capitalised: find_names tested it
        # An acronym ("BLA", "FC", "CTD") in mixed-case prose; datelines are all caps and longer. The sentence
        # test reads the whole sentence: it goes last.
        return not (
            len(first_word) <= place_weights().acronym_max_letters
            and first_word.isupper()
            and match.start - (text.rfind("\n", 0, match.start) + 1) > 2
            and not is_caps_sentence(doc, sentence)
        )
    for i in range(match.first + 1, match.last + 1):
        if (
            not is_capitalised(text[starts[i] : ends[i]])
            and words[i] not in CONNECTORS
            and words[i] not in UNIT_WORDS
        ):
            return False
    return True


def _embedded_in_longer_name(doc: Doc, match: NameMatch, lexicon: Lexicon, sentence_initial: bool) -> str:
    """Whether the name is glued to other capitalised words that are not place words: "surname" after one
    ("Imran Khan"), "joined" in a compound ("Madag-e-Kalat") or before one ("Kalat Scouts"); else ""."""
    text, starts, ends, words = doc.text, doc.tokens.starts, doc.tokens.ends, doc.tokens.words
    if match.first > 0 and not sentence_initial:
        s, e = starts[match.first - 1], ends[match.first - 1]
        joined = text[e : match.start]
        previous = text[s:e]
        if (
            joined in (" ", "-")
            and is_capitalised(previous)
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
            titled = word in TITLE_LAST_WORDS or word in lexicon.not_places
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
            and is_capitalised(following)
            and not following.isupper()
            and words[match.last + 1] not in lexicon.facilities
            and words[match.last + 1] not in lexicon.kind_after
            and not _is_capitalised_place_word(words[match.last + 1])
            and words[match.last + 1] not in lexicon.directions
            and words[match.last + 1] not in lexicon.local_force
            # "Mashkai Tank area": a landmark of the place, named as an area; the place is still meant
            and not (match.last + 2 < len(words) and words[match.last + 2] in NEAR_AFTER)
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
        and has_kind(gazetteer, found[0], ("admin1", "admin2", "country"))
    )
