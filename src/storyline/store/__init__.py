"""storyline.store: where analyses and stories are kept, behind one ``Store`` interface.

``open_store(url)`` picks the backend by URL: ``sqlite:///storyline.db`` (the
default), ``sqlite:///:memory:`` or ``postgresql://...`` (needs the
``[postgres]`` extra).
"""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from storyline.errors import StoreError
from storyline.store.base import SCHEMA_VERSION, Store, StorySummary
from storyline.store.engine import ACCEPTED, is_memory, make_engine, parse_url, shown
from storyline.store.sql import SqlStore, content_hash

__all__ = [
    "ACCEPTED",
    "SCHEMA_VERSION",
    "SqlStore",
    "Store",
    "StorySummary",
    "content_hash",
    "open_store",
]


def open_store(url: str) -> Store:
    """The store at ``url``, created (schema included) when empty.

    Raises ``StoreError`` for a URL of no accepted form or a database that cannot
    be reached, ``SchemaError`` for a store of another schema version.
    """
    parsed = parse_url(url)
    engine = make_engine(parsed)
    try:
        return SqlStore(engine, url=url, shown_url=shown(parsed), serialize=is_memory(parsed))
    except SQLAlchemyError as exc:  # connecting happens before the store's own guard
        engine.dispose()
        raise StoreError(f"{shown(parsed)}: could not open the store: {exc}") from exc
    except BaseException:
        engine.dispose()
        raise
