"""A handful of articles about one event form one story, whatever blocking would say."""

from __future__ import annotations

from pathlib import Path

from storyline.ingest import ReadOptions
from storyline.link.cluster import cluster_stories
from storyline.pipeline import analyze_all, read
from storyline.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "derailment"


def test_the_four_example_articles_are_one_story():
    articles, problems = read([str(EXAMPLES)], ReadOptions())
    assert not problems
    analyses, _ = analyze_all(articles, settings=Settings())
    assert len(cluster_stories(analyses)) == 1
