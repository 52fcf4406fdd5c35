"""Individuation: an article's claims, places, tactics, actors and dates grouped into events and campaigns.

An event is one place × one day × one actor pair, as ACLED codes them; its type is its highest-priority
tactic (a grenade attack that turned into a gunfight stays one event). How sentences become events:

- An *incident sentence* has a tactic word or a casualty figure. It takes its place from the event places it
  names, else from the previous incident sentence, else from the first event place of the article; its date
  likewise from its own date words, else the previous incident sentence's, else the article's.
- An attack the text tells apart from one already told at that place and day ("in a separate attack",
  "another blast", "Separately, …": ``data/distinct_attacks.tsv``) is an event of its own there.
- A sentence naming several event places ("attacks in Quetta, Nushki and Kalat") makes one event per place.
  Its figures cannot be split by place: they go to the article's campaign when it names one, else to the
  event of the first place named.
- A named operation ("Operation Sandwall", "the second phase of …") makes a campaign holding every event of the
  article and the campaign-wide figures.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from operator import itemgetter
from typing import NamedTuple

from sitrep.countries import country as _country
from sitrep.data import read_table
from sitrep.events.actors import (
    ActorDictionary,
    ActorMention,
    claim_phrase_words,
    has_cue_word,
    load_actors,
    may_state_responsibility,
    responsibility,
    responsibility_cue_words,
)
from sitrep.events.dates import EventDate, find_event_date, incident_day, tells_a_proceeding
from sitrep.events.figures import event_figure_fields
from sitrep.events.tactics import TacticMatch, Target, choose_type, tactic_reader
from sitrep.model import Campaign, Claim, Event, Place
from sitrep.nlp.attribution import attribution_reader
from sitrep.nlp.lexicon import PhraseTable, Token, Tokens, has_any_word

_OPERATION_RE = re.compile(
    r"\bOperation\s+[\"“']?(?P<name>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})[\"”']?"
    r"(?:,?\s+[Pp]hase\s+(?P<phase>[IVX]+|\d+|[Oo]ne|[Tt]wo|[Tt]hree))?"
)
_PHASE_RE = re.compile(r"\b(?P<ordinal>second|third|fourth|fifth|final)\s+phase\b", re.IGNORECASE)
_ORDINAL_PHASE = {"second": "II", "third": "III", "fourth": "IV", "fifth": "V", "final": "final"}
_NON_STATE_KINDS = {"rebel_group", "political_militia", "identity_militia", "unidentified"}
_MILITIA_KINDS = {"political_militia", "identity_militia"}
_DEFAULT_TYPES = {
    "armed": ("Battles", "Armed clash", "Armed Assault"),
    "civilians": ("Violence against civilians", "Attack", "Armed Assault"),
    "unknown": ("Violence against civilians", "Attack", "Unknown"),
}


@dataclass(slots=True)
class Sentence:
    """One sentence of the article with what the stages found in it."""

    start: int
    end: int
    tokens: list[Token]
    norms: Set[str]  # of its tokens
    claims: list[Claim] = field(default_factory=list)
    tactics: list[TacticMatch] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    date: EventDate | None = None

    @property
    def is_incident(self) -> bool:
        return bool(self.tactics or self.claims)


@dataclass
class _Group:
    place: Place | None
    day: date | None
    date: EventDate | None
    sentences: list[Sentence] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    attack: int = 0  # the attacks the text told apart before this one ("in a separate attack")


def build_events(
    text: str,
    published: date | None,
    sentences: Sequence[tuple[int, int, list[Token]]],
    claims: list[Claim],
    places: list[Place],
    actors: ActorDictionary | None = None,
) -> tuple[list[Event], list[Campaign]]:
    """Events and campaigns of one article. ``sentences`` are (start, end, tokens) with the tokens
    ``tokenize(text[start:end])`` gives (responsibility is read from them)."""
    actors = actors or load_actors()
    # Background figures (earlier incidents, yearly statistics) stay the article's claims but make no event,
    # nor do the sentences that tell only of them ("last year, 40 were killed in similar attacks").
    background = {(c.start, c.end) for c in claims if c.background}
    claims = [c for c in claims if not c.background]
    background -= {(c.start, c.end) for c in claims}
    if background:
        sentences = [s for s in sentences if (s[0], s[1]) not in background]
    reported = _without_dateline(text, places)
    located = [p for p in reported if not _away(text, p)]
    read = _read_sentences(text, published, sentences, claims, located, actors, places)
    campaign_name = _campaign_name(text)
    # The dateline stays the place of last resort: a local report is often filed where it happened.
    event_places = located or reported or places
    groups, campaign_claims = _group(read, event_places, campaign_name is not None)
    coordinated = None if campaign_name else _coordinated(read, groups)
    if coordinated is not None:  # one group's attacks across a province: its figures are the campaign's
        campaign_name = coordinated[0]
        groups, campaign_claims = _group(read, event_places, True)
    if len(groups) > 1:
        _drop_article_totals(groups)
        groups = _without_past_mentions(groups)
        groups = _without_background_incidents(groups, published)
    claimed_by, denied_by = _responsibility(text, read, actors)

    # An event whose sentences name no armed group is the article's, when the article names only one.
    article_actor = _article_actor(read, actors)
    article_state = _article_state(read)
    article_country, support = _article_country(reported or places)
    # The countries of the groups and forces the article names outright (not by a common noun).
    named_countries = {
        m.actor.country for s in read for m in s.actors if not m.actor.generic and m.actor.country
    }
    # Generic actors take the country of a report about another country: two of its places, or one in a
    # report naming no group or force outright (a lone name read as a place abroad beside "the BLA" is more
    # likely a misread place).
    focus = article_country if support >= 2 or (support and not named_countries) else None
    events = []
    for group in groups:
        event = _event(
            f"e{len(events) + 1}",
            group,
            claimed_by,
            denied_by,
            actors,
            article_actor,
            article_state,
            article_country,
            focus,
            named_countries,
        )
        if event is not None:
            events.append(event)
    campaigns = []
    if campaign_name and (events or campaign_claims):
        told = [s.date for s in read if s.claims and s.date is not None and s.date.date is not None]
        days = [e.date for e in events if e.date] or [
            d.date for d in told if d.rule != "publication" or len(told) == 1
        ]
        actor = claimed_by[0] if claimed_by else next((e.actor1 for e in events if e.actor1), None)
        campaign = Campaign(
            id="k1",
            name=campaign_name,
            actor=actor or (coordinated[1] if coordinated else None),
            event_ids=[e.id for e in events],
            claim_ids=[c.id for c in campaign_claims],
            named=coordinated is None,
            date_first=min(days, default=None),
            date_last=max(days, default=None),
        )
        campaigns.append(campaign)
        events = [e.model_copy(update={"campaign_id": campaign.id}) for e in events]
    return events, campaigns


def _read_sentences(
    text: str,
    published: date | None,
    sentences: Sequence[tuple[int, int, list[Token]]],
    claims: list[Claim],
    places: list[Place],
    actors: ActorDictionary,
    all_places: list[Place] | None = None,
) -> list[Sentence]:
    tactics = tactic_reader()
    tactic_words = tactics.table.first_words
    claims_at: dict[int, list[Claim]] = {}
    for claim in claims:
        claims_at.setdefault(claim.start, []).append(claim)
    event_places = [p for p in places if p.role == "event"]
    dateline = _dateline_end(text, all_places or [])
    follow_up: list[EventDate | None] = []  # the incident's day of a follow-up report, read once when needed
    mentions = actors.find(text)  # one automaton pass over the article, shared out to its sentences
    mention_starts = [m.start for m in mentions]  # in text order
    out = []
    for start, end, tokens in sentences:
        # The tokens' own index of their norms (built by the claims stage before us) serves as the set.
        norms = tokens.norms().keys() if isinstance(tokens, Tokens) else set(map(_token_norm, tokens))
        # A sentence with no first word of a tactic phrase has none: skip the phrase matcher.
        found = tactics.find(tokens, offset=start) if not tactic_words.isdisjoint(norms) else []
        if found and not _haul_words("haul").isdisjoint(norms) and _haul_words("use").isdisjoint(norms):
            found = [t for t in found if t.phrase not in _haul_words("weapon")]  # what was seized, not used
        named = mentions[bisect_left(mention_starts, start) : bisect_left(mention_starts, end)]
        if named:
            named = [m for m in named if not _speaks(tokens, m.start - start, m.end - start)]
            if any(m.actor.kind in _NON_STATE_KINDS for m in named) and _suspects(tokens, norms):
                # A group named as a suspect or a guess is not the doer the report names.
                named = [m for m in named if m.actor.kind not in _NON_STATE_KINDS]
        sentence = Sentence(start, end, tokens, norms, claims_at.get(start, []), found, [], named)
        if sentence.is_incident:
            sentence.places = [p for p in event_places if start <= p.start < end]
            words = text[start:end]
            if start < dateline < end:  # the dateline's date is the filing day, not the event's
                words = " " * (dateline - start) + words[dateline - start :]
            sentence.date = find_event_date(words, published, context=text[:start])
            if _vague_or_a_proceedings(sentence.date, words):
                # No date words, only a month ("earlier this month"), or a charge's or a court's day ("were
                # indicted Thursday over the shooting"): in a follow-up report, the day of the incident it is
                # about, when the month holds it.
                if not follow_up:
                    follow_up.append(incident_day(text, published, [(s, e) for s, e, _t in sentences]))
                if follow_up[0] is not None and _holds_day(sentence.date, follow_up[0]):
                    sentence.date = follow_up[0]
        out.append(sentence)
    return out


def _vague_or_a_proceedings(date: EventDate, words: str) -> bool:
    """Whether a sentence's date may not be its incident's: none of its own, a month, or a day told with a
    charge, a court or a ceremony."""
    return date.rule == "publication" or date.precision.get("acled") == 3 or tells_a_proceeding(words)


def _holds_day(vague: EventDate, day: EventDate) -> bool:
    """Whether a sentence's date (none of its own, a month, a proceeding's day) may give way to ``day``."""
    if vague.rule == "publication" or vague.date is None or day.date is None:
        return True
    if vague.precision.get("acled") == 3:
        return (vague.date.year, vague.date.month) == (day.date.year, day.date.month)
    return day.date < vague.date  # a proceeding comes after its incident


# What follows a place that opens an article when it is the dateline ("QUETTA: …", "Islamabad, Dec 10 …",
# "(Karachi) …", "PESHAWAR - …"): the place where the report was filed, not where the attack was.
_DATELINE_END = re.compile(r"\s*(?:[:,)\u2013\u2014]|-\s|\(|\[)")


# Words before a place that make it where someone went or came from, or a point of reference, not where the
# attack was: "taken to Quetta", "labourers from Punjab", "a train on its way to Quetta from Lahore",
# "200 km south-west of Peshawar", "east of the provincial capital Quetta", "a district bordering Iran", "the
# border with Afghanistan". Not "close to", "next to".
_AWAY = re.compile(
    r"(?:(?<!\bclose )(?<!\bnext )(?<!\badjacent )\b(?:to|from|towards?)"
    r"|\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of"
    r"|\bborder(?:s|ing|ed)?(?:\s+with)?)"
    r"\s+(?:the\s+)?(?:(?:provincial|federal)\s+)?(?:capital\s+(?:city\s+)?(?:of\s+)?)?$",
    re.IGNORECASE,
)


# After a place: a destination named as an adjective ("a Quetta-bound train", "Rawalpindi bound express").
_BOUND = re.compile(r"\s*-?\s*bound\b", re.IGNORECASE)


def _away(text: str, place: Place) -> bool:
    """Whether the words around a place name it as a destination, an origin or a point of reference."""
    away = _AWAY.search(text, max(0, place.start - 48), place.start)
    if away is not None and place.role == "event" and away.group(0).lower().startswith("from"):
        # The places stage read "abducted from X", "bodies recovered from X" as where it happened.
        away = None
    return away is not None or _BOUND.match(text, place.end) is not None


# The rest of a dateline after its place: a country in brackets, the filing date, a news agency, the dash or
# colon ("Balochistan [Pakistan], September 16 :", "Islamabad, Mar 21 (UNI)", "PESHAWAR, Dec 5 -").
_MONTH = rf"(?:{'|'.join(calendar.month_abbr[1:])})[a-z]*\.?"  # "Sep", "Sept.", "September"
_DATELINE_TAIL = re.compile(
    r"(?:\s*[\[(][^\])\n]{1,40}[\])])?"
    rf"(?:\s*,?\s*(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{_MONTH})(?:\s*,?\s*\d{{4}})?)?"
    r"(?:\s*\([A-Za-z .]{1,12}\))?"
    r"\s*(?:[:\u2013\u2014]|-(?=\s))?"
)


def _dateline_end(text: str, places: list[Place]) -> int:
    """Where the article's dateline ends (0 when it opens with none)."""
    if not places or places[0].start > 2:  # the common case: the article opens with no place
        return 0
    head = len(text) - len(text.lstrip(" \n\t(["))
    first = places[0]
    if first.start != head or not _DATELINE_END.match(text, first.end):
        return 0
    tail = _DATELINE_TAIL.match(text, first.end)
    return tail.end() if tail else first.end


