"""The output contract: the committed JSON Schema is the model's, and real output validates against it."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema

from sitrep.model import Article, json_schema
from sitrep.pipeline import extract
from sitrep.sources.files import read_inputs
from tests.conftest import EXAMPLE_ARTICLES, EXAMPLES

COMMITTED = json.loads(resources.files("sitrep.schema").joinpath("extract.schema.json").read_text())


def test_committed_schema_is_generated_from_the_model() -> None:
    assert json_schema() == COMMITTED, "run `sitrep schema > sitrep/schema/extract.schema.json`"


def test_example_output_validates_against_the_schema() -> None:
    validator = jsonschema.Draft202012Validator(COMMITTED)
    outputs = [extract(a).model_dump(mode="json") for a in read_inputs([str(EXAMPLES)])]
    assert len(outputs) == EXAMPLE_ARTICLES
    for output in outputs:
        validator.validate(output)
    assert sum(len(o["claims"]) for o in outputs) >= 10


def test_schema_rejects_output_missing_a_contract_field() -> None:
    output = extract(Article(id="x", text="Two soldiers were killed.")).model_dump(mode="json")
    del output["claims"][0]["claimant"]
    errors = list(jsonschema.Draft202012Validator(COMMITTED).iter_errors(output))
    assert errors


def test_contract_fields_of_the_issue_are_present() -> None:
    claim = COMMITTED["$defs"]["Claim"]["properties"]
    for name in (
        "id",
        "outcome",
        "victim",
        "victim_text",
        "count",
        "claimant",
        "stance",
        "verified",
        "quote",
        "start",
        "end",
    ):
        assert name in claim
    assert set(COMMITTED["$defs"]["Count"]["properties"]) >= {"low", "high", "text", "approximate"}
    assert set(COMMITTED["$defs"]["Claimant"]["properties"]) >= {"name", "kind", "text"}
    assert set(COMMITTED["properties"]) >= {"article", "claims", "places", "events"}
