"""Calendar arithmetic that writes TIMEX3 values at the precision the text gave.

Every function takes the anchor (the publication date) as ``date | None``; with
no anchor the value is TimeML's underspecified form ("XXXX-WXX-5", "XXXX-XX"),
never a guess.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

Direction = Literal["past", "future"] | None


def day(d: date | None) -> str:
    return d.isoformat() if d else "XXXX-XX-XX"


def month(year: int | None, number: int | None) -> str:
    y = f"{year:04d}" if year is not None else "XXXX"
    return f"{y}-{number:02d}" if number is not None else f"{y}-XX"


def week(d: date | None) -> str:
    if d is None:
        return "XXXX-WXX"
    year, number, _ = d.isocalendar()
    return f"{year:04d}-W{number:02d}"


def quarter(year: int | None, number: int) -> str:
    return f"{year:04d}-Q{number}" if year is not None else f"XXXX-Q{number}"


def year(y: int | None) -> str:
    return f"{y:04d}" if y is not None else "XXXX"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    index = y * 12 + (m - 1) + n
    return index // 12, index % 12 + 1


def add_quarters(y: int, q: int, n: int) -> tuple[int, int]:
    index = y * 4 + (q - 1) + n
    return index // 4, index % 4 + 1


def weekday_date(anchor: date, weekday: int, direction: Direction) -> date:
    """The weekday (1 = Monday) nearest the anchor in ``direction``.

    News reports the latest such day on or before publication unless the text
    says the future ("will", "next"); then it is the next one on or after it.
    """
    delta = (anchor.isoweekday() - weekday) % 7
    if direction == "future":
        return anchor + timedelta(days=(weekday - anchor.isoweekday()) % 7)
    return anchor - timedelta(days=delta)


def weekday_value(anchor: date | None, weekday: int, direction: Direction) -> str:
    if anchor is None:
        return f"XXXX-WXX-{weekday}"
    return day(weekday_date(anchor, weekday, direction))


def month_year(anchor: date, number: int, direction: Direction) -> int:
    """The year of a month named without one: as the tense says, else the nearest."""
    if direction == "past":
        return anchor.year if number <= anchor.month else anchor.year - 1
    if direction == "future":
        return anchor.year if number >= anchor.month else anchor.year + 1
    # News looks back further than ahead: up to 9 months back, 2 ahead.
    if number - anchor.month > 2:
        return anchor.year - 1
    if anchor.month - number > 9:
        return anchor.year + 1
    return anchor.year


def day_year(anchor: date, m: int, d: int, direction: Direction) -> int:
    """The year of "Oct. 23" written without one, as ``month_year`` decides it."""
    if direction is None and m == anchor.month:
        return anchor.year
    return month_year(anchor, m, direction)


def _fits(d: date, anchor: date, direction: Direction) -> bool:
    if direction == "past":
        return d <= anchor + timedelta(days=1)
    return d >= anchor - timedelta(days=1)


def shift(anchor: date | None, unit: str, n: int) -> str:
    """The anchor moved ``n`` units ("day", "week", ...), written at that unit's precision."""
    if anchor is None:
        return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(
            unit, "XXXX-QX" if unit == "quarter" else "XXXX"
        )
    if unit == "day":
        return day(anchor + timedelta(days=n))
    if unit == "week":
        return week(anchor + timedelta(weeks=n))
    if unit == "month":
        return month(*add_months(anchor.year, anchor.month, n))
    if unit == "quarter":
        return quarter(*add_quarters(anchor.year, quarter_of(anchor), n))
    if unit == "decade":
        return f"{(anchor.year // 10 + n):03d}"
    if unit == "century":
        return f"{(anchor.year // 100 + n):02d}"
    return year(anchor.year + n)


def weekend(anchor: date | None, direction: Direction, n: int = 0) -> str:
    """The weekend nearest the anchor: the last one, or the coming one for the future."""
    if anchor is None:
        return "XXXX-WXX-WE"
    saturday = weekday_date(anchor, 6, direction)
    if direction is None and anchor.isoweekday() == 7:
        saturday = anchor - timedelta(days=1)
    return week(saturday + timedelta(weeks=n)) + "-WE"
