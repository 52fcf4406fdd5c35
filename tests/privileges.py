"""Running a command without root's power to write anywhere, so permission tests run under CI as root too."""

from __future__ import annotations

import os
import shutil

import pytest


def without_root_powers() -> tuple[str, ...]:
    """A command prefix that drops the capabilities that let root ignore file modes (empty when not root).

    Dropped from the bounding set, they are gone from the process ``exec`` starts, which then meets
    permissions as any user does."""
    if os.geteuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: a read-only path cannot be made read-only for root")
    return ("setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner")
