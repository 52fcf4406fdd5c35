from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
DEVSET = REPO / "tests" / "devset"
SHARED_DEV = REPO.parent / "shared" / "data" / "dev"


@pytest.fixture
def shared_dev() -> Path:
    """The shared dev data folder; tests that need it skip where it is absent (a user's machine)."""
    if not SHARED_DEV.is_dir():
        pytest.skip(f"dev data not available at {SHARED_DEV}")
    return SHARED_DEV
