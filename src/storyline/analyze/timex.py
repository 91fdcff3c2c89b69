"""Temporal expressions: find them and write TIMEX3 values against the publication date.

``find_timexes(doc, published)`` tags DATE, TIME, DURATION and SET expressions
in ``doc.text`` with TimeML 1.2.1 values as annotated in TempEval-3;
``reanchor(text, timexes, published)`` writes the values again against
another publication date (an inferred one) without spaCy. The rules live in
``timex_patterns.py`` (patterns), ``timex_rules.py`` and ``timex_amounts.py``
(normalizers); this module chooses among overlapping matches, adds the words
around a core that change it ("early", "more than", "ago"), and carries what a
value depends on beyond its words: the clause's tense and the last quarter the
article named.

Measured on the TempEval-3 dev data (benchmarks/timex.py): spaCy's DATE/TIME
entities add little beyond these rules (154 more spans, 16% of them gold), and
a tense read from the parse was no better than the one read from words, which
``reanchor`` can use too; so only ``doc.text`` is read.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING

from storyline.analyze import timex_calendar as cal
from storyline.analyze.timex_lexicon import MODS, read_number
from storyline.analyze.timex_patterns import DIGIT, RULES, TRIGGERS
from storyline.analyze.timex_rules import Context, Norm
from storyline.errors import AnalysisError
from storyline.records import Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc

_LINE = re.compile(r"[^\n]+")
_TOKEN = re.compile(r"[a-z0-9]+")
_COMPILED = [(name, re.compile(pattern, re.I), handler) for name, pattern, handler in RULES]

# Words that put the event of a clause after the publication date, and words
# that put it before; the one nearest the expression wins.
_FUTURE = re.compile(
    r"\b(?:(?:will|would|shall|won't|'ll)(?:\s+not)?(?:\s+(?:be|have\s+been))?\s+[a-z]+ed\b|"
    r"will|'ll|shall|won't|going\s+to|(?:is|are)\s+(?:to|scheduled|due|expected|set)|"
    r"scheduled|expected\s+to|plans?\s+to|planning\s+to|planned|set\s+to|due\s+to|upcoming|"
    r"would|as\s+(?:soon|early)\s+as|by\s+next|until)\b",
    re.I,
)
# Lower-case only: "United" and "Ahmed" are no past tense.
_PAST = re.compile(
    r"\b(?:[Ww]as|[Ww]ere|[Hh]ad|[Dd]id|said|says|told|ago|last|since|has\s+been|have\s+been|"
    r"(?!(?:scheduled|planned|expected|need|indeed|proceed|exceed|succeed)\b)[a-z]{3,}ed)\b"
)
# A clause ends at a comma, a semicolon, a line break, or a full stop after a
# word of three letters or more (not "Mr." or "P." or "U.S.").
_CLAUSE_END = re.compile(r"(?:(?<=[a-z]{3})[.!?]|[;,\n])\s")
_QUANTITY_MOD = re.compile(
    r"(?:\b(?P<mod>"
    + "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in MODS), key=len, reverse=True))
    + r")\s+)$",
    re.I,
)
_PART_MOD = re.compile(
    r"(?:\b(?P<part>early|earlier|late|later|the\s+(?:start|beginning|middle|end|close)\s+of"
    r"|(?:the\s+)?(?:first|second)\s+half\s+of|mid|the\s+early|the\s+late|the\s+mid)(?:\s+|-))$",
    re.I,
)
_APPROX_DATE = re.compile(r"\b(?:around|about|approximately|roughly)\s+$", re.I)
_PARTS = {"early": "START", "earlier": "START", "late": "END", "later": "END", "mid": "MID",
          "start": "START", "beginning": "START", "middle": "MID", "end": "END",
          "close": "END", "first": "START", "second": "END"}  # fmt: skip
_AGO = re.compile(r"^(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|from\s+now|hence)\b", re.I)
_THE_ADJECTIVE = re.compile(
    r"(the\s+)[\w.]+(?:-|\s+)(?:second|minute|hour|day|week|month|year|decade|century)\b(?!s)", re.I
)
_OR_SO = re.compile(r"^\s+or\s+so\b", re.I)


def find_timexes(doc: Doc, published: str | None) -> tuple[Timex, ...]:
    """DATE, TIME, DURATION and SET expressions of ``doc.text``, valued against ``published``.

    ``published`` is an ISO date; with None, relative expressions get TimeML's
    underspecified values ("XXXX-WXX-5" for a bare Friday), never a guess.
    """
    return tag(doc.text, published)


def tag(text: str, published: str | None) -> tuple[Timex, ...]:
    """The tagger on plain text: what ``find_timexes`` does, without spaCy."""
    dct = parse_published(published)
    spans = _choose(text, dct)
    return _normalize(text, spans, dct)


def reanchor(text: str, timexes: tuple[Timex, ...], published: str) -> tuple[Timex, ...]:
    """The same expressions valued again against another publication date."""
    dct = parse_published(published)
    found = {t.span: t for t in tag(text, published)}
    out = []
    for timex in timexes:
        again = found.get(timex.span)
        if again is None:
            again = _value_alone(text, timex, dct)
        out.append(again)
    return tuple(out)


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError as err:
        raise AnalysisError(
            f"publication date {published!r} is not an ISO date (YYYY-MM-DD): "
            "fix the article's date or leave it empty"
        ) from err


def _value_alone(text: str, timex: Timex, dct: date | None) -> Timex:
    """A timex found by other means, valued from its own words if a rule reads them."""
    start, end = timex.span
    found = tag(text[start:end], dct.isoformat() if dct else None)
    if len(found) == 1 and found[0].span == (0, end - start):
        again = found[0]
        return Timex(span=timex.span, type=again.type, value=again.value, mod=again.mod or timex.mod)
    return timex


# -- choosing spans ------------------------------------------------------------------


def _choose(text: str, dct: date | None) -> list[tuple[int, int, int, re.Match[str]]]:
    """Non-overlapping rule matches, longest first, each accepted by its rule."""
    candidates = []
    for line in _LINE.finditer(text):
        words = set(_TOKEN.findall(line.group(0).lower()))
        if any(any(ch.isdigit() for ch in w) for w in words):
            words.add(DIGIT)
        for index, (name, _regex, _handler) in enumerate(_COMPILED):
            if TRIGGERS[name].isdisjoint(words):
                continue
            candidates += _accepted(text, line.start(), line.end(), index, dct)
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken = bytearray(len(text) + 1)
    chosen = []
    for start, end, index, m in candidates:
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append((start, end, index, m))
    chosen.sort()
    return chosen


def _accepted(text: str, start: int, end: int, index: int, dct: date | None) -> list:
    _name, regex, handler = _COMPILED[index]
    found = []
    for m in regex.finditer(text, start, end):
        if m.end() > m.start() and handler(m, _context(text, m.start(), m.end(), dct)) is not None:
            found.append((m.start(), m.end(), index, m))
    return found


def _context(text: str, start: int, end: int, dct: date | None, last_quarter=None) -> Context:
    return Context(
        dct=dct,
        direction=_direction(text, start, end),
        last_quarter=last_quarter,
        prefix=text[max(0, start - 40) : start].lower(),
        suffix=text[end : end + 40].lower(),
    )


def _direction(text: str, start: int, end: int) -> cal.Direction:
    """ "future" when the clause around the expression speaks of what is to come."""
    left = text[max(0, start - 80) : start]
    cuts = [m.end() for m in _CLAUSE_END.finditer(left)]
    left = left[cuts[-1] :] if cuts else left
    right = re.split(r"[.;,\n]", text[end : end + 25], maxsplit=1)[0]
    future = [m.end() for m in _FUTURE.finditer(left)]
    past = [m.end() for m in _PAST.finditer(left)]
    if future and (not past or future[-1] >= past[-1]):
        return "future"
    if not past and _FUTURE.search(right):
        return "future"
    return None


# -- values ---------------------------------------------------------------------------


def _normalize(text: str, chosen, dct: date | None) -> tuple[Timex, ...]:
    out: list[Timex] = []
    last_quarter: tuple[int, int] | None = None
    taken_until = 0
    for start, end, index, m in chosen:
        name, _regex, handler = _COMPILED[index]
        context = _context(text, start, end, dct, last_quarter)
        norm = handler(m, context)
        if norm is None:
            continue
        start, end, norm = _extend(text, start, end, norm, context)
        if start < taken_until:
            continue
        # Only a quarter the text names sets what "the quarter" means later on.
        if norm.unit == "quarter" and re.fullmatch(r"\d{4}-Q\d", norm.value):
            last_quarter = (int(norm.value[:4]), int(norm.value[-1]))
        taken_until = end
        out.append(Timex(span=(start, end), type=norm.type, value=norm.value, mod=norm.mod))  # type: ignore[arg-type]
    return tuple(_merge_clock_and_day(text, out))


_CLOCK = re.compile(r"(?:XXXX-XX-XX|\d{4}-\d\d-\d\d)(T\d\d:\d\d)")
_DAY = re.compile(r"(?:XXXX-XX-XX|XXXX-WXX-\d|\d{4}-\d\d-\d\d|XXXX-\d\d-\d\d)")


def _merge_clock_and_day(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "5 p.m. EST Nov. 9", "noon Thursday", "Friday at 10 a.m." are one TIME on that day."""
    out: list[Timex] = []
    for timex in timexes:
        if out and _mergeable(text, out[-1], timex):
            first = out.pop()
            clock, day_ = (first, timex) if _CLOCK.fullmatch(first.value) else (timex, first)
            value = day_.value + _CLOCK.fullmatch(clock.value)[1]  # type: ignore[index]
            timex = Timex(span=(first.span[0], timex.span[1]), type="TIME", value=value, mod=clock.mod)
        out.append(timex)
    return out


