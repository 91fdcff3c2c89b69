"""Numbers as written in news, to values: '2,300', '2.4 million', 'forty-one', 'two hundred'."""

from __future__ import annotations

import re

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "dozen": 12,
}
_WORDS = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER_PATTERN = re.compile(
    rf"(?<![\w.])(?:(?:{_DIGITS})(?:\s+(?:hundred|thousand|million|billion|trillion))?"
    rf"|(?:{_WORDS})(?:[\s-]+(?:and\s+)?(?:{_WORDS}))*)(?![\w])",
    re.IGNORECASE,
)


def parse_number(text: str) -> float | None:
    """The value of one written number, or None when it is not one."""
    text = text.strip().lower().replace("\u2013", "-")
    digits = re.fullmatch(rf"({_DIGITS})(?:\s+(hundred|thousand|million|billion|trillion))?", text)
    if digits:
        value = float(digits.group(1).replace(",", ""))
        return value * SCALES[digits.group(2)] if digits.group(2) else value
    words = [w for w in re.split(r"[\s-]+", text) if w and w != "and"]
    if not words or not all(w in UNITS or w in TENS or w in SCALES for w in words):
        return None
    total, current = 0.0, 0.0
    for word in words:
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * SCALES[word]
            current = 0.0
    return total + current
