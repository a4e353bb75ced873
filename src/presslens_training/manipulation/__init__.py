"""Training of the Russian/Ukrainian manipulation model (UNLP-2025): ``presslens train
techniques --data unlp2025``. scikit-learn fits; :mod:`presslens.manipulation` infers."""
