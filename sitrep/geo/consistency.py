"""What the whole report says about each place. In: the hits of one report, their readings chosen; out: the
same hits made consistent: one sense per name, the state the text declares (and names kept inside it), names
elsewhere made mentions, a local story framed by its dateline, and a last resort when no event place is left.
"""

from __future__ import annotations

from sitrep.geo.hits import Hit
from sitrep.geo.readings import best_without_focus
from sitrep.geo.weights import place_weights


def one_sense(hits: list[Hit]) -> None:
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


def declared_unit(hits: list[Hit], focus_cc: str | None) -> str | None:
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


def _unit_declared_by(hit: Hit, focus_cc: str) -> tuple[str | None, float]:
    """The unit one name declares the text to be set in, and the weight of its word (see ``declared_unit``)."""
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
    best = best_without_focus(hit)
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


def keep_inside(hits: list[Hit], focus_cc: str | None, admin1: str) -> None:
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


def elsewhere_is_mention(hits: list[Hit], focus_cc: str | None, admin1: str) -> None:
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


def frame_by_dateline(hits: list[Hit], focus_cc: str | None) -> None:
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


def last_resort(hits: list[Hit]) -> None:
    """Countries are context, and some mentions stand in for a place the body never names.

    A country is too coarse to place an attack: "sanctuaries in Afghanistan", "terrorism in Pakistan" name
    context, so a country is an event place only in a report that names no finer one. A report whose body
    names no event place at all is about the town it was filed from (a local paper's "HOUSTON —" story): its
    dateline becomes the event place; with no dateline, the town whose police report it ("Valdosta police
    said"), else the home town of its subject ("a Dickinson man was shot"), else a country after "in"."""
    fallback: dict[str, Hit] = {}
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
