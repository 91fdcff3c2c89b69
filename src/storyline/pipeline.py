"""The whole job, from inputs to stories, over one store.

``run`` reads every input (ingest), analyses what the store does not hold yet
(reusing stored analyses, so a re-run is cheap and adds no duplicates), links
the analyses into stories and stores them. A bad input or a failing article
becomes a recorded ``Problem``; the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from storyline.analyze import analyze_articles
from storyline.ingest import ReadOptions, mark_wire_copies, read_inputs
from storyline.link import link_stories
from storyline.records import Article, ArticleAnalysis, Problem, Story
from storyline.settings import Settings
from storyline.store.base import Store

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True, kw_only=True)
class RunResult:
    stories: tuple[Story, ...]
    analyses: tuple[ArticleAnalysis, ...]
    problems: tuple[Problem, ...]
    analyzed: int  # articles analysed in this run
    reused: int  # articles whose stored analysis was reused


def read(inputs: Sequence[str], options: ReadOptions) -> tuple[list[Article], list[Problem]]:
    """Articles (first of each id only) and the problems of unreadable inputs."""
    articles: dict[str, Article] = {}
    problems: list[Problem] = []
    for item in read_inputs(inputs, options):
        if isinstance(item, Problem):
            problems.append(item)
        elif item.id not in articles:
            articles[item.id] = item
    return mark_wire_copies(articles.values()), problems


def analyze_all(
    articles: Sequence[Article],
    *,
    settings: Settings,
    store: Store | None = None,
    progress: Progress | None = None,
) -> tuple[list[ArticleAnalysis], int]:
    """Analyses in input order, stored ones reused; returns them and how many were new."""
    stored = {a.id: store.get_analysis(a.id) for a in articles} if store else {}
    todo = [a for a in articles if stored.get(a.id) is None]
    fresh: dict[str, ArticleAnalysis] = {}
    for analysis in _tick(analyze_articles(todo, settings), progress):
        fresh[analysis.article.id] = analysis
        if store is not None:
            store.put_analysis(analysis)
    if progress:
        progress(len(articles) - len(todo))
    result = [fresh.get(a.id) or stored[a.id] for a in articles]
    return [a for a in result if a is not None], len(todo)


def _tick(items: Iterable[ArticleAnalysis], progress: Progress | None) -> Iterator[ArticleAnalysis]:
    for item in items:
        yield item
        if progress:
            progress(1)


def run(
    inputs: Sequence[str],
    *,
    settings: Settings,
    store: Store | None = None,
    options: ReadOptions | None = None,
    progress: Progress | None = None,
) -> RunResult:
    articles, problems = read(inputs, options or ReadOptions())
    analyses, analyzed = analyze_all(articles, settings=settings, store=store, progress=progress)
    problems += [p if p.path else _with_path(p, a) for a in analyses for p in a.problems]
    stories = link_stories(analyses)
    if store is not None:
        stories = keep_ids(store, stories, relinked_all=False)
        for story in stories:
            store.put_story(story)
        for problem in problems:
            store.put_problem(problem)
    return RunResult(
        stories=tuple(stories),
        analyses=tuple(analyses),
        problems=tuple(problems),
        analyzed=analyzed,
        reused=len(analyses) - analyzed,
    )


def ingest_and_link(store: Store, articles: Sequence[Article], settings: Settings) -> list[str]:
    """Analyse and store new articles, re-link the stored stories; the story ids touched."""
    analyses, _ = analyze_all(articles, settings=settings, store=store)
    everything = list(store.analyses())
    stories = keep_ids(store, link_stories(everything), relinked_all=True)
    wanted = {a.article.id for a in analyses}
    current = {s.id for s in stories}
    stale = store.story_ids() - current
    touched = []
    for story in stories:
        store.put_story(story)
        if wanted & {a.id for a in story.articles}:
            touched.append(story.id)
    for story_id in stale:  # a story that gained or lost articles is stored under its new id
        store.delete_story(story_id)
    return touched


def keep_ids(store: Store, stories: Sequence[Story], *, relinked_all: bool) -> list[Story]:
    """Stories keep the id they were stored under when they change, so shared links
    and open pages still work: each new story takes the id of the stored story it
    shares most articles with (each stored id used once). When only some articles
    were linked (``relinked_all`` false), a story takes over an id only if it holds
    every article of that stored story, so a partial run never shrinks one."""
    claimed: set[str] = set()
    result = []
    for story in sorted(stories, key=lambda s: -len(s.articles)):
        overlap: dict[str, int] = {}
        for article in story.articles:
            old = store.story_of(article.id)
            if old is not None and old not in claimed:
                overlap[old] = overlap.get(old, 0) + 1
        if not relinked_all:
            mine = {a.id for a in story.articles}
            overlap = {k: n for k, n in overlap.items() if _article_ids(store, k) <= mine}
        if overlap and story.id not in overlap:
            old_id = max(sorted(overlap), key=lambda k: overlap[k])
            claimed.add(old_id)
            story = replace(story, id=old_id)
        elif story.id in overlap:
            claimed.add(story.id)
        result.append(story)
    return result


def _article_ids(store: Store, story_id: str) -> set[str]:
    story = store.get_story(story_id)
    return {a.id for a in story.articles} if story else set()


def _with_path(problem: Problem, analysis: ArticleAnalysis) -> Problem:
    return Problem(
        stage=problem.stage, message=problem.message, path=analysis.article.path or analysis.article.id
    )
