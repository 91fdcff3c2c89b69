"""The Store over SQLAlchemy Core: one implementation for SQLite and PostgreSQL.

Records are serialised outside any transaction; each write is one short
transaction, so a failure (or a killed process) leaves every earlier write
whole and nothing of the failed one. Reads stream in chunks and hold no
transaction between chunks, so a slow reader never holds up a writer.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import UTC, datetime
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Select, cast, column, func, select, table, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.elements import ColumnElement

from storyline import codec
from storyline.errors import StoreError, UsageError
from storyline.records import ArticleAnalysis, Problem, Story
from storyline.store import schema, search
from storyline.store.base import StorySummary
from storyline.store.schema import articles, problems, stories, story_articles, story_facets

T = TypeVar("T")

CHUNK = 500  # rows per streamed read, ids per IN (...) list
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_SUMMARY_COLUMNS = (
    stories.c.id,
    stories.c.title,
    stories.c.n_articles,
    stories.c.n_claims,
    stories.c.n_conflicts,
    stories.c.first_published,
    stories.c.last_published,
    stories.c.outlets,
    stories.c.updated_at,
)
_ACTIVITY = (stories.c.activity.desc(), stories.c.updated_at.desc(), stories.c.id)
_FTS = table("story_fts", column("rowid"), column("story_fts"))
_PG_SEARCH = table("story_search", column("seq"), column("document"))


def content_hash(text_: str) -> str:
    """The hash stored with each article's text (sha256, hex)."""
    return hashlib.sha256(text_.encode("utf-8", "surrogatepass")).hexdigest()


