"""Normalizers for calendar expressions: weekdays, months, years, quarters, seasons, holidays.

A normalizer gets the match of its rule's pattern (``timex_patterns.py``) and
writes its TIMEX3 type and value against the context (publication date, tense
of the sentence, the last quarter the article named). Modifier words around a core ("early", "more
than", "ago") are handled in ``timex.py`` so that every family gets them.
Conventions follow TimeML 1.2.1 as annotated in TempEval-3 (TimeBank/AQUAINT).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.analyze import timex_calendar as cal
from storyline.analyze.timex_lexicon import (
    DAY_PARTS,
    MONTHS,
    ORDINALS,
    SEASONS,
    UNIT_FORMS,
    WEEKDAYS,
    spelled_year,
)


@dataclass(frozen=True, slots=True)
class Norm:
    type: str
    value: str
    mod: str | None = None
    unit: str | None = None  # the granularity, for modifiers applied later


@dataclass(slots=True)
class Context:
    """What a normalizer may look at besides its match."""

    dct: date | None
    direction: cal.Direction = None
    # The last quarter the article named, for "the quarter", "a year earlier".
    last_quarter: tuple[int, int] | None = None
    prefix: str = ""  # the text just before the match, lower-cased
    suffix: str = ""  # the text just after the match, lower-cased


Handler = Callable[[re.Match[str], Context], Norm | None]

YEAR = r"(?:1[5-9]\d\d|20\d\d)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
RELATIVE = r"(?:this|last|next|past|coming|previous|following|current|same|latest|recent)"


def _dir(c: Context, word: str | None) -> cal.Direction:
    word = (word or "").lower()
    if word in ("next", "coming", "this coming", "following", "the following"):
        return "future"
    if word in ("last", "past", "previous", "this past", "the previous"):
        return "past"
    return c.direction


def norm_weekday(m: re.Match[str], c: Context) -> Norm | None:
    name = m["wd"].lower()
    rel = (m["rel"] or "").lower()
    anchor = c.dct
    direction = _dir(c, rel)
    if anchor and rel in ("next", "this coming", "coming", "the following"):
        anchor = anchor + timedelta(days=1)
    if anchor and rel in ("last", "past", "this past", "the previous"):
        anchor = anchor - timedelta(days=1)
    value = cal.weekday_value(anchor, WEEKDAYS[name], direction)
    if m["part"]:  # "Friday night": a part of that day, as TimeML writes it
        return Norm("TIME", f"{value}T{DAY_PARTS[m['part'].lower()]}", unit="day")
    return Norm("DATE", value, unit="day")


def norm_deictic_day(m: re.Match[str], c: Context) -> Norm | None:
    word = re.sub(r"\s+", " ", m["deictic"].lower())
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2,
               "last night": -1, "this morning": 0, "this afternoon": 0,
               "this evening": 0, "tomorrow night": 1}  # fmt: skip
    d = c.dct + timedelta(days=offsets[word]) if c.dct else None
    value = cal.day(d)
    part = m["part"].lower() if m["part"] else None
    if word in ("tonight", "last night"):
        part = "night"
    elif word.startswith("this "):
        part = word.split()[1]
    if part:
        return Norm("TIME", f"{value}T{DAY_PARTS[part]}", unit="day")
    return Norm("DATE", value, unit="day")


def norm_month_day(m: re.Match[str], c: Context) -> Norm | None:
    month = MONTHS[m["mon"].lower().rstrip(".")]
    number = int(re.sub(r"\D", "", m["dnum"]))
    if m["year"]:
        y: int | None = int(m["year"])
    elif c.dct:
        y = cal.day_year(c.dct, month, number, c.direction)
        if m["wd"]:  # "Sunday 27 February": the nearby year where that day is a Sunday
            weekday = WEEKDAYS[m["wd"].lower()]
            y = next((y2 for y2 in (y, y - 1, y + 1) if _weekday_of(y2, month, number) == weekday), y)
    else:
        y = None
    if _weekday_of(y or 2000, month, number) is None:
        return None
    return Norm("DATE", f"{cal.year(y)}-{month:02d}-{number:02d}", unit="day")


def _weekday_of(y: int, month: int, number: int) -> int | None:
    try:
        return date(y, month, number).isoweekday()
    except ValueError:
        return None


def norm_numeric_date(m: re.Match[str], c: Context) -> Norm | None:
    if m["iso"]:
        y, mo, d = (int(x) for x in m["iso"].split("-"))
    else:
        mo, d, y = (int(x) for x in m["us"].split("/"))
        y = y + (1900 if y >= 50 else 2000) if y < 100 else y
    try:
        return Norm("DATE", date(y, mo, d).isoformat(), unit="day")
    except ValueError:
        return None


def norm_month_year(m: re.Match[str], c: Context) -> Norm | None:
    month = MONTHS[m["mon"].lower().rstrip(".")]
    y = int(m["year"]) if m["year"] else spelled_year(m["syear"] or "")
    if y is None:
        return None
    return Norm("DATE", cal.month(y, month), unit="month")


def norm_month_rel_year(m: re.Match[str], c: Context) -> Norm | None:
    month = MONTHS[m["mon"].lower().rstrip(".")]
    shift = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    y = c.dct.year + shift if c.dct else None
    return Norm("DATE", cal.month(y, month), unit="month")


def norm_month(m: re.Match[str], c: Context) -> Norm | None:
    word = m["mon"]
    name = word.lower().rstrip(".")
    if not word[0].isupper() or (name in ("mar", "jun", "jul", "sep", "jan", "dec") and "." not in word):
        return None
    rel = (m["rel"] or "").lower()
    if name == "may" and not (
        rel
        or re.search(
            r"\b(in|of|since|until|by|through|from|to|early|late|mid|during|before|after|last|next|this)\s*-?$",
            c.prefix,
        )
    ):
        return None
    if name == "march" and not (
        rel
        or re.search(
            r"\b(in|of|since|until|by|through|from|to|early|late|mid|during|before|after)\s*-?$",
            c.prefix,
        )
    ):
        return None
    number = MONTHS[name]
    if not c.dct:
        return Norm("DATE", cal.month(None, number), unit="month")
    if rel == "last":
        y = c.dct.year if number < c.dct.month else c.dct.year - 1
    elif rel == "next":
        y = c.dct.year if number > c.dct.month else c.dct.year + 1
    elif rel == "this":
        y = c.dct.year
    else:
        y = cal.month_year(c.dct, number, c.direction)
    return Norm("DATE", cal.month(y, number), unit="month")


def norm_year(m: re.Match[str], c: Context) -> Norm | None:
    text = m.group(0)
    if re.match(r"\d|[.,]\d", c.suffix) or re.match(r"\s*(%|percent|per\b|-\d)", c.suffix):
        return None
    if re.search(
        r"[$#£€\d][\d,.]*\s*$|\bno\.\s*$|\bnumber\s*$|\b(page|flight|route|room|\d+|vs?\.?)\s+$",
        c.prefix,
    ):
        return None
    if (
        re.match(r"\s+[a-z]+(s|ers)\b", c.suffix)
        and not re.search(r"\bthe\s+$", c.prefix)
        and not re.match(
            r"\s+(levels?|figures?|results?|earnings|sales|season|elections?|period|budget|and|was|is|as|has|have|had|were|when|because|after|before|while|for|to|in|on|at|by|with|the|its|his|her|their|this|that|as)\b",
            c.suffix,
        )
    ):
        return None
    y = int(re.search(YEAR, text)[0])  # type: ignore[index]
    return Norm("DATE", cal.year(y), unit="year")


def norm_spelled_year(m: re.Match[str], c: Context) -> Norm | None:
    y = spelled_year(m["syear"])
    return Norm("DATE", cal.year(y), unit="year") if y and 1500 <= y <= 2100 else None


def norm_decade(m: re.Match[str], c: Context) -> Norm | None:
    if m["dec"]:
        digits = m["dec"]
        if len(digits) == 2:  # '80s
            return Norm("DATE", "19" + digits[0], unit="decade")
        return Norm("DATE", digits[:3], unit="decade")
    words = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
             "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip
    return Norm("DATE", f"19{words[m['decw'].lower()]}", unit="decade")


def norm_century(m: re.Match[str], c: Context) -> Norm | None:
    raw = m["cent"].lower()
    number = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else ORDINALS.get(raw)
    if not number or number < 1:
        return None
    return Norm("DATE", f"{number - 1:02d}", unit="century")


def norm_season(m: re.Match[str], c: Context) -> Norm | None:
    code = SEASONS[m["season"].lower()]
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower()).removeprefix("the").strip()
    if m["year"]:
        return Norm("DATE", f"{m['year']}-{code}", unit="season")
    if m["syear"]:
        y = spelled_year(m["syear"])
        return Norm("DATE", f"{cal.year(y)}-{code}", unit="season") if y else None
    if not rel and m["season"].lower() in ("fall", "spring"):
        return None
    if not c.dct:
        return Norm("DATE", f"XXXX-{code}", unit="season")
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    y = c.dct.year
    if rel in ("last", "past", "previous"):
        y = y - 1 if start >= c.dct.month - 1 else y
    elif rel in ("next", "coming"):
        y = y + 1 if start <= c.dct.month else y
    elif rel == "" and c.direction == "past" and start > c.dct.month:
        y -= 1
    return Norm("DATE", f"{y}-{code}", unit="season")


def norm_relative_unit(m: re.Match[str], c: Context) -> Norm | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = UNIT_FORMS[m["unit"].lower()]
    if unit not in ("day", "week", "month", "year", "quarter", "decade", "century"):
        return None
    offset = {"this": 0, "current": 0, "the current": 0, "last": -1, "past": -1,
              "the past": -1, "the last": -1, "previous": -1, "the previous": -1,
              "next": 1, "the next": 1, "coming": 1, "the coming": 1,
              "the following": 1, "following": 1, "the same": 0, "the latest": -1,
              "the most recent": -1, "this past": -1}.get(rel)  # fmt: skip
    if offset is None:
        return None
    if unit == "quarter" and c.dct:
        # Financial news: "the latest quarter" is the last one reported.
        base = c.last_quarter or cal.add_quarters(c.dct.year, cal.quarter_of(c.dct), -1)
        if rel in ("this", "current", "the current"):
            base = (c.dct.year, cal.quarter_of(c.dct))
        elif rel in ("the latest", "the most recent", "the same"):
            y, q = base
            return Norm("DATE", cal.quarter(y, q), unit="derived")
        elif rel in ("last", "the last", "past", "the past", "previous", "the previous"):
            base, offset = (c.dct.year, cal.quarter_of(c.dct)), -1
        y, q = cal.add_quarters(*base, offset)
        return Norm("DATE", cal.quarter(y, q), unit="quarter")
    if unit == "day":
        return None
    return Norm("DATE", cal.shift(c.dct, unit, offset), unit=unit)


def norm_the_unit(m: re.Match[str], c: Context) -> Norm | None:
    unit = m["unit"].lower()
    if unit == "year":
        if re.match(r"\s+(ended|ending|to date|earlier|before|through)", c.suffix):
            return Norm("DURATION", "P1Y", unit="year")
        return Norm("DATE", cal.shift(c.dct, "year", 0), unit="year")
    if unit == "quarter" or unit == "period":
        if c.dct is None:
            return Norm("DATE", "XXXX-QX", unit="quarter")
        y, q = c.last_quarter or cal.add_quarters(c.dct.year, cal.quarter_of(c.dct), -1)
        if unit == "period" and not c.last_quarter:
            return None
        return Norm("DATE", cal.quarter(y, q), unit="derived")
    return Norm("DATE", cal.shift(c.dct, unit, 0), unit=unit)


def norm_fiscal_year(m: re.Match[str], c: Context) -> Norm | None:
    if m["year"] or m["year2"]:
        return Norm("DATE", m["year"] or m["year2"], unit="year")
    if m["yy"] or m["yy2"]:
        yy = int(m["yy"] or m["yy2"])
        return Norm("DATE", str(1900 + yy if yy >= 50 else 2000 + yy), unit="year")
    rel = (m["rel"] or "this").lower()
    offset = {"last": -1, "the last": -1, "the previous": -1, "previous": -1,
              "next": 1, "the next": 1}.get(rel, 0)  # fmt: skip
    if rel == "the":
        return Norm("DURATION", "P1Y", unit="year")
    return Norm("DATE", cal.shift(c.dct, "year", offset), unit="year")


def norm_quarter(m: re.Match[str], c: Context) -> Norm | None:
    raw = (m["qord"] or m["qnum"] or m["qnum2"] or "").lower()
    number = int(raw[0]) if raw[:1].isdigit() else ORDINALS.get(raw)
    if number == -1:
        number = 4
    if not number or not 1 <= number <= 4:
        return None
    y = _period_year(m, c)
    if y is None and c.dct:
        current = cal.quarter_of(c.dct)
        y = c.dct.year if number <= current or c.direction == "future" else c.dct.year - 1
    return Norm("DATE", cal.quarter(y, number), unit="quarter")


def norm_half(m: re.Match[str], c: Context) -> Norm | None:
    number = {"first": 1, "second": 2, "1st": 1, "2nd": 2, "last": 2}[m["hord"].lower()]
    y = _period_year(m, c)
    if y is None and c.dct:
        y = c.dct.year if number == 1 or c.dct.month > 6 or c.direction == "future" else c.dct.year - 1
    return Norm("DATE", f"{cal.year(y)}-H{number}", unit="half")


def _period_year(m: re.Match[str], c: Context) -> int | None:
    if m["pyear"]:
        return int(m["pyear"][:4])
    if m["oyear"]:
        return int(m["oyear"])
    rel = (m["prel"] or m["orel"] or "").lower()
    if rel and c.dct:
        return c.dct.year + {"this": 0, "last": -1, "next": 1, "the current": 0}.get(rel, 0)
    return None


def norm_year_ago_period(m: re.Match[str], c: Context) -> Norm | None:
    if m["pyear2"]:
        y = int(m["pyear2"])
        if c.last_quarter:
            return Norm("DATE", cal.quarter(y, c.last_quarter[1]), unit="derived")
        return Norm("DATE", str(y), unit="year")
    if c.last_quarter:
        y, q = c.last_quarter
        return Norm("DATE", cal.quarter(y - 1, q), unit="derived")
    return Norm("DATE", cal.shift(c.dct, "year", -1), unit="year")


def norm_weekend(m: re.Match[str], c: Context) -> Norm | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if rel in ("next", "the coming"):
        on_weekend = c.dct is not None and c.dct.isoweekday() >= 6
        return Norm("DATE", cal.weekend(c.dct, "future", 1 if on_weekend else 0), unit="day")
    direction = "past" if rel in ("last", "this past", "the past") else c.direction
    return Norm("DATE", cal.weekend(c.dct, direction), unit="day")


def norm_year_end(m: re.Match[str], c: Context) -> Norm | None:
    if c.dct is None:
        return Norm("DATE", "XXXX-12-31", unit="day")
    y = c.dct.year - 1 if re.search(r"\bsince\s+$", c.prefix) else c.dct.year
    return Norm("DATE", f"{y}-12-31", unit="day")


def norm_latest_period(m: re.Match[str], c: Context) -> Norm | None:
    if c.dct is None:
        return Norm("DATE", "XXXX-QX", unit="derived")
    y, q = c.last_quarter or cal.add_quarters(c.dct.year, cal.quarter_of(c.dct), -1)
    return Norm("DATE", cal.quarter(y, q), unit="derived")


def norm_holiday(m: re.Match[str], c: Context) -> Norm | None:
    name = re.sub(r"\s+", " ", m["holiday"].lower())
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
             "independence day": (7, 4), "valentine's day": (2, 14)}  # fmt: skip
    y = int(m["hyear"]) if m["hyear"] else None
    if name in fixed:
        mo, d = fixed[name]
        if y is None and c.dct:
            y = cal.day_year(c.dct, mo, d, c.direction)
        return Norm("DATE", f"{cal.year(y)}-{mo:02d}-{d:02d}", unit="day")
    rule = {"thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4),
            "labor day": (9, 1, 1), "memorial day": (5, 1, -1),
            "election day": (11, 2, 1)}[name]  # fmt: skip
    if y is None:
        if not c.dct:
            return Norm("DATE", "XXXX-XX-XX", unit="day")
        y = c.dct.year
    day = _nth_weekday(y, *rule)
    if name == "election day":  # the Tuesday after the first Monday of November
        day = _nth_weekday(y, 11, 1, 1) + timedelta(days=1)
    return Norm("DATE", day.isoformat(), unit="day")


def _nth_weekday(y: int, month: int, weekday: int, n: int) -> date:
    if n > 0:
        first = date(y, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(y + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)
