"""Training code for presslens's models: everything that needs torch lives here.

Kept apart from the shipped ``presslens`` package so that inference stays torch-free
and the runtime never imports evaluation or corpus code. One sub-package per model
(``techniques/``), each with a ``recipe`` module that ``presslens train ...`` calls.
Needs the ``train`` extra (torch==2.13.0, transformers, onnx) for the neural parts.
"""
