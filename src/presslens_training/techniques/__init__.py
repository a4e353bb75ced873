"""Training the techniques model (needs the ``train`` extra: torch, transformers, onnx).

Inference never imports this package; ``presslens train techniques`` does.
"""
