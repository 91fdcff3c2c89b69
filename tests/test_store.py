"""The store contract: the same assertions on every backend.

Backends: a SQLite file in tmp_path, SQLite in memory, and PostgreSQL on a
private throwaway server this module starts itself (tests/pg.py; skipped with
the reason when no PostgreSQL binaries are installed). Records are built by
hand: three invented stories (a dock strike in Valmora, a dam failure at
Keswar, a chemical plant fire in Orlenne) and one undated story.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import event, update

import pg
from storyline import codec
from storyline.errors import SchemaError, StoreError, UsageError
from storyline.records import (
    Article,
    ArticleAnalysis,
    Attribution,
    Claim,
    Conflict,
    Entity,
    EntityMention,
    Evidence,
    Problem,
    Quantity,
    Speaker,
    Story,
    TimelineEntry,
    Timex,
    When,
)
from storyline.store import SCHEMA_VERSION, SqlStore, Store, content_hash, open_store, sql
from storyline.store.schema import meta

STRIKE_TEXT = (
    "Dock workers in Valmora walked out on Monday, halting traffic at the port. "
    "About 4,000 workers joined the strike, union leader Ilse Marquart said. "
    "The harbour authority said only 2,500 had stopped work. "
    "Transport minister Tomas Reyl denied that the government had threatened to call in the army."
)


def _span(text: str, sentence: str) -> tuple[int, int]:
    start = text.index(sentence)
    return (start, start + len(sentence))


def strike_analysis(
    article_id: str = "a-strike-1",
    *,
    outlet: str = "Harbour Gazette",
    published: str | None = "2025-03-03",
    text: str = STRIKE_TEXT,
) -> ArticleAnalysis:
    """A rich analysis touching every record type, for round trips."""
    s2 = _span(text, "About 4,000 workers joined the strike, union leader Ilse Marquart said.")
    marquart = Speaker(name="Ilse Marquart", as_written="union leader Ilse Marquart", type="person")
    reyl = Speaker(name="Tomas Reyl", as_written="Transport minister Tomas Reyl", type="government")
    workers = Quantity(
        span=(s2[0] + 6, s2[0] + 19), value=4000.0, approximate=True, unit="worker", subject="workers"
    )
    return ArticleAnalysis(
        article=Article(
            id=article_id,
            text=text,
            path=f"inbox/{article_id}.md",
            url=f"https://example.org/news/{article_id}",
            outlet=outlet,
            title="Valmora dock strike halts port",
            author="R. Ostby",
            published=published,
            published_source="metadata" if published else None,
            flags=("wire-copy:x1",),
            boilerplate=((0, 0),),
        ),
        sentences=(_span(text, text.split(". ")[0] + "."), s2),
        entities=(
            EntityMention(span=(14, 21), label="GPE", name="Valmora", type="government"),
            EntityMention(span=(s2[0] + 52, s2[0] + 65), label="PERSON", name="Ilse Marquart", type="person"),
        ),
        timexes=(
            Timex(span=(37, 43), type="DATE", value="2025-03-03"),
            Timex(span=(0, 4), type="DURATION", value="P2Y", mod="APPROX"),
        ),
        quantities=(workers, Quantity(span=(1, 2), value=1.5, low=1.0, high=2.0)),
        attributions=(
            Attribution(
                content=(s2[0], s2[0] + 38),
                source=(s2[0] + 39, s2[0] + 65),
                cue=(s2[0] + 66, s2[0] + 70),
                chain=((0, 3),),
                speaker=marquart,
                chain_speakers=(reyl,),
                kind="mixed",
                hedged=True,
            ),
        ),
        claims=(
            Claim(
                id="c1",
                text="About 4,000 workers joined the strike.",
                kind="quantity",
                speaker=marquart,
                chain=(reyl,),
                cue="said",
                quote="joined",
                quantities=(workers,),
                when=When(value="2025-03-03", text="on Monday"),
                evidence=(Evidence(article=article_id, span=s2),),
                status="contested",
                independent_sources=2,
                hedged=True,
                answers=("c0",),
            ),
            Claim(
                id="c2",
                text="The government did not threaten to call in the army.",
                kind="denial",
                speaker=reyl,
                cue="denied",
            ),
        ),
        problems=(Problem(stage="analyze", message="sentence too long", path="inbox/x.md"),),
    )


def plain_analysis(
    article_id: str,
    *,
    title: str = "Untitled",
    text: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
) -> ArticleAnalysis:
    return ArticleAnalysis(
        article=Article(
            id=article_id,
            text=text if text is not None else f"Report {article_id}.",
            title=title,
            outlet=outlet,
            published=published,
        )
    )


def _article(aid: str, outlet: str, published: str | None, title: str) -> Article:
    return Article(id=aid, text=f"Text of {aid}.", outlet=outlet, published=published, title=title)


def _claim(
    cid: str,
    text: str,
    speaker: str | None = None,
    as_written: str | None = None,
    chain: tuple[str, ...] = (),
) -> Claim:
    return Claim(
        id=cid,
        text=text,
        kind="assertion",
        speaker=Speaker(name=speaker, as_written=as_written or speaker) if speaker else None,
        chain=tuple(Speaker(name=n, as_written=n, type="media") for n in chain),
    )


STRIKE = Story(
    id="story-strike",
    title="Dock strike shuts the port of Valmora",
    articles=(
        _article("s1", "Harbour Gazette", "2025-03-03", "Valmora dockers walk out"),
        _article("s2", "Nordic Wire", "2025-03-04", "Port traffic halted by strike"),
        _article("s3", "Harbour Gazette", "2025-03-06", "Strike talks collapse"),
    ),
    claims=(
        _claim("c1", "About 4,000 workers joined the strike.", "Ilse Marquart", "Marquart"),
        _claim("c2", "Only 2,500 workers stopped work.", "Valmora Harbour Authority"),
        _claim(
            "c3", "The government never threatened to deploy soldiers.", "Tomas Reyl", chain=("Nordic Wire",)
        ),
    ),
    conflicts=(
        Conflict(kind="numeric", claims=("c1", "c2"), summary="4,000 vs 2,500"),
        Conflict(kind="denial", claims=("c3",), summary="Reyl denies threat"),
    ),
    timeline=(TimelineEntry(date="2025-03-03", claims=("c1",), summary="Walkout begins"),),
    entities=(
        Entity(name="Ilse Marquart", type="PERSON", aliases=("Marquart",)),
        Entity(name="Valmora", type="GPE", aliases=("the port city",)),
    ),
    inferences=(("s3", "shares the walkout with s1"),),
)

FLOOD = Story(
    id="story-flood",
    title="Keswar dam spillway fails after storms",
    articles=(
        _article("f1", "Río Daily", "2024-11-20", "Villages evacuated below Keswar dam"),
        _article("f2", "Nordic Wire", "2024-11-21", "Engineers inspect damaged spillway"),
    ),
    claims=(
        _claim("c1", "Twelve villages were evacuated overnight.", "Amara Søndergaard"),
        _claim("c2", "The spillway gates jammed during the storm.", "an engineer", "an engineer"),
    ),
    conflicts=(),
    entities=(
        Entity(name="Keswar Dam", type="FAC", aliases=("the dam",)),
        Entity(name="José Ibarra", type="PERSON", aliases=("Ibarra",)),
    ),
)

FIRE = Story(
    id="story-fire",
    title="Blaze at Orlenne chemical plant",
    articles=(_article("p1", "Orlenne Post", "2025-01", "Fire at chemical works"),),
    claims=(_claim("c1", "Firefighters contained the blaze within six hours.", "Orlenne Fire Service"),),
    entities=(Entity(name="Orlenne", type="GPE"),),
)

UNDATED = Story(
    id="story-undated", title="Undated harbour rumours", articles=(Article(id="u1", text="Rumours."),)
)

ALL_STORIES = (STRIKE, FLOOD, FIRE, UNDATED)

TESTS = Path(__file__).resolve().parent
PERSISTENT = ("sqlite-file", "postgresql")


# -- backends ----------------------------------------------------------------


@pytest.fixture(scope="session")
def new_pg_database():
    reason = pg.unavailable()
    if reason:
        pytest.skip(f"PostgreSQL contract tests skipped: {reason}")
    with pg.throwaway_postgres() as new_database:
        yield new_database


@pytest.fixture(
    params=["sqlite-file", "sqlite-memory", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def backend(request) -> str:
    return request.param


@pytest.fixture
def url(backend, tmp_path, request) -> str:
    if backend == "sqlite-file":
        return f"sqlite:///{tmp_path / 'store.db'}"
    if backend == "sqlite-memory":
        return "sqlite:///:memory:"
    return request.getfixturevalue("new_pg_database")()


@pytest.fixture
def store(url):
    opened = open_store(url)
    yield opened
    opened.close()


@pytest.fixture
def filled(store):
    for story in ALL_STORIES:
        store.put_story(story)
    return store


def second_store(store, url, backend):
    """Another handle on the same data, as another process would open it."""
    return store if backend == "sqlite-memory" else open_store(url)


def numbered_analysis(i: int):
    return plain_analysis(
        f"n{i:04d}",
        title=f"Bulletin {i}",
        outlet="Nordic Wire",
        text=f"Bulletin number {i} from the Valmora newsroom.",
    )


def ids(summaries) -> list[str]:
    return [s.id for s in summaries]


# -- articles ----------------------------------------------------------------


def test_store_is_a_store(store):
    assert isinstance(store, Store)


def test_analysis_round_trip_is_equal(store):
    analysis = strike_analysis()
    assert store.put_analysis(analysis) is True
    assert store.get_analysis(analysis.article.id) == analysis


def test_put_analysis_again_is_a_no_op(store):
    first = strike_analysis()
    changed = replace(first, claims=())
    assert store.put_analysis(first) is True
    assert store.put_analysis(first) is False
    assert store.put_analysis(changed) is False
    assert store.get_analysis(first.article.id) == first
    assert store.counts()["articles"] == 1


def test_put_analyses_counts_only_new_ones(store):
    store.put_analysis(numbered_analysis(1))
    batch = [numbered_analysis(i) for i in (1, 2, 3, 2)]
    assert store.put_analyses(batch) == 2
    assert store.put_analyses(batch) == 0
    assert store.put_analyses([]) == 0
    assert store.counts()["articles"] == 3


def test_replace_analysis_overwrites(store):
    first = strike_analysis()
    store.put_analysis(first)
    second = replace(first, claims=first.claims[:1])
    store.replace_analysis(second)
    assert store.get_analysis(first.article.id) == second
    assert store.counts()["articles"] == 1


def test_missing_article(store):
    assert store.get_analysis("nope") is None
    assert store.has_article("nope") is False
    assert store.story_of("nope") is None


def test_stored_ids_has_article_and_hash(store):
    analysis = strike_analysis()
    store.put_analyses([analysis, numbered_analysis(1)])
    assert store.has_article("a-strike-1") is True
    assert store.stored_ids(["n0001", "a-strike-1", "zzz"]) == {"n0001", "a-strike-1"}
    assert store.article_with_hash(content_hash(STRIKE_TEXT)) == "a-strike-1"
    assert store.article_with_hash(content_hash("other text")) is None


def test_analyses_stream_in_storage_order(store, monkeypatch):
    monkeypatch.setattr(sql, "CHUNK", 3)  # several chunks from a few rows
    order = [5, 1, 4, 2, 3, 7, 6]
    for i in order:
        store.put_analysis(numbered_analysis(i))
    assert [a.article.id for a in store.analyses()] == [f"n{i:04d}" for i in order]
    wanted = ["n0006", "gone", "n0001", "n0003", "n0002"]
    assert [a.article.id for a in store.analyses(wanted)] == ["n0006", "n0001", "n0003", "n0002"]
    assert list(store.analyses([])) == []


def test_writing_while_iterating_analyses_does_not_block(store, monkeypatch):
    monkeypatch.setattr(sql, "CHUNK", 2)
    store.put_analyses(numbered_analysis(i) for i in range(4))
    seen = []
    for analysis in store.analyses():
        seen.append(analysis.article.id)
        store.put_analysis(numbered_analysis(100 + len(seen)))
    assert seen == [f"n{i:04d}" for i in range(4)]  # what was stored when it began
    assert store.counts()["articles"] == 8


def test_nul_characters_survive(store):
    analysis = plain_analysis("nul", title="Title\x00with NUL", text="Body\x00text.")
    store.put_analysis(analysis)
    assert store.get_analysis("nul") == analysis


# -- stories -----------------------------------------------------------------


def test_story_round_trip_and_membership(store):
    store.put_story(STRIKE)
    assert store.get_story(STRIKE.id) == STRIKE
    assert store.story_of("s2") == STRIKE.id
    assert store.get_story("nope") is None


def test_put_story_replaces_membership(store):
    store.put_story(STRIKE)
    smaller = replace(STRIKE, articles=STRIKE.articles[:1])
    store.put_story(smaller)
    assert store.get_story(STRIKE.id) == smaller
    assert store.story_of("s1") == STRIKE.id
    assert store.story_of("s2") is None
    assert store.counts()["stories"] == 1


def test_article_moved_to_a_newer_story(store):
    store.put_story(STRIKE)
    moved = Story(id="story-talks", title="Talks", articles=(STRIKE.articles[2],))
    store.put_story(moved)
    assert store.story_of("s3") == "story-talks"


def test_unchanged_story_keeps_its_update_time(store):
    store.put_story(FIRE)
    before = store.summaries()[0].updated_at
    store.put_story(FIRE)
    assert store.summaries()[0].updated_at == before
    store.put_story(replace(FIRE, title="Blaze at Orlenne chemical plant contained"))
    assert store.summaries()[0].updated_at > before


def test_stories_newest_activity_first(filled):
    expected = ["story-strike", "story-fire", "story-flood", "story-undated"]
    assert [s.id for s in filled.stories()] == expected
    assert filled.stories() == [STRIKE, FIRE, FLOOD, UNDATED]
    assert ids(filled.summaries()) == expected


def test_put_stories_in_one_go_and_delete(store):
    store.put_stories([STRIKE, FLOOD])
    assert store.story_ids() == {STRIKE.id, FLOOD.id}
    assert store.delete_story(STRIKE.id) is True
    assert store.delete_story(STRIKE.id) is False
    assert store.get_story(STRIKE.id) is None
    assert store.story_of("s1") is None
    assert ids(store.search("valmora")) == []
    assert ids(store.summaries(outlet="Harbour Gazette")) == []
    assert ids(store.summaries()) == [FLOOD.id]


def test_summary_fields(filled):
    strike = filled.summaries(limit=1)[0]
    assert (strike.id, strike.title) == (STRIKE.id, STRIKE.title)
    assert (strike.n_articles, strike.n_claims, strike.n_conflicts) == (3, 3, 2)
    assert (strike.first_published, strike.last_published) == ("2025-03-03", "2025-03-06")
    assert strike.outlets == ("Harbour Gazette", "Nordic Wire")
    undated = filled.summaries()[-1]
    assert (undated.first_published, undated.last_published, undated.outlets) == (None, None, ())


def test_paging(filled):
    every = ids(filled.summaries())
    assert ids(filled.summaries(limit=2)) == every[:2]
    assert ids(filled.summaries(limit=2, offset=2)) == every[2:]
    assert ids(filled.summaries(limit=0)) == []
    with pytest.raises(UsageError):
        filled.summaries(limit=-1)


# -- search ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("valmora", ["story-strike"]),  # story title
        ("Strike talks", ["story-strike"]),  # an article's title
        ("spillway", ["story-flood"]),  # title and claim
        ("firefighters", ["story-fire"]),  # claim text
        ("Marquart", ["story-strike"]),  # speaker and entity
        ("marq", ["story-strike"]),  # prefix
        ("nordic", ["story-strike"]),  # a speaker in a reporting chain
        ("søndergaard", ["story-flood"]),  # speaker with a non-ASCII letter
        ("jose ibarra", ["story-flood"]),  # entity, accent dropped
        ("JOSÉ", ["story-flood"]),
        ("the dam", ["story-flood"]),  # entity alias
        ("harbour", ["story-strike", "story-undated"]),  # newest activity first
        ("dock strike", ["story-strike"]),  # every word required
        ("strike spillway", []),
        ("4,000", ["story-strike"]),
        ("submarine", []),
        ("   ", ["story-strike", "story-fire", "story-flood", "story-undated"]),  # blank: all
        ("?!", []),  # no word: nothing
    ],
)
def test_search(filled, query, expected):
    assert ids(filled.search(query)) == expected


HOSTILE = [
    '"',
    "'",
    "*",
    "valmora*",
    '"valmora',
    "NEAR(valmora strike)",
    "AND",
    "OR NOT -",
    "title:valmora",
    "^valmora",
    "(valmora",
    "valmora)",
    "\\",
    "%",
    "_",
    "%_%",
    "'; DROP TABLE stories; --",
    "\x00",
    "valmora\x00",
    "{valmora}",
    "a & b | !c",
    "valmora:*",
    "🔥 fire",
    "x" * 10_000,
    " ".join(["word"] * 500),
    "-valmora",
    "+",
]


def test_search_hostile_queries_do_not_error(filled):
    for query in HOSTILE:  # one store for all: these only read
        assert isinstance(filled.search(query), list), query
        assert isinstance(filled.search("valmora", outlet=query, entity=query), list), query
    assert len(filled.summaries()) == 4  # nothing dropped


def test_search_any_text_never_errors(filled):
    @settings(max_examples=150, deadline=None)
    @given(st.text(max_size=60))
    def check(query):
        found = filled.search(query, outlet=query or None, entity=query or None)
        assert isinstance(found, list)

    check()


def test_invalid_unicode_is_a_store_error(store):
    with pytest.raises(StoreError, match="not valid Unicode"):
        store.put_analysis(plain_analysis("bad", text="caf\udce9"))
    assert store.counts()["articles"] == 0


@pytest.mark.parametrize(
    "query", ['"valmora"', "valmora*", "(valmora)", "strike:valmora", "-valmora", "valmora:*", "^valmora"]
)
def test_search_syntax_characters_are_plain(filled, query):
    assert ids(filled.search(query)) == ["story-strike"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"since": "2025"}, ["story-strike", "story-fire"]),
        ({"until": "2024"}, ["story-flood"]),
        ({"since": "2025-02"}, ["story-strike"]),
        ({"until": "2025-01"}, ["story-fire", "story-flood"]),
        ({"since": "2025-01-15"}, ["story-strike", "story-fire"]),  # fire: month precision
        ({"until": "2025-01-15"}, ["story-fire", "story-flood"]),
        ({"since": "2024-11-21", "until": "2024-11-21"}, ["story-flood"]),
        ({"since": "2025-03-05", "until": "2025-03-05"}, ["story-strike"]),  # inside its span
        ({"since": "2026"}, []),
        ({"outlet": "nordic wire"}, ["story-strike", "story-flood"]),
        ({"outlet": "Harbour Gazette"}, ["story-strike"]),
        ({"outlet": "Gazette"}, []),  # whole names only
        ({"entity": "marquart"}, ["story-strike"]),  # an alias
        ({"entity": "THE DAM"}, ["story-flood"]),
        ({"entity": "Orlenne"}, ["story-fire"]),
        ({"outlet": "Nordic Wire", "since": "2025"}, ["story-strike"]),
    ],
)
def test_filters(filled, filters, expected):
    assert ids(filled.summaries(**filters)) == expected


@pytest.mark.parametrize(
    ("query", "filters", "expected"),
    [
        ("engineer", {"outlet": "Nordic Wire"}, ["story-flood"]),
        ("harbour", {"since": "2025"}, ["story-strike"]),
        ("harbour", {"entity": "Valmora"}, ["story-strike"]),
        ("spillway", {"until": "2023"}, []),
    ],
)
def test_search_with_filters(filled, query, filters, expected):
    assert ids(filled.search(query, **filters)) == expected


@pytest.mark.parametrize("bad", ["yesterday", "2024-1", "20241018", "2024-10-18T10:00", ""])
def test_bad_dates_are_usage_errors(filled, bad):
    with pytest.raises(UsageError, match="not an ISO date"):
        filled.summaries(since=bad)
    with pytest.raises(UsageError, match="not an ISO date"):
        filled.search("valmora", until=bad)


# -- problems ----------------------------------------------------------------


def test_problems_recorded_once_in_order(store):
    late = Problem(stage="ingest", message="not UTF-8 text", path="inbox/late.bin")
    empty = Problem(stage="ingest", message="empty file", path=None)
    for problem in (late, empty, late, empty):
        store.put_problem(problem)
    assert store.problems() == [late, empty]
    assert store.counts()["problems"] == 2


# -- versions, reopening, failures, concurrency ---------------------------------


def test_schema_version_mismatch(store):
    with store.engine.begin() as conn:
        conn.execute(update(meta).where(meta.c.key == "schema_version").values(value="999"))
    with pytest.raises(SchemaError, match=f"version 999.*reads version {SCHEMA_VERSION}"):
        SqlStore(store.engine, url=store.url, shown_url=store.url)


def test_schema_version_mismatch_on_reopen(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with open_store(url) as store, store.engine.begin() as conn:
        conn.execute(update(meta).values(value=str(SCHEMA_VERSION + 1)))
    with pytest.raises(SchemaError, match="start a new store"):
        open_store(url)


REOPEN = """
import sys
from storyline import codec
from storyline.store import open_store
store = open_store(sys.argv[1])
print(codec.dumps(store.get_analysis("a-strike-1")))
print(codec.dumps(store.get_story("story-strike")))
print(codec.dumps(store.search("marquart")[0]))
"""


@pytest.mark.parametrize("backend", PERSISTENT, indirect=True)
def test_reopened_by_a_later_process(store, url):
    store.put_analysis(strike_analysis())
    store.put_story(STRIKE)
    summary = store.search("marquart")[0]
    store.close()
    out = subprocess.run(
        [sys.executable, "-c", REOPEN, url], capture_output=True, text=True, check=True, timeout=60
    ).stdout.splitlines()
    assert out == [codec.dumps(strike_analysis()), codec.dumps(STRIKE), codec.dumps(summary)]


def test_failing_write_mid_batch_keeps_earlier_rows(store, monkeypatch):
    store.put_analyses([numbered_analysis(1), numbered_analysis(2)])
    monkeypatch.setattr(sql, "CHUNK", 2)  # the failure comes after a chunk went in
    batch = [numbered_analysis(3), numbered_analysis(4), plain_analysis("a-boom"), numbered_analysis(5)]
    dbapi_error = store.engine.dialect.loaded_dbapi.OperationalError

    def fail_on_boom(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT") and "a-boom" in repr(parameters):
            raise dbapi_error("disk I/O error (injected)")

    event.listen(store.engine, "before_cursor_execute", fail_on_boom)
    with pytest.raises(StoreError, match="could not store 4 articles"):
        store.put_analyses(batch)
    with pytest.raises(StoreError):
        store.put_analysis(plain_analysis("a-boom"))
    event.remove(store.engine, "before_cursor_execute", fail_on_boom)

    assert [a.article.id for a in store.analyses()] == ["n0001", "n0002"]
    assert store.get_analysis("n0001") == numbered_analysis(1)
    assert store.put_analyses(batch) == 4  # the store still works, the batch goes in whole


KILLED_WRITER = """
import sys
sys.path.insert(0, sys.argv[2])
from test_store import numbered_analysis
from storyline.store import open_store
store = open_store(sys.argv[1])
for i in range(int(sys.argv[3])):
    store.put_analysis(numbered_analysis(i))
