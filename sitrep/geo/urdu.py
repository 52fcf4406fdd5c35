"""Places named in Urdu script: the names of ``sitrep/data/ur/places.tsv`` (team-written provinces and districts,
GeoNames' Arabic-script alternate names of towns), each resolved to its gazetteer record by id. In: an Urdu
article's text; out: ``Place``s in text order, as the English resolver gives them.

A province named with a place inside it frames the report and is a mention, as is a district named in one sentence
with a tehsil or town of it ("ضلع کیچ کی تحصیل تمپ"); every other place is an event place,
the event stage choosing among them as it does for English, except a town named as where the wounded were
taken ("تربت کے ہسپتال", Turbat's hospital: ``ur/care_places.tsv``) or where people belong or were going
("کوئٹہ سے تعلق رکھنے والے", "گوادر سے تربت جا رہے تھے": ``ur/away_places.tsv``), a mention.

A name that is also an ordinary word (column cue: "مند" as in "ضرورت مند", "دشت" desert) counts only as a whole
word with a place word beside it ("تحصیل مند", "دشت کے علاقے": ``ur/place_cues.tsv``), or listed with a place that
counts ("تمپ، مند اور دشت میں").
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from sitrep.data import read_table
from sitrep.geo.gazetteer import PlaceRecord, get_gazetteer
from sitrep.geo.places import record_place
from sitrep.model import Place
from sitrep.nlp.urdu import (
    Match,
    PhraseFinder,
    alternation,
    other_stories,
    urdu_letters,
    urdu_lexicon,
    urdu_sentences,
    within_words,
)


def resolve_row(row: dict[str, str]) -> PlaceRecord | None:
    """The gazetteer record a row of ``ur/places.tsv`` maps to: the reading of its English name with its id."""
    gazetteer = get_gazetteer()
    found = gazetteer.lookup(row["name"])
    return next((r for r, _ in gazetteer.readings(found[0]) if r.id == row["place"]), None) if found else None


@cache
def _urdu_names() -> tuple[PhraseFinder, dict[str, PlaceRecord], frozenset[str]]:
    """The Urdu names with the gazetteer record each maps to (a row whose id the gazetteer lacks is skipped: the
    tests fail on it), and the names that need a place word beside them."""
    records: dict[str, PlaceRecord] = {}
    cued = set()
    for row in read_table("ur/places.tsv"):
        record = resolve_row(row)
        if record is not None:
            records[row["phrase"]] = record
            if row["cue"]:
                cued.add(row["phrase"])
    return PhraseFinder(list(records)), records, frozenset(cued)


def find_urdu_places(text: str) -> list[Place]:
    """Every place named in the Urdu ``text`` that the supplement knows, in text order."""
    written, text = text, urdu_letters(text)  # read as the claims reader reads it; names cut from the text
    finder, records, cued = _urdu_names()
    gazetteer = get_gazetteer()
    places = [
        record_place(gazetteer, records[m.phrase], f"p{i}", written[m.start : m.end], m.start, m.end)
        for i, m in enumerate(_counted(text, _whole_names(text, finder), cued), start=1)
    ]
    places = _inside_their_district(text, places)
    away = _away(text, places)
    places = [
        p.model_copy(update={"role": "mention"}) if _is_care_place(text, p) or p.id in away else p
        for p in places
    ]
    # A province named with a district or town inside it frames the report ("بلوچستان کے ضلع کیچ"): a mention.
    inside = {p.admin1 for p in places if p.kind != "admin1"}
    places = [
        p.model_copy(update={"role": "mention"}) if p.kind == "admin1" and p.admin1 in inside else p
        for p in places
    ]
    # So does a district named in one sentence with a tehsil or town of it ("ضلع کیچ کی تحصیل تمپ میں"): the
    # report's place is the town, also where the sentence tells no attack the event stage can read. (Not a town
    # named as where the wounded were taken: "ضلع کیچ میں فائرنگ، زخمی تربت کے ہسپتال منتقل".)
    framed = set()
    for start, end in urdu_sentences(text):
        named = [p for p in places if start <= p.start < end]
        framed |= {
            p.id
            for p in named
            if p.kind == "admin2" and any(q.role == "event" and _is_inside(q, p) for q in named)
        }
    places = [p.model_copy(update={"role": "mention"}) if p.id in framed else p for p in places]
    # A report whose body names no event place is about the place it was filed from, as the English places
    # stage reads it: its dateline becomes the event place. A page of briefs run together has a dateline to each
    # ("پنجگور (نامہ نگار) …", then "خاران (نمائندہ) …"): each brief is read so, to the next dateline.
    datelines = [i for i, p in enumerate(places) if _is_dateline(text, p)]
    # the second place of a two-place dateline ("پشاور، بنوں (…)") opens no brief of its own
    datelines = [
        i for i in datelines if i - 1 not in datelines or "\n" in text[places[i - 1].end : places[i].start]
    ]
    for at, end in itertools.pairwise([*datelines, len(places)]):
        if all(p.role == "mention" for p in places[at:end]):
            places[at] = places[at].model_copy(update={"role": "event"})
    return places


def _inside_their_district(text: str, places: list[Place]) -> list[Place]:
    """A name the text sets inside a district ("ضلع خیبر کے علاقے باغ", "مستونگ کے علاقے دشت") that the gazetteer
    places in another district (Bagh in Azad Kashmir, the Dasht of Kech) is a place of the same name there that the
    gazetteer does not know: it is read as that district, where the text puts it."""
    districts = {p.end: p for p in places if p.kind == "admin2"}
    read = []
    for place in places:
        before = _district_before().search(text, max(0, place.start - 40), place.start)
        district = districts.get(before.start()) if before else None
        if district is not None and place.kind != "admin1" and place.admin2 != district.admin2:
            place = district.model_copy(
                update={"id": place.id, "text": place.text, "start": place.start, "end": place.end}
            )
        read.append(place)
    return read


@cache
def _district_before() -> re.Pattern[str]:
    """What stands between a district and a place it holds: "کے علاقے", "کی تحصیل", "کے ضلع"."""
    # "ہی" (the very) may stand after the district: "مستونگ ہی کے علاقے دشت" (Dasht of Mastung itself)
    emphatic, genitive, within = (alternation(role) for role in ("emphatic", "genitive", "within"))
    return re.compile(rf"(?:\s+(?:{emphatic}))?\s+(?:{genitive})\s+(?:{within})\s+$")


def _whole_names(text: str, finder: PhraseFinder) -> list[Match]:
    """The names found that are whole words, as actors' names must be (``within_words``): "جنڈ" (Jand) is not
    read in "جنڈولہ" (Jandola), though a long phrase may otherwise run into the next word after a letter that
    does not join. Not in a link to another story ("یہ بھی پڑھیں: مستونگ میں …"): that story's place."""
    links = other_stories(text)
    return [
        m
        for m in finder.find(text)
        if within_words(text, m.start, m.end) and not any(a <= m.start < b for a, b in links)
    ]


