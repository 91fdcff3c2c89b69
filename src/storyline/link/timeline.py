"""The story's timeline: claims grouped by the date they are about, oldest first.

A date keeps the precision the text gave ("2024-09" stays a month), so the
timeline never shows more precision than the articles had.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.records import Claim, TimelineEntry

SUMMARY_CLAIMS = 2
SUMMARY_CHARS = 140


def build_timeline(claims: Sequence[Claim]) -> tuple[TimelineEntry, ...]:
    by_date: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.when is not None and claim.kind != "quantity":
            by_date.setdefault(claim.when.value, []).append(claim)
    for claim in claims:  # a date only a quantity claim carries still belongs on the line
        if claim.when is not None and claim.when.value not in by_date:
            by_date.setdefault(claim.when.value, []).append(claim)
    return tuple(
        TimelineEntry(date=date, claims=tuple(c.id for c in group), summary=_summary(group))
        for date, group in sorted(by_date.items(), key=lambda kv: _sort_key(kv[0]))
    )


def _sort_key(date: str) -> tuple[str, int]:
    # "2024" sorts before "2024-01"; a coarser date comes first among equals
    return (date, len(date))


def _summary(group: Sequence[Claim]) -> str:
    ranked = sorted(group, key=lambda c: (-len(c.evidence), c.speaker is None))
    parts = [_clip(c.text) for c in ranked[:SUMMARY_CLAIMS]]
    more = len(group) - len(parts)
    return "; ".join(parts) + (f" (+{more} more)" if more > 0 else "")


def _clip(text: str) -> str:
    if len(text) <= SUMMARY_CHARS:
        return text
    return text[: SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"
