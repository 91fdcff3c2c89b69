"""Across articles: stories, aligned claims, conflicts, timeline.

``link_stories(analyses)`` groups articles into stories (``cluster``) and
builds each story's briefing (``story.build_story``).
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.records import ArticleAnalysis, Story

__all__ = ["link_stories"]


def link_stories(analyses: Sequence[ArticleAnalysis]) -> list[Story]:
    """Every story in ``analyses``, most articles first."""
    from storyline.link.cluster import cluster_stories
    from storyline.link.story import build_story

    by_id = {a.article.id: a for a in analyses}
    stories = [build_story([by_id[i] for i in group]) for group in cluster_stories(analyses)]
    return sorted(stories, key=lambda s: (-len(s.articles), s.id))