def _is_inside(place: Place, district: Place) -> bool:
    return place.kind not in ("admin1", "admin2") and (place.admin1, place.admin2) == (
        district.admin1,
        district.admin2,
    )


@cache
def _place_cues() -> dict[str, tuple[str, ...]]:
    """The place words of ``ur/place_cues.tsv`` by side (before, after the name), longest first."""
    rows = read_table("ur/place_cues.tsv")
    return {
        side: tuple(sorted((r["phrase"] for r in rows if r["side"] == side), key=len, reverse=True))
        for side in ("before", "after")
    }


# What may stand between two names of a list ("تمپ، مند اور دشت"): spaces, commas and "and".


@cache
def _list_gap() -> re.Pattern[str]:
    """What may stand between two names of a list ("تمپ، مند اور دشت"): spaces, commas and "and"."""
    return re.compile(rf"(?:\s|[،,]|\b(?:{alternation('and')})\b)*")


@cache
def _away_list_gap() -> re.Pattern[str]:
    """Between the names of one list, or a place and one inside it ("بنوں، کرک اور پنجاب کے ضلع میانوالی")."""
    inside = rf"\b(?:{alternation('genitive')})\s+(?:{alternation('within')})\b"
    return re.compile(rf"(?:\s|[،,-]|\b(?:{alternation('and')})\b|{inside})*")


