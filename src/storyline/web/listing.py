"""The story list: one summary per story, searched and filtered.

Built from ``Store.stories()`` (newest activity first, as the store returns
them). Search is a case-insensitive match of every word of the query against a
story's title, claims, speakers and entities; filters keep stories with an
article from an outlet, mentioning an entity, or with articles in a date range.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from storyline.records import Story
from storyline.render.html import outlet_label

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Summary:
    id: str
    title: str
    articles: int
    claims: int
    conflicts: int
    first: str | None  # earliest publication date of its articles
    last: str | None  # latest: "newest activity"
    outlets: tuple[str, ...]
    entities: tuple[str, ...]
    # lower-cased text searched by ``q``
    haystack: str = ""

    def data(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "articles": self.articles,
            "claims": self.claims,
            "conflicts": self.conflicts,
            "first": self.first,
            "last": self.last,
            "outlets": list(self.outlets),
            "entities": list(self.entities),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Query:
    q: str = ""
    since: str = ""  # ISO date prefix, inclusive
    until: str = ""
    outlet: str = ""
    entity: str = ""

    def active(self) -> bool:
        return any((self.q, self.since, self.until, self.outlet, self.entity))


def summarize(story: Story) -> Summary:
    dates = sorted(a.published for a in story.articles if a.published)
    entities = tuple(e.name for e in story.entities)
    parts = [story.title, *entities, *(a for e in story.entities for a in e.aliases)]
    for claim in story.claims:
        parts.append(claim.text)
        parts.extend(s.name for s in (claim.speaker, *claim.chain) if s)
    parts.extend(a.title or "" for a in story.articles)
    return Summary(
        id=story.id,
        title=story.title,
        articles=len(story.articles),
        claims=len(story.claims),
        conflicts=len(story.conflicts),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
        outlets=tuple(dict.fromkeys(outlet_label(a) for a in story.articles)),
        entities=entities,
        haystack=" ".join(parts).lower(),
    )


def search(summaries: Iterable[Summary], query: Query) -> list[Summary]:
    """The summaries matching every part of the query, in the order given."""
    words = [w.lower() for w in _WORD.findall(query.q)]
    outlet, entity = query.outlet.strip().lower(), query.entity.strip().lower()
    found = []
    for s in summaries:
        if words and not all(w in s.haystack for w in words):
            continue
        if outlet and outlet not in (o.lower() for o in s.outlets):
            continue
        if entity and not any(entity in e.lower() for e in s.entities):
            continue
        if not _in_range(s, query.since, query.until):
            continue
        found.append(s)
    return found


def _in_range(s: Summary, since: str, until: str) -> bool:
    """Overlap of the story's dates with [since, until]; a date compares by its own precision."""
    if not since and not until:
        return True
    if s.first is None or s.last is None:
        return False
    if since and s.last[: len(since)] < since[: len(s.last)]:
        return False
    return not (until and s.first[: len(until)] > until[: len(s.first)])


def facets(summaries: Sequence[Summary], *, limit: int = 300) -> tuple[list[str], list[str]]:
    """Outlets and entities to offer as filters, most frequent first."""
    outlets: dict[str, int] = {}
    entities: dict[str, int] = {}
    for s in summaries:
        for o in s.outlets:
            outlets[o] = outlets.get(o, 0) + 1
        for e in s.entities:
            entities[e] = entities.get(e, 0) + 1

    def top(counts: dict[str, int]) -> list[str]:
        return sorted(counts, key=lambda k: (-counts[k], k.lower()))[:limit]

    return top(outlets), top(entities)