def _without_dateline(text: str, places: list[Place]) -> list[Place]:
    """The places without the article's dateline (its place and a country bracketed after it), unless the
    places stage made the dateline the event place (the report names no other)."""
    end = _dateline_end(text, places)
    return [p for p in places if p.start >= end or p.role == "event"] if end else places


def _responsibility(
    text: str, sentences: list[Sentence], actors: ActorDictionary
) -> tuple[list[str], list[str]]:
    """Who claims or denies the attack, read from the sentences with a responsibility cue word (it is costly)."""
    if not (text.isascii() or len(text.lower()) == len(text)):
        # A character that lengthens in lower case ("İ") makes token norms and the words ``has_any_word`` reads
        # differ: read the sentences' text, as before tokens were reused here.
        cue_words = responsibility_cue_words()
        cue_text = " ".join(
            text[s.start : s.end] for s in sentences if has_any_word(text[s.start : s.end], cue_words)
        )
        return responsibility(cue_text, actors) if cue_text else ([], [])
    # Most articles hold no claim or deny phrase, and then there is nothing to read. In the joined sentences a
    # phrase lies within one sentence, which then has all its words, or runs on from a sentence's last token.
    phrase_words = claim_phrase_words()
    if not any(
        may_state_responsibility(s.norms) or (s.tokens and s.tokens[-1].norm in phrase_words)
        for s in sentences
    ):
        return [], []
    cued = [i for i, s in enumerate(sentences) if has_cue_word(text[s.start : s.end], s.norms)]
    if not cued:
        return [], []
    # With the sentence before each: "the group claimed responsibility" names the group the sentence before
    # named ("Fighters of the BLF ambushed a convoy. The group claimed responsibility.").
    cue_sentences = [sentences[i] for i in sorted({j for i in cued for j in (i - 1, i) if j >= 0})]
    # The sentences joined by spaces, with their tokens placed in the joined text (no token spans a space, so
    # these are the tokens the joined text has).
    pieces = []
    offset = 0
    for sentence in cue_sentences:
        pieces.append((offset, sentence.tokens))
        offset += sentence.end - sentence.start + 1
    cue_text = " ".join(text[s.start : s.end] for s in cue_sentences)
    return responsibility(cue_text, actors, pieces)