@cache
def _set_out() -> re.Pattern[str]:
    """ "گوادر سے تربت": from Gwadar to (Turbat)."""
    return re.compile(rf"\s*(?:{alternation('from')})\s*")


def _counted(text: str, matches: list[Match], cued: frozenset[str]) -> list[Match]:
    """The matches that name a place: all but the ordinary-word names without a place word beside them or a
    place that counts listed next to them."""
    ok = [
        m.phrase not in cued
        or (
            _whole_word(text, m)
            and (_has_cue(text, m) or _is_dateline(text, m) or _opens_the_report(text, m))
        )
        for m in matches
    ]
    changed = True
    while changed:  # a list's cue spreads along it, from one name to the next
        changed = False
        for i, match in enumerate(matches):
            if ok[i] or not _whole_word(text, match):
                continue
            neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(matches) and ok[j]]
            if any(_list_gap().fullmatch(text, *_between(match, matches[j])) for j in neighbours):
                ok[i] = changed = True
    return [m for m, keep in zip(matches, ok, strict=True) if keep]


def _between(one: Match, other: Match) -> tuple[int, int]:
    return (one.end, other.start) if one.end <= other.start else (other.end, one.start)


def _whole_word(text: str, match: Match) -> bool:
    """No letter touches the name: "خار" (thorn) is not read in "خارج", as the finder's glued endings allow."""
    before = text[match.start - 1] if match.start else " "
    after = text[match.end] if match.end < len(text) else " "
    return not before.isalpha() and not after.isalpha()


_CUE_REACH = 60  # characters: the longest cue with a place word skipped and the spaces around them


def _has_cue(
    text: str,
    match: Match | Place,
    cues: dict[str, tuple[str, ...]] | None = None,
    skip: tuple[str, ...] = (),
) -> bool:
    """Whether a place word (or another of ``cues`` by side) stands right before or right after the name,
    spaces apart; before it, also over one word of ``skip`` ("کا تعلق ضلع چکوال سے": "ضلع" between)."""
    cues = cues or _place_cues()
    # A window beside the name: cue words are short, and the text need not be copied whole for each name.
    before = text[max(0, match.start - _CUE_REACH) : match.start].rstrip()
    befores = [before]
    for word in skip:
        if _ends_with_word(before, word):
            befores.append(before[: -len(word)].rstrip())
            break
    after = text[match.end : match.end + _CUE_REACH].lstrip()
    return any(_ends_with_word(b, cue) for b in befores for cue in cues["before"]) or any(
        after.startswith(cue) and (len(after) == len(cue) or not after[len(cue)].isalpha())
        for cue in cues["after"]
    )


def _ends_with_word(text: str, word: str) -> bool:
    return text.endswith(word) and (len(text) == len(word) or not text[-len(word) - 1].isalpha())


@cache
def _away_cues() -> dict[str, dict[str, tuple[str, ...]]]:
    """The words of ``ur/away_places.tsv`` by kind (home, destination, road, direction, statement), then by side,
    longest first."""
    rows = read_table("ur/away_places.tsv")
    return {
        kind: {
            side: tuple(
                sorted(
                    (r["phrase"] for r in rows if (r["kind"], r["side"]) == (kind, side)),
                    key=len,
                    reverse=True,
                )
            )
            for side in ("before", "after")
        }
        for kind in ("home", "destination", "road", "direction", "statement")
    }


def _place_words() -> tuple[str, ...]:
    """The place words that stand before a name ("ضلع", "تحصیل"), longest first."""
    return _place_cues()["before"]


