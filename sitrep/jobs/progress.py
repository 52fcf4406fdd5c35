"""Progress of a long batch: a live bar on a terminal, plain lines otherwise (logs, cron mail).

On a terminal a rich progress bar shows articles/s and the counts (new / duplicate / failed) as they grow;
problem lines are printed above it so the bar never garbles them. Elsewhere one plain line is written every
``every`` articles and one per watched source's round. Either way the caller prints the final summary line.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

if TYPE_CHECKING:
    from sitrep.jobs.ingest import IngestSummary

PLAIN_EVERY = 25  # articles between two plain progress lines: a few lines a minute on a busy batch


class BatchProgress:
    """Reports a batch's counts as ``summary`` grows; messages go to standard error."""

    def __init__(
        self,
        summary: IngestSummary,
        *,
        console: Console | None = None,
        live: bool | None = None,
        every: int = PLAIN_EVERY,
        label: str = "ingesting",
    ) -> None:
        self.summary = summary
        self.console = console or Console(stderr=True, highlight=False, soft_wrap=True)
        self.live = self.console.is_terminal if live is None else live
        self.every = max(every, 1)
        self._started = time.monotonic()
        self._last_plain = 0
        self._bar: Progress | None = None
        if self.live:
            self._bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TextColumn("{task.fields[counts]}"),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,  # the final summary line replaces it
            )
            self._task = self._bar.add_task(label, total=None, counts=self._counts())
            self._bar.start()

    def __enter__(self) -> BatchProgress:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _counts(self) -> str:
        s = self.summary
        elapsed = max(time.monotonic() - self._started, 1e-6)
        rate = s.articles / elapsed
        return (
            f"{s.articles} articles ({rate:.1f}/s): {s.new} new, {s.duplicates + s.already_stored} duplicate, "
            f"{s.failed} failed"
        )

    def update(self) -> None:
        """Call after each article (stored, duplicate or failed)."""
        if self._bar is not None:
            self._bar.update(self._task, counts=self._counts())
        elif self.summary.articles - self._last_plain >= self.every:
            self._last_plain = self.summary.articles
            self.console.print(f"sitrep: progress: {self._counts()}", markup=False)

    def message(self, line: str) -> None:
        """A line of its own (a problem, a source's round), above the bar on a terminal."""
        self.console.print(line, markup=False)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
