"""Which reading of a name wins. In: a ``Hit`` with its candidate places, the document's focus and the
publication's country; out: the place chosen (or none, when only an unlikely foreign one is left).

A reading's score is its prior (population, kind, name type) plus what the document adds (focus country and
province, country hint, kind word, container); ``data/geo/place_weights.tsv`` holds every term and says how
they add up. A container is decided before what it contains; a district and the town that heads it resolve to
the town unless the text says "district".
"""

from __future__ import annotations

import math

from sitrep.geo.gazetteer import PlaceRecord
from sitrep.geo.hits import Hit, effective_record, holds
from sitrep.geo.unknown import fuzzy_candidates
from sitrep.geo.weights import place_weights

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


def best_without_focus(hit: Hit) -> PlaceRecord:
    """The reading a name votes for in ``document_focus``: it depends on the name and its kind cue only (no
    container is linked yet), so it is ranked once per name and cue."""
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
    hit: Hit,
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


def choose_reading(
    hit: Hit, focus_cc: str | None, focus_admin1: str | None, country_hint: str | None
) -> None:
    """Set ``hit.chosen`` to its best reading, its container first; drop every reading when none fits (an
    unknown name is then kept as a locality of its container, or looked up among near spellings)."""
    # "X in Y": Y first, and Y's container before it. The chain is walked, then decided from its far end: a
    # chain as long as the text ("A area in B area in C …") is no recursion.
    chain: list[Hit] = []
    link: Hit | None = hit
    while link is not None and link.chosen is None and not link.visited:
        link.visited = True  # each hit is decided once, container chains included
        chain.append(link)
        if link.container is not None:
            _readings_holding(link.container, link)
        link = link.container
    for link in reversed(chain):
        _decide(link, focus_cc, focus_admin1, country_hint)


def _decide(hit: Hit, focus_cc: str | None, focus_admin1: str | None, country_hint: str | None) -> None:
    """A hit's reading once its container's is chosen."""
    if hit.synthetic.get("fuzzy_only") or (hit.synthetic and not hit.candidates):
        hit.candidates = fuzzy_candidates(hit, focus_cc, focus_admin1)
        if not hit.candidates:
            return
    container = effective_record(hit.container)
    if container is not None and container.kind in ("country", "admin1"):
        # "Paris, Texas", "Macon, Georgia": a town named with its state or country is the one inside it.
        inside = [(r, t) for r, t in hit.candidates if holds(container, r)]
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


def _readings_holding(container: Hit, hit: Hit) -> None:
    """ "Macon, Georgia": of the container's readings keep those that hold one of the hit's (the US state, not
    the country), when some do; the container is then pinned to them."""
    if (
        container.chosen is not None
        or container.visited
        or len(container.candidates) < 2
        or not hit.candidates
    ):
        return
    holding = [(r, t) for r, t in container.candidates if any(holds(r, x) for x, _ in hit.candidates)]
    if holding and len(holding) < len(container.candidates):
        container.candidates, container.pinned = holding, True


# (name key, kind cue, focus country, focus province, country hint) -> what _rank decided for a name with no
# container: (chosen place, score margin, whether every reading was dropped).
_DECISIONS: dict[
    tuple[int, str | None, str | None, str | None, str | None], tuple[PlaceRecord | None, float, bool]
] = {}


def _rank(hit: Hit, focus_cc: str | None, focus_admin1: str | None, country_hint: str | None) -> None:
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


def _plausibly_abroad(hit: Hit, best: PlaceRecord, focus_cc: str) -> bool:
    """Whether a place outside the focus country is likely meant: a country, a province, a large place named
    by its own name, or a city known abroad by an exonym. A small foreign village reached only because the
    local place is missing from the index is not."""
    if best.kind == "country":
        return True
    container = hit.container.chosen if hit.container is not None else None
    if container is not None and holds(container, best):
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
