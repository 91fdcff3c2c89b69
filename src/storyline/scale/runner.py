"""The batch runner: the per-article stages mapped over a Dask cluster.

The driver streams the inputs (``read_inputs``) in shards, skips articles
the store already holds, and hands each shard to a worker, which runs the
same ``analyze_articles`` as a local run. Finished shards are written to the
store in one transaction each as they come back, so a run that is stopped
and started again redoes at most the shards that were in flight. At most a
few shards per worker are in flight: memory stays flat however big the
input. When every shard is in, the stored analyses are linked into stories
(``StoryIndex`` streamed over the store: only features are held) and each
story's briefing is built from its members and stored.

No stage imports Dask; this module is the only one that does.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Any

from storyline.analyze import analyze_articles
from storyline.errors import StorylineError, UsageError
from storyline.ingest import ReadOptions, read_inputs
from storyline.link.cluster import StoryIndex
from storyline.link.story import build_story
from storyline.records import Article, ArticleAnalysis, Problem
from storyline.settings import Settings
from storyline.store import open_store
from storyline.store.base import Store

Progress = Callable[[int], None]

SHARD_SIZE = 64  # articles per task: a few seconds of spaCy, small enough to resume cheaply
LOCAL_HTTP = "127.0.0.1:0"
IN_FLIGHT_PER_WORKER = 2  # one running, one queued: workers never wait on the driver


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchReport:
    read: int  # articles read from the inputs (first of each id)
    analyzed: int  # articles analysed in this run
    skipped: int  # articles the store already held (a resumed run)
    stories: int  # stories linked over the whole store
    problems: tuple[Problem, ...]  # unreadable inputs and failed analysis stages
    workers: int
    scheduler: str  # the scheduler's address
    seconds: float  # the whole run
    analyze_seconds: float = 0.0  # cluster start, reading, analysing and storing
    link_seconds: float = 0.0  # linking the whole store into stories
    worker_peak_mb: float = 0.0  # the largest peak RSS of any worker process


def analyze_shard(articles: Sequence[Article], settings: Settings) -> list[ArticleAnalysis]:
    """What one worker does with one shard: the local run's own analysis."""
    return list(analyze_articles(articles, settings))


