"""Words and regular-expression pieces for temporal expressions.

Pure tables and number reading; the rules that use them are in
``timex_rules.py``. Everything is lower-case and matched case-insensitively
except where a rule says otherwise (the modal "may" is not the month May).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from fractions import Fraction

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
    "saturday": 6, "sunday": 7,
}  # fmt: skip
SEASONS = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip
DAY_PARTS = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "midday": "MI", "noon": "MI",
}  # fmt: skip
# TimeML unit letters; a quarter is three months, a decade ten years.
UNITS = {
    "second": ("T", "S", 1), "minute": ("T", "M", 1), "hour": ("T", "H", 1),
    "day": ("", "D", 1), "night": ("", "D", 1), "week": ("", "W", 1),
    "fortnight": ("", "W", 2), "month": ("", "M", 1), "quarter": ("", "Q", 1),
    "year": ("", "Y", 1), "decade": ("", "Y", 10), "century": ("", "Y", 100),
    "millennium": ("", "Y", 1000),
}  # fmt: skip
UNIT_FORMS = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day",
    "nights": "night", "weeks": "week", "fortnights": "fortnight", "months": "month",
    "quarters": "quarter", "years": "year", "decades": "decade",
    "centuries": "century", "millennia": "millennium",
    **{u: u for u in UNITS},
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "last": -1, "final": -1,
}  # fmt: skip
SMALL: dict[str, int | Fraction] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1,
    "a single": 1, "a couple of": 2, "a couple": 2, "a pair of": 2, "a dozen": 12,
    "couple of": 2, "dozen": 12,
    "half a": Fraction(1, 2), "half an": Fraction(1, 2),
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# Quantities too vague for a number: TimeML writes the digit as X ("PXY").
VAGUE = ("a few", "few", "several", "many", "some", "a number of", "numerous", "the", "")

# Modifiers before a quantity of time, with their TimeML mod.
MODS = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "approximately": "APPROX", "nearly": "APPROX", "almost": "LESS_THAN",
    "more than": "MORE_THAN", "longer than": "MORE_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN",
    "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "just over": "MORE_THAN", "just under": "LESS_THAN",
    "well over": "MORE_THAN",
}  # fmt: skip
PART_MODS = {
    "early": "START", "earlier": "START", "the start of": "START", "the beginning of": "START",
    "the middle of": "MID", "mid": "MID", "mid-": "MID", "the end of": "END", "late": "END",
    "later": "END", "the close of": "END", "the first half of": "START",
    "the second half of": "END",
}  # fmt: skip


def alt(words: Iterable[object]) -> str:
    """A regex alternation of ``words``, longest first so the longest wins."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


_WORDS = alt([w for w in SMALL if not w.startswith("a")] + list(TENS) + ["hundred", "thousand"])
_A_WORDS = alt([w for w in SMALL if w.startswith("a") or w.startswith("half")])
# "twenty four", "twenty-four", "one hundred", "2 1/2", "1,500", "a couple of"; "a"
# only alone, so that "a five-year plan" reads five.
NUMBER = (
    r"(?:\d+(?:[.,]\d+)*(?:\s+\d/\d)?|\d/\d"
    rf"|(?:{_A_WORDS}\s+)?(?:hundred|thousand)|(?:{_A_WORDS}(?![\s-]+{_WORDS}\b))"
    rf"|{_WORDS}(?:(?:\s+|-)(?:and\s+)?{_WORDS})*(?:\s+and\s+a\s+half)?)"
)
UNIT = alt(UNIT_FORMS)
MONTH = (
    r"(?:"
    + alt([m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")])
    + "|"
    + alt([m for m in MONTHS if len(m) <= 4 and m not in ("may", "june", "july")])
    + r"\.?)"
)
WEEKDAY = alt(WEEKDAYS)
SEASON = alt(SEASONS)


def read_number(words: str) -> Fraction | None:
    """The value of a written number: "twenty four" -> 24, "2 1/2" -> 5/2."""
    text = re.sub(r"\s+", " ", words.lower().strip()).replace("-", " ")
    if not text:
        return None
    if re.fullmatch(r"\d+(?:,\d{3})*(?:\.\d+)?", text):
        return Fraction(text.replace(",", ""))
    if m := re.fullmatch(r"(\d+) (\d)/(\d)", text):
        return int(m[1]) + Fraction(int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d)/(\d)", text):
        return Fraction(int(m[1]), int(m[2]))
    return _read_words(text)


def _read_words(text: str) -> Fraction | None:
    half = text.endswith(" and a half")
    text = text.removesuffix(" and a half")
    if text in SMALL:
        base = Fraction(SMALL[text])
        return base + Fraction(1, 2) if half else base
    total, current = 0, 0
    for word in text.replace(" and ", " ").split():
        if word in ("a", "an") and current == 0:
            current = 1
        elif word in SMALL:
            current += int(SMALL[word])
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total, current = total + max(current, 1) * 1000, 0
        else:
            return None
    value = Fraction(total + current)
    return value + Fraction(1, 2) if half else value


def spelled_year(words: str) -> int | None:
    """ "nineteen ninety-seven" -> 1997, "two thousand" -> 2000, "the year two thousand one"."""
    text = words.lower().replace("-", " ").split()
    if len(text) >= 2 and text[0] in SMALL and 10 <= int(SMALL[text[0]]) <= 20:
        rest = _read_words(" ".join(text[1:]))
        if rest is not None and rest < 100 and " ".join(text[1:]) not in ("hundred",):
            return int(SMALL[text[0]]) * 100 + int(rest)
    value = _read_words(" ".join(text))
    if value is not None and 1000 <= value <= 2100 and value.denominator == 1:
        return int(value)
    return None
