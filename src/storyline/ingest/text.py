"""Bytes to text, and plain-text articles to ``Article``.

Decoding is where hostile files are caught: empty files, binary files,
UTF-16 without a byte order mark, and files that mix UTF-8 with a legacy
single-byte encoding (a UTF-8 article pasted into a Windows-1252 template).
"""

from __future__ import annotations

import codecs
import hashlib
import re

from storyline.errors import IngestError
from storyline.ingest import boilerplate, metadata
from storyline.ingest.outlets import outlet_for_url
from storyline.records import Article

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"\x1f\x8b": "gzip data",
    b"BZh": "bzip2 data",
    b"\xd0\xcf\x11\xe0": "an MS Office document",
    b"RIFF": "a media file",
    b"\x00\x00\x01\x00": "an icon",
    b"SQLite format 3": "an SQLite database",
}
# More than this share of control characters means binary data, not text.
_MAX_CONTROL_SHARE = 0.02
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejects as Windows-1252 (Latin-1 where 1252 has a hole)."""
    assert isinstance(error, UnicodeDecodeError)
    byte = error.object[error.start : error.start + 1]
    try:
        return byte.decode("cp1252"), error.start + 1
    except UnicodeDecodeError:
        return byte.decode("latin-1"), error.start + 1


codecs.register_error("storyline-cp1252", _cp1252_fallback)


def decode(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """``(text, flags)`` for the bytes of a text file; IngestError when they are not text.

    flags holds ``"encoding-repaired"`` when some bytes were not UTF-8 and were
    read as Windows-1252.
    """
    if not data.strip():
        raise IngestError(f"{name}: the file is empty; nothing to read")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data[len(bom) :], encoding, name), name), ()
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise IngestError(
                f"{name}: this is {what}, not text or HTML (starts with {data[:8]!r}); "
                f"convert it to text first"
            )
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _checked(_strict(data, utf16, name), name), ()
    if b"\x00" in data:
        raise IngestError(f"{name}: binary data, not text or HTML (NUL bytes; starts with {data[:8]!r})")
    try:
        return _checked(data.decode("utf-8"), name), ()
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="storyline-cp1252")
        return _checked(text, name), ("encoding-repaired",)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise IngestError(
            f"{name}: looks like {encoding} but does not decode ({err.reason} at byte "
            f"{err.start}); re-save it as UTF-8"
        ) from err


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when every other byte is NUL, as in ASCII-range UTF-16."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _checked(text: str, name: str) -> str:
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if controls > _MAX_CONTROL_SHARE * max(len(sample), 1):
        raise IngestError(
            f"{name}: binary data, not text ({controls} control characters in the first "
            f"{len(sample)}); convert it to text first"
        )
    if not text.strip():
        raise IngestError(f"{name}: the file holds only whitespace; nothing to read")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def article_id(text: str) -> str:
    """Stable id of an article: the first 16 hex digits of the SHA-256 of its cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


_BYLINE = re.compile(r"^\s*(?i:by)\s+(?P<author>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$")
# A first line this short with no closing punctuation, then a blank line, is a headline.
_TITLE_WORDS = 20


def split_paragraphs(text: str) -> list[str]:
    """Blank-line blocks (lines inside a block are one wrapped paragraph), else single lines."""
    blocks = [block for block in re.split(r"\n\s*\n", text) if block.strip()]
    if len(blocks) > 1:
        return [" ".join(block.split()) for block in blocks]
    return [line.strip() for line in text.split("\n") if line.strip()]


def read_text(text: str, *, path: str | None, flags: tuple[str, ...] = ()) -> Article:
    """A plain-text article: metadata lines taken out, boilerplate dropped."""
    lines = text.split("\n")
    head = extract_head(lines)
    body = "\n".join(line for i, line in enumerate(lines) if i not in head.used)
    title = head.title or _plain_title(body)
    if title and not head.title:
        body = body.strip().split("\n\n", 1)[1]
    return build_article(split_paragraphs(body), head=head, title=title, path=path, flags=flags)


def _plain_title(body: str) -> str | None:
    stripped = body.strip()
    first, sep, rest = stripped.partition("\n\n")
    if not sep or "\n" in first or not rest.strip():
        return None
    if len(first.split()) > _TITLE_WORDS or first.rstrip()[-1:] in ".!?:;\"”'’,":
        return None
    return first.strip()


class Head:
    """Metadata lines found in a document: which line indexes they used."""

    __slots__ = ("title", "published", "url", "author", "used")

    def __init__(self) -> None:
        self.title: str | None = None
        self.published: str | None = None
        self.url: str | None = None
        self.author: str | None = None
        self.used: set[int] = set()


# Date lines and bylines sit near the top: look at the first few non-empty lines only.
_HEAD_LINES = 6


def extract_head(lines: list[str]) -> Head:
    """Date line, byline and "Original url:" footer of a text document."""
    head = Head()
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > _HEAD_LINES:
            break
        if head.published is None and (found := metadata.date_line(line)):
            head.published = found
            head.used.add(index)
        elif head.author is None and (byline := _BYLINE.match(line.strip("*_ "))):
            head.author = byline["author"]
            head.used.add(index)
    for index in range(len(lines)):
        footer = metadata.footer_url(lines, index)
        if footer:
            head.url = metadata.plausible_url(footer[0])
            head.used.update(range(index, footer[1] + 1))
    return head


def build_article(
    paragraphs: list[str],
    *,
    head: Head,
    title: str | None,
    path: str | None,
    flags: tuple[str, ...] = (),
) -> Article:
    cleaned = boilerplate.clean_paragraphs(paragraphs, title=title)
    if not cleaned.text:
        raise IngestError(f"{path}: no article text left after removing boilerplate")
    outlet = outlet_for_url(head.url) or metadata.outlet_from_reached_out(cleaned.text)
    return Article(
        id=article_id(cleaned.text),
        text=cleaned.text,
        path=path,
        url=head.url,
        outlet=outlet,
        title=title,
        author=head.author,
        published=head.published,
        published_source="text" if head.published else None,
        flags=flags,
        boilerplate=cleaned.kept_out,
    )