class SqlStore:
    """A Store on a SQLAlchemy engine; ``open_store`` builds one from a URL."""

    def __init__(self, engine: Engine, *, url: str, shown_url: str, serialize: bool = False):
        self.url = url
        self.engine = engine
        self._shown = shown_url
        self._sqlite = engine.dialect.name == "sqlite"
        # An in-memory SQLite store is one shared connection: threads must take turns.
        self._lock: AbstractContextManager[Any] = threading.RLock() if serialize else nullcontext()
        self._closed = False
        with self._write("open") as conn:
            if not self._sqlite:  # two processes creating the schema at once
                conn.execute(text("SELECT pg_advisory_xact_lock(581804)"))
            schema.prepare(conn, self._shown)

    def __repr__(self) -> str:
        return f"SqlStore({self._shown!r})"

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles --------------------------------------------------------------

    def put_analysis(self, analysis: ArticleAnalysis) -> bool:
        row = _article_row(analysis)
        with self._write(f"store article {row['id']}") as conn:
            # A row comes back only when one was inserted (rowcount is -1 on psycopg).
            stmt = self._insert_ignore(articles).returning(articles.c.seq)
            return conn.execute(stmt, row).first() is not None

    def put_analyses(self, analyses: Iterable[ArticleAnalysis]) -> int:
        batch: dict[str, ArticleAnalysis] = {}
        for analysis in analyses:
            batch.setdefault(analysis.article.id, analysis)
        with self._read() as conn:
            known = self._known(conn, batch)
        # Serialised only when new and outside the write lock: a re-run costs one read.
        rows = [_article_row(a) for key, a in batch.items() if key not in known]
        if not rows:
            return 0
        with self._write(f"store {len(rows)} articles") as conn:
            known = self._known(conn, [row["id"] for row in rows])  # another writer's since
            new = [row for row in rows if row["id"] not in known]
            for chunk in _chunks(new, CHUNK):
                conn.execute(self._insert_ignore(articles), chunk)
        return len(new)

    def replace_analysis(self, analysis: ArticleAnalysis) -> None:
        row = _article_row(analysis)
        stmt = self._insert(articles).values(row)
        stmt = stmt.on_conflict_do_update(
            index_elements=["id"], set_={k: v for k, v in row.items() if k != "id"}
        )
        with self._write(f"replace article {row['id']}") as conn:
            conn.execute(stmt)

    def get_analysis(self, article_id: str) -> ArticleAnalysis | None:
        with self._read() as conn:
            data = conn.execute(select(articles.c.analysis).where(articles.c.id == article_id)).scalar()
        return None if data is None else codec.loads(ArticleAnalysis, data)

    def has_article(self, article_id: str) -> bool:
        with self._read() as conn:
            return self._known(conn, [article_id]) == {article_id}

    def stored_ids(self, ids: Iterable[str]) -> set[str]:
        with self._read() as conn:
            return self._known(conn, ids)

    def article_with_hash(self, content_hash: str) -> str | None:
        stmt = select(articles.c.id).where(articles.c.content_hash == content_hash)
        with self._read() as conn:
            return conn.execute(stmt.order_by(articles.c.seq).limit(1)).scalar()

    def analyses(self, ids: Iterable[str] | None = None) -> Iterator[ArticleAnalysis]:
        if ids is not None:
            yield from self._analyses_of(ids)
            return
        with self._read() as conn:
            # Those stored when the iteration began: a caller storing while it iterates
            # must not feed its own loop.
            end = conn.execute(select(func.max(articles.c.seq))).scalar() or 0
        last = 0
        while True:
            stmt = select(articles.c.seq, articles.c.analysis).where(
                articles.c.seq > last, articles.c.seq <= end
            )
            with self._read() as conn:
                rows = conn.execute(stmt.order_by(articles.c.seq).limit(CHUNK)).all()
            if not rows:
                return
            for _, data in rows:
                yield codec.loads(ArticleAnalysis, data)
            last = rows[-1].seq

    def _analyses_of(self, ids: Iterable[str]) -> Iterator[ArticleAnalysis]:
        for batch in _chunks(ids, CHUNK):
            stmt = select(articles.c.id, articles.c.analysis).where(articles.c.id.in_(batch))
            with self._read() as conn:
                found = {key: data for key, data in conn.execute(stmt)}
            for key in batch:
                if key in found:
                    yield codec.loads(ArticleAnalysis, found[key])

    def _known(self, conn: Connection, ids: Iterable[str]) -> set[str]:
        known: set[str] = set()
        for batch in _chunks(ids, CHUNK):
            stmt = select(articles.c.id).where(articles.c.id.in_(batch))
            known.update(conn.execute(stmt).scalars())
        return known

    # -- stories ---------------------------------------------------------------

    def put_story(self, story: Story) -> None:
        self.put_stories([story])

    def put_stories(self, stories_: Iterable[Story]) -> None:
        rows = [_story_rows(story) for story in stories_]
        if not rows:
            return
        with self._write(f"store {len(rows)} stories") as conn:
            for row, members, facets, doc in rows:
                self._put_story(conn, row, members, facets, doc)

    def _put_story(
        self,
        conn: Connection,
        row: dict[str, Any],
        members: list[dict[str, str]],
        facets: list[dict[str, str]],
        doc: dict[str, str],
    ) -> None:
        stored = conn.execute(select(stories.c.data).where(stories.c.id == row["id"])).scalar()
        if stored == row["data"]:
            return  # unchanged: keep its updated_at, so re-runs do not reorder the list
        upsert = self._insert(stories).values(row)
        upsert = upsert.on_conflict_do_update(
            index_elements=["id"], set_={k: v for k, v in row.items() if k != "id"}
        ).returning(stories.c.seq)
        seq = conn.execute(upsert).scalar_one()
        # A new story has no parts to drop; only SQLite's write lock makes "new" certain
        # (on PostgreSQL another writer may have added the same story meanwhile).
        if stored is not None or not self._sqlite:
            self._drop_story_parts(conn, row["id"], seq)
        if members:
            conn.execute(story_articles.insert(), members)
        if facets:
            conn.execute(story_facets.insert(), facets)
        self._index(conn, seq, doc)

    def delete_story(self, story_id: str) -> bool:
        with self._write(f"delete story {story_id}") as conn:
            seq = conn.execute(select(stories.c.seq).where(stories.c.id == story_id)).scalar()
            if seq is None:
                return False
            self._drop_story_parts(conn, story_id, seq)
            conn.execute(stories.delete().where(stories.c.id == story_id))
            return True

    def _drop_story_parts(self, conn: Connection, story_id: str, seq: int) -> None:
        conn.execute(story_articles.delete().where(story_articles.c.story_id == story_id))
        conn.execute(story_facets.delete().where(story_facets.c.story_id == story_id))
        if self._sqlite:
            conn.execute(text("DELETE FROM story_fts WHERE rowid = :seq"), {"seq": seq})
        else:
            conn.execute(text("DELETE FROM story_search WHERE seq = :seq"), {"seq": seq})

    def _index(self, conn: Connection, seq: int, doc: dict[str, str]) -> None:
        if self._sqlite:
            conn.execute(
                text(
                    "INSERT INTO story_fts (rowid, title, claims, speakers, entities) "
                    "VALUES (:seq, :title, :claims, :speakers, :entities)"
                ),
                {"seq": seq, **doc},
            )
        else:
            # Words go in as lexemes, unparsed, so PostgreSQL matches exactly what FTS5 does.
            conn.execute(
                text(
                    "INSERT INTO story_search (seq, document) "
                    "VALUES (:seq, array_to_tsvector(CAST(:words AS text[])))"
                ),
                {"seq": seq, "words": search.lexemes(doc)},
            )

    def get_story(self, story_id: str) -> Story | None:
        with self._read() as conn:
            data = conn.execute(select(stories.c.data).where(stories.c.id == story_id)).scalar()
        return None if data is None else codec.loads(Story, data)

    def stories(self) -> list[Story]:
        with self._read() as conn:
            rows = conn.execute(select(stories.c.data).order_by(*_ACTIVITY)).scalars().all()
        return [codec.loads(Story, data) for data in rows]

    def story_of(self, article_id: str) -> str | None:
        stmt = (
            select(stories.c.id)
            .join(story_articles, story_articles.c.story_id == stories.c.id)
            .where(story_articles.c.article_id == article_id)
            .order_by(stories.c.updated_at.desc(), stories.c.id)
            .limit(1)
        )
        with self._read() as conn:
            return conn.execute(stmt).scalar()

    def story_ids(self) -> set[str]:
        with self._read() as conn:
            return set(conn.execute(select(stories.c.id)).scalars())

    # -- listing and search ------------------------------------------------------

    def summaries(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        entity: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StorySummary]:
        stmt = _filtered(since=since, until=until, outlet=outlet, entity=entity)
        return self._summaries(stmt, limit=limit, offset=offset)

    def search(
        self,
        query: str,
        *,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        entity: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[StorySummary]:
        stmt = _filtered(since=since, until=until, outlet=outlet, entity=entity)
        if not query.strip():
            return self._summaries(stmt, limit=limit, offset=offset)
        terms = search.query_words(query)
        if not terms:
            return []
        return self._summaries(stmt.where(self._matches(terms)), limit=limit, offset=offset)

    def _matches(self, terms: list[str]) -> ColumnElement[bool]:
        if self._sqlite:
            hits = select(_FTS.c.rowid).where(_FTS.c.story_fts.op("MATCH")(search.fts5_query(terms)))
        else:
            query = cast(search.tsquery(terms), postgresql.TSQUERY)
            hits = select(_PG_SEARCH.c.seq).where(_PG_SEARCH.c.document.op("@@")(query))
        return stories.c.seq.in_(hits)

    def _summaries(self, stmt: Select[Any], *, limit: int, offset: int) -> list[StorySummary]:
        if limit < 0 or offset < 0:
            raise UsageError(f"limit {limit} and offset {offset} must not be negative")
        with self._read() as conn:
            rows = conn.execute(stmt.order_by(*_ACTIVITY).limit(limit).offset(offset)).all()
        return [StorySummary(**{**row._asdict(), "outlets": tuple(json.loads(row.outlets))}) for row in rows]

    # -- problems and housekeeping ---------------------------------------------

    def put_problem(self, problem: Problem) -> None:
        data = codec.dumps(problem)
        row = {
            "key": hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest(),
            "stage": _bare(problem.stage),
            "message": _bare(problem.message),
            "path": _bare(problem.path),
        }
        with self._write("record a problem") as conn:
            conn.execute(self._insert_ignore(problems), row)

    def problems(self) -> list[Problem]:
        stmt = select(problems.c.stage, problems.c.message, problems.c.path)
        with self._read() as conn:
            rows = conn.execute(stmt.order_by(problems.c.seq)).all()
        return [Problem(**row._asdict()) for row in rows]

    def counts(self) -> dict[str, int]:
        with self._read() as conn:
            return {
                t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (articles, stories, problems)
            }

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self.engine.dispose()

    # -- plumbing ----------------------------------------------------------------

    def _insert(self, tbl: Any) -> Any:
        return sqlite.insert(tbl) if self._sqlite else postgresql.insert(tbl)

    def _insert_ignore(self, tbl: Any) -> Any:
        return self._insert(tbl).on_conflict_do_nothing()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._lock, self._errors("read"), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def _write(self, action: str) -> Iterator[Connection]:
        with self._lock, self._errors(action), self.engine.connect() as conn:
            if self._sqlite:
                conn.info["begin"] = "IMMEDIATE"  # take the write lock before reading
            with conn.begin():
                yield conn

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        if self._closed:
            raise StoreError(f"{self._shown}: store is closed; open it again to {action}")
        try:
            yield
        except SQLAlchemyError as exc:
            reason = getattr(exc, "orig", None) or exc
            raise StoreError(f"{self._shown}: could not {action}: {reason}") from exc


def _article_row(analysis: ArticleAnalysis) -> dict[str, Any]:
    article = analysis.article
    data = codec.dumps(analysis)
    try:
        data.encode("utf-8")
    except UnicodeEncodeError as exc:  # lone surrogates, from bytes decoded with surrogateescape
        raise StoreError(
            f"article {article.id} ({article.path}): holds text that is not valid Unicode "
            f"({exc.reason}); decode its input with errors='replace'"
        ) from exc
    return {
        "id": article.id,
        "path": _bare(article.path),
        "url": _bare(article.url),
        "outlet": _bare(article.outlet),
        "title": _bare(article.title),
        "published": _bare(article.published),
        "content_hash": content_hash(article.text),
        "analysis": data,
        "stored_at": _now(),
    }


def _story_rows(
    story: Story,
) -> tuple[dict[str, Any], list[dict[str, str]], list[dict[str, str]], dict[str, str]]:
    dates = sorted(a.published for a in story.articles if a.published)
    outlets = sorted({a.outlet for a in story.articles if a.outlet}, key=lambda o: (o.casefold(), o))
    row = {
        "id": story.id,
        "title": _bare(story.title),
        "n_articles": len(story.articles),
        "n_claims": len(story.claims),
        "n_conflicts": len(story.conflicts),
        "first_published": dates[0] if dates else None,
        "last_published": dates[-1] if dates else None,
        "outlets": json.dumps(outlets, ensure_ascii=False),
        "data": codec.dumps(story),
        "updated_at": _now(),
        "activity": dates[-1] if dates else "",
    }
    members = [{"story_id": story.id, "article_id": a} for a in dict.fromkeys(a.id for a in story.articles)]
    names = {("outlet", _facet(o)) for o in outlets}
    names |= {("entity", _facet(n)) for e in story.entities for n in (e.name, *e.aliases)}
    facets = [{"story_id": story.id, "kind": k, "value": v} for k, v in sorted(names) if v]
    return row, members, facets, search.document(story)


def _filtered(*, since: str | None, until: str | None, outlet: str | None, entity: str | None) -> Select[Any]:
    stmt = select(*_SUMMARY_COLUMNS)
    # A date overlaps at the coarser of the two precisions: "2024" overlaps "2024-10".
    if since is not None:
        last = stories.c.last_published
        cut = func.substr(_checked_date("since", since), 1, func.length(last))
        stmt = stmt.where(func.substr(last, 1, len(since)) >= cut)
    if until is not None:
        first = stories.c.first_published
        cut = func.substr(_checked_date("until", until), 1, func.length(first))
        stmt = stmt.where(func.substr(first, 1, len(until)) <= cut)
    for kind, value in (("outlet", outlet), ("entity", entity)):
        if value is not None:
            stmt = stmt.where(_has_facet(kind, _facet(value)))
    return stmt


def _has_facet(kind: str, value: str) -> ColumnElement[bool]:
    return (
        select(story_facets.c.story_id)
        .where(story_facets.c.story_id == stories.c.id)
        .where(story_facets.c.kind == kind, story_facets.c.value == value)
        .exists()
    )


def _checked_date(name: str, value: str) -> str:
    if not _DATE.fullmatch(value):
        raise UsageError(f"{name}={value!r}: not an ISO date; use 2024, 2024-10 or 2024-10-18")
    return value


def _facet(name: str) -> str:
    return " ".join(name.replace("\x00", "").casefold().split())


def _bare(value: str | None) -> str | None:
    """PostgreSQL text cannot hold NUL; the JSON copy keeps the exact value."""
    return None if value is None else value.replace("\x00", "")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch
