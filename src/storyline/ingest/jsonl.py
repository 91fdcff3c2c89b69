"""JSON Lines from other tools: one article per line, text taken as given.

Field mapping (first present wins):

=============  =====================================================
Article field  JSON keys
=============  =====================================================
id             ``id`` (required; numbers become strings)
text           ``text`` (required), ``body``, ``content``
published      ``published``, ``dct`` (TimeML), ``date``, ``pubdate``,
               ``published_at``, ``datePublished``
title          ``title``, ``headline``
url            ``url``, ``link``
outlet         ``outlet``, ``source``, ``publisher``, ``sitename``,
               else from the URL's host
author         ``author``, ``byline``
=============  =====================================================

The text is not cleaned, so offsets computed on it match the input. A line
that is not a usable record becomes a ``Problem`` naming the line; the other
lines are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from storyline.errors import IngestError
from storyline.ingest.metadata import normalize_date
from storyline.ingest.outlets import outlet_for_url
from storyline.records import Article, Problem

TEXT_KEYS = ("text", "body", "content")
DATE_KEYS = ("published", "dct", "date", "pubdate", "published_at", "datePublished")
TITLE_KEYS = ("title", "headline")
URL_KEYS = ("url", "link")
OUTLET_KEYS = ("outlet", "source", "publisher", "sitename")
AUTHOR_KEYS = ("author", "byline")


def read_jsonl(lines: Iterable[bytes], *, path: str) -> Iterator[Article | Problem]:
    """Articles from JSON Lines, one Problem per unusable line."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{path}:{number}"
        try:
            yield record_to_article(_parse(raw, where), path=path, where=where)
        except IngestError as err:
            yield Problem(stage="ingest", message=str(err), path=path)


def _parse(raw: bytes, where: str) -> dict[str, Any]:
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise IngestError(f"{where}: not UTF-8 ({err.reason} at byte {err.start})") from err
    except (json.JSONDecodeError, RecursionError) as err:
        raise IngestError(f"{where}: not a JSON object ({err}); fix or drop the line") from err
    if not isinstance(record, dict):
        raise IngestError(f"{where}: a JSON {type(record).__name__}, not an object with id/text")
    return record


def record_to_article(record: dict[str, Any], *, path: str | None, where: str) -> Article:
    """One JSON record as an Article; IngestError when id or text is missing."""
    raw_id = record.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int) or str(raw_id) == "":
        raise IngestError(f'{where}: the record has no "id" (a string); add one')
    text = _first(record, TEXT_KEYS)
    if not text or not text.strip():
        raise IngestError(f'{where}: the record has no "text"; nothing to analyze')
    raw_date = _first(record, DATE_KEYS)
    published = normalize_date(raw_date)
    url = _first(record, URL_KEYS)
    return Article(
        id=str(raw_id),
        text=text,
        path=path,
        url=url,
        outlet=_first(record, OUTLET_KEYS) or outlet_for_url(url),
        title=_first(record, TITLE_KEYS),
        author=_first(record, AUTHOR_KEYS),
        published=published,
        published_source="metadata" if published else None,
        flags=("bad-date",) if raw_date and not published else (),
    )


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None
