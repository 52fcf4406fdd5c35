"""Individuation: an article's claims, places, tactics, actors and dates grouped into events and campaigns.

An event is one place × one day × one actor pair, as ACLED codes them; its type is its highest-priority
tactic (a grenade attack that turned into a gunfight stays one event). How sentences become events:

- An *incident sentence* has a tactic word or a casualty figure. It takes its place from the event places it
  names, else from the previous incident sentence, else from the first event place of the article; its date
  likewise from its own date words, else the previous incident sentence's, else the article's.
- A sentence naming several event places ("attacks in Quetta, Nushki and Kalat") makes one event per place.
  Its figures cannot be split by place: they go to the article's campaign when it names one, else to the
  event of the first place named.
- A named operation ("Operation Sandwall", "the second phase of …") makes a campaign holding every event of the
  article and the campaign-wide figures.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence, Set
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

from sitrep.countries import country
from sitrep.events.actors import (
    Actor,
    ActorDictionary,
    ActorMention,
    claim_phrase_words,
    has_cue_word,
    load_actors,
    may_state_responsibility,
    responsibility,
    responsibility_cue_words,
)
from sitrep.events.dates import EventDate, find_event_date
from sitrep.events.figures import event_figure_fields
from sitrep.events.tactics import TacticMatch, Target, choose_type, tactic_reader
from sitrep.model import Campaign, Claim, Event, Place
from sitrep.nlp.attribution import attribution_reader
from sitrep.nlp.lexicon import Token, Tokens, has_any_word

_OPERATION_RE = re.compile(
    r"\bOperation\s+[\"“']?(?P<name>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})[\"”']?"
    r"(?:,?\s+[Pp]hase\s+(?P<phase>[IVX]+|\d+|[Oo]ne|[Tt]wo|[Tt]hree))?"
)
_PHASE_RE = re.compile(r"\b(?P<ordinal>second|third|fourth|fifth|final)\s+phase\b", re.IGNORECASE)
_ORDINAL_PHASE = {"second": "II", "third": "III", "fourth": "IV", "fifth": "V", "final": "final"}
_NON_STATE_KINDS = {"rebel_group", "political_militia", "identity_militia", "unidentified"}
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
    read = _read_sentences(text, published, sentences, claims, places, actors)
    campaign_name = _campaign_name(text)
    groups, campaign_claims = _group(read, places, campaign_name is not None)
    claimed_by, denied_by = _responsibility(text, read, actors)

    # An event whose sentences name no armed group is the article's, when the article names only one.
    article_actor = _article_actor(read, actors)
    article_state = _article_state(read)
    events = []
    for group in groups:
        event = _event(
            f"e{len(events) + 1}", group, claimed_by, denied_by, actors, article_actor, article_state
        )
        if event is not None:
            events.append(event)
    campaigns = []
    if campaign_name and events:
        campaign = Campaign(
            id="k1",
            name=campaign_name,
            actor=claimed_by[0] if claimed_by else next((e.actor1 for e in events if e.actor1), None),
            event_ids=[e.id for e in events],
            claim_ids=[c.id for c in campaign_claims],
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
) -> list[Sentence]:
    tactics = tactic_reader()
    tactic_words = tactics.table.first_words
    claims_at: dict[int, list[Claim]] = {}
    for claim in claims:
        claims_at.setdefault(claim.start, []).append(claim)
    event_places = [p for p in places if p.role == "event"]
    mentions = actors.find(text)  # one automaton pass over the article, shared out to its sentences
    mention_starts = [m.start for m in mentions]  # in text order
    out = []
    for start, end, tokens in sentences:
        # The tokens' own index of their norms (built by the claims stage before us) serves as the set.
        norms = tokens.norms().keys() if isinstance(tokens, Tokens) else set(map(_token_norm, tokens))
        # A sentence with no first word of a tactic phrase has none: skip the phrase matcher.
        found = tactics.find(tokens, offset=start) if not tactic_words.isdisjoint(norms) else []
        named = mentions[bisect_left(mention_starts, start) : bisect_left(mention_starts, end)]
        if named:
            named = [m for m in named if not _speaks(tokens, m.start - start, m.end - start)]
        sentence = Sentence(start, end, tokens, norms, claims_at.get(start, []), found, [], named)
        if sentence.is_incident:
            sentence.places = [p for p in event_places if start <= p.start < end]
            sentence.date = find_event_date(text[start:end], published, context=text[:start])
        out.append(sentence)
    return out


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
    cue_sentences = [s for s in sentences if has_cue_word(text[s.start : s.end], s.norms)]
    if not cue_sentences:
        return [], []
    # The sentences joined by spaces, with their tokens placed in the joined text (no token spans a space, so
    # these are the tokens the joined text has).
    pieces = []
    offset = 0
    for sentence in cue_sentences:
        pieces.append((offset, sentence.tokens))
        offset += sentence.end - sentence.start + 1
    cue_text = " ".join(text[s.start : s.end] for s in cue_sentences)
    return responsibility(cue_text, actors, pieces)


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
    first_place = next((p for p in places if p.role == "event"), None)
    groups: dict[tuple[str | None, date | None], _Group] = {}
    campaign_claims: list[Claim] = []
    place: Place | None = None
    when: EventDate | None = None
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
        if has_campaign and not fine_places:
            targets = []  # a summary of the whole campaign ("attacks across the province"), not an event
        for target in targets:
            key = (target.id if target else None, when.date if when else None)
            group = groups.setdefault(key, _Group(target, key[1], when))
            group.sentences.append(sentence)
        if has_campaign and campaign_wide:
            campaign_claims.extend(sentence.claims)
        else:
            key = (targets[0].id if targets[0] else None, when.date if when else None)
            groups[key].claims.extend(sentence.claims)
        if own_places:
            place = own_places[0] if len(own_places) == 1 else place
    return list(groups.values()), campaign_claims


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


def _target(group: _Group, state_named: bool) -> Target:
    """Whom the event hit: armed people (a clash), or civilians — including people the text does not
    describe as armed ("a person was shot dead"), as ACLED reads them."""
    victims = {c.victim for s in group.sentences for c in s.claims}
    if victims & {"security_forces", "militants"} or state_named:
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
    article_state: Actor | None,
) -> Event | None:
    mentions = [m for s in group.sentences for m in s.actors]
    state = next((m.actor for m in mentions if m.actor.kind == "state_forces"), None)
    if state is None and any(c.victim == "security_forces" for c in group.claims):
        state = article_state
    named_groups = [m.actor for m in mentions if m.actor.kind in _NON_STATE_KINDS and not m.actor.generic]
    target = _target(group, state is not None)
    tactics = [t for s in group.sentences for t in s.tactics]
    chosen = choose_type(tactics, target)
    if chosen is None and not group.claims:
        return None
    if chosen is not None:
        event_type, sub_event_type, gtd = chosen.event_type, chosen.sub_event_type, chosen.gtd_attack_type
    else:
        event_type, sub_event_type, gtd = _DEFAULT_TYPES[target]
    if event_type == "Protests" and any(c.outcome in ("killed", "injured") for c in group.claims):
        sub_event_type = "Excessive force against protesters"

    perpetrator = _parent(claimed_by[0], actors) if claimed_by else None
    if perpetrator is None and named_groups:
        perpetrator = _parent(named_groups[0].name, actors)
    if perpetrator is None and article_actor:
        perpetrator = article_actor
    state_name = state.name if state else None  # a branch stays a branch: ACLED names it ("… Frontier Corps")
    country = group.place.country_code if group.place else None
    civilians = f"Civilians ({_country_name(country)})" if target == "civilians" else None
    if perpetrator is None and state_name and any(c.victim == "militants" for c in group.claims):
        actor1, actor2 = state_name, _unidentified(country, actors)
    else:
        actor1 = perpetrator or (_unidentified(country, actors) if target != "unknown" or tactics else None)
        # A second group hit by the first (a pro-government militia), even when named by a common noun.
        hit = [m.actor for m in mentions if m.actor.kind in _NON_STATE_KINDS - {"unidentified"}]
        other_group = next((_parent(a.name, actors) for a in hit if _parent(a.name, actors) != actor1), None)
        actor2 = state_name if state_name and state_name != actor1 else (other_group or civilians)
    if sub_event_type == "Arrests" and state_name:
        actor1, actor2 = state_name, perpetrator  # the force that arrests acts; whom it arrests, if named
    inter1, inter2 = _inter(actor1, actors), _inter(actor2, actors)
    # Background figures (earlier incidents, yearly statistics) stay claims but count in no event's figures.
    figures = event_figure_fields([c for c in group.claims if not c.background])  # validated with the event
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


def _article_state(sentences: list[Sentence]) -> Actor | None:
    """The state force an article names first, for events whose own sentences name none."""
    return next((m.actor for s in sentences for m in s.actors if m.actor.kind == "state_forces"), None)


def _parent(name: str, actors: ActorDictionary) -> str:
    """An actor's parent force where it has one (Frontier Corps → Police Forces of Pakistan)."""
    actor = actors.get(name)
    return actor.parent if actor and actor.parent else name


def _unidentified(country: str | None, actors: ActorDictionary) -> str:
    name = f"Unidentified Armed Group ({_country_name(country)})"
    return name if actors.get(name) else "Unidentified Armed Group (Pakistan)"


def _country_name(code: str | None) -> str:
    """The name ACLED gives a country in actor names ("Civilians (Pakistan)"); Pakistan when unknown."""
    found = country(code or "PK")
    return found.acled_name if found else (code or "Pakistan")


def _inter(name: str | None, actors: ActorDictionary) -> int | None:
    if name is None:
        return None
    if name.startswith("Civilians ("):
        return 7
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