@cache
def _haul_words(role: str) -> frozenset[str]:
    """The words of ``weapon_haul.tsv`` with a role: haul (found, seized), weapon, use (exploded, hurled)."""
    return frozenset(row["phrase"] for row in read_table("weapon_haul.tsv") if row["role"] == role)


@cache
def _off_guard_words() -> PhraseTable[str]:
    return PhraseTable([(row["phrase"], row["phrase"]) for row in read_table("off_guard.tsv")])


def _off_guard(tokens: list[Token], norms: Set[str]) -> bool:
    table = _off_guard_words()
    return not table.first_words.isdisjoint(norms) and next(iter(table.find_all(tokens)), None) is not None


@cache
def _suspect_words() -> PhraseTable[str]:
    return PhraseTable([(row["phrase"], row["phrase"]) for row in read_table("suspects.tsv")])


def _suspects(tokens: list[Token], norms: Set[str]) -> bool:
    """Whether a sentence names someone as a suspect or a guess ("the prime suspect", "no group claimed")."""
    table = _suspect_words()
    return not table.first_words.isdisjoint(norms) and next(iter(table.find_all(tokens)), None) is not None


def _speaks(tokens: list[Token], start: int, end: int) -> bool:
    """An actor named as the source of a statement ("…, police said", "according to the army") is a claimant,
    not a party to the event."""
    reporting = attribution_reader().reporting
    after = bisect_left(tokens, end, key=_token_start)  # the first token after the actor
    if after < len(tokens) and tokens[after].norm in reporting.first_words:
        match = reporting.match_at(tokens, after)
        if match and match.payload.form == "verb":
            return True
    before = bisect_right(tokens, start, key=_token_end)  # the tokens before the actor
    return before >= 2 and tokens[before - 2].norm == "according" and tokens[before - 1].norm == "to"


