"""``storyline serve``: open the store, wire in the pipeline, run uvicorn.

Ingest runs in one worker process with its own store connection: spaCy holds
the GIL while it parses, and in the server's process every reader would wait
for it (measured: reads' p99 went from under 200 ms to over 2 s while articles
were analysed in-process).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from storyline.records import Article
from storyline.settings import Settings
from storyline.store.base import Store

LOOPBACK = ("127.0.0.1", "localhost", "::1")

_worker: dict[str, Any] = {}  # in the ingest process: its store and settings


def loopback_hosts(host: str) -> list[str] | None:
    """Host names to answer when bound to loopback (refuses DNS-rebinding names); None elsewhere."""
    return ["127.0.0.1", "localhost", "[::1]"] if host in LOOPBACK else None


def pipeline_ingest(store: Store, settings: Settings) -> Callable[[list[Article]], list[str]]:
    """The pipeline's analyse-store-relink on this store, in this process."""
    from storyline.pipeline import ingest_and_link

    return lambda articles: ingest_and_link(store, articles, settings)


class ProcessIngest:
    """The pipeline's analyse-store-relink in one worker process (jobs run one at a time)."""

    def __init__(self, db: str, settings: Settings) -> None:
        self.pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(db, settings),
        )
        self.pool.submit(_warm).result()  # model loaded before the first POST, errors shown now

    def __call__(self, articles: list[Article]) -> list[str]:
        return self.pool.submit(_ingest, articles).result()

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


def _start_worker(db: str, settings: Settings) -> None:
    from storyline.store import open_store

    # Readers are interactive, ingest is batch work: on a small machine the
    # scheduler should serve pages first (nice 10).
    os.nice(10)
    _worker["store"] = open_store(db)
    _worker["settings"] = settings
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A killed server leaves no orphan worker holding a model and a store open."""
    while os.getppid() == parent:
        time.sleep(2)
    os._exit(0)


def _warm() -> None:
    from storyline.analyze.nlp import load_nlp

    load_nlp(_worker["settings"].model)


def _ingest(articles: list[Article]) -> list[str]:
    from storyline.pipeline import ingest_and_link

    return list(ingest_and_link(_worker["store"], articles, _worker["settings"]))


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Serve the desk over the store at ``db`` until interrupted (127.0.0.1 unless told otherwise)."""
    import uvicorn

    from storyline.store import open_store
    from storyline.web.app import create_app

    settings = Settings.from_env(db=db)
    store = open_store(db)
    # writes need a token; without one no worker (and no model) is started
    worker = None
    if token is not None:
        worker = pipeline_ingest(store, settings) if ":memory:" in db else ProcessIngest(db, settings)
    try:
        app = create_app(store, token=token, ingest=worker, allowed_hosts=loopback_hosts(host))
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    finally:
        if isinstance(worker, ProcessIngest):
            worker.close()
        store.close()
