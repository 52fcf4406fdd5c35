"""RSS and Atom feeds, and URLs that may be either a feed or a page.

``read_feed`` fetches a feed (conditionally, with the ETag / Last-Modified of the previous poll) and parses it
with feedparser from the fetched bytes; feedparser never touches the network here. ``articles_from_feed``
turns its entries into articles: an entry that carries the article's full text becomes an article directly,
any other entry's link is fetched. ``read_url`` is what ``sitrep ingest URL`` needs: one fetch, then a feed or a
page, whichever the server sent.

**Full-text rule.** An entry carries the article when its longest text (``content:encoded`` / ``atom:content``,
or a ``description`` / ``summary``) holds at least ``FULL_TEXT_MIN_CHARS`` (1,000) characters once the HTML is
stripped: a news teaser is a sentence or two (~200-400 characters), a short wire story is 1,500 or more.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

import httpx

from sitrep.model import Article
from sitrep.sources.fetch import Fetcher, FetchProblem, FetchResult
from sitrep.sources.files import InputProblem
from sitrep.sources.pages import article_from_page, fetch_article, make_article
from sitrep.sources.urls import redact

FULL_TEXT_MIN_CHARS = 1000
_BLOCK_TAGS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr section article header footer figure".split()
)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed item. ``text`` is the plain full text when the feed carries the article, else None."""

    id: str
    link: str | None
    title: str | None
    published: date | None
    author: str | None
    summary: str | None
    text: str | None


@dataclass(frozen=True, slots=True)
class FeedResult:
    """A fetched feed; ``etag``/``last_modified`` go with the next poll. ``not_modified``: nothing new (304),
    and ``entries`` is empty."""

    url: str
    final_url: str
    title: str | None
    entries: tuple[FeedEntry, ...]
    etag: str | None
    last_modified: str | None
    not_modified: bool = False


def read_feed(
    url: str, fetcher: Fetcher, etag: str | None = None, modified: str | None = None
) -> FeedResult | InputProblem:
    """Fetch and parse the feed at ``url``; ``etag``/``modified`` from the last poll make the request
    conditional."""
    result = fetcher.fetch(url, etag=etag, last_modified=modified)
    if isinstance(result, FetchProblem):
        return result
    if result.not_modified:
        return FeedResult(
            url, result.final_url, None, (), result.etag, result.last_modified, not_modified=True
        )
    if result.kind != "feed":
        return FetchProblem(
            redact(url), "not an RSS or Atom feed (an HTML page)", "not_a_feed", result.status
        )
    return feed_from_result(result)


def feed_from_result(result: FetchResult) -> FeedResult | InputProblem:
    """Parse a fetched feed's bytes."""
    import feedparser  # imported here: only feeds need it

    headers = {"content-location": result.final_url}  # the base for relative links in the feed
    if result.content_type:
        headers["content-type"] = result.content_type + (
            f"; charset={result.charset}" if result.charset else ""
        )
    # Bytes, never a URL: given a string that looks like one, feedparser would fetch it itself.
    try:
        parsed = feedparser.parse(result.content, response_headers=headers)
    except (ValueError, RecursionError) as error:
        # feedparser raises on some malformed feeds instead of flagging them (a character reference to a lone
        # surrogate, "&#xD800;", raises UnicodeEncodeError): the feed is bad, the batch goes on.
        return FetchProblem(
            redact(result.url),
            f"not a valid RSS or Atom feed ({type(error).__name__})",
            "not_a_feed",
            result.status,
        )
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({' '.join(str(reason).split())[:200]})" if reason else ""
        return FetchProblem(
            redact(result.url), f"not a valid RSS or Atom feed{detail}", "not_a_feed", result.status
        )
    entries = tuple(_entry(raw) for raw in parsed.entries)
    title = _clean(parsed.feed.get("title"))
    return FeedResult(result.url, result.final_url, title, entries, result.etag, result.last_modified)


