"""``storyline serve``: open the store, wire in the pipeline, run uvicorn."""

from __future__ import annotations

from collections.abc import Callable

from storyline.records import Article
from storyline.settings import Settings
from storyline.store.base import Store

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def loopback_hosts(host: str) -> list[str] | None:
    """Host names to answer when bound to loopback (refuses DNS-rebinding names); None elsewhere."""
    return ["127.0.0.1", "localhost", "[::1]"] if host in LOOPBACK else None


def pipeline_ingest(store: Store, settings: Settings) -> Callable[[list[Article]], list[str]]:
    """The pipeline's analyse-store-relink, bound to this store."""
    from storyline.pipeline import ingest_and_link

    return lambda articles: ingest_and_link(store, articles, settings)


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Serve the desk over the store at ``db`` until interrupted (127.0.0.1 unless told otherwise)."""
    import uvicorn

    from storyline.store import open_store
    from storyline.web.app import create_app

    settings = Settings.from_env(db=db)
    store = open_store(db)
    try:
        app = create_app(store, token=token, ingest=pipeline_ingest(store, settings),
                         allowed_hosts=loopback_hosts(host))
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    finally:
        store.close()