"""


@pytest.mark.parametrize("backend", PERSISTENT, indirect=True)
def test_killed_run_resumes_without_duplicates(store, url):
    total = 3000
    writer = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, url, str(TESTS), str(total)], stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while store.counts()["articles"] < 20 and writer.poll() is None:
        assert time.monotonic() < deadline, "the writer stored nothing in 60 s"
        time.sleep(0.05)
    os.kill(writer.pid, signal.SIGKILL)
    _, stderr = writer.communicate(timeout=30)
    assert writer.returncode == -signal.SIGKILL, stderr

    stored = list(store.analyses())
    assert 20 <= len(stored) < total
    assert stored == [numbered_analysis(i) for i in range(len(stored))]
    everything = [numbered_analysis(i) for i in range(total)]
    assert store.put_analyses(everything) == total - len(stored)
    assert store.counts()["articles"] == total


def test_reader_while_writing(store, url, backend):
    reader = second_store(store, url, backend)
    writes, errors, seen = 120, [], []
    done = threading.Event()

    def write():
        try:
            for i in range(writes):
                store.put_analysis(numbered_analysis(i))
                if i % 20 == 0:
                    store.put_story(replace(STRIKE, title=f"Dock strike, update {i}"))
        except Exception as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            done.set()

    def read():
        try:
            while not done.is_set():
                seen.append(reader.counts()["articles"])
                reader.search("valmora")
                reader.summaries()
                assert len(list(reader.analyses())) >= seen[-1]
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write), threading.Thread(target=read)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    if reader is not store:
        reader.close()
    assert errors == []
    assert seen and seen == sorted(seen)  # a reader never sees rows vanish
    assert store.counts()["articles"] == writes


def test_two_writers_storing_the_same_things(store, url, backend):
    other = second_store(store, url, backend)
    analyses = [numbered_analysis(i) for i in range(60)]
    stories = [replace(STRIKE, id=f"story-{i}") for i in range(15)]
    errors = []

    def write(target):
        try:
            for k in range(0, 60, 4):
                target.put_analyses(analyses[k : k + 4])
                target.put_stories(stories[k // 4 : k // 4 + 1])
        except Exception as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(s,)) for s in (store, other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    if other is not store:
        other.close()
    assert errors == []
    assert store.counts() == {"articles": 60, "stories": 15, "problems": 0}
    assert store.story_of("s2") is not None
    assert len(store.search("valmora", limit=100)) == 15


def test_closed_store_says_so(url):
    store = open_store(url)
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.counts()


# -- URLs and SQLite specifics ----------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "storyline.db",
        "mysql://u@h/db",
        "sqlite://",
        "http://example.org/db",
        "postgresql+asyncpg://u@h/db",
        "::::",
    ],
)
def test_bad_url_names_the_accepted_forms(bad):
    with pytest.raises(StoreError) as caught:
        open_store(bad)
    assert repr(bad) in str(caught.value)
    assert "sqlite:///storyline.db" in str(caught.value)


def test_missing_folder(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(f"sqlite:///{tmp_path / 'nope' / 'store.db'}")


def test_not_a_database_file(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"\x89PNG not a database at all" * 100)
    with pytest.raises(StoreError, match="notes.db"):
        open_store(f"sqlite:///{path}")


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with open_store(f"sqlite:///{path}") as store, store.engine.begin() as conn:
        conn.execute(meta.delete())
        conn.exec_driver_sql("DROP TABLE storyline_meta")
    with pytest.raises(StoreError, match="not a storyline store"):
        open_store(f"sqlite:///{path}")


def test_unreachable_postgres_hides_the_password():
    port = pg._free_port()  # nothing listens there
    with pytest.raises(StoreError) as caught:
        open_store(f"postgresql://me:s3cret@127.0.0.1:{port}/news")
    assert "s3cret" not in str(caught.value)
    assert f"127.0.0.1:{port}/news" in str(caught.value)


def test_sqlite_file_uses_wal(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'wal.db'}") as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_relative_sqlite_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///storyline.db") as store:
        store.put_analysis(numbered_analysis(1))
    assert (tmp_path / "storyline.db").is_file()
    assert json.loads(codec.dumps(open_store("sqlite:///storyline.db").counts()))["articles"] == 1
