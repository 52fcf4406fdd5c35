"""Articles from fetched pages: main text, title, date, author and site through trafilatura."""

from __future__ import annotations

import httpx

from sitrep.model import Article
from sitrep.sources.content import decode_html
from sitrep.sources.fetch import Fetcher, FetchProblem, FetchResult
from sitrep.sources.files import InputProblem, extract_html, no_text_reason
from sitrep.sources.urls import redact


def fetch_article(url: str, fetcher: Fetcher) -> Article | InputProblem:
    """The article at ``url``: main text, title, date and site through trafilatura; id and url are the final
    URL after redirects, source the site name or else the host."""
    result = fetcher.fetch(url)
    if isinstance(result, FetchProblem):
        return result
    if result.kind == "feed":
        return FetchProblem(redact(url), "a feed, not an article page", "not_a_page", result.status)
    return article_from_page(result)


def article_from_page(result: FetchResult) -> Article | InputProblem:
    """An ``Article`` from a fetched HTML page."""
    html = decode_html(result.content, result.charset)
    content = extract_html(html, url=result.final_url)
    if content is None:
        return FetchProblem(redact(result.url), no_text_reason(html, "the page"), "no_text", result.status)
    host = httpx.URL(result.final_url).host.removeprefix("www.")
    # trafilatura falls back to the host (with its port) when a page names no site: prefer the bare host.
    final = httpx.URL(result.final_url)
    not_names = {content.hostname, final.host, final.netloc.decode("ascii"), host}
    sitename = content.sitename if content.sitename not in not_names else None
    return make_article(
        id=result.final_url,
        text=content.text,
        title=content.title,
        published=content.published,
        url=result.final_url,
        source=sitename or host,
        author=content.author,
    )


def make_article(**fields: object) -> Article:
    """An ``Article`` from these fields, leaving out those the contract does not have (yet): ``author`` and
    ``language`` are filled in as soon as ``Article`` gains them."""
    known = Article.model_fields
    if "language" in known and "language" not in fields:
        from sitrep.nlp.language import detect_language

        fields["language"] = detect_language(str(fields.get("text", "")))
    return Article(**{name: value for name, value in fields.items() if name in known})  # type: ignore[arg-type]
