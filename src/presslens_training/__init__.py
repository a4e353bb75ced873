"""Training code for presslens models (imported lazily by ``presslens train``)."""
