"""The temporal-expression rules: one pattern per family and the normalizer that values it.

Patterns are matched case-insensitively on raw text; where two matches overlap
the longer wins (``timex.py``), so a family may claim the words around a core
("the third quarter of 2023"). TRIGGERS says which words a line must hold for
a pattern to be tried at all, which only saves time.
"""

from __future__ import annotations

from storyline.analyze.timex_amounts import norm_clock, norm_duration, norm_ref, norm_set
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
    WEEKDAY,
    WEEKDAYS,
    alt,
)
from storyline.analyze.timex_rules import (
    DAYNUM,
    YEAR,
    Handler,
    norm_century,
    norm_decade,
    norm_deictic_day,
    norm_fiscal_year,
    norm_half,
    norm_holiday,
    norm_latest_period,
    norm_month,
    norm_month_day,
    norm_month_rel_year,
    norm_month_year,
    norm_numeric_date,
    norm_quarter,
    norm_relative_unit,
    norm_season,
    norm_spelled_year,
    norm_the_unit,
    norm_weekday,
    norm_weekend,
    norm_year,
    norm_year_ago_period,
    norm_year_end,
)

PART = alt(DAY_PARTS)

_REL_WD = r"(?:(?P<rel>last|next|this coming|this past|this|coming|past|the previous|the following)\s+)?"
RULES: list[tuple[str, str, Handler]] = [
    ("weekday", rf"\b{_REL_WD}(?P<wd>{WEEKDAY})(?:\s+(?P<part>{PART}))?\b", norm_weekday),
    (
        "deictic",
        r"\b(?P<deictic>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
        r"today|tonight|yesterday|tomorrow|last\s+night|this\s+morning|this\s+afternoon|"
        rf"this\s+evening)(?:\s+(?P<part>{PART}))?\b",
        norm_deictic_day,
    ),
    (
        "month-day",
        rf"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s+(?P<dnum>{DAYNUM})\b"
        rf"(?:,?\s+(?P<year>{YEAR})\b)?",
        norm_month_day,
    ),
    (
        "day-month",
        rf"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<dnum>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MONTH})"
        rf"(?:,?\s+(?P<year>{YEAR}))?\b",
        norm_month_day,
    ),
    (
        "numeric-date",
        r"\b(?:(?P<iso>(?:1[89]|20)\d\d-[01]\d-[0-3]\d)|(?P<us>[01]?\d/[0-3]?\d/(?:\d\d|\d{4})))\b",
        norm_numeric_date,
    ),
    (
        "month-year",
        rf"\b(?P<mon>{MONTH}),?\s+(?:of\s+)?(?:(?P<year>{YEAR})\b"
        r"|(?P<syear>(?:nineteen|twenty|two thousand)(?:[\s-]+[a-z]+){0,2}))",
        norm_month_year,
    ),
    (
        "month-rel-year",
        rf"\b(?P<mon>{MONTH})\s+(?P<rel>this|last|next)\s+year\b",
        norm_month_rel_year,
    ),
    ("month", rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<mon>{MONTH})(?![\w-])", norm_month),
    (
        "year",
        rf"(?<![\w$#.])(?<!\d-)(?:(?:post|pre)-)?(?:(?:calendar|the\s+year)\s+)?{YEAR}\b(?!-\d|'s\b)",
        norm_year,
    ),
    (
        "spelled-year",
        r"\b(?:the\s+year\s+)?(?P<syear>nineteen[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)\b",
        norm_spelled_year,
    ),
    (
        "decade",
        r"\b(?:the\s+)?(?:(?P<dec>1[5-9]\d0|20[0-9]0|'\d0)'?s|(?:nineteen[\s-]+)?(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
        norm_decade,
    ),
    (
        "century",
        r"\b(?:the\s+)?(?P<cent>\d{1,2}(?:st|nd|rd|th)|" + alt(ORDINALS) + r")[\s-]+century\b",
        norm_century,
    ),
    (
        "season",
        rf"\b(?:(?P<rel>this|last|next|the\s+coming|the\s+past|past|coming|the|this\s+past)\s+)?(?P<season>{SEASON})\b(?:\s+(?:of\s+)?(?:(?P<year>{YEAR})\b|(?P<syear>nineteen[\s-]+[a-z]+(?:-[a-z]+)?)))?",
        norm_season,
    ),
    (
        "relative-unit",
        r"\b(?P<rel>this\s+past|the\s+most\s+recent|(?:the\s+)?(?:current|last|past|previous|next|coming|following|same|latest)|this)\s+(?:fiscal\s+|calendar\s+)?(?P<unit>week|month|year|quarter|decade|century)\b",
        norm_relative_unit,
    ),
    (
        "the-unit",
        r"\bthe\s+(?:full\s+|whole\s+|entire\s+)?(?P<unit>year|quarter|week|month)\b(?!-)",
        norm_the_unit,
    ),
    (
        "fiscal-year",
        rf"\b(?:(?P<rel>the\s+current|the\s+previous|the\s+next|the\s+last|the|this|last|next|current)\s+)?fiscal(?:(?:\s+year)(?:\s+(?:(?P<year>{YEAR})|'?(?P<yy>\d\d)))?|\s+(?:(?P<year2>{YEAR})|'(?P<yy2>\d\d)))\b",
        norm_fiscal_year,
    ),
    (
        "quarter",
        rf"\b(?:the\s+)?(?:(?P<pyear>{YEAR}(?:'s)?)\s+|(?P<prel>this|last|next)\s+year's\s+)?(?:fiscal[\s-]+|calendar[\s-]+)?(?:(?P<qord>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+|calendar\s+)?(?:-?\s*)quarter|fiscal\s+q(?P<qnum>[1-4])|q(?P<qnum2>[1-4]))(?:\s+of\s+(?:(?P<oyear>{YEAR})|(?P<orel>this|last|next)\s+year))?\b",
        norm_quarter,
    ),
    (
        "half",
        rf"\b(?:(?P<pyear>{YEAR}(?:'s)?)\s+|(?P<prel>this|last|next)\s+year's\s+)?(?:the\s+)?(?P<hord>first|second|1st|2nd|last)[\s-]+half(?:\s+of\s+(?:(?P<oyear>{YEAR})|(?P<orel>this|last|next)\s+year|the\s+year))?\b",
        norm_half,
    ),
    (
        "year-ago-period",
        rf"\b(?:the\s+(?P<pyear2>{YEAR})\s+(?:period|quarter)|year-(?:earlier|ago)(?!\s+(?:period|quarter))|(?:the\s+)?(?:year-(?:earlier|ago)|comparable|corresponding|same)(?:\s+year-(?:earlier|ago))?\s+(?:period|quarter)(?:\s+(?:last\s+year|a\s+year\s+(?:ago|earlier)))?)\b",
        norm_year_ago_period,
    ),
    (
        "weekend",
        r"\b(?P<rel>this|last|next|the|this\s+past|the\s+coming|the\s+past)\s+weekend\b",
        norm_weekend,
    ),
    ("year-end", r"\byear[-\s]end\b", norm_year_end),
    (
        "latest-period",
        r"\bthe\s+(?:latest|most\s+recent|current|same)\s+(?:period|three\s+months)\b",
        norm_latest_period,
    ),
    (
        "holiday",
        rf"\b(?P<holiday>christmas(?:\s+(?:day|eve))?|new\s+year's\s+(?:day|eve)|halloween|thanksgiving(?:\s+day)?|independence\s+day|labor\s+day|memorial\s+day|valentine's\s+day|election\s+day)(?:,?\s+(?P<hyear>{YEAR}))?\b",
        norm_holiday,
    ),
    (
        "clock",
        r"(?:\b(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b)|\b(?P<hour2>[01]?\d|2[0-3]):(?P<minute2>[0-5]\d)\b(?!\s*%)|\b(?P<named>noon|midnight|midday)\b)(?:\s+(?:[ECMP][SD]T|GMT|UTC)\b)?",
        norm_clock,
    ),
    (
        "ref",
        r"\b(?:now|currently|current|presently|at\s+present|nowadays|these\s+days|recently|more\s+recently|recent\s+(?:days|years|decades)|recent(?!\s+(?:weeks|months|quarters))|(?:past|future|coming)\s+(?:years|decades|quarters)|lately|the\s+past|the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|(?:the\s+)?coming\s+(?:days|weeks|months|years)|the\s+(?:near|short)\s+term)\b",
        norm_ref,
    ),
    (
        "set",
        rf"\b(?:daily|nightly|weekly|monthly|yearly|hourly|(?:every|each|per)\s+(?:(?P<sother>other)\s+)?(?:(?P<swd>{alt(WEEKDAYS)})|(?P<smon>{MONTH})|(?P<sunit>{UNIT}|morning|afternoon|evening|night))|(?P<swd2>{alt(WEEKDAYS)})s(?:\s+(?P<spart>{PART})s?)?)\b",
        norm_set,
    ),
    (
        "duration",
        rf"\b(?:(?:the\s+)?(?:past|last|next|first|final|previous|coming|following|latest|remaining|initial|same)\s+|the\s+|recent\s+)?(?:(?P<num>{NUMBER}|a\s+few|few|several|many|some|a\s+number\s+of|numerous)(?:\s+(?:to|or)\s+{NUMBER}|-{NUMBER})?[\s-]+)?(?:(?:more|additional|full|straight|consecutive|long|trading|business|working|calendar|school)\s+|-)?(?P<unit>{UNIT})\b(?!-old)(?:\s+and\s+a\s+half)?",
        norm_duration,
    ),
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
        "deictic": {"today", "tonight", "yesterday", "tomorrow", "night", "morning", "afternoon",
                    "evening"},
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
