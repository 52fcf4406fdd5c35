"""sitrep.geo.weights: the numbers that decide a place named come from one typed table; an overlay changes them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import fields
from pathlib import Path
from typing import get_type_hints

import pytest

from sitrep.data import TABLES, DataFileError, Row, parse_table, read_table
from sitrep.geo.weights import KINDS, NAME_TYPES, TABLE, PlaceWeights, place_weights, weights_from_rows

SHAPE = TABLES[TABLE]


def _rows(text: str) -> list[Row]:
    return parse_table("name\tvalue\tmeaning\n" + text, SHAPE, "mine.tsv")


def test_every_weight_has_one_shipped_row_of_its_declared_type() -> None:
    shipped = read_table(TABLE)
    names = [row["name"] for row in shipped]
    assert len(names) == len(set(names)), "a weight given twice in the shipped table"
    weights = place_weights()
    hints = get_type_hints(PlaceWeights)
    for field in fields(PlaceWeights):
        if field.init:
            assert type(getattr(weights, field.name)) is hints[field.name], field.name
    assert all(row["meaning"] for row in shipped), "every weight says what it does"


def test_per_kind_rows_are_gathered_into_lookups() -> None:
    weights = weights_from_rows(
        read_table(TABLE) + _rows("prior_kind_admin3\t-2.25\tx\nevent_kind_town\t4.5\tx\n")
    )
    assert set(weights.kind_prior) == set(KINDS) == set(weights.event_kind)
    assert set(weights.name_type_prior) == set(NAME_TYPES)
    assert weights.kind_prior["admin3"] == -2.25 and weights.event_kind["town"] == 4.5


def test_a_later_row_replaces_an_earlier_one() -> None:
    weights = weights_from_rows(read_table(TABLE) + _rows("score_focus_country\t7.25\tmore focus\n"))
    assert weights.score_focus_country == 7.25
    assert weights.score_focus_province == place_weights().score_focus_province


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ("score_focus_planet\t1.0\tx\n", "mine.tsv:2: 'score_focus_planet' is not a place weight"),
        ("known_city_population\t2.5e5\tx\n", "mine.tsv:2: known_city_population must be a whole number"),
        ("reference_km\tfar\tx\n", "mine.tsv:2: reference_km must be a number, not 'far'"),
    ],
)
def test_a_row_that_is_no_weight_or_no_number_is_refused_naming_its_line(extra: str, words: str) -> None:
    with pytest.raises(DataFileError) as caught:
        weights_from_rows(read_table(TABLE) + _rows(extra))
    assert str(caught.value).startswith(words)


def test_a_weight_no_row_gives_is_named() -> None:
    rows = [row for row in read_table(TABLE) if row["name"] != "focus_cue"]
    with pytest.raises(DataFileError, match=r"no value for focus_cue$"):
        weights_from_rows(rows)


# A checkpoint 20 km from Quetta: under the shipped 25 km the attack is near Quetta (an event place, placed
# approximately); an analyst who sets the reference distance to 10 km makes Quetta a reference point.
_PROBE = """
import json
from sitrep.geo.resolve import find_places
places = find_places("Gunmen attacked a checkpoint 20 km north of Quetta on Tuesday, officials said.")
print(json.dumps([[p.name, p.role, p.precision["acled"]] for p in places]))
"""


def _places_with(overlay: Path | None) -> list[list[object]]:
    env = {key: value for key, value in os.environ.items() if key != "SITREP_DATA"}
    if overlay is not None:
        env["SITREP_DATA"] = str(overlay)
    # A process of its own: the weights are read once per process.
    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout)


def test_a_weight_changed_in_an_analysts_overlay_is_used(tmp_path: Path) -> None:
    (tmp_path / "geo").mkdir()
    (tmp_path / "geo" / "place_weights.tsv").write_text(
        "name\tvalue\tmeaning\nreference_km\t10.0\tour analysts count 10 km as elsewhere\n", encoding="utf-8"
    )
    assert _places_with(None) == [["Quetta", "event", 2]]
    assert _places_with(tmp_path) == [["Quetta", "mention", 1]]