def articles_from_feed(
    feed: FeedResult, fetcher: Fetcher, skip: Callable[[FeedEntry], bool] | None = None
) -> Iterator[Article | InputProblem]:
    """An ``Article`` (or an ``InputProblem``) per entry, in feed order. Entries carrying their full text need
    no fetch; the others' links are fetched, and the entry's title and date fill in what the page lacks.
    ``skip`` (e.g. "already seen") is asked before anything is fetched."""
    for entry in feed.entries:
        if skip is not None and skip(entry):
            continue
        yield _article_from_entry(entry, feed, fetcher)


def read_url(url: str, fetcher: Fetcher) -> Iterator[Article | InputProblem]:
    """The article at ``url`` if it is a page, or the articles of its entries if it is a feed."""
    result = fetcher.fetch(url)
    if isinstance(result, FetchProblem):
        yield result
    elif result.kind == "feed":
        feed = feed_from_result(result)
        if isinstance(feed, InputProblem):
            yield feed
        else:
            yield from articles_from_feed(feed, fetcher)
    else:
        yield article_from_page(result)


# -- entries -----------------------------------------------------------------------------------------------


def _entry(raw: dict) -> FeedEntry:
    link = raw.get("link") or None
    title = _clean(raw.get("title"))
    parsed_date = raw.get("published_parsed") or raw.get("updated_parsed")
    published = date(*parsed_date[:3]) if parsed_date else None
    # The longest text the entry offers: content:encoded / atom:content, else the description/summary.
    candidates = [part.get("value", "") for part in raw.get("content") or []]
    summary_html = raw.get("summary") or ""
    texts = [_html_to_text(value) for value in [*candidates, summary_html] if value]
    longest = max(texts, key=len, default="")
    summary = _html_to_text(summary_html) or None
    entry_id = raw.get("id") or link or _fallback_id(title, published)
    return FeedEntry(
        id=str(entry_id),
        link=link,
        title=title,
        published=published,
        author=_clean(raw.get("author")),
        summary=summary,
        text=longest if len(longest) >= FULL_TEXT_MIN_CHARS else None,
    )


def _article_from_entry(entry: FeedEntry, feed: FeedResult, fetcher: Fetcher) -> Article | InputProblem:
    if entry.text is not None or (entry.link is None and entry.summary):
        # The feed's own words: the full text, or (no link to follow) the summary, which is all there is.
        text = entry.text or entry.summary or ""
        source = feed.title or _host(entry.link or feed.final_url)
        return make_article(
            id=entry.link or entry.id,
            text=text,
            title=entry.title,
            published=entry.published,
            url=entry.link,
            source=source,
            author=entry.author,
        )
    if entry.link is None:
        return InputProblem(f"{redact(feed.url)} entry {entry.id}", "feed entry has no link and no text")
    article = fetch_article(entry.link, fetcher)
    if isinstance(article, Article):
        missing = {"title": entry.title, "published": entry.published}
        updates = {name: value for name, value in missing.items() if getattr(article, name) is None and value}
        if updates:
            article = article.model_copy(update=updates)
    return article


def _html_to_text(html: str) -> str:
    """Plain text of an entry's HTML, one paragraph per block, paragraphs separated by a blank line."""
    if "<" not in html:
        return _paragraphs(html)
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (ValueError, etree.ParserError):
        return _paragraphs(html)
    for element in root.iter():
        if not isinstance(element.tag, str):  # comments and processing instructions
            continue
        if element.tag in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
        elif element.tag == "br":
            element.tail = "\n" + (element.tail or "")
    return _paragraphs(root.text_content())


def _paragraphs(text: str) -> str:
    blocks = [" ".join(block.split()) for block in text.replace("\r", "").split("\n\n")]
    return "\n\n".join(block for block in blocks if block)


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _fallback_id(title: str | None, published: date | None) -> str:
    # An entry with neither id nor link: a stable id from what it has, so a re-poll recognises it.
    digest = hashlib.sha256(f"{title}|{published}".encode()).hexdigest()[:16]
    return f"entry:{digest}"


def _host(url: str) -> str | None:
    try:
        return httpx.URL(url).host.removeprefix("www.") or None
    except (httpx.InvalidURL, ValueError):
        return None
