"""Persuasion techniques (PTC / SemEval-2020 Task 11 labels): spans and their technique.

Inference (:mod:`.model`, :mod:`.stage`) needs only onnxruntime, tokenizers and numpy;
training (:mod:`.training`) needs the ``train`` extra (torch, transformers) and is
never imported by inference code.
"""
