"""Training the learned English attribution model on PolNeAR (``presslens train quotes``)."""