# Token fields by position, for map and bisect. Tokens are in text order: their starts and ends are sorted.
_token_norm, _token_start, _token_end = itemgetter(1), itemgetter(2), itemgetter(3)


def _group(
    sentences: list[Sentence], places: list[Place], has_campaign: bool
) -> tuple[list[_Group], list[Claim]]:
    # A sentence of violence that names no place, before any that does, is set where the article first places
    # violence; failing that, at the article's first event place.
    first_place = next((p for s in sentences if s.is_incident for p in s.places), None) or next(
        (p for p in places if p.role == "event"), None
    )
    groups: dict[tuple[str | None, date | None, int], _Group] = {}
    campaign_claims: list[Claim] = []
    place: Place | None = None
    when: EventDate | None = None
    # Per place and day, the attacks the text has told apart there so far ("in a separate attack").
    apart: dict[tuple[str | None, date | None], int] = {}
    for sentence in sentences:
        if not sentence.is_incident:
            continue
        own_places = _distinct(sentence.places)
        if sentence.date is not None and sentence.date.rule != "publication" or when is None:
            when = sentence.date
        fine_places = [p for p in own_places if p.precision.get("acled", 3) < 3]
        # Figures of a campaign that no single place can hold: several places, or none / a whole province.
        campaign_wide = len(own_places) > 1 or not fine_places
        targets = own_places or [place or first_place]
        if len(targets) > 1 and targets[0].start == sentence.start:
            # A place opening the sentence beside others is its dateline ("QUETTA: … in Kalat"): the figures
            # go to a place named in the report itself.
            targets = [*targets[1:], targets[0]]
        if has_campaign and not fine_places:
            targets = []  # a summary of the whole campaign ("attacks across the province"), not an event
        day = when.date if when else None
        if targets and sentence.tactics and _tells_another_attack(sentence):
            for target in targets:  # another attack where one is already told
                spot = (target.id if target else None, day)
                if (*spot, apart.get(spot, 0)) in groups:
                    apart[spot] = apart.get(spot, 0) + 1
        for target in targets:
            spot = (target.id if target else None, day)
            key = (*spot, apart.get(spot, 0))
            group = groups.setdefault(key, _Group(target, day, when, attack=key[2]))
            group.sentences.append(sentence)
        if has_campaign and campaign_wide:
            campaign_claims.extend(sentence.claims)
        else:
            spot = (targets[0].id if targets[0] else None, day)
            groups[(*spot, apart.get(spot, 0))].claims.extend(sentence.claims)
        if own_places:
            place = own_places[0] if len(own_places) == 1 else place
    return _merge(list(groups.values())), campaign_claims


# How fine a place is, for the place an event keeps when several of its mentions are merged: a village or town
# over a tehsil over a district.
_FINENESS = {"locality": 0, "town": 0, "admin3": 1, "admin2": 2, "admin1": 3, "country": 4}


def _district(place: Place | None) -> tuple[str | None, str | None, str] | None:
    """The district a place lies in (None for a province, a country or no place): two mentions in one
    district on one day are one event, as ACLED codes one place a day."""
    if place is None or place.kind in ("admin1", "country"):
        return None
    return (place.country_code, place.admin1, (place.admin2 or place.name).casefold())


def _covers(coarse: Place | None, fine: Place) -> bool:
    """A province, country or missing place that may stand for ``fine`` (it contains it)."""
    if coarse is None:
        return True
    if coarse.kind == "country":
        return coarse.country_code == fine.country_code
    return (
        coarse.kind == "admin1" and coarse.admin1 == fine.admin1 and coarse.country_code == fine.country_code
    )


def _join(into: _Group, other: _Group, keep_day: bool = False) -> None:
    """``other``'s sentences and claims into ``into``, which keeps the finer place and a known day."""
    if other.place is not None and (
        into.place is None or _FINENESS[other.place.kind] < _FINENESS[into.place.kind]
    ):
        into.place = other.place
    if into.day is None and other.day is not None and not keep_day:
        into.day, into.date = other.day, other.date
    sentences = {id(s): s for s in into.sentences + other.sentences}
    into.sentences = sorted(sentences.values(), key=_sentence_start)
    into.claims = sorted({c.id: c for c in into.claims + other.claims}.values(), key=_claim_start)


class _DistinctAttackWords(NamedTuple):
    cues: frozenset[str]
    nouns: frozenset[str]
    openers: frozenset[str]
    told: frozenset[str]


@cache
def _distinct_attack_words() -> _DistinctAttackWords:
    """The words of ``data/distinct_attacks.tsv``, by kind."""
    rows = read_table("distinct_attacks.tsv")
    kinds = ("cue", "noun", "opener", "told")
    return _DistinctAttackWords(*(frozenset(r["word"] for r in rows if r["kind"] == kind) for kind in kinds))


