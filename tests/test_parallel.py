"""Parallel and distributed extraction give exactly the single-process results, in input order."""

from __future__ import annotations

import json

import pytest

from sitrep.jobs.parallel import extract_many
from sitrep.model import Article
from sitrep.sources.files import read_inputs
from tests.conftest import DEVSET, EXAMPLES


def _articles() -> list[Article]:
    examples = [a for a in read_inputs([str(EXAMPLES)]) if isinstance(a, Article)]
    passages = [json.loads(line) for line in (DEVSET / "sentences.jsonl").read_text().splitlines() if line]
    return examples + [Article(id=p["id"], text=p["text"]) for p in passages[:60]]


def _dump(results) -> list[str]:
    return [r.model_dump_json() for r in results]


@pytest.fixture(scope="module")
def single() -> list[str]:
    return _dump(extract_many(_articles()))


def test_two_processes_equal_one(single: list[str]) -> None:
    assert _dump(extract_many(_articles(), workers=2, chunk_size=7)) == single


def test_dask_local_cluster_equals_one(single: list[str]) -> None:
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        assert _dump(extract_many(_articles(), dask=cluster.scheduler_address, chunk_size=9)) == single
