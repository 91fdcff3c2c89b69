"""Cross-article alignment on the hand-made gold stories: claim pairs, conflicts, statuses.

    .venv/bin/python benchmarks/alignment.py [DIR] [--errors]

DIR defaults to tests/fixtures/stories (one folder per story, .txt articles and a
gold.json; the format is in that folder's README.md). Each folder is one story:
clustering is bypassed, the link stage (build_story) runs on the folder's analyses.

Figures, per story and micro-averaged over all stories:
  align    pairwise precision/recall/F1 of claim alignment. A gold pair (two
           references of one gold claim) is found when one story claim has
           evidence on both sentences. A system pair (two evidence sentences of
           one story claim) is judged only when both sentences carry some gold
           reference; it is right when some gold claim has a reference in each.
  numeric  numeric-conflict precision/recall, matched on gold claim pairs; every
           numeric conflict the system reports is judged (the gold lists them all).
  no-conf  violations: conflicts (any kind) joining two gold claims the gold says
           must not conflict, or two references of one gold claim.
  denial   denial-conflict recall (precision printed for information).
  status   accuracy on the gold's key claims, and per-label precision/recall.
  indep    accuracy of independent_sources where the gold states it.
Timing (analysis and linking, per story; model load apart) is noisy on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

# benchmarks/html.py would shadow the standard library's html package when run as a script
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from storyline.records import Article, ArticleAnalysis, Claim, Conflict, Story  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "stories"
STATUSES = ("corroborated", "single-source", "contested", "denied")


class GoldError(ValueError):
    """A gold file that does not match its story's articles."""


@dataclass(frozen=True, slots=True)
class Ref:
    claim: str  # gold claim id
    file: str
    needle: str
    article: str | None = None  # article id; None when ingest dropped the sentence
    span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class GoldClaim:
    id: str
    refs: tuple[Ref, ...]
    status: str | None = None
    independent_sources: int | None = None


@dataclass(frozen=True, slots=True)
class Gold:
    claims: dict[str, GoldClaim]
    numeric: tuple[frozenset[str], ...]
    no_conflict: tuple[frozenset[str], ...]
    denial: tuple[frozenset[str], ...]


@dataclass(slots=True)
class Tally:
    """Counts of one story (or all): summed for micro averages."""

    pair_tp: int = 0  # system pairs judged right
    pair_fp: int = 0
    gold_pairs: int = 0
    gold_pairs_found: int = 0
    num_tp: int = 0  # system numeric conflicts matching a gold one
    num_sys: int = 0
    num_gold: int = 0
    num_found: int = 0
    no_conf: int = 0  # guarded pairs
    no_conf_violations: int = 0
    den_gold: int = 0
    den_found: int = 0
    den_sys: int = 0
    den_tp: int = 0
    status_n: int = 0
    status_ok: int = 0
    indep_n: int = 0
    indep_ok: int = 0
    labels: Counter = field(default_factory=Counter)  # (gold, system) status pairs
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in self.__slots__:
            if name == "labels":
                self.labels.update(other.labels)
            elif name != "errors":
                setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def align_p(self) -> float:
        return _ratio(self.pair_tp, self.pair_tp + self.pair_fp)

    @property
    def align_r(self) -> float:
        return _ratio(self.gold_pairs_found, self.gold_pairs)

    @property
    def align_f1(self) -> float:
        p, r = self.align_p, self.align_r
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def numeric_p(self) -> float:
        return _ratio(self.num_tp, self.num_sys)

    @property
    def numeric_r(self) -> float:
        return _ratio(self.num_found, self.num_gold)

    @property
    def denial_r(self) -> float:
        return _ratio(self.den_found, self.den_gold)

    @property
    def denial_p(self) -> float:
        return _ratio(self.den_tp, self.den_sys)

    @property
    def status_acc(self) -> float:
        return _ratio(self.status_ok, self.status_n)

    @property
    def indep_acc(self) -> float:
        return _ratio(self.indep_ok, self.indep_n)

    def label_pr(self, label: str) -> tuple[float, float]:
        said = sum(n for (g, s), n in self.labels.items() if s == label)
        truth = sum(n for (g, s), n in self.labels.items() if g == label)
        hit = self.labels[(label, label)]
        return _ratio(hit, said), _ratio(hit, truth)