def _tells_another_attack(sentence: Sentence) -> bool:
    """Whether the sentence tells an attack apart from the one before ("in a separate attack", "another
    blast", "Separately, gunmen …"); "the second ambush" points back at one already told."""
    words = _distinct_attack_words()
    if not sentence.norms & words.cues and not sentence.norms & words.openers:
        return False
    norms = [_token_norm(token) for token in sentence.tokens]
    if norms and norms[0] in words.openers:
        return True
    return any(
        norm in words.cues
        and any(after in words.nouns for after in norms[index + 1 : index + 3])
        and (index == 0 or norms[index - 1] not in words.told)
        for index, norm in enumerate(norms)
    )


def _listed_apart(one: _Group, other: _Group) -> bool:
    """Two towns or tehsils of one district that are two attacks: named together as the places of several
    ("attacks in Tump and Turbat"), or each told with figures of its own, or each told without any (two
    operations, one per area). A place told without figures beside one told with them is the same attack
    described again ("the blast in Turbat … the injured from Satellite Town")."""
    if one.attack != other.attack:
        return True  # the text told them apart ("in a separate attack")
    if one.place is None or other.place is None or one.place.name == other.place.name:
        return False
    towns = ("town", "locality", "admin3")
    if one.place.kind not in towns or other.place.kind not in towns:
        return False
    if bool(one.claims) == bool(other.claims):
        return True
    shared = {id(s) for s in one.sentences}
    return any(id(s) in shared for s in other.sentences)


def _sentence_start(sentence: Sentence) -> int:
    return sentence.start


def _claim_start(claim: Claim) -> int:
    return claim.start


def _merge(groups: list[_Group]) -> list[_Group]:
    """One event per attack: the mentions of one district on one day (town, tehsil and district named in
    different sentences) are one event at the finest place named. A province, a country or no place is the
    place of an event only when the report names nothing smaller for that day: such a group joins the one
    district group it can stand for; beside several districts it is kept only for the figures it holds
    (a province-level claim is never dropped), and a group without figures is dropped when the same day has
    an event at a named district (a province named without figures is context, not a second attack)."""
    if len(groups) < 2:
        return groups
    fine: dict[tuple[object, ...], _Group] = {}
    coarse: list[_Group] = []
    for group in groups:
        district = _district(group.place)
        key: tuple[object, ...] = (district, group.day)
        if district is None:
            coarse.append(group)
            continue
        while key in fine and _listed_apart(fine[key], group):
            key = (*key, group.place.id if group.place else None)
        if key in fine:
            _join(fine[key], group)
        else:
            fine[key] = group
    # An undated mention of a district joins that district's one dated event.
    for (district, day, *apart), group in list(fine.items()):
        if day is not None:
            continue
        dated = [g for (d, when, *_), g in fine.items() if d == district and when is not None]
        if len(dated) == 1:
            _join(dated[0], group)
            del fine[(district, day, *apart)]
    # A group dated only to the week (a statement's day, the publication's week) is the district's event of a
    # day in that week: a precisely dated one first.
    for key, group in list(fine.items()):
        if group.day is None or group.date is None or group.date.precision.get("acled", 1) != 2:
            continue
        week = _neighbours(
            fine, key, group, lambda days, g, group: abs(days) < 7 and not _listed_apart(g, group)
        )
        week.sort(key=lambda g: g.date is None or g.date.precision.get("acled", 1) != 1)
        if week:
            _join(week[0], group, keep_day=True)
            del fine[key]
    # A mention of the district without figures a day before or after its event (a date read from a
    # neighbouring sentence, an overnight attack) is that event, not another attack.
    for key, group in list(fine.items()):
        if group.claims or group.day is None:
            continue
        near = _neighbours(
            fine,
            key,
            group,
            lambda days, g, group: bool(g.claims) and abs(days) <= 1 and not _listed_apart(g, group),
        )
        if len(near) == 1:
            _join(near[0], group)
            del fine[key]
    _join_later_deaths(fine)
    kept = list(fine.values())
    # One province (or country, or no place) on one day is one group before it is weighed against districts.
    by_area: dict[tuple[object, ...], _Group] = {}
    for group in coarse:
        place = group.place
        area = (
            (place.kind, place.country_code, place.admin1, group.day)
            if place
            else (None, None, None, group.day)
        )
        if area in by_area:
            _join(by_area[area], group)
        else:
            by_area[area] = group
    coarse = list(by_area.values())
    for group in coarse:
        same_day = [g for g in kept if group.day is None or g.day is None or g.day == group.day]
        inside = [g for g in same_day if g.place is not None and _covers(group.place, g.place)]
        if len({_district(g.place) for g in inside}) == 1:
            _join(inside[0], group)
        elif group.claims or not same_day:
            kept.append(group)
    return sorted(kept, key=lambda g: g.sentences[0].start if g.sentences else 0)


def _neighbours(
    fine: dict[tuple[object, ...], _Group],
    key: tuple[object, ...],
    group: _Group,
    fits: Callable[[int, _Group, _Group], bool],
) -> list[_Group]:
    """The other dated groups of ``group``'s district (``key[0]``) that ``fits`` takes: it is given how many
    days before ``group``'s day each is, the other group, and ``group``."""
    assert group.day is not None
    return [
        g
        for (district, when, *_), g in fine.items()
        if g is not group
        and district == key[0]
        and when is not None
        and fits((group.day - when).days, g, group)
    ]


