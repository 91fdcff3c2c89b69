"""The analyst's desk: server-rendered pages and a JSON API over one Store.

Pages: ``/`` (story list, search, filters), ``/stories/{id}`` (briefing with
matrix, timeline, exports), ``/articles/{id}`` (highlighted text). API under
``/api``; ``/docs`` describes it without loading anything from the network.

Reads never write. The one write, ``POST /api/articles``, needs the bearer token
given at start-up and calls the ``ingest`` function passed in (the pipeline:
analyse, store, re-link), so the web layer holds no pipeline code.
"""

from __future__ import annotations

import hmac
import json
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from storyline.errors import StorylineError
from storyline.ingest.jsonl import record_to_article
from storyline.ingest.text import article_id
from storyline.records import Article, Evidence, Story
from storyline.render import json as briefing_json
from storyline.render.csv import render_csv
from storyline.render.html import StoryView, briefing_csp, install_helpers, render_html, story_view
from storyline.render.markdown import render_markdown
from storyline.store.base import Store
from storyline.web import highlight
from storyline.web.listing import Query as ListQuery
from storyline.web.listing import find, outlet_choices, summary_data

Ingest = Callable[[list[Article]], list[str]]

# Pages may load only what this server ships; inline script/style and every
# other origin are refused, so escaped text that a browser misread could not run.
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
MAX_BODY = 4 * 1024 * 1024  # one POST: a 1 MB article and its metadata fit with room to spare
MAX_ARTICLES = 100  # per POST
PAGE_SIZE = 50  # stories per page of the list
CACHE_SECONDS = 5.0  # how stale a page may be after another process (a CLI run) wrote the store
EXPORTS = {
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}


class ArticleIn(BaseModel):
    """An article to ingest: the JSON Lines record of spec/analysis.md."""

    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(default=None, max_length=200, description="kept as the article id when given")
    text: str = Field(min_length=1, description="the article text, taken as given")
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=4000)
    outlet: str | None = Field(default=None, max_length=500)
    author: str | None = Field(default=None, max_length=500)
    published: str | None = Field(
        default=None, max_length=40, description="ISO date: 2024, 2024-10, 2024-10-18"
    )
    dct: str | None = Field(default=None, max_length=40, description="TimeML name for published")


_BODY = TypeAdapter(ArticleIn | list[ArticleIn])


def article_of(item: ArticleIn, where: str) -> Article:
    """The posted record as ingest reads a JSON Lines record (dates normalised, outlet from URL)."""
    record = item.model_dump(exclude_none=True)
    record.setdefault("id", article_id(item.text))
    return record_to_article(record, path=None, where=where)


