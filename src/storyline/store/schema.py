"""The tables, shared by every backend, and the schema version check.

Records are kept whole as codec JSON (``analysis``, ``data``); the other
columns are copies for lookups, listing and filters. Search lives in one
backend-specific table: an FTS5 table on SQLite, a tsvector with a GIN index
on PostgreSQL (``search.py`` fills and queries both).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    select,
    text,
)

from storyline.errors import SchemaError, StoreError
from storyline.store.base import SCHEMA_VERSION

metadata = MetaData()

# Ids and ISO dates are compared and sorted as plain characters on every backend;
# PostgreSQL would otherwise sort by the database's locale.
Key = String().with_variant(String(collation="C"), "postgresql")
# SQLite needs INTEGER PRIMARY KEY for a rowid alias (what FTS5 joins on).
Seq = BigInteger().with_variant(Integer(), "sqlite")

meta = Table(
    "storyline_meta",
    metadata,
    Column("key", Key, primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("seq", Seq, primary_key=True, autoincrement=True),  # storage order, for streaming
    Column("id", Key, nullable=False, unique=True),
    Column("path", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", Key),
    Column("content_hash", Key, nullable=False, index=True),
    Column("stored_at", Key, nullable=False),
    Column("analysis", Text, nullable=False),  # last, as stories.data
)

stories = Table(
    "stories",
    metadata,
    Column("seq", Seq, primary_key=True, autoincrement=True),  # the search table's row id
    Column("id", Key, nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("n_articles", Integer, nullable=False),
    Column("n_claims", Integer, nullable=False),
    Column("n_conflicts", Integer, nullable=False),
    Column("first_published", Key),
    Column("last_published", Key),
    Column("outlets", Text, nullable=False),  # JSON list
    Column("updated_at", Key, nullable=False),
    # last_published, "" when unknown: a sort key with no NULLs, so one index serves
    # "newest activity first" the same way on both backends
    Column("activity", Key, nullable=False),
    # Last: SQLite reads the columns before a big value without walking its overflow pages.
    Column("data", Text, nullable=False),
)
Index("ix_stories_activity", stories.c.activity.desc(), stories.c.updated_at.desc(), stories.c.id)

story_articles = Table(
    "story_articles",
    metadata,
    Column("story_id", Key, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", Key, primary_key=True, index=True),
)

# What the outlet and entity filters match: casefolded names, one row each.
story_facets = Table(
    "story_facets",
    metadata,
    Column("story_id", Key, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", Key, primary_key=True),  # "outlet" | "entity"
    Column("value", Key, primary_key=True),
)
Index("ix_story_facets_value", story_facets.c.kind, story_facets.c.value)

problems = Table(
    "problems",
    metadata,
    Column("seq", Seq, primary_key=True, autoincrement=True),
    Column("key", Key, nullable=False, unique=True),  # hash of the record: recorded once
    Column("stage", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("path", Text),
)

SQLITE_SEARCH_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS story_fts USING fts5("
    "title, claims, speakers, entities, tokenize = 'unicode61 remove_diacritics 2')"
)
POSTGRES_SEARCH_DDL = (
    "CREATE TABLE IF NOT EXISTS story_search ("
    "seq BIGINT PRIMARY KEY REFERENCES stories (seq) ON DELETE CASCADE, document TSVECTOR NOT NULL)",
    "CREATE INDEX IF NOT EXISTS ix_story_search ON story_search USING GIN (document)",
)


def prepare(conn: Connection, url: str) -> None:
    """Create the schema in an empty database, or check the version of an existing one."""
    names = set(inspect(conn).get_table_names())
    if meta.name not in names:
        if names & {t.name for t in metadata.sorted_tables}:
            raise StoreError(f"{url}: holds tables but no storyline_meta; not a storyline store")
        _create(conn)
        return
    found = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    if found != str(SCHEMA_VERSION):
        raise SchemaError(
            f"{url}: store has schema version {found}, this storyline reads version "
            f"{SCHEMA_VERSION}; use the storyline version that wrote it, or start a new "
            "store (another --db) and analyze the articles again"
        )


def _create(conn: Connection) -> None:
    metadata.create_all(conn)
    if conn.dialect.name == "sqlite":
        conn.execute(text(SQLITE_SEARCH_DDL))
    else:
        for ddl in POSTGRES_SEARCH_DDL:
            conn.execute(text(ddl))
    conn.execute(meta.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
