"""The desk under load: concurrent readers on a 50-article story while articles are posted.

    python benchmarks/desk.py [--readers 50] [--seconds 30] [--think 1.0] [--write-every 2]
                              [--articles 50] [--pipeline]

The server (uvicorn, one process, as ``storyline serve`` runs it) serves a
SQLite store holding one story of ``--articles`` hand-made articles (the
records of tests/test_render_samples.py). Each reader loops: fetch a story
page, the story's JSON, the story list, the API list or an article page, then
think for ``--think`` seconds (±50%). A writer posts one article every
``--write-every`` seconds through ``POST /api/articles``; by default the
server's ingest appends it to the story and re-stores it (no NLP: it is the web
layer under test), with ``--pipeline`` the real analyse-store-relink runs in a worker process,
as ``storyline serve`` runs it.
Prints requests/s, p50/p99 latency and errors, overall and per kind of request.
Client and server share this machine's cores, so figures are pessimistic and noisy.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
# benchmarks/ holds html.py and friends that would shadow the standard library in the
# server process; the tests folders hold the hand-made records.
sys.path[:] = [str(ROOT / "tests"), str(ROOT / "tests" / "browser")] + [
    p for p in sys.path if Path(p or ".").resolve() != HERE
]

import argparse  # noqa: E402
import asyncio  # noqa: E402
import multiprocessing  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import replace  # noqa: E402

import httpx  # noqa: E402
from desk_server import free_port  # noqa: E402

from test_render_samples import big_articles, big_story  # noqa: E402

TOKEN = "desk-benchmark"
STORY = "st-big"


def build_store(db: str, n_articles: int, *, pipeline: bool) -> tuple[str, list[str]]:
    """The store the server will open: one story of n articles; its id and article ids.

    By hand: the records of big_story, each article with an analysis. With the
    pipeline: the same article texts analysed and linked for real.
    """
    from storyline.records import ArticleAnalysis
    from storyline.store import open_store

    store = open_store(db)
    if pipeline:
        from storyline.pipeline import ingest_and_link
        from storyline.settings import Settings

        ingest_and_link(store, big_articles(n_articles), Settings.from_env(db=db))
        story = max(store.stories(), key=lambda s: len(s.articles))
    else:
        story = big_story(n_articles, story_id=STORY)
        for article in story.articles:
            claims = tuple(c for c in story.claims if any(e.article == article.id for e in c.evidence))
            store.put_analysis(ArticleAnalysis(article=article, claims=claims))
        store.put_story(story)
    store.close()
    return story.id, [a.id for a in story.articles]


def appending_ingest(store):  # noqa: ANN001, ANN201
    """Each posted article joins the benchmark story, which is re-stored: a re-link's write."""
    from storyline.records import ArticleAnalysis, Claim, Evidence

    def ingest(articles):  # noqa: ANN001, ANN202
        story = store.get_story(STORY)
        for article in articles:
            end = article.text.find("\n")
            claim = Claim(
                id=f"posted-{article.id}",
                text=article.text[:end],
                kind="event",
                evidence=(Evidence(article=article.id, span=(0, end)),),
            )
            store.put_analysis(ArticleAnalysis(article=article, claims=(claim,)))
            story = replace(story, articles=story.articles + (article,), claims=story.claims + (claim,))
        store.put_story(story)
        return [STORY]

    return ingest


def run_server(db: str, port: int, pipeline: bool) -> None:
    import uvicorn

    from storyline.settings import Settings
    from storyline.store import open_store
    from storyline.web import create_app
    from storyline.web.serve import ProcessIngest

    store = open_store(db)
    ingest = ProcessIngest(db, Settings.from_env(db=db)) if pipeline else appending_ingest(store)
    app = create_app(store, token=TOKEN, ingest=ingest, allowed_hosts=["127.0.0.1"])
    try:  # uvicorn returns on SIGTERM; the worker process must not outlive it
        uvicorn.run(app, host="127.0.0.1", port=port, log_level="error", access_log=False)
    finally:
        if isinstance(ingest, ProcessIngest):
            ingest.close()


class Tally:
    def __init__(self) -> None:
        self.times: dict[str, list[float]] = {}
        self.errors: dict[str, list[str]] = {}
        self.moved = 0  # story 404s after a re-link changed the story's id

    def add(self, kind: str, seconds: float, error: str | None) -> None:
        self.times.setdefault(kind, []).append(seconds)
        if error:
            self.errors.setdefault(kind, []).append(error)


async def timed(
    client: httpx.AsyncClient, tally: Tally, kind: str, method: str, url: str, **kw: object
) -> int:
    start = time.perf_counter()
    error, status = None, 0
    try:
        response = await client.request(method, url, **kw)
        status = response.status_code
        if status >= 400:
            error = f"{status} {url}"
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__} {url}"
    tally.add(kind, time.perf_counter() - start, error)
    return status


