"""The ACLED and UCDP GED exports checked against each codebook's value sets, as a user makes them: a SQLite
store built by ``ingest`` from the bundled examples and four short articles of our own words (one-sided,
state-based and non-state violence, and an undated killing), then ``sitrep export`` run as a command.

Codebook facts (ACLED codebook; UCDP GED codebook, as DESIGN §1 gives them): ACLED ``time_precision`` 1-3 and
its source scales; UCDP ``type_of_violence`` 1-3, ``date_prec`` 1-5, ``event_clarity`` 1-2, Gleditsch-Ward
state numbers, PRIO-GRID cells (0.5 degrees, 720 to a row, numbered from 1 at -90, -180).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest

from sitrep.export import acled, ucdp
from sitrep.export._common import Source, event_number
from sitrep.export.ucdp import priogrid_gid
from sitrep.store import open_engine
from tests.commands import sitrep
from tests.conftest import EXAMPLES

# Our own words. "Undated": no date in the text and none for the page, so no day can be told.
OURS = [
    {
        "id": "ours-one-sided",
        "title": "Four labourers shot dead in Kech",
        "published": "2024-05-07",
        "source": "Dawn",
        "url": "https://www.dawn.com/news/ours-one-sided",
        "text": "TURBAT — Gunmen from the Baloch Liberation Army shot dead four labourers in Kech district on "
        "Monday, police said. The BLA claimed the killings.",
    },
    {
        "id": "ours-state-based",
        "title": "Five militants killed in North Waziristan gunfight",
        "published": "2024-06-05",
        "source": "Reuters",
        "url": "https://www.reuters.com/world/ours-state-based",
        "text": "MIRANSHAH — Security forces killed five militants of the Tehreek-i-Taliban Pakistan in a "
        "gunfight in North Waziristan on Tuesday, the ISPR said.",
    },
    {
        "id": "ours-non-state",
        "title": "Six dead as rival fighters clash in Panjgur",
        "published": "2024-07-02",
        "url": "https://news.example.net/ours-non-state",
        "text": "PANJGUR — Fighters of the Baloch Liberation Front and the Tehreek-i-Taliban Pakistan clashed in "
        "Panjgur on Sunday, leaving six fighters dead, local elders said.",
    },
    {
        "id": "ours-undated",
        "title": "Three shopkeepers shot dead in Khuzdar",
        "source": "Dawn",
        "text": "KHUZDAR — Gunmen shot dead three shopkeepers in Khuzdar, police said. No group claimed "
        "responsibility.",
    },
]
UNDATED_NOTE = "1 undated event left out; --include-undated to keep them"
ACLED_SCALES = {"Local", "Subnational", "National", "Regional", "International", "New media", "Other"}
# UCDP columns every coded row fills; the point's columns are checked apart (a campaign's aggregate row has none).
UCDP_REQUIRED = (
    "id relid year type_of_violence side_a side_b dyad_name number_of_sources source_article where_prec "
    "where_coordinates adm_1 country iso3 country_id region event_clarity date_prec date_start date_end best "
    "high low"
).split()
UCDP_POINT = ("latitude", "longitude", "geom_wkt", "priogrid_gid")


def _sitrep(*args: str) -> subprocess.CompletedProcess:
    done = sitrep(*args)
    done.check_returncode()
    return done


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    from sitrep.jobs.ingest import ingest

    folder = tmp_path_factory.mktemp("codebooks")
    feed = folder / "ours.jsonl"
    feed.write_text("".join(json.dumps(article) + "\n" for article in OURS), encoding="utf-8")
    url = f"sqlite:///{folder / 'store.db'}"
    engine = open_engine(url)
    try:
        ingest([str(EXAMPLES), str(feed)], engine)
    finally:
        engine.dispose()
    return url


def _export(store: str, fmt: str, *more: str) -> tuple[list[dict[str, str]], str]:
    result = _sitrep("export", "-f", fmt, "--db", store, *more)
    return list(csv.DictReader(io.StringIO(result.stdout))), result.stderr


@pytest.fixture(scope="module")
def events(store: str) -> dict[str, dict]:
    """Every stored event (the JSON export keeps them all), by id."""
    document = json.loads(_sitrep("export", "-f", "json", "--db", store).stdout)
    return {event["id"]: event for event in document["events"]}


def _undated(events: dict[str, dict]) -> str:
    [undated] = [event_id for event_id, event in events.items() if event["date"] is None]
    assert undated.startswith("ours-undated")
    return undated


def _by_article(events: dict[str, dict], article: str) -> dict:
    [event] = [e for e in events.values() if e["article_ids"] == [article]]
    return event


# ---------------------------------------------------------------------------------------------------------------
# UCDP GED


def test_ucdp_rows_take_the_codebooks_values(store: str, events: dict[str, dict]) -> None:
    rows, stderr = _export(store, "ucdp")
    assert rows and list(rows[0]) == list(ucdp.COLUMNS)
    assert UNDATED_NOTE in stderr and "left out of the UCDP export" in stderr
    assert _undated(events) not in {r["relid"] for r in rows}
    for row in rows:
        where = row["relid"]
        assert all(row[column] for column in UCDP_REQUIRED), (where, [c for c in UCDP_REQUIRED if not row[c]])
        assert row["type_of_violence"] in {"1", "2", "3"}, where
        assert row["date_prec"] in {"1", "2", "3", "4", "5"}, where
        assert row["event_clarity"] in {"1", "2"}, where
        assert int(row["low"]) <= int(row["best"]) <= int(row["high"]), where
        assert row["country_id"] == "770" and row["country"] == "Pakistan", where  # Gleditsch-Ward: Pakistan
        # A state's number exactly where its government is a side.
        assert bool(row["gwnoa"]) == row["side_a"].startswith("Government of"), where
        assert bool(row["gwnob"]) == row["side_b"].startswith("Government of"), where
        assert row["gwnoa"] in {"", "770"} and row["gwnob"] in {"", "770"}, where
        if row["type_of_violence"] == "3":
            assert row["side_b"] == "Civilians", where
        if int(row["where_prec"]) < 4:  # a point: its PRIO-GRID cell holds it
            assert all(row[column] for column in UCDP_POINT), where
            cell = int(row["priogrid_gid"]) - 1
            south, west = -90 + (cell // 720) * 0.5, -180 + (cell % 720) * 0.5
            assert south <= float(row["latitude"]) < south + 0.5, where
            assert west <= float(row["longitude"]) < west + 0.5, where
        else:  # an aggregate or a province: told apart from nothing
            assert row["event_clarity"] == "2", where
    assert {r["type_of_violence"] for r in rows} == {"1", "2", "3"}


def test_ucdp_sides_of_our_articles(store: str, events: dict[str, dict]) -> None:
    rows = {r["relid"]: r for r in _export(store, "ucdp")[0]}
    one_sided = rows[_by_article(events, "ours-one-sided")["id"]]
    assert (one_sided["type_of_violence"], one_sided["side_a"], one_sided["side_b"]) == (
        "3",
        "BLA",
        "Civilians",
    )
    assert (one_sided["best"], one_sided["deaths_civilians"], one_sided["gwnoa"]) == ("4", "4", "")
    state = rows[_by_article(events, "ours-state-based")["id"]]
    assert (state["type_of_violence"], state["side_a"], state["side_b"]) == (
        "1",
        "Government of Pakistan",
        "TTP",
    )
    assert (state["gwnoa"], state["deaths_b"], state["best"]) == ("770", "5", "5")
    non_state = rows[_by_article(events, "ours-non-state")["id"]]
    assert (non_state["type_of_violence"], non_state["side_a"], non_state["side_b"]) == ("2", "BLF", "TTP")
    assert (non_state["gwnoa"], non_state["gwnob"], non_state["best"]) == ("", "", "6")
    assert non_state["date_prec"] == "1" and non_state["date_start"] == "2024-06-30 00:00:00.000"


def test_ucdp_keeps_undated_events_when_asked(store: str, events: dict[str, dict]) -> None:
    rows, stderr = _export(store, "ucdp", "--include-undated")
    assert "undated" not in stderr
    [row] = [r for r in rows if r["relid"] == _undated(events)]
    assert (row["type_of_violence"], row["side_b"], row["best"]) == ("3", "Civilians", "3")
    assert row["year"] == row["date_prec"] == row["date_start"] == row["date_end"] == ""  # no day to give


def test_priogrid_cells() -> None:
    # The grid's corners (PRIO-GRID numbers its cells row by row from the south-west, 720 to a row).
    assert priogrid_gid(-90, -180) == 1
    assert priogrid_gid(-89.9, 179.9) == 720
    assert priogrid_gid(-89.5, -180) == 721
    assert priogrid_gid(89.9, -179.9) == 258481
    assert priogrid_gid(90, 180) == 259200  # the pole and the antimeridian close the last cell
    # A cell UCDP GED gives for a point in Kashmir (UCDP GED Pakistan data, CC BY 4.0).
    assert priogrid_gid(34.821865, 74.355544) == 179789
    assert priogrid_gid(None, 74.3) is None and priogrid_gid(91, 0) is None


def test_priogrid_cells_of_ucdp_ged(shared_dev: Path) -> None:
    """Every row of UCDP GED's Pakistan data: the formula gives the cell UCDP gives."""
    with (shared_dev / "ucdp_ged_pakistan.csv").open(encoding="utf-8") as ged:
        rows = list(csv.DictReader(ged))
    assert rows
    for row in rows:
        assert priogrid_gid(float(row["latitude"]), float(row["longitude"])) == int(row["priogrid_gid"]), row[
            "id"
        ]


