"""Two dataset events → whether they tell one incident, and why (the "Same incident" rules of the package
docstring): place, date, type, actors and toll compared."""

from __future__ import annotations

import math

from sitrep.model import (
    DatasetEvent,
    Place,
)

_UNKNOWN_ACTORS = ("Unidentified Armed Group",)
_GENERIC_TYPES = {"Armed clash", "Attack"}
_VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_WINDOW_DAYS = {1: 0, 2: 3, 3: 15}  # ACLED time precision → how far apart two dates may be
# Two places this close may hold one incident (UCDP's "within about 25 km"): a neighbourhood and its city, towns
# either side of a county line.
NEAR_KM = 25.0


def _district(place: Place | None) -> tuple[str | None, str | None, str | None]:
    if place is None:
        return (None, None, None)
    return (place.country_code, place.admin1, place.admin2)


def same_gazetteer_place(a: DatasetEvent, b: DatasetEvent) -> bool:
    """Whether both events are placed at one gazetteer entry (not merely in one district)."""
    if a.place is None or b.place is None or not a.place.geonameid:
        return False
    return a.place.geonameid == b.place.geonameid


def _same_place(a: DatasetEvent, b: DatasetEvent) -> bool:
    if a.place is None or b.place is None:
        return False
    if same_gazetteer_place(a, b):
        return True
    coarse = max(a.place.precision.get("acled", 3), b.place.precision.get("acled", 3)) >= 3
    return coarse and _district(a.place) == _district(b.place) and a.place.admin2 is not None


def _dates_compatible(a: DatasetEvent, b: DatasetEvent) -> bool:
    if a.date is None or b.date is None:
        return False  # an undated report cannot be placed on any one day: never merged
    precision = max(a.date_precision.get("acled", 2), b.date_precision.get("acled", 2))
    if precision >= 3:
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    window = _WINDOW_DAYS[precision]
    if _same_figures(a, b):
        # Outlets date a night's shooting to the evening or to the next day ("late Saturday", "early Sunday"),
        # and a follow-up may count from its own day: the same toll a day apart is the same incident.
        window = max(window, 1)
    if _same_full_toll(a, b):
        # A follow-up dated to its own news (a funeral, an arrest) tells the same dead and wounded at the
        # same place: a full toll of three people or more recurring there within the week is one incident.
        window = max(window, _FULL_TOLL_DAYS)
    return abs((a.date - b.date).days) <= window


_FULL_TOLL_DAYS = 7
# The most days apart two events may be and still be one incident when neither is dated only to the month
# (``_dates_compatible``): stored events this far from a new one's date, or in its month, are all the merge
# candidates there can be.
MAX_DAYS_APART = max(*(days for precision, days in _WINDOW_DAYS.items() if precision < 3), 1, _FULL_TOLL_DAYS)


def _same_full_toll(a: DatasetEvent, b: DatasetEvent) -> bool:
    """The same place (one gazetteer entry) and the same dead and the same wounded, both told, three people or
    more in all: rare enough together to tell one incident from another."""
    if not same_gazetteer_place(a, b):
        return False
    dead, wounded = a.fatalities.best, a.injured.best
    if dead is None or wounded is None or (dead, wounded) != (b.fatalities.best, b.injured.best):
        return False
    return dead + wounded >= 3


def _same_figures(a: DatasetEvent, b: DatasetEvent) -> bool:
    """Whether both events tell the same toll: the same dead and the same wounded, or the same figure of two
    or more for one of them (one person killed is too common to tell two incidents apart)."""
    pairs = [(x.best, y.best) for x, y in ((a.fatalities, b.fatalities), (a.injured, b.injured))]
    if all(x is not None and x == y for x, y in pairs) and any(x for x, _ in pairs):
        return True
    return any(x is not None and x == y and x > 1 for x, y in pairs)


def _types_compatible(a: DatasetEvent, b: DatasetEvent) -> bool:
    if a.sub_event_type == b.sub_event_type or a.event_type == b.event_type:
        return True
    # A plain clash or attack report fits any violent event, not a protest, riot or strategic development.
    violent = a.event_type in _VIOLENT_TYPES and b.event_type in _VIOLENT_TYPES
    return violent and (a.sub_event_type in _GENERIC_TYPES or b.sub_event_type in _GENERIC_TYPES)


def known_actor(actor: str | None) -> bool:
    return bool(actor) and not actor.startswith(_UNKNOWN_ACTORS)


def _actors_compatible(a: DatasetEvent, b: DatasetEvent) -> bool:
    if not (known_actor(a.actor1) and known_actor(b.actor1)):
        return True
    return a.actor1 == b.actor1 or a.actor1 in (b.actor2,) or b.actor1 in (a.actor2,)


