"""The desk app through Starlette's TestClient: every route, auth, limits, escaping, headers."""

from __future__ import annotations

import json
import re
import warnings

import pytest

from storyline.errors import AnalysisError
from storyline.render.html import briefing_csp
from storyline.web import create_app
from storyline.web.app import PAGE_CSP
from test_render_samples import (
    PAYLOADS,
    filled_store,
    harbour_articles,
    harbour_fire_story,
    hostile_story,
    inbox_ingest,
)

with warnings.catch_warnings():
    # starlette asks for the httpx2 fork; the TestClient works the same with httpx
    warnings.simplefilter("ignore", UserWarning)
    from fastapi.testclient import TestClient

TOKEN = "s3cret-token"


@pytest.fixture
def store(tmp_path):
    store = filled_store(f"sqlite:///{tmp_path / 'desk.db'}")
    yield store
    store.close()


@pytest.fixture
def client(store):
    return TestClient(create_app(store, token=TOKEN, ingest=inbox_ingest(store)))


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# ---------------------------------------------------------------- pages


def test_story_list_shows_counts_newest_activity_first(client):
    page = client.get("/").text
    assert "2 stories and 1 article in the store" in page
    harbour = page.index("Chemical plant fire in Harwick harbour")
    assert harbour < page.index("Bridge &lt;b&gt;story")  # latest article first
    row = page[harbour:].split("</tr>")[0]
    assert re.findall(r'<td class="num">(?:<span[^>]*>)?(\d+)', row) == ["4", "6", "2"]


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"q": "velmar"}, ["Chemical plant fire"]),
        ({"q": "yellow cloud"}, ["Chemical plant fire"]),  # a claim
        ({"q": "Tomas Rieck"}, ["Chemical plant fire"]),  # a speaker
        ({"q": "company"}, ["Chemical plant fire"]),  # an entity alias
        ({"q": "bridge"}, ["Bridge"]),
        ({"q": "nothing-like-this"}, []),
        ({"outlet": "Baltic Ledger"}, ["Chemical plant fire"]),
        ({"entity": "ilse brandt"}, ["Chemical plant fire"]),
        ({"entity": "Brandt"}, ["Chemical plant fire"]),  # an alias, whole
        ({"entity": "Brand"}, []),
        ({"q": "riec"}, ["Chemical plant fire"]),  # a prefix
        ({"since": "2026-11-17"}, ["Chemical plant fire"]),
        ({"until": "2026-11-16"}, ["Chemical plant fire", "Bridge"]),  # "Nov 2026" may be before the 16th
        ({"until": "2026-10-31"}, []),
        ({"since": "2026-11-01", "until": "2026-11-30"}, ["Chemical plant fire", "Bridge"]),
    ],
)
def test_story_list_search_and_filters(client, params, titles):
    data = client.get("/api/stories", params=params).json()
    found = [s["title"] for s in data["stories"]]
    assert len(found) == len(titles) and data["more"] is False
    assert all(any(t in f for f in found) for t in titles)
    page = client.get("/", params=params).text
    for t in titles:
        assert t in page


def test_story_list_pages_through_many_stories(tmp_path):
    from dataclasses import replace

    story = harbour_fire_story()
    store = filled_store(
        f"sqlite:///{tmp_path / 'many.db'}",
        *(replace(story, id=f"st-{i:03}", title=f"Story number {i:03}") for i in range(55)),
    )
    client = TestClient(create_app(store))
    first = client.get("/").text
    assert first.count('class="storylink"') == 50 and "older →" in first
    second = client.get("/", params={"offset": 50}).text
    assert second.count('class="storylink"') == 5 and "← newer" in second
    api = client.get("/api/stories", params={"limit": 10, "offset": 50}).json()
    assert len(api["stories"]) == 5 and api["more"] is False
    store.close()


@pytest.mark.parametrize("path", ["/?since=yesterday", "/api/stories?until=2024-13-99x"])
def test_story_list_rejects_malformed_dates(client, path):
    response = client.get(path)
    assert response.status_code == 422
    assert "not an ISO date" in response.text


def test_story_page_has_matrix_linking_cells_to_highlighted_evidence(client):
    page = client.get("/stories/st-harwick-fire").text
    assert page.index("Conflicts and denials") < page.index("Claims × outlets") < page.index("<svg")
    cells = re.findall(r'<td class="cell st-[a-z-]+"><a href="([^"]+)"', page)
    assert len(cells) == 9
    first = cells[0].replace("&amp;", "&")
    assert first.endswith("#ev") and "hl=" in first
    article = client.get(first.split("#")[0]).text
    sentence = (
        "At least 40 workers were evacuated from the site, "
        "fire service spokesman Tomas Rieck told reporters on Wednesday."
    )
    assert re.search(
        rf'<mark class="hl-target" id="ev"[^>]*>(<mark class="hl-claim"[^>]*>)?{re.escape(sentence)}', article
    )
    assert "for <q>At least 40 workers were evacuated from the site.</q> (contested)" in article


