"""WARC streaming: write an archive of a few thousand HTML responses, read it back.

    python benchmarks/warc.py [--records 3000] [--paragraphs 12] [--plain]

Prints records/s and articles/s of ``read_inputs`` on the archive, and the
resident memory at 10 %, 50 % and 100 % of the records beside the peak:
memory is flat when the three samples agree. Pages are generated (invented
text), a fifth of the records are not HTML responses (requests, images,
404s) and are skipped as in a real crawl.
"""

from __future__ import annotations

import sys
from pathlib import Path

# benchmarks/html.py would shadow the standard library's `html` (feedparser and
# trafilatura import it): drop this folder from the path first.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import io  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

_PROSE = (
    "council minister port harbour officials said on Tuesday that the new budget would fund "
    "repairs bridge flooding residents agency statement police spokesperson added report "
    "according to local media river storm electricity supply schools closed estimated damage"
)
WORDS = tuple(_PROSE.split(" "))


def page(number: int, paragraphs: int, rng: random.Random) -> bytes:
    body = "".join(
        "<p>" + " ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 45))).capitalize() + ".</p>"
        for _ in range(paragraphs)
    )
    return (
        f"<!doctype html><html><head><title>Storm report {number}</title>"
        f'<meta property="og:type" content="article">'
        f'<meta property="article:published_time" content="2024-10-{1 + number % 28:02d}">'
        f"</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Storm report {number}</h1>{body}</article>"
        f"<footer>Copyright 2024 Example Gazette. All rights reserved.</footer></body></html>"
    ).encode()


def write_archive(path: Path, records: int, paragraphs: int, gzip: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(7)
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for number in range(records):
            url = f"https://news{number % 7}.example.com/2024/10/story-{number}"
            kind = number % 5
            if kind == 4:  # a request record: skipped by the reader
                headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
                record = writer.create_warc_record(url, "request", http_headers=headers)
            else:
                status, ctype = (
                    ("200 OK", "text/html; charset=utf-8") if kind else ("404 Not Found", "text/html")
                )
                payload = page(number, paragraphs, rng)
                headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
                record = writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(payload),
                    length=len(payload),
                    http_headers=headers,
                )
            writer.write_record(record)


def rss_mb() -> float:
    with open("/proc/self/statm") as stream:
        return int(stream.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--paragraphs", type=int, default=12)
    parser.add_argument("--plain", action="store_true", help="an uncompressed .warc")
    args = parser.parse_args(argv)
    from storyline.ingest import ReadOptions, read_inputs
    from storyline.records import Article

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("crawl.warc" if args.plain else "crawl.warc.gz")
        started = time.perf_counter()
        write_archive(path, args.records, args.paragraphs, gzip=not args.plain)
        print(f"wrote {args.records} records, {path.stat().st_size / 2**20:.1f} MiB "
              f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
        checkpoints = {max(1, args.records * 3 // 5 // 10), args.records * 3 // 5 // 2}
        samples, articles, problems = [], 0, 0
        started = time.perf_counter()
        for item in read_inputs([str(path)], ReadOptions()):
            if isinstance(item, Article):
                articles += 1
                if articles in checkpoints:
                    samples.append(rss_mb())
            else:
                problems += 1
        seconds = time.perf_counter() - started
        samples.append(rss_mb())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"read {args.records} records ({articles} articles, {problems} problems) in "
        f"{seconds:.1f} s: {args.records / seconds:.0f} records/s, "
        f"{articles / seconds:.0f} articles/s"
    )
    print(f"RSS MiB at 10%/50%/100% of articles: {' / '.join(f'{s:.0f}' for s in samples)}; "
          f"peak {peak:.0f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
