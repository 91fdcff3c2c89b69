"""Quality floor: cross-article alignment on the hand-made gold stories (tests/fixtures/stories).

The floors are the figures the link stage reached when the gold set was written
(2026-11-22, at commit 0d6ab1fa). The
pipeline is deterministic, so there is no noise margin. Raise the floors when
alignment improves, and never lower them. The figures are printed too: run with
-s to see them.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from storyline.records import Claim, Conflict, Evidence, Quantity, Story

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "alignment.py"
STORIES = Path(__file__).resolve().parent / "fixtures" / "stories"

# (name, floor): measured value, micro-averaged over all stories
FLOORS = {
    "align_p": 25 / 32,
    "align_r": 25 / 39,
    "numeric_p": 4 / 5,
    "numeric_r": 4 / 12,
    "denial_r": 7 / 14,
    "status_acc": 48 / 80,
    "indep_acc": 6 / 9,
}
MAX_NO_CONFLICT_VIOLATIONS = 2


def load_benchmark():
    spec = importlib.util.spec_from_file_location("alignment_benchmark", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    return load_benchmark()


@pytest.fixture(scope="module")
def results(bench):
    return bench.evaluate(STORIES)


@pytest.mark.slow
def test_every_gold_story_runs(bench, results):
    for r in results:
        print(bench._line(r.name, r.tally))
    print(bench._line("TOTAL", bench.total(results)))
    assert len(results) >= 8
    assert [r.name for r in results if r.crash] == []


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_alignment_floor(bench, results, name):
    assert getattr(bench.total(results), name) >= FLOORS[name]


@pytest.mark.slow
def test_no_conflict_violations_ceiling(bench, results):
    assert bench.total(results).no_conf_violations <= MAX_NO_CONFLICT_VIOLATIONS


# --- the scoring itself, on hand-made records ---------------------------------------


def _story(tmp_path, bench, claims, conflicts=()):
    """Two articles a.txt and b.txt, and a gold with two claims of two refs each."""
    (tmp_path / "a.txt").write_text("Ten died. Police said 40 were hurt.")
    (tmp_path / "b.txt").write_text("Twelve people died. Forty were injured.")
    (tmp_path / "gold.json").write_text(
        '{"claims": ['
        '{"id": "dead-a", "refs": [["a.txt", "Ten died"]], "status": "contested"},'
        '{"id": "dead-b", "refs": [["b.txt", "Twelve people died"]], "status": "contested"},'
        '{"id": "hurt", "refs": [["a.txt", "40 were hurt"], ["b.txt", "Forty were injured"]],'
        ' "status": "corroborated", "independent_sources": 2}],'
        '"numeric_conflicts": [["dead-a", "dead-b"]],'
        '"no_conflict": [["dead-a", "hurt"]],'
        '"denial_conflicts": []}'
    )
    from storyline.records import Article

    arts = [
        Article(id="A", text=(tmp_path / "a.txt").read_text(), path=str(tmp_path / "a.txt")),
        Article(id="B", text=(tmp_path / "b.txt").read_text(), path=str(tmp_path / "b.txt")),
    ]
    gold = bench.load_gold(tmp_path, arts)
    return gold, Story(
        id="s", title="t", articles=tuple(arts), claims=tuple(claims), conflicts=tuple(conflicts)
    )


def _ev(article, start, end):
    return Evidence(article=article, span=(start, end))


def test_scoring_counts_found_pairs_false_merges_and_conflicts(tmp_path):
    bench = load_benchmark()
    hurt = Claim(
        id="h",
        text="hurt",
        kind="quantity",
        status="corroborated",
        independent_sources=2,
        evidence=(_ev("A", 10, 35), _ev("B", 20, 39)),
    )
    merged = Claim(
        id="m",
        text="dead",
        kind="quantity",
        status="corroborated",
        evidence=(_ev("A", 0, 9), _ev("B", 0, 19)),
    )  # two rival tolls merged: a false pair
    wrong = Conflict(kind="numeric", claims=("m", "h"), summary="10 vs 40")
    gold, story = _story(tmp_path, bench, [hurt, merged], [wrong])
    t = bench.score_story(gold, story)
    assert (t.gold_pairs, t.gold_pairs_found) == (1, 1)
    assert (t.pair_tp, t.pair_fp) == (1, 1)
    assert (t.num_sys, t.num_tp, t.num_found) == (1, 0, 0)  # joins dead vs hurt, not dead-a vs dead-b
    assert t.no_conf_violations == 1  # dead-a vs hurt
    assert (t.status_n, t.status_ok) == (3, 1)  # hurt right; both tolls 'corroborated' instead of contested
    assert (t.indep_n, t.indep_ok) == (1, 1)


def test_scoring_finds_the_gold_conflict_between_separate_claims(tmp_path):
    bench = load_benchmark()
    a = Claim(id="a", text="ten", kind="quantity", status="contested", evidence=(_ev("A", 0, 9),))
    b = Claim(id="b", text="twelve", kind="quantity", status="contested", evidence=(_ev("B", 0, 19),))
    gold, story = _story(tmp_path, bench, [a, b], [Conflict(kind="numeric", claims=("a", "b"), summary="")])
    t = bench.score_story(gold, story)
    assert (t.num_sys, t.num_tp, t.num_found, t.no_conf_violations) == (1, 1, 1, 0)
    assert (t.gold_pairs_found, t.pair_fp) == (0, 0)  # the 'hurt' pair is missed, nothing merged
    assert (t.status_n, t.status_ok) == (3, 2)  # 'hurt' has no claim at all


def test_claims_sharing_a_figure_stand_on_one_side_of_a_conflict(tmp_path):
    bench = load_benchmark()
    q = (Quantity(span=(0, 3), value=10.0),)
    a = Claim(id="a", text="ten", kind="quantity", quantities=q, evidence=(_ev("A", 0, 9),))
    b = Claim(id="b", text="ten", kind="quantity", quantities=q, evidence=(_ev("B", 0, 19),))
    h = Claim(id="h", text="forty", kind="quantity", evidence=(_ev("A", 10, 35),))
    conflict = Conflict(kind="numeric", claims=("a", "b", "h", "h"), summary="10 vs 40")
    gold, story = _story(tmp_path, bench, [a, b, h], [conflict])
    t = bench.score_story(gold, story)
    assert (t.num_found, t.num_tp) == (0, 0)  # a and b agree: dead-a vs dead-b is not found here
    assert t.no_conf_violations == 1  # dead-a vs hurt, counted once


def test_gold_reference_must_occur_once(tmp_path):
    bench = load_benchmark()
    (tmp_path / "a.txt").write_text("Ten died. Ten died.")
    (tmp_path / "gold.json").write_text('{"claims": [{"id": "x", "refs": [["a.txt", "Ten died"]]}]}')
    with pytest.raises(bench.GoldError, match="exactly once"):
        bench.load_gold(tmp_path, [])
