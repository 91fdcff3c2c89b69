"""Speed, load time and memory of the sentence embedder (storyline.link.embed).

    .venv/bin/python benchmarks/embed.py [PATH.jsonl] [--sentences N] [--threads T] [--batch-size B]

Splits BBC News articles (default ../shared/data/corpus/bbc.jsonl) into
claim-like sentences (8 to 60 words), loads the embedder (weights hash check,
ONNX graph build, onnxruntime session; imports included), embeds the
sentences twice and prints sentences/s of the second run, load time, the
speed on whole articles (``--articles``, cut at 256 wordpieces) and the
process's peak RSS. The machine's other load is not controlled: run it twice.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# benchmarks/html.py would shadow the standard library's html module
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
DEFAULT = ROOT.parent / "shared" / "data" / "corpus" / "bbc.jsonl"
# Crude but enough for a speed test: a full stop, ? or ! (maybe closing a quote) before a capital.
SENTENCE_END = re.compile(r"(?:(?<=[.?!])|(?<=[.?!][\"”']))\s+(?=[\"“A-Z])")


def claim_sentences(path: Path, count: int) -> list[str]:
    """The first ``count`` sentences of 8 to 60 words from the corpus, in file order."""
    out: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            for paragraph in json.loads(line)["text"].split("\n"):
                out += [s for s in SENTENCE_END.split(paragraph.strip()) if 8 <= len(s.split()) <= 60]
            if len(out) >= count:
                return out[:count]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--sentences", type=int, default=2048, help="sentences to embed (default 2048)")
    parser.add_argument("--threads", type=int, default=None, help="onnxruntime intra-op threads")
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--articles", type=int, default=64, help="whole articles to embed after (default 64)")
    args = parser.parse_args()
    if not args.path.exists():
        sys.exit(f"{args.path}: not found; pass the BBC JSONL corpus path")
    sentences = claim_sentences(args.path, args.sentences)
    with args.path.open(encoding="utf-8") as lines:
        articles = [json.loads(line)["text"] for line, _ in zip(lines, range(args.articles), strict=False)]
    words = sum(len(s.split()) for s in sentences)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    start = time.perf_counter()
    from storyline.link.embed import BATCH_SIZE, DEFAULT_THREADS, load_embedder

    threads = args.threads or DEFAULT_THREADS
    embed = load_embedder(threads=threads, batch_size=args.batch_size or BATCH_SIZE)
    load = time.perf_counter() - start
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    embed(sentences)  # first run: allocator and kernel warm-up
    start, cpu = time.perf_counter(), time.process_time()
    vectors = embed(sentences)
    run, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"sentences: {len(sentences)} (avg {words / len(sentences):.1f} words; {args.path.name})")
    print(f"threads: {threads}, batch size: {embed.batch_size}")
    print(f"load (imports, hash check, graph build, session): {load:.2f} s")
    print(f"embed: {len(sentences) / run:.0f} sentences/s ({run:.2f} s), output {vectors.shape}")
    # CPU time is less disturbed by other processes than wall time on a shared machine.
    print(f"       {len(sentences) / cpu:.0f} sentences per CPU-second ({cpu:.2f} CPU-s)")
    if args.articles:
        start = time.perf_counter()
        embed(articles)
        took = time.perf_counter() - start
        print(f"whole articles (cut at 256 wordpieces): {len(articles) / took:.1f}/s ({took:.2f} s)")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB (before loading {rss_before:.0f} MB, after loading {rss_loaded:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
