"""Extraction: documents to actors, quantities, claims, ties and events, each with its span."""

from alliances.extract.model import SCHEMA, Extraction
from alliances.extract.pipeline import Pipeline, default_pipeline

__all__ = ["SCHEMA", "Extraction", "Pipeline", "default_pipeline", "extract"]

_default: Pipeline | None = None


def extract(document) -> Extraction:
    """Run the default pipeline (built once per process) on a Document."""
    global _default
    if _default is None:
        _default = default_pipeline()
    return _default(document)