@dataclass(slots=True)
class StoryResult:
    name: str
    tally: Tally
    seconds: float = 0.0
    crash: str | None = None


def _ratio(a: int, b: int) -> float:
    # an empty denominator means nothing to get wrong: score it perfect
    return a / b if b else 1.0


# --- gold ---------------------------------------------------------------------------


def load_gold(folder: Path, articles: Sequence[Article]) -> Gold:
    """gold.json of one story folder, each reference resolved to an offset in its article."""
    raw = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    by_file = {Path(a.path or "").name: a for a in articles}
    claims: dict[str, GoldClaim] = {}
    for entry in raw["claims"]:
        refs = tuple(_resolve(folder, by_file, entry["id"], f, needle) for f, needle in entry["refs"])
        if entry["id"] in claims:
            raise GoldError(f"{folder}/gold.json: claim id {entry['id']!r} appears twice")
        claims[entry["id"]] = GoldClaim(
            id=entry["id"],
            refs=refs,
            status=entry.get("status"),
            independent_sources=entry.get("independent_sources"),
        )

    def pairs(key: str) -> tuple[frozenset[str], ...]:
        out = []
        for a, b in raw.get(key, []):
            for cid in (a, b):
                if cid not in claims:
                    raise GoldError(f"{folder}/gold.json: {key} names unknown claim {cid!r}")
            out.append(frozenset((a, b)))
        return tuple(out)

    return Gold(claims, pairs("numeric_conflicts"), pairs("no_conflict"), pairs("denial_conflicts"))


def _resolve(folder: Path, by_file: dict[str, Article], claim: str, file: str, needle: str) -> Ref:
    raw_text = (folder / file).read_text(encoding="utf-8")
    if raw_text.count(needle) != 1:
        raise GoldError(f"{folder / file}: reference {needle!r} of {claim!r} must occur exactly once")
    article = by_file.get(file)
    if article is None:
        return Ref(claim, file, needle)  # ingest dropped the whole article: every use misses
    start = article.text.find(needle)
    if start < 0:
        return Ref(claim, file, needle)  # cleaning dropped or rewrote the sentence
    return Ref(claim, file, needle, article.id, (start, start + len(needle)))


# --- running the pipeline -------------------------------------------------------------


def run_story(folder: Path, settings) -> tuple[list[ArticleAnalysis], Story]:  # noqa: ANN001
    from storyline.analyze import analyze_articles
    from storyline.ingest import ReadOptions, read_inputs
    from storyline.link.story import build_story

    items = list(read_inputs([str(folder)], ReadOptions()))
    problems = [i for i in items if not isinstance(i, Article)]
    if problems:
        raise RuntimeError(f"ingest problems in {folder}: {problems}")
    articles = [i for i in items if isinstance(i, Article)]
    analyses = list(analyze_articles(articles, settings))
    return analyses, build_story(analyses)


# --- scoring --------------------------------------------------------------------------


def _overlaps(ref: Ref, article: str, span: tuple[int, int]) -> bool:
    return ref.span is not None and ref.article == article and ref.span[0] < span[1] and span[0] < ref.span[1]


def _sentence_refs(gold: Gold, article: str, span: tuple[int, int]) -> list[Ref]:
    return [r for c in gold.claims.values() for r in c.refs if _overlaps(r, article, span)]


def _covered_refs(gold: Gold, claim: Claim) -> set[Ref]:
    """Gold references on this system claim's evidence sentences."""
    return {r for e in claim.evidence for r in _sentence_refs(gold, e.article, e.span)}


def score_story(gold: Gold, story: Story) -> Tally:
    t = Tally()
    _score_pairs(gold, story, t)
    _score_conflicts(gold, story, t)
    _score_labels(gold, story, t)
    return t


def _score_pairs(gold: Gold, story: Story, t: Tally) -> None:
    # a sentence pair joined by several story claims (quantity, assertion ...) counts once
    joined: dict[tuple, str] = {}
    for claim in story.claims:
        for pair in combinations(sorted({(e.article, e.span) for e in claim.evidence}), 2):
            joined.setdefault(pair, claim.text)
    for ((a1, s1), (a2, s2)), text in joined.items():
        left, right = _sentence_refs(gold, a1, s1), _sentence_refs(gold, a2, s2)
        if not left or not right:
            continue
        if {r.claim for r in left} & {r.claim for r in right}:
            t.pair_tp += 1
        else:
            t.pair_fp += 1
            t.errors.append(f"FALSE MERGE {_names(left)} + {_names(right)} in claim {text!r}")
    for gc in gold.claims.values():
        for r1, r2 in combinations(gc.refs, 2):
            t.gold_pairs += 1
            if any(_holds(c, r1) and _holds(c, r2) for c in story.claims):
                t.gold_pairs_found += 1
            else:
                t.errors.append(f"MISSED PAIR {gc.id}: {r1.file} {r1.needle!r} / {r2.file} {r2.needle!r}")


