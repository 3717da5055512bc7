"""query step of the pipeline."""
