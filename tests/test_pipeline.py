"""The pipeline over a store: ids that survive re-linking, re-runs without duplicates."""

from __future__ import annotations

from storyline.pipeline import ingest_and_link, run
from storyline.records import Article
from storyline.settings import Settings
from storyline.store import open_store

FIRST = (
    "Flood barriers failed in Dornholm on Tuesday, the city council said. "
    "About 800 residents were moved to shelters, according to the regional fire service."
)
SECOND = (
    "Dornholm's flood barriers gave way on Tuesday, officials said. "
    "The regional fire service said about 800 residents had been moved to shelters in Dornholm."
)
THIRD = (
    "Engineers in Dornholm began repairing the flood barriers on Thursday, the city council said. "
    "The regional fire service said the 800 residents moved to shelters could return on Friday."
)


def test_a_story_keeps_its_id_when_an_article_joins_it(tmp_path):
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    try:
        first = run([str(tmp_path)], settings=Settings(), store=store)
        assert len(first.stories) == 1
        story_id = first.stories[0].id
        touched = ingest_and_link(
            store, [Article(id="third", text=THIRD, published="2025-05-08")], Settings()
        )
        assert touched == [story_id]
        stored = store.get_story(story_id)
        assert stored is not None and len(stored.articles) == 3
        assert [s.id for s in store.stories()] == [story_id]
    finally:
        store.close()


def test_rerun_reuses_stored_analyses(tmp_path):
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    try:
        assert run([str(tmp_path)], settings=Settings(), store=store).analyzed == 1
        again = run([str(tmp_path)], settings=Settings(), store=store)
        assert (again.analyzed, again.reused) == (0, 1)
    finally:
        store.close()