def test_story_page_exports(client):
    page = client.get("/stories/st-harwick-fire").text
    links = re.findall(r'<a class="export" href="([^"]+)"', page)
    assert [link.rsplit(".", 1)[1] for link in links] == ["json", "md", "html", "csv"]


@pytest.mark.parametrize(
    ("fmt", "media", "needle"),
    [
        ("json", "application/json", '"schema": "storyline/briefing-v1"'),
        ("md", "text/markdown", "## Chemical plant fire in Harwick harbour"),
        ("html", "text/html", "<h2>Chemical plant fire in Harwick harbour</h2>"),
        ("csv", "text/csv", "story_id,claim_id,kind,status"),
    ],
)
def test_export_downloads(client, fmt, media, needle):
    response = client.get(f"/stories/st-harwick-fire/export.{fmt}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert response.headers["content-disposition"] == f'attachment; filename="story-st-harwick-fire.{fmt}"'
    assert needle in response.text
    if fmt == "json":
        assert json.loads(response.text)["stories"][0]["id"] == "st-harwick-fire"
    expected_csp = briefing_csp() if fmt == "html" else PAGE_CSP
    assert response.headers["content-security-policy"] == expected_csp


def test_export_unknown_format_is_404(client):
    assert client.get("/stories/st-harwick-fire/export.exe").status_code == 404


def test_article_page_highlights_analysis_spans(client):
    article = hostile_story().articles[0]
    page = client.get(f"/articles/{article.id}").text
    assert '<mark class="hl-date" title="DATE 2026-11-16">Monday</mark>' in page
    assert 'class="hl-speaker" title="speaker: officials (government)">Officials</mark>' in page
    assert "dates</span> (1)" in page and "speakers</span> (1)" in page
    assert "javascript:window.__pwned=9" in page  # shown as text ...
    assert not re.search(r'<a\b[^>]*href="javascript', page)  # ... never as a link


def test_article_page_without_analysis_marks_story_evidence(client):
    courier = harbour_articles()[0]
    page = client.get(f"/articles/{courier.id}").text
    assert "No stored analysis for this article" in page
    assert page.count('class="hl-claim"') == 3
    assert "← Chemical plant fire in Harwick harbour" in page


@pytest.mark.parametrize("hl", ["5-2", "0-99999999", "abc", "-1-4"])
def test_article_page_ignores_bad_highlight_spans(client, hl):
    courier = harbour_articles()[0]
    page = client.get(f"/articles/{courier.id}", params={"hl": hl}).text
    assert 'id="ev"' not in page


@pytest.mark.parametrize(
    "path", ["/stories/nope", "/articles/nope", "/api/stories/nope", "/api/articles/nope"]
)
def test_missing_things_are_404_with_a_message(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "nope" in response.text
    if path.startswith("/api/"):
        assert "nope" in response.json()["detail"]


def test_docs_page_works_offline(client):
    page = client.get("/docs").text
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}", "/api/articles"):
        assert f"<code>{path}</code>" in page
    assert "token needed" in page
    assert not re.search(r'(src|href)="(https?:)?//', page)
    schema = client.get("/openapi.json").json()
    assert schema["paths"]["/api/articles"]["post"]["security"] == [{"bearer": []}]
    assert "ArticleIn" in schema["components"]["schemas"]


def test_static_assets_are_shipped(client):
    for path, kind in (
        ("/static/app.css", "text/css"),
        ("/static/app.js", "javascript"),
        ("/static/briefing.css", "text/css"),
    ):
        response = client.get(path)
        assert response.status_code == 200 and kind in response.headers["content-type"]


# ---------------------------------------------------------------- API


def test_api_story_is_the_briefing_story_object(client):
    from storyline.render.json import story_data

    assert client.get("/api/stories/st-harwick-fire").json() == json.loads(
        json.dumps(story_data(harbour_fire_story()))
    )


def test_api_article_is_the_analysis_json(client):
    response = client.get(f"/api/articles/{hostile_story().articles[0].id}")
    data = response.json()
    assert data["article"]["id"] == hostile_story().articles[0].id
    assert data["timexes"][0]["value"] == "2026-11-16"


def test_post_article_ingests_and_the_story_shows_it(client):
    body = {
        "text": "Port officials said the quay reopened on Friday. Ships resumed loading.",
        "outlet": "Port Gazette",
        "published": "2026-11-21",
        "title": "Quay reopens",
    }
    response = client.post("/api/articles", json=body, headers=auth())
    assert response.status_code == 201
    data = response.json()
    assert data["stories"] == ["st-inbox"] and len(data["articles"]) == 1
    story = client.get("/api/stories/st-inbox").json()
    assert story["articles"][0]["outlet"] == "Port Gazette"
    assert story["articles"][0]["published"] == "2026-11-21"
    assert "Quay reopens" in client.get("/stories/st-inbox").text
    assert client.get("/").text.index("Reader submissions") < client.get("/").text.index(
        "Chemical plant fire"
    )


def test_post_a_list_keeps_given_ids(client):
    body = [{"id": "mine-1", "text": "One. Two."}, {"id": "mine-2", "text": "Three. Four."}]
    response = client.post("/api/articles", json=body, headers=auth())
    assert response.json()["articles"] == ["mine-1", "mine-2"]


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        (auth("wrong"), 401),
        ({"Authorization": f"Basic {TOKEN}"}, 401),
        ({"Authorization": TOKEN}, 401),
    ],
)
def test_post_needs_the_token(client, store, headers, status):
    response = client.post("/api/articles", json={"text": "Hello."}, headers=headers)
    assert response.status_code == status
    assert response.headers.get("www-authenticate") == "Bearer"
    assert store.get_story("st-inbox") is None


