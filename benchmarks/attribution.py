"""Score storyline's attribution extractor against PolNeAR gold attributions.

    .venv/bin/python benchmarks/attribution.py [PATH] [--limit N] [--slice quality-floor] [--errors N]

PATH defaults to ../shared/data/attribution/dev.jsonl. Prints, for content
coverage thresholds 0.3 and 0.8:

* recall: a gold attribution is found when one system content span covers at
  least that share of the gold content's characters (its fragments);
* precision: a system attribution is correct when it covers at least that share
  of some gold content;
* source accuracy, among gold attributions found at 0.3 that have a source: the
  source span of the best-matching system attribution (covering >= 0.3, and of
  those the highest character Jaccard with the gold content) overlaps the gold
  source;

and the speed of ``find_attributions`` alone (parsing is timed apart).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PATH = ROOT.parent / "shared" / "data" / "attribution" / "dev.jsonl"
THRESHOLDS = (0.3, 0.8)
# The quality-floor slice: every tenth article of the dev file, a fixed and spread-out sample.
FLOOR_STEP = 10


@dataclass(frozen=True, slots=True)
class Gold:
    chars: frozenset[int]
    source: tuple[tuple[int, int], ...]


@dataclass(slots=True)
class Tally:
    found: int = 0
    gold: int = 0
    correct: int = 0
    system: int = 0

    def add(self, other: Tally) -> None:
        self.found += other.found
        self.gold += other.gold
        self.correct += other.correct
        self.system += other.system

    @property
    def precision(self) -> float:
        return self.correct / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    tallies: dict[float, Tally]
    source_right: int = 0
    source_total: int = 0

    @property
    def source_accuracy(self) -> float:
        return self.source_right / self.source_total if self.source_total else 0.0


def read_articles(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def floor_slice(articles: Sequence[dict]) -> list[dict]:
    return list(articles[::FLOOR_STEP])


def gold_of(article: dict) -> list[Gold]:
    golds = []
    for row in article["attributions"]:
        if not row["content"]:
            continue
        chars = frozenset(i for s, e in row["content"]["fragments"] for i in range(s, e))
        source = tuple(map(tuple, row["source"]["fragments"])) if row["source"] else ()
        golds.append(Gold(chars=chars, source=source))  # type: ignore[arg-type]
    return golds


def _coverage(span: tuple[int, int], gold: Gold) -> float:
    return sum(1 for i in range(span[0], span[1]) if i in gold.chars) / len(gold.chars)


def _jaccard(span: tuple[int, int], gold: Gold) -> float:
    inside = sum(1 for i in range(span[0], span[1]) if i in gold.chars)
    return inside / (len(gold.chars) + (span[1] - span[0]) - inside)


def score_article(golds: list[Gold], attributions: Iterable) -> Scores:
    system = list(attributions)
    cover = [[_coverage(a.content, g) for a in system] for g in golds]
    scores = Scores(tallies={t: Tally(gold=len(golds), system=len(system)) for t in THRESHOLDS})
    for threshold, tally in scores.tallies.items():
        tally.found = sum(1 for row in cover if row and max(row) >= threshold)
        tally.correct = sum(1 for j in range(len(system)) if any(row[j] >= threshold for row in cover))
    for gold, row in zip(golds, cover, strict=True):
        if not row or max(row) < THRESHOLDS[0] or not gold.source:
            continue
        # the system attribution that matches this gold best: most of it covered, least beside it
        best = system[
            max(
                range(len(system)),
                key=lambda j: (row[j] >= THRESHOLDS[0], _jaccard(system[j].content, gold)),
            )
        ]
        scores.source_total += 1
        scores.source_right += best.source is not None and any(
            best.source[0] < e and s < best.source[1] for s, e in gold.source
        )
    return scores


def total(parts: Iterable[Scores]) -> Scores:
    whole = Scores(tallies={t: Tally() for t in THRESHOLDS})
    for part in parts:
        for threshold, tally in part.tallies.items():
            whole.tallies[threshold].add(tally)
        whole.source_right += part.source_right
        whole.source_total += part.source_total
    return whole


def entities_for(doc) -> tuple:
    """The lead's entity stage when present, else spaCy's entities named as written."""
    try:
        from storyline.analyze.entities import find_entities
    except ImportError:
        from storyline.records import EntityMention

        return tuple(
            EntityMention(span=(e.start_char, e.end_char), label=e.label_, name=e.text) for e in doc.ents
        )
    return find_entities(doc)


def run(articles: Sequence[dict], *, errors: int = 0) -> tuple[Scores, dict[str, float]]:
    from storyline.analyze.attribution import find_attributions
    from storyline.analyze.nlp import load_nlp
    from storyline.settings import Settings

    nlp = load_nlp(Settings().model)
    started = time.perf_counter()
    docs = list(nlp.pipe((a["text"] for a in articles), batch_size=16))
    parse_s = time.perf_counter() - started
    entities = [entities_for(doc) for doc in docs]
    started = time.perf_counter()
    predictions = [find_attributions(doc, ents) for doc, ents in zip(docs, entities, strict=True)]
    extract_s = time.perf_counter() - started
    parts = [score_article(gold_of(a), p) for a, p in zip(articles, predictions, strict=True)]
    if errors:
        _print_errors(articles, predictions, errors)
    chars = sum(len(a["text"]) for a in articles)
    speed = {
        "articles": len(articles),
        "attributions": sum(len(p) for p in predictions),
        "parse_s": parse_s,
        "extract_s": extract_s,
        "extract_chars_per_s": chars / extract_s if extract_s else 0.0,
    }
    return total(parts), speed


def _print_errors(articles: Sequence[dict], predictions: Sequence, limit: int) -> None:
    shown = 0
    for article, system in zip(articles, predictions, strict=True):
        text = article["text"]
        for gold in gold_of(article):
            if shown >= limit:
                return
            if any(_coverage(a.content, gold) >= THRESHOLDS[0] for a in system):
                continue
            shown += 1
            start, end = min(gold.chars), max(gold.chars) + 1
            context = text[max(0, start - 120) : end + 60].replace("\n", " ")
            print(f"MISS {article['doc_id']} {start}: ...{context}...\n    gold: {text[start:end][:160]!r}")


def report(scores: Scores, speed: dict[str, float]) -> str:
    lines = [f"articles {speed['articles']:.0f}, system attributions {speed['attributions']:.0f}"]
    for threshold, tally in scores.tallies.items():
        lines.append(
            f"content@{threshold:.1f}  P {tally.precision:.3f}  R {tally.recall:.3f}  F1 {tally.f1:.3f}"
            f"  (gold {tally.gold}, found {tally.found}; system {tally.system}, correct {tally.correct})"
        )
    right, among = scores.source_right, scores.source_total
    lines.append(f"source accuracy among found  {scores.source_accuracy:.3f}  ({right}/{among})")
    lines.append(
        f"speed: parse {speed['parse_s']:.1f} s; find_attributions {speed['extract_s']:.2f} s, "
        f"{speed['extract_chars_per_s'] / 1000:.0f}k chars/s"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    parser.add_argument("--slice", choices=("all", "quality-floor"), default="all")
    parser.add_argument("--errors", type=int, default=0, help="print up to N missed gold attributions")
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"{args.path}: no such file; pass the PolNeAR JSON Lines path", file=sys.stderr)
        return 2
    articles = read_articles(args.path)
    if args.slice == "quality-floor":
        articles = floor_slice(articles)
    if args.limit:
        articles = articles[: args.limit]
    scores, speed = run(articles, errors=args.errors)
    print(report(scores, speed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
