"""Fuzzing with seeded generators (``tests/fuzz_cases.py``): extract on 5,000 generated texts never raises and
always gives schema-valid output; the readers and ingest, on a few hundred generated files of every bad shape,
give one error line per bad input, store the good ones and change nothing already stored."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from sqlalchemy import MetaData, select

from sitrep.jobs.ingest import Failed, ingest
from sitrep.model import Article, ExtractResult
from sitrep.nlp.numbers import MAX_COUNT
from sitrep.pipeline import extract
from sitrep.sources.files import article_problem
from sitrep.store.db import open_engine
from sitrep.store.tables import ClaimRow
from tests import fuzz_cases
from tests.conftest import EXAMPLES, REPO

EXTRACT_CASES = 5_000
SCHEMA = json.loads((REPO / "sitrep" / "schema" / "extract.schema.json").read_text(encoding="utf-8"))


def _published(rng: random.Random) -> date | None:
    return rng.choice((None, date(2024, 3, 12), date(1, 1, 1), date(9999, 12, 31), date(2000, 2, 29)))


def test_extract_never_raises_and_is_schema_valid() -> None:
    rng = random.Random(15)
    validator = jsonschema.Draft202012Validator(SCHEMA)
    refused = 0
    for number in range(EXTRACT_CASES):
        text = fuzz_cases.text(rng)
        if rng.random() < 0.02:  # half of a UTF-16 pair, as a JSON "\ud800" gives it: refused before extract
            text += chr(rng.randrange(0xD800, 0xE000))
        article = Article(
            id=f"fuzz-{number}", text=text, title=rng.choice((None, text[:40])), published=_published(rng)
        )
        if article_problem(article) is not None:
            refused += 1
            continue
        result = extract(article)
        document = result.model_dump(mode="json")
        # The committed JSON Schema on every tenth result (a validation costs as much as an extraction), the
        # model's own round trip on all.
        if number % 10 == 0:
            errors = [error.message for error in validator.iter_errors(document)]
            assert not errors, (text, errors[:3])
        assert ExtractResult.model_validate_json(result.model_dump_json()) == result, text
        # Writable as UTF-8 (the store and every output need it), and no count beyond the store's columns.
        json.dumps(document, ensure_ascii=False).encode("utf-8")
        for claim in document["claims"]:
            for bound in (claim["count"]["low"], claim["count"]["high"]):
                assert bound is None or 0 <= bound <= MAX_COUNT, (text, claim["count"])
    # The generator did make unusable texts, and they were the only ones not extracted.
    assert 0 < refused < EXTRACT_CASES // 10


def _rows(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, in key order: what "nothing stored changed" compares."""
    engine = open_engine(url)
    try:
        metadata = MetaData()
        metadata.reflect(engine)
        with engine.connect() as connection:
            return {
                name: [
                    tuple(row)
                    for row in connection.execute(
                        select(table).order_by(*table.primary_key.columns or table.columns)
                    )
                ]
                for name, table in metadata.tables.items()
            }
    finally:
        engine.dispose()


def _ingest(url: str, inputs: list[str]) -> tuple[list[Failed], list]:
    failed: list[Failed] = []
    stored: list = []
    engine = open_engine(url)
    try:
        ingest(inputs, engine, on_failed=failed.append, on_stored=stored.append)
    finally:
        engine.dispose()
    return failed, stored


def test_ingest_fuzzed_files_one_line_per_bad_input_and_the_good_stored(
    store_url: str, tmp_path: Path
) -> None:
    batch = fuzz_cases.write_batch(tmp_path / "batch", random.Random(1515), files=240)
    assert len(batch.good) > 100 and len(batch.bad) > 60  # the seed gives a real mix
    failed, stored = _ingest(store_url, [str(batch.folder)])

    lines = [str(f) for f in failed]
    assert all("\n" not in line and "Traceback" not in line for line in lines)
    by_where: dict[str, list[str]] = {}
    for problem in failed:
        by_where.setdefault(problem.where, []).append(problem.what)
    for bad in batch.bad:
        assert len(by_where.get(bad.where, [])) == 1, (bad, by_where.get(bad.where))
        assert bad.says in by_where[bad.where][0], (bad, by_where[bad.where])
    # Each odd HTML page gives one article or one line, never both and never more.
    html_failed = {Path(where).name for where in by_where if where.endswith(".html")}
    stored_ids = {s.article_id for s in stored}
    for name in batch.either:
        assert (name in html_failed) != (name in stored_ids), name
    # Nothing else failed: every good article was stored (new, or a near-duplicate of another).
    expected_failures = {bad.where for bad in batch.bad} | {
        str(batch.folder / name) for name in batch.either & html_failed
    }
    assert set(by_where) == expected_failures
    assert batch.good <= stored_ids


def test_bad_inputs_change_nothing_stored(store_url: str, tmp_path: Path) -> None:
    failed, _ = _ingest(store_url, [str(EXAMPLES)])
    assert not failed
    before = _rows(store_url)
    rng = random.Random(7)
    folder = tmp_path / "hostile"
    folder.mkdir()
    lines = [fuzz_cases._bad_line(rng)[0] for _ in range(40)]
    (folder / "lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for number in range(30):
        (folder / f"{number}.html").write_bytes(
            b"<html><head><title>x</title></head></html>" if number % 2 else bytes(range(1, 256))
        )
    (folder / "latin.txt").write_bytes("Cinq soldats tués".encode("latin-1"))
    failed, stored = _ingest(store_url, [str(folder)])
    assert len(failed) == 40 + 30 + 1 and not stored
    assert _rows(store_url) == before


@pytest.mark.parametrize(
    "figure", ["123456789012345678901", "9" * 4400, "between 5 and 99999999999999999999", "1,000,000,000,000"]
)
def test_a_figure_beyond_any_count_is_stored_with_its_words_and_no_count(
    store_url: str, tmp_path: Path, figure: str
) -> None:
    path = tmp_path / "big.txt"
    path.write_text(f"Police said {figure} people were killed in Turbat on Monday.", encoding="utf-8")
    failed, stored = _ingest(store_url, [str(path)])
    assert not failed and [s.outcome.value for s in stored] == ["new"]
    engine = open_engine(store_url)
    try:
        with engine.connect() as connection:
            [claim] = connection.execute(select(ClaimRow.count_low, ClaimRow.count_high, ClaimRow.count_text))
    finally:
        engine.dispose()
    assert claim.count_low is None and claim.count_high is None and figure in claim.count_text
