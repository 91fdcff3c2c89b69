"""Term statistics that grow with the index, and the pair score built on them.

Every article keeps its raw term counts; weights are computed when a pair is
scored, with the document frequencies of that moment, so an index that grows
article by article needs no re-weighting pass.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from storyline.link.cluster_features import ArticleFeatures


class TermStats:
    """Vocabulary, document frequencies and every article's term rows."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self._df = np.zeros(1024, dtype=np.int64)
        self.terms: list[np.ndarray] = []  # term ids (content words and names)
        self.counts: list[np.ndarray] = []  # 1 + log(count), parallel to terms
        self.names: list[np.ndarray] = []  # name ids alone

    def __len__(self) -> int:
        return len(self.terms)

    def add(self, features: ArticleFeatures) -> int:
        """Index one article's terms; its row number."""
        words = dict(features.terms)
        for name in features.names:
            words[name] = 1  # a name counts once: repeats are the article's style, not news
        vocab = self.vocab
        ids = np.array([vocab.setdefault(w, len(vocab)) for w in words], dtype=np.int32)
        if len(vocab) > len(self._df):
            self._df = np.concatenate([self._df, np.zeros(len(vocab) + len(self._df), np.int64)])
        self._df[ids] += 1
        self.terms.append(ids)
        self.counts.append(1.0 + np.log(np.fromiter(words.values(), dtype=np.float32)))
        self.names.append(np.array([vocab[n] for n in features.names], dtype=np.int32))
        return len(self.terms) - 1

    def idf(self) -> np.ndarray:
        """Smoothed IDF: a word every article has still weighs 1, so two articles
        alone (a story of two) are compared by what they share, not by nothing."""
        n = len(self.terms)
        return np.log((1.0 + n) / (1.0 + self._df[: len(self.vocab)])) + 1.0

    def rows(self, rows: Sequence[int], idf: np.ndarray, *, names_only: bool = False) -> sparse.csr_matrix:
        """L2-normalised TF-IDF rows (one per entry of ``rows``)."""
        ids = [self.names[r] if names_only else self.terms[r] for r in rows]
        weights = [idf[i] if names_only else idf[i] * self.counts[r] for r, i in zip(rows, ids, strict=True)]
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum([len(i) for i in ids], out=indptr[1:])
        data = np.concatenate(weights) if weights else np.zeros(0)
        matrix = sparse.csr_matrix(
            (data, np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64), indptr),
            shape=(len(rows), max(len(self.vocab), 1)),
        )
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.diags(1.0 / norms) @ matrix

    def top_terms(self, row: int, idf: np.ndarray, limit: int) -> list[int]:
        """The article's ``limit`` heaviest term ids (ties to the lower id)."""
        ids = self.terms[row]
        weights = idf[ids] * self.counts[row]
        order = np.lexsort((ids, -weights))[:limit]
        return [int(i) for i in ids[order]]


def pair_cosines(
    stats: TermStats,
    left: np.ndarray,
    right: np.ndarray,
    *,
    names_only: bool = False,
    chunk: int = 8192,
) -> np.ndarray:
    """Cosine of each (left[k], right[k]) pair, under the current IDF."""
    idf = stats.idf()
    rows = np.unique(np.concatenate([left, right]))
    matrix = stats.rows(rows.tolist(), idf, names_only=names_only)
    where = np.searchsorted(rows, left), np.searchsorted(rows, right)
    out = np.empty(len(left))
    for start in range(0, len(left), chunk):
        a = matrix[where[0][start : start + chunk]]
        b = matrix[where[1][start : start + chunk]]
        out[start : start + chunk] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out


def date_factor(a: ArticleFeatures, b: ArticleFeatures) -> float:
    """How far apart in time two articles are, as a multiplier on their score.

    Same-kind events on different days are ECB+'s hard case; their articles
    share words and names but not days. Not tuned on data (the dev set has
    almost no dates): a week apart is the same news cycle, two months apart
    is rarely one story, and two articles that both name full dates, none
    within a month of each other, are probably about different events.
    """
    factor = 1.0
    if a.published is not None and b.published is not None:
        gap = abs(a.published - b.published)
        if gap > SAME_CYCLE_DAYS:
            factor = max(FAR_FACTOR, 1.0 - (1.0 - FAR_FACTOR) * (gap - SAME_CYCLE_DAYS) / FAR_DAYS)
    if a.days and b.days and _closest(a.days, b.days) > EVENT_GAP_DAYS:
        factor *= OTHER_EVENT_FACTOR
    return factor


SAME_CYCLE_DAYS = 7
FAR_DAYS = 53  # the factor reaches FAR_FACTOR two months apart
FAR_FACTOR = 0.25
EVENT_GAP_DAYS = 30
OTHER_EVENT_FACTOR = 0.6


def _closest(a: Sequence[int], b: Sequence[int]) -> int:
    bs = np.asarray(b)
    pos = np.searchsorted(bs, a)
    best = np.iinfo(np.int64).max
    for x, p in zip(a, pos, strict=True):
        for q in (p - 1, p):
            if 0 <= q < len(bs):
                best = min(best, abs(int(bs[q]) - x))
    return int(best)
