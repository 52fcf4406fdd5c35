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

The steps, each a module of its own: ``sentences`` (incident sentences), ``grouping`` (one group per attack),
``coding`` (a group → a coded Event), ``campaigns`` (a named or coordinated campaign); this module runs them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sitrep.events.actors import ActorDictionary, load_actors
from sitrep.events.campaigns import coordinated_campaign, operation_name
from sitrep.events.coding import code_event, first_state_force, main_country, sole_armed_group
from sitrep.events.grouping import (
    drop_article_totals,
    group_sentences,
    without_background_incidents,
    without_past_mentions,
)
from sitrep.events.sentences import claimed_and_denied, is_away, read_sentences, without_dateline
from sitrep.model import Campaign, Claim, Event, Place
from sitrep.nlp.lexicon import Token


def build_events(
    text: str,
    published: date | None,
    sentences: Sequence[tuple[int, int, list[Token]]],
    claims: list[Claim],
    places: list[Place],
    actors: ActorDictionary | None = None,
    language: str = "en",
) -> tuple[list[Event], list[Campaign]]:
    """Events and campaigns of one article. ``sentences`` are (start, end, tokens) with the tokens
    ``tokenize(text[start:end])`` gives (responsibility is read from them). ``language`` chooses the tactic and
    date words (``en``, or ``ur`` for Urdu)."""
    actors = actors or load_actors()
    # Background figures (earlier incidents, yearly statistics) stay the article's claims but make no event,
    # nor do the sentences that tell only of them ("last year, 40 were killed in similar attacks").
    background = {(c.start, c.end) for c in claims if c.background}
    claims = [c for c in claims if not c.background]
    background -= {(c.start, c.end) for c in claims}
    if background:
        sentences = [s for s in sentences if (s[0], s[1]) not in background]
    reported = without_dateline(text, places)
    located = [p for p in reported if not is_away(text, p)]
    read = read_sentences(text, published, sentences, claims, located, actors, places, language)
    campaign_name = operation_name(text)
    # The dateline stays the place of last resort: a local report is often filed where it happened.
    event_places = located or reported or places
    groups, campaign_claims = group_sentences(read, event_places, campaign_name is not None)
    coordinated = None if campaign_name else coordinated_campaign(read, groups)
    if coordinated is not None:  # one group's attacks across a province: its figures are the campaign's
        campaign_name = coordinated[0]
        groups, campaign_claims = group_sentences(read, event_places, True)
    if len(groups) > 1:
        drop_article_totals(groups)
        groups = without_past_mentions(groups)
        groups = without_background_incidents(groups, published)
    claimed_by, denied_by = claimed_and_denied(text, read, actors)

    # An event whose sentences name no armed group is the article's, when the article names only one.
    article_actor = sole_armed_group(read, actors)
    article_state = first_state_force(read)
    article_country, support = main_country(reported or places)
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
        event = code_event(
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
