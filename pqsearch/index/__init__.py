"""index step of the pipeline."""