# ---------------------------------------------------------------------------------------------------------------
# ACLED


def _claimant_words(claim: dict) -> str:
    """How a claimant is named (the notes may name it by its name or the words the article used)."""
    claimant = claim["claimant"]
    if claimant["kind"] == "none":
        return claim["source"] or "the report"
    return claimant["name"] or claimant["text"]


def test_acled_rows_take_the_codebooks_values(store: str, events: dict[str, dict]) -> None:
    rows, stderr = _export(store, "acled")
    assert rows and list(rows[0]) == list(acled.COLUMNS)
    assert stderr.strip() == UNDATED_NOTE
    by_number = {f"PAK{event_number(event_id)}": event for event_id, event in events.items()}
    exported = {by_number[r["event_id_cnty"]]["id"] for r in rows}
    assert exported == set(events) - {_undated(events)}
    for row in rows:
        event = by_number[row["event_id_cnty"]]
        where = event["id"]
        assert row["time_precision"] in {"1", "2", "3"}, where
        assert row["event_date"] and row["source"], where
        assert row["source_scale"] and set(row["source_scale"].split("-")) <= ACLED_SCALES, where
        assert row["notes"].startswith(("On ", "Around ", "In ")), where
        for claim in event["claims"]:
            if claim["superseded_by"] is None:
                assert _claimant_words(claim).lower() in row["notes"].lower(), (where, claim["claimant"])
        assert int(row["fatalities"]) >= 0


