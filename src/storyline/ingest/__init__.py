"""Ingest: bytes in, ``Article`` out. The only stage that touches files or the network.

``read_inputs(inputs, options)`` takes files, folders (recursive), globs and,
with ``options.fetch``, URLs, and yields an ``Article`` per article and a
``Problem`` per input (or record) that cannot be read; it never raises for
one bad input. One reader per format:

=====================================  =====================================
input                                  reader
=====================================  =====================================
``.txt`` (markdown inside is noticed)  ``text.read_text`` / ``markdown``
``.md`` ``.markdown``                  ``markdown.read_markdown``
``.html`` ``.htm`` ``.xhtml``          ``html.extract_page`` (trafilatura)
``.jsonl`` ``.ndjson``                 ``jsonl.read_jsonl`` (text as given)
``.xml`` ``.rss`` ``.atom``            ``feeds.read_feed`` (feedparser)
``.warc`` ``.arc`` (``.gz`` too)       ``warc.read_warc`` (warcio, streamed)
any of the first five + ``.gz``        decompressed up to ``max_bytes``
``http://`` ``https://`` (fetch only)  ``fetch.Fetcher`` then HTML or feed
=====================================  =====================================

Near-duplicates and wire copies: ``storyline.ingest.dedup``.
"""

from __future__ import annotations

import glob
import gzip
import os
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from storyline.errors import IngestError
from storyline.ingest import feeds, jsonl, markdown, text
from storyline.ingest import html as html_reader
from storyline.ingest.dedup import WireIndex, find_wire_copies, mark_wire_copies
from storyline.ingest.fetch import Fetcher
from storyline.ingest.options import ReadOptions
from storyline.records import Article, Problem

__all__ = [
    "SUFFIXES",
    "ReadOptions",
    "WireIndex",
    "find_wire_copies",
    "mark_wire_copies",
    "read_bytes",
    "read_inputs",
]

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
ARCHIVE_SUFFIXES = (".warc", ".arc", ".warc.gz", ".arc.gz")
_DOCUMENT_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + FEED_SUFFIXES
SUFFIXES = _DOCUMENT_SUFFIXES + ARCHIVE_SUFFIXES + tuple(suffix + ".gz" for suffix in _DOCUMENT_SUFFIXES)
_GLOB_CHARS = set("*?[")
DEFAULT_OPTIONS = ReadOptions()
# A JSON Lines file is a batch: it may hold this many documents' worth of bytes.
_MAX_JSONL_FACTOR = 100


def read_inputs(inputs: Sequence[str], options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Article | Problem]:
    """Every article in ``inputs``, in a stable order (inputs in order, folders sorted)."""
    fetcher = Fetcher(max_bytes=options.max_bytes) if options.fetch else None
    try:
        for source in expand_inputs(inputs):
            if isinstance(source, Problem):
                yield source
            else:
                yield from _guarded(source, options, fetcher)
    finally:
        if fetcher is not None:
            fetcher.close()


def expand_inputs(inputs: Sequence[str]) -> Iterator[str | Problem]:
    """Paths and URLs to read, folders walked and globs expanded, each once."""
    seen: set[str] = set()
    for item in inputs:
        for source in _expand(item):
            if isinstance(source, Problem):
                yield source
            elif source not in seen:
                seen.add(source)
                yield source


def _expand(item: str) -> Iterator[str | Problem]:
    if item.startswith(("http://", "https://")):
        yield item
        return
    path = Path(item)
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and _supported(p.name))
        if not found:
            yield Problem(stage="ingest", message=f"{item}: no readable files in this folder "
                          f"(looked for {', '.join(SUFFIXES[:9])} ...)", path=item)  # fmt: skip
        yield from (str(p) for p in found)
    elif path.is_file():
        yield item
    elif _GLOB_CHARS & set(item):
        matches = sorted(glob.glob(item, recursive=True))
        files = [m for m in matches if os.path.isfile(m) and _supported(m)]
        if not files:
            yield Problem(stage="ingest", message=f"{item}: the pattern matches no readable file",
                          path=item)  # fmt: skip
        yield from files
    else:
        yield Problem(stage="ingest", message=f"{item}: no such file or folder", path=item)


def _supported(name: str) -> bool:
    return name.lower().endswith(SUFFIXES)


def _guarded(source: str, options: ReadOptions, fetcher: Fetcher | None) -> Iterator[Article | Problem]:
    """One input's articles; any failure becomes a Problem and the batch goes on."""
    try:
        if source.startswith(("http://", "https://")):
            yield from _read_url(source, options, fetcher)
        elif source.lower().endswith(ARCHIVE_SUFFIXES):
            from storyline.ingest.warc import read_warc

            with open(source, "rb") as stream:
                yield from read_warc(stream, path=source, options=options)
        elif source.lower().removesuffix(".gz").endswith(JSONL_SUFFIXES):
            with open(source, "rb") as stream:
                yield from jsonl.read_jsonl(_capped_lines(stream, source, options), path=source)
        else:
            data = _read_file(source, options)
            yield from read_bytes(data, name=source, options=options, fetcher=fetcher)
    except IngestError as err:
        yield Problem(stage="ingest", message=str(err), path=source)
    except (OSError, MemoryError, RecursionError) as err:
        yield Problem(stage="ingest", message=f"{source}: could not be read ({err})", path=source)
    except Exception as err:  # a reader bug must not end the batch; say so plainly
        yield Problem(
            stage="ingest",
            message=f"{source}: unexpected {type(err).__name__} while reading ({err}); "
            f"please report this file",
            path=source,
        )


