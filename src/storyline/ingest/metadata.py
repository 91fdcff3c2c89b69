"""Metadata a document carries in its own text: date lines, URL footers, "X has reached out".

Pure functions over strings. Dates come back as ISO 8601 strings whose length
is their precision (``"2024-10-22"``, ``"2024-10"``).
"""

from __future__ import annotations

import re
from datetime import date

from storyline.ingest.outlets import host_of

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DATE_FORMS = [
    re.compile(r"(?P<year>(?:19|20)\d\d)[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.IGNORECASE),
    re.compile(_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR, re.IGNORECASE),
    re.compile(r"(?<![\w-])" + _MONTH + r"\s+" + _YEAR + r"(?![\w-])", re.IGNORECASE),
]
# A line that is only a date, maybe labelled and followed by a time or a byline separator.
_DATE_LINE_LABEL = re.compile(
    r"^\W*(?:(?:first )?published(?: on)?|posted(?: on)?|updated(?: on)?|last updated|date"
    r"|dateline)?\s*:?\s*",
    re.IGNORECASE,
)
_TIME_TAIL = re.compile(
    r"^[\s,|·•–—-]*(?:(?:at\s+)?\d{1,2}[:.]\d\d(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:[A-Z]{2,4}|GMT[+-]?\d*|UTC[+-]?\d*|[+-]\d\d:?\d\d))?)?\W*$",
    re.IGNORECASE,
)
# A date line is short: "Published: Tuesday, October 22, 2024 - 10:32 a.m. EDT" is 9 words.
_DATE_LINE_WORDS = 12

_URL = re.compile(r"<?(https?://[^\s<>()\"']+)>?")
_FOOTER_LABEL = re.compile(
    r"^\W*(?:original|source|canonical|article|story)?\s*(?:url|link|source)\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_REACHED_OUT_BY = re.compile(
    r"(?:^|[.!?]\s+)(?P<name>(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s+"
    r"(?:has|have|had)\s+reached out to\b"
)
_NOT_OUTLETS = {"he", "she", "they", "we", "i", "it", "this", "the", "officials", "police"}


def normalize_date(value: str | None) -> str | None:
    """An ISO date from a date string in a common news form; None when there is none."""
    if not value:
        return None
    for form in _DATE_FORMS:
        match = form.search(value)
        if match:
            return _iso(match)
    return None


def _iso(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    year = int(parts["year"])
    month_text = parts["month"].lower().rstrip(".")
    month = _MONTHS.get(month_text) or (int(month_text) if month_text.isdigit() else 0)
    if not 1 <= month <= 12:
        return None
    if parts.get("day") is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, int(parts["day"])).isoformat()
    except ValueError:
        return None


def date_line(line: str) -> str | None:
    """The ISO date when ``line`` is a date line ("October 22, 2024", "Published: 2024-10-22")."""
    stripped = line.strip().strip("*_#>` ")
    if not stripped or len(stripped.split()) > _DATE_LINE_WORDS:
        return None
    rest = _DATE_LINE_LABEL.sub("", stripped, count=1)
    for form in _DATE_FORMS[:3]:
        match = form.match(rest)
        if match and _TIME_TAIL.match(rest[match.end() :]):
            return _iso(match)
    return None


def footer_url(lines: list[str], index: int) -> tuple[str, int] | None:
    """``(url, last line index)`` when line ``index`` is an "Original url:" footer.

    The URL may follow on the same line or on the next non-empty line, bare or
    in ``<...>`` as markdown writes it.
    """
    match = _FOOTER_LABEL.match(lines[index].strip().strip("*_"))
    if not match:
        return None
    found = _URL.search(match["rest"])
    if found:
        return found[1].rstrip(".,;"), index
    for later in range(index + 1, min(index + 3, len(lines))):
        if lines[later].strip():
            found = _URL.fullmatch(lines[later].strip())
            return (found[1].rstrip(".,;"), later) if found else None
    return None


def outlet_from_reached_out(text: str) -> str | None:
    """The outlet a closing "Newsroom X has reached out to ..." sentence names (a weak signal)."""
    matches = list(_REACHED_OUT_BY.finditer(text))
    if not matches:
        return None
    name = matches[-1]["name"].strip()
    if name.casefold() in _NOT_OUTLETS or len(name) < 2:
        return None
    return name


def plausible_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL with a host, else None."""
    if url and url.startswith(("http://", "https://")) and host_of(url):
        return url
    return None
