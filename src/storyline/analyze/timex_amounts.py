"""Normalizers for amounts of time: clock times, durations, sets, and present/past/future refs."""

from __future__ import annotations

import re
from fractions import Fraction

from storyline.analyze import timex_calendar as cal
from storyline.analyze.timex_lexicon import (
    DAY_PARTS,
    MONTHS,
    UNIT_FORMS,
    UNITS,
    WEEKDAYS,
    read_number,
)
from storyline.analyze.timex_rules import Context, Norm


def norm_clock(m: re.Match[str], c: Context) -> Norm | None:
    word = (m["named"] or "").lower()
    if word:
        hour, minute = (24, 0) if word == "midnight" else (12, 0)
    else:
        hour = int(m["hour"] or m["hour2"])
        minute = int(m["minute"] or m["minute2"] or 0)
        ampm = (m["ampm"] or "").lower().replace(".", "")
        if hour > 23 or minute > 59 or (ampm and hour > 12):
            return None
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    when = f"T{hour:02d}:{minute:02d}"
    return Norm("TIME", cal.day(c.dct) + when, unit="minute")


_PRESENT = ("now", "currently", "current", "presently", "at present", "nowadays", "these days")


def norm_ref(m: re.Match[str], c: Context) -> Norm | None:
    """ "now", "recently", "the near future": TimeML's PRESENT_REF, PAST_REF, FUTURE_REF."""
    word = re.sub(r"\s+", " ", m.group(0).lower())
    if word == "current" and not re.match(r"\s+[a-z]", c.suffix):
        return None  # "current" only as an adjective: "the current talks"
    if word in _PRESENT:
        return Norm("DATE", "PRESENT_REF")
    if word.endswith(("future", " term")) or word.startswith(("coming", "the coming", "future")):
        return Norm("DATE", "FUTURE_REF")
    return Norm("DATE", "PAST_REF")


def norm_set(m: re.Match[str], c: Context) -> Norm | None:
    word = re.sub(r"\s+", " ", m.group(0).lower())
    adverbs = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
               "quarterly": "P3M", "annually": "P1Y", "annual": "P1Y", "yearly": "P1Y",
               "hourly": "PT1H", "biweekly": "P2W", "semiannually": "P6M",
               "semiannual": "P6M", "biannual": "P6M"}  # fmt: skip
    if word in adverbs:
        return Norm("SET", adverbs[word])
    if m["swd"] or m["swd2"]:
        name = (m["swd"] or m["swd2"]).lower()
        part = f"T{DAY_PARTS[m['spart'].lower().rstrip('s')]}" if m["spart"] else ""
        return Norm("SET", f"XXXX-WXX-{WEEKDAYS[name]}{part}")
    if m["smon"]:
        return Norm("SET", f"XXXX-{MONTHS[m['smon'].lower().rstrip('.')]:02d}")
    unit = UNIT_FORMS.get(m["sunit"].lower(), m["sunit"].lower())
    if unit in ("morning", "afternoon", "evening", "night"):
        return Norm("SET", f"XXXX-XX-XXT{DAY_PARTS[unit]}")
    if unit not in UNITS:
        return None
    t, letter, n = UNITS[unit]
    every = 2 if m["sother"] else 1
    return Norm("SET", f"P{t}{n * every}{letter}")


_SMALLER = {("", "Y"): ("", "M", 12), ("", "Q"): ("", "M", 3), ("", "M"): ("", "D", 30),
            ("", "W"): ("", "D", 7), ("", "D"): ("T", "H", 24), ("T", "H"): ("T", "M", 60),
            ("T", "M"): ("T", "S", 60)}  # fmt: skip


def duration_value(number: Fraction | None, unit: str) -> str:
    """ "P2Y", "PT3H", "PXD"; a half goes to the next smaller unit ("P2Y6M"), else decimals."""
    t, letter, scale = UNITS[unit]
    if number is None:
        vague = {"decade": "PXDE", "century": "PXCE", "millennium": "PXML"}
        return vague.get(unit, f"P{t}X{letter}")
    value = Fraction(number) * scale
    if value.denominator == 1:
        return f"P{t}{int(value)}{letter}"
    whole = int(value)
    if (t, letter) in _SMALLER:
        sub_t, sub, per = _SMALLER[(t, letter)]
        rest = (value - whole) * per
        if rest.denominator == 1:
            head = f"{whole}{letter}" if whole else ""
            if t == "" and sub_t == "T":
                return f"P{head}T{int(rest)}{sub}"
            return f"P{t}{head}{int(rest)}{sub}"
    return f"P{t}{float(value):g}{letter}"


# What comes before "a year" when it is a rate: "$500 million a year", "18 hours a day".
_RATE = r"(?:\d|\bmillion|\bbillion|%|\b(?:hours|days|weeks|months|miles|tonnes|tons))\s+$"


def norm_duration(m: re.Match[str], c: Context) -> Norm | None:
    unit = UNIT_FORMS[m["unit"].lower()]
    raw = (m["num"] or "").lower().strip()
    plural = m["unit"].lower() != unit and m["unit"].lower() not in ("mins", "secs", "hrs", "yrs")
    if raw in ("a", "an", "one") and unit in ("second", "quarter"):
        return None
    if re.match(r"\s+old\b", c.suffix):
        return None  # an age: "52 years old"
    if (
        raw in ("a", "an")
        and re.search(_RATE, c.prefix)
        and not re.match(r"\s+(?:or\s+so\s+)?(?:ago|earlier|before|later|from)\b", c.suffix)
    ):
        return None  # a rate: "$500 million a year"; TimeBank leaves it alone
    if raw in ("a", "an") and re.search(r"\b(?:times|twice|once)\s+$", c.prefix):
        t, letter, n = UNITS[unit]
        return Norm("SET", f"P{t}{n}{letter}")  # "twice a year"; TimeBank leaves "$40 a day" alone
    if unit == "quarter" and "-" in m.group(0) and re.match(r"\s+of\b", c.suffix):
        return None  # "three-quarters of the vote"
    if (
        raw == ""
        and re.match(
            r"(?:the|past|last|next|first|final|previous|coming|following|latest|remaining|initial|same)\b",
            m.group(0),
            re.I,
        )
        and not plural
    ):
        return None
    vague = raw in ("", "a few", "few", "several", "many", "some", "a number of", "numerous", "the")
    number = None if vague else read_number(raw)
    if not vague and number is None:
        return None
    if raw == "" and not plural:
        return None
    if (
        unit == "quarter"
        and vague
        and not re.match(r"(?:the\s+)?(?:past|last|next|coming|recent|first|latest)\b", m.group(0), re.I)
    ):
        return None  # "in some quarters": groups of people
    if number is not None and re.search(r"and\s+a\s+half$", m.group(0), re.I) and not raw.endswith("half"):
        number += Fraction(1, 2)
    return Norm("DURATION", duration_value(number, unit), unit=unit)