def read_bytes(
    data: bytes,
    *,
    name: str,
    options: ReadOptions = DEFAULT_OPTIONS,
    url: str | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Article | Problem]:
    """The articles in one document's bytes, its format chosen by ``name``'s suffix.

    Raises IngestError when the document cannot be read at all.
    """
    lower = name.lower().removesuffix(".gz")
    if lower.endswith(JSONL_SUFFIXES):
        yield from jsonl.read_jsonl(data.splitlines(), path=name)
    elif lower.endswith(FEED_SUFFIXES) or feeds.looks_like_feed(data):
        yield from feeds.read_feed(data, path=name, options=options, fetcher=fetcher)
    elif _looks_like_html(data) or (lower.endswith(HTML_SUFFIXES) and _has_tags(data)):
        yield _html_article(data, name=name, url=url)
    else:
        decoded, flags = text.decode(data, name)
        if lower.endswith(MARKDOWN_SUFFIXES) or markdown.looks_like_markdown(decoded):
            yield markdown.read_markdown(decoded, path=name, flags=flags)
        else:
            yield text.read_text(decoded, path=name, flags=flags)


def _html_article(data: bytes, *, name: str, url: str | None) -> Article:
    page = html_reader.extract_page(data, url=url, name=name)
    return Article(
        id=text.article_id(page.text),
        text=page.text,
        path=name,
        url=page.url,
        outlet=page.outlet,
        title=page.title,
        author=page.author,
        published=page.published,
        published_source="metadata" if page.published else None,
        flags=page.flags,
        boilerplate=page.kept_out,
    )


def _has_tags(data: bytes) -> bool:
    """Whether an .html file holds markup at all (a text saved as .html has none)."""
    head = data[:65536]
    return b"<" in head or b"<\x00" in head or b"\x00<" in head


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head


def _read_file(path: str, options: ReadOptions) -> bytes:
    size = os.path.getsize(path)
    if path.lower().endswith(".gz"):
        return _gunzip(path, options.max_bytes)
    if size > options.max_bytes:
        raise IngestError(
            f"{path}: {size:,} bytes, over the {options.max_bytes:,}-byte limit for one "
            f"document; split it or raise max_bytes"
        )
    with open(path, "rb") as stream:
        return stream.read()


def _gunzip(path: str, cap: int) -> bytes:
    """The decompressed bytes, refusing more than ``cap`` (a gzip bomb stops here)."""
    try:
        with gzip.open(path, "rb") as stream:
            data = stream.read(cap + 1)
    except (OSError, EOFError, zlib.error) as err:
        raise IngestError(f"{path}: not readable gzip data ({err})") from err
    if len(data) > cap:
        raise IngestError(
            f"{path}: decompresses to more than {cap:,} bytes (a gzip bomb, or a document "
            f"too big for one article); not read"
        )
    return data


def _capped_lines(stream, source: str, options: ReadOptions) -> Iterator[bytes]:  # noqa: ANN001
    """Lines of a JSON Lines file, decompressed if .gz, none longer than max_bytes."""
    if source.lower().endswith(".gz"):
        stream = gzip.GzipFile(fileobj=stream)
    total = 0
    while True:
        line = stream.readline(options.max_bytes + 1)
        if not line:
            return
        total += len(line)
        if total > _MAX_JSONL_FACTOR * options.max_bytes:
            raise IngestError(
                f"{source}: more than {_MAX_JSONL_FACTOR * options.max_bytes:,} bytes of "
                f"records (a gzip bomb?); stopped here, the records before were read"
            )
        if len(line) > options.max_bytes:
            raise IngestError(f"{source}: a line over {options.max_bytes:,} bytes; not read")
        yield line


def _read_url(url: str, options: ReadOptions, fetcher: Fetcher | None) -> Iterator[Article | Problem]:
    if not options.fetch or fetcher is None:
        raise IngestError(f"{url}: a URL; pass --fetch to download it (nothing is fetched otherwise)")
    fetched = fetcher.get(url)
    kind = fetched.content_type.lower()
    if "xml" in kind or "rss" in kind or "atom" in kind or feeds.looks_like_feed(fetched.body):
        yield from feeds.read_feed(fetched.body, path=url, options=options, fetcher=fetcher)
    else:
        yield _html_article(fetched.body, name=fetched.url, url=fetched.url)