async def reader(
    client: httpx.AsyncClient, tally: Tally, story: dict[str, str], ids: list[str], until: float, think: float
) -> None:
    pages = [
        ("story page", lambda: f"/stories/{story['id']}"),
        ("story JSON", lambda: f"/api/stories/{story['id']}"),
        ("article page", lambda: f"/articles/{random.choice(ids)}"),
        ("list page", lambda: "/?q=velmar"),
        ("list API", lambda: "/api/stories"),
    ]
    await asyncio.sleep(random.uniform(0, think))  # readers arrive spread out, not in one burst
    while time.monotonic() < until:
        kind, url = random.choice(pages)
        status = await timed(client, tally, kind, "GET", url())
        if status == 404 and kind.startswith("story"):
            # re-linking gave the grown story a new id: find it as a reader would, in the list
            newest = (await client.get("/api/stories", params={"limit": 1})).json()["stories"]
            story["id"] = newest[0]["id"] if newest else story["id"]
            tally.moved += 1
        await asyncio.sleep(think * random.uniform(0.5, 1.5))


async def writer(client: httpx.AsyncClient, tally: Tally, until: float, every: float) -> int:
    posted = 0
    while time.monotonic() < until:
        await asyncio.sleep(every)
        article = big_articles(1, salt=f"-posted-{posted}-{random.random()}")[0]
        body = {
            "text": article.text,
            "title": f"Posted report {posted}",
            "outlet": article.outlet,
            "published": "2026-11-28",
        }
        await timed(
            client,
            tally,
            "POST article",
            "POST",
            "/api/articles",
            json=body,
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        posted += 1
    return posted


async def load(base: str, story: str, ids: list[str], args: argparse.Namespace) -> tuple[Tally, float, int]:
    tally = Tally()
    limits = httpx.Limits(max_connections=args.readers + 2, max_keepalive_connections=args.readers + 2)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        start = time.monotonic()
        until = start + args.seconds
        followed = {"id": story}  # shared: the id readers find the story under
        tasks = [reader(client, tally, followed, ids, until, args.think) for _ in range(args.readers)]
        results = await asyncio.gather(writer(client, tally, until, args.write_every), *tasks)
        return tally, time.monotonic() - start, results[0]


def wait_for(base: str, server: multiprocessing.process.BaseProcess, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.is_alive():
        try:
            if httpx.get(base + "/api/stories", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit(f"the server at {base} did not come up (exit code {server.exitcode})")


def report(tally: Tally, elapsed: float, posted: int, n_articles: int, args: argparse.Namespace) -> None:
    def line(name: str, times: list[float], errors: int) -> str:
        ms = sorted(t * 1000 for t in times)
        p99 = ms[min(len(ms) - 1, int(0.99 * len(ms)))]
        return (
            f"{name:<14} {len(ms):>7} {len(ms) / elapsed:>8.1f} {statistics.median(ms):>8.1f} "
            f"{p99:>8.1f} {ms[-1]:>8.1f} {errors:>6}"
        )

    reads = [t for k, ts in tally.times.items() if k != "POST article" for t in ts]
    read_errors = sum(len(v) for k, v in tally.errors.items() if k != "POST article")
    print(
        f"desk benchmark: {args.readers} readers (think {args.think}s), a POST every {args.write_every}s, "
        f"{elapsed:.0f} s, story of {n_articles} articles (+{posted} posted), "
        f"ingest={'pipeline' if args.pipeline else 'append'}"
    )
    print(
        f"{'request':<14} {'count':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>6}"
    )
    print(line("all reads", reads, read_errors))
    for kind in sorted(tally.times):
        print(line(kind, tally.times[kind], len(tally.errors.get(kind, []))))
    for kind, errors in tally.errors.items():
        print(f"  {kind} errors, first: {errors[:3]}")
    if tally.moved:
        print(f"  {tally.moved} of the story errors were 404s after a re-link gave the story a new id")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds a reader reads a page")
    parser.add_argument("--write-every", type=float, default=2.0)
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--pipeline", action="store_true", help="ingest with the real analyse-store-relink")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = f"sqlite:///{folder}/desk.db"
        story, ids = build_store(db, args.articles, pipeline=args.pipeline)
        port = free_port()
        server = multiprocessing.get_context("spawn").Process(
            target=run_server, args=(db, port, args.pipeline)
        )
        server.start()
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(base, server)
            tally, elapsed, posted = asyncio.run(load(base, story, ids, args))
        finally:
            server.terminate()
            server.join(30)
            if server.is_alive():
                server.kill()
    report(tally, elapsed, posted, len(ids), args)


if __name__ == "__main__":
    main()
