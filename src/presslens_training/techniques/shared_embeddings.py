"""One word-embedding table for every encoder the techniques model ships.

The MiniLM word-embedding table (30,522 x 384) is a third of each encoder on disk
(11.7 MB in int8), and fine-tuning barely moves it: the shipped tagger's and span
classifier's int8 tables agree on 91% of their bytes and differ by at most one
quantum on 99.998% of them. So the encoders can use one table, the first tagger's.
A further tagger is trained with its word embeddings frozen at that table
(:func:`read_table`; ``--word-embeddings`` in training), and on export every graph's
own lookup is replaced by a lookup in one external file (:func:`share_table`), which
onnxruntime reads when it loads a graph from its path. A second tagger then costs
the size of its transformer layers only (about 11 MB), which is what lets an
ensemble fit the 50 MB limit.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from presslens_training.techniques.quantize import consumers_of

TABLE = "word_embeddings.bin"
"""The shared int8 table, as external data of every graph in the model folder."""
SHARED = "shared.word_embeddings"


def _lookup(graph) -> tuple[str, list]:
    """The float word-embedding tensor and the nodes that compute it from ``input_ids``.

    Whatever form the lookup has (fp32 ``Gather``; ``Gather`` + ``DequantizeLinear``
    from dynamic quantisation; per-row int8 ``Gather``s + ``Cast`` + ``Mul``), it ends in
    the first ``Add`` of the embeddings (word + token type).
    """
    consumers = consumers_of(graph)
    gathers = [n for n in graph.node if n.op_type == "Gather" and n.input[1] == "input_ids"]
    if not gathers:
        raise ValueError("no word-embedding Gather on input_ids")
    chain, tensor = [], gathers[0].output[0]
    chain.extend(gathers)
    while True:
        nexts = consumers.get(tensor, [])
        if len(nexts) != 1:
            raise ValueError(f"{tensor}: the word-embedding lookup branches")
        if nexts[0].op_type == "Add":
            return tensor, chain
        node = nexts[0]
        if node.op_type not in {"DequantizeLinear", "Cast", "Mul"}:
            raise ValueError(f"unexpected {node.op_type} in the word-embedding lookup")
        chain.append(node)
        tensor = node.output[0]


def _quantised_table(path: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(int8 table, scale, zero point)`` of an int8 graph's word embeddings.

    Two forms: one scale and zero point for the table (dynamic quantisation's
    ``Gather`` + ``DequantizeLinear``), or one scale per row (:mod:`.quantize`'s
    ``Gather`` of rows and of scales, ``Cast``, ``Mul``; zero point 0).
    """
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(path))
    inits = {i.name: i for i in model.graph.initializer}
    _, chain = _lookup(model.graph)
    ops = [n.op_type for n in chain]
    gathers = [n for n in chain if n.op_type == "Gather" and n.input[0] in inits]
    if ops.count("DequantizeLinear") == 1 and len(gathers) == 1:
        dequantise = chain[ops.index("DequantizeLinear")]
        table = numpy_helper.to_array(inits[gathers[0].input[0]])
        scale, zero = (numpy_helper.to_array(inits[n]) for n in dequantise.input[1:3])
        if scale.size == 1 and table.ndim == 2:
            return table, scale.reshape(()), zero.reshape(())
    elif "Cast" in ops and "Mul" in ops and len(gathers) == 2:
        cast = chain[ops.index("Cast")]
        rows = next(g for g in gathers if g.output[0] == cast.input[0])
        scales = next(g for g in gathers if g is not rows)
        table = numpy_helper.to_array(inits[rows.input[0]])
        scale = numpy_helper.to_array(inits[scales.input[0]])
        if table.ndim == 2 and scale.shape == (table.shape[0], 1):
            return table, scale.astype(np.float32), np.zeros((), table.dtype)
    raise ValueError(f"{path.name}: word embeddings are not one int8 table")


def read_table(path: Path) -> np.ndarray:
    """The float word-embedding table an int8 ONNX encoder computes with (dequantised)."""
    table, scale, zero = _quantised_table(path)
    return ((table.astype(np.float32) - zero.astype(np.float32)) * scale).astype(np.float32)


def share_table(source: Path, targets: list[Path], directory: Path) -> int:
    """Make ``source`` and every graph in ``targets`` look words up in one table file.

    ``source``'s int8 table is written once to ``directory / TABLE``; each graph
    (``source`` included, rewritten in place) gathers from it as external data and
    dequantises with ``source``'s scale(s) and zero point. Returns the table's bytes.
    """
    import onnx
    from onnx import helper, numpy_helper
    from onnx.external_data_helper import set_external_data

    table, scale, zero = _quantised_table(source)
    blob = np.ascontiguousarray(table).tobytes()
    for path in [source, *targets]:
        model = onnx.load(str(path))
        graph = model.graph
        tensor, chain = _lookup(graph)
        dropped = {n.output[0] for n in chain}  # nodes by output: wrapper ids are not stable
        nodes = [n for n in graph.node if n.output[0] not in dropped]
        lookup = [helper.make_node("Gather", [SHARED, "input_ids"], [f"{SHARED}.rows"])]
        if scale.ndim == 0:
            lookup.append(
                helper.make_node(
                    "DequantizeLinear",
                    [f"{SHARED}.rows", f"{SHARED}.scale", f"{SHARED}.zero"],
                    [tensor],
                )
            )
        else:  # one scale per row, gathered beside the rows
            lookup += [
                helper.make_node(
                    "Cast", [f"{SHARED}.rows"], [f"{SHARED}.float"], to=onnx.TensorProto.FLOAT
                ),
                helper.make_node("Gather", [f"{SHARED}.scale", "input_ids"], [f"{SHARED}.s"]),
                helper.make_node("Mul", [f"{SHARED}.float", f"{SHARED}.s"], [tensor]),
            ]
        del graph.node[:]
        graph.node.extend(lookup + nodes)
        used = {name for n in graph.node for name in n.input}
        kept = [i for i in graph.initializer if i.name in used and not i.name.startswith(SHARED)]
        shared = numpy_helper.from_array(table, SHARED)
        set_external_data(shared, location=TABLE, offset=0, length=len(blob))
        shared.ClearField("raw_data")
        shared.data_location = onnx.TensorProto.EXTERNAL
        del graph.initializer[:]
        graph.initializer.extend(
            [shared, numpy_helper.from_array(scale.astype(np.float32), f"{SHARED}.scale")]
            + ([numpy_helper.from_array(zero, f"{SHARED}.zero")] if scale.ndim == 0 else [])
            + kept
        )
        onnx.save(model, str(path))
    (directory / TABLE).write_bytes(blob)
    return len(blob)