def distance_km(a: Place, b: Place) -> float | None:
    """The great-circle distance between two places, None when either has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    phi1, phi2 = math.radians(a.lat), math.radians(b.lat)
    dphi, dlmb = phi2 - phi1, math.radians(b.lon - a.lon)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _place_contains(a: DatasetEvent, b: DatasetEvent) -> bool:
    """Whether one event is placed only at a first-level unit (a state, a province) that holds the other's
    place: a report that names only "Virginia" and one that names the town in it."""
    if a.place is None or b.place is None or a.place.country_code != b.place.country_code:
        return False
    for unit, inner in ((a.place, b.place), (b.place, a.place)):
        if unit.kind == "admin1" and unit.admin1 and unit.admin1 == inner.admin1 and inner.kind != "admin1":
            return True
    return False


def _near_places(a: DatasetEvent, b: DatasetEvent) -> bool:
    """Whether two different places are within ``NEAR_KM`` of each other: a city's neighbourhood and the city,
    or towns either side of a county line."""
    if a.place is None or b.place is None or a.place.country_code != b.place.country_code:
        return False
    if "admin1" in (a.place.kind, b.place.kind) or "country" in (a.place.kind, b.place.kind):
        return False  # a unit's coordinates are its seat's: no distance to speak of
    km = distance_km(a.place, b.place)
    return km is not None and km <= NEAR_KM


def _figures_agree(a: DatasetEvent, b: DatasetEvent) -> bool:
    """Whether the two tolls tell one story: no outcome given by both differs, and one of them is the same
    non-zero figure in both (the same three dead; one dead in both when one report also counts the wounded)."""
    shared = False
    for x, y in ((a.fatalities.best, b.fatalities.best), (a.injured.best, b.injured.best)):
        if x is None or y is None:
            continue
        if x != y:
            return False
        shared = shared or x > 0
    return shared


def _places_match(a: DatasetEvent, b: DatasetEvent) -> bool:
    """Same place (``_same_place``), or nested or near places when the tolls agree as well: a different but
    compatible place is one more coincidence to ask for."""
    if _same_place(a, b):
        return True
    if _place_contains(a, b):
        return _same_figures(a, b) or (_figures_agree(a, b) and a.date == b.date)
    return _near_places(a, b) and _figures_agree(a, b)


def same_incident(a: DatasetEvent, b: DatasetEvent, same_campaign: bool = False) -> bool:
    """Whether two events describe one incident (the rules in the module docstring)."""
    return match_reasons(a, b, same_campaign) is not None


def match_reasons(a: DatasetEvent, b: DatasetEvent, same_campaign: bool = False) -> list[str] | None:
    """Why two events are one incident — the features that matched, in words ("same place: Quetta") — or None
    when they are not (the rules in the module docstring). Stored with every merge so a reviewer can judge it."""
    if not (_places_match(a, b) and _dates_compatible(a, b)):
        return None
    reasons = [_place_reason(a, b), _date_reason(a, b)]
    if same_campaign:
        return [*reasons, "same campaign"]
    if not (_types_compatible(a, b) and _actors_compatible(a, b)):
        return None
    reasons.append(
        f"same type: {a.sub_event_type}"
        if a.sub_event_type == b.sub_event_type
        else f"compatible types: {a.sub_event_type} / {b.sub_event_type}"
    )
    reasons.append(
        f"same actor: {a.actor1}"
        if known_actor(a.actor1) and known_actor(b.actor1)
        else "actors not contradicting"
    )
    if _same_figures(a, b):
        reasons.append("same toll")
    return reasons


def match_rank(a: DatasetEvent, b: DatasetEvent) -> tuple[int, int]:
    """How closely two events the rules call one incident agree, lower first: the same toll, then tolls that
    agree, then neither; the same sub-event type first. Of several stored events a report could join (two
    attacks in one town on one day), it joins the one its figures and type tell."""
    toll = 0 if _same_figures(a, b) else 1 if _figures_agree(a, b) else 2
    return toll, 0 if a.sub_event_type == b.sub_event_type else 1


def _place_reason(a: DatasetEvent, b: DatasetEvent) -> str:
    assert a.place is not None and b.place is not None
    if same_gazetteer_place(a, b):
        return f"same place: {a.place.name}"
    if _same_place(a, b):
        return f"same district: {a.place.admin2} ({a.place.name} / {b.place.name})"
    if _place_contains(a, b):
        return f"one place holds the other: {a.place.name} / {b.place.name}"
    distance = distance_km(a.place, b.place) or 0.0
    return f"places {distance:.0f} km apart: {a.place.name} / {b.place.name}"


def _date_reason(a: DatasetEvent, b: DatasetEvent) -> str:
    assert a.date is not None and b.date is not None
    if a.date == b.date:
        return f"same date: {a.date.isoformat()}"
    return f"dates within the window: {a.date.isoformat()} / {b.date.isoformat()}"
