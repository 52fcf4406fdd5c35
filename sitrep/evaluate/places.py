"""Measure place resolution against analyst-coded data (the dev files in ``../shared/data/dev/``).

* ACLED notes (Balochistan 2020-2022): coder conventions removed first (``sitrep.evaluate.strip_coder_notes``,
  which also drops the "(District, Balochistan)" parentheticals), then the best event place of the note is
  compared with ACLED's ``admin2`` (district accuracy) and ``latitude``/``longitude`` (share within 25 km).
* UCDP GED Pakistan, rows with a ``source_headline``: the best event place of the headline against ``adm_2``
  (" district" suffix and "agency" dropped).

District names are compared across frames with ``sitrep/data/geo/district_equivalents.tsv``: spellings
(Killa/Qila), renames (Bolan -> Kachhi) and districts split off since the gold was coded (Hub from Lasbela)
count as the same district. Nothing here is tuned on individual rows.

    python -m sitrep.evaluate.places [--acled PATH] [--ucdp PATH] [--country-hint PK] [--errors N]
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.data import read_table
from sitrep.geo.resolve import find_places, rank_event_places
from sitrep.model import Place

DEV_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "dev"
ACLED_PATH = DEV_DIR / "acled_balochistan_2020_2022.csv"
UCDP_PATH = DEV_DIR / "ucdp_ged_pakistan.csv"
NEAR_KM = 25.0

_SUFFIX = re.compile(r"\s+(?:district|agency|tribal agency|tribal district|tehsil)$", re.IGNORECASE)


def _key(name: str) -> str:
    return re.sub(r"[^a-z]", "", _SUFFIX.sub("", name.strip()).lower())


@lru_cache(maxsize=1)
def _equivalents() -> dict[str, str]:
    return {_key(row["name"]): _key(row["same_as"]) for row in read_table("geo/district_equivalents.tsv")}


def normalise_district(name: str | None) -> str:
    """A comparable district key: suffixes, case, spaces and punctuation dropped, then spellings, renames
    and newer districts mapped to the district the gold data was coded under."""
    if not name:
        return ""
    key = _key(name)
    table = _equivalents()
    seen = set()
    while key in table and key not in seen:  # follow chains: Shaheed Sikandarabad -> Kalat
        seen.add(key)
        key = table[key]
    return key


def same_district(predicted: str | None, gold: str | None) -> bool:
    return bool(predicted) and bool(gold) and normalise_district(predicted) == normalise_district(gold)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def best_event_place(text: str, places: list[Place]) -> Place | None:
    """The place the event most likely happened at (see ``rank_event_places``)."""
    ranked = rank_event_places(text, places)
    return ranked[0] if ranked else None


@dataclass
class Outcome:
    text: str
    gold_district: str
    predicted: Place | None
    district_ok: bool
    km: float | None = None


@dataclass
class Score:
    name: str
    outcomes: list[Outcome]

    @property
    def n(self) -> int:
        return len(self.outcomes)

    @property
    def answered(self) -> int:
        return sum(1 for o in self.outcomes if o.predicted is not None and o.predicted.admin2)

    @property
    def district_correct(self) -> int:
        return sum(o.district_ok for o in self.outcomes)

    @property
    def within_25km(self) -> int:
        return sum(1 for o in self.outcomes if o.km is not None and o.km <= NEAR_KM)

    def summary(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {
            "rows": self.n,
            "answered": self.answered,
            "district_accuracy": round(self.district_correct / self.n, 4) if self.n else 0.0,
            "district_precision_when_answered": round(self.district_correct / self.answered, 4)
            if self.answered
            else 0.0,
        }
        if any(o.km is not None for o in self.outcomes) or self.name == "acled":
            out["within_25km"] = round(self.within_25km / self.n, 4) if self.n else 0.0
        return out


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def evaluate_acled(path: Path = ACLED_PATH, country_hint: str | None = None) -> Score:
    # Imported here: sitrep.evaluate imports this module's district matching (an import cycle at load time).
    from sitrep.evaluate.devset import strip_coder_notes

    outcomes = []
    for row in _rows(path):
        text = strip_coder_notes(row["notes"])
        best = best_event_place(text, find_places(text, country_hint=country_hint))
        km = None
        if best is not None and best.lat is not None and best.lon is not None and row["latitude"]:
            km = haversine_km(best.lat, best.lon, float(row["latitude"]), float(row["longitude"]))
        ok = best is not None and same_district(best.admin2, row["admin2"])
        outcomes.append(Outcome(text, row["admin2"], best, ok, km))
    return Score("acled", outcomes)


def evaluate_ucdp(path: Path = UCDP_PATH, country_hint: str | None = None) -> Score:
    outcomes = []
    for row in _rows(path):
        headline, gold = row["source_headline"].strip(), row["adm_2"].strip()
        if not headline or not gold:
            continue
        # Several headlines joined with ";" are separate sentences.
        text = re.sub(r"\s*;\s*", ".\n", headline)
        best = best_event_place(text, find_places(text, country_hint=country_hint))
        ok = best is not None and same_district(best.admin2, gold)
        outcomes.append(Outcome(text, gold, best, ok))
    return Score("ucdp", outcomes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Place-resolution accuracy on the ACLED and UCDP dev files.")
    parser.add_argument("--acled", type=Path, default=ACLED_PATH)
    parser.add_argument("--ucdp", type=Path, default=UCDP_PATH)
    parser.add_argument("--country-hint", default=None, help="publication country passed to find_places")
    parser.add_argument("--errors", type=int, default=0, help="print up to N misses per set (local use only)")
    args = parser.parse_args(argv)
    status = 0
    for name, path, run in (
        ("ACLED notes", args.acled, evaluate_acled),
        ("UCDP headlines", args.ucdp, evaluate_ucdp),
    ):
        if not path.exists():
            print(f"{name}: {path} not found, skipped")
            continue
        score = run(path, args.country_hint)
        summary = score.summary()
        line = ", ".join(f"{k} {v}" for k, v in summary.items())
        print(f"{name}: {line}")
        shown = 0
        for o in score.outcomes:
            if shown >= args.errors:
                break
            if not o.district_ok:
                shown += 1
                got = f"{o.predicted.name} [{o.predicted.admin2}]" if o.predicted else None
                print(f"  MISS gold={o.gold_district!r} got={got!r} :: {o.text[:220]}")
    return status


if __name__ == "__main__":
    sys.exit(main())
