"""Scorers, one module per stage, and the corpora they run on."""
