"""Reading articles from files, directories and standard input.

``read_inputs`` yields an ``Article`` for every article it can read and an ``InputProblem`` (one line: where
and what) for every one it cannot, so one bad file never stops a batch.

Formats: ``.txt`` (UTF-8; first line is the title when a blank line follows it, unless it opens with a
dateline such as "QUETTA, March 12, 2024 —", which belongs to the story and gives its date when it has a year),
``.html``/``.htm`` (main text
and metadata through trafilatura), ``.jsonl`` (one article per line: ``id``, ``text``, optional ``title``,
``published``, ``url``, ``source``). A directory is read recursively in name order; ``-`` is standard input
(JSON Lines when its first character is ``{``, else plain text).
"""

from __future__ import annotations

import calendar
import contextlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from pydantic import ValidationError

from sitrep.model import Article
from sitrep.sources import DEFAULT_MAX_BYTES

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass(frozen=True, slots=True)
class InputProblem:
    """An input that could not be read: ``where`` is a path (and line), ``what`` says what was wrong."""

    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


class _Unreadable(Exception):
    pass


def read_inputs(
    inputs: Iterable[str],
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | InputProblem]:
    """Articles from each input in order; ``published`` fills in a missing publication date."""
    for name in inputs:
        if name == "-":
            source = stdin if stdin is not None else sys.stdin.buffer
            yield from _with_default_date(_read_stdin(source, max_bytes), published)
            continue
        path = Path(name)
        if path.is_dir():
            files = _files_in(path)
            if not files:
                yield InputProblem(name, "directory has no .txt, .html, .htm or .jsonl files")
            for file in files:
                yield from _with_default_date(_read_file(file, max_bytes), published)
        elif path.is_file():
            yield from _with_default_date(_read_file(path, max_bytes), published)
        elif path.exists():
            yield InputProblem(name, "not a regular file")
        else:
            yield InputProblem(name, "no such file or directory")