@dataclass
class _Cache:
    """Stories and rendered pages, dropped on every write through this app and after ``ttl`` seconds.

    One thread computes a missing entry while the others asking for it wait
    (single flight): after a write, 50 readers of a big story cost one render, not 50.
    """

    ttl: float = CACHE_SECONDS
    generation: int = 0
    entries: dict[Any, tuple[int, float, Any]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    flights: dict[Any, threading.Lock] = field(default_factory=dict)

    def get(self, key: Any, make: Callable[[], Any]) -> Any:
        hit = self._fresh(key)
        if hit is not None:
            return hit[0]
        with self.lock:
            flight = self.flights.setdefault(key, threading.Lock())
        with flight:
            hit = self._fresh(key)  # computed by the thread we waited for
            if hit is not None:
                return hit[0]
            generation, now = self.generation, time.monotonic()
            value = make()
            with self.lock:
                if len(self.entries) > 5000:
                    self.entries.clear()
                    self.flights.clear()
                self.entries[key] = (generation, now, value)
            return value

    def _fresh(self, key: Any) -> tuple[Any] | None:
        hit = self.entries.get(key)
        if hit and hit[0] == self.generation and time.monotonic() - hit[1] < self.ttl:
            return (hit[2],)
        return None

    def clear(self) -> None:
        with self.lock:
            self.generation += 1
            self.entries.clear()


def _templates() -> Environment:
    env = Environment(
        loader=ChoiceLoader(
            [PackageLoader("storyline.web", "templates"), PackageLoader("storyline.render", "templates")]
        ),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    install_helpers(env)
    env.globals["url_quote"] = lambda s: quote(str(s), safe="")
    return env


class SecurityHeaders:
    """ASGI middleware: the CSP and friends on every response that does not set its own."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                for name, value in (
                    (b"content-security-policy", PAGE_CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                    (b"cross-origin-resource-policy", b"same-origin"),
                ):
                    if name not in names:
                        headers.append((name, value))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


class AllowedHosts:
    """ASGI middleware refusing requests for other Host names (DNS rebinding onto 127.0.0.1)."""

    def __init__(self, app: Any, hosts: Sequence[str]) -> None:
        self.app, self.hosts = app, {h.lower() for h in hosts}

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in self.hosts:
                response = JSONResponse({"detail": f"host {host!r} is not served here"}, status_code=400)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(
    store: Store,
    *,
    token: str | None = None,
    ingest: Ingest | None = None,
    allowed_hosts: Sequence[str] | None = None,
    max_body: int = MAX_BODY,
    cache_seconds: float = CACHE_SECONDS,
) -> FastAPI:
    """The web app over ``store``.

    ``token``: the bearer token ``POST /api/articles`` needs; without one the
    app is read-only. ``ingest``: analyses, stores and re-links a batch of
    articles and returns the ids of the stories they joined.
    ``allowed_hosts``: Host header names to answer (None: any).
    """
    app = FastAPI(
        title="storyline desk",
        summary="Stories, claims and their evidence from the storyline store.",
        docs_url=None,
        redoc_url=None,
    )
    env = _templates()
    cache = _Cache(ttl=cache_seconds)
    app.state.store, app.state.cache = store, cache
    static = resources.files("storyline.web") / "static"
    briefing_css = (resources.files("storyline.render") / "templates" / "briefing.css").read_text("utf-8")

    @app.get("/static/briefing.css", include_in_schema=False)
    def shared_css() -> Response:
        return Response(briefing_css, media_type="text/css", headers={"Cache-Control": "max-age=3600"})

    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    def page(name: str, code: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=code)

    def get_story(story_id: str) -> Story:
        story = cache.get(("story", story_id), lambda: store.get_story(story_id))
        if story is None:
            raise HTTPException(
                404,
                f"no story {story_id!r} in the store; re-linking after new articles can give a "
                "story a new id: search for it in the story list",
            )
        return story  # type: ignore[no-any-return]

    def listing(query: ListQuery, limit: int, offset: int) -> tuple[list[Any], bool]:
        try:
            return cache.get(
                ("list", query, limit, offset), lambda: find(store, query, limit=limit, offset=offset)
            )  # type: ignore[no-any-return]
        except StorylineError as exc:  # a malformed date, say
            raise HTTPException(422, str(exc)) from exc

    def ev_href(view: StoryView, ev: Evidence) -> str:
        return (
            f"/articles/{quote(ev.article, safe='')}?story={quote(view.story.id, safe='')}"
            f"&hl={ev.span[0]}-{ev.span[1]}#ev"
        )

    def article_href(view: StoryView, a: Any) -> str:
        return f"/articles/{quote(a.article.id, safe='')}?story={quote(view.story.id, safe='')}"

    # ------------------------------------------------------------ pages

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return page("error.html", exc.status_code, status=exc.status_code, detail=exc.detail)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(
        q: str = "", since: str = "", until: str = "", outlet: str = "", entity: str = "", offset: int = 0
    ) -> HTMLResponse:
        query = ListQuery(
            q=q[:200], since=since[:10], until=until[:10], outlet=outlet[:200], entity=entity[:200]
        )
        offset = max(0, offset)
        found, more = listing(query, PAGE_SIZE, offset)
        return page(
            "index.html",
            query=query,
            found=found,
            more=more,
            offset=offset,
            page_size=PAGE_SIZE,
            counts=cache.get(("counts",), store.counts),
            outlets=cache.get(("outlets",), lambda: outlet_choices(store)),
            next_params=urlencode(query.params(offset=offset + PAGE_SIZE)),
            prev_params=urlencode(query.params(offset=max(0, offset - PAGE_SIZE))),
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str) -> HTMLResponse:
        story = get_story(story_id)
        html = cache.get(
            ("story-page", story_id),
            lambda: env.get_template("story.html").render(
                view=story_view(story),
                ev_href=ev_href,
                article_href=article_href,
                exports=[(fmt, f"/stories/{quote(story.id, safe='')}/export.{fmt}") for fmt in EXPORTS],
            ),
        )
        return HTMLResponse(html)

    @app.get("/stories/{story_id}/export.{fmt}", include_in_schema=False)
    def export(story_id: str, fmt: str) -> Response:
        if fmt not in EXPORTS:
            raise HTTPException(404, f"no export format {fmt!r}; use one of {', '.join(EXPORTS)}")
        story = get_story(story_id)
        body = {"json": briefing_json.dumps, "md": render_markdown, "html": render_html, "csv": render_csv}[
            fmt
        ]([story])
        safe_id = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in story.id)[:80]
        headers = {"Content-Disposition": f'attachment; filename="story-{safe_id}.{fmt}"'}
        if fmt == "html":
            headers["Content-Security-Policy"] = briefing_csp()
        return Response(body, media_type=EXPORTS[fmt], headers=headers)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str, story: str = "", hl: str = "") -> HTMLResponse:
        analysis = cache.get(("analysis", article_id), lambda: store.get_analysis(article_id))
        story_id = story or cache.get(("story_of", article_id), lambda: store.story_of(article_id)) or ""
        owner = cache.get(("story", story_id), lambda: store.get_story(story_id)) if story_id else None
        article = analysis.article if analysis else _article_in(owner, article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id!r} in the store")
        target = highlight.parse_span(hl, len(article.text))
        marks = highlight.article_marks(analysis, owner, article, target)
        return page(
            "article.html",
            article=article,
            analysis=analysis,
            story=owner,
            marks=marks,
            target=target,
            target_claims=highlight.claims_at(owner, article.id, target),
            counts=highlight.counts(marks),
        )

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> HTMLResponse:
        return page("docs.html", api=app.openapi(), writable=token is not None)

    # ------------------------------------------------------------ API

    @app.get("/api/stories", summary="List stories, newest activity first")
    def api_stories(
        q: str = Query("", description="words to find in titles, claims, speakers and entities"),
        since: str = Query("", description="ISO date: stories with articles on or after"),
        until: str = Query("", description="ISO date: stories with articles on or before"),
        outlet: str = Query("", description="stories with an article from this outlet"),
        entity: str = Query("", description="stories mentioning this entity"),
        limit: int = Query(50, ge=1, le=1000),
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        query = ListQuery(q=q, since=since, until=until, outlet=outlet, entity=entity)
        found, more = listing(query, limit, offset)
        return {"stories": [summary_data(s) for s in found], "more": more}

    @app.get("/api/stories/{story_id}", summary="One story as the briefing JSON story object")
    def api_story(story_id: str) -> Response:
        body = cache.get(
            ("story-json", story_id),
            lambda: json.dumps(briefing_json.story_data(get_story(story_id)), ensure_ascii=False),
        )
        return Response(body, media_type="application/json")

    @app.get("/api/articles/{article_id}", summary="One article's analysis (spec/analysis.md)")
    def api_article(article_id: str) -> dict[str, Any]:
        analysis = store.get_analysis(article_id)
        if analysis is None:
            raise HTTPException(404, f"no analysed article {article_id!r} in the store")
        return briefing_json.analysis_data(analysis)

    @app.post(
        "/api/articles",
        status_code=201,
        summary="Ingest articles (bearer token); their story is re-linked",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "anyOf": [
                                {"$ref": "#/components/schemas/ArticleIn"},
                                {"type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"}},
                            ]
                        }
                    }
                },
            }
        },
    )
    async def api_ingest(request: Request) -> dict[str, Any]:
        _authorize(request, token)
        if ingest is None:
            raise HTTPException(503, "this server has no ingest pipeline configured")
        items = _validate(await _read_body(request, max_body))
        try:
            articles = [article_of(item, f"POST /api/articles item {i}") for i, item in enumerate(items)]
            stories = await run_in_threadpool(ingest, articles)
        except StorylineError as exc:
            raise HTTPException(422, str(exc)) from exc
        finally:
            cache.clear()
        return {"articles": [a.id for a in articles], "stories": list(stories)}

    _document_schema(app)
    app.add_middleware(SecurityHeaders)
    if allowed_hosts is not None:
        app.add_middleware(AllowedHosts, hosts=allowed_hosts)
    return app


def _article_in(story: Story | None, article_id: str) -> Article | None:
    return next((a for a in story.articles if a.id == article_id), None) if story else None


def _authorize(request: Request, token: str | None) -> None:
    if token is None:
        raise HTTPException(403, "writes are disabled: start the server with --token to accept articles")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(
            401,
            "a valid 'Authorization: Bearer TOKEN' header is needed",
            headers={"WWW-Authenticate": "Bearer"},
        )


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"body of {declared} bytes is over the limit of {limit}")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"body is over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _validate(body: bytes) -> list[ArticleIn]:
    try:
        parsed = _BODY.validate_json(body)
    except ValidationError as exc:
        detail = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'body'}: {e['msg']}" for e in exc.errors()[:5])
        raise HTTPException(422, f"not an article or a list of articles: {detail}") from exc
    items = parsed if isinstance(parsed, list) else [parsed]
    if not items or len(items) > MAX_ARTICLES:
        raise HTTPException(422, f"send 1 to {MAX_ARTICLES} articles per request, not {len(items)}")
    return items


def _document_schema(app: FastAPI) -> None:
    """Put ArticleIn into the OpenAPI components (the POST body is parsed by hand, size first)."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original()
        schema.setdefault("components", {}).setdefault("schemas", {})["ArticleIn"] = (
            ArticleIn.model_json_schema()
        )
        schema["components"]["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
        schema["paths"]["/api/articles"]["post"]["security"] = [{"bearer": []}]
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
