"""What every reader returns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RawText:
    """What a reader found: the full text plus optional hints for the cleaner."""

    raw: str
    title_hint: str | None = None
    # Lines of the article as an extractor (readability) sees it; bounds the article in `raw`.
    article_lines: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()  # what the user should know (text cut, bytes replaced, ...)
    source: str = "blocks"  # kb.ingest.layout.SOURCES: how much layout the cleaner undoes
    url_hint: str | None = None  # the page's own address from its head (kb.ingest.htmlmeta)
    accessed_hint: str | None = None  # the day a browser saved the page, ISO
    site_hint: str | None = None  # the site's name from the page's head (kb.ingest.htmlmeta.page_site)
