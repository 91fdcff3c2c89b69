"""Near-duplicates and wire copies: one agency text republished by several outlets.

MinHash (datasketch, 128 permutations) over word 5-gram shingles of the
lower-cased text, candidates from an LSH index, then a decision on the
estimated overlap:

* Jaccard >= ``JACCARD`` (0.4): the same text with edits, or
* containment >= ``CONTAINMENT`` (0.65) of the shorter text in the longer one,
  when the shorter is at least ``MIN_SHARE`` (0.3) of the longer: the outlet
  trimmed the agency copy or added its own paragraphs around it.

Tuned on ``../shared/data/corpus/bbc.jsonl``: the 2,225 BBC articles plus
synthetic wire copies of 300 of them (up to 30 % of the closing paragraphs
dropped, one word in 50 changed, half with a paragraph of another article
added). Grid (Jaccard/containment): 0.5/0.8 found 278 of 300 copies, 0.45/0.7
286, 0.4/0.65 291, 0.35/0.6 296; at every setting the BBC originals paired
with each other (169-177 pairs, the corpus' known duplicate stories) all share
at least 30 % of their shingles, i.e. none is an unrelated article. 0.4/0.65
is the middle ground; ``tests/test_dedup.py`` holds the floor. Two reports of one
event written independently share almost no 5-grams (Jaccard ~0), so they
are never merged here: that is story clustering's job, not this one's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from datasketch import MinHash, MinHashLSH

from storyline.records import Article

NUM_PERM = 128
SHINGLE = 5
JACCARD = 0.4
CONTAINMENT = 0.65
MIN_SHARE = 0.3
# LSH recall threshold: low enough to surface containment candidates whose
# Jaccard is only MIN_SHARE * CONTAINMENT-ish.
_LSH_THRESHOLD = 0.2
_SEED = 1
_TOKEN = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    tokens = _TOKEN.findall(text.casefold())
    if len(tokens) < SHINGLE:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i : i + SHINGLE]).encode("utf-8") for i in range(len(tokens) - SHINGLE + 1)}


class WireIndex:
    """Articles seen so far; ``add`` says which earlier one a new article copies."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=_LSH_THRESHOLD, num_perm=NUM_PERM)
        self._hashes: dict[str, MinHash] = {}
        self._sizes: dict[str, int] = {}
        self._original: dict[str, str] = {}  # copy id -> original id
        self._order: dict[str, int] = {}

    def add(self, article: Article) -> str | None:
        """Index ``article``; the id of the earliest near-duplicate already indexed, or None."""
        if article.id in self._hashes:
            return self._original.get(article.id)
        grams = shingles(article.text)
        if not grams:
            return None
        minhash = MinHash(num_perm=NUM_PERM, seed=_SEED)
        minhash.update_batch(list(grams))
        match = self._best_match(minhash, len(grams))
        self._lsh.insert(article.id, minhash)
        self._hashes[article.id] = minhash
        self._sizes[article.id] = len(grams)
        self._order[article.id] = len(self._order)
        if match is not None:
            self._original[article.id] = self._original.get(match, match)
        return self._original.get(article.id)

    def _best_match(self, minhash: MinHash, size: int) -> str | None:
        found = [key for key in self._lsh.query(minhash) if _same_text(
            minhash.jaccard(self._hashes[key]), size, self._sizes[key])]  # fmt: skip
        return min(found, key=self._order.__getitem__) if found else None


def _same_text(jaccard: float, size_a: int, size_b: int) -> bool:
    if jaccard >= JACCARD:
        return True
    small, large = sorted((size_a, size_b))
    if small < MIN_SHARE * large:
        return False
    common = jaccard * (size_a + size_b) / (1 + jaccard)
    return common / small >= CONTAINMENT


def find_wire_copies(articles: Iterable[Article]) -> dict[str, str]:
    """copy id -> original id, the original being the first of its group in ``articles``."""
    index = WireIndex()
    copies = {}
    for article in articles:
        original = index.add(article)
        if original is not None and original != article.id:
            copies[article.id] = original
    return copies


def mark_wire_copies(articles: Iterable[Article]) -> list[Article]:
    """The articles, each copy flagged ``wire-copy:<original id>``."""
    articles = list(articles)
    copies = find_wire_copies(articles)
    return [
        replace(a, flags=(*a.flags, f"wire-copy:{copies[a.id]}")) if a.id in copies else a for a in articles
    ]


__all__ = ["WireIndex", "find_wire_copies", "mark_wire_copies", "shingles"]
