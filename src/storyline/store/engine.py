"""From a store URL to a configured SQLAlchemy engine.

SQLite is set up for one writer and many readers across processes: WAL (readers
never wait for the writer), a busy timeout (writers queue instead of failing),
and writes that take the write lock up front (``BEGIN IMMEDIATE``) so two
writers cannot deadlock on a lock upgrade.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from storyline.errors import StoreError

ACCEPTED = (
    "sqlite:///storyline.db (a file, relative to the working directory), "
    "sqlite:////abs/path/storyline.db, sqlite:///:memory:, "
    "postgresql://USER:PASSWORD@HOST:PORT/DBNAME"
)
# Writers wait this long for another writer's transaction before giving up.
BUSY_TIMEOUT_MS = 30_000


def parse_url(url: str) -> URL:
    """The SQLAlchemy URL for a store URL, or a StoreError naming the accepted forms."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        parsed = None
    if parsed is None or parsed.drivername not in _DRIVERS:
        raise StoreError(f"{url!r}: not a store URL; use one of: {ACCEPTED}")
    parsed = parsed.set(drivername=_DRIVERS[parsed.drivername])
    if parsed.drivername.startswith("sqlite") and parsed.database in (None, ""):
        raise StoreError(f"{url!r}: names no database file; use one of: {ACCEPTED}")
    return parsed


def shown(url: URL) -> str:
    """A URL fit for messages and logs: the password hidden."""
    return url.render_as_string(hide_password=True)


def is_memory(url: URL) -> bool:
    return url.drivername.startswith("sqlite") and url.database == ":memory:"


def make_engine(url: URL) -> Engine:
    if url.drivername.startswith("sqlite"):
        return _sqlite_engine(url)
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise StoreError(f"{shown(url)}: PostgreSQL needs psycopg; install storyline[postgres]") from exc
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=20)


_DRIVERS = {
    "sqlite": "sqlite+pysqlite",
    "sqlite+pysqlite": "sqlite+pysqlite",
    "postgresql": "postgresql+psycopg",
    "postgres": "postgresql+psycopg",
    "postgresql+psycopg": "postgresql+psycopg",
}


def _sqlite_engine(url: URL) -> Engine:
    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False}}
    if is_memory(url):
        # One connection for the store's life: each new one would be a new, empty database.
        kwargs["poolclass"] = StaticPool
    else:
        _check_parent(url)
        kwargs.update(pool_size=5, max_overflow=-1)
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _check_parent(url: URL) -> None:
    parent = Path(url.database or "").expanduser().resolve().parent
    if not parent.is_dir():
        raise StoreError(f"{shown(url)}: folder {parent} does not exist; create it first")


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Hand transaction control to SQLAlchemy's "begin" event (pysqlite's own is broken).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    # In WAL mode NORMAL survives any crash of the process; only power loss may drop the
    # last commits, which a re-run restores.
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    mode = conn.info.pop("begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")
