"""Inputs as a user gives them on the command line: files, directories, ``-``, URLs (pages or feeds) and
``--urls`` files, read in that order into articles and one-line problems.

A URL is told from a file name by its scheme (``http://``/``https://``); whether it is a page or a feed is
decided by what the server sends (``read_url``). Nothing here raises for a bad input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from sitrep.model import Article
from sitrep.sources.feeds import read_url
from sitrep.sources.fetch import (
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MIN_INTERVAL,
    DEFAULT_READ_TIMEOUT,
    DEFAULT_USER_AGENT,
    Fetcher,
    FetchProblem,
)
from sitrep.sources.files import DEFAULT_MAX_BYTES, InputProblem, checked, read_inputs
from sitrep.sources.urls import looks_like_url, read_urls_file


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """What the command line says about fetching (``--allow-private``, ``--user-agent``, ``--timeout``...)."""

    allow_private: bool = False
    user_agent: str | None = None
    timeout: float = DEFAULT_READ_TIMEOUT
    host_interval: float = DEFAULT_MIN_INTERVAL
    max_bytes: int = DEFAULT_MAX_BYTES

    def fetcher(self) -> Fetcher:
        return Fetcher(
            user_agent=self.user_agent or DEFAULT_USER_AGENT,
            connect_timeout=min(self.timeout, DEFAULT_CONNECT_TIMEOUT),
            read_timeout=self.timeout,
            # A whole fetch may take a few reads' worth: bounded, yet not cut short by one slow packet.
            total_timeout=self.timeout * 3,
            max_bytes=self.max_bytes,
            min_interval=self.host_interval,
            allow_private=self.allow_private,
        )


def explained(problem: InputProblem) -> InputProblem:
    """The problem, with the way out added where the user has one (a refused private address)."""
    if isinstance(problem, FetchProblem) and problem.kind == "refused_address":
        return FetchProblem(
            problem.where,
            f"{problem.what}; --allow-private fetches from such addresses",
            problem.kind,
            problem.status,
            problem.retry_after,
        )
    return problem


def read_sources(
    inputs: Iterable[str],
    urls_files: Iterable[str] = (),
    *,
    options: FetchOptions | None = None,
    published: date | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Article | InputProblem]:
    """Articles (or problems) from files, directories, ``-`` and URLs in ``inputs``, then from the URLs listed in
    each ``--urls`` file. One fetcher serves all URLs (its per-host pacing spans the batch); it is created only
    when a URL is met, and closed at the end unless given."""
    options = options or FetchOptions()
    own: Fetcher | None = None

    def client() -> Fetcher:
        nonlocal own
        if fetcher is not None:
            return fetcher
        if own is None:
            own = options.fetcher()
        return own

    def from_url(url: str) -> Iterator[Article | InputProblem]:
        for item in read_url(url, client()):
            item = checked(item)  # a page's or a feed's text may still be unusable (a lone surrogate)
            if isinstance(item, InputProblem):
                yield explained(item)
            elif item.published is None and published is not None:
                yield item.model_copy(update={"published": published})
            else:
                yield item

    try:
        for name in inputs:
            if looks_like_url(name):
                yield from from_url(name)
            else:
                yield from read_inputs([name], published=published, max_bytes=options.max_bytes)
        for path in urls_files:
            for entry in read_urls_file(path):
                if isinstance(entry, InputProblem):
                    yield entry
                else:
                    yield from from_url(entry)
    finally:
        if own is not None:
            own.close()


_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds from "30s", "15m", "1h", "1d" or a bare number of seconds; ValueError otherwise."""
    match = _INTERVAL.match(text)
    if not match:
        raise ValueError(f"{text!r} is not an interval such as 30s, 15m, 1h")
    seconds = float(match.group(1)) * _UNIT_SECONDS[(match.group(2) or "s").lower()]
    if seconds <= 0:
        raise ValueError(f"{text!r}: the interval must be more than 0")
    return seconds
