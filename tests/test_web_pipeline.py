"""The desk with the real pipeline behind POST /api/articles, as `storyline serve` wires it."""

from __future__ import annotations

import warnings

import pytest

from storyline.settings import Settings
from storyline.store import open_store
from storyline.web import create_app
from storyline.web.serve import ProcessIngest, loopback_hosts

with warnings.catch_warnings():
    warnings.simplefilter("ignore", UserWarning)  # starlette asks for the httpx2 fork
    from fastapi.testclient import TestClient

ARTICLE = {
    "id": "harwick-courier-1",
    "title": "Ferry service to Harwick resumes after storm",
    "outlet": "Harwick Courier",
    "published": "2026-11-20",
    "text": (
        "Ferry service to Harwick resumed on Thursday after a two-day storm closed the harbour.\n\n"
        "About 300 passengers were stranded on the mainland, port director Anna Kell said on Thursday.\n\n"
        '"We will add two extra sailings this weekend," Kell told reporters.'
    ),
}


@pytest.mark.slow
def test_posted_article_is_analysed_stored_linked_and_shown(tmp_path):
    db = f"sqlite:///{tmp_path / 'desk.db'}"
    store = open_store(db)
    ingest = ProcessIngest(db, Settings.from_env(db=db))
    try:
        client = TestClient(create_app(store, token="t", ingest=ingest))
        response = client.post("/api/articles", json=ARTICLE, headers={"Authorization": "Bearer t"})
        assert response.status_code == 201, response.text
        (story_id,) = response.json()["stories"]
        page = client.get(f"/stories/{story_id}").text
        assert "Harwick Courier" in page
        analysis = client.get("/api/articles/harwick-courier-1").json()
        assert analysis["article"]["published"] == "2026-11-20"
        assert len(analysis["sentences"]) >= 3
        assert any(q["value"] == 300 for q in analysis["quantities"])
        article_page = client.get("/articles/harwick-courier-1").text
        assert 'class="hl-qty"' in article_page and 'class="hl-date"' in article_page
    finally:
        ingest.close()
        store.close()


@pytest.mark.parametrize(
    ("host", "hosts"),
    [
        ("127.0.0.1", ["127.0.0.1", "localhost", "[::1]"]),
        ("localhost", ["127.0.0.1", "localhost", "[::1]"]),
        ("0.0.0.0", None),
    ],
)
def test_serve_answers_only_loopback_names_when_bound_to_loopback(host, hosts):
    assert loopback_hosts(host) == hosts


@pytest.mark.slow
def test_hostile_megabyte_article_goes_through_the_real_pipeline_and_stays_inert():
    import re

    from storyline.web.serve import pipeline_ingest
    from test_render import parse
    from test_render_samples import HOSTILE_TEXT, PAYLOADS

    store = open_store("sqlite:///:memory:")
    client = TestClient(create_app(store, token="t", ingest=pipeline_ingest(store, Settings())))
    body = {
        "id": "evil-1",
        "text": HOSTILE_TEXT + "\n<img src=x onerror=alert(1)>" + "z" * 1_000_000,
        "outlet": PAYLOADS[0],
        "title": PAYLOADS[1],
        "url": "javascript:alert(1)",
        "published": "2026-11-16",
    }
    response = client.post("/api/articles", json=body, headers={"Authorization": "Bearer t"})
    assert response.status_code == 201, response.text
    (story_id,) = response.json()["stories"]
    for path in (f"/stories/{story_id}", "/articles/evil-1", "/"):
        page = client.get(path).text
        assert not any(p in page for p in PAYLOADS)
        assert len(re.findall(r"<script\b", page)) == 1
        tags = parse(page).tags
        assert not [name for _, attrs in tags for name in attrs if name.startswith("on")]
        assert not [a for _, a in tags if (a.get("href") or "").lower().startswith("javascript")]
    assert len(client.get("/articles/evil-1").text) > 1_000_000
    store.close()
