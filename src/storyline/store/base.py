"""The one Store interface every backend implements (SQLite, PostgreSQL).

Only ``store/`` holds SQL. Records go in and come out whole (``codec``);
writing the same article twice is a no-op, so re-runs add no duplicates.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from storyline.records import ArticleAnalysis, Problem, Story

SCHEMA_VERSION = 1


@runtime_checkable
class Store(Protocol):
    url: str

    def put_analysis(self, analysis: ArticleAnalysis) -> bool:
        """Store one analysed article; False when its id was already stored."""
        ...

    def get_analysis(self, article_id: str) -> ArticleAnalysis | None: ...

    def has_article(self, article_id: str) -> bool: ...

    def analyses(self, ids: Iterable[str] | None = None) -> Iterator[ArticleAnalysis]: ...

    def put_story(self, story: Story) -> None:
        """Store (or replace) a story's briefing and its article membership."""
        ...

    def get_story(self, story_id: str) -> Story | None: ...

    def stories(self) -> list[Story]:
        """Every stored story, newest activity first."""
        ...

    def story_of(self, article_id: str) -> str | None: ...

    def put_problem(self, problem: Problem) -> None: ...

    def problems(self) -> list[Problem]: ...

    def close(self) -> None: ...
