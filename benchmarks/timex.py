"""Temporal expressions on TempEval-3 data: strict/relaxed/type/value P/R/F1 and speed.

    .venv/bin/python benchmarks/timex.py [PATH.jsonl] [--limit N] [--errors]

PATH defaults to ../shared/data/tempeval3/train.jsonl (dev data). Timing covers
the tagger on spaCy docs (spaCy parsing itself is timed separately) and is
noisy on a shared machine.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from storyline.analyze.timex import find_timexes
from storyline.analyze.timex_eval import load_gold, score

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "tempeval3" / "train.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--errors", action="store_true", help="print each miss, spurious and wrong value")
    args = parser.parse_args()
    docs = load_gold(args.path)[: args.limit]

    from storyline.analyze.nlp import load_nlp
    from storyline.settings import Settings

    nlp = load_nlp(Settings.from_env().model)
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(d.text for d in docs))
    t1 = time.perf_counter()
    system = [find_timexes(doc, d.dct) for doc, d in zip(parsed, docs, strict=True)]
    t2 = time.perf_counter()
    scores = score(zip(system, (d.timexes for d in docs), strict=True))
    if args.errors:
        _print_errors(docs, system)
    print(f"documents {len(docs)}  gold timexes {scores.gold}  system timexes {scores.system}")
    for name in ("strict", "relaxed", "type", "value"):
        s = getattr(scores, name)
        print(f"{name:8} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}")
    n = sum(len(s) for s in system)
    print(
        f"tagger: {len(docs) / (t2 - t1):.0f} docs/s, {n / (t2 - t1):.0f} timexes/s "
        f"({t2 - t1:.2f} s); spaCy parse {t1 - t0:.2f} s"
    )


def _print_errors(docs, system) -> None:
    for d, found in zip(docs, system, strict=True):
        for g in d.timexes:
            over = [s for s in found if s.span[0] < g.span[1] and g.span[0] < s.span[1]]
            gtext = d.text[g.span[0] : g.span[1]]
            if not over:
                print(f"MISS {d.dct} {gtext!r} {g.type} {g.value}")
            elif over[0].value != g.value or over[0].span != g.span:
                s = over[0]
                kind = "VALUE" if s.value != g.value else "SPAN"
                stext = d.text[s.span[0] : s.span[1]]
                print(f"{kind} {d.dct} {gtext!r} {g.type} {g.value} | {stext!r} {s.type} {s.value}")
        for s in found:
            if not any(s.span[0] < g.span[1] and g.span[0] < s.span[1] for g in d.timexes):
                a, b = s.span
                around = d.text[max(0, a - 40) : b + 30]
                print(f"SPURIOUS {d.dct} {d.text[a:b]!r} {s.type} {s.value} | {around!r}")


if __name__ == "__main__":
    main()
