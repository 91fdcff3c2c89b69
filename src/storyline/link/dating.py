"""Publication dates for undated articles, from dated articles that report the same events.

An undated article that says "on Friday" about an event a dated article puts on
2024-10-18 was published on a day from which "Friday" means 2024-10-18: one of
2024-10-18 .. 2024-10-24. Each shared event gives such a set of candidate days
(any relative expression works: "yesterday", "last week", "on Monday");
intersecting them narrows the date. News is written in inverted pyramid: the
first weekday an article names (its lede) is its newest event, which gives a
lower bound. The earliest day that satisfies everything is the inference; no
evidence, or evidence that clashes, gives None.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.analyze.timex import reanchor
from storyline.records import ArticleAnalysis, Span, Timex

# How far from a dated article's publication an undated one may have appeared.
WINDOW_DAYS = 14


@dataclass(frozen=True, slots=True, kw_only=True)
class SharedEvent:
    """A sentence of the undated article reporting the same event as a sentence of a dated one."""

    own_sentence: Span
    other: ArticleAnalysis
    other_sentence: Span


@dataclass(frozen=True, slots=True, kw_only=True)
class Inference:
    date: str  # ISO day
    evidence: str  # which expressions in which articles gave it, in words


def infer_published(undated: ArticleAnalysis, shared: Sequence[SharedEvent]) -> Inference | None:
    """The publication date the shared events imply, or None if nothing (consistent) does."""
    candidates: set[date] | None = None
    reasons: list[str] = []
    for event in shared:
        found = _event_days(undated, event)
        if found is None:
            continue
        days, reason = found
        candidates = days if candidates is None else candidates & days
        reasons.append(reason)
        if not candidates:
            return None  # the events disagree about when this article appeared
    if not candidates:
        return None
    ordered = sorted(candidates)
    lede = _lede_bound(undated, ordered)
    if lede is not None:
        ordered, why = lede
        reasons.append(why)
    best = ordered[0]
    span = f"{ordered[0]} .. {ordered[-1]}" if len(ordered) > 1 else str(ordered[0])
    reasons.append(f"possible days {span}; the earliest, {best}, is taken")
    return Inference(date=best.isoformat(), evidence="; ".join(reasons))


def _event_days(undated: ArticleAnalysis, event: SharedEvent) -> tuple[set[date], str] | None:
    """Days from which the undated sentence's dates equal the dated sentence's."""
    published = _day(event.other.article.published)
    if published is None:
        return None
    own = _inside(undated.timexes, event.own_sentence)
    theirs = [t for t in _inside(event.other.timexes, event.other_sentence) if t.value[:1].isdigit()]
    if not own or not theirs:
        return None
    window = [published + timedelta(days=n) for n in range(-WINDOW_DAYS, WINDOW_DAYS + 1)]
    text = undated.article.text
    table = {day: _values_at(text, event.own_sentence, own, day) for day in window}
    best: tuple[set[date], str] | None = None
    for index, mine in enumerate(own):
        for their in theirs:
            days = {
                day for day, values in table.items() if values[index] and _same(values[index], their.value)
            }
            if not days or len(days) == len(window):
                continue  # never equal, or equal whatever the date: no evidence
            if best is None or len(days) < len(best[0]):
                other_text = event.other.article.text
                reason = (
                    f"{_quote(text, mine)} here and {_quote(other_text, their)} ({their.value}) in "
                    f"{event.other.article.id} (published {published}) report the same event: "
                    f"published {min(days)} .. {max(days)}"
                )
                best = (days, reason)
    return best


def _lede_bound(undated: ArticleAnalysis, ordered: list[date]) -> tuple[list[date], str] | None:
    """Keep the days on which the article's first weekday is its newest one (inverted pyramid).

    Only days already past count: a weekday the text puts after publication
    ("will meet on Thursday") is no reported event.
    """
    text = undated.article.text
    weekdays = [t for t in undated.timexes if t.type in ("DATE", "TIME") and _is_weekday(text, t)]
    if len(weekdays) < 2:
        return None
    whole = (0, len(text))
    kept = []
    for day in ordered:
        values = _values_at(text, whole, weekdays, day)
        past = [v[:10] for v in values if v and v[:10] <= day.isoformat()]
        if len(past) >= 2 and past[0] >= max(past[1:]):
            kept.append(day)
    if not kept or len(kept) == len(ordered):
        return None
    why = f"its lede {_quote(text, weekdays[0])} is its newest event: {kept[0]} at the earliest"
    return kept, why


def _is_weekday(text: str, timex: Timex) -> bool:
    words = text[timex.span[0] : timex.span[1]].lower()
    return any(
        d in words for d in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )


def _values_at(text: str, sentence: Span, timexes: Sequence[Timex], day: date) -> list[str | None]:
    """The timexes' values had the article appeared on ``day`` (read within ``sentence``)."""
    start, end = sentence
    local = tuple(
        Timex(span=(t.span[0] - start, t.span[1] - start), type=t.type, value=t.value) for t in timexes
    )
    again = reanchor(text[start:end], local, day.isoformat())
    return [t.value if t.value[:1].isdigit() else None for t in again]


def _same(mine: str | None, theirs: str) -> bool:
    """Equal at the coarser of the two precisions ("2024-W42" against "2024-10-18")."""
    if mine is None:
        return False
    if "W" in mine and "W" not in theirs and len(theirs) == 10:
        iso = date.fromisoformat(theirs).isocalendar()
        theirs = f"{iso[0]:04d}-W{iso[1]:02d}"
    elif len(mine) < len(theirs) and theirs[:1].isdigit() and "W" not in theirs:
        theirs = theirs[: len(mine)]
    return mine[:10] == theirs[:10] if len(mine) >= 10 else mine == theirs


def _inside(timexes: Sequence[Timex], sentence: Span) -> list[Timex]:
    return [t for t in timexes if sentence[0] <= t.span[0] and t.span[1] <= sentence[1]]


def _quote(text: str, timex: Timex) -> str:
    return repr(text[timex.span[0] : timex.span[1]])


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
