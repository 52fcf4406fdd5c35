"""How a fetch stops: one kind of problem (for counting and back-off) and one line saying why."""

from __future__ import annotations

from typing import Literal

ProblemKind = Literal[
    "invalid_url",
    "refused_address",
    "dns",
    "connect",
    "timeout",
    "too_large",
    "http_status",
    "too_many_redirects",
    "unsupported_type",
    "network",
    "no_text",
    "not_a_page",
    "not_a_feed",
]


class Refused(Exception):
    """A fetch that stops with a problem; carries its kind and details."""

    def __init__(
        self, kind: ProblemKind, what: str, status: int | None = None, retry_after: float | None = None
    ):
        super().__init__(what)
        self.kind: ProblemKind = kind
        self.what = what
        self.status = status
        self.retry_after = retry_after


def one_line(text: str, limit: int = 300) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
