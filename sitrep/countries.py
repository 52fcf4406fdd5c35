"""Countries by ISO code, with the names and regions ACLED and UCDP use: ``sitrep/data/countries.tsv``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sitrep.data import read_table


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    iso_numeric: int
    acled_name: str
    acled_region: str
    ucdp_name: str
    ucdp_region: str
    gwno: int | None  # Gleditsch-Ward state number (UCDP's country_id, gwnoa, gwnob); None where GW has none


@cache
def _countries() -> dict[str, Country]:
    return {
        row["iso2"]: Country(
            row["iso2"],
            row["iso3"],
            int(row["iso_numeric"]),
            row["acled_name"],
            row["acled_region"],
            row["ucdp_name"],
            row["ucdp_region"],
            int(row["gwno"]) if row["gwno"] else None,
        )
        for row in read_table("countries.tsv")
    }


def country(iso2: str | None) -> Country | None:
    """The row of ``countries.tsv`` for an ISO alpha-2 code; None for a country the table lacks."""
    return _countries().get(iso2.upper()) if iso2 else None