def _files_in(folder: Path) -> list[Path]:
    """The files of a folder sitrep reads, recursively, in name order."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES)


def count_articles(inputs: Iterable[str]) -> int | None:
    """How many articles and problems ``read_inputs(inputs)`` will yield, for a progress bar's total: one per
    .txt/.html file, one per non-blank line of a .jsonl file (at least one). None when it cannot be known
    without reading the articles (standard input). Cheap next to extracting: file names and line counts."""
    total = 0
    for name in inputs:
        if name == "-":
            return None
        path = Path(name)
        if path.is_dir():
            files = _files_in(path)
            total += sum(_count_file(file) for file in files) or 1  # an empty folder is one problem
        else:
            total += _count_file(path)
    return total


def _count_file(path: Path) -> int:
    if path.suffix.lower() not in JSONL_SUFFIXES:
        return 1
    try:
        with path.open("rb") as handle:
            return max(1, sum(1 for line in handle if line.strip()))
    except OSError:
        return 1  # said as one problem when read


def _with_default_date(
    items: Iterator[Article | InputProblem], published: date | None
) -> Iterator[Article | InputProblem]:
    for item in items:
        if isinstance(item, Article) and item.published is None and published is not None:
            item = item.model_copy(update={"published": published})
        yield item


def _read_file(path: Path, max_bytes: int) -> Iterator[Article | InputProblem]:
    where = str(path)
    suffix = path.suffix.lower()
    if suffix not in KNOWN_SUFFIXES:
        yield InputProblem(
            where, f"unsupported file type {suffix or '(none)'}: use .txt, .html, .htm or .jsonl"
        )
        return
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as handle:
                yield from _read_jsonl(handle, where, max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            raise _Unreadable(f"file too large ({megabytes(size)} > {megabytes(max_bytes)} limit)")
        raw = path.read_bytes()
        if suffix in HTML_SUFFIXES:
            yield checked(_article_from_html(raw, path.name), where)
        else:
            yield checked(_article_from_text(raw, path.name), where)
    except _Unreadable as problem:
        yield InputProblem(where, str(problem))
    except OSError as error:
        yield InputProblem(where, f"cannot read: {error.strerror or error}")


def _read_stdin(handle: BinaryIO, max_bytes: int) -> Iterator[Article | InputProblem]:
    head = handle.peek(1)[:1] if hasattr(handle, "peek") else b""
    if head.lstrip() == b"{":
        yield from _read_jsonl(handle, "<stdin>", max_bytes)
        return
    raw = handle.read(max_bytes + 1)
    if head == b"" and raw.lstrip().startswith(b"{"):
        yield from _read_jsonl(iter(raw.splitlines(keepends=True)), "<stdin>", max_bytes)
        return
    try:
        if len(raw) > max_bytes:
            raise _Unreadable(f"input too large (> {megabytes(max_bytes)} limit)")
        yield checked(_article_from_text(raw, "stdin"), "<stdin>")
    except _Unreadable as problem:
        yield InputProblem("<stdin>", str(problem))


def _read_jsonl(lines: Iterable[bytes], where: str, max_bytes: int) -> Iterator[Article | InputProblem]:
    seen_any = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen_any = True
        place = f"{where}:{number}"
        if len(line) > max_bytes:
            yield InputProblem(
                place, f"line too large ({megabytes(len(line))} > {megabytes(max_bytes)} limit)"
            )
            continue
        try:
            record = json.loads(_decode(line), parse_int=_json_int)
        except _Unreadable as problem:
            yield InputProblem(place, str(problem))
            continue
        except json.JSONDecodeError as error:
            yield InputProblem(place, f"not valid JSON ({error.msg} at column {error.colno})")
            continue
        except RecursionError:
            # The decoder recurses per bracket: "[[[[…" thousands deep ends in RecursionError, not a JSON error.
            yield InputProblem(place, "not valid JSON (nested too deeply)")
            continue
        yield _article_from_record(record, place)
    if not seen_any:
        yield InputProblem(where, "empty file: no articles")


def _json_int(digits: str) -> int:
    # int() refuses more than 4,300 digits with a message about sys.set_int_max_str_digits: say it plainly.
    try:
        return int(digits)
    except ValueError:
        raise _Unreadable(f"a number too long to read ({len(digits.lstrip('-'))} digits)") from None


# The record's fields an article takes: each a string, or null when optional.
_RECORD_FIELDS = ("id", "text", "title", "published", "url", "source")


def _article_from_record(record: object, place: str) -> Article | InputProblem:
    if not isinstance(record, dict):
        return InputProblem(place, f"expected a JSON object with 'id' and 'text', not {_json_kind(record)}")
    missing = [key for key in ("id", "text") if record.get(key) in (None, "")]
    if missing:
        return InputProblem(place, f"missing required field {' and '.join(repr(k) for k in missing)}")
    fields = {key: record.get(key) for key in _RECORD_FIELDS}
    # A whole number is a usual id (a database row's); anything else that is not a string is a wrong field,
    # not something to write out with str() ("['a']", "True").
    if type(fields["id"]) is int:
        fields["id"] = str(fields["id"])
    for key, value in fields.items():
        if value is not None and not isinstance(value, str):
            kind = "a string or a whole number" if key == "id" else "a string"
            return InputProblem(place, f"field {key!r} must be {kind}, not {_json_kind(value)}")
    if isinstance(fields["published"], str):
        fields["published"] = fields["published"][:10]
    try:
        article = Article(**fields)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        return InputProblem(place, f"bad value for {field!r}: {first['msg']}")
    return checked(article, place)


def _json_kind(value: object) -> str:
    """What a decoded JSON value is, in JSON's words."""
    if value is None:
        return "null"
    names = {bool: "true/false", int: "a number", float: "a number", str: "a string", list: "an array"}
    return names.get(type(value), "an object")


def article_problem(article: Article) -> str | None:
    """What makes an article unusable, or None: text that is empty or only whitespace, or a field holding a
    lone surrogate ("\\ud800" in JSON: half of a UTF-16 pair, not a character), which no UTF-8 output or
    database can hold, or a NUL ("\\u0000"), which PostgreSQL's text cannot hold. Every consumer of articles
    (ingest, the API, extract) asks this, whichever reader made them."""
    if not article.text.strip():
        return "field 'text' is empty (only whitespace)" if article.text else "field 'text' is empty"
    for name in ("id", "text", "title", "url", "source", "author"):
        value = getattr(article, name, None)
        if value is None:
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            code = ord(value[error.start])
            return (
                f"field {name!r} holds a lone surrogate (U+{code:04X}) at character {error.start}: not text"
            )
        if "\x00" in value:
            return (
                f"field {name!r} holds a NUL character (U+0000) at character {value.index(chr(0))}: not text"
            )
    return None