def _join_later_deaths(fine: dict[tuple[object, ...], _Group]) -> None:
    """Deaths told on a later day in a district whose earlier event counted people hurt ("a woman was wounded
    on Friday … she died on Saturday", "the victim died of his wounds two days later") are that event's: the
    wounded who died, not another attack. Only a group whose figures are all deaths, within a week after."""
    for key, group in list(fine.items()):
        if group.day is None or not group.claims or any(c.outcome != "killed" for c in group.claims):
            continue
        earlier = _neighbours(
            fine,
            key,
            group,
            lambda days, g, _group: (
                0 < days <= 7 and any(c.outcome in ("injured", "casualties") for c in g.claims)
            ),
        )
        if len(earlier) == 1:
            _join(earlier[0], group)
            del fine[key]


def _without_past_mentions(groups: list[_Group]) -> list[_Group]:
    """Without the groups that only mention an earlier attack ("last year, labourers were gunned down in the
    same area"): no figure of their own, dated over a week before every event the report gives figures for."""
    counted = [g.day for g in groups if g.claims and g.day is not None]
    if not counted:
        return groups
    return [
        g
        for g in groups
        if g.claims or g.day is None or any((day - g.day).days <= 7 for day in counted)
    ]


# Fresh news is dated within this many days of publication; an incident told with figures this many days before
# its newest incident is background.
FRESH_DAYS = 7
BACKGROUND_DAYS = 60


def _without_background_incidents(groups: list[_Group], published: date | None) -> list[_Group]:
    """Without the incidents of months or years before that fresh news recalls with their figures ("On June 3,
    2015, two men were killed at the same bar"): their claims are background, kept but in no event. Only in a
    report of fresh news (figures it dates within ``FRESH_DAYS`` of publication in its own words): a follow-up's
    incident is its news however old. Only incidents dated to the day: a year or a month is often told in the sentence of the
    fresh news itself ("opened fire on a vigil for a man slain in 2014, killing one")."""
    if published is None:
        return groups
    # The report's own day words count, not the publication date standing in for them.
    fresh = [
        g.day
        for g in groups
        if g.claims
        and g.day is not None
        and g.date is not None
        and g.date.rule != "publication"
        and (published - g.day).days <= FRESH_DAYS
    ]
    if not fresh:
        return groups
    newest = max(fresh)
    kept = []
    for group in groups:
        # Only a day told: a year ("a man slain in 2014") may share the fresh news's sentence.
        if (
            group.claims
            and group.day is not None
            and group.date is not None
            and group.date.precision.get("acled") == 1
            and (newest - group.day).days > BACKGROUND_DAYS
        ):
            for claim in group.claims:
                claim.background = True
            continue
        kept.append(group)
    return kept


def _drop_article_totals(groups: list[_Group]) -> None:
    """A figure that is the sum of the figures of several events ("seven militants were killed in two
    operations" beside six in one and one in the other) is the article's total, not one event's: it is left
    out of the event whose sentence told it (it stays a claim of the article)."""
    def largest(claims: list[Claim], outcome: str, victim: str, without: Claim | None = None) -> int:
        return max(
            (
                c.count.low or 0
                for c in claims
                if c is not without and c.outcome == outcome and c.victim == victim and c.part_of is None
            ),
            default=0,
        )

    for group in groups:
        for claim in list(group.claims):
            if claim.count.low is None or claim.count.low != claim.count.high:
                continue
            parts = [largest(group.claims, claim.outcome, claim.victim, claim)] + [
                largest(other.claims, claim.outcome, claim.victim) for other in groups if other is not group
            ]
            if sum(1 for n in parts if n) >= 2 and sum(parts) == claim.count.low:
                group.claims.remove(claim)


def _distinct(places: list[Place]) -> list[Place]:
    """The places a sentence sets events in: one per name, and no container of another place named with it
    ("Turbat in Kech district" is one event at Turbat; "Quetta, Balochistan" one at Quetta)."""
    seen: dict[str, Place] = {}
    for place in places:
        seen.setdefault(f"{place.name}|{place.admin2}|{place.admin1}", place)
    distinct = list(seen.values())
    return [p for p in distinct if not any(_contains(p, other) for other in distinct if other is not p)]


def _contains(container: Place, place: Place) -> bool:
    if container.kind == "country":
        return place.country_code == container.country_code
    if container.kind == "admin1":
        return place.kind != "admin1" and place.admin1 == container.admin1
    if container.kind == "admin2":
        return place.kind not in ("admin1", "admin2") and place.admin2 == container.admin2
    return False


def _target(group: _Group, state_named: bool, militia_named: bool = False) -> Target:
    """Whom the event hit: armed people (a clash), or civilians — including people the text does not
    describe as armed ("a person was shot dead"), as ACLED reads them. A member of a militia (a pro-government
    "death squad", a peace committee) is armed: ACLED codes the killing of one as a clash between groups."""
    victims = {c.victim for s in group.sentences for c in s.claims}
    if any(_off_guard(s.tokens, s.norms) for s in group.sentences):
        return "civilians"  # people shot unawares or unarmed: one-sided, whoever they were
    # Only civilians fell: a one-sided attack, even where the forces are named as context ("killed a man for
    # working with the army").
    if victims and victims <= {"civilians"} and not militia_named:
        return "civilians"
    if victims & {"security_forces", "militants"} or state_named or militia_named:
        return "armed"
    if victims & {"civilians", "unspecified"}:
        return "civilians"
    return "unknown"