def test_acled_sources_and_notes_of_our_articles(store: str, events: dict[str, dict]) -> None:
    rows = {r["event_id_cnty"]: r for r in _export(store, "acled")[0]}

    def row_of(article: str) -> dict[str, str]:
        return rows[f"PAK{event_number(_by_article(events, article)['id'])}"]

    assert (row_of("ours-one-sided")["source"], row_of("ours-one-sided")["source_scale"]) == (
        "Dawn",
        "National",
    )
    assert row_of("ours-state-based")["source_scale"] == "International"
    # No outlet's name: its web domain names it; a domain the table lacks is "Other".
    assert (row_of("ours-non-state")["source"], row_of("ours-non-state")["source_scale"]) == (
        "news.example.net",
        "Other",
    )
    notes = row_of("ours-state-based")["notes"]
    assert notes.startswith("On 4 June 2024, armed clash involving Military Forces of Pakistan and TTP")
    assert "Inter-Services Public Relations" in notes and "reported five militants killed" in notes


def test_acled_keeps_undated_events_when_asked(store: str, events: dict[str, dict]) -> None:
    rows, stderr = _export(store, "acled", "--include-undated")
    assert stderr.strip() == ""
    [row] = [r for r in rows if r["event_id_cnty"] == f"PAK{event_number(_undated(events))}"]
    assert row["event_date"] == row["year"] == row["time_precision"] == ""
    assert row["notes"].startswith("On an unknown date, attack involving")
    assert (row["source"], row["fatalities"]) == ("Dawn", "3")


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        ([Source("a", "Dawn", None, None, None)], "National"),
        ([Source("a", "The Express Tribune", None, None, None)], "National"),  # "The" and case aside
        ([Source("a", None, None, None, "https://www.dawn.com/news/1")], "National"),  # by domain
        ([Source("a", None, None, None, "https://mobile.reuters.com/x")], "International"),  # a subdomain
        (
            [Source("a", "Reuters", None, None, None), Source("b", "Dawn", None, None, None)],
            "National-International",
        ),
        ([Source("a", "Unknown Gazette", None, None, None)], "Other"),
        (
            [Source("a", None, None, None, "https://t.me/channel"), Source("b", "Dawn", None, None, None)],
            "National-New media",
        ),
    ],
)
def test_acled_source_scale(sources: list[Source], expected: str) -> None:
    assert acled.source_scales(sources) == expected


def test_gleditsch_ward_numbers_are_whole_numbers() -> None:
    from sitrep.countries import country

    assert (country("PK").gwno, country("AF").gwno, country("IN").gwno, country("IR").gwno) == (
        770,
        700,
        750,
        630,
    )
    assert country("US").gwno == 2 and country("PS").gwno is None
