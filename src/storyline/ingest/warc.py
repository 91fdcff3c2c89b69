"""WARC and ARC archives (warcio), gzip or not, streamed one record at a time.

Only HTTP responses with status 200 and an HTML content type are read. Each
record's payload is read up to ``max_bytes`` (a bigger one, or a gzip bomb
inside a record, is reported and skipped), so memory stays flat however
large the archive. The host and date filters of ``ReadOptions`` apply to each
record: the date is the page's own when it has one, else the crawl date.
A truncated or corrupt archive yields what it read, then one Problem.
"""

from __future__ import annotations

import gzip
import logging
import os
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyline.errors import IngestError, NotAnArticle
from storyline.ingest import html as html_reader
from storyline.ingest.options import ReadOptions
from storyline.ingest.text import article_id
from storyline.records import Article, Problem

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# What warcio raises on damaged archives: its own errors, zlib's, and on some
# cuts plain AttributeError/TypeError/KeyError from its header parsing.
_DAMAGE = (
    ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError, AttributeError, TypeError,
    KeyError, IndexError,
)  # fmt: skip


class _QuietIterator(ArchiveIterator):
    """warcio writes a warning to stderr for each damaged record; we count them instead."""

    INC_RECORD = ""


logging.getLogger("warcio").setLevel(logging.ERROR)  # "Replacing spaces in invalid URI"


def read_warc(stream: BinaryIO, *, path: str, options: ReadOptions) -> Iterator[Article | Problem]:
    """Articles from the HTML responses of one archive."""
    records = 0
    iterator = _QuietIterator(stream, arc2warc=True)
    while True:
        try:
            record = next(iterator)
            found = list(_record(record, path=path, options=options))
            records += 1
        except StopIteration:
            break
        except ArchiveLoadFailed as err:
            if "non-chunked gzip" in str(err) and stream.seekable():
                # one gzip member for the whole file (`gzip crawl.warc`): stream it through gzip
                stream.seek(0)
                yield from _single_member(stream, path=path, options=options, skip=records)
                return
            yield _truncated(path, records, str(err).strip())
            return
        except _DAMAGE as err:
            yield _truncated(path, records, f"{type(err).__name__}: {err}")
            return
        yield from found
    if iterator.err_count:
        yield _truncated(path, records, f"{iterator.err_count} records with a wrong length")
        return
    size = _size(stream)
    if size is not None and iterator.offset < size:
        # warcio stops quietly inside a cut gzip member: the bytes left unread say so
        yield _truncated(path, records, f"{size - iterator.offset:,} bytes at the end unreadable")


def _single_member(
    stream: BinaryIO, *, path: str, options: ReadOptions, skip: int
) -> Iterator[Article | Problem]:
    records = 0
    try:
        for record in _QuietIterator(gzip.GzipFile(fileobj=stream), arc2warc=True):
            records += 1
            if records > skip:
                yield from _record(record, path=path, options=options)
    except _DAMAGE as err:
        yield _truncated(path, records, f"{type(err).__name__}: {err}")


def _truncated(path: str, records: int, reason: str) -> Problem:
    return Problem(
        stage="ingest",
        message=(
            f"{path}: archive truncated or corrupt after {records} records ({reason}); "
            f"the records before it were read"
        ),
        path=path,
    )


def _size(stream: BinaryIO) -> int | None:
    try:
        return os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        return None


def _record(record, *, path: str, options: ReadOptions) -> Iterator[Article | Problem]:  # noqa: ANN001
    if record.rec_type != "response" or record.http_headers is None:
        return
    if record.http_headers.get_statuscode() != "200":
        return
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not content_type.startswith(_HTML_TYPES):
        return
    url = record.rec_headers.get_header("WARC-Target-URI")
    crawled = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    if not options.keeps_host(url):
        return  # before extraction: the cheap filter first
    body = record.content_stream().read(options.max_bytes + 1)
    if len(body) > options.max_bytes:
        yield Problem(
            stage="ingest",
            message=f"{path}: record {url} is over {options.max_bytes:,} bytes; skipped",
            path=path,
        )
        return
    if getattr(record.raw_stream, "limit", 0) > 0:
        yield Problem(
            stage="ingest",
            message=f"{path}: record {url} is cut short (archive truncated); skipped",
            path=path,
        )
        return
    try:
        page = html_reader.extract_page(body, url=url, name=f"{path} {url}")
    except NotAnArticle:
        return  # archives are full of pages that are no articles; skipping them is no problem
    except IngestError as err:
        yield Problem(stage="ingest", message=str(err), path=path)
        return
    if not options.keeps(url=url, published=page.published or crawled):
        return
    yield Article(
        id=article_id(page.text),
        text=page.text,
        path=path,
        url=page.url or url,
        outlet=page.outlet,
        title=page.title,
        author=page.author,
        published=page.published,
        published_source="metadata" if page.published else None,
        flags=page.flags,
        boilerplate=page.kept_out,
    )
