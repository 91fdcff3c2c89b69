"""Blocking: which pairs of articles are worth scoring at all.

Three cheap signals propose a pair; only proposed pairs are ever scored:

- shared key terms: an article's heaviest TF-IDF terms and names (rare words
  and rare names), looked up in posting lists that are skipped once longer
  than a cap, so a common word never makes a quadratic block;
- shared dated names: a full date the text names together with one of its
  top names ("2024-10-18" and "north korea");
- MinHash LSH on word trigrams (datasketch): reprints and wire copies, whose
  shared terms may all be common ones.

Posting lists are kept per week of publication; a dated article looks in its
own week and the two beside it, plus the undated lists, so an archive that
grows in time costs the same per article.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence

from datasketch import LeanMinHash, MinHash, MinHashLSH

UNDATED = -1
SIGNATURE_WORDS = 150
WEEK = 7


class Blocker:
    def __init__(self, *, cap: int, num_perm: int, lsh_threshold: float) -> None:
        self.cap = cap
        self.postings: dict[Hashable, dict[int, list[int]]] = {}
        self.lsh = MinHashLSH(threshold=lsh_threshold, num_perm=num_perm)
        self._template = MinHash(num_perm=num_perm, seed=1, scheme="affine32")

    def candidates(
        self, row: int, keys: Iterable[Hashable], published: int | None, signature: LeanMinHash | None
    ) -> Counter[int]:
        """Rows already inserted that share keys with this one: row -> keys shared.
        A near-duplicate found by LSH counts as sharing many keys."""
        bucket = UNDATED if published is None else published // WEEK
        shared: Counter[int] = Counter()
        for key in keys:
            for rows in self._lists(key, bucket):
                shared.update(rows)
        if signature is not None:
            shared.update({int(r): 1000 for r in self.lsh.query(signature)})
        shared.pop(row, None)
        return shared

    def insert(
        self, row: int, keys: Iterable[Hashable], published: int | None, signature: LeanMinHash | None
    ) -> None:
        bucket = UNDATED if published is None else published // WEEK
        for key in keys:
            self.postings.setdefault(key, {}).setdefault(bucket, []).append(row)
        if signature is not None:
            self.lsh.insert(str(row), signature, check_duplication=False)

    def signature(self, words: Sequence[str]) -> LeanMinHash | None:
        """MinHash of the trigrams of the article's first content words (a reprint
        keeps its lead); None for a text under three words."""
        words = words[:SIGNATURE_WORDS]
        grams = {" ".join(words[i : i + 3]).encode() for i in range(len(words) - 2)}
        if not grams:
            return None
        minhash = MinHash(
            num_perm=self._template.num_perm,
            seed=1,
            hashfunc=zlib.crc32,
            permutations=self._template.permutations,
            scheme=self._template.scheme,
        )
        minhash.update_batch(sorted(grams))
        return LeanMinHash(minhash)

    def _lists(self, key: Hashable, bucket: int) -> Iterable[list[int]]:
        by_bucket = self.postings.get(key)
        if not by_bucket:
            return ()
        if bucket == UNDATED:
            # an undated article cannot be placed in time: only rare keys reach every week
            if sum(len(rows) for rows in by_bucket.values()) > self.cap:
                return ()
            return by_bucket.values()
        lists = (by_bucket.get(b) for b in (bucket - 1, bucket, bucket + 1, UNDATED))
        return [rows for rows in lists if rows and len(rows) <= self.cap]
