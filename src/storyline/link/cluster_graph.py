"""The graph half of story clustering: shared neighbours and average linkage.

Both work on a sparse graph (only the candidate pairs blocking found), so the
cost grows with the number of edges, not with the square of the articles.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence


def top_neighbours(scores: Mapping[int, float], k: int, floor: float) -> tuple[int, ...]:
    """The ``k`` best-scored neighbours at or above ``floor``; ties go to the lower index."""
    ranked = sorted((-s, j) for j, s in scores.items() if s >= floor)
    return tuple(j for _, j in ranked[:k])


def shared_neighbours(i: int, j: int, neighbours: Sequence[Sequence[int]], k: int) -> float:
    """How much two articles' nearest neighbourhoods overlap, each counting itself.

    1.0 when both see the same k neighbours; it is what keeps two stories of
    the same kind apart: a Jackson arrest article has other Jackson articles as
    its nearest neighbours, not the Williams ones, even where its cosine to a
    Williams article is as high as to some Jackson ones.
    """
    mine = {i, *neighbours[i]}
    return sum(1 for x in (j, *neighbours[j]) if x in mine) / (k + 1)


def average_linkage(
    nodes: Iterable[int], weights: Mapping[tuple[int, int], float], threshold: float
) -> list[list[int]]:
    """Groups of ``nodes``: merge the two groups with the highest mean pair weight
    while that mean is at least ``threshold``. Pairs absent from ``weights``
    weigh 0, so a group only grows where most of its pairs are linked."""
    members = {v: [v] for v in nodes}
    adjacency: dict[int, dict[int, float]] = {v: {} for v in members}
    for (a, b), w in weights.items():
        if a in members and b in members and a != b:
            adjacency[a][b] = adjacency[a].get(b, 0.0) + w
            adjacency[b][a] = adjacency[a][b]
    heap = [(-w / 1.0, a, b) for a, near in adjacency.items() for b, w in near.items() if a < b]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members or b not in adjacency[a]:
            continue
        mean = adjacency[a][b] / (len(members[a]) * len(members[b]))
        if mean != -neg:
            continue  # stale: a newer entry holds this pair's mean
        if mean < threshold:
            break
        keep, drop = (a, b) if len(adjacency[a]) >= len(adjacency[b]) else (b, a)
        _merge(keep, drop, members, adjacency)
        for x, total in adjacency[keep].items():
            mean = total / (len(members[keep]) * len(members[x]))
            heapq.heappush(heap, (-mean, min(keep, x), max(keep, x)))
    return sorted(sorted(group) for group in members.values())


def _merge(
    keep: int, drop: int, members: dict[int, list[int]], adjacency: dict[int, dict[int, float]]
) -> None:
    for x, total in adjacency.pop(drop).items():
        del adjacency[x][drop]
        if x != keep:
            adjacency[keep][x] = adjacency[keep].get(x, 0.0) + total
            adjacency[x][keep] = adjacency[keep][x]
    members[keep].extend(members.pop(drop))
