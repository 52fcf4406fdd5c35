"""Progress of a long batch: a live bar on a terminal, plain lines otherwise (logs, cron mail).

On a terminal a rich progress bar shows, when the batch's size is known, the articles done of the total, the
percentage and the time left; always the rate and the counts (new / duplicate / failed) as they grow. Problem
lines are printed above it so the bar never garbles them. Elsewhere no control codes: one plain line every
``every`` articles (with the total and percentage when known) and one per watched source's round. Either way
the caller prints the final summary line.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

if TYPE_CHECKING:
    from rich.progress import ProgressColumn

    from sitrep.jobs.ingest import IngestSummary

PLAIN_EVERY = 25  # articles between two plain progress lines: a few lines a minute on a busy batch


class BatchProgress:
    """Reports a batch's counts as ``summary`` grows; messages go to standard error. ``total``: the articles
    the batch will read, when known (files on disk), for the percentage and the time left."""

    def __init__(
        self,
        summary: IngestSummary,
        *,
        console: Console | None = None,
        live: bool | None = None,
        every: int = PLAIN_EVERY,
        label: str = "ingesting",
        total: int | None = None,
    ) -> None:
        self.summary = summary
        self.console = console or Console(stderr=True, highlight=False, soft_wrap=True)
        self.live = self.console.is_terminal if live is None else live
        self.every = max(every, 1)
        self.total = total
        self._started = time.monotonic()
        self._last_plain = 0
        self._bar: Progress | None = None
        if self.live:
            columns: list[ProgressColumn] = [SpinnerColumn(), TextColumn("{task.description}")]
            if total is not None:
                columns += [BarColumn(bar_width=20), MofNCompleteColumn(), TaskProgressColumn()]
            else:
                columns.append(TextColumn("{task.completed} articles"))
            columns += [TextColumn("{task.fields[counts]}"), TimeElapsedColumn()]
            if total is not None:
                columns += [TextColumn("left"), TimeRemainingColumn()]
            self._bar = Progress(
                *columns,
                console=self.console,
                transient=True,  # the final summary line replaces it
            )
            self._task = self._bar.add_task(label, total=total, counts=self._counts())
            self._bar.start()

    def __enter__(self) -> BatchProgress:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _counts(self) -> str:
        s = self.summary
        elapsed = max(time.monotonic() - self._started, 1e-6)
        rate = s.articles / elapsed
        return f"({rate:.1f}/s): {s.new} new, {s.duplicates + s.already_stored} duplicate, {s.failed} failed"

    def _done(self) -> str:
        done = self.summary.articles
        if self.total is None:
            return f"{done} articles"
        return f"{done} of {self.total} articles ({done / max(self.total, 1):.0%})"

    def update(self) -> None:
        """Call after each article (stored, duplicate or failed)."""
        done = self.summary.articles
        if self.total is not None and done > self.total:  # an input grew since it was counted
            self.total = done
        if self._bar is not None:
            self._bar.update(self._task, completed=done, total=self.total, counts=self._counts())
        elif done - self._last_plain >= self.every:
            self._last_plain = done
            self.console.print(f"sitrep: progress: {self._done()} {self._counts()}", markup=False)

    def message(self, line: str) -> None:
        """A line of its own (a problem, a source's round), above the bar on a terminal."""
        self.console.print(line, markup=False)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
