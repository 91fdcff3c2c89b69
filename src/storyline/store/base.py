"""The one Store interface every backend implements (SQLite, PostgreSQL).

Only ``store/`` holds SQL. Records go in and come out whole (``codec``);
writing the same article twice is a no-op, so re-runs add no duplicates.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from storyline.records import ArticleAnalysis, Problem, Story

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class StorySummary:
    """One line of the story list: what a search or listing returns, without the briefing."""

    id: str
    title: str
    n_articles: int
    n_claims: int
    n_conflicts: int
    first_published: str | None  # earliest article publication date, ISO at its precision
    last_published: str | None
    outlets: tuple[str, ...]  # distinct outlet names, sorted
    updated_at: str  # UTC ISO 8601 time the store last saw the story change


@runtime_checkable
class Store(Protocol):
    url: str

    def put_analysis(self, analysis: ArticleAnalysis) -> bool:
        """Store one analysed article; False when its id was already stored."""
        ...

    def put_analyses(self, analyses: Iterable[ArticleAnalysis]) -> int:
        """Store a batch in one transaction (all or nothing); how many were new."""
        ...

    def replace_analysis(self, analysis: ArticleAnalysis) -> None:
        """Store an article's analysis, overwriting what its id held (a re-analysis)."""
        ...

    def get_analysis(self, article_id: str) -> ArticleAnalysis | None: ...

    def has_article(self, article_id: str) -> bool: ...

    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored: one query per thousand, for resuming big runs."""
        ...

    def article_with_hash(self, content_hash: str) -> str | None:
        """The id of a stored article whose text has this ``content_hash``, if any."""
        ...

    def analyses(self, ids: Iterable[str] | None = None) -> Iterator[ArticleAnalysis]:
        """Stored analyses: those of ``ids`` in that order (missing ones skipped), else all
        in the order they were stored. Streams in chunks; holds no transaction between them."""
        ...

    def put_story(self, story: Story) -> None:
        """Store (or replace) a story's briefing and its article membership."""
        ...

    def put_stories(self, stories: Iterable[Story]) -> None:
        """``put_story`` for many, in one transaction."""
        ...

    def delete_story(self, story_id: str) -> bool:
        """Forget a story (when re-linking merged it away); False when it was not stored."""
        ...

    def get_story(self, story_id: str) -> Story | None: ...

    def stories(self) -> list[Story]:
        """Every stored story, newest activity first."""
        ...

    def story_of(self, article_id: str) -> str | None: ...

    def story_ids(self) -> set[str]:
        """Every stored story id: what a full re-link compares its new stories with."""
        ...

    def summaries(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        entity: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StorySummary]:
        """Stories newest activity first (latest article, then latest change), filtered:
        ``since``/``until`` are ISO dates ("2024", "2024-10", "2024-10-18") the story's
        articles must overlap; ``outlet`` and ``entity`` (a name or alias) match whole,
        ignoring case."""
        ...

    def search(
        self,
        query: str,
        *,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        entity: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StorySummary]:
        """``summaries`` of the stories whose titles, claims, speakers or entities hold
        every word of ``query`` (each word also as a prefix: "pesk" finds "Peskov"), case
        and accents ignored. Any text is accepted: operators and quotes are plain
        characters. A blank query lists like ``summaries``; one with no word finds nothing."""
        ...

    def put_problem(self, problem: Problem) -> None:
        """Record a problem once: the same problem recorded again is not repeated."""
        ...

    def problems(self) -> list[Problem]: ...

    def counts(self) -> dict[str, int]:
        """How many articles, stories and problems the store holds."""
        ...

    def close(self) -> None: ...