def _mergeable(text: str, first: Timex, second: Timex) -> bool:
    gap = text[first.span[1] : second.span[0]]
    if _CLOCK.fullmatch(first.value) and _DAY.fullmatch(second.value):
        return re.fullmatch(r",?\s*(?:on\s+)?", gap) is not None
    if _DAY.fullmatch(first.value) and _CLOCK.fullmatch(second.value):
        return re.fullmatch(r",?\s*at\s+", gap) is not None and False
    return False


def _extend(text: str, start: int, end: int, norm: Norm, c: Context) -> tuple[int, int, Norm]:
    """Take in the words around a core that change its value or mod."""
    if norm.type == "DURATION" and (m := _AGO.match(text[end : end + 20])):
        start, end, norm = _ago(text, start, end + m.end(), norm, m["dir"].lower(), c)
    if m := _OR_SO.match(text[end : end + 10]):
        end, norm = end + m.end(), replace(norm, mod=norm.mod or "APPROX")
    if norm.type == "DURATION" and (m := _THE_ADJECTIVE.match(text, start, end)):
        start = m.end(1)  # "the eight-year war": the determiner belongs to the noun
    before = text[max(0, start - 30) : start]
    starts_with_the = text[start : start + 4].lower() == "the "
    if (norm.type in ("DURATION", "TIME") or norm.mod == "AGO") and not starts_with_the:
        if m := _QUANTITY_MOD.search(before):
            mod = MODS[re.sub(r"\s+", " ", m["mod"].lower())]
            start, norm = start - len(m.group(0)), replace(norm, mod=mod)
    elif norm.type == "DATE" and not norm.value.endswith("_REF"):
        if m := _APPROX_DATE.search(before):
            start, norm = start - len(m.group(0)), replace(norm, mod="APPROX")
        elif m := _PART_MOD.search(before):
            word = m["part"].lower().split()
            key = word[1].split("-")[0] if word[0] == "the" else word[0]
            start, norm = start - len(m.group(0)), replace(norm, mod=_PARTS[key])
    if norm.mod == "AGO":
        norm = replace(norm, mod=None)
    return start, end, norm


