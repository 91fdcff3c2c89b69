"""The temporal-expression rules: one pattern and one normalizer per family.

Each rule finds a core expression in raw text and writes its TIMEX3 type and
value against the context (publication date, tense of the sentence, the last
quarter the article named). Modifier words around a core ("early", "more
than", "ago") are handled in ``timex.py`` so that every family gets them.
Conventions follow TimeML 1.2.1 as annotated in TempEval-3 (TimeBank/AQUAINT).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction

from storyline.analyze import timex_calendar as cal
from storyline.analyze.timex_lexicon import (
    DAY_PARTS,
    MONTH,
    MONTHS,
    NUMBER,
    ORDINALS,
    SEASON,
    SEASONS,
    UNIT,
    UNIT_FORMS,
    UNITS,
    WEEKDAY,
    WEEKDAYS,
    alt,
    read_number,
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
    extra: dict[str, object] = field(default_factory=dict)


Handler = Callable[[re.Match[str], Context], Norm | None]

YEAR = r"(?:1[5-9]\d\d|20\d\d)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
PART = alt(DAY_PARTS)
RELATIVE = r"(?:this|last|next|past|coming|previous|following|current|same|latest|recent)"


def _dir(c: Context, word: str | None) -> cal.Direction:
    word = (word or "").lower()
    if word in ("next", "coming", "this coming", "following", "the following"):
        return "future"
    if word in ("last", "past", "previous", "this past", "the previous"):
        return "past"
    return c.direction


def _weekday(m: re.Match[str], c: Context) -> Norm | None:
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


def _deictic_day(m: re.Match[str], c: Context) -> Norm | None:
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


def _month_day(m: re.Match[str], c: Context) -> Norm | None:
    month = MONTHS[m["mon"].lower().rstrip(".")]
    number = int(re.sub(r"\D", "", m["dnum"]))
    if m["year"]:
        y: int | None = int(m["year"])
    elif c.dct:
        y = cal.day_year(c.dct, month, number, c.direction)
    else:
        y = None
    try:
        date(y or 2000, month, number)
    except ValueError:
        return None
    return Norm("DATE", f"{cal.year(y)}-{month:02d}-{number:02d}", unit="day")


def _numeric_date(m: re.Match[str], c: Context) -> Norm | None:
    if m["iso"]:
        y, mo, d = (int(x) for x in m["iso"].split("-"))
    else:
        mo, d, y = (int(x) for x in m["us"].split("/"))
        y = y + (1900 if y >= 50 else 2000) if y < 100 else y
    try:
        return Norm("DATE", date(y, mo, d).isoformat(), unit="day")
    except ValueError:
        return None


def _month_year(m: re.Match[str], c: Context) -> Norm | None:
    month = MONTHS[m["mon"].lower().rstrip(".")]
    y = int(m["year"]) if m["year"] else spelled_year(m["syear"] or "")
    if y is None:
        return None
    return Norm("DATE", cal.month(y, month), unit="month")


def _month_rel_year(m: re.Match[str], c: Context) -> Norm | None:
    month = MONTHS[m["mon"].lower().rstrip(".")]
    shift = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    y = c.dct.year + shift if c.dct else None
    return Norm("DATE", cal.month(y, month), unit="month")


def _month(m: re.Match[str], c: Context) -> Norm | None:
    word = m["mon"]
    name = word.lower().rstrip(".")
    if not word[0].isupper() or (name in ("mar", "jun", "jul", "sep", "jan", "dec") and "." not in word):
        return None
    rel = (m["rel"] or "").lower()
    if name == "may" and not (rel or re.search(r"\b(in|of|since|until|by|through|from|to|early|late|mid|during|before|after|last|next|this)\s*-?$", c.prefix)):
        return None
    if name == "march" and not (rel or re.search(r"\b(in|of|since|until|by|through|from|to|early|late|mid|during|before|after)\s*-?$", c.prefix)):
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


def _year(m: re.Match[str], c: Context) -> Norm | None:
    text = m.group(0)
    if re.match(r"\d|[.,]\d", c.suffix) or re.match(r"\s*(%|percent|per\b|-\d)", c.suffix):
        return None
    if re.search(r"[$#£€\d][\d,.]*\s*$|\bno\.\s*$|\bnumber\s*$|\b(page|flight|route|room|\d+|vs?\.?)\s+$", c.prefix):
        return None
    if re.match(r"\s+[a-z]+(s|ers)\b", c.suffix) and not re.search(r"\bthe\s+$", c.prefix) and not re.match(
        r"\s+(levels?|figures?|results?|earnings|sales|season|elections?|period|budget|and|was|is|as|has|have|had|were|when|because|after|before|while|for|to|in|on|at|by|with|the|its|his|her|their|this|that|as)\b",
        c.suffix,
    ):
        return None
    y = int(re.search(YEAR, text)[0])  # type: ignore[index]
    return Norm("DATE", cal.year(y), unit="year")


def _spelled_year(m: re.Match[str], c: Context) -> Norm | None:
    y = spelled_year(m["syear"])
    return Norm("DATE", cal.year(y), unit="year") if y and 1500 <= y <= 2100 else None


def _decade(m: re.Match[str], c: Context) -> Norm | None:
    if m["dec"]:
        digits = m["dec"]
        if len(digits) == 2:  # '80s
            return Norm("DATE", "19" + digits[0], unit="decade")
        return Norm("DATE", digits[:3], unit="decade")
    words = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
             "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip
    return Norm("DATE", f"19{words[m['decw'].lower()]}", unit="decade")


def _century(m: re.Match[str], c: Context) -> Norm | None:
    raw = m["cent"].lower()
    number = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else ORDINALS.get(raw)
    if not number or number < 1:
        return None
    return Norm("DATE", f"{number - 1:02d}", unit="century")


def _season(m: re.Match[str], c: Context) -> Norm | None:
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


def _relative_unit(m: re.Match[str], c: Context) -> Norm | None:
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


def _the_unit(m: re.Match[str], c: Context) -> Norm | None:
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


def _fiscal_year(m: re.Match[str], c: Context) -> Norm | None:
    if m["year"] or m["year2"]:
        return Norm("DATE", m["year"] or m["year2"], unit="year")
    if m["yy"] or m["yy2"]:
        yy = int(m["yy"] or m["yy2"])
        return Norm("DATE", str(1900 + yy if yy >= 50 else 2000 + yy), unit="year")
    rel = (m["rel"] or "this").lower()
    offset = {"this": 0, "current": 0, "the current": 0, "last": -1, "the last": -1,
              "next": 1, "the next": 1, "the": 0, "the previous": -1, "previous": -1}.get(rel, 0)  # fmt: skip
    if rel == "the":
        return Norm("DURATION", "P1Y", unit="year")
    return Norm("DATE", cal.shift(c.dct, "year", offset), unit="year")


def _quarter(m: re.Match[str], c: Context) -> Norm | None:
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


def _half(m: re.Match[str], c: Context) -> Norm | None:
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


def _year_ago_period(m: re.Match[str], c: Context) -> Norm | None:
    if m["pyear2"]:
        y = int(m["pyear2"])
        if c.last_quarter:
            return Norm("DATE", cal.quarter(y, c.last_quarter[1]), unit="derived")
        return Norm("DATE", str(y), unit="year")
    if c.last_quarter:
        y, q = c.last_quarter
        return Norm("DATE", cal.quarter(y - 1, q), unit="derived")
    return Norm("DATE", cal.shift(c.dct, "year", -1), unit="year")


def _weekend(m: re.Match[str], c: Context) -> Norm | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if rel in ("next", "the coming"):
        on_weekend = c.dct is not None and c.dct.isoweekday() >= 6
        return Norm("DATE", cal.weekend(c.dct, "future", 1 if on_weekend else 0), unit="day")
    direction = "past" if rel in ("last", "this past", "the past") else c.direction
    return Norm("DATE", cal.weekend(c.dct, direction), unit="day")


def _year_end(m: re.Match[str], c: Context) -> Norm | None:
    if c.dct is None:
        return Norm("DATE", "XXXX-12-31", unit="day")
    y = c.dct.year - 1 if re.search(r"\bsince\s+$", c.prefix) else c.dct.year
    return Norm("DATE", f"{y}-12-31", unit="day")


def _latest_period(m: re.Match[str], c: Context) -> Norm | None:
    if c.dct is None:
        return Norm("DATE", "XXXX-QX", unit="derived")
    y, q = c.last_quarter or cal.add_quarters(c.dct.year, cal.quarter_of(c.dct), -1)
    return Norm("DATE", cal.quarter(y, q), unit="derived")


def _holiday(m: re.Match[str], c: Context) -> Norm | None:
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


def _clock(m: re.Match[str], c: Context) -> Norm | None:
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


def _ref(m: re.Match[str], c: Context) -> Norm | None:
    word = re.sub(r"\s+", " ", m.group(0).lower())
    if word in ("now",) and re.match(r"\s+that\b", c.suffix):
        return Norm("DATE", "PRESENT_REF")
    if word in ("current",) and not re.match(r"\s+[a-z]", c.suffix):
        return None
    if word in ("future",) and not re.search(r"\b(the|near|distant|foreseeable|immediate)\s+$", c.prefix):
        if not re.match(r"\s+[a-z]", c.suffix):
            return None
    for key, value in REFS.items():
        if re.fullmatch(key, word):
            return Norm("DATE", value)
    return None


REFS = {
    r"now|right now|currently|current|presently|at present|nowadays|these days|today's": "PRESENT_REF",
    r"the moment|the present|this time|the time being": "PRESENT_REF",
    r"recently|recent|lately|the past|previously|formerly|more recently|in the past": "PAST_REF",
    r"recent (?:days|years|decades)|earlier|once|past (?:years|decades|quarters)": "PAST_REF",
    r"the (?:near|short) term|the (?:near |distant |foreseeable |immediate )?future|future (?:years|decades|quarters)|coming (?:years|decades|quarters)|future|soon|shortly|coming (?:days|weeks|months|years)|the coming (?:days|weeks|months|years)": "FUTURE_REF",
}


def _set(m: re.Match[str], c: Context) -> Norm | None:
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


def duration_value(number: object, unit: str) -> str:
    """ "P2Y", "PT3H", "PXD"; halves become the next smaller unit ("P2Y6M")."""
    t, letter, scale = UNITS[unit]
    if number is None:
        return f"P{t}X{letter}" if unit not in ("decade", "century", "millennium") else {
            "decade": "PXDE", "century": "PXCE", "millennium": "PXML"}[unit]  # fmt: skip
    value = Fraction(number) * scale  # type: ignore[arg-type]
    if value.denominator == 1:
        return f"P{t}{int(value)}{letter}"
    whole = int(value)
    smaller = {"Y": ("M", 12), "Q": ("M", 3), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24),
               "H": ("M", 60), "M_T": ("S", 60)}  # fmt: skip
    key = "M_T" if (t == "T" and letter == "M") else letter
    sub, per = smaller[key]
    rest = int((value - whole) * per)
    head = f"{whole}{letter}" if whole else ""
    if letter == "D" and t == "":
        return f"P{head}T{rest}H"
    return f"P{t}{head}{rest}{sub}"


def _duration(m: re.Match[str], c: Context) -> Norm | None:
    unit = UNIT_FORMS[m["unit"].lower()]
    raw = (m["num"] or "").lower().strip()
    plural = m["unit"].lower() != unit and m["unit"].lower() not in ("mins", "secs", "hrs", "yrs")
    if raw in ("a", "an", "one") and unit in ("second", "quarter"):
        return None
    if re.match(r"\s+old\b", c.suffix):
        return None  # an age: "52 years old"
    if raw in ("a", "an") and re.search(r"(?:\d|\bmillion|\bbillion|%)\s+$", c.prefix) and not re.match(
        r"\s+(?:or\s+so\s+)?(?:ago|earlier|before|later|from)\b", c.suffix
    ):
        return None  # a rate: "$500 million a year"; TimeBank leaves it alone
    if raw in ("a", "an") and re.search(r"\b(?:times|twice|once)\s+$", c.prefix):
        t, letter, n = UNITS[unit]
        return Norm("SET", f"P{t}{n}{letter}")  # "twice a year"; TimeBank leaves "$40 a day" alone
    if unit == "quarter" and "-" in m.group(0) and re.match(r"\s+of\b", c.suffix):
        return None  # "three-quarters of the vote"
    if raw == "" and re.match(r"(?:the|past|last|next|first|final|previous|coming|following|latest|remaining|initial|same)\b", m.group(0), re.I) and not plural:
        return None
    vague = raw in ("", "a few", "few", "several", "many", "some", "a number of", "numerous", "the")
    number = None if vague else read_number(raw)
    if not vague and number is None:
        return None
    if raw == "" and not plural:
        return None
    if number is not None and re.search(r"and\s+a\s+half$", m.group(0), re.I) and not raw.endswith("half"):
        number += Fraction(1, 2)
    return Norm("DURATION", duration_value(number, unit), unit=unit)


RULES: list[tuple[str, str, Handler]] = []


def rule(name: str, pattern: str) -> Callable[[Handler], Handler]:
    def add(handler: Handler) -> Handler:
        RULES.append((name, pattern, handler))
        return handler

    return add


_REL_WD = r"(?:(?P<rel>last|next|this coming|this past|this|coming|past|the previous|the following)\s+)?"
RULES += [
    ("weekday", rf"\b{_REL_WD}(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?\b", _weekday),
    ("deictic", r"\b(?P<deictic>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
     r"today|tonight|yesterday|tomorrow|last\s+night|this\s+morning|this\s+afternoon|"
     rf"this\s+evening)(?:\s+(?P<part>{PART}))?\b", _deictic_day),
    ("month-day", rf"\b(?:{WEEKDAY},?\s+)?(?P<mon>{MONTH})\s+(?P<dnum>{DAYNUM})\b(?:,?\s+(?P<year>{YEAR})\b)?", _month_day),
    ("day-month", rf"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<dnum>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<year>{YEAR}))?\b", _month_day),
    ("numeric-date", r"\b(?:(?P<iso>(?:1[89]|20)\d\d-[01]\d-[0-3]\d)|(?P<us>[01]?\d/[0-3]?\d/(?:\d\d|\d{4})))\b", _numeric_date),
    ("month-year", rf"\b(?P<mon>{MONTH}),?\s+(?:of\s+)?(?:(?P<year>{YEAR})\b|(?P<syear>(?:nineteen|twenty|two thousand)(?:[\s-]+[a-z]+){{0,2}}))", _month_year),
    ("month-rel-year", rf"\b(?P<mon>{MONTH})\s+(?P<rel>this|last|next)\s+year\b", _month_rel_year),
    ("month", rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<mon>{MONTH})(?![\w-])", _month),
    ("year", rf"(?<![\w$#.])(?<!\d-)(?:(?:post|pre)-)?(?:(?:calendar|the\s+year)\s+)?{YEAR}\b(?!-\d|'s\b)", _year),
    ("spelled-year", r"\b(?:the\s+year\s+)?(?P<syear>nineteen[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)\b", _spelled_year),
    ("decade", r"\b(?:the\s+)?(?:(?P<dec>1[5-9]\d0|20[0-9]0|'\d0)'?s|(?:nineteen[\s-]+)?(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b", _decade),
    ("century", r"\b(?:the\s+)?(?P<cent>\d{1,2}(?:st|nd|rd|th)|" + alt(ORDINALS) + r")[\s-]+century\b", _century),
    ("season", rf"\b(?:(?P<rel>this|last|next|the\s+coming|the\s+past|past|coming|the|this\s+past)\s+)?(?P<season>{SEASON})\b(?:\s+(?:of\s+)?(?:(?P<year>{YEAR})\b|(?P<syear>nineteen[\s-]+[a-z]+(?:-[a-z]+)?)))?", _season),
    ("relative-unit", rf"\b(?P<rel>this\s+past|the\s+most\s+recent|(?:the\s+)?(?:current|last|past|previous|next|coming|following|same|latest)|this)\s+(?:fiscal\s+|calendar\s+)?(?P<unit>week|month|year|quarter|decade|century)\b", _relative_unit),
    ("the-unit", r"\bthe\s+(?:full\s+|whole\s+|entire\s+)?(?P<unit>year|quarter|week|month)\b(?!-)", _the_unit),
    ("fiscal-year", rf"\b(?:(?P<rel>the\s+current|the\s+previous|the\s+next|the\s+last|the|this|last|next|current)\s+)?fiscal(?:(?:\s+year)(?:\s+(?:(?P<year>{YEAR})|'?(?P<yy>\d\d)))?|\s+(?:(?P<year2>{YEAR})|'(?P<yy2>\d\d)))\b", _fiscal_year),
    ("quarter", rf"\b(?:the\s+)?(?:(?P<pyear>{YEAR}(?:'s)?)\s+|(?P<prel>this|last|next)\s+year's\s+)?(?:fiscal[\s-]+|calendar[\s-]+)?(?:(?P<qord>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+|calendar\s+)?(?:-?\s*)quarter|fiscal\s+q(?P<qnum>[1-4])|q(?P<qnum2>[1-4]))(?:\s+of\s+(?:(?P<oyear>{YEAR})|(?P<orel>this|last|next)\s+year))?\b", _quarter),
    ("half", rf"\b(?:(?P<pyear>{YEAR}(?:'s)?)\s+|(?P<prel>this|last|next)\s+year's\s+)?(?:the\s+)?(?P<hord>first|second|1st|2nd|last)[\s-]+half(?:\s+of\s+(?:(?P<oyear>{YEAR})|(?P<orel>this|last|next)\s+year|the\s+year))?\b", _half),
    ("year-ago-period", rf"\b(?:the\s+(?P<pyear2>{YEAR})\s+(?:period|quarter)|year-(?:earlier|ago)(?!\s+(?:period|quarter))|(?:the\s+)?(?:year-(?:earlier|ago)|comparable|corresponding|same)(?:\s+year-(?:earlier|ago))?\s+(?:period|quarter)(?:\s+(?:last\s+year|a\s+year\s+(?:ago|earlier)))?)\b", _year_ago_period),
    ("weekend", r"\b(?P<rel>this|last|next|the|this\s+past|the\s+coming|the\s+past)\s+weekend\b", _weekend),
    ("year-end", r"\byear[-\s]end\b", _year_end),
    ("latest-period", r"\bthe\s+(?:latest|most\s+recent|current|same)\s+(?:period|three\s+months)\b", _latest_period),
    ("holiday", rf"\b(?P<holiday>christmas(?:\s+(?:day|eve))?|new\s+year's\s+(?:day|eve)|halloween|thanksgiving(?:\s+day)?|independence\s+day|labor\s+day|memorial\s+day|valentine's\s+day|election\s+day)(?:,?\s+(?P<hyear>{YEAR}))?\b", _holiday),
    ("clock", r"(?:\b(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b)|\b(?P<hour2>[01]?\d|2[0-3]):(?P<minute2>[0-5]\d)\b(?!\s*%)|\b(?P<named>noon|midnight|midday)\b)(?:\s+(?:[ECMP][SD]T|GMT|UTC)\b)?", _clock),
    ("ref", r"\b(?:now|currently|current|presently|at\s+present|nowadays|these\s+days|recently|more\s+recently|recent\s+(?:days|years|decades)|recent(?!\s+(?:weeks|months|quarters))|(?:past|future|coming)\s+(?:years|decades|quarters)|lately|the\s+past|the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|(?:the\s+)?coming\s+(?:days|weeks|months|years)|the\s+(?:near|short)\s+term)\b", _ref),
    ("set", rf"\b(?:daily|nightly|weekly|monthly|yearly|hourly|(?:every|each|per)\s+(?:(?P<sother>other)\s+)?(?:(?P<swd>{alt(WEEKDAYS)})|(?P<smon>{MONTH})|(?P<sunit>{UNIT}|morning|afternoon|evening|night))|(?P<swd2>{alt(WEEKDAYS)})s(?:\s+(?P<spart>{PART})s?)?)\b", _set),
    ("duration", rf"\b(?:(?:the\s+)?(?:past|last|next|first|final|previous|coming|following|latest|remaining|initial|same)\s+|the\s+|recent\s+)?(?:(?P<num>{NUMBER}|a\s+few|few|several|many|some|a\s+number\s+of|numerous)(?:\s+(?:to|or)\s+{NUMBER}|-{NUMBER})?[\s-]+)?(?:(?:more|additional|full|straight|consecutive|long|trading|business|working|calendar|school)\s+|-)?(?P<unit>{UNIT})\b(?!-old)(?:\s+and\s+a\s+half)?", _duration),
]


# Words (lower-case, split at non-alphanumerics) one of which a line must hold
# for a rule to be tried on it; DIGIT stands for any token with a digit. This
# only saves time: each rule's pattern needs one of its words.
DIGIT = "<digit>"
_UNIT_WORDS = set(UNIT_FORMS) | {"weekend"}
_MONTH_WORDS = set(MONTHS)
TRIGGERS: dict[str, frozenset[str]] = {
    name: frozenset(words)
    for name, words in {
        "weekday": set(WEEKDAYS),
        "deictic": {"today", "tonight", "yesterday", "tomorrow", "night", "morning", "afternoon", "evening"},
        "month-day": _MONTH_WORDS,
        "day-month": _MONTH_WORDS,
        "numeric-date": {DIGIT},
        "month-year": _MONTH_WORDS,
        "month-rel-year": _MONTH_WORDS,
        "month": _MONTH_WORDS,
        "year": {DIGIT},
        "spelled-year": {"nineteen", "thousand"},
        "decade": {DIGIT, "twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                   "eighties", "nineties"},
        "century": {"century"},
        "season": set(SEASONS),
        "relative-unit": {"week", "month", "year", "quarter", "decade", "century"},
        "the-unit": {"year", "quarter", "week", "month"},
        "fiscal-year": {"fiscal"},
        "quarter": {"quarter", "q1", "q2", "q3", "q4"},
        "half": {"half"},
        "year-ago-period": {"year", "period", "quarter"},
        "weekend": {"weekend"},
        "year-end": {"end"},
        "latest-period": {"period", "months"},
        "holiday": {"christmas", "year", "halloween", "thanksgiving", "independence", "labor",
                    "memorial", "valentine", "election"},
        "clock": {DIGIT, "noon", "midnight", "midday"},
        "ref": {"now", "currently", "current", "presently", "present", "nowadays", "these",
                "recently", "recent", "lately", "past", "future", "coming", "term"},
        "set": {"daily", "nightly", "weekly", "monthly", "yearly", "hourly", "every", "each", "per"}
        | {f"{d}s" for d in WEEKDAYS},
        "duration": _UNIT_WORDS,
    }.items()
}  # fmt: skip
