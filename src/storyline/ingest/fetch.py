"""Polite downloads for ``--fetch``: robots.txt, a named user agent, timeouts, a size cap.

The only module of storyline that opens a socket. One ``Fetcher`` per run
keeps robots.txt answers and the last request time per host, so a feed of 50
links to one site is fetched one page per ``delay`` seconds.
"""

from __future__ import annotations

import time
import urllib.robotparser
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storyline.errors import IngestError
from storyline.ingest.outlets import host_of

if TYPE_CHECKING:
    import httpx

USER_AGENT = "storyline/0.1 (news briefing tool; +https://github.com/storyline/storyline)"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    body: bytes


@dataclass
class Fetcher:
    """GET pages politely; raises IngestError naming the URL for anything it won't or can't get."""

    max_bytes: int = 10_000_000
    timeout: float = 20.0
    delay: float = 1.0  # seconds between two requests to one host
    user_agent: str = USER_AGENT
    transport: Any = None  # an httpx transport; tests pass a MockTransport
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)
    _client: Any = None

    def get(self, url: str) -> Fetched:
        host = host_of(url)
        if host is None or not url.startswith(("http://", "https://")):
            raise IngestError(f"{url}: not an http(s) URL")
        if not self.allowed(url):
            raise IngestError(f"{url}: robots.txt of {host} disallows {self.user_agent.split()[0]}")
        return self._download(url, self.max_bytes, pause=self._crawl_delay(url))

    # A site asking for more than a minute between requests is not served by --fetch.
    _MAX_CRAWL_DELAY = 60.0

    def _crawl_delay(self, url: str) -> float:
        """The site's robots.txt Crawl-delay when it asks for more than our own delay."""
        parser = self._robots.get(_origin(url))
        asked = parser.crawl_delay(self.user_agent) if parser is not None else None
        return min(max(self.delay, float(asked or 0)), self._MAX_CRAWL_DELAY)

    def allowed(self, url: str) -> bool:
        """What the site's robots.txt says; unreachable or 5xx robots.txt means no (RFC 9309)."""
        origin = _origin(url)
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.user_agent, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        try:
            response = self._download(origin + "/robots.txt", 500_000, robots=True)
        except _NoRobots:
            return None  # 4xx: no rules, everything allowed
        except IngestError:
            parser = urllib.robotparser.RobotFileParser()
            parser.disallow_all = True  # type: ignore[attr-defined]  # the stdlib's own flag
            return parser
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        return parser

    def _download(self, url: str, cap: int, *, robots: bool = False, pause: float | None = None) -> Fetched:
        client = self.client
        import httpx

        self._wait(url, self.delay if pause is None else pause)
        try:
            with client.stream("GET", url) as response:
                if robots and 400 <= response.status_code < 500:
                    raise _NoRobots
                if response.status_code >= 400:
                    raise IngestError(f"{url}: the server answered HTTP {response.status_code}")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > cap:
                        raise IngestError(f"{url}: larger than {cap:,} bytes; not downloaded")
                return Fetched(
                    url=str(response.url),
                    content_type=response.headers.get("content-type", ""),
                    body=bytes(body),
                )
        except httpx.TimeoutException as err:
            raise IngestError(f"{url}: no answer within {self.timeout:g} s; try later") from err
        except httpx.HTTPError as err:
            raise IngestError(f"{url}: download failed ({err})") from err

    def _wait(self, url: str, delay: float) -> None:
        host = host_of(url) or url
        last = self._last.get(host)
        if last is not None:
            pause = delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            try:
                import httpx
            except ImportError as err:  # httpx is only needed for --fetch
                raise IngestError("--fetch needs httpx: pip install httpx") from err
            self._client = httpx.Client(
                headers={"User-Agent": self.user_agent},
                timeout=self.timeout,
                follow_redirects=True,
                max_redirects=5,
                transport=self.transport,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


def _origin(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"


class _NoRobots(Exception):
    """robots.txt answered 4xx: the site sets no rules."""
