"""``storyline serve``: open the store, wire in the pipeline, run uvicorn."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from storyline.records import Article
from storyline.settings import Settings
from storyline.store.base import Store

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def loopback_hosts(host: str, port: int) -> list[str] | None:
    """Host names to answer when bound to loopback (refuses DNS-rebinding names); None elsewhere."""
    if host not in LOOPBACK:
        return None
    return ["127.0.0.1", "localhost", "[::1]"]


def pipeline_ingest(store: Store, settings: Settings) -> Callable[[list[Article]], list[str]] | None:
    """The pipeline's ingest-and-link bound to this store, when the pipeline is installed."""
    try:
        pipeline = importlib.import_module("storyline.pipeline")
    except ImportError:
        return None
    run = getattr(pipeline, "ingest_and_link", None)
    if run is None:
        return None
    return lambda articles: list(run(store, articles, settings))


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Serve the desk over the store at ``db`` until interrupted (127.0.0.1 unless told otherwise)."""
    import uvicorn

    from storyline.store import open_store  # type: ignore[attr-defined]
    from storyline.web.app import create_app

    settings = Settings.from_env(db=db)
    store = open_store(db)
    try:
        app = create_app(store, token=token, ingest=pipeline_ingest(store, settings),
                         allowed_hosts=loopback_hosts(host, port))
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    finally:
        store.close()
