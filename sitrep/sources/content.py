"""What a fetched body is and how to read it: its declared type, what its first bytes say it is (page or
feed), the charset to decode it with, and gzip/deflate decoding that cannot outgrow a size cap."""

from __future__ import annotations

import re
import zlib
from typing import Literal

from sitrep.sources.refusal import Refused

FetchKind = Literal["html", "feed"]
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/x-rss+xml"}
)
XML_TYPES = frozenset({"application/xml", "text/xml"})
# Types servers send when they do not know better: the body decides.
VAGUE_TYPES = frozenset({"", "text/plain", "application/octet-stream", "binary/octet-stream"})


def parse_content_type(value: str) -> tuple[str, str | None]:
    """("text/html", "utf-8") from 'text/html; charset="UTF-8"'."""
    media_type, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, param_value = param.partition("=")
        if name.strip().lower() == "charset" and param_value.strip().strip("\"'"):
            charset = param_value.strip().strip("\"'").lower()
    return media_type.strip().lower(), charset


_PROLOGUE = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)", re.IGNORECASE | re.DOTALL)
_FIRST_TAG = re.compile(rb"\s*<([a-zA-Z][\w:.-]*)")
_HTML_TAGS = frozenset(
    b"html head body title meta link script style div p article main section header nav span a table h1 h2 "
    b"h3 ul".split()
)


def content_kind(media_type: str, content: bytes) -> FetchKind | None:
    """ "feed", "html" or None from the declared type and, when it is vague or XML, the document's root."""
    head = _sniff_head(content)
    doctype_html = re.search(rb"<!doctype\s+html", head[:1024], re.IGNORECASE) is not None
    body = head
    while match := _PROLOGUE.match(body):
        body = body[match.end() :]
    tag = _FIRST_TAG.match(body)
    root = tag.group(1).lower() if tag else b""
    if root in (b"rss", b"feed") or root.endswith(b":rdf") or root == b"rdf":
        return "feed"
    if media_type in HTML_TYPES or doctype_html or root in _HTML_TAGS:
        return "html"
    if media_type in FEED_TYPES:
        return "feed"  # declared a feed with an unusual root: the feed parser has the last word
    return None


def _sniff_head(content: bytes) -> bytes:
    """The document's first 4 KB as ASCII-compatible bytes (UTF-16 re-encoded), BOM removed."""
    head = content[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    return head.removeprefix(b"\xef\xbb\xbf")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def decode_html(content: bytes, header_charset: str | None) -> str | bytes:
    """The page as text, decoded the way browsers do: byte-order mark, then the HTTP charset, then the
    ``<meta>`` charset, then UTF-8 when it is valid. Returns the bytes when none applies, for trafilatura
    to guess."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if content.startswith(bom):
            return content[len(bom) :].decode(codec, errors="replace")
    meta = _META_CHARSET.search(content[:4096])
    for candidate in (header_charset, meta.group(1).decode("ascii") if meta else None):
        if not candidate:
            continue
        try:
            return content.decode(candidate, errors="replace")
        except LookupError:
            continue  # an unknown charset name: try the next source
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return content


class BoundedDecoder:
    """gzip / deflate decoding with a bound on how much one call may produce."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        if encoding in ("identity", ""):
            self._inflate = None
        elif encoding in ("gzip", "x-gzip"):
            self._inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._inflate = None  # zlib-wrapped or raw: decided on the first bytes
        else:
            raise Refused("unsupported_type", f"unsupported content encoding {encoding!r}")
        self._pending = b""

    def decode(self, data: bytes, limit: int) -> bytes:
        if self.encoding in ("identity", ""):
            return data
        if self._inflate is None:
            # RFC 9110 says zlib-wrapped; some servers send raw deflate. A zlib header is two bytes: method 8
            # in the low nibble of the first, and the pair a multiple of 31.
            zlib_header = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] * 256 + data[1]) % 31 == 0
            wbits = zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS
            self._inflate = zlib.decompressobj(wbits)
        out = self._inflate.decompress(self._pending + data, max(limit, 1))
        self._pending = self._inflate.unconsumed_tail
        return out

    def flush(self, limit: int) -> bytes:
        if self._inflate is None:
            return b""
        out = self._inflate.decompress(self._pending, max(limit, 1)) if self._pending else b""
        self._pending = self._inflate.unconsumed_tail
        return out + (self._inflate.flush() if not self._pending else b"")