def _holds(claim: Claim, ref: Ref) -> bool:
    return any(_overlaps(ref, e.article, e.span) for e in claim.evidence)


def _names(refs: Iterable[Ref]) -> str:
    return "|".join(sorted({r.claim for r in refs}))


def _conflict_pairs(
    gold: Gold, story: Story, kinds: tuple[str, ...]
) -> list[tuple[Conflict, set[frozenset[str]]]]:
    """Each conflict of these kinds with the gold claim pairs it joins (across two of its claims)."""
    # a story may hold two claims under one id: a conflict member is every claim with its id
    refs_of: dict[str, set[Ref]] = {}
    values_of: dict[str, set[float]] = {}
    for claim in story.claims:
        refs_of.setdefault(claim.id, set()).update(_covered_refs(gold, claim))
        values_of.setdefault(claim.id, set()).update(q.value for q in claim.quantities)
    out = []
    for conflict in story.conflicts:
        if conflict.kind not in kinds:
            continue
        members = [i for i in dict.fromkeys(conflict.claims) if i in refs_of]
        joined: set[frozenset[str]] = set()
        for left, right in combinations(members, 2):
            if values_of[left] & values_of[right]:
                continue  # same figure: two claims on one side of the conflict, not rivals
            # one sentence on both sides (a denial and its own content) says nothing about two refs
            joined |= {frozenset((a.claim, b.claim)) for a in refs_of[left] for b in refs_of[right] if a != b}
        out.append((conflict, joined))
    return out


def _score_conflicts(gold: Gold, story: Story, t: Tally) -> None:
    numeric = _conflict_pairs(gold, story, ("numeric",))
    t.num_gold, t.num_sys = len(gold.numeric), len(numeric)
    for conflict, joined in numeric:
        if joined & set(gold.numeric):
            t.num_tp += 1
        else:
            t.errors.append(f"WRONG NUMERIC CONFLICT {conflict.summary!r} joins {_pairs(joined)}")
    found_numeric = set().union(*(j for _, j in numeric)) if numeric else set()
    for pair in gold.numeric:
        if pair in found_numeric:
            t.num_found += 1
        else:
            t.errors.append(f"MISSED NUMERIC CONFLICT {_pair(pair)}")

    denial = _conflict_pairs(gold, story, ("denial",))
    t.den_gold, t.den_sys = len(gold.denial), len(denial)
    t.den_tp = sum(1 for _, joined in denial if joined & set(gold.denial))
    found_denial = set().union(*(j for _, j in denial)) if denial else set()
    for pair in gold.denial:
        if pair in found_denial:
            t.den_found += 1
        else:
            t.errors.append(f"MISSED DENIAL CONFLICT {_pair(pair)}")

    every = _conflict_pairs(gold, story, ("numeric", "denial", "date", "other"))
    guarded = set(gold.no_conflict)
    t.no_conf = len(guarded) + sum(1 for c in gold.claims.values() if len(c.refs) > 1)
    for conflict, joined in every:
        for pair in joined:
            if pair in guarded or len(pair) == 1:
                t.no_conf_violations += 1
                t.errors.append(f"NO-CONFLICT VIOLATED {_pair(pair)} by {conflict.kind} {conflict.summary!r}")


def _pair(pair: frozenset[str]) -> str:
    return " vs ".join(sorted(pair)) if len(pair) > 1 else f"{next(iter(pair))} vs itself"


def _pairs(pairs: set[frozenset[str]]) -> str:
    return ", ".join(sorted(_pair(p) for p in pairs)) or "no gold claims"


