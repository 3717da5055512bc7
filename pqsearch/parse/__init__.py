"""parse step of the pipeline."""
