"""sitrep.data: every data file is declared with its columns and read one way; an analyst's overlay adds rows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from sitrep.data import TABLES, DataFileError, Table, check_overlay, parse_table, read_table

# Inputs of scripts/build_gazetteer.py: compiled into the shipped place index, never read at run time.
BUILD_INPUTS = {
    "geo/supplement.tsv",
    "geo/demonyms.tsv",
    "geo/publications.txt",
    "geo/person_name_words.txt",
    "geo/focus_countries.txt",
}
TABLE = Table(("phrase", "outcome"), ("note",))


def _shipped_files() -> set[str]:
    root = resources.files("sitrep.data")
    names = {entry.name for entry in root.iterdir() if entry.name.endswith((".tsv", ".txt"))}
    names |= {
        f"{folder}/{entry.name}"
        for folder in ("geo", "ur")
        for entry in root.joinpath(folder).iterdir()
        if entry.name.endswith((".tsv", ".txt"))
    }
    return names


def test_every_shipped_data_file_is_declared_or_a_build_input() -> None:
    assert _shipped_files() - BUILD_INPUTS == set(TABLES)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_declared_table_reads_with_its_columns(name: str) -> None:
    rows = read_table(name)
    assert rows, f"{name} has no rows"
    for row in rows:
        assert set(row) == set(TABLES[name].columns)
        assert all(row[column] for column in TABLES[name].required[:1]), row.where
        assert row.where.startswith(f"sitrep/data/{name}:")


def test_header_columns_in_any_order_and_optional_ones_left_out() -> None:
    rows = parse_table("# a comment\noutcome\tphrase\n\nkilled\tshot dead \n", TABLE, "mine.tsv")
    assert rows == [{"phrase": "shot dead", "outcome": "killed", "note": ""}]
    assert rows[0].where == "mine.tsv:4"


def test_positional_table_takes_the_declared_order_and_may_leave_optional_columns_out() -> None:
    positional = Table(("category", "phrase"), ("form",), header=False)
    rows = parse_table("locative\tin\nnear\tclose to\tabbr\n", positional, "cues.tsv")
    assert [(r["category"], r["phrase"], r["form"]) for r in rows] == [
        ("locative", "in", ""),
        ("near", "close to", "abbr"),
    ]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("phrase\toutcom\nshot\tkilled\n", 1, "unknown column 'outcom'"),
        ("phrase\tnote\nshot\tx\n", 1, "no 'outcome' column"),
        ("phrase\toutcome\nshot\tkilled\textra\n", 2, "3 tab-separated fields, the header has 2"),
        ("# only a comment\n", None, "no header line"),
    ],
)
def test_a_file_that_does_not_fit_its_declaration_is_one_line_naming_file_and_line(
    text: str, line: int | None, words: str
) -> None:
    with pytest.raises(DataFileError) as caught:
        parse_table(text, TABLE, "mine.tsv")
    message = str(caught.value)
    assert "\n" not in message and words in message
    assert message.startswith(f"mine.tsv:{line}: " if line else "mine.tsv: ")


def test_positional_row_short_of_required_columns_is_refused() -> None:
    with pytest.raises(DataFileError, match=r"cues.tsv:2: 1 tab-separated fields, expected at least 2"):
        parse_table("locative\tin\nnear\n", Table(("category", "phrase"), header=False), "cues.tsv")


def test_overlay_rows_come_after_the_shipped_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = read_table("toll_verbs.tsv")
    (tmp_path / "toll_verbs.tsv").write_text("verb\nballooned\n", encoding="utf-8")
    elsewhere = tmp_path / "second"
    elsewhere.mkdir()
    (elsewhere / "toll_verbs.tsv").write_text("# a second folder\nverb\nswelled\n", encoding="utf-8")
    monkeypatch.setenv("SITREP_DATA", os.pathsep.join([str(tmp_path), str(elsewhere)]))
    rows = read_table("toll_verbs.tsv")
    assert rows[: len(shipped)] == shipped
    assert [row["verb"] for row in rows[len(shipped) :]] == ["ballooned", "swelled"]
    assert rows[-1].where == f"{elsewhere / 'toll_verbs.tsv'}:3"
    assert check_overlay() == [tmp_path / "toll_verbs.tsv", elsewhere / "toll_verbs.tsv"]


def _extract(text_file: Path, overlay: Path | None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "SITREP_DATA"}
    if overlay is not None:
        env["SITREP_DATA"] = str(overlay)
    return subprocess.run(
        [sys.executable, "-m", "sitrep", "extract", "--format", "jsonl", str(text_file)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_an_analysts_outcome_word_is_read_by_the_extractor(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "Militants obliterated 12 soldiers in Turbat on Monday, police said.\n", encoding="utf-8"
    )
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "outcomes.tsv").write_text("phrase\toutcome\tbare\nobliterated\tkilled\t\n", encoding="utf-8")

    def killed(run: subprocess.CompletedProcess[str]) -> list[int | None]:
        assert run.returncode == 0, run.stderr
        claims = json.loads(run.stdout)["claims"]
        return [c["count"]["low"] for c in claims if c["outcome"] == "killed"]

    assert killed(_extract(report, None)) == []
    assert killed(_extract(report, overlay)) == [12]


def test_a_malformed_overlay_stops_the_command_with_one_line(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("Two soldiers were killed in Turbat.\n", encoding="utf-8")
    (tmp_path / "geo").mkdir()
    (tmp_path / "geo" / "context_cues.tsv").write_text("locative\n", encoding="utf-8")
    run = _extract(report, tmp_path)
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr.strip().splitlines() == [
        f"sitrep: error: {tmp_path / 'geo' / 'context_cues.tsv'}:1: 1 tab-separated fields, expected at least 2"
        " (category, phrase)"
    ]


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        (
            "geo/place_weights.tsv",
            "name\tvalue\tmeaning\nreference_km\tfar\tx\n",
            "reference_km must be a number",
        ),
        ("actors.tsv", "name\tkind\nNew Front\trebels\n", "kind 'rebels' is not one of"),
    ],
)
def test_an_overlay_value_its_reader_refuses_stops_the_command_with_one_line(
    tmp_path: Path, name: str, content: str, words: str
) -> None:
    report = tmp_path / "report.txt"
    report.write_text("Two soldiers were killed in Turbat.\n", encoding="utf-8")
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(content, encoding="utf-8")
    run = _extract(report, tmp_path)
    assert run.returncode == 1 and run.stdout == ""
    [line] = run.stderr.strip().splitlines()
    assert line.startswith(f"sitrep: error: {tmp_path / name}:2: ") and words in line
