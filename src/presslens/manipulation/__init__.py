"""Manipulation techniques in Russian and Ukrainian text (UNLP-2025 taxonomy), numpy only.

:mod:`.features` (hashed features shared with training), :mod:`.predictor` (the shipped
model), :mod:`.designations` (pejorative designations by rule), :mod:`.reading` (what the
``techniques`` stage records), :mod:`.labels` (names, definitions, examples).
"""
