"""Story linking at size: time and peak memory for 1k, 10k and 100k articles.

    .venv/bin/python benchmarks/scale.py [--sizes 1000 10000 100000] [--cache DIR]
    .venv/bin/python benchmarks/scale.py --batch N [--workers 1 2]

How the articles are built (no spaCy on 100k articles): the 2,225 BBC texts
(../shared/data/corpus/bbc.jsonl) and the 197 ECB+ dev texts are parsed once
with the spaCy pipeline (entity mentions from ``doc.ents``) and cached. Each
synthetic *story* takes one base text; its articles (1 to 15, 8 on average)
are light perturbations of it: every sentence but the first is dropped with
probability 0.2 and the rest shuffled after the lead, one sentence of another
random base text is inserted, and each article is published 0 to 3 days
after the story's day. Entity mentions are carried over with their offsets
moved. Once every base text has been used, later stories on the same base
become *other events of the same kind*: each PERSON, ORG and GPE name is
replaced by another name of that label from the pool, and they fall on
other days. Story days are spread at a fixed number of articles a day
(``--per-day``, 40 by default: an archive that grows in time, as a real one
does, so 1k articles span 25 days and 100k seven years). Blocking looks
three weeks around an article, so the cost per article depends on that
density, not on the archive's size; ``--per-day 300`` shows a denser feed.
Gold stories are known, so BCubed F1 is printed as a sanity check.

Each size runs in a fresh process; "peak MB" is that process's peak RSS
growth while linking (the analyses themselves are built before).

``--batch N`` times ``run_batch`` on N BBC articles with 1 and 2 local
workers (spaCy analysis dominates), each into a fresh SQLite store.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder comes first on sys.path, where benchmarks/html.py
# would shadow the standard library's html module (feedparser imports it).
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    del sys.path[0]

import argparse
import json
import os
import pickle
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from storyline.records import Article, ArticleAnalysis, EntityMention

SHARED = Path(__file__).resolve().parents[1].parent / "shared/data"
BBC = SHARED / "corpus/bbc.jsonl"
ECB = SHARED / "clustering/dev.jsonl"
PER_DAY = 40  # default --per-day
SWAPPED = ("PERSON", "ORG", "GPE")  # names another event of the same kind has its own of
START_DAY = 738_000  # 2021-07-26 as an ordinal; any day works
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


def base_texts(cache: Path) -> list[tuple[str, str, list[tuple[int, int, str, str]]]]:
    """(title, text, [(start, end, label, name)]) for every BBC and ECB+ dev text, cached."""
    path = cache / "scale-base.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    from storyline.analyze.nlp import load_nlp
    from storyline.settings import Settings

    rows = [json.loads(line) for f in (BBC, ECB) for line in f.read_text("utf-8").splitlines()]
    nlp = load_nlp(Settings().model)
    bases = []
    for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=32), strict=True):
        ents = [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]
        bases.append((row["title"] or "", row["text"], ents))
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(bases))
    return bases


def synthetic(
    n: int, bases: list, seed: int = 7, per_day: int = PER_DAY
) -> tuple[list[ArticleAnalysis], dict[str, str]]:
    rng = random.Random(seed)
    order = list(range(len(bases)))
    rng.shuffle(order)
    pool = defaultdict(list)
    for _, _, ents in bases:
        for _, _, label, name in ents:
            if label in SWAPPED:
                pool[label].append(name)
    span_days = max(1, n // per_day)
    analyses, gold = [], {}
    story = 0
    while len(analyses) < n:
        generation, base = divmod(story, len(bases))
        title, text, ents = bases[order[base]]
        swap = _substitutes(ents, pool, rng) if generation else {}
        day = START_DAY + rng.randrange(span_days)
        for k in range(min(rng.randint(1, 15), n - len(analyses))):
            noise = bases[rng.randrange(len(bases))][1]
            article_id = f"s{story}-a{k}"
            analyses.append(
                _article(article_id, title, text, ents, swap, noise, day + rng.randint(0, 3), rng)
            )
            gold[article_id] = f"s{story}"
        story += 1
    return analyses, gold


def _substitutes(ents: list, pool: dict, rng: random.Random) -> dict[str, str]:
    return {name: rng.choice(pool[label]) for _, _, label, name in ents if label in SWAPPED}


def _article(article_id, title, text, ents, swap, noise, day, rng) -> ArticleAnalysis:
    sentences = [m.span() for m in _SENTENCE.finditer(text) if m.group().strip()]
    kept = sentences[:1] + [s for s in sentences[1:] if rng.random() >= 0.2]
    lead, rest = kept[:1], kept[1:]
    rng.shuffle(rest)
    extra = [m.group() for m in _SENTENCE.finditer(noise) if m.group().strip()]
    pieces, mentions, out = [], [], 0
    for start, end in lead + rest:
        chunk, chunk_mentions = _rewrite(text, start, end, ents, swap)
        mentions += [
            EntityMention(span=(out + a, out + b), label=label, name=name)
            for a, b, label, name in chunk_mentions
        ]
        pieces.append(chunk + " ")
        out += len(chunk) + 1
        if extra and len(pieces) == 2:
            pieces.append(rng.choice(extra).strip() + " ")
            out += len(pieces[-1])
    for old, new in swap.items():
        title = title.replace(old, new)
    published = _iso(day)
    return ArticleAnalysis(
        article=Article(id=article_id, text="".join(pieces).strip(), title=title, published=published),
        entities=tuple(mentions),
    )


def _rewrite(text: str, start: int, end: int, ents: list, swap: dict) -> tuple[str, list]:
    """text[start:end] with names swapped; the mentions inside it, offsets relative to it."""
    out, mentions, at = [], [], start
    length = 0
    for a, b, label, name in ents:
        if a < start or b > end:
            continue
        out.append(text[at:a])
        length += a - at
        new = swap.get(name, name)
        mentions.append((length, length + len(new), label, new))
        out.append(new)
        length += len(new)
        at = b
    out.append(text[at:end])
    return "".join(out), mentions


def _iso(day: int) -> str:
    from datetime import date

    return date.fromordinal(day).isoformat()


def bcubed_f1(groups, gold) -> float:
    size = Counter(gold.values())
    p = r = 0.0
    for group in groups:
        labels = Counter(gold[i] for i in group)
        for i in group:
            p += labels[gold[i]] / len(group)
            r += labels[gold[i]] / size[gold[i]]
    n = sum(len(g) for g in groups)
    return 2 * (p / n) * (r / n) / ((p / n) + (r / n))


def one_size(n: int, cache: Path, per_day: int) -> dict:
    """Run in a child process: build n articles, link them, measure."""
    from storyline.link.cluster import cluster_stories

    analyses, gold = synthetic(n, base_texts(cache), per_day=per_day)
    before = _peak_mb()
    start, cpu = time.perf_counter(), time.process_time()
    groups = cluster_stories(analyses)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "n": n,
        "seconds": seconds,
        "cpu": cpu,
        "peak_mb": _peak_mb() - before,
        "rss_before_mb": before,
        "stories": len(groups),
        "gold_stories": len(set(gold.values())),
        "f1": bcubed_f1(groups, gold),
    }


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def batch(n: int, workers: list[int], skip: set[str]) -> None:
    from storyline.scale import run_batch
    from storyline.settings import Settings

    rows = [json.loads(line) for line in BBC.read_text("utf-8").splitlines()]
    rows = [r for r in rows if r["id"] not in skip][:n]
    with tempfile.TemporaryDirectory() as tmp:
        shard = Path(tmp) / "bbc.jsonl"
        shard.write_text(
            "".join(
                json.dumps({"id": r["id"].replace("/", "-"), "title": r["title"], "text": r["text"]}) + "\n"
                for r in rows
            )
        )
        words = sum(len(r["text"].split()) for r in rows)
        base = None
        for w in workers:
            cpu = time.process_time()
            report = run_batch(
                [str(shard)],
                db=f"sqlite:///{tmp}/w{w}.db",
                workers=w,
                settings=Settings(),
                progress=lambda k: None,
            )
            cpu = time.process_time() - cpu
            rate = report.analyzed / report.analyze_seconds
            base = base or rate
            print(
                f"  {w} worker(s): {report.analyzed} articles ({words} words) analysed in "
                f"{report.analyze_seconds:.1f} s = {rate:.2f} articles/s, {rate / base:.2f}x; "
                f"linked into {report.stories} stories in {report.link_seconds:.1f} s; "
                f"driver CPU {cpu:.1f} s; worker peak RSS {report.worker_peak_mb:.0f} MB  "
                f"[load {os.getloadavg()[0]:.1f}]"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "storyline-bench",
    )
    parser.add_argument("--per-day", type=int, default=PER_DAY, help="articles a day")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--batch", type=int, help="time run_batch on this many BBC articles")
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--skip", nargs="*", default=[], help="BBC ids to leave out of --batch")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_size(args.one, args.cache, args.per_day)))
        return 0
    if args.batch:
        print(
            f"run_batch, {args.batch} BBC articles, load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        )
        batch(args.batch, args.workers, set(args.skip))
        return 0
    base_texts(args.cache)  # build the cache once, outside the timed children
    results = []
    for n in args.sizes:
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--one",
                str(n),
                "--cache",
                str(args.cache),
                "--per-day",
                str(args.per_day),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        r = results[-1]
        ratio = ""
        if len(results) > 1:
            last = results[-2]
            ratio = (
                f"  {r['n'] / last['n']:.0f}x articles: {r['seconds'] / last['seconds']:.1f}x wall, "
                f"{r['cpu'] / last['cpu']:.1f}x CPU time"
            )
        print(
            f"{r['n']:>7} articles: {r['seconds']:7.1f} s wall {r['cpu']:7.1f} s CPU  "
            f"peak +{r['peak_mb']:6.0f} MB  "
            f"{r['stories']} stories (gold {r['gold_stories']}), BCubed F1 {r['f1']:.3f}"
            f"  [load {os.getloadavg()[0]:.1f}]{ratio}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
