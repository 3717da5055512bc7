"""analyze step of the pipeline."""