def _ago(text: str, start: int, end: int, norm: Norm, word: str, c: Context) -> tuple[int, int, Norm]:
    """ "two years ago" is the date two years before publication, at the unit's precision."""
    unit = norm.unit or "year"
    m = re.fullmatch(r"PT?(\d+|X)([A-Z]+)", norm.value)
    number = None if not m or m[1] == "X" else Fraction(m[1])
    sign = 1 if word in ("from now", "hence") else -1
    if number is None:
        return start, end, Norm("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", mod="AGO")
    count = int(read_number(str(number)) or 0)
    if unit in ("decade", "century", "millennium"):
        unit = "year"  # the value already counts years ("P10Y")
    if unit in ("second", "minute", "hour"):
        return start, end, Norm("DATE", cal.day(c.dct), mod="AGO")
    if unit == "night":
        unit = "day"
    if unit == "year" and count == 1 and word in ("earlier", "ago") and c.last_quarter:
        y, q = c.last_quarter
        return start, end, Norm("DATE", cal.quarter(y - 1, q), mod="AGO", unit="derived")
    if unit == "quarter":
        return (
            start,
            end,
            Norm("DATE", cal.shift(c.dct, "quarter", sign * count), mod="AGO", unit="derived"),
        )
    return start, end, Norm("DATE", cal.shift(c.dct, unit, sign * count), mod="AGO", unit=unit)
