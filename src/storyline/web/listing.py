"""The story list: the store's search and filters, as the page and the API ask for them."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.store.base import Store, StorySummary


@dataclass(frozen=True, slots=True, kw_only=True)
class Query:
    q: str = ""
    since: str = ""  # ISO date at any precision, inclusive
    until: str = ""
    outlet: str = ""
    entity: str = ""  # a name or an alias, whole

    def active(self) -> bool:
        return any((self.q, self.since, self.until, self.outlet, self.entity))

    def params(self, **changes: object) -> dict[str, object]:
        """The query string of this search, e.g. for the next page's link."""
        values = {
            "q": self.q,
            "since": self.since,
            "until": self.until,
            "outlet": self.outlet,
            "entity": self.entity,
            **changes,
        }
        return {k: v for k, v in values.items() if v not in ("", None, 0)}


def find(store: Store, query: Query, *, limit: int, offset: int = 0) -> tuple[list[StorySummary], bool]:
    """One page of matching stories, newest activity first, and whether more follow."""
    found = store.search(
        query.q,
        since=query.since or None,
        until=query.until or None,
        outlet=query.outlet or None,
        entity=query.entity or None,
        limit=limit + 1,
        offset=offset,
    )
    return found[:limit], len(found) > limit


def summary_data(s: StorySummary) -> dict[str, object]:
    return {
        "id": s.id,
        "title": s.title,
        "articles": s.n_articles,
        "claims": s.n_claims,
        "conflicts": s.n_conflicts,
        "first_published": s.first_published,
        "last_published": s.last_published,
        "outlets": list(s.outlets),
        "updated_at": s.updated_at,
    }


def outlet_choices(store: Store, *, limit: int = 300) -> list[str]:
    """Outlets to offer in the filter: those of the most recently active stories."""
    counts: dict[str, int] = {}
    for s in store.summaries(limit=1000):
        for o in s.outlets:
            counts[o] = counts.get(o, 0) + 1
    return sorted(counts, key=lambda o: (-counts[o], o.casefold()))[:limit]
