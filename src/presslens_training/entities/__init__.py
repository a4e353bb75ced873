"""Training the Ukrainian entity tagger (``presslens train entities``)."""
