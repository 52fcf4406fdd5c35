"""The bundled example articles give the figures their README lists, and nothing from non-casualty quantities."""

from __future__ import annotations

from sitrep.model import Article
from sitrep.pipeline import extract
from sitrep.sources.files import read_inputs
from tests.conftest import EXAMPLES


def _results() -> dict[str, list[tuple]]:
    results = {}
    for article in read_inputs([str(EXAMPLES)]):
        assert isinstance(article, Article), article
        results[article.id] = [
            (c.outcome, c.victim, c.count.low, c.count.high, c.claimant.kind, c.verified)
            for c in extract(article).claims
        ]
    return results


def test_campaign_and_single_incident_figures() -> None:
    results = _results()
    wire = results["2025-03-12_meridian-wire_balochistan-attacks.txt"]
    assert ("killed", "security_forces", 201, None, "armed_group", False) in wire
    assert ("abducted", "unspecified", None, None, "armed_group", False) in wire
    assert ("killed", "security_forces", 17, None, "local_source", None) in wire
    assert ("killed", "civilians", 31, 31, "local_source", None) in wire
    assert ("killed", "militants", 24, None, "security_forces", None) in wire
    assert not any(low == 16 for _, _, low, *_ in wire), "'more than 15 hours' is a duration"

    ledger = results["2025-03-13_bolan-ledger_balochistan-toll.html"]
    assert ("killed", "security_forces", 15, None, "government", None) in ledger
    assert ("killed", "unspecified", 101, None, "unofficial", False) in ledger
    assert ("injured", "unspecified", 40, 40, "medical", None) in ledger
    assert len(ledger) == 3, "the page's boilerplate ('Two labourers hurt…') must not be read"

    dispatch = results["makran-dispatch-2025-03-15-balochistan-toll"]
    assert ("killed", "security_forces", 18, 18, "security_forces", False) in dispatch
    assert ("killed", "civilians", 33, 33, "rights_group", None) in dispatch

    assert results["2025-04-08_kech-herald_turbat-ied.txt"] == [
        ("killed", "security_forces", 2, 2, "security_forces", None),
        ("injured", "security_forces", 3, 3, "security_forces", None),
    ]


def test_html_metadata_is_read() -> None:
    [article] = read_inputs([str(EXAMPLES / "2025-03-13_bolan-ledger_balochistan-toll.html")])
    assert isinstance(article, Article)
    assert article.published.isoformat() == "2025-03-13"
    assert article.source == "The Bolan Ledger"
    assert "Most read" not in article.text
