"""The desk in real headless Chromium: list, search, story, matrix -> evidence, exports, hostile input."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from conftest import TOKEN, Watch
from test_render_samples import HOSTILE_TEXT, harbour_fire_story, hostile_story

pytestmark = pytest.mark.browser

EVIDENCE = (
    "At least 40 workers were evacuated from the site, "
    "fire service spokesman Tomas Rieck told reporters on Wednesday."
)


def never_ran(page) -> None:
    """No payload set its flag, in the page or any frame, and the page still answers."""
    for frame in page.frames:
        assert frame.evaluate("typeof window.__pwned") == "undefined"
    page.watch.assert_clean()


def test_list_search_and_open_a_story(page, desk, shots):
    page.goto(desk.url + "/")
    assert page.locator("a.storylink").count() == 2
    page.screenshot(path=shots / "story-list.png", full_page=True)
    page.fill("input[name=q]", "velmar toxic gas")
    page.click("button[type=submit]")
    page.wait_for_url("**/?q=velmar+toxic+gas*")
    links = page.locator("a.storylink")
    assert links.count() == 1 and links.inner_text() == "Chemical plant fire in Harwick harbour"
    page.select_option("select[name=outlet]", "Baltic Ledger")
    page.click("button[type=submit]")
    assert page.locator("a.storylink").count() == 1
    links.click()
    page.wait_for_url("**/stories/st-harwick-fire")
    assert page.locator("h1").inner_text() == "Chemical plant fire in Harwick harbour"
    assert page.locator("section.uptop").is_visible()
    page.screenshot(path=shots / "story-page.png", full_page=True)
    page.watch.assert_clean()


def test_matrix_cell_opens_the_evidence_highlighted_in_its_article(page, desk, shots):
    page.goto(desk.url + "/stories/st-harwick-fire")
    cell = page.locator("table.matrix td.cell.st-contested a").first
    assert cell.inner_text().strip() == "⚠ contested"
    cell.click()
    page.wait_for_url("**/articles/**#ev")
    target = page.locator("#ev")
    assert target.inner_text() == EVIDENCE
    assert "hl-target" in target.get_attribute("class")
    assert target.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 224, 102)"
    assert page.locator(".banner").inner_text().startswith("Highlighted: the evidence sentence for")
    box, viewport = target.bounding_box(), page.viewport_size
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]
    page.screenshot(path=shots / "matrix-cell-evidence.png")
    page.watch.assert_clean()


def test_exports_download_and_the_html_one_works_offline(page, desk, shots, browser):
    page.goto(desk.url + "/stories/st-harwick-fire")
    with page.expect_download() as download:
        page.click("a.export >> text=JSON")
    data = json.loads(Path(download.value.path()).read_text())
    assert data["stories"][0]["title"] == "Chemical plant fire in Harwick harbour"
    with page.expect_download() as download:
        page.click("a.export >> text=CSV")
    assert Path(download.value.path()).read_text().startswith("story_id,claim_id")
    with page.expect_download() as download:
        page.click("a.export >> text=HTML")
    saved = Path(download.value.path()).with_suffix(".html")
    saved.write_bytes(Path(download.value.path()).read_bytes())

    offline = browser.new_page(viewport={"width": 1280, "height": 900})
    offline.watch = Watch(offline, "file://")
    offline.goto(saved.as_uri())
    assert offline.locator("h2").first.inner_text() == "Chemical plant fire in Harwick harbour"
    offline.locator("table.matrix td.cell.st-contested a").first.click()
    target = offline.locator("mark.ev:target")
    assert target.inner_text() == EVIDENCE
    assert offline.locator("details.fulltext[open]").count() == 1  # its article unfolded
    offline.screenshot(path=shots / "export-html-evidence.png")
    offline.watch.assert_clean()
    offline.close()


def test_hostile_article_posted_through_the_api_runs_nothing(page, desk, shots):
    megabyte_line = "<img src=x onerror=window.__pwned=99>" + "z" * 1_000_000
    article = {
        "id": "hostile-1",
        "text": HOSTILE_TEXT + "\n" + megabyte_line,
        "title": '<img src=x onerror="window.__pwned=10">Bridge reopens',
        "outlet": "<script>window.__pwned=8</script>Evil Outlet",
        "url": "javascript:window.__pwned=9",
        "published": "2026-11-16",
    }
    response = httpx.post(
        desk.url + "/api/articles", json=article, timeout=60, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 201, response.text

    page.goto(desk.url + "/")
    assert "Reader submissions" in page.locator("table.stories").inner_text()
    page.goto(desk.url + "/stories/st-inbox")
    assert "<script>window.__pwned=8</script>Evil Outlet" in page.locator("table.articles").inner_text()
    never_ran(page)
    page.click("table.matrix td.cell a")
    page.wait_for_url("**/articles/hostile-1**")
    text = page.locator("#text")
    assert '<svg onload="window.__pwned=3">' in text.inner_text()
    assert text.locator("script, img, svg, iframe").count() == 0
    page.uncheck("input[data-toggle=hl-claim]")  # the page's own script still works
    assert "hide-hl-claim" in page.locator("body").get_attribute("class")
    page.screenshot(path=shots / "hostile-article.png")
    page.mouse.wheel(0, 5000)
    assert page.locator("aside.metadata").is_visible()
    never_ran(page)


def test_hostile_story_in_every_field_runs_nothing(page, desk, shots):
    for path in ("/", "/stories/st-hostile", f"/articles/{hostile_story().articles[0].id}", "/docs"):
        page.goto(desk.url + path)
        for link in page.locator("a").all():
            href = link.get_attribute("href") or ""
            assert not href.lower().startswith("javascript"), href
        never_ran(page)
    page.goto(desk.url + "/stories/st-hostile")
    page.screenshot(path=shots / "hostile-story.png", full_page=True)


def test_ingest_without_the_token_is_refused_and_changes_nothing(page, desk):
    response = httpx.post(desk.url + "/api/articles", json={"text": "Sneaky."})
    assert response.status_code == 401
    page.goto(desk.url + "/")
    assert "Reader submissions" not in page.content()
    assert harbour_fire_story().title in page.content()
