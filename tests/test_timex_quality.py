"""Quality floor: TempEval-3 task A scores of the tagger on a fixed slice of the dev data.

The floors are what the rules reached on the first 60 documents of
../shared/data/tempeval3/train.jsonl; the rules are deterministic, so the
floors carry no noise margin. Raise them when the rules improve; never lower them.
"""

from __future__ import annotations

from storyline.analyze.timex import find_timexes
from storyline.analyze.timex_eval import load_gold, score

SLICE = 60
VALUE_F1_FLOOR = 0.842
RELAXED_F1_FLOOR = 0.937
STRICT_F1_FLOOR = 0.909


def test_tempeval3_dev_slice_value_f1_floor(shared_dir, nlp):
    docs = load_gold(shared_dir / "data" / "tempeval3" / "train.jsonl")[:SLICE]
    system = [find_timexes(nlp.make_doc(d.text), d.dct) for d in docs]
    scores = score(zip(system, (d.timexes for d in docs), strict=True))
    assert scores.value.f1 >= VALUE_F1_FLOOR
    assert scores.relaxed.f1 >= RELAXED_F1_FLOOR
    assert scores.strict.f1 >= STRICT_F1_FLOOR


def test_scoring_follows_tempeval3_definitions():
    from storyline.records import Timex

    gold = [
        Timex(span=(0, 6), type="DATE", value="2024-10-18"),
        Timex(span=(10, 20), type="DURATION", value="P2Y"),
    ]
    system = [
        Timex(span=(0, 6), type="DATE", value="2024-10-18"),  # strict, right value
        Timex(span=(12, 20), type="DATE", value="P2Y"),  # relaxed only, wrong type
        Timex(span=(30, 35), type="DATE", value="2024"),  # spurious
    ]
    scores = score([(system, gold)])
    assert (scores.strict.precision, scores.strict.recall) == (1 / 3, 1 / 2)
    assert (scores.relaxed.precision, scores.relaxed.recall) == (2 / 3, 1.0)
    assert (scores.type.precision, scores.value.precision) == (1 / 3, 2 / 3)
    assert round(scores.value.f1, 3) == 0.8
