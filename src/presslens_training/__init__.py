"""Training code for presslens's models (needs the ``train`` extra; never imported at run time)."""
