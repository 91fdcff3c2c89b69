"""storyline.scale: the per-article stages on a Dask cluster, results into one store.

``run_batch(inputs, db=..., scheduler=None, workers=2, settings=...)`` is what
``storyline batch`` calls. See docs/scale.md for running it on a real cluster.
"""

from storyline.scale.runner import BatchReport, analyze_shard, link_store, run_batch

__all__ = ["BatchReport", "analyze_shard", "link_store", "run_batch"]