def best_match(gc: GoldClaim, story: Story) -> Claim | None:
    """The story claim standing for a gold claim: most of its references, then the one whose
    own quantities sit on the references, then the narrowest."""
    best, key = None, None
    for claim in story.claims:
        held = [r for r in gc.refs if _holds(claim, r)]
        if not held:
            continue
        on_ref = sum(
            1 for r in held for q in claim.quantities if r.span and r.span[0] <= q.span[0] < r.span[1]
        )
        candidate = (len(held), on_ref, -len(claim.evidence))
        if key is None or candidate > key:
            best, key = claim, candidate
    return best


def _score_labels(gold: Gold, story: Story, t: Tally) -> None:
    for gc in gold.claims.values():
        if gc.status is None and gc.independent_sources is None:
            continue
        claim = best_match(gc, story)
        if gc.status is not None:
            t.status_n += 1
            got = claim.status if claim else "(no claim)"
            t.labels[(gc.status, got)] += 1
            if got == gc.status:
                t.status_ok += 1
            else:
                t.errors.append(f"STATUS {gc.id}: gold {gc.status}, system {got}")
        if gc.independent_sources is not None:
            t.indep_n += 1
            got_n = claim.independent_sources if claim else None
            if got_n == gc.independent_sources:
                t.indep_ok += 1
            else:
                t.errors.append(f"INDEPENDENT SOURCES {gc.id}: gold {gc.independent_sources}, system {got_n}")


# --- the whole set --------------------------------------------------------------------


def story_dirs(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / "gold.json").is_file())


def evaluate(root: Path = DEFAULT, settings=None) -> list[StoryResult]:  # noqa: ANN001
    """Every story under root, scored; a story that crashes is reported, the others go on."""
    from storyline.settings import Settings

    settings = settings or Settings()
    results = []
    for folder in story_dirs(root):
        t0 = time.perf_counter()
        try:
            analyses, story = run_story(folder, settings)
            gold = load_gold(folder, [a.article for a in analyses])
            tally = score_story(gold, story)
            results.append(StoryResult(folder.name, tally, time.perf_counter() - t0))
        except Exception:  # noqa: BLE001 - one broken story must not stop the benchmark
            results.append(
                StoryResult(folder.name, Tally(), time.perf_counter() - t0, traceback.format_exc())
            )
    return results


def total(results: Iterable[StoryResult]) -> Tally:
    out = Tally()
    for r in results:
        out.add(r.tally)
    return out


def _line(name: str, t: Tally, seconds: float | None = None) -> str:
    timing = f"  {seconds:5.2f}s" if seconds is not None else ""
    return (
        f"{name:22} align P {t.align_p:.2f} R {t.align_r:.2f} F1 {t.align_f1:.2f} "
        f"({t.pair_tp}/{t.pair_tp + t.pair_fp} sys, {t.gold_pairs_found}/{t.gold_pairs} gold) | "
        f"numeric P {t.numeric_p:.2f} R {t.numeric_r:.2f} "
        f"({t.num_tp}/{t.num_sys}, {t.num_found}/{t.num_gold}) | "
        f"no-conf viol {t.no_conf_violations}/{t.no_conf} | "
        f"denial R {t.denial_r:.2f} ({t.den_found}/{t.den_gold}) P {t.denial_p:.2f} | "
        f"status {t.status_ok}/{t.status_n} | indep {t.indep_ok}/{t.indep_n}{timing}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", action="store_true", help="print every miss, false merge and wrong label")
    args = parser.parse_args()

    from storyline.analyze.nlp import load_nlp
    from storyline.settings import Settings

    settings = Settings()
    t0 = time.perf_counter()
    load_nlp(settings.model)
    load = time.perf_counter() - t0
    results = evaluate(args.root, settings)
    for r in results:
        if r.crash:
            print(f"{r.name:22} CRASHED\n{r.crash}")
            continue
        print(_line(r.name, r.tally, r.seconds))
        if args.errors:
            for err in r.tally.errors:
                print(f"    {err}")
    t = total(results)
    print(_line("TOTAL (micro)", t, sum(r.seconds for r in results)))
    labels = "  ".join(f"{lab} P {t.label_pr(lab)[0]:.2f} R {t.label_pr(lab)[1]:.2f}" for lab in STATUSES)
    print(f"status accuracy {t.status_acc:.3f}  indep accuracy {t.indep_acc:.3f}  per label: {labels}")
    crashed = sum(1 for r in results if r.crash)
    print(
        f"stories {len(results)} (crashed {crashed}); model load {load:.2f}s; timings are noisy (shared CPU)"
    )


if __name__ == "__main__":
    main()
