"""How inputs are read: one typed options object, safe offline defaults."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.ingest.outlets import host_of


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """Options of ``read_inputs``.

    fetch: download URLs given as inputs and the pages feed entries link to.
    hosts: keep only archive records and feed entries from these hosts (and
        their subdomains); empty keeps all.
    since, until: keep only archive records and feed entries published in this
        ISO date range (inclusive; the record's date when the page has none).
    max_bytes: the most bytes one document may have, read or decompressed;
        bigger ones are reported, not read (gzip bombs stop here).
    """

    fetch: bool = False
    hosts: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    max_bytes: int = 20_000_000

    def keeps(self, *, url: str | None, published: str | None) -> bool:
        """Whether an archive record or feed entry passes the host and date filters."""
        return self.keeps_host(url) and self.keeps_date(published)

    def keeps_host(self, url: str | None) -> bool:
        if not self.hosts:
            return True
        host = host_of(url)
        return host is not None and any(_under(host, wanted) for wanted in self.hosts)

    def keeps_date(self, published: str | None) -> bool:
        if published:
            day = published[:10]
            if self.since and day < self.since[: len(day)]:
                return False
            if self.until and day[: len(self.until)] > self.until:
                return False
        elif self.since or self.until:
            return False  # undated: cannot be shown to fall in the range
        return True


def _under(host: str, wanted: str) -> bool:
    wanted = wanted.lower().removeprefix("www.")
    return host == wanted or host.endswith("." + wanted)
