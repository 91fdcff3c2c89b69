"""The Dask batch runner gives what the local run gives, and resumes where it stopped."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from storyline import codec
from storyline.pipeline import run
from storyline.scale import link_store, run_batch
from storyline.settings import Settings
from storyline.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
from test_cluster_articles import STORIES, TEXTS, all_analyses  # noqa: E402

pytestmark = pytest.mark.slow  # spaCy in every worker process


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    """Two JSON Lines shards of the invented articles, and one unreadable file."""
    shards = {"a.jsonl": [i for i in TEXTS if i != "kessing-3"], "b.jsonl": ["kessing-3"]}
    for name, ids in shards.items():
        rows = [{"id": i, "published": TEXTS[i][0], "title": TEXTS[i][1], "text": TEXTS[i][2]}
                for i in ids]  # fmt: skip
        (tmp_path / name).write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    return [str(tmp_path / n) for n in ("a.jsonl", "b.jsonl", "broken.txt")]


@pytest.fixture(scope="module")
def scheduler():
    """One local cluster for the module: workers load spaCy once."""
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address="127.0.0.1:0", host="127.0.0.1") as cluster:  # fmt: skip
        yield cluster.scheduler_address


def _stored(url: str) -> tuple[dict[str, str], list[tuple[str, ...]]]:
    store = open_store(url)
    try:
        analyses = {a.article.id: codec.dumps(a) for a in store.analyses()}
        groups = sorted(tuple(sorted(a.id for a in s.articles)) for s in store.stories())
        return analyses, groups
    finally:
        store.close()


def test_batch_matches_local_run(tmp_path, inputs, scheduler):
    settings = Settings()
    local = open_store(f"sqlite:///{tmp_path}/local.db")
    try:
        run(inputs, settings=settings, store=local)
    finally:
        local.close()
    seen: list[int] = []
    report = run_batch(inputs, db=f"sqlite:///{tmp_path}/batch.db", scheduler=scheduler,
                       settings=settings, shard_size=2, progress=seen.append)  # fmt: skip
    assert (report.read, report.analyzed, report.skipped) == (7, 7, 0)
    assert report.stories == 3 and report.workers == 2 and sum(seen) == 7
    assert [p.path for p in report.problems] == [inputs[2]]
    assert _stored(f"sqlite:///{tmp_path}/batch.db") == _stored(f"sqlite:///{tmp_path}/local.db")
    assert _stored(f"sqlite:///{tmp_path}/batch.db")[1] == sorted(STORIES.values())


def test_batch_resumes_where_a_stopped_run_stopped(tmp_path, inputs, scheduler):
    db = f"sqlite:///{tmp_path}/batch.db"
    store = open_store(db)
    try:  # a run stopped after its first shard: three analyses stored, no stories yet
        store.put_analyses([a for a in all_analyses() if a.article.id in ("alder-1", "alder-2", "budget-1")])
    finally:
        store.close()
    report = run_batch(inputs, db=db, scheduler=scheduler, settings=Settings(), shard_size=2,
                       progress=lambda n: None)  # fmt: skip
    assert (report.read, report.analyzed, report.skipped) == (7, 4, 3)
    again = run_batch(inputs, db=db, scheduler=scheduler, settings=Settings(), progress=lambda n: None)
    assert (again.analyzed, again.skipped, again.stories) == (0, 7, 3)


def test_batch_starts_its_own_local_cluster(tmp_path, inputs):
    report = run_batch(inputs[:2], db=f"sqlite:///{tmp_path}/own.db", workers=1,
                       settings=Settings(), progress=lambda n: None)  # fmt: skip
    assert report.workers == 1 and report.analyzed == 7
    assert report.scheduler.startswith("tcp://127.0.0.1:")


def test_link_store_links_what_the_store_holds(tmp_path):
    store = open_store(f"sqlite:///{tmp_path}/s.db")
    try:
        store.put_analyses(all_analyses())
        assert link_store(store) == 3
        groups = sorted(tuple(sorted(a.id for a in s.articles)) for s in store.stories())
        assert groups == sorted(STORIES.values())
    finally:
        store.close()