def _event(
    event_id: str,
    group: _Group,
    claimed_by: list[str],
    denied_by: list[str],
    actors: ActorDictionary,
    article_actor: str | None,
    article_state: ActorMention | None,
    article_country: str | None = None,
    focus: str | None = None,
    country_named: Set[str] = frozenset(),
) -> Event | None:
    mentions = [m for s in group.sentences for m in s.actors]
    state = next((m.actor for m in mentions if m.actor.kind == "state_forces"), None)
    tactics = [t for s in group.sentences for t in s.tactics]
    # An operation only state forces conduct ("an intelligence-based operation") is theirs.
    operation = any(row.by == "state" for t in tactics for row in t.types)
    state_from_article = False
    if (
        state is None
        and article_state is not None
        and (operation or any(c.victim == "security_forces" for c in group.claims))
    ):
        state, state_from_article = article_state.actor, True
    named_groups = [m.actor for m in mentions if m.actor.kind in _NON_STATE_KINDS and not m.actor.generic]
    # A militia named beside the group that attacked is the side it hit (one group's fighters cannot be both).
    militia = any(m.actor.kind in _MILITIA_KINDS for m in mentions if m.actor not in named_groups[:1])
    target = _target(group, state is not None, militia)
    chosen = choose_type(tactics, target)
    if chosen is None and not group.claims:
        return None
    if chosen is not None:
        event_type, sub_event_type, gtd = chosen.event_type, chosen.sub_event_type, chosen.gtd_attack_type
    else:
        event_type, sub_event_type, gtd = _DEFAULT_TYPES[target]
    if event_type == "Protests" and any(c.outcome in ("killed", "injured") for c in group.claims):
        sub_event_type = "Excessive force against protesters"
    if sub_event_type == "Abduction/forced disappearance" and any(
        c.outcome == "killed" and c.count.low for c in group.claims
    ):
        # Captives killed: ACLED codes the killing, its deadliest act, as the attack it was.
        event_type, sub_event_type, gtd = "Violence against civilians", "Attack", "Armed Assault"

    perpetrator = _parent(claimed_by[0], actors) if claimed_by else None
    if perpetrator is None and named_groups:
        perpetrator = _parent(named_groups[0].name, actors)
    if perpetrator is None and article_actor:
        perpetrator = article_actor
    state_name = state.name if state else None  # a branch stays a branch: ACLED names it ("… Frontier Corps")
    country = group.place.country_code if group.place and group.place.country_code else article_country
    civilians = f"Civilians ({_country_name(country)})" if target == "civilians" else None
    # State forces act first when militants are the only dead or hurt (an operation); where soldiers, police or
    # civilians fell too, the unnamed attackers did (a raid repulsed, its attackers killed).
    victims = {c.victim for c in group.claims if c.outcome in ("killed", "injured")}
    # So do they in an operation ("an intelligence-based operation") where no soldier or civilian fell.
    # A group named in such a report, but not claiming the attack, is the one the forces fought.
    # Unless the forces beat off an attack ("repulsed the attack"): its attackers struck first.
    defended = any(row.by == "defender" for t in tactics for row in t.types)
    if (
        not claimed_by
        and state_name
        and not defended
        and (victims == {"militants"} or (operation and victims <= {"militants", "unspecified"}))
    ):
        actor1, actor2 = state_name, perpetrator or _unidentified(country, actors, focus)
        if operation and sub_event_type == "Attack":
            # Forces fighting militants clash with them; the killings the statement lists are background.
            event_type, sub_event_type, gtd = "Battles", "Armed clash", "Armed Assault"
    else:
        actor1 = perpetrator or (
            _unidentified(country, actors, focus) if target != "unknown" or tactics else None
        )
        # A second group hit by the first (a pro-government militia), even when named by a common noun.
        hit = [m.actor for m in mentions if m.actor.kind in _NON_STATE_KINDS - {"unidentified"}]
        other_group = next((_parent(a.name, actors) for a in hit if _parent(a.name, actors) != actor1), None)
        actor2 = state_name if state_name and state_name != actor1 else (other_group or civilians)
        if event_type == "Violence against civilians" and actor1 != state_name:
            # Violence against civilians has civilians on the other side (ACLED codes them so), whoever else
            # the report names: the forces a victim was said to help, a company the workers served.
            actor2 = f"Civilians ({_country_name(country)})"
    if sub_event_type == "Arrests" and state_name:
        actor1, actor2 = state_name, perpetrator  # the force that arrests acts; whom it arrests, if named
    inter1, inter2 = _inter(actor1, actors), _inter(actor2, actors)
    # Generic words name the forces and gunmen of the country the event is in, not of the dictionary's.
    generic = {m.actor.name for m in mentions if m.actor.generic}
    if state_from_article and article_state is not None and article_state.actor.generic:
        generic.add(article_state.actor.name)
    # Only where the whole report is about that country: one place resolved abroad in a report from Pakistan is
    # more likely a misread place than a foreign force.
    # Nor where the report names a group or force of the dictionary's country outright (the BLA, the Levies).
    if country is not None and country == focus and _country(country) is not None:
        actor1 = _in_country(actor1, country, actors, generic, country_named)
        actor2 = _in_country(actor2, country, actors, generic, country_named)
    figures = event_figure_fields(group.claims)  # validated with the event; background claims left out there
    return Event(
        id=event_id,
        event_type=event_type,
        sub_event_type=sub_event_type,
        gtd_attack_type=gtd,
        date=group.day,
        date_precision=dict(group.date.precision) if group.date else {},
        actor1=actor1,
        actor2=actor2,
        inter1=inter1,
        inter2=inter2,
        interaction=_interaction(inter1, inter2),
        claimed_by=claimed_by,
        denied_by=denied_by,
        place_id=group.place.id if group.place else None,
        claim_ids=[c.id for c in group.claims],
        tactics=sorted({t.phrase for t in tactics}),
        **figures,
    )


