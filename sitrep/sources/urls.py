"""URLs as users give them: telling them from file names, checking them, joining redirects, hiding passwords
in messages, and reading a ``--urls`` file."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from sitrep.sources.files import DEFAULT_MAX_BYTES, InputProblem, megabytes
from sitrep.sources.refusal import Refused, one_line


def looks_like_url(text: str) -> bool:
    """True for an http(s) address (as opposed to a file name): how a command line tells the two apart."""
    return text[:8].lower().startswith(("http://", "https://"))


def check_url(url: str, redirect: bool = False) -> httpx.URL:
    """The URL parsed, or a refusal: http(s) only, a host, no user name or password, no blanks."""
    prefix = "redirect to an invalid URL" if redirect else "invalid URL"
    if not url or any(character.isspace() or ord(character) < 32 for character in url):
        raise Refused("invalid_url", f"{prefix}: empty or contains blanks or control characters")
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as error:
        raise Refused("invalid_url", one_line(f"{prefix}: {error}")) from None
    if parsed.scheme not in ("http", "https"):
        raise Refused(
            "invalid_url", f"{prefix}: only http and https are supported, not {parsed.scheme or 'none'!r}"
        )
    if not parsed.host:
        raise Refused("invalid_url", f"{prefix}: no host name")
    if parsed.userinfo:
        raise Refused("invalid_url", f"{prefix}: user names and passwords in URLs are not accepted")
    return parsed.copy_with(fragment=None)


def join_url(base: httpx.URL, location: str) -> str:
    try:
        return str(base.join(location))
    except (httpx.InvalidURL, ValueError) as error:
        raise Refused("invalid_url", one_line(f"redirect to an invalid URL: {error}")) from None


def ascii_host(url: httpx.URL) -> str:
    """The host as sent on the wire: IDNA-encoded name, or the IP without brackets."""
    return url.raw_host.decode("ascii").strip("[]")


def default_port(url: httpx.URL) -> int:
    return 443 if url.scheme == "https" else 80


def redact(url: str) -> str:
    """The URL with any user name and password replaced, for messages."""
    return re.sub(r"^([a-zA-Z][\w+.-]*://)[^/@?#]*@", r"\1***@", url)


def read_urls_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[str | InputProblem]:
    """The URLs of a ``--urls`` file in order (one per line; blank lines and ``#`` comments skipped), with an
    ``InputProblem`` ("file:line: …") in place of each line that is not an http(s) URL."""
    where = str(path)
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            return [InputProblem(where, f"file too large ({megabytes(size)} > {megabytes(max_bytes)} limit)")]
        raw = Path(path).read_bytes()
    except OSError as error:
        return [InputProblem(where, f"cannot read: {error.strerror or error}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [InputProblem(where, f"not UTF-8 text (invalid byte at offset {error.start})")]
    items: list[str | InputProblem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        if len(words) > 1 and not words[1].startswith("#"):
            items.append(InputProblem(f"{where}:{number}", "expected one URL per line"))
            continue
        try:
            check_url(words[0])
        except Refused as refused:
            items.append(InputProblem(f"{where}:{number}", refused.what))
            continue
        items.append(words[0])
    return items
