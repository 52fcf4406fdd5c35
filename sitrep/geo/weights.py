"""The weights and thresholds that decide what a place name means. In: the rows of
``data/geo/place_weights.tsv`` (then an analyst's overlay, ``SITREP_DATA``); out: one ``PlaceWeights``, a
field per row, built once.

The table's comment lines say how a reading's score is built from them. A field typed ``int`` (a population,
a count, a ratio) takes a whole number and a ``float`` one a decimal, so that the resolver's arithmetic stays
what it was when the numbers were literals in code. An overlay row for a known name replaces the shipped
value: the last row given wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import get_type_hints

from sitrep.data import DataFileError, Row, read_table

TABLE = "geo/place_weights.tsv"
KINDS = ("country", "admin1", "admin2", "admin3", "town", "locality")
# Name types: primary, curated variant, unit name with its kind, alternate, demonym.
NAME_TYPES = ("p", "v", "s", "a", "d")
# The kinds the index may leave without a population.
UNKNOWN_POPULATION_KINDS = ("admin3", "locality", "town")


@dataclass(frozen=True)
class PlaceWeights:
    """One field per row of ``place_weights.tsv`` (its ``meaning`` column says what each does), and the
    per-kind rows gathered into lookups by kind or name type."""

    prior_population_offset: int
    prior_unknown_population_admin3: int
    prior_unknown_population_locality: int
    prior_unknown_population_town: int
    prior_kind_country: float
    prior_kind_admin1: float
    prior_kind_admin2: float
    prior_kind_admin3: float
    prior_kind_town: float
    prior_kind_locality: float
    prior_name_p: float
    prior_name_v: float
    prior_name_s: float
    prior_name_a: float
    prior_name_d: float
    prior_curated: float
    score_focus_country: float
    score_focus_province: float
    score_country_hint: float
    score_kind_cue_town: float
    score_kind_cue_exact: float
    score_kind_cue_settlement: float
    score_kind_cue_neighbour: float
    score_container_district: float
    score_container_province: float
    abroad_province_population: int
    abroad_own_name_population: int
    abroad_other_name_population: int
    focus_event: float
    focus_mention: float
    focus_other_name_factor: float
    focus_country_or_province_named: float
    focus_country_hint: float
    focus_cue: float
    focus_abbreviation: float
    declared_dateline: float
    declared_named: float
    declared_weak: float
    declared_town_divisor: int
    known_city_population: int
    known_city_ratio: int
    major_city_population: int
    major_city_ratio: int
    reference_km: float
    caps_sentence_min_words: int
    caps_sentence_share: float
    acronym_max_letters: int
    event_locative: float
    event_motion: float
    event_kind_locality: float
    event_kind_town: float
    event_kind_admin3: float
    event_kind_admin2: float
    event_kind_admin1: float
    event_kind_country: float
    event_in_district: float
    event_position: float
    # Gathered from the rows above: kind -> prior_kind_<kind>, name type -> prior_name_<type>, kind ->
    # prior_unknown_population_<kind>, kind -> event_kind_<kind>.
    kind_prior: dict[str, float] = field(init=False, repr=False, compare=False)
    name_type_prior: dict[str, float] = field(init=False, repr=False, compare=False)
    unknown_population: dict[str, int] = field(init=False, repr=False, compare=False)
    event_kind: dict[str, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        gathered = {
            "kind_prior": {kind: getattr(self, f"prior_kind_{kind}") for kind in KINDS},
            "name_type_prior": {t: getattr(self, f"prior_name_{t}") for t in NAME_TYPES},
            "unknown_population": {
                kind: getattr(self, f"prior_unknown_population_{kind}") for kind in UNKNOWN_POPULATION_KINDS
            },
            "event_kind": {kind: getattr(self, f"event_kind_{kind}") for kind in KINDS},
        }
        for name, lookup in gathered.items():
            object.__setattr__(self, name, lookup)


@lru_cache(maxsize=1)
def place_weights() -> PlaceWeights:
    """The weights of the shipped table and the analyst's overlay, read once per process."""
    return weights_from_rows(read_table(TABLE))


def weights_from_rows(rows: Iterable[Row]) -> PlaceWeights:
    """A ``PlaceWeights`` from rows of the table's shape; a later row for a name replaces an earlier one.
    Raises DataFileError, naming the row, for a name that is no weight or a value of the wrong type, and
    naming the table for a weight that no row gives."""
    types = get_type_hints(PlaceWeights)
    wanted = [f.name for f in fields(PlaceWeights) if f.init]
    values: dict[str, int | float] = {}
    for row in rows:
        name, value = row["name"], row["value"]
        if name not in wanted:
            raise DataFileError(f"{row.where}: {name!r} is not a place weight (see {TABLE})")
        kind = types[name]
        try:
            values[name] = kind(value)
        except ValueError:
            expected = "a whole number" if kind is int else "a number"
            raise DataFileError(f"{row.where}: {name} must be {expected}, not {value!r}") from None
    missing = [name for name in wanted if name not in values]
    if missing:
        raise DataFileError(f"{TABLE}: no value for {', '.join(missing)}")
    return PlaceWeights(**values)