# Between the names of one list, or a place and one inside it ("بنوں، کرک اور پنجاب کے ضلع میانوالی").
# What the dateline's place is followed by: "کوئٹہ:", "پشاور (نمائندہ)", "پشاور…", "مچھ -".
_DATELINE = re.compile(r"\s*(?:[:(\u2026]|-\s|\u2013|\u2014)")
# Two places of one dateline: a one- or two-word name, then "،" or "/", then the other.
_NAME = r"[^\s\d،,/:()]+(?:\s[^\s\d،,/:()]+)?"
_FIRST_OF_TWO = re.compile(rf"\s*{_NAME}\s*[،,/]\s*")
_AND_SECOND = re.compile(rf"\s*[،,/]\s*{_NAME}")


def _away(text: str, places: list[Place]) -> set[str]:
    """The ids of the places named as where people belong or were going, or in a road's name
    (``ur/away_places.tsv``); of a place named with "سے" right before such a destination (where they set
    out); and of the dateline's place, where the report was filed (as the English places stage reads it)."""
    cues = _away_cues()
    away = {p.id for p in places if any(_has_cue(text, p, cues[kind], skip=_place_words()) for kind in cues)}
    going = {p.start: p for p in places if _has_cue(text, p, cues["destination"])}
    for place in places:
        gap = _set_out().match(text, place.end)
        if gap is not None and gap.end() in going:
            away.add(place.id)
    # The names of one list share its cue: "کا تعلق کوئٹہ اور خیبر پختونخوا سے ہے" (from Quetta and KP).
    for one, other in itertools.pairwise(places):
        if (one.id in away) != (other.id in away) and _away_list_gap().fullmatch(text, one.end, other.start):
            away |= {one.id, other.id}
    # after the lists: "کوئٹہ - مستونگ میں" is no list
    away |= {p.id for p in places if _is_dateline(text, p)}
    return away


def _is_dateline(text: str, name: Match | Place) -> bool:
    """Whether the name opens the text, or a brief's line in a page of them, as its dateline ("چمن:", "کوئٹہ
    (نمائندہ)"): where the report was filed, which is cue enough for a name that is also an ordinary word."""
    line = text.rfind("\n", 0, name.start) + 1
    if text[line : name.start].strip():
        # the second of two places a dateline names: "پشاور، بنوں (نمائندگان جنگ)", "کوئٹہ/آواران (بیورو رپورٹ)"
        return (
            _FIRST_OF_TWO.fullmatch(text, line, name.start) is not None
            and _DATELINE.match(text, name.end) is not None
        )
    if _DATELINE.match(text, name.end) is not None:
        return True
    # the first of two
    second = _AND_SECOND.match(text, name.end)
    return second is not None and _DATELINE.match(text, second.end()) is not None


def _opens_the_report(text: str, name: Match) -> bool:
    """Whether the name is the report's first word, a case marker after it ("چمن کے مال روڈ پر …", "سوات میں …"):
    reports open with their place, which is cue enough for a name that is also an ordinary word."""
    line = text.rfind("\n", 0, name.start) + 1
    before = text[line : name.start]
    # … or the first word after the dateline: "کوئٹہ: چمن میں پاک افغان سرحد پر …"
    opens = not before.strip() or _DATELINE_BEFORE.fullmatch(before) is not None
    return opens and _opening_marker().match(text, name.end) is not None


# A dateline before the report's first word: a one- to three-word name, then ":", a byline in brackets or a dash.
_DATELINE_BEFORE = re.compile(r"\s*[^\s\d:()]+(?:\s[^\s\d:()]+){0,2}\s*(?::|\([^()\n]*\)|[-\u2013\u2014])\s*")


@cache
def _opening_marker() -> re.Pattern[str]:
    """A case marker, but not "نے" (the doer's: "غلام خان نے درخواست دائر کی" names a person)."""
    doer = alternation("agent")
    return re.compile(rf"\s+(?!(?:{doer})(?!\S))(?:{alternation('case_marker')})(?!\S)")


_CARE_REACH = 25  # characters from a place name to the hospital word it names: "تربت کے ٹیچنگ ہسپتال"


def _is_care_place(text: str, place: Place) -> bool:
    """Whether the place is named as where the wounded or dead were taken (a hospital word right after it)."""
    stop = min(len(text), place.end + _CARE_REACH)
    return next(urdu_lexicon().care_places.find(text, place.end, stop), None) is not None
