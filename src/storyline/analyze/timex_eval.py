"""TempEval-3 task A scoring for temporal expressions (used by the benchmark and a floor test).

Definitions as in the TempEval-3 scorer: a system timex matches strictly when
its span equals a gold span and relaxed when the spans overlap (one-to-one);
precision is matches over system timexes, recall matches over gold timexes.
An attribute (type, value) counts when a relaxed match has the gold's exact
attribute, over the same denominators.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.records import Timex


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldDoc:
    id: str
    text: str
    dct: str
    timexes: tuple[Timex, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Score:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True, kw_only=True)
class TimexScores:
    strict: Score
    relaxed: Score
    type: Score
    value: Score
    system: int
    gold: int


def load_gold(path: Path) -> list[GoldDoc]:
    """TempEval-3 documents converted to JSON Lines (``../shared/data/tempeval3``)."""
    docs = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            timexes = tuple(
                Timex(
                    span=(t["start"], t["end"]),
                    type=t["type"],
                    value=t["value"],
                    mod=t["attrs"].get("mod"),
                )
                for t in row["timexes"]
            )
            docs.append(GoldDoc(id=row["doc_id"], text=row["text"], dct=row["dct"], timexes=timexes))
    return docs


def _score(hits: int, system: int, gold: int) -> Score:
    p = hits / system if system else 0.0
    r = hits / gold if gold else 0.0
    return Score(precision=p, recall=r, f1=2 * p * r / (p + r) if p + r else 0.0)


def _pairs(system: Sequence[Timex], gold: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one relaxed matches: each gold timex with the first free overlapping one."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        for i, s in enumerate(system):
            if i not in used and s.span[0] < g.span[1] and g.span[0] < s.span[1]:
                used.add(i)
                pairs.append((s, g))
                break
    return pairs


def score(results: Iterable[tuple[Sequence[Timex], Sequence[Timex]]]) -> TimexScores:
    """Scores of (system, gold) timex lists, one pair per document."""
    n_sys = n_gold = strict = relaxed = typed = valued = 0
    for system, gold in results:
        n_sys, n_gold = n_sys + len(system), n_gold + len(gold)
        for s, g in _pairs(system, gold):
            relaxed += 1
            strict += s.span == g.span
            typed += s.type == g.type
            valued += s.value == g.value
    return TimexScores(
        strict=_score(strict, n_sys, n_gold),
        relaxed=_score(relaxed, n_sys, n_gold),
        type=_score(typed, n_sys, n_gold),
        value=_score(valued, n_sys, n_gold),
        system=n_sys,
        gold=n_gold,
    )
