"""The real ``sitrep`` command in a process of its own, as a user runs it: one runner for the tests that need it."""

from __future__ import annotations

import os
import subprocess
import sys


def sitrep(
    *args: str, env: dict[str, str] | None = None, prefix: tuple[str, ...] = (), timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """``python -m sitrep ARGS`` with this environment plus ``env``; ``prefix`` runs it under another command
    (``setpriv …``). Output captured as text; the exit code is the caller's to check."""
    return subprocess.run(
        [*prefix, sys.executable, "-m", "sitrep", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )
