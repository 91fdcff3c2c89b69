"""Quality floor: the attribution benchmark on a fixed slice of PolNeAR dev data.

The slice is every tenth article of ../shared/data/attribution/dev.jsonl (31 articles,
657 gold attributions). The extractor is rules over a deterministic parse, so the floor
is the score reached, not a score minus a noise margin; raise it when the rules improve.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "attribution.py"


def load_benchmark():
    spec = importlib.util.spec_from_file_location("attribution_benchmark", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_attribution_quality_floor_on_polnear_slice(shared_dir):
    bench = load_benchmark()
    articles = bench.floor_slice(bench.read_articles(shared_dir / "data" / "attribution" / "dev.jsonl"))
    scores, _ = bench.run(articles)
    loose, strict = scores.tallies[0.3], scores.tallies[0.8]
    assert loose.f1 >= 0.771
    assert strict.f1 >= 0.661
    assert scores.source_accuracy >= 0.891
