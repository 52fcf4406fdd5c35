"""A group of incident sentences → one coded Event: its ACLED event and sub-event type, the actors on each side
and their inter codes, the place, the day and the figures.
"""

from __future__ import annotations

from collections.abc import Set

from sitrep.countries import country as _country
from sitrep.events.actors import NON_STATE_KINDS, ActorDictionary, ActorMention
from sitrep.events.figures import event_figure_fields
from sitrep.events.grouping import Group
from sitrep.events.sentences import Sentence, off_guard
from sitrep.events.tactics import Target, choose_type
from sitrep.model import Event, Place

_MILITIA_KINDS = {"political_militia", "identity_militia"}
_DEFAULT_TYPES = {
    "armed": ("Battles", "Armed clash", "Armed Assault"),
    "civilians": ("Violence against civilians", "Attack", "Armed Assault"),
    "unknown": ("Violence against civilians", "Attack", "Unknown"),
}


def _target(group: Group, state_named: bool, militia_named: bool = False) -> Target:
    """Whom the event hit: armed people (a clash), or civilians — including people the text does not
    describe as armed ("a person was shot dead"), as ACLED reads them. A member of a militia (a pro-government
    "death squad", a peace committee) is armed: ACLED codes the killing of one as a clash between groups."""
    victims = {c.victim for s in group.sentences for c in s.claims}
    if any(off_guard(s.tokens, s.norms) for s in group.sentences):
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


def code_event(
    event_id: str,
    group: Group,
    claimed_by: list[str],
    denied_by: list[str],
    actors: ActorDictionary,
    article_actor: str | None,
    article_state: ActorMention | None,
    article_country: str | None = None,
    focus: str | None = None,
    country_named: Set[str] = frozenset(),
) -> Event | None:
    """The event of one group: its types, actors, inter codes and figures; None for a group with neither a
    tactic nor a figure. The ``article_*`` values stand in where the group's own sentences name no one."""
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
    named_groups = [m.actor for m in mentions if m.actor.kind in NON_STATE_KINDS and not m.actor.generic]
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
        hit = [m.actor for m in mentions if m.actor.kind in NON_STATE_KINDS - {"unidentified"}]
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


def sole_armed_group(sentences: list[Sentence], actors: ActorDictionary) -> str | None:
    """The one armed group an article names, if it names exactly one."""
    named = {
        _parent(m.actor.name, actors)
        for s in sentences
        for m in s.actors
        if m.actor.kind in NON_STATE_KINDS and not m.actor.generic and m.actor.kind != "unidentified"
    }
    return named.pop() if len(named) == 1 else None


def main_country(places: list[Place]) -> tuple[str | None, int]:
    """The country most of the article's event places lie in, for events placed nowhere, and how many of
    its places lie there."""
    counts: dict[str, int] = {}
    for place in places:
        if place.role == "event" and place.country_code:
            counts[place.country_code] = counts.get(place.country_code, 0) + 1
    top = max(counts, key=counts.__getitem__) if counts else None
    return top, counts.get(top, 0) if top else 0


def first_state_force(sentences: list[Sentence]) -> ActorMention | None:
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