def checked(item: Article | InputProblem, where: str | None = None) -> Article | InputProblem:
    """``item``, or an ``InputProblem`` (at ``where``, else the article's id) when the article is unusable."""
    if isinstance(item, InputProblem):
        return item
    problem = article_problem(item)
    return (
        item
        if problem is None
        else InputProblem(where or item.id.encode("utf-8", "replace").decode(), problem)
    )


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # its byte-order mark: UTF-16 has NUL bytes, yet is text
        raise _Unreadable("UTF-16 text, not UTF-8: save it as UTF-8")
    if b"\x00" in raw[:8192]:
        raise _Unreadable("binary file (contains NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _Unreadable(f"not UTF-8 text (invalid byte at offset {error.start})") from None


# Month names and abbreviations ("March", "Mar", "Sept"), lower case → 1-12, from the standard library's
# English calendar.
_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}
# A dateline opening a story: a place in capitals or capitalised words, an optional date and agency, then a
# dash or colon. "QUETTA, March 12 —", "Peshawar, Dec. 3, 2023 (AP) -", "TURBAT:".
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Za-z'’.\-]+(?:[ \t][A-Z][A-Za-z'’.\-]+){0,3})"
    r"(?:,[ \t]*(?P<month>[A-Za-z]{3,9})\.?[ \t]+(?P<day>\d{1,2})(?:,[ \t]*(?P<year>\d{4}))?)?"
    r"[ \t]*(?:\([^)\n]{1,30}\))?[ \t]*(?:—|–|--|-|:)[ \t]+\S"
)


def dateline_date(line: str) -> date | None:
    """The date a story's dateline gives ("QUETTA, March 12, 2024 —"), when it names the year; else None."""
    match = _DATELINE.match(line)
    if not match or not match.group("year"):
        return None
    month = _MONTHS.get(match.group("month").lower())
    if month is None:
        return None
    try:
        return date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


def _is_dateline(line: str) -> bool:
    """Whether a line opens with a dateline: its place in capitals ("TURBAT:") or followed by a date. A
    headline such as "Quetta: five hurt in blast" is not one."""
    match = _DATELINE.match(line)
    return bool(match) and (match.group("place").isupper() or match.group("day") is not None)


def _article_from_text(raw: bytes, name: str) -> Article:
    text = _decode(raw).replace("\r\n", "\n")
    if not text.strip():
        raise _Unreadable("empty file: no text")
    title = None
    first, separator, rest = text.lstrip("\n").partition("\n")
    # A first line that opens with a dateline is the story's first paragraph, not its title: the dateline
    # stays in the text, where the place stage reads it as where the story was filed.
    if separator and rest.startswith("\n") and first.strip() and rest.strip() and not _is_dateline(first):
        title, text = first.strip(), rest.lstrip("\n")
    body_start = text.lstrip("\n").partition("\n")[0]
    return Article(
        id=name, title=title, text=text, published=dateline_date(body_start) or file_name_date(name)
    )


# An ISO date in a file name, as archives and scrapers name their files ("2025-03-12_outlet_slug.txt").
_FILE_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def file_name_date(name: str) -> date | None:
    """The publication date a file's name gives ("2025-03-12_meridian-wire_attacks.txt"), if any."""
    match = _FILE_NAME_DATE.search(name)
    if match is None:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class HtmlContent:
    """The main text and metadata trafilatura finds in one HTML document."""

    text: str
    title: str | None
    author: str | None
    published: date | None
    url: str | None
    sitename: str | None
    hostname: str | None


def extract_html(html: bytes | str, url: str | None = None) -> HtmlContent | None:
    """Main text (paragraphs separated by a blank line) and metadata of one HTML document, or None when it
    holds no article text. ``url`` is where the page came from: trafilatura uses it for the site name.

    Shared by HTML files and fetched pages so both read HTML the same way.
    """
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    text = (document.text if document is not None else None) or ""
    # trafilatura puts one newline between paragraphs; the sentence splitter expects a blank line.
    text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    if not text:
        return None
    published = None
    if document.date:
        try:
            published = date.fromisoformat(document.date[:10])
        except ValueError:
            published = None
    return HtmlContent(
        text=text,
        title=document.title,
        author=document.author,
        published=published,
        url=document.url,
        sitename=document.sitename,
        hostname=document.hostname,
    )


def no_text_reason(html: bytes | str, what: str) -> str:
    """Why ``extract_html`` found no text in ``what`` (the HTML, the page), in a few words. Elements nested
    deeper than the HTML parser follows (libxml2 stops at 256 levels) are named as such: otherwise a page of
    deeply nested markup reads as if it held no article."""
    from lxml import etree  # trafilatura's parser: installed with it

    parser = etree.HTMLParser()
    with contextlib.suppress(etree.LxmlError, ValueError):
        etree.fromstring(html, parser)
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        return f"{what} nests elements deeper than 256 levels: not read"
    return f"no article text found in {what}"


def _article_from_html(raw: bytes, name: str) -> Article:
    if b"\x00" in raw[:8192]:
        raise _Unreadable("binary file (contains NUL bytes), not HTML")
    if not raw.strip():
        raise _Unreadable("empty file: no HTML")
    content = extract_html(raw)
    if content is None:
        raise _Unreadable(no_text_reason(raw, "the HTML"))
    return Article(
        id=name,
        title=content.title,
        text=content.text,
        published=content.published or file_name_date(name),
        url=content.url,
        source=content.sitename,
    )


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"