def _article_actor(sentences: list[Sentence], actors: ActorDictionary) -> str | None:
    """The one armed group an article names, if it names exactly one."""
    named = {
        _parent(m.actor.name, actors)
        for s in sentences
        for m in s.actors
        if m.actor.kind in _NON_STATE_KINDS and not m.actor.generic and m.actor.kind != "unidentified"
    }
    return named.pop() if len(named) == 1 else None


def _article_country(places: list[Place]) -> tuple[str | None, int]:
    """The country most of the article's event places lie in, for events placed nowhere, and how many of
    its places lie there."""
    counts: dict[str, int] = {}
    for place in places:
        if place.role == "event" and place.country_code:
            counts[place.country_code] = counts.get(place.country_code, 0) + 1
    top = max(counts, key=counts.__getitem__) if counts else None
    return top, counts.get(top, 0) if top else 0


def _article_state(sentences: list[Sentence]) -> ActorMention | None:
    """The state force an article names first, for events whose own sentences name none."""
    return next((m for s in sentences for m in s.actors if m.actor.kind == "state_forces"), None)


def _parent(name: str, actors: ActorDictionary) -> str:
    """An actor's parent force where it has one (Frontier Corps → Police Forces of Pakistan)."""
    actor = actors.get(name)
    return actor.parent if actor and actor.parent else name


def _unidentified(country: str | None, actors: ActorDictionary, focus: str | None = None) -> str:
    """The unidentified armed group of the event's country (ACLED names one per country): one the dictionary
    knows, or the country the report is about; else Pakistan's, the project's home."""
    for code in (country, focus):
        name = f"Unidentified Armed Group ({_country_name(code)})"
        if code and (actors.get(name) or (code == focus and _country(code) is not None)):
            return name
    return "Unidentified Armed Group (Pakistan)"


def _in_country(
    name: str | None,
    country_code: str | None,
    actors: ActorDictionary,
    generic: Set[str],
    named_countries: Set[str] = frozenset(),
) -> str | None:
    """An actor named only by a common word ("police", "gunmen") or left unidentified, under the name of the
    event's country: a gunman in a report from Ohio is not a Pakistani group. Named actors keep their names."""
    if name is None or country_code is None:
        return name
    actor = actors.get(name)
    if actor is None or actor.country in (None, country_code) or actor.country in named_countries:
        return name
    if actor.kind != "unidentified" and name not in generic:
        return name
    if actor.parent:  # a branch of a foreign force has no counterpart: the parent force, localised
        return _in_country(actor.parent, country_code, actors, {actor.parent}, named_countries)
    there, here = _country_name(actor.country), _country_name(country_code)
    for form in (f"({there})", f" of {there}"):
        if form in name:
            return name.replace(form, form.replace(there, here))
    return name


def _country_name(code: str | None) -> str:
    """The name ACLED gives a country in actor names ("Civilians (Pakistan)"); Pakistan when unknown."""
    found = _country(code or "PK")
    return found.acled_name if found else (code or "Pakistan")


def _inter(name: str | None, actors: ActorDictionary) -> int | None:
    if name is None:
        return None
    if name.startswith("Civilians ("):
        return 7
    if name.startswith("Unidentified Armed Group ("):
        return 3
    actor = actors.get(name)
    return actor.inter if actor else None


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction: the two inter codes joined, lower first; a sole actor's code followed by 0."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


@cache
def _campaign_cues() -> tuple[frozenset[str], frozenset[str]]:
    """Plural attack nouns and words of coordination or spread: ``data/campaign_cues.tsv``."""
    rows = read_table("campaign_cues.tsv")
    return (
        frozenset(r["word"] for r in rows if r["kind"] == "attack"),
        frozenset(r["word"] for r in rows if r["kind"] == "cue"),
    )


# Districts an article must place one group's attacks in to be a campaign without coordination being said.
_CAMPAIGN_DISTRICTS = 3


def _coordinated(sentences: list[Sentence], groups: list[_Group]) -> tuple[str, str] | None:
    """The name and actor of an unnamed campaign ("BLA attacks in Balochistan"): one armed group's attacks told as
    coordinated or spread ("coordinated attacks across the province") and placed in two districts or more, or
    in none finer than the province; or placed in three districts or more; all in one province — else None. A
    single incident is no campaign, whatever its background says ("the latest in a series of attacks"), nor are
    attacks by several groups."""
    placed = [g.place for g in groups if g.place is not None]
    districts = {p.admin2 for p in placed if p.admin2 and p.precision.get("acled", 3) < 3}
    if len(districts) == 1:
        return None
    if len(districts) < _CAMPAIGN_DISTRICTS:
        attack_nouns, cues = _campaign_cues()
        if not any(s.norms & attack_nouns and s.norms & cues for s in sentences if s.is_incident):
            return None
    provinces = {p.admin1 for p in placed if p.admin1}
    if len(provinces) != 1:
        return None
    named = {
        m.actor.name
        for s in sentences
        if s.is_incident
        for m in s.actors
        if m.actor.kind in _NON_STATE_KINDS and m.actor.kind != "unidentified" and not m.actor.generic
    }
    if len(named) != 1:
        return None
    [name] = named
    return f"{name.split(':')[0]} attacks in {provinces.pop()}", name


def _campaign_name(text: str) -> str | None:
    if "Operation" not in text:  # the common case, without running the pattern over the whole text
        return None
    match = _OPERATION_RE.search(text)
    if match is None:
        return None
    name = f"Operation {match.group('name')}"
    phase = match.group("phase")
    if phase is None:
        ordinal = _PHASE_RE.search(text)
        phase = _ORDINAL_PHASE[ordinal.group("ordinal").lower()] if ordinal else None
    return f"{name}, Phase {phase}" if phase else name
