"""Two fixed halves of every dev set, chosen by a hash of each record's id.

Rules are tuned on half A only; half B is scored and reported but its errors are not read. The half of a
record depends on its id alone (SHA-256, first byte even → A), so it never changes when records are added,
removed or reordered, and every dev format splits the same way.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Half = Literal["A", "B"]
HALVES: tuple[Half, ...] = ("A", "B")


def half_of(record_id: str) -> Half:
    """'A' or 'B' for a record id; stable across runs, machines and Python versions."""
    first_byte = hashlib.sha256(record_id.encode("utf-8")).digest()[0]
    return "A" if first_byte % 2 == 0 else "B"
