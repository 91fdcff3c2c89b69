"""Story clustering on ECB+ dev: BCubed precision, recall and F1.

    .venv/bin/python benchmarks/clustering.py [--incremental]

Reads ../shared/data/clustering/dev.jsonl (197 articles, 16 stories in 8
topics, two same-kind events per topic), analyses every article with the
production analyzer's entity and timex stages, clusters them with
``cluster_stories`` (or article by article through ``StoryIndex.add`` with
``--incremental``), and scores the groups against the gold stories.
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
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from storyline.analyze.entities import find_entities
from storyline.analyze.nlp import load_nlp
from storyline.analyze.timex import find_timexes
from storyline.link.cluster import StoryIndex, cluster_stories
from storyline.records import Article, ArticleAnalysis
from storyline.settings import Settings

DEV = Path(__file__).resolve().parents[1].parent / "shared/data/clustering/dev.jsonl"


def load_dev(path: Path = DEV) -> tuple[list[Article], dict[str, str]]:
    """Articles as ingest would give them (no publication date unless the file has one)."""
    articles, gold = [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        articles.append(
            Article(
                id=row["id"],
                text=row["text"],
                title=row["title"],
                published=row["date"],
                url=row["url"],
                outlet=row["source"],
            )
        )
        gold[row["id"]] = row["cluster"]
    return articles, gold


def analyse(articles: Sequence[Article], settings: Settings | None = None) -> list[ArticleAnalysis]:
    """The part of the production analysis clustering reads: the analyzer's own
    entity and timex stages on one spaCy parse (claims and attributions, which
    clustering ignores, are skipped: they cost most of the time)."""
    nlp = load_nlp((settings or Settings()).model)
    texts = ((a.text, a) for a in articles)
    return [
        ArticleAnalysis(article=a, entities=find_entities(doc), timexes=find_timexes(doc, a.published))
        for doc, a in nlp.pipe(texts, as_tuples=True, batch_size=32)
    ]


def bcubed(groups: Sequence[Sequence[str]], gold: dict[str, str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 of ``groups`` against gold labels (Bagga & Baldwin)."""
    gold_size = Counter(gold.values())
    precision = recall = 0.0
    for group in groups:
        labels = Counter(gold[i] for i in group)
        for i in group:
            right = labels[gold[i]]
            precision += right / len(group)
            recall += right / gold_size[gold[i]]
    n = sum(len(g) for g in groups)
    precision, recall = precision / n, recall / n
    return precision, recall, 2 * precision * recall / (precision + recall)


def incremental(analyses: Sequence[ArticleAnalysis]) -> list[tuple[str, ...]]:
    index = StoryIndex()
    for analysis in analyses:
        index.add(analysis)
    return index.stories()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--incremental", action="store_true", help="add articles one by one")
    args = parser.parse_args(argv)
    if not DEV.exists():
        print(f"{DEV}: not found (the dev data lives beside the team checkout)", file=sys.stderr)
        return 1
    articles, gold = load_dev()
    start = time.perf_counter()
    analyses = analyse(articles)
    analysed = time.perf_counter()
    groups = incremental(analyses) if args.incremental else cluster_stories(analyses)
    linked = time.perf_counter()
    p, r, f = bcubed(groups, gold)
    mode = "incremental StoryIndex.add" if args.incremental else "cluster_stories"
    print(f"ECB+ dev: {len(articles)} articles, {len(set(gold.values()))} gold stories; {mode}")
    print(f"  stories found  {len(groups)}")
    print(f"  BCubed P {p:.4f}  R {r:.4f}  F1 {f:.4f}")
    print(f"  analysis {analysed - start:.1f} s, linking {linked - analysed:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
