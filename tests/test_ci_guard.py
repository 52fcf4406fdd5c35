"""Where every test must run (``.ci/run``), a skip is a failure that names what the machine lacks."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

SKIPPING = """
import pytest

def test_needs_a_part():
    pytest.skip("no PostgreSQL here")

@pytest.mark.skipif(True, reason="no Chromium here")
def test_needs_another_part():
    pass

def test_runs():
    pass
"""


@pytest.fixture
def guarded(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeconftest("from tests.conftest import pytest_runtest_makereport  # noqa: F401\n")
    pytester.makepyfile(test_parts=SKIPPING)
    return pytester


def test_a_skip_is_a_skip_on_a_users_machine(
    guarded: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SITREP_TEST_ALL", raising=False)
    monkeypatch.delenv("CI", raising=False)
    result = guarded.runpytest("-rs")
    result.assert_outcomes(passed=1, skipped=2)
    result.stdout.fnmatch_lines(["*no PostgreSQL here*", "*no Chromium here*"])


def test_a_skip_fails_where_every_test_must_run(
    guarded: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITREP_TEST_ALL", "1")
    monkeypatch.delenv("CI", raising=False)
    result = guarded.runpytest()
    result.assert_outcomes(passed=1, failed=1, errors=1)
    result.stdout.fnmatch_lines(["*skipped where every test must run*no PostgreSQL here*"])
    assert result.ret != 0