def test_without_a_token_the_app_is_read_only(store):
    client = TestClient(create_app(store, token=None, ingest=inbox_ingest(store)))
    response = client.post("/api/articles", json={"text": "Hello."}, headers=auth())
    assert response.status_code == 403
    assert "--token" in response.json()["detail"]


def test_without_a_pipeline_post_is_503(store):
    client = TestClient(create_app(store, token=TOKEN))
    assert client.post("/api/articles", json={"text": "Hello."}, headers=auth()).status_code == 503


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"{}",
        b'{"text": ""}',
        b'{"text": "x", "evil": 1}',
        b"[]",
        b'{"text": 5}',
        json.dumps([{"text": "x"}] * 101).encode(),
    ],
)
def test_post_rejects_malformed_bodies(client, body):
    response = client.post(
        "/api/articles", content=body, headers={**auth(), "Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["detail"]


def test_post_names_an_unreadable_date(client):
    response = client.post(
        "/api/articles", json={"id": "d1", "text": "Hello.", "published": "someday"}, headers=auth()
    )
    assert response.status_code == 201
    assert client.get("/api/stories/st-inbox").json()["articles"][0]["flags"] == ["bad-date"]


def test_post_body_is_size_limited(store):
    client = TestClient(create_app(store, token=TOKEN, ingest=inbox_ingest(store), max_body=10_000))
    response = client.post("/api/articles", json={"text": "x" * 20_000}, headers=auth())
    assert response.status_code == 413
    assert store.get_story("st-inbox") is None


def test_post_accepts_a_one_megabyte_single_line(client):
    response = client.post("/api/articles", json={"text": "word " * 210_000}, headers=auth())
    assert response.status_code == 201


def test_pipeline_errors_become_422(store):
    def failing(articles):
        raise AnalysisError("article abc: the text is longer than the pipeline's limit")

    client = TestClient(create_app(store, token=TOKEN, ingest=failing))
    response = client.post("/api/articles", json={"text": "x"}, headers=auth())
    assert response.status_code == 422
    assert "longer than the pipeline's limit" in response.json()["detail"]


# ---------------------------------------------------------------- security


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/stories/st-hostile",
        f"/articles/{hostile_story().articles[0].id}",
        "/docs",
        "/api/stories",
        "/stories/nope",
    ],
)
def test_every_response_carries_a_strict_csp(client, path):
    headers = client.get(path).headers
    assert headers["content-security-policy"] == PAGE_CSP
    assert "unsafe-inline" not in PAGE_CSP and "default-src 'none'" in PAGE_CSP
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("path", ["/", "/stories/st-hostile", f"/articles/{hostile_story().articles[0].id}"])
def test_hostile_text_is_escaped_on_every_page(client, path):
    page = client.get(path).text
    for payload in PAYLOADS:
        assert payload not in page
    assert len(re.findall(r"<script\b", page)) == 1  # /static/app.js
    assert not re.search(r"<[a-z]+[^>]*\son[a-z]+=", page)
    assert not re.search(r'<a\b[^>]*href="javascript', page)
    assert "<style" not in page and " style=" not in page  # nothing inline for the CSP to refuse


def test_allowed_hosts_refuse_rebound_names(store):
    client = TestClient(
        create_app(store, allowed_hosts=["127.0.0.1", "localhost"]), base_url="http://evil.example"
    )
    assert client.get("/").status_code == 400
    ok = TestClient(
        create_app(store, allowed_hosts=["127.0.0.1", "localhost"]), base_url="http://127.0.0.1:8000"
    )
    assert ok.get("/").status_code == 200


def test_pages_follow_a_write_through_the_api_at_once(client):
    before = client.get("/stories/st-harwick-fire").text  # now cached
    assert "Reader submissions" not in client.get("/").text
    client.post("/api/articles", json={"text": "A new sentence. More."}, headers=auth())
    assert "Reader submissions" in client.get("/").text
    assert client.get("/stories/st-harwick-fire").text == before


def test_cache_computes_a_missing_page_once_for_concurrent_readers():
    import threading
    import time as clock

    from storyline.web.app import _Cache

    cache, calls = _Cache(ttl=60), []

    def render():
        calls.append(1)
        clock.sleep(0.05)
        return "page"

    threads = [threading.Thread(target=cache.get, args=("story", render)) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    cache.clear()  # a write
    assert cache.get("story", render) == "page" and len(calls) == 2
