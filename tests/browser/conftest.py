"""Headless Chromium (Debian's, driven by Playwright) against the desk served by uvicorn on 127.0.0.1.

Screenshots go to $STORYLINE_SCREENSHOTS when set (the committed ones in
docs/screenshots were taken that way), else to a pytest temporary folder.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from desk_server import DeskServer

from test_render_samples import filled_store, inbox_ingest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# From ../shared/notes/dependencies.md §7: no sandbox as root, nothing phoning home.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
TOKEN = "browser-test-token"


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed: apt-get install chromium (scripts/system-deps.sh does it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed: pip install -e '.[dev]'")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("STORYLINE_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def desk(tmp_path):
    """The desk over a fresh SQLite store holding the sample stories; writes need TOKEN."""
    from storyline.web import create_app

    store = filled_store(f"sqlite:///{tmp_path / 'desk.db'}")
    app = create_app(store, token=TOKEN, ingest=inbox_ingest(store), allowed_hosts=["127.0.0.1"])
    with DeskServer(app) as server:
        yield server
    store.close()


class Watch:
    """What a page did that it should not: requests elsewhere, dialogs, script errors, console errors."""

    def __init__(self, page, origin: str) -> None:
        self.origin = origin
        self.foreign: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("request", self._request)
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(f"console: {msg.text}"))

    def _request(self, request) -> None:
        if not request.url.startswith((self.origin, "data:", "about:", "file://")):
            self.foreign.append(request.url)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_clean(self) -> None:
        assert self.foreign == []
        assert self.dialogs == []
        assert self.errors == []


@pytest.fixture
def page(browser, desk):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.watch = Watch(page, desk.url)
    yield page
    context.close()
