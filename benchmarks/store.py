"""Store speed: writes, streaming reads, search and listing, per backend.

    .venv/bin/python benchmarks/store.py [--articles 5000] [--stories 2000] [--db URL | --postgres]

Without --db it measures a SQLite file in a temporary folder; --postgres adds a
throwaway PostgreSQL server (tests/pg.py). Records are synthetic (invented
words, speakers and entities drawn with a fixed seed): this measures the
store, not the analysis. Timings on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from storyline.records import Article, ArticleAnalysis, Claim, Entity, Speaker, Story
from storyline.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
SYLLABLES = ["ka", "lo", "mer", "vin", "dra", "sel", "tor", "bu", "ni", "os", "pe", "ran", "ul", "zo"]
OUTLETS = [f"Outlet {n}" for n in "ABCDEFGHIJ"]


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def sentence(rng: random.Random, n: int = 12) -> str:
    return " ".join(word(rng) for _ in range(n)).capitalize() + "."


def make_analysis(rng: random.Random, i: int) -> ArticleAnalysis:
    text = " ".join(sentence(rng) for _ in range(30))  # about 360 words, a short news story
    published = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    claims = tuple(
        Claim(
            id=f"c{k}",
            text=sentence(rng),
            kind="assertion",
            speaker=Speaker(name=f"{word(rng).title()} {word(rng).title()}", as_written="x"),
        )
        for k in range(8)
    )
    article = Article(
        id=f"a{i:07d}", text=text, title=sentence(rng, 8), outlet=rng.choice(OUTLETS), published=published
    )
    return ArticleAnalysis(article=article, sentences=((0, 10),) * 30, claims=claims)


def make_story(rng: random.Random, i: int, pool: list[ArticleAnalysis]) -> Story:
    members = rng.sample(pool, k=min(len(pool), rng.randint(2, 8)))
    return Story(
        id=f"s{i:07d}",
        title=sentence(rng, 7),
        articles=tuple(a.article for a in members),
        claims=tuple(c for a in members for c in a.claims[:3]),
        entities=tuple(Entity(name=word(rng).title(), type="GPE", aliases=(word(rng),)) for _ in range(5)),
    )


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def latencies(fn: Callable[[int], object], n: int) -> str:
    times = sorted(timed(lambda i=i: fn(i)) * 1000 for i in range(n))
    p99 = times[min(n - 1, int(n * 0.99))]
    return f"p50 {statistics.median(times):.2f} ms, p99 {p99:.2f} ms"


def measure(store: Store, label: str, n_articles: int, n_stories: int) -> None:
    rng = random.Random(7)
    pool = [make_analysis(rng, i) for i in range(n_articles)]
    stories = [make_story(rng, i, pool) for i in range(n_stories)]
    one_by_one = min(500, n_articles // 5)
    t = timed(lambda: [store.put_analysis(a) for a in pool[:one_by_one]])
    print(f"[{label}] put_analysis one at a time: {one_by_one / t:,.0f} articles/s")
    rest = pool[one_by_one:]
    t = timed(lambda: [store.put_analyses(rest[k : k + 500]) for k in range(0, len(rest), 500)])
    print(f"[{label}] put_analyses, batches of 500: {len(rest) / t:,.0f} articles/s")
    t = timed(lambda: store.put_analyses(pool))
    print(f"[{label}] re-run of all {n_articles} (all known): {n_articles / t:,.0f} articles/s")
    t = timed(lambda: sum(1 for _ in store.analyses()))
    print(f"[{label}] analyses() stream: {n_articles / t:,.0f} articles/s")
    t = timed(lambda: [store.put_stories(stories[k : k + 100]) for k in range(0, n_stories, 100)])
    print(f"[{label}] put_stories, batches of 100: {n_stories / t:,.0f} stories/s")
    queries = [word(rng)[: rng.randint(3, 6)] for _ in range(200)]
    print(f"[{label}] search (one prefix word): {latencies(lambda i: store.search(queries[i]), 200)}")
    pairs = [f"{word(rng)} {word(rng)[:3]}" for _ in range(200)]
    print(f"[{label}] search (two words): {latencies(lambda i: store.search(pairs[i]), 200)}")
    print(f"[{label}] summaries (first page): {latencies(lambda i: store.summaries(), 100)}")
    print(
        f"[{label}] summaries (outlet + since): "
        f"{latencies(lambda i: store.summaries(outlet=OUTLETS[i % 10], since='2025-06'), 100)}"
    )
    print(f"[{label}] get_story: {latencies(lambda i: store.get_story(stories[i].id), 200)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--db", help="measure this store URL (it should be empty)")
    parser.add_argument("--postgres", action="store_true", help="also a throwaway PostgreSQL")
    args = parser.parse_args()
    if args.db:
        with open_store(args.db) as store:
            measure(store, args.db.split(":")[0], args.articles, args.stories)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        with open_store(f"sqlite:///{path}") as store:
            measure(store, "sqlite file", args.articles, args.stories)
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
        print(f"[sqlite file] size: {size / 1e6:.1f} MB for {args.articles} articles")
    if args.postgres:
        sys.path.insert(0, str(ROOT / "tests"))
        import pg

        if reason := pg.unavailable():
            sys.exit(f"no throwaway PostgreSQL: {reason}")
        with pg.throwaway_postgres() as new_database, open_store(new_database()) as store:
            measure(store, "postgresql", args.articles, args.stories)


if __name__ == "__main__":
    main()
