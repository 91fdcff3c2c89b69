"""HTML article extraction on ../shared/data/html (the Zyte article-extraction benchmark's pages).

    python benchmarks/html.py [--data ../shared/data/html] [--pages N] [--baseline] [--show]

Scores storyline's HTML reader the benchmark's way: word 4-gram shingles of
the extracted body against the gold body, true/false positives normalized
per page, precision and recall averaged over pages, F1 from those averages.
Also counts boilerplate left: paragraphs of the output found nowhere in the
gold text. ``--baseline`` scores bare trafilatura (favor_precision, no
comments) beside it.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is called html.py: drop its folder from the path so `import html`
# (the standard library's, used by lxml and trafilatura) does not find it.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "html"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def tp_fp_fn(gold: str, predicted: str) -> tuple[float, float, float]:
    """Shingle matches, normalized so that a long page weighs what a short one does."""
    true, pred = shingles(gold), shingles(predicted)
    tp = fp = fn = 0.0
    for key in true.keys() | pred.keys():
        t, p = true.get(key, 0), pred.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision_recall(tp: float, fp: float, fn: float) -> tuple[float | None, float | None]:
    if fp == fn == 0:
        return 1.0, 1.0
    precision = (0.0 if tp == fp == 0 else tp / (tp + fp)) if tp + fp > 0 else None
    recall = (0.0 if tp == fn == 0 else tp / (tp + fn)) if tp + fn > 0 else None
    return precision, recall


def leftover_paragraphs(gold: str, predicted: str) -> list[str]:
    """Output paragraphs that appear nowhere in the gold text."""
    norm_gold = " ".join(_TOKEN.findall(gold.casefold()))
    out = []
    for paragraph in predicted.split("\n"):
        norm = " ".join(_TOKEN.findall(paragraph.casefold()))
        if norm and norm not in norm_gold:
            out.append(paragraph)
    return out


def storyline_body(html: bytes, url: str, name: str) -> str:
    from storyline.ingest import read_bytes
    from storyline.records import Article

    for item in read_bytes(html, name=name, url=url):
        if isinstance(item, Article):
            return item.text
    return ""


def trafilatura_body(html: bytes, url: str, name: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, favor_precision=True, include_comments=False) or ""


def evaluate(data: Path, extract, pages: int | None = None) -> dict:  # noqa: ANN001
    with (data / "gold.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    rows = rows[:pages] if pages else rows
    precisions, recalls, per_page, leftovers = [], [], [], 0
    started = time.perf_counter()
    for row in rows:
        html = (data / row["html_file"]).read_bytes()
        try:
            body = extract(html, row["url"], row["html_file"])
        except Exception:  # a failed page scores zero, as in the benchmark
            body = ""
        p, r = precision_recall(*tp_fp_fn(row["gold_text"], body))
        if p is not None:
            precisions.append(p)
        if r is not None:
            recalls.append(r)
        left = leftover_paragraphs(row["gold_text"], body)
        leftovers += len(left)
        per_page.append((row["id"][:12], p, r, left))
    seconds = time.perf_counter() - started
    precision, recall = statistics.mean(precisions), statistics.mean(recalls)
    return {
        "pages": len(rows),
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall),
        "leftover_paragraphs": leftovers,
        "seconds": seconds,
        "per_page": per_page,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--pages", type=int, default=None)
    parser.add_argument("--baseline", action="store_true", help="also score bare trafilatura")
    parser.add_argument("--show", action="store_true", help="per-page scores and leftovers")
    args = parser.parse_args(argv)
    if not (args.data / "gold.jsonl").is_file():
        print(f"{args.data}: no gold.jsonl here; pass --data", file=sys.stderr)
        return 2
    runs = [("storyline", storyline_body)]
    if args.baseline:
        runs.append(("trafilatura", trafilatura_body))
    for label, extract in runs:
        result = evaluate(args.data, extract, args.pages)
        print(
            f"{label:<12} pages={result['pages']} precision={result['precision']:.4f} "
            f"recall={result['recall']:.4f} F1={result['f1']:.4f} "
            f"boilerplate_paragraphs_left={result['leftover_paragraphs']} "
            f"({result['seconds'] / result['pages'] * 1000:.0f} ms/page)"
        )
        if args.show:
            for page, p, r, left in result["per_page"]:
                shown = [None if v is None else round(v, 3) for v in (p, r)]
                print(f"  {page} P={shown[0]} R={shown[1]}")
                for paragraph in left:
                    print(f"      + {paragraph[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
