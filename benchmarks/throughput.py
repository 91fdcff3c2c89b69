"""Throughput of `storyline extract` beside bare spaCy `nlp.pipe` on the same texts.

    .venv/bin/python benchmarks/throughput.py [PATH.jsonl] [--limit N] [--batch-size B]

Reads BBC News articles (default ../shared/data/corpus/bbc.jsonl), runs bare
`nlp.pipe` over the texts, then the full per-article extract path (JSONL
reading, spaCy, entities, dates, quantities, attributions, claims, and the
analysis JSON of spec/analysis.md), and prints articles/s, words/s, the ratio
and the process's peak RSS. Both runs share one loaded pipeline and one
process, one after the other; the machine's other load is not controlled, so
compare runs taken together.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# benchmarks/html.py would shadow the standard library's html module
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
DEFAULT = ROOT.parent / "shared" / "data" / "corpus" / "bbc.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=400, help="articles to use (default 400)")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    if not args.path.exists():
        sys.exit(f"{args.path}: not found; pass the BBC JSONL corpus path")

    from storyline.analyze import analyze_articles
    from storyline.analyze.nlp import load_nlp
    from storyline.ingest.jsonl import read_jsonl
    from storyline.records import Article
    from storyline.render.json import analysis_data
    from storyline.settings import Settings

    settings = Settings(batch_size=args.batch_size)
    lines = args.path.read_text(encoding="utf-8").splitlines()[: args.limit]
    texts = [json.loads(line)["text"] for line in lines]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp(settings.model)
    list(nlp.pipe(texts[:8]))  # warm-up: first-batch allocations are not throughput

    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=args.batch_size):
        pass
    bare = time.perf_counter() - start

    start = time.perf_counter()
    raw = (line.encode("utf-8") for line in lines)
    articles = [a for a in read_jsonl(raw, path=str(args.path)) if isinstance(a, Article)]
    size = 0
    for analysis in analyze_articles(articles, settings):
        size += len(json.dumps(analysis_data(analysis), ensure_ascii=False))
    full = time.perf_counter() - start

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(texts)
    print(f"articles: {n}, words: {words:,} ({args.path.name})")
    print(f"bare spaCy nlp.pipe : {n / bare:8.1f} articles/s  {words / bare:9,.0f} words/s  ({bare:.1f} s)")
    print(f"storyline extract   : {n / full:8.1f} articles/s  {words / full:9,.0f} words/s  ({full:.1f} s)")
    print(f"extract / bare ratio: {bare / full:.2f}")
    print(f"peak RSS: {peak_mb:.0f} MB; JSON written: {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
