"""The real ``sitrep`` command, run as a user runs it: formats, standard input, bad input, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_ARTICLES, EXAMPLES


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitrep", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_extract_examples_as_table() -> None:
    result = run("extract", str(EXAMPLES))
    assert result.returncode == 0, result.stderr
    assert "more than 200" in result.stdout
    assert "armed_group" in result.stdout


def test_extract_jsonl_one_object_per_article() -> None:
    result = run("extract", str(EXAMPLES), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == EXAMPLE_ARTICLES
    assert {"article", "claims", "places", "events"} <= set(lines[0])


def test_extract_json_is_one_array() -> None:
    result = run("extract", str(EXAMPLES / "feed.jsonl"), "--format", "json")
    assert result.returncode == 0, result.stderr
    [article] = json.loads(result.stdout)
    assert article["article"]["source"] == "The Makran Dispatch"


def test_standard_input_plain_text_and_published_date() -> None:
    result = run(
        "extract",
        "-",
        "--format",
        "jsonl",
        "--published",
        "2025-01-02",
        stdin=b"Three soldiers were killed in Kech, police said.",
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["article"] == {
        "id": "stdin",
        "title": None,
        "published": "2025-01-02",
        "url": None,
        "source": None,
        "author": None,
        "language": "en",
    }
    assert record["claims"][0]["claimant"]["kind"] == "security_forces"


def test_standard_input_jsonl() -> None:
    lines = b'{"id": "a", "text": "Two civilians were injured."}\n{"id": "b", "text": "No figures here."}\n'
    result = run("extract", "-", "--format", "jsonl", stdin=lines)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()] == ["a", "b"]


def test_bad_date_is_a_usage_error() -> None:
    result = run("extract", str(EXAMPLES), "--published", "12/03/2025")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture
def bad_inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a_good.txt").write_text("Attack in Turbat\n\nTwo soldiers were killed, police said.\n")
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "d_latin1.txt").write_bytes("Cinq soldats tués à Quetta".encode("latin-1"))
    with (folder / "e_huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
        handle.seek(0)
        handle.write(b"Five people were killed. ")
    (folder / "f_feed.jsonl").write_text(
        '{"id": "ok-1", "text": "Four policemen were wounded."}\n'
        '{"id": "broken", "text": \n'
        '{"text": "no id here"}\n'
        '{"id": "ok-2", "text": "A civilian was killed.", "published": "not a date"}\n'
        '{"id": "ok-3", "text": "Six militants were killed."}\n'
    )
    deep = "<div>" * 20_000 + "<p>Gunmen killed three people in Quetta, police said.</p>" + "</div>" * 20_000
    (folder / "g_deep.html").write_text(f"<html><body>{deep}</body></html>")
    (folder / "h_no_text.html").write_text(
        "<html><head><title>Menu</title></head><body><nav></nav></body></html>"
    )
    return folder


def test_bad_input_gets_one_line_errors_and_the_rest_is_processed(bad_inputs: Path) -> None:
    result = run("extract", str(bad_inputs), "--format", "jsonl")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    ids = [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()]
    assert ids == ["a_good.txt", "ok-1", "ok-3"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("sitrep: error:")]
    assert len(errors) == 9
    expected = {
        "b_empty.txt": "empty file",
        "c_binary.txt": "binary file",
        "d_latin1.txt": "not UTF-8",
        "e_huge.txt": "file too large (50.0 MB",
        "f_feed.jsonl:2": "not valid JSON",
        "f_feed.jsonl:3": "missing required field 'id'",
        "f_feed.jsonl:4": "bad value for 'published'",
        "g_deep.html": "the HTML nests elements deeper than 256 levels: not read",
        "h_no_text.html": "no article text found in the HTML",
    }
    for where, what in expected.items():
        assert any(f"{where}: {what}" in line for line in errors), (where, errors)
    assert "9 input(s) could not be read" in result.stderr


def test_missing_file_and_unsupported_type(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = run(
        "extract", str(tmp_path / "nope.txt"), str(tmp_path / "notes.pdf"), str(EXAMPLES / "feed.jsonl")
    )
    assert result.returncode == 1
    assert "nope.txt: no such file or directory" in result.stderr
    assert "notes.pdf: unsupported file type .pdf" in result.stderr
    assert "The Makran Dispatch" not in result.stderr
    assert "Military gives detailed toll" in result.stdout


def test_hostile_json_lines_each_get_one_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    """Too deep, a lone surrogate, a 4,400-digit number, non-string fields, blank text, not an object: one line
    each (file:line and what), the good lines extracted and stored, exit code 1, no traceback."""
    feed = tmp_path / "hostile.jsonl"
    feed.write_text(
        "\n".join(
            [
                '{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}",
                '{"id": "ok-1", "text": "Two soldiers were killed in Turbat."}',
                '{"id": "half", "text": "x \\ud800 y"}',
                '{"id": "long", "text": "Two killed.", "n": ' + "9" * 4400 + "}",
                '{"id": ["a"], "text": "Two killed."}',
                '{"id": "t", "text": {"body": "Two killed."}}',
                '{"id": "blank", "text": "  \\n "}',
                "[1, 2]",
                '{"id": "ok-2", "text": "Police said 123456789012345678901 people were killed in Turbat."}',
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    expected = {
        ":1": "not valid JSON (nested too deeply)",
        ":3": "field 'text' holds a lone surrogate (U+D800) at character 2: not text",
        ":4": "a number too long to read (4400 digits)",
        ":5": "field 'id' must be a string or a whole number, not an array",
        ":6": "field 'text' must be a string, not an object",
        ":7": "field 'text' is empty (only whitespace)",
        ":8": "expected a JSON object with 'id' and 'text', not an array",
    }
    extracted = run("extract", str(feed), "--format", "jsonl")
    stored = run("ingest", "--db", f"sqlite:///{tmp_path / 'store.db'}", str(feed))
    for result in (extracted, stored):
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        errors = [line for line in result.stderr.splitlines() if line.startswith("sitrep: error:")]
        assert errors == [f"sitrep: error: {feed}{where}: {what}" for where, what in expected.items()]
    outputs = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert [o["article"]["id"] for o in outputs] == ["ok-1", "ok-2"]
    # A figure beyond any count: the claim keeps its words, its count is null.
    [huge] = outputs[1]["claims"]
    assert huge["count"] == {"low": None, "high": None, "text": "123456789012345678901", "approximate": False}
    assert "2 new" in stored.stdout and "7 failed" in stored.stdout
