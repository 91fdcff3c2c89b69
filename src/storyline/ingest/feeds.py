"""RSS and Atom feeds through feedparser: each entry an Article.

Entries carry title, link, date and author as metadata. Their text is the
entry's content (or summary) unless ``--fetch`` is on, when the linked page
is downloaded politely and extracted; a failed download falls back to the
summary, flagged ``summary-only``, with a Problem saying why.

Feeds declaring XML entities are refused before parsing: external entities
(XXE) can read local files and nested ones explode in memory.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import feedparser

from storyline.errors import IngestError
from storyline.ingest import html as html_reader
from storyline.ingest.fetch import Fetcher
from storyline.ingest.options import ReadOptions
from storyline.ingest.outlets import host_of, known_outlet, outlet_for_url
from storyline.ingest.text import Head, article_id, build_article
from storyline.records import Article, Problem

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF|channel)\b", re.IGNORECASE)


def looks_like_feed(data: bytes) -> bool:
    return bool(_FEED_ROOT.search(data[:4096]))


def read_feed(
    data: bytes, *, path: str, options: ReadOptions, fetcher: Fetcher | None = None
) -> Iterator[Article | Problem]:
    """Articles from one RSS/Atom document; IngestError when it is not a usable feed."""
    if _ENTITY_DECL.search(data) or _DOCTYPE_SUBSET.search(data):
        raise IngestError(
            f"{path}: the feed declares XML entities (<!ENTITY> / a DOCTYPE subset); "
            f"refused because they can read local files or expand without bound (XXE); "
            f"remove the DOCTYPE"
        )
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception") or "it holds no entries"
        raise IngestError(f"{path}: not a readable RSS/Atom feed ({reason})")
    feed = parsed.get("feed") or {}
    home = host_of(feed.get("link"))
    for number, entry in enumerate(entries, start=1):
        where = f"{path} entry {number}"
        meta = _entry_meta(entry)
        if not options.keeps(url=meta["url"], published=meta["published"]):
            continue
        # the feed's title names the outlet of its own entries, not of a digest's links
        own = home is None or _same_site(host_of(meta["url"]), home)
        feed_title = feed.get("title") if own else None
        try:
            yield from _entry_article(entry, meta, where, path, feed_title, options, fetcher)
        except IngestError as err:
            yield Problem(stage="ingest", message=str(err), path=path)


def _same_site(host: str | None, home: str) -> bool:
    return host is not None and (host == home or host.endswith("." + home) or home.endswith("." + host))


def _entry_meta(entry: Any) -> dict[str, str | None]:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = time.strftime("%Y-%m-%d", stamp) if stamp else None
    return {
        "url": entry.get("link") or None,
        "title": entry.get("title") or None,
        "author": entry.get("author") or None,
        "published": published,
    }


def _entry_article(
    entry: Any,
    meta: dict[str, str | None],
    where: str,
    path: str,
    feed_title: str | None,
    options: ReadOptions,
    fetcher: Fetcher | None,
) -> Iterator[Article | Problem]:
    flags: tuple[str, ...] = ()
    if options.fetch and fetcher is not None and meta["url"]:
        try:
            fetched = fetcher.get(meta["url"])
            page = html_reader.extract_page(fetched.body, url=fetched.url, name=fetched.url)
            yield Article(
                id=article_id(page.text),
                text=page.text,
                path=fetched.url,
                url=page.url or meta["url"],
                outlet=page.outlet or outlet_for_url(meta["url"], site_name=feed_title),
                title=meta["title"] or page.title,
                author=meta["author"] or page.author,
                published=meta["published"] or page.published,
                published_source="metadata" if (meta["published"] or page.published) else None,
                flags=page.flags,
                boilerplate=page.kept_out,
            )
            return
        except IngestError as err:
            yield Problem(stage="ingest", message=f"{where}: {err}; using the feed summary", path=path)
            flags = ("summary-only",)
    paragraphs = html_reader.fragment_paragraphs(_entry_text(entry))
    if not paragraphs:
        raise IngestError(f"{where}: the entry has no text (use --fetch to download its page)")
    head = Head()
    head.url, head.author, head.published = meta["url"], meta["author"], meta["published"]
    article = build_article(paragraphs, head=head, title=meta["title"], path=path, flags=flags)
    yield _as_metadata(article, feed_title)


def _entry_text(entry: Any) -> str:
    contents = [c.get("value", "") for c in entry.get("content") or []]
    return max(contents + [entry.get("summary") or ""], key=len)


def _as_metadata(article: Article, feed_title: str | None) -> Article:
    flags = article.flags
    if html_reader.looks_truncated(article.text) and "truncated" not in flags:
        flags += ("truncated",)
    return replace(
        article,
        outlet=known_outlet(article.url) or outlet_for_url(article.url, site_name=feed_title),
        published_source="metadata" if article.published else None,
        flags=flags,
    )