def worker_peak_mb() -> float:
    """This process's peak resident memory (run on each worker by the driver)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_batch(
    inputs: Sequence[str],
    *,
    db: str,
    scheduler: str | None = None,
    workers: int = 2,
    settings: Settings,
    options: ReadOptions | None = None,
    shard_size: int = SHARD_SIZE,
    progress: Progress | None = None,
) -> BatchReport:
    """Analyse ``inputs`` on a Dask cluster into the store at ``db``, then link stories.

    ``scheduler``: a running scheduler's address (``tcp://host:8786``); without
    it, a local cluster of ``workers`` single-threaded worker processes.
    ``progress`` is called with the number of articles done at each step; by
    default a progress bar is drawn when stderr is a terminal.
    """
    if workers < 1 and scheduler is None:
        raise UsageError(f"--workers {workers}: at least one worker is needed")
    start = time.perf_counter()
    with ExitStack() as stack:
        store = open_store(db)
        stack.callback(store.close)
        if progress is None:
            progress = stack.enter_context(_progress_bar())
        client = stack.enter_context(_client(scheduler, workers))
        counts, problems = _analyze(
            client, inputs, store, settings, options or ReadOptions(), shard_size, progress
        )
        address = client.scheduler.address
        n_workers = len(client.scheduler_info().get("workers", {}))
        peak = max(client.run(worker_peak_mb).values(), default=0.0)
        analyzed_at = time.perf_counter()
        stories = link_store(store)
        linked_at = time.perf_counter()
    return BatchReport(
        read=counts[0],
        analyzed=counts[1],
        skipped=counts[2],
        stories=stories,
        problems=tuple(problems),
        workers=n_workers,
        scheduler=address,
        seconds=time.perf_counter() - start,
        analyze_seconds=analyzed_at - start,
        link_seconds=linked_at - analyzed_at,
        worker_peak_mb=peak,
    )


def link_store(store: Store) -> int:
    """Link every stored analysis into stories and store their briefings; how many."""
    index = StoryIndex()
    index.extend(store.analyses())
    stories = index.stories()
    for start in range(0, len(stories), 256):
        built = [build_story(list(store.analyses(group))) for group in stories[start : start + 256]]
        store.put_stories(built)
    return len(stories)


def _analyze(
    client: Any,
    inputs: Sequence[str],
    store: Store,
    settings: Settings,
    options: ReadOptions,
    shard_size: int,
    progress: Progress,
) -> tuple[tuple[int, int, int], list[Problem]]:
    from dask.distributed import as_completed

    problems: list[Problem] = []
    read = analyzed = skipped = 0
    limit = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})))
    pending = as_completed()
    for shard, shard_problems, already in _shards(inputs, options, store, shard_size):
        problems += shard_problems
        read += len(shard) + already
        skipped += already
        progress(already)
        if shard:
            pending.add(client.submit(analyze_shard, shard, settings, pure=False))
        while pending.count() >= limit:
            analyzed += _collect(next(pending), store, problems, progress)
    for future in pending:
        analyzed += _collect(future, store, problems, progress)
    for problem in problems:
        store.put_problem(problem)
    return (read, analyzed, skipped), problems


def _collect(future: Any, store: Store, problems: list[Problem], progress: Progress) -> int:
    analyses: list[ArticleAnalysis] = future.result()
    future.release()
    store.put_analyses(analyses)
    problems += [p if p.path else _with_path(p, a) for a in analyses for p in a.problems]
    progress(len(analyses))
    return len(analyses)


def _shards(
    inputs: Sequence[str], options: ReadOptions, store: Store, size: int
) -> Iterator[tuple[list[Article], list[Problem], int]]:
    """(articles to analyse, problems, articles already stored) per shard of the input stream."""
    seen: set[str] = set()
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in read_inputs(inputs, options):
        if isinstance(item, Problem):
            problems.append(item)
        elif item.id not in seen:
            seen.add(item.id)
            articles.append(item)
        if len(articles) >= size:
            fresh = _fresh(articles, store)
            yield fresh, problems, len(articles) - len(fresh)
            articles, problems = [], []
    if articles or problems:
        fresh = _fresh(articles, store)
        yield fresh, problems, len(articles) - len(fresh)


def _fresh(articles: list[Article], store: Store) -> list[Article]:
    """The articles of a shard the store does not hold yet: what resuming skips."""
    stored = store.stored_ids(a.id for a in articles) if articles else set()
    return [a for a in articles if a.id not in stored]


@contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Any]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:  # the [scale] extra is not installed
        raise UsageError("storyline batch needs Dask: pip install 'storyline[scale]'") from err
    with ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler, timeout="30s"))
            except OSError as err:
                raise StorylineError(
                    f"{scheduler}: no Dask scheduler answers there ({err}); start one with `dask scheduler`"
                ) from err
        else:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    # None would still bind the scheduler's HTTP routes to :8787 and
                    # warn when another cluster holds it; a free loopback port never clashes
                    dashboard_address=LOCAL_HTTP,
                    host="127.0.0.1",
                )
            )
            client = stack.enter_context(Client(cluster))
        yield client


@contextmanager
def _progress_bar() -> Iterator[Progress]:
    """A bar on a terminal; nothing when stderr is piped or redirected."""
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    with Progress("articles", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True) as bar:
        task = bar.add_task("batch", total=None)
        yield lambda n: bar.advance(task, n)


def _with_path(problem: Problem, analysis: ArticleAnalysis) -> Problem:
    return Problem(
        stage=problem.stage, message=problem.message, path=analysis.article.path or analysis.article.id
    )
