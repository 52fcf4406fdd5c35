"""What the writers share: the data tables they read, event numbers, an event's sources, and output handling."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import os
import secrets
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO

from sitrep.errors import SitrepError
from sitrep.model import ArticleMeta, Dataset, DatasetEvent

Output = BinaryIO | TextIO | Path | str

# Event numbers made from a hash have this many digits: with 100,000 events the chance that two share a number
# is about 1 in 200,000, and ``event_numbers`` refuses to write a dataset where two do.
_HASH_DIGITS = 12


def event_number(event_id: str) -> int:
    """A stable number for an event id: the id itself when it is all digits (a database key), else the first
    digits of its BLAKE2b hash, so the same event keeps its number from one export to the next."""
    if event_id.isdigit() and len(event_id) <= 18:
        return int(event_id)
    digest = hashlib.blake2b(event_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % 10**_HASH_DIGITS


def event_numbers(dataset: Dataset) -> dict[str, int]:
    """Every event's number; raises ValueError if two events would share one (ids must stay unique)."""
    numbers: dict[str, int] = {}
    seen: dict[int, str] = {}
    for event in dataset.events:
        number = event_number(event.id)
        if number in seen and seen[number] != event.id:
            raise ValueError(
                f"events {seen[number]!r} and {event.id!r} map to the same export number {number}"
            )
        seen[number] = event.id
        numbers[event.id] = number
    return numbers


@dataclass(frozen=True, slots=True)
class Source:
    """One article behind an event, with what is known of it."""

    article_id: str
    name: str | None
    published: dt.date | None
    title: str | None
    url: str | None


def event_sources(event: DatasetEvent, articles: Mapping[str, ArticleMeta] | None = None) -> list[Source]:
    """The event's articles in the event's order. Metadata comes from ``articles`` when given (the store has
    it), else from the event's claims, which carry their article's source, date and URL but not its title."""
    articles = articles or {}
    from_claims = {c.article_id: c for c in reversed(event.claims)}
    sources = []
    for article_id in dict.fromkeys(event.article_ids + [c.article_id for c in event.claims]):
        meta = articles.get(article_id)
        claim = from_claims.get(article_id)
        sources.append(
            Source(
                article_id=article_id,
                name=meta.source if meta and meta.source else claim.source if claim else None,
                published=meta.published if meta and meta.published else claim.published if claim else None,
                title=meta.title if meta else None,
                url=meta.url if meta and meta.url else claim.url if claim else None,
            )
        )
    return sources


def is_undated(event: DatasetEvent) -> bool:
    """An undated event: no day the text or its page date fixes (``date`` null). The ACLED and UCDP exports
    leave it out unless asked: their formats have no row without a date."""
    return event.date is None


def cell(value: object) -> str:
    """A value as a CSV cell: blank for None, ISO for dates."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def coordinate(value: float | None) -> str:
    """Latitude or longitude as ACLED and UCDP write them: decimal degrees, blank when unknown."""
    return "" if value is None else f"{value:.6f}".rstrip("0").rstrip(".")


def csv_pieces(rows: Iterable[Sequence[object]], rows_per_piece: int = 200) -> Iterator[str]:
    """CSV text (``\\n`` line ends, as every writer here uses) a few hundred rows at a time, for streaming."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for number, row in enumerate(rows, 1):
        writer.writerow(row)
        if number % rows_per_piece == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


class OutputError(SitrepError):
    """The file to write cannot be written there (a directory, no permission, no such folder): one line."""


@contextlib.contextmanager
def _path_output(path: Path, binary: bool) -> Iterator[IO[Any]]:
    """A stream writing to ``path``, by what ``path`` is.

    A regular file or a new name is written beside its final place and moved over it when complete, so a
    failed export leaves no half file. A symbolic link is followed: its target is replaced that way and the
    link kept. Anything else that is not a folder (a device such as /dev/null, a named pipe) is written where
    it is, as a stream: replacing it by a file would break it (run as root, /dev/null became a regular file);
    so is any path under /dev or /proc.
    """
    try:
        status: os.stat_result | None = path.stat()
    except FileNotFoundError:
        status = None  # a new file (a dangling link's target included)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise OutputError(f"cannot write {path}: it is a folder, not a file")
    # /dev/stdout, /dev/fd/N and /proc/self/fd/N name open descriptors, whatever they point to: in place too.
    special = str(path.absolute()).startswith(("/dev/", "/proc/"))
    try:
        if (status is None or stat.S_ISREG(status.st_mode)) and not special:
            with _atomic(Path(os.path.realpath(path)), binary, status) as stream:
                yield stream
        else:
            with _open(path, "w", binary) as stream:
                yield stream
    except OSError as error:  # opening, writing (a full disk, a pipe whose reader left) or moving into place
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None


@contextlib.contextmanager
def _atomic(path: Path, binary: bool, existing: os.stat_result | None) -> Iterator[IO[Any]]:
    """A file written beside ``path`` and moved over it when complete, keeping the replaced file's mode."""
    # A plain open() (not mkstemp) so a new file gets the usual permissions under the user's umask.
    temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        with _open(temporary, "x", binary) as stream:
            yield stream
        if existing is not None:
            os.chmod(temporary, stat.S_IMODE(existing.st_mode))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _open(path: Path, mode: str, binary: bool) -> IO[Any]:
    if binary:
        return open(path, mode + "b")  # noqa: SIM115 - the caller's with block closes it
    return open(path, mode, encoding="utf-8", newline="")  # noqa: SIM115


def _is_path(out: Output) -> bool:
    return isinstance(out, str | os.PathLike)


@contextlib.contextmanager
def text_output(out: Output) -> Iterator[TextIO]:
    """A text stream for ``out``: a path (UTF-8; see ``_path_output``), a text stream, or a binary stream (UTF-8).
    Raises ``OutputError`` when the path cannot be written."""
    if _is_path(out):
        with _path_output(Path(out), binary=False) as stream:
            yield stream  # type: ignore[misc]
    elif isinstance(out, io.TextIOBase):
        yield out  # type: ignore[misc]
        out.flush()
    else:
        # Wrap a binary stream without taking ownership: detach so the caller's stream stays open.
        wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)  # type: ignore[arg-type]
        try:
            yield wrapper
            wrapper.flush()
        finally:
            wrapper.detach()


@contextlib.contextmanager
def binary_output(out: Output) -> Iterator[BinaryIO]:
    """A binary stream for ``out``: a path (see ``_path_output``), a binary stream, or a text stream's buffer.
    Raises ``OutputError`` when the path cannot be written."""
    if _is_path(out):
        with _path_output(Path(out), binary=True) as stream:
            yield stream  # type: ignore[misc]
    elif isinstance(out, io.TextIOBase):
        buffer = getattr(out, "buffer", None)
        if buffer is None:
            raise ValueError("this format is binary: give a file path or a binary stream")
        out.flush()
        yield buffer
        buffer.flush()
    else:
        yield out  # type: ignore[misc]
        out.flush()  # type: ignore[union-attr]
